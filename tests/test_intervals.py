"""``during=`` through the interval index gives exactly what checking every record gives."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import usnz
from usnz.querying.intervals import Intervals

DATA = usnz.dataset()
DAYS = st.dates(min_value=dt.date(1830, 1, 1), max_value=dt.date(2020, 12, 31))


def _every_record(records: usnz.Records[usnz.AnyRecord], first: dt.date, last: dt.date) -> list[str]:
    found = []
    for record in records:
        if record.when is None:
            continue
        start, end = DATA._known[record.id]
        if start <= last and first <= end:
            found.append(record.id)
    return found


@settings(max_examples=300, deadline=None)
@given(DAYS, DAYS, st.sampled_from([*usnz.KINDS, "timeline"]))
def test_the_index_finds_exactly_the_overlapping_records(a: dt.date, b: dt.date, kind: str) -> None:
    first, last = min(a, b), max(a, b)
    records = DATA.timeline() if kind == "timeline" else DATA.records(kind)
    index = Intervals(records, DATA._known)
    assert [r.id for r in index.overlapping(first, last)] == _every_record(records, first, last)


@pytest.mark.filterwarnings("ignore:.*possibly=True includes:usnz.QueryWarning")  # named in test_unknown_ends
@settings(max_examples=100, deadline=None)
@given(st.integers(1838, 2010), st.integers(0, 30))
def test_queries_with_during_match_a_full_scan(year: int, length: int) -> None:
    during = f"{year}/{year + length}"
    first, last = dt.date(year, 1, 1), dt.date(year + length, 12, 31)
    assert DATA.timeline(during=during).ids() == tuple(_happened(DATA.timeline(), first, last))
    assert DATA.events(during=during).ids() == tuple(_happened(DATA.events(), first, last))
    assert DATA.force_contributions(during=during).ids() == tuple(_happened(DATA.force_contributions(), first, last))


def _happened(records: usnz.Records[usnz.AnyRecord], first: dt.date, last: dt.date) -> list[str]:
    """What during= finds: the records in the window but those whose date is only planned (possibly=True's)."""
    return [rid for rid in _every_record(records, first, last) if getattr(DATA.get(rid), "planned", False) is not True]


def test_records_out_of_date_order_are_still_found() -> None:
    records = list(reversed(DATA.events()))
    index = Intervals(records, DATA._known)
    found = index.overlapping(dt.date(1965, 1, 1), dt.date(1965, 12, 31))
    assert {r.id for r in found} == set(_every_record(DATA.events(), dt.date(1965, 1, 1), dt.date(1965, 12, 31)))
    assert [records.index(r) for r in found] == sorted(records.index(r) for r in found)


def test_windows_of_texts_are_kept_a_while_and_stay_right() -> None:
    from usnz.querying import arguments

    for year in range(1700, 2000):  # more texts than are kept: the oldest are let go
        assert arguments.to_window(str(year)) == (dt.date(year, 1, 1), dt.date(year, 12, 31))
        assert len(arguments._windows) <= arguments._WINDOWS_KEPT
    assert arguments.to_window("1965") == arguments.to_window(1965) == (dt.date(1965, 1, 1), dt.date(1965, 12, 31))
    assert arguments.to_window("1965-07/") == arguments.to_window("1965-07/")
