"""Reading the data that ships inside the package: a fast path for trusted data.

The packaged data is read zip-safely through the package's own loader (so it works from a
wheel or a zip). It is trusted: the test suite reads it the strict way too
(:func:`usnz.reading.load.read`, every problem checked) and proves that both give exactly the
same records. So here JSON is parsed without the strict hooks, each record is read by the quick
reader, and the checks across records are not run again; should anything at all be unusual, the
whole of it is read the strict way instead, which says what is wrong.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from usnz.model.errors import Problem
from usnz.model.kinds import CLASS_NAMES, kind_class
from usnz.reading.quick import read_quickly, reader

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing on the way to a first get
if TYPE_CHECKING:
    import datetime as dt
    from typing import Any

    from usnz.model.records import AnyRecord

__all__ = ["kind_of_id", "read_kind", "read_packaged", "spans"]

_index: dict[str, str] = {}


def kind_of_id(record_id: str) -> str | None:
    """The kind (data file stem) a packaged id is in, from the build-time index; ``None`` if none.

    The index (``data/ids.txt``, one ``id kind`` line per record) is written by
    ``scripts/snapshot.py --data`` and checked against the data by the tests.
    """
    if not _index:
        try:
            lines = _packaged_file("ids.txt").decode("utf-8").split()
        except OSError:  # no index: every lookup reads the whole dataset
            return None
        _index.update(zip(lines[::2], lines[1::2], strict=True))
    return _index.get(record_id)


def spans() -> tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date]] | None:
    """The days the whole packaged data covers: its known and its lenient span (``None`` if unsure).

    Written by ``scripts/snapshot.py --data`` (``data/spans.txt``) and checked against the
    whole dataset by the tests: a dataset of some kinds only warns as the whole one would.
    """
    import datetime as dt  # noqa: PLC0415 - only for a first query of a kind: a first get makes no day

    try:
        known, possible = (line.split() for line in _packaged_file("spans.txt").decode("ascii").splitlines())
        return (
            (dt.date.fromisoformat(known[1]), dt.date.fromisoformat(known[2])),
            (dt.date.fromisoformat(possible[1]), dt.date.fromisoformat(possible[2])),
        )
    except (OSError, ValueError, IndexError):  # missing or unreadable: the whole dataset answers instead
        return None


def read_kind(stem: str) -> list[AnyRecord] | None:
    """The packaged records of one kind, read quickly; ``None`` if anything is unusual."""
    try:
        data = _packaged_file(f"{stem}.json")
    except OSError:
        return None
    return _quickly([(f"{stem}.json", stem, data)])


def read_packaged(read_before: dict[str, list[AnyRecord]] | None = None) -> list[AnyRecord]:
    """The packaged records, read quickly (strictly, should anything be unusual).

    Args:
        read_before: Kinds already read (by :func:`read_kind`), by stem: their very records are
            kept, so a record got before the whole load is the record the whole load holds.

    Raises:
        DataError: should the packaged data have a problem (the tests make sure it has none).
    """
    before = read_before or {}
    files: list[tuple[str, str, bytes]] = []
    problems: list[Problem] = []
    for stem in CLASS_NAMES:
        name = f"{stem}.json"
        if stem in before:
            continue
        try:
            files.append((name, stem, _packaged_file(name)))
        except OSError:
            problems.append(Problem(file=name, record=None, path="", message="missing from the package"))
    records = None if problems else _quickly(files)
    if records is None:  # read everything the strict way: it says what is wrong
        from usnz.reading.load import read  # noqa: PLC0415 - the strict reader only when it is needed

        files = [(f"{stem}.json", stem, _packaged_file(f"{stem}.json")) for stem in before] + files
        return read(files, problems=problems)
    return [record for stem in CLASS_NAMES for record in before.get(stem, ())] + records


def _quickly(files: list[tuple[str, str, bytes]]) -> list[AnyRecord] | None:
    """Every record of *files* read by the quick reader, or ``None`` if one cannot be."""
    records: list[AnyRecord] = []
    for _, stem, data in files:
        read_one = reader(kind_class(stem))
        items = _json(data)
        if not isinstance(items, list):
            return None
        for item in items:  # pyright: ignore[reportUnknownVariableType]
            record = read_quickly(read_one, item) if isinstance(item, dict) else None  # pyright: ignore[reportUnknownArgumentType]
            if record is None:
                return None
            records.append(record)
    return records


class _Plain:
    """What json's C scanner asks of the decoder it reads for: ``json.loads``'s own settings.

    But for a constant (``NaN``, ``Infinity``), which it leaves to ``json.loads`` (no packaged
    value is one: the strict reader refuses them).
    """

    __slots__ = ()
    strict = True
    object_hook = None
    object_pairs_hook = None
    array_hook = None
    parse_float = float
    parse_int = int

    @staticmethod
    def parse_constant(name: str) -> object:
        """Leave the file to ``json.loads``."""
        raise ValueError(name)


_SPACE = " \t\n\r"
"""What JSON counts as white space."""


def _json(data: bytes) -> Any:
    """The JSON value of a packaged file, as :func:`json.loads` reads it: read by json's own C scanner.

    That scanner is what ``json.loads`` reads with; asked here directly, a first get imports
    no json package (its encoder too, and six patterns compiled: about 1 ms). A file it does not
    read plainly (a byte-order mark, a constant, an error, no such scanner: not CPython) is read
    by ``json.loads`` itself, which answers (or fails) as it always did.
    """
    try:
        from _json import make_scanner  # noqa: PLC0415 - json's own C scanner

        scan = make_scanner(_Plain())  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType] - the decoder's settings
        text = data.decode("utf-8")  # as json.loads decodes a file that has no byte-order mark
        start = len(text) - len(text.lstrip(_SPACE))  # (a mark is no space: no value starts there, a StopIteration)
        value, end = scan(text, start)
        if text[end:].strip(_SPACE):
            raise ValueError(end)  # noqa: TRY301 - more after the value: json.loads says so
    except Exception:  # noqa: BLE001 - whatever is unusual, json.loads reads it (and says what is wrong)
        import json  # noqa: PLC0415

        return json.loads(data)
    return value


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
