"""Review 8 of the data: one date field at a time, counts in whole numbers, Holyoake in 1965, read combat, nuclear names.

Each test asserts the behaviour a user meets: what is refused (and how it is said, with its
path in a user's files), what a query now finds, and what the faces mark.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest

import usnz
from user_data import a_source
from usnz.faces import marks
from usnz.faces.columns import shown
from usnz.faces.text import show_text
from usnz.model.amounts import MEASURES, is_change, is_measure

CITE = (usnz.Citation(source="encyclopedia-nz-us-relations", paragraph=17),)
MY_CITE = [{"source": "my-notes", "paragraph": 1}]
ONE_WHEN = "give date or period, not both"


# -- 1. a date or a period, not both ---------------------------------------------------------------


@pytest.mark.parametrize("cls", [usnz.Event, usnz.Assistance])
def test_a_record_with_a_date_and_a_period_is_refused(cls: type[Any]) -> None:
    own = (
        {"kind": "meeting", "title": "T", "summary": "S."}
        if cls is usnz.Event
        else {"donor": "USA", "summary": "Aid to New Zealand."}
    )
    date, period = usnz.PartialDate.parse("1965-05-27"), usnz.Period.parse("1965/1971")
    with pytest.raises(usnz.ArgumentValueError, match=ONE_WHEN) as refused:
        cls(id="r", citations=CITE, date=date, period=period, date_basis="stated", **own)
    assert isinstance(refused.value, ValueError)
    assert refused.value.field == "period"
    assert "date '1965-05-27' and period '1965/1971'" in str(refused.value)
    # either alone is a record, and its when is what it has
    assert cls(id="r", citations=CITE, date=date, date_basis="stated", **own).when == date
    assert cls(id="r", citations=CITE, period=period, date_basis="stated", **own).when == period
    assert ONE_WHEN in (cls.cross_check or "")


def test_no_packaged_record_has_both() -> None:
    for record in (*usnz.events(), *usnz.assistance()):
        assert record.date is None or record.period is None, record.id


def test_a_users_record_with_both_is_a_load_problem_at_its_period(tmp_path: Path) -> None:
    event = {
        "id": "e1",
        "kind": "meeting",
        "title": "T",
        "summary": "S.",
        "date": "1965",
        "period": "1965/1966",
        "date_basis": "stated",
        "citations": MY_CITE,
    }
    aid = {
        "id": "a1",
        "donor": "USA",
        "summary": "Aid.",
        "date": "2009",
        "period": "2009/2010",
        "date_basis": "stated",
        "citations": MY_CITE,
    }
    files = {"sources": [a_source()], "events": [event, {**event, "id": "e2", "kind": "vist"}], "assistance": [aid]}
    for stem, items in files.items():
        (tmp_path / f"{stem}.json").write_text(json.dumps(items), encoding="utf-8")
    with pytest.raises(usnz.DataError) as caught:
        usnz.load(tmp_path)
    found = {(p.file.rpartition("/")[2], p.record, p.path) for p in caught.value.problems if ONE_WHEN in p.message}
    # alone or beside another field's problem, at the same path
    assert found == {
        ("assistance.json", "a1", "period"),
        ("events.json", "e1", "period"),
        ("events.json", "e2", "period"),
    }
    assert any(str(p).endswith("e1 period: " + p.message) for p in caught.value.problems)


# -- 2. counts in whole numbers, none below zero ---------------------------------------------------


@pytest.mark.parametrize(
    ("given", "words"),
    [
        (
            {"unit": "personnel", "best": -5},
            ("'personnel' is at least 0, got best=-5", "only a change may be negative"),
        ),
        ({"unit": "personnel", "best": 2.5}, ("a count of 'personnel' takes whole numbers", "got best=2.5", "percent")),
        ({"unit": "ships", "low": 2.0}, ("a count of 'ships' takes whole numbers (an int such as 2), got low=2.0",)),
        ({"unit": "aircraft", "low": 1, "high": 2.5}, ("got high=2.5", "decimals are for measures")),
        ({"unit": "percent", "low": -2.5}, ("'percent' is at least 0, got low=-2.5",)),
        ({"unit": "change in personnel", "best": -2.5}, ("takes whole numbers", "got best=-2.5")),
    ],
)
def test_a_quantity_refuses_what_its_unit_cannot_be(given: dict[str, Any], words: tuple[str, ...]) -> None:
    with pytest.raises(usnz.ArgumentValueError) as refused:
        usnz.Quantity(**given)
    for word in words:
        assert word in str(refused.value)


def test_measures_take_decimals_and_changes_negatives() -> None:
    assert str(usnz.Quantity(unit="percent", best=0.5)) == "0.5 percent"
    assert str(usnz.Quantity(unit="years", best=1.5)) == "1.5 years"
    assert str(usnz.Quantity(unit="tonnes per year", best=2.5)) == "2.5 tonnes per year"
    assert str(usnz.Quantity(unit="percent change", best=-2.5)) == "-2.5 percent change"
    assert str(usnz.Quantity(unit="change in personnel", low=-40, high=-3)) == "-40--3 change in personnel"
    assert str(usnz.Quantity(unit="personnel", best=0)) == "0 personnel"
    assert is_measure("Square Miles")
    assert is_measure("percentage points")
    assert not is_measure("House members")
    assert not is_measure("listening posts")
    assert is_change("percentage points")
    assert not is_change("exchanges")
    assert {"percent", "miles", "years"} <= MEASURES


def test_every_packaged_quantity_fits_its_unit() -> None:
    found = 0
    for record in usnz.dataset():
        for value in attrs.astuple(record, recurse=False):
            if isinstance(value, usnz.Quantity):
                found += 1
                figures = [v for v in (value.low, value.best, value.high) if v is not None]
                assert all(v >= 0 for v in figures), record.id
                assert is_measure(value.unit) or all(type(v) is int for v in figures), record.id
                assert usnz.Quantity(**attrs.asdict(value)) == value
    assert found > 40
    assert usnz.get("fta-projected-us-dairy-decline", usnz.Figure).quantity == usnz.Quantity(unit="percent", best=0.5)


def test_a_users_fractional_count_is_a_load_problem_at_its_path(tmp_path: Path) -> None:
    figure = {"id": "f", "measure": "Troops", "quantity": {"unit": "personnel", "best": 2.5}, "citations": MY_CITE}
    (tmp_path / "sources.json").write_text(json.dumps([a_source()]), encoding="utf-8")
    (tmp_path / "figures.json").write_text(json.dumps([figure]), encoding="utf-8")
    with pytest.raises(usnz.DataError) as caught:
        usnz.load(tmp_path)
    (problem,) = caught.value.problems
    assert (problem.record, problem.path) == ("f", "quantity")
    assert "a count of 'personnel' takes whole numbers" in problem.message


# -- 3. Holyoake, Prime Minister in 1965 ---------------------------------------------------------


def test_holyoake_is_the_prime_minister_of_1965_by_an_inferred_attestation() -> None:
    assert usnz.people(office="prime-minister", country="NZL", during=1965).ids() == ("keith-holyoake",)
    assert usnz.people(office="prime-minister", country="NZL", during="1965-05-27", basis="inferred").ids() == (
        "keith-holyoake",
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert not usnz.people(office="prime-minister", country="NZL", during=1965, basis="stated")
    assert "keith-holyoake (excluded by basis='stated': attested 1965-05-27 (inferred))" in str(caught[0].message)
    (role,) = usnz.get("keith-holyoake", usnz.Person).roles
    (seen,) = role.attested
    assert (str(seen.date), seen.record, seen.date_basis) == (
        "1965-05-27",
        "holyoake-announces-161-battery-deployment",
        "inferred",
    )
    assert (seen.citation.paragraph, seen.citation.quote) == (15, "Prime Minister Keith Holyoake")
    record = usnz.get("holyoake-announces-161-battery-deployment", usnz.Event)
    assert record.date_basis == "stated"  # the announcement's date is stated; joining it to the title is not
    assert {c.paragraph for c in record.citations} == {15, 17}
    assert "1965-05-27*" in show_text(usnz.get("keith-holyoake"), width=200)


def test_holders_named_without_a_dated_record_stay_unattested() -> None:
    """Bolger, Moore (¶63, the undated award), Peters (¶68, undated), Nixon (¶20, undated): no attestation."""
    for person_id in ("jim-bolger", "mike-moore", "winston-peters", "richard-nixon", "stephen-harper"):
        person = usnz.get(person_id, usnz.Person)
        assert all(not role.attested and role.period is None for role in person.roles), person_id


def test_an_attestation_stronger_than_its_record_is_refused() -> None:
    seen = usnz.Attestation(date=usnz.PartialDate.parse("2009"), record="r", citation=CITE[0], date_basis="stated")
    assert seen.basis_problem("stated") is None
    assert seen.basis_problem("inferred", record="'r'") == (
        "is 'stated', but 'r''s is 'inferred'; an attestation's date_basis is its record's or weaker "
        "('inferred', 'external'), never stronger"
    )
    assert "or weaker ('stated', 'inferred', 'external')" in (seen.basis_problem(None) or "")
    assert attrs.evolve(seen, date_basis=None).basis_problem("external") is None


# -- 4. combat read, not stated ------------------------------------------------------------------

READ_COMBAT = {
    "k-force-korea",
    "nz-korea-liaison-officer",
    "anzac-battalion-vietnam",
    "nz-training-team-chi-lang",
    "nz-training-team-dong-ba-thin",
    "nz-transport-aircraft-afghanistan",
    "nz-liaison-staff-officers-iraq",
}


def test_combat_read_from_a_role_is_recorded_as_read() -> None:
    forces = usnz.force_contributions()
    assert {f.id for f in forces if not f.combat_stated} == READ_COMBAT
    assert all(f.combat is not None for f in forces if not f.combat_stated)
    assert all("combat: " in (f.notes or "") and "read" in (f.notes or "") for f in forces if not f.combat_stated)
    assert usnz.get("161-battery-vietnam", usnz.ForceContribution).combat_stated  # 'in a combat role'
    with pytest.raises(usnz.ArgumentValueError, match="combat_stated=False says combat is read"):
        attrs.evolve(usnz.get("nz-bamyan-prt", usnz.ForceContribution), combat_stated=False)


def test_faces_mark_a_read_combat() -> None:
    team = usnz.get("nz-training-team-chi-lang")
    assert marks.read_field(team, "combat")
    assert not marks.read_field(usnz.get("nz-gulf-war-1991"), "combat")
    assert "combat         False *" in show_text(team, width=200)
    rows = usnz.force_contributions(country="NZL", conflict="vietnam-war")
    (combat,) = [column for column in shown(usnz.ForceContribution) if column.name == "combat"]
    cells = {record.id: f"{combat.get(record)} {combat.mark(record)}".strip() for record in rows}
    assert cells["nz-training-team-chi-lang"] == "no *"
    assert cells["anzac-battalion-vietnam"] == "yes *"
    assert cells["161-battery-vietnam"] == "yes"
    assert "fought or not read from a force's role" in marks.MEANING[marks.NOT_STATED]


def test_a_users_reading_without_a_value_is_a_load_problem(tmp_path: Path) -> None:
    force = {
        "id": "f",
        "conflict": "korean-war",
        "country": "NZL",
        "summary": "A force.",
        "combat_stated": False,
        "citations": MY_CITE,
    }
    (tmp_path / "sources.json").write_text(json.dumps([a_source()]), encoding="utf-8")
    (tmp_path / "force_contributions.json").write_text(json.dumps([force]), encoding="utf-8")
    with pytest.raises(usnz.DataError) as caught:
        usnz.load(tmp_path, extends=usnz.dataset())
    assert any("combat_stated=False says combat is read" in p.message for p in caught.value.problems)
    force["combat"] = True
    (tmp_path / "force_contributions.json").write_text(json.dumps([force]), encoding="utf-8")
    assert not usnz.load(tmp_path, extends=usnz.dataset()).get("f", usnz.ForceContribution).combat_stated


# -- 5. the texts' names of the nuclear policy ----------------------------------------------------


@pytest.mark.parametrize("words", ["nuclear free", "nuclear-free policy", "anti-nuclear policy"])
def test_search_finds_the_ban_by_the_texts_names_of_the_policy(words: str) -> None:
    assert "nz-nuclear-warship-ban" in usnz.search(words).ids()[:5]


def test_the_ban_says_the_texts_do_not_equate_it_with_the_policy() -> None:
    ban = usnz.get("nz-nuclear-warship-ban", usnz.Event)
    (doubt,) = [d for d in ban.doubts if 11 in d.paragraphs]
    assert doubt.paragraphs == (11, 34, 35)
    assert "'Nuclear-free policy'" in doubt.text
    assert "'anti-nuclear policy'" in doubt.text
    assert "never says whether" in doubt.text
    assert {
        "rice-visit-to-new-zealand",
        "bush-and-clark-work-around-nuclear-policy",
        "nz-herald-report-us-drops-nuclear-demand",
    } == set(doubt.concerns)


def test_the_names_are_the_texts_own(seeds: Path) -> None:
    """The doubt quotes the names verbatim: 'Nuclear-free policy' in ¶11, 'anti-nuclear policy' in ¶34 and ¶35."""
    (text,) = seeds.glob("003_*.txt")
    paragraphs = text.read_text(encoding="utf-8").splitlines()
    assert "Nuclear-free policy" in paragraphs[11 - 1]
    assert "anti-nuclear policy" in paragraphs[34 - 1]
    assert "anti-nuclear policy" in paragraphs[35 - 1]
