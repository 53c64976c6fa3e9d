"""People, and the positions (roles) the sources give them."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, ClassVar, Final

import attrs

from usnz.model.base import Record, check_country, check_optional_id, check_text, check_texts
from usnz.model.dates import Period
from usnz.model.facts import documented, fact

__all__ = ["OFFICES", "Person", "Role", "check_office"]

OFFICES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "ambassador": "an ambassador of one country to another",
        "assistant-secretary-of-state": "a US Assistant Secretary of State",
        "consul": "a consul: a country's representative in a foreign town, for its citizens and trade",
        "foreign-minister": "a foreign minister (New Zealand: Minister of Foreign Affairs)",
        "member-of-congress": "a member of the US Congress (a Congressman or Senator)",
        "president": "a head of state called President (United States)",
        "prime-minister": "a head of government called Prime Minister",
        "secretary-of-agriculture": "the US Secretary of Agriculture",
        "secretary-of-state": "the US Secretary of State (foreign minister)",
        "trade-representative": "the United States Trade Representative",
        "vice-president": "the US Vice President",
        "wto-director-general": "the head of the World Trade Organization (the text: 'Director of WTO')",
    }
)
"""The offices a :class:`Role` can name (``office=``), each slug with what it means."""


def check_office(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require a slug of :data:`OFFICES` (or ``None``)."""
    if value is not None and (not isinstance(value, str) or value not in OFFICES):
        msg = f"office must be one of usnz.OFFICES ({', '.join(OFFICES)}), got {value!r}"
        raise ValueError(msg)


@documented
@attrs.frozen(kw_only=True)
class Role:
    """A position a person held, as a source gives it."""

    title: str = fact(
        validator=check_text, search=True, doc="The position as the source words it (``Secretary of State``)."
    )
    office: str | None = fact(
        default=None,
        validator=check_office,
        doc=(
            "What the position is, as a slug of :data:`OFFICES` (``secretary-of-state``), where one fits; ``None`` "
            "otherwise (a nominee does not hold the office)."
        ),
    )
    country: str | None = fact(
        default=None, validator=check_country, country=True, doc="The country it was held for, if any (ISO alpha-3)."
    )
    organization: str | None = fact(
        default=None,
        validator=check_optional_id,
        refers=("organization",),
        involves=True,
        doc="Id of the organization it was held in, if it has a record.",
    )
    period: Period | None = fact(default=None, doc="When it was held, where a source gives it.")

    def __str__(self) -> str:
        """The title, with the country and period when known."""
        extra = ", ".join(str(x) for x in (self.country, self.period) if x is not None)
        return f"{self.title} ({extra})" if extra else self.title


@documented
@attrs.frozen(kw_only=True)
class Person(Record):
    """A named person and every role the sources give them."""

    record_kind: ClassVar[str] = "person"

    name: str = fact(validator=check_text, label=True, search=True, doc="The full name as usually written.")
    summary: str = fact(validator=check_text, search=True, doc="Who they are in this story, in our own words.")
    aliases: tuple[str, ...] = fact(
        default=(), validator=check_texts, search=True, doc="Other forms of the name in the sources (``Mr Key``)."
    )
    country: str | None = fact(
        default=None,
        validator=check_country,
        country=True,
        doc="The person's country, where the sources make it clear.",
    )
    roles: tuple[Role, ...] = fact(default=(), doc="Each position a source gives them.")
