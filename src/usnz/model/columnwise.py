"""Column tests: what a field check accepts, asked of a whole column of values at once, in C.

A column is one field's values over many records. A check declares its column test where it
is written (``@batched(test)``, :func:`usnz.model.facts.batched`): a test that is true only
when the check accepts every value of the column. When it is not sure (false), the check itself
is asked of each value, so a record is as strictly validated either way. The pieces such tests
are written with are here.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterable
from typing import Any, Final

__all__ = ["ColumnTest", "distinct", "flat", "items", "optional", "present", "strs"]

ColumnTest = Callable[[list[Any]], bool]
"""True only when a check accepts each of a column's values (``False``: not sure)."""

_SET: Final[Callable[[Iterable[Any]], set[Any]]] = set
"""``set``, typed: mapped over many values, it is called as it is (``set[Any]`` would be called through its alias,
which tries to mark each set with its type, several times slower)."""


def present(values: list[Any]) -> list[Any]:
    """The values that are not ``None``."""
    return list(itertools.compress(values, map(operator.is_not, values, itertools.repeat(None))))


def flat(values: list[Any]) -> list[Any] | None:
    """The items of *values*, each a tuple; ``None`` if one is not."""
    if not set(map(type, values)) <= {tuple}:
        return None
    return list(itertools.chain.from_iterable(values))


def strs(values: list[Any]) -> bool:
    """Whether each of *values* is a ``str`` (a subclass is not)."""
    return set(map(type, values)) <= {str}


def distinct(
    values: list[Any], key: Callable[[Any], Any] | None = None, *, first_by: Callable[[Any], Any] | None = None
) -> bool:
    """Whether no tuple of *values* holds an item twice (items compared by *key*).

    *first_by*: a part of *key* (a field or two), cheaper to compare: items that differ in it
    differ, so only the tuples in which it repeats are compared by *key*.
    """
    several: list[tuple[Any, ...]] = list(
        itertools.compress(values, map(operator.gt, map(len, values), itertools.repeat(1)))
    )
    if first_by is not None:
        several = _repeating(several, first_by)
    if key is not None:
        keyed: map[map[Any]] = map(map, itertools.repeat(key), several)
        several = list(map(tuple, keyed))
    return list(map(len, map(_SET, several))) == list(map(len, several))


def _repeating(several: list[tuple[Any, ...]], part: Callable[[Any], Any]) -> list[tuple[Any, ...]]:
    """The tuples of *several* in which two items have the same *part*."""
    parts: map[map[Any]] = map(map, itertools.repeat(part), several)
    differing = map(len, map(_SET, parts))
    return list(itertools.compress(several, map(operator.ne, map(len, several), differing)))


def optional(test: ColumnTest) -> ColumnTest:
    """The test of a column of values each ``None`` or what *test* accepts."""
    return lambda values: test(present(values))


def items(test: ColumnTest, *, unique: bool = False) -> ColumnTest:
    """The test of a column of tuples whose items *test* accepts (*unique*: none holding an item twice)."""

    def test_items(values: list[Any]) -> bool:
        items_of = flat(values)
        return items_of is not None and test(items_of) and (not unique or distinct(values))

    return test_items
