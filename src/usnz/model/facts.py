"""What a field *is*, said once on the field: ``fact(...)`` and what reads it back.

A record kind declares each field with :func:`fact`: its description, and whether it is the
record's label, a date, a country, searchable text, a reference to records of some kinds, or
what query filter it feeds. Everything else reads those declarations back with :func:`facts`:
the records' ``label``, ``when``, ``references()``, ``country_codes()`` and ``search_text()``,
the loader's checks of references, the filters (:mod:`usnz.model.filters`), search, data
frames, schemas and the command line. Adding a field to a kind touches that kind (and its data
file) only.
"""

# No ``from __future__ import annotations``: a ``NamedTuple`` compiles each annotation given as text.

import functools
import operator
import re
import sys
import threading
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final, NamedTuple, TypeVar

import attrs

__all__ = [
    "CODE",
    "NESTED",
    "REF",
    "Fact",
    "Keys",
    "Step",
    "accepting",
    "batched",
    "documented",
    "fact",
    "facts",
    "held_classes",
    "involvement",
    "keys_of",
    "methods_on_first_use",
    "plan",
    "requiring",
    "steps",
]

_KEY = "usnz"
C = TypeVar("C", bound=type)
V = TypeVar("V", bound=Callable[..., None])


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
        filter: The query filters the field feeds, by name (``("conflict",)``: ``conflict=``
            finds the record by the field's values), besides those it feeds by what it is: a
            field of country codes feeds ``country=`` and ``involving=``, a field declared
            ``involves=True`` feeds ``involving=`` (see :mod:`usnz.model.filters`).
        terms: The words ``search()`` finds the record by when the field has a value (never when it is
            unknown): what a number answers to (``killed``: ``("casualties", "killed", ...)``).
        within: Whether its id names a record whose dates bound this one's, for ``possibly=True``
            (a force contribution's conflict): an unknown start runs back no further than that
            record's start, a record with no date of its own may be at any time of that record's,
            and the part of an imprecise date of its own (a year, a month, ``2001~``) straddling
            that record's first or last day that lies outside it is not counted by ``during=``.
        begins: Whether the date is when the record began (an agreement signed, an organization
            founded), with no end of its own: ``possibly=True`` lets it run on (to the end of a
            period the record also gives, where it has one), and ``during=`` warns of it.
    """

    doc: str
    refers: tuple[str, ...] = ()
    search: bool = False
    label: int = 0
    date: bool = False
    country: bool = False
    involves: bool = False
    filter: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    within: bool = False
    begins: bool = False


def fact(
    *,
    doc: str,
    refers: tuple[str, ...] = (),
    search: bool = False,
    label: int | bool = 0,
    date: bool = False,
    country: bool = False,
    involves: bool = False,
    filter: str | tuple[str, ...] = (),  # noqa: A002 - the word the declaration reads best with
    terms: tuple[str, ...] = (),
    within: bool = False,
    begins: bool = False,
    **field: Any,
) -> Any:
    """An ``attrs.field(**field)`` that also says what the field is (see :class:`Fact`).

    *filter* names the query filter the field feeds (``filter="conflict"``), or several.
    """
    if (involves or within) and not refers:
        msg = f"{'involves' if involves else 'within'}=True needs refers=: only a field of record ids can name a record"
        raise ValueError(msg)
    declared = Fact(
        doc=doc,
        refers=refers,
        search=search,
        label=int(label),
        date=date,
        country=country,
        involves=involves,
        filter=(filter,) if isinstance(filter, str) else filter,
        terms=terms,
        within=within,
        begins=begins,
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


class _Unwritten:
    """Stands for one of the methods attrs writes for a class until it is first asked for.

    attrs writes a class's ``__repr__``, ``__eq__`` and ``__hash__`` as source text and compiles
    it while it builds the class: for a record class, about as much as the rest of the class. A
    first ``usnz.get`` builds six classes and compares or shows none of their values, so
    :func:`methods_on_first_use` puts one of these in each of those methods' places: attrs,
    finding the class has them, writes none; the first use writes attrs' own for that class.
    """

    __slots__ = ("family", "name")

    def __init__(self, name: str, family: tuple[str, ...]) -> None:
        self.name, self.family = name, family

    def __get__(self, instance: object, owner: type) -> Any:
        """The method attrs writes for the class that holds this one, written (and put in this one's place) first."""
        home = next((klass for klass in owner.__mro__ if vars(klass).get(self.name) is self), None)
        if home is None:  # written since it was looked up (by another thread): the method itself
            return getattr(owner, self.name).__get__(instance, owner)
        if "__attrs_attrs__" not in vars(home):  # attrs asking, before it builds the class, whether it has one
            return self
        _write(home, self.family)
        return vars(home)[self.name].__get__(instance, owner)


_REPR: Final = ("__repr__",)
_EQ: Final = ("__eq__", "__ne__", "__hash__")
"""The methods written together: ``__eq__`` with the ``__hash__`` that agrees with it."""


def _write(cls: type, family: tuple[str, ...]) -> None:
    """Put attrs' own *family* of methods for the attrs class *cls* in its namespace.

    attrs writes them for a class of *cls*'s name with the same fields, each with its own
    ``repr``, ``eq`` and ``hash``, and nothing else: they read the fields by name and the class
    of ``self``, so they are what attrs would have written for *cls* itself.
    """
    fields = {
        field.name: attrs.field(repr=field.repr, eq=field.eq_key or field.eq, hash=field.hash)
        for field in attrs.fields(cls)
    }
    model = type(cls.__name__, (), {"__module__": cls.__module__, "__qualname__": cls.__qualname__})
    shown = family is _REPR
    written = attrs.define(
        these=fields,
        init=False,
        repr=shown,
        eq=not shown,
        unsafe_hash=not shown,
        order=False,
        slots=False,
        match_args=False,
        getstate_setstate=False,
        weakref_slot=False,
    )(model)
    for name in family:
        setattr(cls, name, vars(written)[name])


def methods_on_first_use(cls: C) -> C:
    """Have attrs write *cls*'s ``__repr__``, and its ``__eq__`` and ``__hash__``, when each is first used.

    Placed under ``@attrs.frozen`` (it marks the class before attrs builds it): the class then
    has attrs' own methods, as it would without this, once they are first used.
    """
    for name, family in (("__repr__", _REPR), ("__eq__", _EQ), ("__hash__", _EQ)):  # (Python's own __ne__ asks __eq__)
        setattr(cls, name, _Unwritten(name, family))
    return cls


def accepting(values: Iterable[str]) -> Callable[[V], V]:
    """Declare the only values a field check accepts (its ``accepts``): what a schema lists as the field's enum."""

    def declare(check: V) -> V:
        setattr(check, "accepts", tuple(values))  # noqa: B010 - an attribute a function has no annotation for
        return check

    return declare


def requiring(keywords: Mapping[str, Any]) -> Callable[[V], V]:
    """Declare what a field check requires of a value, as JSON Schema keywords (its ``requires``).

    Said where the check is, so the schemas (:func:`usnz.export.json_schema`) say what it
    checks without knowing which check a field uses.

    >>> @requiring({"type": "string", "minLength": 1})
    ... def check_name(instance: object, attribute: object, value: object) -> None: ...
    >>> dict(check_name.requires)
    {'type': 'string', 'minLength': 1}
    """

    def declare(check: V) -> V:
        setattr(check, "requires", types.MappingProxyType(dict(keywords)))  # noqa: B010 - as ``accepting``
        return check

    return declare


def batched(test: Callable[[list[Any]], bool]) -> Callable[[V], V]:
    """Declare a test of a whole column of values that is true only when a field check accepts each (its ``column``).

    Said where the check is, so the quick reader (:mod:`usnz.reading.columns`) asks a file's
    column of the field at once, in C, and the check itself of each value only when the test
    is not sure, without knowing which check a field uses (:mod:`usnz.model.columnwise`).

    >>> @batched(lambda values: all(map(bool, values)))
    ... def check_name(instance: object, attribute: object, value: object) -> None: ...
    >>> check_name.column(["a", ""])
    False
    """

    def declare(check: V) -> V:
        setattr(check, "column", test)  # noqa: B010 - as ``accepting``
        return check

    return declare


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


class Keys(NamedTuple):
    """What a record names, read by its class's :func:`plan`: what the loader checks and the filters index.

    Attributes:
        refs: Each (field path, id, the field's :class:`Fact`) the record points at, in field order;
            the path without positions (``citations.source``, ``roles.organization``).
        codes: Every country code the record names (its own and its roles').
    """

    refs: tuple[tuple[str, str, Fact], ...]
    codes: frozenset[str]


REF, CODE, NESTED = range(3)
"""How a :data:`Step` reads its field: ids, country codes, or values with fields of their own."""
Plan = Callable[[Any, list[tuple[str, str, Fact]], list[str]], None]
"""Adds what one value names to the lists it is given: (path, id, fact) references, country codes."""


def keys_of(record: Any) -> Keys:
    """A record's references and country codes, read by its class's :func:`plan` (no generic walk)."""
    refs: list[tuple[str, str, Fact]] = []
    codes: list[str] = []
    kind: Any = type(record)  # pyright: ignore[reportUnknownVariableType]
    plan(kind)(record, refs, codes)
    return Keys(tuple(refs), frozenset(codes))


Step = tuple[str, str, Fact, int]
"""One field a plan reads: (name, path, fact, how): ``REF`` ids, ``CODE`` country codes, ``NESTED``
values with fields of their own (its path then ends in ``.``, the prefix of theirs)."""


@functools.cache
def steps(cls: Any, prefix: str = "") -> tuple[Step, ...]:
    """The fields of *cls* a :func:`plan` reads, in declaration order (none for a class that is no attrs class).

    Only the fields declared ``refers=`` or ``country=``, and those declared to hold values with
    such fields, are read; *prefix* begins each path.
    """
    found: list[Step] = []
    for name, declared in facts(cls) if attrs.has(cls) else ():
        path = f"{prefix}{name}"
        if declared.refers:
            found.append((name, path, declared, REF))
        elif declared.country:
            found.append((name, path, declared, CODE))
        elif held_classes(cls, name):
            found.append((name, f"{path}.", declared, NESTED))
    return tuple(found)


@functools.cache
def plan(cls: Any, prefix: str = "") -> Plan:
    """The reader of what values of *cls* name, built once per class (and path) from its declarations.

    It adds each (path, id, fact) a value of *cls* refers to, and each country code it holds,
    to the lists it is given: what :func:`walk` finds (paths without positions), without asking
    every field and value what it is. It is one reader per field of :func:`steps`, each a
    closure over its field's getter, path and fact: nothing is looked up while it reads.
    """
    readers = tuple(_reader(name, path, declared, how) for name, path, declared, how in steps(cls, prefix))
    if len(readers) == 1:
        return readers[0]

    def read(value: Any, refs: list[tuple[str, str, Fact]], codes: list[str]) -> None:
        for reader in readers:
            reader(value, refs, codes)

    return read


def _reader(name: str, path: str, declared: Fact, how: int) -> Plan:
    """The reader of one field (a :data:`Step`): ids or codes (one, or a tuple of them), or values of their own."""
    get = operator.attrgetter(name)
    if how == REF:

        def read_ids(value: Any, refs: list[tuple[str, str, Fact]], codes: list[str]) -> None:
            found: Any = get(value)
            if type(found) is tuple:
                refs.extend([(path, ref, declared) for ref in found if isinstance(ref, str)])  # pyright: ignore[reportUnknownVariableType]
            elif isinstance(found, str):
                refs.append((path, found, declared))

        return read_ids
    if how == CODE:

        def read_codes(value: Any, refs: list[tuple[str, str, Fact]], codes: list[str]) -> None:
            found: Any = get(value)
            if type(found) is tuple:
                codes.extend([code for code in found if isinstance(code, str)])  # pyright: ignore[reportUnknownVariableType]
            elif isinstance(found, str):
                codes.append(found)

        return read_codes
    plans: dict[type, Plan] = {}  # the plan of each class of value the field has held, at its path

    def plan_of(kind: Any) -> Plan:
        found = plans.get(kind)
        if found is None:
            found = plans[kind] = plan(kind, path)
        return found

    def read_values(value: Any, refs: list[tuple[str, str, Fact]], codes: list[str]) -> None:
        found: Any = get(value)
        if type(found) is tuple:
            for item in found:  # pyright: ignore[reportUnknownVariableType]
                plan_of(type(item))(item, refs, codes)  # pyright: ignore[reportUnknownArgumentType]
        elif found is not None:
            plan_of(type(found))(found, refs, codes)

    return read_values


_NAME: Final = r"[A-Za-z_]\w*"
"""A name in an annotation (compiled when first searched for, by :func:`re.findall`: a first get asks none)."""


def held_classes(cls: Any, name: str) -> tuple[type, ...]:
    """The attrs classes naming records or countries, or feeding a filter, that the field *name* of *cls* holds.

    Read from the field's annotation, as declared (``tuple[Role, ...]``: ``Role``).
    """
    classes: tuple[type, ...] = cls.__mro__
    declared: list[dict[str, object]] = [vars(klass).get("__annotations__", {}) for klass in classes]
    annotation = next(annotations[name] for annotations in declared if name in annotations)
    words = re.findall(_NAME, annotation if isinstance(annotation, str) else repr(annotation))
    found: list[type] = []
    for klass in classes:
        namespace = vars(sys.modules[klass.__module__])
        for word in words:
            named = namespace.get(word)
            if isinstance(named, type) and named not in found and _names_records(named):
                found.append(named)
    return tuple(found)


_seen: set[type] = set()  # the classes being asked about: a class that holds itself is asked once
_asking = threading.RLock()  # one thread asks at a time: another's class in _seen is not "names none"


@functools.cache
def _names_records(cls: type) -> bool:
    """Whether values of the attrs class *cls* may name records or countries, or feed a filter (nested too)."""
    with _asking:
        if not attrs.has(cls) or cls in _seen:
            return False
        _seen.add(cls)
        try:
            return any(
                declared.refers or declared.country or declared.filter or held_classes(cls, name)
                for name, declared in facts(cls)
            )
        finally:
            _seen.discard(cls)
