"""The cyclic collector is paused while a load and its indexes are built, and left as it was after."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator

import usnz
from usnz.reading.collector import collector_paused, paused


def test_a_pause_restores_what_was_before() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause leaves it to the outer one
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # off before: off after
    finally:
        gc.enable()


def test_the_dataset_and_its_indexes_are_built_with_the_collector_paused() -> None:
    seen: list[bool] = []

    def records() -> Iterator[usnz.AnyRecord]:
        for record in usnz.dataset():
            seen.append(gc.isenabled())
            yield record

    data = usnz.Dataset(records())
    assert seen
    assert not any(seen)
    assert gc.isenabled()
    states = []
    build = paused(lambda: states.append(gc.isenabled()))
    build()
    assert states == [False]
    assert data.events(country="NZL")
    assert data.citing(source="encyclopedia-nz-us-relations")
    assert data.search("anzus")
    assert data.events(during=dt.date(1965, 6, 1).isoformat())
    assert gc.isenabled()


def test_a_large_pause_freezes_what_it_built(monkeypatch) -> None:
    """After a pause that built many objects, the collector's next pass does not walk them."""
    from usnz.reading import collector

    monkeypatch.setattr(collector, "FREEZE_AFTER", 1000)
    before = gc.get_freeze_count()
    try:
        with collector_paused():
            built = [[i] for i in range(5000)]
        assert gc.isenabled()
        frozen = gc.get_freeze_count()
        assert frozen >= before + len(built)
        assert gc.get_count()[0] < 1000  # the young generation starts empty
        with collector_paused():
            small = [[i] for i in range(10)]
        assert small
        assert gc.get_freeze_count() == frozen  # a small pause freezes nothing more
    finally:
        gc.unfreeze()


def test_a_pause_building_few_objects_with_large_tables_freezes_them(monkeypatch) -> None:
    """A table's entries count with the objects built: the collector would walk each of them."""
    from usnz.reading import collector

    monkeypatch.setattr(collector, "FREEZE_AFTER", 1000)
    before = gc.get_freeze_count()
    try:
        with collector_paused():
            table = list(range(5000))  # one object: not enough alone
        assert gc.get_freeze_count() == before
        build = paused(lambda: list(range(5000)), entries=5000)
        assert len(build()) == len(table)
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()


def test_a_large_search_index_is_frozen_after_it_is_built(monkeypatch) -> None:
    """The search index counts an entry a record toward freezing what it built."""
    from usnz.reading import collector

    data = usnz.Dataset(usnz.dataset())
    monkeypatch.setattr(collector, "FREEZE_AFTER", len(data) - 1)
    gc.unfreeze()
    try:
        assert data.search("anzus")
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_a_load_of_many_objects_leaves_them_frozen(monkeypatch) -> None:
    """A load that builds more than FREEZE_AFTER objects leaves them frozen: the collector's next pass is short."""
    from importlib import resources

    from usnz.reading import collector

    monkeypatch.setattr(collector, "FREEZE_AFTER", 1000)
    gc.unfreeze()
    before = gc.get_freeze_count()
    try:
        data = usnz.load(str(resources.files("usnz") / "data"))
        assert gc.get_freeze_count() > before + len(data)
        assert gc.isenabled()
    finally:
        gc.unfreeze()
