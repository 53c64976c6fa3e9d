"""Dates: partial dates (year, month or day; decades; approximate), periods, and EDTF text.

They import nothing else of usnz but its errors, validators and class decorator.
"""

from __future__ import annotations

import enum
import re
import typing
from importlib import import_module
from typing import Any, Final, Union

import attrs

from usnz.model.errors import DateError, shown
from usnz.model.facts import methods_on_first_use
from usnz.model.validators import instance_of

__all__ = ["OPEN", "End", "Open", "PartialDate", "Period", "Precision", "parse_edtf"]


class _ImportedOnFirstUse:
    """Stands for a module until an attribute of it is first asked for, then puts the module itself in its place.

    Reading records makes no day (:class:`datetime.date`), so a first ``usnz.get`` need not
    import :mod:`datetime` (about 1 ms); the first day a date works out imports it, and from
    then on the name is the module, at no cost.
    """

    __slots__ = ("_module", "_name", "_namespace")

    def __init__(self, namespace: dict[str, Any], name: str, module: str) -> None:
        self._namespace, self._name, self._module = namespace, name, module

    def __getattr__(self, attribute: str) -> Any:
        """The module's attribute, the module imported (and put in the name's place) first."""
        module = import_module(self._module)
        self._namespace[self._name] = module
        return getattr(module, attribute)


if typing.TYPE_CHECKING:
    import datetime as dt
else:
    dt = _ImportedOnFirstUse(globals(), "dt", "datetime")

_ONE = (
    "a year (1965), year-month (1965-05), a day (1965-05-27), a decade (196X), any of "
    "them followed by ~ for approximate"
)
_ACCEPTED = (
    f"{_ONE}, or an interval of two of them (1939/1975, 2003/.. open, 1965-07/ end unknown, /1957 start unknown)"
)
_DATE = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?P<approx>~)?"
    r"|(?P<decade>\d{3})X(?P<dapprox>~)?",
    re.ASCII,
)


# EDTF features usnz does not read, each with what to write instead (the first that fits is named);
# patterns, compiled only when a text is refused (re caches them): nothing to compile on import.
_UNSUPPORTED: Final = (
    (r"^\d{3}0'?s$", "a decade is written with X as its last digit: 196X for the 1960s"),
    (r"\?", "uncertain dates (?) are not supported; use ~ for approximate"),
    ("%", "uncertain and approximate dates (%) are not supported; use ~ for approximate"),
    (
        r"^\d{4}-(?:2[1-4])(?:$|[~?%])",
        "seasons (21–24) are not supported; give the months, e.g. 2001-03/2001-05",
    ),
    (
        r"^\d{4}-(?:2[5-9]|3\d|4[01])(?:$|[~?%])",
        "quarters and other sub-year groups (25–41) are not supported",
    ),
    (r"^[-Y]|^\d{5}", "negative years and years past 9999 (Y) are not supported"),
    (r"^[\[{]", "sets of dates ([...] one of, {...} all of) are not supported"),
    (r"\dT\d", "times are not supported; give the day (1965-05-27)"),
    (r"\dS\d|\dE\d", "significant digits (S) and exponents (E) are not supported"),
    ("X", "unspecified digits (X) are supported only as the last digit of a year, a decade (196X)"),
    ("~.", "~ is supported only at the end of a date (2001~, 2008-07~)"),
)


def _unsupported(text: str) -> str | None:
    """What EDTF feature *text* uses that usnz does not read, said with what to use instead."""
    for pattern, reason in _UNSUPPORTED:
        if re.search(pattern, text):
            return reason
    return None


def _not_a_date(text: str, what: str = "is not an EDTF date") -> str:
    unsupported = _unsupported(text)
    if unsupported is not None:
        return f"{shown(text)} is not an EDTF date usnz reads: {unsupported}; accepted: {_ACCEPTED}"
    return f"{shown(text)} {what}; accepted: {_ACCEPTED}"


class Precision(enum.Enum):
    """How much of a :class:`PartialDate` is known, coarsest first."""

    DECADE = "decade"
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


def _days_in_month(year: int, month: int) -> int:
    """How many days *month* has in *year* (proleptic Gregorian, as ``datetime`` uses)."""
    if month == 2:  # February
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in {4, 6, 9, 11} else 31


def _check_year(instance: PartialDate, attribute: attrs.Attribute[Any], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"year must be an int, got {shown(value)}"
        raise DateError(msg)
    if not 1 <= value <= 9999:
        msg = f"year must be between 1 and 9999, got {shown(value)}"
        raise DateError(msg)


def _check_month(instance: PartialDate, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        msg = f"month must be an int from 1 to 12, got {value!r}"
        raise DateError(msg)


def _check_day(instance: PartialDate, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is None:
        return
    if instance.month is None:
        msg = "a day needs a month: give month= too"
        raise DateError(msg)
    last = _days_in_month(instance.year, instance.month)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= last:
        msg = f"day must be an int from 1 to {last} in {instance.year}-{instance.month:02d}, got {value!r}"
        raise DateError(msg)


@attrs.frozen(kw_only=True, order=False)
@methods_on_first_use
class PartialDate:
    """A calendar date known to decade, year, month or day precision.

    Attributes:
        year: The year (for a decade, its first year, e.g. 1960 for ``196X``).
        month: The month 1-12, or ``None`` when only the year (or decade) is known.
        day: The day of the month, or ``None`` when not known.
        decade: ``True`` when only the decade is known.
        approximate: ``True`` when the source says "about", "early", "late" or similar.

    Dates order by their earliest day, then their latest day, so a year sorts before
    the months inside it:

    >>> PartialDate.parse("1965") < PartialDate.parse("1965-05-27")
    True
    >>> d = PartialDate.parse("2008-07")
    >>> (d.precision.value, str(d.earliest), str(d.latest))
    ('month', '2008-07-01', '2008-07-31')
    >>> PartialDate(year=1960, decade=True, approximate=True).isoformat()
    '196X~'
    """

    year: int = attrs.field(validator=_check_year)
    month: int | None = attrs.field(default=None, validator=_check_month)
    day: int | None = attrs.field(default=None, validator=_check_day)
    decade: bool = attrs.field(default=False, validator=instance_of(bool))
    approximate: bool = attrs.field(default=False, validator=instance_of(bool))

    def __attrs_post_init__(self) -> None:
        """Reject a decade that is not whole or that also has a month."""
        if self.decade and (self.year % 10 or self.month is not None):
            msg = f"a decade starts on a year ending in 0 and has no month, got year={self.year}, month={self.month}"
            raise DateError(msg)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read an EDTF date such as ``1951``, ``2008-07``, ``1965-05-27``, ``196X`` or ``2001~``.

        That is EDTF level 0 (years, months, days) with two features of level 1: approximate
        (``~`` at the end) and a decade (``196X``). What else EDTF has is refused, and the error
        names it: uncertain ``?``, ``%``, seasons (``2001-21``), unspecified digits other than a
        decade's, negative or long years, times, sets.

        >>> PartialDate.parse("1984?")
        Traceback (most recent call last):
        ...
        usnz.DateError: '1984?' is not an EDTF date usnz reads: uncertain dates (?) are not supported; ...

        Raises:
            DateError: when *text* is not one of those forms or is not a real date.
        """
        if not isinstance(text, str):
            msg = f"an EDTF date must be a str, got {type(text).__name__} {shown(text)}; accepted: {_ACCEPTED}"
            raise DateError(msg)
        match = _DATE.fullmatch(text)
        if match is None and text.count("/") == 1:  # an interval, where one date is wanted: said so
            raise DateError(_not_one_date(text))
        if match is None or (match["month"] is not None and 21 <= int(match["month"]) <= 41):
            raise DateError(_not_a_date(text))
        if match["decade"] is not None:
            return cls(year=int(match["decade"]) * 10, decade=True, approximate=bool(match["dapprox"]))
        try:
            return cls(
                year=int(match["year"]),
                month=None if match["month"] is None else int(match["month"]),
                day=None if match["day"] is None else int(match["day"]),
                approximate=bool(match["approx"]),
            )
        except DateError as error:
            msg = f"{shown(text)} is not a real date: {error}"
            raise DateError(msg) from None

    def isoformat(self) -> str:
        """The EDTF form of this date (``parse(d.isoformat()) == d``)."""
        if self.decade:
            text = f"{self.year // 10:03d}X"
        elif self.month is None:
            text = f"{self.year:04d}"
        elif self.day is None:
            text = f"{self.year:04d}-{self.month:02d}"
        else:
            text = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return text + "~" if self.approximate else text

    __str__ = isoformat

    @property
    def precision(self) -> Precision:
        """How much of the date is known."""
        if self.decade:
            return Precision.DECADE
        if self.month is None:
            return Precision.YEAR
        return Precision.MONTH if self.day is None else Precision.DAY

    @property
    def earliest(self) -> dt.date:
        """The first day the date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day the date can mean."""
        if self.decade:
            return dt.date(min(self.year + 9, 9999), 12, 31)
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            return dt.date(self.year, self.month, _days_in_month(self.year, self.month))
        return dt.date(self.year, self.month, self.day)

    def _key(self) -> tuple[dt.date, dt.date, bool]:
        return (self.earliest, self.latest, self.approximate)

    def __lt__(self, other: PartialDate) -> bool:
        """Order by earliest day, then latest day, exact before approximate."""
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: PartialDate) -> bool:
        """See :meth:`__lt__`."""
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: PartialDate) -> bool:
        """See :meth:`__lt__`."""
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: PartialDate) -> bool:
        """See :meth:`__lt__`."""
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()


class Open(enum.Enum):
    """The marker of an open period end: still going when the source was written (EDTF ``..``).

    Use the module constant :data:`OPEN`. An end that is ``None`` is *unknown* instead: the
    source does not say (EDTF leaves that side empty).

    >>> Period.parse("2003/..").end is OPEN
    True
    """

    OPEN = ".."

    def __repr__(self) -> str:
        """``usnz.OPEN``."""
        return "usnz.OPEN"


OPEN: Final = Open.OPEN
"""An open period end (EDTF ``..``): still going when the source was written."""

End = Union[PartialDate, Open, None]  # noqa: UP007 - a runtime alias
"""One end of a :class:`Period`: a date, :data:`OPEN`, or ``None`` (unknown)."""


def _check_end(instance: Period, attribute: attrs.Attribute[Any], value: End) -> None:
    if value is not None and not isinstance(value, PartialDate | Open):
        msg = f"{attribute.name} must be a PartialDate, usnz.OPEN or None (unknown), got {shown(value)}"
        raise DateError(msg)


def _edtf_end(end: End) -> str:
    if end is None:
        return ""
    return ".." if isinstance(end, Open) else end.isoformat()


@attrs.frozen(kw_only=True)
@methods_on_first_use
class Period:
    """A span of time between two partial dates; either end may be unknown or open.

    Each end is a :class:`PartialDate`; ``None`` when it is *unknown* (the source does not
    say: EDTF ``1965-07/``, ``/1957``); or :data:`OPEN` when the span was still going when
    the source was written (EDTF ``2003/..``). The three are distinct values. A period
    needs a date at one end at least.

    Attributes:
        start: The first date, ``None`` (unknown) or :data:`OPEN`.
        end: The last date, ``None`` (unknown) or :data:`OPEN` (ongoing).

    >>> war = Period.parse("1950/1957")
    >>> war.overlaps(Period.parse("1957-06/1971"))
    True
    >>> war.contains(PartialDate.parse("1953-07-27"))
    True
    >>> Period.parse("1965-07/") == Period.parse("1965-07/..")
    False
    >>> str(Period.parse("1965-07/")), str(Period.parse("2003/.."))
    ('1965-07/', '2003/..')
    """

    start: End = attrs.field(default=None, validator=_check_end)
    end: End = attrs.field(default=None, validator=_check_end)

    def __attrs_post_init__(self) -> None:
        """Reject a period with no date at either end, or that ends before it starts."""
        if not isinstance(self.start, PartialDate) and not isinstance(self.end, PartialDate):
            msg = (
                "a period needs a date at one end at least, got "
                f"{_edtf_end(self.start) or 'unknown'}/{_edtf_end(self.end) or 'unknown'}"
            )
            raise DateError(msg)
        start, end = self.start, self.end
        if isinstance(start, PartialDate) and isinstance(end, PartialDate) and start.earliest > end.latest:
            msg = f"a period cannot end ({end}) before it starts ({start})"
            raise DateError(msg)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read an EDTF interval: ``1939/1975``, ``1965-07/`` (end unknown), ``2003/..`` (open).

        Raises:
            DateError: when *text* is not an interval of two accepted ends.
        """
        if not isinstance(text, str):
            msg = f"an EDTF interval must be a str, got {type(text).__name__} {shown(text)}; accepted: {_ACCEPTED}"
            raise DateError(msg)
        start_text, slash, end_text = text.partition("/")
        if not slash:
            msg = f"{shown(text)} is not an EDTF interval (no '/'); accepted: {_ACCEPTED}"
            raise DateError(msg)
        start, end = _parse_end(start_text), _parse_end(end_text)
        try:
            return cls(start=start, end=end)
        except DateError as error:
            msg = f"{shown(text)} is not a valid interval: {error}"
            raise DateError(msg) from None

    def isoformat(self) -> str:
        """The EDTF interval form: ``..`` for an open end, nothing for an unknown one."""
        return f"{_edtf_end(self.start)}/{_edtf_end(self.end)}"

    __str__ = isoformat

    @property
    def earliest(self) -> dt.date:
        """The first day the period can include (``date.min`` when its start is unknown or open).

        An unknown or open end gives the very object ``datetime.date.min`` (``date.max``); a
        date's own days are other objects, so ``is`` tells a record of 0001-01-01 from an open start.
        """
        return self.start.earliest if isinstance(self.start, PartialDate) else dt.date.min

    @property
    def latest(self) -> dt.date:
        """The last day the period can include (``date.max`` when its end is unknown or open)."""
        return self.end.latest if isinstance(self.end, PartialDate) else dt.date.max

    def known(self, as_of: dt.date | None = None) -> tuple[dt.date, dt.date]:
        """The first and last day the period is *known* to cover: its known extent.

        A date end counts in full. An unknown end stops the extent at the other end's date:
        ``1965-07/`` is known for July 1965 only, ``/1957`` for 1957 only. An open end
        (``2003/..``) runs on to *as_of*, the date of the source that says it is ongoing
        (to its start's last day without one). An open start runs back without limit.

        >>> import datetime as dt
        >>> [str(day) for day in Period.parse("1965-07/").known()]
        ['1965-07-01', '1965-07-31']
        >>> [str(day) for day in Period.parse("2003/..").known(as_of=dt.date(2010, 11, 4))]
        ['2003-01-01', '2010-11-04']
        """
        start, end = self.start, self.end
        if isinstance(start, PartialDate):
            first = start.earliest
            if isinstance(end, PartialDate):
                return first, end.latest
            if end is None or as_of is None:
                return first, start.latest
            return first, max(start.latest, as_of)
        last = typing.cast("PartialDate", end).latest  # a period has a date at one end at least
        return (dt.date.min if start is OPEN else typing.cast("PartialDate", end).earliest), last

    def overlaps(self, other: PartialDate | Period) -> bool:
        """Whether some day may lie in both this period and *other* (unknown ends may run on)."""
        return self.earliest <= other.latest and other.earliest <= self.latest

    def contains(self, other: PartialDate | Period) -> bool:
        """Whether every day *other* can mean lies within this period."""
        return self.earliest <= other.earliest and other.latest <= self.latest


def _not_one_date(text: str) -> str:
    """What an interval (``2008/2009``) given where one date is wanted is told: what it is, and what is wanted."""
    wanted = f"accepted here: one date, {_ONE}"
    start_text, _, end_text = text.partition("/")
    try:
        start, end = _parse_end(start_text), _parse_end(end_text)
    except DateError:
        return f"{shown(text)} is not one date (it has a '/', as an interval has); {wanted}"
    try:
        Period(start=start, end=end)
    except DateError as error:
        return f"{shown(text)} is not a valid interval: {error}; and not one date: {wanted}"
    return f"{shown(text)} is an interval, not one date; {wanted}"


def _parse_end(text: str) -> End:
    if text == "..":
        return OPEN
    return None if text == "" else PartialDate.parse(text)


When = Union[PartialDate, Period]  # noqa: UP007 - a runtime alias cattrs reads


def parse_edtf(text: str) -> PartialDate | Period:
    """Read an EDTF date or interval: a :class:`Period` when *text* has a ``/``.

    >>> parse_edtf("1939/1975")
    Period(start=PartialDate(year=1939, ...), end=PartialDate(year=1975, ...))
    >>> parse_edtf("2008-07")
    PartialDate(year=2008, month=7, day=None, decade=False, approximate=False)
    """
    if isinstance(text, str) and "/" in text:
        return Period.parse(text)
    return PartialDate.parse(text)
