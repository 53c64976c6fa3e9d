"""Regenerate the golden snapshot of the packaged data, and tidy the data files.

    python scripts/snapshot.py            # write tests/snapshots/<kind>.json
    python scripts/snapshot.py --data     # also rewrite src/usnz/data/<kind>.json canonically
    python scripts/snapshot.py --check    # change nothing; exit 1 if either is out of date

The snapshot is the whole dataset as usnz loads it: one file per kind, each record as
``usnz.converter.unstructure`` gives it, sorted by id, 2-space indented JSON (real
characters, not escapes) with a trailing newline. Commit it with every data change, so
the change is a reviewable diff; ``tests/test_snapshot.py`` fails until it is regenerated.

``--data`` rewrites the hand-edited data files in canonical form without changing a
fact: records keep their order in the file; each record's fields come as ``id``, the
kind's own fields in class order, then ``citations``, ``see_also``, ``disputes``, ``doubts``, ``read``,
``notes``; fields at their default are left out.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import attrs

import usnz

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "tests" / "snapshots"
DATA = ROOT / "src" / "usnz" / "data"
_LAST = ("citations", "see_also", "disputes", "doubts", "read", "notes")


def dump(data: object) -> str:
    """The canonical JSON text of *data*: 2-space indent, real characters, trailing newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def snapshot(dataset: usnz.Dataset) -> dict[str, str]:
    """The snapshot file text of each kind, by file name (``events.json``)."""
    return {
        f"{kind}.json": dump([usnz.converter.unstructure(r) for r in sorted(dataset.records(kind), key=lambda r: r.id)])
        for kind in usnz.KINDS
    }


def canonical_record(record: dict[str, Any], cls: type) -> dict[str, Any]:
    """*record* (a data file's object for a *cls* record) with its fields in canonical order."""
    names = [field.name for field in attrs.fields(cls)]
    order = ["id", *(n for n in names if n not in {"id", *_LAST}), *(n for n in _LAST if n in names)]
    unknown = set(record) - set(order)
    if unknown:
        msg = f"{record.get('id')!r} has unknown fields {sorted(unknown)}"
        raise ValueError(msg)
    return {name: record[name] for name in order if name in record}


def canonical_data(folder: Path) -> dict[str, str]:
    """The canonical text of each data file in *folder*, by file name.

    Every record is structured and unstructured with ``usnz.converter`` (so defaults
    are dropped and values written in one way) and its fields put in canonical order.
    """
    files = {}
    for kind, cls in usnz.KINDS.items():
        path = folder / f"{kind}.json"
        records = json.loads(path.read_text(encoding="utf-8"))
        tidy = [canonical_record(usnz.converter.unstructure(usnz.converter.structure(r, cls)), cls) for r in records]
        files[path.name] = dump(tidy)
    files[INDEX] = id_index(folder)
    files[SPANS] = spans(usnz.load(folder))
    return files


INDEX = "ids.txt"
"""The build-time index of the packaged data: each id and the kind (data file) it is in."""


def id_index(folder: Path) -> str:
    """One line per record, ``id kind``, sorted by id: what lets ``get`` read one file only."""
    lines = []
    for kind in usnz.KINDS:
        lines += [f"{r['id']} {kind}" for r in json.loads((folder / f"{kind}.json").read_text(encoding="utf-8"))]
    return "\n".join(sorted(lines)) + "\n"


SPANS = "spans.txt"
"""The days the whole packaged data covers: what a query of one kind warns against, as the whole would."""


def spans(dataset: usnz.Dataset) -> str:
    """``known FIRST LAST`` and ``possible FIRST LAST``: the span of known and of lenient extents."""
    known, possible = dataset.span, dataset._lenient_span  # noqa: SLF001 - the script writes what the package reads
    if known is None or possible is None:
        msg = "the packaged data has no dated record"
        raise ValueError(msg)
    return "".join(
        f"{name} {first.isoformat()} {last.isoformat()}\n"
        for name, (first, last) in (("known", known), ("possible", possible))
    )


def _write(folder: Path, files: dict[str, str], *, check: bool, root: Path = ROOT) -> list[str]:
    """Write each of *files* into *folder* (unless *check*); the paths that were out of date."""
    stale = []
    for name, text in files.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(str(path.relative_to(root)))
            if not check:
                folder.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    return stale


def main(argv: list[str] | None = None) -> int:
    """Run the script; the exit code is 1 when ``--check`` finds a file out of date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", action="store_true", help="also rewrite the data files canonically")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file is out of date")
    args = parser.parse_args(argv)
    stale = []
    if args.data or args.check:
        stale += _write(DATA, canonical_data(DATA), check=args.check)
    stale += _write(SNAPSHOTS, snapshot(usnz.load(DATA)), check=args.check)
    for _path in stale:
        pass
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
