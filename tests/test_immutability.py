"""Nothing a query returns can be changed, and the packaged dataset is the same after every try."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest

import usnz


def _snapshot() -> str:
    data = usnz.dataset()
    return json.dumps([usnz.converter.unstructure(r) for r in data], sort_keys=True, default=str)


def _attempts(value: Any) -> list[Any]:
    """Every way we know to try to change *value* in place."""
    attempts = []
    if isinstance(value, tuple):
        attempts += [
            lambda: value.__setitem__(0, None),
            lambda: value.__delitem__(0),
            lambda: value.append(None),
            lambda: value.extend([None]),
            lambda: value.sort(),
            lambda: value.clear(),
            lambda: setattr(value, "x", 1),
        ]
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            attempts.append(lambda field=field: setattr(value, field.name, None))
            attempts.append(lambda field=field: delattr(value, field.name))
        attempts.append(lambda: setattr(value, "new_attribute", 1))
        attempts.append(lambda: value.__dict__.update(id="x"))
    return attempts


def _walk(value: Any) -> list[Any]:
    """value and everything it holds, depth first."""
    found = [value]
    if isinstance(value, tuple):
        for item in value:
            found += _walk(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            found += _walk(getattr(value, field.name))
    return found


@pytest.mark.filterwarnings("ignore:.*possibly=True includes:usnz.QueryWarning")  # named in test_unknown_ends
def test_every_mutation_of_query_results_fails_and_changes_nothing() -> None:
    before = _snapshot()
    results = [
        usnz.force_contributions(conflict="korean-war"),
        usnz.events(during="2008"),
        usnz.people(),
        usnz.search("anzus"),
        usnz.timeline(during="1965"),
        (usnz.get("anzus"), usnz.get("k-force-korea"), usnz.get("helen-clark")),
    ]
    tried = 0
    for result in results:
        for value in _walk(result):
            for attempt in _attempts(value):
                tried += 1
                with pytest.raises((TypeError, AttributeError)):
                    attempt()
    assert tried > 1000
    assert _snapshot() == before


def test_returned_results_are_not_the_internal_lists() -> None:
    results = usnz.events()
    assert isinstance(results, tuple)
    copy = list(results)
    copy.clear()
    assert usnz.events() == results


def test_dataset_and_tables_are_read_only() -> None:
    data = usnz.dataset()
    with pytest.raises(AttributeError):
        data.span = None  # type: ignore[misc]
    with pytest.raises(AttributeError):
        data.extra = 1  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        usnz.KINDS["wars"] = usnz.Conflict  # type: ignore[index]
    with pytest.raises(TypeError):
        usnz.COUNTRIES["FRA"] = usnz.COUNTRIES["NZL"]  # type: ignore[index]
    record = usnz.get("anzus")
    assert not hasattr(record, "__dict__")
    assert not hasattr(record.citations[0], "__dict__")


def test_to_list_gives_fresh_copies() -> None:
    records = usnz.force_contributions(conflict="korean-war")
    first = records.to_list()
    first[0]["id"] = "changed"
    assert records.to_list()[0]["id"] != "changed"
