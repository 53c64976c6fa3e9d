"""The per-class plan: what a record names (references, countries), read without a generic walk."""

import re

import attrs

import usnz
from usnz.model.facts import Keys, fact, keys_of, plan, walk


@attrs.frozen(kw_only=True)
class Inner:
    """A value that names a record."""

    source: str = fact(doc="A record it names.", refers=("source",))
    where: str | None = fact(default=None, doc="A country.", country=True)


@attrs.frozen(kw_only=True)
class Outer:
    """A value holding others: one alone (or none), several, and plain fields."""

    id: str = fact(doc="Its id.")
    alone: Inner | None = fact(default=None, doc="One value, or none.")
    several: tuple[Inner, ...] = fact(default=(), doc="Several values.")
    count: int = fact(default=0, doc="Names nothing.")


@attrs.frozen(kw_only=True)
class Node:
    """A value that may hold another of its own class."""

    ref: str = fact(doc="A record it names.", refers=("any",))
    child: "Node | None" = fact(default=None, doc="Another node, or none.")


def _walked(record: object) -> tuple[list[tuple[str, str, object]], frozenset[str]]:
    refs = [
        (re.sub(r"\[\d+\]", "", path), ref, declared)
        for path, declared, value in walk(record)
        if declared.refers
        for ref in ((value,) if isinstance(value, str) else value if isinstance(value, tuple) else ())
    ]
    codes = frozenset(
        code
        for _, declared, value in walk(record)
        if declared.country
        for code in ((value,) if isinstance(value, str) else value if isinstance(value, tuple) else ())
    )
    return refs, codes


def test_the_plan_finds_what_the_walk_finds_in_every_record() -> None:
    for record in usnz.dataset():
        refs, codes = _walked(record)
        found = keys_of(record)
        assert list(found.refs) == refs, record.id
        assert found.codes == codes == record.country_codes(), record.id


def test_the_plan_reads_values_alone_several_and_none() -> None:
    inner = Inner(source="a", where="NZL")
    value = Outer(id="x", alone=inner, several=(Inner(source="b"), Inner(source="c", where="USA")))
    found = keys_of(value)
    assert [(path, ref) for path, ref, _ in found.refs] == [
        ("alone.source", "a"),
        ("several.source", "b"),
        ("several.source", "c"),
    ]
    assert found.codes == {"NZL", "USA"}
    assert keys_of(Outer(id="y")) == Keys((), frozenset())


def test_a_class_holding_itself_is_read_as_deep_as_it_goes() -> None:
    node = Node(ref="a", child=Node(ref="b", child=Node(ref="c")))
    assert [(path, ref) for path, ref, _ in keys_of(node).refs] == [
        ("ref", "a"),
        ("child.ref", "b"),
        ("child.child.ref", "c"),
    ]


def test_a_plan_is_built_once_per_class() -> None:
    assert plan(Outer) is plan(Outer)
    assert plan(int) is plan(int)  # a value that is no attrs class names nothing
    refs: list[tuple[str, str, object]] = []
    codes: list[str] = []
    plan(int)(3, refs, codes)  # type: ignore[arg-type]
    assert refs == codes == []
