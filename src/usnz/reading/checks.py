"""What no single record can show, checked across them: ids used twice, references, citations, attestations."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import operator
import os
import sys
import typing
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from operator import attrgetter, itemgetter
from typing import Any, TypeVar

from usnz.model.base import Record
from usnz.model.citation import Citation
from usnz.model.countries import COUNTRIES
from usnz.model.dates import OPEN, PartialDate
from usnz.model.doubt import Doubt
from usnz.model.errors import Problem, shown
from usnz.model.facts import CODE, NESTED, Fact, facts, held_classes, keys_of, steps
from usnz.model.kinds.people import Attestation, Person
from usnz.model.records import KINDS, AnyRecord, is_source, paragraph_counts, source_texts, spoken_dates
from usnz.reading.ledger import Ledger
from usnz.reading.problems import Problems, Unread

__all__ = ["EXTENDED", "check", "wanted"]

EXTENDED = "<extended dataset>"
"""The file name the problems give the records of a dataset extended (``load(..., extends=)``)."""

T = TypeVar("T")


def _raw_references(cls: type[AnyRecord], item: dict[str, object]) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """Each (field, id, kinds it may name) a record that could not be read refers to, as far as its JSON shows.

    An empty id names nothing: the field's own check says so (``citations[0].source: source must be
    a non-empty str``), once.
    """
    referring = {name: declared.refers for name, declared in facts(typing.cast("Any", cls)) if declared.refers}
    for key, value in item.items():
        values: list[object] = value if isinstance(value, list) else [value]  # pyright: ignore[reportUnknownVariableType]
        if key == "citations":
            for citation in values:
                source = citation.get("source") if isinstance(citation, dict) else None  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]
                if isinstance(source, str) and source:
                    yield "citations.source", source, ("source",)
        elif key == "doubts":
            for doubt in values:
                given: dict[str, object] = doubt if isinstance(doubt, dict) else {}  # pyright: ignore[reportUnknownVariableType]
                source, concerns = given.get("source"), given.get("concerns")
                if isinstance(source, str) and source:
                    yield "doubts.source", source, ("source",)
                named: list[object] = concerns if isinstance(concerns, list) else []  # pyright: ignore[reportUnknownVariableType]
                yield from (("doubts.concerns", ref, ("any",)) for ref in named if isinstance(ref, str) and ref)
        elif key in referring:
            yield from ((key, ref, referring[key]) for ref in values if isinstance(ref, str) and ref)


def check(
    records: list[tuple[str, AnyRecord]],
    problems: list[Problem],
    unread: Unread = (),  # type: ignore[assignment] # never mutated
    unread_kinds: tuple[type[AnyRecord], ...] = (),
    ledger: Ledger | None = None,
) -> None:
    """Check what no single record can: unique ids, references, citations, countries, attestations.

    *unread* are the records that could not be read: their ids count as taken, and the ids
    they refer to are checked too, so one pass finds every problem. *unread_kinds* are the
    kinds of a file that could not be read at all: an id no record has is not reported where
    it may name a record of one of them (it may be in that file).

    The references, countries, paragraphs and disputes of all records are first asked by column
    (:func:`_all_well`: of the columns the quick reader read, kept in *ledger*, where it has
    them); only when something may be wrong is each record read on its own, to say what and where.
    """

    def add(file: str, record: str | int, path: str, message: str) -> None:
        problems.append(Problem(file=file, record=record, path=path, message=message))

    given = list(map(itemgetter(1), records))
    by_id: dict[str, AnyRecord] = dict(zip(map(attrgetter("id"), given), given, strict=True))
    unique = len(by_id) == len(given)
    where: dict[str, str] = {}  # the file of the first record of each id given twice
    if not unique:  # said in record order, each later record after the first with its id
        by_id = {}
        for name, record in records:
            if record.id in by_id:
                add(name, record.id, "id", _twice(by_id[record.id], where[record.id], name))
            else:
                by_id[record.id] = record
                where[record.id] = name
    unreadable = {label for _, label, _, _ in unread if isinstance(label, str)}
    unknown = _unknown(unread_kinds)
    extended = bool(records) and records[0][0] == EXTENDED  # (the records extended come first)
    partly: list[tuple[str, AnyRecord]] = []  # what was read of each record with problems, by its id
    unsure: set[str] = set()  # the ids of those whose disputes were not read
    for name, label, item, read_of_it in unread:
        if isinstance(label, str) and label in by_id:
            first = by_id[label]
            add(name, label, "id", _twice(first, next(n for n, r in records if r is first), name))
        kind = KINDS[os.path.splitext(os.path.basename(name))[0]]  # noqa: PTH119, PTH122 - a name, not a file
        names = False  # whether it refers to records
        for field, ref, refers in _raw_references(kind, item):
            names = True
            if ref not in by_id and ref not in unreadable and not unknown(refers):
                add(name, label, field, _dangling(ref, extended=extended))
        if read_of_it is None or read_of_it[0].id != label:  # no id read: what it refers to is not checked further
            if names and isinstance(problems, Problems):
                problems.unchecked += 1
            continue
        partly.append((name, read_of_it[0]))
        if "disputes" in read_of_it[1]:
            unsure.add(read_of_it[0].id)
    targets = by_id  # what a reference may name: the records read, and what was read of the others
    if partly:
        targets = {record.id: record for _, record in reversed(partly)} | by_id  # (the first of an id)
    expected_for = _expected()
    sources = source_texts(given)
    paragraphs = paragraph_counts(sources)
    spoken = spoken_dates(sources)  # where open periods run to
    checking: list[tuple[str, AnyRecord]] = records
    if unique and _all_well(given, targets, paragraphs, expected_for, ledger):
        checking = []
        for name, record in itertools.compress(records, map(isinstance, given, itertools.repeat(Person))):
            _check_attested(name, record, by_id, spoken, add)  # all else is well
    fixed = {record.id for name, record in records if name == EXTENDED} if checking or partly else set[str]()
    read = [True] * len(checking) + [False] * len(partly)  # whether each was read (else only partly)
    for (name, record), whole in zip(itertools.chain(checking, partly), read, strict=True):
        _check_one(
            name,
            record,
            by_id=targets,
            unreadable=unreadable,
            unknown=unknown,
            paragraphs=paragraphs,
            expected_for=expected_for,
            add=add,
            fixed=fixed,
            unsure=unsure,
            extended=extended if whole else None,
        )
        _check_attested(name, record, by_id, spoken, add)


def _dangling(ref: str, *, extended: bool) -> str:
    """What is said of a reference to *ref*, which no record has as its id.

    A packaged id, named by records loaded without ``extends=`` (not *extended*): how to load them with it.
    """
    message = f"refers to {shown(ref)}, which no record has as its id"
    if not extended and ref in _packaged_ids():
        message += (
            f"; {shown(ref)} is a packaged record: load with extends=usnz.dataset() "
            "(CLI: usnz validate --with-packaged)"
        )
    return message


@functools.cache
def _packaged_ids() -> frozenset[str]:
    """The ids of the packaged records, from the data's index of them (``data/ids.txt``); none if it cannot be read.

    Read as a resource (zip-safe), only to say more of a reference to no record: not through
    :mod:`usnz.reading.packaged`, which reads the packaged data with this module's reader.
    """
    from importlib import resources  # noqa: PLC0415 - only for a reference to no record

    try:
        text = (resources.files("usnz") / "data" / "ids.txt").read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(text.split()[::2])  # (one "id kind" line a record)


def _twice(first: AnyRecord, file: str | None, name: str) -> str:
    """A record's id given twice: say where the first record of it is (its kind, and its file when another)."""
    kind = first.record_kind
    article = "an" if kind[0] in "aeiou" else "a"
    elsewhere = f" in {file}" if file is not None and file != name else ""
    return f"id is used twice: {article} {kind}{elsewhere} has it too; give each record its own id"


def _unknown(unread_kinds: tuple[type[AnyRecord], ...]) -> Callable[[tuple[str, ...]], bool]:
    """Whether an id that may name a record of the kinds given (``refers``) may be in a file not read at all."""
    unread = {cls.record_kind for cls in unread_kinds}

    def unknown(refers: tuple[str, ...]) -> bool:
        return bool(unread) and ("any" in refers or not unread.isdisjoint(refers))

    return unknown


def _expected() -> Callable[[Fact], tuple[type[AnyRecord], ...]]:
    """The classes a field's ids may name, from its :class:`Fact` (none: any), each worked out once."""
    kinds = {cls.record_kind: cls for cls in KINDS.values()}
    expected_of: dict[Fact, tuple[type[AnyRecord], ...]] = {}

    def expected_for(declared: Fact) -> tuple[type[AnyRecord], ...]:
        expected = expected_of.get(declared)
        if expected is None:
            expected = expected_of[declared] = tuple(kinds[kind] for kind in declared.refers if kind in kinds)
        return expected

    return expected_for


def _check_one(
    name: str,
    record: AnyRecord,
    *,
    by_id: dict[str, AnyRecord],
    unreadable: set[str],
    unknown: Callable[[tuple[str, ...]], bool],
    paragraphs: dict[str, int],
    expected_for: Callable[[Fact], tuple[type[AnyRecord], ...]],
    add: Callable[[str, str | int, str, str], None],
    fixed: AbstractSet[str] = frozenset(),
    unsure: AbstractSet[str] = frozenset(),
    extended: bool | None = False,
) -> None:
    """Check one record's references, countries, paragraphs and disputes, saying what is wrong and where.

    *fixed* are the ids of the records of a dataset extended: they cannot be changed. *unsure*:
    those of the records whose disputes were not read (their problems say why). *extended*:
    whether records were loaded with ``extends=``; ``None`` for a record not read (a reference
    of it to no record is said from its JSON, with the other records not read).
    """
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
                name,
                record,
                by_id=by_id,
                unreadable=unreadable,
                unknown=unknown,
                expected_for=expected_for,
                add=add,
                extended=extended,
            )  # the paths, said exactly
            break
    known = COUNTRIES.keys()
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
            elif (
                isinstance(target, Record)
                and record.id not in target.disputes
                and other != record.id
                and other not in unsure
            ):
                message = (
                    f"disputes {shown(other)}, but {shown(other)} does not list {shown(record.id)} in its disputes"
                )
                if other in fixed:  # the user cannot edit it where it is: say how they can
                    folder = os.path.dirname(name) or "."  # noqa: PTH120 - a name, as the problems give it
                    message += (
                        ", and it cannot be changed: it is a record of the dataset extended (extends=). "
                        "Both records of a dispute list it: to record this one, export that dataset "
                        f"(usnz export --format json --out DIR), add {shown(record.id)} to the disputes of "
                        f"{shown(other)} in DIR, and load both folders without extends=: "
                        f"usnz.load([DIR, {shown(folder)}])"
                    )
                add(name, record.id, "disputes", message)


def _check_attested(
    name: str,
    record: AnyRecord,
    by_id: dict[str, AnyRecord],
    spoken: dict[str, dt.date],
    add: Callable[[str, str | int, str, str], None],
) -> None:
    """Check the attestations of a person's roles (*spoken*: each source's earliest day, for an open period)."""
    if isinstance(record, Person) and any(role.attested for role in record.roles):
        for path, attestation in _attestations(record):
            for where, message in _attestation_problems(attestation, by_id.get(attestation.record), spoken):
                add(name, record.id, f"{path}.{where}", message)


def _all_well(
    records: list[AnyRecord],
    by_id: dict[str, AnyRecord],
    paragraphs: dict[str, int],
    expected_for: Callable[[Fact], tuple[type[AnyRecord], ...]],
    ledger: Ledger | None = None,
) -> bool:
    """Whether the records' references, countries, paragraphs and disputes are all as they must be.

    Asked of whole columns at once (every event's ``see_also``, every citation's source...)
    with set operations and ``map``, read by each class's :func:`~usnz.model.facts.steps`: from
    the columns the quick reader read (*ledger*), for a class every record of which it read,
    else from the records. It may answer ``False`` when all is well; never ``True`` when a record
    has a problem: each record is then checked on its own, to say what and where. Attestations
    are not asked here.
    """
    by_class: dict[type[AnyRecord], list[AnyRecord]] = {}
    for cls, run in itertools.groupby(records, type):  # a file's records are of one class
        by_class.setdefault(cls, []).extend(run)
    named = _Named()
    if ledger is not None and not _read_nested(ledger, {cls: len(group) for cls, group in by_class.items()}, named):
        return False
    for cls, group in by_class.items():
        if ledger is not None and ledger.count(cls) == len(group):  # every record of the class read by columns
            if not _read_ledger(cls, ledger, named):
                return False
        elif not _read_columns(cls, "", group, list(map(attrgetter("id"), group)), named):
            return False
    claims = [group for cls, group in by_class.items() if issubclass(cls, Record)]
    return (
        named.codes <= COUNTRIES.keys()
        and all(_resolved(ids, by_id, expected_for(declared)) for declared, ids in named.refs.items())
        and _within(*_cited(named, ledger), paragraphs)
        and _mutual(typing.cast("list[Record]", list(itertools.chain.from_iterable(claims))), by_id)
    )


@functools.cache
def wanted(cls: type) -> frozenset[str]:
    """The fields of *cls* whose columns the checks read (a :class:`~usnz.reading.ledger.Ledger` keeps them).

    Its ids, references and country codes, and the paragraphs a citation or doubt names.
    """
    names = {name for name, _, _, how in steps(cls) if how != NESTED} | _owning(cls)
    if cls in _CITED:
        names.update(_CITED[cls])
    return frozenset({*names, "id"})


_CITED: dict[type, tuple[str, str]] = {Citation: ("source", "paragraph"), Doubt: ("source", "paragraphs")}
"""What names a paragraph of a source: its class, and the fields that give the source and the paragraph(s)."""


def _cited(named: _Named, ledger: Ledger | None) -> tuple[_Paragraphs, _Paragraphs]:
    """The (sources, paragraphs) citations name, and those doubts name: held in *named*, and read by columns."""
    found: list[_Paragraphs] = []
    for cls, path in ((Citation, "citations."), (Doubt, "doubts.")):
        held = named.held.get(path, [])
        sources, numbers = (list(map(attrgetter(name), held)) for name in _CITED[cls])
        if ledger is not None:
            sources += ledger.column(cls, _CITED[cls][0])
            numbers += ledger.column(cls, _CITED[cls][1])
        found.append((sources, numbers))
    return found[0], found[1]


def _read_nested(ledger: Ledger, records: dict[type, int], named: _Named) -> bool:
    """Add to *named* what the values nested in records (citations, doubts...) name, of those read by columns.

    Each class of them read on its own, whatever record or path it was read in. A class of
    records (how many of each: *records*) every instance of which is a record is not: its columns
    are read with its records (:func:`_read_ledger`).
    """
    for cls in ledger.classes():
        if ledger.count(cls) == records.get(cls, 0):
            continue
        for name, path, declared, how in steps(cls):
            if how != NESTED and not _named_in(ledger.column(cls, name), path, declared, how, None, named):
                return False
    return True


def _read_ledger(cls: Any, ledger: Ledger, named: _Named) -> bool:
    """Add to *named* what the records of *cls* name, from the columns the quick reader read of every one of them.

    As :func:`_read_columns` does (the values nested in them: :func:`_read_nested`, but whether
    one holds its record's own id, a doubt's ``concerns``: :func:`_holds_owner`).
    """
    owners = ledger.column(cls, "id")
    for name, path, declared, how in steps(cls):
        column = ledger.column(cls, name)
        if how != NESTED:
            if not _named_in(column, path, declared, how, owners, named):
                return False
        elif name in _owning(cls) and _holds_owner(path, column, owners):
            return False
    return True


@functools.cache
def _owning(cls: Any) -> frozenset[str]:
    """The fields of *cls* that hold values of their own, one of which may hold its record's own id (``doubts``)."""
    return frozenset(
        name
        for name, path, _, how in steps(cls)
        if how == NESTED and any(_owned(kind, path) for kind in held_classes(cls, name))
    )


def _holds_owner(path: str, column: list[Any], owners: list[str]) -> bool:
    """Whether a value a field's *column* (at *path*) holds may hold the id of its record (*owners*: each value's).

    Asked as :func:`_read_columns` asks it (values of several classes in one field: they may).
    """
    kinds = set(map(type, column))
    items = _spread(column, kinds)
    held = set(map(type, items))
    whose = _owners(column, kinds, owners)
    asked = _Named(owners_only=True)
    return len(held) > 1 or not all(_read_columns(kind, path, items, whose, asked) for kind in held)


def _resolved(ids: set[str], by_id: dict[str, AnyRecord], expected: tuple[type[AnyRecord], ...]) -> bool:
    """Whether each of *ids* is the id of a record, of one of the classes *expected* (if any)."""
    if expected:
        return all(map(isinstance, map(by_id.get, ids), itertools.repeat(expected)))
    return ids <= by_id.keys()


_Paragraphs = tuple[list[Any], list[Any]]
"""The sources some values name, and the paragraph (or paragraphs) each names: one column each."""


def _within(citations: _Paragraphs, doubts: _Paragraphs, paragraphs: dict[str, int]) -> bool:
    """Whether each of *citations* and *doubts* names paragraphs its source has (of the sources in *paragraphs*)."""
    sources, numbers = citations
    if any(map(operator.gt, numbers, map(paragraphs.get, sources, itertools.repeat(_NO_LIMIT)))):
        return False
    sources, numbered = doubts
    some = list(map(bool, numbered))  # those that name paragraphs
    counts = map(paragraphs.get, itertools.compress(sources, some), itertools.repeat(_NO_LIMIT))
    return not any(map(operator.gt, map(max, itertools.compress(numbered, some)), counts))


def _mutual(records: list[Record], by_id: dict[str, AnyRecord]) -> bool:
    """Whether each record one of *records* disputes is a record (no source) that disputes it back."""
    for record in itertools.compress(records, map(attrgetter("disputes"), records)):
        for other in record.disputes:
            target = by_id.get(other)
            if is_source(target) or (isinstance(target, Record) and record.id not in target.disputes):
                return False
    return True


_NO_LIMIT = sys.maxsize  # what a paragraph is compared with when its source is not read
_ITSELF = ("see_also", "disputes", ".concerns")  # where a record's own id is a problem (a path ending so)


class _Named:
    """What records name, by column.

    The ids each field's :class:`Fact` names, every country code, and the values held in
    fields of their own (each citation, each doubt), by path (``citations.``). *owners_only*:
    only whether a value names its own record is asked, no id is noted.
    """

    __slots__ = ("codes", "held", "owners_only", "refs")

    def __init__(self, *, owners_only: bool = False) -> None:
        self.owners_only = owners_only
        self.refs: dict[Fact, set[str]] = {}
        self.codes: set[str] = set()
        self.held: dict[str, list[Any]] = {}


def _read_columns(cls: Any, prefix: str, values: list[Any], owners: list[str] | None, named: _Named) -> bool:
    """Add to *named* what the fields of *values* (each of class *cls*, at *prefix*) name, read by its :func:`steps`.

    *owners* are the ids of the records *values* are in, one each: given where a field of
    *cls*, or below it, may hold its record's own id (``see_also``, a doubt's ``concerns``).
    ``False`` if a column holds what may be a problem: a record naming itself, a value that
    is no id where ids are, or values of several classes in one field.
    """
    for name, path, declared, how in steps(cls, prefix):
        if named.owners_only and how != NESTED and not path.endswith(_ITSELF):
            continue
        column = list(map(attrgetter(name), values))
        if how == NESTED:
            kinds = set(map(type, column))
            items = _spread(column, kinds)
            named.held.setdefault(path, []).extend(items)
            held = set(map(type, items))
            if len(held) > 1:
                return False  # (values of several classes in one field: each record is read on its own)
            for kind in held:
                whose = None
                if owners is not None and _owned(kind, path):
                    whose = _owners(column, kinds, owners)
                if not _read_columns(kind, path, items, whose, named):
                    return False
        elif not _named_in(column, path, declared, how, owners, named):
            return False
    return True


def _named_in(  # noqa: PLR0917 - a field's column, what it is, and where it goes
    column: list[Any], path: str, declared: Fact, how: int, owners: list[str] | None, named: _Named
) -> bool:
    """Add to *named* the ids or country codes of one field's *column* (its *path*, :class:`Fact` and kind of step).

    *owners*: the id of the record each value is in, where the field may not hold it. ``False``
    if one does, or a value is no id.
    """
    kinds = set(map(type, column))
    if owners is not None and path.endswith(_ITSELF) and _names_owner(column, kinds, owners):
        return False
    if named.owners_only:
        return True
    try:
        (named.codes if how == CODE else named.refs.setdefault(declared, set())).update(
            itertools.chain.from_iterable(column) if kinds == {tuple} else _spread(column, kinds)
        )
    except TypeError:  # an unhashable value, no id (the exact checks pass it by)
        return False
    return True


def _names_owner(column: list[Any], kinds: set[type], owners: list[str]) -> bool:
    """Whether a value of a field's *column* (of *kinds*) is, or holds, its record's id (*owners*: each value's)."""
    holds = operator.contains if kinds == {tuple} else _holds
    return any(map(holds, column, owners))


def _owners(column: list[Any], kinds: set[type], owners: list[str]) -> list[str]:
    """The owner of each value of a field's *column* (as :func:`_spread` gives them), from the owner of each entry."""
    if kinds == {tuple}:
        return list(itertools.chain.from_iterable(map(itertools.repeat, owners, map(len, column))))
    whose: list[str] = []
    for value, owner in zip(column, owners, strict=True):
        whose.extend([owner] * (len(value) if type(value) is tuple else value is not None))  # pyright: ignore[reportUnknownArgumentType]
    return whose


def _holds(value: object, ref: str) -> bool:
    """Whether a field's *value* (an id, or a tuple of them) is or holds *ref*."""
    return ref in value if type(value) is tuple else value == ref  # pyright: ignore[reportUnknownVariableType]


@functools.cache
def _owned(cls: Any, prefix: str) -> bool:
    """Whether a field of *cls* (at *prefix*) may hold its record's own id, or holds values of their own that may."""
    return any(
        any(_owned(kind, path) for kind in held_classes(cls, name)) if how == NESTED else path.endswith(_ITSELF)
        for name, path, _, how in steps(cls, prefix)
    )


def _spread(column: list[Any], kinds: set[type]) -> list[Any]:
    """The values of one field's *column*: each a tuple of them, one value, or ``None`` (*kinds*: their classes)."""
    if kinds == {tuple}:
        return list(itertools.chain.from_iterable(column))
    if tuple not in kinds:  # one value or None each
        return list(itertools.compress(column, map(operator.is_not, column, itertools.repeat(None))))
    items: list[Any] = []
    for value in column:
        if type(value) is tuple:
            items.extend(value)  # pyright: ignore[reportUnknownArgumentType]
        elif value is not None:
            items.append(value)
    return items


def _check_references(
    name: str,
    record: AnyRecord,
    *,
    by_id: dict[str, AnyRecord],
    unreadable: set[str],
    unknown: Callable[[tuple[str, ...]], bool],
    expected_for: Callable[[Fact], tuple[type[AnyRecord], ...]],
    add: Callable[[str, str | int, str, str], None],
    extended: bool | None = False,
) -> None:
    """Report each wrong reference of one record, with its exact path (``citations[2].source``).

    *extended*: as :func:`_check_one` takes it (``None``: a reference to no record is not said here).
    """
    for field, ref, declared in record.references_of():
        if ref == record.id and (field in {"see_also", "disputes"} or field.endswith(".concerns")):
            add(name, record.id, field, f"refers to the record itself ({shown(ref)})")
            continue
        target = by_id.get(ref)  # (what was read of a record with problems too)
        expected = expected_for(declared)
        if target is None:  # (a record with problems, named by an id not read, has its own problems reported)
            if extended is not None and ref not in unreadable and not unknown(declared.refers):
                add(name, record.id, field, _dangling(ref, extended=extended))
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
    when = target.when
    if when is None:
        yield "record", f"names {shown(target.id)}, which has no date; an attestation is dated by its record"
    elif isinstance(when, PartialDate):
        if attestation.date != when:
            expected = (
                f"is {attestation.date}, but {shown(target.id)} is dated {when}; "
                "an attestation's date is its record's date"
            )
            yield "date", expected
    else:
        spoken = [as_of[c.source] for c in target.citations if c.source in as_of]
        first, last = when.known(max(spoken) if spoken else None)
        if not (first <= attestation.date.earliest and attestation.date.latest <= last):
            known = f"to {last.isoformat()}" if when.start is OPEN else f"{first.isoformat()} to {last.isoformat()}"
            yield (
                "date",
                (
                    f"is {attestation.date}, but {shown(target.id)} is dated {when} (known {known}); "
                    "an attestation's date lies within its record's period"
                ),
            )
    wrong = attestation.basis_problem(getattr(target, "date_basis", None), record=shown(target.id))
    if wrong is not None:
        yield "date_basis", wrong
    given = attestation.citation
    if not any(c.source == given.source and c.paragraph == given.paragraph for c in target.citations):
        cited = [f"{c.source} ¶{c.paragraph}" for c in target.citations]
        yield (
            "citation",
            (
                f"cites {given.source} ¶{given.paragraph}, which {shown(target.id)} does not cite; "
                f"an attestation cites a paragraph of its record: {', '.join(dict.fromkeys(cited))}"
            ),
        )


def _a(noun: str) -> str:
    """*noun* with its indefinite article (``an event``, ``a quote``)."""
    return f"{'an' if noun[:1] in set('aeiou') else 'a'} {noun}"
