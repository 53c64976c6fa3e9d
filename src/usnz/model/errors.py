"""The exceptions and warnings usnz raises.

Every exception usnz raises on purpose is a :class:`Error`, and also the builtin a
caller would catch for that mistake (``KeyError``, ``ValueError``, ``TypeError``).
"""

# No ``from __future__ import annotations``: a ``NamedTuple`` compiles each annotation given as text.

import os
import sys
from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple

__all__ = [
    "ArgumentTypeError",
    "ArgumentValueError",
    "CoverageWarning",
    "DataError",
    "DateError",
    "Error",
    "MissingExtraError",
    "Problem",
    "QueryWarning",
    "SearchWarning",
    "UnknownRecordError",
    "WrongKindError",
    "WrongKindIdError",
]


_LONGEST = 80  # longest given value an error message repeats in full
_INT_BITS = 4 * _LONGEST  # an int longer than this (about 97 digits) is described, not written out


def shown(value: object) -> str:
    """``repr(value)``, cut short (with its length) when it is too long to repeat in a message.

    Never fails: an int too long to write out is described by its size, a ``str`` subclass
    is shown as the plain text it holds (its own methods are not called), and a value
    whose ``repr`` fails is named by its type.

    >>> shown(10**5000)
    '<an int of about 5,001 digits>'
    """
    if isinstance(value, str):
        value = str.__str__(value)  # a plain copy: a subclass's methods may misbehave
    elif isinstance(value, int) and int.bit_length(value) > _INT_BITS:
        import math  # noqa: PLC0415 - only for an int too long to show: a first get imports no math

        return f"<an int of about {int(int.bit_length(value) * math.log10(2)) + 1:,} digits>"
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a message must not fail on the value it reports
        return f"<a {type(value).__name__} object whose repr() fails>"
    if len(text) <= _LONGEST:
        return text
    size = f" ({len(value):,} characters)" if isinstance(value, str) else ""
    return f"{text[:_LONGEST]}...{size}"


def type_and_value(value: object, *, integers: bool = False) -> str:
    """A value a message refuses, as its type and :func:`shown` repr: ``int 5``, ``numpy.bool np.True_``.

    A type from outside the builtins is named with its module (numpy's ``bool`` is not Python's).
    Where *integers* are taken, an integer that is no ``int`` (a numpy one) is told how to give one.

    >>> type_and_value(5), type_and_value("x")
    ('int 5', "str 'x'")
    """
    cls = type(value)
    module = cls.__module__
    named = cls.__name__ if module == "builtins" else f"{module}.{cls.__qualname__}"
    text = f"{named} {shown(value)}"
    if integers and module != "builtins" and hasattr(cls, "__index__") and not isinstance(value, int):
        text += f" (a {module.partition('.')[0]} integer: give int(x))"
    return text


class Error(Exception):
    """Base class of every exception usnz raises on purpose.

    Catch this to handle any usnz failure in one place. Every one pickles (a process pool
    can send it back), whatever its constructor takes.
    """

    def __reduce__(self) -> tuple[object, ...]:
        """Rebuild without calling ``__init__``: the same class, arguments and attributes."""
        state = dict(vars(self))
        if isinstance(self, ImportError):  # its name and path are not in its __dict__
            state.update(name=self.name, path=self.path)
        return (_rebuilt, (type(self), self.args), state)


def _rebuilt(cls: type[Error], args: tuple[object, ...]) -> Error:
    """An unpickled error: *cls* with *args*, its attributes set after (by pickle)."""
    error = cls.__new__(cls)
    error.args = args
    return error


class ArgumentValueError(Error, ValueError):
    """A query or function was given a value it cannot use.

    The message names the argument, what was given and what is accepted.

    Attributes:
        field: The field of a record a check refuses, when the check is one across fields that
            names it (``usnz.load`` reports the problem at that path); ``None`` otherwise.
    """

    field: str | None = None


class ArgumentTypeError(Error, TypeError):
    """A query or function was given a value of the wrong type.

    The message names the argument, what was given and what is accepted.
    """


class WrongKindError(ArgumentTypeError):
    """A record was asked for as one kind (``usnz.get(id, usnz.Event)``) and is of another.

    The message names the id, the record's kind and the kind asked for.
    """


class DateError(ArgumentValueError):
    """Text that is not a date or period usnz understands (EDTF subset).

    Accepted forms: ``1965``, ``1965-05``, ``1965-05-27``, a decade ``196X``, any of
    those followed by ``~`` (approximate), and intervals ``1939/1975``, ``2003/..``,
    ``../1945``.
    """


RECORD_OR_COUNTRY: Final = "record or country"
"""The ``kind`` of an :class:`UnknownRecordError` of a filter taking any record's id or a country code."""


class UnknownRecordError(Error, KeyError):
    """No record has the id that was asked for.

    Attributes:
        id: The id that was asked for.
        suggestions: Known ids that look like it, best first (possibly empty).
        kind: The record kind that was searched, or ``None`` for all kinds.
    """

    def __init__(
        self,
        id: str,  # noqa: A002 - mirrors the record field name
        suggestions: Sequence[str] = (),
        *,
        kind: str | None = None,
        argument: str | None = None,
        message: str | None = None,
    ) -> None:
        self.id = id
        self.suggestions = tuple(suggestions)
        self.kind = kind
        self.argument = argument
        self._message = message
        super().__init__(id)

    def __str__(self) -> str:
        if self._message is not None:  # the id is a record of another kind: the message says which
            return self._message
        what = f"{self.kind} record" if self.kind else "record"
        shown = (
            repr(self.id)
            if len(self.id) <= _LONGEST
            else repr(self.id[:_LONGEST]) + f"... ({len(self.id):,} characters)"
        )
        # a filter's value first, so the command line's rewording (--speaker key) reads as the option given
        message = f"no {what} has the id {shown}"
        if self.argument:
            message = f"{self.argument}={shown}: no {what} has that id"
            if self.kind == RECORD_OR_COUNTRY:  # involving=: any record's id, or a country code
                message = f"{self.argument}={shown}: no record has that id, nor is it a country code"
        if (self.id[:1].isspace() or self.id[-1:].isspace()) and not self.id.isspace():
            return f"{message}: it has white space around it; usnz reads it as given: try {self.id.strip()!r}"
        if self.suggestions:
            names = ", ".join(repr(s) for s in self.suggestions)
            return f"{message}; did you mean {names}?"
        if _searchable(self.id):  # the words to search for, as given, when a message can show them plainly
            return f"{message}; try usnz.search({self.id!r}) to find ids by name"
        return f"{message}; try usnz.search() to find ids by name"


class WrongKindIdError(UnknownRecordError, WrongKindError):
    """A filter was given the id of a record of another kind (``quotes(speaker="anzus")``).

    Both an :class:`UnknownRecordError` (no record *of the kind the filter takes* has the id)
    and a :class:`WrongKindError` (the record is of another kind), so either ``except`` catches
    it, as ``usnz.get("anzus", usnz.Person)`` raises a ``WrongKindError`` for the same mistake.
    The message names what the id is and what the filter takes.
    """


def _searchable(given: str) -> bool:
    """Whether a hint can pass *given* to ``usnz.search()`` as it is: short ASCII words, no quotes or padding."""
    return (
        0 < len(given) <= _LONGEST
        and given[0].isalnum()
        and given[-1].isalnum()
        and given.isascii()
        and all(c.isalnum() or c in " .-" for c in given)
    )


class Problem(NamedTuple):
    """One thing wrong with a data file (a named tuple: cheap to define at import).

    Attributes:
        file: The file (or resource name) the problem is in.
        record: The record's id, or its index in the file when it has no usable id.
        path: Where inside the record, e.g. ``citations[0].paragraph`` (empty for the
            whole record or file).
        message: What is wrong, in words.
    """

    file: str
    record: str | int | None
    path: str
    message: str

    def __str__(self) -> str:
        """``file record path: message``, a long id or path cut short (so 1,000 problems stay small)."""
        where = _short(self.file, _LONGEST_FILE)
        if self.record is not None:
            where += f" [{self.record}]" if isinstance(self.record, int) else f" {_short(self.record, _LONGEST)}"
        if self.path:
            where += f" {_short(self.path, _LONGEST)}"
        return f"{where}: {self.message}" if where else self.message  # a note on all the problems names no file


_LONGEST_FILE = 4 * _LONGEST  # a file's path may be long; a problem repeats at most this much of it


def _short(text: object, longest: int) -> str:
    """*text* as it is when short and printable, else escaped and cut, with its length."""
    plain = str.__str__(text) if isinstance(text, str) else str(text)
    if len(plain) <= longest and plain.isprintable():
        return plain
    escaped = repr(plain[: longest + 1])[1:-1]
    if len(plain) <= longest:
        return escaped
    return f"{escaped[:longest]}... ({len(plain):,} characters)"


class DataError(Error, ValueError):
    """A dataset failed to load; every problem found is listed, none is skipped.

    Attributes:
        problems: Each problem, with its file, record, field path and message.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.problems)

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the data"
        return head + "".join(f"\n  {problem}" for problem in self.problems)


class QueryWarning(UserWarning):
    """A query's answer needs a word: why it is empty, or what it left out.

    The base of every warning usnz gives a query (:class:`CoverageWarning`,
    :class:`SearchWarning`), and given itself where no other fits: ``people(office=...,
    during=...)`` that finds nobody names the holders the data knows and their dates. Filter
    them all at once with ``warnings.simplefilter("ignore", usnz.QueryWarning)``.

    It points at the line of the caller's code that asked (the first frame outside usnz).
    """


class CoverageWarning(QueryWarning):
    """A query asked about a time the data is not known to cover.

    Without ``possibly=True`` nothing can match; with it, only records whose unknown or open
    ends may run on that far (none is known to be in that time). Every query warns alike.

    It points at the line of the caller's code that asked (the first frame outside usnz).
    """


class SearchWarning(QueryWarning):
    """A search found nothing with every word, because no record holds some of them (in any form).

    The search then looks for the other words, and warns naming those left out: a question
    such as ``usnz.search("Vietnam casualties")`` finds the records of Vietnam, and says that no
    record holds "casualties", instead of finding nothing.
    """


_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep  # noqa: PTH100, PTH120


def outside_usnz() -> int:
    """The ``stacklevel`` for :func:`warnings.warn` that names the first caller outside usnz.

    Called by the function that warns: however deep in usnz it is, the warning points at
    the user's line that called into usnz.
    """
    frame = sys._getframe(1)  # noqa: SLF001  # pyright: ignore[reportPrivateUsage] - the function that warns
    level = 1
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame = frame.f_back
        level += 1
    return level


class MissingExtraError(Error, ImportError):
    """A feature needs an optional package that is not installed.

    The message names the package and the extra that installs it, e.g.
    ``pip install ".[pandas]"`` in a clone of usnz.

    Attributes:
        feature: What was asked for, e.g. ``to_frame()``.
        package: The package it needs, e.g. ``pandas``.
        extra: The usnz extra that installs it, e.g. ``pandas``.
    """

    def __init__(self, *, feature: str, package: str, extra: str) -> None:
        self.feature = feature
        self.package = package
        self.extra = extra
        message = (
            f"{feature} needs {package}, which is not installed; "
            f'install the usnz extra that brings it: pip install ".[{extra}]" in a clone of usnz'
            f' (pip install "usnz[{extra}]" from a package index that has usnz)'
        )
        super().__init__(message, name=package)


# Public errors print as ``usnz.X`` (in tracebacks too), as users import them, not as the
# internal module they live in.
for _public in (
    Error,
    ArgumentValueError,
    ArgumentTypeError,
    DateError,
    UnknownRecordError,
    WrongKindError,
    WrongKindIdError,
    DataError,
    QueryWarning,
    CoverageWarning,
    SearchWarning,
    MissingExtraError,
):
    _public.__module__ = "usnz"
