"""The quick reader: valid records read without cattrs, by readers built once per class.

Each class's reader is built from its attrs fields and type hints and is strict: it accepts a
value only where the converter (:mod:`usnz.reading.convert`) would give exactly the same, and
raises :class:`UnsureError` for anything else, so the record is read again, field by field, by
the converter, which says what is wrong. It imports nothing of cattrs: valid data never needs
it. ``tests/test_quick_load.py`` proves it returns what the converter returns for every record.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import itertools
import operator
import sys
import types
import typing
from collections import deque
from collections.abc import Callable
from typing import Any, Final, Literal, Union

import attrs

from usnz.model.base import check_date_basis
from usnz.model.dates import PartialDate, Period
from usnz.model.facts import facts
from usnz.model.plain import safe_text
from usnz.model.validators import one_of

if typing.TYPE_CHECKING:
    from usnz.model.records import AnyRecord
    from usnz.reading import ledger

__all__ = ["Reader", "UnsureError", "by_columns", "read_all", "read_quickly", "reader"]

Reader = Callable[[Any], Any]
"""Reads one JSON value as one annotated type, or raises :class:`UnsureError`."""
Column = Callable[[list[Any]], list[Any]]
"""Reads a list of JSON values as a reader reads each (a default value passes as it is), or raises."""


class UnsureError(Exception):
    """The quick reader cannot vouch for a value: cattrs reads the record instead."""


_accepted: dict[Reader, frozenset[type]] = {}
"""The types a reader returns as they are (what it checks, read in the class reader's loop without a call)."""
_columns: dict[Reader, Column] = {}
"""The column reader of each reader that has one: what reads a whole file's values of a field at once."""
_later: dict[Reader, Callable[[], Column | None]] = {}
"""What builds the column reader of a reader that may have one, built when first asked for (:func:`_column`).

A class's, and a tuple's or an optional's of a class: a first ``get`` reads its file a record at a time.
"""
_NONE: Final = type(None)


class _Tally:
    """What a read by columns (:func:`read_all`) saw of its JSON: the keys of its objects, the colons of its texts."""

    __slots__ = ("colons", "keys")

    def __init__(self) -> None:
        self.keys = 0
        self.colons = 0


_TALLY: Final[contextvars.ContextVar[_Tally | None]] = contextvars.ContextVar("usnz_quick_tally", default=None)
"""Within a :func:`read_all` given the colons of its file's text, what it tallies (else ``None``)."""


def _column(read: Reader) -> Column | None:
    """The column reader of *read*, built first if it waits to be (see :data:`_later`), or ``None`` if it has none."""
    column = _columns.get(read)
    if column is None:
        build = _later.get(read)
        if build is not None:
            column = build()
            if column is not None:
                _columns[read] = column
            _later.pop(read, None)
    return column


def _within_bounds(values: list[Any], types: set[type]) -> bool:
    """Whether no ``int`` of *values* (of *types*) lies beyond ±:data:`~usnz.reading.bounds.MAX_INT`.

    What the strict JSON parser refuses: a column read says so itself, so that a file parsed
    without that bound (:func:`~usnz.reading.jsontext.parse_unbounded`) is read only within it.
    """
    if int not in types:
        return True
    from usnz.reading.bounds import MAX_INT  # noqa: PLC0415 - a column read: a first get reads none

    ints = values if len(types) == 1 else [value for value in values if type(value) is int]
    return min(ints) >= -MAX_INT and max(ints) <= MAX_INT


def _of_types(allowed: frozenset[type]) -> Column:
    """Accept a column of values of exactly the types *allowed*, as they are (integers within bounds)."""

    def read(values: list[Any]) -> list[Any]:
        types = set(map(type, values))
        if types <= allowed and _within_bounds(values, types):
            return values
        raise UnsureError

    return read


def _optional_column(inner: Column) -> Column:
    """Read the values that are not ``None`` as *inner* does; ``None`` stays."""

    def read(values: list[Any]) -> list[Any]:
        if _NONE not in set(map(type, values)):
            return inner(values)
        present = list(itertools.compress(values, map(operator.is_not, values, itertools.repeat(None))))
        got = iter(inner(present))
        return [None if value is None else next(got) for value in values]

    return read


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
    _columns[read] = _of_types(frozenset({cls}))
    return read


def _parsed(parse: Callable[[str], object]) -> Reader:
    """Parse a string, as the converter's hook for the type does."""

    def read(value: object) -> object:
        if type(value) is str:
            return parse(value)
        raise UnsureError

    def column(values: list[Any]) -> list[Any]:
        if set(map(type, values)) <= {str}:
            return list(map(parse, values))
        raise UnsureError

    _columns[read] = column
    return read


def _literal(values: tuple[object, ...]) -> Reader:
    """Accept one of *values*, as the declared value itself: every record shares one string, not a copy each."""
    canonical = {(type(v), v): v for v in values}

    def read(value: object) -> object:
        try:
            return canonical[type(value), value]
        except (KeyError, TypeError):  # not one of them, or unhashable (a list): cattrs decides
            raise UnsureError from None

    def column(values: list[Any]) -> list[Any]:
        return list(map(canonical.__getitem__, zip(map(type, values), values, strict=True)))

    _columns[read] = _texts_column(values) if all(type(v) is str for v in values) else column
    _literals[read] = values
    return read


def _texts_column(values: tuple[object, ...]) -> Column:
    """The column of a ``Literal`` of strings only: looked up by the value alone, each the declared string.

    What the column of :func:`_literal` gives: a value equal to a string (and hashed alike) is
    a string (what JSON or a default holds, no subclass); anything else is a ``KeyError``, or
    unhashable (a ``TypeError``), and the column is not read.
    """
    canonical = {v: v for v in values}

    def column(given: list[Any]) -> list[Any]:
        return list(map(canonical.__getitem__, given))

    return column


_literals: dict[Reader, tuple[object, ...]] = {}
"""The values a ``Literal`` reader accepts, by reader: what its column holds, each the declared value."""


def _tuple_of(item: Reader) -> Reader:
    if item in _tuples:
        return _tuples[item]

    def read(value: object) -> tuple[object, ...]:
        if type(value) is list:
            return tuple(map(item, value))  # pyright: ignore[reportUnknownArgumentType]
        raise UnsureError

    if item in _columns or item in _later:
        _later[read] = lambda: _then(_column(item), _tuple_column)
    return _tuples.setdefault(item, read)


def _then(inner: Column | None, outer: Callable[[Column], Column]) -> Column | None:
    """The column reader *outer* makes of *inner*, or ``None`` where *inner* is none."""
    return None if inner is None else outer(inner)


def _tuple_column(inner: Column) -> Column:
    """Read lists as tuples, their items read as *inner* reads a column (a tuple: a default, as it is)."""

    def read(values: list[Any]) -> list[Any]:
        if not set(map(type, values)) <= {list, tuple}:
            raise UnsureError
        flat = list(itertools.chain.from_iterable(values))
        got = inner(flat)
        if got is flat:  # the items as they are
            return list(map(tuple, values))
        return _regrouped(got, values)

    return read


def _regrouped(items: list[Any], values: list[Any]) -> list[Any]:
    """*items* cut into tuples, one as long as each of *values*: each a slice of one tuple of them (made at once)."""
    ends = list(itertools.accumulate(map(len, values), initial=0))
    return list(map(tuple(items).__getitem__, map(slice, ends, itertools.islice(ends, 1, None))))


_tuples: dict[Reader, Reader] = {}  # by item reader


def _optional(inner: Reader) -> Reader:
    exact = next((c for c in (str, int, bool) if _readers.get(c) is inner), None)
    if exact is not None:  # the common case, in one call
        return _optional_exact(exact)

    def read(value: object) -> object:
        return None if value is None else inner(value)

    if inner in _columns or inner in _later:
        _later[read] = lambda: _then(_column(inner), _optional_column)
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
    _columns[read] = _of_types(frozenset({cls, _NONE}))
    return _optionals.setdefault(cls, read)


_optionals: dict[type, Reader] = {}  # by class


def _shared_strs(value: object) -> tuple[str, ...]:
    """A list of strings, each as the one copy every record shares (:func:`sys.intern` takes a ``str`` only)."""
    if type(value) is list:
        return tuple(map(sys.intern, value))  # pyright: ignore[reportUnknownArgumentType]
    raise UnsureError


def _shared_strs_column(values: list[Any]) -> list[Any]:
    """:func:`_shared_strs` of each of *values* (a tuple: a default, its strings shared too)."""
    if set(map(type, values)) <= {list, tuple}:
        return list(map(tuple, map(map, itertools.repeat(sys.intern), values)))
    raise UnsureError


def _shared_column(values: list[Any]) -> list[Any]:
    """:func:`sys.intern` of each of *values*."""
    return list(map(sys.intern, values))


def _colons(texts: list[str]) -> int:
    """How many colons *texts* hold in all.

    A colon is rare in text: each is found in C (``find``, at memory speed, where ``count``
    steps a character at a time); past 8 of them, and one more for each
    :data:`_CHARACTERS_PER_STEP` characters, the rest are counted.
    """
    joined = "".join(texts)
    budget = 8 + len(joined) // _CHARACTERS_PER_STEP
    found = 0
    at = joined.find(":")
    while at >= 0:
        found += 1
        if found == budget:
            return found + joined.count(":", at + 1)
        at = joined.find(":", at + 1)
    return found


_CHARACTERS_PER_STEP: Final = 64


def _colons_present(texts: list[str | None]) -> int:
    """How many colons the texts of *texts* that are not ``None`` hold in all."""
    return _colons(list(filter(None, texts)))


def _colons_within(texts: list[tuple[str, ...]]) -> int:
    """How many colons the texts of the tuples *texts* hold in all."""
    return _colons(list(itertools.chain.from_iterable(texts)))


def _shared(read: Reader, accepted: frozenset[type]) -> tuple[Reader, frozenset[type]]:
    """What reads as *read* does, each string the one copy every record shares (codes, source ids, texts).

    A field of few values each named by many records: a source by every citation and doubt on it,
    a code by every record of its country. One string each, not one a mention. A text (a summary,
    a note, a quote...) is shared too: records that repeat one (a dataset that holds copies) hold
    it once, and the first search, which groups the records sharing their texts, hashes each text
    once and compares them by identity. (Record ids are many, each named a few times: sharing them
    cost a large load more time than it saved memory.)
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


_columns[_number] = _of_types(frozenset({int, float}))
_columns[_shared_strs] = _shared_strs_column
_columns[sys.intern] = _shared_column


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
    texts = {name for name, declared in facts(kind) if not declared.country and not declared.refers and name != "id"}
    shared = texts | {  # every text but the record ids (see _shared)
        name for name, declared in facts(kind) if declared.country or declared.refers == ("source",)
    }
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

    vouched = frozenset(texts)
    _later[read] = lambda: _class_column(cls, plan, vouched)
    return read


_FACTORY: Final = typing.cast("type", type(attrs.Factory(list)))  # pyright: ignore[reportUnknownArgumentType]
_NOT_GIVEN: Final = object()
"""What a required field's column holds for a record that does not give it."""


def _built_as_attrs_builds(cls: type[Any]) -> bool:
    """Whether an instance of *cls* is made by setting its fields, checking them, then ``__attrs_post_init__``.

    What attrs' own ``__init__`` does for a class with no converter, no pre-init, no cached hash
    and no factory default; an ``__init__`` of the class's own is not known.
    """
    code = getattr(cls.__init__, "__code__", None)
    return (
        code is not None
        and code.co_filename.startswith("<attrs generated")
        and not hasattr(cls, "__attrs_pre_init__")
        and "_attrs_cached_hash" not in code.co_names
        and all(field.converter is None and not isinstance(field.default, _FACTORY) for field in attrs.fields(cls))
    )


def _setter(cls: type[Any], name: str) -> Callable[[list[Any], list[Any]], None]:
    """What sets field *name* of each instance of *cls* to its value, as attrs' ``__init__`` does.

    That is ``object.__setattr__``, which finds the slot that holds the field on the class (or
    its bases) and asks it: here the slot is found once, and asked in C for every instance.
    """
    held = next((vars(klass)[name] for klass in cls.__mro__ if name in vars(klass)), None)
    if type(held) is types.MemberDescriptorType:
        set_slot = held.__set__

        def set_slots(made: list[Any], values: list[Any]) -> None:
            deque(map(set_slot, made, values), maxlen=0)

        return set_slots

    def set_attributes(made: list[Any], values: list[Any]) -> None:  # a class without slots
        deque(map(object.__setattr__, made, itertools.repeat(name), values), maxlen=0)

    return set_attributes


_IN: Final[Any] = type(attrs.validators.in_(()))
_ONE_OF: Final[type] = type(typing.cast("object", one_of(())))


def _implied(validator: object, literal: tuple[object, ...] | None) -> bool:
    """Whether *validator* accepts every value of a column read as a ``Literal`` of *literal* (``None``: not one).

    attrs' ``in_`` (or usnz's :func:`~usnz.model.validators.one_of`) whose options hold each of
    them: asking it again would change nothing.
    """
    if literal is None or type(validator) not in {_IN, _ONE_OF}:
        return False
    options: Any = typing.cast("Any", validator).options
    return all(type(value) is str and value in options for value in literal)  # (a str is hashable)


_Step: typing.TypeAlias = "tuple[attrs.Attribute[Any], Column, Column, Any, Callable[[list[Any], list[Any]], None]]"
"""A field's step of a class's column reader: the field, its taker, its column reader, its check, its setter."""


def _steps(cls: type[Any], plan: dict[str, tuple[str, Reader, frozenset[type]]]) -> list[_Step] | None:
    """Each field's step of *cls*'s column reader, or ``None`` if a field cannot be read by columns.

    A field cannot be when its reader has no column reader, or its default is not kept as it is.
    """
    from usnz.reading.columns import column_check, date_basis_check  # noqa: PLC0415 - a first get reads none

    steps: list[_Step] = []
    for field in attrs.fields(cls):
        _, read_field, accepted = plan[field.name]
        column = _column(read_field)
        if column is not None and read_field is sys.intern and _NONE in accepted:
            column = _optional_column(column)
        if column is None:
            return None
        default = _NOT_GIVEN if field.default is attrs.NOTHING else field.default
        if default is not _NOT_GIVEN:
            try:
                kept = column([default])[0] is default
            except Exception:  # noqa: BLE001 - a default the column reader refuses: read a record at a time
                kept = False
            if not kept:
                return None
        check: Callable[..., None] | None = None
        if field.validator is check_date_basis:
            check = date_basis_check
        elif field.validator is not None and not _implied(field.validator, _literals.get(read_field)):
            check = column_check(field.validator)
        steps.append((field, _taker(field.name, default), column, check, _setter(cls, field.name)))
    return steps


def _class_column(
    cls: type[Any], plan: dict[str, tuple[str, Reader, frozenset[type]]], texts: frozenset[str]
) -> Column | None:
    """Read a column of JSON objects as *cls*, a field at a time, or ``None`` if it cannot be read so.

    Each instance is made as attrs' ``__init__`` makes it (its fields set, then each field's
    validator, then ``__attrs_post_init__``), for a whole column at once: each field's values
    set on every instance in C, each validator asked of the column (:mod:`usnz.reading.columns`).
    A field not given holds its default, as the default itself.
    """
    if not _built_as_attrs_builds(cls):
        return None
    from usnz.reading import ledger  # noqa: PLC0415 - the column reader's modules with it: a first get reads none
    from usnz.reading.columns import date_basis_check, dated  # noqa: PLC0415 - as ledger

    steps = _steps(cls, plan)
    if steps is None:
        return None
    allowed = frozenset(plan)
    names = tuple(field.name for field, *_ in steps)
    finish = getattr(cls, "__attrs_post_init__", None)
    new = object.__new__
    counted = _counted(plan, texts)
    # a default counted would be a colon of the text (see read_all): not read so
    untallied = any(":" in repr(steps[at][0].default) for at, _ in counted)

    def read(values: list[dict[str, Any]]) -> list[Any]:
        count = len(values)
        if not set(map(type, values)) <= {dict} or not allowed.issuperset(set[str]().union(*values)):
            raise UnsureError  # (an unknown key in one of them: each key asked once, not once an object)
        tally = _tallied(values, untallied=untallied)
        made = list(map(new, itertools.repeat(cls, count)))
        read_values: list[list[Any]] = []
        for _, take, column, _, set_each in steps:
            got = column(take(values))
            set_each(made, got)
            read_values.append(got)
        if tally is not None:
            tally.colons += sum(count_colons(read_values[at]) for at, count_colons in counted)
        whether_dated: list[bool] | None = None
        for (field, _, _, check, _), got in zip(steps, read_values, strict=True):
            if check is date_basis_check:
                whether_dated = dated(read_values, count) if whether_dated is None else whether_dated
                date_basis_check(made, field, got, whether_dated)
            elif check is not None:
                check(made, field, got)
        if finish is not None:
            finished: map[None] = map(finish, made)
            deque(finished, maxlen=0)
        ledger.add(cls, count, read_values, names)
        return made

    return read


def _counted(
    plan: dict[str, tuple[str, Reader, frozenset[type]]], texts: frozenset[str]
) -> list[tuple[int, Callable[[list[Any]], int]]]:
    """Of the fields of *plan* (in order) that are *texts*, each read as shared text: its place, and its colon count.

    What :func:`read_all` takes from a text's colons (the colons a text holds, not its keys').
    Codes and ids are not counted: one with a colon is refused by its check (and the text it is
    in read strictly, which says so).
    """
    counted: list[tuple[int, Callable[[list[Any]], int]]] = []
    for at, (name, (_, read_field, accepted)) in enumerate(plan.items()):
        if name not in texts:
            continue
        if read_field is sys.intern:
            counted.append((at, _colons_present if _NONE in accepted else _colons))
        elif read_field is _shared_strs:
            counted.append((at, _colons_within))
    return counted


def _tallied(values: list[dict[str, Any]], *, untallied: bool) -> _Tally | None:
    """The tally of the :func:`read_all` in progress, if any, the keys of *values* (JSON objects) added to it.

    Raises:
        UnsureError: when there is one and the class is *untallied*.
    """
    tally = _TALLY.get()
    if tally is not None:
        if untallied:
            raise UnsureError
        tally.keys += sum(map(len, values))
    return tally


def _vouch(tally: _Tally | None, colons: int | None) -> None:
    """Check the keys and texts' colons *tally* holds (if any) against the *colons* of the text read.

    Raises:
        UnsureError: when they differ: a key was given twice, or a colon is not accounted for.
    """
    if tally is not None and colons != tally.keys + tally.colons:
        raise UnsureError


_CHUNK: Final = 500
"""How many records a class read by columns reads at once."""


def _taker(name: str, default: object) -> Column:
    """What takes field *name* from each of a column of JSON objects, *default* where it is not given.

    A required field (*default* ``_NOT_GIVEN``) not given is a ``KeyError``. One map, in C: an
    ``itemgetter`` where the field is required, ``dict.get`` where it has a default.
    """
    if default is _NOT_GIVEN:
        required = operator.itemgetter(name)
        return lambda values: list(map(required, values))
    get = dict[str, Any].get
    if default is None:  # what ``get`` gives where it is not given
        return lambda values: list(map(get, values, itertools.repeat(name)))
    return lambda values: list(map(get, values, itertools.repeat(name), itertools.repeat(default)))


def by_columns(read: Reader) -> bool:
    """Whether :func:`read_all` reads with *read* by columns: and so refuses an integer beyond ±``MAX_INT`` anywhere.

    (A record read one at a time passes an ``int`` as it is: the strict JSON parser has bounded it.)
    """
    return _column(read) is not None


def read_all(
    read: Reader,
    entries: list[object],
    *,
    safe: bool = False,
    kept: ledger.Ledger | None = None,
    colons: int | None = None,
) -> list[AnyRecord] | None:
    """The record *read* makes of each of *entries*, or ``None`` when any needs cattrs' detailed reading.

    A class read by columns (:func:`_class_column`) is read a field at a time, many records at
    once, and its columns are *kept* in a ledger (when the whole of *entries* is read so). *safe*:
    no text of *entries* holds a character :func:`~usnz.model.plain.unsafe` refuses (the loader has
    searched the file for them), so the fields' checks do not search each text again.

    *colons*: *entries* were parsed from a JSON text by a parser that keeps the last of a key
    given twice in an object (:func:`~usnz.reading.jsontext.parse_unbounded`); *colons* bounds
    from above how many colons the text holds outside its strings: its colons, and one for each
    escape that may spell one (see :func:`usnz.reading.jsontext.colons`). Each key of an object
    is followed by one of those, so the records are returned only when the objects read hold
    that many keys in all, less the colons of the texts read (a key given twice is held once:
    fewer). Only entries read by columns can be so vouched for.
    """
    column = _column(read)
    tally = _Tally() if colons is not None else None
    token = _TALLY.set(tally)
    try:
        if column is not None:  # a chunk at a time: what a chunk's fields hold stays in the processor's cache
            from usnz.reading import ledger  # noqa: PLC0415 - imported by the column reader's build

            with safe_text() if safe else contextlib.nullcontext(), ledger.recording(kept):
                made = [record for at in range(0, len(entries), _CHUNK) for record in column(entries[at : at + _CHUNK])]
                _vouch(tally, colons)  # (else read strictly)
                return made
        if tally is not None:
            return None
        return [read(entry) for entry in entries]  # a class reader takes a JSON object only
    except Exception:  # noqa: BLE001 - any doubt at all: the entries are read one by one, and cattrs says what is wrong
        return None
    finally:
        _TALLY.reset(token)


def read_quickly(read: Reader, item: dict[str, object]) -> AnyRecord | None:
    """The record *read* makes of *item*, or ``None`` when anything needs cattrs' detailed reading."""
    try:
        return typing.cast("AnyRecord", read(item))
    except Exception:  # noqa: BLE001 - any doubt at all sends the record to cattrs, which says what is wrong
        return None
