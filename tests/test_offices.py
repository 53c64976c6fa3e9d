"""Who held an office when: roles attested by the dated records that name people by their titles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import attrs
import pytest

import usnz
from user_data import a_source

# What names each office in the texts (the words an attestation's quote must hold).
TITLES = {
    "prime-minister": "Prime Minister",
    "president": "President",
    "vice-president": "Vice President",
    "secretary-of-state": "Secretary of State",
    "assistant-secretary-of-state": "Assistant Secretary of State",
    "foreign-minister": r"Foreign (?:Affairs )?Minister",
    "trade-representative": "Trade Representative",
    "consul": "Consul",
}


def _attested() -> list[tuple[usnz.Person, usnz.Role, usnz.Attestation]]:
    return [(p, role, a) for p in usnz.people() for role in p.roles for a in role.attested]


def test_new_zealands_prime_minister_in_september_2008() -> None:
    assert usnz.people(office="prime-minister", country="NZL", during="2008-09").ids() == ("helen-clark",)
    assert usnz.people(office="prime-minister", country="NZL", during="2010-04").ids() == ("john-key",)


def test_every_attestation_is_a_dated_record_naming_the_person_by_the_title() -> None:
    """Without the texts: the record exists, is dated so, cites the paragraph and involves the person."""
    found = _attested()
    assert len(found) >= 30
    for person, role, attestation in found:
        record = usnz.get(attestation.record)
        assert record.record_kind in {"event", "quote", "figure"}
        assert record.when == attestation.date, attestation
        bases = ("stated", "inferred", "external")  # the record's basis, or weaker (the title from another paragraph)
        assert bases.index(attestation.date_basis or "stated") >= bases.index(record.date_basis)  # type: ignore[union-attr]
        if attestation.date_basis != record.date_basis:  # type: ignore[union-attr]
            assert (person.id, attestation.date_basis) == ("keith-holyoake", "inferred")
            assert f"¶{attestation.citation.paragraph}" in (person.notes or "")  # the notes say how
        cited = {(c.source, c.paragraph) for c in record.citations}  # type: ignore[union-attr]
        assert (attestation.citation.source, attestation.citation.paragraph) in cited, attestation
        involved = {ref for _, ref, declared in record.references_of() if declared.involves}
        assert person.id in involved, attestation
        assert role.office is not None
        quote = attestation.citation.quote or ""
        assert re.search(TITLES[role.office], quote), (person.id, quote)
        surname = person.name.split()[-1]
        assert surname in quote, (person.id, quote)


def test_every_attestation_quote_is_in_its_paragraph(seeds: Path) -> None:
    """With the texts: each quote is verbatim in the paragraph it cites."""
    texts = {
        s.id: (seeds / s.filename).read_text(encoding="utf-8").split("\n")
        for s in usnz.sources()
        if (seeds / s.filename).is_file()
    }
    for person, _, attestation in _attested():
        citation = attestation.citation
        paragraph = " ".join(texts[citation.source][citation.paragraph - 1].split())
        for passage in citation.passages:
            assert " ".join(passage.split()) in paragraph, (person.id, passage)


def test_roles_at_a_date() -> None:
    clark = usnz.get("helen-clark")
    assert isinstance(clark, usnz.Person)
    assert clark.roles_at("2008-09") == clark.roles
    assert clark.roles_at(usnz.PartialDate(year=2008, month=10)) == ()
    assert clark.roles_at(usnz.Period.parse("2005/2006")) == clark.roles
    key = usnz.get("john-key")
    assert isinstance(key, usnz.Person)
    assert key.roles_at("2008-09") == ()  # the texts never show him in office then
    clendon = usnz.get("james-reddy-clendon")
    assert isinstance(clendon, usnz.Person)
    assert clendon.roles_at(1838) == clendon.roles
    assert clendon.roles_at(1839) == ()  # "1838/": an unknown end is not a known one
    with pytest.raises(usnz.ArgumentTypeError, match=r"got float 2008\.5"):
        clark.roles_at(2008.5)  # type: ignore[arg-type]
    with pytest.raises(usnz.DateError):
        clark.roles_at("sometime")


def test_nothing_is_inferred_between_attestations() -> None:
    """No term of office is made up: a month with no attestation finds no one, possibly or not."""
    for possibly in (False, True):
        with pytest.warns(usnz.QueryWarning, match="no prime-minister of NZL is stated or attested in"):
            assert usnz.people(office="prime-minister", country="NZL", during="2008-10", possibly=possibly) == ()
    # A stated period with an unknown end runs on only when asked to.
    with pytest.warns(
        usnz.QueryWarning,
        match=r"james-reddy-clendon \(held 1838/; .*\(possibly=True finds james-reddy-clendon: it lets a stated period's unknown end run on",
    ):
        assert usnz.people(office="consul", during=1850) == ()
    assert usnz.people(office="consul", during=1850, possibly=True).ids() == ("james-reddy-clendon",)


def test_basis_is_the_attested_records() -> None:
    with pytest.warns(
        usnz.QueryWarning,
        match=r"on a stated date in during=2009; .*john-key \(excluded by basis='stated': attested 2009~ \(inferred\)",
    ):
        assert usnz.people(office="prime-minister", during=2009, basis="stated") == ()
    assert usnz.people(office="prime-minister", during=2009, basis="inferred").ids() == ("john-key",)
    assert usnz.people(office="consul", basis="stated").ids() == ("james-reddy-clendon",)
    assert usnz.people(office="consul", basis="external") == ()
    assert "joe-biden" in usnz.people(basis="external").ids()


def test_during_alone_and_with_country() -> None:
    assert usnz.people(during="2005-08-30").ids() == ("condoleezza-rice", "george-w-bush", "helen-clark", "phil-goff")
    assert usnz.people(during="2005-08-30", country="NZL").ids() == ("helen-clark", "phil-goff")
    with pytest.warns(usnz.CoverageWarning, match="outside the span"):
        assert usnz.people(during=1700) == ()
    with pytest.raises(usnz.ArgumentTypeError):
        usnz.people(during=2008.5)


def test_a_role_reads_its_attestations_aloud() -> None:
    clark = usnz.get("helen-clark")
    assert isinstance(clark, usnz.Person)
    assert str(clark.roles[0]) == "Prime Minister (NZL, attested 2004, 2005-08-30, 2008-09-23)"
    assert str(clark.roles[0].attested[0]) == "2004 (nz-government-agent-orange-apology)"


def _attestation(record: str, date: str = "2008-09-23") -> usnz.Attestation:
    citation = usnz.Citation(source="encyclopedia-nz-us-relations", paragraph=40, quote="Prime Minister Helen Clark")
    return usnz.Attestation(date=usnz.PartialDate.parse(date), record=record, citation=citation)


def test_attestations_are_checked() -> None:
    with pytest.raises(ValueError, match="names a record twice"):
        usnz.Role(title="PM", attested=(_attestation("a"), _attestation("a")))
    with pytest.raises(ValueError, match="in date order"):
        usnz.Role(title="PM", attested=(_attestation("a", "2009"), _attestation("b", "2008")))
    with pytest.raises(TypeError, match="must hold Attestation values"):
        usnz.Role(title="PM", attested=("2008",))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="kebab-case"):
        _attestation("Not An Id")


def test_a_user_file_naming_an_unknown_record_or_source_is_refused(tmp_path: Path) -> None:
    person = json.loads(usnz.dataset().people().to_json())
    clark = next(p for p in person if p["id"] == "helen-clark")
    clark["roles"][0]["attested"][0]["record"] = "no-such-record"
    clark["roles"][0]["attested"][1]["citation"]["source"] = "no-such-source"
    (tmp_path / "people.json").write_text(json.dumps([clark]), encoding="utf-8")
    with pytest.raises(usnz.DataError) as error:
        usnz.load(tmp_path / "people.json", extends=_without_people())
    message = str(error.value)
    assert "roles[0].attested[0].record" in message
    assert "no-such-record" in message
    assert "roles[0].attested[1].citation.source" in message


def _without_people() -> usnz.Dataset:
    return usnz.Dataset(r for r in usnz.dataset() if r.record_kind != "person")


def test_the_schema_describes_attestations() -> None:
    from usnz.export import json_schema

    schema = json_schema("people")
    attested = schema["$defs"]["Role"]["properties"]["attested"]
    assert attested["items"] == {"$ref": "#/$defs/Attestation"}
    assert schema["$defs"]["Attestation"]["required"] == ["date", "record", "citation"]


def test_a_person_shows_attestations_only_where_there_are_some() -> None:
    shown = " ".join(str(usnz.get("helen-clark")).split())
    assert "country=NZL, attested=2004 (nz-government-" in shown
    assert "attested" not in str(usnz.get("jim-bolger"))


def test_verify_checks_attestation_quotes(seeds: Path) -> None:
    """``usnz.verify`` reads an attestation's quote against its paragraph, as a citation's."""
    assert usnz.verify(sources=(seeds, seeds.parent / "crosswalk")) == ()
    clark = usnz.get("helen-clark")
    assert isinstance(clark, usnz.Person)
    wrong = attrs.evolve(
        clark.roles[0].attested[0],
        citation=attrs.evolve(clark.roles[0].attested[0].citation, quote="Prime Minister John Key"),
    )
    role = attrs.evolve(clark.roles[0], attested=(wrong, *clark.roles[0].attested[1:]))
    changed = usnz.Dataset([*usnz.sources(), attrs.evolve(clark, roles=(role,))])
    problems = usnz.verify(sources=(seeds, seeds.parent / "crosswalk"), data=changed)
    assert [(p.record, p.path) for p in problems] == [("helen-clark", "roles[0].attested[0].citation.quote")]


MY_SOURCE = a_source(as_of="2012-06", date_basis="stated")
MY_CITE = {"source": "my-notes", "paragraph": 2, "quote": "Prime Minister Jane Doe"}


def _my_event(id_: str, **dated: str) -> dict[str, object]:
    return {
        "id": id_,
        "kind": "visit",
        "title": "Jane Doe visits Washington",
        "summary": "A visit.",
        **dated,
        **({"date_basis": "stated"} if dated else {}),
        "participants": ["jane-doe"],
        "citations": [{"source": "my-notes", "paragraph": 2, "quote": "Jane Doe visited Washington"}],
    }


def _my_people(*attested: dict[str, object]) -> list[dict[str, object]]:
    role = {"title": "Prime Minister", "office": "prime-minister", "country": "NZL", "attested": list(attested)}
    return [
        {
            "id": "jane-doe",
            "name": "Jane Doe",
            "summary": "A prime minister.",
            "roles": [role],
            "citations": [{"source": "my-notes", "paragraph": 1}],
        }
    ]


def _load_mine(tmp_path: Path, events: list[dict[str, object]], people: list[dict[str, object]]) -> usnz.Dataset:
    for stem, items in (("sources", [MY_SOURCE]), ("events", events), ("people", people)):
        (tmp_path / f"{stem}.json").write_text(json.dumps(items), encoding="utf-8")
    return usnz.load(tmp_path)


def _problems_of(tmp_path: Path, events: list[dict[str, object]], people: list[dict[str, object]]) -> list[str]:
    with pytest.raises(usnz.DataError) as caught:
        _load_mine(tmp_path, events, people)
    return [f"{p.path}: {p.message}" for p in caught.value.problems]


def test_an_attestation_matching_its_record_loads(tmp_path: Path) -> None:
    """The record's date (approximate as it is), a paragraph it cites; a date within a period's known extent."""
    events = [
        _my_event("visit-a", date="2009-05~"),
        _my_event("visit-b", period="2010-03/2010-05"),
        _my_event("visit-c", period="2011/.."),  # open: known to the source's as_of, 1 June 2012
    ]
    attested = [
        {"date": "2009-05~", "record": "visit-a", "citation": MY_CITE},
        {"date": "2010-04-02", "record": "visit-b", "citation": MY_CITE},
        {"date": "2012-05", "record": "visit-c", "citation": {"source": "my-notes", "paragraph": 2}},
    ]
    data = _load_mine(tmp_path, events, _my_people(*attested))
    assert data.people(office="prime-minister", during="2010-04").ids() == ("jane-doe",)


def test_an_attestation_is_checked_against_the_record_it_names(tmp_path: Path) -> None:
    """Each mismatch is a load problem saying what was given and what was expected."""
    events = [
        _my_event("visit-a", date="2009-05~"),
        _my_event("visit-b", period="2010-03/2010-05"),
        _my_event("visit-c", period="2011/"),  # unknown end: known for 2011 only
        _my_event("visit-d", period="/2011-02"),  # unknown start: known for February 2011 only
        _my_event("visit-e"),
    ]
    attested = [
        {"date": "2009-05", "record": "visit-a", "citation": MY_CITE},  # not approximate as the record is
        {"date": "2010", "record": "visit-b", "citation": {**MY_CITE, "paragraph": 3}},
        {"date": "2011-01", "record": "visit-d", "citation": MY_CITE},
        {"date": "2012", "record": "visit-c", "citation": {**MY_CITE, "source": "other-notes"}},
        {"date": "2013", "record": "visit-e", "citation": MY_CITE},
    ]
    other = {**MY_SOURCE, "id": "other-notes", "sha256": "b" * 64, "filename": "other.txt"}
    (tmp_path / "sources.json").write_text(json.dumps([MY_SOURCE, other]), encoding="utf-8")
    (tmp_path / "events.json").write_text(json.dumps(events), encoding="utf-8")
    (tmp_path / "people.json").write_text(json.dumps(_my_people(*attested)), encoding="utf-8")
    with pytest.raises(usnz.DataError) as caught:
        usnz.load(tmp_path)
    found = [f"{p.record} {p.path}: {p.message}" for p in caught.value.problems]
    assert found == [
        (
            "jane-doe roles[0].attested[0].date: is 2009-05, but 'visit-a' is dated 2009-05~; "
            "an attestation's date is its record's date"
        ),
        (
            "jane-doe roles[0].attested[1].date: is 2010, but 'visit-b' is dated 2010-03/2010-05 "
            "(known 2010-03-01 to 2010-05-31); an attestation's date lies within its record's period"
        ),
        (
            "jane-doe roles[0].attested[1].citation: cites my-notes ¶3, which 'visit-b' does not cite; "
            "an attestation cites a paragraph of its record: my-notes ¶2"
        ),
        (
            "jane-doe roles[0].attested[2].date: is 2011-01, but 'visit-d' is dated /2011-02 "
            "(known 2011-02-01 to 2011-02-28); an attestation's date lies within its record's period"
        ),
        (
            "jane-doe roles[0].attested[3].date: is 2012, but 'visit-c' is dated 2011/ "
            "(known 2011-01-01 to 2011-12-31); an attestation's date lies within its record's period"
        ),
        (
            "jane-doe roles[0].attested[3].citation: cites other-notes ¶2, which 'visit-c' does not cite; "
            "an attestation cites a paragraph of its record: my-notes ¶2"
        ),
        (
            "jane-doe roles[0].attested[4].record: names 'visit-e', which has no date; "
            "an attestation is dated by its record"
        ),
    ]


def test_an_attestations_date_basis_is_its_records_or_weaker(tmp_path: Path) -> None:
    inferred = {**_my_event("visit-b", date="2010-05"), "date_basis": "inferred"}
    events = [_my_event("visit-a", date="2009-05"), inferred]
    attested = [
        {"date": "2009-05", "record": "visit-a", "citation": MY_CITE, "date_basis": "stated"},
        {"date": "2010-05", "record": "visit-b", "citation": MY_CITE, "date_basis": "stated"},
    ]
    said = (
        "is 'stated', but 'visit-b''s is 'inferred'; an attestation's date_basis is its record's or weaker "
        "('inferred', 'external'), never stronger"
    )
    assert _problems_of(tmp_path, events, _my_people(*attested)) == [f"roles[0].attested[1].date_basis: {said}"]
    attested[1].pop("date_basis")  # not given: nothing to check, nothing to mark
    assert _load_mine(tmp_path, events, _my_people(*attested)).get("jane-doe").roles[0].attested[1].date_basis is None
    # weaker than its record's: a stated date, the title from another paragraph (Holyoake, 27 May 1965)
    attested[0]["date_basis"] = "inferred"
    loaded = _load_mine(tmp_path, events, _my_people(*attested))
    assert loaded.get("jane-doe").roles[0].attested[0].date_basis == "inferred"
    assert loaded.people(during="2009-05", basis="inferred").ids() == ("jane-doe",)
    assert not loaded.people(during="2009-05", basis="stated")


def test_what_shows_a_person_marks_the_dates_the_texts_do_not_state() -> None:
    from usnz.faces.text import show_text

    key = usnz.get("john-key")
    shown = show_text(key, width=200)
    assert "attested=2009~* (key-continue-to-advocate-for-trade-deal)" in shown
    assert "2010-04~† (key-biden-talks)" in shown
    assert "\n* not stated in the texts" in shown
    assert "\n† a date from outside the texts" in shown
    clark = " ".join(show_text(usnz.get("helen-clark")).split())
    assert "attested=2004 (nz-government-agent-orange-apology); 2005-08-30 (clark-condolences-to-bush)" in clark
    html = key._repr_html_()
    assert "2009~*" in html
    assert "a date from outside the texts" in html
    table = str(usnz.people(office="prime-minister", country="NZL"))
    assert "Prime Minister *" in table.split("john-key")[1].splitlines()[0]  # his every date inferred or outside
    assert "Prime Minister *" not in table.split("helen-clark")[1].splitlines()[0]  # hers are stated


def test_an_attestation_of_an_open_start_and_of_a_missing_record(tmp_path: Path) -> None:
    """An open start runs back without limit; a missing record or one of another kind is a reference problem only."""
    events = [_my_event("visit-a", period="../2011")]
    attested = [
        {"date": "1990", "record": "visit-a", "citation": MY_CITE},
        {"date": "2012", "record": "visit-a-b", "citation": MY_CITE},
        {"date": "2013", "record": "my-notes", "citation": MY_CITE},
    ]
    assert _problems_of(tmp_path, events, _my_people(*attested)) == [
        "roles[0].attested[1].record: refers to 'visit-a-b', which no record has as its id",
        "roles[0].attested[2].record: refers to 'my-notes', a source; expected an event or quote or figure",
    ]
    attested[0]["date"] = "2012"
    (tmp_path / "people.json").write_text(json.dumps(_my_people(attested[0])), encoding="utf-8")
    with pytest.raises(usnz.DataError, match=r"'visit-a' is dated \.\./2011 \(known to 2011-12-31\)"):
        usnz.load(tmp_path)
