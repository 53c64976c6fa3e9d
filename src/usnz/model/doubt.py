"""Doubts: a doubtful spot of the texts a record rests on, and the reading the record took of it."""

from __future__ import annotations

import typing
from typing import Any, Final, Literal

import attrs

from usnz.model.bounds import MAX_INT
from usnz.model.columnwise import distinct, flat, strs
from usnz.model.errors import ArgumentValueError, shown
from usnz.model.facts import batched, documented, fact, methods_on_first_use, requiring
from usnz.model.ids import check_ids
from usnz.model.plain import TEXT_PATTERN
from usnz.model.validators import non_empty_str, one_of, refuse_beyond, require_tuple

__all__ = [
    "DOUBT_KINDS",
    "DOUBT_LIMIT",
    "Doubt",
    "DoubtKind",
    "check_doubt_text",
    "check_paragraphs",
]

DoubtKind = Literal["contradiction", "vague", "garbled", "typo", "reading", "outside"]
"""What sort of doubt it is: the texts contradict each other (or themselves); they are vague (a
date, a number, a name or a scope left open); characters were lost in archiving; a typo; a
reading the record had to take; or a fact taken from outside the texts."""
DOUBT_KINDS: Final[tuple[str, ...]] = typing.get_args(DoubtKind)
"""Every kind of doubt, most serious first (the order a record lists its doubts in)."""
DOUBT_LIMIT: Final = 400
"""The longest a doubt's text may be, in characters (say one doubt, in about 300)."""


def _all_doubt_texts(values: list[Any]) -> bool:
    """Whether each of *values* is text, not empty, without leading or trailing spaces, at most the limit long."""
    return (
        strs(values)
        and all(values)
        and list(map(str.strip, values)) == values
        and max(map(len, values), default=0) <= DOUBT_LIMIT
    )


@batched(_all_doubt_texts)
@requiring({"type": "string", "pattern": TEXT_PATTERN, "maxLength": DOUBT_LIMIT})
def check_doubt_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require non-empty text without leading or trailing spaces, at most :data:`DOUBT_LIMIT` characters."""
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        msg = f"{attribute.name} must be non-empty text without leading or trailing spaces, got {shown(value)}"
        raise ArgumentValueError(msg)
    if len(value) > DOUBT_LIMIT:
        msg = f"{attribute.name} is {len(value)} characters; at most {DOUBT_LIMIT} (one doubt per value, in about 300)"
        raise ArgumentValueError(msg)


def _all_paragraphs(values: list[Any]) -> bool:
    """Whether each of *values* is a tuple of paragraph numbers (integers from 1), at least one, none twice."""
    found = flat(values)
    return (
        found is not None
        and all(values)
        and set(map(type, found)) <= {int}
        and (not found or (min(found) >= 1 and max(found) <= MAX_INT))
        and distinct(values)
    )


@batched(_all_paragraphs)
@requiring({"items": {"type": "integer", "minimum": 1, "maximum": MAX_INT}, "minItems": 1, "uniqueItems": True})
def check_paragraphs(instance: object, attribute: attrs.Attribute[Any], value: tuple[int, ...]) -> None:
    """Require at least one paragraph number (each 1 or more), none twice."""
    if type(value) is tuple and len(value) == 1 and type(value[0]) is int and 1 <= value[0] <= MAX_INT:  # common
        return
    require_tuple(attribute, value)
    if not value:
        msg = f"{attribute.name} must name at least one paragraph of the source, got ()"
        raise ArgumentValueError(msg)
    for number in value:
        if type(number) is not int or number < 1:
            msg = f"{attribute.name} must hold paragraph numbers (integers from 1), got {shown(number)}"
            raise ArgumentValueError(msg)
        if number > MAX_INT:
            refuse_beyond(attribute.name, number)
    if len(set(value)) != len(value):
        msg = f"{attribute.name} lists a paragraph twice: {value!r}"
        raise ArgumentValueError(msg)


@documented
@attrs.frozen(kw_only=True)
@methods_on_first_use
class Doubt:
    """A doubtful spot of the texts under a record: where it lies, what sort it is, and the reading taken.

    >>> doubt = Doubt(kind="typo", source="encyclopedia-nz-us-relations", paragraphs=(20,), text="'armistices'.")
    >>> str(doubt)
    "typo (encyclopedia-nz-us-relations ¶20): 'armistices'."
    """

    kind: DoubtKind = fact(
        validator=one_of(DOUBT_KINDS),
        doc=(
            "What sort of doubt (:data:`DoubtKind`): ``contradiction``, ``vague``, ``garbled`` (characters lost), "
            "``typo``, ``reading`` (a reading the record had to take) or ``outside`` (a fact from outside the texts)."
        ),
    )
    source: str = fact(
        validator=non_empty_str(),
        refers=("source",),
        doc="The id of the :class:`~usnz.Source` the doubt lies in.",
    )
    paragraphs: tuple[int, ...] = fact(
        validator=check_paragraphs, doc="The paragraph numbers (lines) of the source where it lies (at least one)."
    )
    text: str = fact(
        validator=check_doubt_text,
        doc="What the text says and leaves open, and the reading the record took: one doubt, in about 300 characters.",
    )
    concerns: tuple[str, ...] = fact(
        default=(),
        validator=check_ids,
        refers=("any",),
        doc="Ids of the other records the doubt involves (the other side of a contradiction, say).",
    )

    @property
    def where(self) -> str:
        """``source ¶N`` (``¶N, ¶M`` for several paragraphs)."""
        return f"{self.source} " + ", ".join(f"¶{number}" for number in self.paragraphs)

    def __str__(self) -> str:
        """``kind (source ¶N): text``, one line."""
        return f"{self.kind} ({self.where}): {self.text}"
