"""Citations: the source paragraph a fact comes from, and the words in it that state the fact."""

from __future__ import annotations

from typing import Any, ClassVar, Final

import attrs

from usnz.model.columnwise import optional, strs
from usnz.model.errors import ArgumentValueError, shown
from usnz.model.facts import batched, documented, fact, methods_on_first_use, requiring
from usnz.model.plain import KEPT_PATTERN, QUOTE_PATTERN, all_safe, unsafe
from usnz.model.validators import non_empty_str, positive_int

__all__ = ["DATING", "QUOTE_JOIN", "QUOTE_LIMIT", "Citation", "check_quote"]

QUOTE_LIMIT: Final = 400
"""The longest a citation's quote may be, in characters."""
QUOTE_JOIN: Final = " … "
"""What joins two passages of one paragraph in a citation's quote."""
DATING: Final = "dating:"
"""How the note of a citation given only to place its record in time begins (see :attr:`Citation.dating`)."""


def _all_quotes(values: list[Any]) -> bool:
    """Whether each of *values* is printable text with a character not a space, at most the limit long."""
    return (
        strs(values)
        and all(map(str.strip, values))
        and max(map(len, values), default=0) <= QUOTE_LIMIT
        and all_safe(values)
    )


def _all_notes(values: list[Any]) -> bool:
    """Whether each of *values* is printable text."""
    return strs(values) and all_safe(values)


@batched(optional(_all_quotes))
@requiring({"type": "string", "minLength": 1, "maxLength": QUOTE_LIMIT, "pattern": QUOTE_PATTERN})
def check_quote(instance: Citation, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """Require a quote of non-empty text, at most :data:`QUOTE_LIMIT` characters (or ``None``)."""
    if value is None:
        return
    if not isinstance(value, str) or not value.strip():
        msg = f"quote must be non-empty text, got {shown(value)}"
        raise ArgumentValueError(msg)
    if len(value) > QUOTE_LIMIT:
        msg = f"quote is {len(value)} characters; at most {QUOTE_LIMIT} (quote the words that state the fact)"
        raise ArgumentValueError(msg)
    why = unsafe(value)
    if why is not None:
        msg = f"{attribute.name} {why}"
        raise ArgumentValueError(msg)


@batched(optional(_all_notes))
@requiring({"type": "string", "pattern": KEPT_PATTERN})
def check_note(instance: Citation, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """Require text without control characters or lone surrogates (or ``None``)."""
    why = unsafe(value) if isinstance(value, str) else None
    if why is not None:
        msg = f"{attribute.name} {why}"
        raise ArgumentValueError(msg)


@documented
@attrs.frozen(kw_only=True)
@methods_on_first_use
class Citation:
    """Where a fact comes from: one paragraph of one source, and the words in it that state it.

    >>> str(Citation(source="wikipedia-nz-us-relations", paragraph=6))
    'wikipedia-nz-us-relations ¶6'
    """

    text_form: ClassVar[str] = "source ¶paragraph: note"
    """How its text (``str``) reads."""

    source: str = fact(
        validator=non_empty_str(),
        refers=("source",),
        doc="The id of a :class:`~usnz.Source`.",
    )
    paragraph: int = fact(
        validator=positive_int("a paragraph number"),
        doc="The paragraph number, counting from 1 (line N of the source text).",
    )
    note: str | None = fact(
        default=None,
        validator=check_note,
        doc=(
            "A short note on what the paragraph supports, if useful; one beginning "
            f'"{DATING}" marks a citation given only to place the record in time (search does not read it).'
        ),
    )
    quote: str | None = fact(
        default=None,
        validator=check_quote,
        doc=(
            "The shortest passage of the paragraph that states what the record takes from it, verbatim (archive "
            "damage included), at most 400 characters; two passages of the same paragraph may be joined by a spaced "
            'ellipsis, " … ". Every packaged citation has one.'
        ),
    )

    @property
    def dating(self) -> bool:
        """Whether the citation is given only to place the record in time (its note begins ``dating:``).

        Its words tell of another matter (the election a date is reasoned from), so ``search``
        does not read them as the record's.

        >>> Citation(source="s", paragraph=40, note="dating: the 2008 election still ahead").dating
        True
        """
        return self.note is not None and self.note.startswith(DATING)

    @property
    def passages(self) -> tuple[str, ...]:
        """The quote's passages (split at the spaced ellipsis " … "), or none without a quote."""
        return () if self.quote is None else tuple(self.quote.split(QUOTE_JOIN))

    def __str__(self) -> str:
        """``source ¶N`` (with the note after a colon)."""
        text = f"{self.source} ¶{self.paragraph}"
        return f"{text}: {self.note}" if self.note else text
