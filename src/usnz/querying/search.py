"""Full-text search over records: word starts, word forms and typos, names ranked first.

A query word matches a word of a record's text in one of three ways, tried in order:

- *as typed*: the text has a word that starts with it (``"sas"`` finds "SAS", not "disaster");
- *another form*: the text has a word that shares its stem, read as the query word less up
  to four final letters, never fewer than five (``"suspension"`` finds "suspended",
  ``"treaties"`` finds "treaty"); a plural query word also matches its singular;
- *a typo*: only when neither finds anything, the text has a word at most one edit away
  (two for words of eight letters or more), a swap of neighbours counting as one
  (``"anzsu"`` finds "ANZUS").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from usnz.model.records import AnyRecord

__all__ = ["SearchIndex", "fold", "words_of"]

_WORD: Final = re.compile(r"\w+")
_STEM_MIN: Final = 5  # shortest stem a word form is matched by
_STEM_CUT: Final = 4  # most final letters a word form may differ by
_TYPO_MIN: Final = 4  # shortest word a typo is looked for in
_LONG_WORD: Final = 8  # from this length, two edits are a typo
MAX_CHARACTERS: Final = 1000
"""Only this many characters of a search text are read."""
MAX_WORDS: Final = 32
"""Only this many distinct words of a search text are looked up (every record must hold them all)."""
# Kinds whose label is a name (a person, an organization...); others' labels describe.
_NAMED_KINDS: Final = frozenset({"agreement", "conflict", "organization", "person", "source"})

AS_TYPED: Final = 0
WORD_FORM: Final = 1
TYPO: Final = 2


def fold(text: str) -> str:
    """*text* as lower-case words joined by single spaces, punctuation dropped."""
    return " ".join(_WORD.findall(text.casefold()))


def words_of(text: str) -> list[str]:
    """The distinct folded words of *text*, in order."""
    return list(dict.fromkeys(_WORD.findall(text.casefold())))


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


class SearchIndex:
    """Each record's words, the records of each word, and each record's names."""

    __slots__ = ("_typos", "label_words", "name_words", "names", "postings", "records", "texts", "vocabulary")

    def __init__(self, records: Sequence[AnyRecord]) -> None:
        """Index *records* (in the order results are ranked by when all else is equal)."""
        self.records = tuple(records)
        self.texts = tuple(" " + fold(record.search_text()) for record in records)
        postings: dict[str, list[int]] = {}
        names: list[tuple[str, ...]] = []
        name_words: list[frozenset[str]] = []
        label_words: list[frozenset[str]] = []
        for position, (record, text) in enumerate(zip(records, self.texts, strict=True)):
            for word in set(text.split()):
                postings.setdefault(word, []).append(position)
            if record.record_kind in _NAMED_KINDS:
                own = (record.label, *getattr(record, "aliases", ()))
                names.append((*(fold(name) for name in own), record.id))
                name_words.append(frozenset(" ".join((*names[-1][:-1], record.id.replace("-", " "))).split()))
                label_words.append(frozenset())
            else:
                names.append((record.id,))
                name_words.append(frozenset())
                label_words.append(frozenset(fold(record.label).split()))
        self.postings = postings
        self.vocabulary = sorted(postings)
        self.names = tuple(names)
        self.name_words = tuple(name_words)
        self.label_words = tuple(label_words)
        self._typos: dict[str, list[str]] | None = None

    def _starting(self, prefix: str) -> Iterable[str]:
        """The vocabulary words that start with *prefix*."""
        vocabulary = self.vocabulary
        at = bisect_left(vocabulary, prefix)
        while at < len(vocabulary) and vocabulary[at].startswith(prefix):
            yield vocabulary[at]
            at += 1

    def _typo_index(self) -> dict[str, list[str]]:
        """Each vocabulary word, and each of its one-letter deletions, to the words it comes from."""
        if self._typos is None:
            typos: dict[str, list[str]] = {}
            for word in self.vocabulary:
                if len(word) >= _TYPO_MIN - 1:
                    for variant in (word, *_deletes(word)):
                        typos.setdefault(variant, []).append(word)
            self._typos = typos
        return self._typos

    def expansions(self, word: str) -> dict[str, int]:
        """The vocabulary words *word* matches, each with how (as typed, a word form, a typo)."""
        found = dict.fromkeys(self._starting(word), AS_TYPED)
        stems: set[str] = {word[: max(_STEM_MIN, len(word) - _STEM_CUT)]} if len(word) > _STEM_MIN else set()
        if len(word) > _TYPO_MIN - 1 and word.endswith("s"):
            stems.add(word[:-1])
        for stem in stems:
            for other in self._starting(stem):
                found.setdefault(other, WORD_FORM)
        if found or len(word) < _TYPO_MIN:
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

    def search(self, text: str, allowed: frozenset[int] | None = None) -> list[int]:
        """The positions of the records matching every word of *text*, best first.

        *allowed*, when given, keeps only those positions (a kind filter).
        """
        words = words_of(text[:MAX_CHARACTERS])[:MAX_WORDS]
        if not words:
            return []
        matched: dict[int, int] | None = None  # position -> how loosely its words matched (worst word)
        matches: dict[str, set[str]] = {}
        for word in sorted(words, key=len, reverse=True):  # long words first: they match the fewest records
            here: dict[int, int] = {}
            expansions = self.expansions(word)
            matches[word] = set(expansions)
            for other, how in expansions.items():
                for position in self.postings[other]:
                    if (matched is None or position in matched) and how < here.get(position, TYPO + 1):
                        here[position] = how
            if matched is not None:
                here = {position: max(how, matched[position]) for position, how in here.items()}
            matched = here
            if allowed is not None:
                matched = {position: how for position, how in matched.items() if position in allowed}
            if not matched:
                return []
        assert matched is not None  # noqa: S101 - there is at least one word
        phrase = " ".join(words)
        ranked = sorted(
            (self._rank(position, phrase, words, matches), how, position) for position, how in matched.items()
        )
        return [position for _, _, position in ranked]

    def _rank(self, position: int, phrase: str, words: list[str], matches: dict[str, set[str]]) -> int:
        """How well a record matches (0 best): by its own names first, then its label, then its text."""
        names = self.names[position]
        if phrase in names or phrase.replace(" ", "-") == names[-1]:
            return 0
        name_words = self.name_words[position]
        if name_words and all(matches[word] & name_words for word in words):
            return 1 if any(f" {phrase}" in f" {name}" for name in names) else 2
        label_words = self.label_words[position]
        if label_words and all(matches[word] & label_words for word in words):
            return 3
        return 4 if f" {phrase}" in self.texts[position] else 5
