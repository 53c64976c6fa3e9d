"""usnz's own ranked search against SQLite FTS5 (bm25, the same zones and weights), on the same questions.

Run from a clone: ``python benchmarks/compare_search.py``. Prints, for each engine, how many of
the questions get the expected record first, the median time of one query and the time to
build the index. The questions are the issue's examples and an analyst's first calls
(``tests/test_search.py``).
"""

from __future__ import annotations

import re
import sqlite3
import statistics
import time

import usnz
from usnz.querying.search import SearchIndex, zones_of

QUESTIONS = [
    ("Presidential Unit Citation", "presidential-unit-citation-task-force-k-bar"),
    ("postponed trade talks", "us-postpones-trade-talks-with-nz"),
    ("Key speech US-NZ Council", "key-speech-to-us-nz-council"),
    ("40 minutes", "key-biden-meeting-length"),
    ("kforce", "k-force"),
    ("nuclear ship ban", "nz-nuclear-warship-ban"),
    ("Afghan", "war-in-afghanistan"),
    ("Helen Clark", "helen-clark"),
    ("Obama", "barack-obama"),
    ("US Navy", "us-navy"),
    ("Condoleezza Rice visit", "rice-visit-to-new-zealand"),
    ("Vietnam", "vietnam-war"),
    ("161 Battery", "161-battery"),
    ("Operation Anaconda", "operation-anaconda"),
    ("Trans-Pacific Partnership", "trans-pacific-partnership"),
    ("Hurricane Katrina aid", "hurricane-katrina"),
    ("Wellington Declaration", "wellington-declaration"),
    ("Treaty of Waitangi", "treaty-of-waitangi"),
    ("Gulf War", "gulf-war"),
    ("Cyber Storm", "cyber-storm-iii"),
    ("Red Cross pledge", "nz-katrina-red-cross-pledge"),
    ("Hillary Clinton visit", "clinton-visit-to-new-zealand"),
    ("Nuclear Security Summit", "nuclear-security-summit"),
    ("Iraq engineers", "nz-engineers-iraq"),
    ("ANZUS suspension", "us-suspends-anzus-obligations-to-nz"),
    ("Christopher Hill", "christopher-hill"),
    ("science building", "nz-vietnam-economic-assistance"),
    ("condolences", "clark-condolences-to-bush"),
    ("anzsu", "anzus"),
    ("ANZUS treaty", "anzus"),
    ("Korea casualties", "k-force-korea"),
    ("killed Afghanistan", "nzsas-afghanistan-rotations"),
]
KFORCE = {"k-force", "k-force-korea"}  # either K-FORCE record is right for "kforce"
WEIGHTS = (6.0, 2.5, 1.5, 0.5, 0.3)  # label, id, description, notes, citation quotes: usnz's own
_WORD = re.compile(r"\w+")


def _right(text: str, found: str | None, expected: str) -> bool:
    return found in KFORCE if text == "kforce" else found == expected


def _fts(records: list[usnz.AnyRecord]) -> tuple[sqlite3.Connection, float]:
    start = time.perf_counter()
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE r USING fts5(label, id, body, notes, evidence, tokenize='porter unicode61')"
    )
    connection.executemany("INSERT INTO r VALUES (?, ?, ?, ?, ?)", [zones_of(record) for record in records])
    return connection, time.perf_counter() - start


def _fts_search(connection: sqlite3.Connection, records: list[usnz.AnyRecord], text: str) -> list[str]:
    words = _WORD.findall(text.casefold())
    if not words:
        return []
    query = " AND ".join(f'"{word}"*' for word in words)
    rows = connection.execute(
        f"SELECT rowid FROM r WHERE r MATCH ? ORDER BY bm25(r, {', '.join(map(str, WEIGHTS))}) LIMIT 10",  # noqa: S608 - constant weights
        (query,),
    ).fetchall()
    return [records[rowid - 1].id for (rowid,) in rows]


def _timed(call: object, repeat: int = 50) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6


def main() -> None:
    """Compare the two engines and print a Markdown table."""
    data = usnz.dataset()
    records = list(data.timeline()) + [r for r in data if r.when is None]
    start = time.perf_counter()
    index = SearchIndex(records)
    own_build = time.perf_counter() - start
    connection, fts_build = _fts(records)
    rows = []
    own_right = fts_right = 0
    own_times, fts_times = [], []
    for text, expected in QUESTIONS:
        own = [records[position].id for position, _ in index.search(text)[:1]]
        fts = _fts_search(connection, records, text)[:1]
        own_ok, fts_ok = (
            _right(text, own[0] if own else None, expected),
            _right(text, fts[0] if fts else None, expected),
        )
        own_right += own_ok
        fts_right += fts_ok
        own_times.append(_timed(lambda text=text: index.search(text)))
        fts_times.append(_timed(lambda text=text: _fts_search(connection, records, text)))
        rows.append(f"| {text} | {'yes' if own_ok else own} | {'yes' if fts_ok else fts} |")
    print("| query | usnz first right | FTS5 first right |")
    print("| --- | --- | --- |")
    print("\n".join(rows))
    print()
    print("| engine | first right | median µs per query | build ms |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| usnz BM25F | {own_right}/{len(QUESTIONS)} | {statistics.median(own_times):.0f} | {own_build * 1e3:.1f} |")
    print(
        f"| SQLite FTS5 bm25 | {fts_right}/{len(QUESTIONS)} | {statistics.median(fts_times):.0f} | "
        f"{fts_build * 1e3:.1f} |"
    )


if __name__ == "__main__":
    main()
