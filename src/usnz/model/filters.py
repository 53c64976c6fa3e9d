"""Filters declared on fields: what each query filter reads, planned once per class.

A field feeds a query filter by its declaration (:func:`~usnz.model.facts.fact`):

- ``filter="conflict"`` (or several names): ``conflict=`` finds the record by the field's values;
- ``country=True``: its codes feed ``country=`` and ``involving=``;
- ``involves=True``: its ids feed ``involving=`` (which also finds a record by the ids of the
  records that involve it: the query layer adds that way round).

A field holding values whose fields feed filters feeds theirs too: a person's ``roles`` feed
``office=`` (``roles.office``) and ``country=`` (``roles.country``). :func:`filter_plan` builds,
once per class, a reader per filter that reads only the fields feeding it, never the others;
:func:`filters` says what each filter takes (country codes, ids of one kind, choices...), read
from the same fields. A new filter of a kind is one declaration on its field, and the argument
of its query method.

>>> from usnz.model.kinds.people import Person
>>> sorted(filter_plan(Person))
['basis', 'country', 'involving', 'office']
>>> filters(Person)["office"].takes
'choices'
"""

from __future__ import annotations

import functools
import threading
import typing
from collections.abc import Callable, Hashable, Mapping
from types import MappingProxyType
from typing import Any, Final, Literal, NamedTuple

import attrs

from usnz.model.facts import Fact, facts, held_classes

__all__ = [
    "COUNTRY",
    "INVOLVING",
    "Filter",
    "Reader",
    "across_kinds",
    "feeds",
    "filter_keys",
    "filter_plan",
    "filters",
    "involved_plan",
    "involves_kinds",
]

COUNTRY: Final = "country"
"""The filter every field of country codes feeds."""
INVOLVING: Final = "involving"
"""The filter every field of ids declared ``involves=True`` feeds, and every field of country codes."""
_INVOLVED: Final = "(involves)"  # not a filter: the ids a record involves, which involving= reads the other way

Reader = Callable[[Any, list[Hashable]], None]
"""Adds the values one record (or value held in it) files under one filter to the list it is given."""

Takes = Literal["codes", "ids", "parties", "choices", "flag"]
"""What a filter's argument is: country codes, record ids of one kind, ids of any kind or codes, choices, a flag."""


class Filter(NamedTuple):
    """What one filter of a kind takes, read from the declarations of the fields that feed it.

    Attributes:
        name: The query's argument (``conflict``).
        takes: ``"codes"`` (country codes), ``"ids"`` (ids or records of the kind ``kind``),
            ``"parties"`` (ids of records of any kind, or country codes: ``involving=``),
            ``"choices"`` (values of ``choices``) or ``"flag"`` (``True`` or ``False``).
        kind: The ``record_kind`` the ids of a filter of ids name.
        choices: The values a filter of choices accepts, in their declared order.
        fields: The paths of the fields that feed it (``("countries", "destination")``,
            ``("roles.office",)``); ``involving=`` also reads the records that involve one.
    """

    name: str
    takes: Takes
    kind: str = ""
    choices: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()


def feeds(declared: Fact) -> tuple[str, ...]:
    """The filters a field feeds: those it names, ``country=`` and ``involving=`` for codes, ``involving=`` for ids.

    >>> from usnz.model.facts import Fact
    >>> feeds(Fact(doc="The country visited.", country=True, filter=("destination",)))
    ('destination', 'country', 'involving')
    """
    names = list(declared.filter)
    if declared.country:
        names += [COUNTRY, INVOLVING]
    if declared.involves:
        names.append(INVOLVING)
    return tuple(dict.fromkeys(names))


def _channels(declared: Fact) -> tuple[str, ...]:
    """What the plan reads a field for: the filters it feeds, and the ids it involves."""
    return (*feeds(declared), _INVOLVED) if declared.involves else feeds(declared)


_seen: set[type] = set()  # the classes being read: a class that holds itself is read once
_reading = threading.RLock()  # one thread reads the classes at a time: _seen is theirs alone


@functools.cache
def _fed(cls: type) -> tuple[tuple[str, type, str, Fact, str], ...]:
    """Each (channel, owning class, field name, fact, path) of the fields feeding filters in values of *cls* (nested).

    The path is the field's from *cls* (``roles.office``).
    """
    with _reading:
        if not attrs.has(cls) or cls in _seen:
            return ()
        _seen.add(cls)
        try:
            found: list[tuple[str, type, str, Fact, str]] = []
            for name, declared in facts(cls):
                found += [(channel, cls, name, declared, name) for channel in _channels(declared)]
                for held in held_classes(cls, name):
                    found += [(*fed[:4], f"{name}.{fed[4]}") for fed in _fed(held)]
            return tuple(found)
        finally:
            _seen.discard(cls)


@functools.cache
def _plan(cls: Any) -> Mapping[str, Reader]:
    """The reader of each channel of *cls*: only the fields feeding it, and the values held that feed it."""
    steps: dict[str, list[tuple[str, bool]]] = {}
    for name, declared in facts(cls) if attrs.has(cls) else ():
        for channel in _channels(declared):
            steps.setdefault(channel, []).append((name, True))
        held = dict.fromkeys(channel for value in held_classes(cls, name) for channel, *_ in _fed(value))
        for channel in held:
            steps.setdefault(channel, []).append((name, False))
    return MappingProxyType({channel: functools.partial(_read, channel, tuple(s)) for channel, s in steps.items()})


def _read(channel: str, steps: tuple[tuple[str, bool], ...], value: Any, out: list[Hashable]) -> None:
    for name, direct in steps:
        found: Any = getattr(value, name)
        if found is None:
            continue
        if direct:
            if type(found) is tuple:
                out.extend(found)  # pyright: ignore[reportUnknownArgumentType]
            else:
                out.append(found)
            continue
        for item in found if type(found) is tuple else (found,):  # pyright: ignore[reportUnknownVariableType]
            item_kind: Any = type(item)  # pyright: ignore[reportUnknownArgumentType, reportUnknownVariableType]
            reader = _plan(item_kind).get(channel)
            if reader is not None:
                reader(item, out)


def filter_plan(cls: Any) -> Mapping[str, Reader]:
    """Each filter values of *cls* feed, with its reader: built once per class from the fields' declarations.

    A reader adds the values a record files under its filter (the codes of ``country=``, the
    slugs of ``office=``...) to the list it is given, reading only the fields that feed it.
    ``involving=`` reads the ids the record involves and its codes; the records that involve
    it are the query layer's to add (they are other records).
    """
    return _filter_plan(cls)


@functools.cache
def _filter_plan(cls: Any) -> Mapping[str, Reader]:
    return MappingProxyType({name: read for name, read in _plan(cls).items() if name != _INVOLVED})


def involved_plan(cls: Any) -> Reader | None:
    """The reader of the ids a record of *cls* involves (its fields declared ``involves=True``), if any."""
    return _plan(cls).get(_INVOLVED)


def involves_kinds(cls: Any) -> frozenset[str]:
    """The record kinds (``record_kind``, or ``"any"``) whose records a record of *cls* may involve."""
    return _involves_kinds(cls)


@functools.cache
def _involves_kinds(cls: Any) -> frozenset[str]:
    return frozenset(
        kind for channel, _, _, declared, _ in _fed(cls) if channel == _INVOLVED for kind in declared.refers
    )


def filter_keys(record: Any) -> dict[str, frozenset[Hashable]]:
    """Each filter a record feeds, with the values it files under it (read by its class's plan, no generic walk).

    ``involving=`` here is what the record names; the records that involve it are not read.

    >>> import usnz
    >>> filter_keys(usnz.get("k-force-korea"))["conflict"]
    frozenset({'korean-war'})
    """
    found: dict[str, frozenset[Hashable]] = {}
    for name, read in filter_plan(type(record)).items():
        values: list[Hashable] = []
        read(record, values)
        if values:
            found[name] = frozenset(values)
    return found


def filters(cls: Any) -> Mapping[str, Filter]:
    """What each filter of *cls* takes, in the order its fields are declared; ``involving=`` for every class.

    Read from the fields that feed the filter (the first of them, for a filter several feed: they
    must agree): country codes for a field of codes; ids of the kind it refers to for a field of
    ids; the values its check declares it accepts (``@accepting(OFFICES)``), or those of its
    ``Literal`` type; ``True`` or ``False`` for a ``bool``.

    Raises:
        TypeError: when a field of another type feeds a filter (a declaration to fix).
    """
    return _filters(cls)


@functools.cache
def _filters(cls: Any) -> Mapping[str, Filter]:
    fields: dict[str, tuple[type, str, Fact]] = {}
    paths: dict[str, list[str]] = {}
    for channel, owner, name, declared, path in _fed(cls):
        if channel != _INVOLVED:
            fields.setdefault(channel, (owner, name, declared))
            paths.setdefault(channel, []).append(path)
    found = {name: _taking(name, *field)._replace(fields=tuple(paths[name])) for name, field in fields.items()}
    found.setdefault(INVOLVING, Filter(INVOLVING, "parties"))  # any record may be involved by another
    return MappingProxyType(found)


def _taking(filter_name: str, owner: type, name: str, declared: Fact) -> Filter:
    """What a filter takes, read from a field that feeds it."""
    if filter_name == INVOLVING:
        return Filter(filter_name, "parties")
    if declared.country:
        return Filter(filter_name, "codes")
    if declared.refers:
        return Filter(filter_name, "ids", kind=declared.refers[0])
    accepts = getattr(attrs.fields_dict(owner)[name].validator, "accepts", None)
    if accepts is not None:  # a check declaring the values it accepts (@accepting(OFFICES))
        return Filter(filter_name, "choices", choices=tuple(accepts))
    hint = typing.get_type_hints(owner)[name]
    options = (hint,) if typing.get_origin(hint) is Literal else typing.get_args(hint)
    for option in options:
        if option is bool:
            return Filter(filter_name, "flag")
        if typing.get_origin(option) is Literal:
            return Filter(filter_name, "choices", choices=typing.get_args(option))
    msg = f"{owner.__name__}.{name} feeds {filter_name}= but holds no codes, ids, Literal, bool or accepted values"
    raise TypeError(msg)


@functools.cache
def across_kinds() -> Mapping[str, Filter]:
    """What the filters any record may be asked by take (``timeline()``'s): ``country=``, ``involving=``, ``basis=``."""
    from usnz.model.base import Record  # noqa: PLC0415 - the base class, built by now: a query was asked

    return MappingProxyType({COUNTRY: Filter(COUNTRY, "codes"), **filters(Record)})
