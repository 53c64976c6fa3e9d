"""Filters declared on fields: the per-class filter plan, what each filter takes, and the lazy filter index."""

import threading
import warnings
from collections import defaultdict
from collections.abc import Hashable
from typing import Any, Literal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import usnz
from strategies import RECORDS, datasets, targets
from usnz.model.facts import fact, walk
from usnz.model.filters import (
    Filter,
    across_kinds,
    feeds,
    filter_keys,
    filter_plan,
    filters,
    involved_plan,
    involves_kinds,
)
from usnz.querying.filtering import FilterIndex


def _walked(record: object) -> dict[str, frozenset[Hashable]]:
    """What a full walk of every field (and nested value) finds each filter fed with."""
    found: defaultdict[str, set[Hashable]] = defaultdict(set)
    for _, declared, value in walk(record):
        values = value if isinstance(value, tuple) else () if value is None else (value,)
        for name in feeds(declared):
            found[name].update(values)
    return {name: frozenset(values) for name, values in found.items() if values}


def test_the_plan_finds_what_the_walk_finds_in_every_record() -> None:
    for record in usnz.dataset():
        assert filter_keys(record) == _walked(record), record.id


@given(st.sampled_from(list(RECORDS.values())).flatmap(lambda strategy: strategy))
def test_the_plan_finds_what_the_walk_finds_in_any_record(record: Any) -> None:
    assert filter_keys(record) == _walked(record)


def _by_hand(data: usnz.Dataset) -> dict[tuple[type, str, Hashable], set[str]]:
    """The filter index as it was written by hand before filters were declared (issue 23): the reference."""
    index: defaultdict[tuple[type, str, Hashable], set[str]] = defaultdict(set)
    involved: defaultdict[str, set[str]] = defaultdict(set)
    records = list(data)
    for record in records:
        for _, declared, value in walk(record):
            if declared.involves:
                for ref in value if isinstance(value, tuple) else () if value is None else (value,):
                    involved[ref].add(record.id)
    for record in records:
        cls = type(record)
        keys: set[tuple[str, Hashable]] = set()
        for path, declared, value in walk(record):
            values = value if isinstance(value, tuple) else () if value is None else (value,)
            if declared.country:
                keys |= {("country", code) for code in values} | {("involving", code) for code in values}
            if declared.involves:
                keys |= {("involving", ref) for ref in values}
            if path in {"conflict", "speaker"}:
                keys |= {(path, ref) for ref in values}
        keys |= {("involving", other) for other in involved.get(record.id, ())}
        if record.record_kind != "source" and isinstance(getattr(record, "kind", None), str):
            keys.add(("kind", record.kind))
        if getattr(record, "destination", None) is not None:
            keys.add(("destination", record.destination))  # type: ignore[union-attr]
        if getattr(record, "combat", None) is not None:
            keys.add(("combat", record.combat))  # type: ignore[union-attr]
        for role in getattr(record, "roles", ()):
            if role.office is not None:
                keys.add(("office", role.office))
        if record.date_basis is not None:
            keys.add(("basis", record.date_basis))
        for name, value in keys:
            index[(cls, name, value)].add(record.id)
    return index


def _lazy(data: usnz.Dataset) -> dict[tuple[type, str, Hashable], set[str]]:
    index = FilterIndex({cls: data.records(cls.record_kind) for cls in usnz.KINDS.values()}, {r.id: r for r in data})
    found: dict[tuple[type, str, Hashable], set[str]] = {}
    for cls in usnz.KINDS.values():
        for name in ("kind", "conflict", "speaker", "destination", "combat", "office", "basis", "country", "involving"):
            for value, records in index.get(cls, name).items():
                assert list(records) == [r for r in data.records(cls.record_kind) if r in records]  # dataset order
                found[(cls, name, value)] = {r.id for r in records}
    return found


def test_the_lazy_index_is_the_index_written_by_hand() -> None:
    data = usnz.dataset()
    assert _lazy(data) == _by_hand(data)


@given(datasets())
def test_the_lazy_index_is_the_index_written_by_hand_on_any_dataset(records: list[Any]) -> None:
    data = usnz.Dataset(records)
    assert _lazy(data) == _by_hand(data)


@given(st.sampled_from(list(RECORDS.values())).flatmap(lambda strategy: strategy))
def test_any_record_is_found_by_each_of_its_filters(record: Any) -> None:
    data = usnz.Dataset([record, *targets(record)])
    query = getattr(data, next(name for name, cls in usnz.KINDS.items() if cls is type(record)))
    for name, values in filter_keys(record).items():
        if type(record) is usnz.Source or (name == "basis" and type(record) is usnz.Person):
            continue  # sources() takes no filter; people(basis=) reads the roles' attestations (test_offices)
        with warnings.catch_warnings():  # what a filter leaves out, and says (combat=): not this test's
            warnings.simplefilter("ignore", usnz.QueryWarning)
            assert record in query(**{name: next(iter(values))}), name
    assert _lazy(data) == _by_hand(data)


def test_what_each_filter_takes_is_read_from_its_fields() -> None:
    assert filters(usnz.Event)["conflict"] == Filter("conflict", "ids", kind="conflict", fields=("conflict",))
    assert filters(usnz.Quote)["speaker"] == Filter("speaker", "ids", kind="person", fields=("speaker",))
    assert filters(usnz.Event)["destination"] == Filter("destination", "codes", fields=("destination",))
    assert filters(usnz.Event)["country"].fields == ("countries", "destination")
    assert filters(usnz.ForceContribution)["combat"] == Filter("combat", "flag", fields=("combat",))
    assert filters(usnz.Person)["office"] == Filter(
        "office", "choices", choices=tuple(usnz.OFFICES), fields=("roles.office",)
    )
    assert filters(usnz.Agreement)["kind"].choices[0] == "treaty"
    assert filters(usnz.Conflict) == {
        "basis": filters(usnz.Conflict)["basis"],
        "involving": Filter("involving", "parties"),
    }
    assert set(across_kinds()) == {"country", "involving", "basis"}
    assert "kind" not in filters(usnz.Source)  # a source's kind is its text's: no filter


def test_the_plan_is_built_once_per_class_and_reads_only_its_fields() -> None:
    assert filter_plan(usnz.Event) is filter_plan(usnz.Event)
    assert "office" not in filter_plan(usnz.Event)
    assert filter_plan(int) == {}  # a value that is no attrs class feeds nothing
    assert involved_plan(usnz.Conflict) is None  # a conflict involves nothing
    assert involves_kinds(usnz.Person) == {"organization"}  # through its roles
    assert involves_kinds(usnz.Figure) == {"any"}


@attrs.frozen(kw_only=True)
class Leaf:
    """A value feeding a filter of its own."""

    tag: str = fact(doc="A tag.", filter="tag")


@attrs.frozen(kw_only=True)
class Other:
    """A value feeding another filter."""

    mark: str = fact(doc="A mark.", filter=("mark", "tag2"))


@attrs.frozen(kw_only=True)
class Tree:
    """A value holding one leaf (or none), values of two classes, and another of its own class."""

    leaf: Leaf | None = fact(default=None, doc="One leaf.")
    mixed: tuple[Leaf | Other, ...] = fact(default=(), doc="Leaves and others.")
    child: "Tree | None" = fact(default=None, doc="Another tree.")
    size: int | None = fact(default=None, doc="Feeds nothing.")


def test_the_plan_reads_values_alone_several_mixed_and_nested() -> None:
    tree = Tree(leaf=Leaf(tag="a"), mixed=(Leaf(tag="b"), Other(mark="m")), child=Tree(leaf=Leaf(tag="c")))
    assert filter_keys(tree) == {"tag": {"a", "b", "c"}, "mark": {"m"}, "tag2": {"m"}}
    assert filter_keys(Tree()) == {}
    assert set(filter_plan(Tree)) == {"tag", "mark", "tag2"}


@attrs.frozen(kw_only=True)
class Counted:
    """A record whose filter reads a field of a type no filter takes."""

    count: int | None = fact(default=None, doc="A count.", filter="count")


def test_a_filter_on_a_field_of_another_type_is_refused() -> None:
    with pytest.raises(TypeError, match=r"Counted.count feeds count="):
        filters(Counted)


@attrs.frozen(kw_only=True)
class Flavoured:
    """A record with a filter of a Literal field."""

    flavour: Literal["sweet", "sour"] | None = fact(default=None, doc="A flavour.", filter="flavour")


def test_a_literal_or_optional_literal_field_takes_its_values() -> None:
    assert filters(Flavoured)["flavour"] == Filter("flavour", "choices", choices=("sweet", "sour"), fields=("flavour",))


def test_the_index_is_built_once_whatever_the_threads() -> None:
    data = usnz.Dataset(list(usnz.dataset()))
    start = threading.Barrier(8)
    found: list[object] = []

    def ask() -> None:
        start.wait()
        found.append(data._index.get(usnz.Event, "country"))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(index is found[0] for index in found)
    assert data.events(country="NZL") is found[0]["NZL"]  # type: ignore[index]


def test_the_command_line_options_are_written_from_the_declarations(capsys: pytest.CaptureFixture[str]) -> None:
    from usnz.cli import main

    with pytest.raises(SystemExit):
        main(["list", "--help"])
    shown = " ".join(capsys.readouterr().out.split())  # as wide as the terminal: lines wrap anywhere
    for spec in (spec for cls in usnz.KINDS.values() for spec in filters(cls).values()):
        assert f"--{spec.name}" in shown
    assert "--speaker ID" in shown
    assert "--kind TYPE" in shown
    assert "--office OFFICE" in shown
    assert "matches event.destination" in shown
    with pytest.raises(SystemExit):
        main(["timeline", "--help"])
    shown = capsys.readouterr().out
    assert all(f"--{name}" in shown for name in across_kinds())
    assert "--office" not in shown


def test_several_choices_are_given_comma_separated(capsys: pytest.CaptureFixture[str]) -> None:
    from usnz.cli import main

    assert main(["list", "events", "--kind", "visit,meeting", "--format", "json"]) == 0
    assert '"kind": "visit"' in capsys.readouterr().out


class _BuiltMeanwhile(dict[Any, Any]):
    """The built indexes, as a thread finds them that waited for the lock while another built its index."""

    asked = 0

    def get(self, key: Any, default: Any = None) -> Any:
        self.asked += 1
        return None if self.asked == 1 else super().get(key, default)


def test_an_index_built_while_waiting_for_the_lock_is_taken_not_built_again() -> None:
    data = usnz.Dataset(list(usnz.dataset()))
    built = data._index.get(usnz.Event, "kind")
    data._index._built = _BuiltMeanwhile({(usnz.Event, "kind"): built})  # type: ignore[misc]
    assert data._index.get(usnz.Event, "kind") is built
