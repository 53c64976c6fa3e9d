"""Events: visits, meetings, announcements, awards and other happenings."""

from __future__ import annotations

import re
import typing
from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar, Final, Literal

import attrs

from usnz.model.base import (
    Record,
    check_countries,
    check_country,
    check_ids,
    check_optional_id,
    check_optional_text,
    check_period_alone,
    check_text,
)
from usnz.model.dates import PartialDate, Period
from usnz.model.errors import ArgumentValueError
from usnz.model.facts import documented, fact, methods_on_first_use
from usnz.model.validators import matching, one_of

__all__ = ["NEAR_KINDS", "Event", "EventKind"]

_TIME = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]", re.ASCII)
EventKind = Literal[
    "visit",
    "meeting",
    "talks",
    "announcement",
    "statement",
    "report",
    "award",
    "exercise",
    "decision",
    "sports",
    "deployment",
    "establishment",
    "negotiation",
    "other",
]
"""What sort of event."""
NEAR_KINDS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "meeting": (
            "talks",
            "visit",
        ),  # Clark's talks with Bush came with a visit; Key's 40 minutes with Biden are talks
        "talks": ("meeting",),
    }
)
"""Event kinds whose events may answer the same question: ``events(kind=...)`` names those it leaves out."""


@documented
@attrs.frozen(kw_only=True)
@methods_on_first_use
class Event(Record):
    """Something that happened at a time: a visit, meeting, announcement, award..."""

    record_kind: ClassVar[str] = "event"
    cross_check: ClassVar[str | None] = (
        "a destination on an event that is not a visit; both a date and a period (give date or period, not both)"
    )
    table_fields: ClassVar[tuple[str, ...]] = ("title", "when", "kind", "destination")

    kind: EventKind = fact(validator=one_of(typing.get_args(EventKind)), filter="kind", doc="What sort of event.")
    title: str = fact(validator=check_text, label=True, search=True, doc="A short title in our own words.")
    summary: str = fact(validator=check_text, search=True, doc="What happened, in our own words.")
    date: PartialDate | None = fact(default=None, date=True, doc="When, if a source says (or implies: see ``notes``).")
    period: Period | None = fact(
        default=None,
        validator=check_period_alone,
        date=True,
        doc=(
            "The span of a multi-day event, where known; for an event the texts do not date, the window it fell in "
            "(inferred: see ``notes``)."
        ),
    )
    participants: tuple[str, ...] = fact(
        default=(), validator=check_ids, refers=("person",), involves=True, doc="Ids of people involved."
    )
    organizations: tuple[str, ...] = fact(
        default=(),
        validator=check_ids,
        refers=("organization",),
        involves=True,
        doc="Ids of organizations involved.",
    )
    agreements: tuple[str, ...] = fact(
        default=(),
        validator=check_ids,
        refers=("agreement",),
        involves=True,
        doc="Ids of the agreements it is part of: announced, negotiated, signed or argued over.",
    )
    countries: tuple[str, ...] = fact(
        default=(), validator=check_countries, country=True, doc="Countries involved (ISO alpha-3)."
    )
    location: str | None = fact(default=None, validator=check_optional_text, search=True, doc="Where it happened.")
    conflict: str | None = fact(
        default=None,
        validator=check_optional_id,
        refers=("conflict",),
        involves=True,
        filter="conflict",
        doc="Id of the conflict it belongs to, if any.",
    )
    subjects: tuple[str, ...] = fact(
        default=(),
        validator=check_ids,
        refers=("event",),
        involves=True,
        doc=(
            "Ids of the events it is part of or answers (a disaster it responded to...), where a source says so; a "
            "conflict goes in ``conflict``."
        ),
    )
    time: str | None = fact(
        default=None,
        validator=attrs.validators.optional(matching(_TIME, "a 24-hour time HH:MM, such as '16:23'")),
        doc=(
            "The local time of day, 24-hour ``HH:MM``, where a source gives it (the Wellington Declaration was signed"
            ' at 4:23 pm: ``"16:23"``).'
        ),
    )
    destination: str | None = fact(
        default=None,
        validator=check_country,
        country=True,
        filter="destination",
        doc="For a visit, the country visited (ISO alpha-3).",
    )

    def __attrs_post_init__(self) -> None:
        """Allow a destination on visits only."""
        if self.destination is not None and self.kind != "visit":
            msg = f"destination is for visits only; this event's kind is {self.kind!r}"
            raise ArgumentValueError(msg)
