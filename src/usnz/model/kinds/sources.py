"""The sources: the texts every fact is drawn from."""

from __future__ import annotations

import itertools
import re
import typing
from typing import TYPE_CHECKING, ClassVar, Literal, TypeGuard

import attrs

from usnz.model.base import (
    DateBasis,
    Described,
    check_date_basis,
    check_doubts,
    check_id,
    check_optional_text,
    check_text,
)
from usnz.model.dates import PartialDate
from usnz.model.doubt import Doubt
from usnz.model.facts import documented, fact, methods_on_first_use
from usnz.model.validators import matching, one_of, positive_int

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

__all__ = ["Source", "SourceKind", "is_source", "paragraph_counts", "source_texts", "spoken_dates"]

_SHA256 = re.compile(r"[0-9a-f]{64}", re.ASCII)
SourceKind = Literal["encyclopedia-article", "news-article", "dataset"]
"""What sort of text a source is: an article, or a data file (line N is paragraph N)."""


@documented
@attrs.frozen(kw_only=True)
@methods_on_first_use
class Source(Described):
    """A source text every fact is drawn from."""

    record_kind: ClassVar[str] = "source"
    table_fields: ClassVar[tuple[str, ...]] = ("title", "date", "kind", "publisher")

    id: str = fact(validator=check_id, doc="Stable kebab-case slug.")
    title: str = fact(validator=check_text, label=True, search=True, doc="The text's title.")
    publisher: str = fact(validator=check_text, search=True, doc="Who published it.")
    kind: SourceKind = fact(
        validator=one_of(typing.get_args(SourceKind)),
        doc="``encyclopedia-article``, ``news-article`` or ``dataset`` (a data file, cited by line).",
    )
    sha256: str = fact(
        validator=matching(_SHA256, "the SHA-256 of the text's bytes: 64 lowercase hexadecimal digits"),
        doc="SHA-256 of the text's bytes, so a citation points into one exact text.",
    )
    paragraphs: int = fact(
        validator=positive_int("the number of paragraphs (lines) of the text"),
        doc="How many paragraphs (lines) the text has.",
    )
    filename: str = fact(validator=check_text, doc="The text's file name in the usnz seed collection.")
    date: PartialDate | None = fact(default=None, date=True, doc="When it was published, if known.")
    as_of: PartialDate | None = fact(
        default=None,
        doc=(
            "The date the text speaks from: its own date, or for an undated text the latest date it states. A period "
            "it calls ongoing (``2003/..``) is known to run at least to here."
        ),
    )
    doubts: tuple[Doubt, ...] = fact(
        default=(), validator=check_doubts, doc="Doubtful spots of the text as a whole (see :class:`Record`)."
    )
    notes: str | None = fact(
        default=None, validator=check_optional_text, doc="What the text is and how it was archived."
    )
    date_basis: DateBasis | None = fact(
        default=None,
        validator=check_date_basis,
        filter="basis",
        doc="How ``date`` and ``as_of`` were determined (see :class:`Record`).",
    )


# -- what the rest of usnz asks of the sources: the checks, the faces and the exports read these,
#    not the class, so the kind is named in its module, the registry and the query layer only.


def is_source(record: object) -> TypeGuard[Source]:
    """Whether *record* is a source (a text the facts are drawn from) rather than a fact record."""
    return isinstance(record, Source)


def source_texts(records: Iterable[object]) -> list[Source]:
    """The sources among *records* (a dataset, a query's result, any records), in their order."""
    given = list(records)
    found = itertools.compress(given, map(isinstance, given, itertools.repeat(Source)))  # (one pass in C)
    return typing.cast("list[Source]", list(found))


def paragraph_counts(records: Iterable[object]) -> dict[str, int]:
    """How many paragraphs each source among *records* has (the most a citation of it may cite), by its id."""
    return {record.id: record.paragraphs for record in records if isinstance(record, Source)}


def spoken_dates(records: Iterable[object]) -> dict[str, dt.date]:
    """The first day of the date each source among *records* speaks from, by its id.

    That is its ``as_of``, else its ``date``; a source with neither is left out. A period a
    record citing the source calls ongoing is known to run at least to this day.
    """
    return {source.id: said.earliest for source in source_texts(records) if (said := source.as_of or source.date)}
