"""Answers right on the first call: unknown ends, date bases, offices, analyst fields, totals, disputes, search."""

from __future__ import annotations

import datetime as dt
import warnings
from typing import Any

import attrs
import pytest

import usnz
from usnz.cli import main

CITE = (usnz.Citation(source="s", paragraph=1),)


def _force(id: str, **fields: Any) -> usnz.ForceContribution:  # noqa: A002 - mirrors the field
    return usnz.ForceContribution(id=id, conflict="c", country="NZL", summary="Sent.", citations=CITE, **fields)


def _people(n: int, unit: str = "personnel", **bounds: Any) -> usnz.Quantity:
    return usnz.Quantity(unit=unit, best=n, **bounds)


# -- unknown is not ongoing ----------------------------------------------------------------


def test_the_readme_example_holds_no_vietnam_era_unit() -> None:
    in_2008 = usnz.timeline(during="2008")
    assert "nz-bamyan-prt" in in_2008.ids()
    vietnam = set(usnz.force_contributions(conflict="vietnam-war").ids())
    assert not vietnam & set(in_2008.ids())
    assert "161-battery-vietnam" in usnz.timeline(during="2008", possibly=True).ids()
    assert "nz-vietnam-economic-assistance" not in usnz.assistance(during="2005").ids()
    assert "nz-vietnam-economic-assistance" in usnz.assistance(during="2005", possibly=True).ids()


def test_the_cli_reads_during_as_the_library_does(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--during", "2008", "--format", "csv"]) == 0
    known = capsys.readouterr().out
    assert "nz-bamyan-prt" in known
    assert "161-battery-vietnam" not in known
    assert main(["timeline", "--during", "2008", "--possibly", "--format", "csv"]) == 0
    assert "161-battery-vietnam" in capsys.readouterr().out
    assert main(["list", "force-contributions", "--during", "2008", "--possibly", "--format", "csv"]) == 0
    assert "161-battery-vietnam" in capsys.readouterr().out


def test_possibly_needs_during(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--possibly"]) == 2
    assert "give --during too" in capsys.readouterr().err


def test_every_open_end_in_the_data_is_said_to_be_ongoing() -> None:
    """Open (`..`) is kept for what a text says still goes on: the Bamyan team, and the war ¶6 calls current."""
    open_ended = [r.id for r in usnz.dataset() if isinstance(r.when, usnz.Period) and r.when.end is usnz.OPEN]
    assert sorted(open_ended) == ["nz-bamyan-prt", "war-in-afghanistan"]
    roles = [p.id for p in usnz.people() for role in p.roles if role.period and role.period.end is usnz.OPEN]
    assert roles == []


def test_an_open_end_runs_to_the_date_of_the_source_that_says_so() -> None:
    encyclopedia = usnz.get("encyclopedia-nz-us-relations")
    assert isinstance(encyclopedia, usnz.Source)
    assert str(encyclopedia.as_of) == "2010-11-04"
    assert "nz-bamyan-prt" in usnz.force_contributions(during="2010-11-04").ids()
    with pytest.warns(usnz.QueryWarning, match=r"may be in during='2010-11-05/2010-12'; possibly=True includes them"):
        assert "nz-bamyan-prt" not in usnz.force_contributions(during="2010-11-05/2010-12").ids()
    assert "nz-bamyan-prt" in usnz.force_contributions(during="2010-11-05/2010-12", possibly=True).ids()


def test_an_open_end_with_no_dated_source_stops_at_its_start() -> None:
    source = usnz.Source(
        id="s", title="T", publisher="P", kind="news-article", sha256="0" * 64, paragraphs=3, filename="t.txt"
    )
    force = _force("f", period=usnz.Period.parse("2003/.."), date_basis="stated")
    data = usnz.Dataset([source, force])
    assert data.force_contributions(during=2003).ids() == ("f",)
    assert data.force_contributions(during="2003/2004").ids() == ("f",)
    # 2004 lies past all the data is known to cover: warned alike with possibly=True or not.
    with pytest.warns(usnz.CoverageWarning, match=r"during=2004 lies outside .* nothing can match \(possibly=True"):
        assert data.force_contributions(during=2004) == ()
    with pytest.warns(usnz.CoverageWarning, match="no record is known to be in it; possibly=True gives only those"):
        assert data.force_contributions(during=2004, possibly=True).ids() == ("f",)


QUERIES_WITH_DURING = [
    "agreements",
    "conflicts",
    "force_contributions",
    "assistance",
    "events",
    "people",
    "organizations",
    "quotes",
    "figures",
    "timeline",
]


@pytest.mark.parametrize("query", QUERIES_WITH_DURING)
@pytest.mark.parametrize("during", [1700, "2020/2030", 9999])
def test_every_query_warns_alike_outside_the_known_span(query: str, during: object) -> None:
    """Outside what the data is known to cover, each query warns, possibly or not; possibly=True still answers."""
    ask = getattr(usnz.dataset(), query)
    with pytest.warns(usnz.CoverageWarning, match="nothing can match") as strict:
        assert ask(during=during) == ()
    with pytest.warns(usnz.CoverageWarning, match="no record is known to be in it") as lenient:
        maybe = ask(during=during, possibly=True)
    assert len(strict) == len(lenient) == 1
    for record in maybe:  # only what an unknown or open end may carry so far
        periods = [role.period for role in record.roles] if isinstance(record, usnz.Person) else [record.when]
        if isinstance(record, usnz.ForceContribution) and record.when is None:  # undated: its conflict's dates
            periods = [usnz.get(record.conflict, usnz.Conflict).period]
        if isinstance(record, usnz.Agreement | usnz.Organization):  # signed or founded: no end stated
            periods = [usnz.Period(start=record.when, end=None)]
        assert any(
            isinstance(p, usnz.Period)
            and not (isinstance(p.start, usnz.PartialDate) and isinstance(p.end, usnz.PartialDate))
            for p in periods
        ), record.id


def test_possibly_outside_the_known_span_finds_only_unknown_ends() -> None:
    with pytest.warns(usnz.CoverageWarning):
        assert usnz.people(office="consul", during=2020, possibly=True).ids() == ("james-reddy-clendon",)
    with pytest.warns(usnz.CoverageWarning):
        late = usnz.timeline(during=2020, possibly=True)
    assert "161-battery-vietnam" in late.ids()  # "1965-07/": the end unknown
    assert all(
        (isinstance(r.when, usnz.Period) and not isinstance(r.when.end, usnz.PartialDate))
        or isinstance(r, usnz.Agreement | usnz.Organization)  # signed or founded: no end stated
        for r in late
    )


def test_outside_where_not_even_an_unknown_end_reaches_nothing_can_match() -> None:
    data = usnz.Dataset([_force("f", period=usnz.Period.parse("1950/1951"), date_basis="stated")])
    for possibly in (False, True):
        with pytest.warns(usnz.CoverageWarning, match=r"\(1950-01-01/1951-12-31\); nothing can match$"):
            assert data.force_contributions(during=2000, possibly=possibly) == ()
        with pytest.warns(usnz.CoverageWarning, match=r"\(1950-01-01/1951-12-31\); nothing can match$"):
            assert data.people(during=2000, possibly=possibly) == ()
    empty = usnz.Dataset([])
    assert empty.span is None  # no dated record: no span to be outside of
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert empty.timeline(during=1700, possibly=True) == ()
        assert empty.people(during=1700) == ()


# -- date_basis -------------------------------------------------------------------------------


def test_every_dated_record_says_how_its_date_was_found() -> None:
    for record in usnz.dataset():
        if record.when is not None:
            assert record.date_basis in {"stated", "inferred", "external"}, record.id
    assert usnz.get("nuclear-security-summit").date_basis == "external"
    assert usnz.get("anzus").date_basis == "stated"
    assert usnz.get("obama-inauguration").date_basis == "inferred"


def test_basis_filters_every_dated_query() -> None:
    stated = usnz.timeline(basis="stated")
    assert stated
    assert all(r.date_basis == "stated" for r in stated)
    both = usnz.timeline(basis=("inferred", "external"))
    assert {r.date_basis for r in both} == {"inferred", "external"}
    assert len(stated) + len(both) == len(usnz.timeline())
    assert all(q.date_basis == "external" for q in usnz.quotes(basis="external"))
    assert usnz.events(during=2010, basis="stated", possibly=True).ids() == tuple(
        e.id for e in usnz.events(during=2010, possibly=True) if e.date_basis == "stated"
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"date": usnz.PartialDate(year=2001)}, "date_basis is required on a record with a date"),
        ({"date_basis": "stated"}, "the record has no date"),
        ({"date": usnz.PartialDate(year=2001), "date_basis": "guessed"}, "date_basis must be one of"),
    ],
)
def test_date_basis_is_checked(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        usnz.Event(id="e", kind="visit", title="T", summary="S.", citations=CITE, **fields)


# -- offices, destinations, combat --------------------------------------------------------------


def test_offices() -> None:
    assert usnz.people(office="secretary-of-state").ids() == ("condoleezza-rice", "hillary-clinton")
    assert usnz.people(office="secretary-of-state", country="NZL") == ()
    assert "stephen-harper" in usnz.people(office="prime-minister").ids()
    assert "stephen-harper" not in usnz.people(office="prime-minister", country="NZL").ids()
    assert "ron-kirk" not in usnz.people(office="trade-representative").ids()  # a nominee
    assert set(usnz.people(office=["president", "vice-president"]).ids()) >= {"barack-obama", "joe-biden"}
    for person in usnz.people():
        for role in person.roles:
            assert role.office is None or role.office in usnz.OFFICES
    with pytest.raises(usnz.ArgumentValueError, match="did you mean 'prime-minister'"):
        usnz.people(office="prime minister")
    with pytest.raises(ValueError, match=r"office must be one of usnz\.OFFICES"):
        usnz.Role(title="Chancellor", office="chancellor")


def test_visits_have_destinations() -> None:
    visits = usnz.events(kind="visit")
    assert all(v.destination is not None for v in visits)
    assert usnz.events(kind="visit", destination="NZL").ids() == (
        "rice-visit-to-new-zealand",
        "clinton-visit-to-new-zealand",
    )
    assert "key-visit-to-ottawa" in usnz.events(destination=["CAN", "USA"]).ids()
    with pytest.raises(ValueError, match="destination is for visits only"):
        usnz.Event(id="e", kind="meeting", title="T", summary="S.", destination="NZL", citations=CITE)


def test_combat() -> None:
    with pytest.warns(usnz.QueryWarning, match=r"combat=True leaves out 7 force contributions whose role") as said:
        fought = usnz.force_contributions(country="NZL", combat=True)
    assert "nz-engineers-vietnam" in str(said[0].message)
    with pytest.warns(usnz.QueryWarning, match=r"combat=False leaves out \d+ force contributions"):
        support = usnz.force_contributions(country="NZL", combat=False)
    assert "161-battery-vietnam" in fought.ids()
    assert {"nz-gulf-war-1991", "nz-transport-aircraft-afghanistan"} <= set(support.ids())
    assert not set(fought.ids()) & set(support.ids())
    unstated = [f.id for f in usnz.force_contributions(country="NZL") if f.combat is None]
    # The texts say nothing of these units' work: their role is not read as support only.
    assert {"nz-bamyan-prt", "nz-engineers-vietnam"} <= set(unstated)
    assert len(fought) + len(support) + len(unstated) == len(usnz.force_contributions(country="NZL"))
    gulf = usnz.get("nz-gulf-war-fought-claim")
    assert isinstance(gulf, usnz.ForceContribution)
    assert gulf.combat is True
    assert "nz-gulf-war-1991" in gulf.disputes


def test_the_herbicide_plant_is_not_a_force() -> None:
    assert isinstance(usnz.get("nz-agent-orange-supply"), usnz.Event)
    assert "nz-agent-orange-supply" not in usnz.force_contributions().ids()


def test_cli_takes_the_analyst_filters(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "people", "--office", "secretary-of-state", "--format", "csv"]) == 0
    assert capsys.readouterr().out.count("\n") == 3
    assert main(["list", "events", "--kind", "visit", "--destination", "NZL", "--format", "csv"]) == 0
    assert "clinton-visit-to-new-zealand" in capsys.readouterr().out
    assert main(["list", "force-contributions", "--combat", "false", "--format", "csv"]) == 0
    assert "nz-gulf-war-1991" in capsys.readouterr().out
    assert main(["timeline", "--during", "2010", "--basis", "stated,inferred", "--format", "csv"]) == 0
    assert "key-visit-to-washington" not in capsys.readouterr().out
    assert main(["search", "Savage", "--kind", "person", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("michael-joseph-savage,")
    assert main(["list", "people", "--combat", "true"]) == 2
    assert "does not take --combat" in capsys.readouterr().err


# -- filters take many --------------------------------------------------------------------------


def test_filters_take_records_and_iterables() -> None:
    rice = usnz.get("condoleezza-rice")
    assert usnz.quotes(speaker=rice) == usnz.quotes(speaker="condoleezza-rice")
    both = usnz.quotes(speaker=["condoleezza-rice", usnz.get("john-key")])
    assert {q.speaker for q in both} == {"condoleezza-rice", "john-key"}
    assert usnz.quotes(speaker=[]) == ()
    secretaries = usnz.quotes(speaker=usnz.people(office="secretary-of-state"))
    assert secretaries
    assert all(q.speaker in {"condoleezza-rice", "hillary-clinton"} for q in secretaries)
    wars = usnz.force_contributions(conflict=usnz.conflicts(during="1939/1945"))
    assert {f.conflict for f in wars} == {"pacific-war", "second-world-war"}  # the world war dated from COW
    assert usnz.events(country={"NZL", "CAN"}, kind="visit").ids() == usnz.events(kind="visit").ids()
    assert usnz.citing(source=usnz.get("nzpa-key-leaves-us"), paragraph=2)
    with pytest.raises(usnz.ArgumentValueError, match="takes one source id"):
        usnz.citing(source=usnz.sources())
    with pytest.raises(usnz.ArgumentTypeError, match="not bytes"):
        usnz.events(country=b"NZL")  # type: ignore[arg-type]


def test_involving_takes_any_record() -> None:
    assert "nz-responds-to-un-call-korea" in usnz.events(involving="korean-war").ids()
    assert "k-force-korea" in usnz.force_contributions(involving="korean-war").ids()
    assert "wellington-declaration-signing" in usnz.events(involving="wellington-declaration").ids()
    assert usnz.timeline(involving=["korean-war", "NZL"])
    with pytest.raises(usnz.UnknownRecordError, match="did you mean 'korean-war'"):
        usnz.events(involving="koren-war")


# -- disputes --------------------------------------------------------------------------------


def test_disputes_are_listed_in_groups() -> None:
    groups = usnz.disputes()
    assert all(isinstance(g, usnz.Records) and len(g) >= 2 for g in groups)
    linked = {r.id for r in usnz.dataset() if getattr(r, "disputes", ())}
    assert {r.id for g in groups for r in g} == linked
    for group in groups:
        ids = set(group.ids())
        assert all(set(r.disputes) <= ids for r in group)
    assert usnz.dataset().disputes() == groups


# -- totals ---------------------------------------------------------------------------------


def test_korea_total_served() -> None:
    total = usnz.force_contributions(conflict="korean-war", country="NZL").total("total_served")
    assert (total.low, total.best, total.high, total.unit) == (5094, None, None, "personnel")
    assert total.counted == ("k-force-korea", "rnzn-korea")
    assert total.unknown == ("nz-korea-liaison-officer",)
    kforce = usnz.force_contributions(conflict="korean-war", country="NZL", involving="k-force")
    assert kforce.total("total_served") == usnz.Total(
        best=3794, low=3794, high=3794, unit="personnel", counted=("k-force-korea",), unknown=()
    )


def test_a_total_never_turns_unknown_into_zero() -> None:
    vietnam = usnz.force_contributions(conflict="vietnam-war", country="NZL").total("personnel")
    assert vietnam.best is None
    assert vietnam.high is None
    assert "161-battery-vietnam" in vietnam.unknown
    assert "161-battery-vietnam" in str(vietnam)


def test_disputing_records_count_once() -> None:
    afghanistan = usnz.force_contributions(conflict="war-in-afghanistan", country="NZL", involving="nzsas")
    total = afghanistan.total("personnel")
    # "Fifty" and "three rotations of 40 to 65" dispute each other: one claim, 40 to 65.
    assert (total.low, total.best) == (40, None)
    assert {"nzsas-afghanistan-fifty", "nzsas-afghanistan-rotations"} <= set(total.counted)


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        ([], (None, None, None, None, (), ())),  # no record counted: unknown, never 0
        (
            [_force("a", personnel=_people(3)), _force("b", personnel=_people(4))],
            (7, 7, 7, "personnel", ("a", "b"), ()),
        ),
        ([_force("a", personnel=_people(3)), _force("b")], (None, 3, None, "personnel", ("a",), ("b",))),
        ([_force("b")], (None, None, None, None, (), ("b",))),
        (
            [_force("a", personnel=usnz.Quantity(unit="personnel", low=400000))],
            (None, 400000, None, "personnel", ("a",), ()),
        ),
        (
            [_force("a", personnel=usnz.Quantity(unit="personnel", best=25, approximate=True))],
            (25, None, None, "personnel", ("a",), ()),
        ),
        (
            [
                _force("a", personnel=_people(50), disputes=("b",)),
                _force("b", personnel=usnz.Quantity(unit="personnel", low=40, high=65), disputes=("a",)),
                _force("c", personnel=_people(10)),
            ],
            (None, 50, 75, "personnel", ("a", "b", "c"), ()),
        ),
        (
            [
                _force("a", personnel=_people(50), disputes=("b",)),
                _force("b", personnel=_people(50), disputes=("a",)),
            ],
            (50, 50, 50, "personnel", ("a", "b"), ()),
        ),
        (
            [_force("a", disputes=("b",)), _force("b", disputes=("a",))],
            (None, None, None, None, (), ("a", "b")),
        ),
    ],
)
def test_total_cases(records: list[usnz.ForceContribution], expected: tuple[Any, ...]) -> None:
    total = usnz.Records(records).total("personnel")
    assert (total.best, total.low, total.high, total.unit, total.counted, total.unknown) == expected
    assert str(total)


def test_total_strings() -> None:
    assert str(usnz.Records([]).total("personnel")) == "nothing stated (0 records counted)"
    exact = usnz.Records([_force("a", personnel=_people(1044))]).total("personnel")
    assert str(exact) == "1,044 personnel (1 record counted)"
    ranged = usnz.Records([_force("a", personnel=usnz.Quantity(unit="personnel", low=40, high=65))])
    assert str(ranged.total("personnel")) == "40-65 personnel (1 record counted)"
    about = usnz.Records([_force("a", personnel=usnz.Quantity(unit="personnel", best=25, approximate=True))])
    assert str(about.total("personnel")) == "about 25 personnel (1 record counted)"
    bounded = usnz.Records([_force("a", personnel=usnz.Quantity(unit="personnel", high=9))])
    assert str(bounded.total("personnel")) == "an unknown number of personnel (1 record counted)"
    nothing = usnz.Records([_force("a")]).total("personnel")
    assert str(nothing) == "nothing stated (0 records counted; not stated: a)"


def test_total_refuses_what_it_cannot_add() -> None:
    mixed = usnz.Records([_force("a", ships=_people(2, "frigates")), _force("b", ships=_people(3, "ships"))])
    with pytest.raises(usnz.ArgumentValueError, match="different units: 'frigates' \\(a\\), 'ships' \\(b\\)"):
        mixed.total("ships")
    with pytest.raises(usnz.ArgumentValueError, match="no quantity field of that name; accepted: aircraft"):
        mixed.total("unit")
    with pytest.raises(usnz.ArgumentTypeError, match="takes a field name as a str"):
        mixed.total(3)  # type: ignore[arg-type]
    with pytest.raises(usnz.ArgumentValueError, match="of that name; did you mean 'killed'\\? accepted: aircraft"):
        mixed.total("kiled")
    with pytest.raises(TypeError, match="must be a tuple of record ids"):
        usnz.Total(best=None, low=None, high=None, unit=None, counted=["a"])  # type: ignore[arg-type]


def test_total_is_frozen() -> None:
    total = usnz.Records([]).total("personnel")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        total.best = 3  # type: ignore[misc]


# -- search ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "first"),
    [
        ("anzsu", None, "anzus"),
        ("Savage", None, "michael-joseph-savage"),
        ("Savage", "person", "michael-joseph-savage"),
        ("Savage", "quote", "savage-where-she-goes-we-go"),
        ("Condoleeza", None, "condoleezza-rice"),  # a letter missing from a long word
        ("Wellingon Declaration", None, "wellington-declaration"),
        ("ANZUS treaty", None, "anzus"),
        ("treaties", "agreements", "anzus"),  # "treaty" in another form; the alliance ranks first
        ("Treaty of Waitangi", "agreements", "treaty-of-waitangi"),
        ("K-FORCE", "force-contributions", "k-force-korea"),
    ],
)
def test_search_finds_what_you_mean(text: str, kind: str | None, first: str) -> None:
    assert usnz.search(text, kind=kind)[0].id == first


def test_search_forms_and_kinds() -> None:
    assert "us-suspends-anzus-obligations-to-nz" in usnz.search("suspension").ids()
    assert usnz.search("suspended") == usnz.search("suspended")
    people = usnz.search("clark", kind="person")
    assert people[0].id == "helen-clark"
    assert {r.record_kind for r in people} == {"person"}
    several = usnz.search("clark", kind=["person", "event"])
    assert {r.record_kind for r in several} == {"person", "event"}
    with pytest.warns(usnz.SearchWarning, match="no record holds 'xxx'"):  # a word no record holds: left out, said
        assert usnz.search("x" * 3 + " anzus")[0].id == "anzus"
    assert usnz.search("new " * 5000)[0].id  # repeated words are looked up once
    with pytest.raises(usnz.ArgumentValueError, match="did you mean 'person'"):
        usnz.search("clark", kind="persn")


def test_known_extent_is_within_the_dataset_span() -> None:
    first, last = usnz.dataset().span  # type: ignore[misc]
    assert first <= dt.date(1838, 1, 1)
    assert last >= dt.date(2010, 11, 4)


@pytest.mark.parametrize(
    ("a", "b", "limit", "expected"),
    [("anzsu", "anzus", 1, 1), ("anzus", "anzus", 1, 0), ("abcdef", "uvwxyz", 1, 2), ("wellingon", "wellington", 2, 1)],
)
def test_edit_distance(a: str, b: str, limit: int, expected: int) -> None:
    from usnz.querying.search import _edits

    assert _edits(a, b, limit) == expected


def test_a_citation_is_not_involvement() -> None:
    with pytest.warns(usnz.QueryWarning, match="is a source"):
        assert usnz.events(involving="encyclopedia-nz-us-relations") == ()
    with pytest.warns(usnz.QueryWarning, match="is a source"):
        assert usnz.timeline(involving="nzpa-key-leaves-us") == ()


def test_citing_is_indexed() -> None:
    whole = usnz.citing(source="nzpa-key-leaves-us")
    by_paragraph = {r.id for n in range(1, 18) for r in usnz.citing(source="nzpa-key-leaves-us", paragraph=n)}
    assert set(whole.ids()) == by_paragraph
    assert usnz.citing(source="nzpa-key-leaves-us", paragraph=17).ids() == ("nzme",)
    assert usnz.citing(source="nzpa-key-leaves-us") is usnz.citing(source="nzpa-key-leaves-us")


def test_combat_names_what_it_leaves_out_within_the_other_filters() -> None:
    """Only contributions the other filters keep are named; none unstated, no warning."""
    with pytest.warns(usnz.QueryWarning) as said:
        usnz.force_contributions(conflict="war-in-afghanistan", combat=False, during=2005)
    messages = [str(w.message) for w in said]
    assert any(m.startswith("combat=False leaves out 1 force contribution whose role") for m in messages)
    assert any("nz-bamyan-prt" in m for m in messages if m.startswith("combat="))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert usnz.force_contributions(conflict="gulf-war", combat=False).ids() == ("nz-gulf-war-1991",)
