"""The record classes: one frozen attrs class per kind of fact.

Records refer to each other by id (``conflict="korean-war"``); the dataset checks
every reference when it loads. Countries are ISO 3166-1 alpha-3 codes.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, ClassVar, Final, Literal

import attrs

from usnz.model import hooks
from usnz.model.facts import Fact, documented, fact, facts, walk
from usnz.model.values import Citation, Money, PartialDate, Period, Quantity

__all__ = [
    "KINDS",
    "OFFICES",
    "Agreement",
    "AgreementKind",
    "AnyRecord",
    "Assistance",
    "Branch",
    "Conflict",
    "DateBasis",
    "Described",
    "Event",
    "EventKind",
    "Figure",
    "ForceContribution",
    "Organization",
    "OrganizationKind",
    "Person",
    "Quote",
    "Record",
    "Role",
    "Source",
    "SourceKind",
]

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)
_COUNTRY = re.compile(r"[A-Z]{3}", re.ASCII)
_SHA256 = re.compile(r"[0-9a-f]{64}", re.ASCII)
_TIME = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]", re.ASCII)


SourceKind = Literal["encyclopedia-article", "news-article"]
"""What sort of text a source is."""
AgreementKind = Literal[
    "treaty",
    "declaration",
    "trade-agreement",
    "trade-negotiation",
    "intelligence-agreement",
    "un-resolution",
    "partnership",
]
"""What sort of agreement."""
OrganizationKind = Literal[
    "council",
    "caucus",
    "government-agency",
    "military-unit",
    "company",
    "non-profit",
    "news-media",
    "sports-team",
    "sports-body",
    "university",
    "international",
    "political-party",
    "legislature",
    "other",
]
"""What sort of organization."""
EventKind = Literal[
    "visit",
    "meeting",
    "talks",
    "announcement",
    "statement",
    "report",
    "award",
    "exercise",
    "decision",
    "sports",
    "deployment",
    "establishment",
    "negotiation",
    "other",
]
"""What sort of event."""
Branch = Literal["army", "navy", "air-force", "special-forces", "tri-service", "multiple"]
"""A service branch."""
DateBasis = Literal["stated", "inferred", "external"]
"""How a record's date was determined: a cited paragraph states it; it is reasoned from the
texts (the notes say how); or it comes from outside both texts (the notes name what)."""

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


def _check_id(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or _ID.fullmatch(value) is None:
        msg = f"{attribute.name} must be a kebab-case id (lowercase letters, digits, single hyphens), got {value!r}"
        raise ValueError(msg)


def _check_ids(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for item in value:
        _check_id(instance, attribute, item)
    if len(set(value)) != len(value):
        msg = f"{attribute.name} lists an id twice: {value!r}"
        raise ValueError(msg)


def _check_optional_id(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _check_id(instance, attribute, value)


def _check_country(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or _COUNTRY.fullmatch(value) is None):
        msg = f"{attribute.name} must be an ISO 3166-1 alpha-3 code such as 'NZL', got {value!r}"
        raise ValueError(msg)


def _check_countries(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for item in value:
        _check_country(instance, attribute, item)
    if len(set(value)) != len(value):
        msg = f"{attribute.name} lists a country twice: {value!r}"
        raise ValueError(msg)


def _check_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        msg = f"{attribute.name} must be non-empty text without leading or trailing spaces, got {value!r}"
        raise ValueError(msg)


def _check_optional_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _check_text(instance, attribute, value)


def _check_texts(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for item in value:
        _check_text(instance, attribute, item)


def _check_citations(instance: object, attribute: attrs.Attribute[Any], value: tuple[Citation, ...]) -> None:
    if not value:
        msg = "citations must name at least one source paragraph"
        raise ValueError(msg)
    if len(set(value)) != len(value):
        msg = f"citations lists a paragraph twice: {value!r}"
        raise ValueError(msg)


def dates_of(record: attrs.AttrsInstance) -> Iterator[PartialDate | Period]:
    """Every date and period a record carries in its own fields (not its roles')."""
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if isinstance(value, PartialDate | Period):
            yield value


def _check_date_basis(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    dated = next(dates_of(typing.cast("attrs.AttrsInstance", instance)), None) is not None
    if value is None:
        if dated:
            msg = (
                "date_basis is required on a record with a date: 'stated' (a cited paragraph states it), "
                "'inferred' (reasoned from the texts; say how in notes) or 'external' (name the source in notes)"
            )
            raise ValueError(msg)
        return
    if value not in typing.get_args(DateBasis):
        msg = f"date_basis must be one of 'stated', 'inferred', 'external', got {value!r}"
        raise ValueError(msg)
    if not dated:
        msg = f"date_basis is {value!r} but the record has no date; leave date_basis out"
        raise ValueError(msg)


def _check_office(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or value not in OFFICES):
        msg = f"office must be one of usnz.OFFICES ({', '.join(OFFICES)}), got {value!r}"
        raise ValueError(msg)


class Described:
    """What every record (and a source) can say of itself, read from its fields' :func:`fact` declarations."""

    __slots__ = ()
    record_kind: ClassVar[str]
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
        return frozenset(code for _, declared, value in walk(self) if declared.country for code in _values(value))

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
class Record(Described):
    """What every record has: an id, its citations, and links to related records."""

    record_kind: ClassVar[str] = "record"

    id: str = fact(validator=_check_id, doc="Stable kebab-case slug, unique across the whole dataset.")
    citations: tuple[Citation, ...] = fact(
        validator=_check_citations, doc="The source paragraphs that state the record's facts (never empty)."
    )
    notes: str | None = fact(
        default=None,
        validator=_check_optional_text,
        doc="How the record reads its sources: vagueness, inference, corrections.",
    )
    see_also: tuple[str, ...] = fact(
        default=(), validator=_check_ids, refers=("any",), doc="Ids of closely related records."
    )
    disputes: tuple[str, ...] = fact(
        default=(),
        validator=_check_ids,
        refers=("any",),
        doc=(
            "Ids of records whose claim this record's claim contradicts; the link goes both ways. Neither claim is "
            "preferred."
        ),
    )
    date_basis: DateBasis | None = fact(
        default=None,
        validator=_check_date_basis,
        doc=(
            "How the record's dates were determined (:data:`DateBasis`): set on every record that carries a date, "
            "``None`` on the others."
        ),
    )


@documented
@attrs.frozen(kw_only=True)
class Source(Described):
    """A source text every fact is drawn from."""

    record_kind: ClassVar[str] = "source"

    id: str = fact(validator=_check_id, doc="Stable kebab-case slug.")
    title: str = fact(validator=_check_text, label=True, search=True, doc="The text's title.")
    publisher: str = fact(validator=_check_text, search=True, doc="Who published it.")
    kind: SourceKind = fact(
        validator=attrs.validators.in_(typing.get_args(SourceKind)), doc="``encyclopedia-article`` or ``news-article``."
    )
    sha256: str = fact(
        validator=attrs.validators.matches_re(_SHA256),
        doc="SHA-256 of the text's bytes, so a citation points into one exact text.",
    )
    paragraphs: int = fact(
        validator=attrs.validators.and_(attrs.validators.instance_of(int), attrs.validators.ge(1)),
        doc="How many paragraphs (lines) the text has.",
    )
    filename: str = fact(validator=_check_text, doc="The text's file name in the usnz seed collection.")
    date: PartialDate | None = fact(default=None, date=True, doc="When it was published, if known.")
    as_of: PartialDate | None = fact(
        default=None,
        doc=(
            "The date the text speaks from: its own date, or for an undated text the latest date it states. A period "
            "it calls ongoing (``2003/..``) is known to run at least to here."
        ),
    )
    notes: str | None = fact(
        default=None, validator=_check_optional_text, doc="What the text is and how it was archived."
    )
    date_basis: DateBasis | None = fact(
        default=None,
        validator=_check_date_basis,
        doc="How ``date`` and ``as_of`` were determined (see :class:`Record`).",
    )


@documented
@attrs.frozen(kw_only=True)
class Agreement(Record):
    """A treaty, declaration, trade agreement or negotiation, intelligence agreement or UN resolution."""

    record_kind: ClassVar[str] = "agreement"

    name: str = fact(validator=_check_text, label=True, search=True, doc="The usual name.")
    kind: AgreementKind = fact(
        validator=attrs.validators.in_(typing.get_args(AgreementKind)), doc="What sort of agreement it is."
    )
    summary: str = fact(validator=_check_text, search=True, doc="What it is, in our own words.")
    aliases: tuple[str, ...] = fact(
        default=(), validator=_check_texts, search=True, doc="Other names and abbreviations (``ANZUS Treaty``)."
    )
    parties: tuple[str, ...] = fact(
        default=(),
        validator=_check_countries,
        country=True,
        doc="Countries bound by it or negotiating it (ISO alpha-3).",
    )
    signed: PartialDate | None = fact(default=None, date=True, doc="When it was signed or concluded, if a source says.")
    period: Period | None = fact(
        default=None, date=True, doc="When it was negotiated or in force, where a source gives that."
    )
    signatories: tuple[str, ...] = fact(
        default=(), validator=_check_ids, refers=("person",), doc="Ids of people who signed it."
    )
    status: str | None = fact(
        default=None, validator=_check_optional_text, doc="Its state as the sources describe it, in words."
    )


@documented
@attrs.frozen(kw_only=True)
class Conflict(Record):
    """A war or military operation."""

    record_kind: ClassVar[str] = "conflict"

    name: str = fact(validator=_check_text, label=True, search=True, doc="The usual name.")
    summary: str = fact(validator=_check_text, search=True, doc="What it was, in our own words.")
    aliases: tuple[str, ...] = fact(
        default=(),
        validator=_check_texts,
        search=True,
        doc="Other names (``Korean War`` has none; ``Second World War`` has ``World War II``).",
    )
    period: Period | None = fact(default=None, date=True, doc="When it was fought, where a source gives it.")
    cow_warnum: int | None = fact(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(int)),
        doc="Correlates of War inter-state war number, where COW codes the war.",
    )


@documented
@attrs.frozen(kw_only=True)
class ForceContribution(Record):
    """What a country sent to a conflict, and what it cost."""

    record_kind: ClassVar[str] = "force-contribution"

    conflict: str = fact(validator=_check_id, refers=("conflict",), doc="Id of the :class:`Conflict`.")
    country: str = fact(validator=_check_country, country=True, doc="The contributing country (ISO alpha-3).")
    summary: str = fact(
        validator=_check_text, label=2, search=True, doc="What was sent and what it did, in our own words."
    )
    unit: str | None = fact(
        default=None,
        validator=_check_optional_text,
        label=1,
        search=True,
        doc="The unit's name as the source gives it (``K-FORCE``).",
    )
    organization: str | None = fact(
        default=None,
        validator=_check_optional_id,
        refers=("organization",),
        doc="Id of the unit's :class:`Organization` record, if it has one.",
    )
    branch: Branch | None = fact(
        default=None,
        validator=attrs.validators.optional(attrs.validators.in_(typing.get_args(Branch))),
        doc="Service branch.",
    )
    role: str | None = fact(
        default=None,
        validator=_check_optional_text,
        search=True,
        doc="Its role (combat, engineering, medical, training...).",
    )
    combat: bool | None = fact(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(bool)),
        doc=(
            "``True`` when the source says it fought, ``False`` when it says it was support only, ``None`` when the "
            "source does not say."
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
    location: str | None = fact(default=None, validator=_check_optional_text, search=True, doc="Where it served.")
    killed: Quantity | None = fact(default=None, doc="Killed in action.")
    wounded: Quantity | None = fact(default=None, doc="Wounded.")
    captured: Quantity | None = fact(default=None, doc="Taken prisoner.")


@documented
@attrs.frozen(kw_only=True)
class Assistance(Record):
    """Non-military help one country gave another: money or in kind."""

    record_kind: ClassVar[str] = "assistance"

    donor: str = fact(validator=_check_country, country=True, doc="The giving country (ISO alpha-3).")
    summary: str = fact(validator=_check_text, label=True, search=True, doc="What was given and why, in our own words.")
    recipient: str | None = fact(
        default=None, validator=_check_country, country=True, doc="The receiving country, if one is named."
    )
    amount: Money | None = fact(default=None, doc="How much money, if a sum is stated.")
    in_kind: str | None = fact(
        default=None, validator=_check_optional_text, search=True, doc="What was given other than money, in words."
    )
    via: str | None = fact(
        default=None,
        validator=_check_optional_id,
        refers=("organization",),
        doc="Id of an organization the help went through (a charity, say).",
    )
    date: PartialDate | None = fact(default=None, date=True, doc="When it was given or pledged.")
    period: Period | None = fact(default=None, date=True, doc="When recurring help ran.")
    purpose: str | None = fact(default=None, validator=_check_optional_text, search=True, doc="What it was for.")


@documented
@attrs.frozen(kw_only=True)
class Event(Record):
    """Something that happened at a time: a visit, meeting, announcement, award..."""

    record_kind: ClassVar[str] = "event"

    kind: EventKind = fact(validator=attrs.validators.in_(typing.get_args(EventKind)), doc="What sort of event.")
    title: str = fact(validator=_check_text, label=True, search=True, doc="A short title in our own words.")
    summary: str = fact(validator=_check_text, search=True, doc="What happened, in our own words.")
    date: PartialDate | None = fact(default=None, date=True, doc="When, if a source says (or implies: see ``notes``).")
    period: Period | None = fact(default=None, date=True, doc="The span of a multi-day event, where known.")
    participants: tuple[str, ...] = fact(
        default=(), validator=_check_ids, refers=("person",), doc="Ids of people involved."
    )
    organizations: tuple[str, ...] = fact(
        default=(), validator=_check_ids, refers=("organization",), doc="Ids of organizations involved."
    )
    countries: tuple[str, ...] = fact(
        default=(), validator=_check_countries, country=True, doc="Countries involved (ISO alpha-3)."
    )
    location: str | None = fact(default=None, validator=_check_optional_text, search=True, doc="Where it happened.")
    conflict: str | None = fact(
        default=None,
        validator=_check_optional_id,
        refers=("conflict",),
        doc="Id of the conflict it belongs to, if any.",
    )
    time: str | None = fact(
        default=None,
        validator=attrs.validators.optional(attrs.validators.matches_re(_TIME)),
        doc=(
            "The local time of day, 24-hour ``HH:MM``, where a source gives it (the Wellington Declaration was signed"
            ' at 4:23 pm: ``"16:23"``).'
        ),
    )
    destination: str | None = fact(
        default=None, validator=_check_country, country=True, doc="For a visit, the country visited (ISO alpha-3)."
    )

    def __attrs_post_init__(self) -> None:
        """Allow a destination on visits only."""
        if self.destination is not None and self.kind != "visit":
            msg = f"destination is for visits only; this event's kind is {self.kind!r}"
            raise ValueError(msg)


@documented
@attrs.frozen(kw_only=True)
class Role:
    """A position a person held, as a source gives it."""

    title: str = fact(
        validator=_check_text, search=True, doc="The position as the source words it (``Secretary of State``)."
    )
    office: str | None = fact(
        default=None,
        validator=_check_office,
        doc=(
            "What the position is, as a slug of :data:`OFFICES` (``secretary-of-state``), where one fits; ``None`` "
            "otherwise (a nominee does not hold the office)."
        ),
    )
    country: str | None = fact(
        default=None, validator=_check_country, country=True, doc="The country it was held for, if any (ISO alpha-3)."
    )
    organization: str | None = fact(
        default=None,
        validator=_check_optional_id,
        refers=("organization",),
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

    name: str = fact(validator=_check_text, label=True, search=True, doc="The full name as usually written.")
    summary: str = fact(validator=_check_text, search=True, doc="Who they are in this story, in our own words.")
    aliases: tuple[str, ...] = fact(
        default=(), validator=_check_texts, search=True, doc="Other forms of the name in the sources (``Mr Key``)."
    )
    country: str | None = fact(
        default=None,
        validator=_check_country,
        country=True,
        doc="The person's country, where the sources make it clear.",
    )
    roles: tuple[Role, ...] = fact(default=(), doc="Each position a source gives them.")


@documented
@attrs.frozen(kw_only=True)
class Organization(Record):
    """A council, caucus, agency, military unit, company, team or other body."""

    record_kind: ClassVar[str] = "organization"

    name: str = fact(validator=_check_text, label=True, search=True, doc="The usual name.")
    kind: OrganizationKind = fact(
        validator=attrs.validators.in_(typing.get_args(OrganizationKind)), doc="What sort of body."
    )
    summary: str = fact(validator=_check_text, search=True, doc="What it is, in our own words.")
    aliases: tuple[str, ...] = fact(
        default=(), validator=_check_texts, search=True, doc="Other names and abbreviations."
    )
    country: str | None = fact(
        default=None, validator=_check_country, country=True, doc="Its country, if it has one (ISO alpha-3)."
    )
    founded: PartialDate | None = fact(default=None, date=True, doc="When it was founded, if a source says.")


@documented
@attrs.frozen(kw_only=True)
class Quote(Record):
    """Words a named person said, verbatim as the source prints them."""

    record_kind: ClassVar[str] = "quote"

    speaker: str = fact(validator=_check_id, refers=("person",), doc="Id of the :class:`Person` who said them.")
    text: str = fact(
        validator=_check_text, label=True, search=True, doc="The words, verbatim (the only verbatim field in usnz)."
    )
    occasion: str | None = fact(
        default=None, validator=_check_optional_text, search=True, doc="When or where they were said, in our own words."
    )
    date: PartialDate | None = fact(default=None, date=True, doc="When, if a source says (or implies: see ``notes``).")
    event: str | None = fact(
        default=None,
        validator=_check_optional_id,
        refers=("event",),
        doc="Id of the :class:`Event` they were said at, if it has a record.",
    )


@documented
@attrs.frozen(kw_only=True)
class Figure(Record):
    """Any other stated number: a count, share, projection, prize, span of years."""

    record_kind: ClassVar[str] = "figure"

    measure: str = fact(
        validator=_check_text, label=True, search=True, doc="What the number measures, in our own words."
    )
    quantity: Quantity | None = fact(default=None, doc="The number as a :class:`Quantity`, unless it is money.")
    money: Money | None = fact(default=None, doc="The amount as :class:`Money`, when it is money.")
    date: PartialDate | None = fact(default=None, date=True, doc="The date the number refers to, if any.")
    subjects: tuple[str, ...] = fact(
        default=(), validator=_check_ids, refers=("any",), doc="Ids of records the number is about."
    )
    countries: tuple[str, ...] = fact(
        default=(), validator=_check_countries, country=True, doc="Countries the number is about (ISO alpha-3)."
    )

    def __attrs_post_init__(self) -> None:
        """Require exactly one of quantity and money."""
        if (self.quantity is None) == (self.money is None):
            msg = "a figure needs exactly one of quantity and money"
            raise ValueError(msg)


AnyRecord = Record | Source
"""Any record usnz holds: a fact record or a source."""

KINDS: Final[Mapping[str, type[AnyRecord]]] = MappingProxyType(
    {
        "sources": Source,
        "agreements": Agreement,
        "conflicts": Conflict,
        "force_contributions": ForceContribution,
        "assistance": Assistance,
        "events": Event,
        "people": Person,
        "organizations": Organization,
        "quotes": Quote,
        "figures": Figure,
    }
)
"""Each record kind by its plural name (also its data file's name, ``<name>.json``)."""
