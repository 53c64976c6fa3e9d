"""Text and numbers that cannot be kept are refused on load, as problems: nothing fails later.

A control character (but tab and newline) or a lone surrogate anywhere in a record, an
integer beyond ±2^53, a float that overflows or underflows: each is a problem with its
file, record and path, never a record that breaks ``print``, an export or a data frame.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

import usnz
from user_data import SOURCE
from usnz.model.plain import unsafe
from usnz.reading.load import MAX_INT, parse_json

EVENT: dict[str, Any] = {
    "id": "e",
    "kind": "statement",
    "title": "T",
    "summary": "S.",
    "citations": [{"source": "my-notes", "paragraph": 1, "note": "n", "quote": "q"}],
    "participants": [],
    "location": "Wellington",
}

BAD = [chr(c) for c in (*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))] + [
    "\ud800",
    "\udbff",
    "\udc00",
    "\udfff",
]
"""Every control character but tab and newline (C0, DEL, C1), and lone surrogates of both halves."""


def write(folder: Path, *events: dict[str, Any], raw: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sources.json").write_text(json.dumps([SOURCE]), encoding="utf-8")
    text = raw if raw is not None else json.dumps(list(events))
    (folder / "events.json").write_text(text, encoding="utf-8")
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(usnz.DataError) as caught:
        usnz.load(folder)
    return [str(problem) for problem in caught.value.problems]


def with_value(path: str, value: object) -> dict[str, Any]:
    event = json.loads(json.dumps(EVENT))
    if path == "citations[0].note":
        event["citations"][0]["note"] = value
    elif path == "citations[0].quote":
        event["citations"][0]["quote"] = value
    elif path == "participants[0]":
        event["participants"] = [value]
    else:
        event[path] = value
    return event


def test_the_plain_record_loads(tmp_path: Path) -> None:
    assert len(usnz.load(write(tmp_path, EVENT))) == 2
    tabbed = {**EVENT, "summary": "first\tsecond\nthird"}
    assert usnz.load(write(tmp_path / "b", tabbed)).get("e").summary == "first\tsecond\nthird"


FIELDS = ["title", "summary", "location", "notes", "citations[0].note", "citations[0].quote"]


@pytest.mark.parametrize("field", FIELDS)
def test_every_unsafe_character_in_every_text_field_is_a_problem(tmp_path: Path, field: str) -> None:
    events = [with_value(field, f"x{char}y") | {"id": f"e-{index}"} for index, char in enumerate(BAD)]
    found = problems(write(tmp_path, *events))
    assert len(found) == len(BAD), found
    for index, char in enumerate(BAD):
        line = next(line for line in found if f" e-{index} " in line)
        assert line.endswith(f"{field}: text {unsafe(f'x{char}y')}")
        assert f"(U+{ord(char):04X})" in line
        assert "at position 1" in line
        assert line.isprintable()
        line.encode("utf-8")


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\r", "\x85", "\ud800"])
def test_an_unsafe_character_elsewhere_is_a_problem_too(tmp_path: Path, char: str) -> None:
    odd_kind = {**EVENT, "kind": f"visit{char}"}
    odd_key = {**EVENT, "id": "f", f"title{char}": "x"}
    odd_id = {**EVENT, "id": f"g{char}"}
    found = "\n".join(problems(write(tmp_path, odd_kind, odd_key, odd_id)))
    assert "events.json e kind: text holds a" in found
    assert "field name holds a" in found
    assert "events.json [2] id: text holds a" in found  # an unusable id: the record's place names it
    assert found.isprintable() or set(found) - set(found.replace("\n", "")) == {"\n"}


def test_an_id_with_an_unsafe_character_is_a_problem(tmp_path: Path) -> None:
    found = problems(write(tmp_path, with_value("participants[0]", "x\x1by")))
    assert any(line.endswith("e participants[0]: text " + unsafe("x\x1by")) for line in found)  # type: ignore[operator]
    assert all("\x1b" not in line for line in found)


def test_a_raw_c1_character_in_the_file_is_found(tmp_path: Path) -> None:
    raw = json.dumps([{**EVENT, "title": "a\u0085b"}], ensure_ascii=False)
    assert "\u0085" in raw
    assert "e title: text holds a control character (U+0085)" in "\n".join(problems(write(tmp_path, raw=raw)))


def test_the_cli_prints_the_problems_as_single_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from usnz.cli import main

    write(tmp_path, with_value("title", "\x1b]0;pwned\x07"), with_value("summary", "a\ud800") | {"id": "f"})
    assert main(["validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x07" not in out
    assert len(out.splitlines()) == 2


@pytest.mark.parametrize("char", BAD)
def test_building_a_record_refuses_unsafe_text(char: str) -> None:
    citation = usnz.Citation(source="s", paragraph=1)
    with pytest.raises(ValueError, match=r"title holds a"):
        usnz.Event(id="e", kind="statement", title=f"a{char}b", summary="S.", citations=(citation,))
    with pytest.raises(ValueError, match=r"summary holds a"):
        usnz.Event(id="e", kind="statement", title="T", summary=f"S.{char}x", citations=(citation,))
    with pytest.raises(ValueError, match=r"note holds a"):
        usnz.Citation(source="s", paragraph=1, note=f"{char}b")
    with pytest.raises(ValueError, match=r"quote holds a"):
        usnz.Citation(source="s", paragraph=1, quote=f"a{char}b")


def test_a_long_unsafe_text_is_reported_briefly() -> None:
    citation = usnz.Citation(source="s", paragraph=1)
    with pytest.raises(ValueError, match="must be non-empty text") as caught:
        usnz.Event(id="e", kind="statement", title=" " + "x" * 100_000, summary="S.", citations=(citation,))
    assert len(str(caught.value)) < 300


# -- numbers --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        str(MAX_INT + 1),
        str(-MAX_INT - 1),
        "12345678901234567890",
        "-99999999999999999999",
        "9" * 30,
    ],
)
def test_integers_beyond_2_53_are_refused(number: str) -> None:
    with pytest.raises(Exception, match=r"beyond ±2\^53"):
        parse_json(f'[{{"n": {number}}}]')


@pytest.mark.parametrize("number", [str(MAX_INT), str(-MAX_INT), "0", "-0", "20000000"])
def test_integers_up_to_2_53_are_kept(number: str) -> None:
    assert parse_json(f"[{number}]") == [int(number)]


@pytest.mark.parametrize("number", ["1e-400", "-1e-400", "1E-400", "0.1e-330", "5e-324", "1e-310", "123e-330"])
def test_floats_that_underflow_are_refused(number: str) -> None:
    with pytest.raises(Exception, match="too small to be kept"):
        parse_json(f"[{number}]")


@pytest.mark.parametrize("number", ["1e999", "-1e999", "1E400", "1.8e308"])
def test_floats_that_overflow_are_refused(number: str) -> None:
    with pytest.raises(Exception, match="too large to be finite"):
        parse_json(f"[{number}]")


@pytest.mark.parametrize("number", ["0.0", "0e-400", "-0.0e5", "2.3e-308", "1e-300", "1.7e308", "0.5"])
def test_ordinary_floats_are_kept(number: str) -> None:
    assert parse_json(f"[{number}]") == [float(number)]
    assert float(number) == 0 or abs(float(number)) >= sys.float_info.min


@pytest.mark.parametrize("number", [str(2**53 + 1), "1e-400", "1e999"])
def test_a_number_that_cannot_be_kept_is_a_problem_of_its_file(tmp_path: Path, number: str) -> None:
    raw = json.dumps([EVENT])[:-2] + f', "x": {number}}}]'
    found = problems(write(tmp_path, raw=raw))
    assert len(found) == 1
    assert "events.json: not read: the" in found[0]
    assert number[:10] in found[0]
