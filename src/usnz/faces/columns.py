"""Each record kind as flat, typed columns: what data frames, CSV exports and Table Schemas share.

A record's fields become columns by their type: a date gives its EDTF text plus its
earliest and latest day; a quantity gives best, low, high, unit and whether it is
approximate; money gives its amount, currency and terms; citations, lists of ids and
roles become readable text. Nothing here imports pandas.

Tables of records (the terminal's and Jupyter's) show fewer columns: :func:`table` chooses
them, the same for both faces, from each kind's ``table_fields``.
"""

# pyright: reportPrivateUsage=false
# (the validators and tables of _records, _values and _load say what each field holds)
from __future__ import annotations

import datetime as dt
import functools
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from operator import attrgetter
from typing import Any, Final, Literal

import attrs

from usnz.faces import marks
from usnz.model.amounts import CURRENCIES
from usnz.model.base import PROVENANCE
from usnz.model.countries import COUNTRIES
from usnz.model.facts import facts
from usnz.model.records import KINDS, AnyRecord
from usnz.model.values import Money, PartialDate, Period, Quantity
from usnz.model.valuetypes import Declared, ValueForm, declared_type, declared_types

if typing.TYPE_CHECKING:
    from usnz.querying.dataset import Dataset

__all__ = [
    "COMMON",
    "EDTF_DATE",
    "EDTF_INTERVAL",
    "ID",
    "MIXED",
    "PROVENANCE",
    "SHOWN",
    "Column",
    "ColumnType",
    "Shown",
    "columns",
    "csv_text",
    "field_docs",
    "field_hints",
    "join",
    "kind_of",
    "shown",
    "shown_legend",
    "table",
    "table_marks",
    "table_notes",
    "unstated",
]

ColumnType = Literal[
    "id",  # the record's own id
    "reference",  # the id of another record
    "string",
    "text",  # several values, or structured ones, written as readable text
    "edtf-date",
    "edtf-interval",
    "edtf",  # a date or an interval
    "date",  # an ISO day
    "integer",
    "number",  # an int or a float, as the source states it
    "decimal",  # an exact amount of money
    "boolean",
    "choice",  # one of a fixed set of strings
    "country",  # an ISO alpha-3 code from the country table
    "kind",  # a record kind (``force-contribution``)
]
"""What sort of values a column holds; each face maps these to its own types."""

ID: Final = r"[a-z0-9]+(?:-[a-z0-9]+)*"
"""A record id: kebab-case, lowercase ASCII letters and digits."""
EDTF_DATE: Final = r"(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?|[0-9]{3}X)~?"
"""A date usnz writes: ``1951``, ``2008-07``, ``1965-05-27``, ``196X``, any of them with ``~``."""
EDTF_INTERVAL: Final = rf"(?:{EDTF_DATE}/(?:{EDTF_DATE}|\.\.)?|(?:\.\.)?/{EDTF_DATE})"
"""An interval usnz writes: two ends joined by ``/``, each a date, ``..`` (open) or nothing
(unknown), with a date at one end at least."""
SEPARATOR: Final = "; "
"""Joins several values in one text column."""
"""The fields that say where a record comes from; shown after its own facts."""

_KIND_NAMES: Final = {cls: name for name, cls in KINDS.items()}


@attrs.frozen(kw_only=True)
class Column:
    """One flat column of a record kind.

    Attributes:
        name: The column name (``personnel_best``).
        type: What sort of values it holds.
        description: What it means, in words.
        get: Reads the column's value from a record (``None`` when missing).
        choices: The accepted values of a ``choice``, ``country`` or ``kind`` column.
        target: For a ``reference`` column, the kind (plural name) of record it points at.
        items: For a ``text`` column of several values, reads them one by one, as texts
            (what ``get`` joins); data frames keep them as a list.
    """

    name: str
    type: ColumnType
    description: str
    get: Callable[[Any], object] = attrs.field(eq=False)
    choices: tuple[str, ...] = ()
    target: str | None = None
    items: Callable[[Any], list[str]] | None = attrs.field(default=None, eq=False)


def kind_of(cls: type[AnyRecord]) -> str:
    """The plural kind name of a record class (``ForceContribution`` -> ``force_contributions``)."""
    return _KIND_NAMES[cls]


def join(values: typing.Iterable[object]) -> str | None:
    """Several values as one readable text, each text once (``None`` when there are none).

    Two citations of one paragraph (quoting different words) read ``source ¶14`` once.
    """
    text = SEPARATOR.join(dict.fromkeys(str(value) for value in values))
    return text or None


_ROLE: Final = re.compile(r":\w+:`~?([^`]+)`")


@functools.cache
def field_docs(cls: type) -> dict[str, str]:
    """Each field's description, as plain text, from its :func:`~usnz.model.facts.fact` declaration."""
    return {name: _ROLE.sub(r"\1", declared.doc).replace("``", "") for name, declared in facts(cls)}


@functools.cache
def field_hints(cls: type) -> dict[str, Any]:
    """Each attrs field's declared type, resolved, with ``None`` taken out of optional ones."""
    return {name: declared.type for name, declared in declared_types(cls).items()}


def _target(kinds: tuple[str, ...]) -> str | None:
    """The kind (plural name) of the records a field refers to, if it must be one kind."""
    by_kind = {kind.record_kind: kind for kind in KINDS.values()}
    return kind_of(by_kind[kinds[0]]) if len(kinds) == 1 and kinds[0] in by_kind else None


def _then(name: str, read: Callable[[Any], object] | None = None) -> Callable[[Any], object]:
    """Read field *name*, then (when it is set) apply *read* to it."""

    def get(record: Any) -> object:
        value = getattr(record, name)
        return value if value is None or read is None else read(value)

    return get


def _start(period: Period) -> object:
    return period.start.earliest if isinstance(period.start, PartialDate) else None


def _end(period: Period) -> object:
    return period.end.latest if isinstance(period.end, PartialDate) else None


def _days(name: str, note: str, earliest: Callable[[Any], object], latest: Callable[[Any], object]) -> list[Column]:
    return [
        Column(
            name=f"{name}_{end}",
            type="date",
            description=f"The {which} day {name} can mean (ISO 8601){note}",
            get=_then(name, read),
        )
        for end, which, read in (("earliest", "first", earliest), ("latest", "last", latest))
    ]


def _date_columns(name: str, doc: str) -> list[Column]:
    return [
        Column(name=name, type="edtf-date", description=f"{doc} (EDTF date)", get=_then(name, str)),
        *_days(name, "", attrgetter("earliest"), attrgetter("latest")),
    ]


def _period_columns(name: str, doc: str) -> list[Column]:
    return [
        Column(name=name, type="edtf-interval", description=f"{doc} (EDTF interval)", get=_then(name, str)),
        *_days(name, "; empty when that end is open", _start, _end),
    ]


_Part = tuple[str, ColumnType, str, tuple[str, ...]]


def _parts(name: str, doc: str, parts: tuple[_Part, ...]) -> list[Column]:
    """One column per part (attribute) of a value: ``personnel_best``, ``amount_currency``...

    The ``amount`` of money keeps the field's own name (``amount``, not ``amount_amount``).
    """
    return [
        Column(
            name=name if part == "amount" else f"{name}_{part}",
            type=kind,
            description=f"{doc}: {what}",
            get=_then(name, attrgetter(part)),
            choices=choices,
        )
        for part, kind, what, choices in parts
    ]


_QUANTITY_PARTS: Final[tuple[_Part, ...]] = (
    ("best", "number", "the figure stated", ()),
    ("low", "number", "the lower bound stated", ()),
    ("high", "number", "the upper bound stated", ()),
    ("unit", "string", "what is counted", ()),
    ("approximate", "boolean", "whether the source gives the figure as approximate", ()),
    ("exclusive", "boolean", "whether the stated bounds leave their figures out ('more than 400,000')", ()),
)
_MONEY_PARTS: Final[tuple[_Part, ...]] = (
    ("amount", "decimal", "the amount", ()),
    ("currency", "choice", "ISO 4217 currency", tuple(sorted(CURRENCIES))),
    ("per", "choice", "'year' when the amount recurs yearly, empty when one-off", ("year",)),
    ("approximate", "boolean", "whether the source gives the amount as approximate", ()),
    ("currency_stated", "boolean", "false when the source writes only '$' and the currency is read from context", ()),
)
_VALUE_COLUMNS: Final[Mapping[ValueForm, Callable[[str, str], list[Column]]]] = {
    "date": _date_columns,
    "interval": _period_columns,
    "quantity": lambda name, doc: _parts(name, doc, _QUANTITY_PARTS),
    "money": lambda name, doc: _parts(name, doc, _MONEY_PARTS),
}


def _field_columns(cls: type, name: str, doc: str) -> list[Column]:
    """The columns one field becomes, by what it is declared to hold."""
    declared = declared_type(cls, name)
    if declared.value is not None and not declared.many and declared.value.form in _VALUE_COLUMNS:
        return _VALUE_COLUMNS[declared.value.form](name, doc)
    if declared.many:
        what: str | None = getattr(declared.item, "text_form", None)  # a value type's, as it declares
        what = what or ("ids" if declared.refers else "ISO alpha-3 codes" if declared.country else "values")
        return [
            Column(
                name=name,
                type="text",
                description=f"{doc} ({what}, separated by '; ')",
                get=_then(name, join),
                items=lambda record: [str(value) for value in getattr(record, name) or ()],
            )
        ]
    if declared.country:
        return [
            Column(name=name, type="country", description=doc, get=_then(name), choices=tuple(COUNTRIES)),
            Column(
                name=f"{name}_cow_ccode",
                type="integer",
                description=f"The Correlates of War country code of {name}",
                get=_then(name, _cow_ccode),
            ),
        ]
    return [_column(declared, doc)]


def _column(declared: Declared, doc: str) -> Column:
    """The one column of a field of a plain type."""
    name, hint = declared.name, declared.type
    if typing.get_origin(hint) is Literal:
        return Column(name=name, type="choice", description=doc, get=_then(name), choices=typing.get_args(hint))
    if name == "id":
        return Column(name=name, type="id", description=doc, get=_then(name))
    if declared.refers:
        target = _target(declared.fact.refers if declared.fact is not None else ())
        return Column(name=name, type="reference", description=doc, get=_then(name), target=target)
    simple: dict[object, ColumnType] = {str: "string", int: "integer", bool: "boolean"}
    kind = simple.get(hint)
    # A value of a type with no column type of its own is written as text.
    return Column(name=name, type=kind or "string", description=doc, get=_then(name, None if kind else str))


def _cow_ccode(code: str) -> object:
    country = COUNTRIES.get(code)
    return None if country is None else country.cow_ccode


def columns(cls: type[AnyRecord]) -> tuple[Column, ...]:
    """Every column of one record kind, in field order (``id`` first).

    >>> from usnz import ForceContribution
    >>> [c.name for c in columns(ForceContribution)][:5]
    ['id', 'conflict', 'country', 'country_cow_ccode', 'summary']
    """
    found = _COLUMNS.get(cls)
    if found is None:
        found = _COLUMNS[cls] = _columns(cls)
    return found


_COLUMNS: dict[type, tuple[Column, ...]] = {}


def _columns(cls: type) -> tuple[Column, ...]:
    docs = field_docs(cls)
    hints = field_hints(cls)
    names = ["id", *(n for n in hints if n != "id" and n not in PROVENANCE), *(n for n in PROVENANCE if n in hints)]
    names = [name for name in names if name != READ.name]  # the record's read: the column READ (with combat)
    built: list[Column] = []
    for name in names:
        built.extend(_field_columns(cls, name, docs.get(name, name).rstrip(".")))
    return (*built, READ)


READ: Final = Column(
    name="read",
    type="string",
    description=(
        "The fields whose values the texts do not state but are read from them (a quote's speaker, a country "
        "read from a name, a force's combat), as the tables mark them '*'; empty when every value is stated. "
        "The record's read, with combat where combat_stated is false. Dates and currencies have date_basis and "
        "currency_stated"
    ),
    get=lambda record: join(marks.read_fields(record)),
)
"""The column naming what the faces mark ``*`` on a row's own fields: each kind's last, a frame's after ``when``."""

COMMON: Final = (
    Column(
        name="record_kind",
        type="kind",
        description="What kind of record the row is",
        get=lambda record: record.record_kind,
        choices=tuple(cls.record_kind for cls in KINDS.values()),
    ),
    Column(name="label", type="string", description="A short human name for the record", get=lambda r: r.label),
    Column(
        name="when",
        type="edtf",
        description="The record's date or period, as used by timeline() (EDTF)",
        get=lambda record: None if record.when is None else str(record.when),
    ),
    *_days(
        "when",
        "; empty when undated, unknown or open",
        lambda when: _start(when) if isinstance(when, Period) else when.earliest,
        lambda when: _end(when) if isinstance(when, Period) else when.latest,
    ),
    READ,
)
"""Columns every data frame has after ``id``, whatever the record kinds in it."""


def csv_text(value: object) -> str:
    """A column's value as CSV text: empty when missing, ``true``/``false``, ISO days, plain decimals."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# -- Tables: the few columns a table of records shows -----------------------------------------

ShownKind = Literal["id", "value", "number", "text"]


def _no_mark(_: Any) -> str:
    return ""


@attrs.frozen(kw_only=True)
class Shown:
    """One column of a table of records, as the terminal and Jupyter show it.

    Attributes:
        name: Its heading: a field's name, or ``when``, ``value``, ``offices``, ``kind``, ``about``, ``combat``.
        description: What it shows, in words (the field's own description).
        kind: ``id`` (ids: never cut, never broken), ``value`` (dates, codes: short, kept whole
            or broken after a ``/``), ``number`` (figures and amounts: right-aligned) or ``text``
            (names, titles, summaries: wrapped, cut at a word in HTML).
        rank: How much it is wanted (0 first): a narrow terminal leaves out the highest ranks.
        get: The cell's text for a record (``""`` when not set).
        mark: The cell's mark for a record (:mod:`usnz.faces.marks`; ``""`` for none).
        keep: Shown even when every record has the same value (``combat``: the answer wanted).
        needed: Never left out for want of room before every other column but the id and the
            label: the kind's ``table_needed`` (a quote's ``speaker``, a force's ``combat``) and the label.
    """

    name: str
    description: str
    kind: ShownKind
    rank: int
    get: Callable[[Any], str] = attrs.field(eq=False)
    mark: Callable[[Any], str] = attrs.field(default=_no_mark, eq=False)
    keep: bool = False
    needed: bool = False


SHOWN: Final[Mapping[type[AnyRecord], tuple[str, ...]]] = types.MappingProxyType(
    {cls: cls.table_fields for cls in KINDS.values()}
)
"""What a table of each kind shows after ``id``: its class's ``table_fields``."""


def _combat(record: Any) -> str:
    return {True: "yes", False: "no"}.get(record.combat, "not stated")


def _value_mark(record: Any) -> str:
    return marks.money_mark(record.money) if record.money is not None else ""


_COMPUTED: Final[Mapping[str, tuple[str, ShownKind, Callable[[Any], object]]]] = {
    "when": ("The record's date or period (EDTF)", "value", attrgetter("when")),
    "value": (
        "The number, with what it counts, or the amount of money",
        "number",
        lambda r: marks.quantity_text(r.quantity) if r.quantity is not None else r.money,
    ),
    "served": (
        (
            "How many served in it over the whole deployment (total_served), where the source gives a total across "
            "rotations. The figure alone: ~ about, ≥ at least, ≤ at most, > more than, < less than."
        ),
        "number",
        attrgetter("total_served"),
    ),
    "offices": ("The positions the sources give", "text", lambda r: tuple(dict.fromkeys(x.title for x in r.roles))),
    "about": ("What the record is: its unit, else its summary", "text", attrgetter("label")),
    "combat": ("Whether it fought: yes, no (support only), or not stated by the source", "value", _combat),
}


def _offices_mark(record: Any) -> str:
    """A person's offices: ``*`` when a role is read (``read`` names ``roles``), else marked when no date is stated.

    With no role's date stated, ``*`` when some is inferred, else ``†``. A role's date is its period
    (as a source gives it) or an attestation's (its record's basis).

    >>> import usnz
    >>> _offices_mark(usnz.get("stephen-harper")), _offices_mark(usnz.get("helen-clark"))
    ('*', '')
    """
    roles = record.roles
    if roles and "roles" in record.read:  # Harper's title, read from 'his counterpart'
        return marks.NOT_STATED
    if not roles or any(role.period is not None for role in roles):
        return ""
    bases = {item.date_basis for role in roles for item in role.attested}
    if not bases or "stated" in bases or None in bases:
        return ""
    return marks.NOT_STATED if "inferred" in bases else marks.OUTSIDE


_MARK_NOTES: Final[Mapping[str, str]] = {
    "offices": (
        "offices: a mark means a role is read from the texts, not stated (*), or no date of it is: every date it is "
        "known by (a record naming it) is inferred (*) or from outside the texts (†)"
    ),
}
"""What a mark means on a column whose mark is not its value's own (a person's offices): a legend line when marked."""
_COMPUTED_MARKS: Final[Mapping[str, Callable[[Any], str]]] = {
    "when": marks.date_mark,
    "value": _value_mark,
    "offices": _offices_mark,
    "combat": lambda record: marks.NOT_STATED if marks.read_field(record, "combat") else "",
}
_COMPACT: Final = (("about ", "~"), ("at least ", "≥"), ("at most ", "≤"), ("more than ", ">"), ("less than ", "<"))


def _cell(value: object) -> str:
    """A value as a table cell: several joined by ``; ``, a quantity field as its figure alone."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        items: tuple[object, ...] = value  # pyright: ignore[reportUnknownVariableType]
        return SEPARATOR.join(str(item) for item in items)
    if isinstance(value, Quantity):  # the column names what is counted: 1,044, 40-65, ≥400,000, ~50
        text = marks.quantity_text(value, unit=False)
        for long, short in _COMPACT:
            text = text.replace(long, short)
        return text
    return marks.date_text(value)


def _field_mark(cls: type, name: str) -> Callable[[Any], str]:
    """The mark a field's cell carries: its dates' basis, an assumed currency, a country read from a name."""
    declared, hint = dict(facts(cls))[name], field_hints(cls)[name]
    if name in getattr(cls, "counted_in", {}):  # rnzn-korea's killed: counted within k-force-korea's
        return lambda record: (
            marks.COUNTED
            if marks.counted_within(record, name)
            else marks.NOT_STATED
            if marks.read_field(record, name)
            else ""
        )
    if declared.date:
        return marks.date_mark
    if hint is Money:
        return lambda record: (
            marks.money_mark(getattr(record, name)) or (marks.NOT_STATED if marks.read_field(record, name) else "")
        )
    return lambda record: marks.NOT_STATED if marks.read_field(record, name) else ""


def _shown(cls: type, name: str, rank: int) -> Shown:
    needed = name in getattr(cls, "table_needed", ())
    if name in _COMPUTED:
        doc, computed, read = _COMPUTED[name]
        return Shown(
            name=name,
            description=doc,
            kind=computed,
            rank=rank,
            get=lambda r: _cell(read(r)),
            mark=_COMPUTED_MARKS.get(name, _no_mark),
            keep=name == "combat",
            needed=needed,
        )
    declared, hint = dict(facts(cls))[name], field_hints(cls)[name]
    several = typing.get_origin(hint) is tuple  # a list of codes may be cut short, as text is
    kind: ShownKind = "id" if declared.refers else "text" if declared.search or several else "value"
    if hint in {Quantity, Money, int}:
        kind = "number"
    if hint is Quantity:
        doc = f"{field_docs(cls)[name]} The figure alone: ~ about, ≥ at least, ≤ at most, > more than, < less than."
    else:
        doc = field_docs(cls)[name]
    return Shown(
        name=name,
        description=doc,
        kind=kind,
        rank=rank,
        get=lambda r: _cell(getattr(r, name)),
        mark=_field_mark(cls, name),
        needed=needed,
    )


_ID_SHOWN: Final = Shown(
    name="id", description="The record's id (usnz show ID)", kind="id", rank=0, get=attrgetter("id")
)
MIXED: Final = (
    _ID_SHOWN,
    _shown(object, "when", 2),
    Shown(name="kind", description="What kind of record it is", kind="value", rank=3, get=attrgetter("record_kind")),
    Shown(name="about", description="A short human name for the record", kind="text", rank=1, get=attrgetter("label")),
)
"""The columns of a table of several kinds of records."""


def shown(cls: type[AnyRecord]) -> tuple[Shown, ...]:
    """The columns a table of *cls* records shows, in their order: ``id``, values and figures, then text.

    >>> from usnz import ForceContribution
    >>> [c.name for c in shown(ForceContribution)]
    ['id', 'personnel', 'combat', 'period', 'served', 'killed', 'country', 'ships', 'aircraft', 'wounded',
     'captured', 'conflict', 'about']
    """
    chosen = [_shown(cls, name, rank) for rank, name in enumerate(SHOWN[cls], start=1)]
    # each kind's label first: kept, even when all rows share it, and never left out for room
    chosen[0] = attrs.evolve(chosen[0], keep=True, needed=True)
    return (_ID_SHOWN, *sorted(chosen, key=lambda column: column.kind == "text"))


def table(records: Sequence[AnyRecord]) -> tuple[tuple[Shown, ...], list[tuple[str, ...]]]:
    """The columns a table of *records* shows and each record's cells, as both faces show them.

    Records of one kind show :func:`shown` columns, of several kinds (or a class of your own)
    :data:`MIXED`. A column that says nothing is left out: every cell empty, or, for two
    records or more, every cell the same (``conflict`` when they were chosen by conflict),
    unless it is kept (``combat``), it dates the records (:data:`~usnz.faces.marks.DATES`: the same date is
    still the answer to "when?"), or a cell of it carries a mark (a date from outside the
    texts, ``2010-04~ †``, an inferred one, ``2009~ *``): the caveat is kept with its legend.
    The figures no record states are named by :func:`unstated`.

    >>> import usnz
    >>> columns, rows = table(usnz.force_contributions(conflict="korean-war"))
    >>> [c.name for c in columns]
    ['id', 'personnel', 'combat', 'period', 'served', 'killed', 'country', 'ships', 'wounded', 'captured', 'about']
    """
    kinds = {type(record) for record in records}
    only = kinds.pop() if len(kinds) == 1 else None
    offered = shown(only) if only is not None and only in SHOWN else MIXED  # a class of your own: as mixed
    cells = [[column.get(record) for record in records] for column in offered]
    kept = [
        at
        for at, cells_of in enumerate(cells)
        if not records
        or at == 0
        or offered[at].keep
        or _informative(cells_of)
        or (offered[at].name in marks.DATES and any(cells_of))
        or _marked(offered[at], records)
    ]
    return tuple(offered[at] for at in kept), [tuple(cells[at][row] for at in kept) for row in range(len(records))]


def unstated(records: Sequence[AnyRecord]) -> list[str]:
    """The figure columns a table of *records* (of one kind) would show but no record states: left out of it.

    >>> import usnz
    >>> unstated(usnz.force_contributions(conflict="vietnam-war", country="NZL"))
    ['served', 'killed', 'ships', 'aircraft', 'wounded', 'captured']
    """
    kinds = {type(record) for record in records}
    if len(kinds) != 1 or (only := kinds.pop()) not in SHOWN:
        return []
    return [
        column.name
        for column in shown(only)
        if column.kind == "number"
        and not any(column.get(record) for record in records)
        and not _marked(column, records)
    ]


def table_notes(
    records: Sequence[AnyRecord], chosen: Sequence[Shown], rows: Sequence[Sequence[str]], shown: Iterable[int]
) -> list[str]:
    """The legend lines a table's cells need beyond their marks: the date forms used, the figures no record states.

    *chosen* and *rows* are :func:`table`'s; *shown* the positions of the columns shown.
    """
    kept = set(shown)
    dates = [
        (row[at], column.mark(record))  # the mark tells a hedge of the text from the reading's own ~
        for record, row in zip(records, rows, strict=True)
        for at, column in enumerate(chosen)
        if at in kept and column.name in marks.DATES
    ]
    line = marks.dates_legend(dates)
    notes = [] if line is None else [line]
    empty = unstated(records)
    if empty:
        notes.append(f"No record here states: {', '.join(empty)} (so not shown; unknown, not 0)")
    return notes


def table_marks(
    records: Sequence[AnyRecord], chosen: Sequence[Shown], data: Dataset | None = None
) -> tuple[list[tuple[str, ...]], list[str]]:
    """Each cell's mark (the id's is its dispute group, ``≠2``), and the legend lines of the marks used.

    A dispute group has its number in *data*'s ``disputes()`` (the packaged dataset's by default),
    so ``≠2`` in any table is ``usnz.disputes()[1]``. Records that are not *data*'s own (a
    dataset of your own shown without it) are numbered in the table alone, and the legend then
    points to no list.
    """
    groups, members = marks.dispute_groups(records)
    whole = marks.listed([record for record in records if record.id in groups], data) if groups else None
    if whole is not None:
        groups = {rid: whole[rid] for rid in groups}
        numbered: dict[int, list[str]] = {}
        for ids in sorted(members.values(), key=lambda ids: whole[ids[0]]):  # two here may be one there
            numbered.setdefault(whole[ids[0]], []).extend(ids)
        members = numbered
    rows: list[tuple[str, ...]] = []
    used: set[str] = set()
    counted: dict[str, list[str]] = {}  # for each record whose figure counts others', those others
    for record in records:
        row = tuple(
            f"{marks.DISPUTED}{groups[record.id]}"
            if column is _ID_SHOWN and record.id in groups
            else column.mark(record)
            for column in chosen
        )
        for column, mark in zip(chosen, row, strict=True):
            target = marks.counted_within(record, column.name) if mark == marks.COUNTED else None
            if target is not None and record.id not in counted.setdefault(target, []):
                counted[target].append(record.id)
        used.update(row)
        rows.append(row)
    listed = None if whole is None else marks.DISPUTES_LIST if data is None else "the dataset's disputes()"
    notes = [
        _MARK_NOTES[column.name]
        for at, column in enumerate(chosen)
        if column.name in _MARK_NOTES and any(row[at] for row in rows)
    ]
    return rows, [*marks.legend(used, members, records, listed=listed, counted=counted), *notes]


def shown_legend(
    legend: Sequence[str], row_marks: Sequence[Sequence[str]], shown: Iterable[int], chosen: Sequence[Shown] = ()
) -> list[str]:
    """*legend* (of :func:`table_marks`) less the lines of marks that only columns not *shown* (positions) carry.

    A column's own line (a person's ``offices``) goes with it: *chosen* are the table's columns.
    """
    kept = set(shown)
    seen = marks.single_marks(mark for row in row_marks for at, mark in enumerate(row) if at in kept)
    hidden = {
        f"{mark} {marks.MEANING[mark]}" for mark in (marks.NOT_STATED, marks.OUTSIDE, marks.PLANNED) if mark not in seen
    }
    hidden |= {_MARK_NOTES.get(column.name, "") for at, column in enumerate(chosen) if at not in kept} - {""}
    counted = marks.COUNTED not in seen  # its lines name records: each starts with the mark
    return [line for line in legend if line not in hidden and not (counted and line.startswith(marks.COUNTED))]


def _marked(column: Shown, records: Sequence[AnyRecord]) -> bool:
    """Whether a cell of *column* carries a mark (:mod:`usnz.faces.marks`): then the column is shown.

    A figure counted within another record's (``⊂``) is marked on an empty cell.
    """
    return any((mark := column.mark(record)) and (column.get(record) or mark == marks.COUNTED) for record in records)


def _informative(values: list[str]) -> bool:
    return any(values) and (len(values) == 1 or len(set(values)) > 1)
