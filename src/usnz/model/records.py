"""The record classes: one frozen attrs class per kind of fact.

Records refer to each other by id (``conflict="korean-war"``); the dataset checks
every reference when it loads. Countries are ISO 3166-1 alpha-3 codes.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, ClassVar, Final, Literal

import attrs

from usnz.model import hooks
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


@attrs.frozen(kw_only=True)
class Record:
    """What every record has: an id, its citations, and links to related records.

    Attributes:
        id: Stable kebab-case slug, unique across the whole dataset.
        citations: The source paragraphs that state the record's facts (never empty).
        notes: How the record reads its sources: vagueness, inference, corrections.
        see_also: Ids of closely related records.
        disputes: Ids of records whose claim this record's claim contradicts; the
            link goes both ways. Neither claim is preferred.
        date_basis: How the record's dates were determined (:data:`DateBasis`): set on
            every record that carries a date, ``None`` on the others.
    """

    record_kind: ClassVar[str] = "record"

    id: str = attrs.field(validator=_check_id)
    citations: tuple[Citation, ...] = attrs.field(validator=_check_citations)
    notes: str | None = attrs.field(default=None, validator=_check_optional_text)
    see_also: tuple[str, ...] = attrs.field(default=(), validator=_check_ids)
    disputes: tuple[str, ...] = attrs.field(default=(), validator=_check_ids)
    date_basis: DateBasis | None = attrs.field(default=None, validator=_check_date_basis)

    @property
    def label(self) -> str:
        """A short human name for the record."""
        return self.id

    @property
    def when(self) -> PartialDate | Period | None:
        """The record's date or period, if it has one (used by ``timeline``)."""
        return None

    def references(self) -> Iterator[tuple[str, str]]:
        """Each (field name, id) this record points at."""
        for name in ("see_also", "disputes"):
            for value in getattr(self, name):
                yield name, value
        for citation in self.citations:
            yield "citations.source", citation.source

    def country_codes(self) -> frozenset[str]:
        """Every country code the record names."""
        return frozenset()

    def search_text(self) -> str:
        """The text ``search`` matches against (names, aliases, summary)."""
        return self.id.replace("-", " ")

    def __str__(self) -> str:
        """The record as ``usnz show`` prints it: id and kind, then one field per line."""
        text: str = hooks.face("text")(self)
        return text

    def _repr_html_(self) -> str:
        """The record as an HTML table: how Jupyter shows it."""
        html: str = hooks.face("html")(self)
        return html


@attrs.frozen(kw_only=True)
class Source:
    """A source text every fact is drawn from.

    Attributes:
        id: Stable kebab-case slug.
        title: The text's title.
        publisher: Who published it.
        kind: ``encyclopedia-article`` or ``news-article``.
        date: When it was published, if known.
        as_of: The date the text speaks from: its own date, or for an undated text the
            latest date it states. A period it calls ongoing (``2003/..``) is known to
            run at least to here.
        date_basis: How ``date`` and ``as_of`` were determined (see :class:`Record`).
        sha256: SHA-256 of the text's bytes, so a citation points into one exact text.
        paragraphs: How many paragraphs (lines) the text has.
        filename: The text's file name in the usnz seed collection.
        notes: What the text is and how it was archived.
    """

    record_kind: ClassVar[str] = "source"

    id: str = attrs.field(validator=_check_id)
    title: str = attrs.field(validator=_check_text)
    publisher: str = attrs.field(validator=_check_text)
    kind: SourceKind = attrs.field(validator=attrs.validators.in_(typing.get_args(SourceKind)))
    sha256: str = attrs.field(validator=attrs.validators.matches_re(_SHA256))
    paragraphs: int = attrs.field(
        validator=attrs.validators.and_(attrs.validators.instance_of(int), attrs.validators.ge(1))
    )
    filename: str = attrs.field(validator=_check_text)
    date: PartialDate | None = None
    as_of: PartialDate | None = None
    notes: str | None = attrs.field(default=None, validator=_check_optional_text)
    date_basis: DateBasis | None = attrs.field(default=None, validator=_check_date_basis)

    @property
    def label(self) -> str:
        """The source's title."""
        return self.title

    @property
    def when(self) -> PartialDate | None:
        """The publication date, if known."""
        return self.date

    def references(self) -> Iterator[tuple[str, str]]:
        """A source points at no other record."""
        return iter(())

    def country_codes(self) -> frozenset[str]:
        """A source names no country."""
        return frozenset()

    def search_text(self) -> str:
        """Title and publisher."""
        return " ".join((self.id.replace("-", " "), self.title, self.publisher))

    def __str__(self) -> str:
        """The source as ``usnz show`` prints it: id and kind, then one field per line."""
        text: str = hooks.face("text")(self)
        return text

    def _repr_html_(self) -> str:
        """The source as an HTML table: how Jupyter shows it."""
        html: str = hooks.face("html")(self)
        return html


@attrs.frozen(kw_only=True)
class Agreement(Record):
    """A treaty, declaration, trade agreement or negotiation, intelligence agreement or UN resolution.

    Attributes:
        name: The usual name.
        aliases: Other names and abbreviations (``ANZUS Treaty``).
        kind: What sort of agreement it is.
        parties: Countries bound by it or negotiating it (ISO alpha-3).
        signed: When it was signed or concluded, if a source says.
        period: When it was negotiated or in force, where a source gives that.
        signatories: Ids of people who signed it.
        status: Its state as the sources describe it, in words.
        summary: What it is, in our own words.
    """

    record_kind: ClassVar[str] = "agreement"

    name: str = attrs.field(validator=_check_text)
    kind: AgreementKind = attrs.field(validator=attrs.validators.in_(typing.get_args(AgreementKind)))
    summary: str = attrs.field(validator=_check_text)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_check_texts)
    parties: tuple[str, ...] = attrs.field(default=(), validator=_check_countries)
    signed: PartialDate | None = None
    period: Period | None = None
    signatories: tuple[str, ...] = attrs.field(default=(), validator=_check_ids)
    status: str | None = attrs.field(default=None, validator=_check_optional_text)

    @property
    def label(self) -> str:
        """The agreement's name."""
        return self.name

    @property
    def when(self) -> PartialDate | Period | None:
        """When it was signed, else the period it was negotiated or in force."""
        return self.signed if self.signed is not None else self.period

    def references(self) -> Iterator[tuple[str, str]]:
        """Each (field name, id) this record points at."""
        yield from super().references()
        for person in self.signatories:
            yield "signatories", person

    def country_codes(self) -> frozenset[str]:
        """The parties."""
        return frozenset(self.parties)

    def search_text(self) -> str:
        """Name, aliases and summary."""
        return " ".join((super().search_text(), self.name, *self.aliases, self.summary))


@attrs.frozen(kw_only=True)
class Conflict(Record):
    """A war or military operation.

    Attributes:
        name: The usual name.
        aliases: Other names (``Korean War`` has none; ``Second World War`` has ``World War II``).
        period: When it was fought, where a source gives it.
        cow_warnum: Correlates of War inter-state war number, where COW codes the war.
        summary: What it was, in our own words.
    """

    record_kind: ClassVar[str] = "conflict"

    name: str = attrs.field(validator=_check_text)
    summary: str = attrs.field(validator=_check_text)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_check_texts)
    period: Period | None = None
    cow_warnum: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(int))
    )

    @property
    def label(self) -> str:
        """The conflict's name."""
        return self.name

    @property
    def when(self) -> Period | None:
        """The period it was fought, if known."""
        return self.period

    def search_text(self) -> str:
        """Name, aliases and summary."""
        return " ".join((super().search_text(), self.name, *self.aliases, self.summary))


@attrs.frozen(kw_only=True)
class ForceContribution(Record):
    """What a country sent to a conflict, and what it cost.

    Attributes:
        conflict: Id of the :class:`Conflict`.
        country: The contributing country (ISO alpha-3).
        summary: What was sent and what it did, in our own words.
        unit: The unit's name as the source gives it (``K-FORCE``).
        organization: Id of the unit's :class:`Organization` record, if it has one.
        branch: Service branch.
        role: Its role (combat, engineering, medical, training...).
        combat: ``True`` when the source says it fought, ``False`` when it says it was
            support only, ``None`` when the source does not say.
        personnel: How many people: the force's strength as the source gives it.
        total_served: How many people served in it over the whole deployment, where
            the source gives a total across rotations (K-FORCE: 1044 strong, 3,794 in all).
        ships: How many ships.
        aircraft: How many aircraft.
        period: When it served.
        location: Where it served.
        killed: Killed in action.
        wounded: Wounded.
        captured: Taken prisoner.
    """

    record_kind: ClassVar[str] = "force-contribution"

    conflict: str = attrs.field(validator=_check_id)
    country: str = attrs.field(validator=_check_country)
    summary: str = attrs.field(validator=_check_text)
    unit: str | None = attrs.field(default=None, validator=_check_optional_text)
    organization: str | None = attrs.field(default=None, validator=_check_optional_id)
    branch: Branch | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(typing.get_args(Branch)))
    )
    role: str | None = attrs.field(default=None, validator=_check_optional_text)
    combat: bool | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(bool))
    )
    personnel: Quantity | None = None
    total_served: Quantity | None = None
    ships: Quantity | None = None
    aircraft: Quantity | None = None
    period: Period | None = None
    location: str | None = attrs.field(default=None, validator=_check_optional_text)
    killed: Quantity | None = None
    wounded: Quantity | None = None
    captured: Quantity | None = None

    @property
    def label(self) -> str:
        """The unit, or what was sent."""
        return self.unit or self.summary

    @property
    def when(self) -> Period | None:
        """When it served, if known."""
        return self.period

    def references(self) -> Iterator[tuple[str, str]]:
        """Each (field name, id) this record points at."""
        yield from super().references()
        yield "conflict", self.conflict
        if self.organization is not None:
            yield "organization", self.organization

    def country_codes(self) -> frozenset[str]:
        """The contributing country."""
        return frozenset((self.country,))

    def search_text(self) -> str:
        """Unit, role, location and summary."""
        parts = (self.unit, self.role, self.location, self.summary)
        return " ".join((super().search_text(), *(p for p in parts if p)))


@attrs.frozen(kw_only=True)
class Assistance(Record):
    """Non-military help one country gave another: money or in kind.

    Attributes:
        donor: The giving country (ISO alpha-3).
        recipient: The receiving country, if one is named.
        summary: What was given and why, in our own words.
        amount: How much money, if a sum is stated.
        in_kind: What was given other than money, in words.
        via: Id of an organization the help went through (a charity, say).
        date: When it was given or pledged.
        period: When recurring help ran.
        purpose: What it was for.
    """

    record_kind: ClassVar[str] = "assistance"

    donor: str = attrs.field(validator=_check_country)
    summary: str = attrs.field(validator=_check_text)
    recipient: str | None = attrs.field(default=None, validator=_check_country)
    amount: Money | None = None
    in_kind: str | None = attrs.field(default=None, validator=_check_optional_text)
    via: str | None = attrs.field(default=None, validator=_check_optional_id)
    date: PartialDate | None = None
    period: Period | None = None
    purpose: str | None = attrs.field(default=None, validator=_check_optional_text)

    @property
    def label(self) -> str:
        """The summary."""
        return self.summary

    @property
    def when(self) -> PartialDate | Period | None:
        """The date, else the period."""
        return self.date if self.date is not None else self.period

    def references(self) -> Iterator[tuple[str, str]]:
        """Each (field name, id) this record points at."""
        yield from super().references()
        if self.via is not None:
            yield "via", self.via

    def country_codes(self) -> frozenset[str]:
        """Donor and recipient."""
        return frozenset(c for c in (self.donor, self.recipient) if c is not None)

    def search_text(self) -> str:
        """Summary, purpose and what was given in kind."""
        parts = (self.summary, self.purpose, self.in_kind)
        return " ".join((super().search_text(), *(p for p in parts if p)))


@attrs.frozen(kw_only=True)
class Event(Record):
    """Something that happened at a time: a visit, meeting, announcement, award...

    Attributes:
        kind: What sort of event.
        title: A short title in our own words.
        summary: What happened, in our own words.
        date: When, if a source says (or implies: see ``notes``).
        period: The span of a multi-day event, where known.
        participants: Ids of people involved.
        organizations: Ids of organizations involved.
        countries: Countries involved (ISO alpha-3).
        destination: For a visit, the country visited (ISO alpha-3).
        location: Where it happened.
        conflict: Id of the conflict it belongs to, if any.
        time: The local time of day, 24-hour ``HH:MM``, where a source gives it
            (the Wellington Declaration was signed at 4:23 pm: ``"16:23"``).
    """

    record_kind: ClassVar[str] = "event"

    kind: EventKind = attrs.field(validator=attrs.validators.in_(typing.get_args(EventKind)))
    title: str = attrs.field(validator=_check_text)
    summary: str = attrs.field(validator=_check_text)
    date: PartialDate | None = None
    period: Period | None = None
    participants: tuple[str, ...] = attrs.field(default=(), validator=_check_ids)
    organizations: tuple[str, ...] = attrs.field(default=(), validator=_check_ids)
    countries: tuple[str, ...] = attrs.field(default=(), validator=_check_countries)
    location: str | None = attrs.field(default=None, validator=_check_optional_text)
    conflict: str | None = attrs.field(default=None, validator=_check_optional_id)
    time: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.matches_re(_TIME))
    )
    destination: str | None = attrs.field(default=None, validator=_check_country)

    def __attrs_post_init__(self) -> None:
        """Allow a destination on visits only."""
        if self.destination is not None and self.kind != "visit":
            msg = f"destination is for visits only; this event's kind is {self.kind!r}"
            raise ValueError(msg)

    @property
    def label(self) -> str:
        """The title."""
        return self.title

    @property
    def when(self) -> PartialDate | Period | None:
        """The date, else the period."""
        return self.date if self.date is not None else self.period

    def references(self) -> Iterator[tuple[str, str]]:
        """Each (field name, id) this record points at."""
        yield from super().references()
        for person in self.participants:
            yield "participants", person
        for organization in self.organizations:
            yield "organizations", organization
        if self.conflict is not None:
            yield "conflict", self.conflict

    def country_codes(self) -> frozenset[str]:
        """The countries involved, and the destination of a visit."""
        if self.destination is None:
            return frozenset(self.countries)
        return frozenset((*self.countries, self.destination))

    def search_text(self) -> str:
        """Title, summary and location."""
        parts = (self.title, self.summary, self.location)
        return " ".join((super().search_text(), *(p for p in parts if p)))


@attrs.frozen(kw_only=True)
class Role:
    """A position a person held, as a source gives it.

    Attributes:
        title: The position as the source words it (``Secretary of State``).
        office: What the position is, as a slug of :data:`OFFICES` (``secretary-of-state``),
            where one fits; ``None`` otherwise (a nominee does not hold the office).
        country: The country it was held for, if any (ISO alpha-3).
        organization: Id of the organization it was held in, if it has a record.
        period: When it was held, where a source gives it.
    """

    title: str = attrs.field(validator=_check_text)
    office: str | None = attrs.field(default=None, validator=_check_office)
    country: str | None = attrs.field(default=None, validator=_check_country)
    organization: str | None = attrs.field(default=None, validator=_check_optional_id)
    period: Period | None = None

    def __str__(self) -> str:
        """The title, with the country and period when known."""
        extra = ", ".join(str(x) for x in (self.country, self.period) if x is not None)
        return f"{self.title} ({extra})" if extra else self.title


@attrs.frozen(kw_only=True)
class Person(Record):
    """A named person and every role the sources give them.

    Attributes:
        name: The full name as usually written.
        aliases: Other forms of the name in the sources (``Mr Key``).
        country: The person's country, where the sources make it clear.
        roles: Each position a source gives them.
        summary: Who they are in this story, in our own words.
    """

    record_kind: ClassVar[str] = "person"

    name: str = attrs.field(validator=_check_text)
    summary: str = attrs.field(validator=_check_text)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_check_texts)
    country: str | None = attrs.field(default=None, validator=_check_country)
    roles: tuple[Role, ...] = ()

    @property
    def label(self) -> str:
        """The person's name."""
        return self.name

    def references(self) -> Iterator[tuple[str, str]]:
        """Each (field name, id) this record points at."""
        yield from super().references()
        for index, role in enumerate(self.roles):
            if role.organization is not None:
                yield f"roles[{index}].organization", role.organization

    def country_codes(self) -> frozenset[str]:
        """The person's country and the countries of their roles."""
        codes = {role.country for role in self.roles} | {self.country}
        return frozenset(c for c in codes if c is not None)

    def search_text(self) -> str:
        """Name, aliases, role titles and summary."""
        return " ".join((super().search_text(), self.name, *self.aliases, *(r.title for r in self.roles), self.summary))


@attrs.frozen(kw_only=True)
class Organization(Record):
    """A council, caucus, agency, military unit, company, team or other body.

    Attributes:
        name: The usual name.
        kind: What sort of body.
        aliases: Other names and abbreviations.
        country: Its country, if it has one (ISO alpha-3).
        founded: When it was founded, if a source says.
        summary: What it is, in our own words.
    """

    record_kind: ClassVar[str] = "organization"

    name: str = attrs.field(validator=_check_text)
    kind: OrganizationKind = attrs.field(validator=attrs.validators.in_(typing.get_args(OrganizationKind)))
    summary: str = attrs.field(validator=_check_text)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_check_texts)
    country: str | None = attrs.field(default=None, validator=_check_country)
    founded: PartialDate | None = None

    @property
    def label(self) -> str:
        """The organization's name."""
        return self.name

    @property
    def when(self) -> PartialDate | None:
        """When it was founded, if known."""
        return self.founded

    def country_codes(self) -> frozenset[str]:
        """Its country."""
        return frozenset(() if self.country is None else (self.country,))

    def search_text(self) -> str:
        """Name, aliases and summary."""
        return " ".join((super().search_text(), self.name, *self.aliases, self.summary))


@attrs.frozen(kw_only=True)
class Quote(Record):
    """Words a named person said, verbatim as the source prints them.

    Attributes:
        speaker: Id of the :class:`Person` who said them.
        text: The words, verbatim (the only verbatim field in usnz).
        occasion: When or where they were said, in our own words.
        date: When, if a source says (or implies: see ``notes``).
        event: Id of the :class:`Event` they were said at, if it has a record.
    """

    record_kind: ClassVar[str] = "quote"

    speaker: str = attrs.field(validator=_check_id)
    text: str = attrs.field(validator=_check_text)
    occasion: str | None = attrs.field(default=None, validator=_check_optional_text)
    date: PartialDate | None = None
    event: str | None = attrs.field(default=None, validator=_check_optional_id)

    @property
    def label(self) -> str:
        """The words."""
        return self.text

    @property
    def when(self) -> PartialDate | None:
        """When they were said, if known."""
        return self.date

    def references(self) -> Iterator[tuple[str, str]]:
        """Each (field name, id) this record points at."""
        yield from super().references()
        yield "speaker", self.speaker
        if self.event is not None:
            yield "event", self.event

    def search_text(self) -> str:
        """The words and the occasion."""
        return " ".join((super().search_text(), self.text, self.occasion or ""))


@attrs.frozen(kw_only=True)
class Figure(Record):
    """Any other stated number: a count, share, projection, prize, span of years.

    Attributes:
        measure: What the number measures, in our own words.
        quantity: The number as a :class:`Quantity`, unless it is money.
        money: The amount as :class:`Money`, when it is money.
        date: The date the number refers to, if any.
        subjects: Ids of records the number is about.
        countries: Countries the number is about (ISO alpha-3).
    """

    record_kind: ClassVar[str] = "figure"

    measure: str = attrs.field(validator=_check_text)
    quantity: Quantity | None = None
    money: Money | None = None
    date: PartialDate | None = None
    subjects: tuple[str, ...] = attrs.field(default=(), validator=_check_ids)
    countries: tuple[str, ...] = attrs.field(default=(), validator=_check_countries)

    def __attrs_post_init__(self) -> None:
        """Require exactly one of quantity and money."""
        if (self.quantity is None) == (self.money is None):
            msg = "a figure needs exactly one of quantity and money"
            raise ValueError(msg)

    @property
    def label(self) -> str:
        """What is measured."""
        return self.measure

    @property
    def when(self) -> PartialDate | None:
        """The date the number refers to, if any."""
        return self.date

    def references(self) -> Iterator[tuple[str, str]]:
        """Each (field name, id) this record points at."""
        yield from super().references()
        for subject in self.subjects:
            yield "subjects", subject

    def country_codes(self) -> frozenset[str]:
        """The countries the number is about."""
        return frozenset(self.countries)

    def search_text(self) -> str:
        """What is measured."""
        return " ".join((super().search_text(), self.measure))


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
