"""CITATION.cff: valid by cffconvert, in step with ``usnz cite``, and listing the two source texts."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

import usnz

ROOT = Path(__file__).resolve().parent.parent
CFF = ROOT / "CITATION.cff"


@pytest.fixture
def cff() -> dict[str, object]:
    if not CFF.is_file():
        pytest.skip("not running from a source checkout")
    loaded: dict[str, object] = yaml.safe_load(CFF.read_text(encoding="utf-8"))
    return loaded


def _cffconvert() -> str:
    """cffconvert, from USNZ_CFFCONVERT or the PATH; it lives in its own environment (it needs jsonschema<4)."""
    found = os.environ.get("USNZ_CFFCONVERT") or shutil.which("cffconvert")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("cffconvert is not installed: .ci/run installs it in .venv-cff and sets USNZ_CFFCONVERT")
    pytest.skip("cffconvert is not installed (python3 -m venv .venv-cff && .venv-cff/bin/pip install cffconvert)")


def test_cffconvert_validates_the_citation_file(cff: dict[str, object], tmp_path: Path) -> None:
    program = _cffconvert()
    done = subprocess.run([program, "--validate", "-i", str(CFF)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "valid" in done.stdout
    broken = tmp_path / "CITATION.cff"
    broken.write_text(CFF.read_text(encoding="utf-8").replace("type: encyclopedia", "type: rumour"), encoding="utf-8")
    refused = subprocess.run([program, "--validate", "-i", str(broken)], capture_output=True, text=True, check=False)
    assert refused.returncode != 0


def test_cite_and_the_cff_agree(cff: dict[str, object]) -> None:
    text = usnz.cite()
    first = text.splitlines()[0]
    assert isinstance(cff["title"], str)
    assert cff["title"] in first
    assert f"Python package version {cff['version']}," in first
    assert cff["version"] == usnz.__version__
    authors = cff["authors"]
    assert isinstance(authors, list)
    assert first.startswith(". ".join(str(a["name"]) for a in authors) + ".")


def test_the_cff_references_the_source_texts(cff: dict[str, object]) -> None:
    references = cff["references"]
    assert isinstance(references, list)
    by_title = {str(r["title"]): r for r in references}
    assert set(by_title) == {source.title for source in usnz.sources()}
    for source in usnz.sources():
        reference = by_title[source.title]
        assert source.sha256 in " ".join(str(reference["notes"]).split()), source.id
        assert reference["authors"], source.id
        if source.date is not None:
            assert (reference["year"], reference["month"]) == (source.date.year, source.date.month)
    assert "repository" in str(cff["message"])
