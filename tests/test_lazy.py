"""Import is cheap: no data file is read and cattrs is not imported until the first query."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading

import usnz
from usnz import _load

PROBE = textwrap.dedent(
    """
    import sys, importlib.resources
    from pathlib import Path

    reads = []
    original_read_bytes = Path.read_bytes
    def read_bytes(self):
        if self.suffix == ".json":
            reads.append(self.name)
        return original_read_bytes(self)
    Path.read_bytes = read_bytes

    import usnz
    assert reads == [], reads
    assert "cattrs" not in sys.modules, "cattrs imported at import time"
    assert usnz._load._packaged is None
    usnz.get("anzus")
    first = list(reads)
    assert "cattrs" in sys.modules
    usnz.events(during=1965)
    usnz.get("korean-war")
    assert reads == first, (reads, first)
    assert len(first) == len(set(first)) == len(usnz.KINDS), first
    print("ok")
    """
)


def test_import_reads_nothing_and_the_first_query_loads_once() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_many_threads_load_the_dataset_once(monkeypatch) -> None:
    calls = []
    real = _load.load_packaged

    def counting() -> usnz.Dataset:
        calls.append(1)
        return real()

    monkeypatch.setattr(_load, "_packaged", None)
    monkeypatch.setattr(_load, "load_packaged", counting)
    barrier = threading.Barrier(32)
    results: list[usnz.Dataset] = []

    def first_query() -> None:
        barrier.wait()
        results.append(usnz.dataset())

    threads = [threading.Thread(target=first_query) for _ in range(32)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1
    assert len(results) == 32
    assert all(r is results[0] for r in results)
