"""Every record kind in one place: the classes, :data:`KINDS` and :data:`AnyRecord`.

Each kind lives in its own module of :mod:`usnz.model.kinds` (built on first use); importing
this module builds them all. Records refer to each other by id (``conflict="korean-war"``);
the dataset checks every reference when it loads. Countries are ISO 3166-1 alpha-3 codes.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from usnz.model.base import DateBasis, Described, Record, dates_of
from usnz.model.kinds import CLASS_NAMES, kind_class
from usnz.model.kinds.agreements import Agreement, AgreementKind
from usnz.model.kinds.assistance import Assistance
from usnz.model.kinds.conflicts import Conflict
from usnz.model.kinds.events import Event, EventKind
from usnz.model.kinds.figures import Figure
from usnz.model.kinds.force_contributions import Branch, ForceContribution
from usnz.model.kinds.organizations import Organization, OrganizationKind
from usnz.model.kinds.people import OFFICES, Attestation, Person, Role
from usnz.model.kinds.quotes import Quote
from usnz.model.kinds.sources import Source, SourceKind

__all__ = [
    "KINDS",
    "OFFICES",
    "Agreement",
    "AgreementKind",
    "AnyRecord",
    "Assistance",
    "Attestation",
    "Branch",
    "Conflict",
    "DateBasis",
    "Described",
    "Event",
    "EventKind",
    "Figure",
    "ForceContribution",
    "Organization",
    "OrganizationKind",
    "Person",
    "Quote",
    "Record",
    "Role",
    "Source",
    "SourceKind",
    "dates_of",
]

AnyRecord = Record | Source
"""Any record usnz holds: a fact record or a source."""

KINDS: Final[Mapping[str, type[AnyRecord]]] = MappingProxyType({stem: kind_class(stem) for stem in CLASS_NAMES})
"""Each record kind by its plural name (also its data file's name, ``<name>.json``)."""
