"""``Records``: the immutable, typed tuple every query returns."""

from __future__ import annotations

import functools
import itertools
import json
import typing
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Literal, SupportsIndex, TypeVar, overload

from usnz.model import hooks
from usnz.model.amounts import Number, Quantity, numbered
from usnz.model.base import Described
from usnz.model.errors import ArgumentTypeError, ArgumentValueError, shown, type_and_value
from usnz.model.total import Total, money_total

if TYPE_CHECKING:
    from pandas import DataFrame

    from usnz.model.records import AnyRecord

__all__ = ["Records", "SummableField", "dispute_groups", "records_of"]

R_co = TypeVar("R_co", bound="AnyRecord", covariant=True)
R = TypeVar("R", bound="AnyRecord")

SummableField = Literal[
    "personnel", "total_served", "ships", "aircraft", "killed", "wounded", "captured", "quantity", "amount", "money"
]
"""The fields :meth:`Records.total` may add up, of every kind (a type checker catches a misspelt one).

Which of them a kind has is checked when it is called: a force contribution's counts, a
figure's quantity (or money), an aid's amount.
"""


class Records(tuple[R_co, ...]):
    """Query results: a tuple of records in a documented, deterministic order.

    Still a tuple to callers (index it, slice it, unpack it, compare it), and still
    immutable. Adds conveniences for analysis.

    >>> import usnz
    >>> results = usnz.agreements(kind="treaty")
    >>> isinstance(results, tuple), all(r.kind == "treaty" for r in results)
    (True, True)
    """

    __slots__ = ()

    def __new__(cls, records: Iterable[R_co] = (), /) -> Records[R_co]:
        """Hold *records* (any iterable of usnz records: a query's results, or records you chose).

        Raises:
            ArgumentTypeError: when something given is not a record (an id, say): look ids up
                with :func:`usnz.get` first.
        """
        if not _a_collection(records):
            hint = f"; for the record with that id, use usnz.get({shown(records)})" if isinstance(records, str) else ""
            msg = f"Records takes an iterable of records, e.g. a list; got {type_and_value(records)}"
            raise ArgumentTypeError(msg + hint)
        held = super().__new__(cls, records)
        if not all(map(isinstance, held, itertools.repeat(Described))):
            at, item = next((at, item) for at, item in enumerate(held) if not isinstance(item, Described))
            hint = f"; to look a record up by its id, use usnz.get({shown(item)})" if isinstance(item, str) else ""
            msg = (
                f"Records holds usnz records (what the queries and usnz.get return); "
                f"got {type_and_value(item)} at position {at}{hint}"
            )
            raise ArgumentTypeError(msg)
        return held

    @overload
    def __getitem__(self, index: SupportsIndex, /) -> R_co: ...
    @overload
    def __getitem__(self, index: slice, /) -> Records[R_co]: ...
    def __getitem__(self, index: SupportsIndex | slice, /) -> R_co | Records[R_co]:
        """Index (a record) or slice (a ``Records``)."""
        if isinstance(index, slice):
            return Records(super().__getitem__(index))
        return super().__getitem__(index)

    def ids(self) -> tuple[str, ...]:
        """The ids of the records, in order.

        >>> import usnz
        >>> "k-force-korea" in usnz.force_contributions(conflict="korean-war").ids()
        True
        """
        return tuple(record.id for record in self)

    def total(self, field: SummableField) -> Total:
        """Add up one :class:`Quantity` or :class:`Money` field, keeping what the sources leave unknown unknown.

        A record whose field is not stated (``None``) is named in ``unknown`` and makes the
        total's ``best`` and ``high`` ``None``, never 0; ``low`` is what the stated values
        add up to at least. Records that dispute each other (``disputes``) count once, as
        one claim: their lowest low and highest high (and their ``best`` where they agree).
        A stated figure is its own low and high unless the source says it is approximate.
        Money is added only when every amount is one-off and in one currency the text
        states; any other amount is named in ``excluded``, and ``explanation`` says why.

        >>> import usnz
        >>> korea = usnz.force_contributions(conflict="korean-war", country="NZL")
        >>> print(korea.total("total_served"))
        at least 5,094 personnel (2 records counted; not stated: nz-korea-liaison-officer)

        Raises:
            ArgumentValueError: when *field* is not a quantity or money field of these records,
                the stated quantities are in different units, or one numbers a thing rather than
                counts things (``year 2010``, ``edition 92``: a unit in the singular), which
                cannot be added.
        """
        if not isinstance(field, str):
            msg = f"total() takes a field name as a str, e.g. 'personnel'; got {type_and_value(field)}"
            raise ArgumentTypeError(msg)
        field = str.__str__(field)  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType] - a plain copy: a str subclass's own methods are never called
        money = False
        for record in self:
            cls: Any = type(record)
            quantities, amounts = _summable(cls)
            if field not in quantities and field not in amounts:
                raise ArgumentValueError(_not_summable(record.record_kind, field, quantities, amounts))
            money = field in amounts
        if money:
            return money_total(dispute_groups(self), field)
        return _total(self, field)

    def to_list(self) -> list[dict[str, Any]]:
        """Each record as JSON-ready data, in the packaged file format."""
        from usnz.reading.convert import get_converter  # noqa: PLC0415 - cattrs only when needed

        return [get_converter().unstructure(record) for record in self]

    def to_json(self, *, indent: int | None = 2) -> str:
        """The records as a JSON array, in the packaged file format.

        >>> import usnz
        >>> print(usnz.get("anzus").id, usnz.agreements(kind="treaty").to_json()[:1])
        anzus [
        """
        return json.dumps(self.to_list(), indent=indent, ensure_ascii=False)

    def __repr__(self) -> str:
        """``Records([...])`` naming each record by kind and id."""
        inner = ", ".join(f"<{r.record_kind} {r.id}>" for r in self)
        return f"Records([{inner}])"

    def __str__(self) -> str:
        """A table, one line per record, in the kind's own columns as wide as the terminal, as ``usnz list``."""
        text: str = hooks.face("table")(self)
        return text

    def _repr_html_(self) -> str:
        """A compact HTML table of the records: how Jupyter shows them."""
        html: str = hooks.face("records-html")(self)
        return html

    def to_frame(self, *, quotes: bool = False) -> DataFrame:
        """The records as a pandas DataFrame, one row per record, with typed columns.

        Needs the ``pandas`` extra (``pip install ".[pandas]"`` in a clone). Columns: ``id``,
        ``record_kind``, ``label``, ``when`` (EDTF) with ``when_earliest``/``when_latest``,
        then every field of the kinds present, flattened: a date or period gives its EDTF
        text plus ``_earliest``/``_latest`` days; a quantity gives ``_best``, ``_low``,
        ``_high`` (nullable integers, or floats where a figure is fractional), ``_unit``
        and ``_approximate``; a country gives its code and ``_cow_ccode``; citations and
        lists of ids are lists of texts (``.explode()`` gives a row each). Kinds and codes
        are categoricals. With ``quotes=True``, a ``quotes`` column holds each record's citation quotes, as a list.

        >>> import usnz
        >>> frame = usnz.force_contributions(conflict="korean-war").to_frame()
        >>> frame.loc[frame["id"] == "k-force-korea", ["personnel_best", "killed_best"]].iloc[0].tolist()
        [1044, 33]

        Raises:
            MissingExtraError: when pandas is not installed.
        """
        frame: DataFrame = hooks.face("frame")(self, quotes=quotes)
        return frame


def records_of(found: Iterable[R]) -> Records[R]:
    """*found* as :class:`Records`, each a record (what a query found): not asked again as ``Records()`` asks."""
    return typing.cast("Records[R]", _new_tuple(Records, found))  # (as Records.__new__ builds it)


_new_tuple: Callable[[type, Iterable[Any]], tuple[Any, ...]] = tuple.__new__  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]


def _a_collection(value: object) -> bool:
    """Whether *value* may be a collection of records: iterable, and not a text or a mapping."""
    return isinstance(value, Iterable) and not isinstance(value, (str, bytes, dict))


@functools.cache
def _summable(cls: Any) -> tuple[frozenset[str], frozenset[str]]:
    """The names of a record class's quantity fields and of its money fields, as they are declared."""
    from usnz.model.valuetypes import declared_types  # noqa: PLC0415 - the declared types only for a total

    forms = {name: held.value.form for name, held in declared_types(cls).items() if held.value and not held.many}
    quantities = frozenset(name for name, form in forms.items() if form == "quantity")
    amounts = frozenset(name for name, form in forms.items() if form == "money")
    return quantities, amounts


def _not_summable(kind: str, field: str, quantities: frozenset[str], amounts: frozenset[str]) -> str:
    """What to say when *field* is not a field ``total()`` can add up, and what to try instead."""
    if quantities or amounts:
        what = "quantity or money" if amounts else "quantity"
        accepted = ", ".join(sorted(quantities | amounts))
        import difflib  # noqa: PLC0415 - only to suggest, after a miss

        close = difflib.get_close_matches(field, sorted(quantities | amounts), n=1)
        hint = f" did you mean {close[0]!r}?" if close else ""
        return f"total({shown(field)}): {kind} records have no {what} field of that name;{hint} accepted: {accepted}"
    from usnz.model.records import KINDS  # noqa: PLC0415 - only to say which kinds have fields to add up

    others: list[str] = []
    for kind_class in KINDS.values():
        cls: Any = kind_class
        q, a = _summable(cls)
        if q or a:
            others.append(f"{kind_class.record_kind} ({', '.join(sorted(q | a))})")
    return (
        f"total({shown(field)}): {kind} records have nothing to add up (no quantity or money field); "
        f"total() adds up the fields of: {'; '.join(others)}"
    )


def _bounds(quantity: Quantity) -> tuple[Number | None, Number | None, Number | None]:
    """(low, best, high) of a stated quantity: an exact figure bounds itself."""
    exact = quantity.best if not quantity.approximate else None
    low = quantity.low if quantity.low is not None else exact
    high = quantity.high if quantity.high is not None else exact
    return low, quantity.best, high


def dispute_groups(records: tuple[AnyRecord, ...]) -> list[list[AnyRecord]]:
    """Every record of *records* in a group: records linked by ``disputes`` form one group, the rest one each.

    Each group is in the order of *records*, and the groups in the order of their first records.
    ``Records.total`` counts a group as one claim; ``Dataset.disputes`` lists the groups that disagree.
    """
    position = {record.id: at for at, record in enumerate(records)}
    group_of: dict[str, int] = {}
    groups: list[list[AnyRecord]] = []
    for record in records:
        if record.id in group_of:
            continue
        group_of[record.id] = len(groups)
        members: list[AnyRecord] = []
        todo = [record]
        while todo:
            member = todo.pop()
            members.append(member)
            for other in getattr(member, "disputes", ()):
                if other in position and other not in group_of:
                    group_of[other] = len(groups)
                    todo.append(records[position[other]])
        groups.append(sorted(members, key=lambda r: position[r.id]))
    return groups


def _total(records: tuple[AnyRecord, ...], field: str) -> Total:
    lows: list[Number | None] = []
    bests: list[Number | None] = []
    highs: list[Number | None] = []
    counted: list[str] = []
    unknown: list[str] = []
    unbounded: list[str] = []
    units: dict[str, str] = {}
    approximate = False
    claims = dispute_groups(records)
    for claim in claims:
        stated = [(r, q) for r in claim if isinstance(q := getattr(r, field), Quantity)]
        if not stated:
            unknown.extend(r.id for r in claim)
            continue
        counted.extend(r.id for r, _ in stated)
        for record, quantity in stated:
            if numbered(quantity):
                raise ArgumentValueError(_not_a_count(record.id, field, quantity))
            units.setdefault(quantity.unit, record.id)
            approximate = approximate or quantity.approximate
        bounds = [_bounds(q) for _, q in stated]
        unbounded.extend(r.id for r, q in stated if q.best is None and q.high is None)  # "at least"
        claim_lows = [b[0] for b in bounds]
        claim_highs = [b[2] for b in bounds]
        claim_bests = {b[1] for b in bounds}
        lows.append(None if None in claim_lows else min(x for x in claim_lows if x is not None))
        highs.append(None if None in claim_highs else max(x for x in claim_highs if x is not None))
        bests.append(claim_bests.pop() if len(claim_bests) == 1 else None)
    if len(units) > 1:
        listed = ", ".join(f"{unit!r} ({record})" for unit, record in units.items())
        msg = f"total({field!r}) cannot add values in different units: {listed}; select records of one unit first"
        raise ArgumentValueError(msg)
    whole = not unknown
    return Total(
        best=_sum(bests) if whole else None,
        low=_sum(lows) if counted or whole else None,
        high=_sum(highs) if whole else None,
        unit=next(iter(units), None),
        counted=tuple(counted),
        unknown=tuple(unknown),
        approximate=approximate,
        open=tuple(unbounded),
        disputed=tuple(tuple(r.id for r in claim) for claim in claims if len(claim) > 1),
    )


def _not_a_count(rid: str, field: str, quantity: Quantity) -> str:
    """Why a numbered thing (``year 2010``) is not added, and what to look at instead."""
    article = "an" if quantity.unit[:1].lower() in set("aeiou") else "a"
    return (
        f"total({field!r}) cannot add {rid}'s {field} {quantity}: {quantity} numbers a thing "
        f"({article} {quantity.unit}), "
        f"it is not a count, so it cannot be added; look at the records' values instead, "
        f"e.g. [(r.id, str(r.{field})) for r in records]"
    )


def _sum(values: list[Number | None]) -> Number | None:
    """The sum, or ``None`` when a value is unknown."""
    if None in values:
        return None
    return sum(v for v in values if v is not None)
