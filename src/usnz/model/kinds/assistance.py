"""Assistance: non-military help one country gave another."""

from __future__ import annotations

from typing import ClassVar

import attrs

from usnz.model.amounts import Money
from usnz.model.base import (
    Record,
    check_country,
    check_ids,
    check_optional_id,
    check_optional_text,
    check_period_alone,
    check_text,
)
from usnz.model.dates import PartialDate, Period
from usnz.model.facts import documented, fact, methods_on_first_use

__all__ = ["Assistance"]


@documented
@attrs.frozen(kw_only=True)
@methods_on_first_use
class Assistance(Record):
    """Non-military help one country gave another: money or in kind."""

    record_kind: ClassVar[str] = "assistance"
    cross_check: ClassVar[str | None] = "both a date and a period (give date or period, not both)"
    table_fields: ClassVar[tuple[str, ...]] = ("summary", "when", "amount", "donor", "recipient")

    donor: str = fact(validator=check_country, country=True, doc="The giving country (ISO alpha-3).")
    summary: str = fact(validator=check_text, label=True, search=True, doc="What was given and why, in our own words.")
    recipient: str | None = fact(
        default=None, validator=check_country, country=True, doc="The receiving country, if one is named."
    )
    amount: Money | None = fact(default=None, doc="How much money, if a sum is stated.")
    in_kind: str | None = fact(
        default=None, validator=check_optional_text, search=True, doc="What was given other than money, in words."
    )
    via: str | None = fact(
        default=None,
        validator=check_optional_id,
        refers=("organization",),
        involves=True,
        doc="Id of an organization the help went through (a charity, say).",
    )
    date: PartialDate | None = fact(default=None, date=True, doc="When it was given or pledged.")
    period: Period | None = fact(
        default=None,
        validator=check_period_alone,
        date=True,
        doc="When recurring help ran; for help the texts do not date, the window it fell in (inferred: see ``notes``).",
    )
    purpose: str | None = fact(default=None, validator=check_optional_text, search=True, doc="What it was for.")
    subjects: tuple[str, ...] = fact(
        default=(),
        validator=check_ids,
        refers=("any",),
        involves=True,
        doc="Ids of records the help answered (a disaster, a war...), where a source says so.",
    )
