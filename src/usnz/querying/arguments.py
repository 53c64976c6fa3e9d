"""Checking query arguments, so a bad one fails at once with a message that helps."""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import typing
from collections.abc import Iterable, Mapping
from typing import Final

from usnz.model.base import DateBasis, Described, Record
from usnz.model.calls import refused_call
from usnz.model.dates import PartialDate, Period, parse_edtf
from usnz.model.errors import ArgumentTypeError, ArgumentValueError, DateError, WrongKindError, shown, type_and_value

__all__ = [
    "BASES",
    "MAX_VALUES",
    "During",
    "RecordIds",
    "Window",
    "check_choice",
    "check_code",
    "check_flag",
    "during_text",
    "id_argument",
    "many",
    "of_kind",
    "plain",
    "record_id",
    "refused_call",
    "to_window",
    "unpadded",
]

MAX_VALUES: Final = 1_000_000
"""Most values one filter takes (an iterable is read no further: an endless one is refused)."""

BASES: Final = typing.cast("tuple[DateBasis, ...]", typing.get_args(DateBasis))
"""The values of ``basis=`` (and of a record's ``date_basis``), strongest first."""

Window = tuple[dt.date, dt.date]
"""The first and last day a ``during=`` argument covers."""

During = int | str | PartialDate | Period
"""What ``during=`` takes: a year, an EDTF text, a :class:`PartialDate` or a :class:`Period`."""

RecordIds = str | Record | Iterable[str | Record]
"""What a filter naming records takes: an id, a record, or an iterable of them (a query's result)."""

_DURING_FORMS = (
    "a year as an int (1965), an EDTF string ('1965', '1965-05', '1965-05-27', '196X', "
    "'1939/1975', '2003/..'), a usnz.PartialDate or a usnz.Period"
)


_windows: dict[str, Window] = {}  # the windows of the texts given lately (a query is often asked again)
_WINDOWS_KEPT: Final = 256
_years: dict[int, Window] = {}  # the window of each year given as an int, once asked


def to_window(during: object, *, name: str = "during") -> Window:
    """Turn a ``during=`` argument into its first and last day.

    >>> to_window(1965)
    (datetime.date(1965, 1, 1), datetime.date(1965, 12, 31))
    >>> to_window("19x5")
    Traceback (most recent call last):
    ...
    usnz.ArgumentValueError: during='19x5' is not a date or period: '19x5' is not an EDTF date; accepted: ...
    """
    if type(during) is int:  # the common case first: a year (a bool's type is bool)
        window = _years.get(during)
        if window is not None:
            return window
    if isinstance(during, PartialDate | Period):
        return during.earliest, during.latest
    if isinstance(during, int) and not isinstance(during, bool):
        if not 1 <= int.__int__(during) <= 9999:
            msg = f"{name}={shown(during)} is not a year from 1 to 9999; accepted: {_DURING_FORMS}"
            raise ArgumentValueError(msg)
        year = int.__int__(during)
        window = _years[year] = (dt.date(year, 1, 1), dt.date(year, 12, 31))  # (at most 9,999 of them)
        return window
    if isinstance(during, str):
        text = plain(during)
        window = _windows.get(text)
        if window is None:
            unpadded(name, text)
            try:
                when = parse_edtf(text)
            except DateError as error:
                msg = f"{name}={shown(during)} is not a date or period: {error}"
                raise ArgumentValueError(msg) from None
            if len(_windows) >= _WINDOWS_KEPT:
                _windows.clear()
            window = _windows[text] = (when.earliest, when.latest)
        return window
    msg = f"{name}= takes {_DURING_FORMS}; got {type_and_value(during, integers=True)}"
    raise ArgumentTypeError(msg)


def during_text(during: object) -> str:
    """A ``during=`` argument as a message repeats it: a date or period as its EDTF text, else as given.

    >>> during_text(Period.parse("1965/1966")), during_text("1965"), during_text(1965)
    ('1965/1966', "'1965'", '1965')
    """
    return str(during) if isinstance(during, PartialDate | Period) else shown(during)


K = typing.TypeVar("K", bound=Described)


def of_kind(record: Described, kind: type[K]) -> K:
    """*record*, checked to be a *kind* (``usnz.Event``, ``usnz.Record``...).

    Raises:
        ArgumentTypeError: when *kind* is not a record class.
        WrongKindError: when the record is of another kind.
    """
    if not isinstance(kind, type) or not issubclass(kind, Described):
        raise ArgumentTypeError(_not_a_class(kind))
    if not isinstance(record, kind):
        own = type(record).__name__
        asked = _class_shown(kind)
        if asked.startswith("usnz."):
            other = _a(kind.record_kind)
        else:  # a class of the user's: named by its module, and the usnz class it is of
            base = next(c for c in kind.__mro__ if _class_shown(c).startswith("usnz."))
            other = f"a {asked} (a subclass of {_class_shown(base)})"
        msg = (
            f"get({record.id!r}, {asked}): {record.id!r} is {_a(record.record_kind)} (usnz.{own}), "
            f"not {other}; ask usnz.get({record.id!r}, usnz.{own}), "
            f"or usnz.get({record.id!r}) for any kind"
        )
        raise WrongKindError(msg)
    return typing.cast("K", record)  # type: ignore[redundant-cast]  # pyright does not narrow it so


def _class_shown(cls: type) -> str:
    """A class as a message names it: ``usnz.Event`` for usnz's own, else by its module (``mine.MyEvent``)."""
    module = cls.__module__
    if module == "usnz" or module.startswith("usnz."):
        return f"usnz.{cls.__name__}"
    return f"{module}.{cls.__qualname__}"


def _not_a_class(kind: object) -> str:
    """Why ``get()`` refuses *kind*, naming the class to give: ``usnz.Agreement`` for the name ``'agreement'``."""
    from usnz.model.kinds import CLASS_NAMES  # noqa: PLC0415 - only on this error path
    from usnz.model.names import kind_name  # noqa: PLC0415 - only on this error path

    try:
        plural = kind_name(kind)
    except (ArgumentTypeError, ArgumentValueError):
        return f"get() takes a record class as its kind, e.g. usnz.Event; got {type_and_value(kind)}"
    return f"get() takes a record class as its kind: give usnz.{CLASS_NAMES[plural]}, not the name {shown(kind)}"


def _a(kind: str) -> str:
    """*kind* with its article (``an event``, ``a person``)."""
    return f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"


def plain(value: str) -> str:
    """A plain ``str`` copy of *value*: a ``str`` subclass's own methods are never called.

    >>> class Shouting(str):
    ...     def strip(self, chars=None): raise RuntimeError("no")
    >>> type(plain(Shouting(" x "))), plain(Shouting(" x ")).strip()
    (<class 'str'>, 'x')
    """
    return str.__str__(value)


def unpadded(name: str, text: str) -> str:
    """*text* (a plain ``str``), refused when it has white space around other text: what a user gives is read as given.

    >>> unpadded("during", "2008 ")
    Traceback (most recent call last):
    ...
    usnz.ArgumentValueError: during='2008 ' has white space around it; usnz reads it as given: try during='2008'
    """
    if (text[:1].isspace() or text[-1:].isspace()) and not text.isspace():  # blank: refused as what it is not
        msg = f"{name}={shown(text)} has white space around it; usnz reads it as given: try {name}={text.strip()!r}"
        raise ArgumentValueError(msg)
    return text


def id_argument(name: str, value: object) -> str:
    """Require a non-empty string id, as given (no white space around it)."""
    if not isinstance(value, str):
        msg = f"{name}= takes a record id as a str, e.g. {name}='korean-war'; got {type_and_value(value)}"
        raise ArgumentTypeError(msg)
    text = plain(value)
    if not text.strip():
        msg = f"{name}= takes a record id, got an empty string; try usnz.search() to find ids"
        raise ArgumentValueError(msg)
    return unpadded(name, text)


def check_code(name: str, value: object) -> str:
    """Require a country code string, as given (no white space around it); return it upper-cased ('nzl': 'NZL')."""
    if not isinstance(value, str):
        given = type_and_value(value)
        msg = f"{name}= takes an ISO 3166-1 alpha-3 country code as a str, e.g. 'NZL'; got {given}"
        raise ArgumentTypeError(msg)
    text = plain(value)
    if not text.strip():
        msg = f"{name}= takes an ISO 3166-1 alpha-3 country code such as 'NZL', got an empty string"
        raise ArgumentValueError(msg)
    return unpadded(name, text).upper()


def check_choice(name: str, value: object, choices: tuple[str, ...]) -> str:
    """Require one of *choices*, with no white space around it; suggest the closest for a misspelling."""
    if not isinstance(value, str):
        msg = f"{name}= takes a str, one of {', '.join(choices)}; got {type_and_value(value)}"
        raise ArgumentTypeError(msg)
    value = plain(value)
    if value not in choices:
        unpadded(name, value)  # ' visit': refused as every name is, for its white space
        close = difflib.get_close_matches(value.strip().lower().replace("_", "-").replace(" ", "-"), choices, n=3)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        accepted = f"{' Accepted' if close else '; accepted'}: {', '.join(choices)}"
        msg = f"{name}={shown(value)} is not accepted{hint}{accepted}"
        raise ArgumentValueError(msg)
    return value


def many(name: str, value: object) -> tuple[object, ...]:
    """The values a filter was given: one value, a record, or an iterable of them.

    >>> many("speaker", "john-key"), many("speaker", ["john-key", "helen-clark"])
    (('john-key',), ('john-key', 'helen-clark'))
    """
    if isinstance(value, str):
        return (plain(value),)
    if isinstance(value, Described) or not isinstance(value, Iterable) or isinstance(value, Mapping):
        return (value,)  # pyright: ignore[reportUnknownVariableType] # a Mapping's keys are not looked at
    if isinstance(value, bytes | bytearray):
        msg = f"{name}= takes text (str), not bytes; got {shown(value)}"
        raise ArgumentTypeError(msg)
    items: tuple[object, ...] = tuple(itertools.islice(typing.cast("Iterable[object]", value), MAX_VALUES + 1))
    if len(items) > MAX_VALUES:  # an endless iterable, or one far larger than any filter needs: not copied on
        msg = f"{name}= takes at most {MAX_VALUES:,} values (usnz.querying.arguments.MAX_VALUES); got more"
        raise ArgumentValueError(msg)
    if any(isinstance(item, tuple | list | set | frozenset) for item in items):
        msg = f"{name}= takes a value or a flat collection of values; got a nested collection {shown(items)}"
        raise ArgumentTypeError(msg)
    return tuple(plain(item) if isinstance(item, str) else item for item in items)


def record_id(name: str, value: object) -> str:
    """The id of a record, or a string id as given (see :func:`id_argument`)."""
    if isinstance(value, Described):
        return value.id
    return id_argument(name, value)


def check_flag(name: str, value: object) -> bool:
    """Require ``True`` or ``False`` (not 1, not "yes")."""
    if not isinstance(value, bool):
        msg = f"{name}= takes True or False; got {type_and_value(value)}"
        raise ArgumentTypeError(msg)
    return value
