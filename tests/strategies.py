"""Hypothesis strategies for every usnz value type and record kind, derived from their declarations."""

from __future__ import annotations

import calendar
import types
import typing
from decimal import Decimal
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

import usnz
from usnz.model.amounts import MEASURES
from usnz.model.base import DateBasis, readable
from usnz.model.facts import Fact, facts

T = TypeVar("T")

BASES = typing.get_args(DateBasis)

SOURCE_ID = "test-source"
PARAGRAPHS = 20
ids = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}", fullmatch=True)
texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
    min_size=1,
    max_size=20,
)
sentences = st.lists(texts, min_size=1, max_size=4).map(" ".join)
countries = st.sampled_from(sorted(usnz.COUNTRIES))


@st.composite
def partial_dates(draw: st.DrawFn, *, min_year: int = 1, max_year: int = 9999) -> usnz.PartialDate:
    """Any valid PartialDate: decade, year, month or day precision, maybe approximate."""
    approximate = draw(st.booleans())
    precision = draw(st.sampled_from(list(usnz.Precision)))
    if precision is usnz.Precision.DECADE:
        decade = draw(
            st.integers(max(1, (min_year + 9) // 10), max_year // 10 - 1 if max_year >= 9999 else max_year // 10)
        )
        return usnz.PartialDate(year=decade * 10, decade=True, approximate=approximate)
    year = draw(st.integers(min_year, max_year))
    if precision is usnz.Precision.YEAR:
        return usnz.PartialDate(year=year, approximate=approximate)
    month = draw(st.integers(1, 12))
    if precision is usnz.Precision.MONTH:
        return usnz.PartialDate(year=year, month=month, approximate=approximate)
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return usnz.PartialDate(year=year, month=month, day=day, approximate=approximate)


@st.composite
def periods(draw: st.DrawFn, *, min_year: int = 1, max_year: int = 9999) -> usnz.Period:
    """Any valid Period: each end a date, unknown (None) or open, with a date at one end at least."""
    ends = st.none() | st.just(usnz.OPEN) | partial_dates(min_year=min_year, max_year=max_year)
    start, end = draw(ends), draw(ends)
    if not isinstance(start, usnz.PartialDate) and not isinstance(end, usnz.PartialDate):
        end = draw(partial_dates(min_year=min_year, max_year=max_year))
    if isinstance(start, usnz.PartialDate) and isinstance(end, usnz.PartialDate) and start.earliest > end.latest:
        start, end = end, start
    if isinstance(start, usnz.PartialDate) and isinstance(end, usnz.PartialDate) and start.earliest > end.latest:
        end = None  # e.g. a decade and a day inside it, swapped both ways
    return usnz.Period(start=start, end=end)


numbers = st.integers(0, 10**9) | st.floats(0, 1e9, allow_nan=False, allow_infinity=False, allow_subnormal=False)


@st.composite
def quantities(draw: st.DrawFn) -> usnz.Quantity:
    """Any valid Quantity with low <= best <= high among those given."""
    values = sorted(draw(st.lists(numbers, min_size=1, max_size=3)))
    slots = draw(
        st.sampled_from(
            [
                ("best",),
                ("low",),
                ("high",),
                ("low", "high"),
                ("low", "best"),
                ("best", "high"),
                ("low", "best", "high"),
            ]
        )
    )
    chosen = (
        dict(zip(slots, values[: len(slots)], strict=False)) if len(values) >= len(slots) else {slots[0]: values[0]}
    )
    measured = any(type(value) is float for value in chosen.values())  # decimals: a measure's (a count's are ints)
    unit = draw(st.sampled_from(sorted(MEASURES)) if measured else texts)
    bounded = "low" in chosen or "high" in chosen  # "more than 400,000": only a bound leaves its figure out
    exclusive = bounded and draw(st.booleans())
    return usnz.Quantity(unit=unit, approximate=draw(st.booleans()), exclusive=exclusive, **chosen)


money = st.builds(
    usnz.Money,
    amount=st.decimals(min_value=0, max_value=Decimal("1e12"), allow_nan=False, allow_infinity=False, places=2),
    currency=st.sampled_from(["USD", "NZD", "AUD"]),
    per=st.sampled_from([None, "year"]),
    approximate=st.booleans(),
    currency_stated=st.booleans(),
)
# -- records, derived from their declarations -------------------------------------------------------
#
# Each value type is taught once (st.register_type_strategy); every record's strategy follows
# from its fields: the declared type, and the ``fact`` metadata (a reference names one of a small
# fixed set of records, TARGETS; a country field holds country codes). A field added to a kind is
# generated without a change here. What no declaration says is written below, once: a few
# fields' formats (FORMATS) and the checks across fields (_fixed).

TARGETS: dict[str, str] = {cls.record_kind: f"ref-{cls.record_kind}" for cls in usnz.KINDS.values()}
"""The id each reference names, by the kind it names (``person`` -> ``ref-person``); see :func:`targets`."""
TARGETS["source"] = SOURCE_ID
_ANY = sorted(target for kind, target in TARGETS.items() if kind != "source")  # a record: disputes no source
record_ids = ids.filter(lambda given: given not in TARGETS.values())  # a record never names itself

FORMATS: dict[tuple[type, str], st.SearchStrategy[Any]] = {
    (usnz.Source, "sha256"): st.from_regex(r"[0-9a-f]{64}", fullmatch=True),
    (usnz.Event, "time"): st.from_regex(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]", fullmatch=True),
    (usnz.Role, "office"): st.sampled_from(sorted(usnz.OFFICES)),
}
"""The fields whose text has a format of its own (a hash, a time, an office): what their type cannot say."""

SIMPLE: dict[object, st.SearchStrategy[Any]] = {
    str: texts,
    bool: st.booleans(),
    int: st.integers(1, PARAGRAPHS),  # paragraphs, war numbers: counted from 1
}


def _referring(refers: tuple[str, ...]) -> st.SearchStrategy[str]:
    """An id of a record of one of the kinds *refers* names (``any``: any record)."""
    return st.sampled_from(_ANY if "any" in refers else sorted(TARGETS[kind] for kind in refers))


def _of_type(hint: Any, fact: Fact | None, *, required: bool) -> st.SearchStrategy[Any]:  # noqa: PLR0911 - one a shape
    """Values of the declared type *hint*, as its field's *fact* says (a reference, a country)."""
    args = typing.get_args(hint)
    origin = typing.get_origin(hint)
    if set(args) - {type(None)} == {int, float}:  # a number of a quantity
        return st.none() | numbers if type(None) in args else numbers
    if origin in {typing.Union, types.UnionType} and type(None) in args:
        (inner,) = (arg for arg in args if arg is not type(None))
        return st.none() | _of_type(inner, fact, required=False)
    if origin is tuple:
        items = _of_type(args[0], fact, required=True)
        return st.lists(items, min_size=1 if required else 0, max_size=3, unique=True).map(tuple)
    if origin is typing.Literal:
        return st.sampled_from([arg for arg in args if arg is not None])
    if fact is not None and fact.refers:
        return _referring(fact.refers)
    if fact is not None and fact.country:
        return countries
    return SIMPLE[hint] if hint in SIMPLE else st.from_type(hint)


def _fields(cls: type) -> dict[str, st.SearchStrategy[Any]]:
    """A strategy for each field of the attrs class *cls*, from its declaration."""
    hints = typing.get_type_hints(cls)
    declared = dict(facts(cls))
    found = {}
    for field in attrs.fields(cls):
        if field.name in {"date_basis", "read"}:
            continue  # said by the record's dates, and by the fields it sets: see _fixed
        hint = hints[field.name]
        formatted = FORMATS.get((cls, field.name))
        if formatted is None:
            found[field.name] = _of_type(hint, declared.get(field.name), required=field.default is attrs.NOTHING)
        else:
            found[field.name] = st.none() | formatted if type(None) in typing.get_args(hint) else formatted
    if "id" in found:
        found["id"] = record_ids
    return found


def dated(fields: dict[str, Any]) -> bool:
    """Whether a record built from *fields* carries a date (and so needs a date_basis)."""
    return any(isinstance(v, usnz.PartialDate | usnz.Period) for v in fields.values())


def _fixed(cls: type, values: dict[str, Any], draw: st.DrawFn) -> dict[str, Any]:
    """*values* made to pass the checks across fields, which no single field's declaration says."""
    if values.get("date") is not None and values.get("period") is not None:
        values["date" if draw(st.booleans()) else "period"] = None  # a date or a period, not both
    if "date_basis" in attrs.fields_dict(cls):
        values["date_basis"] = draw(st.sampled_from(BASES)) if dated(values) else None
    if "planned" in values:
        values["planned"] = values["planned"] and dated(values)  # a plan needs the date it was set for
    if cls is usnz.Event and values["kind"] != "visit":
        values["destination"] = None  # a destination on visits only
    if cls is usnz.ForceContribution and values["combat"] is None:
        values["combat_stated"] = True  # a reading of combat needs a value read
    if cls is usnz.ForceContribution and values["casualties_in"] is not None:
        values.update(killed=None, wounded=None, captured=None)  # counted within another's figures: none of its own
    if cls is usnz.Figure and (values["quantity"] is None) == (values["money"] is None):
        values["quantity" if draw(st.booleans()) else "money"] = None  # exactly one of quantity and money
        if values["quantity"] is None and values["money"] is None:
            values["quantity"] = draw(quantities())
    if cls is usnz.Role:  # attested in date order, each record once
        values["attested"] = tuple(sorted({a.record: a for a in values["attested"]}.values(), key=_attested_order))
    if cls is usnz.Person:  # a record attests one date, its own: every role naming it gives that date (and basis)
        dates: dict[str, usnz.PartialDate] = {}
        bases: dict[str, str | None] = {}
        values["roles"] = tuple(
            attrs.evolve(
                role,
                attested=tuple(
                    sorted(
                        (
                            attrs.evolve(
                                a,
                                date=dates.setdefault(a.record, a.date),
                                date_basis=bases.setdefault(a.record, a.date_basis),
                            )
                            for a in role.attested
                        ),
                        key=_attested_order,
                    )
                ),
            )
            for role in values["roles"]
        )
    if "read" in attrs.fields_dict(cls):  # fields it sets, read, on a record with a doubt saying how
        settable = [name for name in readable(cls) if values.get(name) not in {None, ()}]
        values["read"] = (
            tuple(draw(st.lists(st.sampled_from(settable), unique=True, max_size=2)))
            if (settable and values["doubts"])
            else ()
        )
    return values


def _attested_order(attestation: Any) -> tuple[Any, str]:
    return attestation.date, attestation.record


def derived(cls: type) -> st.SearchStrategy[Any]:
    """Valid values of the attrs class *cls*, every field generated from its declaration."""
    fields = _fields(cls)

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        return cls(**_fixed(cls, draw(st.fixed_dictionaries(fields)), draw))

    return build()


st.register_type_strategy(usnz.PartialDate, partial_dates())
st.register_type_strategy(usnz.Period, periods())
st.register_type_strategy(usnz.Quantity, quantities())
st.register_type_strategy(usnz.Money, money)
for _value in (usnz.Citation, usnz.Doubt, usnz.Attestation, usnz.Role):  # each after what it holds
    st.register_type_strategy(_value, st.deferred(lambda value=_value: derived(value)))

RECORDS: dict[type, st.SearchStrategy[Any]] = {cls: derived(cls) for cls in usnz.KINDS.values()}
"""A strategy for each record class: every field, references included (to :data:`TARGETS`)."""


def targets(record: Any) -> list[Any]:
    """The records *record*'s references name (one of each kind), so that the whole loads.

    Each is the least record of its kind, citing the test source; those *record* disputes
    dispute it back, and those a role's attestation names carry its date (and basis) and cite its
    paragraphs, as the loader requires.
    """
    cite = (usnz.Citation(source=SOURCE_ID, paragraph=1),)
    disputed = set(getattr(record, "disputes", ()))
    dispute = {"disputes": (record.id,)}
    attested: dict[str, tuple[usnz.PartialDate, str | None, set[tuple[str, int]]]] = {}
    for role in getattr(record, "roles", ()):
        for attestation in role.attested:
            _, _, paragraphs = attested.setdefault(
                attestation.record, (attestation.date, attestation.date_basis, set())
            )
            paragraphs.add((attestation.citation.source, attestation.citation.paragraph))
    least: dict[str, dict[str, Any]] = {
        "agreement": {"name": "A", "kind": "treaty", "summary": "A."},
        "conflict": {"name": "A", "summary": "A."},
        "force-contribution": {"conflict": TARGETS["conflict"], "country": "NZL", "summary": "A."},
        "assistance": {"donor": "USA", "summary": "A."},
        "event": {"kind": "meeting", "title": "A", "summary": "A."},
        "person": {"name": "A", "summary": "A."},
        "organization": {"name": "A", "kind": "other", "summary": "A."},
        "quote": {"speaker": TARGETS["person"], "text": "A."},
        "figure": {"measure": "A", "quantity": usnz.Quantity(unit="a", best=1)},
    }
    found: list[Any] = [
        usnz.Source(
            id=SOURCE_ID,
            title="Test source",
            publisher="Tests",
            kind="news-article",
            sha256="0" * 64,
            paragraphs=PARAGRAPHS,
            filename="test.txt",
        )
    ]
    for cls in usnz.KINDS.values():
        if cls.record_kind in least:
            target = TARGETS[cls.record_kind]
            extra: dict[str, Any] = {**dispute} if target in disputed else {}
            citations = cite
            if target in attested:
                date, basis, paragraphs = attested[target]
                extra.update(date=date, date_basis=basis or "stated")
                citations = tuple(usnz.Citation(source=s, paragraph=n) for s, n in sorted(paragraphs))
            found.append(cls(id=target, citations=citations, **least[cls.record_kind], **extra))
    return found


def _tuple(strategy: st.SearchStrategy[T], max_size: int = 3) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size, unique=True).map(tuple)


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


@st.composite
def datasets(draw: st.DrawFn, *, max_events: int = 12) -> list[Any]:
    """A small, valid set of records: one source, people, a conflict, dated events and contributions."""
    as_of = draw(_optional(partial_dates(min_year=1900, max_year=2020)))
    source = usnz.Source(
        id=SOURCE_ID,
        title="Test source",
        publisher="Tests",
        kind="news-article",
        sha256="0" * 64,
        paragraphs=PARAGRAPHS,
        filename="test.txt",
        as_of=as_of,
        date_basis=None if as_of is None else "stated",
    )
    cite = (usnz.Citation(source=SOURCE_ID, paragraph=1),)
    person_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True).filter(lambda xs: SOURCE_ID not in xs))
    people_ = [usnz.Person(id=f"person-{p}", name=p, summary="A person.", citations=cite) for p in person_ids]
    years = {"min_year": 1900, "max_year": 2020}
    war = draw(_optional(periods(**years)))  # a force contribution's dates are clipped to its conflict's
    conflict = usnz.Conflict(
        id="conflict-a",
        name="A war",
        summary="A war.",
        citations=cite,
        period=war,
        date_basis=None if war is None else "stated",
    )
    when = st.one_of(
        partial_dates(**years).map(lambda d: {"date": d}), periods(**years).map(lambda p: {"period": p}), st.just({})
    )
    events_ = []
    for index in range(draw(st.integers(0, max_events))):
        date = draw(when)
        events_.append(
            usnz.Event(
                id=f"event-{index}",
                kind=draw(st.sampled_from(["visit", "meeting", "statement"])),
                title=f"Event {index}",
                summary="Something happened.",
                participants=tuple(draw(st.lists(st.sampled_from([p.id for p in people_]), max_size=2, unique=True))),
                countries=draw(_tuple(st.sampled_from(["NZL", "USA", "AUS"]), max_size=2)),
                conflict=draw(st.sampled_from([None, conflict.id])),
                citations=cite,
                date_basis=draw(st.sampled_from(BASES)) if date else None,
                planned=bool(date) and draw(st.integers(0, 4)) == 0,  # now and then a date only planned
                **date,
            )
        )
    forces = []
    for index in range(draw(st.integers(0, 4))):
        period = draw(_optional(periods(**years)))
        forces.append(
            usnz.ForceContribution(
                id=f"force-{index}",
                conflict=conflict.id,
                country=draw(st.sampled_from(["NZL", "USA"])),
                combat=draw(_optional(st.booleans())),
                summary="Some forces.",
                period=period,
                citations=cite,
                date_basis=None if period is None else draw(st.sampled_from(BASES)),
            )
        )
    return [source, conflict, *people_, *events_, *forces]
