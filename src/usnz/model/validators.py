"""Composite attrs validators that accept the common value in one call.

``attrs.validators.and_(instance_of(str), min_len(1))`` costs three calls a field, on every
record read; :func:`non_empty_str` and :func:`positive_int` accept a valid value in one, and
hand any other to those very validators, which refuse it with their own message. Each keeps
them as ``_validators``, as ``and_`` does, for what reads a field's constraints (the schemas),
and declares its test of a whole column (``column``, as :func:`usnz.model.facts.batched` does).
"""

from __future__ import annotations

from typing import Any

import attrs

from usnz.model.columnwise import strs

__all__ = ["non_empty_str", "positive_int"]


class _Composite:
    """The validators of *parts*, all of them; ``__call__`` accepts the common value first."""

    __slots__ = ("_validators",)

    def __init__(self, *parts: Any) -> None:
        self._validators: tuple[Any, ...] = parts

    def _refuse(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        for validator in self._validators:
            validator(instance, attribute, value)


def _non_empty_strs(values: list[Any]) -> bool:
    """Whether each of *values* is a non-empty ``str``."""
    return strs(values) and all(values)


def _positive_ints(values: list[Any]) -> bool:
    """Whether each of *values* is an ``int`` from 1."""
    return set(map(type, values)) <= {int} and (not values or min(values) >= 1)


class _NonEmptyStr(_Composite):
    column = staticmethod(_non_empty_strs)
    """Its column test (:func:`usnz.model.facts.batched`)."""

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not str or not value:
            self._refuse(instance, attribute, value)


class _PositiveInt(_Composite):
    column = staticmethod(_positive_ints)
    """Its column test (:func:`usnz.model.facts.batched`)."""

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not int or value < 1:
            self._refuse(instance, attribute, value)


def non_empty_str() -> Any:
    """``and_(instance_of(str), min_len(1))``, accepting a non-empty ``str`` in one call."""
    return _NonEmptyStr(attrs.validators.instance_of(str), attrs.validators.min_len(1))


def positive_int() -> Any:
    """``and_(instance_of(int), ge(1))``, accepting an ``int`` from 1 in one call."""
    return _PositiveInt(attrs.validators.instance_of(int), attrs.validators.ge(1))
