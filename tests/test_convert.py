"""The converter: every record kind round-trips exactly through JSON-ready data."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import usnz
from strategies import RECORDS
from usnz.reading.convert import make_usnz_converter


@pytest.mark.parametrize("cls", list(RECORDS), ids=lambda c: c.__name__)
@given(data=st.data())
def test_round_trip(cls: type[Any], data: st.DataObject) -> None:
    record = data.draw(RECORDS[cls])
    converter = usnz.converter
    raw = converter.unstructure(record)
    assert converter.structure(json.loads(json.dumps(raw)), cls) == record


def test_every_kind_has_a_strategy() -> None:
    assert set(RECORDS) == set(usnz.KINDS.values())


def test_values_are_written_as_strings() -> None:
    converter = make_usnz_converter()
    force = usnz.ForceContribution(
        id="x",
        conflict="korean-war",
        country="NZL",
        summary="Sent.",
        period=usnz.Period.parse("1950/1957"),
        date_basis="stated",
        personnel=usnz.Quantity(unit="personnel", best=1044),
        citations=(usnz.Citation(source="s", paragraph=14),),
    )
    assert converter.unstructure(force) == {
        "id": "x",
        "citations": [{"source": "s", "paragraph": 14}],
        "conflict": "korean-war",
        "country": "NZL",
        "summary": "Sent.",
        "personnel": {"unit": "personnel", "best": 1044},
        "period": "1950/1957",
        "date_basis": "stated",
    }


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"amount": 5, "currency": "USD"}, "decimal string"),
        ({"amount": "five", "currency": "USD"}, "decimal string"),
    ],
)
def test_bad_amounts(raw: dict[str, object], message: str) -> None:
    with pytest.raises(Exception) as caught:
        usnz.converter.structure(raw, usnz.Money)
    assert message in str(caught.value.exceptions[0])  # type: ignore[attr-defined]


@pytest.mark.parametrize(("value", "cls"), [(1965, usnz.PartialDate), (["1950", "1957"], usnz.Period)])
def test_dates_must_be_strings(value: object, cls: type[Any]) -> None:
    with pytest.raises(usnz.DateError, match="EDTF"):
        usnz.converter.structure(value, cls)
