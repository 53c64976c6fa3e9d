"""usnz's EDTF subset: what it reads agrees with python-edtf, and what it refuses is named."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import attrs
import edtf
import pytest

import usnz


def _dates(value: object) -> Iterator[usnz.PartialDate | usnz.Period]:
    """Every date and period inside *value*: a record, a value of a record, or a tuple of them."""
    if isinstance(value, usnz.PartialDate | usnz.Period):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _dates(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _dates(getattr(value, field.name))


def _day(moment: time.struct_time) -> dt.date:
    return dt.date(moment.tm_year, moment.tm_mon, moment.tm_mday)


EVERY_DATE = sorted({str(found) for record in usnz.dataset() for found in _dates(record)})


def test_the_data_has_dates_of_every_form() -> None:
    assert len(EVERY_DATE) > 50
    assert any("X" in text for text in EVERY_DATE)
    assert any(text.endswith("~") for text in EVERY_DATE)
    assert any(text.endswith("/") for text in EVERY_DATE)
    assert any(text.startswith("/") for text in EVERY_DATE)
    assert any(text.endswith("/..") for text in EVERY_DATE)


@pytest.mark.parametrize("text", EVERY_DATE)
def test_python_edtf_reads_every_date_of_the_data_with_the_same_bounds(text: str) -> None:
    """Where the conventions are the same: a date's first and last day, and an interval's ends that are dates.

    They differ at an unknown or open end: python-edtf puts an unknown end ten years from
    the other (usnz: not known), and gives no day for an open one.
    """
    theirs = edtf.parse_edtf(text)
    ours = usnz.parse_edtf(text)
    if isinstance(ours, usnz.PartialDate):
        assert (_day(theirs.lower_strict()), _day(theirs.upper_strict())) == (ours.earliest, ours.latest)
        return
    if isinstance(ours.start, usnz.PartialDate):
        assert _day(theirs.lower_strict()) == ours.start.earliest
    if isinstance(ours.end, usnz.PartialDate):
        assert _day(theirs.upper_strict()) == ours.end.latest


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("2001-21", "seasons (21–24) are not supported"),
        ("1984?", "uncertain dates (?) are not supported; use ~ for approximate"),
        ("1984%", "uncertain and approximate dates (%) are not supported"),
        ("2001-33", "quarters and other sub-year groups (25–41) are not supported"),
        ("Y170000002", "years past 9999 (Y) are not supported"),
        ("-0100", "negative years"),
        ("[1667,1668]", "sets of dates"),
        ("{1667,1668}", "sets of dates"),
        ("2004-06-11T10:30:00", "times are not supported"),
        ("1950S2", "significant digits (S)"),
        ("19XX", "unspecified digits (X) are supported only as the last digit of a year, a decade (196X)"),
        ("2004-XX", "unspecified digits (X)"),
        ("~1984", "~ is supported only at the end of a date"),
        ("1984?/2004", "uncertain dates (?)"),
        ("1965/2001-21", "seasons"),
    ],
)
def test_an_unsupported_edtf_feature_is_named(text: str, named: str) -> None:
    assert edtf.parse_edtf(text) is not None  # valid EDTF: usnz reads only a subset of it
    with pytest.raises(usnz.DateError) as caught:
        usnz.parse_edtf(text)
    message = str(caught.value)
    assert named in message
    assert "is not an EDTF date usnz reads: " in message
    assert "accepted: a year (1965)" in message


def test_what_is_not_edtf_at_all_is_not_called_a_feature() -> None:
    with pytest.raises(usnz.DateError, match=r"^'abc' is not an EDTF date; accepted: "):
        usnz.parse_edtf("abc")
    with pytest.raises(usnz.DateError, match="month must be an int from 1 to 12"):
        usnz.parse_edtf("1965-13")
