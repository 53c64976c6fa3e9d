"""What a field *is*, said once on the field: ``fact(...)`` and what reads it back.

A record kind declares each field with :func:`fact`: its description, and whether it is the
record's label, a date, a country, searchable text, or a reference to records of some kinds.
Everything else reads those declarations back with :func:`facts`: the records' ``label``,
``when``, ``references()``, ``country_codes()`` and ``search_text()``, the loader's checks of
references, ``involving=``, search, data frames, schemas and the command line. Adding a field
to a kind touches that kind (and its data file) only.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any, NamedTuple, TypeVar

import attrs

__all__ = ["Fact", "documented", "fact", "facts", "involvement"]

_KEY = "usnz"
C = TypeVar("C", bound=type)


class Fact(NamedTuple):
    """What one field is (a named tuple: cheap to make at import).

    Attributes:
        doc: What the field holds, in words: its documentation and its column description.
        refers: The record kinds (``record_kind``) its ids may name; ``("any",)`` for any kind.
        search: Whether ``search()`` matches its text.
        label: The field's rank among the fields that name the record (1 first), 0 if none.
        date: Whether it is (one of) the record's date: the first one set is ``when``.
        country: Whether it holds country codes.
        involves: Whether its ids name records the record *involves* (its participants, speaker,
            conflict, subjects...): ``involving=`` follows these fields, both ways, and no
            others (never ``see_also``, ``disputes`` or a citation's source).
    """

    doc: str
    refers: tuple[str, ...] = ()
    search: bool = False
    label: int = 0
    date: bool = False
    country: bool = False
    involves: bool = False


def fact(
    *,
    doc: str,
    refers: tuple[str, ...] = (),
    search: bool = False,
    label: int | bool = 0,
    date: bool = False,
    country: bool = False,
    involves: bool = False,
    **field: Any,
) -> Any:
    """An ``attrs.field(**field)`` that also says what the field is (see :class:`Fact`)."""
    if involves and not refers:
        msg = "involves=True needs refers=: only a field of record ids can name what a record involves"
        raise ValueError(msg)
    declared = Fact(
        doc=doc, refers=refers, search=search, label=int(label), date=date, country=country, involves=involves
    )
    return attrs.field(metadata={_KEY: declared}, **field)


@functools.cache
def facts(cls: Any) -> tuple[tuple[str, Fact], ...]:
    """Each (field name, :class:`Fact`) of an attrs class, in declaration order (bases first)."""
    return tuple((f.name, f.metadata[_KEY]) for f in attrs.fields(cls) if _KEY in f.metadata)


def documented(cls: C) -> C:
    """Add an ``Attributes:`` section, written from the fields' own descriptions, to *cls*'s docstring."""
    lines = [f"        {name}: {declared.doc}" for name, declared in facts(cls)]
    doc = (cls.__doc__ or "").rstrip()
    cls.__doc__ = f"{doc}\n\n    Attributes:\n" + "\n".join(lines) + "\n    "
    return cls


def involvement(cls: Any) -> tuple[str, ...]:
    """The paths of the fields of *cls*, and of the values nested in them, declared ``involves=True``.

    >>> from usnz.model.kinds.people import Person
    >>> involvement(Person)
    ('roles.organization',)
    """
    import typing  # noqa: PLC0415 - imported by attrs already: only the docs and tests ask this

    hints = typing.get_type_hints(cls)
    found: list[str] = []
    for name, declared in facts(cls):
        if declared.involves:
            found.append(name)
        for option in (hints[name], *typing.get_args(hints[name])):
            if isinstance(option, type) and attrs.has(option):
                found.extend(f"{name}.{sub}" for sub in involvement(option))
    return tuple(found)


def walk(record: Any) -> Iterator[tuple[str, Fact, Any]]:
    """Each (path, fact, value) of a record's fields, and of the attrs values nested in them."""
    kind: Any = type(record)  # pyright: ignore[reportUnknownVariableType]
    for name, declared in facts(kind):
        value: Any = getattr(record, name)
        yield name, declared, value
        value_kind: Any = type(value)  # pyright: ignore[reportUnknownVariableType]
        if _holds_facts(value_kind):
            for sub, sub_declared, sub_value in walk(value):
                yield f"{name}.{sub}", sub_declared, sub_value
        elif isinstance(value, tuple) and value:
            items: tuple[Any, ...] = value  # pyright: ignore[reportUnknownVariableType]
            if attrs.has(type(items[0])):  # pyright: ignore[reportUnknownArgumentType]
                for index, item in enumerate(items):
                    for sub, sub_declared, sub_value in walk(item):
                        yield f"{name}[{index}].{sub}", sub_declared, sub_value


@functools.cache
def _holds_facts(cls: Any) -> bool:
    """Whether *cls* is an attrs class that declares a field with :func:`fact` that refers to records.

    Only those are walked into when they stand alone (a role's attestation's citation): a
    date, a quantity or money names no record.
    """
    return attrs.has(cls) and any(declared.refers for _, declared in facts(cls))
