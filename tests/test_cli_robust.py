"""The command line never shows a traceback, whatever state its streams and arguments are in.

Every command runs under each hostile condition: an output encoding that cannot show a
character, stdout closed, stdout full, a reader that has gone away (broken pipe), stderr
closed or full, and odd paths. Each must end with the expected exit code and at most one
line on stderr (a warning may precede it).

A process per command and condition would cost seconds, so one driver process loads usnz
once and forks a child per command and condition: the child sets its streams up as the
condition says, runs ``usnz.cli.main`` and ends as the ``usnz`` command does
(``sys.exit``), so Python's own flush of the streams at exit is part of what is tested. A
few real ``python -m usnz`` processes check the same end to end, with the streams closed
before Python starts. The in-process tests below them cover each branch.
"""

from __future__ import annotations

import errno
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path
from typing import Any

import pytest

import usnz
from conftest import SEEDS
from usnz import cli

HAS_FORK = hasattr(os, "fork")
HAS_DEV_FULL = Path("/dev/full").exists()
needs_fork = pytest.mark.skipif(not HAS_FORK, reason="needs os.fork and a POSIX shell")
needs_dev_full = pytest.mark.skipif(not HAS_DEV_FULL, reason="needs /dev/full")


# Runs every command of a JSON list under every condition, each in a forked child; writes
# the exit codes as JSON. What the commands need is loaded first, and frozen so that no
# child's exit has to collect it.
DRIVER = r"""
import gc, json, os, sys
import usnz, usnz.cli, usnz.export
usnz.dataset(), usnz.__version__, usnz.search("warm")
gc.freeze()
plan = json.loads(open(sys.argv[1], encoding="utf-8").read())
folder = sys.argv[2]

def redirect(fd, path):
    target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(target, fd)
    os.close(target)

def set_up(condition, name):
    redirect(1, os.path.join(folder, name + ".out"))
    redirect(2, os.path.join(folder, name + ".err"))
    if condition == "ascii":  # as PYTHONIOENCODING=ascii
        sys.stdout.reconfigure(encoding="ascii")
        sys.stderr.reconfigure(encoding="ascii")
    if condition in {"stdout-closed", "both-closed"}:  # as Python starts with >&-
        os.close(1)
        sys.stdout = None
    if condition in {"stderr-closed", "both-closed"}:  # 2>&-
        os.close(2)
        sys.stderr = None
    if condition == "stdout-full":
        redirect(1, "/dev/full")
    if condition == "stderr-full":
        redirect(2, "/dev/full")
    if condition == "broken-pipe":
        read, write = os.pipe()
        os.close(read)
        os.dup2(write, 1)
        os.close(write)

codes = {}
for condition in plan["conditions"]:
    for n, argv in enumerate(plan["commands"]):
        name = f"{condition}-{n}"
        pid = os.fork()
        if pid == 0:
            set_up(condition, name)
            export = os.path.join(folder, name + ".export")  # each child exports to a new directory
            sys.exit(usnz.cli.main([export if word == "{export}" else word for word in argv]))
        codes[name] = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
with open(os.path.join(folder, "codes.json"), "w", encoding="utf-8") as out:
    json.dump(codes, out)
"""

CONDITIONS = {  # condition: (stdout works, stderr can be read)
    "ascii": (True, True),
    "stdout-closed": (False, True),
    "stdout-full": (False, True),
    "broken-pipe": (True, True),
    "stderr-closed": (True, False),
    "stderr-full": (True, False),
    "both-closed": (False, False),
}


def commands(tmp: Path) -> list[tuple[list[str], int]]:
    """Every subcommand, succeeding and failing, with its exit code when nothing goes wrong."""
    broken = tmp / "broken"
    broken.mkdir()
    (broken / "events.json").write_text(json.dumps([{"id": "bad\nid"}]), encoding="utf-8")
    return [
        (["--version"], 0),
        (["show", "anzus"], 0),
        (["show", "nope"], 2),
        (["list", "events", "--during", "1965"], 0),
        (["search", "--", "-x"], 0),
        (["search", "-x"], 2),
        (["timeline"], 0),
        (["timeline", "--during", "1700"], 0),  # a warning on stderr, then the (empty) table
        (["validate", str(broken)], 1),
        (["validate", "/nonexistent/\udcff\udcfe"], 2),  # bytes that are not UTF-8, as Python reads them
        (["validate", "x" * 5000], 2),
        (["export", "--out", "{export}"], 0),  # a new directory for each child
        (["schema", "events"], 0),
        (["verify", "--sources", str(SEEDS), "--sources", str(SEEDS.parent / "crosswalk")], 0 if SEEDS.is_dir() else 2),
        (["verify", "--sources", str(tmp / "no-such-folder")], 2),
    ]


@pytest.fixture(scope="module")
def driven(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[list[str], int]], dict[str, int]]:
    """Run the driver once: its folder (stdout and stderr of each child), the commands, the exit codes."""
    if not HAS_FORK:
        pytest.skip("needs os.fork")
    folder = tmp_path_factory.mktemp("driven")
    cases = commands(folder)
    conditions = [c for c in CONDITIONS if HAS_DEV_FULL or not c.endswith("-full")]
    plan = {"conditions": conditions, "commands": [argv for argv, _ in cases]}
    (folder / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(folder / "plan.json"), str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    codes = json.loads((folder / "codes.json").read_text(encoding="utf-8"))
    return folder, cases, codes


@needs_fork
@pytest.mark.parametrize("condition", list(CONDITIONS))
def test_every_command_under(condition: str, driven: tuple[Path, list[tuple[list[str], int]], dict[str, int]]) -> None:
    if condition.endswith("-full") and not HAS_DEV_FULL:
        pytest.skip("needs /dev/full")
    folder, cases, codes = driven
    stdout_works, stderr_readable = CONDITIONS[condition]
    for n, (argv, expected) in enumerate(cases):
        name = f"{condition}-{n}"
        what = f"{condition}: usnz {' '.join(argv)[:60]}"
        assert codes[name] == (expected if stdout_works else 2), what
        if not stderr_readable:
            continue
        lines = (folder / f"{name}.err").read_text(encoding="utf-8", errors="replace").splitlines()
        assert not any("Traceback" in line or "Exception ignored" in line for line in lines), (what, lines)
        assert all(line.startswith("usnz: ") for line in lines), (what, lines)
        errors = [line for line in lines if line.startswith("usnz: error: ")]
        assert len(errors) == (0 if expected != 2 and stdout_works else 1), (what, lines)
        assert len(lines) <= (2 if "1700" in argv else 1), (what, lines)
        if condition == "ascii":
            (folder / f"{name}.out").read_bytes().decode("ascii")  # what ascii lacks was escaped
    if condition == "ascii":
        assert "\\xb6" in (folder / "ascii-1.out").read_text(encoding="ascii")  # show anzus: the pilcrow of a citation
    if condition in {"stdout-closed", "stdout-full"}:
        reason = "it is closed" if condition == "stdout-closed" else "No space left on device"
        err = (folder / f"{condition}-0.err").read_text(encoding="utf-8")
        assert err == f"usnz: error: cannot write to stdout: {reason}\n"


# A few real ``python -m usnz`` processes, end to end.


def usnz_process(*argv: str | bytes, redirect: str = "", **kwargs: Any) -> subprocess.CompletedProcess[str]:
    command: list[str | bytes] = [sys.executable, "-m", "usnz", *argv]
    if redirect:  # applied by the shell, before Python starts
        command = ["sh", "-c", f'exec "$0" "$@" {redirect}', *command]
    kwargs.setdefault("stdout", subprocess.PIPE)
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    return subprocess.run(command, stderr=subprocess.PIPE, text=True, env=env, timeout=60, check=False, **kwargs)


def one_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    assert stderr.count("\n") == 1, stderr
    return stderr


def test_process_ascii_timeline() -> None:
    done = usnz_process("timeline")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "\\u2026" in done.stdout  # the ellipsis of a label cut short


@needs_fork
def test_process_stdout_closed_and_odd_path() -> None:
    done = usnz_process("validate", b"/nonexistent/\xff" + b"x" * 300, redirect=">&-", stdout=subprocess.DEVNULL)
    assert done.returncode == 2
    assert "usnz: error: cannot read '/nonexistent/\\udcffxxx" in one_line(done.stderr)


@needs_fork
def test_process_stderr_closed_and_reader_gone() -> None:
    done = usnz_process("show", "nope", redirect="2>&-")
    assert (done.returncode, done.stdout, done.stderr) == (2, "", "")
    read, write = os.pipe()
    os.close(read)
    try:
        done = usnz_process("timeline", stdout=write)
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (0, "")


@needs_dev_full
def test_process_stdout_full() -> None:
    with Path("/dev/full").open("wb") as full:
        done = usnz_process("show", "anzus", stdout=full)
    assert done.returncode == 2
    assert one_line(done.stderr) == "usnz: error: cannot write to stdout: No space left on device\n"


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or not HAS_FORK, reason="needs POSIX signals")
def test_process_ctrl_c_is_exit_130_and_one_line() -> None:
    # A real SIGINT, delivered while the command runs.
    script = (
        "import os, signal, sys, usnz.cli as c\n"
        "c._run = lambda args: os.kill(os.getpid(), signal.SIGINT) or 'never printed'\n"
        "sys.exit(c.main(['timeline']))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 130
    assert done.stdout == ""
    assert one_line(done.stderr) == "usnz: interrupted\n"


# In-process: each branch, with streams that fail as real ones do.


class Failing(io.StringIO):
    """A stream whose writes fail with *error*; with *descriptor*, it is that open file."""

    def __init__(self, error: Exception, descriptor: int | None = None) -> None:
        super().__init__()
        self.error = error
        self.descriptor = descriptor

    def write(self, text: str) -> int:
        raise self.error

    def fileno(self) -> int:
        if self.descriptor is None:
            raise io.UnsupportedOperation("fileno")
        return self.descriptor


def run(monkeypatch: pytest.MonkeyPatch, argv: list[str], stdout: object, stderr: object) -> int:
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    return cli.main(argv)


def test_stdout_closed_at_start(monkeypatch: pytest.MonkeyPatch) -> None:
    err = io.StringIO()
    assert run(monkeypatch, ["--version"], None, err) == 2
    assert err.getvalue() == "usnz: error: cannot write to stdout: it is closed\n"


def test_stdout_closed_later(monkeypatch: pytest.MonkeyPatch) -> None:
    out, err = io.StringIO(), io.StringIO()
    out.close()
    assert run(monkeypatch, ["--version"], out, err) == 2
    assert err.getvalue() == "usnz: error: cannot write to stdout: it is closed\n"


def test_stdout_full_is_silenced_for_the_exit_flush(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with (tmp_path / "out").open("w", encoding="utf-8") as file:
        out, err = Failing(OSError(errno.ENOSPC, "No space left on device"), file.fileno()), io.StringIO()
        assert run(monkeypatch, ["show", "anzus"], out, err) == 2
        assert err.getvalue() == "usnz: error: cannot write to stdout: No space left on device\n"
        file.write("goes nowhere")  # its descriptor now points at the null device
    assert (tmp_path / "out").read_text(encoding="utf-8") == ""


def test_broken_pipe_is_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    err = io.StringIO()
    assert run(monkeypatch, ["timeline"], Failing(BrokenPipeError(errno.EPIPE, "Broken pipe")), err) == 0
    assert err.getvalue() == ""
    assert run(monkeypatch, ["validate", "/nonexistent"], io.StringIO(), None) == 2  # stderr closed: silent
    assert run(monkeypatch, ["show", "nope"], io.StringIO(), Failing(OSError(errno.EIO, "I/O error"))) == 2


def test_validate_problems_cannot_be_listed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "events.json").write_text("[{}]", encoding="utf-8")
    err = io.StringIO()
    assert run(monkeypatch, ["validate", str(tmp_path)], None, err) == 2
    assert err.getvalue() == "usnz: error: cannot write to stdout: it is closed\n"


def test_unencodable_output_is_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    err = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    with pytest.raises(SystemExit) as done:  # --help ends argparse's way
        run(monkeypatch, ["--help"], out, err)
    assert done.value.code == 0
    out.seek(0)
    assert "Zealand\\u2013United" in out.read()
    assert run(monkeypatch, ["show", "Zealand\u2013United"], out, err) == 2
    err.seek(0)
    assert "Zealand\\u2013United" in err.read()


def test_ctrl_c_is_exit_130_and_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(args: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_run", interrupted)
    out, err = io.StringIO(), io.StringIO()
    assert run(monkeypatch, ["timeline"], out, err) == 130
    assert out.getvalue() == ""
    assert err.getvalue() == "usnz: interrupted\n"


def test_an_unexpected_error_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(args: object) -> str:
        raise RuntimeError("a bug\non two lines")

    monkeypatch.setattr(cli, "_run", broken)
    err = io.StringIO()
    assert run(monkeypatch, ["timeline"], io.StringIO(), err) == 2
    assert err.getvalue() == "usnz: error: unexpected RuntimeError: a bug\\non two lines; please report this\n"


def test_validate_escapes_control_characters(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    records = [{"id": "bad\nid\r\t\x1b[31m\x85\u2028\u202e"}]
    (tmp_path / "events.json").write_text(json.dumps(records), encoding="utf-8")
    out = io.StringIO()
    assert run(monkeypatch, ["validate", str(tmp_path)], out, io.StringIO()) == 1
    lines = out.getvalue().splitlines()
    assert lines
    assert any("bad\\nid\\r\\t\\x1b[31m\\x85\\u2028\\u202e" in line for line in lines)
    assert all(line.startswith(str(tmp_path / "events.json")) for line in lines)


# The first-load lock across os.fork().


@needs_fork
def test_fork_while_another_thread_holds_the_first_load_lock(monkeypatch: pytest.MonkeyPatch) -> None:
    from usnz.querying import lookup as _load

    monkeypatch.setattr(_load, "_packaged", None)  # the child must load for itself
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with _load._lock:
            held.set()
            release.wait(60)

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert held.wait(10)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # Python 3.12+: fork() with threads
            pid = os.fork()
        if pid == 0:  # pragma: no cover - the child: its coverage is not collected
            code = 1
            try:
                code = 0 if len(usnz.dataset()) > 0 else 3
            finally:
                os._exit(code)
        deadline = time.monotonic() + 30
        while (ended := os.waitpid(pid, os.WNOHANG))[0] == 0:
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                pytest.fail("the forked child is stuck on the first-load lock")
            time.sleep(0.01)
        assert os.waitstatus_to_exitcode(ended[1]) == 0
    finally:
        release.set()
        thread.join()
