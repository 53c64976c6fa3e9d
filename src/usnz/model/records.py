"""Every record kind in one place: the classes, :data:`KINDS` and :data:`AnyRecord`.

A record is a fact record (:class:`Record`) or a source; what the rest of usnz asks of the
sources (:func:`is_source`, :func:`source_texts`, :func:`paragraph_counts`,
:func:`spoken_dates`, from the sources' module) is asked here, never of their class.

Each kind lives in its own module of :mod:`usnz.model.kinds` (built on first use), named in
its registry; importing this module builds them all. Records refer to each other by id
(``conflict="korean-war"``); the dataset checks every reference when it loads. Countries are
ISO 3166-1 alpha-3 codes.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from types import MappingProxyType
from typing import Final

from usnz.model.base import DateBasis, Described, Record, dates_of
from usnz.model.kinds import REGISTRY, kind_class
from usnz.model.kinds.sources import Source, is_source, paragraph_counts, source_texts, spoken_dates

__all__ = [
    "KINDS",
    "AnyRecord",
    "DateBasis",
    "Described",
    "Record",
    "dates_of",
    "is_source",
    "paragraph_counts",
    "source_texts",
    "spoken_dates",
]

AnyRecord = Record | Source
"""Any record usnz holds: a fact record or a source."""

KINDS: Final[Mapping[str, type[AnyRecord]]] = MappingProxyType(
    {kind.plural: kind_class(kind.plural) for kind in REGISTRY}
)
"""Each record kind by its plural name (also its data file's name, ``<name>.json``)."""


def __getattr__(name: str) -> object:
    """A public name of a kind's module (its class, ``Branch``, ``OFFICES``...), as if defined here."""
    for kind in REGISTRY:
        module = import_module(kind.module)
        if name in module.__all__:
            return getattr(module, name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
