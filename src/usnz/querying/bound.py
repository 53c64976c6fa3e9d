"""The packaged dataset, user datasets, and the module-level queries bound to the packaged one.

The packaged dataset is loaded on first use, once, thread-safely; ``load()`` reads user files.

Each query is the :class:`~usnz.Dataset` method of the same name.
"""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Concatenate, Final, Literal, ParamSpec, TypeVar, overload

from usnz.model.calls import checked_call
from usnz.model.errors import ArgumentTypeError
from usnz.model.facts import facts
from usnz.model.filters import filters
from usnz.model.kinds import CLASS_NAMES, kind_class
from usnz.querying.dataset import Dataset
from usnz.querying.lookup import dataset, get, loaded, part, whole
from usnz.reading.collector import collector_paused

if TYPE_CHECKING:
    from usnz.model.records import AnyRecord
    from usnz.querying.collection import Records
    from usnz.querying.search import SearchHit

__all__ = [
    "agreements",
    "assistance",
    "citing",
    "conflicts",
    "dataset",
    "disputes",
    "doubts",
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


@checked_call
def load(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, extends: Dataset | None = None
) -> Dataset:
    """Load a dataset from JSON files in the packaged format, or JSON Lines (a ``jsonl`` export).

    Args:
        paths: A directory (every ``<kind>.json`` and ``<kind>.jsonl`` in it), one file, or
            several files. Each file is named after its kind (``events.json``, ``people.jsonl``...):
            a ``.json`` file holds an array of records, a ``.jsonl`` file one record per line.
        extends: A dataset whose records the new ones join (``usnz.dataset()`` to add
            to the packaged data). Ids must not clash with it.

    Raises:
        DataError: listing every problem in every file; no partial dataset is returned.
    """
    from usnz.reading import load as reading  # noqa: PLC0415 - the strict reader: for users' files only

    paths = reading.checked_paths(paths)
    if extends is not None and not isinstance(extends, Dataset):
        msg = f"extends= takes a usnz.Dataset such as usnz.dataset(); got {type(extends).__name__}"
        raise ArgumentTypeError(msg)
    files, problems = reading.read_paths(paths)
    with collector_paused():  # from the first record read to the last index built
        return Dataset(reading.read(files, extends or (), problems))


P = ParamSpec("P")
T = TypeVar("T")


def _bound(method: Callable[Concatenate[Dataset, P], T], stem: str | None = None) -> Callable[P, T]:
    """Call *method* on the packaged dataset; ``help()`` shows its signature without ``self``.

    A query of one kind (*stem*) is asked of that kind alone, until the whole dataset is
    loaded, unless it names records (``conflict=``, ``speaker=``, ``involving=``: the filters
    its kind's fields declare taking ids), which may be of any kind: those are checked
    against the whole.
    """

    @functools.wraps(method)
    def query(*args: P.args, **kwargs: P.kwargs) -> T:
        data = loaded()  # once the whole is loaded, every query asks it
        if data is None:
            if stem is None or args or any(kwargs.get(name) is not None for name in _naming_records(stem)):
                data = whole()
            else:
                data = part(stem)
        return method(data, *args, **kwargs)

    signature = inspect.signature(method)
    query.__signature__ = signature.replace(  # type: ignore[attr-defined]  # pyright: ignore[reportFunctionMemberAccess]
        parameters=tuple(signature.parameters.values())[1:]
    )
    return query


_NAMING_RECORDS_OF: Final = {"people": ("basis",)}
"""Filters of one query that read records of another kind besides those naming records: a role's attestations'."""


@functools.cache
def _naming_records(stem: str) -> tuple[str, ...]:
    """The filters of a query of one kind that name records (of any kind): given one, it needs the whole dataset.

    Read from the declarations of the kind's fields (:func:`usnz.model.filters.filters`): the
    filters taking ids (``conflict=``, ``speaker=``) and ``involving=``; and ``during=`` where a
    field is declared ``within=True`` (``possibly=True`` and its warning read that record's dates).
    """
    cls: Any = kind_class(stem)
    named = [spec.name for spec in filters(cls).values() if spec.takes in {"ids", "parties"}]
    if any(declared.within for _, declared in facts(cls)):  # during= reads the dates of the records they name
        named.append("during")
    return (*named, *_NAMING_RECORDS_OF.get(stem, ()))


sources = _bound(Dataset.sources, "sources")
agreements = _bound(Dataset.agreements, "agreements")
conflicts = _bound(Dataset.conflicts, "conflicts")
force_contributions = _bound(Dataset.force_contributions, "force_contributions")
assistance = _bound(Dataset.assistance, "assistance")
events = _bound(Dataset.events, "events")
people = _bound(Dataset.people, "people")
organizations = _bound(Dataset.organizations, "organizations")
quotes = _bound(Dataset.quotes, "quotes")
figures = _bound(Dataset.figures, "figures")
if TYPE_CHECKING:  # the overloads of Dataset.search: scores=True gives (record, score) pairs

    @overload
    def search(
        text: str,
        *,
        kind: str | type[AnyRecord] | Iterable[str | type[AnyRecord]] | None = None,
        scores: Literal[False] = False,
    ) -> Records[AnyRecord]: ...
    @overload
    def search(
        text: str, *, kind: str | type[AnyRecord] | Iterable[str | type[AnyRecord]] | None = None, scores: Literal[True]
    ) -> tuple[SearchHit, ...]: ...
    def search(
        text: str, *, kind: str | type[AnyRecord] | Iterable[str | type[AnyRecord]] | None = None, scores: bool = False
    ) -> Records[AnyRecord] | tuple[SearchHit, ...]:
        """See :meth:`Dataset.search`."""
        return whole().search(text, kind=kind, scores=scores)  # type: ignore[call-overload,no-any-return]

else:
    search = _bound(Dataset.search)
timeline = _bound(Dataset.timeline)
citing = _bound(Dataset.citing)
disputes = _bound(Dataset.disputes)
doubts = _bound(Dataset.doubts)


if not TYPE_CHECKING:  # pragma: no branch - at run time only: the type checkers know the names bound above

    def __getattr__(name: str) -> Callable[..., Records[AnyRecord]]:
        """The query of a kind of :data:`~usnz.model.kinds.REGISTRY` not bound above, bound as those are.

        A kind added to the registry (with its :class:`~usnz.Dataset` method) is ``usnz.<plural>()``
        at once; a line above gives it its type for the type checkers.
        """
        if name in CLASS_NAMES and hasattr(Dataset, name):
            query: Callable[..., Records[AnyRecord]] = _bound(getattr(Dataset, name), name)
            globals()[name] = query
            return query
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
