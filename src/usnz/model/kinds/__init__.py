"""The record kinds, one module each, built on first use.

Each module is named after its kind's plural name, which is also its data file's stem
(``agreements`` -> ``agreements.json``); :func:`kind_class` imports just the one asked for,
so attrs builds only the classes a program uses. :mod:`usnz.model.records` gathers them all.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Literal, overload  # typing: imported by attrs before any class is built

from usnz.model.names import KIND_NAMES

if TYPE_CHECKING:
    from usnz.model.base import Record
    from usnz.model.kinds.agreements import Agreement
    from usnz.model.kinds.assistance import Assistance
    from usnz.model.kinds.conflicts import Conflict
    from usnz.model.kinds.events import Event
    from usnz.model.kinds.figures import Figure
    from usnz.model.kinds.force_contributions import ForceContribution
    from usnz.model.kinds.organizations import Organization
    from usnz.model.kinds.people import Person
    from usnz.model.kinds.quotes import Quote
    from usnz.model.kinds.sources import Source

__all__ = ["CLASS_NAMES", "kind_class"]

CLASS_NAMES = {plural: class_name for _, plural, class_name in KIND_NAMES}
"""Each kind's plural name (its module and data file stem) and the name of its class, in data order."""


@overload
def kind_class(stem: Literal["sources"]) -> type[Source]: ...
@overload
def kind_class(stem: Literal["agreements"]) -> type[Agreement]: ...
@overload
def kind_class(stem: Literal["conflicts"]) -> type[Conflict]: ...
@overload
def kind_class(stem: Literal["force_contributions"]) -> type[ForceContribution]: ...
@overload
def kind_class(stem: Literal["assistance"]) -> type[Assistance]: ...
@overload
def kind_class(stem: Literal["events"]) -> type[Event]: ...
@overload
def kind_class(stem: Literal["people"]) -> type[Person]: ...
@overload
def kind_class(stem: Literal["organizations"]) -> type[Organization]: ...
@overload
def kind_class(stem: Literal["quotes"]) -> type[Quote]: ...
@overload
def kind_class(stem: Literal["figures"]) -> type[Figure]: ...
@overload
def kind_class(stem: str) -> type[Record | Source]: ...


def kind_class(stem: str) -> type[Record | Source]:
    """The record class of one kind, by its plural name, building only that kind's module.

    >>> kind_class("agreements").__name__
    'Agreement'

    Raises:
        KeyError: for a name that is not a kind's plural name.
    """
    name = CLASS_NAMES[stem]
    cls: type[Record | Source] = getattr(import_module(f"usnz.model.kinds.{stem}"), name)
    return cls
