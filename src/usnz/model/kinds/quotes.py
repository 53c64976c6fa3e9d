"""Quotes: words a named person said, verbatim."""

from __future__ import annotations

from typing import ClassVar

import attrs

from usnz.model.base import Record, check_id, check_ids, check_optional_id, check_optional_text, check_text
from usnz.model.dates import PartialDate
from usnz.model.facts import documented, fact, methods_on_first_use

__all__ = ["Quote"]


@documented
@attrs.frozen(kw_only=True)
@methods_on_first_use
class Quote(Record):
    """Words a named person said, verbatim as the source prints them."""

    record_kind: ClassVar[str] = "quote"
    table_fields: ClassVar[tuple[str, ...]] = ("text", "date", "speaker")
    table_needed: ClassVar[tuple[str, ...]] = ("date", "speaker")

    speaker: str = fact(
        validator=check_id,
        refers=("person",),
        involves=True,
        filter="speaker",
        doc="Id of the :class:`Person` who said them.",
    )
    text: str = fact(
        validator=check_text, label=True, search=True, doc="The words, verbatim (the only verbatim field in usnz)."
    )
    occasion: str | None = fact(
        default=None, validator=check_optional_text, search=True, doc="When or where they were said, in our own words."
    )
    date: PartialDate | None = fact(default=None, date=True, doc="When, if a source says (or implies: see ``notes``).")
    event: str | None = fact(
        default=None,
        validator=check_optional_id,
        refers=("event",),
        involves=True,
        doc="Id of the :class:`Event` they were said at, if it has a record.",
    )
    subjects: tuple[str, ...] = fact(
        default=(),
        validator=check_ids,
        refers=("any",),
        involves=True,
        doc="Ids of records the words are about (an agreement, a conflict...), where a source says so.",
    )
