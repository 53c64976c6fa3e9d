"""The order the texts tell: first known day, earliest possible day, last known day, id."""

from __future__ import annotations

import datetime as dt
import itertools
import typing
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import usnz
from strategies import partial_dates, periods
from usnz.model.kinds.sources import spoken_dates
from usnz.querying.dataset import _windows

CITE = (usnz.Citation(source="s", paragraph=1),)


def _key(data: usnz.Dataset, record: Any) -> tuple[Any, ...]:
    """The order key, by the extents of the dates as written (not as ``during=`` clips them to a conflict's)."""
    known, possible = _windows(record, spoken_dates(list(data.sources())))
    return (known[0], possible[0], known[1], record.id)


def test_the_engineers_come_before_the_battery_that_replaced_them() -> None:
    ids = usnz.force_contributions(conflict="vietnam-war", country="NZL").ids()
    assert ids.index("nz-engineers-vietnam") == ids.index("161-battery-vietnam") - 1
    assert str(usnz.get("nz-engineers-vietnam", usnz.ForceContribution).period) == "/1965-07"
    assert str(usnz.get("161-battery-vietnam", usnz.ForceContribution).period) == "1965-07/"


def test_the_whole_timeline_is_in_the_order_the_texts_tell() -> None:
    data = usnz.dataset()
    keys = [_key(data, record) for record in data.timeline()]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    for kind in usnz.KINDS:
        records = data.records(kind)
        dated = [r for r in records if r.when is not None]
        assert [_key(data, r) for r in dated] == sorted(_key(data, r) for r in dated)
        assert all(r.when is None for r in records[len(dated) :])


def _event(id: str, when: usnz.PartialDate | usnz.Period) -> usnz.Event:  # noqa: A002 - record field name
    dates: dict[str, Any] = {"date": when} if isinstance(when, usnz.PartialDate) else {"period": when}
    return usnz.Event(id=id, kind="other", title=id, summary="An event.", date_basis="stated", citations=CITE, **dates)


def test_a_month_comes_before_the_year_around_it_and_an_end_before_a_beginning() -> None:
    records = [
        _event("a-year", usnz.PartialDate.parse("1965")),
        _event("b-january", usnz.PartialDate.parse("1965-01")),
        _event("c-first-of-january", usnz.PartialDate.parse("1965-01-01")),
        _event("d-began-in-january", usnz.Period.parse("1965-01/")),
        _event("e-ended-in-january", usnz.Period.parse("/1965-01")),
    ]
    for order in itertools.permutations(records):
        data = usnz.Dataset(order)
        assert data.timeline().ids() == (
            "e-ended-in-january",
            "c-first-of-january",
            "b-january",
            "d-began-in-january",
            "a-year",
        )


@given(
    st.lists(st.one_of(partial_dates(min_year=1900, max_year=2000), periods(min_year=1900, max_year=2000)), max_size=8)
)
def test_any_records_come_in_the_order_the_texts_tell(whens: list[usnz.PartialDate | usnz.Period]) -> None:
    records = [_event(f"e{i}", when) for i, when in enumerate(whens)]
    data = usnz.Dataset(records)
    timeline = data.timeline()
    keys = [_key(data, record) for record in timeline]
    assert keys == sorted(keys)
    assert usnz.Dataset(reversed(records)).timeline() == timeline
    assert all(k[0] <= k[2] and k[1] <= k[0] for k in keys)
    assert all(isinstance(k[0], dt.date) for k in keys)


def test_the_extents_read_by_columns_are_each_records_own() -> None:
    from usnz.model.kinds.sources import spoken_dates
    from usnz.querying import dataset

    records = list(usnz.dataset())
    mixed = records[::3] + records[1::3] + records[2::3]  # runs of each class, broken up
    for given_records in (records, mixed):
        as_of = spoken_dates(given_records)
        each = [dataset._windows(record, as_of) for record in given_records]
        known, possible, keys = dataset._all_windows(given_records, as_of)
        assert known == [k for k, _ in each]
        assert possible == [p for _, p in each]
        assert keys == [dataset._order_key(k, p) for k, p in each]
        assert [k is dataset._UNDATED for k in known] == [k is dataset._UNDATED for k, _ in each]
    assert any(dataset._fixed_windows(record.when) is None for record in records)  # an open end, read on its own


@attrs.frozen(kw_only=True)
class _Rescheduled(usnz.Event):
    """An event of one's own, its ``when`` its own: a year later than its date."""

    @property
    def when(self) -> usnz.PartialDate | usnz.Period | None:
        date = typing.cast("usnz.PartialDate", self.date)
        return usnz.PartialDate(year=date.year + 1)


def test_a_class_with_a_when_of_its_own_is_dated_by_it() -> None:
    plain = _event("a-plain", usnz.PartialDate.parse("1965"))
    moved = _Rescheduled(
        id="b-moved",
        kind="other",
        title="b",
        summary="An event.",
        date_basis="stated",
        citations=CITE,
        date=usnz.PartialDate.parse("1965"),
    )
    data = usnz.Dataset([moved, plain])
    assert data._known["b-moved"] == (dt.date(1966, 1, 1), dt.date(1966, 12, 31))
    assert data.timeline().ids() == ("a-plain", "b-moved")
