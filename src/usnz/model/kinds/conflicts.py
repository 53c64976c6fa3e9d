"""Conflicts: wars and military operations."""

from __future__ import annotations

from typing import ClassVar

import attrs

from usnz.model.base import Record, check_text, check_texts
from usnz.model.dates import Period
from usnz.model.facts import documented, fact, methods_on_first_use
from usnz.model.validators import bounded_int

__all__ = ["Conflict"]


@documented
@attrs.frozen(kw_only=True)
@methods_on_first_use
class Conflict(Record):
    """A war or military operation."""

    record_kind: ClassVar[str] = "conflict"
    table_fields: ClassVar[tuple[str, ...]] = ("name", "period", "cow_warnum")

    name: str = fact(validator=check_text, label=True, search=True, doc="The usual name.")
    summary: str = fact(validator=check_text, search=True, doc="What it was, in our own words.")
    aliases: tuple[str, ...] = fact(
        default=(),
        validator=check_texts,
        search=True,
        doc="Other names (``Korean War`` has none; ``Second World War`` has ``World War II``).",
    )
    period: Period | None = fact(default=None, date=True, doc="When it was fought, where a source gives it.")
    cow_warnum: int | None = fact(
        default=None,
        validator=attrs.validators.optional(bounded_int()),
        doc="Correlates of War inter-state war number, where COW codes the war.",
    )
