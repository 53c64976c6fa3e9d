"""A record's ``read``: the fields whose values the texts do not state, declared as data, never parsed from prose."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import usnz
from user_data import a_source
from usnz.faces import marks
from usnz.faces.columns import shown
from usnz.faces.text import show_text
from usnz.model.base import readable

SOURCE = a_source()
CITE = [{"source": "my-notes", "paragraph": 1}]
DOUBT = {"kind": "reading", "source": "my-notes", "paragraphs": [2], "text": "Her country is read from her title."}
READ_AS = usnz.Doubt(kind="reading", source="my-notes", paragraphs=(2,), text="'He said', read as Key.")


def _quote(**changes: Any) -> usnz.Quote:
    fields: dict[str, Any] = {
        "id": "my-quote",
        "speaker": "john-key",
        "text": "We are friends.",
        "citations": (usnz.Citation(source="my-notes", paragraph=1),),
        "doubts": (READ_AS,),
    }
    return usnz.Quote(**{**fields, **changes})


def test_a_user_record_declaring_read_is_marked() -> None:
    quote = _quote(read=("speaker",))
    assert marks.read_fields(quote) == ("speaker",)
    assert marks.read_field(quote, "speaker")
    assert marks.speaker_read(quote)
    assert not marks.read_field(quote, "text")
    speaker = next(column for column in shown(usnz.Quote) if column.name == "speaker")
    assert speaker.mark(quote) == marks.NOT_STATED
    assert "john-key *" in show_text(quote, width=100)


def test_a_doubt_saying_read_as_marks_nothing_undeclared() -> None:
    quote = _quote()  # its doubt says "read as Key", but it declares nothing read
    assert marks.read_fields(quote) == ()
    assert not marks.speaker_read(quote)
    council = attrs.evolve(usnz.get("us-nz-council"), read=())  # "country: USA is read from its name"
    assert any("is read from its name" in doubt.text for doubt in council.doubts)
    assert not marks.country_read(council)
    assert marks.read_fields(council) == ()


def test_read_fields_are_in_field_order_with_combat() -> None:
    marines = usnz.get("us-1st-marine-division-wellington")
    assert marines.read == ("conflict", "location")
    assert marks.read_fields(attrs.evolve(marines, read=("location", "conflict"))) == ("conflict", "location")
    team = usnz.get("nz-training-team-chi-lang")
    assert team.read == ()
    assert marks.read_fields(team) == ("combat",)  # combat_stated says it: not read's


def test_a_read_money_field_is_marked_beside_its_currency() -> None:
    aid = usnz.get("nz-vietnam-economic-assistance")
    read = attrs.evolve(aid, read=("recipient", "amount"))
    amount = next(column for column in shown(usnz.Assistance) if column.name == "amount")
    assert amount.mark(aid) == ""
    assert amount.mark(read) == marks.NOT_STATED
    assert "  amount      about USD 347,500 per year *\n" in show_text(read, width=200)
    assert "  amount      about USD 347,500 per year\n" in show_text(aid, width=200)


def test_a_read_figure_counted_elsewhere_keeps_its_counted_mark() -> None:
    navy = usnz.get("rnzn-korea")
    killed = next(column for column in shown(usnz.ForceContribution) if column.name == "killed")
    assert killed.mark(navy) == marks.COUNTED
    fifty = usnz.get("nzsas-afghanistan-fifty")
    assert fifty.personnel is not None
    personnel = next(column for column in shown(usnz.ForceContribution) if column.name == "personnel")
    assert personnel.mark(fifty) == ""
    assert personnel.mark(attrs.evolve(fifty, read=("personnel",))) == marks.NOT_STATED
    k_force = usnz.get("k-force-korea")
    assert killed.mark(attrs.evolve(k_force, read=("killed",))) == marks.NOT_STATED


def test_readable_leaves_out_dates_provenance_and_flagged_fields() -> None:
    names = readable(usnz.ForceContribution)
    assert "country" in names
    assert "location" in names
    assert not {"id", "period", "combat", "combat_stated", "read", "doubts", "notes"} & set(names)


@pytest.mark.parametrize(
    ("read", "error", "message"),
    [
        (["speaker"], TypeError, "read must be a tuple, got list"),
        ((3,), ValueError, "read names fields by their names \\(text\\), got int 3"),
        (("nope",), ValueError, "read names 'nope', which is no field of Quote read may name; it takes: speaker, text"),
        (("id",), ValueError, "no field of Quote"),
        (("date",), ValueError, "read names 'date', a date: .*date_basis"),
        (("occasion",), ValueError, "read names 'occasion', which this record leaves empty.*set occasion"),
        (("speaker", "speaker"), ValueError, "read names 'speaker' twice.*name each field once"),
    ],
)
def test_read_refuses_what_names_no_read_value(read: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        _quote(read=read)


def test_read_refuses_combat_which_combat_stated_says() -> None:
    with pytest.raises(ValueError, match="read names 'combat', whose reading combat_stated=False says already"):
        attrs.evolve(usnz.get("nz-training-team-chi-lang"), read=("combat",))


def test_read_needs_a_doubt_saying_how() -> None:
    with pytest.raises(ValueError, match=r"read says speaker is read from the texts.*no doubt: add one"):
        _quote(read=("speaker",), doubts=())
    with pytest.raises(ValueError, match="read says text, speaker are read"):
        _quote(read=("text", "speaker"), doubts=())


def _load(tmp_path: Path, person: dict[str, Any]) -> usnz.Dataset:
    (tmp_path / "sources.json").write_text(json.dumps([SOURCE]), encoding="utf-8")
    (tmp_path / "people.json").write_text(json.dumps([person]), encoding="utf-8")
    return usnz.load(tmp_path)


def _problems(tmp_path: Path, person: dict[str, Any]) -> list[str]:
    with pytest.raises(usnz.DataError) as caught:
        _load(tmp_path, person)
    return [str(problem) for problem in caught.value.problems]


PERSON = {
    "id": "jane-doe",
    "name": "Jane Doe",
    "summary": "A diplomat.",
    "country": "NZL",
    "citations": CITE,
    "doubts": [DOUBT],
}


def test_a_users_file_declares_read(tmp_path: Path) -> None:
    data = _load(tmp_path, {**PERSON, "read": ["country"]})
    jane = data.get("jane-doe")
    assert jane.read == ("country",)
    assert marks.read_fields(jane) == ("country",)
    frame = data.people().to_frame()
    assert frame.loc[frame.id == "jane-doe", "read"].tolist() == ["country"]
    assert list(frame.columns).count("read") == 1


def test_a_users_file_without_read_is_not_marked_for_its_doubts_words(tmp_path: Path) -> None:
    jane = _load(tmp_path, PERSON).get("jane-doe")
    assert "is read from" in jane.doubts[0].text
    assert marks.read_fields(jane) == ()


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("country", "read"),  # a string is no list of names: not read as its characters
        (["country", "country"], "read names 'country' twice"),
        (["name", "roles"], "read names 'roles', which this record leaves empty"),
        (["birthday"], "read names 'birthday', which is no field of Person read may name; it takes: name"),
        ([1], "read"),
    ],
)
def test_a_users_read_is_read_strictly(tmp_path: Path, read: Any, expected: str) -> None:
    problems = _problems(tmp_path, {**PERSON, "read": read})
    assert any(expected in problem for problem in problems), problems


def test_a_users_read_with_no_doubt_is_a_problem(tmp_path: Path) -> None:
    problems = _problems(tmp_path, {**PERSON, "doubts": [], "read": ["country"]})
    assert any("read: read says country is read from the texts, not stated, yet" in p for p in problems), problems


def test_read_is_not_checked_against_a_field_that_failed_to_be_read(tmp_path: Path) -> None:
    problems = _problems(tmp_path, {**PERSON, "country": "New Zealand", "read": ["country"]})
    assert any("country" in problem and "alpha-3" in problem for problem in problems), problems
    assert not any("leaves empty" in problem for problem in problems), problems


def test_the_schemas_describe_read() -> None:
    schema = usnz.export.json_schema("quotes")
    read = schema["properties"]["read"]
    assert read["type"] == "array"
    assert read["uniqueItems"] is True
    assert read["items"] == {"type": "string", "enum": ["speaker", "text", "occasion", "event", "subjects"]}
    assert "combat" not in usnz.export.json_schema("force-contributions")["properties"]["read"]["items"]["enum"]
    assert "read naming only fields the record sets" in schema["description"]
    assert "a doubt of the record says how" in read["description"]
    assert "read" not in schema["required"]


def test_a_place_read_is_marked_and_the_legend_says_so() -> None:
    engineers = show_text(usnz.get("nz-engineers-vietnam"), width=200)
    assert "  location    South Vietnam *\n" in engineers  # read from the battery that replaced them, sent there
    assert "* not stated in the texts, read from them" in engineers
