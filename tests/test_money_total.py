"""Totals of money: added only when one-off and in one stated currency; otherwise said why, by record."""

from __future__ import annotations

from decimal import Decimal

import pytest

import usnz

CITE = (usnz.Citation(source="s", paragraph=1),)


def _aid(id_: str, money: usnz.Money | None = None, **extra: object) -> usnz.Assistance:
    return usnz.Assistance(id=id_, donor="NZL", summary="Help.", amount=money, citations=CITE, **extra)  # type: ignore[arg-type]


def _money(amount: str, currency: str = "USD", **extra: object) -> usnz.Money:
    return usnz.Money(amount=Decimal(amount), currency=currency, **extra)  # type: ignore[arg-type]


def test_one_off_amounts_in_one_stated_currency_add_up() -> None:
    total = usnz.Records([_aid("a", _money("2000000")), _aid("b", _money("1.5"))]).total("amount")
    assert (total.best, total.low, total.high, total.unit) == (
        Decimal("2000001.5"),
        Decimal("2000001.5"),
        Decimal("2000001.5"),
        "USD",
    )
    assert total.money
    assert (total.counted, total.unknown, total.excluded, total.explanation) == (("a", "b"), (), (), None)
    assert str(total) == "USD 2,000,001.5 (2 records counted)"


def test_an_unstated_amount_leaves_the_total_open() -> None:
    total = usnz.Records([_aid("a", _money("100")), _aid("b")]).total("amount")
    assert (total.best, total.low, total.high) == (None, Decimal(100), None)
    assert total.unknown == ("b",)
    assert str(total) == "at least USD 100 (1 record counted; not stated: b)"


def test_an_approximate_amount_is_no_bound() -> None:
    total = usnz.Records([_aid("a", _money("100", approximate=True))]).total("amount")
    assert (total.best, total.low, total.high, total.approximate) == (Decimal(100), None, None, True)
    assert str(total) == "about USD 100 (1 record counted)"


def test_mixed_currencies_are_not_added() -> None:
    total = usnz.Records([_aid("a", _money("100")), _aid("b", _money("5", "NZD"))]).total("amount")
    assert (total.best, total.low, total.high, total.unit) == (None, None, None, None)
    assert total.excluded == ("a", "b")
    assert total.explanation == "amounts in different currencies: USD (a); NZD (b)"
    assert "accepted: none" not in str(total)


def test_an_assumed_currency_is_named() -> None:
    total = usnz.Records([_aid("a", _money("100")), _aid("b", _money("5", currency_stated=False))]).total("amount")
    assert (total.best, total.low, total.high, total.unit) == (None, Decimal(100), None, "USD")
    assert (total.counted, total.excluded) == (("a",), ("b",))
    assert total.explanation == "the currency is not stated in the text, only '$': b (read as USD)"


def test_a_yearly_amount_for_unstated_years_is_named() -> None:
    total = usnz.Records([_aid("a", _money("100")), _aid("b", _money("7", per="year"))]).total("amount")
    assert (total.best, total.low, total.high) == (None, Decimal(100), None)
    assert total.excluded == ("b",)
    assert total.explanation == "a yearly amount for a number of years the texts do not state: b (USD 7 per year)"
    assert str(total).endswith(
        "not added: a yearly amount for a number of years the texts do not state: b (USD 7 per year))"
    )


def test_disputing_amounts_count_once() -> None:
    records = [_aid("a", _money("100"), disputes=("b",)), _aid("b", _money("300"), disputes=("a",))]
    total = usnz.Records(records).total("amount")
    assert (total.best, total.low, total.high, total.counted) == (None, Decimal(100), Decimal(300), ("a", "b"))
    assert total.disputed == (("a", "b"),)
    assert str(total) == "USD 100-300 (2 records counted; disputing, counted once as one claim: a and b)"
    agreeing = [_aid("a", _money("100"), disputes=("b",)), _aid("b", _money("100"), disputes=("a",))]
    assert usnz.Records(agreeing).total("amount").best == Decimal(100)
    about = [
        _aid("a", _money("100", approximate=True), disputes=("b",)),
        _aid("b", _money("300", approximate=True), disputes=("a",)),
    ]
    said = "an unknown amount of USD (2 records counted; disputing, counted once as one claim: a and b)"
    assert str(usnz.Records(about).total("amount")) == said


def test_the_packaged_assistance_says_why_it_cannot_be_added() -> None:
    total = usnz.assistance().total("amount")
    assert total.high is None
    assert total.best is None
    assert set(total.excluded) == {"nz-vietnam-economic-assistance", "nz-katrina-red-cross-pledge"}
    assert total.explanation is not None
    assert "different currencies" in total.explanation
    assert "nz-katrina-red-cross-pledge (read as NZD)" in total.explanation
    assert "nz-vietnam-economic-assistance (about USD 347,500 per year)" in total.explanation
    assert "vietnamese-student-scholarships" in total.unknown
    figures = usnz.figures().total("money")
    assert figures.money
    assert "us-open-2005-prize (read as USD)" in (figures.explanation or "")


def test_a_field_that_cannot_be_added_is_refused_with_what_can() -> None:
    with pytest.raises(usnz.ArgumentValueError, match="no quantity or money field of that name; accepted: amount"):
        usnz.assistance().total("summary")
    with pytest.raises(usnz.ArgumentValueError, match=r"nothing to add up .* assistance \(amount\)") as error:
        usnz.people().total("name")
    assert "accepted: none" not in str(error.value)


def test_a_total_says_which_disputing_records_it_counted_once() -> None:
    afghanistan = usnz.force_contributions(conflict="war-in-afghanistan", country="NZL")
    killed = afghanistan.total("killed")
    assert killed.disputed == (("nzsas-afghanistan-rotations", "nzsas-afghanistan-fifty"),)
    assert "nzsas-afghanistan-fifty" not in killed.counted + killed.unknown  # its claim is counted through the other
    assert str(killed).endswith(
        "; disputing, counted once as one claim: nzsas-afghanistan-rotations and nzsas-afghanistan-fifty)"
    )
    with pytest.raises(usnz.ArgumentTypeError, match="disputed must be a tuple of tuples of record ids"):
        usnz.Total(best=None, low=None, high=None, unit=None, disputed=("a",))  # type: ignore[arg-type]
    with pytest.raises(usnz.ArgumentTypeError, match="counted must be a tuple of record ids"):
        usnz.Total(best=None, low=None, high=None, unit=None, counted=["a"])  # type: ignore[arg-type]


# -- A numbered thing (year 2010) is not a count: total() refuses it (review 6, M1) ------------


@pytest.mark.parametrize(
    ("rid", "reading", "unit"),
    [
        ("apec-free-trade-target-year", "year 2010", "a year"),
        ("indianapolis-500-2008-edition", "edition 92", "an edition"),
    ],
)
def test_a_total_refuses_a_value_that_numbers_a_thing(rid: str, reading: str, unit: str) -> None:
    record = usnz.get(rid)
    assert str(record.quantity) == reading
    with pytest.raises(usnz.ArgumentValueError) as raised:
        usnz.Records([record]).total("quantity")
    message = str(raised.value)
    assert f"cannot add {rid}'s quantity {reading}" in message  # what was given
    assert f"{reading} numbers a thing ({unit}), it is not a count" in message  # why
    assert "look at the records' values instead" in message  # what to try
    assert "2,010" not in message
    assert "92 edition" not in message


def test_a_count_of_one_in_a_singular_unit_still_adds_up() -> None:
    one = usnz.Figure(id="one-year", measure="A length.", quantity=usnz.Quantity(best=1, unit="year"), citations=CITE)
    total = usnz.Records([one]).total("quantity")
    assert (total.best, total.unit) == (1, "year")


def test_counted_quantities_still_add_up() -> None:
    korea = usnz.force_contributions(conflict="korean-war", country="NZL")
    assert str(korea.total("total_served")).startswith("at least 5,094 personnel")
