"""``--format`` where a format makes sense: show, list, search, timeline, validate, schema, cite, export."""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path

import pytest

import usnz
import usnz.export
from usnz.cli import _COMMANDS, _parser, main


def _formats(command: str) -> tuple[str, ...] | None:
    sub = _parser()._subparsers._group_actions[0].choices[command]  # type: ignore[union-attr]
    option = next((a for a in sub._actions if "--format" in a.option_strings), None)
    return None if option is None else tuple(option.choices)


def test_which_commands_take_format() -> None:
    """As the README and docs/cli.md say: every command but verify takes --format."""
    assert {c: _formats(c) for c in ("show", "list", "search", "timeline")} == dict.fromkeys(
        ("show", "list", "search", "timeline"), ("table", "json", "csv")
    )
    assert _formats("validate") == ("table", "json", "csv")
    assert _formats("schema") == ("json", "table", "csv")
    assert _formats("cite") == ("text", "bibtex")
    assert _formats("export") == ("csv", "json", "jsonl", "parquet")
    assert _formats("verify") is None
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "Every command takes `--format" not in readme


def _commands(asked: str | None) -> dict[str, argparse.ArgumentParser]:
    return _parser(asked)._subparsers._group_actions[0].choices  # type: ignore[union-attr,no-any-return]


@pytest.mark.parametrize(
    "command", ["show", "list", "search", "doubts", "validate", "verify", "timeline", "export", "cite", "schema"]
)
def test_a_command_asked_for_builds_its_own_parser_only_as_every_command_builds_it(command: str) -> None:
    """``usnz show anzus`` builds the parser of show alone, as the whole parser holds it (its help, its options)."""
    alone, every = _commands(command), _commands("no-such-command")
    assert list(alone) == [command]
    assert list(every) == list(_COMMANDS)
    if command not in ("list", "timeline"):  # (whose filters are built only when the command is asked for)
        assert alone[command].format_help() == every[command].format_help()


def _broken(tmp_path: Path) -> Path:
    (tmp_path / "events.json").write_text('[{"id": "x"}, 3]', encoding="utf-8")
    return tmp_path


def test_validate_lists_problems_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "json", str(_broken(tmp_path))]) == 1
    problems = json.loads(capsys.readouterr().out)
    assert problems[0] == {
        "file": str(tmp_path / "events.json"),
        "record": "x",
        "path": "citations",
        "message": "required field missing",
    }
    assert {
        "file": str(tmp_path / "events.json"),
        "record": 1,
        "path": "",
        "message": "expected a JSON object, got 3",
    } in problems


def test_validate_lists_problems_as_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "csv", str(_broken(tmp_path))]) == 1
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["file", "record", "path", "message"]
    assert rows[1] == [str(tmp_path / "events.json"), "x", "citations", "required field missing"]


@pytest.mark.parametrize(("fmt", "expected"), [("json", "[]\n"), ("csv", "file,record,path,message\n")])
def test_validate_clean_files_in_each_format(
    fmt: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usnz.export.write(tmp_path / "out", format="json")
    assert main(["validate", "--format", fmt, str(tmp_path / "out")]) == 0
    assert capsys.readouterr().out == expected


def test_schema_as_a_table_and_as_csv(capsys: pytest.CaptureFixture[str]) -> None:
    schema = usnz.export.json_schema("force-contributions")
    assert main(["schema", "force-contributions", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["field"] for row in rows] == list(schema["properties"])
    by_field = {row["field"]: row for row in rows}
    assert by_field["id"] == {
        "field": "id",
        "type": "string",
        "required": "yes",
        "description": schema["properties"]["id"]["description"],
    }
    assert by_field["citations"]["type"] == "array of Citation"
    assert by_field["period"]["type"] == "Period or null"
    assert by_field["branch"]["type"].startswith("one of air-force|army|")
    assert by_field["country"]["type"] == f"one of {len(usnz.COUNTRIES)} values"
    assert by_field["notes"]["required"] == "no"
    assert main(["schema", "force-contributions", "--format", "table"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # as `list` writes a table: headings, a rule, a row per field (its description wrapped, whole)
    assert lines[0].split()[:3] == ["field", "type", "required"]
    firsts = [line.split()[0] for line in lines[2:] if not line.startswith(" ")]
    assert firsts == [row["field"] for row in rows]
    id_row, citations_row = (
        next(line for line in lines if line.startswith(f"{name} ")) for name in ("id", "citations")
    )
    assert citations_row.index("array of Citation") == id_row.index("string") == lines[0].index("type")


def test_schema_type_text_of_other_shapes() -> None:
    from usnz.cli import _type_text

    assert _type_text({}) == "any"
    assert _type_text({"type": "array", "items": {"type": "string"}}) == "array of string"
    assert _type_text({"type": "array"}) == "array"
