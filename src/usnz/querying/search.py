"""Full-text search over records, ranked: the record the words describe first.

A query word matches a word of a record's text in one of these ways, from the closest:

- *exactly*: the same word (``"sas"`` is "SAS");
- *inflected*: the same word with another ending (``"postponed"`` and "postpones");
- *as typed*: a word that starts with it (``"afghan"`` finds "Afghanistan", ``"sas"`` never
  "disaster");
- *another form*: a word that shares its stem, read as the query word less up to four final
  letters, never fewer than five (``"suspension"`` finds "suspended", ``"treaties"``
  "treaty"); a plural query word also matches its singular;
- *inside a compound*: a word of four letters or more at the end of a longer word, or
  hyphenated words written as one (``"ship"`` finds "warships", ``"kforce"`` finds
  "K-FORCE", ``"3794"`` finds "3,794");
- *a typo*: only when nothing else matches, a word at most one edit away (two for words
  of eight letters or more), a swap of neighbours counting as one (``"anzsu"`` finds
  "ANZUS").

- *related*: one of a few words the texts use for the same thing, and its other forms
  (:data:`RELATED_WORDS`: ``"talks"`` finds "negotiations"), as closely as a typo.

A year (``2008``), a month (``2008-07``) or a day (``2008-07-26``) also matches every record
dated then (its known extent overlapping it, as ``during=`` reads it), as closely as a word of
its name: see :meth:`SearchIndex.dated_in`. A record whose text merely holds it weighs it at
most as a word of its notes, and comes after those dated then. A citation given only to date
its record (:attr:`~usnz.Citation.dating`) is not read.

A record matches when each query word (but the :data:`STOP_WORDS`) matches one of its words;
when none does, or fewer than :data:`THIN` do and one holding all but one word outscores them
all, those holding all but one follow (:meth:`SearchIndex.all_but_one`).
Its score is a BM25F sum over the query words: each word weighs by how rare it is (its
inverse document frequency), and by where the record has it: its names (name, title,
aliases: its *label*) most, then its id, then its own description (summary, measure, unit, a
figure's value with its unit, location, occasion...), then its notes, and least the quotes
of its citations, which are evidence rather than description, with the words its set numbers
answer to (a force contribution whose ``killed`` is stated answers to "casualties", "killed",
"deaths" and "dead": see the ``terms`` of :class:`~usnz.model.facts.Fact`); closer matches count more (exactly
1, inflected 0.95, as typed 0.85, another form 0.75, a compound 0.6, a typo 0.5). Then the best
candidates gain for the query words standing together in the order given (a phrase), in the
label above all; for a name the words fill, and a title that begins with them (for several
words); and for the best matching record that points at them, by at most a quarter of their
own score: a quote, a reaction or a side record that merely contains the words points at
what they describe.

Every cost is bounded by the size of what is given: a search reads at most
:data:`MAX_CHARACTERS` characters and :data:`MAX_WORDS` distinct words; words longer than
:data:`MAX_TYPO_LENGTH` letters are neither indexed for typos nor looked up as typos.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
import operator
import re
import typing
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs

from usnz.model.amounts import Money, Quantity
from usnz.model.facts import facts, keys_of

if TYPE_CHECKING:
    from usnz.model.records import AnyRecord

__all__ = [
    "ABBREVIATIONS",
    "MAX_CHARACTERS",
    "MAX_TYPO_LENGTH",
    "MAX_WORDS",
    "RELATED_WORDS",
    "STOP_WORDS",
    "THIN",
    "SearchHit",
    "SearchIndex",
    "indexed_text",
    "words_of",
]

_WORD: Final = re.compile(r"\w+")
_COMPOUND: Final = re.compile(r"(?<!\w)\w+(?:[-\u2010-\u2015'\u2019./,]\w+)+")  # words joined into one
_STEM_MIN: Final = 5  # shortest stem a word form is matched by
_STEM_CUT: Final = 4  # most final letters a word form may differ by
_TYPO_MIN: Final = 4  # shortest word a typo is looked for in
_LONG_WORD: Final = 8  # from this length, two edits are a typo
_COMPOUND_MIN: Final = 4  # shortest query word looked for at the end of a longer word
_PART_MIN: Final = 3  # shortest part of a hyphenated compound whose other part is its main word (see head_of)
_QUALIFIER_MAX: Final = 4  # ... and longest: a short word qualifying the main one (anti-, -free, non-)
MAX_CHARACTERS: Final = 1000
"""Only this many characters of a search text are read."""
MAX_WORDS: Final = 32
"""Only this many distinct words of a search text are looked up (every record must hold them all)."""
MAX_TYPO_LENGTH: Final = 40
"""Words longer than this are matched exactly, as typed or as another form, never as typos."""

# How each zone of a record's text weighs (BM25F field weights), and its length normalisation.
LABEL, ID, BODY, NOTES, EVIDENCE = range(5)
ZONES: Final = ("label", "id", "description", "notes", "citation quotes")
_WEIGHTS: Final = (6.0, 2.5, 1.5, 0.5, 0.3)
_SIDE_KINDS: Final = frozenset({"person", "organization"})  # whose descriptions tell of the events they took part in
_SIDE: Final = 0.7  # the weight of their descriptions
_B: Final = 0.5
_K1: Final = 1.2
_ABOUT: Final = frozenset({"see_also", "event"})  # the references that say what a record is about
# fmt: off
STOP_WORDS: Final = frozenset({
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "is", "it", "its", "of", "on", "or",
    "than", "that", "the", "their", "this", "to", "was", "were", "with",
    # the words of a question ("how many ... did", "who was ..."): an analyst may type one
    "are", "be", "been", "did", "do", "does", "had", "has", "have", "how", "many", "much", "what", "when",
    "where", "which", "who", "whom", "whose", "why",
})
# fmt: on
"""Small words a record need not hold: they count only where they stand in a phrase."""
_APART: Final = " \n "  # between the texts of a zone
_KEBAB: Final = dict.fromkeys(map(ord, "abcdefghijklmnopqrstuvwxyz0123456789-\n"))  # what kebab-case ids hold
_BLANK_LINES: Final = re.compile(r"^[^\w\n]*$", re.MULTILINE)  # an id without a word
_NOTE_FIELDS: Final = frozenset({"notes", "doubts"})
_EVIDENCE_FIELDS: Final = frozenset({"quote", "note"})  # a citation's own words

# How closely a vocabulary word matches a query word.
EXACT, INFLECTED, AS_TYPED, WORD_FORM, COMPOUND, TYPO, RELATED = range(7)
_QUALITY: Final = (1.0, 0.95, 0.85, 0.75, 0.6, 0.5, 0.5)
# fmt: off
RELATED_WORDS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType({
    "talks": ("negotiations",), "negotiations": ("talks",),  # "trade talks": the P-4 negotiations
    "dispute": ("issue",), "issue": ("dispute",),  # "the nuclear issue", "dispute over ..."
    "trade": ("fta",),  # an FTA is a free trade agreement
})
# fmt: on
"""A few query words and the words the texts use for the same thing: each also matches its related
words (and their other forms), as loosely as a typo. Every related word is one the packaged texts use."""
# fmt: off
ABBREVIATIONS: Final[Mapping[str, str]] = MappingProxyType({
    "wwi": "first world war", "ww1": "first world war",
    "wwii": "second world war", "ww2": "second world war",
})
# fmt: on
"""Query words that abbreviate words the texts spell out: each also matches the records holding all
its words (``"WWII"`` the records holding "second", "world" and "war"), as closely as a related word.
Every expansion is a name the packaged data uses."""
THIN: Final = 15
"""A search of two words or more that finds fewer records than this holding them all, and finds a
record holding all but one that outscores the best of them, adds those records after them
(``usnz.search`` warns which words were left out)."""
_ENDINGS: Final = ("ing", "ed", "es", "s", "d")  # inflections: a word less one of these is its root
_YEAR: Final = re.compile(r"[1-9][0-9]{3}")  # a query word that is a year: also matches the records dated then
_MONTH: Final = re.compile(  # a month or a day (YYYY-MM, YYYY-MM-DD): matches the records dated then only
    r"(?<![\w./-])([1-9][0-9]{3})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12][0-9]|3[01]))?(?![\w-])"
)
_DATED: Final = (_K1 + 1) * _WEIGHTS[LABEL] / (_WEIGHTS[LABEL] + _K1)  # a date matching it, as a word of its name
_MENTIONED: Final = (_K1 + 1) * _WEIGHTS[NOTES] / (_WEIGHTS[NOTES] + _K1)  # a date's most where not dated then
_BELOW: Final = 0.99  # a record only mentioning a date of the query scores at most this share of the last dated then
Dated = Callable[[dt.date, dt.date], list[int]]
"""What gives the positions of the records whose known extent overlaps a window (first and last day)."""

# The bonuses the best candidates may gain, as shares of the query's total weight.
_RERANKED: Final = 24  # how many of the best candidates are looked at again
_PHRASE: Final = (0.6, 0.4, 0.2)  # the query words together, in order: in the label, the id, the description
_KEPT: Final = 256  # how many searches' records holding all but one word are kept (then all forgotten)
_FILLED: Final = 1.0  # every query word in one of the record's names, by how much of that name they fill
_EARLY: Final = 1.0  # the label's first matched word, by how early it comes
_POINTED: Final = 0.3  # the best matching record that refers to this one, by the cube of its share of the best
_POINTED_MOST: Final = 0.25  # ... and never more than this share of the record's own score


class SearchHit(NamedTuple):
    """One search result with its score: ``usnz.search(text, scores=True)`` gives these, best first.

    Attributes:
        record: The record found.
        score: How well it matches, higher better; comparable within one search only.
    """

    record: AnyRecord
    score: float

    def __repr__(self) -> str:
        """``SearchHit(<agreement anzus>, score=12.5)``: the record named, not shown whole."""
        return f"SearchHit(<{self.record.record_kind} {self.record.id}>, score={self.score!r})"


def words_of(text: str) -> list[str]:
    """The distinct folded words of *text*, in order."""
    return list(dict.fromkeys(_WORD.findall(text.casefold())))


def _joined(text: str) -> list[str]:
    """Words joined by hyphens, apostrophes, dots or commas, written as one (``k-force`` → ``kforce``)."""
    return ["".join(words) for _, words in _compounds(text)]


def _compounds(text: str) -> list[tuple[str, list[str]]]:
    """Each run of words joined by one joining character each, as (its text, its words); linear in *text*.

    A run starts only where a word starts, so a long word is tried once, never from each of its letters.
    """
    return [(found, _WORD.findall(found)) for found in _COMPOUND.findall(text)]


def _texts(value: object) -> tuple[str, ...]:
    """A field's text values: one for a string, each string of a tuple, none for anything else."""
    if isinstance(value, str):
        return (value,)
    items: tuple[object, ...] = value if isinstance(value, tuple) else ()  # pyright: ignore[reportUnknownVariableType]
    return tuple(item for item in items if isinstance(item, str))


# How a zone plan reads one field, from its declared type: a text, texts, values holding fields of
# their own (one or a tuple of them), an amount (its text), or whatever it holds (a type not read ahead);
# and, for a field declared with ``terms=``, the words it answers to when it is set (a step of its own).
_TEXT, _TEXTS, _ITEMS, _ONE, _AMOUNT, _ANY, _TERMS = range(7)
_REFS: Final = 5  # where a plan puts the ids a record's notes name (its doubts' sources): see SearchIndex


class _Plan(NamedTuple):
    """How a zone plan reads a value of one class: its fields read (at once), and each one's step."""

    get: Callable[[Any], tuple[Any, ...]]
    steps: tuple[tuple[int, int, _Plan | None, str], ...]  # (how, zone or -1, the held values' plan, top field)
    key: Callable[[Any], Any] | None  # what the value's texts (but the ids its notes name) are a function of
    batch: Callable[[list[Any]], list[Any]]  # the keys of many values, field by field
    named: _Named | None  # the ids the notes of many values name, if they can name any


_Named = Callable[[list[Any], list[int]], tuple[list[Any], list[int]]]  # the ids many values name, each with its owner


def _leaves(hint: Any) -> set[Any]:
    """The types a declared type is made of (a literal's values' types; ``tuple`` marks a tuple's items).

    A type that says nothing of what it holds (``object``, a bare ``tuple``, ``Any``) is ``object``.
    """
    args = typing.get_args(hint)
    if typing.get_origin(hint) is typing.Literal:
        return {type(arg) for arg in args}
    if not args:
        return {object if hint in {tuple, typing.Any} or not isinstance(hint, type) else hint}
    found: set[Any] = {tuple} if typing.get_origin(hint) is tuple else set()
    for arg in args:
        if arg is not Ellipsis:
            found |= _leaves(arg)
    return found


def _how(hint: Any, zone: int) -> tuple[int, type | None]:
    """How a field of the declared type *hint* is read (-1: never), and the attrs class of its values."""
    leaves = _leaves(hint) - {type(None)}
    held = [leaf for leaf in leaves if attrs.has(leaf)]
    many = typing.get_origin(hint) is tuple
    if leaves <= {str} or (many and leaves == {tuple, str}):
        how = -1 if zone < 0 else _TEXTS if many else _TEXT
    elif len(leaves) == 1 and leaves <= {Quantity, Money}:
        how = _AMOUNT
    elif len(held) == 1 and leaves == ({tuple, held[0]} if many else {held[0]}):
        return (_ITEMS if many else _ONE if _walked(held[0]) else -1), held[0]
    elif held or any(leaf is object or issubclass(leaf, str | Quantity | Money) for leaf in leaves):
        how = _ANY  # what it holds is read when it is met
    else:
        how = -1  # numbers, dates, flags: never text
    return how, None


@functools.cache
def _plan(cls: type, top: str | None, quote: bool) -> _Plan:
    """How to read the zones of a value of *cls*: a plan built once per class from its declarations.

    *top* is the record's field the value stands in (``None`` for a record itself), *quote*
    whether the record is a quote. It finds what the generic reading of every field found, in
    the same order, reading only the fields whose declared type may hold text; and it gives the
    key the texts are a function of, so that records sharing their texts are tokenized once.
    """
    try:
        hints = typing.get_type_hints(cls)
    except (NameError, TypeError):  # a type not resolvable here: each field is read for what it holds
        hints = {}
    _planning.add((cls, top, quote))
    try:
        names, steps = _steps(cls, top, quote, hints)
    finally:
        _planning.discard((cls, top, quote))
    return _Plan(_getter(names), tuple(steps), _part(names, steps), _batch(names, steps), _named(names, steps))


_planning: set[tuple[type, str | None, bool]] = set()  # the plans being made: a class holding itself


def _steps(
    cls: type, top: str | None, quote: bool, hints: dict[str, Any]
) -> tuple[list[str], list[tuple[int, int, _Plan | None, str]]]:
    """The fields a plan reads, and how."""
    names: list[str] = []
    steps: list[tuple[int, int, _Plan | None, str]] = []
    for name, declared in facts(cls):
        field_top = name if top is None else top
        if field_top in _NOTE_FIELDS:
            zone = _REFS if declared.refers else NOTES
        elif field_top == "citations":
            zone = EVIDENCE if top is not None and name in _EVIDENCE_FIELDS else -1
        elif declared.search:
            zone = LABEL if (declared.label == 1 and not quote) or field_top == "aliases" else BODY
        else:
            zone = -1
        how, held = _how(hints[name], zone) if name in hints else (_ANY, None)
        if held is not None and how >= 0 and (held, field_top, quote) in _planning:
            how, held = _ANY, None  # a value of a class being planned: read for what it holds
        if how >= 0:
            names.append(name)
            zone = NOTES if how == _ANY and zone == _REFS else zone  # ids only of a declared type
            steps.append((how, zone, _plan(held, field_top, quote) if held is not None else None, field_top))
        if declared.terms:  # what a set value answers to, in the lowest zone: its words, in the step's last place
            names.append(name)
            steps.append((_TERMS, EVIDENCE, None, " ".join(declared.terms)))
    return names, steps


def _getter(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The values of the fields *names* of a value, as a tuple (read by one C call)."""
    if len(names) > 1:
        return operator.attrgetter(*names)
    if names:
        one = operator.attrgetter(names[0])
        return lambda value: (one(value),)
    return lambda _: ()


def _part(names: list[str], steps: list[tuple[int, int, _Plan | None, str]]) -> Callable[[Any], Any] | None:
    """What a value's texts (but the ids its notes name) are a function of, a hashable key; or None if it has none.

    The key holds the texts read as they are, and the keys of the values held in its fields,
    recursively: for a value holding no other values, one C call.
    """
    plain = [
        name
        for name, (how, zone, _, _) in zip(names, steps, strict=True)
        if how not in {_ITEMS, _ONE} and zone != _REFS
    ]
    held = [
        (operator.attrgetter(name), how == _ITEMS, inner.key)
        for name, (how, _, inner, _) in zip(names, steps, strict=True)
        if how in {_ITEMS, _ONE} and inner is not None and inner.key is not None
    ]
    get = operator.attrgetter(*plain) if plain else None
    if not held:
        return get

    def read(value: Any) -> tuple[Any, ...]:
        return (
            get(value) if get is not None else None,
            *[
                (
                    tuple(map(part, field(value) or ()))
                    if many
                    else None
                    if (item := field(value)) is None
                    else part(item)
                )
                for field, many, part in held
            ],
        )

    return read


def _batch(names: list[str], steps: list[tuple[int, int, _Plan | None, str]]) -> Callable[[list[Any]], list[Any]]:
    """The keys of many values of one class at once, field by field (what the records use).

    Each field is read for every value by one chain of C calls, not value by value. A value's
    key holds what :func:`_part`'s key holds, in another shape (its fields side by side): equal
    keys still mean equal texts.
    """
    keyed = [
        name
        for name, (how, zone, _, _) in zip(names, steps, strict=True)
        if how not in {_ITEMS, _ONE} and zone != _REFS
    ]
    get_key = operator.attrgetter(*keyed) if keyed else None
    held = [
        (operator.attrgetter(name), how == _ITEMS, inner.key)
        for name, (how, _, inner, _) in zip(names, steps, strict=True)
        if how in {_ITEMS, _ONE} and inner is not None and inner.key is not None
    ]

    def read(values: list[Any]) -> list[Any]:
        columns: list[Iterable[Any]] = [] if get_key is None else [map(get_key, values)]
        for field, many, part in held:
            columns.append(_each(part, list(map(field, values)), many=many))
        return list(zip(*columns, strict=True)) if columns else [()] * len(values)

    return read


def _named(names: list[str], steps: list[tuple[int, int, _Plan | None, str]]) -> _Named | None:
    """The ids the notes of many values name (their doubts' sources), each with the owner of the value naming it.

    Read field by field for every value at once, as :func:`_batch` reads; None if they can name none.
    The owners are given with the values (a record's position, each held value its record's).
    """
    parts = [
        (operator.attrgetter(name), how in {_TEXT, _ONE}, inner.named if inner is not None else None)
        for name, (how, zone, inner, _) in zip(names, steps, strict=True)
        if (how in {_TEXT, _TEXTS} and zone == _REFS) or (how in {_ITEMS, _ONE} and inner is not None and inner.named)
    ]
    if not parts:
        return None

    def read(values: list[Any], given: list[int]) -> tuple[list[Any], list[int]]:
        found: list[Any] = []
        owners: list[int] = []
        for field, one, inner in parts:
            kept = list(map(field, values))
            at = given  # the owner of each kept item
            if kept.count(None):  # a field that may hold nothing
                held = list(map(operator.is_not, kept, itertools.repeat(None)))
                kept, at = list(itertools.compress(kept, held)), list(itertools.compress(at, held))
            if not one:  # each value's tuple of them: the values holding some, each as many times
                sizes = list(map(len, kept))
                at = list(
                    itertools.chain.from_iterable(
                        map(itertools.repeat, itertools.compress(at, sizes), filter(None, sizes))
                    )
                )
                kept = list(itertools.chain.from_iterable(kept))
            if inner is not None:
                kept, at = inner(kept, at)
            found += kept
            owners += at
        return found, owners

    return read


def _each(part: Callable[[Any], Any], items: list[Any], *, many: bool) -> Iterable[Any]:
    """The keys of the values held in one field of many values: a tuple of keys, or one key; None for none."""
    if any(map(operator.is_, items, itertools.repeat(None))):  # a field that may hold nothing
        if many:
            return [None if item is None else tuple(map(part, item)) for item in items]
        return [None if item is None else part(item) for item in items]
    return map(tuple, map(map, itertools.repeat(part), items)) if many else map(part, items)


def _fill(value: Any, plan: _Plan, found: tuple[list[str], ...], quote: bool) -> None:
    """Add the texts of *value*'s fields (and of the values nested in them) to their zones, in field order."""
    for item, (how, zone, held, top) in zip(plan.get(value), plan.steps, strict=True):
        if item is None:
            continue
        if how == _TEXT:
            found[zone].append(item)
        elif how == _TEXTS:
            found[zone].extend(item)
        elif how == _ITEMS and held is not None:
            for each in item:
                if not getattr(each, "dating", False):  # a citation only dating the record tells of another matter
                    _fill(each, held, found, quote)
        elif how == _ONE and held is not None:
            _fill(item, held, found, quote)
        elif how == _AMOUNT:
            found[BODY].append(str(item))
        elif how == _TERMS:
            found[zone].append(top)  # the words the field answers to
        else:
            _fill_any(item, zone, top, found, quote)


def _fill_any(item: Any, zone: int, top: str, found: tuple[list[str], ...], quote: bool) -> None:
    """A value its declared type says nothing of: read for what it holds, as the generic walk read it."""
    if isinstance(item, Quantity | Money):
        found[BODY].append(str(item))
    elif (texts := _texts(item)) and zone >= 0:
        found[zone].extend(texts)
    found = (*found[:_REFS], found[NOTES])  # its key holds it whole: the ids its notes name stand in its notes
    kind: Any = type(item)  # pyright: ignore[reportUnknownVariableType]
    if _walked(kind):
        _fill(item, _plan(kind, top, quote), found, quote)
    elif type(item) is tuple and item and attrs.has(type(item[0])):  # pyright: ignore[reportUnknownArgumentType]
        for each in item:  # pyright: ignore[reportUnknownVariableType]
            each_kind: Any = type(each)  # pyright: ignore[reportUnknownArgumentType, reportUnknownVariableType]
            _fill(each, _plan(each_kind, top, quote), found, quote)


def zones_of(record: AnyRecord) -> tuple[str, str, str, str, str]:
    """A record's indexed text by zone: label, id, description, notes, citation quotes (and the terms of set fields)."""
    notes: list[str] = []
    found: tuple[list[str], ...] = ([], [record.id], [], notes, [], notes)  # the ids its notes name: in its notes
    quote = record.record_kind == "quote"  # a quote's words are what it contains, not its name
    kind: Any = type(record)
    _fill(record, _plan(kind, None, quote), found, quote)
    label, ident, body, notes_text, evidence = (_APART.join(texts) for texts in found[:_REFS])
    return label, ident, body, notes_text, evidence


@functools.cache
def _walked(cls: type) -> bool:
    """Whether a value of *cls* standing alone is read into (an attrs class with fields referring to records)."""
    return attrs.has(cls) and any(declared.refers for _, declared in facts(cls))


def indexed_text(record: AnyRecord) -> str:
    """Every text of a record that ``search`` reads, in one string."""
    return _APART.join(zones_of(record))


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """The folded words of *text* in order, and its joined compounds."""
    folded = text.casefold()
    return _WORD.findall(folded), _joined(folded)


def _root(word: str) -> str:
    """*word* less an inflection (``postponed`` and ``postpones`` share ``postpon``)."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _deletes(word: str) -> set[str]:
    """Every string one letter shorter than *word*."""
    return {word[:at] + word[at + 1 :] for at in range(len(word))}


def _edits(a: str, b: str, limit: int) -> int:
    """The optimal-string-alignment distance of *a* and *b* (swaps of neighbours count once), capped at limit+1."""
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i, *([0] * len(b))]
        for j, other in enumerate(b, 1):
            cost = 0 if char == other else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if before is not None and i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


def _starting(vocabulary: list[str], prefix: str) -> Iterator[str]:
    """The words of a sorted *vocabulary* that start with *prefix*."""
    at = bisect_left(vocabulary, prefix)
    while at < len(vocabulary) and vocabulary[at].startswith(prefix):
        yield vocabulary[at]
        at += 1


class _Texts(NamedTuple):
    """The words of one text zone: how many each word is there (joined compounds too), and how many words."""

    counts: Counter[str]
    words: int  # its words (what a zone's average length counts)
    size: int  # its words and joined compounds (what a record's length counts)


def _counted(texts: list[str], *, joins: bool = True) -> tuple[_Texts, list[str]]:
    """The words of a zone's *texts* counted, and the words in order."""
    words, joined = _tokens(_APART.join(texts))
    count = Counter(words)
    if joins and joined:
        count.update(joined)
    return _Texts(count, len(words), count.total()), words


class _Group(NamedTuple):
    """What records sharing every text but their id and the ids their notes name share."""

    zones: tuple[_Texts, ...]  # label, (no id), description, notes less the ids, citation quotes
    label: tuple[str, ...]  # the label's words in order
    body: tuple[str, ...]  # the description's words in order
    names: tuple[tuple[str, ...], ...]  # each name's words
    side: bool  # a person or organization (their descriptions weigh less)

    @classmethod
    def of(cls, record: AnyRecord) -> _Group:
        """The group of *record*, read from it."""
        found: tuple[list[str], ...] = ([], [], [], [], [], [])
        quote = record.record_kind == "quote"
        kind: Any = type(record)
        _fill(record, _plan(kind, None, quote), found, quote)
        counted = [_counted(texts) for texts in found[:_REFS]]
        label = _APART.join(found[LABEL])
        return cls(
            tuple(zone for zone, _ in counted),
            tuple(counted[LABEL][1]),
            tuple(counted[BODY][1]),
            tuple(tuple(_WORD.findall(name.casefold())) for name in label.split(_APART)),
            record.record_kind in _SIDE_KINDS,
        )


_AT_ONCE: Final = 256  # how many records of a class are read together (their objects still in the CPU's caches)
_IDS_AT_ONCE: Final = 1 << 16  # about how many characters of ids are split into words together
_APPEND: Final = typing.cast("Callable[[list[int], int], None]", list.append)  # pyright: ignore[reportUnknownMemberType]
_FIRST: Final = operator.itemgetter(0)
_ID: Final = operator.attrgetter("id")
_SECOND: Final = operator.itemgetter(1)
_NOTHING: Final = itertools.repeat("")


class _IdWords:
    """Each word of many ids (and each joined compound), to the ids holding it: once a time an id holds it.

    Read from a table of them all, or, for ids in kebab-case, looked up when a word is asked for:
    its matches in one text of the ids (each id a line), and a table of the ids' joined compounds.
    """

    __slots__ = ("_blob", "_joined", "_split", "_table")

    def __init__(
        self, table: dict[str, list[int]], blob: str = "", split: frozenset[str] = frozenset(), joined: Any = None
    ) -> None:
        self._table, self._blob, self._split = table, blob, split
        self._joined: dict[str, int] = joined or {}  # an id's words written as one, and the id (one each)

    def words(self) -> Iterable[str]:
        """Every word (and joined compound) of the ids."""
        return itertools.chain(self._table, self._split, self._joined)

    def get(self, word: str) -> list[int]:
        """The ids holding *word*, in order, each once a time it holds it."""
        found: list[int] = self._table.get(word, [])
        if word in self._split:  # each match of a whole word, in the ids' text
            blob, line, read = self._blob, 0, 0
            found = []
            for match in re.finditer(rf"{re.escape(word)}(?!\w)", blob):  # a literal first: a quick scan
                start = match.start()
                if not start or blob[start - 1] in "-\n":  # the word whole, not the end of another
                    line += blob.count("\n", read, start)
                    read = start
                    found.append(line)
        joined = self._joined.get(word)
        return found if joined is None else [*found, joined]


def _hyphen_parts(text: str) -> set[str]:
    """The distinct parts of the lines of *text* between hyphens, a run of lines at a time (few new strings at once).

    Read from the one text, never from the strings it was joined from (which may lie anywhere in memory).
    """
    parts: set[str] = set()
    start = 0
    while True:
        end = text.find("\n", start + _IDS_AT_ONCE)  # a run ends at the end of a line
        if end < 0:
            parts.update(text[start:].replace("\n", "-").split("-"))
            return parts
        parts.update(text[start:end].replace("\n", "-").split("-"))
        start = end + 1


def _id_words(ids: list[str]) -> tuple[list[int], list[int], _IdWords]:
    """Each id's size (its words and joined compounds) and words, and each word's ids (once a time it holds it).

    Ids in kebab-case (lower-case letters, digits, single hyphens) are read in one pass over them all.
    """
    blob = "\n".join(ids)
    split = frozenset(_hyphen_parts(blob))  # what hyphens and lines part
    word_ids: dict[str, list[int]] = {}
    if ids and not blob.translate(_KEBAB) and blob.count("\n") == len(ids) - 1 and "" not in split:
        hyphens = list(map(str.count, blob.split("\n"), itertools.repeat("-")))  # the lines: new strings, side by side
        counts: list[int] = [hyphen + 1 for hyphen in hyphens]
        sizes: list[int] = [count + (count > 1) for count in counts]
        compounds = list(itertools.compress(blob.replace("-", "").split("\n"), hyphens))
        joined = dict(zip(compounds, itertools.compress(itertools.count(), hyphens), strict=True))
        if len(joined) == len(compounds):  # each compound one id's: the words looked up when asked for
            return sizes, counts, _IdWords(word_ids, blob, split, joined)
        words = blob.replace("\n", "-").split("-")
        owners = itertools.chain.from_iterable(map(itertools.repeat, itertools.count(), counts))
        for word, at in zip(words, owners, strict=True):
            word_ids.setdefault(word, []).append(at)
        for at, ident in enumerate(ids):
            if hyphens[at]:
                word_ids.setdefault(ident.replace("-", ""), []).append(at)
        return sizes, counts, _IdWords(word_ids)
    sizes = []
    counts = []
    for at, ident in enumerate(ids):
        texts = _counted([ident])[0]
        sizes.append(texts.size)
        counts.append(texts.words)
        for word, times in texts.counts.items():
            word_ids.setdefault(word, []).extend([at] * times)
    return sizes, counts, _IdWords(word_ids)


def _scattered(values: Iterable[int], places: list[int], size: int) -> list[int]:
    """A list of *size* numbers holding each of *values* at its place in *places* (the others 0)."""
    found = [0] * size
    deque(map(found.__setitem__, places, values), maxlen=0)  # one C call a value
    return found


def _members(group_of: list[int], count: int) -> list[list[int]]:
    """The positions in each of *count* groups, in order, from each position's group."""
    members: list[list[int]] = [[] for _ in range(count)]
    for at, group in enumerate(group_of):
        members[group].append(at)
    return members


class SearchIndex:
    """Each record's words by zone, the records of each word with its weight there, and what refers to what.

    Built on the first search at the cost of reading each record's texts once: records sharing
    every text but their id and the ids their notes name form a *group*, whose texts are
    tokenized once, and the ids are read in one pass over them all. The records holding a
    word, with the word's weight in each, are worked out when a search first asks for the
    word; a record's word sequences and references, when it comes among the best candidates.
    """

    __slots__ = (
        "_about",
        "_addresses",
        "_average",
        "_backwards",
        "_blob",
        "_by_id",
        "_classes",
        "_compounds",
        "_group_of",
        "_groups",
        "_id_at",
        "_id_words",
        "_in_memory",
        "_kinds",
        "_members",
        "_named_size",
        "_naming",
        "_positions",
        "_postings",
        "_ref_sizes",
        "_referring",
        "_relaxed",
        "_sizes",
        "_typos",
        "_word_groups",
        "_word_ids",
        "_zones",
        "dated",
        "records",
        "vocabulary",
        "words",
    )

    def __init__(
        self, records: Sequence[AnyRecord], by_id: Mapping[str, AnyRecord] | None = None, dated: Dated | None = None
    ) -> None:
        """Index *records* (in the order results keep when their scores are equal).

        *by_id*, when the caller has it, gives each id's record (the later of records sharing an
        id): what records refer to is then found through it, with no table of every id built here.
        *dated*, when given, gives the positions of the records dated in a window: a year or a
        month (``YYYY-MM``) of a query then also matches the records whose date overlaps it.
        """
        self.records = tuple(records)
        self.dated = dated
        self._by_id = by_id
        self._positions: dict[str, int] | None = None
        self._kinds: dict[type, frozenset[int]] = {}
        ids, named = self._group_records()
        lengths = [0] * len(ZONES)  # how many words each zone has in all
        holding = [0] * len(ZONES)  # how many records have words in each zone
        self._read_ids(ids, lengths, holding)
        self._read_named(named, lengths, holding)
        for held, texts in zip(self._members, self._groups, strict=True):
            for zone in (LABEL, BODY, NOTES, EVIDENCE):
                lengths[zone] += texts.zones[zone].words * len(held)
                holding[zone] += len(held) if texts.zones[zone].words else 0
        self._average = [max(total / max(count, 1), 1.0) for total, count in zip(lengths, holding, strict=True)]
        word_groups: dict[str, list[int]] = {}
        for group, texts in enumerate(self._groups):
            for word in set[str]().union(*(zone.counts for zone in texts.zones)):
                word_groups.setdefault(word, []).append(group)
        self._word_groups = word_groups
        self.words = self._id_words.union(word_groups, self._word_ids.words())
        """Every word of the records (and joined compound)."""
        self.vocabulary = sorted(self.words)
        self._postings: dict[str, list[tuple[int, float]]] = {}
        self._backwards: list[str] | None = None
        self._typos: dict[str, list[str]] | None = None
        self._zones: dict[int, tuple[_Zone, ...]] = {}
        self._referring: dict[int, set[int]] = {}
        self._about: dict[int, frozenset[int]] = {}
        self._sizes: dict[int, dict[int, list[int]]] = {}
        self._relaxed: dict[Any, tuple[list[tuple[int, float]], list[str]]] = {}  # all_but_one's answers, a few
        self._compounds: dict[tuple[str, str], bool] = {}  # whether the texts write two words as one, a few

    def _group_records(self) -> tuple[list[str], defaultdict[Any, list[int]]]:
        """Each record's group (the records sharing its texts); their ids, as read, and the ids their notes name.

        The ids notes name come in the order first named, each with the positions of the records
        naming it, once a time named (gathered by C calls while the records are at hand).

        The records are read class by class in the order they lie in memory (their fields
        beside them), each field of a run of :data:`_AT_ONCE` of a class's records at once (keys
        built and hashed while what they read is still in the CPU's caches); the groups are then numbered in
        the order of their first records, as reading the records in order would number them.
        """
        records = self.records
        by_class = self._in_memory_order()
        firsts_read: list[int] = []  # each record's group as read, as the position of its first record
        firsts: list[int] = []
        named: defaultdict[Any, list[int]] = defaultdict(list)  # the ids notes name, and the records naming each
        name = named.__getitem__
        ids: list[str] = []  # the records' ids, in the order read
        self._id_at: list[int] = []  # the position of each
        self._classes: dict[type, slice] = {}  # where each class's records lie in that order
        for cls, positions in by_class.items():
            plan = _plan(cls, None, records[positions[0]].record_kind == "quote")
            groups: dict[Any, int] = {}  # each key of this class's texts, and its first record
            for start in range(0, len(positions), _AT_ONCE):  # a few at a time: what is read is still at hand
                some = positions[start : start + _AT_ONCE]
                values = list(map(records.__getitem__, some))
                ids += map(_ID, values)
                firsts_read += map(groups.setdefault, plan.batch(values), some)
                if plan.named is not None:
                    found, owners = plan.named(values, some)
                    deque(map(_APPEND, map(name, found), owners), maxlen=0)
            self._classes[cls] = slice(len(self._id_at), len(self._id_at) + len(positions))
            self._id_at += positions
            firsts += groups.values()
        firsts.sort()
        numbers = map(dict(zip(firsts, itertools.count())).__getitem__, firsts_read)
        self._group_of = group_of = _scattered(numbers, self._id_at, len(records))
        self._members = _members(group_of, len(firsts))
        self._groups = [_Group.of(records[at]) for at in firsts]
        return ids, named

    def _in_memory_order(self) -> dict[type, list[int]]:
        """The records' positions by class, each class's in the order the records lie in memory.

        Keeps the records' addresses and that order, to find a record's position by bisection.
        """
        records = self.records
        self._addresses = addresses = list(map(id, records))
        self._in_memory = order = sorted(range(len(records)), key=addresses.__getitem__)
        by_class: dict[type, list[int]] = {}
        for cls, run in itertools.groupby(zip(map(type, map(records.__getitem__, order)), order, strict=True), _FIRST):
            by_class.setdefault(cls, []).extend(map(_SECOND, run))
        return by_class

    def of_kind(self, cls: type) -> frozenset[int]:
        """The positions of the records of the class *cls*: what ``kind=`` keeps (worked out once per class)."""
        found = self._kinds.get(cls)
        if found is None:
            span = self._classes.get(cls)
            found = self._kinds[cls] = frozenset(self._id_at[span] if span is not None else ())
        return found

    @property
    def positions(self) -> dict[str, int]:
        """Each record's position by its id (the later of records sharing an id), built on first use."""
        if self._positions is None:
            self._positions = dict(zip(map(_ID, self.records), itertools.count()))
        return self._positions

    def _position(self, ident: str) -> int | None:
        """The position of the record with the id *ident* (the later of records sharing it), if there is one."""
        if self._by_id is None:
            return self.positions.get(ident)
        record = self._by_id.get(ident)
        if record is None:
            return None
        address, addresses, order = id(record), self._addresses, self._in_memory
        at = bisect_right(order, address, key=addresses.__getitem__) - 1  # the later, if it is there twice
        if at >= 0 and addresses[position := order[at]] == address:
            return position
        return None  # a record not indexed

    def _read_ids(self, ids: list[str], lengths: list[int], holding: list[int]) -> None:
        """Every record's id, read in one pass: its words, and one text of them all, each id the line of its index."""
        joined = "\n".join(ids)
        if joined.count("\n") != max(len(ids) - 1, 0):  # an id with a line break (no valid id): read as a space
            joined = "\n".join(ident.replace("\n", " ") for ident in ids)
        self._blob = blob = joined.casefold()
        words: set[str] = set()
        if ids and not blob.translate(_KEBAB):  # kebab-case: the words are what hyphens part
            words = _hyphen_parts(blob)
        if not words or "" in words:  # not every id kebab-case: read each word as any text's
            found = _WORD.findall(blob)
            words = set(found)
            lengths[ID] = len(found)
            holding[ID] = len(ids) - len(_BLANK_LINES.findall(blob)) if ids else 0
        else:
            lengths[ID] = blob.count("-") + len(ids)
            holding[ID] = len(ids)
        self._id_words = frozenset(words)

    def _read_named(self, named: dict[Any, list[int]], lengths: list[int], holding: list[int]) -> None:
        """The words of the ids records' notes name (their doubts' sources), each id read once.

        *named* are those ids, in the order first named, each with the records naming it (once a
        time named). How many words the ids a record names add to its notes is worked out for the
        records a search reaches (:meth:`_ref_sizes_of`), here only for those with no other words in their notes.
        """
        distinct = list(named)
        sizes, words, word_ids = _id_words(distinct)
        self._naming = named_by = list(named.values())  # the records naming each id (once a time named)
        self._named_size = dict(zip(distinct, sizes, strict=True))  # the words (and joined compounds) of each id
        self._ref_sizes = [-1] * len(self.records)  # the same for all the ids each record names: -1 until needed
        self._word_ids = word_ids
        lengths[NOTES] += sum(map(operator.mul, map(len, named_by), words))
        quiet = [not texts.zones[NOTES].words for texts in self._groups]  # groups without words in their notes
        if any(quiet):  # the records with no other words in their notes, but in the ids they name (an id has words
            silent = list(itertools.chain.from_iterable(itertools.compress(self._members, quiet)))  # if it has a size)
            holding[NOTES] += sum(map(bool, self._ref_sizes_of(silent)))

    def _ref_sizes_of(self, positions: list[int]) -> list[int]:
        """How many words (and joined compounds) the ids each record at *positions* names add to its notes.

        Worked out once a record, for the records asked for only: their named ids read again,
        class by class, as :meth:`_group_records` read them.
        """
        known = self._ref_sizes
        unknown = [at for at in positions if known[at] < 0]
        if unknown:
            records = self.records
            by_class: dict[type, list[int]] = {}
            for at in unknown:
                known[at] = 0
                by_class.setdefault(type(records[at]), []).append(at)
            size = self._named_size
            for cls, some in by_class.items():
                plan = _plan(cls, None, records[some[0]].record_kind == "quote")
                if plan.named is not None:
                    found, owners = plan.named(list(map(records.__getitem__, some)), some)
                    for ident, at in zip(found, owners, strict=True):
                        known[at] += size[ident]
        return list(map(known.__getitem__, positions))

    def postings(self, word: str) -> list[tuple[int, float]]:
        """The records holding *word*, each with its weight there (a BM25F sum over the zones), once per word."""
        found = self._postings.get(word)
        if found is None:
            found = self._postings[word] = self._weights(word)
        return found

    def _weights(self, word: str) -> list[tuple[int, float]]:
        extra: dict[int, list[int]] = {}  # the word's count in a record's id, and in the ids its notes name
        for ident in self._word_ids.get(word):
            for at in self._naming[ident]:
                extra.setdefault(at, [0, 0])[1] += 1
        if word in self._id_words:
            blob, line, read = self._blob, 0, 0  # the line of the last match, and where lines were counted to
            for match in re.finditer(rf"{re.escape(word)}(?!\w)", blob):  # a literal first: a quick scan
                start = match.start()
                if not start or not _WORD.match(blob, start - 1):  # the word whole, not the end of another
                    line += blob.count("\n", read, start)
                    read = start
                    extra.setdefault(self._id_at[line], [0, 0])[0] += 1
        found: list[tuple[int, float]] = []
        for group in self._word_groups.get(word, ()):
            zones = self._groups[group].zones
            label, body, notes, evidence = (zones[zone].counts[word] for zone in (LABEL, BODY, NOTES, EVIDENCE))
            members = self._members[group]
            if extra and not extra.keys().isdisjoint(members):  # some hold it in their ids too: one by one
                refs = self._named_words([at for at in members if notes or (at in extra and extra[at][1])])
                for at in members:
                    more = extra.pop(at, [0, 0])
                    times = (label, more[0], body, notes + more[1], evidence)
                    found.append((at, self._weight(at, times, refs.get(at, 0))))
                continue
            counted = (label, 0, body, notes, evidence)
            if not notes:  # the group's records alike
                found.extend(zip(members, itertools.repeat(self._weight(members[0], counted))))
                continue
            for named, alike in self._notes_sizes(group).items():  # alike but for the length of their notes
                found.extend(zip(alike, itertools.repeat(self._weight(alike[0], counted, named))))
        refs = self._named_words([at for at, more in extra.items() if more[1]])
        found.extend((at, self._weight(at, (0, more[0], 0, more[1], 0), refs.get(at, 0))) for at, more in extra.items())
        return found

    def _named_words(self, positions: list[int]) -> dict[int, int]:
        """:meth:`_ref_sizes_of` the records at *positions*, by position."""
        return dict(zip(positions, self._ref_sizes_of(positions), strict=True))

    def _notes_sizes(self, group: int) -> dict[int, list[int]]:
        """The records of a group by how many words the ids their notes name add to their notes, once per group."""
        found = self._sizes.get(group)
        if found is None:
            found = self._sizes[group] = {}
            members = self._members[group]
            for at, size in zip(members, self._ref_sizes_of(members), strict=True):
                found.setdefault(size, []).append(at)
        return found

    def _weight(self, position: int, times: tuple[int, int, int, int, int], named: int = 0) -> float:
        """A word's weight in a record, from how many times each zone holds it.

        *named*: how many words the ids the record's notes name add to its notes (needed if they hold it).
        """
        group = self._groups[self._group_of[position]]
        weight = 0.0
        for zone, many in enumerate(times):
            if many:
                if zone == ID:
                    size = len(_WORD.findall(self.records[position].id.casefold()))
                elif zone == NOTES:
                    size = group.zones[NOTES].size + named
                else:
                    size = group.zones[zone].size
                share = _SIDE if group.side and zone == BODY else _WEIGHTS[zone]
                weight += many * (share / (1 - _B + _B * size / self._average[zone]))
        return weight

    def _sequences(self, position: int) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """The words of a record's label, id and description, in order."""
        group = self._groups[self._group_of[position]]
        return group.label, tuple(_WORD.findall(self.records[position].id.casefold())), group.body

    def _referred(self, position: int) -> set[int]:
        """The records a record says it is about (its ``see_also``, its ``event``...), by position."""
        found = self._referring.get(position)
        if found is None:
            found = self._referring[position] = set()
            for field, ref, _ in keys_of(self.records[position]).refs:
                at = self._position(ref)
                if at is None or (kind := self.records[at].record_kind) in _SIDE_KINDS:
                    continue  # a person or an organization is never what one is about
                # a figure measures something of a force it names in subjects (its length, its strength)
                if field in _ABOUT or (field == "subjects" and kind == "force-contribution"):
                    found.add(at)
        return found

    def refers(self, position: int) -> frozenset[int]:
        """The records the record at *position* is about (a link both ways says neither is the other's subject)."""
        found = self._about.get(position)
        if found is None:
            referred = self._referred(position)
            found = self._about[position] = frozenset(
                other for other in referred if position not in self._referred(other)
            )
        return found

    def _typo_index(self) -> dict[str, list[str]]:
        """Each vocabulary word, and each of its one-letter deletions, to the words it comes from."""
        if self._typos is None:
            typos: dict[str, list[str]] = {}
            for word in self.vocabulary:
                if _TYPO_MIN - 1 <= len(word) <= MAX_TYPO_LENGTH:
                    for variant in (word, *_deletes(word)):
                        typos.setdefault(variant, []).append(word)
            self._typos = typos
        return self._typos

    def _ends(self, ending: str) -> Iterator[str]:
        """The vocabulary words longer than *ending* that end with it."""
        if self._backwards is None:
            self._backwards = sorted(word[::-1] for word in self.vocabulary)
        for backwards in _starting(self._backwards, ending[::-1]):
            if len(backwards) > len(ending):
                yield backwards[::-1]

    def expansions(self, word: str) -> dict[str, int]:
        """The vocabulary words *word* matches, each with how closely (``EXACT`` ... ``RELATED``).

        A compound the texts write with a hyphen (``nuclearfree``, ``antinuclear``) also matches
        its main word (``nuclear``) as closely as a compound: see :meth:`head_of`.
        """
        if "-" in word:  # a month or a day (YYYY-MM-DD): no word, only the records dated in it (see :meth:`dated_in`)
            return {}
        found = self._forms(word)
        head = self.head_of(word)
        if head is not None:  # its main word, alone, is only related to it (whatever its letters matched)
            for other, how in self._forms(head, typo=False).items():
                if how in {EXACT, INFLECTED} and found.get(other, RELATED) >= WORD_FORM:
                    found[other] = RELATED
        for related in RELATED_WORDS.get(word, ()):
            for other, how in self._forms(related, typo=False).items():
                if how in {EXACT, INFLECTED, WORD_FORM}:
                    found.setdefault(other, RELATED)
        return found

    def _forms(self, word: str, *, typo: bool = True) -> dict[str, int]:
        """The vocabulary words *word* matches by its letters (``EXACT`` ... ``TYPO``: no related words)."""
        found = {other: EXACT if other == word else AS_TYPED for other in _starting(self.vocabulary, word)}
        root = _root(word)
        stems: set[str] = {word[: max(_STEM_MIN, len(word) - _STEM_CUT)]} if len(word) > _STEM_MIN else set()
        if len(word) > _TYPO_MIN - 1 and word.endswith("s"):
            stems.add(word[:-1])
        for stem in stems:
            for other in _starting(self.vocabulary, stem):
                found.setdefault(other, WORD_FORM)
        for other, how in found.items():
            if how != EXACT and _root(other) == root:
                found[other] = INFLECTED
        if len(word) >= _COMPOUND_MIN:
            for ending in (word, f"{word}s", f"{word}es"):
                for other in self._ends(ending):
                    found.setdefault(other, COMPOUND)
        if found or not typo or not _TYPO_MIN <= len(word) <= MAX_TYPO_LENGTH:
            return found
        limit = 1 if len(word) < _LONG_WORD else 2
        typos = self._typo_index()
        variants = {word, *_deletes(word)}
        if limit == 2:
            variants |= {shorter for variant in _deletes(word) for shorter in _deletes(variant)}
        for variant in variants:
            for other in typos.get(variant, ()):
                if other not in found and _edits(word, other, limit) <= limit:
                    found[other] = TYPO
        return found

    def query_words(self, text: str) -> list[str]:
        """The words of *text* a search looks for: as it reads them, stop words aside (unless all are)."""
        words = self._words(text[:MAX_CHARACTERS])[:MAX_WORDS]
        return [word for word in words if word not in STOP_WORDS] or words

    def unread(self, text: str) -> list[str]:
        """The words of *text* (but :data:`STOP_WORDS`) a search leaves unread, past its caps, in order.

        Those past the first :data:`MAX_WORDS` distinct words of the first :data:`MAX_CHARACTERS`
        characters, and those of the next :data:`MAX_CHARACTERS` characters (no further: a text of
        any length costs as much) not among the words read.
        """
        read = self._words(text[:MAX_CHARACTERS])
        kept = set(read[:MAX_WORDS])
        past = [*read[MAX_WORDS:], *words_of(text[MAX_CHARACTERS : 2 * MAX_CHARACTERS])]
        return [word for word in dict.fromkeys(past) if word not in kept and word not in STOP_WORDS]

    def unmatched(self, text: str) -> list[str]:
        """The words of *text* a search looks for (:meth:`query_words`) no record holds in any form nor by date."""
        return [
            word
            for word in self.query_words(text)
            if not self.expansions(word)
            and not self.dated_in(word)
            and not (word in ABBREVIATIONS and self._spelt_out(word))
        ]

    def dated_in(self, word: str) -> list[int]:
        """The positions of the records dated in the year, month or day *word* is (``2008``, ``2008-07``...).

        A record is dated in it when its known extent overlaps it (as ``during=`` reads it).
        Nothing for any other word, or when the index was built without *dated*.
        """
        if self.dated is None:
            return []
        if _YEAR.fullmatch(word):
            year = int(word)
            return self.dated(dt.date(year, 1, 1), dt.date(year, 12, 31))
        month = _MONTH.fullmatch(word)
        if month is None:
            return []
        year, number = int(month[1]), int(month[2])
        if month[3] is not None:
            try:
                day = dt.date(year, number, int(month[3]))
            except ValueError:  # no such day (2009-02-30)
                return []
            return self.dated(day, day)
        following = dt.date(year + 1, 1, 1) if number == 12 else dt.date(year, number + 1, 1)
        return self.dated(dt.date(year, number, 1), following - dt.timedelta(days=1))

    def search(
        self, text: str, allowed: frozenset[int] | None = None, leaving_out: Iterable[str] = ()
    ) -> list[tuple[int, float]]:
        """The positions of the records matching every word of *text*, with their scores, best first.

        *allowed*, when given, keeps only those positions (a kind filter); the words *leaving_out*
        (as :meth:`unmatched` gives them) are not looked for.
        """
        left_out = set(leaving_out)
        words = [word for word in self._words(text[:MAX_CHARACTERS])[:MAX_WORDS] if word not in left_out]
        if not words:
            return []
        total = len(self.records)
        scores: dict[int, float] | None = None
        matches: dict[str, dict[str, int]] = {word: {word: EXACT} for word in words}  # a stop word: itself alone
        required = [word for word in words if word not in STOP_WORDS] or words
        weight = 0.0
        merely: set[int] = set()  # the records holding a date word in their text, not dated then
        for word in sorted(required, key=len, reverse=True):  # long words first: they match the fewest records
            expansions = matches[word] = self.expansions(word)
            here = self._matching(expansions)  # each record's best match: its closeness times its saturated weight
            if word in ABBREVIATIONS:  # the records holding every word it abbreviates, as a related word
                for position, score in self._spelt_out(word).items():
                    if score > here.get(position, 0.0):
                        here[position] = score
            dated = self.dated_in(word)
            if dated:  # a year or a month: the records dated in it match it, above those merely mentioning it
                mentioned = {position: min(score, _MENTIONED) for position, score in here.items()}
                for position in dated:
                    mentioned[position] = max(here.get(position, 0.0), _DATED)
                merely.update(mentioned.keys() - set(dated))
                here = mentioned
            frequency = len(here)  # the records holding the word in any of its forms
            if scores is not None:
                here = {position: tf for position, tf in here.items() if position in scores}
            if allowed is not None:
                here = {position: tf for position, tf in here.items() if position in allowed}
            if not here:
                return []
            idf = math.log(1 + (total - frequency + 0.5) / (frequency + 0.5))
            weight += idf
            saturated = {position: idf * score for position, score in here.items()}
            scores = saturated if scores is None else {p: s + scores[p] for p, s in saturated.items()}
        assert scores is not None  # noqa: S101 - there is at least one word
        ranked = self._rerank(scores, [matches[word] for word in words], [matches[word] for word in required], weight)
        return _dated_first(ranked, merely) if merely else ranked

    def _matching(self, expansions: Mapping[str, int]) -> dict[int, float]:
        """Each record holding one of *expansions* (words and how closely each matches), with its best match's score."""
        here: dict[int, float] = {}
        for other, how in expansions.items():
            quality = _QUALITY[how] * (_K1 + 1)
            for position, tf in self.postings(other):
                score = quality * tf / (tf + _K1)
                if score > here.get(position, 0.0):
                    here[position] = score
        return here

    def _spelt_out(self, word: str) -> dict[int, float]:
        """The records holding every word *word* abbreviates (:data:`ABBREVIATIONS`), scored as a related word."""
        found: dict[int, float] | None = None
        for part in words_of(ABBREVIATIONS[word]):
            here = self._matching(self.expansions(part))
            found = here if found is None else {p: min(s, here[p]) for p, s in found.items() if p in here}
        return {position: score * _QUALITY[RELATED] for position, score in (found or {}).items()}

    def all_but_one(
        self, text: str, allowed: frozenset[int] | None, held: list[tuple[int, float]]
    ) -> tuple[list[tuple[int, float]], list[str]]:
        """The records holding all the words of *text* but one (not in *held*: those holding them all), ranked.

        Each is scored as a search without the word it lacks scores it. They are given only when
        the all-word matches *held* are weak: none of them, or the best of these outscores the best
        of them; their scores are then scaled to lie below the lowest of *held*. Also gives the
        words left out (of the records found), in the query's order. Nothing for a text of fewer
        than two words.
        """
        key = (text, allowed, tuple(held[:1]))
        found = self._relaxed.get(key)
        if found is None:
            if len(self._relaxed) >= _KEPT:
                self._relaxed.clear()
            found = self._relaxed[key] = self._all_but_one(text, allowed, held)
        return found

    def _all_but_one(
        self, text: str, allowed: frozenset[int] | None, held: list[tuple[int, float]]
    ) -> tuple[list[tuple[int, float]], list[str]]:
        words = self.query_words(text)
        if len(words) < 2:  # all but one of one word is none
            return [], []
        full = {position for position, _ in held}
        best: dict[int, float] = {}
        relaxed: list[str] = []
        for word in words:
            kept = [(position, score) for position, score in self.search(text, allowed, [word]) if position not in full]
            if kept:
                relaxed.append(word)
            for position, score in kept:
                best[position] = max(score, best.get(position, 0.0))
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
        if not held or not ranked:
            return ranked, relaxed
        if ranked[0][1] <= held[0][1]:  # what holds them all is the stronger: nothing added
            return [], []
        scale = 0.99 * min(score for _, score in held) / ranked[0][1]
        return [(position, score * scale) for position, score in ranked], relaxed

    def head_of(self, word: str) -> str | None:
        """The main word of *word* when the texts write it as a hyphenated compound, else ``None``.

        ``antinuclear`` ("anti-nuclear") and ``nuclearfree`` ("nuclear-free") have ``nuclear``: a
        part of five letters or more, the other a short word of three or four that qualifies it
        (``anti``, ``free``, ``non``). ``kforce`` ("K-FORCE": a letter is no qualifier to drop),
        ``nzus`` ("NZ-US") and ``intelligencesharing`` (two words that each say something) have none.
        """
        for at in range(_PART_MIN, len(word) - _PART_MIN + 1):
            first, second = word[:at], word[at:]
            head, other = (first, second) if len(first) >= len(second) else (second, first)
            if (
                len(other) <= _QUALIFIER_MAX
                and len(head) >= _STEM_MIN
                and head not in STOP_WORDS
                and first in self.words
                and second in self.words
                and self.compound(first, second)
            ):
                return head
        return None

    def compound(self, first: str, second: str) -> bool:
        """Whether the texts write *first* and *second* as one hyphenated word (``nuclear-free``).

        So when a record holding the joined word writes the two joined by a hyphen, and not as
        (a part of) an id (``hurricane-katrina`` named in a note is no compound; a word of its own,
        ``into``, never splits so). Kept for a few pairs, then forgotten.
        """
        key = (first, second)
        known = self._compounds.get(key)
        if known is None:
            if len(self._compounds) >= _KEPT:
                self._compounds.clear()
            written = re.compile(rf"(?<![\w-]){re.escape(first)}[-\u2010\u2011]{re.escape(second)}(?![\w-])")
            known = self._compounds[key] = self._position(f"{first}-{second}") is None and any(
                written.search(indexed_text(self.records[self._members[group][0]]).casefold())
                for group in self._word_groups.get(first + second, ())
                if any(first in zone.counts and second in zone.counts for zone in self._groups[group].zones)
            )  # (a text holding the hyphenated word holds its parts as words too: only those are read)
        return known

    def _words(self, text: str) -> list[str]:
        """The distinct words of a query, hyphenated words written as one where the texts have them so (``P-4``).

        Two words the texts write as one hyphenated word are read as it, however the query writes
        them: ``nuclear free`` as ``nuclear-free``, ``anti nuclear`` as ``anti-nuclear``. A month or a
        day (``2008-07``, ``2008-07-26``) the texts do not have as one word stays one word, matched
        by the records' dates (see :meth:`dated_in`).
        """
        folded = text.casefold()
        for found, words in _compounds(folded):
            joined = "".join(words)
            if joined in self.words:
                folded = folded.replace(found, joined, 1)
        folded = self._spaced_compounds(folded)
        if "-" not in folded or self.dated is None:
            return words_of(folded)
        parts = _MONTH.split(folded)  # text, year, month, day (or None), text, ...
        found_words: list[str] = []
        for at in range(0, len(parts), 4):
            found_words += _WORD.findall(parts[at])
            if at + 1 < len(parts):
                found_words.append("-".join(part for part in parts[at + 1 : at + 4] if part is not None))
        return list(dict.fromkeys(found_words))

    def _spaced_compounds(self, folded: str) -> str:
        """*folded* with each pair of words the texts write as one hyphenated word, with a main word, joined.

        ``nuclear free`` is read as ``nuclear-free`` (see :meth:`head_of`).

        A pair of words that each say something (``nz us``, ``intelligence sharing``) stays two words.
        """
        words = _WORD.findall(folded)
        if len(words) < 2:
            return folded
        joined: list[str] = []
        at = 0
        while at < len(words):
            first = words[at]
            second = words[at + 1] if at + 1 < len(words) else None
            if (
                second is not None
                and first not in STOP_WORDS
                and second not in STOP_WORDS
                and first + second in self._word_groups
                and self.head_of(first + second) is not None
            ):
                joined.append(first + second)
                at += 2
                continue
            joined.append(first)
            at += 1
        return folded if len(joined) == len(words) else " ".join(joined)

    def _rerank(
        self, scores: dict[int, float], matches: list[dict[str, int]], required: list[dict[str, int]], weight: float
    ) -> list[tuple[int, float]]:
        """The best candidates again, with the bonuses of phrases, filled labels and records pointing at them."""
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        best = {
            position: base + weight * self._phrases(position, matches, required)
            for position, base in ranked[:_RERANKED]
        }
        top = max(best.values())
        about = {other: self.refers(other) for other in best}
        final = {
            position: own
            + min(
                _POINTED * max((best[other] ** 3 for other in self._pointing(position, about)), default=0) / top**2,
                _POINTED_MOST * own,
            )
            for position, own in best.items()
        }
        head = sorted(final.items(), key=lambda item: (-item[1], item[0]))
        return head + ranked[_RERANKED:]

    @staticmethod
    def _pointing(position: int, about: dict[int, frozenset[int]]) -> Iterable[int]:
        """The best candidates that refer to the record at *position* (*about*: what each is about)."""
        return (other for other, targets in about.items() if position in targets)

    def _phrases(self, position: int, matches: list[dict[str, int]], required: list[dict[str, int]]) -> float:
        """The bonus of one record: its zones holding the query words in order, its label holding them all.

        *matches* are every query word's matches, in order; *required*, those of the words not stop words.
        """
        bonus = 0.0
        if len(matches) > 1:
            zones = self._zones.get(position)
            if zones is None:  # where each word stands: built for the records that come this far, once
                zones = self._zones[position] = tuple(_zone(words) for words in self._sequences(position))
            for zone, share in zip(zones, _PHRASE, strict=True):
                bonus += share * _phrase(zone, matches)
        best = 0.0  # the name the query's words fill the most of (a name each fills wholly is the record's)
        for at, name in enumerate(self._groups[self._group_of[position]].names):
            if not name or any(found.keys().isdisjoint(name) for found in required):
                continue
            qualities = [
                max((_QUALITY[found[word]] for found in required if word in found), default=0.0) for word in name
            ]
            best = max(best, sum(qualities) / len(name))
            if at == 0 and len(required) > 1:  # the first words of its title say what a record is
                early = next((i for i, quality in enumerate(qualities) if quality >= _QUALITY[INFLECTED]), None)
                bonus += 0 if early is None else _EARLY / (1 + early)
        return bonus + _FILLED * best


class _Zone(NamedTuple):
    """A zone's words in order, and where each word stands in it."""

    words: tuple[str, ...]
    where: dict[str, list[int]]


def _dated_first(ranked: list[tuple[int, float]], merely: set[int]) -> list[tuple[int, float]]:
    """*ranked*, the records dated in the query's dates before those only mentioning one (*merely*), scaled below them.

    A query's year or month asks for what happened then: ``"trade talks 2008"`` the talks of 2008,
    before the talks of 2009 whose notes reason from the 2008 election.
    """
    first = [hit for hit in ranked if hit[0] not in merely]
    then = [hit for hit in ranked if hit[0] in merely]
    if not first or not then:
        return ranked
    scale = min(1.0, _BELOW * first[-1][1] / then[0][1])
    return first + [(position, score * scale) for position, score in then]


def _zone(words: tuple[str, ...]) -> _Zone:
    where: dict[str, list[int]] = {}
    for at, word in enumerate(words):
        where.setdefault(word, []).append(at)
    return _Zone(words, where)


def _phrase(zone: _Zone, matches: list[dict[str, int]]) -> float:
    """How closely a zone holds the query words side by side in order: half for the neighbours, half for all."""
    words, where = zone
    last = len(words) - 1
    pairs = 0.0
    for before, after in itertools.pairwise(matches):
        best = 0.0
        for word in before.keys() & where.keys():
            for at in where[word]:
                if at < last and words[at + 1] in after:
                    best = max(best, _QUALITY[max(before[word], after[words[at + 1]])])
        pairs += best
    if not pairs:
        return 0.0
    whole = 0.0
    first, rest = matches[0], matches[1:]
    for word in first.keys() & where.keys():
        for at in where[word]:
            if at + len(rest) <= last and all(words[at + offset] in found for offset, found in enumerate(rest, 1)):
                hows = [first[word], *(found[words[at + offset]] for offset, found in enumerate(rest, 1))]
                whole = max(whole, _QUALITY[max(hows)])
    return pairs / (2 * len(rest)) + whole / 2
