"""Force contributions: what a country sent to a conflict, and what it cost."""

from __future__ import annotations

import typing
from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar, Literal

import attrs

from usnz.model.amounts import Quantity
from usnz.model.base import Record, check_country, check_id, check_optional_id, check_optional_text, check_text
from usnz.model.dates import Period
from usnz.model.errors import ArgumentValueError
from usnz.model.facts import documented, fact, methods_on_first_use
from usnz.model.validators import instance_of, one_of

__all__ = ["Branch", "ForceContribution"]

Branch = Literal["army", "navy", "air-force", "special-forces", "tri-service", "multiple"]
"""A service branch."""


@documented
@attrs.frozen(kw_only=True)
@methods_on_first_use
class ForceContribution(Record):
    """What a country sent to a conflict, and what it cost."""

    record_kind: ClassVar[str] = "force-contribution"
    cross_check: ClassVar[str | None] = (
        "combat_stated false with no combat; casualty figures of its own beside casualties_in, or casualties_in "
        "naming the record itself"
    )
    table_fields: ClassVar[tuple[str, ...]] = (
        "about",
        "personnel",
        "combat",
        "period",
        "served",
        "killed",
        "country",
        "ships",
        "aircraft",
        "wounded",
        "captured",
        "conflict",
    )
    table_needed: ClassVar[tuple[str, ...]] = ("combat",)

    conflict: str = fact(
        validator=check_id,
        refers=("conflict",),
        involves=True,
        filter="conflict",
        within=True,
        doc="Id of the :class:`Conflict`.",
    )
    country: str = fact(validator=check_country, country=True, doc="The contributing country (ISO alpha-3).")
    summary: str = fact(
        validator=check_text, label=2, search=True, doc="What was sent and what it did, in our own words."
    )
    unit: str | None = fact(
        default=None,
        validator=check_optional_text,
        label=1,
        search=True,
        doc="The unit's name as the source gives it (``K-FORCE``).",
    )
    organization: str | None = fact(
        default=None,
        validator=check_optional_id,
        refers=("organization",),
        involves=True,
        doc="Id of the unit's :class:`Organization` record, if it has one.",
    )
    branch: Branch | None = fact(
        default=None,
        validator=attrs.validators.optional(one_of(typing.get_args(Branch))),
        doc="Service branch.",
    )
    role: str | None = fact(
        default=None,
        validator=check_optional_text,
        search=True,
        doc="Its role (combat, engineering, medical, training...).",
    )
    combat: bool | None = fact(
        default=None,
        validator=attrs.validators.optional(instance_of(bool)),
        filter="combat",
        doc=(
            "``True`` when the source says it fought, ``False`` when it says it was support only, ``None`` when the "
            "source does not say."
        ),
    )
    combat_stated: bool = fact(
        default=True,
        validator=instance_of(bool),
        doc=(
            "``False`` when ``combat`` is read from what the text says the force was or did (a training team, "
            "liaison officers, transport aircraft), not stated in words such as 'fought', 'combat role' or "
            "'support': the notes say how. As ``Money.currency_stated`` does for a currency; faces mark such a "
            "value ``*``."
        ),
    )
    personnel: Quantity | None = fact(default=None, doc="How many people: the force's strength as the source gives it.")
    total_served: Quantity | None = fact(
        default=None,
        doc=(
            "How many people served in it over the whole deployment, where the source gives a total across rotations "
            "(K-FORCE: 1044 strong, 3,794 in all)."
        ),
    )
    ships: Quantity | None = fact(default=None, doc="How many ships.")
    aircraft: Quantity | None = fact(default=None, doc="How many aircraft.")
    period: Period | None = fact(default=None, date=True, doc="When it served.")
    location: str | None = fact(default=None, validator=check_optional_text, search=True, doc="Where it served.")
    killed: Quantity | None = fact(
        default=None, terms=("casualties", "killed", "deaths", "dead", "fatalities"), doc="Killed in action."
    )
    wounded: Quantity | None = fact(default=None, terms=("casualties", "wounded", "injured"), doc="Wounded.")
    captured: Quantity | None = fact(
        default=None, terms=("casualties", "captured", "prisoners", "prisoner"), doc="Taken prisoner."
    )
    casualties_in: str | None = fact(
        default=None,
        validator=check_optional_id,
        refers=("force-contribution",),
        doc=(
            "Id of the force contribution whose casualty figures (killed, wounded, captured) are read as including "
            "this one's, where the text gives one figure for both: this record then states none of its own, and "
            "``total()`` counts it within that figure (rnzn-korea within k-force-korea)."
        ),
    )

    counted_in: ClassVar[Mapping[str, str]] = MappingProxyType(
        {"killed": "casualties_in", "wounded": "casualties_in", "captured": "casualties_in"}
    )
    """For each field ``total()`` adds up, the field naming the record whose figure includes this one's."""

    def __attrs_post_init__(self) -> None:
        """Refuse a reading of ``combat`` with no value, and casualty figures of its own where another counts them."""
        if not self.combat_stated and self.combat is None:
            msg = (
                "combat_stated=False says combat is read from the texts, yet combat is None (not stated, no reading): "
                "give the reading (combat=True or False, the notes saying how) or leave combat_stated out"
            )
            raise ArgumentValueError(msg)
        if self.casualties_in is None:
            return
        own = [name for name in ("killed", "wounded", "captured") if getattr(self, name) is not None]
        if own:
            msg = (
                f"casualties_in={self.casualties_in!r} says this record's casualties are counted in that record's "
                f"figures, yet it states its own: {', '.join(own)}; give one or the other"
            )
            raise ArgumentValueError(msg)
        if self.casualties_in == self.id:
            msg = f"casualties_in names the record itself ({self.id!r}); name another force contribution"
            raise ArgumentValueError(msg)
