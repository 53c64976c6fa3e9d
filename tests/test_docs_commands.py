"""Every ``usnz`` command shown in the docs runs: ``sh`` blocks exit 0, ``console`` blocks print what they show."""

from __future__ import annotations

import doctest
import re
import shlex
from pathlib import Path

import pytest

from conftest import SEEDS
from usnz.cli import main

DOCS = Path(__file__).resolve().parent.parent / "docs"
_BLOCK = re.compile(r"^```(sh|console)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks(language: str) -> list[tuple[str, str]]:
    found = []
    for page in sorted(DOCS.glob("*.md")):
        found += [
            (page.name, body) for lang, body in _BLOCK.findall(page.read_text(encoding="utf-8")) if lang == language
        ]
    return found


def _commands() -> list[tuple[str, str]]:
    return [(page, line) for page, body in _blocks("sh") for line in body.splitlines() if line.startswith("usnz ")]


def _sessions() -> list[tuple[str, str, str]]:
    """(page, command, expected output) for each ``$ usnz ...`` line of a console block."""
    found = []
    for page, body in _blocks("console"):
        for chunk in re.split(r"^\$ ", body, flags=re.MULTILINE)[1:]:
            command, _, output = chunk.partition("\n")
            found.append((page, command, output))
    return found


def _run(command: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    if "../shared/seeds" in command:  # the source texts beside the repository, as the docs say
        if not SEEDS.is_dir():
            pytest.skip(f"the source texts are not at {SEEDS}")
        command = command.replace("../shared/seeds", str(SEEDS))
        command = command.replace("../shared/crosswalk", str(SEEDS.parent / "crosswalk"))
    argv = shlex.split(command.partition("#")[0])
    assert argv[0] == "usnz", command
    code = main(argv[1:])
    out, err = capsys.readouterr()
    return code, out + err


def test_the_docs_show_commands() -> None:
    assert len(_commands()) >= 8
    assert len(_sessions()) >= 2


@pytest.mark.parametrize(("page", "command"), _commands(), ids=lambda value: str(value))
def test_sh_examples_run(
    page: str, command: str, *, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = _run(command, capsys)
    assert code == 0, f"{page}: {command}\n{output}"
    assert output.strip(), f"{page}: {command} printed nothing"


@pytest.mark.parametrize(("page", "command", "expected"), _sessions(), ids=lambda value: str(value)[:40])
def test_console_examples_print_what_they_show(
    page: str,
    command: str,
    expected: str,
    *,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    _, output = _run(command, capsys)
    checker = doctest.OutputChecker()
    assert checker.check_output(expected, output, doctest.ELLIPSIS), f"{page}: {command}\n{output}"
