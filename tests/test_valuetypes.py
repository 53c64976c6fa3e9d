"""Types from declarations: what a field holds is read from its annotation and its fact, never its validator."""

from __future__ import annotations

import typing

import pytest

import usnz
from usnz.model.valuetypes import VALUE_TYPES, declared_type, declared_types


def test_each_value_type_is_in_the_table_once() -> None:
    assert {cls.__name__ for cls in VALUE_TYPES} == {"PartialDate", "Period", "Quantity", "Money", "Citation", "Doubt"}
    for cls, value in VALUE_TYPES.items():
        assert (value.cls, value.name) == (cls, cls.__name__)


def test_a_fields_declared_type() -> None:
    personnel = declared_type(usnz.ForceContribution, "personnel")
    assert (personnel.optional, personnel.many, personnel.value, personnel.type) == (
        True,
        False,
        VALUE_TYPES[usnz.Quantity],
        usnz.Quantity,
    )
    citations = declared_type(usnz.Event, "citations")
    assert (citations.many, citations.item, citations.value, citations.optional) == (
        True,
        usnz.Citation,
        VALUE_TYPES[usnz.Citation],
        False,
    )
    participants = declared_type(usnz.Event, "participants")
    assert participants.refers
    assert not participants.country
    assert participants.value is None
    countries = declared_type(usnz.Event, "countries")
    assert countries.country
    assert not countries.refers
    best = declared_type(usnz.Quantity, "best")  # int | float | None: the union kept, None taken out
    assert best.optional
    assert set(typing.get_args(best.type)) == {int, float}
    assert next(iter(declared_types(usnz.Event))) == "id"
    with pytest.raises(KeyError):
        declared_type(usnz.Event, "nothing")


def test_a_field_declared_without_a_fact_has_none() -> None:
    import attrs

    @attrs.frozen
    class Plain:
        name: str
        count: int | str

    declared = declared_types(Plain)
    assert declared["name"].fact is None
    assert not declared["name"].refers
    assert not declared["name"].country
    assert declared["count"].type == int | str
    assert not declared["count"].optional


def test_totals_read_the_declared_types() -> None:
    from usnz.querying.collection import _summable

    quantities, amounts = _summable(usnz.Figure)
    assert (quantities, amounts) == (frozenset({"quantity"}), frozenset({"money"}))
    assert _summable(usnz.Assistance)[1] == frozenset({"amount"})
