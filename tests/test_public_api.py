"""The public API, pinned: every name, signature and record field, against a committed snapshot.

A change to the contract must be a reviewed diff of ``tests/snapshots/public-api.txt`` (and a
CHANGELOG line): regenerate it with ``PYTHONPATH=src python scripts/api_snapshot.py``.
"""

from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import usnz

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "api_snapshot.py"


@pytest.fixture(scope="module")
def script() -> ModuleType:
    if not SCRIPT.is_file():
        pytest.skip("not running from a source checkout")
    spec = importlib.util.spec_from_file_location("api_snapshot", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_public_api_is_the_snapshot(script: ModuleType) -> None:
    committed = script.SNAPSHOT.read_text(encoding="utf-8")
    current = script.snapshot()
    diff = "".join(difflib.unified_diff(committed.splitlines(True), current.splitlines(True), "committed", "now"))
    assert current == committed, (
        "the public API changed; if on purpose, run `PYTHONPATH=src python scripts/api_snapshot.py`, "
        "review the diff and add a CHANGELOG line:\n" + diff
    )


def test_the_snapshot_covers_every_public_name(script: ModuleType) -> None:
    text = script.snapshot()
    for name in usnz.__all__:
        assert f"usnz.{name}(" in text or f"usnz.{name}:" in text, name
    assert "    signed: PartialDate | None = None" in text  # a record field, with its type and default
    assert "def usnz.events(*, kind: str | Iterable[str] | None = None, during: During | None = None" in text


def test_the_snapshot_does_not_depend_on_what_ran_before(script: ModuleType) -> None:
    """attrs may resolve a field's type in place (cattrs does): the snapshot shows the annotation as written."""
    before = script.snapshot()
    for cls in (*usnz.KINDS.values(), usnz.Citation, usnz.PartialDate, usnz.Period, usnz.Quantity, usnz.Money):
        attrs.resolve_types(cls)
    assert script.snapshot() == before


def test_a_change_shows_in_the_snapshot(script: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    before = script.snapshot()

    def get(id: str, kind: str | None = None) -> object:  # noqa: A002 - as usnz.get names it
        return None

    monkeypatch.setattr(usnz, "get", get)
    after = script.snapshot()
    assert "def usnz.get(id: str, kind: str | None = None) -> object" in after
    assert before != after


def test_the_script_checks_and_writes(
    script: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "public-api.txt"
    monkeypatch.setattr(script, "SNAPSHOT", target)
    monkeypatch.setattr(script, "ROOT", tmp_path)
    monkeypatch.setattr("sys.argv", ["api_snapshot.py", "--check"])
    assert script.main() == 1
    monkeypatch.setattr("sys.argv", ["api_snapshot.py"])
    assert script.main() == 0
    assert target.read_text(encoding="utf-8") == script.snapshot()
    monkeypatch.setattr("sys.argv", ["api_snapshot.py", "--check"])
    assert script.main() == 0
    assert capsys.readouterr().out.splitlines()[-1] == "the public API snapshot is up to date"
