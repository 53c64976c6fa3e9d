"""Round 8 of analyst answers: years in search, surnames in get(), countries, verify's paths, UKUSA."""

from __future__ import annotations

import warnings

import pytest

import usnz

CITE = (usnz.Citation(source="s", paragraph=1),)
SOURCE = usnz.Source(
    id="s", title="T", publisher="P", kind="news-article", sha256="0" * 64, paragraphs=1, filename="s.txt"
)


def _event(id: str, summary: str, date: str) -> usnz.Event:  # noqa: A002 - mirrors the field
    return usnz.Event(
        id=id,
        title=id.replace("-", " ").capitalize(),
        kind="meeting",
        summary=summary,
        date=usnz.PartialDate.parse(date),
        date_basis="stated",
        citations=CITE,
    )


TALKS = usnz.Dataset(
    [
        SOURCE,
        _event("talks-resume", "Trade talks resumed.", "2008-03"),
        _event("talks-recalled", "Trade talks of 2008 were recalled.", "2011"),
        _event("talks-go-on", "Trade talks went on.", "2010"),
    ]
)


# -- 1: a year in a search matches the records dated then ----------------------------------------


def test_a_year_matches_the_records_dated_in_it_and_those_whose_text_holds_it() -> None:
    """The talks of March 2008 never write '2008': they are found by their date, the recollection by its text."""
    assert set(TALKS.search("trade talks 2008").ids()) == {"talks-resume", "talks-recalled"}
    assert TALKS.search("talks 2010").ids() == ("talks-go-on",)


def test_a_month_or_a_day_matches_the_records_dated_then() -> None:
    assert TALKS.search("trade talks 2008-03").ids() == ("talks-resume",)
    assert TALKS.search("talks 2008-03-15").ids() == ("talks-resume",)  # a month overlaps each of its days
    assert TALKS.search("talks 2010-12").ids() == ("talks-go-on",)  # a year overlaps each of its months
    with pytest.warns(usnz.SearchWarning, match="no record holds '2008-04'"):
        assert TALKS.search("2008-04").ids() == ()
    with pytest.warns(usnz.SearchWarning, match="no record holds '2009-02-30'"):
        assert TALKS.search("2009-02-30").ids() == ()  # no such day


def test_a_year_in_the_packaged_data_finds_what_its_date_says() -> None:
    """Bamyan's PRT (2003/..) was there in 2008, though its texts write no '2008'."""
    assert "nz-bamyan-prt" in usnz.search("Bamyan 2008").ids()  # among those holding both: no warning
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = usnz.search("Bamyan 2001", scores=True)
    assert [hit.record.id for hit in found[:1]] != ["nz-bamyan-prt"]  # begun 2003: only as holding all but one
    assert "left out" in str(caught[0].message)
    assert usnz.search("Rice 2008-07")[0].id == "rice-visit-to-new-zealand"
    assert usnz.search("2008-07-26")[0].id == "rice-visit-to-new-zealand"


def test_a_search_index_without_dates_reads_years_as_words_only() -> None:
    from usnz.querying.search import SearchIndex

    index = SearchIndex(tuple(TALKS))
    assert index.dated_in("2008") == []
    assert index.query_words("talks 2008-03") == ["talks", "2008", "03"]


# -- 3: a surname suggests the person, or the record of the kind asked for ------------------------


def test_a_surname_suggests_the_person_not_the_records_whose_id_ends_with_it() -> None:
    with pytest.raises(usnz.UnknownRecordError) as caught:
        usnz.get("bush")
    assert caught.value.suggestions == ("george-w-bush",)
    with pytest.raises(usnz.UnknownRecordError) as caught:
        usnz.get("rice")
    assert caught.value.suggestions == ("condoleezza-rice",)


def test_a_kind_asked_for_comes_first_then_the_person() -> None:
    with pytest.raises(usnz.UnknownRecordError) as caught:
        usnz.get("bush", usnz.Event)
    assert caught.value.suggestions == ("clark-condolences-to-bush", "george-w-bush")
    with pytest.raises(usnz.UnknownRecordError) as caught:
        usnz.get("bush", usnz.Quote)
    assert caught.value.suggestions == ("george-w-bush",)


def test_ids_that_merely_end_with_a_word_are_suggested_when_nothing_is_named_by_it() -> None:
    with pytest.raises(usnz.UnknownRecordError) as caught:
        usnz.get("korea")
    assert caught.value.suggestions == ("us-navy-korea", "rnzn-korea", "k-force-korea")
