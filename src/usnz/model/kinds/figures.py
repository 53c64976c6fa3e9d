"""Figures: any other stated number."""

from __future__ import annotations

from typing import ClassVar

import attrs

from usnz.model.amounts import Money, Quantity
from usnz.model.base import Record, check_countries, check_ids, check_text
from usnz.model.dates import PartialDate
from usnz.model.errors import ArgumentValueError
from usnz.model.facts import documented, fact, methods_on_first_use

__all__ = ["Figure"]


@documented
@attrs.frozen(kw_only=True)
@methods_on_first_use
class Figure(Record):
    """Any other stated number: a count, share, projection, prize, span of years."""

    record_kind: ClassVar[str] = "figure"
    cross_check: ClassVar[str | None] = "exactly one of quantity and money"
    table_fields: ClassVar[tuple[str, ...]] = ("measure", "value", "date")

    measure: str = fact(
        validator=check_text, label=True, search=True, doc="What the number measures, in our own words."
    )
    quantity: Quantity | None = fact(default=None, doc="The number as a :class:`Quantity`, unless it is money.")
    money: Money | None = fact(default=None, doc="The amount as :class:`Money`, when it is money.")
    date: PartialDate | None = fact(default=None, date=True, doc="The date the number refers to, if any.")
    subjects: tuple[str, ...] = fact(
        default=(), validator=check_ids, refers=("any",), involves=True, doc="Ids of records the number is about."
    )
    countries: tuple[str, ...] = fact(
        default=(), validator=check_countries, country=True, doc="Countries the number is about (ISO alpha-3)."
    )

    def __attrs_post_init__(self) -> None:
        """Require exactly one of quantity and money."""
        if (self.quantity is None) == (self.money is None):
            msg = "a figure needs exactly one of quantity and money"
            raise ArgumentValueError(msg)
