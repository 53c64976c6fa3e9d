"""Import is cheap: nothing is read, and nothing heavy imported, until the first query.

Valid data loads without cattrs; cattrs is imported when a conversion (or a record the
quick reader doubts) needs it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading

import usnz
from usnz.querying import bound as _load

PROBE = textwrap.dedent(
    """
    import os, sys

    reads = []
    def audit(event, args):
        if event == "open" and isinstance(args[0], str) and args[0].endswith(".json"):
            reads.append(os.path.basename(args[0]))
    sys.addaudithook(audit)

    import usnz
    assert reads == [], reads
    for heavy in ("attrs", "cattrs", "json", "typing", "decimal"):
        assert heavy not in sys.modules, f"{heavy} imported at import time"
    assert "usnz.querying.bound" not in sys.modules and "usnz.reading.load" not in sys.modules
    usnz.get("anzus")
    first = list(reads)
    assert "cattrs" not in sys.modules, "cattrs imported to load valid data"
    usnz.events(during=1965)
    usnz.get("korean-war")
    usnz.search("anzus")
    assert reads == first, (reads, first)
    assert len(first) == len(set(first)) == len(usnz.KINDS), first
    assert usnz.converter.unstructure(usnz.get("anzus"))["id"] == "anzus"
    assert "cattrs" in sys.modules
    print("ok")
    """
)


def test_import_reads_nothing_and_the_first_query_loads_once() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_many_threads_load_the_dataset_once(monkeypatch) -> None:
    calls = []
    real = _load.packaged.read_packaged

    def counting() -> list[usnz.AnyRecord]:
        calls.append(1)
        return real()

    monkeypatch.setattr(_load, "_packaged", None)
    monkeypatch.setattr(_load.packaged, "read_packaged", counting)
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
