"""Query semantics on generated datasets, checked against brute-force oracles."""

from __future__ import annotations

import datetime as dt
import warnings
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import usnz
from strategies import datasets, partial_dates, periods
from usnz._dataset import _fold


def _overlaps(record: Any, first: dt.date, last: dt.date) -> bool:
    when = record.when
    return when is not None and when.earliest <= last and first <= when.latest


@given(datasets(), st.one_of(partial_dates(min_year=1890, max_year=2030), periods(min_year=1890, max_year=2030)))
def test_during_matches_an_overlap_oracle(records: list[Any], during: Any) -> None:
    data = usnz.Dataset(records)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", usnz.CoverageWarning)
        got = data.events(during=during)
        timeline = data.timeline(during=during)
    days = [d for r in records if r.when is not None for d in (r.when.earliest, r.when.latest)]
    finite = [d for d in days if d not in {dt.date.min, dt.date.max}]
    outside = bool(finite) and (during.latest < min(finite) or during.earliest > max(finite))
    matching = [r for r in records if not outside and _overlaps(r, during.earliest, during.latest)]
    assert set(got.ids()) == {r.id for r in matching if isinstance(r, usnz.Event)}
    assert set(timeline.ids()) == {r.id for r in matching}


@given(datasets())
def test_filters_match_oracles(records: list[Any]) -> None:
    data = usnz.Dataset(records)
    events = [r for r in records if isinstance(r, usnz.Event)]
    for person in (r for r in records if isinstance(r, usnz.Person)):
        assert set(data.events(involving=person.id).ids()) == {e.id for e in events if person.id in e.participants}
    for code in ("NZL", "USA", "AUS"):
        assert set(data.events(country=code).ids()) == {e.id for e in events if code in e.countries}
        assert set(data.events(involving=code).ids()) == {e.id for e in events if code in e.countries}
    assert set(data.events(conflict="conflict-a").ids()) == {e.id for e in events if e.conflict == "conflict-a"}
    assert set(data.events(kind="visit", country="NZL").ids()) == {
        e.id for e in events if e.kind == "visit" and "NZL" in e.countries
    }
    forces = [r for r in records if isinstance(r, usnz.ForceContribution)]
    assert set(data.force_contributions(conflict="conflict-a", country="NZL").ids()) == {
        f.id for f in forces if f.country == "NZL"
    }


@given(datasets())
def test_results_are_chronological_and_stable(records: list[Any]) -> None:
    data = usnz.Dataset(records)
    timeline = data.timeline()
    keys = [(r.when.earliest, r.id) for r in timeline]
    assert keys == sorted(keys)
    events = data.events()
    assert events == data.events()
    dated = [e for e in events if e.when is not None]
    assert list(events[: len(dated)]) == sorted(dated, key=lambda e: (e.when.earliest, e.id))
    assert all(e.when is None for e in events[len(dated) :])
    assert usnz.Dataset(reversed(records)).events() == events


@given(datasets(), st.text(max_size=40))
def test_search_never_raises(records: list[Any], text: str) -> None:
    results = usnz.Dataset(records).search(text)
    assert isinstance(results, usnz.Records)


@given(datasets())
def test_dataset_holds_every_record(records: list[Any]) -> None:
    data = usnz.Dataset(records)
    assert len(data) == len(records)
    assert {r.id for r in data} == {r.id for r in records}
    for record in records:
        assert record.id in data
        assert data.get(record.id) is record
    assert "usnz.Dataset" in repr(data)


def test_span_is_none_without_dates() -> None:
    cite = (usnz.Citation(source="s", paragraph=1),)
    data = usnz.Dataset([usnz.Person(id="p", name="P", summary="A person.", citations=cite)])
    assert data.span is None
    assert data.events(during=1965) == ()


def test_records_slices_stay_records() -> None:
    records = usnz.Records(["a", "b", "c"])  # type: ignore[list-item]
    assert isinstance(records[1:], usnz.Records)
    assert records[0] == "a"
    assert records == ("a", "b", "c")
    with pytest.raises(TypeError):
        records[0] = "x"  # type: ignore[index]


@given(st.text(max_size=60))
def test_search_of_the_packaged_data_never_raises_and_is_stable(text: str) -> None:
    first = usnz.search(text)
    assert isinstance(first, usnz.Records)
    assert usnz.search(text) == first
    words = _fold(text).split()
    for record in first:
        haystack = _fold(record.search_text()).split()
        assert all(any(h.startswith(word) for h in haystack) for word in words)


def test_search_matches_the_starts_of_words() -> None:
    sas = usnz.search("SAS")
    assert "nzsas" in sas.ids()
    assert all(any(w.startswith("sas") for w in _fold(r.search_text()).split()) for r in sas)
    assert "nz-katrina-red-cross-pledge" not in sas.ids()  # "disaster" holds "sas" inside a word
    assert "rice-long-history-of-partnership" in usnz.search("kiwi").ids()  # the quote says "Kiwis"
    assert usnz.search("ealand") == ()
