"""Write a synthetic usnz dataset N times the size of the packaged data, in the same file format.

Copy 0 is the packaged data as it is; copy k (k >= 1) is the same records with every id
``x`` renamed ``x-copy-k``, and every reference to ``x`` renamed with it. So the data is valid
(``usnz.load`` reads it), has the packaged data's shape, kinds and texts, and queries written
for the packaged ids (``get("anzus")``, ``conflict="korean-war"``) still work on it.

    python benchmarks/make_data.py 100 benchmarks/results/data/100x
"""

from __future__ import annotations

import argparse
import json
import typing
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

import usnz
from usnz.model.facts import facts


def reference_fields() -> frozenset[str]:
    """The names of the fields that hold record ids (alone or in a list), at any depth, and ``id``.

    Read from the model's declarations (every field declared with ``refers=``, in the record
    kinds and in the values nested in them: ``citations[].source``, ``roles[].organization``,
    ``roles[].attested[].record``, ``doubts[].concerns``...), so a reference field added to the
    model is renamed with the rest: a reference left out would point at copy 0 from copy k.
    """
    found = {"id"}
    seen: set[type] = set()
    pending: list[object] = list(usnz.KINDS.values())
    while pending:
        cls = pending.pop()
        if not (isinstance(cls, type) and attrs.has(cls)) or cls in seen:
            pending.extend(typing.get_args(cls))  # tuple[Citation, ...], Role | None...
            continue
        seen.add(cls)
        hints = typing.get_type_hints(cls)
        for name, declared in facts(cls):
            if declared.refers:
                found.add(name)
            pending.append(hints[name])
    return frozenset(found)


REFERENCE_FIELDS = reference_fields()
"""The fields whose ids are renamed in each copy (see :func:`reference_fields`)."""


def packaged() -> dict[str, list[dict[str, Any]]]:
    """The packaged data files, as parsed JSON, by kind."""
    folder = resources.files("usnz") / "data"
    return {kind: json.loads((folder / f"{kind}.json").read_bytes()) for kind in usnz.KINDS}


def _renamed(value: Any, ids: frozenset[str], suffix: str) -> Any:
    """*value* with every reference to a known id renamed (recursively)."""
    if isinstance(value, dict):
        return {
            key: _rename_ids(item, ids, suffix) if key in REFERENCE_FIELDS else _renamed(item, ids, suffix)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_renamed(item, ids, suffix) for item in value]
    return value


def _rename_ids(value: Any, ids: frozenset[str], suffix: str) -> Any:
    if isinstance(value, str):
        return value + suffix if value in ids else value
    if isinstance(value, list):
        return [_rename_ids(item, ids, suffix) for item in value]
    return _renamed(value, ids, suffix)


PART_BYTES = 12 * 1024 * 1024
"""The largest data file written (under usnz's 16 MiB limit): larger kinds are split into parts."""


def make_dataset(scale: int, out: Path) -> int:
    """Write *scale* copies of the packaged data into *out*.

    One ``<kind>.json`` per kind in *out*; a kind too large for one file goes into parts,
    ``out/part-001/<kind>.json``, ``out/part-002/<kind>.json``... (see :func:`data_paths`).

    Returns:
        How many records were written.
    """
    if scale < 1:
        msg = f"scale must be 1 or more, got {scale}"
        raise ValueError(msg)
    files = packaged()
    ids = frozenset(record["id"] for records in files.values() for record in records)
    out.mkdir(parents=True, exist_ok=True)
    for stale in [*out.glob("*.json"), *out.glob("part-*/*.json")]:
        stale.unlink()
    count = 0
    for kind, records in files.items():
        copies = list(records)
        for k in range(1, scale):
            copies += [_renamed(record, ids, f"-copy-{k}") for record in records]
        texts = [json.dumps(record, ensure_ascii=False) for record in copies]
        parts: list[list[str]] = [[]]
        size = 0
        for text in texts:
            if size + len(text.encode()) + 2 > PART_BYTES and parts[-1]:
                parts.append([])
                size = 0
            parts[-1].append(text)
            size += len(text.encode()) + 2
        for number, part in enumerate(parts, start=1):
            folder = out if len(parts) == 1 else out / f"part-{number:03d}"
            folder.mkdir(exist_ok=True)
            (folder / f"{kind}.json").write_text("[\n" + ",\n".join(part) + "\n]\n", encoding="utf-8")
        count += len(copies)
    return count


def data_paths(out: Path) -> list[Path]:
    """What to give ``usnz.load()`` for a dataset :func:`make_dataset` wrote: the folder and its parts."""
    return (
        [out, *sorted(path for path in out.glob("part-*") if path.is_dir())]
        if any(out.glob("*.json"))
        else sorted(out.glob("part-*"))
    )


def main() -> None:
    """Command line: ``make_data.py SCALE OUT``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scale", type=int, help="how many times the packaged data (1, 10, 100...)")
    parser.add_argument("out", type=Path, help="directory to write <kind>.json files into")
    args = parser.parse_args()
    count = make_dataset(args.scale, args.out)
    print(f"wrote {count:,} records to {args.out}")


if __name__ == "__main__":
    main()
