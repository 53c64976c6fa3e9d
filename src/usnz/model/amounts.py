"""Amounts: counts and measures as a source states them (:class:`Quantity`), and money."""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Any, ClassVar, Final, Literal, Union

import attrs

from usnz.model.columnwise import present
from usnz.model.errors import ArgumentValueError, shown
from usnz.model.facts import accepting, batched, documented, fact, methods_on_first_use
from usnz.model.validators import instance_of, non_empty_str, one_of, refuse_beyond, within_bounds

__all__ = [
    "AMOUNT",
    "AMOUNT_PLACES",
    "AMOUNT_WRITTEN",
    "CURRENCIES",
    "MAX_AMOUNT_DIGITS",
    "MEASURES",
    "Money",
    "Number",
    "Quantity",
    "check_amount",
    "check_currency",
    "figure_text",
    "is_change",
    "is_measure",
    "numbered",
    "parse_amount",
    "unit_text",
]

Number = Union[int, float]  # noqa: UP007 - a runtime alias cattrs reads


def _all_numbers(values: list[Any]) -> bool:
    """Whether each of *values* is ``None``, an ``int`` or a finite ``float`` (not a subclass of either)."""
    numbers = present(values)
    kinds = set(map(type, numbers))
    floats = [number for number in numbers if type(number) is float] if float in kinds else []
    ints = [number for number in numbers if type(number) is int] if int in kinds else []
    return kinds <= {int, float} and all(map(math.isfinite, floats)) and all(map(within_bounds, ints))


@batched(_all_numbers)
def _check_number(instance: object, attribute: attrs.Attribute[Any], value: Number | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:  # noqa: PLR0124 - NaN check
        msg = f"{attribute.name} must be a number or None, got {shown(value)}"
        raise ArgumentValueError(msg)
    if isinstance(value, float) and value in {float("inf"), float("-inf")}:
        msg = f"{attribute.name} must be a finite number, got {value!r}"
        raise ArgumentValueError(msg)
    if isinstance(value, int) and not within_bounds(value):
        refuse_beyond(attribute.name, value)


@documented
@attrs.frozen(kw_only=True)
@methods_on_first_use
class Quantity:
    """A count or measure as a source states it, with its uncertainty.

    Follows the best/low/high convention of conflict datasets (UCDP, COW): ``best``
    is the figure the source gives, ``low``/``high`` the bounds it states. "at least
    6" is ``low=6``; "more than 400,000" is ``low=400000, exclusive=True``; "between 40
    and 65" is ``low=40, high=65``; "about 25 percent" is ``best=25, approximate=True``.

    >>> Quantity(unit="soldiers", low=40, high=65)
    Quantity(unit='soldiers', best=None, low=40, high=65, approximate=False, exclusive=False)
    >>> Quantity(unit="personnel", best=10, low=20)
    Traceback (most recent call last):
    ...
    usnz.ArgumentValueError: a quantity needs low <= best <= high, got low=20, best=10, high=None
    """

    cross_check: ClassVar[str] = (
        "low <= best <= high; a count of things (personnel, ships...) takes whole numbers only, decimals being for "
        "measures (percent, miles, years...); no figure below 0 unless the unit is a change"
    )
    """What usnz.load checks across its fields, in words (what a schema of each field alone cannot say)."""

    unit: str = fact(
        validator=non_empty_str(),
        doc=(
            "What is counted or measured, in the plural (``ships``, ``years``) or a word the same for one and several"
            " (``personnel``, ``percent``); in the singular, what a number numbers (``year`` 2010, ``edition`` 92)."
        ),
    )
    best: Number | None = fact(
        default=None, validator=_check_number, doc="The stated figure, or ``None`` when only bounds are given."
    )
    low: Number | None = fact(default=None, validator=_check_number, doc="The stated lower bound, if any.")
    high: Number | None = fact(default=None, validator=_check_number, doc="The stated upper bound, if any.")
    approximate: bool = fact(
        default=False,
        validator=instance_of(bool),
        doc='``True`` when the source says "about", "some" or similar.',
    )
    exclusive: bool = fact(
        default=False,
        validator=instance_of(bool),
        doc=(
            '``True`` when the stated bounds leave their figures out: "more than 400,000" (``low``), "fewer '
            'than 10" (``high``); ``False`` for "at least", "at most" and "between".'
        ),
    )

    def __attrs_post_init__(self) -> None:
        """Require a figure, low <= best <= high among those given, and figures the unit can take.

        A count (``personnel``, ``ships``...) takes whole numbers (``int``) only; a measure (see
        :func:`is_measure`) takes decimals too. No figure is negative unless the unit is a change
        (see :func:`is_change`).
        """
        given = [v for v in (self.low, self.best, self.high) if v is not None]
        if not given:
            msg = "a quantity needs at least one of best, low or high"
            raise ArgumentValueError(msg)
        if given != sorted(given):
            msg = f"a quantity needs low <= best <= high, got low={self.low}, best={self.best}, high={self.high}"
            raise ArgumentValueError(msg)
        if self.exclusive and self.low is None and self.high is None:
            msg = f"exclusive=True says the bounds leave their figures out, but only best={self.best!r} is given"
            raise ArgumentValueError(msg)
        if given[0] < 0 and not is_change(self.unit):
            name, value = next((n, v) for n, v in self._figures() if v is not None and v < 0)
            msg = (
                f"a quantity of {self.unit!r} is at least 0, got {name}={value!r}; only a change may be negative "
                f"(a unit such as 'percent change', 'change in personnel' or 'percentage points')"
            )
            raise ArgumentValueError(msg)
        if float in set(map(type, given)) and not is_measure(self.unit):
            name, value = next((n, v) for n, v in self._figures() if type(v) is float)
            msg = (
                f"a count of {self.unit!r} takes whole numbers (an int such as {int(value)}), got {name}={value!r}; "
                f"decimals are for measures ({', '.join(_MEASURE_EXAMPLES)}...)"
            )
            raise ArgumentValueError(msg)

    def _figures(self) -> tuple[tuple[str, Number | None], ...]:
        """Each figure by its name: best, low, high."""
        return (("best", self.best), ("low", self.low), ("high", self.high))

    def __str__(self) -> str:
        """Read aloud: ``122 personnel``, ``40-65 soldiers``, ``about 25 percent``, ``1 year``, ``year 2010``.

        The unit is read as :func:`unit_text` says: singular for the one figure 1, and a
        unit in the singular for other figures names a numbered thing, read before its
        number, which has no thousands separator (``year 2010``, ``edition 92``).
        """
        figure = figure_text(self)
        if numbered(self):
            lead = next((lead for lead in _LEADS if figure.startswith(lead)), "")
            return f"{lead}{self.unit} {figure.removeprefix(lead)}"
        return f"{figure} {unit_text(self.unit, one=_one(self))}"


MEASURES: Final = frozenset(
    {
        "percent",
        "per cent",
        "percentage points",
        "miles",
        "km",
        "kilometres",
        "kilometers",
        "metres",
        "meters",
        "feet",
        "kg",
        "kilograms",
        "tonnes",
        "tons",
        "hectares",
        "acres",
        "litres",
        "liters",
        "barrels",
        "degrees",
        "seconds",
        "minutes",
        "hours",
        "days",
        "weeks",
        "months",
        "years",
        "decades",
    }
)
"""Units of measure, which take decimals (``0.5`` percent, ``1.5`` years): as written, as a unit's head word
(``square miles``, ``tonnes per year``) or its first words (``percent change``), and any rate (``... per ...``).
Every other unit counts things, in whole numbers."""
_MEASURE_EXAMPLES: Final = ("percent", "miles", "km", "tonnes", "days", "years")
_CHANGE: Final = re.compile(r"\b(?:change|percentage points)\b", re.IGNORECASE)


def is_measure(unit: str) -> bool:
    """Whether *unit* is a measure, taking decimals (see :data:`MEASURES`), not a count of things.

    >>> is_measure("percent"), is_measure("tonnes per year"), is_measure("percent change"), is_measure("ships")
    (True, True, True, False)
    """
    folded = unit.lower()
    return (
        folded in MEASURES
        or _head(unit).lower() in MEASURES
        or " per " in folded
        or folded.startswith(tuple(f"{measure} " for measure in MEASURES))  # ``percent change``
    )


def is_change(unit: str) -> bool:
    """Whether *unit* is a change, whose figures may be negative: it says ``change`` or ``percentage points``.

    >>> is_change("percent change"), is_change("change in personnel"), is_change("percent")
    (True, True, False)
    """
    return _CHANGE.search(unit) is not None


_LEADS: Final = ("about ", "at least ", "at most ", "more than ", "less than ")


def _one(quantity: Quantity) -> bool:
    """Whether a quantity reads as the one figure 1 (``1``, ``about 1``, ``at least 1``): its unit is then singular."""
    given = [v for v in (quantity.low, quantity.best, quantity.high) if v is not None]
    return len(given) == 1 and type(given[0]) is int and given[0] == 1


def figure_text(quantity: Quantity) -> str:
    """A quantity's figure without its unit: ``1,044``, ``40-65``, ``at least 400,000``, ``about 25``.

    The figure of a numbered thing (see :func:`numbered`) has no thousands separator: ``2010``.

    >>> figure_text(Quantity(unit="year", best=2010)), figure_text(Quantity(unit="ships", low=6))
    ('2010', 'at least 6')
    >>> figure_text(Quantity(unit="personnel", low=400000, exclusive=True))
    'more than 400,000'
    >>> figure_text(Quantity(unit="ships", high=9, exclusive=True))
    'less than 9'
    >>> figure_text(Quantity(unit="ships", low=1, high=9, exclusive=True))
    'more than 1 and less than 9'
    """
    spec = "" if numbered(quantity) else ","
    about = "about " if quantity.approximate else ""
    if quantity.best is not None:
        figure = format(quantity.best, spec)
    elif quantity.low is not None and quantity.high is not None:
        figure = f"{quantity.low:{spec}}-{quantity.high:{spec}}"
        if quantity.exclusive:
            figure = f"more than {quantity.low:{spec}} and less than {quantity.high:{spec}}"
    elif quantity.low is not None:
        figure = f"{'more than' if quantity.exclusive else 'at least'} {quantity.low:{spec}}"
    else:
        figure = f"{'less than' if quantity.exclusive else 'at most'} {quantity.high:{spec}}"
    return f"{about}{figure}"


def numbered(quantity: Quantity) -> bool:
    """Whether a quantity is the number of a thing (the year 2010, the 92nd edition), not a count of things.

    So the data writes it: its unit a word in the singular (``year``, ``edition``) with a figure
    other than 1. A count's unit is in the plural (``ships``, ``years``), or reads the same for one
    and several (``personnel``, ``percent``, ``aircraft``, ``km``).

    >>> numbered(Quantity(unit="year", best=2010)), numbered(Quantity(unit="years", best=11))
    (True, False)
    """
    head = _head(quantity.unit)
    return (
        not _one(quantity)
        and head.isalpha()
        and head == _singular_word(head)
        and not _same_for_all(quantity.unit)
        and not is_change(quantity.unit)  # ``-2.5 percent change``: a figure of change, not the number of one
    )


_SAME: Final = frozenset(
    {
        "aircraft",
        "cattle",
        "crew",
        "deer",
        "fish",
        "hovercraft",
        "per cent",
        "percent",
        "personnel",
        "police",
        "series",
        "sheep",
        "spacecraft",
        "species",
        "staff",
        "watercraft",
    }
)
"""Units that read the same for one and several (``1 percent``, ``2 percent``)."""

_IRREGULAR: Final = {"people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot"}
"""Plural units whose singular is not the plural without its ending."""
_ONE_OF: Final = {"personnel": "person"}
"""Collective units, with no singular of their own, and how one of them reads: ``1 person``, not ``1 personnel``."""


_PARTS: Final = re.compile(r"(.*?)(\S+)(\s+(?:per|of)\s.*|\s*)", re.DOTALL)
"""A unit as (what comes before its head word, the head word, what follows: ``per year``, ``of oil``)."""


def _head(unit: str) -> str:
    """The word of a unit that one and several change: its last before ``per`` or ``of`` (``tonnes`` per year)."""
    parts = _PARTS.fullmatch(unit)
    return parts[2] if parts is not None else unit


def _same_for_all(unit: str) -> bool:
    """Whether a unit reads the same for one and several: a word of :data:`_SAME`, or short (``km``, ``USD``)."""
    head = _head(unit)
    folded = head.lower()
    return (
        unit.lower() in _SAME
        or folded in _SAME
        or len(head) <= 2  # ``m``, ``kg``, ``ha``
        or head.isupper()
        or not any(letter in "aeiouy" for letter in folded)
    )


def _singular_word(word: str) -> str:
    """The singular of an English plural noun (``countries``: ``country``); a word not in the plural as it is."""
    lower = word.lower()
    if lower in _IRREGULAR:
        return word[: len(word) - len(lower)] + _IRREGULAR[lower]
    if lower.endswith("ies") and len(lower) > 4:  # ``countries``, not ``ties``
        return word[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def unit_text(unit: str, *, one: bool) -> str:
    """A count's unit as it reads after its figure: singular for the one figure 1, else as written (the plural).

    >>> unit_text("years", one=True), unit_text("countries", one=True), unit_text("listening posts", one=True)
    ('year', 'country', 'listening post')
    >>> unit_text("percent", one=True), unit_text("tonnes per year", one=True), unit_text("years", one=False)
    ('percent', 'tonne per year', 'years')
    >>> unit_text("personnel", one=True), unit_text("personnel", one=False)
    ('person', 'personnel')
    """
    if one and unit in _ONE_OF:
        return _ONE_OF[unit]
    parts = _PARTS.fullmatch(unit)
    if not one or parts is None or _same_for_all(unit):
        return unit
    return f"{parts[1]}{_singular_word(parts[2])}{parts[3]}"


CURRENCIES = frozenset({"AUD", "CAD", "EUR", "GBP", "NZD", "USD"})
AMOUNT: Final = r"[0-9]+(?:\.[0-9]+)?"
"""How a money amount is written in the data: digits, with an optional decimal part."""
_AMOUNT: Final = re.compile(AMOUNT, re.ASCII)
MAX_AMOUNT_DIGITS: Final = 26
"""Most digits a money amount may have before its decimal point (leading zeros aside): it is below 10^26."""
AMOUNT_PLACES: Final = 12
"""Most decimal places a money amount may have, as written (``1.50`` has 2).

With :data:`MAX_AMOUNT_DIGITS`, every amount fits a Parquet/Arrow ``decimal128(38, 12)`` exactly,
and so a DuckDB or Arrow ``DECIMAL(38, 12)`` (38 digits, the most those types hold)."""
AMOUNT_WRITTEN: Final = rf"0*[0-9]{{1,{MAX_AMOUNT_DIGITS}}}(?:\.[0-9]{{1,{AMOUNT_PLACES}}})?"
""":data:`AMOUNT` within the bounds: what the JSON Schema of a money amount allows."""


def check_amount(value: object, name: str = "amount") -> None:
    """Refuse *value* unless it is a finite, non-negative ``Decimal`` within the bounds an amount is kept exactly in.

    Below 10^:data:`MAX_AMOUNT_DIGITS`, with at most :data:`AMOUNT_PLACES` decimal places (as written):
    the constructor of :class:`Money` and ``usnz.load`` apply the same bounds.

    >>> check_amount(Decimal("1e400"))
    Traceback (most recent call last):
    ...
    usnz.ArgumentValueError: amount must be below 10^26 (at most 26 digits before the decimal point), got ...
    """
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        msg = f"{name} must be a finite, non-negative Decimal, got {shown(value)}"
        raise ArgumentValueError(msg)
    if value.adjusted() >= MAX_AMOUNT_DIGITS:
        msg = (
            f"{name} must be below 10^{MAX_AMOUNT_DIGITS} (at most {MAX_AMOUNT_DIGITS} digits before the decimal "
            f"point), got {shown(value)}; usnz keeps every amount exactly (Parquet and frames included), so it "
            f"holds amounts only within these bounds: give the amount in a larger unit or leave it out"
        )
        raise ArgumentValueError(msg)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -AMOUNT_PLACES:
        msg = (
            f"{name} may have at most {AMOUNT_PLACES} decimal places, got {-exponent} in {shown(value)}; usnz keeps "
            f"every amount exactly (Parquet and frames included), so it holds amounts only within these bounds: "
            f"round it as the source states it, or leave out its trailing zeros"
        )
        raise ArgumentValueError(msg)


def parse_amount(text: str) -> Decimal:
    """Read a money amount as the data writes it: ``"347500"``, ``"1.5"`` (nothing else).

    >>> parse_amount("347500")
    Decimal('347500')

    Raises:
        ValueError: for anything but digits with an optional decimal part (``"1_000"``,
            ``" 100 "``, ``"-0"``, ``"1e3"`` are all refused), and for an amount beyond the bounds
            :func:`check_amount` sets.
    """
    if type(text) is not str or _AMOUNT.fullmatch(text) is None:
        msg = f"expected an amount as a decimal string of digits such as '2000000' or '1.5', got {shown(text)}"
        raise ArgumentValueError(msg)
    amount = Decimal(text)
    check_amount(amount)
    return amount


@accepting(sorted(CURRENCIES))
def check_currency(instance: Money, attribute: attrs.Attribute[Any], value: str) -> None:
    """Require a currency code usnz knows."""
    if value not in CURRENCIES:
        msg = f"currency must be an ISO 4217 code usnz knows ({', '.join(sorted(CURRENCIES))}), got {value!r}"
        raise ArgumentValueError(msg)


def _check_amount(instance: Money, attribute: attrs.Attribute[Any], value: Decimal) -> None:
    check_amount(value, attribute.name)


@documented
@attrs.frozen(kw_only=True)
@methods_on_first_use
class Money:
    """An amount of money in an ISO 4217 currency, one-off or recurring.

    >>> str(Money(amount=Decimal("347500"), currency="USD", per="year"))
    'USD 347,500 per year'
    """

    amount: Decimal = fact(validator=_check_amount, doc="The amount, exactly as stated (``Decimal``).")
    currency: str = fact(validator=check_currency, doc="ISO 4217 code, e.g. ``USD``, ``NZD``.")
    per: Literal["year"] | None = fact(
        default=None,
        validator=one_of((None, "year")),
        doc='``"year"`` for an annual amount (recurring), ``None`` for one-off.',
    )
    approximate: bool = fact(
        default=False,
        validator=instance_of(bool),
        doc='``True`` when the source says "about" or gives an average.',
    )
    currency_stated: bool = fact(
        default=True,
        validator=instance_of(bool),
        doc=(
            '``False`` when the source writes only "$" and the currency is read from context (the record\'s notes say'
            " how)."
        ),
    )

    @property
    def recurring(self) -> bool:
        """Whether the amount repeats (``per`` is set)."""
        return self.per is not None

    def __str__(self) -> str:
        """Read aloud: ``USD 2,000,000`` or ``USD 347,500 per year``."""
        about = "about " if self.approximate else ""
        text = f"{about}{self.currency} {self.amount:,}"
        return f"{text} per {self.per}" if self.per else text
