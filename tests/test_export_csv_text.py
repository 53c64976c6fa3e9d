"""CSV keeps text as it is, a formula's first character included, and the docs say what that means in a spreadsheet."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import usnz
import usnz.export
from user_data import SOURCE

ROOT = Path(__file__).resolve().parent.parent
_FORMULA = ("=", "+", "-", "@")

NOTES = ['=HYPERLINK("http://x")', "+1 more", "-2 less", "@SUM(A1)"]


def _event(at: int, notes: str) -> dict[str, Any]:
    return {
        "id": f"e{at}",
        "kind": "statement",
        "title": notes,
        "summary": "S.",
        "citations": [{"source": "my-notes", "paragraph": 1, "quote": notes}],
        "notes": notes,
    }


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_text_that_looks_like_a_formula_is_written_as_it_is_and_reads_back(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "sources.json").write_text(json.dumps([SOURCE]), encoding="utf-8")
    (folder / "events.json").write_text(json.dumps([_event(n, text) for n, text in enumerate(NOTES)]), "utf-8")
    usnz.export.write(tmp_path / "out", format="csv", data=usnz.load(folder))
    events = _rows(tmp_path / "out" / "events.csv")
    assert [row["notes"] for row in events] == NOTES  # no ' put before it: the data as it is
    assert [row["title"] for row in events] == NOTES
    assert [row["quote"] for row in _rows(tmp_path / "out" / "citations.csv")] == NOTES


def test_the_docs_say_csv_is_data_not_safe_to_open_in_a_spreadsheet_as_is(tmp_path: Path) -> None:
    docs = " ".join((ROOT / "docs" / "exports-and-crosswalk.md").read_text(encoding="utf-8").split())
    assert "begins with `=`, `+`, `-` or `@`" in docs
    assert "as text" in docs
    # what the docs say of the packaged data: one cell, a quote of the NZPA item, begins so
    usnz.export.write(tmp_path / "csv", format="csv")
    leading = set()
    for table in (tmp_path / "csv").glob("*.csv"):
        for row in _rows(table):
            for value in row.values():
                if value.startswith(_FORMULA) and not value.lstrip("-+").replace(".", "", 1).isdigit():
                    leading.add((table.name, value))
    assert leading == {("citations.csv", "- NZPA")}
    assert "`- NZPA`" in docs
