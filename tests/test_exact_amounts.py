"""Money amounts are kept exactly everywhere (frames, Parquet, totals), and bounded so they can be."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import duckdb
import jsonschema
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import usnz
import usnz.export
from user_data import SOURCE

BIG = "12345678901234567890.123456789"
CITE = [{"source": "my-notes", "paragraph": 1}]


def _aid(id_: str, amount: str) -> dict[str, object]:
    money = {"amount": amount, "currency": "NZD"}
    return {"id": id_, "donor": "NZL", "summary": "Help.", "amount": money, "citations": CITE}


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> usnz.Dataset:
    folder = tmp_path_factory.mktemp("amounts")
    (folder / "sources.json").write_text(json.dumps([SOURCE]), encoding="utf-8")
    aid = [_aid("big", BIG), _aid("dime", "0.10"), _aid("most", "9" * 26 + "." + "9" * 12)]
    (folder / "assistance.json").write_text(json.dumps(aid), encoding="utf-8")
    return usnz.load(folder)


def test_the_frame_keeps_amounts_exactly(data: usnz.Dataset) -> None:
    frame = data.assistance().to_frame()
    assert frame.loc["big", "amount"] == Decimal(BIG)
    assert str(frame.loc["dime", "amount"]) == "0.10"
    assert frame.loc["most", "amount"] == Decimal("9" * 26 + "." + "9" * 12)
    assert all(type(v) is Decimal for v in frame["amount"])


def test_a_missing_amount_is_na_in_the_frame() -> None:
    frame = usnz.assistance().to_frame()
    assert frame["amount"].isna().any()
    assert all(type(v) is Decimal for v in frame["amount"].dropna())


def test_parquet_keeps_amounts_exactly(data: usnz.Dataset, tmp_path: Path) -> None:
    usnz.export.write(tmp_path / "out", format="parquet", data=data)
    table = pq.read_table(tmp_path / "out" / "assistance.parquet")
    assert table.schema.field("amount").type == pa.decimal128(38, 12)
    amounts = dict(zip(table.column("id").to_pylist(), table.column("amount").to_pylist(), strict=True))
    assert amounts["big"] == Decimal(BIG)
    assert amounts["dime"] == Decimal("0.10")
    back = pd.read_parquet(tmp_path / "out" / "assistance.parquet").set_index("id")
    assert back.loc["big", "amount"] == Decimal(BIG)
    con = duckdb.connect()
    con.read_parquet(str(tmp_path / "out" / "assistance.parquet")).create_view("aid")
    total = con.sql("select sum(amount) from aid where id <> 'most'")
    assert total.fetchall() == [(Decimal("12345678901234567890.223456789"),)]


def test_a_total_of_long_amounts_is_exact(data: usnz.Dataset) -> None:
    total = usnz.Records([data.get("big"), data.get("dime")]).total("amount")
    assert total.best == Decimal("12345678901234567890.223456789")


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (Decimal("1e400"), "amount must be below 10^26 (at most 26 digits before the decimal point)"),
        (Decimal("1" + "0" * 26), "amount must be below 10^26"),
        (Decimal("1.0000000000000"), "amount may have at most 12 decimal places, got 13"),
        (Decimal("1e-13"), "amount may have at most 12 decimal places, got 13"),
    ],
)
def test_money_refuses_an_amount_it_cannot_keep_exactly(amount: Decimal, message: str) -> None:
    with pytest.raises(usnz.ArgumentValueError, match=re.escape(message)):
        usnz.Money(amount=amount, currency="USD")


def test_money_takes_amounts_at_its_bounds() -> None:
    assert usnz.Money(amount=Decimal("9" * 26 + "." + "9" * 12), currency="USD").amount.adjusted() == 25
    assert usnz.Money(amount=Decimal("1E+25"), currency="USD").amount == 10**25


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("1" + "0" * 26, "money.amount: amount must be below 10^26"),
        ("1." + "0" * 13, "money.amount: amount may have at most 12 decimal places, got 13"),
    ],
)
def test_load_refuses_what_money_refuses(tmp_path: Path, amount: str, message: str) -> None:
    (tmp_path / "sources.json").write_text(json.dumps([SOURCE]), encoding="utf-8")
    figure = {"id": "f", "measure": "A sum.", "money": {"amount": amount, "currency": "USD"}, "citations": CITE}
    (tmp_path / "figures.json").write_text(json.dumps([figure]), encoding="utf-8")
    with pytest.raises(usnz.DataError) as caught:
        usnz.load(tmp_path)
    assert any(message in str(p) for p in caught.value.problems), caught.value.problems


@pytest.mark.parametrize(
    ("amount", "valid"),
    [
        ("1" + "0" * 26, False),
        ("9" * 26, True),
        ("0" * 5 + "9" * 26, True),
        ("1." + "0" * 13, False),
        ("1." + "0" * 12, True),
    ],
)
def test_the_json_schema_bounds_amounts_as_load_does(amount: str, valid: bool) -> None:
    schema = usnz.export.json_schema("figures")
    record = {"id": "f", "measure": "A sum.", "money": {"amount": amount, "currency": "USD"}, "citations": CITE}
    assert jsonschema.Draft202012Validator(schema).is_valid(record) is valid
