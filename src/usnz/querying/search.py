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

A record matches when each query word (but the :data:`STOP_WORDS`) matches one of its words.
Its score is a BM25F sum over the query words: each word weighs by how rare it is (its
inverse document frequency), and by where the record has it: its names (name, title,
aliases: its *label*) most, then its id, then its own description (summary, measure, unit, a
figure's value with its unit, location, occasion...), then its notes, and least the quotes
of its citations, which are evidence rather than description; closer matches count more (exactly
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

import functools
import itertools
import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs

from usnz.model.amounts import Money, Quantity
from usnz.model.facts import Fact, facts, keys_of

if TYPE_CHECKING:
    from usnz.model.records import AnyRecord

__all__ = [
    "MAX_CHARACTERS",
    "MAX_TYPO_LENGTH",
    "MAX_WORDS",
    "STOP_WORDS",
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
})
# fmt: on
"""Small words a record need not hold: they count only where they stand in a phrase."""
_APART: Final = " \n "  # between the texts of a zone
_NOTE_FIELDS: Final = frozenset({"notes", "doubts"})
_EVIDENCE_FIELDS: Final = frozenset({"quote", "note"})  # a citation's own words

# How closely a vocabulary word matches a query word.
EXACT, INFLECTED, AS_TYPED, WORD_FORM, COMPOUND, TYPO = range(6)
_QUALITY: Final = (1.0, 0.95, 0.85, 0.75, 0.6, 0.5)
_ENDINGS: Final = ("ing", "ed", "es", "s", "d")  # inflections: a word less one of these is its root

# The bonuses the best candidates may gain, as shares of the query's total weight.
_RERANKED: Final = 24  # how many of the best candidates are looked at again
_PHRASE: Final = (0.6, 0.4, 0.2)  # the query words together, in order: in the label, the id, the description
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


def zones_of(record: AnyRecord) -> tuple[str, str, str, str, str]:
    """A record's indexed text by zone: label, id, description, notes, citation quotes."""
    found: tuple[list[str], ...] = ([], [record.id], [], [], [])
    quote = record.record_kind == "quote"  # a quote's words are what it contains, not its name
    kind: Any = type(record)
    for name, declared in facts(kind):
        _zone_texts(found, getattr(record, name), name, declared, top=name, quote=quote, nested=False)
    label, ident, body, notes, evidence = (_APART.join(texts) for texts in found)
    return label, ident, body, notes, evidence


def _zone_texts(
    found: tuple[list[str], ...], value: object, name: str, declared: Fact, *, top: str, quote: bool, nested: bool
) -> None:
    """Add the texts of one field's *value* (and of the values nested in it) to their zones, in field order."""
    if isinstance(value, Quantity | Money):
        found[BODY].append(str(value))
    elif texts := _texts(value):
        if top in _NOTE_FIELDS:
            found[NOTES].extend(texts)
        elif top == "citations":
            if nested and name in _EVIDENCE_FIELDS:
                found[EVIDENCE].extend(texts)
        elif declared.search:
            names = (declared.label == 1 and not quote) or top == "aliases"
            found[LABEL if names else BODY].extend(texts)
    kind: type = type(value)
    if _walked(kind):
        items: tuple[object, ...] = (value,)
    elif type(value) is tuple and value and attrs.has(type(value[0])):  # pyright: ignore[reportUnknownArgumentType]
        items = value  # pyright: ignore[reportUnknownVariableType]
    else:
        return
    for item in items:
        item_kind: Any = type(item)
        for sub, sub_declared in facts(item_kind):
            _zone_texts(found, getattr(item, sub), sub, sub_declared, top=top, quote=quote, nested=True)


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


class SearchIndex:
    """Each record's words by zone, the records of each word with its weight there, and what refers to what."""

    __slots__ = (
        "_backwards",
        "_typos",
        "_zones",
        "kinds",
        "names",
        "positions",
        "postings",
        "records",
        "refers",
        "sequences",
        "vocabulary",
    )

    def __init__(self, records: Sequence[AnyRecord]) -> None:
        """Index *records* (in the order results keep when their scores are equal)."""
        self.records = tuple(records)
        self.positions = {record.id: at for at, record in enumerate(self.records)}
        kinds: dict[type, list[int]] = {}
        for at, record in enumerate(self.records):
            kinds.setdefault(type(record), []).append(at)
        self.kinds: dict[type, frozenset[int]] = {cls: frozenset(at) for cls, at in kinds.items()}
        """The positions of the records of each class: what ``kind=`` keeps."""
        counts: list[list[Counter[str]]] = []
        sequences: list[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = []
        names: list[tuple[tuple[str, ...], ...]] = []
        lengths = [0.0] * len(ZONES)
        holding = [0] * len(ZONES)  # how many records have words in each zone
        for record in self.records:
            zones = zones_of(record)
            per_zone: list[Counter[str]] = []
            kept: list[tuple[str, ...]] = []
            for zone, text in enumerate(zones):
                words, joined = _tokens(text)
                if zone == ID:
                    joined = []  # an id's words run together are no word of it
                count = Counter(words)
                if joined:
                    count.update(joined)
                per_zone.append(count)
                lengths[zone] += len(words)
                holding[zone] += bool(words)
                if zone <= BODY:
                    kept.append(tuple(words))
            counts.append(per_zone)
            sequences.append((kept[0], kept[1], kept[2]))
            names.append(tuple(tuple(_WORD.findall(name.casefold())) for name in zones[LABEL].split(_APART)))
        average = [max(total / max(count, 1), 1.0) for total, count in zip(lengths, holding, strict=True)]
        postings: dict[str, list[tuple[int, float]]] = {}
        for position, per_zone in enumerate(counts):
            weights: dict[str, float] = {}
            is_side = self.records[position].record_kind in _SIDE_KINDS
            for zone, count in enumerate(per_zone):
                size = count.total()
                norm = (_SIDE if is_side and zone == BODY else _WEIGHTS[zone]) / (1 - _B + _B * size / average[zone])
                for word, times in count.items():
                    weights[word] = weights.get(word, 0.0) + times * norm
            for word, weight in weights.items():
                postings.setdefault(word, []).append((position, weight))
        self.postings = postings
        self.vocabulary = sorted(postings)
        self.sequences = tuple(sequences)
        self.names = tuple(names)
        named = {record.id for record in self.records if record.record_kind in _SIDE_KINDS}  # never what one is about
        # a figure measures something of a force it names in subjects (its length, its strength): the force comes first
        measured = {record.id for record in self.records if record.record_kind == "force-contribution"}
        refers = [
            {
                self.positions[ref]
                for field, ref, _ in keys_of(record).refs
                if (field in _ABOUT or (field == "subjects" and ref in measured))
                and ref in self.positions
                and ref not in named
            }
            for record in self.records
        ]
        self.refers = tuple(  # a link both ways says neither is the other's subject
            frozenset(other for other in targets if position not in refers[other])
            for position, targets in enumerate(refers)
        )
        self._backwards: list[str] | None = None
        self._typos: dict[str, list[str]] | None = None
        self._zones: dict[int, tuple[_Zone, ...]] = {}

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
        """The vocabulary words *word* matches, each with how closely (``EXACT`` ... ``TYPO``)."""
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
        if found or not _TYPO_MIN <= len(word) <= MAX_TYPO_LENGTH:
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

    def search(self, text: str, allowed: frozenset[int] | None = None) -> list[tuple[int, float]]:
        """The positions of the records matching every word of *text*, with their scores, best first.

        *allowed*, when given, keeps only those positions (a kind filter).
        """
        words = self._words(text[:MAX_CHARACTERS])[:MAX_WORDS]
        if not words:
            return []
        total = len(self.records)
        scores: dict[int, float] | None = None
        matches: dict[str, dict[str, int]] = {word: {word: EXACT} for word in words}  # a stop word: itself alone
        required = [word for word in words if word not in STOP_WORDS] or words
        weight = 0.0
        for word in sorted(required, key=len, reverse=True):  # long words first: they match the fewest records
            expansions = matches[word] = self.expansions(word)
            here: dict[int, float] = {}  # each record's best match: its closeness times its saturated weight
            for other, how in expansions.items():
                quality = _QUALITY[how] * (_K1 + 1)
                for position, tf in self.postings[other]:
                    score = quality * tf / (tf + _K1)
                    if score > here.get(position, 0.0):
                        here[position] = score
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
        return self._rerank(scores, [matches[word] for word in words], [matches[word] for word in required], weight)

    def _words(self, text: str) -> list[str]:
        """The distinct words of a query, hyphenated words written as one where the texts have them so (``P-4``)."""
        folded = text.casefold()
        for found, words in _compounds(folded):
            joined = "".join(words)
            if joined in self.postings:
                folded = folded.replace(found, joined, 1)
        return words_of(folded)

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
        final = {
            position: own
            + min(
                _POINTED * max((best[other] ** 3 for other in self._pointing(position, best)), default=0) / top**2,
                _POINTED_MOST * own,
            )
            for position, own in best.items()
        }
        head = sorted(final.items(), key=lambda item: (-item[1], item[0]))
        return head + ranked[_RERANKED:]

    def _pointing(self, position: int, best: Iterable[int]) -> Iterable[int]:
        """The best candidates that refer to the record at *position*."""
        return (other for other in best if position in self.refers[other])

    def _phrases(self, position: int, matches: list[dict[str, int]], required: list[dict[str, int]]) -> float:
        """The bonus of one record: its zones holding the query words in order, its label holding them all.

        *matches* are every query word's matches, in order; *required*, those of the words not stop words.
        """
        bonus = 0.0
        if len(matches) > 1:
            zones = self._zones.get(position)
            if zones is None:  # where each word stands: built for the records that come this far, once
                zones = self._zones[position] = tuple(_zone(words) for words in self.sequences[position])
            for zone, share in zip(zones, _PHRASE, strict=True):
                bonus += share * _phrase(zone, matches)
        best = 0.0  # the name the query's words fill the most of (a name each fills wholly is the record's)
        for at, name in enumerate(self.names[position]):
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
