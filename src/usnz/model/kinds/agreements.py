"""Agreements: treaties, declarations, trade agreements and talks, intelligence agreements, UN resolutions."""

from __future__ import annotations

import typing
from typing import ClassVar, Literal

import attrs

from usnz.model.base import Record, check_countries, check_ids, check_optional_text, check_text, check_texts
from usnz.model.dates import PartialDate, Period
from usnz.model.facts import documented, fact, methods_on_first_use
from usnz.model.validators import one_of

__all__ = ["Agreement", "AgreementKind"]

AgreementKind = Literal[
    "treaty",
    "declaration",
    "trade-agreement",
    "trade-negotiation",
    "intelligence-agreement",
    "un-resolution",
    "partnership",
]
"""What sort of agreement."""


@documented
@attrs.frozen(kw_only=True)
@methods_on_first_use
class Agreement(Record):
    """A treaty, declaration, trade agreement or negotiation, intelligence agreement or UN resolution."""

    record_kind: ClassVar[str] = "agreement"
    table_fields: ClassVar[tuple[str, ...]] = ("name", "signed", "parties", "kind", "period")

    name: str = fact(validator=check_text, label=True, search=True, doc="The usual name.")
    kind: AgreementKind = fact(
        validator=one_of(typing.get_args(AgreementKind)),
        filter="kind",
        doc="What sort of agreement it is.",
    )
    summary: str = fact(validator=check_text, search=True, doc="What it is, in our own words.")
    aliases: tuple[str, ...] = fact(
        default=(), validator=check_texts, search=True, doc="Other names and abbreviations (``ANZUS Treaty``)."
    )
    parties: tuple[str, ...] = fact(
        default=(),
        validator=check_countries,
        country=True,
        doc="Countries bound by it or negotiating it (ISO alpha-3).",
    )
    signed: PartialDate | None = fact(
        default=None, date=True, begins=True, doc="When it was signed or concluded, if a source says."
    )
    period: Period | None = fact(
        default=None, date=True, doc="When it was negotiated or in force, where a source gives that."
    )
    signatories: tuple[str, ...] = fact(
        default=(), validator=check_ids, refers=("person",), involves=True, doc="Ids of people who signed it."
    )
    organizations: tuple[str, ...] = fact(
        default=(),
        validator=check_ids,
        refers=("organization",),
        involves=True,
        doc="Ids of bodies a source ties to it by name or role (the UKUSA community of the UKUSA agreement).",
    )
    status: str | None = fact(
        default=None, validator=check_optional_text, doc="Its state as the sources describe it, in words."
    )
