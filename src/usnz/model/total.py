"""What a sum over records returns: :class:`Total`, which keeps what is unknown unknown."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Context, Decimal, localcontext
from typing import Any, Final

import attrs

from usnz.model.amounts import AMOUNT_PLACES, MAX_AMOUNT_DIGITS, Money, Number, unit_text
from usnz.model.errors import ArgumentTypeError, shown
from usnz.model.facts import methods_on_first_use

__all__ = ["Total", "money_total"]


def _check_ids_tuple(instance: Total, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not isinstance(value, tuple) or not all(isinstance(item, str) for item in value):
        msg = f"{attribute.name} must be a tuple of record ids, got {shown(value)}"
        raise ArgumentTypeError(msg)


def _check_groups(instance: Total, attribute: attrs.Attribute[Any], value: tuple[tuple[str, ...], ...]) -> None:
    if not isinstance(value, tuple) or not all(
        isinstance(group, tuple) and all(isinstance(item, str) for item in group) for group in value
    ):
        msg = f"{attribute.name} must be a tuple of tuples of record ids, got {shown(value)}"
        raise ArgumentTypeError(msg)


def _check_pairs(instance: Total, attribute: attrs.Attribute[Any], value: tuple[tuple[str, str], ...]) -> None:
    if not isinstance(value, tuple) or not all(
        isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(item, str) for item in pair) for pair in value
    ):
        msg = f"{attribute.name} must be a tuple of (record id, record id) pairs, got {shown(value)}"
        raise ArgumentTypeError(msg)


@attrs.frozen(kw_only=True)
@methods_on_first_use
class Total:
    """What :meth:`Records.total` returns: a sum that keeps what is unknown unknown.

    ``low`` is what the stated values add up to at least; ``best`` and ``high`` are ``None``
    (never 0) as soon as one record, or one group of disputing records, states no value
    (its id is then in ``unknown``) or gives no figure or no upper bound. A sum of money
    (``money``) is a ``Decimal`` in the currency ``unit``; amounts that cannot be added to it
    (another currency, a currency the text does not state, a yearly amount for a number of
    years no text gives) are named in ``excluded``, and ``explanation`` says why.

    Attributes:
        best: The sum of the stated figures, when every record states one.
        low: The sum of the lower bounds that are stated (``None`` when nothing is counted).
        high: The sum of the upper bounds, when every record states one.
        unit: The unit of every value counted (``None`` when nothing is counted).
        counted: Ids of the records whose value is in the sum.
        unknown: Ids of the records with no stated value.
        approximate: ``True`` when a counted value is approximate.
        money: ``True`` for a sum of money: ``unit`` is then its currency (ISO 4217).
        excluded: Ids of the records with a stated value that could not be added.
        explanation: Why ``excluded`` could not be added, naming the records (``None`` when nothing was excluded).
        open: Ids of the counted records whose figure is only a lower bound ("six frigates, several
            smaller craft": at least 6), which leave ``high`` unknown.
        disputed: Each group of records that dispute each other, counted once as one claim (their
            lowest low, their highest high, their best where they agree).
        within: Each (id, id of the record whose figure includes its own) of a record that states no
            figure because the data reads another record's as including it (``casualties_in``): when
            that record is counted, the first is neither counted again nor unknown; otherwise it is
            also in ``unknown``.
        caveat: What the sum is not, when it adds strengths (``personnel``: a force's strength at
            a time) whose known extents do not all overlap, or some of which are undated: not a
            strength at one time, nor everyone who served (``None`` otherwise).
        inapplicable: Ids of the records that hold the other kind of value, so the field does
            not apply to them: a figure that is a quantity, in a total of ``money`` (or money, in
            one of ``quantity``). Neither counted nor unknown: no amount is missing.
        inapplicable_note: What ``inapplicable`` holds, in words ("35 figures hold a quantity,
            not money"; ``None`` when it is empty).

    >>> total = Total(best=None, low=5094, high=None, unit="personnel",
    ...               counted=("k-force-korea", "rnzn-korea"), unknown=("nz-korea-liaison-officer",))
    >>> print(total)
    at least 5,094 personnel (2 records counted; not stated: nz-korea-liaison-officer)
    """

    best: Number | Decimal | None
    low: Number | Decimal | None
    high: Number | Decimal | None
    unit: str | None
    counted: tuple[str, ...] = attrs.field(default=(), validator=_check_ids_tuple)
    unknown: tuple[str, ...] = attrs.field(default=(), validator=_check_ids_tuple)
    approximate: bool = False
    money: bool = False
    excluded: tuple[str, ...] = attrs.field(default=(), validator=_check_ids_tuple)
    explanation: str | None = None
    open: tuple[str, ...] = attrs.field(default=(), validator=_check_ids_tuple)
    disputed: tuple[tuple[str, ...], ...] = attrs.field(default=(), validator=_check_groups)
    within: tuple[tuple[str, str], ...] = attrs.field(default=(), validator=_check_pairs)
    caveat: str | None = None
    inapplicable: tuple[str, ...] = attrs.field(default=(), validator=_check_ids_tuple)
    inapplicable_note: str | None = None

    def __str__(self) -> str:
        """Read aloud, saying what is not known."""
        if not self.counted:
            nothing = "nothing to add" if self.inapplicable and not self.unknown else "nothing stated"
            figure = "nothing added" if self.excluded else nothing
        else:
            about = "about " if self.approximate else ""
            if self.best is not None:
                figure = f"{about}{self.best:,}"
            elif self.low is not None and self.high is not None:
                figure = f"{about}{self.low:,}-{self.high:,}"
            elif self.low is not None:
                figure = f"at least {self.low:,}"
            else:
                figure = "an unknown number of"
            shown = self.best if self.best is not None else self.low if self.high is None else None
            unit = self.unit if self.money or self.unit is None else unit_text(self.unit, one=_is_one(shown))
            figure = _with_unit(figure, unit, money=self.money)
        counted = f"{len(self.counted)} record{'' if len(self.counted) == 1 else 's'} counted"
        inside = dict(self.within)
        unknown = (
            "; not stated: " + ", ".join(_unknown_text(rid, inside.get(rid)) for rid in self.unknown)
            if self.unknown
            else ""
        )
        unknown += _within_text(inside, set(self.unknown))
        unbounded = f"; no upper bound: {', '.join(self.open)}" if self.open else ""
        excluded = f"; not added: {self.explanation}" if self.explanation else ""
        claims = "; ".join(" and ".join(group) for group in self.disputed)
        disputed = f"; disputing, counted once as one claim: {claims}" if claims else ""
        caveat = f"; caution: {self.caveat}" if self.caveat else ""
        other = f"; not applicable: {self.inapplicable_note}" if self.inapplicable_note else ""
        return f"{figure} ({counted}{unknown}{unbounded}{excluded}{disputed}{other}){caveat}"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # noqa: ARG002 - IPython passes cycle
        """How IPython shows a total: as ``print()`` does, with its caveats."""
        printer.text(str(self))

    def _repr_html_(self) -> str:
        """How Jupyter shows a total: as ``print()`` does, with its caveats, escaped."""
        from html import escape  # noqa: PLC0415 - only in a notebook

        return f'<div class="usnz-total" style="text-align:left">{escape(str(self))}</div>'


def _unknown_text(rid: str, including: str | None) -> str:
    """An unknown record's id, with the record whose figure is read as including its own when that is not counted."""
    if including is None:
        return rid
    return f"{rid} (read as within {including}'s figure, which is not among these records)"


def _within_text(inside: dict[str, str], unknown: set[str]) -> str:
    """``; counted within k-force-korea's figure (a reading of the text): rnzn-korea``, for each counted one."""
    by_including: dict[str, list[str]] = {}
    for rid, including in inside.items():
        if rid not in unknown:
            by_including.setdefault(including, []).append(rid)
    return "".join(
        f"; counted within {including}'s figure (a reading of the text): {', '.join(rids)}"
        for including, rids in by_including.items()
    )


def _is_one(figure: object) -> bool:
    """Whether the one figure a total shows is the int 1 (its unit then reads in the singular: ``1 year``)."""
    return type(figure) is int and figure == 1


def _with_unit(figure: str, unit: str | None, *, money: bool) -> str:
    """``1,044 personnel``, or a currency's code before the amount: ``NZD 2,000,000``."""
    if not money:
        return f"{figure} {unit}"
    if figure == "an unknown number of":
        return f"an unknown amount of {unit}"
    for lead in ("about ", "at least "):
        if figure.startswith(lead):
            return f"{lead}{unit} {figure.removeprefix(lead)}"
    return f"{unit} {figure}"


def money_total(claims: Sequence[Sequence[Any]], field: str) -> Total:
    """Add up a :class:`Money` field of records grouped into claims (records that dispute each other).

    Money is added only when it is one-off and in one stated currency. Whatever cannot be
    added (a second currency, a currency the text leaves to context, a yearly amount for a
    number of years no text gives) makes ``best`` and ``high`` ``None`` and is named, with
    the reason, in ``excluded`` and ``explanation``; ``low`` adds up what can be added, when
    it is all in one currency. A claim of disputing records counts once: its lowest amount
    is the low, its highest the high, and its best only where they agree.
    """
    stated: list[tuple[str, Money]] = []
    unknown: list[str] = []
    groups: list[list[tuple[str, Money]]] = []
    for claim in claims:
        amounts = [(str(r.id), m) for r in claim if isinstance(m := getattr(r, field), Money)]
        if not amounts:
            unknown.extend(str(r.id) for r in claim)
            continue
        stated.extend(amounts)
        groups.append(amounts)
    currencies = dict.fromkeys(money.currency for _, money in stated)
    reasons: list[str] = []
    if len(currencies) > 1:
        listed = "; ".join(f"{code} ({', '.join(i for i, m in stated if m.currency == code)})" for code in currencies)
        reasons.append(f"amounts in different currencies: {listed}")
    assumed = [(i, m) for i, m in stated if not m.currency_stated]
    if assumed:
        listed = ", ".join(f"{i} (read as {m.currency})" for i, m in assumed)
        reasons.append(f"the currency is not stated in the text, only '$': {listed}")
    yearly = [(i, m) for i, m in stated if m.recurring]
    if yearly:
        listed = ", ".join(f"{i} ({m})" for i, m in yearly)
        reasons.append(f"a yearly amount for a number of years the texts do not state: {listed}")
    if len(currencies) > 1:
        sure: list[list[tuple[str, Money]]] = []
    else:
        sure = [g for g in groups if all(m.currency_stated and not m.recurring for _, m in g)]
    sure_ids = {i for group in sure for i, _ in group}
    lows: list[Decimal | None] = []
    highs: list[Decimal | None] = []
    bests: list[Decimal | None] = []
    for group in sure:
        exact = [m.amount for _, m in group if not m.approximate]
        lows.append(min(exact) if len(exact) == len(group) else None)
        highs.append(max(exact) if len(exact) == len(group) else None)
        agreed = {m.amount for _, m in group}
        bests.append(agreed.pop() if len(agreed) == 1 else None)
    whole = not unknown and not reasons
    return Total(
        best=_added(bests) if whole else None,
        low=_added(lows) if sure else None,
        high=_added(highs) if whole else None,
        unit=next(iter(currencies)) if len(currencies) == 1 else None,
        counted=tuple(i for i, _ in stated if i in sure_ids),
        unknown=tuple(unknown),
        approximate=any(m.approximate for group in sure for _, m in group),
        money=True,
        excluded=tuple(i for i, _ in stated if i not in sure_ids),
        explanation="; ".join(reasons) or None,
        disputed=tuple(tuple(str(r.id) for r in claim) for claim in claims if len(claim) > 1),
    )


_SUM_DIGITS: Final = MAX_AMOUNT_DIGITS + AMOUNT_PLACES + 20
"""Digits a sum of amounts keeps: any amount's (see :func:`usnz.model.amounts.check_amount`), and room to add."""


def _added(values: list[Decimal | None]) -> Decimal | None:
    """The sum, or ``None`` when a value is unknown."""
    if None in values:
        return None
    with localcontext(Context(prec=_SUM_DIGITS)):  # exact: Python's default context keeps 28 digits only
        return sum((v for v in values if v is not None), Decimal(0))
