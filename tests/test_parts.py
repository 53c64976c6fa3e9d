"""A query of one kind asked of that kind alone answers exactly as the whole dataset does."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import usnz
from usnz.querying import lookup
from usnz.querying.bound import _naming_records  # pyright: ignore[reportPrivateUsage]
from usnz.reading import packaged

WHOLE = usnz.dataset()
SPANS = packaged.spans()
assert SPANS is not None
PARTS = {
    stem: usnz.Dataset._part([*WHOLE.sources(), *([] if stem == "sources" else WHOLE.records(stem))], *SPANS)
    for stem in usnz.KINDS
}
DURING = st.one_of(
    st.none(),
    st.integers(1700, 2030),
    st.sampled_from(["1965", "2008-07", "1939/1975", "2003/..", "1965-07/", "/1957", "196X", "1840", "1951~", "1000"]),
)
ARGUMENTS = {
    "agreements": {"kind": st.sampled_from([None, "treaty", "declaration", "trade-negotiation", "visit"])},
    "conflicts": {},
    "force_contributions": {
        "country": st.sampled_from([None, "NZL", "USA", "AUS", "XXX"]),
        "combat": st.sampled_from([None, True, False]),
    },
    "assistance": {"country": st.sampled_from([None, "NZL", "USA"])},
    "events": {
        "kind": st.sampled_from([None, "visit", "meeting", "treaty"]),
        "country": st.sampled_from([None, "NZL", "USA"]),
        "destination": st.sampled_from([None, "NZL", "USA"]),
    },
    "people": {
        "office": st.sampled_from([None, "prime-minister", "secretary-of-state"]),
        "country": st.sampled_from([None, "NZL", "USA"]),
    },
    "organizations": {
        "kind": st.sampled_from([None, "council", "military-unit"]),
        "country": st.sampled_from([None, "NZL"]),
    },
    "quotes": {},
    "figures": {"country": st.sampled_from([None, "NZL", "USA"])},
}
DATED = {"agreements", "conflicts", "force_contributions", "assistance", "events", "organizations", "quotes", "figures"}


def _answer(data: usnz.Dataset, stem: str, arguments: dict[str, object]) -> tuple[object, ...]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            ids: object = getattr(data, stem)(**arguments).ids()
        except usnz.Error as error:
            ids = (type(error), str(error))
    return ids, [(w.category, str(w.message)) for w in caught]


@st.composite
def _queries(draw: st.DrawFn) -> tuple[str, dict[str, object]]:
    stem = draw(st.sampled_from(sorted(ARGUMENTS)))
    arguments = {name: draw(values) for name, values in ARGUMENTS[stem].items()}
    if stem in DATED and "during" not in _naming_records(stem):  # else the whole answers (see usnz.querying.bound)
        arguments["during"] = draw(DURING)
        arguments["possibly"] = draw(st.booleans())
        arguments["basis"] = draw(
            st.sampled_from([None, "stated", "inferred", "external", ["stated", "inferred"], "guessed"])
        )
    return stem, {name: value for name, value in arguments.items() if value is not None}


@settings(max_examples=400, deadline=None)
@given(_queries())
def test_a_part_answers_as_the_whole(query: tuple[str, dict[str, object]]) -> None:
    stem, arguments = query
    assert _answer(PARTS[stem], stem, arguments) == _answer(WHOLE, stem, arguments)


@pytest.mark.parametrize("stem", sorted(usnz.KINDS))
def test_every_record_of_the_kind_is_in_its_part(stem: str) -> None:
    assert PARTS[stem].records(stem) == WHOLE.records(stem)
    assert getattr(PARTS[stem], stem)() == getattr(WHOLE, stem)()


def test_the_bound_queries_use_a_part_before_the_whole_load(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lookup, "_packaged", None)
    monkeypatch.setattr(lookup, "_read_before", {})
    monkeypatch.setattr(lookup, "_got", {})
    monkeypatch.setattr(lookup, "_parts", {})
    assert usnz.quotes() == WHOLE.quotes()
    assert set(lookup._parts) == {"quotes"}
    assert usnz.quotes(speaker="helen-clark") == WHOLE.quotes(speaker="helen-clark")  # names a record: the whole
    assert lookup._packaged is not None
    assert lookup._parts == {}
