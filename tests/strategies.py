"""Hypothesis strategies for every usnz value type and record kind, in one place."""

from __future__ import annotations

import calendar
import typing
from decimal import Decimal
from typing import Any, TypeVar

from hypothesis import strategies as st

import usnz
from usnz.model.doubt import DOUBT_KINDS
from usnz.model.records import Branch, EventKind

T = TypeVar("T")

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


numbers = st.integers(0, 10**9) | st.floats(0, 1e9, allow_nan=False, allow_infinity=False)


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
    return usnz.Quantity(unit=draw(texts), approximate=draw(st.booleans()), **chosen)


money = st.builds(
    usnz.Money,
    amount=st.decimals(min_value=0, max_value=Decimal("1e12"), allow_nan=False, allow_infinity=False, places=2),
    currency=st.sampled_from(["USD", "NZD", "AUD"]),
    per=st.sampled_from([None, "year"]),
    approximate=st.booleans(),
    currency_stated=st.booleans(),
)
REF = "ref-a"
"""The id stand-alone records refer to (see below)."""
citations = st.builds(
    usnz.Citation,
    source=st.just(SOURCE_ID),
    paragraph=st.integers(1, PARAGRAPHS),
    note=st.none() | sentences,
)

doubts = st.builds(
    usnz.Doubt,
    kind=st.sampled_from(DOUBT_KINDS),
    source=st.just(SOURCE_ID),
    paragraphs=st.lists(st.integers(1, PARAGRAPHS), min_size=1, max_size=3, unique=True).map(tuple),
    text=sentences,
    concerns=st.lists(st.just(REF), max_size=1).map(tuple),
)


def _tuple(strategy: st.SearchStrategy[T], max_size: int = 3) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size, unique=True).map(tuple)


def _common(**fields: Any) -> dict[str, Any]:
    return {
        "id": ids,
        "citations": st.lists(citations, min_size=1, max_size=3, unique=True).map(tuple),
        "doubts": st.lists(doubts, max_size=2, unique=True).map(tuple),
        "notes": st.none() | sentences,
        **fields,
    }


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def _literal(cls: type, field: str = "kind") -> st.SearchStrategy[str]:
    return st.sampled_from(typing.get_args(typing.get_type_hints(cls)[field]))


BASES = ("stated", "inferred", "external")


def dated(fields: dict[str, Any]) -> bool:
    """Whether a record built from *fields* carries a date (and so needs a date_basis)."""
    return any(isinstance(v, usnz.PartialDate | usnz.Period) for v in fields.values())


def _built(cls: type, **fields: Any) -> st.SearchStrategy[Any]:
    """Records of *cls*, with a date_basis exactly when they carry a date (and a destination on visits)."""

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        values = draw(st.fixed_dictionaries(fields))
        if dated(values):
            values["date_basis"] = draw(st.sampled_from(BASES))
        if cls is usnz.Event and values["kind"] == "visit":
            values["destination"] = draw(_optional(countries))
        return cls(**values)

    return build()


# Records whose references point only at ids in ``people``/``organizations``/``conflicts``
# are built by ``datasets``; these stand-alone strategies leave references empty or to
# fixed ids (REF) and are used for round trips.

agreements = _built(
    usnz.Agreement,
    **_common(
        name=texts,
        kind=_literal(usnz.Agreement),
        summary=sentences,
        aliases=_tuple(texts),
        parties=_tuple(countries),
        signed=_optional(partial_dates()),
        period=_optional(periods()),
        status=_optional(sentences),
    ),
)
conflicts = _built(
    usnz.Conflict,
    **_common(
        name=texts,
        summary=sentences,
        aliases=_tuple(texts),
        period=_optional(periods()),
        cow_warnum=_optional(st.integers(1, 999)),
    ),
)
force_contributions = _built(
    usnz.ForceContribution,
    **_common(
        conflict=st.just(REF),
        country=countries,
        summary=sentences,
        unit=_optional(texts),
        branch=_optional(st.sampled_from(typing.get_args(Branch))),
        role=_optional(texts),
        combat=_optional(st.booleans()),
        personnel=_optional(quantities()),
        total_served=_optional(quantities()),
        ships=_optional(quantities()),
        aircraft=_optional(quantities()),
        period=_optional(periods()),
        location=_optional(texts),
        killed=_optional(quantities()),
        wounded=_optional(quantities()),
        captured=_optional(quantities()),
    ),
)
assistance = _built(
    usnz.Assistance,
    **_common(
        donor=countries,
        summary=sentences,
        recipient=_optional(countries),
        amount=_optional(money),
        in_kind=_optional(texts),
        date=_optional(partial_dates()),
        period=_optional(periods()),
        purpose=_optional(sentences),
    ),
)
events = _built(
    usnz.Event,
    **_common(
        kind=st.sampled_from(typing.get_args(EventKind)),
        title=texts,
        summary=sentences,
        date=_optional(partial_dates()),
        period=_optional(periods()),
        countries=_tuple(countries),
        location=_optional(texts),
        time=_optional(st.from_regex(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]", fullmatch=True)),
        subjects=_tuple(st.just(REF), max_size=1),
    ),
)
roles = st.builds(
    usnz.Role,
    title=texts,
    office=_optional(st.sampled_from(sorted(usnz.OFFICES))),
    country=_optional(countries),
    period=_optional(periods()),
)
people = _built(
    usnz.Person,
    **_common(
        name=texts,
        summary=sentences,
        aliases=_tuple(texts),
        country=_optional(countries),
        roles=st.lists(roles, max_size=3).map(tuple),
    ),
)
organizations = _built(
    usnz.Organization,
    **_common(
        name=texts,
        kind=_literal(usnz.Organization),
        summary=sentences,
        aliases=_tuple(texts),
        country=_optional(countries),
        founded=_optional(partial_dates()),
    ),
)
quotes = _built(
    usnz.Quote,
    **_common(speaker=st.just(REF), text=sentences, occasion=_optional(sentences), date=_optional(partial_dates())),
)
_figure_fields = _common(measure=sentences, date=_optional(partial_dates()), countries=_tuple(countries))
figures = st.one_of(
    _built(usnz.Figure, **_figure_fields, quantity=quantities()),
    _built(usnz.Figure, **_figure_fields, money=money),
)
sources = _built(
    usnz.Source,
    id=ids,
    title=texts,
    publisher=texts,
    kind=_literal(usnz.Source),
    sha256=st.from_regex(r"[0-9a-f]{64}", fullmatch=True),
    paragraphs=st.integers(1, 500),
    filename=texts,
    date=_optional(partial_dates()),
    as_of=_optional(partial_dates()),
    doubts=st.lists(doubts, max_size=2, unique=True).map(tuple),
    notes=_optional(sentences),
)

RECORDS: dict[type, st.SearchStrategy[Any]] = {
    usnz.Source: sources,
    usnz.Agreement: agreements,
    usnz.Conflict: conflicts,
    usnz.ForceContribution: force_contributions,
    usnz.Assistance: assistance,
    usnz.Event: events,
    usnz.Person: people,
    usnz.Organization: organizations,
    usnz.Quote: quotes,
    usnz.Figure: figures,
}
"""A strategy for each record class."""


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
    conflict = usnz.Conflict(id="conflict-a", name="A war", summary="A war.", citations=cite)
    years = {"min_year": 1900, "max_year": 2020}
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
