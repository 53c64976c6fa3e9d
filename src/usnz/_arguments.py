"""Checking query arguments, so a bad one fails at once with a message that helps."""

from __future__ import annotations

import datetime as dt

from usnz._errors import ArgumentTypeError, ArgumentValueError, DateError, shown
from usnz._values import PartialDate, Period, parse_edtf

__all__ = ["Window", "check_choice", "check_code", "check_id", "to_window"]

Window = tuple[dt.date, dt.date]
"""The first and last day a ``during=`` argument covers."""

_DURING_FORMS = (
    "a year as an int (1965), an EDTF string ('1965', '1965-05', '1965-05-27', '196X', "
    "'1939/1975', '2003/..'), a usnz.PartialDate or a usnz.Period"
)


def to_window(during: object, *, name: str = "during") -> Window:
    """Turn a ``during=`` argument into its first and last day.

    >>> to_window(1965)
    (datetime.date(1965, 1, 1), datetime.date(1965, 12, 31))
    >>> to_window("19x5")
    Traceback (most recent call last):
    ...
    usnz._errors.ArgumentValueError: during='19x5' is not a date or period: '19x5' is not an EDTF date; accepted: ...
    """
    if isinstance(during, PartialDate | Period):
        return during.earliest, during.latest
    if isinstance(during, int) and not isinstance(during, bool):
        try:
            date = PartialDate(year=during)
        except DateError:
            msg = f"{name}={shown(during)} is not a year from 1 to 9999; accepted: {_DURING_FORMS}"
            raise ArgumentValueError(msg) from None
        return date.earliest, date.latest
    if isinstance(during, str):
        try:
            when = parse_edtf(during.strip())
        except DateError as error:
            msg = f"{name}={shown(during)} is not a date or period: {error}"
            raise ArgumentValueError(msg) from None
        return when.earliest, when.latest
    msg = f"{name}= takes {_DURING_FORMS}; got {type(during).__name__} {shown(during)}"
    raise ArgumentTypeError(msg)


def check_id(name: str, value: object) -> str:
    """Require a non-empty string id; return it stripped."""
    if not isinstance(value, str):
        msg = f"{name}= takes a record id as a str, e.g. {name}='korean-war'; got {type(value).__name__} {shown(value)}"
        raise ArgumentTypeError(msg)
    stripped = value.strip()
    if not stripped:
        msg = f"{name}= takes a record id, got an empty string; try usnz.search() to find ids"
        raise ArgumentValueError(msg)
    return stripped


def check_code(name: str, value: object) -> str:
    """Require a country code string; return it upper-cased (``'nzl'`` -> ``'NZL'``)."""
    if not isinstance(value, str):
        given = f"{type(value).__name__} {shown(value)}"
        msg = f"{name}= takes an ISO 3166-1 alpha-3 country code as a str, e.g. 'NZL'; got {given}"
        raise ArgumentTypeError(msg)
    stripped = value.strip()
    if not stripped:
        msg = f"{name}= takes an ISO 3166-1 alpha-3 country code such as 'NZL', got an empty string"
        raise ArgumentValueError(msg)
    return stripped.upper()


def check_choice(name: str, value: object, choices: tuple[str, ...]) -> str:
    """Require one of *choices*."""
    if not isinstance(value, str):
        msg = f"{name}= takes a str, one of {', '.join(choices)}; got {type(value).__name__} {shown(value)}"
        raise ArgumentTypeError(msg)
    if value not in choices:
        msg = f"{name}={shown(value)} is not accepted; accepted: {', '.join(choices)}"
        raise ArgumentValueError(msg)
    return value
