"""Small things: warnings point at the caller, dates at the calendar's edges are dates, Ctrl-C any time."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path
from typing import Any

import pytest

import usnz
from user_data import edge_source

SRC = str(Path(__file__).resolve().parent.parent / "src")

# -- warnings point at the caller's line --------------------------------------------------------------


QUERIES = [
    lambda: usnz.events(during=1200),
    lambda: usnz.timeline(during="1200/1210"),
    lambda: usnz.dataset().events(during=1200),
    lambda: usnz.dataset().timeline(during=1200),
    lambda: usnz.force_contributions(during=1200),
    lambda: usnz.quotes(during=1200),
]


@pytest.mark.parametrize("query", QUERIES)
def test_a_coverage_warning_points_at_the_callers_line(query: Any) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        query()
    assert [w.category for w in caught] == [usnz.CoverageWarning]
    assert caught[0].filename == __file__
    assert caught[0].lineno == query.__code__.co_firstlineno


def test_a_coverage_warning_from_a_helper_points_at_the_helper() -> None:
    def helper() -> None:
        usnz.events(during=1200)  # the line warned about

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        helper()
    assert caught[0].lineno == helper.__code__.co_firstlineno + 1


# -- dates at the calendar's edges ------------------------------------------------------------------


def dated(record_id: str, **dates: str) -> dict[str, Any]:
    return {
        "id": record_id,
        "kind": "statement",
        "title": "T",
        "summary": "S.",
        "citations": [{"source": "s", "paragraph": 1}],
        **dates,
        **({"date_basis": "stated"} if dates else {}),
    }


@pytest.fixture(scope="module")
def edges(tmp_path_factory: pytest.TempPathFactory) -> usnz.Dataset:
    folder = tmp_path_factory.mktemp("edges")
    source = edge_source()
    events = [
        dated("a-undated"),
        dated("b-first-day", date="0001-01-01"),
        dated("b-first-year", date="0001"),
        dated("c-middle", date="1950"),
        dated("d-open", period="1940/.."),
        dated("d-unknown-start", period="/1945"),
        dated("y-last-year", date="9999"),
        dated("z-last-day", date="9999-12-31"),
        dated("z-span", period="9990/9999-12-31"),
        dated("b-span", period="0001-01-01/0002"),
    ]
    (folder / "sources.json").write_text(json.dumps([source]), encoding="utf-8")
    (folder / "events.json").write_text(json.dumps(events), encoding="utf-8")
    return usnz.load(folder)


def ids(records: Any) -> list[str]:
    return [record.id for record in records]


def test_edge_dates_sort_as_dates_and_the_undated_last(edges: usnz.Dataset) -> None:
    order = ids(edges.events())
    assert order[-1] == "a-undated"
    assert order[:3] == ["b-first-day", "b-first-year", "b-span"]
    assert order.index("z-last-day") > order.index("y-last-year") > order.index("c-middle")
    assert "a-undated" not in ids(edges.timeline())


@pytest.mark.parametrize(
    ("during", "expected"),
    [
        ("0001-01-01", ["b-first-day", "b-first-year", "b-span"]),
        ("0001", ["b-first-day", "b-first-year", "b-span"]),
        (1, ["b-first-day", "b-first-year", "b-span"]),
        ("9999-12-31", ["y-last-year", "z-last-day", "z-span"]),
        (9999, ["y-last-year", "z-last-day", "z-span"]),
    ],
)
def test_edge_dates_are_found_without_a_warning(edges: usnz.Dataset, during: object, expected: list[str]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = ids(edges.events(during=during))
    assert sorted(found) == expected


def test_an_open_end_is_no_date(edges: usnz.Dataset) -> None:
    """``1940/..`` and ``/1945`` reach no further than their dates: the span is the records' own."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "d-open" not in ids(edges.events(during="0001"))
        assert "d-unknown-start" in ids(edges.events(during="0001", possibly=True))


# -- Ctrl-C at any moment ------------------------------------------------------------------------------

# A Ctrl-C while a module imports: the finder sends SIGINT to the process as the module is
# looked for, so the signal arrives in the middle of the command line's start.
INTERRUPT_WHILE_IMPORTING = """
import os, signal, sys
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == TARGET:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, Interrupt())
from usnz.cli import main
sys.exit(main(["show", "anzus"]))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name == "nt", reason="POSIX signals")
@pytest.mark.parametrize("target", ["argparse", "textwrap", "inspect", "usnz.faces.text", "usnz.querying.lookup"])
def test_ctrl_c_while_the_command_line_imports(target: str) -> None:
    code = f"TARGET = {target!r}\n" + INTERRUPT_WHILE_IMPORTING
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": SRC},
        check=False,
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr == "usnz: interrupted\n"
    assert done.stdout == ""


FINDER = """
import os, signal, sys
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == {target!r}:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, Interrupt())
"""
SCRIPT = """import re
import sys
from usnz.cli import main
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
    sys.exit(main())
"""


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
@pytest.mark.parametrize("how", ["python -m usnz", "the usnz script"])
@pytest.mark.parametrize(
    "target", ["usnz.model", "usnz.model.hooks", "usnz.cli", "argparse", "usnz.faces.text", "usnz.querying.lookup"]
)
def test_ctrl_c_from_the_first_import_of_the_command_line(tmp_path: Path, how: str, target: str) -> None:
    """SIGINT as each module is imported, from the package's first line on: one line, exit code 130."""
    (tmp_path / "sitecustomize.py").write_text(FINDER.format(target=target), encoding="utf-8")
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "usnz").write_text(SCRIPT, encoding="utf-8")
    argv = (
        [sys.executable, "-m", "usnz"] if how == "python -m usnz" else [sys.executable, str(tmp_path / "bin" / "usnz")]
    )
    done = subprocess.run(
        [*argv, "show", "anzus"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), SRC])},
        check=False,
    )
    assert (done.returncode, done.stderr, done.stdout) == (130, "usnz: interrupted\n", "")


@pytest.mark.parametrize(
    ("argv", "orig", "expected"),
    [
        (["-m", "show"], ["python", "-m", "usnz", "show"], True),
        (["-m"], ["python", "-X", "dev", "-musnz"], True),
        (["-m", "x"], ["python", "-m", "mytool", "x"], False),
        (["/venv/bin/usnz", "show"], ["python", "/venv/bin/usnz", "show"], True),
        (["C:\\venv\\Scripts\\usnz.exe"], [], True),
        (["myscript.py"], ["python", "myscript.py"], False),
        ([], [], False),
        (["-c"], ["python", "-c", "import usnz"], False),
    ],
)
def test_only_the_command_line_handles_ctrl_c_at_start(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], orig: list[str], expected: bool
) -> None:
    monkeypatch.setattr(sys, "argv", argv)
    monkeypatch.setattr(sys, "orig_argv", orig, raising=False)
    assert usnz._started_as_command() is expected


def test_a_program_importing_usnz_keeps_its_ctrl_c() -> None:
    code = (
        "import signal, usnz; usnz.get('anzus'); print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": SRC},
        check=False,
    )
    assert done.stdout.strip() == "True", done.stderr


def test_importing_the_command_line_leaves_ctrl_c_as_it_was() -> None:
    import usnz.cli  # noqa: F401 - imported for its effect

    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


class ExitedError(Exception):
    pass


def exit_now(code: int) -> None:
    raise ExitedError(code)


def test_the_start_handler_says_one_line_and_exits_130(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from usnz import _interrupt

    monkeypatch.setattr(os, "_exit", exit_now)
    with pytest.raises(ExitedError) as caught:
        _interrupt._interrupted(signal.SIGINT, None)
    assert caught.value.args == (130,)
    assert capsys.readouterr().err == "usnz: interrupted\n"


def test_the_start_handler_without_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    from usnz import _interrupt

    monkeypatch.setattr(os, "_exit", exit_now)
    monkeypatch.setattr(sys, "stderr", None)
    with pytest.raises(ExitedError):
        _interrupt._interrupted(signal.SIGINT, None)


def test_restore_puts_back_the_handler_there_was() -> None:
    from usnz import _interrupt

    def mine(signum: int, frame: object) -> None: ...

    previous = signal.signal(signal.SIGINT, mine)
    try:
        _interrupt._previous = previous
        _interrupt.restore()
        assert signal.getsignal(signal.SIGINT) is previous
        _interrupt.restore()  # a second time: nothing to do
        assert signal.getsignal(signal.SIGINT) is previous
    finally:
        signal.signal(signal.SIGINT, previous)


def test_the_command_line_imports_in_a_thread() -> None:
    code = """
    import threading
    errors = []
    def start():
        try:
            import usnz.cli
        except Exception as error:
            errors.append(repr(error))
    thread = threading.Thread(target=start)
    thread.start()
    thread.join()
    print(errors)
    """
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": SRC},
        check=False,
    )
    assert done.stdout.strip() == "[]", done.stderr


def test_the_package_started_as_the_command_line_takes_ctrl_c(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    before = signal.getsignal(signal.SIGINT)
    monkeypatch.setattr(sys, "argv", ["-m"])
    monkeypatch.setattr(sys, "orig_argv", ["python", "-m", "usnz"], raising=False)
    try:
        importlib.reload(usnz)  # its first lines, as python -m usnz runs them
        assert "usnz._interrupt" in sys.modules
    finally:
        signal.signal(signal.SIGINT, before)


def test_the_start_handler_is_set_only_over_pythons_own_and_in_the_main_thread() -> None:
    import importlib
    import threading

    from usnz import _interrupt

    def mine(signum: int, frame: object) -> None: ...

    before = signal.signal(signal.SIGINT, mine)
    try:
        importlib.reload(_interrupt)  # a program's own handler: left alone
        assert signal.getsignal(signal.SIGINT) is mine
        assert _interrupt._previous is None
        signal.signal(signal.SIGINT, signal.default_int_handler)
        thread = threading.Thread(target=importlib.reload, args=(_interrupt,))  # not the main thread: no handler
        thread.start()
        thread.join()
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
        assert _interrupt._previous is None
    finally:
        signal.signal(signal.SIGINT, before)
