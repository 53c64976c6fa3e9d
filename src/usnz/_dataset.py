"""``Dataset``: a validated set of records, its indexes, and every query over it."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import typing
import warnings
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, TypeVar

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

if TYPE_CHECKING:
    from pandas import DataFrame

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


def _fold(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _close_matches(given: str, candidates: list[str]) -> list[str]:
    import difflib  # noqa: PLC0415 - only to suggest ids after a miss

    return difflib.get_close_matches(given, candidates, n=3, cutoff=0.6)


class _SearchIndex:
    """The folded text of every record in one string, so a word is found by ``str.find``.

    Folded text holds only word characters and single spaces, so the newline between two
    records' texts never lies inside a match. Each record's text starts with a space, so
    looking for ``" " + word`` finds words that start with *word* (``"sas"`` finds "SAS",
    not "disaster").
    """

    __slots__ = ("ends", "names", "records", "starts", "text")

    def __init__(self, records: Sequence[AnyRecord]) -> None:
        texts = [" " + _fold(record.search_text()) for record in records]
        self.records = tuple(records)
        # Each record's names (label, aliases, id), folded: ranked above the rest of its text.
        self.names = tuple(
            tuple(_fold(name) for name in (record.label, *getattr(record, "aliases", ()), record.id))
            for record in records
        )
        self.text = "\n".join(texts)
        self.starts: list[int] = []
        self.ends: list[int] = []
        at = 0
        for text in texts:
            self.starts.append(at)
            at += len(text)
            self.ends.append(at)
            at += 1

    def haystack(self, position: int) -> str:
        """The folded text of the record at *position*."""
        return self.text[self.starts[position] : self.ends[position]]

    def containing(self, needle: str) -> Iterator[int]:
        """The positions, in order, of the records whose text contains *needle*."""
        from bisect import bisect_right  # noqa: PLC0415 - not needed to load

        text, starts = self.text, self.starts
        at = text.find(needle)
        while at != -1:
            position = bisect_right(starts, at) - 1
            yield position
            if position + 1 == len(starts):
                return
            at = text.find(needle, starts[position + 1])


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
        "_ordered",
        "_search",
        "_span",
        "_spans",
        "_starts",
        "_timeline",
        "_timeline_starts",
    )

    def __init__(self, records: Iterable[AnyRecord]) -> None:
        """Index *records*; they must already be validated (see :func:`usnz.load`).

        Ids, kinds and dates are indexed here; the filter and search indexes are built
        on the first query that needs them, once.
        """
        given = list(records)
        # Each record is read once, in the order given (the order it was built in, so memory
        # is read in order); the date order is then worked out on these compact lists.
        spans: list[Window] = []
        ids: list[str] = []
        kinds: list[type[AnyRecord]] = []
        for record in given:  # one pass: each record's memory is read once
            spans.append(_span(record))
            ids.append(record.id)
            kinds.append(type(record))
        starts = [span[0] for span in spans]
        # Chronological by earliest day (undated last), then by id; compared in C, not by a key function.
        order = [i for _, _, i in sorted(zip(starts, ids, range(len(given)), strict=True))]
        self._ordered: tuple[AnyRecord, ...] = tuple([given[i] for i in order])
        self._by_id: dict[str, AnyRecord] = dict(zip(ids, given, strict=True))
        self._spans: dict[str, Window] = dict(zip(ids, spans, strict=True))
        if len(self._by_id) < len(given):  # an id twice (never in loaded data): the later by date wins
            self._by_id = {ids[i]: given[i] for i in order}
            self._spans = {ids[i]: spans[i] for i in order}
        by_kind: dict[type[AnyRecord], list[AnyRecord]] = {cls: [] for cls in KINDS.values()}
        self._starts: dict[type[AnyRecord], list[dt.date]] = {cls: [] for cls in KINDS.values()}
        timeline: list[AnyRecord] = []
        self._timeline_starts: list[dt.date] = []
        for i in order:
            by_kind[kinds[i]].append(given[i])
            self._starts[kinds[i]].append(starts[i])
            if spans[i] is not _UNDATED:  # _span gives this very tuple to undated records only
                timeline.append(given[i])
                self._timeline_starts.append(starts[i])
        self._by_kind: dict[type[AnyRecord], Records[AnyRecord]] = {
            cls: Records(items) for cls, items in by_kind.items()
        }
        self._timeline: Records[AnyRecord] = Records(timeline)
        self._index: dict[tuple[type[AnyRecord], str, str], Records[AnyRecord]] | None = None
        self._search: _SearchIndex | None = None
        open_ends = {dt.date.min, dt.date.max}
        finite = [d for s in self._spans.values() for d in s if d not in open_ends]
        self._span: Window | None = (min(finite), max(finite)) if finite else None

    def _filters(self) -> dict[tuple[type[AnyRecord], str, str], Records[AnyRecord]]:
        """The records of each kind by (filter, value): built on first use, once."""
        if self._index is not None:
            return self._index
        index: defaultdict[tuple[type[AnyRecord], str, str], list[AnyRecord]] = defaultdict(list)
        for record in self._ordered:
            cls = type(record)
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
            for key in keys:
                index[(cls, key[0], key[1])].append(record)
        self._index = {key: Records(items) for key, items in index.items()}
        return self._index

    def _searchable(self) -> _SearchIndex:
        """The search index: built on the first search, once."""
        if self._search is None:
            self._search = _SearchIndex(self._ordered)
        return self._search

    # -- whole dataset -----------------------------------------------------------------

    @property
    def span(self) -> Window | None:
        """The first and last day any record's date covers (``None`` if no record is dated)."""
        return self._span

    def __len__(self) -> int:
        """How many records, of every kind."""
        return len(self._by_id)

    def __iter__(self) -> Iterator[AnyRecord]:
        """Every record, kind by kind (in the order of ``KINDS``), each kind in chronological order."""
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

    def to_frame(self, kind: str) -> DataFrame:
        """Every record of one kind as a pandas DataFrame, with that kind's columns even when empty.

        See :meth:`Records.to_frame` for the columns. Needs the ``pandas`` extra.

        >>> import usnz
        >>> conflicts = usnz.dataset().to_frame("conflicts").set_index("id")
        >>> int(conflicts.loc["korean-war", "cow_warnum"]), str(conflicts["cow_warnum"].dtype)
        (151, 'Int64')

        Raises:
            ArgumentValueError: for a kind that does not exist.
            MissingExtraError: when pandas is not installed.
        """
        from usnz.frames import to_frame  # noqa: PLC0415 - pandas only when asked

        records = self.records(kind)
        return to_frame(records, kinds=(KINDS[kind],))

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
        for close in _close_matches(slug or given, candidates):
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
            suggestions += _close_matches(code, list(COUNTRIES))
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
        starts: list[dt.date] | None = self._starts[kind]
        if keys:
            index = self._filters()
            sets: list[Records[AnyRecord]] = [index.get((kind, key[0], key[1]), Records()) for key in keys]
            sets.sort(key=len)
            candidates, starts = sets[0], None
            if len(sets) > 1:
                others = [frozenset(map(id, s)) for s in sets[1:]]
                candidates = Records(r for r in candidates if all(id(r) in o for o in others))
        if during is not None:
            candidates = Records(self._overlapping(candidates, during, starts))
        return candidates  # type: ignore[return-value] # all are of cls by construction

    def _overlapping(
        self, records: Sequence[AnyRecord], during: object, starts: list[dt.date] | None = None
    ) -> list[AnyRecord]:
        """The dated records whose date or period overlaps *during* (none outside the span).

        *starts*, when given, are the records' earliest days, in order: the records that
        start after *during* ends are then never looked at.
        """
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
        candidates: Iterable[AnyRecord] = records
        if starts is not None:
            from bisect import bisect_right  # noqa: PLC0415 - not needed to load

            candidates = itertools.islice(records, bisect_right(starts, last))
        return [r for r in candidates if spans[r.id][0] <= last and first <= spans[r.id][1] and r.when is not None]

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
        """Records whose names, aliases or summaries have a word starting with each word of *text*.

        Case-insensitive; punctuation is ignored; ``"kiwi"`` finds "Kiwis", ``"sas"`` finds
        "SAS" but not "disaster". Best matches first: records named *text* (by name, alias
        or id), then those with *text* in a name, then those whose names hold every word,
        then those with *text* in their text, then the rest; ties in chronological order.
        Never raises for odd text; an empty result is possible.

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
        index = self._searchable()
        needles = [" " + word for word in words]  # a word of the text starts after a space
        ranked: list[tuple[int, int, AnyRecord]] = []
        for position in index.containing(max(needles, key=len)):  # the longest word: the fewest records
            haystack = index.haystack(position)
            if all(needle in haystack for needle in needles):
                ranked.append(
                    (_rank(phrase, needles, index.names[position], haystack), position, index.records[position])
                )
        ranked.sort(key=lambda item: item[:2])
        return Records(record for _, _, record in ranked)

    def citing(self, *, source: str, paragraph: int | None = None) -> Records[AnyRecord]:
        """Every record that cites a source, or one paragraph of it, in chronological order.

        Args:
            source: A source id, e.g. ``"encyclopedia-nz-us-relations"``.
            paragraph: A paragraph number (line number of the text, from 1); every
                paragraph when ``None``.

        >>> import usnz
        >>> "k-force-korea" in usnz.citing(source="encyclopedia-nz-us-relations", paragraph=14).ids()
        True

        Raises:
            UnknownRecordError: for a source id that does not exist.
            ArgumentValueError: for a paragraph the source does not have.
        """
        found = self._known("source", source, Source)
        if paragraph is not None:
            if isinstance(paragraph, bool) or not isinstance(paragraph, int):
                given = f"{type(paragraph).__name__} {paragraph!r}"
                msg = f"paragraph= takes a paragraph number as an int, e.g. paragraph=14; got {given}"
                raise ArgumentTypeError(msg)
            count = self._by_id[found].paragraphs  # type: ignore[union-attr] # a Source, checked above
            if not 1 <= paragraph <= count:
                msg = f"paragraph={paragraph} is not a paragraph of {found!r}; accepted: 1 to {count}"
                raise ArgumentValueError(msg)
        return Records(
            record
            for record in self._ordered
            if any(c.source == found and paragraph in {None, c.paragraph} for c in getattr(record, "citations", ()))
        )

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
        candidates: Sequence[AnyRecord] = self._timeline
        if during is not None:
            candidates = self._overlapping(candidates, during, self._timeline_starts)
        for key in keys:
            index = self._filters()
            matching = {id(r) for cls in KINDS.values() for r in index.get((cls, key[0], key[1]), ())}
            candidates = [r for r in candidates if id(r) in matching]
        return Records(candidates)


def _rank(phrase: str, needles: list[str], names: tuple[str, ...], haystack: str) -> int:
    """How well a record matches a search (0 best): by its names first, then its text."""
    if phrase in names:
        return 0
    spaced = [f" {name}" for name in names]
    if any(f" {phrase}" in name for name in spaced):
        return 1
    if all(any(needle in name for name in spaced) for needle in needles):
        return 2
    return 3 if f" {phrase}" in haystack else 4


@functools.cache
def _literal_values(cls: type[AnyRecord]) -> tuple[str, ...]:
    """The accepted values of a record class's ``kind`` field."""
    return tuple(typing.get_args(typing.get_type_hints(cls)["kind"]))
