"""The packaged dataset, user datasets, and the module-level queries bound to the packaged one.

The packaged dataset is loaded on first use, once, thread-safely; ``load()`` reads user files.

Each query is the :class:`~usnz.Dataset` method of the same name.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable, Iterable
from typing import Concatenate, ParamSpec, TypeVar

from usnz.model.errors import ArgumentTypeError
from usnz.model.records import AnyRecord
from usnz.querying.dataset import Dataset
from usnz.reading import load as reading
from usnz.reading import packaged

__all__ = [
    "agreements",
    "assistance",
    "citing",
    "conflicts",
    "dataset",
    "disputes",
    "events",
    "figures",
    "force_contributions",
    "get",
    "load",
    "organizations",
    "people",
    "quotes",
    "search",
    "sources",
    "timeline",
]

_lock = threading.Lock()
_packaged: Dataset | None = None
_read_before: dict[str, list[AnyRecord]] = {}  # kinds read by get() before the whole dataset
_got: dict[str, AnyRecord] = {}  # their records by id


def _fresh_lock() -> None:
    """Give a forked child a lock of its own.

    A thread of the parent may have held the first-load lock when it forked; that thread
    does not exist in the child, so the child's copy of the lock would never be released.
    """
    global _lock  # noqa: PLW0603 - replaced in a forked child only
    _lock = threading.Lock()


if hasattr(os, "register_at_fork"):  # pragma: no branch - only Windows lacks it
    os.register_at_fork(after_in_child=_fresh_lock)


def dataset() -> Dataset:
    """The packaged dataset, loaded on first use, once, thread-safely.

    >>> import usnz
    >>> usnz.dataset() is usnz.dataset()
    True
    """
    global _packaged  # noqa: PLW0603 - the one lazily loaded dataset
    if _packaged is None:
        with _lock:
            if _packaged is None:
                _packaged = Dataset(packaged.read_packaged(_read_before))
                _read_before.clear()
                _got.clear()
    return _packaged


def load(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, extends: Dataset | None = None
) -> Dataset:
    """Load a dataset from JSON files in the packaged format.

    Args:
        paths: A directory (every ``<kind>.json`` in it), one file, or several files.
            Each file is named after its kind (``events.json``, ``people.json``...).
        extends: A dataset whose records the new ones join (``usnz.dataset()`` to add
            to the packaged data). Ids must not clash with it.

    Raises:
        DataError: listing every problem in every file; no partial dataset is returned.
    """
    paths = reading.checked_paths(paths)
    if extends is not None and not isinstance(extends, Dataset):
        msg = f"extends= takes a usnz.Dataset such as usnz.dataset(); got {type(extends).__name__}"
        raise ArgumentTypeError(msg)
    files, problems = reading.read_paths(paths)
    return Dataset(reading.read(files, extends or (), problems))


P = ParamSpec("P")
T = TypeVar("T")


def _bound(method: Callable[Concatenate[Dataset, P], T]) -> Callable[P, T]:
    """Call *method* on the packaged dataset."""

    @functools.wraps(method)
    def query(*args: P.args, **kwargs: P.kwargs) -> T:
        return method(dataset(), *args, **kwargs)

    return query


def get(id: str) -> AnyRecord:  # noqa: A002 - record field name
    """The record with this id, of any kind.

    Before the whole dataset is loaded, only the data file of the id's kind is read (the
    build-time id index says which); the whole load later keeps that very record.

    >>> import usnz
    >>> usnz.get("anzus").signed
    PartialDate(year=1951, month=None, day=None, decade=False, approximate=False)

    Raises:
        UnknownRecordError: when no record has the id; it suggests similar ids.
    """
    data = _packaged
    if data is not None:
        return data.get(id)
    found = _got.get(id) if type(id) is str else None
    if found is not None:
        return found
    stem = packaged.kind_of(id) if type(id) is str else None
    if stem is not None:
        with _lock:
            if _packaged is None and stem not in _read_before:
                records = packaged.read_kind(stem)
                if records is not None:
                    _read_before[stem] = records
                    _got.update((record.id, record) for record in records)
            found = _got.get(id)
        if found is not None:
            return found
    return dataset().get(id)  # unknown ids and odd arguments: the whole dataset's answer


sources = _bound(Dataset.sources)
agreements = _bound(Dataset.agreements)
conflicts = _bound(Dataset.conflicts)
force_contributions = _bound(Dataset.force_contributions)
assistance = _bound(Dataset.assistance)
events = _bound(Dataset.events)
people = _bound(Dataset.people)
organizations = _bound(Dataset.organizations)
quotes = _bound(Dataset.quotes)
figures = _bound(Dataset.figures)
search = _bound(Dataset.search)
timeline = _bound(Dataset.timeline)
citing = _bound(Dataset.citing)
disputes = _bound(Dataset.disputes)
