"""usnz's own ranked search against SQLite FTS5 (bm25, the same zones and weights), on the same questions.

Run from a clone: ``python benchmarks/compare_search.py``. Prints, for each engine, how many of
the questions get the expected record first, the median time of one query and the time to
build the index. The questions are the issue's examples and an analyst's first calls
(``tests/test_search.py``).

To check that a change to the index leaves every ranking as it was, bit for bit (every record
found, in order, with the very same float score), write the rankings of many queries with the
code before the change and compare them with the code after it::

    PYTHONPATH=<old>/src python benchmarks/compare_search.py --rankings before.json [DATA_FOLDER...]
    PYTHONPATH=src python benchmarks/compare_search.py --rankings after.json --against before.json [DATA_FOLDER...]

The queries are the questions above and words, pairs of words, prefixes and typos drawn evenly
from the vocabulary, each also with a kind; the data is the packaged data and each folder given
(``benchmarks/make_data.py`` writes them; ``--every N`` draws fewer words for large ones).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sqlite3
import statistics
import sys
import time
from pathlib import Path

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


def _queries(index: SearchIndex, every: int) -> list[str]:
    """The questions, and words, pairs, prefixes and typos drawn evenly from the index's vocabulary."""
    words = [word for word in index.vocabulary[::every] if word.isalpha()]
    found = [text for text, _ in QUESTIONS]
    for at, word in enumerate(words):
        found.append(word)
        found.append(f"{word} {words[(at * 7 + 3) % len(words)]}")
        if len(word) > 4:
            found.append(word[:-2])  # a prefix, another form
            found.append(word[0] + word[2] + word[1] + word[3:])  # a typo: two letters swapped
    return found


def rankings(folders: list[Path], every: int) -> dict[str, str]:
    """Each query's ranking (ids and exact scores) on the packaged data and each folder, by query, as a digest."""
    sys.path.insert(0, str(Path(__file__).parent))
    from make_data import data_paths

    found: dict[str, str] = {}
    sets = [("1x", usnz.dataset())] + [(str(folder), usnz.load(data_paths(folder))) for folder in folders]
    for name, data in sets:
        start = time.process_time()
        index = data._searchable()  # noqa: SLF001 - the index the dataset's search uses
        print(f"{name}: index built in {time.process_time() - start:.2f} s", file=sys.stderr)
        for text in _queries(index, every if name != "1x" else 1):
            for kind in (None, "person", "event"):
                hits = data.search(text, kind=kind, scores=True)
                ranking = [(hit.record.id, repr(hit.score)) for hit in hits]
                raw = [(data._searchable().records[at].id, repr(score)) for at, score in index.search(text)]  # noqa: SLF001
                digest = hashlib.sha256(repr((ranking, raw if kind is None else None)).encode()).hexdigest()
                found[f"{name} | {kind} | {text}"] = digest
    return found


def check(folders: list[Path], out: Path, against: Path | None, every: int) -> int:
    """Write the rankings to *out*; with *against*, say which differ from those (0: none)."""
    found = rankings(folders, every)
    out.write_text(json.dumps(found, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(found)} rankings written to {out}")
    if against is None:
        return 0
    before = json.loads(against.read_text(encoding="utf-8"))
    changed = sorted(key for key in before.keys() | found.keys() if before.get(key) != found.get(key))
    for key in changed[:20]:
        print(f"changed: {key}")
    print(f"{len(changed)} of {len(before)} rankings changed")
    return 1 if changed else 0


def main() -> None:
    """Compare the two engines and print a Markdown table (or, with --rankings, check rankings bit for bit)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, help="data folders (make_data.py) to rank on too")
    parser.add_argument("--rankings", type=Path, help="write every query's ranking digest to this file")
    parser.add_argument("--against", type=Path, help="rankings written before: say which changed")
    parser.add_argument("--every", type=int, default=1, help="draw every Nth vocabulary word on the folders")
    args = parser.parse_args()
    if args.rankings is not None:
        sys.exit(check(args.folders, args.rankings, args.against, args.every))
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
