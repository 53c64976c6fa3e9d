"""PartialDate, Period, Quantity, Money and Citation: laws and edge cases."""

from __future__ import annotations

import contextlib
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import usnz
from strategies import partial_dates, periods, quantities
from usnz import OPEN, DateError, Money, PartialDate, Period, Precision, Quantity
from usnz.model.amounts import figure_text, numbered, unit_text


@given(partial_dates())
def test_date_round_trips_through_edtf(date: PartialDate) -> None:
    assert PartialDate.parse(date.isoformat()) == date
    assert usnz.parse_edtf(str(date)) == date


@given(periods())
def test_period_round_trips_through_edtf(period: Period) -> None:
    assert Period.parse(period.isoformat()) == period
    assert usnz.parse_edtf(str(period)) == period


@given(partial_dates())
def test_earliest_is_never_after_latest(date: PartialDate) -> None:
    assert date.earliest <= date.latest


@given(partial_dates(), partial_dates(), partial_dates())
def test_dates_are_totally_ordered(a: PartialDate, b: PartialDate, c: PartialDate) -> None:
    assert (a < b) + (a == b) + (a > b) == 1
    assert (a <= b) == (a < b or a == b)
    assert (a >= b) == (a > b or a == b)
    if a <= b <= c:
        assert a <= c


@given(partial_dates(), partial_dates())
def test_order_follows_earliest_day(a: PartialDate, b: PartialDate) -> None:
    if a.earliest < b.earliest:
        assert a < b


@given(st.text(max_size=30))
def test_parser_raises_only_its_documented_error(text: str) -> None:
    with contextlib.suppress(DateError):  # the documented error; anything else fails the test
        usnz.parse_edtf(text)


@given(periods(), periods())
def test_overlap_is_symmetric_and_agrees_with_days(a: Period, b: Period) -> None:
    assert a.overlaps(b) == b.overlaps(a)
    assert a.overlaps(b) == (max(a.earliest, b.earliest) <= min(a.latest, b.latest))


@given(periods(), periods())
def test_containment_implies_overlap(a: Period, b: Period) -> None:
    if a.contains(b):
        assert a.overlaps(b)
        assert a.earliest <= b.earliest
        assert b.latest <= a.latest


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("1951", Precision.YEAR, dt.date(1951, 1, 1), dt.date(1951, 12, 31)),
        ("2008-07", Precision.MONTH, dt.date(2008, 7, 1), dt.date(2008, 7, 31)),
        ("2008-02", Precision.MONTH, dt.date(2008, 2, 1), dt.date(2008, 2, 29)),
        ("1965-05-27", Precision.DAY, dt.date(1965, 5, 27), dt.date(1965, 5, 27)),
        ("196X", Precision.DECADE, dt.date(1960, 1, 1), dt.date(1969, 12, 31)),
        ("2001~", Precision.YEAR, dt.date(2001, 1, 1), dt.date(2001, 12, 31)),
        ("999X", Precision.DECADE, dt.date(9990, 1, 1), dt.date(9999, 12, 31)),
    ],
)
def test_parse_examples(text: str, precision: Precision, earliest: dt.date, latest: dt.date) -> None:
    date = PartialDate.parse(text)
    assert (date.precision, date.earliest, date.latest) == (precision, earliest, latest)
    assert date.isoformat() == text
    assert date.approximate == text.endswith("~")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("19x5", "not an EDTF date"),
        ("2001-02-30", "day must be an int from 1 to 28"),
        ("2001-13", "month must be an int from 1 to 12"),
        ("0000", "year must be between 1 and 9999"),
        ("-1965", "not an EDTF date"),
        ("", "not an EDTF date"),
        ("1965-5", "not an EDTF date"),
        ("１９６５", "not an EDTF date"),
    ],
)
def test_parse_rejects_bad_dates(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        PartialDate.parse(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1965/1960", "cannot end"),
        ("../..", "needs a date at one end at least"),
        ("/", "needs a date at one end at least"),
        ("/..", "needs a date at one end at least"),
        ("1965", "no '/'"),
        ("1965/19x5", "not an EDTF date"),
    ],
)
def test_period_rejects_bad_intervals(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        Period.parse(text)


def test_open_periods() -> None:
    ongoing = Period.parse("2003/..")
    assert ongoing.end is OPEN
    assert ongoing.latest == dt.date.max
    assert str(Period.parse("../1945")) == "../1945"
    assert Period.parse("../1945").start is OPEN
    assert ongoing.contains(PartialDate.parse("2010-11-04"))
    assert not ongoing.contains(Period.parse("2001/2005"))
    assert repr(OPEN) == "usnz.OPEN"


def test_unknown_ends_are_not_open_ends() -> None:
    unknown, ongoing = Period.parse("1965-07/"), Period.parse("1965-07/..")
    assert unknown != ongoing
    assert unknown.end is None
    assert (str(unknown), str(ongoing), str(Period.parse("/1957"))) == ("1965-07/", "1965-07/..", "/1957")
    assert Period.parse("/1957").start is None
    assert Period(start=PartialDate(year=1965)) == Period.parse("1965/")  # an end not given is unknown
    # The lenient extent lets both run on; the known extent does not.
    assert unknown.latest == ongoing.latest == dt.date.max


@pytest.mark.parametrize(
    ("text", "as_of", "known"),
    [
        ("1950/1957", None, ("1950-01-01", "1957-12-31")),
        ("1965-07/", None, ("1965-07-01", "1965-07-31")),
        ("1965-07/", dt.date(2010, 11, 4), ("1965-07-01", "1965-07-31")),  # as_of never extends an unknown end
        ("/1957", None, ("1957-01-01", "1957-12-31")),
        ("2003/..", dt.date(2010, 11, 4), ("2003-01-01", "2010-11-04")),
        ("2003/..", None, ("2003-01-01", "2003-12-31")),
        ("2003/..", dt.date(2003, 5, 1), ("2003-01-01", "2003-12-31")),  # never shorter than the start
        ("../1945", None, ("0001-01-01", "1945-12-31")),
    ],
)
def test_known_extent(text: str, as_of: dt.date | None, known: tuple[str, str]) -> None:
    assert tuple(str(day) for day in Period.parse(text).known(as_of)) == known


@given(periods(), st.dates())
def test_known_extent_lies_within_the_lenient_extent(period: Period, as_of: dt.date) -> None:
    first, last = period.known(as_of)
    assert period.earliest <= first <= last
    assert last <= period.latest or period.end is OPEN


@pytest.mark.parametrize("value", [1965.0, 1965, None, True])
def test_parse_rejects_non_strings(value: object) -> None:
    with pytest.raises(DateError, match="must be a str"):
        PartialDate.parse(value)  # type: ignore[arg-type]
    with pytest.raises(DateError, match="must be a str"):
        Period.parse(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"year": 1965.5}, "year must be an int"),
        ({"year": True}, "year must be an int"),
        ({"year": 1965, "month": 0}, "month must be an int from 1 to 12"),
        ({"year": 1965, "day": 3}, "a day needs a month"),
        ({"year": 1965, "decade": True}, "a decade starts on a year ending in 0"),
        ({"year": 1960, "month": 1, "decade": True}, "has no month"),
    ],
)
def test_date_validates_fields(fields: dict[str, object], message: str) -> None:
    with pytest.raises(DateError, match=message):
        PartialDate(**fields)  # type: ignore[arg-type]


def test_period_validates_ends() -> None:
    with pytest.raises(DateError, match="start must be a PartialDate"):
        Period(start="1965")  # type: ignore[arg-type]


def test_comparing_a_date_with_something_else_is_a_type_error() -> None:
    date = PartialDate(year=1965)
    for compare in (date.__lt__, date.__le__, date.__gt__, date.__ge__):
        assert compare(1965) is NotImplemented  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        _ = date < 1965  # type: ignore[operator]


@given(quantities())
def test_quantity_bounds_are_ordered(quantity: Quantity) -> None:
    given_values = [v for v in (quantity.low, quantity.best, quantity.high) if v is not None]
    assert given_values == sorted(given_values)
    text, figure = str(quantity), figure_text(quantity)
    if numbered(quantity):  # the number of a thing (year 2010): after its unit, with no thousands separator
        assert "," not in figure
        assert text.endswith(figure.removeprefix("about ").removeprefix("at least ").removeprefix("at most "))
    else:  # a count: its figure, then its unit (singular for the one figure 1)
        assert text.startswith(figure)
        assert text.endswith((quantity.unit, unit_text(quantity.unit, one=True)))


@pytest.mark.parametrize(
    ("quantity", "text"),
    [
        (Quantity(unit="personnel", best=1044), "1,044 personnel"),
        (Quantity(unit="soldiers", low=40, high=65), "40-65 soldiers"),
        (Quantity(unit="personnel", low=400000), "at least 400,000 personnel"),
        (Quantity(unit="percent", high=5), "at most 5 percent"),
        (Quantity(unit="percent", best=25, approximate=True), "about 25 percent"),
        (Quantity(unit="years", best=1), "1 year"),
        (Quantity(unit="ships", low=1), "at least 1 ship"),
        (Quantity(unit="ships", low=1, high=2), "1-2 ships"),
        (Quantity(unit="years", best=1.5), "1.5 years"),
        (Quantity(unit="countries", best=1, approximate=True), "about 1 country"),
        (Quantity(unit="tonnes per year", best=1), "1 tonne per year"),
        (Quantity(unit="people", best=1), "1 person"),
        (Quantity(unit="percent", best=1), "1 percent"),
        (Quantity(unit="km", best=1), "1 km"),
        (Quantity(unit="km", best=1500), "1,500 km"),
        (Quantity(unit="year", best=2010), "year 2010"),
        (Quantity(unit="year", best=1), "1 year"),
        (Quantity(unit="year", low=2005, high=2010), "year 2005-2010"),
        (Quantity(unit="year", best=2010, approximate=True), "about year 2010"),
        (Quantity(unit="edition", best=92), "edition 92"),
        (Quantity(unit="matches", best=1), "1 match"),
        (Quantity(unit="glasses", best=1), "1 glass"),
        (Quantity(unit="campus", best=1), "1 campus"),
        (Quantity(unit="barrels of oil", best=1), "1 barrel of oil"),
        (Quantity(unit="per cent", best=1), "1 per cent"),
        (Quantity(unit="USD", best=1), "1 USD"),
        (Quantity(unit="mph", best=1), "1 mph"),
        (Quantity(unit="m2", best=5000), "5,000 m2"),
        (Quantity(unit="ships ", best=1), "1 ship "),
    ],
)
def test_quantity_reads_aloud(quantity: Quantity, text: str) -> None:
    assert str(quantity) == text


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"unit": "x"}, "at least one of best, low or high"),
        ({"unit": "x", "low": 5, "high": 4}, "low <= best <= high"),
        ({"unit": "x", "best": float("nan")}, "must be a number"),
        ({"unit": "x", "best": "5"}, "must be a number"),
        ({"unit": "x", "best": True}, "must be a number"),
        ({"unit": "", "best": 1}, "unit"),
    ],
)
def test_quantity_validates(fields: dict[str, object], message: str) -> None:
    with pytest.raises((ValueError, TypeError), match=message):
        Quantity(**fields)  # type: ignore[arg-type]


def test_money() -> None:
    pledge = Money(amount=Decimal(2000000), currency="NZD", currency_stated=False)
    assert str(pledge) == "NZD 2,000,000"
    assert not pledge.recurring
    annual = Money(amount=Decimal(347500), currency="USD", per="year", approximate=True)
    assert annual.recurring
    assert str(annual) == "about USD 347,500 per year"
    with pytest.raises(ValueError, match="ISO 4217"):
        Money(amount=Decimal(1), currency="usd")
    with pytest.raises(ValueError, match="non-negative Decimal"):
        Money(amount=Decimal(-1), currency="USD")
    with pytest.raises(ValueError, match="non-negative Decimal"):
        Money(amount=1.5, currency="USD")  # type: ignore[arg-type]


def test_citation_reads_aloud() -> None:
    assert str(usnz.Citation(source="s", paragraph=2, note="the date")) == "s ¶2: the date"
    with pytest.raises(ValueError):
        usnz.Citation(source="s", paragraph=0)


@pytest.mark.parametrize("year", [1900, 2000, 2004, 2100, 1965, 9999])
def test_days_in_month_agree_with_the_calendar(year: int) -> None:
    import calendar

    from usnz.model.dates import _days_in_month

    for month in range(1, 13):
        assert _days_in_month(year, month) == calendar.monthrange(year, month)[1]
