"""Round 8 of analyst answers: years in search, surnames in get(), countries, verify's paths, UKUSA."""

from __future__ import annotations

import hashlib
import shutil
import warnings
from pathlib import Path

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
        usnz.get("signing")  # ("korea" suggests the Korean War now: a named record's id begins with it)
    assert caught.value.suggestions == ("treaty-of-waitangi-signing", "wellington-declaration-signing")  # date order


# -- 4: an unknown country code: refused by constructors; messages list the codes accepted --------


def _fields(record: object) -> dict[str, object]:
    import attrs

    return {a.name: getattr(record, a.name) for a in attrs.fields(type(record)) if a.init}


def test_a_record_constructor_refuses_a_well_formed_code_not_in_the_table() -> None:
    with pytest.raises(
        usnz.ArgumentValueError, match="country code 'ZZZ' is not in usnz's country table: use one of AFG"
    ):
        usnz.Organization(id="o", name="O", kind="council", summary="S.", country="ZZZ", citations=CITE)
    with pytest.raises(usnz.ArgumentValueError, match="countries: country code 'FRA' is not in usnz's country table"):
        _event("e", "S.", "2008").__class__(**{**_fields(_event("e", "S.", "2008")), "countries": ("NZL", "FRA")})
    with pytest.raises(usnz.ArgumentValueError, match="must be an ISO 3166-1 alpha-3 code such as 'NZL', got 'nz'"):
        usnz.Organization(id="o", name="O", kind="council", summary="S.", country="nz", citations=CITE)
    assert (
        usnz.Organization(id="o", name="O", kind="council", summary="S.", country="NZL", citations=CITE).country
        == "NZL"
    )


def test_the_converter_refuses_an_unknown_code_too() -> None:
    with pytest.raises(Exception) as caught:
        usnz.converter.structure(
            {
                "id": "o",
                "name": "O",
                "kind": "council",
                "summary": "S.",
                "country": "ZZZ",
                "citations": [{"source": "s", "paragraph": 1}],
            },
            usnz.Organization,
        )
    assert "country code 'ZZZ' is not in usnz's country table" in repr(caught.value.exceptions)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["list", "agreements", "--country", "ZZZ"], "--country ZZZ is not a country code usnz knows; use one of AFG"),
        (
            ["list", "agreements", "--country", "nz"],
            "--country nz is not a country code usnz knows (did you mean 'NZL'?)",
        ),
        (["list", "events", "--involving", "ZZZ"], "--involving ZZZ is not a country code usnz knows; use one of AFG"),
        (["list", "events", "--involving", "fra"], "--involving fra is not a country code usnz knows; use one of AFG"),
    ],
)
def test_the_cli_lists_the_codes_it_accepts_not_a_search(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    from usnz.cli import main

    assert main(argv) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert "XSV (usnz.COUNTRIES names them)" in err
    assert "usnz search" not in err
    assert err.count("\n") == 1


def test_an_unknown_id_of_another_shape_under_involving_still_suggests_ids() -> None:
    with pytest.raises(usnz.UnknownRecordError, match="did you mean 'helen-clark'") as caught:
        usnz.timeline(involving="helen-clerk")
    assert "usnz.COUNTRIES" not in str(caught.value)
    with pytest.raises(usnz.UnknownRecordError, match="did you mean 'anzus'"):
        usnz.timeline(involving="anzs")  # four letters: an id, not a code


# -- 5: verify's messages about the folders: what was given, what is expected, what to try -------


def _texts_beside(tmp_path: Path) -> tuple[Path, Path]:
    """Copies of the texts (``seeds/``) and the crosswalk (``crosswalk/``) side by side, as ../shared keeps them."""
    shared = Path(__file__).resolve().parents[2] / "shared"
    if not (shared / "seeds").is_dir():
        pytest.skip("../shared/seeds is absent (an installed wheel): nothing to verify against")
    seeds, crosswalk = tmp_path / "seeds", tmp_path / "crosswalk"
    shutil.copytree(shared / "seeds", seeds)
    shutil.copytree(shared / "crosswalk", crosswalk)
    return seeds, crosswalk


def test_verify_names_the_sibling_folder_that_holds_a_missing_text(tmp_path: Path) -> None:
    seeds, crosswalk = _texts_beside(tmp_path)
    (problem,) = usnz.verify(sources=seeds)
    assert problem.record == "cow-atop-crosswalk"
    assert problem.message == (
        f"no file in {seeds} has this source's SHA-256 (ea9452c99f30...), expected as a file named "
        f"'cow_atop.json'; {crosswalk / 'cow_atop.json'} has it: give its folder, {str(crosswalk)!r}, too "
        "(sources= takes several)"
    )
    assert usnz.verify(sources=[seeds, crosswalk]) == ()


def test_the_cli_says_how_to_give_several_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from usnz.cli import main

    seeds, crosswalk = _texts_beside(tmp_path)
    assert main(["verify", "--sources", str(seeds)]) == 1
    out = capsys.readouterr().out
    assert f"give its folder, {str(crosswalk)!r}, too (give --sources once for each folder)" in out
    assert "sources=" not in out


def test_verify_given_a_file_names_its_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from usnz.cli import main

    _, crosswalk = _texts_beside(tmp_path)
    given = crosswalk / "cow_atop.json"
    with pytest.raises(usnz.ArgumentValueError) as caught:
        usnz.verify(sources=given)
    assert str(caught.value).endswith(
        f" is not a folder: it is a file; give the folder that holds it, "
        f"sources={str(crosswalk)!r} (each source is found among a folder's files by its SHA-256)"
    )
    assert main(["verify", "--sources", str(given)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usnz: error: --sources ")
    assert err.endswith("crosswalk' (each source is found among a folder's files by its SHA-256)\n")


def test_verify_given_nothing_or_a_device_says_what_is_there(tmp_path: Path) -> None:
    with pytest.raises(usnz.ArgumentValueError, match="is not a folder: nothing is there; give the folder that holds"):
        usnz.verify(sources=tmp_path / "missing")
    with pytest.raises(usnz.ArgumentValueError, match="is not a folder: nothing is there"):
        usnz.verify(sources=tmp_path / ("x" * 300))  # too long a name: the OS refuses to look
    if Path("/dev/null").exists():
        with pytest.raises(usnz.ArgumentValueError, match="is not a folder: it is not a file either"):
            usnz.verify(sources="/dev/null")


def _refuse_listing(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make listing *folder* fail as an unreadable folder does (PermissionError); other folders list as ever."""
    original = Path.iterdir

    def refusing(self: Path) -> object:
        if self == folder.resolve():
            raise PermissionError(self)
        return original(self)

    monkeypatch.setattr(Path, "iterdir", refusing)


def test_a_sibling_folder_that_cannot_be_read_or_holds_another_file_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from usnz.faces import verify as module

    seeds, crosswalk = _texts_beside(tmp_path)
    (crosswalk / "cow_atop.json").write_text("[]")  # the name, not the text
    (tmp_path / "big").mkdir()
    assert module._nearby([seeds], "cow_atop.json", "0" * 64) is None
    assert not module._readable(tmp_path / "nothing")
    _refuse_listing(monkeypatch, tmp_path)
    assert module._nearby([seeds], "cow_atop.json", "0" * 64) is None


# -- 6: an agreement whose parties are given as an organization is named when country= leaves it out


def test_country_names_the_agreement_whose_parties_are_an_organization() -> None:
    with pytest.warns(usnz.QueryWarning) as caught:
        found = usnz.agreements(country="USA")
    assert "ukusa-agreement" not in found.ids()  # never a party invented
    assert "anzus" in found.ids()
    (warning,) = caught
    assert str(warning.message) == (
        "country='USA' leaves out ukusa-agreement, whose parties are given only as NZL and an organization, "
        "ukusa-community: usnz does not read the countries of an organization as parties; "
        "involving='ukusa-community' finds it"
    )
    assert warning.filename == __file__
    assert usnz.agreements(involving="ukusa-community").ids() == ("ukusa-agreement",)


def test_no_word_when_the_agreement_is_found_or_other_filters_leave_it_out() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "ukusa-agreement" in usnz.agreements(country="NZL").ids()
        assert usnz.agreements(country="USA", kind="treaty").ids() == ("anzus",)  # UKUSA is no treaty
        assert "anzus" in usnz.agreements(country="USA", during="1950/2010").ids()  # UKUSA is undated
        assert "ukusa-agreement" not in usnz.agreements(country="USA", during="1950/2010", possibly=True).ids()
        assert usnz.agreements(kind="treaty").ids()  # no country=: nothing to say


def _agreement(id: str, parties: tuple[str, ...], organizations: tuple[str, ...] = ()) -> usnz.Agreement:  # noqa: A002
    return usnz.Agreement(
        id=id,
        name=id.upper(),
        kind="intelligence-agreement",
        summary="S.",
        parties=parties,
        organizations=organizations,
        citations=CITE,
    )


def test_several_such_agreements_and_one_with_no_country_named() -> None:
    body = usnz.Organization(id="club", name="Club", kind="international", summary="S.", citations=CITE)
    data = usnz.Dataset(
        [
            SOURCE,
            body,
            _agreement("pact", (), ("club",)),
            _agreement("deal", ("NZL",), ("club",)),
            _agreement("x", ("AUS",)),
        ]
    )
    with pytest.warns(usnz.QueryWarning) as caught:
        assert data.agreements(country=["USA", "AUS"]).ids() == ("x",)
    message = str(caught[0].message)
    assert message.startswith("country=['AUS', 'USA'] leaves out ")
    assert "pact, whose parties are given only as an organization, club" in message
    assert "deal, whose parties are given only as NZL and an organization, club" in message
    assert message.endswith("involving='club' finds them")
    plain = usnz.Dataset([SOURCE, _agreement("x", ("AUS",))])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert plain.agreements(country="USA").ids() == ()


# -- 7: a total of no records is unknown, and still refuses a field its kind lacks ----------------


def test_a_total_of_no_records_is_unknown_never_zero() -> None:
    empty = usnz.force_contributions(conflict="korean-war", country="AUS")
    assert empty == ()
    total = empty.total("personnel")
    assert (total.best, total.low, total.high, total.counted, total.unknown) == (None, None, None, (), ())
    assert str(total) == "nothing stated (0 records counted)"
    assert usnz.Records([]).total("killed").best is None


def test_an_empty_query_result_refuses_a_field_its_kind_lacks() -> None:
    empty = usnz.force_contributions(conflict="korean-war", country="AUS")
    with pytest.raises(usnz.ArgumentValueError, match="force-contribution records have no quantity field of that name"):
        empty.total("amount")
    with pytest.raises(usnz.ArgumentValueError, match="event records have nothing to add up"):
        usnz.events(kind="visit", country="WSM").total("personnel")
    data = usnz.Dataset([SOURCE])  # a user's dataset: its empty answers know their kind too
    with pytest.raises(usnz.ArgumentValueError, match="figure records have no quantity or money field"):
        data.figures().total("personnel")
    assert data.figures().total("quantity").best is None


def test_empty_records_of_no_kind_refuse_a_name_no_kind_has() -> None:
    with pytest.raises(usnz.ArgumentValueError) as caught:
        usnz.Records([]).total("personel")  # type: ignore[arg-type]
    assert str(caught.value) == (
        "total('personel'): no record kind has a quantity or money field of that name (these Records are empty, "
        "of no kind a query named); did you mean 'personnel'? accepted: aircraft, amount, captured, killed, money, "
        "personnel, quantity, ships, total_served, wounded"
    )
    with pytest.raises(usnz.ArgumentValueError, match=r"of that name .*; accepted: aircraft"):
        usnz.Records([]).total("zzz")  # type: ignore[arg-type]


def test_an_empty_result_keeps_its_kind_when_copied_for_its_dataset() -> None:
    from usnz.querying.collection import none_of, of_dataset

    empty = none_of(usnz.Figure)
    copy = of_dataset(empty, object())
    with pytest.raises(usnz.ArgumentValueError, match="figure records"):
        copy.total("personnel")


# -- 8: Records take an id where an id makes sense, and say how to look one up where it does not ---


def test_an_id_is_in_the_records_that_hold_its_record() -> None:
    agreements = usnz.agreements()
    assert "anzus" in agreements
    assert "korean-war" not in agreements
    assert usnz.get("anzus") in agreements  # a record, as a tuple holds it
    assert 3 not in agreements
    assert "anzus" not in usnz.Records([])


def test_indexing_by_id_is_refused_with_the_way_to_look_it_up() -> None:
    agreements = usnz.agreements()
    with pytest.raises(usnz.ArgumentTypeError) as caught:
        agreements["anzus"]  # type: ignore[call-overload]
    at = agreements.ids().index("anzus")
    assert str(caught.value) == (
        "Records are indexed by position (records[0]) or sliced, not by id; got 'anzus', the id of "
        f"records[{at}]: for a record by its id use usnz.get('anzus'); records.ids() gives the ids in order"
    )
    assert isinstance(caught.value, TypeError)
    with pytest.raises(usnz.ArgumentTypeError, match="got 'korean-war', the id of none of them"):
        agreements["korean-war"]  # type: ignore[call-overload]
    assert agreements[at].id == "anzus"
    assert agreements[:1].ids() == agreements.ids()[:1]


@pytest.mark.parametrize("flag", [True, False])
def test_indexing_by_a_bool_is_refused(flag: bool) -> None:
    agreements = usnz.agreements()
    with pytest.raises(usnz.ArgumentTypeError) as caught:
        agreements[flag]
    assert str(caught.value) == (
        f"Records are indexed by position, an int (records[0]), or sliced (records[1:3]); got bool {flag}, "
        f"which is no position (it would be read as {int(flag)}); give an int, or filter the records in a list"
    )
    assert agreements[1] == agreements[-len(agreements) + 1]  # ints and slices as before
    assert agreements[1:2].ids() == (agreements[1].id,)


def test_count_and_index_take_an_id() -> None:
    agreements = usnz.agreements()
    twice = agreements + agreements
    at = agreements.index("anzus")
    assert agreements[at].id == "anzus"
    assert agreements.index(usnz.get("anzus")) == at
    assert twice.index("anzus", at + 1) == at + len(agreements)
    assert twice.count("anzus") == 2
    assert twice.count(usnz.get("anzus")) == 2
    assert agreements.count("korean-war") == 0
    with pytest.raises(usnz.ArgumentValueError, match=r"^'korean-war' is the id of none of these records; records"):
        agreements.index("korean-war")
    with pytest.raises(ValueError, match=rf"'anzus' is the id of none of these records from 0 to {at}; records\.ids"):
        agreements.index("anzus", 0, at)
    with pytest.raises(ValueError):
        agreements.index(usnz.get("korean-war"))


# -- 9: hyphenated and spaced compounds alike; the exact compound above its parts ----------------


@pytest.mark.parametrize("query", ["nuclear free", "nuclear-free", "Nuclear-Free"])
def test_nuclear_free_finds_the_ban_and_what_says_nuclear_free_first(query: str) -> None:
    found = usnz.search(query)
    ids = found.ids()
    # they say "nuclear-free"; the ban's doubt quotes the texts' "Nuclear-free policy"
    assert set(ids[:3]) == {"rice-visit-to-new-zealand", "rice-we-have-moved-on", "nz-nuclear-warship-ban"}
    assert ids.index("nz-us-fta") > ids.index("nz-nuclear-warship-ban")  # "free" of "free trade" is no part of it
    assert ids == usnz.search("nuclear free").ids()


def test_anti_nuclear_spaced_or_hyphenated_alike_and_its_main_word_found() -> None:
    hyphenated = usnz.search("anti-nuclear").ids()
    assert usnz.search("anti nuclear").ids() == hyphenated
    assert hyphenated[:2] == ("hill-remarks-on-nuclear-issue", "hill-a-relic")  # "anti-nuclear issue"
    assert "nz-nuclear-warship-ban" in hyphenated
    policy = usnz.search("anti-nuclear policy").ids()
    assert policy == usnz.search("anti nuclear policy").ids()
    assert policy[0] == "bush-and-clark-work-around-nuclear-policy"


def test_pairs_that_are_not_qualified_compounds_stay_two_words() -> None:
    usnz.search("nuclear")  # the index, built
    index = usnz.dataset()._search
    assert index is not None
    assert index.query_words("nz us fta") == ["nz", "us", "fta"]  # "NZ-US": two words that each say something
    assert index.query_words("intelligence sharing") == ["intelligence", "sharing"]
    assert index.query_words("hurricane katrina") == ["hurricane", "katrina"]  # "hurricane-katrina" is an id
    assert index.query_words("k force") == ["k", "force"]  # "k-force" is an id; a letter qualifies nothing
    assert index.query_words("nuclear free zone") == ["nuclearfree", "zone"]
    assert index.head_of("nuclearfree") == "nuclear"
    assert index.head_of("antinuclear") == "nuclear"
    assert index.head_of("partnership") is None  # never written "partner-ship"
    assert index.head_of("kforce") is None
    assert usnz.search("Hurricane Katrina aid")[0].id == "hurricane-katrina"
    assert usnz.search("NZ US FTA")[0].id == "nz-us-fta"


def test_a_compound_of_a_small_index_is_found_and_forgotten_past_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from usnz.querying import search as module

    data = usnz.Dataset(
        [
            SOURCE,
            _event("ban", "New Zealand banned nuclear ships.", "1985"),
            _event("free", "The nuclear-free law was passed.", "1987"),
            _event("trade", "Free trade and nuclear power were discussed.", "1990"),
        ]
    )
    assert data.search("nuclear free").ids() == ("free", "ban", "trade")  # the compound, then its main word
    monkeypatch.setattr(module, "_KEPT", 1)
    index = module.SearchIndex(tuple(data))
    assert index.compound("nuclear", "free")
    assert not index.compound("nuclear", "ships")  # the second pair: the first forgotten
    assert len(index._compounds) == 1


# -- 10: involving= an event names what see_also alone ties to it -------------------------------


def test_involving_an_event_names_the_records_tied_to_it_by_see_also() -> None:
    with pytest.warns(usnz.QueryWarning) as caught:
        assert usnz.events(involving="cyber-storm-2").ids() == ()
    (warning,) = caught
    assert str(warning.message) == (
        "involving='cyber-storm-2' leaves out cyber-storm-iii, cyber-storm-2-results-report, "
        "nz-ccip-statement-on-cyber-storm-2, tied to it only by see_also (which involving= does not follow): "
        "get them by id, usnz.get(id); usnz.get('cyber-storm-2').see_also lists what it links to"
    )
    assert warning.filename == __file__
    with pytest.warns(usnz.QueryWarning, match="leaves out key-biden-talks, key-speech-to-us-nz-council, "):
        found = usnz.timeline(involving="key-visit-to-washington")
    assert found.ids() == ("key-tpp-solid-benefits", "key-tpp-testing")  # unchanged: see_also is not involvement


def test_the_warning_names_only_what_the_other_filters_keep() -> None:
    with pytest.warns(usnz.QueryWarning, match=r"leaves out cyber-storm-iii, tied to it only") as caught:
        usnz.timeline(involving="cyber-storm-2")  # the report and the statement are undated: not on a timeline
    assert len(caught) == 1
    with pytest.warns(usnz.QueryWarning, match=r"leaves out cyber-storm-iii, tied to it only"):
        usnz.events(involving="cyber-storm-2", during="2010", possibly=True)
    with pytest.warns(usnz.QueryWarning, match=r"leaves out cyber-storm-iii, tied to it only"):
        usnz.events(involving="cyber-storm-2", kind=usnz.get("cyber-storm-iii", usnz.Event).kind)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert usnz.events(involving="cyber-storm-2", during=1990).ids() == ()  # none of them then
        assert usnz.events(involving="cyber-storm-2", kind="award").ids() == ()  # none an award
        assert usnz.people(involving="cyber-storm-2").ids() == ()  # no person tied to it at all
        assert usnz.events(involving="john-key")  # a person: nothing to say
    with pytest.warns(
        usnz.QueryWarning, match=r"^involving=\['cyber-storm-2', 'key-visit-to-washington'\] .* tied to them"
    ):
        usnz.timeline(involving=["cyber-storm-2", "key-visit-to-washington"])


def test_a_dataset_missing_a_see_also_target_is_read_as_it_is() -> None:
    first = _event("first", "The first.", "2001")
    second = _event("second", "The second.", "2002")
    import attrs

    linked = attrs.evolve(first, see_also=("second", "gone"))
    data = usnz.Dataset([SOURCE, linked, second])
    with pytest.warns(usnz.QueryWarning, match="involving='first' leaves out second, tied to it only by see_also"):
        assert data.events(involving="first").ids() == ()
    with pytest.warns(usnz.QueryWarning, match="involving='second' leaves out first, tied to it"):
        data.events(involving="second")


# -- 11: analyst questions: a count of people asked of the other field says where the figure is --


def test_a_total_of_personnel_none_states_points_to_total_served() -> None:
    total = usnz.force_contributions(conflict="pacific-war", country="USA").total("personnel")
    assert total.best is None
    assert total.caveat == (
        "no record states personnel (a strength at a time), but us-forces-in-new-zealand-ww2 states total_served "
        "(everyone who served): total('total_served') adds it"
    )
    assert str(usnz.force_contributions(conflict="pacific-war", country="USA").total("total_served")).startswith(
        "at least 400,000 personnel"
    )
    vietnam = usnz.force_contributions(conflict="vietnam-war", country="NZL").total("total_served")
    assert vietnam.caveat is not None
    assert vietnam.caveat.endswith("and 2 more state personnel (a strength at a time): total('personnel') adds them")
    assert usnz.Records([]).total("personnel").caveat is None
    assert usnz.force_contributions(conflict="pacific-war").total("killed").caveat is None  # no count of people
    assert usnz.figures(involving="friends-of-new-zealand-caucus").total("quantity").caveat is None


@pytest.mark.parametrize("decade", ["1960s", "1970's"])
def test_a_decade_written_in_words_says_how_edtf_writes_it(decade: str) -> None:
    with pytest.raises(
        usnz.ArgumentValueError, match=r"a decade is written with X as its last digit: 196X for the 1960s"
    ):
        usnz.timeline(during=decade)
    with pytest.warns(usnz.QueryWarning, match="may be in during=.196X."):
        assert usnz.timeline(during="196X")  # as it says


def test_verify_s_folder_messages_hold_without_the_texts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same paths as above on files of our own, so a clone with no ../shared covers them too."""
    from usnz.faces import verify as module

    given = tmp_path / "notes.txt"
    given.write_text("not a folder", encoding="utf-8")
    with pytest.raises(usnz.ArgumentValueError, match=r"is not a folder: it is a file; give the folder that holds it"):
        usnz.verify(sources=given)
    seeds, crosswalk = tmp_path / "seeds", tmp_path / "crosswalk"
    seeds.mkdir()
    crosswalk.mkdir()
    (crosswalk / "cow_atop.json").write_bytes(b"[1]")
    digest = hashlib.sha256(b"[1]").hexdigest()
    assert module._nearby([seeds], "cow_atop.json", digest) == crosswalk.resolve() / "cow_atop.json"
    assert module._nearby([seeds], "cow_atop.json", "0" * 64) is None  # the name, not the text
    assert not module._readable(tmp_path / "nothing")
    _refuse_listing(monkeypatch, tmp_path)
    assert module._nearby([seeds], "cow_atop.json", digest) is None
