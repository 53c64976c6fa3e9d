"""The JSON Schemas are as strict as the reader where JSON Schema can say it, and name what they cannot check."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import usnz
import usnz.export
from conftest import write_own_texts
from strategies import RECORDS
from user_data import a_source
from usnz.cli import main


def _schema_from_the_cli(kind: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["schema", kind]) == 0
    schema: dict[str, Any] = json.loads(capsys.readouterr().out)
    return schema


def test_the_printed_schema_refuses_a_thirteenth_month(capsys: pytest.CaptureFixture[str]) -> None:
    validator = jsonschema.Draft202012Validator(_schema_from_the_cli("force-contributions", capsys))
    item = usnz.converter.unstructure(usnz.get("k-force-korea"))
    assert validator.is_valid({**item, "period": "1965-12/"})
    for bad in ("1965-13/", "1965-00/", "1965-05-32/", "1965-05-00/", "0000/1965", "000X/", "/", "../..", "1965/x"):
        assert not validator.is_valid({**item, "period": bad}), bad
    with pytest.raises(usnz.DateError):
        usnz.Period.parse("1965-13/")


def test_the_descriptions_name_what_the_schemas_cannot_check() -> None:
    schema = usnz.export.json_schema("events")
    assert "a day past the end of its month" in schema["$defs"]["PartialDate"]["description"]
    assert "an end before the start" in schema["$defs"]["Period"]["description"]
    assert "references to records that exist" in schema["description"]


@pytest.mark.parametrize(
    ("field", "text", "valid"),
    [
        ("title", "Tab\tand\nnewline", True),
        ("title", "Bell\a", False),
        ("title", "Escape \x1b[2J", False),
        ("title", "Carriage\rreturn", False),
        ("title", "Next line\x85here", False),
        ("title", "DEL\x7f", False),
        ("title", "Māori ✓ 😀", True),
        ("title", " spaced", False),
        ("quote", "Line one\nline two", True),
        ("quote", "NUL\x00", False),
        ("quote", "   ", False),
        ("note", "", True),
        ("note", "Bell\a", False),
    ],
)
def test_the_schema_refuses_control_characters_in_text(field: str, text: str, *, valid: bool) -> None:
    schema = usnz.export.json_schema("events")
    record = usnz.Records((usnz.get("nz-nuclear-warship-ban"),)).to_list()[0]  # a packaged event's data
    assert jsonschema.Draft202012Validator(schema).is_valid(record)
    if field == "title":
        record["title"] = text
    else:
        record["citations"] = [{**record["citations"][0], field: text}]
    assert jsonschema.Draft202012Validator(schema).is_valid(record) is valid


# -- a property: what the schema accepts and load refuses is only what the descriptions name ---------

_NEAR_DATE = r"(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?|[0-9]{3}X)~?"
"""Strings shaped like dates, months and days of any two digits: the schema must sort them as the reader does."""
_NEAR = st.one_of(
    st.from_regex(rf"\A{_NEAR_DATE}\Z"),
    st.from_regex(rf"\A(?:{_NEAR_DATE}|\.\.)?/(?:{_NEAR_DATE}|\.\.)?\Z"),
    st.text(alphabet="0123456789-/.X~?", max_size=12),
)
_NAMED = (
    re.compile(
        r"is not a real date: day must be an int from 1 to (28|29|30) in \S+, got (29|30|31)\b"
    ),  # past its month's end
    # (in a date field, an interval is refused as no date at all: "... and not one date")
    re.compile(r"a period cannot end \(.*\) before it starts(?!.*and not one date)"),
)
"""The refusals the descriptions name: a day past the end of its month, an end before the start."""


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = write_own_texts(tmp_path_factory.mktemp("own")).data
    event = json.loads((folder / "events.json").read_text(encoding="utf-8"))[0]
    return folder, event


def _load_problems(folder: Path, event: dict[str, Any]) -> list[str]:
    (folder / "events.json").write_text(json.dumps([event]), encoding="utf-8")
    try:
        usnz.load(folder)
    except usnz.DataError as error:
        return [problem.message for problem in error.problems]
    return []


@settings(max_examples=150, deadline=None)
@given(text=_NEAR, field=st.sampled_from(["date", "period"]))
@example(text="1965-02-30", field="date")  # accepted by the schema, refused by load: named
@example(text="1975/1939", field="period")  # the same
@example(text="1965-13", field="date")  # refused by both
@example(text="1984?", field="date")
@example(text="2001-21", field="date")
def test_schema_and_load_disagree_only_where_the_descriptions_say(
    own: tuple[Path, dict[str, Any]], text: str, field: str
) -> None:
    folder, original = own
    event = {k: v for k, v in original.items() if k != "date"} | {field: text}
    accepted = jsonschema.Draft202012Validator(usnz.export.json_schema("events")).is_valid(event)
    refused = _load_problems(folder, event)
    if not accepted:  # the schema is never stricter than the reader
        assert refused, f"the schema refuses {field}={text!r}, which usnz.load accepts"
    elif refused:
        assert all(any(p.search(message) for p in _NAMED) for message in refused), (text, refused)


# -- the same, for whole records: a valid record with one field changed -----------------------------

_JSON_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from(["", "x", "ref-a", "NZL", "visit", "stated", "1965", "1965-02-30", "1975/1939", "1965-13"]),
    st.lists(st.sampled_from(["ref-a", "ref-b", "NZL", "x"]), max_size=3),
    st.fixed_dictionaries(
        {}, optional={"best": st.integers(0, 9), "low": st.integers(0, 9), "high": st.integers(0, 9)}
    ),
    st.lists(
        st.fixed_dictionaries({"source": st.just("test-source"), "paragraph": st.integers(1, 2)}),
        min_size=1,
        max_size=3,
    ),
)
_QUANTITIES = st.fixed_dictionaries(
    {"unit": st.sampled_from(["personnel", "ships"])},
    optional={"best": st.integers(0, 9), "low": st.integers(0, 9), "high": st.integers(0, 9)},
)


def _values_for(described: str) -> st.SearchStrategy[object]:
    """Values likely to matter for a property of this JSON Schema text (its type, mostly), and any others."""
    if "Quantity" in described:
        return st.one_of(_QUANTITIES, _JSON_VALUES)
    if "PartialDate" in described or "Period" in described:
        return st.one_of(_NEAR, _JSON_VALUES)
    return _JSON_VALUES


_NAMED_FOR_RECORDS = (
    *_NAMED,
    re.compile(r"^date_basis is required on a record with a date"),
    re.compile(r"^date_basis is '\w+' but the record has no date"),
    _TWICE := re.compile(r"^citations lists a paragraph twice"),
    re.compile(r"a quantity needs low <= best <= high"),
    re.compile(r"^a figure needs exactly one of quantity and money"),
    re.compile(r"^destination is for visits only"),
    re.compile(r"^give date or period, not both"),
    re.compile(r"^read names '\w+', which this record leaves empty|^read says .* yet the record has no doubt"),
    re.compile(
        r"^combat_stated=False says combat is read|^casualties_in=.* says this record|^casualties_in names the record itself"
    ),
    re.compile(r"takes whole numbers \(an int|is at least 0, got \w+=-"),
    re.compile(r"counted in that record's figures, yet it states its own"),  # casualties_in: "states none of its own"
    re.compile(r"refers to '[^']*', which no record has as its id"),
    re.compile(r"^cites '[^']*', which no source has as its id|no source has the id|source '[^']*'"),
    re.compile(r"^missing: records cite sources, but no sources\.json"),  # references to records that exist
    re.compile(r"does not list .* in its disputes"),
    re.compile(r"is too small to be kept|is beyond ±2\^53|lone surrogate"),
)
"""What the records' descriptions name as not checked by the schema (with the date refusals above)."""


def test_a_day_zero_is_refused_by_the_schema_and_load_alike(tmp_path: Path) -> None:
    """Day 00 is outside the schema's 01-31, not a day past its month's end: not a named refusal."""
    source = a_source(as_of="0001-02-00")
    assert not jsonschema.Draft202012Validator(usnz.export.json_schema("sources")).is_valid(source)
    (tmp_path / "sources.json").write_text(json.dumps([source]), encoding="utf-8")
    with pytest.raises(usnz.DataError) as refused:
        usnz.load(tmp_path)
    messages = [problem.message for problem in refused.value.problems]
    assert messages
    assert not any(p.search(m) for p in _NAMED for m in messages), messages


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_a_changed_record_schema_and_load_disagree_only_where_the_descriptions_say(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    kind, cls = data.draw(st.sampled_from(list(usnz.KINDS.items())))
    item = json.loads(json.dumps(usnz.converter.unstructure(data.draw(RECORDS[cls]))))
    schema = usnz.export.json_schema(kind)
    valued = sorted(n for n, p in schema["properties"].items() if "$ref" in json.dumps(p))  # dates, quantities...
    name = data.draw(st.sampled_from(valued if valued and data.draw(st.booleans()) else sorted(schema["properties"])))
    if data.draw(st.booleans()):
        item.pop(name, None)
    else:
        item[name] = data.draw(_values_for(json.dumps(schema["properties"][name])))
    accepted = jsonschema.Draft202012Validator(schema).is_valid(item)
    folder = tmp_path_factory.mktemp("record")
    (folder / f"{kind}.json").write_text(json.dumps([item]), encoding="utf-8")
    try:
        usnz.load(folder)
    except usnz.DataError as error:
        refused = [problem.message for problem in error.problems]
    else:
        refused = []
    if not accepted:
        # (the schema refuses a citation given twice exactly, uniqueItems, as load does: not the same
        # paragraph cited twice with different notes, which its description names)
        within = [m for m in refused if not any(p.search(m) for p in _NAMED_FOR_RECORDS if p is not _TWICE)]
        assert within, f"the schema refuses {name}={item.get(name)!r}, which usnz.load accepts"
    else:
        unnamed = [m for m in refused if not any(p.search(m) for p in _NAMED_FOR_RECORDS)]
        assert not unnamed, (kind, name, item.get(name), unnamed)
