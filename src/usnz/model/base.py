"""What every record shares: the :class:`Record` base, how it describes itself, and field checks.

Each record kind is a module of :mod:`usnz.model.kinds`, built on first use; the checks
here are what their fields validate with.
"""

from __future__ import annotations

import contextvars
import functools
import operator
import typing
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, Final, Literal

import attrs

from usnz.model import hooks
from usnz.model.citation import Citation
from usnz.model.columnwise import distinct, flat, items, optional, present, strs
from usnz.model.countries import CODES, unknown_code
from usnz.model.dates import PartialDate, Period
from usnz.model.doubt import Doubt
from usnz.model.errors import ArgumentValueError, shown
from usnz.model.facts import Fact, batched, documented, fact, facts, keys_of, methods_on_first_use, requiring, walk
from usnz.model.ids import ID_PATTERN, all_ids, check_id, check_ids
from usnz.model.plain import TEXT_PATTERN, all_safe, unsafe
from usnz.model.validators import require_tuple

__all__ = [
    "DATE_BASES",
    "ONE_WHEN",
    "PROVENANCE",
    "DateBasis",
    "Described",
    "Record",
    "check_citations",
    "check_countries",
    "check_country",
    "check_date_basis",
    "check_doubts",
    "check_id",
    "check_ids",
    "check_optional_id",
    "check_optional_text",
    "check_period_alone",
    "check_planned",
    "check_read",
    "check_text",
    "check_texts",
    "citations_in",
    "dates_of",
    "is_date_type",
    "readable",
]

PROVENANCE: Final = ("date_basis", "planned", "read", "citations", "doubts", "notes", "see_also", "disputes")
"""The fields that say where a record comes from: shown after its own facts."""

_CITATION: Final = operator.attrgetter(*(field.name for field in attrs.fields(Citation)))
_CITED: Final = operator.attrgetter("source", "paragraph")
"""Part of a citation: two citations of a record differ in it, almost always (compared first)."""
_DOUBT: Final = operator.attrgetter(*(field.name for field in attrs.fields(Doubt)))
_DOUBT_TEXT: Final = operator.attrgetter("text")


DateBasis = Literal["stated", "inferred", "external"]
"""How a record's date was determined: a cited paragraph states it; it is reasoned from the
texts (the notes say how); or it comes from outside both texts (the notes name what)."""


@batched(optional(all_ids))
@requiring({"type": "string", "pattern": f"^{ID_PATTERN}$"})
def check_optional_id(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require a kebab-case id or ``None``."""
    if value is not None:
        check_id(instance, attribute, value)


TABLE_LATER: Final[contextvars.ContextVar[bool]] = contextvars.ContextVar("usnz_country_table_later", default=False)
"""Set (by the loader, :func:`usnz.reading.load.read`) while it builds a file's records: a well-formed
country code missing from the country table is then let through, for the loader's checks to report it
with every other problem of its record; everywhere else a record constructor refuses it."""


def _all_codes(values: list[Any]) -> bool:
    """Whether each of *values* is a code of usnz's country table (three ASCII capitals)."""
    return strs(values) and set(values) <= CODES


def _is_code(value: object) -> bool:
    """Whether *value* is three ASCII capitals (``[A-Z]{3}``), as the text it holds (no method of a subclass asked)."""
    return (
        isinstance(value, str)
        and str.__len__(value) == 3
        and str.isascii(value)
        and str.isalpha(value)
        and str.isupper(value)
    )


@batched(optional(_all_codes))
def check_country(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require an ISO 3166-1 alpha-3 code of usnz's country table, ``usnz.COUNTRIES`` (or ``None``)."""
    if value is None or (type(value) is str and value in CODES):  # the common case: one lookup
        return
    if not _is_code(value):
        msg = f"{attribute.name} must be an ISO 3166-1 alpha-3 code such as 'NZL', got {shown(value)}"
        raise ArgumentValueError(msg)
    if str.__str__(value) not in CODES and not TABLE_LATER.get():  # a str subclass of a known code passes
        msg = f"{attribute.name}: {unknown_code(str.__str__(value))}"
        raise ArgumentValueError(msg)


@batched(items(_all_codes, unique=True))
def check_countries(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """Require a tuple of alpha-3 codes, none twice."""
    require_tuple(attribute, value)
    for item in value:
        check_country(instance, attribute, item)
    if len(value) != 1 and len(set(value)) != len(value):
        msg = f"{attribute.name} lists a country twice: {shown(value)}"
        raise ArgumentValueError(msg)


def _all_texts(values: list[Any]) -> bool:
    """Whether each of *values* is printable text, not empty, without leading or trailing spaces."""
    return (
        strs(values)
        and all(values)
        and list(map(str.strip, values)) == values  # (strip returns a str itself when it has nothing to strip)
        and all_safe(values)
    )


@batched(_all_texts)
@requiring({"type": "string", "pattern": TEXT_PATTERN})
def check_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require non-empty text without leading or trailing spaces, control characters or lone surrogates."""
    if type(value) is str and value.isprintable() and value and value == value.strip():  # the common case
        return
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        msg = f"{attribute.name} must be non-empty text without leading or trailing spaces, got {shown(value)}"
        raise ArgumentValueError(msg)
    why = unsafe(value)
    if why is not None:
        msg = f"{attribute.name} {why}"
        raise ArgumentValueError(msg)


@batched(optional(_all_texts))
@requiring({"type": "string", "pattern": TEXT_PATTERN})
def check_optional_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require text as :func:`check_text` does, or ``None``."""
    if value is not None:
        check_text(instance, attribute, value)


@batched(items(_all_texts))
@requiring({"items": {"type": "string", "pattern": TEXT_PATTERN}})
def check_texts(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """Require a tuple of texts as :func:`check_text` does."""
    require_tuple(attribute, value)
    for item in value:
        check_text(instance, attribute, item)


def _repeats(value: tuple[Any, ...], cls: type, fields: Callable[[Any], tuple[Any, ...]]) -> bool:
    """Whether *value*, a tuple of *cls* values, holds one twice: ``len(set(value)) != len(value)``.

    Values of *cls* itself are compared by all their *fields* at once, in C, as their ``__eq__``
    and ``__hash__`` (attrs') compare them, which a first get then need not write (see
    :func:`~usnz.model.facts.methods_on_first_use`); a subclass's values by their own.
    """
    kept = set(map(fields, value)) if set(map(type, value)) == {cls} else set(value)
    return len(kept) != len(value)


def _all_citations(values: list[Any]) -> bool:
    """Whether each of *values* is a tuple of citations, at least one, none twice."""
    found = flat(values)
    return (
        found is not None
        and all(values)
        and set(map(type, found)) <= {Citation}
        and distinct(values, _CITATION, first_by=_CITED)
    )


@batched(_all_citations)
@requiring({"minItems": 1, "uniqueItems": True})
def check_citations(instance: object, attribute: attrs.Attribute[Any], value: tuple[Citation, ...]) -> None:
    """Require at least one citation, none twice."""
    require_tuple(attribute, value, Citation)
    if not value:
        msg = "citations must name at least one source paragraph"
        raise ArgumentValueError(msg)
    if len(value) != 1 and _repeats(value, Citation, _CITATION):
        msg = f"citations lists a paragraph twice: {value!r}"
        raise ArgumentValueError(msg)


def _all_doubts(values: list[Any]) -> bool:
    """Whether each of *values* is a tuple of doubts, none twice."""
    found = flat(values)
    return found is not None and set(map(type, found)) <= {Doubt} and distinct(values, _DOUBT, first_by=_DOUBT_TEXT)


@batched(_all_doubts)
@requiring({"uniqueItems": True})
def check_doubts(instance: object, attribute: attrs.Attribute[Any], value: tuple[Doubt, ...]) -> None:
    """Require a tuple of :class:`~usnz.Doubt` values, none twice."""
    if type(value) is tuple and not value:  # the common case: none
        return
    require_tuple(attribute, value, Doubt)
    if len(value) != 1 and _repeats(value, Doubt, _DOUBT):
        msg = f"{attribute.name} lists a doubt twice: {value!r}"
        raise ArgumentValueError(msg)


ONE_WHEN: Final = "give date or period, not both"
"""What a record with both a ``date`` and a ``period`` is refused with (its ``cross_check`` says it too)."""


@batched(lambda values: not present(values))
def check_period_alone(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse a ``period`` on a record that has a ``date`` too: a record has one or the other.

    A record's ``when`` is its first date field that is set, so a period beside a date would be
    ignored by every query (``during=``, the timeline) while a face still showed it.
    """
    date = getattr(instance, "date", None)
    if value is not None and date is not None:
        msg = (
            f"{ONE_WHEN}: this record has date {str(date)!r} and {attribute.name} {str(value)!r}; keep the date "
            f"(a day, month or year) or the period (a span, or the window an undated record fell in)"
        )
        error = ArgumentValueError(msg)
        error.field = attribute.name
        raise error


def dates_of(record: attrs.AttrsInstance) -> Iterator[PartialDate | Period]:
    """Every date and period a record carries in its own fields (not its roles')."""
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if isinstance(value, PartialDate | Period):
            yield value


def citations_in(record: attrs.AttrsInstance) -> Iterator[tuple[str, Citation]]:
    """Each (path, citation) a record carries, in field order: its own, and those in its values.

    A person's roles' attestations carry citations too (``roles[0].attested[1].citation``).
    """
    for path, _, value in walk(record):
        if isinstance(value, Citation):
            yield path, value
        elif isinstance(value, tuple):
            items: tuple[object, ...] = value  # pyright: ignore[reportUnknownVariableType]
            yield from ((f"{path}[{at}]", item) for at, item in enumerate(items) if isinstance(item, Citation))


class _DateTypes(dict[type, bool]):
    """Whether values of a type are dates or periods, by type: asked once a type."""

    def __missing__(self, kind: type) -> bool:
        self[kind] = dated = issubclass(kind, PartialDate | Period)
        return dated


_DATE_TYPES: Final = _DateTypes()
DATE_BASES: Final[tuple[str, ...]] = typing.get_args(DateBasis)
"""Every :data:`DateBasis`."""
is_date_type: Final[Callable[[type], bool]] = _DATE_TYPES.__getitem__
"""Whether values of a type are dates or periods (asked in C, each type worked out once)."""


@functools.cache
def _all_fields(cls: Any) -> operator.attrgetter[tuple[Any, ...]]:
    """What reads every field of an attrs class at once, as a tuple."""
    return operator.attrgetter(*(field.name for field in attrs.fields(cls)), "__class__")  # a tuple, even of one field


def _dated(record: object) -> bool:
    """Whether :func:`dates_of` finds a date in *record*: its fields' types asked, in C."""
    kind: Any = type(record)
    return any(map(_DATE_TYPES.__getitem__, map(type, _all_fields(kind)(record))))


def check_date_basis(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require ``date_basis`` exactly when the record carries a date."""
    dated = _dated(instance)
    if value is None:
        if dated:
            msg = (
                "date_basis is required on a record with a date: 'stated' (a cited paragraph states it), "
                "'inferred' (reasoned from the texts; say how in notes) or 'external' (name the source in notes)"
            )
            raise ArgumentValueError(msg)
        return
    if value not in DATE_BASES:
        msg = f"date_basis must be one of 'stated', 'inferred', 'external', got {value!r}"
        raise ArgumentValueError(msg)
    if not dated:
        msg = f"date_basis is {value!r} but the record has no date; leave date_basis out"
        raise ArgumentValueError(msg)


_STATED: Final = "_stated"
"""How a flag that says whether another field is stated ends (``combat_stated``): that field's reading is the flag's."""


@functools.cache
def readable(cls: Any) -> tuple[str, ...]:
    """The fields of *cls* a record's ``read`` may name, in declaration order: its facts the texts may leave unstated.

    Not ``id`` nor its provenance; not a date (its ``date_basis`` says how it was determined),
    nor a field whose reading a flag of its own says (``combat``: ``combat_stated``), nor that flag.

    >>> from usnz.model.kinds.quotes import Quote
    >>> readable(Quote)
    ('speaker', 'text', 'occasion', 'event', 'subjects')
    """
    declared = facts(cls)
    names = {name for name, _ in declared}
    return tuple(
        name
        for name, fact_of in declared
        if name != "id"
        and name not in PROVENANCE
        and not fact_of.date
        and not name.endswith(_STATED)
        and f"{name}{_STATED}" not in names
    )


def _read_refused(instance: object, name: object, names: tuple[str, ...]) -> str | None:
    """Why ``read`` may not name *name* on *instance* (*names*: what it may name), or ``None``."""
    kind: Any = type(instance)
    if type(name) is not str:
        return f"read names fields by their names (text), got {type(name).__name__} {shown(name)}"
    if name not in names:
        declared = dict(facts(kind))
        if name in declared and declared[name].date:
            return (
                f"read names {name!r}, a date: how a date was determined is its date_basis ('inferred': read from "
                f"the texts), not read; leave {name!r} out of read"
            )
        if f"{name}{_STATED}" in declared:
            return f"read names {name!r}, whose reading {name}{_STATED}=False says already; leave {name!r} out of read"
        accepted = ", ".join(names)
        return (
            f"read names {shown(name)}, which is no field of {kind.__name__} read may name; it takes: {accepted} "
            "(the names of fields, as in the record's JSON)"
        )
    got = getattr(instance, name)
    if got is None or got == ():
        return (
            f"read names {name!r}, which this record leaves empty: a value not given is not read from the texts; "
            f"set {name} or leave it out of read"
        )
    return None


def _no_read(values: list[Any]) -> bool:
    """Whether each of *values* is an empty tuple: a record that declares no field read (the common case)."""
    return set(map(type, values)) <= {tuple} and not any(values)


@batched(_no_read)
@requiring({"items": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}, "uniqueItems": True})
def check_read(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require the names of fields of the record's class it sets, each once, on a record with a doubt.

    Each name is one of :func:`readable`'s; a doubt of the record says how the value is read.
    """
    if type(value) is tuple and not value:  # the common case: nothing read
        return
    require_tuple(attribute, typing.cast("object", value))
    given = typing.cast("tuple[object, ...]", value)
    kind: Any = type(instance)
    names = readable(kind)
    for name in given:
        why = _read_refused(instance, name, names)
        if why is not None:
            error = ArgumentValueError(why)
            error.field = attribute.name
            raise error
    read = [str(name) for name in given]  # each a field's name, now
    twice = sorted({name for name in read if read.count(name) > 1})
    if twice:
        msg = f"read names {', '.join(map(repr, twice))} twice, got {shown(given)}; name each field once"
        raise ArgumentValueError(msg)
    if not getattr(instance, "doubts", ()):
        msg = (
            f"read says {', '.join(read)} {'is' if len(read) == 1 else 'are'} read from the texts, not stated, yet "
            "the record has no doubt: add one (kind 'reading') saying how each is read, or leave read out"
        )
        error = ArgumentValueError(msg)
        error.field = attribute.name
        raise error


setattr(check_read, "fields_of", readable)  # noqa: B010 - what a schema lists as the names a class's read takes


def _none_planned(values: list[Any]) -> bool:
    """Whether each of *values* is ``False`` (a bool): no date in the column is a plan."""
    return set(map(type, values)) <= {bool} and True not in values


@batched(_none_planned)
def check_planned(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require ``True`` or ``False``, and ``True`` only on a record that carries a date (so has a ``date_basis``)."""
    if type(value) is not bool:
        msg = f"{attribute.name} must be True or False, got {shown(value)}"
        raise ArgumentValueError(msg)
    if value and getattr(instance, "date_basis", None) is None:
        msg = f"{attribute.name} is True but the record has no date; a plan needs the date it was set for"
        raise ArgumentValueError(msg)


class Described:
    """What every record (and a source) can say of itself, read from its fields' :func:`fact` declarations."""

    __slots__ = ()
    record_kind: ClassVar[str]
    cross_check: ClassVar[str | None] = None
    """What usnz.load checks across its fields, in words (what a schema of each field alone cannot say)."""
    table_fields: ClassVar[tuple[str, ...]] = ()
    """What a table of records of this kind shows after ``id``, most wanted first: fields, or
    ``when`` (the record's date or period), ``value`` (a figure's quantity or money), ``offices``
    (a person's roles), ``about`` (the record's label: its unit, else its summary), ``combat``
    (yes, no, not stated), ``served`` (a force's ``total_served``: everyone who served in it).
    Ids, values and figures come first on a line, text last."""
    table_needed: ClassVar[tuple[str, ...]] = ()
    """Of ``table_fields``, the columns that decide a row's answer (a quote's ``speaker``, a force's
    ``combat``): a table never leaves them out for want of room, in the terminal or in Jupyter,
    before every other column but the id and the label."""
    if typing.TYPE_CHECKING:
        id: str

    @property
    def label(self) -> str:
        """A short human name: the first of the fields that name the record that is set, else the id."""
        kind: Any = type(self)
        for name in _label_fields(kind):
            value = getattr(self, name)
            if value:
                return str(value)
        return self.id

    @property
    def when(self) -> PartialDate | Period | None:
        """The record's date or period, if it has one: the first of its date fields that is set."""
        kind: Any = type(self)
        for name in _date_fields(kind):
            value: PartialDate | Period | None = getattr(self, name)
            if value is not None:
                return value
        return None

    def references(self) -> Iterator[tuple[str, str]]:
        """Each (field path, id) this record points at (``roles[0].organization``, ``citations[0].source``...)."""
        for path, declared, value in walk(self):
            if declared.refers:
                yield from ((path, ref) for ref in _values(value))

    def references_of(self) -> Iterator[tuple[str, str, Fact]]:
        """Each (field path, id, the field's :class:`~usnz.model.facts.Fact`) this record points at."""
        for path, declared, value in walk(self):
            if declared.refers:
                yield from ((path, ref, declared) for ref in _values(value))

    def country_codes(self) -> frozenset[str]:
        """Every country code the record names (its own and its roles')."""
        return keys_of(self).codes

    def search_text(self) -> str:
        """The text ``search`` matches against: the id's words and every searchable field."""
        words = [self.id.replace("-", " ")]
        words.extend(text for _, declared, value in walk(self) if declared.search for text in _values(value))
        return " ".join(words)

    def __str__(self) -> str:
        """The record as ``usnz show`` prints it: id and kind, then one field per line."""
        text: str = hooks.face("text")(self)
        return text

    def _repr_html_(self) -> str:
        """The record as an HTML table: how Jupyter shows it."""
        html: str = hooks.face("html")(self)
        return html


def _values(value: object) -> tuple[str, ...]:
    """A field's text values: one for a string, each string of a tuple, none for anything else."""
    if isinstance(value, str):
        return (value,)
    items: tuple[object, ...] = value if isinstance(value, tuple) else ()  # pyright: ignore[reportUnknownVariableType]
    return tuple(item for item in items if isinstance(item, str))


@functools.cache
def _label_fields(cls: Any) -> tuple[str, ...]:
    return tuple(name for _, name in sorted((declared.label, name) for name, declared in facts(cls) if declared.label))


@functools.cache
def _date_fields(cls: Any) -> tuple[str, ...]:
    return tuple(name for name, declared in facts(cls) if declared.date)


@documented
@attrs.frozen(kw_only=True)
@methods_on_first_use
class Record(Described):
    """What every record has: an id, its citations, and links to related records."""

    record_kind: ClassVar[str] = "record"

    id: str = fact(validator=check_id, doc="Stable kebab-case slug, unique across the whole dataset.")
    citations: tuple[Citation, ...] = fact(
        validator=check_citations, doc="The source paragraphs that state the record's facts (never empty)."
    )
    doubts: tuple[Doubt, ...] = fact(
        default=(),
        validator=check_doubts,
        doc=(
            "The doubtful spots of the texts the record rests on, each a :class:`~usnz.Doubt` (contradictions "
            "first): what the text leaves open and the reading the record took."
        ),
    )
    notes: str | None = fact(
        default=None,
        validator=check_optional_text,
        doc="How the record reads its sources, where that is not a doubt: inference, scope, what is left out.",
    )
    see_also: tuple[str, ...] = fact(
        default=(), validator=check_ids, refers=("any",), doc="Ids of closely related records."
    )
    disputes: tuple[str, ...] = fact(
        default=(),
        validator=check_ids,
        refers=("any",),
        doc=(
            "Ids of records whose claim this record's claim contradicts; the link goes both ways. Neither claim is "
            "preferred."
        ),
    )
    date_basis: DateBasis | None = fact(
        default=None,
        validator=check_date_basis,
        filter="basis",
        doc=(
            "How the record's dates were determined (:data:`DateBasis`): set on every record that carries a date, "
            "``None`` on the others."
        ),
    )
    planned: bool = fact(
        default=False,
        validator=check_planned,
        doc=(
            "``True`` when the record's date is one the texts give as planned, scheduled or a target (a round of "
            "talks 'scheduled for March 2009'), not as a date it is known to have happened: ``during=`` leaves such "
            "a record out unless ``possibly=True``, and faces mark its date ``◇``."
        ),
    )
    read: tuple[str, ...] = fact(
        default=(),
        validator=check_read,
        doc=(
            "The names of this record's fields whose values the texts do not state but the record reads from them "
            "(a quote's ``speaker`` where the text says only 'he said', a ``country`` read from a name); a doubt of "
            "the record says how. Faces mark such a value ``*``. Not a date (``date_basis`` says how it was "
            "determined) nor ``combat`` (``combat_stated``)."
        ),
    )
