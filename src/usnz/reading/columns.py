"""Validators asked of a whole column of values at once: one field of every record of a file.

The quick reader builds a file's records a field at a time (:func:`usnz.reading.quick.read_all`)
and checks each field's validator on the whole column. A validator that declares a test of a
column (its ``column``: ``@batched(test)``, :func:`usnz.model.facts.batched`), and each of
attrs' own ``in_``, ``instance_of``, ``matches_re`` and ``optional``, is first asked by that test, in C
(``str.isprintable`` of the joined texts, a set of the types...), which accepts only what the
validator accepts; when that test is not sure, and for any other validator, the validator itself
is called on each value, so a record is exactly as validated as when it is built one at a time.
"""

from __future__ import annotations

import itertools
import operator
from collections import deque
from collections.abc import Callable
from typing import Any, Final

import attrs

from usnz.model import base
from usnz.model.columnwise import ColumnTest, optional, present, strs

__all__ = ["ColumnCheck", "column_check", "date_basis_check", "dated"]

ColumnCheck = Callable[[list[Any], "attrs.Attribute[Any]", list[Any]], None]
"""Checks one field of *objects* (its *values*, one each) as the field's validator does; raises what it raises."""

_IN: Final[Any] = type(attrs.validators.in_(()))
_INSTANCE_OF: Final[Any] = type(attrs.validators.instance_of(int))
_OPTIONAL: Final[Any] = type(attrs.validators.optional(attrs.validators.instance_of(int)))
_MATCHES_RE: Final[Any] = type(attrs.validators.matches_re(""))


def _in(options: Any) -> ColumnTest:
    """The test of a column for attrs' ``in_(options)``."""

    def accepts(values: list[Any]) -> bool:
        try:
            return all(map(options.__contains__, values))
        except TypeError:  # an unhashable value: the validator says so
            return False

    return accepts


def _instance_of(kind: Any) -> ColumnTest:
    """The test of a column for attrs' ``instance_of(kind)``."""
    return lambda values: all(map(isinstance, values, itertools.repeat(kind)))


def _matches_re(match: Callable[[str], object]) -> ColumnTest:
    """The test of a column for attrs' ``matches_re``: each value a ``str`` its pattern's *match* accepts."""

    def accepts(values: list[Any]) -> bool:
        try:
            return strs(values) and all(map(match, values))
        except TypeError:  # a pattern of bytes: the validator says so
            return False

    return accepts


def _accepts(validator: Any) -> ColumnTest | None:
    """A test in C of a column that accepts only what *validator* accepts: what it declares, or one of attrs' own."""
    declared: ColumnTest | None = getattr(validator, "column", None)
    if declared is not None:
        return declared
    # attrs' own validators declare none: read what each holds
    if type(validator) is _IN:
        return _in(validator.options)
    if type(validator) is _INSTANCE_OF:
        return _instance_of(validator.type)
    if type(validator) is _MATCHES_RE:
        return _matches_re(validator.match_func)
    if type(validator) is _OPTIONAL:
        inner = _accepts(validator.validator)
        return None if inner is None else optional(inner)
    return None


def _each(validator: Any) -> ColumnCheck:
    def check(objects: list[Any], attribute: attrs.Attribute[Any], values: list[Any]) -> None:
        called: map[None] = map(validator, objects, itertools.repeat(attribute), values)
        deque(called, maxlen=0)

    return check


def column_check(validator: Any) -> ColumnCheck:
    """Check a column of one field as *validator* checks each value (its column test first, where it has one)."""
    each = _each(validator)
    accepts = _accepts(validator)
    if accepts is None:
        return each

    def check(objects: list[Any], attribute: attrs.Attribute[Any], values: list[Any]) -> None:
        if not accepts(values):
            each(objects, attribute, values)

    return check


def date_basis_check(objects: list[Any], attribute: attrs.Attribute[Any], values: list[Any], dated: list[bool]) -> None:
    """Check a column of ``date_basis`` as :func:`~usnz.model.base.check_date_basis` does (*dated*: :func:`dated`)."""
    if list(map(operator.is_not, values, itertools.repeat(None))) != dated or not all(
        map(base.DATE_BASES.__contains__, present(values))
    ):
        _each(base.check_date_basis)(objects, attribute, values)


def dated(columns: list[list[Any]], count: int) -> list[bool]:
    """Whether each of *count* records carries a date or period in a field (*columns*: its fields' values)."""
    found: list[bool] = [False] * count
    for values in columns:
        if any(map(base.is_date_type, set(map(type, values)))):
            found = list(map(bool.__or__, found, map(base.is_date_type, map(type, values))))
    return found
