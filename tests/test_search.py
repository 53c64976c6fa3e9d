"""Ranked search: the record the words describe first, with scores, at a bounded cost."""

from __future__ import annotations

import tracemalloc
import warnings
from collections.abc import Callable
from typing import Any

import pytest

import usnz
from usnz.querying.search import MAX_TYPO_LENGTH, STOP_WORDS, SearchIndex
from work import calls

# A search finding few records that hold every word, beaten by one holding all but one, adds those and warns:
# here only the tests of that warning look at it.
pytestmark = pytest.mark.filterwarnings("ignore:only .* all but one:usnz.SearchWarning")

CITE = (usnz.Citation(source="s", paragraph=1, quote="The paragraph's words."),)


# -- the issue's examples, and an analyst's first calls --------------------------------------


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Presidential Unit Citation", "presidential-unit-citation-task-force-k-bar"),  # the award, not the service
        ("postponed trade talks", "us-postpones-trade-talks-with-nz"),  # not Key's reaction to it
        ("Key speech US-NZ Council", "key-speech-to-us-nz-council"),  # not the quotes from it
        ("40 minutes", "key-biden-meeting-length"),  # a figure's value with its unit
        ("nuclear ship ban", "nz-nuclear-warship-ban"),  # "ship" inside "warships"
        ("Afghan", "war-in-afghanistan"),
    ],
)
def test_the_issues_examples_find_what_the_words_describe(text: str, first: str) -> None:
    assert usnz.search(text)[0].id == first


def test_kforce_finds_k_force_above_the_australian_task_force() -> None:
    found = usnz.search("kforce").ids()
    assert set(found[:2]) == {"k-force", "k-force-korea"}
    assert "1st-australian-task-force" not in found  # "kforce" is no typo of "force" when K-FORCE is there
    assert usnz.search("K-FORCE").ids()[:2] == found[:2]


def test_afghan_puts_afghanistan_before_the_gulf_war() -> None:
    found = usnz.search("Afghan").ids()
    assert found.index("nz-gulf-war-1991") > 10
    assert all("afghan" in f"{r.id} {r.label}".casefold() for r in usnz.search("Afghan")[:5])


def test_40_minutes_finds_the_figure() -> None:
    figure = usnz.search("40 minutes", kind="figure")[0]
    assert isinstance(figure, usnz.Figure)
    assert str(figure.quantity) == "40 minutes"
    assert "k-force-korea" in usnz.search("3,794 personnel").ids()[:2]
    assert "k-force-korea" in usnz.search("3794").ids()


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Helen Clark", "helen-clark"),
        ("Clark", "helen-clark"),  # a surname alone: the person, not the events named after them
        ("Bush", "george-w-bush"),
        ("Key", "john-key"),
        ("Rice", "condoleezza-rice"),
        ("Holyoake", "keith-holyoake"),
        ("Obama", "barack-obama"),
        ("US Navy", "us-navy"),
        ("Condoleezza Rice visit", "rice-visit-to-new-zealand"),
        ("Vietnam", "vietnam-war"),
        ("161 Battery", "161-battery"),
        ("Operation Anaconda", "operation-anaconda"),
        ("Trans-Pacific Partnership", "trans-pacific-partnership"),
        ("Hurricane Katrina aid", "hurricane-katrina"),
        ("Wellington Declaration", "wellington-declaration"),
        ("Treaty of Waitangi", "treaty-of-waitangi"),
        ("Gulf War", "gulf-war"),
        ("Cyber Storm", "cyber-storm-iii"),
        ("Red Cross pledge", "nz-katrina-red-cross-pledge"),
        ("Hillary Clinton visit", "clinton-visit-to-new-zealand"),
        ("Nuclear Security Summit", "nuclear-security-summit"),
        ("Iraq engineers", "nz-engineers-iraq"),
        ("ANZUS suspension", "us-suspends-anzus-obligations-to-nz"),
        ("Christopher Hill", "christopher-hill"),
        ("science building", "nz-vietnam-economic-assistance"),
        ("condolences", "clark-condolences-to-bush"),
        ("announcement to begin P-4 negotiations", "us-announces-p4-negotiations-start"),
        ("rise in US exports to New Zealand", "fta-projected-us-export-rise"),
    ],
)
def test_an_analysts_first_calls(text: str, first: str) -> None:
    assert usnz.search(text)[0].id == first


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("what did Rice say", "rice-visit-to-new-zealand"),
        ("how many New Zealanders served in Korea", "k-force-korea"),
        ("who signed the Wellington Declaration", "wellington-declaration-signing"),
        ("when did New Zealand ban nuclear warships", "nz-nuclear-warship-ban"),
        ("where did Key visit", "key-visit-to-washington"),
        ("how much aid for Katrina", "nz-katrina-red-cross-pledge"),
        ("what is ANZUS", "anzus"),
    ],
)
def test_a_question_finds_what_its_words_ask_about(text: str, first: str) -> None:
    """The words of a question (what, who, did, how many...) are stop words: the record need not hold them."""
    assert usnz.search(text)[0].id == first
    asked = " ".join(word for word in text.split() if word.lower() not in STOP_WORDS)
    index = usnz.dataset()._searchable()  # the records holding every word (they may rank where they stand)
    assert {at for at, _ in index.search(text)} == {at for at, _ in index.search(asked)}


# -- scores ---------------------------------------------------------------------------------


def test_scores_come_with_the_same_records_best_first() -> None:
    hits = usnz.search("trade talks", scores=True)
    assert [hit.record for hit in hits] == list(usnz.search("trade talks"))
    assert all(isinstance(hit, usnz.SearchHit) for hit in hits)
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(score > 0 for score in scores)
    record, score = hits[0]
    assert record is hits[0].record
    assert score == hits[0].score
    with pytest.warns(usnz.SearchWarning, match="^no record holds 'zzqx'$"):
        assert usnz.search("zzqx", scores=True) == ()
    assert usnz.dataset().search("anzus", kind="agreement", scores=True)[0].record.id == "anzus"


def test_a_hit_names_its_record_in_its_repr() -> None:
    hit = usnz.search("ANZUS treaty", scores=True)[0]
    assert repr(hit) == f"SearchHit(<agreement anzus>, score={hit.score!r})"
    record, score = hit
    assert (record, score) == (usnz.get("anzus"), hit.score)


def test_scores_is_a_flag() -> None:
    with pytest.raises(usnz.ArgumentTypeError, match="scores"):
        usnz.search("anzus", scores="yes")  # type: ignore[call-overload]


# -- what ranks above what, on records made for it ----------------------------------------


def _event(id: str, **fields: Any) -> usnz.Event:  # noqa: A002 - record field name
    fields.setdefault("title", "An event")
    fields.setdefault("summary", "Something happened.")
    fields.setdefault("citations", CITE)
    return usnz.Event(id=id, kind="other", **fields)


def _ranked(records: list[Any], text: str) -> tuple[str, ...]:
    return usnz.Dataset(records).search(text).ids()


def test_where_the_words_are_decides_the_rank() -> None:
    records = [
        _event("e-quote", citations=(usnz.Citation(source="s", paragraph=1, quote="The walrus came ashore."),)),
        _event("e-notes", notes="A walrus is mentioned here."),
        _event("e-summary", summary="A walrus came ashore in the harbour."),
        _event("e-title", title="Walrus comes ashore"),
    ]
    assert _ranked(records, "walrus") == ("e-title", "e-summary", "e-notes", "e-quote")
    assert _ranked(list(reversed(records)), "walrus") == ("e-title", "e-summary", "e-notes", "e-quote")


def test_exact_words_beat_forms_and_typos_and_phrases_beat_scattered_words() -> None:
    records = [
        _event("e-typo", title="Harbor crossing"),
        _event("e-form", title="Harbours crossed"),
        _event("e-exact", title="Harbour crossing"),
    ]
    assert _ranked(records, "harbour crossing")[0] == "e-exact"
    assert _ranked(records, "harbour")[:2] == ("e-exact", "e-form")
    assert _ranked(records, "harbr") == ("e-typo",)  # a typo only when nothing else matches
    scattered = [
        _event("e-scattered", title="Crossing the old harbour"),
        _event("e-phrase", title="Old crossing the harbour"),
        _event("e-together", title="The harbour crossing opens"),
    ]
    assert _ranked(scattered, "harbour crossing")[0] == "e-together"


def test_a_quote_or_side_record_ranks_below_what_it_points_at() -> None:
    speech = _event("e-speech", title="The minister speaks at the dinner", summary="A speech on fisheries.")
    quote = usnz.Quote(
        id="q-fisheries",
        speaker="p-minister",
        text="Fisheries are our future.",
        occasion="At the dinner speech on fisheries",
        event="e-speech",
        citations=CITE,
    )
    person = usnz.Person(
        id="p-minister", name="The Minister", summary="Spoke on fisheries at a dinner.", citations=CITE
    )
    assert _ranked([quote, person, speech], "fisheries speech")[0] == "e-speech"


def test_every_query_word_must_match_but_stop_words_need_not() -> None:
    records = [_event("e-one", title="Harbour crossing"), _event("e-two", title="Harbour")]
    assert _ranked(records, "harbour crossing") == ("e-one",)
    assert set(_ranked(records, "the harbour of")) == {"e-one", "e-two"}
    with pytest.warns(usnz.SearchWarning, match=r"only small words \('into'\)"):
        assert _ranked(records, "into") == ()  # a query of stop words alone looks for nothing
    with pytest.warns(usnz.SearchWarning, match="no record holds all of 'harbour', 'bridge', though each is held"):
        found = _ranked([*records, _event("e-three", title="Bridge")], "harbour bridge")
    assert set(found) == {"e-one", "e-two", "e-three"}  # none holds both: those holding all but one, said so


def test_a_word_no_record_holds_is_left_out_and_named() -> None:
    """A question with a word the records never use finds the records of its other words, and says so."""
    records = [_event("e-one", title="Harbour crossing"), _event("e-two", title="Harbour")]
    with pytest.warns(usnz.SearchWarning) as caught:
        assert _ranked(records, "zzqx harbour crossing") == ("e-one",)
    assert [str(w.message) for w in caught] == [
        "no record holds 'zzqx': it was left out of the search; these records hold the other words"
    ]
    assert caught[0].filename == __file__  # the warning points at the caller's line
    with pytest.warns(usnz.SearchWarning, match="no record holds 'zzqx', 'qqzx': they were left out"):
        assert set(_ranked(records, "zzqx harbour qqzx")) == {"e-one", "e-two"}
    with pytest.warns(usnz.SearchWarning, match="no record of the kinds asked for holds all of 'harbour', 'zealand'"):
        found = usnz.Dataset([*records, _event("e-nz", title="Zealand")]).search("harbour zealand", kind="event")
    assert set(found.ids()) == {"e-one", "e-two", "e-nz"}


def test_questions_with_words_the_texts_never_use() -> None:
    with pytest.warns(usnz.SearchWarning, match="no record holds 'condi'"):
        assert usnz.search("Condi Rice")[0].id == "condoleezza-rice"
    with pytest.warns(usnz.SearchWarning, match="no record holds 'troops'"):
        assert usnz.search("vietnam war new zealand troops")[0].id == "vietnam-war"


def test_equal_scores_keep_the_documented_order() -> None:
    records = [_event(f"e-{i}", title="Harbour") for i in (3, 1, 2)]
    assert _ranked(records, "harbour") == ("e-1", "e-2", "e-3")


# -- bounded costs (issue 22) ------------------------------------------------------------------


def _peak(build: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        build()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak


def _cost(build: Callable[[], object]) -> tuple[int, int]:
    """The work of *build* (the functions it calls: counted, not timed), and its peak memory (bytes)."""
    return calls(build), _peak(build)


def _paired_costs(small: Callable[[], object], large: Callable[[], object]) -> tuple[tuple[int, int], tuple[int, int]]:
    """The costs of *small* and *large* (see :func:`_cost`)."""
    return _cost(small), _cost(large)


def _long_word_index(size: int) -> SearchIndex:
    word = "".join(chr(ord("a") + (i * 7) % 26) for i in range(size))
    index = SearchIndex([_event("e-long", notes=f"A note with {word} in it.")])
    index.search("wrods")  # a typo: builds the typo index
    index.search(word[:1000])  # a 1,000-character query word
    return index


def test_a_very_long_word_costs_in_proportion_to_its_length() -> None:
    (small_work, small_memory), (large_work, large_memory) = _paired_costs(
        lambda: _long_word_index(20_000), lambda: _long_word_index(40_000)
    )
    assert large_memory <= 2.5 * small_memory
    assert large_work <= 2.5 * small_work  # twice the word, at most twice the work (no square)
    assert small_memory < 5_000_000  # not 1.5 GB of deletions


def test_typo_index_and_typo_lookup_skip_words_over_the_limit() -> None:
    long = "x" * (MAX_TYPO_LENGTH + 1)
    index = SearchIndex([_event("e-long", title=f"Walrus {long}")])
    assert index.search("walrsu")  # a typo of a short word is found
    assert all(len(word) <= MAX_TYPO_LENGTH for word in index._typo_index())
    assert index.search("y" + long[1:]) == []  # no typo lookup for a word over the limit
    assert [position for position, _ in index.search(long)] == [0]  # the word itself is found as typed


def test_a_1000_character_query_word_costs_little() -> None:
    data = usnz.dataset()
    data.search("anzsu")  # the indexes, once
    for text in ("q" * 1000, "ab" * 500, "a-" * 500, "anzus " + "z" * 999, "anzus treaty " + "z" * 999):

        def run(text: str = text) -> object:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", usnz.SearchWarning)  # a word no record holds: said, and left out
                return data.search(text)

        work, peak = _cost(run)
        assert work < 20 * calls(lambda: data.search("anzus treaty"))  # a few ordinary searches' work (about 3x)
        assert peak < 2_000_000


def _records(count: int) -> list[usnz.Event]:
    return [
        _event(
            f"e-{i}",
            title=f"Walrus number {i} comes ashore",
            summary=f"Walrus {i} was seen at harbour {i % 97} by observer {i * 7919 % 10007}.",
            notes=f"Counted in survey {i % 13}; words w{i}x and v{i * 3}y.",
        )
        for i in range(count)
    ]


def test_doubling_the_records_at_most_doubles_the_search_index() -> None:
    small, large = _records(1500), _records(3000)

    def build(records: list[usnz.Event]) -> Callable[[], object]:
        def run() -> object:
            index = SearchIndex(records)
            index.search("walrsu harbour")
            return index

        return run

    (small_work, small_memory), (large_work, large_memory) = _paired_costs(build(small), build(large))
    assert large_memory <= 2.5 * small_memory
    assert large_work <= 2.5 * small_work  # twice the records, twice the work (no square)


# -- the words a stated number answers to ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Korea casualties", "k-force-korea"),  # 33 killed, 79 wounded, one captured
        ("deaths Korea", "k-force-korea"),
        ("killed Afghanistan", "nzsas-afghanistan-rotations"),  # none killed: a stated zero
        ("casualties Afghanistan", "nzsas-afghanistan-rotations"),
    ],
)
def test_casualty_words_find_the_force_contribution_that_states_them(text: str, first: str) -> None:
    assert usnz.search(text)[0].id == first


def test_the_texts_give_no_vietnam_casualties_so_none_is_found() -> None:
    assert not any(record.killed or record.wounded for record in usnz.force_contributions(conflict="vietnam-war"))
    with pytest.warns(usnz.SearchWarning, match="no record holds all of 'casualties', 'vietnam', though each is held"):
        usnz.search("casualties Vietnam")  # then those holding one of them, said so


def _contribution(id: str, **fields: Any) -> usnz.ForceContribution:  # noqa: A002 - record field name
    return usnz.ForceContribution(
        id=id, conflict="walrus-war", country="NZL", summary="A force was sent.", citations=CITE, **fields
    )


def test_a_field_answers_to_its_terms_only_when_it_has_a_value() -> None:
    records = [
        _contribution("fc-killed", killed=usnz.Quantity(unit="personnel", best=3)),
        _contribution("fc-none-killed", killed=usnz.Quantity(unit="personnel", best=0)),
        _contribution("fc-unknown"),  # killed not stated: no casualty words
        _contribution("fc-wounded", wounded=usnz.Quantity(unit="personnel", best=2)),
    ]
    index = SearchIndex(records)
    assert {records[at].id for at, _ in index.search("casualties")} == {"fc-killed", "fc-none-killed", "fc-wounded"}
    assert {records[at].id for at, _ in index.search("deaths")} == {"fc-killed", "fc-none-killed"}
    assert {records[at].id for at, _ in index.search("injured")} == {"fc-wounded"}
    assert index.search("dead unknown") == []


# -- related words, and records holding all but one word -------------------------------------


def test_a_related_word_matches_as_loosely_as_a_typo_and_never_as_a_word_it_starts() -> None:
    records = [
        _event("e-talks", title="Harbour talks"),
        _event("e-negotiations", title="Harbour negotiations"),
        _event("e-negotiating", title="Harbour negotiating"),
        _event("e-room", title="Harbour negotiationsroom"),  # a word "negotiations" only starts
    ]
    found = _ranked(records, "harbour talks")
    assert found[0] == "e-talks"
    assert set(found[1:]) == {"e-negotiations", "e-negotiating"}  # each as close (alike: in the dataset's order)
    assert _ranked(records, "negotiations harbour")[0] == "e-negotiations"
    assert "e-talks" in _ranked(records, "negotiations harbour")
    assert "talks" in usnz.querying.search.RELATED_WORDS["negotiations"]
    index = SearchIndex([_event("e-1", title="Talks")])  # the related word in no text: nothing more, no typo of it
    assert index.expansions("talks") == {"talks": 0}
    assert index.expansions("negotiations") == {"talks": usnz.querying.search.RELATED}


def _weak_and_strong() -> list[Any]:
    return [
        _event("e-weak", notes="A walrus near a seal."),  # both words, but only in its notes
        _event("e-strong", title="Walrus ashore", summary="A walrus came ashore."),  # one word, in its title
        _event("e-other", title="Harbour"),
    ]


def test_a_thin_match_beaten_by_a_record_holding_all_but_one_word_is_followed_by_those() -> None:
    data = usnz.Dataset(_weak_and_strong())
    with pytest.warns(usnz.SearchWarning) as caught:
        hits = data.search("walrus seal", scores=True)
    assert [hit.record.id for hit in hits] == ["e-weak", "e-strong"]  # those holding every word first
    assert hits[0].score > hits[1].score  # the others' scores below theirs
    assert [str(w.message) for w in caught] == [
        "only 1 record holds all of 'walrus', 'seal'; the 1 after them hold all but one ('seal' left out)"
    ]
    assert caught[0].filename == __file__
    two = usnz.Dataset([*_weak_and_strong(), _event("e-weak-2", notes="A seal, then a walrus.")])
    with pytest.warns(usnz.SearchWarning, match="only 2 records hold all of 'walrus', 'seal'; the 1 after"):
        assert two.search("walrus seal").ids() == ("e-weak", "e-weak-2", "e-strong")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert data.search("walrus ashore").ids() == ("e-strong",)  # stronger than any holding one word: no more
        assert data.search("seal").ids() == ("e-weak",)  # one word: nothing to leave out
        assert usnz.Dataset(_weak_and_strong()[:1]).search("walrus seal").ids() == ("e-weak",)  # no other record


def test_a_search_no_record_matches_in_full_finds_those_holding_all_but_one_word() -> None:
    data = usnz.Dataset(_weak_and_strong())
    with pytest.warns(usnz.SearchWarning) as caught:
        found = data.search("walrus harbour")
    assert set(found.ids()) == {"e-weak", "e-strong", "e-other"}
    assert [str(w.message) for w in caught] == [
        (
            "no record holds all of 'walrus', 'harbour', though each is held by some; "
            "these records hold all but one ('walrus' or 'harbour' left out)"
        )
    ]


def test_no_record_of_the_kinds_asked_for_holding_any_word_finds_none(monkeypatch: pytest.MonkeyPatch) -> None:
    data = usnz.Dataset(_weak_and_strong())
    with pytest.warns(usnz.SearchWarning, match="of the kinds asked for holds all of 'walrus', 'harbour'.*fewer words"):
        assert data.search("walrus harbour", kind="person") == ()
    monkeypatch.setattr(usnz.querying.search, "_KEPT", 1)  # the answers kept: forgotten when there are too many
    with pytest.warns(usnz.SearchWarning, match="all but one"):
        assert data.search("walrus seal").ids() == ("e-weak", "e-strong")
    with pytest.warns(usnz.SearchWarning, match="all but one"):
        assert data.search("walrus seal").ids() == ("e-weak", "e-strong")
