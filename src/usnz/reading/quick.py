"""The quick reader: valid records read without cattrs, by readers built once per class.

Each class's reader is built from its attrs fields and type hints and is strict: it accepts a
value only where the converter (:mod:`usnz.reading.convert`) would give exactly the same, and
raises :class:`UnsureError` for anything else, so the record is read again, field by field, by
the converter, which says what is wrong. It imports nothing of cattrs: valid data never needs
it. ``tests/test_quick_load.py`` proves it returns what the converter returns for every record.
"""

from __future__ import annotations

import functools
import sys
import types
import typing
from collections.abc import Callable
from typing import Any, Final, Literal, Union

import attrs

from usnz.model.dates import PartialDate, Period
from usnz.model.facts import facts

if typing.TYPE_CHECKING:
    from usnz.model.records import AnyRecord

__all__ = ["Reader", "UnsureError", "read_all", "read_quickly", "reader"]

Reader = Callable[[Any], Any]
"""Reads one JSON value as one annotated type, or raises :class:`UnsureError`."""


class UnsureError(Exception):
    """The quick reader cannot vouch for a value: cattrs reads the record instead."""


_accepted: dict[Reader, frozenset[type]] = {}
"""The types a reader returns as they are (what it checks, read in the class reader's loop without a call)."""


def _unsure(value: object) -> Any:
    """The reader of a type the quick reader does not know: always defer to cattrs."""
    raise UnsureError


def _exact(cls: type) -> Reader:
    """Accept a value of exactly *cls* as it is (what cattrs returns for it too)."""

    def read(value: object) -> object:
        if type(value) is cls:
            return value
        raise UnsureError

    _accepted[read] = frozenset({cls})
    return read


def _parsed(parse: Callable[[str], object]) -> Reader:
    """Parse a string, as the converter's hook for the type does."""

    def read(value: object) -> object:
        if type(value) is str:
            return parse(value)
        raise UnsureError

    return read


def _literal(values: tuple[object, ...]) -> Reader:
    """Accept one of *values*, as the declared value itself: every record shares one string, not a copy each."""
    canonical = {(type(v), v): v for v in values}

    def read(value: object) -> object:
        try:
            return canonical[type(value), value]
        except (KeyError, TypeError):  # not one of them, or unhashable (a list): cattrs decides
            raise UnsureError from None

    return read


def _tuple_of(item: Reader) -> Reader:
    if item in _tuples:
        return _tuples[item]

    def read(value: object) -> tuple[object, ...]:
        if type(value) is list:
            return tuple(map(item, value))  # pyright: ignore[reportUnknownArgumentType]
        raise UnsureError

    return _tuples.setdefault(item, read)


_tuples: dict[Reader, Reader] = {}  # by item reader


def _optional(inner: Reader) -> Reader:
    exact = next((c for c in (str, int, bool) if _readers.get(c) is inner), None)
    if exact is not None:  # the common case, in one call
        return _optional_exact(exact)

    def read(value: object) -> object:
        return None if value is None else inner(value)

    return read


def _optional_exact(cls: type) -> Reader:
    """``cls | None``: a value of exactly *cls*, or ``None``."""
    if cls in _optionals:
        return _optionals[cls]

    def read(value: object) -> object:
        if value is None or type(value) is cls:
            return value
        raise UnsureError

    _accepted[read] = frozenset({cls, type(None)})
    return _optionals.setdefault(cls, read)


_optionals: dict[type, Reader] = {}  # by class


def _shared_strs(value: object) -> tuple[str, ...]:
    """A list of strings, each as the one copy every record shares (:func:`sys.intern` takes a ``str`` only)."""
    if type(value) is list:
        return tuple(map(sys.intern, value))  # pyright: ignore[reportUnknownArgumentType]
    raise UnsureError


def _shared(read: Reader, accepted: frozenset[type]) -> tuple[Reader, frozenset[type]]:
    """What reads as *read* does, each string the one copy every record shares (country codes, source ids).

    A field of few values each named by many records: a source by every citation and doubt on it,
    a code by every record of its country. One string each, not one a mention. (Record ids are
    many, each named a few times: sharing them cost a large load more time than it saved memory.)
    :func:`sys.intern` takes exactly a ``str`` (a ``TypeError`` for anything else: the record goes
    to cattrs) and forgets a string no record holds any more. *accepted*: the types the class
    reader passes as they are.
    """
    text = reader(str)
    if read is text:
        return sys.intern, frozenset()
    if read is _optional_exact(str):
        return sys.intern, frozenset({type(None)})  # None as it is
    if read is _tuple_of(text):
        return _shared_strs, frozenset()
    return read, accepted


def _number(value: object) -> object:
    """``int | float``: cattrs passes a JSON number through as it is."""
    if type(value) is int or type(value) is float:
        return value
    raise UnsureError


# The hooks the converter registers for our value types (see convert.py), as parsers. A date or
# period is immutable, and the same text is read again and again in a large dataset (a year, a
# day of a visit): each text read lately is parsed once, and its value shared.
_PARSERS: Final[dict[object, Callable[[str], object]]] = {
    PartialDate: functools.lru_cache(maxsize=4096)(PartialDate.parse),
    Period: functools.lru_cache(maxsize=1024)(Period.parse),
}
_readers: dict[object, Reader] = {}  # by type hint


def _is_decimal(hint: object) -> bool:
    """Whether *hint* is :class:`decimal.Decimal`, without importing :mod:`decimal` to ask."""
    decimal = sys.modules.get("decimal")  # (another thread may be importing it: Decimal not yet defined)
    return decimal is not None and hint is getattr(decimal, "Decimal", None)


_text_readers: dict[tuple[str, str], Reader] = {}  # by (module, annotation text)


def reader(hint: Any) -> Reader:
    """The quick reader of one type hint, built once; strict where cattrs is lenient."""
    if hint in _readers:
        return _readers[hint]
    if hint in {str, int, bool}:
        read = _exact(hint)
    elif hint in _PARSERS:
        read = _parsed(_PARSERS[hint])
    elif _is_decimal(hint):
        from usnz.model.amounts import parse_amount  # noqa: PLC0415 - imported by then: only money has amounts

        read = _parsed(parse_amount)
    elif attrs.has(hint):
        read = _class_reader(hint)
    else:
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin is Literal:
            read = _literal(args)
        elif origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            read = _tuple_of(reader(args[0]))
        elif origin in {Union, types.UnionType}:
            options = [a for a in args if a is not type(None)]
            if len(options) == 1:
                inner = reader(options[0])
            elif set(options) == {int, float}:
                inner = _number
            else:
                inner = _unsure
            read = _optional(inner) if len(options) < len(args) else inner
        else:
            read = _unsure
    _readers[hint] = read
    return read


_BUILTINS: Final[dict[str, type]] = {"str": str, "int": int, "bool": bool, "float": float}


def _unquoted(text: str) -> str | None:
    """The string a plain quoted literal (``"year"``, ``'year'``) spells, else ``None``."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"" and text[0] not in text[1:-1] and "\\" not in text:
        return text[1:-1]
    return None


def _split(text: str, separator: str) -> list[str]:
    """*text* split at each *separator* outside brackets, each part stripped."""
    if "[" not in text:
        return [part.strip() for part in text.split(separator)]
    parts: list[str] = []
    depth = start = 0
    for at, char in enumerate(text):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:at].strip())
            start = at + 1
    parts.append(text[start:].strip())
    return parts


def _text_reader(text: str, namespace: dict[str, Any]) -> Reader:
    """The reader of an annotation written as text, read without building the type.

    Knows names, ``X | None``, ``tuple[X, ...]`` and ``Literal["a", ...]``: what record
    fields are written with. This is what :func:`typing.get_type_hints` followed by
    :func:`_reader` gives, without compiling each annotation.

    Raises:
        LookupError: for anything else.
    """
    options = _split(text, "|")
    if len(options) > 1:
        present = [option for option in options if option != "None"]
        if len(present) != 1:
            raise LookupError(text)
        inner = _text_reader(present[0], namespace)
        return _optional(inner) if len(present) < len(options) else inner
    if text.endswith("]"):
        head, _, inner_text = text[:-1].partition("[")
        args = _split(inner_text, ",")
        if head == "tuple" and len(args) == 2 and args[1] == "...":
            return _tuple_of(_text_reader(args[0], namespace))
        values = [_unquoted(arg) for arg in args]
        if namespace.get(head) is Literal and None not in values:
            return _literal(tuple(values))
        raise LookupError(text)
    if text in namespace:
        return reader(namespace[text])
    if text in _BUILTINS:
        return reader(_BUILTINS[text])
    raise LookupError(text)


def _field_readers(cls: type[Any]) -> dict[str, Reader]:
    """The reader of each annotated field of an attrs class (its bases' fields too).

    A field whose annotation cannot be resolved at all is left out: the class is then
    left to cattrs.
    """
    fields = {field.name for field in attrs.fields(cls)}
    found: dict[str, Reader] = {}
    hints: dict[str, Any] | None = None
    for klass in reversed(cls.__mro__):
        for name, annotation in vars(klass).get("__annotations__", {}).items():
            if name not in fields:
                continue
            if not isinstance(annotation, str):
                found[name] = reader(annotation)
                continue
            key = (klass.__module__, annotation)
            if key not in _text_readers:
                try:
                    _text_readers[key] = _text_reader(annotation, vars(sys.modules[klass.__module__]))
                except LookupError:
                    try:
                        hints = typing.get_type_hints(cls) if hints is None else hints
                    except Exception:  # noqa: BLE001, S112 - e.g. a name that is not defined: cattrs decides
                        continue
                    found[name] = reader(hints[name])
                    continue
            found[name] = _text_readers[key]
    return found


def _class_reader(cls: type[Any]) -> Reader:
    """Read a JSON object as an attrs class: no unknown key, every required field given."""
    _readers[cls] = _unsure  # until built: a class that contains itself is left to cattrs
    readers = _field_readers(cls)
    kind: Any = cls
    shared = {name for name, declared in facts(kind) if declared.country or declared.refers == ("source",)}
    plan: dict[str, tuple[str, Reader, frozenset[type]]] = {}
    required: set[str] = set()
    for field in attrs.fields(cls):
        if not field.init or field.name not in readers:
            return _unsure
        read_field, accepted = readers[field.name], _accepted.get(readers[field.name], frozenset())
        if field.name in shared:
            read_field, accepted = _shared(read_field, accepted)
        plan[field.name] = (field.alias, read_field, accepted)
        if field.default is attrs.NOTHING:
            required.add(field.name)
    needed = frozenset(required)

    def read(value: object) -> object:
        if type(value) is not dict:
            raise UnsureError
        given: dict[str, object] = value  # pyright: ignore[reportUnknownVariableType]
        if not given.keys() >= needed:
            raise UnsureError
        kwargs: dict[str, object] = {}
        for key, raw in given.items():
            alias, read_field, accepted = plan[key]  # an unknown key is a KeyError: cattrs reports it
            # a value its reader would return as it is, without the call (the common case), else the reader's
            kwargs[alias] = raw if type(raw) in accepted else read_field(raw)
        return cls(**kwargs)

    return read


def read_all(read: Reader, entries: list[object]) -> list[AnyRecord] | None:
    """The record *read* makes of each of *entries*, or ``None`` when any needs cattrs' detailed reading."""
    try:
        return [read(entry) for entry in entries]  # a class reader takes a JSON object only
    except Exception:  # noqa: BLE001 - any doubt at all: the entries are read one by one, and cattrs says what is wrong
        return None


def read_quickly(read: Reader, item: dict[str, object]) -> AnyRecord | None:
    """The record *read* makes of *item*, or ``None`` when anything needs cattrs' detailed reading."""
    try:
        return typing.cast("AnyRecord", read(item))
    except Exception:  # noqa: BLE001 - any doubt at all sends the record to cattrs, which says what is wrong
        return None
