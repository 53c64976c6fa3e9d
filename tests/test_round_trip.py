"""Every export usnz writes, usnz reads back: JSON and JSON Lines whole, CSV where it is lossless."""

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path

import frictionless
import pandas as pd
import pytest

import usnz
import usnz.export
from usnz.cli import main


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_json_or_jsonl_export_loads_back_whole(fmt: str, tmp_path: Path) -> None:
    usnz.export.write(tmp_path, format=fmt)  # type: ignore[arg-type]
    loaded = usnz.load(tmp_path)
    assert list(loaded) == list(usnz.dataset())
    files = sorted(p for p in tmp_path.glob(f"*.{fmt}") if p.name != "datapackage.json")
    assert len(files) == len(usnz.KINDS)
    assert list(usnz.load(files)) == list(usnz.dataset())


def test_a_jsonl_export_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "jsonl", "--out", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    assert main(["validate", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().out == f"ok: {len(usnz.dataset())} records, no problems\n"
    assert main(["validate", str(tmp_path / "out" / "sources.jsonl")]) == 0
    assert capsys.readouterr().out == f"ok: {len(usnz.sources())} records, no problems\n"


def test_a_broken_jsonl_file_is_reported_by_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    usnz.export.write(tmp_path / "out", format="jsonl")
    events = tmp_path / "out" / "events.jsonl"
    lines = events.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2][:-1]  # the third record loses its closing brace
    events.write_text("\n".join(lines) + "\n\n", encoding="utf-8")  # and a blank line at the end is skipped
    assert main(["validate", str(tmp_path / "out")]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"{events}: not valid JSON: Expecting ',' delimiter at line 3, column "), first
    lines[2] = "[1, 2]"
    events.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(usnz.DataError, match=r"events\.jsonl \[2\]: expected a JSON object"):
        usnz.load(tmp_path / "out")


def test_blank_lines_of_a_jsonl_file_are_skipped(tmp_path: Path) -> None:
    usnz.export.write(tmp_path / "out", format="jsonl")
    sources = tmp_path / "out" / "sources.jsonl"
    sources.write_text("\n" + sources.read_text(encoding="utf-8").replace("\n", "\r\n\n  \n"), encoding="utf-8")
    assert list(usnz.load(sources)) == list(usnz.sources())


def test_a_jsonl_record_is_read_as_strictly_as_json(tmp_path: Path) -> None:
    (tmp_path / "sources.jsonl").write_text('{"id": "a", "id": "b"}\n', encoding="utf-8")
    with pytest.raises(usnz.DataError, match=r"sources\.jsonl: not read: .*'id'"):
        usnz.load(tmp_path)


def _cell(value: object) -> object:
    """A frame cell as a typed CSV reader gives it: None for missing, a day as a date, numbers as floats."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return float(value)
    return value


@pytest.mark.parametrize("kind", list(usnz.KINDS))
def test_a_csv_export_reads_back_where_it_is_lossless(csv_package: frictionless.Package, kind: str) -> None:
    """Read with its Table Schema, every CSV column of one value per cell gives back the data frame's values."""
    frame = usnz.dataset().to_frame(kind)
    rows = csv_package.get_resource(kind).read_rows()
    assert [row["id"] for row in rows] == frame["id"].tolist()
    scalar = [name for name in frame.columns if str(frame[name].dtype) != "object" and name in rows[0]]
    assert len(scalar) >= 5, scalar
    for name in scalar:
        assert [_cell(row[name]) for row in rows] == [_cell(v) for v in frame[name].astype(object)], name


def test_the_csv_citations_table_gives_back_every_citation(csv_package: frictionless.Package) -> None:
    rows = csv_package.get_resource("citations").read_rows()
    cited = [(r["record"], r["position"], r["source"], r["paragraph"], r["note"], r["quote"]) for r in rows]
    expected = [
        (record.id, position, c.source, c.paragraph, c.note, c.quote)
        for record in usnz.dataset()
        for position, c in enumerate(getattr(record, "citations", ()), start=1)
    ]
    assert cited == expected


@pytest.fixture(scope="module")
def csv_package(tmp_path_factory: pytest.TempPathFactory) -> frictionless.Package:
    out = tmp_path_factory.mktemp("csv")
    usnz.export.write(out, format="csv")
    return frictionless.Package(str(out / "datapackage.json"))
