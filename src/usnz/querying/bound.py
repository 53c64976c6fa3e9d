"""The module-level queries, bound to the packaged dataset (loaded on first use).

Each is the :class:`~usnz.Dataset` method of the same name.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from usnz._dataset import Dataset
from usnz._load import dataset

__all__ = [
    "agreements",
    "assistance",
    "citing",
    "conflicts",
    "disputes",
    "events",
    "figures",
    "force_contributions",
    "get",
    "organizations",
    "people",
    "quotes",
    "search",
    "sources",
    "timeline",
]

P = ParamSpec("P")
T = TypeVar("T")


def _bound(method: Callable[Concatenate[Dataset, P], T]) -> Callable[P, T]:
    """Call *method* on the packaged dataset."""

    @functools.wraps(method)
    def query(*args: P.args, **kwargs: P.kwargs) -> T:
        return method(dataset(), *args, **kwargs)

    return query


get = _bound(Dataset.get)
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
