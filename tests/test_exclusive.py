"""An exclusive bound: "more than 400,000" (seed 003 ¶4) said as the text says it, in every face."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import usnz
from usnz.cli import main


def test_a_bound_that_leaves_its_figure_out_reads_more_than() -> None:
    assert str(usnz.Quantity(unit="personnel", low=400000, exclusive=True)) == "more than 400,000 personnel"
    assert str(usnz.Quantity(unit="personnel", low=400000)) == "at least 400,000 personnel"
    assert str(usnz.Quantity(unit="ships", high=9, exclusive=True)) == "less than 9 ships"
    assert str(usnz.Quantity(unit="ships", low=2, high=9, exclusive=True)) == "more than 2 and less than 9 ships"
    assert str(usnz.Quantity(unit="year", low=2000, exclusive=True)) == "more than year 2000"


def test_exclusive_needs_a_bound_and_a_flag() -> None:
    with pytest.raises(usnz.ArgumentValueError, match="only best=5 is given"):
        usnz.Quantity(unit="ships", best=5, exclusive=True)
    with pytest.raises(usnz.ArgumentTypeError, match="exclusive must be a bool"):
        usnz.Quantity(unit="ships", low=5, exclusive=1)  # type: ignore[arg-type]


def test_the_us_forces_in_new_zealand_are_more_than_400000(capsys: pytest.CaptureFixture[str]) -> None:
    served = usnz.get("us-forces-in-new-zealand-ww2", usnz.ForceContribution).total_served
    assert served == usnz.Quantity(unit="personnel", low=400000, exclusive=True)
    assert str(served) == "more than 400,000 personnel"
    table = str(usnz.force_contributions(conflict="pacific-war"))
    assert ">400,000" in table
    assert "≥400,000" not in table
    assert "more than 400,000 personnel" in str(usnz.get("us-forces-in-new-zealand-ww2"))
    frame = usnz.force_contributions().to_frame()
    assert bool(frame.loc["us-forces-in-new-zealand-ww2", "total_served_exclusive"]) is True
    assert main(["list", "force-contributions", "--conflict", "pacific-war", "--format", "csv"]) == 0
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert rows["us-forces-in-new-zealand-ww2"]["total_served_exclusive"] == "true"
    assert rows["us-1st-marine-division-wellington"]["total_served_exclusive"] == ""


def test_exclusive_round_trips_through_the_files(tmp_path: Path) -> None:
    record = usnz.get("us-forces-in-new-zealand-ww2")
    as_json = usnz.converter.unstructure(record.total_served)
    assert as_json == {"unit": "personnel", "low": 400000, "exclusive": True}
    assert usnz.converter.structure(as_json, usnz.Quantity) == record.total_served
    usnz.export.write(tmp_path / "out", format="json")
    again = usnz.load(tmp_path / "out")
    assert again.get("us-forces-in-new-zealand-ww2") == record
    rows = json.loads((tmp_path / "out" / "force_contributions.json").read_text())
    assert next(r for r in rows if r["id"] == record.id)["total_served"]["exclusive"] is True
