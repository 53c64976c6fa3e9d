"""The record kinds, one module each, built on first use.

Each module is named after its kind's plural name, which is also its data file's stem
(``agreements`` -> ``agreements.json``); :func:`kind_class` imports just the one asked for,
so attrs builds only the classes a program uses. :mod:`usnz.model.records` gathers them all.
"""

from __future__ import annotations

from importlib import import_module

from usnz.model.names import KIND_NAMES

TYPE_CHECKING = False  # as typing.TYPE_CHECKING; importing typing here would cost a cold start
if TYPE_CHECKING:
    from usnz.model.base import Record
    from usnz.model.kinds.sources import Source

__all__ = ["CLASS_NAMES", "kind_class"]

CLASS_NAMES = {plural: class_name for _, plural, class_name in KIND_NAMES}
"""Each kind's plural name (its module and data file stem) and the name of its class, in data order."""


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
