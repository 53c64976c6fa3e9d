"""The problems of one load, and the diagnosis of a record the quick reader cannot vouch for.

A record that fails is read again field by field with the cattrs converter, so that every
problem of every field is reported with its path, in words.
"""

from __future__ import annotations

import functools
import json
import re
import types
import typing
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Final

import attrs

from usnz.model.dates import Period
from usnz.model.errors import DateError, Error, Problem
from usnz.model.plain import unsafe
from usnz.model.records import AnyRecord

__all__ = [
    "MAX_PROBLEMS",
    "Partial",
    "Problems",
    "Unread",
    "diagnosed",
    "partial",
    "suspect",
    "suspect_utf8",
    "unsafe_text",
]

MAX_PROBLEMS: Final = 1000
"""Most problems one load lists; the last line then says how many more were found."""


class Problems(list[Problem]):
    """The problems of one load: at most :data:`MAX_PROBLEMS` are kept, the rest counted."""

    more = 0  # problems found but not kept
    unread = 0  # records with problems not examined in detail, once the list is full
    unchecked = 0  # records with problems whose references could not be checked (no id read)

    @property
    def full(self) -> bool:
        """Whether no more problems are kept."""
        return len(self) >= MAX_PROBLEMS

    def append(self, problem: Problem) -> None:
        """Keep *problem*, or count it when the list is full."""
        if len(self) < MAX_PROBLEMS:
            super().append(problem)
        else:
            self.more += 1

    def listed(self) -> list[Problem]:
        """The problems kept, and last lines saying how many more there were, and what was not checked."""
        notes: list[str] = []
        if self.more or self.unread:
            note = f"... and {self.more:,} more problems not listed (the first {MAX_PROBLEMS:,} are)"
            if self.unread:
                note += f", and {self.unread:,} more records with problems not examined (nor their references checked)"
            notes.append(note)
        if self.unchecked:
            records = "1 record" if self.unchecked == 1 else f"{self.unchecked:,} records"
            notes.append(
                f"the references of {records} were not checked because of the problems above (no id could be read); "
                "fix those and load again to check them"
            )
        return [*self, *(Problem(file="", record=None, path="", message=note) for note in notes)]


Partial = tuple[AnyRecord, frozenset[str]]
"""A record that could not be read, as far as its fields were (:func:`partial`), and the fields that were not."""
Unread = list[tuple[str, str | int, dict[str, object], Partial | None]]
"""Records that could not be read: (file, id or index, their JSON object, what was read of it)."""


_RAW_CONTROL: Final = re.compile(r"[\x7f-\x9f]")
_ESCAPED_CONTROL: Final = re.compile(r"\\(?:[bfr]|u(?:00[0189]|007[fF]|[dD][89a-fA-F]))")  # one literal start: fast


def suspect(text: str) -> bool:
    """Whether JSON *text* shows (or may show) a control character (tab and newline aside) or a surrogate."""
    return _RAW_CONTROL.search(text) is not None or _ESCAPED_CONTROL.search(text) is not None


# The same searches on the UTF-8 bytes the text was read from: a C1 control is the two bytes C2 80
# to C2 9F there (C2 only ever begins a character), DEL and an escape are the ASCII bytes they are.
# Searching bytes is faster than searching the text (two to four bytes a character, in C).
_RAW_CONTROL_UTF8: Final = re.compile(rb"\xc2[\x80-\x9f]")
_ESCAPED_CONTROL_UTF8: Final = re.compile(_ESCAPED_CONTROL.pattern.encode("ascii"))


def suspect_utf8(data: bytes) -> bool:
    """:func:`suspect` of the text *data* (valid UTF-8) holds, asked of the bytes."""
    return b"\x7f" in data or _raw_control_utf8(data) or _escaped_control_utf8(data)


_BYTES_PER_STEP: Final = 256
"""A search steps in Python at most 8 times, and once for each this many bytes: then the regex searches the rest."""


def _raw_control_utf8(data: bytes) -> bool:
    """Whether :data:`_RAW_CONTROL_UTF8` matches in *data*: each byte C2 found in C (``find``), the next one asked.

    A C2 is rare in text (a few an average record): ``find`` skips to each at memory speed, where
    the regex steps byte by byte. Past the steps :data:`_BYTES_PER_STEP` allows, the regex searches the rest.
    """
    budget = 8 + len(data) // _BYTES_PER_STEP
    at = data.find(b"\xc2")
    while at >= 0:
        if not budget:
            return _RAW_CONTROL_UTF8.search(data, at) is not None
        if at + 1 < len(data) and 0x80 <= data[at + 1] <= 0x9F:  # the C1 controls' second byte
            return True
        budget -= 1
        at = data.find(b"\xc2", at + 1)
    return False


_ESCAPE_LETTERS: Final = (b"b", b"f", b"r", b"u")
"""What follows the backslash of each escape :data:`_ESCAPED_CONTROL_UTF8` finds (not ``\\"`` nor ``\\n``)."""


def _escaped_control_utf8(data: bytes) -> bool:
    """Whether :data:`_ESCAPED_CONTROL_UTF8` matches in *data*: asked at each backslash, found in C (``find``).

    Each match begins with a backslash, rare in text; past the steps :data:`_BYTES_PER_STEP`
    allows, the regex searches the rest.
    """
    budget = 8 + len(data) // _BYTES_PER_STEP
    at = data.find(b"\\")
    while at >= 0:
        if not budget:
            return _ESCAPED_CONTROL_UTF8.search(data, at) is not None
        if data[at + 1 : at + 2] in _ESCAPE_LETTERS and _ESCAPED_CONTROL_UTF8.match(data, at) is not None:
            return True
        budget -= 1
        at = data.find(b"\\", at + 1)
    return False


def unsafe_text(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Each (path, why) of a text in a JSON value that holds a control character or a lone surrogate."""
    if isinstance(value, str):
        why = unsafe(value)
        if why is not None:
            yield path, f"text {why}"
    elif isinstance(value, list):
        for index, item in enumerate(typing.cast("list[object]", value)):
            yield from unsafe_text(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in typing.cast("dict[str, object]", value).items():
            why = unsafe(key)
            where = f"{path}.{key}" if path else key
            if why is not None:
                yield where, f"field name {why}"
            else:
                yield from unsafe_text(item, where)


_ACROSS: Final = frozenset({"date_basis", "read"})
"""The fields whose own checks read other fields of the record: not asked when one failed to be read."""


def diagnosed(
    cls: type[AnyRecord], item: dict[str, object]
) -> tuple[AnyRecord | None, list[tuple[str, str]], Partial | None]:
    """Read *item* field by field, so every problem of every field is found in one pass.

    Each field is structured on its own (its nested values with cattrs' detailed paths), then
    every field's own check runs on the fields that were read; the record is built (and the
    checks across fields run) only when every field is right. Else what was read of it is
    returned too (:func:`partial`), so its references are checked with the others'.
    """
    import cattrs  # noqa: PLC0415 - cattrs only for a record the quick reader doubts

    from usnz.reading.convert import get_converter  # noqa: PLC0415

    converter = get_converter()
    hints = _hints(typing.cast("type", cls))
    fields = {field.alias: field for field in attrs.fields(cls)}
    found: list[tuple[str, str]] = [
        (key, f"unknown field; {cls.__name__} fields are {', '.join(fields)}") for key in item if key not in fields
    ]
    values: dict[str, object] = {}
    for alias, field in fields.items():
        if alias not in item:
            if field.default is attrs.NOTHING:
                found.append((alias, "required field missing"))
            continue
        try:
            values[alias] = converter.structure(item[alias], hints[field.name])
        except cattrs.BaseValidationError as error:
            for message in cattrs.transform_error(error, path=alias, format_exception=_describe):
                text, _, path = message.rpartition(" @ ")
                found.append(_at_field(cls, path, text))
        except Exception as error:  # noqa: BLE001 - a hook's or a nested class's own check: reported, not raised
            message = _describe(error, hints[field.name]) + _period_hint(alias, item, fields)
            found.append(_at_field(cls, alias, message))
    if found:
        stub = object.__new__(cls)
        for field in fields.values():
            default = field.default if field.default is not attrs.NOTHING else None
            object.__setattr__(stub, field.name, values.get(field.alias, default))
        failed = {path.split(".")[0].split("[")[0] for path, _ in found}
        for alias, field in fields.items():
            if alias in values and field.validator is not None and not (failed and alias in _ACROSS):
                # (date_basis is checked against the dates, read against the fields it names: not when a field
                # failed to be read)
                try:
                    field.validator(stub, field, values[alias])
                except Exception as error:  # noqa: BLE001 - every field's problem is reported
                    found.append((alias, str(error)))
        return None, found, partial(cls, item, values, hints)
    try:
        return cls(**values), [], None  # type: ignore[arg-type]
    except Exception as error:  # noqa: BLE001 - a check across fields, or one field's own check
        # at the field a check across fields names
        where = getattr(error, "field", None)
        found = [(where, str(error))] if where else [_at_field(cls, "", str(error))]
        return None, found, partial(cls, item, values, hints)


_NAMED_FIELD: Final = re.compile(r"([a-z_]+) (?:must|may) ")
"""How a field's own check begins its message: with the field's name (``paragraph must be ...``)."""


def _at_field(cls: type, path: str, text: str) -> tuple[str, str]:
    """(path, message) of a problem, with the field its message names put at the end of the path.

    A value's own check of one of its fields refuses it when the value is built, so the problem
    is found at the value (``citations[0]``) or, for a record built whole, the record; the
    message names the field first (``paragraph must be a paragraph number...``), and the path
    then ends with it: ``citations[0].paragraph``.
    """
    named = _NAMED_FIELD.match(text)
    held = None if named is None else _type_at(cls, path)
    if named is None or held is None or named[1] not in _hints(held):
        return path, text
    return (f"{path}.{named[1]}" if path else named[1]), text


def _type_at(cls: type, path: str) -> type | None:
    """The attrs class of the value at *path* in a record of *cls* (``citations[0]``: Citation), if it is one."""
    held: Any = cls
    for part in filter(None, re.split(r"\.|(?=\[)", path)):
        if part.startswith("["):  # an item of a tuple
            arguments = typing.get_args(held)
            held = arguments[0] if typing.get_origin(held) is tuple and arguments else None
        else:  # a field of a value (a field of what is no attrs class names no value: None)
            held = _hints(held).get(part) if attrs.has(held) else None
        options = [option for option in typing.get_args(held) if attrs.has(option)]
        if typing.get_origin(held) in {typing.Union, types.UnionType} and len(options) == 1:
            held = options[0]  # an optional value: the value's class
    return held if attrs.has(held) else None


def partial(cls: type[AnyRecord], item: dict[str, object], values: dict[str, object], hints: dict[str, Any]) -> Partial:
    """A record of *cls* holding the *values* read of *item* (by alias), and the names of the fields not read.

    A field not read holds its default where it has one, else an empty tuple (a tuple field) or
    ``None``: what the checks across records can read without finding anything in it. It is never
    built (no check of its own runs): it only says what the fields that were read refer to. A
    field *item* does not give is read: it holds its default.
    """
    stub = object.__new__(cls)
    failed: set[str] = set()
    for field in attrs.fields(cls):
        if field.alias in values:
            value = values[field.alias]
        else:
            if field.alias in item or field.default is attrs.NOTHING:
                failed.add(field.name)
            if field.default is not attrs.NOTHING:  # (no record field has a factory)
                value = field.default
            else:
                value = () if typing.get_origin(hints[field.name]) is tuple else None
        object.__setattr__(stub, field.name, value)
    return stub, frozenset(failed)


def _period_hint(alias: str, item: dict[str, object], fields: dict[str, Any]) -> str:
    """Where an interval given as a record's ``date`` goes, when it has a ``period``: ``"period": "2008/2009"``."""
    value = item[alias]
    if alias != "date" or "period" not in fields or not isinstance(value, str) or value.count("/") != 1:
        return ""
    try:
        Period.parse(value)
    except DateError:  # not an interval either: its own message says why
        return ""
    return f'; for an interval use period: "period": {json.dumps(value)}'


@functools.cache
def _hints(cls: Any) -> dict[str, Any]:
    """The resolved type hints of an attrs class's fields."""
    return typing.get_type_hints(cls)


def _describe(error: BaseException, type_: type | None) -> str:
    """Say what was wrong with one value, in words."""
    from cattrs.v import format_exception  # noqa: PLC0415

    if isinstance(error, KeyError):
        return "required field missing"
    if isinstance(error, Error) or (type_ in {Decimal, None} and isinstance(error, ValueError | TypeError)):
        return str(error)
    if isinstance(error, TypeError | ValueError) and str(error).startswith("expected "):  # our hooks say what they got
        return str(error)
    return format_exception(error, type_)  # (a Literal's values are named by the converter's own hook)
