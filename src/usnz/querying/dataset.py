"""``Dataset``: a validated set of records, its indexes, and every query over it."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import operator
import re
import types
import typing
import warnings
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar

from usnz.model import hooks
from usnz.model.base import Described
from usnz.model.calls import checked_call
from usnz.model.countries import ACCEPTED, COUNTRIES
from usnz.model.dates import OPEN, PartialDate, Period
from usnz.model.errors import (
    RECORD_OR_COUNTRY,
    ArgumentTypeError,
    ArgumentValueError,
    CoverageWarning,
    QueryWarning,
    SearchWarning,
    UnknownRecordError,
    WrongKindIdError,
    outside_usnz,
    shown,
    type_and_value,
)
from usnz.model.facts import facts
from usnz.model.filters import Filter, across_kinds, filters
from usnz.model.kinds import CLASS_NAMES, kind_class
from usnz.model.kinds.sources import spoken_dates
from usnz.model.names import kind_name
from usnz.querying.arguments import (
    During,
    RecordIds,
    Window,
    check_choice,
    check_code,
    check_flag,
    during_text,
    many,
    of_kind,
    plain,
    to_window,
)
from usnz.querying.arguments import record_id as record_id_of
from usnz.querying.collection import Records, dispute_groups, none_of, of_dataset, records_of
from usnz.querying.disputes import Disputes
from usnz.querying.doubted import Doubted, Doubts
from usnz.querying.filtering import FilterIndex
from usnz.querying.intervals import Intervals
from usnz.querying.search import MAX_CHARACTERS, MAX_WORDS, STOP_WORDS, THIN, SearchHit, SearchIndex, words_of
from usnz.reading.collector import paused

if TYPE_CHECKING:
    from pandas import DataFrame

    from usnz.model.kinds.agreements import Agreement
    from usnz.model.kinds.assistance import Assistance
    from usnz.model.kinds.conflicts import Conflict
    from usnz.model.kinds.events import Event
    from usnz.model.kinds.figures import Figure
    from usnz.model.kinds.force_contributions import ForceContribution
    from usnz.model.kinds.organizations import Organization
    from usnz.model.kinds.people import Person, Role
    from usnz.model.kinds.quotes import Quote
    from usnz.model.kinds.sources import Source
    from usnz.model.records import AnyRecord

__all__ = ["Dataset"]


_UNDATED: Final = (dt.date.max, dt.date.max)
_NONE: Final[Records[AnyRecord]] = Records()
_ANSWERS_KEPT: Final = 1 << 16
"""Most records (and windows) a dataset keeps answers of ``during=`` for, over all windows; then it starts afresh."""
_STEM_OF: Final = {class_name: stem for stem, class_name in CLASS_NAMES.items()}
_ORDER: Final = {class_name: at for at, class_name in enumerate(CLASS_NAMES.values())}


def _kind_order(cls: type[AnyRecord]) -> int:
    """Where a record class's kind comes in ``usnz.KINDS`` (a class of one's own comes last)."""
    return _ORDER.get(cls.__name__, len(_ORDER))


_WORD: Final = re.compile(r"\w+")
Keys = list[tuple[str, frozenset[Hashable]]]
"""Filters as (filter name, accepted values): a record matches one of the values of each."""

R = TypeVar("R", bound="AnyRecord")
K = TypeVar("K", bound="Described")


def _windows(record: AnyRecord, as_of: Mapping[str, dt.date]) -> tuple[Window, Window]:
    """The record's known extent and its lenient extent (unknown ends running on)."""
    when = record.when
    if when is None:
        return _UNDATED, _UNDATED
    if isinstance(when, PartialDate):
        window = (when.earliest, when.latest)
        return window, window
    ongoing = [as_of[c.source] for c in getattr(record, "citations", ()) if c.source in as_of]
    return when.known(max(ongoing) if ongoing else None), (when.earliest, when.latest)


@functools.cache
def _within_fields(cls: Any) -> tuple[str, ...]:
    """The fields of *cls* declared ``within=True``: ids of records whose dates bound its own (see :func:`_reaches`)."""
    return tuple(name for name, declared in facts(cls) if declared.within)


def _reaches(
    records: list[AnyRecord], known: list[Window], possible: list[Window], possible_of: Mapping[str, Window]
) -> dict[str, Window]:
    """The days ``possibly=True`` lets each record cover, for the records it lets cover more than their known extent.

    Unknown and open ends run on (the lenient extent), except where a field declared
    ``within=True`` names a dated record (a force contribution's conflict): an unknown start then
    runs back no further than that record's earliest day, and a record with no date of its own
    may be at any day of that record's lenient extent. *known* and *possible*: each record's
    extents, in the order of *records*; *possible_of*: the lenient extent of each id.
    """
    reach: dict[str, Window] = {}
    # Only a record whose lenient extent is not its known one (an unknown or open end), or of a class
    # with a field declared within=True, may reach further: the others are passed by in C.
    unlike: list[bool] = list(map(operator.ne, known, possible))
    bounded = {cls for cls in set(map(type, records)) if _within_fields(cls)}
    if bounded:
        unlike = list(map(bool.__or__, unlike, map(bounded.__contains__, map(type, records))))
    for record, extent, lenient in itertools.compress(zip(records, known, possible, strict=True), unlike):
        first, last = lenient
        bound: Window | None = None
        kind: Any = type(record)
        for name in _within_fields(kind):
            bound = possible_of.get(getattr(record, name))
        if bound is _UNDATED:
            bound = None
        when = record.when
        if when is None:
            if bound is not None:
                reach[record.id] = bound
            continue
        if lenient == extent:
            continue
        if bound is not None and isinstance(when, Period) and when.start is None:
            first = min(max(first, bound[0]), extent[0])
        reach[record.id] = (first, last)
    return reach


def _clip(
    records: list[AnyRecord], known: list[Window], possible: list[Window], by_id: Mapping[str, AnyRecord]
) -> list[Window]:
    """Clip, in place, the extents of records of a class with a field declared ``within=True`` to that record's dates.

    A force contribution belongs to its conflict: the part of an imprecise date of its own (a
    year, a month, ``2001~``) that lies outside the conflict's dates is not counted, known or
    lenient ("late 2001", written ``2001~``, counts from the war's 7 October 2001, not from 1
    January). Only a date that straddles the conflict's first or last day is clipped: a date
    lying wholly outside it is one the text gives (the liaison officer in Korea until 1971, after
    the 1953 armistice), and a day is never clipped. An open end is the source's, and stays.
    Returns the windows it changed, as they were.
    """
    was: list[Window] = []
    bounded = {cls for cls in set(map(type, records)) if _within_fields(cls)}
    if not bounded:
        return was
    for at in [at for at, cls in enumerate(map(type, records)) if cls in bounded]:
        record = records[at]
        kind: Any = type(record)
        when = record.when
        if when is None:
            continue
        bound = None
        for name in _within_fields(kind):
            bound = by_id.get(getattr(record, name))
        low, high = _date_bounds(None if bound is None else bound.when)
        if low is None and high is None:
            continue
        given, ends = (when.start, when.end) if isinstance(when, Period) else (when, when)  # a date: both ends
        start = given if isinstance(given, PartialDate) else None
        end = ends if isinstance(ends, PartialDate) else None
        head, tail = start or end, end or (start if ends is None else None)  # the known extent's ends' dates
        for windows, first, last in ((known, head, tail), (possible, start, end)):
            clipped = _clipped(windows[at], first, last, low, high)
            if clipped != windows[at]:
                was.append(windows[at])
                windows[at] = clipped
    return was


def _date_bounds(when: PartialDate | Period | None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a bounding record (a conflict) may cover, where its dates give them."""
    start, end = (when.start, when.end) if isinstance(when, Period) else (when, when)  # a date (or none): both ends
    return (
        start.earliest if isinstance(start, PartialDate) else None,
        end.latest if isinstance(end, PartialDate) else None,
    )


def _clipped(
    window: Window, head: PartialDate | None, tail: PartialDate | None, low: dt.date | None, high: dt.date | None
) -> Window:
    """*window*, its first day (from the date *head*) moved to *low*, its last (from *tail*) to *high*, if straddled."""
    first, last = window
    if head is not None and low is not None and head.earliest == first < low <= head.latest:
        first = low
    if tail is not None and high is not None and tail.latest == last > high >= tail.earliest:
        last = high
    return first, last


@functools.cache
def _begins_fields(cls: Any) -> tuple[str, ...]:
    """The date fields of *cls* declared ``begins=True``: a start with no end of its own (signed, founded)."""
    return tuple(name for name, declared in facts(cls) if declared.begins)


def _run_on(records: list[AnyRecord], possible: list[Window]) -> None:
    """Let, in place, the lenient extent of each record dated by a field declared ``begins=True`` run on.

    An agreement dated by its signing, an organization by its founding, has no stated end: it
    may be in force or exist after that day, so ``possibly=True`` lets it run on without limit,
    or to the last day of a period of the record's own (in force), where it gives one.
    """
    begun = {cls for cls in set(map(type, records)) if _begins_fields(cls)}
    for at in [at for at, cls in enumerate(map(type, records)) if cls in begun]:
        record = records[at]
        kind: Any = type(record)
        when = record.when
        if not any(when is getattr(record, name) for name in _begins_fields(kind)) or when is None:
            continue
        ends = [
            value.latest
            for name, declared in facts(kind)
            if declared.date and isinstance(value := getattr(record, name), Period)
        ]
        last = max(ends) if ends else dt.date.max
        if last > possible[at][1]:
            possible[at] = (possible[at][0], last)


def _begun_said(record: AnyRecord) -> str | None:
    """How the warning of ``Dataset._warn_unsure`` gives the date of a record dated by its start (``signed 1951``)."""
    kind: Any = type(record)
    for name in _begins_fields(kind):
        if record.when is getattr(record, name):
            return f"{name} {record.when}, no end stated"
    return None


_WHEN: Final = vars(Described)["when"]
"""The ``when`` every record kind of usnz's has: the first of its date fields that is set."""


def _all_windows(given: list[AnyRecord], as_of: Mapping[str, dt.date]) -> tuple[list[Window], list[Window], list[int]]:
    """The known and lenient extent of each of *given*, as :func:`_windows` gives them, and its :func:`_order_key`.

    Read a run of one class at a time: each date field as a column, and the extents (and key) of
    each date or period worked out once for every record holding that very value (the reader
    shares each date it read lately). Only a period with an open end, known to run on to the
    dates of the sources its record cites, is worked out record by record (as is a record of a
    class with a ``when`` of its own).
    """
    known: list[Window] = []
    possible: list[Window] = []
    keys: list[int] = []
    worked: dict[int, _Extents | None] = {}  # by id(): each value is held by a record of *given*
    for cls, run in itertools.groupby(given, type):
        records = list(run)
        kind: Any = cls
        if getattr(kind, "when", None) is not _WHEN:
            extents = [_extents(*_windows(record, as_of)) for record in records]
        else:
            whens: list[PartialDate | Period | None] = [None] * len(records)
            for name in reversed([name for name, declared in facts(kind) if declared.date]):  # the first set wins
                values = list(map(operator.attrgetter(name), records))
                whens = [when if value is None else value for value, when in zip(values, whens, strict=True)]
            held = list(map(id, whens))
            for key, when in dict(zip(held, whens, strict=True)).items():
                if key not in worked:
                    worked[key] = _fixed_windows(when)
            found = list(map(worked.__getitem__, held))
            extents = (
                [
                    _extents(*_windows(record, as_of)) if got is None else got
                    for got, record in zip(found, records, strict=True)
                ]
                if None in found
                else typing.cast("list[_Extents]", found)
            )
        known.extend(map(operator.itemgetter(0), extents))
        possible.extend(map(operator.itemgetter(1), extents))
        keys.extend(map(operator.itemgetter(2), extents))
    return known, possible, keys


_Extents = tuple[Window, Window, int]
"""A record's known and lenient extents, and its :func:`_order_key`."""


def _fixed_windows(when: PartialDate | Period | None) -> _Extents | None:
    """What :func:`_windows` gives a record dated *when* (and its key), or ``None`` where its sources say."""
    if when is None:
        return _extents(_UNDATED, _UNDATED)
    if isinstance(when, PartialDate):
        window = (when.earliest, when.latest)
        return _extents(window, window)
    if isinstance(when.start, PartialDate) and when.end is OPEN:  # runs on to the dates of its sources
        return None
    return _extents(when.known(), (when.earliest, when.latest))


def _extents(known: Window, possible: Window) -> _Extents:
    """*known* and *possible*, and their :func:`_order_key`."""
    return known, possible, _order_key(known, possible)


_DAY_BITS: Final = 22  # a day's ordinal is below 2**22 (date.max's is 3,652,059)


def _order_key(known: Window, possible: Window) -> int:
    """Where a record of these extents comes in the order the texts tell (its id aside), as one integer.

    By first known day (undated last), then earliest possible day (what may have begun before
    comes first: what ended then before what began then), then last known day (a month before
    the year around it). It packs, most significant first, the first known day's ordinal,
    whether undated (a record of 9999-12-31 is dated: before the undated), the earliest possible
    day's ordinal and the last known day's.
    """
    undated = known is _UNDATED  # (_windows gives the very tuple _UNDATED to undated records only)
    return (
        (known[0].toordinal() << (2 * _DAY_BITS + 1))
        + (undated << (2 * _DAY_BITS))
        + (possible[0].toordinal() << _DAY_BITS)
        + known[1].toordinal()
    )


def _date_order(keys: list[int], ids: list[str]) -> list[int]:
    """The positions of records in the order the texts tell, from their :func:`_order_key` and ids.

    Sorted twice, each sort comparing in C: by id, then (the sort is stable) by key.
    """
    order = sorted(range(len(ids)), key=ids.__getitem__)
    order.sort(key=keys.__getitem__)
    return order


def _fold(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _other_kind(name: str, record: Described, cls: type[AnyRecord], items: Sequence[object]) -> str:
    """Why a filter refuses *record*, a record of another kind than *cls*: what it is, and what the filter takes.

    A filter given records (a query's result) of another kind is told their kinds and count
    (``speaker= takes person ids or records; got 5 event records``); one given an id is told
    what the id is (``conflict='anzus' is an agreement, not a conflict``).
    """
    wanted, plural = cls.record_kind, kind_name(cls)
    takes = f"{name}= takes {wanted} ids or records (usnz.{plural}() lists them)"
    records = [item for item in items if isinstance(item, Described) and type(item) is not cls]
    if records and len(records) == len(items):
        if len(records) == 1:
            return f"{takes}; got {_a(record.record_kind)} record {record.id!r}"
        kinds = " or ".join(sorted({r.record_kind for r in records}))
        return f"{takes}; got {len(records):,} {kinds} records (the first {record.id!r})"
    shown_id = f"{name}={record.id!r}"
    return f"{shown_id} is {_a(record.record_kind)}, not {_a(wanted)}; {takes}"


def _a(kind: str) -> str:
    """*kind* with its article (``an event``, ``a person``)."""
    return f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"


def _unknown_country(name: str, given: str, like: Sequence[str] = ()) -> str:
    """What a filter given a country code usnz does not know says: what was given, the codes it accepts.

    A code is no search term: the codes are listed, after the codes *like* it (of the country
    it names, ``New Zealand``: ``NZL``, or spelt alike) if any.
    """
    hint = f" (did you mean {', '.join(map(repr, like))}?)" if like else ""
    return f"{name}={given!r} is not a country code usnz knows{hint}; {ACCEPTED}"


def _is_code(given: str) -> bool:
    """Whether *given* is written as a country code is (three ASCII letters, ``XXX`` or ``nzl``)."""
    return len(given) == 3 and given.isascii() and given.isalpha()


_UNREAD_SHOWN: Final = 8
"""How many of the words a search leaves unread its warning names."""

_STEM: Final = 4
"""The fewest letters a word given to ``get`` must have to suggest a named record's id it begins (``korea``)."""

_MERELY: Final = 3
"""The rank of a suggested id that merely ends with the word given (see ``Dataset._suggest``)."""


def _close_matches(given: str, candidates: list[str]) -> list[str]:
    import difflib  # noqa: PLC0415 - only to suggest ids after a miss

    return difflib.get_close_matches(given, candidates, n=3, cutoff=0.6)


F = TypeVar("F", bound=Callable[..., Any])
D = TypeVar("D", bound=type)


def _checked_query(function: F) -> F:
    """A :class:`Dataset` method checked as a query (:func:`~usnz.model.calls.checked_call`), remembering its dataset.

    A ``Records`` (or ``Disputes``) a user's dataset returns is that dataset's (see
    :func:`~usnz.querying.collection.of_dataset`): its faces number the disputes as its
    ``disputes()`` does. The packaged dataset's (and its parts') are left as they are, the
    packaged data being the faces' default.
    """
    return checked_call(function, filters=True, fields=_fields_of, then=_of_its_dataset)


def _of_its_dataset(args: tuple[Any, ...], found: object) -> object:
    """What a query of ``args[0]`` (its dataset) *found*, remembering that dataset when it is a user's."""
    data: Dataset = args[0]  # the method ran: it had its dataset
    if data._packaged or not isinstance(found, Records | Disputes):  # noqa: SLF001  # pyright: ignore[reportPrivateUsage]
        return found
    if isinstance(found, Disputes):
        return _remembered(Disputes(_remembered(group, data) for group in found), data)
    return _remembered(typing.cast("Records[AnyRecord]", found), data)


C = TypeVar("C", Records[Any], Disputes)


def _remembered(found: C, data: Dataset) -> C:
    """*found*, a result of *data*'s, as *data*'s: in place when it remembers no dataset yet, else a copy.

    A result with no dataset is one *data* made for the call or keeps (its indexes'): it is
    its own, so it is not copied. Only :data:`_NONE`, which every dataset shares, is copied.
    """
    if found is _NONE or getattr(found, "_data", None) is not None:
        return of_dataset(found, data)
    object.__setattr__(found, "_data", data)
    return found


def _calls_checked(cls: D) -> D:
    """*cls* with every public method but ``get`` (whose budget is a microsecond) wrapped in :func:`_checked_query`."""
    for name, value in list(vars(cls).items()):
        if not name.startswith("_") and name != "get" and isinstance(value, types.FunctionType):
            setattr(cls, name, _checked_query(value))
    return cls


@functools.cache
def _fields_of(query: str) -> Mapping[str, tuple[str, ...]]:
    """The fields feeding a query's filters, each with the filters it feeds (``parties``: ``country``, ``involving``).

    A query of one kind reads its kind's fields; ``timeline()`` those of every kind; another function none.
    """
    if query in CLASS_NAMES:
        classes: tuple[type[AnyRecord], ...] = (kind_class(query),)
    elif query == "timeline":
        classes = tuple(kind_class(stem) for stem in CLASS_NAMES)
    else:
        return {}
    found: dict[str, list[str]] = {}
    for cls in classes:
        for spec in filters(cls).values():
            for path in spec.fields:
                for part in dict.fromkeys((path.partition(".")[0], path.rpartition(".")[2])):
                    fed = found.setdefault(part, [])
                    if spec.name not in fed:
                        fed.append(spec.name)
    return {part: tuple(fed) for part, fed in found.items()}


class _Answer(typing.NamedTuple):
    """What a ``during=`` window finds of a whole kind (or the timeline), kept by window (see ``Dataset._answer``)."""

    found: Records[AnyRecord]
    would: tuple[AnyRecord, ...]
    """The records ``possibly=True`` would add, which its warning names (none: no warning)."""


@_calls_checked
class Dataset:
    """A validated, immutable set of records, with every query of the usnz API.

    Build one with :func:`usnz.load` (user files) or :func:`usnz.dataset` (the packaged
    data). Every module-level query (``usnz.events(...)``) is a method here too.

    Query results are :class:`Records` in the order the texts tell: by the first day of each
    record's known extent (see :meth:`Period.known`), then its earliest possible day (what may
    have begun earlier, as what ended at a date, comes before what began then), then the last
    day of its known extent (a month before the year around it), then id; undated records last.
    """

    __slots__ = (
        "_answers",
        "_answers_size",
        "_by_id",
        "_by_kind",
        "_citing",
        "_doubted",
        "_index",
        "_intervals",
        "_known",
        "_linking",
        "_matched",
        "_ordered",
        "_organized",
        "_packaged",
        "_possible",
        "_reach",
        "_search",
        "_spans",
        "_timeline",
        "_unclipped",
        "_unsure",
    )

    @paused
    def __init__(self, records: Iterable[AnyRecord]) -> None:
        """Index *records*; they must already be validated (see :func:`usnz.load`).

        Ids, kinds and dates are indexed here; the filter and search indexes are built
        on the first query that needs them, once.
        """
        given = list(records)
        as_of = spoken_dates(given)
        # Each record is read once, in the order given (the order it was built in, so memory
        # is read in order); the date order is then worked out on these compact lists.
        known, possible, keys = _all_windows(given, as_of)
        ids: list[str] = list(map(operator.attrgetter("id"), given))
        order = _date_order(keys, ids)  # by the extents as the dates read: clipping (below) changes no order
        ordered = list(map(given.__getitem__, order))
        self._ordered: tuple[AnyRecord, ...] = tuple(ordered)
        self._by_id: dict[str, AnyRecord] = dict(zip(ids, given, strict=True))
        self._unclipped = _clip(given, known, possible, self._by_id)  # the windows clipped, as read: the span's
        _run_on(given, possible)
        self._known: dict[str, Window] = dict(zip(ids, known, strict=True))
        self._possible: dict[str, Window] = dict(zip(ids, possible, strict=True))
        if len(self._by_id) < len(given):  # an id twice (never in loaded data): the later by date wins
            self._by_id = {ids[i]: given[i] for i in order}
            self._known = {ids[i]: known[i] for i in order}
            self._possible = {ids[i]: possible[i] for i in order}
        if len(self._by_id) == len(given):  # each record's extents as worked out, in the order built (memory's)
            self._reach: dict[str, Window] = _reaches(given, known, possible, self._possible)
        else:  # each record's extents of its id's, in date order (the later of an id wins)
            self._reach = _reaches(
                ordered,
                [self._known[record.id] for record in ordered],
                [self._possible[record.id] for record in ordered],
                self._possible,
            )
        # What during= matches by (known extents): a planned date (planned=True) is not known to have happened,
        # so only possibly=True finds its record, by its reach (its date's days)
        planned = [record.id for record in given if getattr(record, "planned", False) is True]
        self._matched: dict[str, Window] = self._known
        if planned:  # (the set made once: a set made for each record cost the square of the records)
            unknown = set(planned)
            self._matched = {rid: window for rid, window in self._known.items() if rid not in unknown}
            for rid in planned:
                self._reach.setdefault(rid, self._possible[rid])
        self._unsure: dict[object, list[AnyRecord]] = {}  # by kind, and the timeline's: built on first use
        self._organized: list[AnyRecord] | None = None  # agreements tied to an organization: on first country=
        self._linking: dict[str, list[AnyRecord]] | None = None  # who lists each id in see_also: on first involving=
        self._answers: dict[tuple[object, Window], _Answer] = {}  # of during=, by kind (or timeline) and window
        self._answers_size = 0  # how many records (and windows) _answers holds
        kinds = list(map(type, ordered))
        by_kind = {  # the kinds given only: no other class is built
            cls: list(itertools.compress(ordered, map(operator.is_, kinds, itertools.repeat(cls))))
            for cls in set(kinds)
        }
        # _windows gives the very tuple _UNDATED to undated records only
        dated = map(operator.is_not, map(known.__getitem__, order), itertools.repeat(_UNDATED))
        timeline = list(itertools.compress(ordered, dated))
        self._by_kind: dict[type[AnyRecord], Records[AnyRecord]] = {  # (each a record: not asked again)
            cls: records_of(by_kind[cls]) for cls in sorted(by_kind, key=_kind_order)
        }
        self._timeline: Records[AnyRecord] = records_of(timeline)
        self._index = FilterIndex(self._by_kind, self._by_id)  # each (kind, filter) built on first use
        self._intervals: dict[object, Intervals] = {}  # by kind, and the timeline's: built on first use
        self._search: SearchIndex | None = None
        self._citing: dict[tuple[str, int | None], Records[AnyRecord]] | None = None
        self._doubted: tuple[Doubted, ...] | None = None
        self._spans: tuple[Window | None, Window | None] | None = None  # worked out when first asked
        self._packaged = False  # the packaged data (or a part of it): its results need not remember it

    @property
    def _lenient_span(self) -> Window | None:
        """The days the records' dates may cover, unknown ends running on (what ``scripts/snapshot.py`` writes)."""
        return self._spanned()[1]

    def _spanned(self) -> tuple[Window | None, Window | None]:
        """The days the records' dates are known to cover, and may cover (unknown ends running on): once."""
        if self._spans is None:
            windows = (*self._known.values(), *self._possible.values(), *self._unclipped)
            # An open or unknown end is the very object date.min or date.max (see Period.earliest); a record's
            # own days are other objects, so a record of 0001-01-01 or 9999-12-31 counts in the span.
            finite = [d for window in windows for d in window if d is not dt.date.min and d is not dt.date.max]
            known: Window | None = (min(finite), max(finite)) if finite else None
            dated = [*(window for window in self._possible.values() if window is not _UNDATED), *self._unclipped]
            lenient = (min(w[0] for w in dated), max(w[1] for w in dated)) if known is not None else None
            self._spans = (known, lenient)
        return self._spans

    @classmethod
    def _part(cls, records: Iterable[AnyRecord], span: Window, lenient_span: Window) -> Dataset:
        """A dataset of some kinds of a whole one, that warns as the whole does (*span*, *lenient_span*: the whole's).

        What it answers of its own kinds is what the whole answers, for every filter that
        does not name records of other kinds (``usnz.querying.bound`` asks only those).
        """
        part = cls(records)
        part._spans = (span, lenient_span)
        part._packaged = True
        return part

    def _searchable(self) -> SearchIndex:
        """The search index: built on the first search, once.

        It keeps a few tables of a number a record (and one a time a record's notes name an id):
        their entries count toward freezing what it built (see ``usnz.reading.collector``).
        """
        if self._search is None:
            self._search = paused(SearchIndex, entries=len(self._ordered))(
                self._ordered, self._by_id, self._dated_positions
            )
        return self._search

    def _dated_positions(self, first: dt.date, last: dt.date) -> list[int]:
        """The positions (in date order) of the records whose known extent overlaps *first*..*last*."""
        intervals = self._intervals.get("search")
        if intervals is None:
            intervals = self._intervals["search"] = paused(Intervals)(self._ordered, self._known)
        return intervals.positions(first, last)

    # -- whole dataset -----------------------------------------------------------------

    @property
    def span(self) -> Window | None:
        """The first and last day any record's date covers (``None`` if no record is dated)."""
        return self._spanned()[0]

    def __len__(self) -> int:
        """How many records, of every kind."""
        return len(self._by_id)

    def __iter__(self) -> Iterator[AnyRecord]:
        """Every record, kind by kind (in the order of ``usnz.KINDS``), each kind in chronological order."""
        for records in self._by_kind.values():
            yield from records

    def __contains__(self, id: object) -> bool:  # noqa: A002 - record field name
        """Whether a record has this id."""
        return id in self._by_id

    def __repr__(self) -> str:
        """Counts by kind."""
        count = {_STEM_OF.get(cls.__name__): len(records) for cls, records in self._by_kind.items()}
        counts = ", ".join(f"{name}={count.get(name, 0)}" for name in CLASS_NAMES)
        return f"<usnz.Dataset {counts}>"

    def records(self, kind: str | type[AnyRecord]) -> Records[AnyRecord]:
        """Every record of one kind, by its class (``usnz.Event``) or any spelling of its name (``"events"``).

        Raises:
            ArgumentValueError: for a kind that does not exist; the message suggests the closest.
        """
        return self._by_kind.get(kind_class(kind_name(kind)), _NONE)

    def to_frame(self, kind: str | type[AnyRecord], *, quotes: bool = False) -> DataFrame:
        """Every record of one kind (its class, ``usnz.Event``, or its name) as a pandas DataFrame, with its columns.

        The kind's columns are there even when it has no records.

        See :meth:`Records.to_frame` for the columns. Needs the ``pandas`` extra.

        >>> import usnz
        >>> conflicts = usnz.dataset().to_frame("conflicts").set_index("id")
        >>> int(conflicts.loc["korean-war", "cow_warnum"]), str(conflicts["cow_warnum"].dtype)
        (151, 'Int64')

        Raises:
            ArgumentValueError: for a kind that does not exist.
            MissingExtraError: when pandas is not installed.
        """
        cls = kind_class(kind_name(kind))
        frame: DataFrame = hooks.face("frame")(
            self._by_kind.get(cls, _NONE), kinds=(cls,), quotes=check_flag("quotes", quotes)
        )
        return frame

    @typing.overload
    def get(self, id: str) -> AnyRecord: ...
    @typing.overload
    def get(self, id: str, kind: type[K]) -> K: ...
    def get(self, id: str, kind: type[Described] | None = None) -> Described:  # noqa: A002
        """The record with this id, of any kind, or of the kind given (typed as that kind).

        >>> import usnz
        >>> usnz.get("anzus").signed
        PartialDate(year=1951, month=None, day=None, decade=False, approximate=False)
        >>> usnz.dataset().get("anzus", usnz.Agreement).kind
        'treaty'

        Raises:
            UnknownRecordError: when no record has the id; it suggests similar ids.
            WrongKindError: when *kind* is given and the record is of another kind (a ``TypeError``).
            ArgumentTypeError: when *kind* is not a record class such as ``usnz.Event``.
        """
        if not isinstance(id, str):
            msg = f"get() takes a record id as a str, e.g. 'anzus'; got {type_and_value(id)}"
            raise ArgumentTypeError(msg)
        id = plain(id)  # noqa: A001 - a str subclass's own methods are never called
        try:
            found = self._by_id[id]
        except KeyError:
            raise UnknownRecordError(id, self._suggest(id, self._in_order(), kind)) from None
        return found if kind is None or type(found) is kind else of_kind(found, kind)

    def _in_order(self) -> list[str]:
        """Every id, in the dataset's (date) order: suggestions the same however the data was read."""
        return list(dict.fromkeys(record.id for record in self._ordered))

    def _suggest(self, given: str, ids: Iterable[str], kind: type[Described] | None = None) -> list[str]:
        """Up to 3 of *ids* like *given*: its slug, ids it ends (``rice``) or aliases it names, then close spellings.

        Of the ids it ends, those of the *kind* asked for come first, then those of records
        with names (a person's id is its name: ``bush`` is ``george-w-bush``), people first; the
        ids that merely end with it (an event's, ``clark-condolences-to-bush``) come only when
        no record of the kind asked for or with a name does.
        """
        candidates = list(ids)
        slug = "-".join(_WORD.findall(given.casefold().replace("_", "-")))
        found = [slug] if slug != given and slug in candidates else []
        if slug:
            named = [c for c in candidates if c not in found and self._names(c, slug)]
            ranks = {c: self._suggested_rank(c, kind) for c in named}
            best = min(ranks.values(), default=_MERELY)
            found += sorted((c for c in named if ranks[c] < _MERELY or best == _MERELY), key=ranks.__getitem__)
        for close in _close_matches(slug or given, candidates):
            if close not in found:
                found.append(close)
        return found[:3]

    def _suggested_rank(self, record_id: str, kind: type[Described] | None) -> int:
        """Where an id a word names comes among suggestions: the kind asked for, a person, a named record, the rest."""
        record = self._by_id.get(record_id)
        if kind is not None and type(record) is kind:
            return 0
        if record is not None and record.record_kind == "person":
            return 1
        return 2 if hasattr(record, "aliases") else _MERELY

    def _names(self, record_id: str, slug: str) -> bool:
        """Whether *slug* (``rice``, ``mr-key``) is the end of *record_id* or of one of its record's aliases.

        Or the start of a named record's id, a word of it at least :data:`_STEM` letters long
        (``korea``: ``korean-war``).
        """
        if record_id.endswith(f"-{slug}"):
            return True
        if len(slug) >= _STEM and record_id.startswith(slug) and hasattr(self._by_id.get(record_id), "aliases"):
            return True
        for alias in getattr(self._by_id.get(record_id), "aliases", ()):
            words = "-".join(_WORD.findall(alias.casefold()))
            if words == slug or words.endswith(f"-{slug}"):
                return True
        return False

    # -- checking filter arguments -----------------------------------------------------

    def _ids(self, name: str, value: object, cls: type[AnyRecord]) -> frozenset[str]:
        """The ids a filter was given (ids, records, or an iterable of them), each of kind *cls*."""
        found: set[str] = set()
        items = many(name, value)
        for item in items:
            record_id = record_id_of(name, item)
            record = self._by_id.get(record_id)
            if record is None or type(record) is not cls:
                ids = [r.id for r in self._by_kind.get(cls, _NONE)]
                suggested = self._suggest(record_id, ids)
                if record is not None and record.record_kind != cls.record_kind:  # of another kind: said what it is
                    message = _other_kind(name, record, cls, items)
                    raise WrongKindIdError(record_id, suggested, kind=cls.record_kind, argument=name, message=message)
                raise UnknownRecordError(record_id, suggested, kind=cls.record_kind, argument=name)
            found.add(record_id)
        return frozenset(found)

    def _codes(self, name: str, value: object) -> frozenset[str]:
        """The country codes a filter was given (one, or an iterable of them)."""
        return frozenset(self._country(name, item) for item in many(name, value))

    def _country(self, name: str, value: object) -> str:
        code = check_code(name, value)
        if code not in COUNTRIES:
            by_name = {_fold(c.name): c.code for c in COUNTRIES.values()}
            suggestions = [by_name[_fold(code)]] if _fold(code) in by_name else []
            suggestions += _close_matches(code, list(COUNTRIES))
            given = str(value)  # a str, as check_code found it
            raise UnknownRecordError(
                given,
                suggestions[:3],
                kind="country",
                argument=name,
                message=_unknown_country(name, given, suggestions[:3]),
            )
        return code

    def _parties(self, name: str, value: object) -> frozenset[str]:
        """Record ids or country codes (``involving=``): one, a record, or an iterable of them."""
        found: set[str] = set()
        for item in many(name, value):
            record_id = record_id_of(name, item)
            if isinstance(item, str) and record_id.upper() in COUNTRIES and record_id not in self._by_id:
                found.add(record_id.upper())
                continue
            if record_id not in self._by_id:
                suggested = self._suggest(record_id, self._in_order())
                raise UnknownRecordError(
                    record_id,
                    suggested,
                    kind=RECORD_OR_COUNTRY,
                    argument=name,
                    message=_unknown_country(name, record_id) if _is_code(record_id) and not suggested else None,
                )
            if self._by_id[record_id].record_kind == "source":
                message = (
                    f"{name}={record_id!r} is a source: a source text involves no record (citing it is not "
                    f"involvement); usnz.citing(source={record_id!r}) lists the records that cite it"
                )
                warnings.warn(message, QueryWarning, stacklevel=outside_usnz())
            found.add(record_id)
        return frozenset(found)

    def _choices(self, name: str, value: object, choices: tuple[str, ...]) -> frozenset[str]:
        """Values of a fixed vocabulary (a kind, an office): one, or an iterable of them."""
        return frozenset(check_choice(name, item, choices) for item in many(name, value))

    def _keys(self, specs: Mapping[str, Filter], given: Mapping[str, object]) -> Keys:
        """The filters given (those not ``None``), each checked as its declaration says, in the order given."""
        return [(name, self._values(specs[name], value)) for name, value in given.items() if value is not None]

    def _values(self, spec: Filter, value: object) -> frozenset[Hashable]:
        """The values one filter was given, checked as what it takes (see :class:`~usnz.model.filters.Filter`)."""
        name = spec.name
        if spec.takes == "codes":
            return self._codes(name, value)
        if spec.takes == "ids":
            return self._ids(name, value, _class_of(spec.kind))
        if spec.takes == "parties":
            return self._parties(name, value)
        if spec.takes == "choices":
            return self._choices(name, value, spec.choices)
        return frozenset({check_flag(name, value)})

    # -- selecting ---------------------------------------------------------------------

    def _matching(self, cls: type[AnyRecord], keys: Keys) -> Records[AnyRecord]:
        """The records of *cls* matching one value of every key, in dataset order."""
        sets: list[Sequence[AnyRecord]] = []
        for name, values in keys:
            index = self._index.get(cls, name)
            found = [index.get(value, ()) for value in values]
            if len(found) == 1:
                sets.append(found[0])
            else:  # several values: the union, in dataset order
                chosen = {id(r) for records in found for r in records}
                sets.append([r for r in self._by_kind.get(cls, _NONE) if id(r) in chosen])
        sets.sort(key=len)
        candidates = sets[0]
        if len(sets) > 1:
            others = [frozenset(map(id, s)) for s in sets[1:]]
            candidates = [r for r in candidates if all(id(r) in o for o in others)]
        return candidates if isinstance(candidates, Records) else Records(candidates)

    def _query(self, cls: type[R], *, during: object, possibly: object, **given: object) -> Records[R]:
        """A query of one kind: its filters checked and looked up as declared on its fields (see :func:`filters`).

        The filters are checked in the order given (so is the first bad one reported).
        """
        keys: Keys = []
        for name, value in given.items():  # a loop, not a comprehension: this is every query's path
            if value is not None:
                keys.append((name, self._values(filters(cls)[name], value)))
        found = self._select(cls, during=during, possibly=possibly, keys=keys)
        if given.get("involving") is not None:
            self._warn_see_also(found, keys, during=during, possibly=possibly, kind=cls)
        return found

    def _warn_see_also(
        self, found: Sequence[AnyRecord], keys: Keys, *, during: object, possibly: object, kind: type[Any] | None
    ) -> None:
        """Warn of the records tied to an event ``involving=`` names only by ``see_also``, which it does not follow.

        Named: those of *kind* (any dated record, for the timeline: ``None``) that the query's
        other filters keep and *found* lacks, the event's own ``see_also`` and the records listing
        it in theirs.
        """
        involving = next(values for name, values in keys if name == "involving")
        events = [v for v in involving if getattr(self._by_id.get(str(v)), "record_kind", None) == "event"]
        if not events:  # the common case: a person, a country...
            return
        linking = self._linking
        if linking is None:  # built whole, then kept: another thread sees none or all of it
            built: dict[str, list[AnyRecord]] = {}
            for record in self._ordered:
                for target in getattr(record, "see_also", ()):
                    built.setdefault(target, []).append(record)
            linking = self._linking = built
        got = {id(r) for r in found}
        tied = {
            id(r): r
            for event in map(str, events)
            for r in [
                *self._records_of(getattr(self._by_id[event], "see_also", ())),
                *linking.get(event, ()),
            ]
            if id(r) not in got
            and r.id not in involving
            and (type(r) is kind if kind is not None else r.when is not None)
        }
        left = [r for r in self._ordered if id(r) in tied and self._kept_by(r, keys, during, possibly)]
        if not left:
            return
        event = str(events[0])
        given = _given_text(involving if len(involving) > 1 else event)
        them = "them" if len(left) > 1 else "it"
        tied_to = "it" if len(events) == 1 else "them"
        message = (
            f"involving={given} leaves out {_listed([r.id for r in left])}, tied to {tied_to} "
            f"only by see_also (which involving= does not follow): get {them} by id, usnz.get(id); "
            f"usnz.get({event!r}).see_also lists what it links to"
        )
        warnings.warn(message, QueryWarning, stacklevel=outside_usnz())

    def _records_of(self, ids: Iterable[str]) -> list[AnyRecord]:
        """The records of *ids* that the dataset has (a dataset built of records given may lack some)."""
        return [record for record in map(self._by_id.get, ids) if record is not None]

    def _kept_by(self, record: AnyRecord, keys: Keys, during: object, possibly: object) -> bool:
        """Whether *record* passes the filters of *keys* but ``involving=``, and *during* (as its query reads it)."""
        for name, values in keys:
            if name != "involving":
                index = self._index.get(type(record), name)
                if not any(record is r for value in values for r in index.get(value, ())):
                    return False
        if during is None:
            return True
        first, last = to_window(during)
        window = self._reach.get(record.id) if check_flag("possibly", possibly) else None
        start, end = window or self._matched.get(record.id, _UNDATED)
        return record.when is not None and start <= last and first <= end

    def _select(
        self,
        cls: type[R],
        *,
        during: object = None,
        possibly: object = False,
        keys: Keys = (),  # type: ignore[assignment] # an empty, never mutated default
    ) -> Records[R]:
        """Records of *cls* matching every key and overlapping *during*."""
        kind: type[AnyRecord] = cls  # type: ignore[assignment] # R is bound to AnyRecord
        lenient = check_flag("possibly", possibly)
        candidates: Records[AnyRecord] = self._by_kind.get(kind, _NONE)
        indexed: object = kind  # the key of the interval index of these candidates, while they are a whole kind
        if keys:
            candidates, indexed = self._matching(kind, keys), None
        if during is not None:
            found = self._overlapping(candidates, during, indexed, possibly=lenient)
            candidates = found if isinstance(found, Records) else records_of(found)
        if not candidates:  # an empty answer still knows its kind (for total())
            return none_of(kind)
        return candidates  # type: ignore[return-value] # all are of cls by construction

    def _overlapping(
        self,
        records: Sequence[AnyRecord],
        during: object,
        indexed: object = None,
        *,
        possibly: bool = False,
    ) -> Sequence[AnyRecord]:
        """The dated records whose known extent overlaps *during* (none outside the span).

        With *possibly*, the lenient extent is used instead: unknown ends run on. *indexed*,
        when given, names the interval index of *records* (a kind, or the timeline): it is
        built on first use, and the known extents are then looked up in it, at the cost of
        the answer's size rather than of *records*'; that answer (``Records``) is kept by window.
        """
        first, last = window = to_window(during)
        if self._outside(window, during, possibly=possibly):
            return []
        known = self._matched
        if possibly:
            reach = self._reach
            return [
                r
                for r in records
                if (w := reach.get(r.id, known.get(r.id, _UNDATED))) is not _UNDATED and w[0] <= last and first <= w[1]
            ]
        found: Sequence[AnyRecord]
        if indexed is None:
            found = [
                r
                for r in records
                if (w := known.get(r.id, _UNDATED))[0] <= last and first <= w[1] and r.when is not None
            ]
            would = self._would_add(records, found, window)
        else:
            answer = self._answers.get((indexed, window))
            if answer is None:  # the first query of this window
                answer = self._answer(indexed, records, window)
            found, would = answer
        if would:  # warned on every call, as the answer is the same
            self._warn_unsure(would, during)
        return found

    def _answer(self, indexed: object, records: Sequence[AnyRecord], window: Window) -> _Answer:
        """What ``during=`` *window* finds of *records* (a whole kind, or the timeline: *indexed*), and its warning's.

        The records are looked up in the interval index of *indexed*, built on first use; the
        answer is kept, by window, until the answers kept hold :data:`_ANSWERS_KEPT` records.
        """
        intervals = self._intervals.get(indexed)
        if intervals is None:
            intervals = self._intervals[indexed] = paused(Intervals)(records, self._matched)
        found = records_of(intervals.overlapping(*window))
        answer = _Answer(found, self._would_add(self._unsure_of(indexed, records), found, window))
        size = len(found) + 1
        if self._answers_size + size > _ANSWERS_KEPT:
            self._answers.clear()
            self._answers_size = 0
        self._answers[indexed, window] = answer
        self._answers_size += size
        return answer

    def _unsure_of(self, indexed: object, records: Sequence[AnyRecord]) -> list[AnyRecord]:
        """The records of *records* (a whole kind, or the timeline: *indexed*) ``possibly=True`` may add: once."""
        unsure = self._unsure.get(indexed)
        if unsure is None:
            reach = self._reach
            unsure = self._unsure[indexed] = [r for r in records if r.id in reach]
        return unsure

    def _would_add(
        self, records: Iterable[AnyRecord], found: Sequence[AnyRecord], window: Window
    ) -> tuple[AnyRecord, ...]:
        """The records among *records* that ``possibly=True`` would add to *found* and a warning names.

        Records an unknown end lets run on without limit are named only when *found* is empty:
        they may be in every window past their known extent, and would drown the answer.
        """
        reach = self._reach
        first, last = window
        meeting = [(r, w) for r in records if (w := reach.get(r.id)) is not None and w[0] <= last and first <= w[1]]
        if not meeting:  # the common case: a window no unknown end reaches
            return ()
        got = {r.id for r in found}
        return tuple(
            r
            for r, w in meeting
            if r.id not in got and (not got or (w[0] is not dt.date.min and w[1] is not dt.date.max))
        )

    def _warn_unsure(self, would: Sequence[AnyRecord], during: object) -> None:
        """Warn of the records ``possibly=True`` would add to a ``during=`` query's answer (*would*), naming them.

        Those whose date is planned (``planned``) are named apart: their date is in the window, but
        the texts do not say they happened.
        """
        planned = [r for r in would if getattr(r, "planned", False) is True]
        unsure = [r for r in would if getattr(r, "planned", False) is not True]
        parts: list[str] = []
        if unsure:
            said = [f"{r.id} ({self._reach_said(r)})" for r in unsure]
            parts.append(
                f"{_listed(said)} {'have' if len(unsure) > 1 else 'has'} an unknown start or end and may be in "
                f"during={during_text(during)}"
            )
        if planned:
            said = [f"{r.id} ({r.when})" for r in planned]
            several = len(planned) > 1
            parts.append(
                f"{_listed(said)} {'have' if several else 'has'} a planned date (scheduled or a target) in "
                f"during={during_text(during)}: the texts do not say {'they' if several else 'it'} happened"
            )
        them = "them" if len(would) > 1 else "it"
        message = f"{'; '.join(parts)}; possibly=True includes {them}"
        warnings.warn(message, QueryWarning, stacklevel=outside_usnz())

    def _reach_said(self, record: AnyRecord) -> str:
        """*record*'s date as the warning of :meth:`_warn_unsure` gives it; for an undated one, what bounds it."""
        if record.when is not None:
            return _begun_said(record) or str(record.when)
        kind: Any = type(record)
        bounds = [getattr(record, name) for name in _within_fields(kind)]
        return f"undated, of {bounds[-1]}"

    # -- queries, one per kind ---------------------------------------------------------

    def sources(self) -> Records[Source]:
        """Every source text."""
        return self._select(kind_class("sources"))

    def agreements(
        self,
        *,
        kind: str | Iterable[str] | None = None,
        during: During | None = None,
        possibly: bool = False,
        basis: str | Iterable[str] | None = None,
        country: str | Iterable[str] | None = None,
        involving: RecordIds | None = None,
    ) -> Records[Agreement]:
        """Treaties, declarations, trade agreements and negotiations, intelligence agreements.

        Args:
            kind: One agreement kind, e.g. ``"treaty"`` (or several).
            during: Signed, or negotiated or in force (its ``period``), within this time, where a
                source gives that date: see :ref:`during`. The texts date no trade negotiation
                itself: an agreement under negotiation has no date, and its dated steps (talks
                announced, begun, postponed) are events, which
                ``usnz.timeline(involving=<its id>, during=...)`` finds. No agreement's end is
                stated: one signed before this time is not known to be in force in it, and an
                empty answer warns of those ``possibly=True`` would add.
            possibly: Let unknown ends run on (the lenient reading of ``during=``): an agreement
                signed before this time may still be in force (up to the end of its ``period``, if given).
            basis: Only dates determined so: ``"stated"``, ``"inferred"``, ``"external"`` (or several).
            country: A party's ISO alpha-3 code.
            involving: A record involved with the agreement, either way (an event it is part of, a
                signatory: see :ref:`involving`), or a country code.

        >>> import usnz
        >>> [a.id for a in usnz.agreements(country="AUS", kind="treaty")]
        ['anzus']
        >>> usnz.get("trans-pacific-partnership").signed, usnz.get("trans-pacific-partnership").period
        (None, None)
        >>> usnz.timeline(involving="trans-pacific-partnership", during=2008).ids()  # the talks' dated steps
        ('schwab-announces-p4-negotiations', 'schwab-vitally-important-region',
         'clark-value-of-transpacific-agreement', 'us-announces-p4-negotiations-start')

        ``country=`` finds the parties the texts name. An agreement whose parties they give (in part)
        only as an organization, the UKUSA agreement's "five countries" as the UKUSA community, is
        not read as binding a country they do not name: ``country="USA"`` leaves it out, and says
        so in a :class:`~usnz.QueryWarning` naming it and its organization.
        """
        found = self._query(
            kind_class("agreements"),
            during=during,
            possibly=possibly,
            kind=kind,
            country=country,
            involving=involving,
            basis=basis,
        )
        if country is not None:
            self._warn_organized(
                found, country, during=during, possibly=possibly, kind=kind, involving=involving, basis=basis
            )
        return found

    def _warn_organized(
        self, found: Sequence[AnyRecord], country: object, *, during: object, possibly: object, **others: object
    ) -> None:
        """Warn of the agreements ``country=`` left out whose parties are given (in part) only as an organization.

        Only those the query's other filters keep are named: ``kind="treaty"`` names no
        intelligence agreement.
        """
        organized = self._organized
        if organized is None:
            cls = kind_class("agreements")
            organized = self._organized = [a for a in self._by_kind.get(cls, _NONE) if getattr(a, "organizations", ())]
        got = {id(r) for r in found}
        left = [a for a in organized if id(a) not in got]
        if not left:  # the common case: none, or each found
            return
        kept = {id(r) for r in self._query(kind_class("agreements"), during=None, possibly=False, **others)}
        left = [a for a in left if id(a) in kept]
        if during is not None:
            window = to_window(during)
            windows = self._reach if check_flag("possibly", possibly) else {}
            left = [
                a
                for a in left
                if (w := windows.get(a.id, self._matched.get(a.id, _UNDATED))) is not _UNDATED
                and w[0] <= window[1]
                and window[0] <= w[1]
            ]
        if not left:
            return
        said = [_organized_said(a) for a in left]
        them = "them" if len(left) > 1 else "it"
        asked = ", ".join(repr(o) for a in left[:1] for o in getattr(a, "organizations", ()))
        message = (
            f"country={_given_text(country)} leaves out {_listed(said)}: usnz does not read the countries of an "
            f"organization as parties; involving={asked} finds {them}"
        )
        warnings.warn(message, QueryWarning, stacklevel=outside_usnz())

    def conflicts(
        self,
        *,
        during: During | None = None,
        possibly: bool = False,
        basis: str | Iterable[str] | None = None,
        involving: RecordIds | None = None,
    ) -> Records[Conflict]:
        """Wars and military operations.

        Args:
            during: Fought (at least partly) within this time: see :ref:`during`.
            possibly: Let unknown ends run on (the lenient reading of ``during=``).
            basis: Only dates determined so (``"stated"``, ``"inferred"``, ``"external"``, or several).
            involving: A record involved with the conflict, either way (a force sent to it, an event
                in it: see :ref:`involving`), or a country code.
        """
        return self._query(kind_class("conflicts"), during=during, possibly=possibly, involving=involving, basis=basis)

    def force_contributions(
        self,
        *,
        conflict: RecordIds | None = None,
        country: str | Iterable[str] | None = None,
        combat: bool | None = None,
        during: During | None = None,
        possibly: bool = False,
        basis: str | Iterable[str] | None = None,
        involving: RecordIds | None = None,
    ) -> Records[ForceContribution]:
        """What each country sent to each conflict, with sizes and casualties.

        Args:
            conflict: A conflict id or record, e.g. ``"korean-war"`` (or several): what is filed
                under that very conflict. ``"pacific-war"`` (the US forces in New Zealand) is its
                own conflict, which the texts never call part of ``"second-world-war"``: ask both.
            country: The contributing country's ISO alpha-3 code (or several).
            combat: ``True`` for forces the sources say fought, ``False`` for support only
                (forces whose role is not stated match neither).
            during: Served (at least partly) within this time: see :ref:`during`.
            possibly: Let unknown ends run on (the lenient reading of ``during=``), an unknown
                start no further back than the conflict's start; a contribution with no period
                may be at any time of its conflict's. Without it, the contributions it would add
                are named in a :class:`~usnz.QueryWarning`.
            basis: Only dates determined so (``"stated"``, ``"inferred"``, ``"external"``, or several).
            involving: A record involved with the contribution, either way (its unit, its conflict:
                see :ref:`involving`), or a country code.

        >>> import usnz
        >>> k = usnz.get("k-force-korea")
        >>> str(k.personnel), str(k.total_served), str(k.killed)
        ('1,044 personnel', '3,794 personnel', '33 personnel')

        ``combat=`` leaves out the contributions whose role the texts give neither as fighting nor
        as support: a :class:`~usnz.QueryWarning` names those the other filters keep.
        """
        cls = kind_class("force_contributions")
        found = self._query(
            cls,
            during=during,
            possibly=possibly,
            conflict=conflict,
            combat=combat,
            country=country,
            involving=involving,
            basis=basis,
        )
        if combat is not None:
            given = {"conflict": conflict, "country": country, "involving": involving, "basis": basis}
            self._warn_unstated_combat(combat, given, during=during, possibly=possibly)
        return found

    def _warn_unstated_combat(
        self, combat: object, given: Mapping[str, object], *, during: object, possibly: object
    ) -> None:
        """Warn of the contributions ``combat=`` left out because the texts do not give their role."""
        cls = kind_class("force_contributions")
        keys: Keys = [
            (name, self._values(filters(cls)[name], value)) for name, value in given.items() if value is not None
        ]
        kept = self._select(cls, keys=keys)  # no during=: its warnings are the query's own
        unstated = [r.id for r in kept if r.combat is None and self._kept_by(r, [], during, possibly)]
        if unstated:
            what = "force contributions" if len(unstated) > 1 else "force contribution"
            message = (
                f"combat={combat!r} leaves out {len(unstated)} {what} whose role the texts give neither as fighting "
                f"nor as support: {_listed(unstated)} (leave combat= out to see them)"
            )
            warnings.warn(message, QueryWarning, stacklevel=outside_usnz())

    def assistance(
        self,
        *,
        country: str | Iterable[str] | None = None,
        during: During | None = None,
        possibly: bool = False,
        basis: str | Iterable[str] | None = None,
        involving: RecordIds | None = None,
    ) -> Records[Assistance]:
        """Non-military aid, in money or in kind.

        Args:
            country: The donor's or recipient's ISO alpha-3 code (or several).
            during: Given within this time: see :ref:`during`.
            possibly: Let unknown ends run on (the lenient reading of ``during=``).
            basis: Only dates determined so (``"stated"``, ``"inferred"``, ``"external"``, or several).
            involving: A record involved with the aid, either way (the body it went through, what it
                answered: see :ref:`involving`), or a country code.
        """
        return self._query(
            kind_class("assistance"),
            during=during,
            possibly=possibly,
            country=country,
            involving=involving,
            basis=basis,
        )

    def events(
        self,
        *,
        kind: str | Iterable[str] | None = None,
        during: During | None = None,
        possibly: bool = False,
        basis: str | Iterable[str] | None = None,
        involving: RecordIds | None = None,
        country: str | Iterable[str] | None = None,
        destination: str | Iterable[str] | None = None,
        conflict: RecordIds | None = None,
    ) -> Records[Event]:
        """Visits, meetings, announcements, statements, awards, exercises, results...

        Args:
            kind: One event kind, e.g. ``"visit"`` (or several).
            during: Happened within this time: see :ref:`during`.
            possibly: Let unknown ends run on (the lenient reading of ``during=``).
            basis: Only dates determined so (``"stated"``, ``"inferred"``, ``"external"``, or several).
            involving: A record involved with the event, either way (a participant, an organization,
                an agreement, its conflict, a quote said at it: see :ref:`involving`), or a country code.
            country: A country's ISO alpha-3 code (or several).
            destination: The country a visit went to (ISO alpha-3, or several).
            conflict: A conflict id or record.

        >>> import usnz
        >>> usnz.events(kind="visit", during="2008-07", involving="condoleezza-rice").ids()
        ('rice-visit-to-new-zealand',)

        A kind whose events another kind may hold too (``"meeting"``: ``"talks"``, ``"visit"``; see
        ``usnz.model.kinds.events.NEAR_KINDS``) warns :class:`~usnz.QueryWarning` naming the
        events of those kinds the other filters keep.
        """
        found = self._query(
            kind_class("events"),
            during=during,
            possibly=possibly,
            kind=kind,
            conflict=conflict,
            destination=destination,
            country=country,
            involving=involving,
            basis=basis,
        )
        if kind is not None:
            others = {"conflict": conflict, "destination": destination, "country": country, "involving": involving}
            self._warn_near_kinds(kind, during=during, possibly=possibly, basis=basis, **others)
        return found

    def _warn_near_kinds(self, kind: object, *, during: object, possibly: object, **others: object) -> None:
        """Warn of the events of kinds near those asked for (``NEAR_KINDS``) that the other filters keep."""
        from usnz.model.kinds.events import NEAR_KINDS  # noqa: PLC0415 - the events' module, built by their query

        asked = set(many("kind", kind))
        near = sorted({other for one in asked for other in NEAR_KINDS.get(str(one), ())} - asked)
        if not near:
            return
        cls = kind_class("events")
        keys = [*self._keys(filters(cls), others), ("kind", frozenset[Hashable](near))]
        left = [r.id for r in self._matching(cls, keys) if self._kept_by(r, [], during, possibly)]
        if not left:
            return
        given = ", ".join(map(repr, sorted(map(str, asked))))
        kinds = " or ".join(map(repr, near))
        every = ", ".join(map(repr, sorted({*map(str, asked), *near})))
        message = (
            f"kind={given} leaves out {_listed(left)}, of the kind {kinds}, which may answer it too; "
            f"kind=({every}) includes them"
        )
        warnings.warn(message, QueryWarning, stacklevel=outside_usnz())

    def people(
        self,
        *,
        office: str | Iterable[str] | None = None,
        country: str | Iterable[str] | None = None,
        during: During | None = None,
        possibly: bool = False,
        basis: str | Iterable[str] | None = None,
        involving: RecordIds | None = None,
    ) -> Records[Person]:
        """Named people and their roles.

        Args:
            office: An office slug of :data:`usnz.OFFICES`, e.g. ``"secretary-of-state"`` (or several).
            country: The person's country (or a role's country), ISO alpha-3. With ``office=``,
                the office must be held for that country (or by a person of it, where the
                role names no country).
            during: A role stated (its ``period``) or attested (a date of its ``attested``)
                within this time: see :ref:`during`. With ``office=`` and ``country=``, the
                same role. Nothing is inferred between attestations.
            possibly: Let the unknown ends of a stated period run on; an attestation stays
                the date it is, never a term.
            basis: Only dates determined so: an attestation's is its own ``date_basis`` (its
                record's, or weaker), else its record's; a stated period's ``"stated"`` (or several).
            involving: A record involved with the person, either way (an organization a role is held
                in, an event they took part in, a quote they said: see :ref:`involving`), or a
                country code.

        >>> import usnz
        >>> usnz.people(office="secretary-of-state", country="USA").ids()
        ('condoleezza-rice', 'hillary-clinton')
        >>> usnz.people(office="prime-minister", country="NZL", during="2008-09").ids()
        ('helen-clark',)

        With ``office=`` and ``during=``, an empty answer warns :class:`~usnz.QueryWarning`,
        naming the office's holders the data knows (matching the other filters) and the dates
        their roles are stated or attested: the texts may name a holder by title alone, with
        no dated record in the window.
        """
        cls = kind_class("people")
        specs = filters(cls)
        keys = self._keys(specs, {"office": office, "country": country, "involving": involving})
        offices = next((values for name, values in keys if name == "office"), None)
        lenient = check_flag("possibly", possibly)
        bases = None if basis is None else self._values(specs["basis"], basis)
        window = None if during is None else to_window(during)
        found = self._select(cls, keys=keys)
        if window is not None and self._outside(window, during, possibly=lenient):
            return Records()
        codes = None if offices is None or country is None else self._codes("country", country)
        if offices is not None or window is not None or bases is not None:
            candidates = found
            found = Records(
                person
                for person in found
                if any(
                    (offices is None or role.office in offices)
                    and (codes is None or (role.country or person.country) in codes)
                    and ((window is None and bases is None) or self._dated_within(role, window, bases, lenient))
                    for role in person.roles
                )
            )
            if not found and offices is not None and window is not None and self._covers(window):
                asked = _Asked(offices, codes, during, window, basis, bases, involving, lenient=lenient)
                self._warn_no_holder(candidates, asked)
            elif not found and window is not None and not lenient:
                would = dict.fromkeys(
                    f"{person.id} ({role.period})"
                    for person in candidates
                    for role in person.roles
                    if role.period is not None
                    and (codes is None or (role.country or person.country) in codes)
                    and self._dated_within(role, window, bases, lenient=True)
                )
                if would:
                    message = (
                        f"{_listed(list(would))}: a role's start or end is unknown and may be in "
                        f"during={during_text(during)}; possibly=True includes {'them' if len(would) > 1 else 'it'}"
                    )
                    warnings.warn(message, QueryWarning, stacklevel=outside_usnz())
        return found

    def _dated_within(
        self, role: Role, window: Window | None, bases: frozenset[Hashable] | None, lenient: bool
    ) -> bool:
        """Whether *role* is stated or attested within *window* (any time if ``None``) on a date of *bases*."""
        first, last = window if window is not None else (dt.date.min, dt.date.max)
        period = role.period
        if period is not None and (bases is None or "stated" in bases):
            start, end = (period.earliest, period.latest) if lenient else period.known()  # as Role.held reads it
            if start <= last and first <= end:
                return True
        for attestation in role.attested:
            record = self._by_id.get(attestation.record)
            if bases is not None and (record is None or (attestation.date_basis or record.date_basis) not in bases):
                continue  # (an attestation's own basis, where given, is its record's or weaker)
            if attestation.date.earliest <= last and first <= attestation.date.latest:
                return True
        return False

    def _warn_no_holder(self, people: Iterable[Person], asked: _Asked) -> None:
        """Warn that no holder of the offices *asked* is stated or attested in its window, naming those the data knows.

        Those with dates first, by their first known date; then those the texts name by title
        alone. A date is listed once, at its strongest basis; dates ``basis=`` excludes are
        said to be. When no candidate is left before ``during=`` is applied, it says which
        filter left none.
        """
        named = " or ".join(sorted(map(str, asked.offices)))
        of = f" of {' or '.join(sorted(asked.codes))}" if asked.codes is not None else ""
        in_window = f"in during={during_text(asked.during)}"
        on = ""
        if asked.bases is not None:
            bases = " or ".join(sorted(map(str, asked.bases)))
            on = f" on {'an' if bases[:1] in 'aeiou' else 'a'} {bases} date"
        holders = [(person, role) for person in people for role in person.roles if _holds(person, role, asked)]
        if not holders:
            known = {
                person.id
                for person in self._by_kind.get(kind_class("people"), _NONE)
                for role in typing.cast("Person", person).roles
                if _holds(typing.cast("Person", person), role, asked)
            }
            if known:  # the data knows holders: involving= (the one filter besides office= and country=) left none
                message = (
                    f"no {named}{of} matches involving={shown(asked.involving)}, {in_window} or at any time "
                    f"(the data knows {len(known)} holder{'s' if len(known) != 1 else ''} of it): during= is not "
                    "why the answer is empty"
                )
            else:
                message = f"no {named}{of} is stated or attested{on} {in_window}; the data knows no holder of it"
            warnings.warn(message, QueryWarning, stacklevel=outside_usnz())
            return
        dated: list[tuple[dt.date, str]] = []
        undated: list[str] = []
        would: dict[str, set[str]] = {}  # holders possibly=True would find: the ends it lets run on
        for person, role in holders:
            office = f"{role.office}: " if len(asked.offices) > 1 else ""
            said = self._role_said(person, role, asked, would)
            if said:
                firsts = [a.date.earliest for a in role.attested]
                firsts += [role.period.known()[0]] if role.period is not None else []
                dated.append((min(firsts), f"{person.id} ({office}{'; '.join(said)})"))
            else:
                undated.append(f"{person.id}{f' ({role.office})' if office else ''}")
        known_holders = [holder for _, holder in sorted(dated, key=lambda pair: pair[0])]
        if undated:
            known_holders.append(
                f"{'and ' if known_holders else ''}{', '.join(undated)}, with no stated or attested date"
            )
        message = (
            f"no {named}{of} is stated or attested{on} {in_window}; the data knows {'; '.join(known_holders)}. "
            "A role counts in a window only where its period is stated or a dated record naming the title attests it"
        )
        if would:
            ends = " or ".join(sorted({end for ends_of in would.values() for end in ends_of}))
            message += (
                f" (possibly=True finds {', '.join(would)}: it lets a stated period's {ends} run on to the window)"
            )
        warnings.warn(message, QueryWarning, stacklevel=outside_usnz())

    def _role_said(self, person: Person, role: Role, asked: _Asked, would: dict[str, set[str]]) -> list[str]:
        """What the office warning says of *role*: its period and attested dates, those ``basis=`` excludes apart.

        Notes in *would* the end of its period ``possibly=True`` would let run on to the window.
        """
        said: list[str] = []
        excluded: list[str] = []
        period = role.period
        if period is not None:
            if asked.bases is None or "stated" in asked.bases:
                said.append(f"held {period}")
                if not asked.lenient and self._dated_within(role, asked.window, asked.bases, lenient=True):
                    would.setdefault(person.id, set()).add(_end_run_on(period, asked.window))
            else:
                excluded.append(f"held {period} (stated)")
        best: dict[str, tuple[tuple[bool, int], str | None]] = {}
        for attestation in role.attested:
            record = self._by_id.get(attestation.record)
            asked_for = asked.bases is None or (
                record is not None and (attestation.date_basis or record.date_basis) in asked.bases
            )
            rank = (not asked_for, _STRENGTH[attestation.date_basis])
            text = str(attestation.date)
            if text not in best or rank < best[text][0]:
                best[text] = (rank, attestation.date_basis)
        kept = [f"{text}{_unless_stated(basis)}" for text, ((out, _), basis) in best.items() if not out]
        left = [f"{text} ({basis or 'stated'})" for text, ((out, _), basis) in best.items() if out]
        if kept:
            said.append(f"attested {_listed(kept)}")
        if left:
            excluded.append(f"attested {_listed(left)}")
        if excluded:
            said.append(f"excluded by basis={shown(asked.basis)}: {' and '.join(excluded)}")
        return said

    def _covers(self, window: Window) -> bool:
        """Whether *window* overlaps the span the data is known to cover (any window, when the data dates nothing)."""
        known, _ = self._spanned()
        return known is None or (known[0] <= window[1] and window[0] <= known[1])

    def _outside(self, window: Window, during: object, *, possibly: bool) -> bool:
        """Warn when *window* lies wholly outside the span the data is known to cover; whether nothing can match.

        Every query with ``during=`` warns alike, with *possibly* or not: outside the known
        span no record is known to be in *window*. Without *possibly* nothing can match
        (``True``); with it, only records whose unknown or open ends may run on to *window*
        can (``False``: the query goes on), unless none reaches so far.
        """
        if self._covers(window):
            return False
        known, lenient_span = self._spanned()
        known = typing.cast("Window", known)  # set, as the window is not covered
        lenient = typing.cast("Window", lenient_span)  # set whenever the known span is
        reaches = lenient[0] <= window[1] and window[0] <= lenient[1]
        span = Period.parse(f"{known[0].isoformat()}/{known[1].isoformat()}")
        said = f"during={during_text(during)} lies outside the span the data covers ({span})"
        if possibly and reaches:
            message = (
                f"{said}: no record is known to be in it; possibly=True gives only those whose unknown or "
                "open ends may run on to it"
            )
        elif reaches:
            message = f"{said}; nothing can match (possibly=True lets unknown and open ends run on to it)"
        else:
            message = f"{said}; nothing can match"
        warnings.warn(message, CoverageWarning, stacklevel=outside_usnz())
        return not (possibly and reaches)

    def organizations(
        self,
        *,
        kind: str | Iterable[str] | None = None,
        country: str | Iterable[str] | None = None,
        during: During | None = None,
        possibly: bool = False,
        basis: str | Iterable[str] | None = None,
        involving: RecordIds | None = None,
    ) -> Records[Organization]:
        """Councils, caucuses, agencies, military units, companies, teams...

        Args:
            kind: One organization kind, e.g. ``"council"`` (or several).
            country: The organization's ISO alpha-3 code (or several).
            during: Founded within this time: see :ref:`during`. No organization's end is
                stated: an empty answer warns of those founded before, which ``possibly=True`` adds.
            possibly: Let unknown ends run on (the lenient reading of ``during=``): an
                organization founded before this time may still exist in it.
            basis: Only dates determined so (``"stated"``, ``"inferred"``, ``"external"``, or several).
            involving: A record involved with the organization, either way (a person holding a role
                in it, an event it took part in: see :ref:`involving`), or a country code.
        """
        return self._query(
            kind_class("organizations"),
            during=during,
            possibly=possibly,
            kind=kind,
            country=country,
            involving=involving,
            basis=basis,
        )

    def quotes(
        self,
        *,
        speaker: RecordIds | None = None,
        during: During | None = None,
        possibly: bool = False,
        basis: str | Iterable[str] | None = None,
        involving: RecordIds | None = None,
    ) -> Records[Quote]:
        """Words named people said, verbatim.

        Args:
            speaker: The speaker: a person id or record, or several
                (``speaker=usnz.people(office="secretary-of-state")``).
            during: Said within this time: see :ref:`during`.
            possibly: Accepted for symmetry (a quote's date has no unknown end).
            basis: Only dates determined so (``"stated"``, ``"inferred"``, ``"external"``, or several).
            involving: A record involved with the quote, either way (its speaker, its event, what it
                is about: see :ref:`involving`), or a country code.

        >>> import usnz
        >>> len(usnz.quotes(speaker=usnz.people(office="secretary-of-state"))) > 0
        True
        """
        return self._query(
            kind_class("quotes"), during=during, possibly=possibly, speaker=speaker, involving=involving, basis=basis
        )

    def figures(
        self,
        *,
        during: During | None = None,
        possibly: bool = False,
        basis: str | Iterable[str] | None = None,
        country: str | Iterable[str] | None = None,
        involving: RecordIds | None = None,
    ) -> Records[Figure]:
        """Other stated numbers: memberships, projections, prizes, spans of years.

        Args:
            during: Dated within this time: see :ref:`during`.
            possibly: Accepted for symmetry (a figure's date has no unknown end).
            basis: Only dates determined so (``"stated"``, ``"inferred"``, ``"external"``, or several).
            country: A country's ISO alpha-3 code (or several).
            involving: A record involved with the figure, either way (a subject of it: see
                :ref:`involving`), or a country code.
        """
        return self._query(
            kind_class("figures"), during=during, possibly=possibly, country=country, involving=involving, basis=basis
        )

    # -- across kinds ------------------------------------------------------------------

    def disputes(self) -> Disputes:
        """The records that disagree, in groups: each group the records linked by ``disputes``.

        Each group is in dataset order (the order the texts tell); the groups are in the
        order of their first records. Printed (or shown in Jupyter), the groups say what the
        records disagree on and which paragraphs each side rests on. Linear in the records.

        >>> import usnz
        >>> [group.ids() for group in usnz.disputes() if "nz-gulf-war-1991" in group.ids()]
        [('nz-gulf-war-1991', 'nz-gulf-war-fought-claim')]
        """
        groups = dispute_groups(self._ordered)
        return Disputes(Records(group) for group in groups if any(getattr(r, "disputes", ()) for r in group))

    def doubts(
        self,
        *,
        kind: str | Iterable[str] | None = None,
        source: str | Source | None = None,
        paragraph: int | None = None,
    ) -> Doubts:
        """The doubtful spots of the texts, each a :class:`Doubted`: a doubt with the records it touches.

        Every doubt of every record (and source), in a fixed order: by kind (contradictions
        first, as :class:`~usnz.Doubt` lists them), then by source and paragraph, then in
        dataset order of the records that carry them. A spot several records touch appears
        once for each record that carries a doubt about it; printed or shown in Jupyter, the
        :class:`~usnz.Doubts` read each doubt once with every record that carries it
        (:meth:`~usnz.Doubts.by_doubt`).

        Args:
            kind: Only doubts of this kind (``"contradiction"``, ``"vague"``, ``"garbled"``,
                ``"typo"``, ``"reading"``, ``"outside"``), or of any of several.
            source: Only doubts lying in this source (an id or a :class:`~usnz.Source`).
            paragraph: Only doubts lying in this paragraph (of *source*, or of any source).

        >>> import usnz
        >>> first = usnz.doubts(kind="contradiction", paragraph=23)[0]
        >>> first.record.id, first.doubt.paragraphs, first.concerns.ids()
        ('nzsas-afghanistan-rotations', (23, 24), ('nzsas-afghanistan-fifty',))

        Raises:
            ArgumentValueError: for a kind that is not one, or a paragraph the source does not have.
            UnknownRecordError: for a source id that does not exist.
        """
        from usnz.model.doubt import DOUBT_KINDS  # noqa: PLC0415 - the doubt kinds only when doubts are asked for

        kinds = None if kind is None else {check_choice("kind", k, DOUBT_KINDS) for k in many("kind", kind)}
        found = None if source is None else self._known_one("source", source, kind_class("sources"))
        if paragraph is not None:
            if isinstance(paragraph, bool) or not isinstance(paragraph, int):
                msg = (
                    "paragraph= takes a paragraph number as an int, e.g. paragraph=14; "
                    f"got {type_and_value(paragraph, integers=True)}"
                )
                raise ArgumentTypeError(msg)
            sources = [self._by_id[found]] if found is not None else self._by_kind.get(kind_class("sources"), ())
            count = max((source.paragraphs for source in sources), default=None)  # type: ignore[union-attr]
            if paragraph < 1 or (count is not None and paragraph > count):
                ranges = [f"{source.id}: 1 to {source.paragraphs}" for source in sources]  # type: ignore[union-attr]
                if len(ranges) > _RANGES_LISTED:
                    ranges[_RANGES_LISTED:] = [f"{len(ranges) - _RANGES_LISTED} more sources"]
                accepted = (
                    "a number from 1"
                    if count is None
                    else f"1 to {count}"
                    if found is not None
                    else "a paragraph of one of the sources (" + "; ".join(ranges) + ")"
                )
                of = repr(found) if found is not None else "any source"
                msg = f"paragraph={shown(paragraph)} is not a paragraph of {of}; accepted: {accepted}"
                raise ArgumentValueError(msg)
        return Doubts(
            item
            for item in self._all_doubted()
            if (kinds is None or item.doubt.kind in kinds)
            and (found is None or item.doubt.source == found)
            and (paragraph is None or paragraph in item.doubt.paragraphs)
        )

    def _all_doubted(self) -> tuple[Doubted, ...]:
        """Every doubt with its records, in the order :meth:`doubts` gives: built on first use, once."""
        if self._doubted is None:
            from usnz.model.doubt import DOUBT_KINDS  # noqa: PLC0415

            sources = {source.id: at for at, source in enumerate(self._by_kind.get(kind_class("sources"), ()))}
            found: list[tuple[tuple[int, int, tuple[int, ...], int, int], Doubted]] = []
            for at, record in enumerate(self._ordered):
                for index, doubt in enumerate(record.doubts):
                    concerns = Records(self._by_id[i] for i in doubt.concerns if i in self._by_id)
                    if not self._packaged:  # shown as this dataset's, as its queries' results are
                        concerns = of_dataset(concerns, self)
                    rank = DOUBT_KINDS.index(doubt.kind)
                    key = (rank, sources.get(doubt.source, len(sources)), doubt.paragraphs, at, index)
                    found.append((key, Doubted(doubt, record, concerns)))
            self._doubted = tuple(item for _, item in sorted(found, key=lambda pair: pair[0]))
        return self._doubted

    @typing.overload
    def search(
        self,
        text: str,
        *,
        kind: str | type[AnyRecord] | Iterable[str | type[AnyRecord]] | None = None,
        scores: Literal[False] = False,
    ) -> Records[AnyRecord]: ...
    @typing.overload
    def search(
        self,
        text: str,
        *,
        kind: str | type[AnyRecord] | Iterable[str | type[AnyRecord]] | None = None,
        scores: Literal[True],
    ) -> tuple[SearchHit, ...]: ...
    def search(
        self,
        text: str,
        *,
        kind: str | type[AnyRecord] | Iterable[str | type[AnyRecord]] | None = None,
        scores: bool = False,
    ) -> Records[AnyRecord] | tuple[SearchHit, ...]:
        """Records whose text matches every word of *text*, ranked: the record the words describe first.

        Case-insensitive; punctuation is ignored. A word matches a word of a record that is the
        same, starts with it (``"sas"`` finds "SAS", not "disaster"), is another form of it
        (``"suspension"`` finds "suspended"), ends a compound (``"ship"`` finds "warships",
        ``"kforce"`` finds "K-FORCE"), or, when nothing else does, the same word misspelt by a
        letter or two (``"anzsu"`` finds "ANZUS"). Ranked by a BM25F score: words in a record's
        name, title or aliases weigh most, then its id, its description (summary, measure, a
        figure's value with its unit...), its notes, and least its citations' quotes; rare words
        more than common ones, exact words more than looser matches; the words side by side in
        order, and records that matching quotes and side records point at, rank higher. Ties in
        the dataset's order. Never raises for odd text; an empty result is possible. A word no
        record holds in any form is left out, and a :class:`~usnz.SearchWarning` names it. A few
        words also match related ones (``"talks"`` finds "negotiations": see docs/querying.md).
        A year, month or day (``2008``, ``"2008-07"``, ``"2008-07-26"``) also matches the records
        dated then, their known extent overlapping it as ``during=`` reads it (weighed as a word
        of their name), before those whose text merely holds it: ``"trade talks 2008"`` finds
        the talks of 2008 first.
        When no record holds every word, or few do and a record holding all but one outscores
        them, the records holding all but one follow, and a :class:`~usnz.SearchWarning` names
        the words left out. Only the
        first 1,000 characters and the first 32 distinct words of *text* are read, so a search
        costs at most that much whatever it is given; a :class:`~usnz.SearchWarning` names the
        words left unread (a pasted paragraph: ``usnz.citing(source=..., paragraph=...)`` finds
        the records it supports).

        Args:
            text: The words to look for.
            kind: Only records of this kind: its class (``usnz.Person``) or its name (``"person"``,
                ``"people"``, ``"force-contribution"``...), or of any of several.
            scores: Give :class:`~usnz.SearchHit` pairs (record, score), best first, instead of
                the records alone.

        >>> import usnz
        >>> usnz.search("ANZUS treaty")[0].id
        'anzus'
        >>> usnz.search("Savage", kind="person").ids()
        ('michael-joseph-savage',)
        >>> hit = usnz.search("40 minutes", scores=True)[0]
        >>> hit.record.id, hit.score > 0
        ('key-biden-meeting-length', True)
        """
        if not isinstance(text, str):
            msg = f"search() takes text as a str; got {type_and_value(text)}"
            raise ArgumentTypeError(msg)
        text = plain(text)
        allowed: frozenset[int] | None = None
        index = self._searchable()
        if kind is not None:
            classes = {kind_class(kind_name(item)) for item in many("kind", kind)}
            kept = [index.of_kind(cls) for cls in classes]
            allowed = kept[0] if len(kept) == 1 else frozenset[int]().union(*kept)
        if len(text) > MAX_CHARACTERS or len(_WORD.findall(text)) > MAX_WORDS:  # (a short text: a few µs)
            self._warn_unread(index, text)
        small = words_of(text[:MAX_CHARACTERS])
        if small and STOP_WORDS.issuperset(small):  # nothing to look for: not every record holding "the"
            shown_words = ", ".join(map(repr, small[:_UNREAD_SHOWN]))
            message = (
                f"search found only small words ({shown_words}), which count only in a phrase with others; "
                "nothing was searched: add a word of what you are looking for"
            )
            warnings.warn(message, SearchWarning, stacklevel=outside_usnz())
            return () if check_flag("scores", scores) else Records()
        found = index.search(text, allowed)
        if not found:
            found = self._without_unheld(index, text, allowed)
        elif len(found) < THIN:
            found = self._with_all_but_one(index, text, allowed, found)
        if check_flag("scores", scores):
            return tuple(SearchHit(index.records[position], round(score, 6)) for position, score in found)
        return Records(index.records[position] for position, _ in found)

    @staticmethod
    def _warn_unread(index: SearchIndex, text: str) -> None:
        """Warn of the words a search leaves unread past its caps (a :class:`SearchWarning`), if any but small ones."""
        unread = index.unread(text)
        if not unread:
            return
        shown_words = ", ".join(map(repr, unread[:_UNREAD_SHOWN]))
        more = f" and {len(unread) - _UNREAD_SHOWN:,} more" if len(unread) > _UNREAD_SHOWN else ""
        message = (
            f"search reads only the first {MAX_WORDS} distinct words and {MAX_CHARACTERS:,} characters of its text; "
            f"left out: {shown_words}{more}. For the records a passage of a source supports, ask "
            "usnz.citing(source=..., paragraph=...) of its paragraph"
        )
        warnings.warn(message, SearchWarning, stacklevel=outside_usnz())

    @staticmethod
    def _without_unheld(index: SearchIndex, text: str, allowed: frozenset[int] | None) -> list[tuple[int, float]]:
        """A search that found nothing: again without the words no record holds, saying so (a :class:`SearchWarning`).

        When every word is held, but by no record at once, the warning says that instead.
        """
        missing = index.unmatched(text)
        found = index.search(text, allowed, leaving_out=missing) if missing else []
        if missing and not found:
            warnings.warn(f"no record holds {', '.join(map(repr, missing))}", SearchWarning, stacklevel=outside_usnz())
        elif found:
            many = len(missing) > 1
            note = f"no record holds {', '.join(map(repr, missing))}: {'they were' if many else 'it was'} left out"
            warnings.warn(
                f"{note} of the search; these records hold the other words", SearchWarning, stacklevel=outside_usnz()
            )
        elif not missing and len(words := index.query_words(text)) > 1:
            where = " of the kinds asked for" if allowed is not None else ""
            note = f"no record{where} holds all of {', '.join(map(repr, words))}, though each is held by some"
            found, relaxed = index.all_but_one(text, allowed, [])
            if found:
                note += f"; these records hold all but one ({_left_out(relaxed)})"
            warnings.warn(note if found else f"{note}: search fewer words", SearchWarning, stacklevel=outside_usnz())
        return found

    @staticmethod
    def _with_all_but_one(
        index: SearchIndex, text: str, allowed: frozenset[int] | None, held: list[tuple[int, float]]
    ) -> list[tuple[int, float]]:
        """A search that found few records holding every word: those holding all but one after them, saying so."""
        more, relaxed = index.all_but_one(text, allowed, held)
        if more:
            words = ", ".join(map(repr, index.query_words(text)))
            many = "s hold" if len(held) > 1 else " holds"
            note = f"only {len(held)} record{many} all of {words}; the {len(more)} after them hold all but one"
            warnings.warn(f"{note} ({_left_out(relaxed)})", SearchWarning, stacklevel=outside_usnz())
        return held + more

    def citing(self, *, source: str | Source, paragraph: int | None = None) -> Records[AnyRecord]:
        """Every record that cites a source, or one paragraph of it, in chronological order.

        Args:
            source: A source id or record, e.g. ``"encyclopedia-nz-us-relations"``.
            paragraph: A paragraph number (line number of the text, from 1); every
                paragraph when ``None``.

        >>> import usnz
        >>> "k-force-korea" in usnz.citing(source="encyclopedia-nz-us-relations", paragraph=14).ids()
        True

        Raises:
            UnknownRecordError: for a source id that does not exist.
            ArgumentValueError: for a paragraph the source does not have.
        """
        found = self._known_one("source", source, kind_class("sources"))
        if paragraph is not None:
            if isinstance(paragraph, bool) or not isinstance(paragraph, int):
                msg = (
                    "paragraph= takes a paragraph number as an int, e.g. paragraph=14; "
                    f"got {type_and_value(paragraph, integers=True)}"
                )
                raise ArgumentTypeError(msg)
            count = self._by_id[found].paragraphs  # type: ignore[union-attr] # a Source, checked above
            if not 1 <= paragraph <= count:
                msg = f"paragraph={shown(paragraph)} is not a paragraph of {found!r}; accepted: 1 to {count}"
                raise ArgumentValueError(msg)
        return self._cited().get((found, paragraph), Records())

    def _cited(self) -> dict[tuple[str, int | None], Records[AnyRecord]]:
        """The records citing each (source, paragraph) and each (source, None): built on first use, once."""
        if self._citing is None:
            self._citing = self._citing_index()
        return self._citing

    @paused
    def _citing_index(self) -> dict[tuple[str, int | None], Records[AnyRecord]]:
        index: defaultdict[tuple[str, int | None], list[AnyRecord]] = defaultdict(list)
        for record in self._ordered:
            keys = {(c.source, c.paragraph) for c in getattr(record, "citations", ())}
            for key in keys | {(source, None) for source, _ in keys}:
                index[key].append(record)
        return {key: Records(records) for key, records in index.items()}

    def _known_one(self, name: str, value: object, cls: type[AnyRecord]) -> str:
        found = self._ids(name, value, cls)
        if len(found) != 1:
            msg = f"{name}= takes one {cls.record_kind} id or record; got {len(found)}"
            raise ArgumentValueError(msg)
        return next(iter(found))

    def timeline(
        self,
        *,
        during: During | None = None,
        possibly: bool = False,
        basis: str | Iterable[str] | None = None,
        involving: RecordIds | None = None,
        country: str | Iterable[str] | None = None,
    ) -> Records[AnyRecord]:
        """Every dated record in the order the texts tell (see :class:`Dataset`): first known day first.

        Args:
            during: Only records whose known extent overlaps this time: see :ref:`during`.
            possibly: Let unknown ends run on (the lenient reading of ``during=``).
            basis: Only dates determined so (``"stated"``, ``"inferred"``, ``"external"``, or several).
            involving: Only records involved with this record, either way (see :ref:`involving`),
                or naming this country (undated records, such as events the texts give no date,
                are never on the timeline: ask the kind's query for them).
            country: Only records naming this country.

        >>> import usnz
        >>> dates = [r.when.earliest for r in usnz.timeline(during="2008")]
        >>> "161-battery-vietnam" in usnz.timeline(during="2008").ids()
        False
        """
        lenient = check_flag("possibly", possibly)
        keys = self._keys(across_kinds(), {"country": country, "involving": involving, "basis": basis})
        candidates: Sequence[AnyRecord] = self._timeline
        for name, values in keys:
            indexes = [self._index.get(cls, name) for cls in self._by_kind]
            matching = {id(r) for index in indexes for value in values for r in index.get(value, ())}
            candidates = [r for r in candidates if id(r) in matching]
        if during is not None:  # after the other filters: its warning names only records they keep
            candidates = self._overlapping(candidates, during, None if keys else "timeline", possibly=lenient)
        if involving is not None:
            self._warn_see_also(candidates, keys, during=during, possibly=possibly, kind=None)
        return Records(candidates)


_RANGES_LISTED: Final = 6
"""Most sources whose paragraph ranges a refused ``doubts(paragraph=)`` lists; the rest are counted."""
_DATES_LISTED: Final = 4
"""Most dates a warning lists for one role; the rest are counted."""

_STRENGTH: Final[Mapping[str | None, int]] = {"stated": 0, None: 0, "inferred": 1, "external": 2}
"""How strongly each basis determines a date: a date attested on several is listed once, at its strongest."""


class _Asked(typing.NamedTuple):
    """What a ``people()`` query asked, as its office warning repeats it."""

    offices: frozenset[Hashable]
    codes: frozenset[str] | None
    during: object
    window: Window
    basis: object
    bases: frozenset[Hashable] | None
    involving: object
    lenient: bool


def _holds(person: Person, role: Role, asked: _Asked) -> bool:
    """Whether *role* is of an office asked, for a country asked."""
    return role.office in asked.offices and (asked.codes is None or (role.country or person.country) in asked.codes)


def _organized_said(agreement: AnyRecord) -> str:
    """An agreement as the warning of ``agreements(country=)`` names it: its parties, and its organizations."""
    parties: tuple[str, ...] = getattr(agreement, "parties", ())
    bodies = ", ".join(getattr(agreement, "organizations", ()))
    if parties:
        return f"{agreement.id}, whose parties are given only as {', '.join(parties)} and an organization, {bodies}"
    return f"{agreement.id}, whose parties are given only as an organization, {bodies}"


def _given_text(value: object) -> str:
    """A filter's value as a warning shows it: a str quoted, several as a list."""
    return repr(value) if isinstance(value, str) else repr(sorted(map(str, typing.cast("Iterable[object]", value))))


def _listed(dates: Sequence[str]) -> str:
    """*dates* joined, cut at :data:`_DATES_LISTED` and the rest counted."""
    more = f" and {len(dates) - _DATES_LISTED} more" if len(dates) > _DATES_LISTED else ""
    return f"{', '.join(dates[:_DATES_LISTED])}{more}"


def _end_run_on(period: Period, window: Window) -> str:
    """The end of *period* (``unknown end``, ``open start``...) that ``possibly=True`` lets run on to *window*."""
    first, _ = period.known()
    side, end = ("start", period.start) if window[1] < first else ("end", period.end)
    return f"{'unknown' if end is None else 'open'} {side}"


def _unless_stated(basis: str | None) -> str:
    """`` (inferred)`` after a date not stated by the texts, nothing after a stated one (or one of no basis given)."""
    return "" if basis in {"stated", None} else f" ({basis})"


@functools.cache
def _class_of(record_kind: str) -> type[AnyRecord]:
    """The record class of a ``record_kind`` (``"conflict"``), as a filter of ids names it."""
    return kind_class(kind_name(record_kind))


def _left_out(words: list[str]) -> str:
    """``'talks' left out`` or ``'trade' or 'talks' left out``: the words a search did without, for a warning."""
    return f"{' or '.join(map(repr, words))} left out"
