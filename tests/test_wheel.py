"""The built wheel: every data file and py.typed inside; no tests, docs or caches."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import usnz

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    if not (ROOT / "pyproject.toml").is_file():
        pytest.skip("not running from a source checkout")
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (path,) = out.glob("usnz-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_has_every_data_file_and_py_typed(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    for kind in usnz.KINDS:
        assert f"usnz/data/{kind}.json" in names
    assert "usnz/py.typed" in names
    assert "usnz/__init__.py" in names
    assert "usnz/cli.py" in names
    packaged = {n for n in names if n.startswith("usnz/data/")}
    in_tree = {f"usnz/data/{p.name}" for p in (ROOT / "src" / "usnz" / "data").iterdir()}
    assert packaged == in_tree


def test_wheel_has_no_tests_docs_or_caches(wheel: zipfile.ZipFile) -> None:
    for name in wheel.namelist():
        top = name.split("/")[0]
        assert top == "usnz" or top.endswith(".dist-info"), name
        assert "__pycache__" not in name, name
        assert not name.endswith((".pyc", ".pyo")), name
        assert "/tests/" not in name, name
        assert not name.startswith(("tests/", "docs/", "benchmarks/")), name


def test_wheel_metadata(wheel: zipfile.ZipFile) -> None:
    (metadata,) = (n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    text = wheel.read(metadata).decode()
    assert "Requires-Dist: attrs" in text
    assert "Requires-Dist: cattrs" in text
    assert "License-Expression: MIT AND CC-BY-4.0" in text
    assert "Classifier: Typing :: Typed" in text
    entry_points = next(n for n in wheel.namelist() if n.endswith("entry_points.txt"))
    assert "usnz = usnz.cli:main" in wheel.read(entry_points).decode()
