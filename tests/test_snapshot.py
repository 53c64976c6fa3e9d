"""The golden snapshot: every data change shows up as a reviewable diff of ``tests/snapshots/``.

Regenerate with ``python scripts/snapshot.py`` (``--data`` also tidies the data files).
"""

from __future__ import annotations

import importlib.util
import json
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

import usnz

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "tests" / "snapshots"
HINT = "run `python scripts/snapshot.py` and review the diff"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("usnz_snapshot_script", ROOT / "scripts" / "snapshot.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


script = _script()


@pytest.mark.parametrize("kind", list(usnz.KINDS))
def test_snapshot_matches_the_packaged_data(kind: str) -> None:
    expected = script.snapshot(usnz.dataset())[f"{kind}.json"]
    path = SNAPSHOTS / f"{kind}.json"
    assert path.exists(), f"no snapshot for {kind}: {HINT}"
    assert path.read_text(encoding="utf-8") == expected, f"the {kind} snapshot is out of date: {HINT}"


def test_snapshot_is_canonical_json() -> None:
    text = script.snapshot(usnz.dataset())["people.json"]
    records = json.loads(text)
    assert text.endswith("]\n")
    assert text.startswith('[\n  {\n    "id": ')
    assert "Kirk Penney" in text
    assert "\\u" not in text
    assert [r["id"] for r in records] == sorted(r["id"] for r in records)
    assert [usnz.converter.structure(r, usnz.Person) for r in records] == sorted(usnz.people(), key=lambda p: p.id)


def test_data_files_are_canonical() -> None:
    folder = Path(str(resources.files("usnz") / "data"))
    for name, text in script.canonical_data(folder).items():
        assert (folder / name).read_text(encoding="utf-8") == text, f"{name} is not canonical: {HINT} --data"


def test_canonical_record_orders_fields_and_rejects_unknown_ones() -> None:
    record = {"notes": "n", "citations": [], "summary": "s", "id": "x", "kind": "other", "title": "t", "time": "16:23"}
    assert list(script.canonical_record(record, usnz.Event)) == [
        "id",
        "kind",
        "title",
        "summary",
        "time",
        "citations",
        "notes",
    ]
    with pytest.raises(ValueError, match=r"'x' has unknown fields \['colour'\]"):
        script.canonical_record({"id": "x", "colour": "red"}, usnz.Event)


def test_check_reports_stale_files_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("old\n", encoding="utf-8")
    stale = script._write(tmp_path, {"a.json": "new\n", "b.json": "[]\n"}, check=True, root=tmp_path)
    assert stale == ["a.json", "b.json"]
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == "old\n"
    assert not (tmp_path / "b.json").exists()
    assert script._write(tmp_path, {"a.json": "new\n"}, check=False, root=tmp_path) == ["a.json"]
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == "new\n"
    assert script._write(tmp_path, {"a.json": "new\n"}, check=True, root=tmp_path) == []


def test_the_script_is_up_to_date() -> None:
    assert script.main(["--check"]) == 0
