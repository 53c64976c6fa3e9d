"""``Records``: the immutable, typed tuple every query returns."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import sys
import typing
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Final, Literal, SupportsIndex, TypeVar, overload

import attrs

from usnz.model import hooks
from usnz.model.amounts import Number, Quantity, numbered
from usnz.model.base import Described
from usnz.model.calls import checked_call
from usnz.model.dates import OPEN, PartialDate, Period
from usnz.model.errors import ArgumentTypeError, ArgumentValueError, shown, type_and_value
from usnz.model.total import Total, money_total

if TYPE_CHECKING:
    from pandas import DataFrame

    from usnz.model.records import AnyRecord

__all__ = ["MAX_INDENT", "Records", "SummableField", "dispute_groups", "none_of", "of_dataset", "records_of"]

MAX_INDENT: Final = 16
"""The largest ``indent=`` :meth:`Records.to_json` takes (a larger one only makes the text huge)."""

R_co = TypeVar("R_co", bound="AnyRecord", covariant=True)
R = TypeVar("R", bound="AnyRecord")
R2 = TypeVar("R2", bound="AnyRecord")
T = TypeVar("T")
C = TypeVar("C", bound=tuple[Any, ...])

SummableField = Literal[
    "personnel", "total_served", "ships", "aircraft", "killed", "wounded", "captured", "quantity", "amount", "money"
]
"""The fields :meth:`Records.total` may add up, of every kind (a type checker catches a misspelt one).

Which of them a kind has is checked when it is called: a force contribution's counts, a
figure's quantity (or money), an aid's amount.
"""


class ReadOnly:
    """Attributes refused, as a tuple refuses them: for the tuples here that keep a dataset in a dict."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object, /) -> None:
        """Refused: immutable, as a tuple is."""
        msg = f"{type(self).__name__!r} object attribute {name!r} is read-only"
        raise AttributeError(msg)

    def __delattr__(self, name: str, /) -> None:
        """Refused: immutable, as a tuple is."""
        msg = f"{type(self).__name__!r} object attribute {name!r} is read-only"
        raise AttributeError(msg)


class Records(ReadOnly, tuple[R_co, ...]):  # noqa: SLOT001 - a dict of its own for its dataset (see _data)
    """Query results: a tuple of records in a documented, deterministic order.

    Still a tuple to callers (index it, slice it, unpack it, compare it), and still
    immutable. Adds conveniences for analysis.

    >>> import usnz
    >>> results = usnz.agreements(kind="treaty")
    >>> isinstance(results, tuple), all(r.kind == "treaty" for r in results)
    (True, True)
    """

    # No __slots__: a tuple's subclass can have none, and a Records keeps the dataset it came
    # from (a user's: usnz.load(...)) in its own dict, one per collection, none per record.
    _data: object | None = None  # a usnz.Dataset, not named: its module imports this one
    """The dataset the records came from, whose ``disputes()`` number a table's ``≠2``; ``None``: the packaged one."""
    _kind: type[Any] | None = None
    """The record class an empty query result was asked of (``force_contributions(...)``: ForceContribution),
    so ``total()`` still refuses a field that kind lacks; ``None`` for any other collection."""

    def __new__(cls, records: Iterable[R_co] = (), /) -> Records[R_co]:
        """Hold *records* (any iterable of usnz records: a query's results, or records you chose).

        A ``Records`` given keeps its dataset (a slice, or ``+`` of two of one dataset, does too).

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
        data = getattr(records, "_data", None) if isinstance(records, Records) else None
        if data is not None:
            object.__setattr__(held, "_data", data)
        return held

    @overload
    def __getitem__(self, index: SupportsIndex, /) -> R_co: ...
    @overload
    def __getitem__(self, index: slice, /) -> Records[R_co]: ...
    def __getitem__(self, index: SupportsIndex | slice, /) -> R_co | Records[R_co]:
        """Index (a record) or slice (a ``Records``); an id or a bool is refused, saying what to give.

        >>> import usnz
        >>> usnz.agreements()["anzus"]
        Traceback (most recent call last):
        ...
        usnz.ArgumentTypeError: Records are indexed by position (records[0]) or sliced, not by id; got 'anzus', ...
        """
        if isinstance(index, slice):
            return of_dataset(Records(super().__getitem__(index)), self._data)
        if isinstance(index, str):
            raise ArgumentTypeError(_by_id_refused(self, index))
        if isinstance(index, bool):  # an int to Python, but no position: records[True] would be records[1]
            msg = (
                f"Records are indexed by position, an int (records[0]), or sliced (records[1:3]); got bool {index}, "
                f"which is no position (it would be read as {int(index)}); give an int, or filter the records in a list"
            )
            raise ArgumentTypeError(msg)
        return super().__getitem__(index)

    def __contains__(self, value: object, /) -> bool:
        """Whether *value* is one of the records, or (a str) the id of one: ``"anzus" in usnz.agreements()``.

        >>> import usnz
        >>> "anzus" in usnz.agreements(), usnz.get("anzus") in usnz.agreements(), "anzus" in usnz.conflicts()
        (True, True, False)
        """
        if isinstance(value, str):
            return any(record.id == value for record in self)
        return super().__contains__(value)

    def count(self, value: Any, /) -> int:
        """How many times *value*, a record or (a str) the id of one, is among the records."""
        if isinstance(value, str):
            return sum(record.id == value for record in self)
        return super().count(value)

    def index(self, value: Any, start: SupportsIndex = 0, stop: SupportsIndex | None = None, /) -> int:
        """The first position of *value*, a record or (a str) the id of one, from *start* to *stop*.

        Raises:
            ArgumentValueError: (a ``ValueError``, as ``tuple.index`` raises) when it is not there.
        """
        end = sys.maxsize if stop is None else stop
        if not isinstance(value, str):
            return super().index(value, start, end)
        for at in range(*slice(start, end).indices(len(self))):
            if self[at].id == value:
                return at
        where = "" if (start, stop) == (0, None) else f" from {int(start)} to {int(end)}"
        msg = f"{shown(value)} is the id of none of these records{where}; records.ids() gives theirs"
        raise ArgumentValueError(msg)

    # The checkers want an override's overloads in its base's order, so tuple's would take Records first:
    # this order types ``Records + Records`` as Records and any other tuple as tuple's own does.
    @overload  # type: ignore[override]
    def __add__(self, value: Records[R2], /) -> Records[R_co | R2]: ...
    @overload
    def __add__(self, value: tuple[T, ...], /) -> tuple[R_co | T, ...]: ...
    def __add__(self, value: tuple[Any, ...], /) -> tuple[Any, ...]:  # pyright: ignore[reportIncompatibleMethodOverride]
        """The records of both, in that order, as ``Records`` when *value* holds only records (else a tuple, as ever).

        A record in both is kept twice, as tuples keep it (``a + b`` is never re-ordered or
        de-duplicated); ``Records(dict.fromkeys(a + b))`` keeps the first of each. The sum keeps
        the dataset both came from.

        >>> import usnz
        >>> both = usnz.events(kind="visit") + usnz.quotes(speaker="john-key")
        >>> type(both).__name__, len(both) == len(usnz.events(kind="visit")) + len(usnz.quotes(speaker="john-key"))
        ('Records', True)
        """
        joined: tuple[Any, ...] = super().__add__(value)
        if isinstance(value, Records):
            both: Records[Any] = _copy(Records, joined)  # pyright: ignore[reportUnknownVariableType]
            return of_dataset(both, self._data) if self._data is value._data else both
        if all(map(isinstance, value, itertools.repeat(Described))):
            return Records(joined)
        return joined

    def __mul__(self, value: SupportsIndex, /) -> Records[R_co]:
        """The records repeated *value* times, as ``Records`` (each repeat kept, as tuples keep them)."""
        return of_dataset(Records(super().__mul__(value)), self._data)

    __rmul__ = __mul__

    def ids(self) -> tuple[str, ...]:
        """The ids of the records, in order.

        >>> import usnz
        >>> "k-force-korea" in usnz.force_contributions(conflict="korean-war").ids()
        True
        """
        return tuple(record.id for record in self)

    @checked_call
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
        if not self:  # no record to ask: its kind, when a query says it, else every kind
            _check_summable_of(self._kind, field)
        money = False
        for record in self:
            cls: Any = type(record)
            quantities, amounts = _summable(cls)
            if field not in quantities and field not in amounts:
                raise ArgumentValueError(_not_summable(record.record_kind, field, quantities, amounts))
            money = field in amounts
        other = tuple(record for record in self if _holds_the_other(record, field))
        apart = {id(record) for record in other}
        counted = tuple(record for record in self if id(record) not in apart) if other else tuple(self)
        total = money_total(dispute_groups(counted), field) if money else _total(counted, field)
        if not other:
            return total
        return attrs.evolve(total, inapplicable=tuple(r.id for r in other), inapplicable_note=_other_note(other, money))

    @checked_call
    def to_list(self) -> list[dict[str, Any]]:
        """Each record as JSON-ready data, in the packaged file format."""
        from usnz.reading.convert import get_converter  # noqa: PLC0415 - cattrs only when needed

        return [get_converter().unstructure(record) for record in self]

    @checked_call
    def to_json(self, *, indent: int | None = 2) -> str:
        """The records as a JSON array, in the packaged file format.

        *indent* is the spaces a level is indented by, 0 to :data:`MAX_INDENT` (16), or ``None``
        for one line (each level adds that many spaces to every line under it: a larger indent
        only makes the text huge).

        >>> import usnz
        >>> print(usnz.get("anzus").id, usnz.agreements(kind="treaty").to_json()[:1])
        anzus [
        """
        if indent is not None and (isinstance(indent, bool) or not isinstance(indent, int)):
            msg = f"indent= takes a number of spaces as an int (2), or None for one line; got {type_and_value(indent)}"
            raise ArgumentTypeError(msg)
        if indent is not None and not 0 <= indent <= MAX_INDENT:
            msg = (
                f"indent={shown(indent)} is not a number of spaces to indent by; accepted: 0 to {MAX_INDENT}, or None "
                "for one line"
            )
            raise ArgumentValueError(msg)
        return json.dumps(self.to_list(), indent=indent, ensure_ascii=False)

    def __repr__(self) -> str:
        """``Records([...])`` naming each record by kind and id."""
        inner = ", ".join(f"<{r.record_kind} {r.id}>" for r in self)
        return f"Records([{inner}])"

    def __str__(self) -> str:
        """A table, one line per record, in the kind's own columns as wide as the terminal, as ``usnz list``."""
        text: str = hooks.face("table")(self, data=self._data)
        return text

    def _repr_html_(self) -> str:
        """A compact HTML table of the records: how Jupyter shows them."""
        html: str = hooks.face("records-html")(self, data=self._data)
        return html

    @checked_call
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


def of_dataset(records: C, data: object | None) -> C:
    """*records* (a ``Records`` or ``Disputes``) as the collection of *data*: itself when it is, else a copy that is.

    A copy, never a change: a query may return a collection it keeps (and another dataset shares).
    The copy keeps the kind an empty result was asked of.
    """
    if getattr(records, "_data", None) is data:
        return records
    copy = _copy(type(records), records)
    object.__setattr__(copy, "_data", data)
    kind = getattr(records, "_kind", None)
    if kind is not None:
        object.__setattr__(copy, "_kind", kind)
    return copy


def _by_id_refused(records: tuple[AnyRecord, ...], given: str) -> str:
    """What indexing *records* by the id *given* says: indexed by position; where that id is, if among them."""
    at = next((i for i, record in enumerate(records) if record.id == given), None)
    where = f", the id of records[{at}]" if at is not None else ", the id of none of them"
    return (
        f"Records are indexed by position (records[0]) or sliced, not by id; got {shown(given)}{where}: "
        f"for a record by its id use usnz.get({shown(given)}); records.ids() gives the ids in order"
    )


def none_of(cls: type[Any]) -> Records[Any]:
    """An empty result of a query of *cls*: a new ``Records`` that knows its kind (see ``Records._kind``)."""
    empty: Records[Any] = _copy(Records, ())  # pyright: ignore[reportUnknownVariableType]
    object.__setattr__(empty, "_kind", cls)
    return empty


def _check_summable_of(kind: type[Any] | None, field: str) -> None:
    """Refuse *field* for an empty selection: unless *kind*'s quantity or money field (else some kind's)."""
    if kind is not None:
        asked: Any = kind  # (hashable: a class)
        quantities, amounts = _summable(asked)
        if field not in quantities and field not in amounts:
            raise ArgumentValueError(_not_summable(kind.record_kind, field, quantities, amounts))
        return
    from usnz.model.records import KINDS  # noqa: PLC0415 - every kind, only for a total of no records

    every: set[str] = set()
    for kind_class in KINDS.values():
        each: Any = kind_class
        quantities, amounts = _summable(each)
        every |= quantities | amounts
    if field not in every:
        import difflib  # noqa: PLC0415 - only to suggest, after a miss

        close = difflib.get_close_matches(field, sorted(every), n=1)
        hint = f" did you mean {close[0]!r}?" if close else ""
        msg = (
            f"total({shown(field)}): no record kind has a quantity or money field of that name "
            f"(these Records are empty, of no kind a query named);{hint} accepted: {', '.join(sorted(every))}"
        )
        raise ArgumentValueError(msg)


def _copy(cls: type[C], items: tuple[Any, ...]) -> C:
    """A *cls* of *items*, unchecked (they are records already)."""
    made: C = tuple.__new__(cls, items)  # pyright: ignore[reportUnknownMemberType]
    return made


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


def _holds_the_other(record: AnyRecord, field: str) -> bool:
    """Whether *record* states none of *field* but a value of the other form (a figure's quantity, asked for money).

    Such a record is no unknown amount: the field does not apply to it. A record of a kind
    whose fields are all of *field*'s form (a force's ``aircraft``) that states none is unknown.
    """
    if getattr(record, field) is not None:
        return False
    cls: Any = type(record)
    quantities, amounts = _summable(cls)
    others = amounts if field in quantities else quantities
    return any(getattr(record, name) is not None for name in others)


def _other_note(records: tuple[AnyRecord, ...], money: bool) -> str:
    """``35 figures hold a quantity, not money``: what the records a total leaves as not applicable hold."""
    kinds = Counter(record.record_kind for record in records)
    held = "a quantity, not money" if money else "money, not a quantity"
    return "; ".join(
        f"{n} {kind}{'s' if n != 1 else ''} hold{'s' if n == 1 else ''} {held}" for kind, n in kinds.items()
    )


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
    within = _within(records, field)
    claims = dispute_groups(records)
    for whole_claim in claims:
        claim = [r for r in whole_claim if within.get(r.id, ("", False))[1] is False]
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
    whole = bool(counted) and not unknown  # no record counted: nothing is known, not 0
    counted_ids = set(counted)
    return Total(
        best=_sum(bests) if whole else None,
        low=_sum(lows) if counted else None,
        high=_sum(highs) if whole else None,
        unit=next(iter(units), None),
        counted=tuple(counted),
        unknown=tuple(unknown),
        approximate=approximate,
        open=tuple(unbounded),
        disputed=tuple(tuple(r.id for r in claim) for claim in claims if len(claim) > 1),
        within=tuple((rid, including) for rid, (including, _) in within.items()),
        caveat=_apart(field, [[r for r in claim if r.id in counted_ids] for claim in claims])
        or (None if counted else _other_count(records, field)),
    )


_COUNTS: Final = {"personnel": "a strength at a time", "total_served": "everyone who served"}
"""The two fields that count people, and what each counts: a total of one that finds none points to the other."""


def _other_count(records: tuple[AnyRecord, ...], field: str) -> str | None:
    """When no record states *field*, a count of people, but some state the other count: which, and how to add it."""
    if field not in _COUNTS:
        return None
    other = next(name for name in _COUNTS if name != field)
    stating = [r.id for r in records if isinstance(getattr(r, other, None), Quantity)]
    if not stating:
        return None
    more = f" and {len(stating) - 2} more" if len(stating) > 2 else ""
    verb = "states" if len(stating) == 1 else "state"
    return (
        f"no record states {field} ({_COUNTS[field]}), but {', '.join(stating[:2])}{more} {verb} {other} "
        f"({_COUNTS[other]}): total({other!r}) adds {'it' if len(stating) == 1 else 'them'}"
    )


_STRENGTHS: Final = frozenset({"personnel"})
"""The fields that hold a strength at a time: added across times, they are no strength at one time."""


def _apart(field: str, claims: list[list[AnyRecord]]) -> str | None:
    """What a sum of strengths is not, when the claims counted were not all at one time (else ``None``).

    Each claim's extent spans its dated records' known extents (an open end runs on: still going
    when its source was written); claims with no dated record are undated. The claims are at one
    time when some day lies in every extent. The caveat names the records by their dates as
    given (``k-force-korea (/1957)``), never a date the text does not give: where an end is not
    given, the strengths are "not known to be at one time", not "from different times".
    """
    counted = [claim for claim in claims if claim]
    if field not in _STRENGTHS or len(counted) < 2:
        return None
    extents: list[tuple[dt.date, dt.date]] = []  # first day, last day for the overlap
    undated: list[str] = []
    dated: list[AnyRecord] = []
    for claim in counted:
        spans = [_extent(record.when) for record in claim if record.when is not None]
        dated.extend(record for record in claim if record.when is not None)
        if not spans:
            undated.extend(record.id for record in claim)
            continue
        extents.append((min(s[0] for s in spans), max(s[1] for s in spans)))
    apart = bool(extents) and max(first for first, _ in extents) > min(last for _, last in extents)
    if not apart and not undated:
        return None
    known = all(None not in _ends(record.when) for record in dated)  # every end given: apart for certain
    what: list[str] = []
    if apart:
        shown = [f"{record.id} ({_as_given(record.when)})" for record in dated[:_NAMED]]
        more = f", and {len(dated) - _NAMED} more" if len(dated) > _NAMED else ""
        when = "from different times" if known else "not known to be at one time"
        what.append(f"{when}: {', '.join(shown)}{more}")
    if undated:
        what.append(f"not all dated (undated: {', '.join(undated)})")
    return (
        f"these strengths are {'; and '.join(what)}; so the sum {'is' if apart and known else 'may be'} no "
        f"strength at one time; for everyone who served, use total('total_served')"
    )


_NAMED: Final = 4
"""The most records a strengths caveat names with their dates; past it, how many more."""


def _ends(when: object) -> tuple[object, object]:
    """A date's or period's two ends (a date is both); ``None`` for an end the text does not give."""
    return (when.start, when.end) if isinstance(when, Period) else (when, when)


def _as_given(when: object) -> str:
    """A date or period as the text gives it: a period of one date as that date (``1991``, not ``1991/1991``)."""
    if isinstance(when, Period) and isinstance(when.start, PartialDate) and when.start == when.end:
        return str(when.start)
    return str(when)


def _extent(when: object) -> tuple[dt.date, dt.date]:
    """A date's or period's known extent: first day, last day (an open end running on)."""
    day = typing.cast("PartialDate", when)
    period = when if isinstance(when, Period) else Period(start=day, end=day)
    first, last = period.known()
    return first, dt.date.max if period.end is OPEN else last


def _within(records: tuple[AnyRecord, ...], field: str) -> dict[str, tuple[str, bool]]:
    """Each record whose *field* the data reads as within another record's figure: (that record, whether it counts).

    It counts here when that record is among *records* and states *field*; the record is then
    left out of the sum (its share is in that figure), else it is unknown like any record
    that states nothing.
    """
    stated = {r.id for r in records if isinstance(getattr(r, field), Quantity)}
    found: dict[str, tuple[str, bool]] = {}
    for record in records:
        pointer = getattr(type(record), "counted_in", {}).get(field)
        including = getattr(record, pointer) if pointer else None
        if isinstance(including, str):
            found[record.id] = (including, including in stated)
    return found


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
