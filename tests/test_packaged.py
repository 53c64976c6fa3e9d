"""The packaged dataset: the facts and behaviours users and the contract rely on."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

import usnz

CONTRACT_IDS = [
    "anzus",
    "wellington-declaration",
    "ukusa-agreement",
    "korean-war",
    "vietnam-war",
    "war-in-afghanistan",
    "gulf-war",
    "second-world-war",
    "john-key",
    "helen-clark",
    "condoleezza-rice",
    "hillary-clinton",
    "us-nz-council",
]


@pytest.mark.parametrize("record_id", CONTRACT_IDS)
def test_contract_ids_exist(record_id: str) -> None:
    assert usnz.get(record_id).id == record_id


def test_anzus() -> None:
    anzus = usnz.get("anzus")
    assert isinstance(anzus, usnz.Agreement)
    assert anzus.signed == usnz.PartialDate(year=1951)
    assert set(anzus.parties) == {"AUS", "NZL", "USA"}
    assert "1951" in str(anzus)
    first = anzus.citations[0]
    assert (first.source, first.paragraph, first.note) == ("encyclopedia-nz-us-relations", 6, "joined in 1951")
    assert first.quote is not None
    assert "1951" in first.quote


def test_korean_war_contributions() -> None:
    korea = usnz.force_contributions(conflict="korean-war", country="NZL")
    by_id = {f.id: f for f in korea}
    kforce, navy = by_id["k-force-korea"], by_id["rnzn-korea"]
    assert kforce.unit == "K-FORCE"
    assert kforce.personnel == usnz.Quantity(unit="personnel", best=1044)
    assert kforce.total_served == usnz.Quantity(unit="personnel", best=3794)
    assert kforce.killed == usnz.Quantity(unit="personnel", best=33)
    assert kforce.wounded == usnz.Quantity(unit="personnel", best=79)
    assert kforce.captured == usnz.Quantity(unit="personnel", best=1)
    assert navy.ships == usnz.Quantity(unit="ships", low=6)  # six frigates and "several smaller craft"
    assert navy.total_served == usnz.Quantity(unit="personnel", best=1300)
    assert all(isinstance(f, usnz.ForceContribution) and f.conflict == "korean-war" for f in korea)


@pytest.mark.filterwarnings("ignore:.*possibly=True includes:usnz.QueryWarning")  # named in test_unknown_ends
def test_timeline_1965_is_in_date_order() -> None:
    records = usnz.timeline(during="1965")
    assert records
    # Ordered by the first known day (196X, then 7 February 1965, COW's start of the Vietnam War, then 27 May
    # 1965...); an unknown start (/1965-07) is placed by its end.
    assert records.ids()[:4] == (
        "new-plymouth-2-4-5-t-production",
        "nz-agent-orange-supply",
        "vietnam-war",
        "holyoake-announces-161-battery-deployment",
    )
    assert all(r.when.earliest <= dt.date(1965, 12, 31) for r in records)
    assert all(r.when.latest >= dt.date(1965, 1, 1) for r in records)
    assert "nz-engineers-vietnam" in records.ids()  # /1965-07: known for July 1965


def test_unknown_id_suggests() -> None:
    with pytest.raises(usnz.UnknownRecordError) as caught:
        usnz.get("anzsu")
    assert isinstance(caught.value, KeyError)
    assert "anzus" in caught.value.suggestions
    assert "did you mean 'anzus'" in str(caught.value)


def test_unknown_id_by_name_suggests_the_slug() -> None:
    with pytest.raises(usnz.UnknownRecordError) as caught:
        usnz.get("Helen Clark")
    assert caught.value.suggestions[0] == "helen-clark"


def test_nothing_like_it_points_to_search() -> None:
    with pytest.raises(usnz.UnknownRecordError, match=r"try usnz\.search\('zzzzzzzzzzzz'\) to find ids by name"):
        usnz.get("zzzzzzzzzzzz")


def test_bad_during_names_the_argument_and_the_forms() -> None:
    with pytest.raises(usnz.Error) as caught:
        usnz.events(during="19x5")
    assert isinstance(caught.value, ValueError)
    message = str(caught.value)
    assert "during='19x5'" in message
    assert "1965-05-27" in message
    assert "196X" in message


@pytest.mark.parametrize(
    ("call", "error", "fragment"),
    [
        (lambda: usnz.force_contributions(conflict="koren-war"), usnz.UnknownRecordError, "did you mean 'korean-war'"),
        (
            lambda: usnz.force_contributions(conflict="anzus"),
            usnz.UnknownRecordError,
            "conflict='anzus' is an agreement, not a conflict; conflict= takes conflict ids",
        ),
        (
            lambda: usnz.force_contributions(conflict=151),
            usnz.ArgumentTypeError,
            "conflict= takes a record id as a str",
        ),
        (lambda: usnz.events(conflict="  "), usnz.ArgumentValueError, "got an empty string"),
        (lambda: usnz.events(country="NZ"), usnz.UnknownRecordError, "did you mean 'NZL'"),
        (lambda: usnz.events(country="new zealand"), usnz.UnknownRecordError, "did you mean 'NZL'"),
        (lambda: usnz.events(country=554), usnz.ArgumentTypeError, "country= takes an ISO 3166-1 alpha-3"),
        (lambda: usnz.events(country=""), usnz.ArgumentValueError, "got an empty string"),
        (
            lambda: usnz.events(kind="vist"),
            usnz.ArgumentValueError,
            "kind='vist' is not accepted; did you mean 'visit'?",
        ),
        (lambda: usnz.events(kind=3), usnz.ArgumentTypeError, "kind= takes a str"),
        (lambda: usnz.events(involving="koren-war"), usnz.UnknownRecordError, "did you mean 'korean-war'"),
        (lambda: usnz.events(involving="condoleeza-rice"), usnz.UnknownRecordError, "did you mean 'condoleezza-rice'"),
        (lambda: usnz.quotes(speaker="us-nz-council"), usnz.UnknownRecordError, "is an organization, not a person"),
        (lambda: usnz.events(during=1965.0), usnz.ArgumentTypeError, "during= takes a year"),
        (lambda: usnz.events(during=True), usnz.ArgumentTypeError, "during= takes a year"),
        (lambda: usnz.events(during=0), usnz.ArgumentValueError, "not a year from 1 to 9999"),
        (lambda: usnz.events(during="1965/1960"), usnz.ArgumentValueError, "cannot end"),
        (lambda: usnz.events(during="2001-02-30"), usnz.ArgumentValueError, "not a real date"),
        (lambda: usnz.get(5), usnz.ArgumentTypeError, "get() takes a record id as a str"),
        (lambda: usnz.search(None), usnz.ArgumentTypeError, "search() takes text as a str"),
        (lambda: usnz.dataset().records("wars"), usnz.ArgumentValueError, "accepted: sources, agreements"),
    ],
)
def test_bad_arguments(call: object, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as caught:
        call()  # type: ignore[operator]
    assert fragment in str(caught.value)
    assert isinstance(caught.value, usnz.Error)


def test_misspelt_keyword_is_a_type_error_naming_the_filter_meant() -> None:
    with pytest.raises(TypeError, match=r"events\(\) takes no filter 'durin'; .*did you mean during=\?") as caught:
        usnz.events(durin="1965")  # type: ignore[call-arg]
    assert isinstance(caught.value, usnz.ArgumentTypeError)


@pytest.mark.filterwarnings("ignore:.*possibly=True includes:usnz.QueryWarning")  # a planned date in the window
def test_during_accepts_every_documented_form() -> None:
    by_text = usnz.events(during="2008-07")
    assert usnz.events(during=usnz.PartialDate(year=2008, month=7)) == by_text
    assert usnz.events(during=usnz.Period.parse("2008-07/2008-07")) == by_text
    assert set(by_text) <= set(usnz.events(during=2008))
    assert set(usnz.events(during=2008)) <= set(usnz.events(during="200X"))
    with pytest.raises(usnz.ArgumentValueError, match="try during='2008-07'"):
        usnz.events(during=" 2008-07 ")  # read as given


def test_coverage_warning_outside_the_span() -> None:
    first, last = usnz.dataset().span  # type: ignore[misc]
    assert first.year <= 1838
    assert last.year >= 2010
    with pytest.warns(usnz.CoverageWarning, match=r"outside the span the data covers \(1838"):
        assert usnz.events(during="1700/1750") == ()
    with pytest.warns(usnz.CoverageWarning):
        assert usnz.timeline(during=2100) == ()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        usnz.events(during=1965)


def test_search() -> None:
    assert usnz.search("ANZUS treaty")[0].id == "anzus"
    assert usnz.search("   ") == ()
    with pytest.warns(usnz.SearchWarning, match="no record holds 'script'"):
        assert usnz.search("<script>") == ()
    results = usnz.search("helen clark")
    assert results[0].id == "helen-clark"
    assert len(results) > 1


def test_involving_and_country_filters() -> None:
    rice = usnz.events(involving="condoleezza-rice")
    assert rice
    assert all("condoleezza-rice" in e.participants for e in rice)
    assert all("NZL" in e.countries for e in usnz.events(country="nzl"))
    assert usnz.agreements(country="AUS", kind="treaty").ids() == ("anzus",)
    assert usnz.timeline(involving="helen-clark")
    assert all("USA" in r.country_codes() for r in usnz.timeline(country="USA"))


def test_every_query_returns_records_of_its_kind() -> None:
    data = usnz.dataset()
    for name, cls in usnz.KINDS.items():
        records = getattr(usnz, name)()
        assert isinstance(records, usnz.Records)
        assert records == data.records(name)
        assert all(type(r) is cls for r in records)
        assert records, f"no {name}"


def test_kind_filters() -> None:
    assert all(o.kind == "council" for o in usnz.organizations(kind="council"))
    assert "us-nz-council" in usnz.organizations(kind="council", country="USA").ids()
    assert usnz.people(country="NZL")
    assert usnz.conflicts(during="1939/1945").ids() == ("second-world-war", "pacific-war")
    assert usnz.assistance(country="USA")
    assert usnz.figures()
    assert usnz.sources().ids() == ("nzpa-key-leaves-us", "cow-atop-crosswalk", "encyclopedia-nz-us-relations")


def test_records_to_json_round_trips() -> None:
    import json

    records = usnz.force_contributions(conflict="korean-war")
    data = json.loads(records.to_json())
    assert [usnz.converter.structure(d, usnz.ForceContribution) for d in data] == list(records)
    assert repr(records).startswith("Records([<force-contribution ")


def test_version_attributes() -> None:
    assert usnz.__version__.count(".") == 2
    assert usnz.DATA_VERSION
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = usnz.nope  # type: ignore[attr-defined]


def test_public_names_are_importable() -> None:
    for name in usnz.__all__:
        assert getattr(usnz, name) is not None


def test_citing_finds_every_record_citing_a_paragraph() -> None:
    source = "encyclopedia-nz-us-relations"
    cited = usnz.citing(source=source, paragraph=14)
    assert {"k-force-korea", "rnzn-korea"} <= set(cited.ids())
    expected = {
        r.id
        for r in usnz.dataset()
        if any(c.source == source and c.paragraph == 14 for c in getattr(r, "citations", ()))
    }
    assert set(cited.ids()) == expected
    whole = usnz.citing(source="nzpa-key-leaves-us")
    assert set(whole.ids()) == {
        r.id for r in usnz.dataset() if any(c.source == "nzpa-key-leaves-us" for c in getattr(r, "citations", ()))
    }
    assert "john-key" in whole.ids()
    assert usnz.dataset().citing(source=source, paragraph=14) == cited


def test_every_packaged_citation_has_a_quote() -> None:
    missing = [r.id for r in usnz.dataset() if isinstance(r, usnz.Record) for c in r.citations if not c.quote]
    assert missing == []
