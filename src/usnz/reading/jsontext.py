"""Strict JSON, as usnz reads data files: finite numbers, bounded integers, keys once, bounded nesting."""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections.abc import Callable
from typing import Final

from usnz.model.errors import shown
from usnz.reading.bounds import MAX_DEPTH, MAX_DIGITS, MAX_INT, MAX_INT_TEXT

__all__ = ["MAX_DEPTH", "MAX_DIGITS", "MAX_INT", "JsonError", "colons", "json_lines", "parse_json", "parse_unbounded"]


class JsonError(Exception):
    """A data file's JSON is not what usnz reads: the message says why."""


def _refuse_constant(name: str) -> object:
    msg = f"{name} is not a number JSON allows; numbers must be finite"
    raise JsonError(msg)


def _finite(text: str) -> float:
    value = float(text)
    if value in {float("inf"), float("-inf")}:
        msg = f"the number {text[:40]} is too large to be finite (at most about 1.8e308)"
        raise JsonError(msg)
    if abs(value) < sys.float_info.min and any(digit in "123456789" for digit in text.lower().partition("e")[0]):
        msg = (
            f"the number {text[:40]} is too small to be kept (it would be read as {value!r}); "
            "write 0, or a number from about 2.2e-308"
        )
        raise JsonError(msg)
    return value


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        msg = f"an integer of {len(text.lstrip('-')):,} digits; at most {MAX_DIGITS} are read"
        raise JsonError(msg)
    value = int(text)
    if abs(value) > MAX_INT:
        msg = (
            f"the integer {text} is beyond {MAX_INT_TEXT}, so it cannot be kept exactly "
            "(in a data frame, Parquet or JavaScript); give a smaller number, or the amount as text"
        )
        raise JsonError(msg)
    return value


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found = dict(pairs)
    if len(found) < len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        msg = f"the key {shown(twice)} appears twice in one object; each field may be given once"
        raise JsonError(msg)
    return found


_STRING: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
"""A JSON string (what may hold brackets that do not nest)."""
_BRACKET: Final = re.compile(r"[\[\]{}]")
_STEP: Final = {"[": 1, "{": 1, "]": -1, "}": -1}


def _depth(text: str) -> int:
    """How deeply arrays and objects nest in the valid JSON *text* (counted on the text, in C)."""
    brackets = _BRACKET.findall(_STRING.sub("", text))
    return max(itertools.accumulate(map(_STEP.__getitem__, brackets)), default=0)


def _loads(text: str, parse_int: Callable[[str], int], *, keys_once: bool = True) -> object:
    """Parse JSON strictly (finite numbers, keys once unless not *keys_once*), integers made by *parse_int*."""
    try:
        return json.loads(
            text,
            object_pairs_hook=_unique_keys if keys_once else None,
            parse_constant=_refuse_constant,
            parse_float=_finite,
            parse_int=parse_int,  # (``int`` itself: made in C, without a call each)
        )
    except RecursionError:
        msg = f"arrays and objects nest more than {MAX_DEPTH} deep"
        raise JsonError(msg) from None


def parse_json(text: str) -> object:
    """Read JSON strictly, as usnz reads data files.

    Numbers must be finite and not so small that they would be read as 0 (``1e-400``),
    integers at most :data:`MAX_INT` either side of 0 (and :data:`MAX_DIGITS` digits long), no key may appear
    twice in an object, and arrays and objects nest at most :data:`MAX_DEPTH` deep.

    Raises:
        ValueError: saying what is wrong (a ``json.JSONDecodeError`` for malformed JSON).
    """
    value = parse_shallow(text)
    check_depth(text)
    return value


def check_depth(text: str) -> None:
    """Refuse JSON *text* (valid) whose arrays and objects nest more than :data:`MAX_DEPTH` deep.

    Raises:
        JsonError: saying so.
    """
    if _depth(text) > MAX_DEPTH:
        msg = f"arrays and objects nest more than {MAX_DEPTH} deep"
        raise JsonError(msg)


def parse_shallow(text: str) -> object:
    """Parse JSON as :func:`parse_json` does, all but the nesting limit past what Python's parser allows.

    The limit is checked on the slow path only (:func:`check_depth`): a record the quick
    reader reads has its class's shape, which nests a few levels deep, never 32.
    """
    return _loads(text, _bounded_int)


def parse_unbounded(text: str) -> object:
    """Parse JSON as :func:`parse_shallow` does, all but the bound on integers and keys given twice.

    Any ``int`` is kept, and of a key given twice in an object the last value (as
    :func:`json.loads` keeps it). For a reader that bounds the integers it accepts itself and
    counts the keys it reads against the text's :func:`colons`
    (:func:`usnz.reading.quick.read_all`): Python's parser makes integers faster without a call
    for each, and objects without a list of their pairs and a call for each. What this refuses,
    or what that reader does not vouch for, is parsed again by :func:`parse_shallow`, which says why.

    Raises:
        ValueError: for malformed JSON, or an integer too long for Python to read.
        JsonError: as :func:`parse_shallow` does, for all but integers and keys given twice.
    """
    return _loads(text, int, keys_once=False)


def colons(data: bytes) -> int:
    r"""How many colons the JSON text of *data* (its UTF-8) may hold outside its strings, at most.

    One follows each key of its objects. Its colons, and its escapes ``\u003a`` and
    ``\u003A`` (each may spell a colon in a string): what the texts it holds, parsed, hold of
    colons, taken from this, leaves at least the number of keys its objects give, and no more
    when no escape spells a colon. (A backslash is rare in text: each is found in C, ``find``,
    and the rest counted in C past the steps :data:`_BYTES_PER_STEP` allows.)
    """
    found = data.count(b":")
    budget = 8 + len(data) // _BYTES_PER_STEP
    at = data.find(b"\\")
    while at >= 0:
        if not budget:
            return found + data.count(b"\\u003a", at) + data.count(b"\\u003A", at)
        found += data[at + 1 : at + 6] in _COLON_ESCAPES
        budget -= 1
        at = data.find(b"\\", at + 1)
    return found


_BYTES_PER_STEP: Final = 256
""":func:`colons` looks at 8 backslashes one by one, and one more for each this many bytes (then counts in C)."""
_COLON_ESCAPES: Final = (b"u003a", b"u003A")


def json_lines(text: str) -> list[object]:
    """Read JSON Lines (``.jsonl``): a JSON value a line, read as :func:`parse_shallow` reads (blank lines skipped).

    Raises:
        ValueError: as :func:`parse_json` does; a ``json.JSONDecodeError`` gives the line in the whole file.
    """
    values: list[object] = []
    start = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            try:
                values.append(parse_shallow(line.rstrip("\r\n")))
            except json.JSONDecodeError as error:
                raise json.JSONDecodeError(error.msg, text, start + error.pos) from None
        start += len(line)
    return values
