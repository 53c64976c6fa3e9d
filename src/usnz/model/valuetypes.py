"""The value types a field may hold, taught once, and what a field is declared to hold.

A field's type is read from its declaration (its annotation, resolved, and its
:func:`~usnz.model.facts.fact`), never from the validator it happens to use:
:func:`declared_type` says whether a field may be ``None``, whether it holds several values,
which value type of :data:`VALUE_TYPES` (if any) it holds, and whether it holds record ids or
country codes. The columns of frames and exports, the JSON Schemas and ``Records.total`` read
these.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Mapping
from typing import Any, Final, Literal, NamedTuple, Union

import attrs

from usnz.model.amounts import Money, Quantity
from usnz.model.citation import Citation
from usnz.model.dates import PartialDate, Period
from usnz.model.doubt import Doubt
from usnz.model.facts import Fact, facts

__all__ = ["VALUE_TYPES", "Declared", "ValueForm", "ValueType", "declared_type", "declared_types"]

ValueForm = Literal["date", "interval", "quantity", "money", "object"]
"""What a value type is to its readers: an EDTF date or interval (a string in the files), a
quantity or an amount of money (each flattened into its parts; what ``total()`` adds up), or
an object of named fields (a citation, a doubt)."""


class ValueType(NamedTuple):
    """One value type: its class and what it is.

    Attributes:
        cls: The class (``PartialDate``).
        name: Its name in schemas (``PartialDate``).
        form: What it is to its readers (see :data:`ValueForm`).
    """

    cls: type
    name: str
    form: ValueForm


VALUE_TYPES: Final[Mapping[type, ValueType]] = types.MappingProxyType(
    {
        PartialDate: ValueType(PartialDate, "PartialDate", "date"),
        Period: ValueType(Period, "Period", "interval"),
        Quantity: ValueType(Quantity, "Quantity", "quantity"),
        Money: ValueType(Money, "Money", "money"),
        Citation: ValueType(Citation, "Citation", "object"),
        Doubt: ValueType(Doubt, "Doubt", "object"),
    }
)
"""Each value type a record's field may hold, by its class."""


class Declared(NamedTuple):
    """What one field is declared to hold, read from its annotation and its :class:`~usnz.model.facts.Fact`.

    Attributes:
        name: The field's name.
        type: Its type, ``None`` taken out (``tuple[str, ...]``, ``Quantity``, ``Literal[...]``).
        item: What it holds one of: the type of each item of a tuple, else ``type`` itself.
        optional: Whether it may be ``None``.
        many: Whether it holds several values (a tuple).
        value: The value type it holds (one or several), if any.
        fact: Its declaration (``None`` for a field declared without :func:`~usnz.model.facts.fact`).
    """

    name: str
    type: Any
    item: Any
    optional: bool
    many: bool
    value: ValueType | None
    fact: Fact | None

    @property
    def refers(self) -> bool:
        """Whether it holds record ids (one or several)."""
        return self.fact is not None and bool(self.fact.refers)

    @property
    def country(self) -> bool:
        """Whether it holds country codes (one or several)."""
        return self.fact is not None and self.fact.country


def _without_none(hint: Any) -> tuple[Any, bool]:
    if typing.get_origin(hint) in {Union, types.UnionType}:
        options = tuple(arg for arg in typing.get_args(hint) if arg is not type(None))
        if len(options) < len(typing.get_args(hint)):
            return (options[0] if len(options) == 1 else Union[options]), True  # noqa: UP007 - rebuilt at run time
    return hint, False


@functools.cache
def declared_types(cls: type) -> Mapping[str, Declared]:
    """What each attrs field of *cls* is declared to hold, by name, in field order.

    >>> from usnz.model.kinds.force_contributions import ForceContribution
    >>> declared = declared_types(ForceContribution)
    >>> declared["personnel"].value.form, declared["personnel"].optional, declared["country"].country
    ('quantity', True, True)
    """
    hints = typing.get_type_hints(cls)
    declared = dict(facts(cls))
    found: dict[str, Declared] = {}
    for field in attrs.fields(cls):
        hint, optional = _without_none(hints[field.name])
        many = typing.get_origin(hint) is tuple
        item = typing.get_args(hint)[0] if many else hint
        value = VALUE_TYPES.get(item) if isinstance(item, type) else None
        found[field.name] = Declared(field.name, hint, item, optional, many, value, declared.get(field.name))
    return types.MappingProxyType(found)


def declared_type(cls: type, name: str) -> Declared:
    """What the field *name* of *cls* is declared to hold (see :func:`declared_types`).

    Raises:
        KeyError: when *cls* has no such field.
    """
    return declared_types(cls)[name]
