"""What no single record can show, checked across them: ids used twice, references, citations, attestations."""

from __future__ import annotations

import datetime as dt
import os
import typing
from collections.abc import Callable, Iterator
from typing import Any

from usnz.model.base import Record
from usnz.model.countries import COUNTRIES
from usnz.model.dates import OPEN, PartialDate
from usnz.model.errors import Problem, shown
from usnz.model.facts import Fact, facts, keys_of
from usnz.model.kinds.people import Attestation, Person
from usnz.model.records import KINDS, AnyRecord, is_source, paragraph_counts, spoken_dates
from usnz.reading.problems import Unread

__all__ = ["check"]


def _raw_references(cls: type[AnyRecord], item: dict[str, object]) -> Iterator[tuple[str, str]]:
    """Each (field, id) a record that could not be read refers to, as far as its JSON shows."""
    referring = {name for name, declared in facts(typing.cast("Any", cls)) if declared.refers}
    for key, value in item.items():
        values: list[object] = value if isinstance(value, list) else [value]  # pyright: ignore[reportUnknownVariableType]
        if key == "citations":
            for citation in values:
                source = citation.get("source") if isinstance(citation, dict) else None  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]
                if isinstance(source, str):
                    yield "citations.source", source
        elif key == "doubts":
            for doubt in values:
                given: dict[str, object] = doubt if isinstance(doubt, dict) else {}  # pyright: ignore[reportUnknownVariableType]
                source, concerns = given.get("source"), given.get("concerns")
                if isinstance(source, str):
                    yield "doubts.source", source
                named: list[object] = concerns if isinstance(concerns, list) else []  # pyright: ignore[reportUnknownVariableType]
                yield from (("doubts.concerns", ref) for ref in named if isinstance(ref, str))
        elif key in referring:
            yield from ((key, ref) for ref in values if isinstance(ref, str))


def check(
    records: list[tuple[str, AnyRecord]],
    problems: list[Problem],
    unread: Unread = (),  # type: ignore[assignment] # never mutated
) -> None:
    """Check what no single record can: unique ids, references, citations, countries, attestations.

    *unread* are the records that could not be read: their ids count as taken, and the ids
    they refer to are checked too, so one pass finds every problem.
    """

    def add(file: str, record: str | int, path: str, message: str) -> None:
        problems.append(Problem(file=file, record=record, path=path, message=message))

    by_id: dict[str, AnyRecord] = {}
    for name, record in records:
        if record.id in by_id:
            add(name, record.id, "id", f"id is used twice (also a {by_id[record.id].record_kind})")
        else:
            by_id[record.id] = record
    unreadable = {label for _, label, _ in unread if isinstance(label, str)}
    for name, label, item in unread:
        if isinstance(label, str) and label in by_id:
            add(name, label, "id", f"id is used twice (also a {by_id[label].record_kind})")
        kind = KINDS[os.path.splitext(os.path.basename(name))[0]]  # noqa: PTH119, PTH122 - a name, not a file
        for field, ref in _raw_references(kind, item):
            if ref not in by_id and ref not in unreadable:
                add(name, label, field, f"refers to {shown(ref)}, which no record has as its id")
    kinds = {cls.record_kind: cls for cls in KINDS.values()}
    expected_of: dict[Fact, tuple[type[AnyRecord], ...]] = {}  # the classes a field's ids may name

    def expected_for(declared: Fact) -> tuple[type[AnyRecord], ...]:
        expected = expected_of.get(declared)
        if expected is None:
            expected = expected_of[declared] = tuple(kinds[kind] for kind in declared.refers if kind in kinds)
        return expected

    known = COUNTRIES.keys()
    paragraphs = paragraph_counts(record for _, record in records)
    spoken: dict[str, dt.date] | None = None  # each source's as_of, for an attested record's open period
    for name, record in records:
        refs, codes = keys_of(record)
        for field, ref, declared in refs:
            target = by_id.get(ref)
            expected = expected_for(declared)
            if (
                target is None
                or (expected and not isinstance(target, expected))
                or (ref == record.id and (field in {"see_also", "disputes"} or field.endswith(".concerns")))
            ):
                _check_references(
                    name, record, by_id=by_id, unreadable=unreadable, expected_for=expected_for, add=add
                )  # the paths, said exactly
                break
        for code in sorted(codes - known) if codes and not codes <= known else ():
            add(
                name,
                record.id,
                "",
                f"country code {shown(code)} is not in usnz's country table ({', '.join(sorted(COUNTRIES))})",
            )
        for index, doubt in enumerate(record.doubts):
            count = paragraphs.get(doubt.source)
            beyond = [n for n in doubt.paragraphs if n > count] if count is not None else []
            if beyond:
                message = f"{doubt.source} has {count} paragraphs, not {beyond[0]}"
                add(name, record.id, f"doubts[{index}].paragraphs", message)
        if isinstance(record, Person) and any(role.attested for role in record.roles):
            if spoken is None:
                spoken = spoken_dates(r for _, r in records)
            for path, attestation in _attestations(record):
                for where, message in _attestation_problems(attestation, by_id.get(attestation.record), spoken):
                    add(name, record.id, f"{path}.{where}", message)
        if isinstance(record, Record):
            for index, citation in enumerate(record.citations):
                count = paragraphs.get(citation.source)
                if count is not None and citation.paragraph > count:
                    message = f"{citation.source} has {count} paragraphs, not {citation.paragraph}"
                    add(name, record.id, f"citations[{index}].paragraph", message)
            for other in record.disputes:
                target = by_id.get(other)
                if is_source(target):
                    add(
                        name,
                        record.id,
                        "disputes",
                        f"disputes {shown(other)}, a source; a record disputes another record's claim",
                    )
                elif isinstance(target, Record) and record.id not in target.disputes and other != record.id:
                    message = (
                        f"disputes {shown(other)}, but {shown(other)} does not list {shown(record.id)} in its disputes"
                    )
                    add(name, record.id, "disputes", message)


def _check_references(
    name: str,
    record: AnyRecord,
    *,
    by_id: dict[str, AnyRecord],
    unreadable: set[str],
    expected_for: Callable[[Fact], tuple[type[AnyRecord], ...]],
    add: Callable[[str, str | int, str, str], None],
) -> None:
    """Report each wrong reference of one record, with its exact path (``citations[2].source``)."""
    for field, ref, declared in record.references_of():
        if ref == record.id and (field in {"see_also", "disputes"} or field.endswith(".concerns")):
            add(name, record.id, field, f"refers to the record itself ({shown(ref)})")
            continue
        if ref in unreadable and ref not in by_id:
            continue  # the record it names has problems of its own, reported above
        target = by_id.get(ref)
        expected = expected_for(declared)
        if target is None:
            add(name, record.id, field, f"refers to {shown(ref)}, which no record has as its id")
        elif expected and not isinstance(target, expected):
            wanted = " or ".join(cls.record_kind for cls in expected)
            add(name, record.id, field, f"refers to {shown(ref)}, {_a(target.record_kind)}; expected {_a(wanted)}")


def _attestations(person: Person) -> Iterator[tuple[str, Attestation]]:
    """Each attestation of *person*'s roles, with its path (``roles[0].attested[2]``)."""
    for i, role in enumerate(person.roles):
        for j, attestation in enumerate(role.attested):
            yield f"roles[{i}].attested[{j}]", attestation


def _attestation_problems(
    attestation: Attestation, target: AnyRecord | None, as_of: dict[str, dt.date]
) -> Iterator[tuple[str, str]]:
    """What is wrong with *attestation* against *target*, the record it names, as (field, message).

    The record must be dated; the attestation's date is the record's date (or, for a record
    dated by a period, a date within the period's known extent: what the record is known to
    cover, an open end running on to its sources' dates); and its citation cites a paragraph the
    record cites (its quote, the words naming the person by the title, lies in that paragraph:
    ``usnz verify`` checks it against the text). A record that is missing or of another kind is
    reported with the references.
    """
    if not isinstance(target, Record):
        return
    ref = shown(target.id)
    when = target.when
    if when is None:
        yield "record", f"names {ref}, which has no date; an attestation is dated by its record"
    elif isinstance(when, PartialDate):
        if attestation.date != when:
            expected = f"is {attestation.date}, but {ref} is dated {when}; an attestation's date is its record's date"
            yield "date", expected
    else:
        spoken = [as_of[c.source] for c in target.citations if c.source in as_of]
        first, last = when.known(max(spoken) if spoken else None)
        if not (first <= attestation.date.earliest and attestation.date.latest <= last):
            known = f"to {last.isoformat()}" if when.start is OPEN else f"{first.isoformat()} to {last.isoformat()}"
            yield (
                "date",
                (
                    f"is {attestation.date}, but {ref} is dated {when} (known {known}); "
                    "an attestation's date lies within its record's period"
                ),
            )
    given = attestation.citation
    cited = [f"{c.source} ¶{c.paragraph}" for c in target.citations]
    if not any(c.source == given.source and c.paragraph == given.paragraph for c in target.citations):
        yield (
            "citation",
            (
                f"cites {given.source} ¶{given.paragraph}, which {ref} does not cite; "
                f"an attestation cites a paragraph of its record: {', '.join(dict.fromkeys(cited))}"
            ),
        )


def _a(noun: str) -> str:
    """*noun* with its indefinite article (``an event``, ``a quote``)."""
    return f"{'an' if noun[:1] in set('aeiou') else 'a'} {noun}"
