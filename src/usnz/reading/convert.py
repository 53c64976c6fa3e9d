"""The one cattrs converter between records and JSON-ready data.

Dates and periods are EDTF strings in the data (``"1965-05-27"``, ``"1950/1957"``),
money amounts are decimal strings (``"347500"``), everything else is plain JSON. Reading is
strict, exactly as the published JSON Schemas describe: a value of the wrong JSON type is a
problem, never coerced (``"false"`` is not a bool, ``2.9`` not a paragraph number, a list not
a title, an object not a list).
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, Literal

from cattrs.preconf.json import JsonConverter, make_converter

from usnz.model.errors import DateError, shown
from usnz.model.values import Number, PartialDate, Period, parse_amount

_JSON_TYPES: Final = {str: "a string", int: "an integer", bool: "true or false", float: "a number"}


def _given(value: object) -> str:
    """What a JSON value is, in words, with the value: ``a string '12'``, ``true``, ``null``."""
    if value is None or isinstance(value, bool):
        return _json_name(value)
    return f"{_json_name(value)} {shown(value)}"


def _json_name(value: object) -> str:
    """What JSON type *value* is, in words."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    names: dict[type, str] = {
        str: "a string",
        int: "an integer",
        float: "a number",
        list: "an array",
        dict: "an object",
    }
    return names.get(type(value), type(value).__name__)


def _exactly(cls: type) -> Callable[[object, object], object]:
    """A structure hook that accepts a value of exactly *cls* (an int is not a bool, nor a float a str)."""

    def structure(value: object, _: object) -> object:
        if type(value) is cls:
            return value
        msg = f"expected {_JSON_TYPES[cls]}, got {_given(value)}"
        raise TypeError(msg)

    return structure


def _number(value: object, hint: object) -> object:
    """``int | float`` (and ``| None``): a JSON number as it is, never a string or a bool."""
    if type(value) in {int, float} or (value is None and type(None) in typing.get_args(hint)):
        return value
    msg = f"expected a number, got {_given(value)}"
    raise TypeError(msg)


def _is_literal(hint: Any) -> bool:
    return typing.get_origin(hint) is Literal


def _literal(value: object, hint: object) -> object:
    """One of a ``Literal``'s values, exactly (a string for a string), or a message naming them and what was given."""
    options = typing.get_args(hint)
    if any(type(value) is type(option) and value == option for option in options):
        return value
    msg = f"expected one of {', '.join(map(repr, options))}, got {_given(value)}"
    raise ValueError(msg)


def _is_homogeneous_tuple(hint: Any) -> bool:
    args = typing.get_args(hint)
    return typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis


def _array_hook(converter: JsonConverter) -> Callable[[Any], Callable[[object, Any], object]]:
    """Structure ``tuple[X, ...]`` from a JSON array only (not from an object's keys or a string's letters)."""

    def factory(hint: Any) -> Callable[[object, Any], object]:
        def structure(value: object, hint: Any) -> object:
            if type(value) is list:
                structure_tuple = typing.cast("Callable[[object, Any], object]", converter._structure_tuple)  # noqa: SLF001  # pyright: ignore[reportPrivateUsage, reportUnknownMemberType]
                return structure_tuple(typing.cast("list[object]", value), hint)  # cattrs' own, with detailed paths
            msg = f"expected an array, got {_given(value)}"
            raise TypeError(msg)

        return structure

    return factory


__all__ = ["get_converter", "make_usnz_converter", "public_converter"]


def _structure_date(value: object, _: object) -> PartialDate:
    if type(value) is not str:
        msg = f"expected an EDTF date string such as '1965-05-27', got {_given(value)}"
        raise DateError(msg)
    return PartialDate.parse(value)


def _structure_period(value: object, _: object) -> Period:
    if type(value) is not str:
        msg = f"expected an EDTF interval string such as '1950/1957', got {_given(value)}"
        raise DateError(msg)
    return Period.parse(value)


def _structure_decimal(value: object, _: object) -> Decimal:
    if type(value) is not str:
        msg = f"expected an amount as a decimal string such as '2000000', got {_given(value)}"
        raise TypeError(msg)
    return parse_amount(value)


def make_usnz_converter() -> JsonConverter:
    """Build the converter: cattrs' JSON preconf plus hooks for our value types.

    Unknown keys in the data are errors (a misspelt field must not vanish), and
    fields at their default are left out when unstructuring, so files stay short.

    >>> from usnz import Citation
    >>> c = make_usnz_converter()
    >>> c.unstructure(Citation(source="s", paragraph=3))
    {'source': 's', 'paragraph': 3}
    """
    converter = make_converter(forbid_extra_keys=True, omit_if_default=True)
    for cls in (str, int, bool, float):
        converter.register_structure_hook(cls, _exactly(cls))
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _array_hook(converter))
    converter.register_structure_hook_func(_is_literal, _literal)
    numbers = {Number, Number | None}
    converter.register_structure_hook_func(lambda hint: hint in numbers, _number)
    converter.register_structure_hook(PartialDate, _structure_date)
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    converter.register_structure_hook(Period, _structure_period)
    converter.register_unstructure_hook(Period, Period.isoformat)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, str)
    return converter


@functools.cache
def get_converter() -> JsonConverter:
    """The converter usnz itself reads and writes with, built on first use; never handed out."""
    return make_usnz_converter()


@functools.cache
def public_converter() -> JsonConverter:
    """``usnz.converter``: a converter of its own for users, configured as usnz's.

    Hooks a user registers on it change what *they* structure and unstructure, never what
    usnz reads or writes (``to_json()``, exports, ``load()``).
    """
    return make_usnz_converter()
