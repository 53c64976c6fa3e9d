"""First use is safe under concurrent imports, forked children work, every usnz.Error crosses a process pool.

Each case runs in a fresh interpreter (a subprocess), so "first use" is truly the first.
"""

from __future__ import annotations

import inspect
import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import usnz
from usnz.model import errors

SRC = str(Path(__file__).resolve().parent.parent / "src")


def run(code: str, timeout: float = 60) -> str:
    """Run *code* in a fresh interpreter with this source first; its stdout (it must succeed)."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": SRC},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


# A module another thread is importing is in sys.modules before its body has run: a first use
# that looks at it then must not take it for the whole module.
SLOW_IMPORT = """
import importlib.abc, importlib.util, sys, threading, time
started, release = threading.Event(), threading.Event()

class Slow(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path, target=None):
        if name != MODULE:
            return None
        sys.meta_path.remove(self)
        self.real = importlib.util.find_spec(name)
        return importlib.util.spec_from_loader(name, self)
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        started.set()
        release.wait(10)  # half imported until the first use is done
        real = importlib.util.module_from_spec(self.real)
        self.real.loader.exec_module(real)
        module.__dict__.update(real.__dict__)

sys.meta_path.insert(0, Slow())
importer = threading.Thread(target=lambda: __import__(MODULE))
importer.start()
started.wait(10)
import usnz
errors = []
"""


@pytest.mark.parametrize("module", ["decimal", "usnz.model.kinds.people"])
@pytest.mark.parametrize("use", ["usnz.get('anzus')", "str(usnz.get('anzus'))", "usnz.events(during=1965)"])
def test_first_use_while_another_thread_imports(module: str, use: str) -> None:
    code = f"MODULE = {module!r}\n{SLOW_IMPORT}\n"
    code += f"try:\n    {use}\nexcept Exception as error:\n    errors.append(repr(error))\n"
    code += "release.set()\nimporter.join()\nprint(errors)\n"
    assert run(code).strip() == "[]"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
@pytest.mark.parametrize("when", ["during a load", "holding the lock"])
def test_a_child_forked_during_a_load_works(when: str) -> None:
    """The child gets the collector back and locks of its own: its first query neither hangs nor leaks."""
    code = f"""
    import gc, os, threading, sys, warnings
    warnings.simplefilter("ignore", DeprecationWarning)  # (fork with threads)
    import usnz
    from usnz.querying import lookup
    from usnz.reading import load
    WHEN = {when!r}
    if WHEN == "during a load":
        # fork from inside the load, the collector paused
        real = load._check
        def check(*args, **kwargs):
            pid = os.fork()
            if pid == 0:
                code = 0 if gc.isenabled() else 3
                os._exit(code)
            _, status = os.waitpid(pid, 0)
            print("child", os.waitstatus_to_exitcode(status))
            return real(*args, **kwargs)
        load._check = check
        import json, tempfile, pathlib
        folder = pathlib.Path(tempfile.mkdtemp())
        (folder / "sources.json").write_text(json.dumps([{{"id": "s", "title": "T", "publisher": "P",
            "kind": "news-article", "sha256": "0" * 64, "paragraphs": 1, "filename": "s.txt"}}]))
        usnz.load(folder)
    else:
        lookup._lock.acquire()  # as a thread in the middle of the first load holds it
        pid = os.fork()
        if pid == 0:
            ok = gc.isenabled() and usnz.get("anzus").id == "anzus"
            os._exit(0 if ok else 3)
        _, status = os.waitpid(pid, 0)
        print("child", os.waitstatus_to_exitcode(status))
        lookup._lock.release()
    print("parent", gc.isenabled())
    """
    assert run(code, timeout=60).split() == ["child", "0", "parent", "True"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_the_fork_hook_turns_the_collector_back_on() -> None:
    code = """
    import gc, os
    from usnz.reading.collector import collector_paused
    with collector_paused():
        pid = os.fork()
        if pid == 0:
            os._exit(0 if gc.isenabled() else 3)
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status), gc.isenabled())
    print(gc.isenabled())
    """
    assert run(code).split() == ["0", "False", "True"]


def error_classes() -> list[type[BaseException]]:
    found = [
        value
        for _, value in inspect.getmembers(errors, inspect.isclass)
        if issubclass(value, usnz.Error) or value is usnz.Error
    ]
    assert len(found) >= 7
    return found


def sample(cls: type[BaseException]) -> BaseException:
    """An instance of *cls* with every argument its constructor takes."""
    if cls is usnz.MissingExtraError:
        return cls(feature="to_frame()", package="pandas", extra="pandas")
    if cls is usnz.UnknownRecordError:
        return cls("anzuss", ["anzus"], kind="agreement", argument="involving")
    if cls is usnz.DataError:
        return cls([usnz.Problem(file="events.json", record="x", path="title", message="bad")])
    return cls("a message")


@pytest.mark.parametrize("cls", error_classes(), ids=lambda cls: cls.__name__)
def test_every_error_pickles(cls: type[BaseException]) -> None:
    error = sample(cls)
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert type(copy) is cls
    assert str(copy) == str(error)
    assert vars(copy) == vars(error)
    assert copy.args == error.args


def test_an_error_crosses_a_process_pool() -> None:
    code = """
    import concurrent.futures, usnz
    def fail(_):
        raise usnz.MissingExtraError(feature="plot()", package="matplotlib", extra="plot")
    if __name__ == "__main__":
        with concurrent.futures.ProcessPoolExecutor(1) as pool:
            try:
                pool.submit(fail, 0).result(timeout=30)
            except usnz.MissingExtraError as error:
                print(type(error).__name__, error.package, error.extra)
    """
    script = Path(run("import tempfile; print(tempfile.mkdtemp())").strip()) / "pool.py"
    script.write_text(textwrap.dedent(code), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": SRC},
        check=False,
    )
    assert done.stdout.split() == ["MissingExtraError", "matplotlib", "plot"], done.stderr[-2000:]


def test_the_child_hook_ends_only_usnz_pauses() -> None:
    import gc

    from usnz.reading import collector

    with collector.collector_paused():
        assert not gc.isenabled()
        collector._after_fork_in_child()  # as in a child forked now
        assert gc.isenabled()
    assert gc.isenabled()
    assert collector._pauses == {}
    gc.disable()  # the user's own choice: a child keeps it
    try:
        with collector.collector_paused():
            collector._after_fork_in_child()
            assert not gc.isenabled()
    finally:
        gc.enable()
