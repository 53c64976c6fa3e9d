"""Reading the data that ships inside the package: a fast path for trusted data.

The packaged data is read zip-safely through the package's own loader (so it works from a
wheel or a zip). It is trusted: the test suite reads it the strict way too
(:func:`usnz.reading.load.read`, every problem checked) and proves that both give exactly the
same records. So here JSON is parsed without the strict hooks, each record is read by the quick
reader, and the checks across records are not run again; should anything at all be unusual, the
whole of it is read the strict way instead, which says what is wrong.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable

from usnz.model.errors import Problem
from usnz.model.records import KINDS, AnyRecord
from usnz.reading.load import read
from usnz.reading.quick import read_quickly, reader

__all__ = ["read_packaged"]


def read_packaged() -> list[AnyRecord]:
    """The packaged records, read quickly (strictly, should anything be unusual).

    Raises:
        DataError: should the packaged data have a problem (the tests make sure it has none).
    """
    files: list[tuple[str, str, bytes]] = []
    problems: list[Problem] = []
    for stem in KINDS:
        name = f"{stem}.json"
        try:
            files.append((name, stem, _packaged_file(name)))
        except OSError:
            problems.append(Problem(file=name, record=None, path="", message="missing from the package"))
    records = None if problems else _quickly(files)
    return read(files, problems=problems) if records is None else records


def _quickly(files: list[tuple[str, str, bytes]]) -> list[AnyRecord] | None:
    """Every record of *files* read by the quick reader, or ``None`` if one cannot be."""
    records: list[AnyRecord] = []
    for _, stem, data in files:
        read_one = reader(KINDS[stem])
        items = json.loads(data)
        if not isinstance(items, list):
            return None
        for item in items:  # pyright: ignore[reportUnknownVariableType]
            record = read_quickly(read_one, item) if isinstance(item, dict) else None  # pyright: ignore[reportUnknownArgumentType]
            if record is None:
                return None
            records.append(record)
    return records


def _packaged_file(name: str) -> bytes:
    """One packaged data file's bytes, read zip-safely.

    The package's loader reads it (``get_data``: a file on disk, or a member of a zip),
    which imports nothing; :mod:`importlib.resources` serves loaders without ``get_data``.
    """
    loader = getattr(__spec__, "loader", None)
    get_data: Callable[[str], bytes] | None = getattr(loader, "get_data", None)
    if get_data is not None:
        return get_data(os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", name))  # noqa: PTH118, PTH120
    from importlib import resources  # noqa: PLC0415 - only for unusual loaders

    return (resources.files("usnz") / "data" / name).read_bytes()
