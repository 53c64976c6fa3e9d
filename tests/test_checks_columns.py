"""The cross-record checks asked by column: they find what the exact per-record checks find, said the same way."""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, ClassVar

import attrs
import pytest

import usnz
from usnz.model.base import Record
from usnz.model.citation import Citation
from usnz.model.doubt import Doubt
from usnz.model.errors import Problem
from usnz.model.facts import fact
from usnz.model.kinds.people import Person
from usnz.reading import checks
from usnz.reading.ledger import Ledger

Change = Callable[[list[Any]], None]
Kept = Callable[[list[Any]], Ledger | None]


def _records() -> list[Any]:
    """The packaged records, in the order a load reads them: each kind's file in turn."""
    data = usnz.dataset()
    return [record for cls in usnz.KINDS.values() for record in data if type(record) is cls]


def _named(records: list[Any]) -> list[tuple[str, Any]]:
    stems = {cls: stem for stem, cls in usnz.KINDS.items()}
    return [(f"{stems.get(type(record), 'x')}.json", record) for record in records]


def _first(records: list[Any], test: Callable[[Any], object]) -> int:
    return next(at for at, record in enumerate(records) if test(record))


def _set(record: Any, **values: object) -> Any:
    """*record* with *values*, as a record built with its checks switched off holds them."""
    changed = attrs.evolve(record)
    for name, value in values.items():
        object.__setattr__(changed, name, value)
    return changed


def _self_see_also(records: list[Any]) -> None:
    at = _first(records, lambda r: getattr(r, "see_also", ()))
    records[at] = _set(records[at], see_also=(*records[at].see_also, records[at].id))


def _self_concern(records: list[Any]) -> None:
    at = _first(records, lambda r: r.doubts and not isinstance(r, usnz.Source))
    doubt = records[at].doubts[0]
    records[at] = _set(records[at], doubts=(_set(doubt, concerns=(records[at].id,)), *records[at].doubts[1:]))


def _missing(records: list[Any]) -> None:
    at = _first(records, lambda r: getattr(r, "see_also", ()))
    records[at] = _set(records[at], see_also=("no-such-record",))


def _wrong_kind(records: list[Any]) -> None:
    at = _first(records, lambda r: isinstance(r, usnz.Event) and r.participants)
    records[at] = _set(records[at], participants=("anzus",))


def _country(records: list[Any]) -> None:
    at = _first(records, lambda r: isinstance(r, usnz.Organization) and r.country)
    records[at] = _set(records[at], country="XXX")


def _citation_beyond(records: list[Any]) -> None:
    at = _first(records, lambda r: isinstance(r, usnz.Event))
    citation = records[at].citations[0]
    records[at] = _set(records[at], citations=(_set(citation, paragraph=9999),))


def _doubt_beyond(records: list[Any]) -> None:
    at = _first(records, lambda r: any(d.paragraphs for d in r.doubts))
    doubt = records[at].doubts[0]
    records[at] = _set(records[at], doubts=(_set(doubt, paragraphs=(9999,)), *records[at].doubts[1:]))


def _one_way(records: list[Any]) -> None:
    at = _first(records, lambda r: getattr(r, "disputes", ()))
    records[at] = _set(records[at], disputes=(records[at - 1].id,))


def _disputes_a_source(records: list[Any]) -> None:
    at = _first(records, lambda r: getattr(r, "disputes", ()))
    source = _first(records, lambda r: isinstance(r, usnz.Source))
    records[at] = _set(records[at], disputes=(records[source].id,))


def _twice(records: list[Any]) -> None:
    records.append(records[3])


def _text_for_ids(records: list[Any]) -> None:  # one see_also a text, not a tuple: the exact checks read it so
    at = _first(records, lambda r: getattr(r, "see_also", ()))
    records[at] = _set(records[at], see_also=records[at].id)


def _text_for_ids_resolved(records: list[Any]) -> None:  # and another record's see_also None
    at = _first(records, lambda r: getattr(r, "see_also", ()))
    records[at] = _set(records[at], see_also=records[at].see_also[0])
    records[at + 1] = _set(records[at + 1], see_also=None)


def _unhashable(records: list[Any]) -> None:
    at = _first(records, lambda r: getattr(r, "see_also", ()))
    records[at] = _set(records[at], see_also=(["anzus"],))


def _unhashable_concern(records: list[Any]) -> None:
    at = _first(records, lambda r: r.doubts and not isinstance(r, usnz.Source))
    doubt = records[at].doubts[0]
    records[at] = _set(records[at], doubts=(_set(doubt, concerns=(["anzus"],)), *records[at].doubts[1:]))


@attrs.frozen(kw_only=True)
class Thing(Record):
    """A record of a kind of its own, with a field of one value of its own (or none) of either of two classes."""

    record_kind: ClassVar[str] = "thing"
    about: Doubt | Citation | None = fact(default=None, doc="A doubt or a citation, or none.")


def _things(records: list[Any], *abouts: Callable[[str, Any], object]) -> None:
    """Add a thing for each of *abouts*: given the thing's id and a record with doubts, what it is about."""
    model = records[_first(records, lambda r: r.doubts and not isinstance(r, usnz.Source))]
    for at, about in enumerate(abouts):
        ident = f"thing-{at}"
        records.append(Thing(id=ident, citations=model.citations, about=about(ident, model)))


def _things_well(records: list[Any]) -> None:
    _things(records, lambda _, m: m.doubts[0], lambda *_: None, lambda _, m: m.doubts[0])


def _thing_about_itself(records: list[Any]) -> None:
    _things(records, lambda *_: None, lambda ident, m: _set(m.doubts[0], concerns=(ident,)))


def _things_of_two_classes(records: list[Any]) -> None:
    _things(records, lambda _, m: m.doubts[0], lambda _, m: m.citations[0])


def _attested_elsewhere(records: list[Any]) -> None:  # an attestation's problem, and nothing else wrong
    at = _first(records, lambda r: isinstance(r, Person) and any(role.attested for role in r.roles))
    role = next(role for role in records[at].roles if role.attested)
    attestation = _set(role.attested[0], citation=_set(role.attested[0].citation, paragraph=1))
    roles = tuple(_set(r, attested=(attestation, *r.attested[1:])) if r is role else r for r in records[at].roles)
    records[at] = _set(records[at], roles=roles)


def _exact(records: list[tuple[str, Any]], monkeypatch: pytest.MonkeyPatch) -> list[Problem]:
    """What the per-record checks alone find."""
    with monkeypatch.context() as patched:
        patched.setattr(checks, "_all_well", lambda *_: False)
        problems: list[Problem] = []
        checks.check(records, problems)
    return problems


CHANGES: dict[str, Change] = {
    "see_also names its own record": _self_see_also,
    "a doubt concerns its own record": _self_concern,
    "a missing id": _missing,
    "an id of another kind": _wrong_kind,
    "a country code not in the table": _country,
    "a citation beyond its source": _citation_beyond,
    "a doubt beyond its source": _doubt_beyond,
    "a dispute one way": _one_way,
    "a dispute of a source": _disputes_a_source,
    "an id twice": _twice,
    "a text that is its record's id for a tuple": _text_for_ids,
    "a text for a tuple": _text_for_ids_resolved,
    "an unhashable id": _unhashable,
    "an unhashable id in a doubt": _unhashable_concern,
    "things, all well": _things_well,
    "a thing about itself": _thing_about_itself,
    "a field of two classes": _things_of_two_classes,
    "an attestation's citation": _attested_elsewhere,
}


def _ledger_of(records: list[Any], but: Callable[[Any], bool] = lambda _: False) -> Ledger:
    """The ledger the quick reader keeps of *records* (*but* those it did not read): the columns of each class it made."""
    reads: list[Any] = []

    def note(values: list[Any]) -> None:
        for cls in dict.fromkeys(map(type, values)):
            group = [value for value in values if type(value) is cls]
            names = tuple(field.name for field in attrs.fields(cls))
            columns = [list(map(operator.attrgetter(name), group)) for name in names]
            reads.append((cls, len(group), columns, names))
            for column in columns:
                held = [
                    v for value in column for v in (value if type(value) is tuple else (value,)) if attrs.has(type(v))
                ]
                note(held)

    note([record for record in records if not but(record)])
    ledger = Ledger(checks.wanted)
    ledger.keep(reads)
    return ledger


LEDGERS: dict[str, Kept] = {
    "records": lambda _: None,
    "columns": _ledger_of,
    "columns of all but events": lambda records: _ledger_of(records, but=lambda r: type(r) is usnz.Event),
    "columns of all but one event": lambda records: _ledger_of(
        records, but=lambda r: r.id == "nz-declares-war-on-germany"
    ),
}


@pytest.mark.parametrize("kept", LEDGERS.values(), ids=LEDGERS.keys())
@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_the_column_checks_find_what_each_record_checked_finds(
    change: Change, kept: Kept, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = _records()
    change(records)
    named = _named(records)
    problems: list[Problem] = []
    checks.check(named, problems, ledger=kept(records))
    assert problems == _exact(named, monkeypatch)


@pytest.mark.parametrize("kept", LEDGERS.values(), ids=LEDGERS.keys())
@pytest.mark.parametrize("change", [lambda _: None, _things_well], ids=["packaged", "things"])
def test_records_all_well_are_all_well_by_column(change: Change, kept: Kept) -> None:
    records = _records()
    change(records)
    by_id = {record.id: record for record in records}
    paragraphs = {r.id: r.paragraphs for r in records if isinstance(r, usnz.Source)}
    assert checks._all_well(records, by_id, paragraphs, checks._expected(), kept(records))


@pytest.mark.parametrize(
    "change",
    [
        c
        for name, c in CHANGES.items()
        if name not in {"an id twice", "a text for a tuple", "an attestation's citation", "things, all well"}
    ],
)
@pytest.mark.parametrize("kept", LEDGERS.values(), ids=LEDGERS.keys())
def test_what_may_be_wrong_is_never_all_well(change: Change, kept: Kept) -> None:
    records = _records()
    change(records)
    by_id = {record.id: record for record in records}
    paragraphs = {r.id: r.paragraphs for r in records if isinstance(r, usnz.Source)}
    assert not checks._all_well(records, by_id, paragraphs, checks._expected(), kept(records))
