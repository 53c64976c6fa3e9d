"""Validators asked of a whole column of values at once: one field of every record of a file.

The quick reader builds a file's records a field at a time (:func:`usnz.reading.quick.read_all`)
and checks each field's validator on the whole column. A validator usnz knows is first asked
by a test of the column in C (``str.isprintable`` of the joined texts, a set of the types...)
that accepts only what the validator accepts; when that test is not sure, and for any other
validator, the validator itself is called on each value, so a record is exactly as validated
as when it is built one at a time.
"""

from __future__ import annotations

import contextlib
import contextvars
import itertools
import operator
from collections import deque
from collections.abc import Callable, Generator
from typing import Any, Final

import attrs

from usnz.model import base, citation, doubt, ids, validators
from usnz.model.citation import Citation
from usnz.model.doubt import Doubt

__all__ = ["ColumnCheck", "column_check", "date_basis_check", "dated", "safe_text"]

ColumnCheck = Callable[[list[Any], "attrs.Attribute[Any]", list[Any]], None]
"""Checks one field of *objects* (its *values*, one each) as the field's validator does; raises what it raises."""

_ID_CHARACTERS: Final = b"abcdefghijklmnopqrstuvwxyz0123456789-"
_SAFE: Final = contextvars.ContextVar("usnz_safe_text", default=False)


@contextlib.contextmanager
def safe_text() -> Generator[None, None, None]:
    """Within the block, every text read is known to hold no character :func:`~usnz.model.plain.unsafe` refuses.

    So a text's own test for them is not asked again: what the loader knows of a whole file
    whose bytes show none (:func:`usnz.reading.problems.suspect_utf8`).
    """
    token = _SAFE.set(True)
    try:
        yield
    finally:
        _SAFE.reset(token)


def _safe(values: list[str]) -> bool:
    """Whether no text of *values* holds a character :func:`~usnz.model.plain.unsafe` refuses (printable text none)."""
    return _SAFE.get() or "".join(values).isprintable()


def _present(values: list[Any]) -> list[Any]:
    """The values that are not ``None``."""
    return list(itertools.compress(values, map(operator.is_not, values, itertools.repeat(None))))


def _flat(values: list[Any]) -> list[Any] | None:
    """The items of *values*, each a tuple; ``None`` if one is not."""
    if not set(map(type, values)) <= {tuple}:
        return None
    return list(itertools.chain.from_iterable(values))


def _strs(values: list[Any]) -> bool:
    return set(map(type, values)) <= {str}


def _ids(values: list[Any]) -> bool:
    """Whether each of *values* is a kebab-case id (``[a-z0-9]+(?:-[a-z0-9]+)*``, ASCII), asked of them joined."""
    if not _strs(values):
        return False
    joined = "\n".join(values)
    if not joined.isascii():
        return False
    text = b"\n" + joined.encode() + b"\n"
    return (
        text.translate(None, _ID_CHARACTERS) == b"\n" * (len(values) + 1)  # no other character, no newline in an id
        and b"\n\n" not in text
        and b"\n-" not in text
        and b"-\n" not in text
        and b"--" not in text
    )


def _distinct(values: list[Any], key: Callable[[Any], Any] | None = None) -> bool:
    """Whether no tuple of *values* holds an item twice (items compared by *key*)."""
    several: list[tuple[Any, ...]] = list(
        itertools.compress(values, map(operator.gt, map(len, values), itertools.repeat(1)))
    )
    if key is not None:
        keyed: map[map[Any]] = map(map, itertools.repeat(key), several)
        several = list(map(tuple, keyed))
    return list(map(len, map(set[Any], several))) == list(map(len, several))


def _texts(values: list[Any]) -> bool:
    """Whether each of *values* is printable text, not empty, without leading or trailing spaces."""
    return (
        _strs(values)
        and all(values)
        and list(map(str.strip, values)) == values  # (strip returns a str itself when it has nothing to strip)
        and _safe(values)
    )


def _codes(values: list[Any]) -> bool:
    """Whether each of *values* is three ASCII capitals."""
    joined = "".join(values) if _strs(values) else ""
    return set(map(len, values)) <= {3} and (not joined or (joined.isascii() and joined.isalpha() and joined.isupper()))


def _ids_column(values: list[Any]) -> bool:
    flat = _flat(values)
    return flat is not None and _ids(flat) and _distinct(values)


def _codes_column(values: list[Any]) -> bool:
    flat = _flat(values)
    return flat is not None and _codes(flat) and _distinct(values)


def _texts_column(values: list[Any]) -> bool:
    flat = _flat(values)
    return flat is not None and _texts(flat)


_CITATION: Final = operator.attrgetter(*(field.name for field in attrs.fields(Citation)))
_DOUBT: Final = operator.attrgetter(*(field.name for field in attrs.fields(Doubt)))


def _citations(values: list[Any]) -> bool:
    flat = _flat(values)
    return flat is not None and all(values) and set(map(type, flat)) <= {Citation} and _distinct(values, _CITATION)


def _doubts(values: list[Any]) -> bool:
    flat = _flat(values)
    return flat is not None and set(map(type, flat)) <= {Doubt} and _distinct(values, _DOUBT)


def _paragraphs(values: list[Any]) -> bool:
    flat = _flat(values)
    return (
        flat is not None
        and all(values)
        and set(map(type, flat)) <= {int}
        and (not flat or min(flat) >= 1)
        and _distinct(values)
    )


def _doubt_texts(values: list[Any]) -> bool:
    return (
        _strs(values)
        and all(values)
        and list(map(str.strip, values)) == values
        and max(map(len, values), default=0) <= doubt.DOUBT_LIMIT
    )


def _quotes(values: list[Any]) -> bool:
    present = _present(values)
    return (
        _strs(present)
        and all(map(str.strip, present))
        and max(map(len, present), default=0) <= citation.QUOTE_LIMIT
        and _safe(present)
    )


def _notes(values: list[Any]) -> bool:
    present = _present(values)
    return _strs(present) and _safe(present)


def _non_empty_strs(values: list[Any]) -> bool:
    return _strs(values) and all(values)


def _positive_ints(values: list[Any]) -> bool:
    return set(map(type, values)) <= {int} and (not values or min(values) >= 1)


_KNOWN: Final[dict[object, Callable[[list[Any]], bool]]] = {
    ids.check_id: _ids,
    base.check_optional_id: lambda values: _ids(_present(values)),
    ids.check_ids: _ids_column,
    base.check_text: _texts,
    base.check_optional_text: lambda values: _texts(_present(values)),
    base.check_texts: _texts_column,
    base.check_country: lambda values: _codes(_present(values)),
    base.check_countries: _codes_column,
    base.check_citations: _citations,
    base.check_doubts: _doubts,
    doubt.check_paragraphs: _paragraphs,
    doubt.check_doubt_text: _doubt_texts,
    citation.check_quote: _quotes,
    citation.check_note: _notes,
}
_KINDS_OF: Final[dict[type, Callable[[Any], Callable[[list[Any]], bool] | None]]] = {
    type(validators.non_empty_str()): lambda _: _non_empty_strs,
    type(validators.positive_int()): lambda _: _positive_ints,
}


def _in(validator: Any) -> Callable[[list[Any]], bool]:
    options = validator.options

    def accepts(values: list[Any]) -> bool:
        try:
            return all(map(options.__contains__, values))
        except TypeError:  # an unhashable value: the validator says so
            return False

    return accepts


def _instance_of(validator: Any) -> Callable[[list[Any]], bool]:
    kind = validator.type
    return lambda values: all(map(isinstance, values, itertools.repeat(kind)))


def _optional(validator: Any) -> Callable[[list[Any]], bool] | None:
    inner = _accepts(validator.validator)
    return None if inner is None else lambda values: inner(_present(values))


_KINDS_OF.update(
    {
        type(attrs.validators.in_(())): _in,
        type(attrs.validators.instance_of(int)): _instance_of,
        type(attrs.validators.optional(attrs.validators.instance_of(int))): _optional,
    }
)


def _accepts(validator: object) -> Callable[[list[Any]], bool] | None:
    """A test in C of a column that accepts only what *validator* accepts, if usnz knows one."""
    try:
        known = _KNOWN.get(validator)
    except TypeError:  # an unhashable validator
        known = None
    if known is not None:
        return known
    kind = _KINDS_OF.get(type(validator))
    return None if kind is None else kind(validator)


def _each(validator: Any) -> ColumnCheck:
    def check(objects: list[Any], attribute: attrs.Attribute[Any], values: list[Any]) -> None:
        called: map[None] = map(validator, objects, itertools.repeat(attribute), values)
        deque(called, maxlen=0)

    return check


def column_check(validator: Any) -> ColumnCheck:
    """Check a column of one field as *validator* checks each value (a quick test first, where usnz has one)."""
    each = _each(validator)
    accepts = _accepts(validator)
    if accepts is None:
        return each

    def check(objects: list[Any], attribute: attrs.Attribute[Any], values: list[Any]) -> None:
        if not accepts(values):
            each(objects, attribute, values)

    return check


def date_basis_check(objects: list[Any], attribute: attrs.Attribute[Any], values: list[Any], dated: list[bool]) -> None:
    """Check a column of ``date_basis`` as :func:`~usnz.model.base.check_date_basis` does (*dated*: :func:`dated`)."""
    if list(map(operator.is_not, values, itertools.repeat(None))) != dated or not all(
        map(base.DATE_BASES.__contains__, _present(values))
    ):
        _each(base.check_date_basis)(objects, attribute, values)


def dated(columns: list[list[Any]], count: int) -> list[bool]:
    """Whether each of *count* records carries a date or period in a field (*columns*: its fields' values)."""
    found: list[bool] = [False] * count
    for values in columns:
        if any(map(base.is_date_type, set(map(type, values)))):
            found = list(map(bool.__or__, found, map(base.is_date_type, map(type, values))))
    return found
