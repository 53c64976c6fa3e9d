"""Record ids: the check every id field (and every list of ids) validates with."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import attrs

__all__ = ["check_id", "check_ids"]

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)


def check_id(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require a kebab-case id."""
    if not isinstance(value, str) or _ID.fullmatch(value) is None:
        msg = f"{attribute.name} must be a kebab-case id (lowercase letters, digits, single hyphens), got {value!r}"
        raise ValueError(msg)


def check_ids(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """Require a tuple of kebab-case ids, none twice."""
    for item in value:
        check_id(instance, attribute, item)
    if len(set(value)) != len(value):
        msg = f"{attribute.name} lists an id twice: {value!r}"
        raise ValueError(msg)
