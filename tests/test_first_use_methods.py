"""attrs writes a model class's ``__repr__``, ``__eq__`` and ``__hash__`` when first used: the very methods it writes.

A first ``usnz.get`` builds six classes and uses none of those methods (``test_lazy.py`` checks
it), so :func:`usnz.model.facts.methods_on_first_use` leaves them to be written when first used.
These tests hold them to what attrs writes for a class of the same fields built at once.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import usnz
from usnz.model.facts import methods_on_first_use

_WRITTEN = ("__repr__", "__eq__", "__ne__", "__hash__")


def _values(value: Any) -> list[Any]:
    """*value* and every attrs value in its fields, nested (a record's citations, doubts, dates, roles...)."""
    found: list[Any] = []
    if attrs.has(type(value)):
        found.append(value)
        for field in attrs.fields(type(value)):
            found.extend(_values(getattr(value, field.name)))
    elif isinstance(value, tuple):
        for item in value:
            found.extend(_values(item))
    return found


def _attrs_repr(value: Any) -> str:
    """What attrs' own ``__repr__`` shows: the class's name and each field shown in a repr."""
    shown = ", ".join(
        f"{field.name}={getattr(value, field.name)!r}" for field in attrs.fields(type(value)) if field.repr
    )
    return f"{type(value).__qualname__}({shown})"


def test_every_model_value_has_the_methods_attrs_writes() -> None:
    values = [value for record in usnz.dataset() for value in _values(record)]
    classes = {type(value) for value in values}
    assert {usnz.Citation, usnz.Doubt, usnz.PartialDate, usnz.Period, usnz.Role, usnz.Attestation} <= classes
    assert set(usnz.KINDS.values()) <= classes
    assert {usnz.Money, usnz.Quantity} <= classes
    for value in values:
        same = attrs.evolve(value)
        assert same is not value
        assert repr(value) == _attrs_repr(value)
        assert value == same
        assert not value != same  # noqa: SIM202 - __ne__ itself
        assert hash(value) == hash(same)
        assert value.__eq__(object()) is NotImplemented
    for cls in classes:
        for name in _WRITTEN:
            method = getattr(cls, name)
            assert callable(method), (cls, name)
            assert name == "__ne__" or method.__code__.co_filename.startswith("<attrs generated"), (cls, name)
            assert name == "__ne__" or method.__qualname__ == f"{cls.__qualname__}.{name}"


def test_values_that_differ_in_a_field_differ() -> None:
    anzus = usnz.get("anzus")
    other = attrs.evolve(anzus, notes="another note")
    assert anzus != other
    assert not anzus == other  # noqa: SIM201 - __eq__ itself
    citation = anzus.citations[0]
    assert citation != attrs.evolve(citation, paragraph=citation.paragraph + 1)
    assert usnz.Period.parse("1950/1957") != usnz.Period.parse("1950/1958")
    total = usnz.Total(best=None, low=5094, high=None, unit="personnel", counted=("k-force-korea",), unknown=())
    assert total == attrs.evolve(total)
    assert hash(total) == hash(attrs.evolve(total))
    assert total != attrs.evolve(total, low=5095)
    assert repr(total) == _attrs_repr(total)


@attrs.frozen(kw_only=True)
@methods_on_first_use
class _Later:
    shown: int
    hidden: str = attrs.field(repr=False)
    uncompared: int = attrs.field(eq=False)
    folded: str = attrs.field(eq=str.lower)
    unhashed: int = attrs.field(default=0, hash=False)
    custom: int = attrs.field(default=0, repr=lambda value: f"<{value}>")


@attrs.frozen(kw_only=True)
class _AtOnce:
    shown: int
    hidden: str = attrs.field(repr=False)
    uncompared: int = attrs.field(eq=False)
    folded: str = attrs.field(eq=str.lower)
    unhashed: int = attrs.field(default=0, hash=False)
    custom: int = attrs.field(default=0, repr=lambda value: f"<{value}>")


_PAIRS = [
    (
        {"shown": 1, "hidden": "a", "uncompared": 1, "folded": "X"},
        {"shown": 1, "hidden": "a", "uncompared": 2, "folded": "x"},
    ),
    (
        {"shown": 1, "hidden": "a", "uncompared": 1, "folded": "X"},
        {"shown": 2, "hidden": "a", "uncompared": 1, "folded": "X"},
    ),
    (
        {"shown": 1, "hidden": "a", "uncompared": 1, "folded": "X"},
        {"shown": 1, "hidden": "b", "uncompared": 1, "folded": "X"},
    ),
    (
        {"shown": 1, "hidden": "a", "uncompared": 1, "folded": "X", "unhashed": 1},
        {"shown": 1, "hidden": "a", "uncompared": 1, "folded": "X", "unhashed": 2},
    ),
]


@pytest.mark.parametrize(("one", "other"), _PAIRS)
def test_each_fields_own_repr_eq_and_hash_are_kept(one: dict[str, Any], other: dict[str, Any]) -> None:
    later, later_other = _Later(**one), _Later(**other)
    now, now_other = _AtOnce(**one), _AtOnce(**other)
    assert repr(later).replace("_Later", "_AtOnce") == repr(now)
    assert repr(later_other).replace("_Later", "_AtOnce") == repr(now_other)
    assert (later == later_other) is (now == now_other)
    assert (later != later_other) is (now != now_other)
    assert (hash(later) == hash(later_other)) is (hash(now) == hash(now_other))
    assert later != now  # another class: attrs compares values of one class only


def test_a_subclass_that_is_no_attrs_class_has_its_bases_methods() -> None:
    class Marked(usnz.Citation):
        pass

    marked = Marked(source="encyclopedia-nz-us-relations", paragraph=3)
    plain = usnz.Citation(source="encyclopedia-nz-us-relations", paragraph=3)
    assert repr(marked) == "Marked(source='encyclopedia-nz-us-relations', paragraph=3, note=None, quote=None)"
    assert marked != plain
    assert marked == Marked(source="encyclopedia-nz-us-relations", paragraph=3)
    assert "__repr__" not in vars(Marked)


def test_asked_before_attrs_builds_the_class_it_stands_as_it_is() -> None:
    class Unbuilt:
        pass

    methods_on_first_use(Unbuilt)
    for name in ("__repr__", "__eq__", "__hash__"):
        assert getattr(Unbuilt, name) is vars(Unbuilt)[name]  # not written: attrs is asking whether the class has one


@attrs.frozen(kw_only=True)
class _MarkedCitation(usnz.Citation):
    mark: int = 0


def test_a_record_with_a_citation_twice_is_refused_whatever_its_class() -> None:
    anzus = usnz.get("anzus")
    cited = anzus.citations[0]
    with pytest.raises(usnz.ArgumentValueError, match="lists a paragraph twice"):
        attrs.evolve(anzus, citations=(cited, attrs.evolve(cited)))
    marked = _MarkedCitation(source=cited.source, paragraph=cited.paragraph, quote=cited.quote)
    with pytest.raises(usnz.ArgumentValueError, match="lists a paragraph twice"):
        attrs.evolve(anzus, citations=(marked, attrs.evolve(marked)))
    kept = attrs.evolve(anzus, citations=(marked, attrs.evolve(marked, mark=1)))  # differ in a field of their class
    assert len(kept.citations) == 2
    assert attrs.evolve(anzus, citations=(cited, marked)).citations == (cited, marked)  # of two classes: two values


def test_a_stand_in_asked_after_its_method_was_written_gives_the_method() -> None:
    @attrs.frozen
    @methods_on_first_use
    class Late:
        value: int

    stand_in = vars(Late)["__repr__"]  # as another thread looked it up before the first repr
    assert repr(Late(1)) == "Late(value=1)"
    assert vars(Late)["__repr__"] is not stand_in
    assert stand_in.__get__(Late(2), Late)() == "Late(value=2)"
