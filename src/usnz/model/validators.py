"""attrs validators that accept the common value in one call, and say in words what they refuse.

``attrs.validators.and_(instance_of(str), min_len(1))`` costs three calls a field, on every
record read; :func:`non_empty_str` and :func:`positive_int` accept a valid value in one, and
hand any other to those very validators, which refuse it with their own message. Each keeps
them as ``_validators``, as ``and_`` does, for what reads a field's constraints (the schemas),
and declares its test of a whole column (``column``, as :func:`usnz.model.facts.batched` does).

:func:`instance_of`, :func:`one_of` and :func:`matching` stand for attrs' ``instance_of``,
``in_`` and ``matches_re``: they keep what the schemas read (``type``, ``options``,
``pattern``) and declare their column tests, but refuse a value with one plain sentence that
names the field, what it takes and what was given (attrs' own put their arguments in the
message: the field's whole ``Attribute`` repr).
"""

from __future__ import annotations

import re
import typing
from collections.abc import Collection
from typing import Any

import attrs

from usnz.model.bounds import MAX_INT, MAX_INT_TEXT
from usnz.model.columnwise import strs
from usnz.model.errors import ArgumentTypeError, ArgumentValueError, shown

__all__ = [
    "bounded_int",
    "instance_of",
    "matching",
    "non_empty_str",
    "one_of",
    "positive_int",
    "refuse_beyond",
    "require_tuple",
    "within_bounds",
]


def within_bounds(value: int) -> bool:
    """Whether an ``int`` lies within ±:data:`~usnz.model.bounds.MAX_INT`, as every integer a record holds must."""
    return -MAX_INT <= value <= MAX_INT


def refuse_beyond(name: str, value: int) -> None:
    """Refuse the integer *value* of *name*, beyond ±``MAX_INT`` (:func:`within_bounds`): an ArgumentValueError.

    >>> refuse_beyond("best", 10**30)
    Traceback (most recent call last):
    usnz.ArgumentValueError: best must be within ±2^53 (9,007,199,254,740,992), got 1000000000000000000000000000000; ...
    """
    msg = (
        f"{name} must be within {MAX_INT_TEXT}, got {shown(value)}; a larger integer cannot be kept exactly (in a "
        "data frame, Parquet or JavaScript), and usnz.load refuses it: give a smaller number, or state it in a "
        "larger unit"
    )
    raise ArgumentValueError(msg)


_NAMES = {int: "an int", bool: "a bool (True or False)", str: "a str"}


class _InstanceOf:
    """Require an instance of ``type`` (an ``int`` is never a ``bool``)."""

    __slots__ = ("type",)

    def __init__(self, kind: type) -> None:
        self.type = kind

    def column(self, values: list[Any]) -> bool:
        """Its column test: every value of exactly ``type``."""
        return set(map(type, values)) <= {self.type}

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, self.type) or (self.type is int and isinstance(value, bool)):
            what = _NAMES.get(self.type, f"a {self.type.__name__}")
            msg = f"{attribute.name} must be {what}, got {type(value).__name__} {shown(value)}"
            raise ArgumentTypeError(msg)


class _OneOf:
    """Require one of ``options``."""

    __slots__ = ("options",)

    def __init__(self, options: Collection[object]) -> None:
        self.options = options

    def column(self, values: list[Any]) -> bool:
        """Its column test: every value one of ``options`` (and of its type: ``1`` is not ``True``)."""
        kinds = set(map(type, self.options))  # (each hashable: an unhashable value is of no option's type)
        return set(map(type, values)) <= kinds and all(map(self.options.__contains__, values))

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if any(type(value) is type(option) and value == option for option in self.options):
            return
        accepted = ", ".join(repr(option) for option in self.options if option is not None)
        also = " or None" if None in self.options else ""
        msg = f"{attribute.name} must be one of {accepted}{also}, got {shown(value)}"
        raise ArgumentValueError(msg)


class _Matching:
    """Require a ``str`` that ``pattern`` matches whole."""

    __slots__ = ("pattern", "what")

    def __init__(self, pattern: re.Pattern[str], what: str) -> None:
        self.pattern = pattern
        self.what = what

    def column(self, values: list[Any]) -> bool:
        """Its column test: every value a ``str`` the pattern matches whole."""
        return strs(values) and all(map(self.pattern.fullmatch, values))

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not str or self.pattern.fullmatch(value) is None:
            msg = f"{attribute.name} must be {self.what}, got {shown(value)}"
            raise ArgumentValueError(msg)


def require_tuple(attribute: attrs.Attribute[Any], value: object, item: type | None = None) -> None:
    """Refuse *value* unless it is a ``tuple`` (of *item*, when given): what a field of several values holds.

    A list would leave a frozen record holding something that can change, and a ``str`` is
    read as its characters: neither is turned into a tuple quietly.

    >>> @attrs.frozen
    ... class Named:
    ...     ids: tuple[str, ...] = attrs.field(validator=lambda _, a, v: require_tuple(a, v, str))
    >>> Named(["anzus"])
    Traceback (most recent call last):
    usnz.ArgumentTypeError: ids must be a tuple, got list ['anzus']; give tuple(...) of the values
    """
    if type(value) is not tuple:
        given = f"{type(value).__name__} {shown(value)}"
        msg = f"{attribute.name} must be a tuple, got {given}; give tuple(...) of the values"
        raise ArgumentTypeError(msg)
    if item is not None:
        wrong = next((each for each in typing.cast("tuple[object, ...]", value) if not isinstance(each, item)), None)
        if wrong is not None:
            msg = f"{attribute.name} must hold {item.__name__} values, got {type(wrong).__name__} {shown(wrong)}"
            raise ArgumentTypeError(msg)


def instance_of(kind: type) -> Any:
    """Attrs' ``instance_of(kind)``, refusing in words (and refusing a ``bool`` as an ``int``).

    >>> @attrs.frozen
    ... class Count:
    ...     n: int = attrs.field(validator=instance_of(int))
    >>> Count("3")
    Traceback (most recent call last):
    usnz.ArgumentTypeError: n must be an int, got str '3'
    """
    return _InstanceOf(kind)


def one_of(options: Collection[object]) -> Any:
    """Attrs' ``in_(options)``, refusing in words; a value must be an option of the same type."""
    return _OneOf(options)


def matching(pattern: str | re.Pattern[str], what: str) -> Any:
    """Attrs' ``matches_re(pattern)`` (matched whole), refusing in words: *what* says what it takes."""
    return _Matching(re.compile(pattern) if isinstance(pattern, str) else pattern, what)


class _Composite:
    """The validators of *parts*, all of them; ``__call__`` accepts the common value first.

    The parts (``_validators``) say what the schemas read; ``__call__`` refuses in words of its own.
    """

    __slots__ = ("_validators",)

    def __init__(self, *parts: Any) -> None:
        self._validators: tuple[Any, ...] = parts


def _non_empty_strs(values: list[Any]) -> bool:
    """Whether each of *values* is a non-empty ``str``."""
    return strs(values) and all(values)


def _positive_ints(values: list[Any]) -> bool:
    """Whether each of *values* is an ``int`` from 1 to ``MAX_INT``."""
    return set(map(type, values)) <= {int} and (not values or (min(values) >= 1 and max(values) <= MAX_INT))


def _bounded_ints(values: list[Any]) -> bool:
    """Whether each of *values* is an ``int`` within ±``MAX_INT``."""
    return set(map(type, values)) <= {int} and (not values or (min(values) >= -MAX_INT and max(values) <= MAX_INT))


class _NonEmptyStr(_Composite):
    column = staticmethod(_non_empty_strs)
    """Its column test (:func:`usnz.model.facts.batched`)."""

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is str and value:
            return
        self._validators[0](instance, attribute, value)  # not a str: an ArgumentTypeError
        if not value:
            msg = f"{attribute.name} must be a non-empty str, got ''"
            raise ArgumentValueError(msg)


class _PositiveInt(_Composite):
    column = staticmethod(_positive_ints)
    """Its column test (:func:`usnz.model.facts.batched`)."""

    def __init__(self, what: str, *parts: Any) -> None:
        super().__init__(*parts)
        self.what = what

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is int and 1 <= value <= MAX_INT:
            return
        self._validators[0](instance, attribute, value)  # not an int (a bool is none): an ArgumentTypeError
        if value > MAX_INT:
            refuse_beyond(attribute.name, value)
        if value < 1:
            msg = f"{attribute.name} must be {self.what}, from 1, got {shown(value)}"
            raise ArgumentValueError(msg)


class _BoundedInt(_Composite):
    column = staticmethod(_bounded_ints)
    """Its column test (:func:`usnz.model.facts.batched`)."""

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is int and within_bounds(value):
            return
        self._validators[0](instance, attribute, value)  # not an int (a bool is none): an ArgumentTypeError
        if not within_bounds(value):
            refuse_beyond(attribute.name, value)


def non_empty_str() -> Any:
    """``and_(instance_of(str), min_len(1))``, accepting a non-empty ``str`` in one call, refusing in words."""
    return _NonEmptyStr(instance_of(str), attrs.validators.min_len(1))


def positive_int(what: str = "a whole number") -> Any:
    """``and_(instance_of(int), ge(1), le(MAX_INT))``, accepting an ``int`` from 1 in one call.

    It refuses in words, naming the field and *what* it holds: ``paragraph must be a paragraph
    number, from 1, got 0`` (a wrong type is an ArgumentTypeError, a wrong value an
    ArgumentValueError).
    """
    return _PositiveInt(what, instance_of(int), attrs.validators.ge(1), attrs.validators.le(MAX_INT))


def bounded_int() -> Any:
    """An ``int`` within ±``MAX_INT``, as ``usnz.load`` reads one (see :func:`refuse_beyond`)."""
    return _BoundedInt(instance_of(int), attrs.validators.ge(-MAX_INT), attrs.validators.le(MAX_INT))
