"""The record kinds: the one registry of them, and their modules, each built on first use.

:data:`REGISTRY` names every kind once, as a :class:`Kind`: its singular name (its
``record_kind``), its plural name and its class's name. Everything else follows from it: the
kind's module (``usnz.model.kinds.<plural>``), its data file (``<plural>.json``), ``usnz.KINDS``,
the names a user may type, the public names of ``usnz``, the columns and the exports. Adding a
kind is its module, one line here (and its overload of :func:`kind_class`), its data file and
its typed query method.

:func:`kind_class` imports just the one kind asked for, so attrs builds only the classes a
program uses; :mod:`usnz.model.records` gathers them all. Importing this module builds none
(nor imports ``typing``): ``import usnz`` reads the registry.
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, which type checkers read as True; typing costs ~10 ms
if TYPE_CHECKING:
    from typing import Final, Literal, overload

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

__all__ = ["CLASS_NAMES", "REGISTRY", "Kind", "kind_class"]


class Kind:
    """One record kind's names, from which its module and its data file follow.

    Attributes:
        singular: Its ``record_kind`` (``force-contribution``).
        plural: Its plural name (``force_contributions``): a key of ``usnz.KINDS``, the name
            of its module, its data file's stem and its query's name.
        class_name: Its class's name (``ForceContribution``).
    """

    __slots__ = ("class_name", "plural", "singular")

    def __init__(self, singular: str, plural: str, class_name: str) -> None:
        """A kind named so."""
        self.singular = singular
        self.plural = plural
        self.class_name = class_name

    @property
    def module(self) -> str:
        """The module its class is defined in (``usnz.model.kinds.force_contributions``)."""
        return f"{__name__}.{self.plural}"

    @property
    def data_file(self) -> str:
        """The name of its data file (``force_contributions.json``)."""
        return f"{self.plural}.json"

    def __repr__(self) -> str:
        """As it is written in the registry."""
        return f'Kind("{self.singular}", "{self.plural}", "{self.class_name}")'


REGISTRY: Final[tuple[Kind, ...]] = (
    Kind("source", "sources", "Source"),
    Kind("agreement", "agreements", "Agreement"),
    Kind("conflict", "conflicts", "Conflict"),
    Kind("force-contribution", "force_contributions", "ForceContribution"),
    Kind("assistance", "assistance", "Assistance"),
    Kind("event", "events", "Event"),
    Kind("person", "people", "Person"),
    Kind("organization", "organizations", "Organization"),
    Kind("quote", "quotes", "Quote"),
    Kind("figure", "figures", "Figure"),
)
"""Every record kind, in data order (the order of ``usnz.KINDS``)."""

CLASS_NAMES: Final[dict[str, str]] = {kind.plural: kind.class_name for kind in REGISTRY}
"""Each kind's plural name (its module and data file stem) and the name of its class, in data order."""


_BUILT: dict[str, type[Record | Source]] = {}
"""Each kind's class once its module is built, by plural name: a query asks for it on every call."""


def _kind_class(stem: str) -> type[Record | Source]:
    cls = _BUILT.get(stem)
    if cls is None:
        name = CLASS_NAMES[stem]
        cls = _BUILT[stem] = getattr(import_module(f"{__name__}.{stem}"), name)
    return cls


if TYPE_CHECKING:  # each kind's class by its plural name, typed as that class

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
        """The record class of one kind, by its plural name (typed as that kind's class)."""
        return _kind_class(stem)

else:

    def kind_class(stem: str) -> type[Record | Source]:
        """The record class of one kind, by its plural name, building only that kind's module.

        >>> kind_class("agreements").__name__
        'Agreement'

        Raises:
            KeyError: for a name that is not a kind's plural name.
        """
        return _kind_class(stem)
