"""The filter index: a kind's records by the values of one filter, each (kind, filter) built on first use.

What a record files under a filter is read by its class's plan (:func:`usnz.model.filters.filter_plan`),
from the fields declared to feed it; a first ``events(country="NZL")`` reads the events' country
fields and nothing else. ``involving=`` also files a record under the ids of the records that
involve it: those are read from the kinds whose fields may involve it, and no others.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING, Any

from usnz.model.filters import INVOLVING, filter_plan, involved_plan, involves_kinds
from usnz.querying.collection import Records
from usnz.reading.collector import paused

if TYPE_CHECKING:
    from usnz.model.records import AnyRecord

__all__ = ["FilterIndex"]

Index = Mapping[Hashable, Records["AnyRecord"]]
"""The records of one kind by each value of one filter, each in dataset order."""


class FilterIndex:
    """The records of each kind by the values of each filter: each (kind, filter) built on first use, once.

    Safe to share between threads: an index is built under a lock, by one thread, and then only read.
    """

    __slots__ = ("_built", "_by_id", "_by_kind", "_lock")

    def __init__(self, by_kind: Mapping[type[AnyRecord], Records[AnyRecord]], by_id: Mapping[str, AnyRecord]) -> None:
        """Index the records of *by_kind* (each kind in dataset order); *by_id* finds any record by its id."""
        self._by_kind = by_kind
        self._by_id = by_id
        self._built: dict[tuple[type[AnyRecord], str], Index] = {}
        self._lock = threading.RLock()

    def get(self, cls: type[AnyRecord], name: str) -> Index:
        """The records of *cls* by each value they file under the filter *name* (none for a filter *cls* lacks)."""
        key = (cls, name)
        found = self._built.get(key)
        if found is None:
            with self._lock:
                found = self._built.get(key)
                if found is None:
                    found = self._built[key] = self._build(cls, name)
        return found

    @paused
    def _build(self, cls: type[AnyRecord], name: str) -> Index:
        read = filter_plan(cls).get(name)
        others = self._involving(cls) if name == INVOLVING else None
        index: dict[Hashable, list[AnyRecord]] = {}
        for record in self._by_kind.get(cls, ()) if read is not None or others else ():
            values: list[Hashable] = []
            if read is not None:
                read(record, values)
            if others:
                values.extend(others.get(record.id, ()))
            for value in set(values) if len(values) > 1 else values:
                index.setdefault(value, []).append(record)
        return {value: Records(records) for value, records in index.items()}

    def _involving(self, cls: type[AnyRecord]) -> dict[str, list[str]]:
        """The ids of the records that involve each record of *cls*: read from the kinds that may involve it."""
        named = {cls.record_kind, "any"}
        found: dict[str, list[str]] = {}
        for kind, records in self._by_kind.items():
            read = involved_plan(kind)
            if read is None or not named & involves_kinds(kind):
                continue
            for record in records:
                ids: list[Any] = []  # ids: fields declared involves=True hold ids
                read(record, ids)
                for other in ids:
                    if type(self._by_id.get(other)) is cls:
                        found.setdefault(other, []).append(record.id)
        return found
