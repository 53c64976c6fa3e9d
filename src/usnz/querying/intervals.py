"""An index of records by the days they cover, so ``during=`` costs the size of its answer.

Records are grouped by how long their window is, in classes of powers of two days: a record of
class *k* covers fewer than 2**k days, so one that overlaps a window can only start in the
2**k days before the window's first day, or within the window. Each class is sorted by start,
so each is searched with two bisections; what is looked at beyond the answer is bounded by
the records that start in that short lead, class by class, never by the whole dataset.
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime as dt

    from usnz.model.records import AnyRecord
    from usnz.querying.arguments import Window

__all__ = ["Intervals"]


class Intervals:
    """Dated records by their window (first and last day), for overlap queries.

    >>> import datetime as dt, usnz
    >>> events = usnz.events()
    >>> windows = {r.id: (r.when.earliest, r.when.latest) for r in events if r.when is not None}
    >>> index = Intervals(events, windows)
    >>> [r.id for r in index.overlapping(dt.date(1939, 9, 1), dt.date(1939, 9, 30))]
    ['nz-declares-war-on-germany']
    """

    __slots__ = ("_classes", "_record")

    def __init__(self, records: Sequence[AnyRecord], windows: Mapping[str, Window]) -> None:
        """Index *records* (in the order answers keep) by their windows; records without one are left out."""
        # the record at a position: a tuple's own item (not a subclass's __getitem__ in Python, as Records has)
        get: Callable[[int], AnyRecord] = records.__getitem__
        if isinstance(records, tuple):
            get = functools.partial(tuple[Any, ...].__getitem__, records)
        self._record = get
        rows: dict[int, list[tuple[int, int, int]]] = {}  # by class: (first day, last day, position)
        for position, record in enumerate(records):
            window = windows.get(record.id)
            if window is None or record.when is None:
                continue
            first, last = window[0].toordinal(), window[1].toordinal()
            rows.setdefault((last - first).bit_length(), []).append((first, last, position))
        self._classes: list[tuple[int, list[int], list[int], list[int]]] = []
        for size, found in rows.items():
            found.sort()  # by first day (already so for records in chronological order: linear then)
            starts, ends, positions = ([row[i] for row in found] for i in range(3))
            self._classes.append((1 << size, starts, ends, positions))

    def overlapping(self, first: dt.date, last: dt.date) -> list[AnyRecord]:
        """The records whose window shares a day with *first*..*last*, in the records' order."""
        return list(map(self._record, self.positions(first, last)))

    def positions(self, first: dt.date, last: dt.date) -> list[int]:
        """The positions (in the records given) of those whose window shares a day with *first*..*last*, in order."""
        low, high = first.toordinal(), last.toordinal()
        found: list[int] = []
        for longest, starts, ends, positions in self._classes:
            end = bisect_right(starts, high)
            for i in range(bisect_left(starts, low - longest, 0, end), end):
                if ends[i] >= low:
                    found.append(positions[i])
        found.sort()
        return found
