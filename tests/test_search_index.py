"""The search index built lazily and cheaply: the same words, weights and ranks as reading every record whole."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any, ClassVar

import attrs
import pytest

import usnz
from usnz.model.amounts import Money, Quantity
from usnz.model.base import Record
from usnz.model.facts import Fact, fact, facts
from usnz.querying import search
from usnz.querying.search import SearchIndex, zones_of

CITE = (usnz.Citation(source="s", paragraph=1, quote="The paragraph's words."),)


# -- the reference: every field of every record read whole, as the index was first written -----


def _walk_texts(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    items: tuple[object, ...] = value if isinstance(value, tuple) else ()  # type: ignore[assignment]
    return tuple(item for item in items if isinstance(item, str))


def _walk(
    found: tuple[list[str], ...], value: object, name: str, declared: Fact, top: str, *, quote: bool, nested: bool
) -> None:
    if declared.terms and value is not None:
        found[4].append(" ".join(declared.terms))
    if isinstance(value, Quantity | Money):
        found[2].append(str(value))
    elif texts := _walk_texts(value):
        if top in {"notes", "doubts"}:
            found[3].extend(texts)
        elif top == "citations":
            if nested and name in {"quote", "note"}:
                found[4].extend(texts)
        elif declared.search:
            found[0 if (declared.label == 1 and not quote) or top == "aliases" else 2].extend(texts)
    if attrs.has(type(value)) and any(d.refers for _, d in facts(type(value))):
        items: tuple[Any, ...] = (value,)
    elif type(value) is tuple and value and attrs.has(type(value[0])):
        items = value
    else:
        return
    for item in items:
        if getattr(item, "dating", False):  # a citation given only to date the record: not read
            continue
        for sub, sub_declared in facts(type(item)):
            _walk(found, getattr(item, sub), sub, sub_declared, top, quote=quote, nested=True)


def _reference_zones(record: Any) -> tuple[str, ...]:
    found: tuple[list[str], ...] = ([], [record.id], [], [], [])
    for name, declared in facts(type(record)):
        _walk(found, getattr(record, name), name, declared, name, quote=record.record_kind == "quote", nested=False)
    return tuple(" \n ".join(texts) for texts in found)


def _reference_postings(records: list[Any]) -> dict[str, dict[int, float]]:
    """Each word's weight in each record, every record tokenized whole (BM25F, as search weighs)."""
    counts: list[list[Counter[str]]] = []
    lengths = [0.0] * 5
    holding = [0] * 5
    for record in records:
        per_zone = []
        for zone, text in enumerate(_reference_zones(record)):
            words, joined = search._tokens(text)
            count = Counter(words)
            count.update([] if zone == search.ID else joined)
            per_zone.append(count)
            lengths[zone] += len(words)
            holding[zone] += bool(words)
        counts.append(per_zone)
    average = [max(total / max(count, 1), 1.0) for total, count in zip(lengths, holding, strict=True)]
    postings: dict[str, dict[int, float]] = {}
    for position, per_zone in enumerate(counts):
        side = records[position].record_kind in {"person", "organization"}
        weights: dict[str, float] = {}
        for zone, count in enumerate(per_zone):
            share = 0.7 if side and zone == search.BODY else search._WEIGHTS[zone]
            norm = share / (1 - search._B + search._B * count.total() / average[zone])
            for word, times in count.items():
                weights[word] = weights.get(word, 0.0) + times * norm
        for word, weight in weights.items():
            postings.setdefault(word, {})[position] = weight
    return postings


def _same_as_reference(records: list[Any]) -> None:
    index = SearchIndex(records)
    expected = _reference_postings(records)
    assert index.words == set(expected)
    assert index.vocabulary == sorted(expected)
    for word, weights in expected.items():
        assert dict(index.postings(word)) == weights, word  # the very same floats
    for record in records:
        assert zones_of(record) == _reference_zones(record)


# -- records of kinds the plan cannot read ahead ---------------------------------------------


@attrs.frozen(kw_only=True)
class _Inner:
    """A value held in another, naming a record."""

    words: str = fact(search=True, doc="Its words.")
    where: str = fact(refers=("any",), doc="A record it names.")


@attrs.frozen(kw_only=True)
class _Outer:
    """A value holding others."""

    where: str = fact(refers=("any",), doc="A record it names.")
    inners: tuple[_Inner, ...] = fact(default=(), doc="The values it holds.")


@attrs.frozen(kw_only=True)
class _Node:
    """A value that may hold another of its class."""

    words: str = fact(search=True, doc="Its words.")
    where: str = fact(refers=("any",), doc="A record it names.")
    child: _Node | None = fact(default=None, search=True, doc="Another node.")


@attrs.frozen(kw_only=True)
class _Loose(Record):
    """A kind whose field's type says nothing of what it holds."""

    record_kind: ClassVar[str] = "loose"
    anything: object = fact(default=None, search=True, doc="Whatever it holds.")
    unknown: tuple = fact(default=(), search=True, doc="A tuple of anything.")  # type: ignore[type-arg]
    number: int | None = fact(default=None, doc="A number: never text.")
    tally: int | None = fact(default=None, terms=("tally", "count"), doc="A number answering to words when set.")
    outer: _Outer | None = fact(default=None, search=True, doc="One value holding others.")
    node: _Node | None = fact(default=None, search=True, doc="A value holding one of its own class.")


@attrs.frozen(kw_only=True)
class _Unresolved(Record):
    """A kind whose types cannot be read here (a name not defined at run time)."""

    record_kind: ClassVar[str] = "unresolved"
    odd: Undefined | None = fact(default=None, search=True, doc="A type no one can resolve.")  # type: ignore[name-defined] # noqa: F821


def _odd_records() -> list[Any]:
    quantity = Quantity(unit="ships", best=3)
    doubt = usnz.Doubt(kind="vague", source="src-b", paragraphs=(2,), text="Unclear.", concerns=("e-1", "e-2"))
    return [
        _Loose(id="loose-1", citations=CITE, anything="A walrus text", unknown=("one", CITE[0], 3), number=4, tally=0),
        _Loose(id="loose-2", citations=CITE, anything=quantity, unknown=CITE),
        _Loose(id="loose-3", citations=CITE, anything=CITE, doubts=(doubt,)),
        _Loose(
            id="loose-4",
            citations=CITE,
            anything=CITE[0],
            outer=_Outer(where="e-1", inners=(_Inner(words="In", where="e-2"),)),
        ),
        _Loose(id="loose-6", citations=CITE, outer=_Outer(where="e-1")),
        _Loose(
            id="loose-7",
            citations=CITE,
            node=_Node(words="Top node", where="e-1", child=_Node(words="Deeper node", where="e-2")),
        ),
        _Loose(id="loose-5", citations=CITE, anything=Money(amount=Decimal(5), currency="NZD")),
        _Unresolved(id="unresolved-1", citations=CITE, odd="The walrus again", doubts=(doubt,)),
        _Unresolved(id="unresolved-2", citations=CITE, odd=CITE),
    ]


# -- the tests ----------------------------------------------------------------------------------


def test_the_packaged_records_index_as_read_whole() -> None:
    _same_as_reference(list(usnz.dataset()))


def test_copies_sharing_their_texts_index_as_read_whole() -> None:
    doubt = usnz.Doubt(kind="vague", source="src-a", paragraphs=(1,), text="Unclear.", concerns=("e-1",))
    records = [
        _event(f"e-{i}", notes="A note." if i % 3 else None, doubts=(attrs.evolve(doubt, source=f"src-{i % 4}"),))
        for i in range(12)
    ]
    records += [_event("e-plain"), _event("e-more-words", summary="Something happened again, twice over.")]
    _same_as_reference(records)


def test_records_of_kinds_not_read_ahead_index_as_read_whole() -> None:
    _same_as_reference(_odd_records())


def test_records_read_a_few_at_a_time_index_as_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "_AT_ONCE", 2)  # every class's records in several runs
    monkeypatch.setattr(search, "_IDS_AT_ONCE", 2)  # and their ids' words
    _same_as_reference(_odd_records())
    _same_as_reference(list(usnz.dataset())[::4])


def test_ids_that_are_not_kebab_case_index_as_read_whole() -> None:
    with attrs.validators.disabled():
        records = [
            _event("Odd_ID"),
            _event("a--b"),
            _event("line\nbreak"),
            _event("-"),
            _event("e-1"),
        ]
    _same_as_reference(records)
    index = SearchIndex(records)
    assert [position for position, _ in index.search("odd_id")] == [0]
    assert [position for position, _ in index.search("break")] == [2]


def test_ids_kebab_case_once_folded_index_as_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "_IDS_AT_ONCE", 2)  # the ids' words read in several runs
    with attrs.validators.disabled():
        records = [_event("Upper-Case"), _event("e-1"), _event("MIXED-case-2"), _event("e-2")]
    _same_as_reference(records)
    index = SearchIndex(records)
    assert [position for position, _ in index.search("upper")] == [0]
    assert [position for position, _ in index.search("mixed case")] == [2]


def _event(id: str, **fields: Any) -> usnz.Event:  # noqa: A002 - record field name
    fields.setdefault("title", "An event")
    fields.setdefault("summary", "Something happened.")
    fields.setdefault("citations", CITE)
    return usnz.Event(id=id, kind="other", **fields)


def test_records_sharing_their_texts_score_alike() -> None:
    records = [_event(f"e-{i}", title="Walrus ashore", summary="A walrus came ashore.") for i in range(5)]
    records.append(_event("e-other", title="Walrus ashore", summary="A walrus came ashore again."))
    index = SearchIndex(records)
    found = index.search("walrus ashore")
    scores = dict(found)
    assert len({scores[position] for position in range(5)}) == 1  # the copies alike
    assert scores[5] != scores[0]  # the other text weighs otherwise
    assert [position for position, _ in found][:5] == [0, 1, 2, 3, 4]  # alike: in the order given


def test_a_search_with_new_words_after_the_first_finds_as_a_fresh_index_does() -> None:
    data = list(usnz.dataset())
    index = SearchIndex(data)
    assert index.search("ANZUS treaty")
    for text in ("nuclear ship visit", "anzsu", "kforce", "Helen Clark Iraq", "ANZUS treaty"):
        assert index.search(text) == SearchIndex(data).search(text), text


def test_a_word_in_an_id_is_found_whole_never_as_the_end_of_another() -> None:
    records = [_event("walrus-bay"), _event("bigwalrus"), _event("walrus")]
    index = SearchIndex(records)
    assert dict(index.postings("walrus")).keys() == {0, 2}


def test_no_records_no_words() -> None:
    index = SearchIndex([])
    assert index.vocabulary == []
    assert index.search("walrus") == []


@pytest.mark.parametrize("kind", [_Loose, _Unresolved])
def test_a_kind_not_read_ahead_is_read_for_what_it_holds(kind: type) -> None:
    record = kind(id="x-1", citations=CITE, **({"anything": "Loose words"} if kind is _Loose else {"odd": "Odd words"}))
    assert "words" in zones_of(record)[2]


def test_named_ids_whose_words_written_as_one_clash_index_as_read_whole() -> None:
    doubt = usnz.Doubt(kind="vague", source="src-a", paragraphs=(1,), text="Unclear.")
    records = [
        _event("e-1", doubts=(attrs.evolve(doubt, concerns=("a-bc", "e-2")),)),
        _event("e-2", doubts=(attrs.evolve(doubt, concerns=("ab-c", "solo")),)),  # a-bc and ab-c: both "abc"
    ]
    _same_as_reference(records)
    kept = [_event("e-3", doubts=(attrs.evolve(doubt, concerns=("src-a-src", "srca")),))]  # "srca": a word, and joined
    _same_as_reference(kept)
    assert SearchIndex(kept)._word_ids.get("srca") == [2, 0]  # as a word (of "srca"), then "src-a" joined


def test_odd_values_where_ids_are_named_index_as_read_whole() -> None:
    doubt = usnz.Doubt(kind="vague", source="src-a", paragraphs=(1,), text="Unclear.", concerns=("e-1",))
    with attrs.validators.disabled():
        records = [
            _event("e-1", doubts=None),  # no doubts at all, not even a tuple
            _event("e-2", doubts=(attrs.evolve(doubt, source=None),)),  # a doubt naming no source
            _event("e-3", doubts=(attrs.evolve(doubt, source="Src_B", concerns=("Odd_ID",)),)),  # ids not kebab-case
            _event("e-1", doubts=(doubt,)),  # an id twice: the later is the one referred to
        ]
    _same_as_reference(records)
    index = SearchIndex(records)
    assert index.positions["e-1"] == 3
    assert [position for position, _ in index.search("src_b")] == [2]


def test_what_a_record_refers_to_is_found_through_the_ids_given_as_through_its_own() -> None:
    target, outsider = _event("e-target"), _event("e-outside")
    pointing = _event("e-1", see_also=("e-target", "e-outside", "e-unknown"))
    records = [target, target, pointing]  # one record twice: the later is the one referred to
    by_id = {"e-target": target, "e-outside": outsider, "e-1": pointing}  # e-outside: a record not indexed
    assert SearchIndex(records, by_id).refers(2) == SearchIndex(records).refers(2) == {1}
    data = list(usnz.dataset())
    given = SearchIndex(data, {record.id: record for record in data})
    for text in ("ANZUS treaty", "Korea casualties", "Red Cross pledge", "condolences"):
        assert given.search(text) == SearchIndex(data).search(text), text


def test_the_records_of_a_kind_are_worked_out_once_and_none_for_a_kind_not_there() -> None:
    index = SearchIndex([_event("e-1"), _event("e-2")])
    assert index.of_kind(usnz.Event) == {0, 1}
    assert index.of_kind(usnz.Event) is index.of_kind(usnz.Event)
    assert index.of_kind(usnz.Person) == frozenset()
