"""Every ``usnz`` command shown in the docs and the README runs: ``sh`` blocks exit 0, ``console`` blocks print what they show."""

from __future__ import annotations

import doctest
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import write_own_texts
from usnz.cli import _GROUPS, WIDTH, main

DOCS = Path(__file__).resolve().parent.parent / "docs"
SRC = DOCS.parent / "src"
_BLOCK = re.compile(r"^```(sh|console)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks(language: str) -> list[tuple[str, str]]:
    found = []
    for page in [*sorted(DOCS.glob("*.md")), DOCS.parent / "README.md"]:
        found += [
            (page.name, body) for lang, body in _BLOCK.findall(page.read_text(encoding="utf-8")) if lang == language
        ]
    return found


def _commands() -> list[tuple[str, str]]:
    return [(page, line) for page, body in _blocks("sh") for line in body.splitlines() if line.startswith("usnz ")]


def _sessions_of_commands() -> list[tuple[str, list[str]]]:
    """Each ``sh`` block's ``usnz`` lines, in order: a block is run as one session in one folder."""
    found = []
    for page, body in _blocks("sh"):
        lines = [line for line in body.splitlines() if line.startswith("usnz ")]
        if lines:
            found.append((page, lines))
    return found


def _your_files(folder: Path) -> None:
    """What the docs' examples take as the reader's own: ``my-texts/`` (a source text) and ``my-data/`` citing it."""
    own = write_own_texts(folder)
    own.texts.rename(folder / "my-texts")
    own.data.rename(folder / "my-data")


def _sessions() -> list[tuple[str, str, str]]:
    """(page, command, expected output) for each ``$ usnz ...`` line of a console block."""
    found = []
    for page, body in _blocks("console"):
        for chunk in re.split(r"^\$ ", body, flags=re.MULTILINE)[1:]:
            command, _, output = chunk.partition("\n")
            found.append((page, command, output))
    return found


def _run(command: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    assert "../shared" not in command, f"an example needs ../shared beside the clone: {command}"
    argv = shlex.split(command.partition("#")[0])
    assert argv[0] == "usnz", command
    try:
        code = main(argv[1:])
    except SystemExit as done:  # --help ends argparse's way
        code = int(done.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


def test_the_docs_show_commands() -> None:
    assert len(_commands()) >= 8
    assert len(_sessions()) >= 2


@pytest.mark.parametrize(
    ("page", "commands"), _sessions_of_commands(), ids=lambda value: value if isinstance(value, str) else value[0]
)
def test_sh_examples_run(
    page: str,
    commands: list[str],
    *,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Each block's commands, in order, in a folder holding the reader's own files (my-texts, my-data)."""
    monkeypatch.chdir(tmp_path)
    _your_files(tmp_path)
    for command in commands:
        code, output = _run(command, capsys)
        assert code == 0, f"{page}: {command}\n{output}"
        assert output.strip(), f"{page}: {command} printed nothing"


def test_no_example_needs_what_is_beside_the_clone() -> None:
    pages = [*sorted(DOCS.glob("*.md")), DOCS.parent / "README.md"]
    for page in pages:
        for _, body in _BLOCK.findall(page.read_text(encoding="utf-8")):
            assert "../shared" not in body, page.name


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
    monkeypatch.setenv("COLUMNS", str(WIDTH))  # as wide as output that goes to no terminal
    _your_files(tmp_path)
    _, output = _run(command, capsys)
    checker = doctest.OutputChecker()
    assert checker.check_output(expected, output, doctest.ELLIPSIS), f"{page}: {command}\n{output}"


_INLINE = re.compile(r"`((?:[A-Z]+=\S+ )*usnz [^`]+)`")
_PLACEHOLDER = re.compile(r"\b[A-Z]{2,}\b(?!=)")


def _inline_examples(page: str) -> list[str]:
    """The commands a page shows inline (`` `usnz search -- -x` ``), not names of commands or synopses with placeholders."""
    text = (DOCS / page).read_text(encoding="utf-8")
    return [
        command
        for command in _INLINE.findall(text)
        if not re.fullmatch(r"usnz [a-z]+", command) and not _PLACEHOLDER.search(command.split("usnz ", 1)[1])
    ]


def test_the_cli_page_shows_every_command_in_an_example() -> None:
    """Every command usnz has is run by an example of docs/cli.md, so each is shown working."""
    shown = {shlex.split(command)[1] for _, commands in _sessions_of_commands() for command in commands}
    shown |= {shlex.split(command)[1] for page, command, _ in _sessions() if page == "cli.md"}
    assert {name for _, commands in _GROUPS for name, _, _ in commands} <= shown
    assert "--help" in shown


def test_inline_examples_are_found() -> None:
    found = _inline_examples("cli.md")
    assert "usnz search -- -x" in found
    assert "PYTHONIOENCODING=ascii usnz timeline" in found
    assert "usnz verify --sources DIR" not in found  # a synopsis: DIR is a placeholder
    assert "usnz show" not in found  # the name of a command


@pytest.mark.parametrize("command", _inline_examples("cli.md"))
def test_inline_examples_of_the_cli_page_run(command: str, tmp_path: Path) -> None:
    """Each as a shell runs it (a pipe, an environment variable), with this usnz: exit 0 and some output."""
    shell = command.replace("usnz ", f"{shlex.quote(sys.executable)} -m usnz ", 1)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(  # noqa: S602 - the page's own command line, run as a reader would
        shell, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, f"{command}\n{done.stderr}"
    assert done.stdout.strip(), command
    assert "Traceback" not in done.stderr
