"""Organizations: councils, agencies, military units, companies, teams and other bodies."""

from __future__ import annotations

import typing
from typing import ClassVar, Literal

import attrs

from usnz.model.base import Record, check_country, check_text, check_texts
from usnz.model.dates import PartialDate
from usnz.model.facts import documented, fact, methods_on_first_use
from usnz.model.validators import one_of

__all__ = ["Organization", "OrganizationKind"]

OrganizationKind = Literal[
    "council",
    "caucus",
    "government-agency",
    "military-unit",
    "company",
    "non-profit",
    "news-media",
    "sports-team",
    "sports-body",
    "university",
    "international",
    "political-party",
    "legislature",
    "other",
]
"""What sort of organization."""


@documented
@attrs.frozen(kw_only=True)
@methods_on_first_use
class Organization(Record):
    """A council, caucus, agency, military unit, company, team or other body."""

    record_kind: ClassVar[str] = "organization"
    table_fields: ClassVar[tuple[str, ...]] = ("name", "kind", "country", "founded")

    name: str = fact(validator=check_text, label=True, search=True, doc="The usual name.")
    kind: OrganizationKind = fact(
        validator=one_of(typing.get_args(OrganizationKind)), filter="kind", doc="What sort of body."
    )
    summary: str = fact(validator=check_text, search=True, doc="What it is, in our own words.")
    aliases: tuple[str, ...] = fact(
        default=(), validator=check_texts, search=True, doc="Other names and abbreviations."
    )
    country: str | None = fact(
        default=None, validator=check_country, country=True, doc="Its country, if it has one (ISO alpha-3)."
    )
    founded: PartialDate | None = fact(
        default=None, date=True, begins=True, doc="When it was founded, if a source says."
    )
