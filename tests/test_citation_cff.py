"""CITATION.cff: valid by cffconvert, in step with ``usnz cite``, and listing the two source texts."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
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
    """Title, version and authors: the same in ``usnz cite`` (text and BibTeX) as in CITATION.cff."""
    title, version, authors = cff["title"], cff["version"], cff["authors"]
    assert isinstance(title, str)
    assert isinstance(authors, list)
    names = [str(author["name"]) for author in authors]
    assert version == usnz.__version__
    first = usnz.cite().splitlines()[0]
    assert first.startswith(f"{'. '.join(names)}. {usnz.DATA_VERSION.split('.')[0]}. {title}. ")
    assert f" Python package version {version}, data version {usnz.DATA_VERSION}." in first
    entry = usnz.cite("bibtex").split("\n\n")[0]
    assert f"  author = {{{' and '.join('{' + name + '}' for name in names)}}},\n" in entry
    assert f"  title = {{{title.replace('–', '--')}}},\n" in entry
    assert f"Python package version {version}," in entry
    # the same through the command line
    done = subprocess.run(
        [sys.executable, "-m", "usnz", "cite"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])},
    )
    assert done.stdout.splitlines()[0] == first


_RELEASE = re.compile(r"^## \[(?P<version>[^\]]+)\] - (?P<date>\d{4}-\d{2}-\d{2})$", re.MULTILINE)


def released() -> dict[str, dt.date]:
    """Each released version and its date, as the CHANGELOG's sections give them (``## [0.1.0] - 2026-12-01``)."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    return {m["version"]: dt.date.fromisoformat(m["date"]) for m in _RELEASE.finditer(text)}


def test_the_cff_states_no_release_date_that_is_not_true(cff: dict[str, object]) -> None:
    """``date-released`` only for a released version, and then its CHANGELOG date; never a date for an unreleased one."""
    dates = released()
    version = str(cff["version"])
    if version in dates:
        assert cff.get("date-released") == dates[version], "date-released must be the CHANGELOG's date of the release"
    else:
        assert "date-released" not in cff, f"version {version} is not released (no CHANGELOG section), so no date"
    for key in cff:
        assert "date" not in key or key == "date-released", key  # no other date stated for the software itself


def test_released_versions_are_read_from_the_changelog() -> None:
    assert _RELEASE.findall("## [Unreleased]\n") == []
    found = _RELEASE.search("## [Unreleased]\n\n## [0.1.0] - 2026-12-01\n")
    assert found is not None
    assert (found["version"], found["date"]) == ("0.1.0", "2026-12-01")
    assert "0.1.0" not in released() or released()["0.1.0"] <= dt.datetime.now(dt.timezone.utc).date()


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
