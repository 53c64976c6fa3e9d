"""A downstream package type-checks against usnz: mypy --strict and pyright strict, as a user runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import usnz

GOOD = '''\
"""What a user writes: every name typed, nothing cast."""

from __future__ import annotations

import usnz


def main() -> list[str]:
    anzus = usnz.get("anzus", usnz.Agreement)
    quotes = [c.quote or "" for c in anzus.citations]
    signed: usnz.PartialDate | None = anzus.signed
    parties: tuple[str, ...] = anzus.parties
    any_record: usnz.AnyRecord = usnz.get("anzus")
    korea = usnz.force_contributions(conflict="korean-war", country="NZL", during=usnz.Period.parse("1950/1953"))
    first: usnz.ForceContribution = korea[0]
    total: usnz.Total = korea.total("total_served")
    visits = usnz.events(kind="visit", during=2008, involving=usnz.people(office="secretary-of-state"))
    hits = usnz.search("ANZUS treaty", scores=True)
    best: float = hits[0].score
    found: usnz.Records[usnz.AnyRecord] = usnz.search("ANZUS treaty")
    quotes.extend(found.ids())
    quotes.extend(usnz.search("ANZUS", kind=usnz.Event).ids())  # a kind by its class, as get takes it
    quotes.extend(usnz.search("ANZUS", kind=[usnz.Agreement, "event"]).ids())
    quotes.extend(usnz.dataset().records(usnz.Conflict).ids())
    end: usnz.PartialDate | usnz.Open | None = usnz.Period.parse("2003/..").end
    both: usnz.Records[usnz.Event | usnz.Quote] = usnz.events(kind="visit") + usnz.quotes(speaker="john-key")
    quotes.extend(both.ids())  # two results added are Records, typed so
    quotes.extend((usnz.events(kind="visit") * 2).ids())
    try:
        usnz.get("anzus", usnz.Event)
    except usnz.WrongKindError as error:
        quotes.append(str(error))
    return [*quotes, str(signed), *parties, any_record.id, first.id, str(total), str(visits), str(best), str(end)]
'''

BAD = """\
from __future__ import annotations

import usnz

usnz.events(during=1965.5)
usnz.force_contributions().total("personel")
usnz.agreements(parties="USA")
"""


def _package(tmp_path: Path, text: str) -> Path:
    package = tmp_path / "downstream"
    package.mkdir()
    (package / "__init__.py").write_text(text, encoding="utf-8")
    return package


def _checkers(tmp_path: Path, package: Path) -> dict[str, subprocess.CompletedProcess[str]]:
    src = str(Path(usnz.__file__).resolve().parent.parent)  # the usnz these tests import
    env = {**os.environ, "MYPYPATH": src}
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull, str(package)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    config = {"typeCheckingMode": "strict", "extraPaths": [src], "include": [package.name]}
    (tmp_path / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    pyright = shutil.which("pyright") or str(Path(sys.executable).parent / "pyright")
    checked = subprocess.run(
        [pyright, "--pythonpath", sys.executable, "--project", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    return {"mypy": mypy, "pyright": checked}


def _skip_without_checkers() -> None:
    if shutil.which("pyright") is None and not (Path(sys.executable).parent / "pyright").exists():
        pytest.skip("pyright is not installed (the test extra)")
    pytest.importorskip("mypy")


def test_a_downstream_package_type_checks_strictly(tmp_path: Path) -> None:
    _skip_without_checkers()
    results = _checkers(tmp_path, _package(tmp_path, GOOD))
    for name, result in results.items():
        assert result.returncode == 0, f"{name}:\n{result.stdout}{result.stderr}"


def test_a_float_year_and_a_misspelt_total_are_caught_by_both_checkers(tmp_path: Path) -> None:
    _skip_without_checkers()
    results = _checkers(tmp_path, _package(tmp_path, BAD))
    for name, result in results.items():
        assert result.returncode != 0, f"{name} let during=1965.5 pass"
        assert "during" in result.stdout, f"{name}:\n{result.stdout}"
        assert "float" in result.stdout, f"{name}:\n{result.stdout}"
        assert "personel" in result.stdout, f"{name} let a misspelt total pass:\n{result.stdout}"
        assert "parties" in result.stdout, f"{name} let a filter agreements() does not take pass:\n{result.stdout}"
