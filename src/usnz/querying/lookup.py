"""The packaged dataset, loaded on first use, and :func:`get`, which reads only the kind it needs.

This module is what a first ``usnz.get(...)`` imports: the query layer itself
(:class:`~usnz.Dataset`, its indexes and search) is imported only when the whole dataset is
loaded.
"""

from __future__ import annotations

import os
import threading

from usnz.model.calls import checked_call
from usnz.model.errors import ArgumentTypeError
from usnz.reading import packaged

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing on the way to a first get
if TYPE_CHECKING:
    from typing import TypeVar, overload

    from usnz.model.base import Described
    from usnz.model.records import AnyRecord
    from usnz.querying.dataset import Dataset

    K = TypeVar("K", bound=Described)

__all__ = ["dataset", "get", "given_dataset", "loaded", "part", "whole"]

_lock = threading.Lock()
_packaged: Dataset | None = None
_read_before: dict[str, list[AnyRecord]] = {}  # kinds read by get() before the whole dataset
_got: dict[str, AnyRecord] = {}  # their records by id
_parts: dict[str, Dataset] = {}  # datasets of one kind (and the sources), by kind, before the whole


# A forked child gets the first-load lock released: a thread of the parent may have held it when
# it forked, and that thread does not exist in the child, so the child's copy would never be
# released. The lock's own reinitializer does it, as the standard library's concurrent.futures
# registers its lock's: a function of this module in its place would keep every module of usnz
# (and the records read) alive until the interpreter's last collections at exit, which would then
# walk them all (about 2 million instructions of a cold get).
if hasattr(os, "register_at_fork"):  # pragma: no branch - only Windows lacks it
    os.register_at_fork(after_in_child=_lock._at_fork_reinit)  # type: ignore[attr-defined]  # noqa: SLF001  # pyright: ignore[reportAttributeAccessIssue]


@checked_call
def dataset() -> Dataset:
    """The packaged dataset, loaded on first use, once, thread-safely.

    >>> import usnz
    >>> usnz.dataset() is usnz.dataset()
    True
    """
    return whole()


def whole() -> Dataset:
    """:func:`dataset`, for the queries' own calls: without the check of the call (they make none amiss)."""
    global _packaged  # noqa: PLW0603 - the one lazily loaded dataset
    if _packaged is None:
        with _lock:
            if _packaged is None:
                from usnz.querying.dataset import Dataset  # noqa: PLC0415 - the query layer with the whole load
                from usnz.reading.collector import collector_paused  # noqa: PLC0415 - with the whole load

                with collector_paused():  # from the first record read to the last index built
                    whole = Dataset(packaged.read_packaged(_read_before))
                whole._packaged = True  # noqa: SLF001  # pyright: ignore[reportPrivateUsage] - its results: the faces' default
                _packaged = whole
                _read_before.clear()
                _got.clear()
                _parts.clear()
    return _packaged


def loaded() -> Dataset | None:
    """The packaged dataset once it is loaded whole, else ``None``: it loads nothing."""
    return _packaged


if TYPE_CHECKING:

    @overload
    def get(id: str) -> AnyRecord: ...
    @overload
    def get(id: str, kind: type[K]) -> K: ...


def get(id: str, kind: type[Described] | None = None) -> Described:  # noqa: A002 - record field name
    """The record with this id, of any kind, or of the kind given (typed as that kind).

    Before the whole dataset is loaded, only the data file of the id's kind is read (the
    build-time id index says which); the whole load later keeps that very record.

    >>> import usnz
    >>> usnz.get("anzus").signed
    PartialDate(year=1951, month=None, day=None, decade=False, approximate=False)
    >>> usnz.get("anzus", usnz.Agreement).parties
    ('AUS', 'NZL', 'USA')

    Raises:
        UnknownRecordError: when no record has the id; it suggests similar ids.
        WrongKindError: when *kind* is given and the record is of another kind (a ``TypeError``).
        ArgumentTypeError: when *kind* is not a record class such as ``usnz.Event``.
    """
    data = _packaged
    if data is not None:
        return data.get(id, kind)  # type: ignore[arg-type]  # checked there
    found = _got.get(id) if type(id) is str else None
    if found is None:
        stem = packaged.kind_of_id(id) if type(id) is str else None
        if stem is not None:
            with _lock:
                _read(stem)
                found = _got.get(id)
        if found is None:
            return whole().get(id, kind)  # type: ignore[arg-type]  # unknown ids and odd arguments: the whole's answer
    if kind is None or type(found) is kind:
        return found
    from usnz.querying.arguments import of_kind  # noqa: PLC0415 - only when a kind is asked for and differs

    return of_kind(found, kind)


def given_dataset(data: object) -> Dataset:
    """The dataset a face works on: *data* itself, or the packaged one when ``None``.

    Raises:
        ArgumentTypeError: when *data* is neither ``None`` nor a :class:`~usnz.Dataset`.
    """
    if data is None:
        return whole()
    from usnz.querying.dataset import Dataset  # noqa: PLC0415 - the query layer only to check the type

    if not isinstance(data, Dataset):
        msg = f"data= takes a usnz.Dataset such as usnz.load(...) or usnz.dataset(); got {type(data).__name__}"
        raise ArgumentTypeError(msg)
    return data


def part(stem: str) -> Dataset:
    """A dataset of one kind (and the sources, whose dates its periods run to), or the whole one.

    Before the whole dataset is loaded, a query of one kind reads only its kind's file and
    the sources'; the whole load later keeps those very records. Once the whole is loaded,
    or should the fast way be unsure of anything, it is the whole dataset.
    """
    data = _packaged
    if data is not None:
        return data
    from usnz.model.names import cited_kind  # noqa: PLC0415 - as the kind's class, on a first query

    cited = cited_kind()  # the texts the kind's records cite
    with _lock:
        found = _parts.get(stem)
        if found is None and _packaged is None:
            spans = packaged.spans()
            if spans is not None and _read(stem) and _read(cited):
                from usnz.querying.dataset import Dataset  # noqa: PLC0415 - the query layer with the first query

                records = _read_before[cited] + ([] if stem == cited else _read_before[stem])
                found = _parts[stem] = Dataset._part(records, *spans)  # noqa: SLF001  # pyright: ignore[reportPrivateUsage]
    return found if found is not None else whole()


def _read(stem: str) -> bool:
    """Read one kind's records, once, before the whole load (the lock held); whether they are read."""
    if _packaged is None and stem not in _read_before:
        records = packaged.read_kind(stem)
        if records is not None:
            _read_before[stem] = records
            _got.update((record.id, record) for record in records)
    return stem in _read_before
