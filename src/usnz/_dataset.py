"""``Dataset``: a validated set of records, its indexes, and every query over it."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import typing
import warnings
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Final, TypeVar

from usnz._arguments import Window, check_choice, check_code, check_id, to_window
from usnz._collection import AnyRecord, Records
from usnz._countries import COUNTRIES
from usnz._errors import ArgumentTypeError, ArgumentValueError, CoverageWarning, UnknownRecordError
from usnz._records import (
    Agreement,
    Assistance,
    Conflict,
    Event,
    Figure,
    ForceContribution,
    Organization,
    Person,
    Quote,
    Source,
)
from usnz._values import Period

__all__ = ["KINDS", "Dataset"]

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

_KIND_OF_CLASS: Final = {cls: name for name, cls in KINDS.items()}
_UNDATED: Final = (dt.date.max, dt.date.max)
_WORD: Final = re.compile(r"\w+")
# Fields whose ids name who or what a record involves (``involving=``).
_INVOLVING_FIELDS: Final = frozenset(
    {"participants", "organizations", "organization", "signatories", "speaker", "subjects", "via"}
)

R = TypeVar("R", bound=AnyRecord)


def _span(record: AnyRecord) -> Window:
    when = record.when
    return _UNDATED if when is None else (when.earliest, when.latest)


def _order_key(record: AnyRecord) -> tuple[dt.date, str]:
    """Chronological by earliest day (undated last), then by id."""
    return (_span(record)[0], record.id)


def _fold(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


class Dataset:
    """A validated, immutable set of records, with every query of the usnz API.

    Build one with :func:`usnz.load` (user files) or :func:`usnz.dataset` (the packaged
    data). Every module-level query (``usnz.events(...)``) is a method here too.

    Query results are :class:`Records` in chronological order of each record's date
    or period (earliest day first), undated records last, ties broken by id.
    """

    __slots__ = (
        "_by_id",
        "_by_kind",
        "_index",
        "_search",
        "_span",
        "_spans",
        "_timeline",
    )

    def __init__(self, records: Iterable[AnyRecord]) -> None:
        """Index *records*; they must already be validated (see :func:`usnz.load`)."""
        ordered = sorted(records, key=_order_key)
        self._by_id: dict[str, AnyRecord] = {record.id: record for record in ordered}
        by_kind: dict[type[AnyRecord], list[AnyRecord]] = {cls: [] for cls in KINDS.values()}
        index: defaultdict[tuple[type[AnyRecord], str, str], list[AnyRecord]] = defaultdict(list)
        self._spans: dict[str, Window] = {}
        for record in ordered:
            cls = type(record)
            by_kind[cls].append(record)
            self._spans[record.id] = _span(record)
            keys = {("country", code) for code in record.country_codes()}
            keys |= {("involving", code) for code in record.country_codes()}
            for field, ref in record.references():
                if field in _INVOLVING_FIELDS or field.endswith(".organization"):
                    keys.add(("involving", ref))
                elif field == "conflict":
                    keys.add(("conflict", ref))
            for name in ("kind", "speaker"):
                value = getattr(record, name, None) if cls is not Source else None
                if isinstance(value, str):
                    keys.add((name, value))
            for key in sorted(keys):
                index[(cls, key[0], key[1])].append(record)
        self._by_kind: dict[type[AnyRecord], Records[AnyRecord]] = {
            cls: Records(items) for cls, items in by_kind.items()
        }
        self._index: dict[tuple[type[AnyRecord], str, str], Records[AnyRecord]] = {
            key: Records(items) for key, items in index.items()
        }
        self._timeline: Records[AnyRecord] = Records(r for r in ordered if r.when is not None)
        self._search: tuple[tuple[AnyRecord, str, str], ...] = tuple(
            (r, _fold(r.label), _fold(r.search_text())) for r in ordered
        )
        finite = [d for s in self._spans.values() for d in s if d not in {dt.date.min, dt.date.max}]
        self._span: Window | None = (min(finite), max(finite)) if finite else None

    # -- whole dataset -----------------------------------------------------------------

    @property
    def span(self) -> Window | None:
        """The first and last day any record's date covers (``None`` if no record is dated)."""
        return self._span

    def __len__(self) -> int:
        """How many records, of every kind."""
        return len(self._by_id)

    def __iter__(self) -> Iterator[AnyRecord]:
        """Every record, in chronological order, undated last."""
        for records in self._by_kind.values():
            yield from records

    def __contains__(self, id: object) -> bool:  # noqa: A002 - record field name
        """Whether a record has this id."""
        return id in self._by_id

    def __repr__(self) -> str:
        """Counts by kind."""
        counts = ", ".join(f"{name}={len(self._by_kind[cls])}" for name, cls in KINDS.items())
        return f"<usnz.Dataset {counts}>"

    def records(self, kind: str) -> Records[AnyRecord]:
        """Every record of one kind, by its plural name (``"events"``).

        Raises:
            ArgumentValueError: for a kind that does not exist.
        """
        cls = KINDS[check_choice("kind", kind, tuple(KINDS))]
        return self._by_kind[cls]

    def get(self, id: str) -> AnyRecord:  # noqa: A002 - record field name
        """The record with this id, of any kind.

        >>> import usnz
        >>> usnz.get("anzus").signed
        PartialDate(year=1951, month=None, day=None, decade=False, approximate=False)

        Raises:
            UnknownRecordError: when no record has the id; it suggests similar ids.
        """
        if not isinstance(id, str):
            msg = f"get() takes a record id as a str, e.g. 'anzus'; got {type(id).__name__} {id!r}"
            raise ArgumentTypeError(msg)
        try:
            return self._by_id[id]
        except KeyError:
            raise UnknownRecordError(id, self._suggest(id, self._by_id)) from None

    def _suggest(self, given: str, ids: Iterable[str]) -> list[str]:
        candidates = list(ids)
        slug = "-".join(_WORD.findall(given.casefold().replace("_", "-")))
        found = [slug] if slug != given and slug in candidates else []
        for close in difflib.get_close_matches(slug or given, candidates, n=3, cutoff=0.6):
            if close not in found:
                found.append(close)
        return found[:3]

    def _known(self, name: str, value: object, cls: type[AnyRecord]) -> str:
        record_id = check_id(name, value)
        record = self._by_id.get(record_id)
        if record is None or type(record) is not cls:
            ids = [r.id for r in self._by_kind[cls]]
            raise UnknownRecordError(record_id, self._suggest(record_id, ids), kind=cls.record_kind, argument=name)
        return record_id

    def _country(self, name: str, value: object) -> str:
        code = check_code(name, value)
        if code not in COUNTRIES:
            by_name = {_fold(c.name): c.code for c in COUNTRIES.values()}
            suggestions = [by_name[_fold(code)]] if _fold(code) in by_name else []
            suggestions += difflib.get_close_matches(code, list(COUNTRIES), n=3, cutoff=0.6)
            raise UnknownRecordError(code, suggestions[:3], kind="country", argument=name)
        return code

    def _party(self, name: str, value: object) -> str:
        """A person or organization id, or a country code."""
        if isinstance(value, str) and value.strip().upper() in COUNTRIES:
            return value.strip().upper()
        record_id = check_id(name, value)
        record = self._by_id.get(record_id)
        if record is None:
            parties = [r.id for cls in (Person, Organization) for r in self._by_kind[cls]]
            raise UnknownRecordError(
                record_id, self._suggest(record_id, parties), kind="person or organization", argument=name
            )
        if not isinstance(record, Person | Organization):
            msg = (
                f"{name}={record_id!r} is a record of kind {record.record_kind!r}; {name}= takes a "
                f"person or organization id or a country code (for a conflict, use conflict=)"
            )
            raise ArgumentValueError(msg)
        return record_id

    def _select(
        self,
        cls: type[R],
        *,
        during: object = None,
        keys: Iterable[tuple[str, str]] = (),
    ) -> Records[R]:
        """Records of *cls* matching every (filter, value) key and overlapping *during*."""
        kind: type[AnyRecord] = cls  # type: ignore[assignment] # R is bound to AnyRecord
        candidates: Records[AnyRecord] = self._by_kind[kind]
        sets: list[Records[AnyRecord]] = [self._index.get((kind, key[0], key[1]), Records()) for key in keys]
        if sets:
            sets.sort(key=len)
            candidates = sets[0]
            if len(sets) > 1:
                others = [frozenset(map(id, s)) for s in sets[1:]]
                candidates = Records(r for r in candidates if all(id(r) in o for o in others))
        if during is not None:
            candidates = Records(self._overlapping(candidates, during))
        return candidates  # type: ignore[return-value] # all are of cls by construction

    def _overlapping(self, records: Iterable[AnyRecord], during: object) -> list[AnyRecord]:
        """The dated records whose date or period overlaps *during* (none outside the span)."""
        first, last = to_window(during)
        if self._span is not None and (last < self._span[0] or first > self._span[1]):
            span = Period.parse(f"{self._span[0].isoformat()}/{self._span[1].isoformat()}")
            warnings.warn(
                f"during={during!r} lies outside the span the data covers ({span}); nothing can match",
                CoverageWarning,
                stacklevel=4,
            )
            return []
        spans = self._spans
        return [r for r in records if spans[r.id][0] <= last and first <= spans[r.id][1] and r.when is not None]

    # -- queries, one per kind ---------------------------------------------------------

    def sources(self) -> Records[Source]:
        """Every source text."""
        return self._select(Source)

    def agreements(
        self,
        *,
        kind: str | None = None,
        during: object = None,
        country: str | None = None,
        involving: str | None = None,
    ) -> Records[Agreement]:
        """Treaties, declarations, trade agreements and negotiations, intelligence agreements.

        Args:
            kind: One agreement kind, e.g. ``"treaty"``.
            during: Signed (or negotiated/in force) within this time.
            country: A party's ISO alpha-3 code.
            involving: A signatory's id, or a party's code.

        >>> import usnz
        >>> [a.id for a in usnz.agreements(country="AUS", kind="treaty")]
        ['anzus']
        """
        keys: list[tuple[str, str]] = []
        if kind is not None:
            keys.append(("kind", check_choice("kind", kind, _literal_values(Agreement))))
        return self._select(Agreement, during=during, keys=self._keys(keys, country=country, involving=involving))

    def conflicts(self, *, during: object = None) -> Records[Conflict]:
        """Wars and military operations.

        Args:
            during: Fought (at least partly) within this time.
        """
        return self._select(Conflict, during=during)

    def force_contributions(
        self,
        *,
        conflict: str | None = None,
        country: str | None = None,
        during: object = None,
        involving: str | None = None,
    ) -> Records[ForceContribution]:
        """What each country sent to each conflict, with sizes and casualties.

        Args:
            conflict: A conflict id, e.g. ``"korean-war"``.
            country: The contributing country's ISO alpha-3 code.
            during: Served (at least partly) within this time.
            involving: A unit's organization id, or a country code.

        >>> import usnz
        >>> k = usnz.get("k-force-korea")
        >>> str(k.personnel), str(k.total_served), str(k.killed)
        ('1,044 personnel', '3,794 personnel', '33 personnel')
        """
        keys: list[tuple[str, str]] = []
        if conflict is not None:
            keys.append(("conflict", self._known("conflict", conflict, Conflict)))
        return self._select(
            ForceContribution, during=during, keys=self._keys(keys, country=country, involving=involving)
        )

    def assistance(
        self, *, country: str | None = None, during: object = None, involving: str | None = None
    ) -> Records[Assistance]:
        """Non-military aid, in money or in kind.

        Args:
            country: The donor's or recipient's ISO alpha-3 code.
            during: Given within this time.
            involving: An organization id (the channel), or a country code.
        """
        return self._select(Assistance, during=during, keys=self._keys([], country=country, involving=involving))

    def events(
        self,
        *,
        kind: str | None = None,
        during: object = None,
        involving: str | None = None,
        country: str | None = None,
        conflict: str | None = None,
    ) -> Records[Event]:
        """Visits, meetings, announcements, statements, awards, exercises, results...

        Args:
            kind: One event kind, e.g. ``"visit"``.
            during: Happened within this time.
            involving: A participant's person id, an organization id or a country code.
            country: A country's ISO alpha-3 code.
            conflict: A conflict id.

        >>> import usnz
        >>> usnz.events(kind="visit", during="2008-07", involving="condoleezza-rice").ids()
        ('rice-visit-to-new-zealand',)
        """
        keys: list[tuple[str, str]] = []
        if kind is not None:
            keys.append(("kind", check_choice("kind", kind, _literal_values(Event))))
        if conflict is not None:
            keys.append(("conflict", self._known("conflict", conflict, Conflict)))
        return self._select(Event, during=during, keys=self._keys(keys, country=country, involving=involving))

    def people(self, *, country: str | None = None, involving: str | None = None) -> Records[Person]:
        """Named people and their roles.

        Args:
            country: The person's country (or a role's country), ISO alpha-3.
            involving: An organization id a role is held in.
        """
        return self._select(Person, keys=self._keys([], country=country, involving=involving))

    def organizations(
        self, *, kind: str | None = None, country: str | None = None, during: object = None
    ) -> Records[Organization]:
        """Councils, caucuses, agencies, military units, companies, teams...

        Args:
            kind: One organization kind, e.g. ``"council"``.
            country: The organization's ISO alpha-3 code.
            during: Founded within this time.
        """
        keys: list[tuple[str, str]] = []
        if kind is not None:
            keys.append(("kind", check_choice("kind", kind, _literal_values(Organization))))
        return self._select(Organization, during=during, keys=self._keys(keys, country=country))

    def quotes(self, *, speaker: str | None = None, during: object = None) -> Records[Quote]:
        """Words named people said, verbatim.

        Args:
            speaker: The speaker's person id, e.g. ``"condoleezza-rice"``.
            during: Said within this time.
        """
        keys: list[tuple[str, str]] = []
        if speaker is not None:
            keys.append(("speaker", self._known("speaker", speaker, Person)))
        return self._select(Quote, during=during, keys=keys)

    def figures(
        self, *, during: object = None, country: str | None = None, involving: str | None = None
    ) -> Records[Figure]:
        """Other stated numbers: memberships, projections, prizes, spans of years.

        Args:
            during: Dated within this time.
            country: A country's ISO alpha-3 code.
            involving: A subject's person or organization id, or a country code.
        """
        return self._select(Figure, during=during, keys=self._keys([], country=country, involving=involving))

    def _keys(
        self, keys: list[tuple[str, str]], *, country: object = None, involving: object = None
    ) -> list[tuple[str, str]]:
        if country is not None:
            keys.append(("country", self._country("country", country)))
        if involving is not None:
            keys.append(("involving", self._party("involving", involving)))
        return keys

    # -- across kinds ------------------------------------------------------------------

    def search(self, text: str) -> Records[AnyRecord]:
        """Records whose names, aliases or summaries contain every word of *text*.

        Case-insensitive; punctuation is ignored. Best matches first: a record whose
        name is *text*, then those whose name contains it, then the rest; ties in
        chronological order. Never raises for odd text; an empty result is possible.

        >>> import usnz
        >>> usnz.search("ANZUS treaty")[0].id
        'anzus'
        """
        if not isinstance(text, str):
            msg = f"search() takes text as a str; got {type(text).__name__} {text!r}"
            raise ArgumentTypeError(msg)
        phrase = _fold(text)
        words = phrase.split()
        if not words:
            return Records()
        ranked: list[tuple[int, int, AnyRecord]] = []
        for position, (record, label, haystack) in enumerate(self._search):
            if all(word in haystack for word in words):
                rank = 0 if label == phrase else 1 if phrase in label else 2 if phrase in haystack else 3
                ranked.append((rank, position, record))
        ranked.sort(key=lambda item: item[:2])
        return Records(record for _, _, record in ranked)

    def timeline(
        self, *, during: object = None, involving: str | None = None, country: str | None = None
    ) -> Records[AnyRecord]:
        """Every dated record in date order: earliest day first, then by id.

        Args:
            during: Only records whose date or period overlaps this time.
            involving: Only records involving this person, organization or country.
            country: Only records naming this country.

        >>> import usnz
        >>> dates = [r.when.earliest for r in usnz.timeline(during="1965")]
        >>> dates == sorted(dates)
        True
        """
        keys = self._keys([], country=country, involving=involving)
        candidates: Iterable[AnyRecord] = self._timeline
        if during is not None:
            candidates = self._overlapping(candidates, during)
        for key in keys:
            matching = {id(r) for cls in KINDS.values() for r in self._index.get((cls, key[0], key[1]), ())}
            candidates = [r for r in candidates if id(r) in matching]
        return Records(candidates)


@functools.cache
def _literal_values(cls: type[AnyRecord]) -> tuple[str, ...]:
    """The accepted values of a record class's ``kind`` field."""
    return tuple(typing.get_args(typing.get_type_hints(cls)["kind"]))
