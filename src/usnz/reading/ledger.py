"""What the quick reader read by columns, kept for the cross-record checks, so they do not read it again.

The quick reader builds a file's records a field at a time (:func:`usnz.reading.quick.read_all`):
each field's values of a chunk of records are in hand as one list. While a :class:`Ledger` is
:func:`recording`, each class read so (records, and the values nested in them) adds the columns of
the fields the ledger wants; the checks (:mod:`usnz.reading.checks`) then read a class's ids and
references from its columns instead of from every instance. What a file read is kept only when
the whole file was read by columns: a file read otherwise adds nothing.
"""

from __future__ import annotations

import contextlib
import contextvars
import itertools
from collections.abc import Callable, Generator
from typing import Any, Final

__all__ = ["Ledger", "add", "recording"]

_Read = tuple[type, int, list[list[Any]], tuple[str, ...]]
"""What one read of a class by columns gave: the class, how many instances, their fields' columns and names."""


class Ledger:
    """The columns the quick reader read, by class and field name: each value of every instance it made, in order."""

    __slots__ = ("_columns", "_counts", "_wanted")

    def __init__(self, wanted: Callable[[type], frozenset[str]]) -> None:
        """A ledger keeping, of each class, the columns of the fields *wanted* names."""
        self._wanted = wanted
        self._columns: dict[type, dict[str, list[list[Any]]]] = {}
        self._counts: dict[type, int] = {}

    def keep(self, reads: list[_Read]) -> None:
        """Keep the columns of *reads* (each as :func:`add` was given it)."""
        for cls, count, columns, names in reads:
            wanted = self._wanted(cls)
            kept = self._columns.setdefault(cls, {})
            for name, column in zip(names, columns, strict=True):
                if name in wanted:
                    kept.setdefault(name, []).append(column)
            self._counts[cls] = self._counts.get(cls, 0) + count

    def classes(self) -> list[type]:
        """The classes read by columns."""
        return list(self._counts)

    def count(self, cls: type) -> int:
        """How many instances of *cls* were read by columns."""
        return self._counts.get(cls, 0)

    def column(self, cls: type, name: str) -> list[Any]:
        """The values of field *name* of every instance of *cls* read by columns, in the order read."""
        return list(itertools.chain.from_iterable(self._columns.get(cls, {}).get(name, ())))


_READS: Final[contextvars.ContextVar[list[_Read] | None]] = contextvars.ContextVar("usnz_ledger_reads", default=None)


@contextlib.contextmanager
def recording(ledger: Ledger | None) -> Generator[None, None, None]:
    """Within the block, what is read by columns is noted: kept in *ledger* (if any) if the block ends, not raising."""
    if ledger is None:
        yield
        return
    reads: list[_Read] = []
    token = _READS.set(reads)
    try:
        yield
    finally:
        _READS.reset(token)
    ledger.keep(reads)  # (only what was read in full)


def add(cls: type, count: int, columns: list[list[Any]], names: tuple[str, ...]) -> None:
    """Note that *count* instances of *cls* were read, holding *columns* (one per field of *names*), when recording."""
    reads = _READS.get()
    if reads is not None:
        reads.append((cls, count, columns, names))
