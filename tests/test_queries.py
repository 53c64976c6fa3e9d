"""Query semantics on generated datasets, checked against brute-force oracles."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import usnz
from strategies import datasets, partial_dates, periods
from usnz.querying.dataset import _fold
from usnz.querying.search import RELATED_WORDS, STOP_WORDS, indexed_text


def _as_of(records: list[Any]) -> dict[str, dt.date]:
    return {r.id: (r.as_of or r.date).earliest for r in records if isinstance(r, usnz.Source) and (r.as_of or r.date)}


def _known(record: Any, as_of: dict[str, dt.date]) -> tuple[dt.date, dt.date]:
    """The known extent, case by case (the table in docs/querying.md)."""
    when = record.when
    if isinstance(when, usnz.PartialDate):
        return when.earliest, when.latest
    start, end = when.start, when.end
    spoken = max((as_of[c.source] for c in record.citations if c.source in as_of), default=None)
    if isinstance(start, usnz.PartialDate) and isinstance(end, usnz.PartialDate):
        return start.earliest, end.latest
    if isinstance(start, usnz.PartialDate) and end is None:
        return start.earliest, start.latest
    if isinstance(start, usnz.PartialDate):  # open end
        return start.earliest, start.latest if spoken is None else max(start.latest, spoken)
    if start is None:
        return end.earliest, end.latest
    return dt.date.min, end.latest  # open start


def _clipped(record: Any, window: tuple[dt.date, dt.date], *, lenient: bool) -> tuple[dt.date, dt.date]:
    """*window* clipped to the record's conflict: an imprecise date of its own straddling the conflict's first or last day.

    Case by case, as docs/querying.md says: the first day comes from the start (from the end
    when the start is unknown, known extent only), the last from the end (from the start when
    the end is unknown, known extent only; an open end never).
    """
    conflict = _BY_ID.get(record.conflict) if isinstance(record, usnz.ForceContribution) else None
    when, bound = record.when, None if conflict is None else conflict.when
    if bound is None or when is None:
        return window
    if isinstance(bound, usnz.PartialDate):
        low, high = bound.earliest, bound.latest
    else:
        low = bound.start.earliest if isinstance(bound.start, usnz.PartialDate) else None
        high = bound.end.latest if isinstance(bound.end, usnz.PartialDate) else None
    if isinstance(when, usnz.PartialDate):
        head = tail = when
    else:
        start = when.start if isinstance(when.start, usnz.PartialDate) else None
        end = when.end if isinstance(when.end, usnz.PartialDate) else None
        head = start if lenient else start or end
        tail = end if lenient or when.end is not None else start
    first, last = window
    if head is not None and low is not None and head.earliest < low <= head.latest and first == head.earliest:
        first = low
    if tail is not None and high is not None and tail.earliest <= high < tail.latest and last == tail.latest:
        last = high
    return first, last


def _reach(record: Any, by_id: dict[str, Any], as_of: dict[str, dt.date]) -> tuple[dt.date, dt.date] | None:
    """The days possibly=True lets a record cover: unknown ends run on, bounded by a force contribution's conflict."""
    when = record.when
    conflict = by_id.get(record.conflict) if isinstance(record, usnz.ForceContribution) else None
    bound = None if conflict is None or conflict.when is None else (conflict.when.earliest, conflict.when.latest)
    if when is None:
        return bound
    first, last = when.earliest, when.latest
    first, last = _clipped(record, (first, last), lenient=True)
    if bound is not None and isinstance(when, usnz.Period) and when.start is None:
        first = min(max(first, bound[0]), _clipped(record, _known(record, as_of), lenient=False)[0])
    return first, last


def _overlaps(record: Any, first: dt.date, last: dt.date, as_of: dict[str, dt.date], *, possibly: bool) -> bool:
    by_id = {} if not possibly else _BY_ID
    # a planned date is not known to have happened: possibly=True alone finds its record, by its date's days
    unknown = record.when is None or record.planned
    known = None if unknown else _clipped(record, _known(record, as_of), lenient=False)
    window = _reach(record, by_id, as_of) if possibly else known
    if window is None:
        return False
    return window[0] <= last and first <= window[1]


_BY_ID: dict[str, Any] = {}


def _unsure(
    records: list[Any], answer: tuple[str, ...], first: dt.date, last: dt.date, as_of: dict[str, dt.date]
) -> list[str]:
    """The records of *records* the warning names: possibly=True would add them (unbounded ones to an empty answer)."""
    by_id = {r.id: r for r in _BY_ID.values()}
    named = []
    for r in records:
        reach = _reach(r, by_id, as_of)
        known = None if r.when is None or r.planned else _clipped(r, _known(r, as_of), lenient=False)
        if reach is None or reach == known or r.id in answer or not (reach[0] <= last and first <= reach[1]):
            continue
        if not answer or (reach[0] != dt.date.min and reach[1] != dt.date.max):
            named.append(r.id)
    return named


@given(
    datasets(),
    st.one_of(partial_dates(min_year=1890, max_year=2030), periods(min_year=1890, max_year=2030)),
    st.booleans(),
)
def test_during_matches_an_overlap_oracle(records: list[Any], during: Any, possibly: bool) -> None:
    data = usnz.Dataset(records)
    _BY_ID.clear()
    _BY_ID.update((r.id, r) for r in records)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", usnz.QueryWarning)
        got = data.events(during=during, possibly=possibly)
        forces = data.force_contributions(during=during, possibly=possibly)
        timeline = data.timeline(during=during, possibly=possibly)
        lenient = data.timeline(during=during, possibly=True)
    as_of = _as_of(records)
    days = [d for r in records if r.when is not None for d in (r.when.earliest, r.when.latest, *_known(r, as_of))]
    finite = [d for d in days if d not in {dt.date.min, dt.date.max}]
    outside = bool(finite) and (during.latest < min(finite) or during.earliest > max(finite))
    # Outside the known span every query warns, possibly or not; inside it none does.
    coverage = [w for w in caught if w.category is usnz.CoverageWarning]
    assert len(coverage) == (4 if outside else 0)
    # Inside it, a query without possibly= names the records possibly=True would add, if any.
    unsure = [str(w.message) for w in caught if w.category is usnz.QueryWarning]
    if outside or possibly:
        assert unsure == []
    else:
        first, last = during.earliest, during.latest
        expected = [
            names
            for kind, answer in ((usnz.Event, got), (usnz.ForceContribution, forces), (None, timeline))
            if (
                names := _unsure(
                    [r for r in records if (isinstance(r, kind) if kind else r.when is not None)],
                    answer.ids(),
                    first,
                    last,
                    as_of,
                )
            )
        ]
        assert len(unsure) == len(expected)
        for message, names in zip(unsure, expected, strict=True):
            # the message names the first four in the answer's (date) order, not the records' given order
            assert sum(name in message for name in names) >= min(len(names), 4)
    if possibly and finite:  # the lenient reading covers as far as any unknown end may run
        spans = [(r.when.earliest, r.when.latest) for r in records if r.when is not None]
        outside = during.latest < min(w[0] for w in spans) or during.earliest > max(w[1] for w in spans)
    matching = [
        r for r in records if not outside and _overlaps(r, during.earliest, during.latest, as_of, possibly=possibly)
    ]
    assert set(got.ids()) == {r.id for r in matching if isinstance(r, usnz.Event)}
    assert set(forces.ids()) == {r.id for r in matching if isinstance(r, usnz.ForceContribution)}
    assert set(timeline.ids()) == {r.id for r in matching if r.when is not None}  # the timeline's are dated
    assert set(timeline.ids()) <= set(lenient.ids())  # what is known to overlap may overlap


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
    as_of = _as_of(records)

    def told(r: Any) -> tuple[Any, ...]:  # the order the texts tell
        known = _known(r, as_of)
        return (known[0], r.when.earliest, known[1], r.id)

    keys = [told(r) for r in timeline]
    assert keys == sorted(keys)
    events = data.events()
    assert events == data.events()
    dated = [e for e in events if e.when is not None]
    assert list(events[: len(dated)]) == sorted(dated, key=told)
    assert all(e.when is None for e in events[len(dated) :])
    assert usnz.Dataset(reversed(records)).events() == events


@given(datasets(), st.text(max_size=40))
def test_search_never_raises(records: list[Any], text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", usnz.SearchWarning)  # said when a word is held by no record
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
    a, b, c = (usnz.get(ident) for ident in ("anzus", "k-force-korea", "rnzn-korea"))
    records = usnz.Records([a, b, c])
    assert isinstance(records[1:], usnz.Records)
    assert records[1:] == (b, c)
    assert records[0] is a
    assert records == (a, b, c)
    with pytest.raises(TypeError):
        records[0] = a  # type: ignore[index]


@given(st.text(max_size=60))
def test_search_of_the_packaged_data_never_raises_and_is_stable(text: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", usnz.SearchWarning)
        first = usnz.search(text)
        assert usnz.search(text) == first
    assert isinstance(first, usnz.Records)
    if any("left out" in str(warning.message) for warning in caught):
        return  # the words no record holds were left out: tested in test_search.py
    words = _fold(text).split()
    words = [word for word in words if word not in STOP_WORDS] or words  # stop words need not match
    dates = [word for word in words if re.fullmatch(r"[1-9][0-9]{3}(-[0-9]{2}){0,2}", word)]
    for record in first:
        text = indexed_text(record).casefold()
        haystack = _fold(text).split() + ["".join(_fold(w).split()) for w in text.split()]  # and words run together
        joined = "".join(words)  # "0/1", "p-4": written as one where the texts have them so
        assert all(
            word in dates  # a year or a day also matches the records dated then (test_answers8.py)
            or any(_matches(form, h) for form in _related(word) for h in haystack)
            for word in words
        ) or any(_matches(joined, h) for h in haystack)


def _related(word: str) -> list[str]:
    """The word and the words it is related to (``RELATED_WORDS``: "negotiations" finds "talks")."""
    return [word, *(other for key, others in RELATED_WORDS.items() if _matches(word, key) for other in others)]


def _distance(a: str, b: str) -> int:
    """Edits from *a* to *b* (a swap of neighbours counts once): the oracle of typo matching."""
    rows = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]


def _matches(word: str, other: str) -> bool:
    """A query word matches a word of a record: as typed, in another form, or misspelt."""
    if other.startswith(word):
        return True
    if len(word) > 5 and other.startswith(word[: max(5, len(word) - 4)]):
        return True
    if len(word) > 3 and word.endswith("s") and other.startswith(word[:-1]):
        return True
    if len(word) >= 4 and any(other.endswith(end) and other != end for end in (word, f"{word}s", f"{word}es")):
        return True  # inside a compound
    return 4 <= len(word) <= 40 and _distance(word, other) <= (1 if len(word) < 8 else 2)


def test_search_matches_the_starts_of_words() -> None:
    sas = usnz.search("SAS")
    assert "nzsas" in sas.ids()
    assert all(any(w.startswith("sas") or w.endswith("sas") for w in _fold(indexed_text(r)).split()) for r in sas)
    assert "nz-katrina-red-cross-pledge" not in sas.ids()  # "disaster" holds "sas" inside a word
    assert "rice-long-history-of-partnership" in usnz.search("kiwi").ids()  # the quote says "Kiwis"
    with pytest.warns(usnz.SearchWarning, match="no record holds 'zzqx'"):
        assert usnz.search("zzqx") == ()
