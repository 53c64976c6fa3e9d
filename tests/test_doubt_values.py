"""The Doubt value: what it accepts, how it prints, and how the loader checks what it names."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import usnz
from user_data import a_source
from usnz.model.doubt import DOUBT_LIMIT

SOURCE = a_source()
CITE = [{"source": "my-notes", "paragraph": 1}]
DOUBT = {"kind": "vague", "source": "my-notes", "paragraphs": [2], "text": "The year is not said."}


def _doubt(**changes: Any) -> usnz.Doubt:
    fields: dict[str, Any] = {"kind": "vague", "source": "s", "paragraphs": (2,), "text": "Not said."}
    return usnz.Doubt(**{**fields, **changes})


def test_a_doubt_prints_its_kind_place_and_text() -> None:
    doubt = _doubt(kind="contradiction", paragraphs=(23, 24), concerns=("other-record",))
    assert doubt.where == "s ¶23, ¶24"
    assert str(doubt) == "contradiction (s ¶23, ¶24): Not said."
    assert doubt.concerns == ("other-record",)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "doubtful"}, "kind must be one of 'contradiction'.*got 'doubtful'"),
        ({"paragraphs": ()}, "at least one paragraph"),
        ({"paragraphs": (0,)}, "integers from 1"),
        ({"paragraphs": (True,)}, "integers from 1"),
        ({"paragraphs": (3, 3)}, "paragraph twice"),
        ({"text": " padded"}, "non-empty text"),
        ({"text": ""}, "non-empty text"),
        ({"text": "x" * (DOUBT_LIMIT + 1)}, f"at most {DOUBT_LIMIT}"),
        ({"concerns": ("Not An Id",)}, "kebab-case"),
        ({"concerns": ("a", "a")}, "id twice"),
        ({"source": ""}, "source"),
    ],
)
def test_a_doubt_refuses_what_is_not_one(changes: dict[str, Any], message: str) -> None:
    with pytest.raises((ValueError, TypeError), match=message):
        _doubt(**changes)


def test_a_record_holds_doubts_once_each_and_only_doubts() -> None:
    anzus = usnz.get("anzus")
    doubt = _doubt(source="encyclopedia-nz-us-relations")
    assert attrs.evolve(anzus, doubts=(doubt,)).doubts == (doubt,)
    with pytest.raises(ValueError, match="doubt twice"):
        attrs.evolve(anzus, doubts=(doubt, doubt))
    with pytest.raises(TypeError, match="Doubt values, got str"):
        attrs.evolve(anzus, doubts=("a doubt",))


def test_doubts_round_trip_through_the_converter() -> None:
    record = attrs.evolve(usnz.get("anzus"), doubts=(_doubt(concerns=("korean-war",)),))
    raw = usnz.converter.unstructure(record)
    assert raw["doubts"] == [
        {"kind": "vague", "source": "s", "paragraphs": [2], "text": "Not said.", "concerns": ["korean-war"]}
    ]
    assert usnz.converter.structure(raw, usnz.Agreement) == record


def _load(tmp_path: Path, person: dict[str, Any], source: dict[str, Any] = SOURCE) -> usnz.Dataset:
    (tmp_path / "sources.json").write_text(json.dumps([source]), encoding="utf-8")
    other = {"id": "john-doe", "name": "John Doe", "summary": "Another.", "citations": CITE}
    (tmp_path / "people.json").write_text(json.dumps([person, other]), encoding="utf-8")
    return usnz.load(tmp_path)


def _problems(tmp_path: Path, person: dict[str, Any], source: dict[str, Any] = SOURCE) -> list[str]:
    with pytest.raises(usnz.DataError) as caught:
        _load(tmp_path, person, source)
    return [str(problem) for problem in caught.value.problems]


def test_a_users_doubts_are_read_and_checked(tmp_path: Path) -> None:
    doubt = {**DOUBT, "concerns": ["john-doe"]}
    person = {"id": "jane-doe", "name": "Jane Doe", "summary": "A diplomat.", "citations": CITE, "doubts": [doubt]}
    data = _load(tmp_path, person, {**SOURCE, "doubts": [{**DOUBT, "kind": "garbled"}]})
    assert data.get("jane-doe").doubts == (
        usnz.Doubt(
            kind="vague", source="my-notes", paragraphs=(2,), text="The year is not said.", concerns=("john-doe",)
        ),
    )
    assert data.get("my-notes").doubts[0].kind == "garbled"


@pytest.mark.parametrize(
    ("doubt", "expected"),
    [
        ({**DOUBT, "source": "nowhere"}, "doubts[0].source: refers to 'nowhere', which no record has as its id"),
        ({**DOUBT, "source": "john-doe"}, "doubts[0].source: refers to 'john-doe', a person; expected a source"),
        ({**DOUBT, "concerns": ["nobody"]}, "doubts[0].concerns: refers to 'nobody', which no record has"),
        ({**DOUBT, "concerns": ["jane-doe"]}, "doubts[0].concerns: refers to the record itself"),
        ({**DOUBT, "paragraphs": [2, 9]}, "doubts[0].paragraphs: my-notes has 3 paragraphs, not 9"),
        ({**DOUBT, "kind": "unsure"}, "doubts[0].kind"),
        ({**DOUBT, "paragraphs": []}, "doubts[0].paragraphs: paragraphs must name at least one paragraph"),
    ],
)
def test_a_doubt_that_names_what_is_not_there_is_a_problem(tmp_path: Path, doubt: Any, expected: str) -> None:
    person = {"id": "jane-doe", "name": "Jane Doe", "summary": "A diplomat.", "citations": CITE, "doubts": [doubt]}
    problems = _problems(tmp_path, person)
    assert any(expected in problem for problem in problems), problems


def test_an_unreadable_records_doubts_are_checked_for_references(tmp_path: Path) -> None:
    doubts = [{**DOUBT, "source": "nowhere", "concerns": ["nobody", 3]}, "not a doubt"]
    person = {"id": "jane-doe", "name": 5, "summary": "A diplomat.", "citations": CITE, "doubts": doubts}
    problems = _problems(tmp_path, person)
    assert any("doubts.source: refers to 'nowhere'" in problem for problem in problems), problems
    assert any("doubts.concerns: refers to 'nobody'" in problem for problem in problems), problems


def test_the_schema_describes_doubts() -> None:
    schema = usnz.export.json_schema("people")
    assert schema["properties"]["doubts"]["items"] == {"$ref": "#/$defs/Doubt"}
    doubt = schema["$defs"]["Doubt"]
    assert doubt["required"] == ["kind", "source", "paragraphs", "text"]
    assert doubt["properties"]["text"]["maxLength"] == DOUBT_LIMIT
    assert doubt["properties"]["paragraphs"]["minItems"] == 1
    assert set(doubt["properties"]["kind"]["enum"]) == {
        "contradiction",
        "vague",
        "garbled",
        "typo",
        "reading",
        "outside",
    }


def test_verify_checks_a_doubts_paragraphs_against_the_text(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    text = "One.\nTwo.\n"
    (texts / "mine.txt").write_text(text, encoding="utf-8")
    other = tmp_path / "more"
    other.mkdir()
    source = {**SOURCE, "sha256": hashlib.sha256(text.encode()).hexdigest()}
    person = {"id": "jane-doe", "name": "Jane Doe", "summary": "A diplomat.", "citations": CITE}
    (tmp_path / "data").mkdir()
    data = _load(tmp_path / "data", person, source)
    assert usnz.verify(sources=[texts, other], data=data) == ()
    doubted = attrs.evolve(data.get("jane-doe"), doubts=(usnz.Doubt(**{**DOUBT, "paragraphs": (1, 3)}),))
    problems = usnz.verify(sources=(other, texts), data=usnz.Dataset([data.get("my-notes"), doubted]))
    assert [(p.record, p.path, p.message) for p in problems] == [
        ("jane-doe", "doubts[0]", "my-notes has 2 paragraphs, not 3")
    ]
    missing = usnz.verify(sources=[other], data=data)
    assert "no file in" in missing[0].message
    with pytest.raises(usnz.ArgumentTypeError, match="paths of folders"):
        usnz.verify(sources=[texts, 3], data=data)  # type: ignore[list-item]
    with pytest.raises(usnz.ArgumentTypeError, match="or a list of them"):
        usnz.verify(sources=[], data=data)


def test_the_export_has_a_doubts_table(tmp_path: Path) -> None:
    usnz.export.write(tmp_path / "out", format="csv")
    with (tmp_path / "out" / "doubts.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == sum(len(r.doubts) for r in usnz.dataset())
    first = next(row for row in rows if row["record"] == "nzsas-afghanistan-rotations")
    assert first["position"] == "1"
    assert first["kind"] == "contradiction"
    assert first["paragraphs"] == "23; 24"
    assert first["concerns"] == "nzsas-afghanistan-fifty"
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    assert "doubts" in {resource["name"] for resource in package["resources"]}
