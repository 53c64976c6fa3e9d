"""Record ids: the check every id field (and every list of ids) validates with."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from usnz.model.columnwise import items, strs
from usnz.model.errors import ArgumentTypeError, ArgumentValueError, shown, type_and_value
from usnz.model.facts import batched, requiring
from usnz.model.validators import require_tuple

if TYPE_CHECKING:
    import attrs

__all__ = ["ID_PATTERN", "all_ids", "check_id", "check_ids"]

ID_PATTERN: Final = r"[a-z0-9]+(?:-[a-z0-9]+)*"
"""A record id, as a regular expression (kebab-case ASCII): the one pattern ids are checked and described by."""
_ID = re.compile(ID_PATTERN, re.ASCII)
_ID_CHARACTERS: Final = b"abcdefghijklmnopqrstuvwxyz0123456789-"
_NEWLINE_AS_HYPHEN: Final = bytes.maketrans(b"\n", b"-")


def all_ids(values: list[Any]) -> bool:
    """Whether each of *values* is a kebab-case id (``[a-z0-9]+(?:-[a-z0-9]+)*``, ASCII), asked of them joined."""
    if not values:
        return True
    if not strs(values):
        return False
    joined = "\n".join(values)
    if not joined.isascii():
        return False
    text = b"\n" + joined.encode() + b"\n"
    # no other character, no newline in an id; and no empty id, no hyphen at either end, none doubled:
    # none of "\n\n", "\n-", "-\n" and "--", each a "--" once a newline is a hyphen (one search, not four)
    return text.translate(None, _ID_CHARACTERS) == b"\n" * (len(values) + 1) and b"--" not in text.translate(
        _NEWLINE_AS_HYPHEN
    )


@batched(all_ids)
@requiring({"type": "string", "pattern": f"^{ID_PATTERN}$"})
def check_id(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require a kebab-case id (a value of another type than ``str`` is an ArgumentTypeError)."""
    if not isinstance(value, str) or _ID.fullmatch(value) is None:
        if not isinstance(value, str):
            msg = (
                f"{attribute.name} must be a kebab-case id, a str (lowercase letters, digits, single hyphens), "
                f"got {type_and_value(value)}"
            )
            raise ArgumentTypeError(msg)
        msg = (
            f"{attribute.name} must be a kebab-case id (lowercase letters, digits, single hyphens), got {shown(value)}"
        )
        raise ArgumentValueError(msg)


@batched(items(all_ids, unique=True))
@requiring({"items": {"type": "string", "pattern": f"^{ID_PATTERN}$"}, "uniqueItems": True})
def check_ids(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """Require a tuple of kebab-case ids, none twice."""
    if type(value) is tuple and not value:  # the common case: none given
        return
    require_tuple(attribute, value)
    for item in value:
        if type(item) is not str or _ID.fullmatch(item) is None:
            check_id(instance, attribute, item)
    if len(value) != 1 and len(set(value)) != len(value):
        msg = f"{attribute.name} lists an id twice: {shown(value)}"
        raise ArgumentValueError(msg)
