"""Parquet exports: the frames' types kept, read back by pyarrow and queried by DuckDB."""

from __future__ import annotations

import datetime as dt
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import frictionless
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import usnz
import usnz.export
from datapackages import check_files, check_v2
from usnz.cli import main

TABLES = ("citations", "doubts", "countries")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("parquet")
    usnz.export.write(folder, format="parquet")
    return folder


@pytest.fixture(scope="module")
def db(out: Path) -> duckdb.DuckDBPyConnection:
    """A DuckDB database with a view of each Parquet file, and ``everything``: every file by a glob."""
    con = duckdb.connect()
    for path in out.glob("*.parquet"):
        con.read_parquet(str(path)).create_view(path.stem)
    con.read_parquet(str(out / "*.parquet"), union_by_name=True).create_view("everything")
    return con


def sql(db: duckdb.DuckDBPyConnection, query: str) -> list[tuple[Any, ...]]:
    return db.sql(query).fetchall()


def test_one_file_per_kind_and_a_v2_package(out: Path) -> None:
    names = {p.name for p in out.iterdir()}
    assert names == {f"{name}.parquet" for name in (*usnz.KINDS, *TABLES)} | {"datapackage.json"}
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert package == usnz.export.datapackage(format="parquet")
    check_v2(package)
    check_files(out, package)
    assert {r["mediatype"] for r in package["resources"]} == {"application/vnd.apache.parquet"}
    assert all("encoding" not in r for r in package["resources"])
    assert all(r["type"] == "table" and r["schema"]["fields"] for r in package["resources"])


def test_frictionless_validates_the_parquet_package(out: Path) -> None:
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])[:10]
    rows = {task.name: task.stats["rows"] for task in report.tasks}
    assert rows == {**{kind: len(usnz.dataset().records(kind)) for kind in usnz.KINDS}, **rows_of_tables()}


def rows_of_tables() -> dict[str, int]:
    cited = sum(len(r.citations) for r in usnz.dataset() if isinstance(r, usnz.Record))
    doubts = sum(len(r.doubts) for r in usnz.dataset())
    return {"citations": cited, "countries": len(usnz.COUNTRIES), "doubts": doubts}


def test_the_parquet_table_schemas_describe_each_file(out: Path) -> None:
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        table = pq.read_table(out / resource["path"])
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == table.column_names, resource["name"]
        for field in fields:
            arrow = table.schema.field(field["name"]).type
            if field["type"] == "date":
                assert arrow == pa.date32(), field["name"]
            if field["type"] == "any":  # lists: the one type frictionless cannot read from Parquet
                assert arrow == pa.list_(pa.string()), field["name"]
    as_csv = {r["name"]: r["schema"] for r in usnz.export.datapackage(format="csv")["resources"]}
    for resource in package["resources"]:  # the same keys as the CSV package's
        schema = resource["schema"]
        assert schema["primaryKey"] == as_csv[resource["name"]]["primaryKey"], resource["name"]
        assert schema.get("foreignKeys") == as_csv[resource["name"]].get("foreignKeys"), resource["name"]


def test_frictionless_cannot_read_a_parquet_list_as_an_array(out: Path, tmp_path: Path) -> None:
    """Why list columns are described as ``any``: the exact failure with Table Schema's ``array`` type."""
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r["name"] == "agreements")
    for field in resource["schema"]["fields"]:
        if field["type"] == "any":
            field["type"] = "array"
    (tmp_path / "agreements.parquet").write_bytes((out / "agreements.parquet").read_bytes())
    resource["schema"].pop("foreignKeys", None)
    report = frictionless.Resource(resource, basepath=str(tmp_path)).validate()
    errors = {(e[0], e[1]) for e in report.flatten(["fieldName", "type"])}
    assert ("parties", "type-error") in errors
    assert report.flatten(["note"])[0] == ['type is "array/default"']


def test_duckdb_reads_days_as_dates(db: duckdb.DuckDBPyConnection) -> None:
    described = {row[0]: row[1] for row in sql(db, "describe force_contributions")}
    assert described["period_earliest"] == described["when_latest"] == "DATE"
    frame = usnz.dataset().to_frame("force-contributions")
    expected = list(zip(frame["id"], cells(frame["period_earliest"]), cells(frame["period_latest"]), strict=True))
    assert sql(db, "select id, period_earliest, period_latest from force_contributions") == expected
    assert any(isinstance(day, dt.date) for _, day, _ in expected)
    assert sql(db, "select count(*) from force_contributions where period_latest < date '1960-01-01'")[0][0] > 0


ARROW_TYPES = {
    "string": pa.string(),
    "Int64": pa.int64(),
    "Float64": pa.float64(),
    "boolean": pa.bool_(),
    "datetime64[s]": pa.date32(),
    "object": pa.list_(pa.string()),
}


def cells(series: pd.Series) -> list[Any]:
    """A frame column's values as pyarrow gives them back: None for missing, days as dates, lists."""
    if str(series.dtype).startswith("datetime64"):
        return [None if pd.isna(v) else v.date() for v in series]
    return [None if not isinstance(v, list) and pd.isna(v) else v for v in series.astype(object)]


@pytest.mark.parametrize("kind", list(usnz.KINDS))
def test_each_file_holds_the_kinds_frame_with_its_types(out: Path, kind: str) -> None:
    frame = usnz.dataset().to_frame(kind)
    table = pq.read_table(out / f"{kind}.parquet")
    assert table.column_names == list(frame.columns)
    for name in frame.columns:
        dtype = str(frame[name].dtype)
        arrow = table.schema.field(name).type
        if dtype == "category":
            assert arrow == pa.dictionary(pa.int8(), pa.string()), name
        elif name in {"amount", "money"}:  # a money amount: Decimal objects, kept exactly
            assert dtype == "object"
            assert {type(v) for v in frame[name].dropna()} == {Decimal}
            assert arrow == pa.decimal128(38, 12), name
        else:
            assert arrow == ARROW_TYPES[dtype], (name, dtype)
        assert table.column(name).to_pylist() == cells(frame[name]), name


def test_pandas_reads_the_frames_dtypes_back(out: Path) -> None:
    back = pd.read_parquet(out / "force_contributions.parquet")
    frame = usnz.dataset().to_frame("force-contributions")
    assert str(back["personnel_best"].dtype) == "Int64"
    assert str(back["personnel_approximate"].dtype) == "boolean"
    assert str(back["country"].dtype) == "category"
    assert str(back["period_latest"].dtype) == "object"  # pyarrow gives pandas a DATE as datetime.date
    assert back.set_index("id").loc["k-force-korea", "period_latest"] == dt.date(1957, 12, 31)
    assert back["id"].tolist() == frame["id"].tolist()
    assert [list(v) for v in back["citations"]] == frame["citations"].tolist()
    kforce = back.set_index("id").loc["k-force-korea"]
    assert (kforce["personnel_best"], kforce["killed_best"], kforce["country_cow_ccode"]) == (1044, 33, 920)


def test_duckdb_sums_what_python_sums(db: duckdb.DuckDBPyConnection) -> None:
    expected: dict[str, int] = {}
    for record in usnz.force_contributions():
        if record.personnel is not None and isinstance(record.personnel.best, int):
            expected[record.conflict] = expected.get(record.conflict, 0) + record.personnel.best
    rows = sql(
        db,
        "select conflict, sum(personnel_best) from force_contributions "
        "where personnel_best is not null group by conflict",
    )
    assert dict(rows) == expected
    assert expected["vietnam-war"] == 47
    killed = sql(db, "select sum(killed_best) from force_contributions where conflict = 'korean-war'")
    assert killed == [(sum(r.killed.best for r in usnz.force_contributions(conflict="korean-war") if r.killed),)]


def test_duckdb_joins_the_tables(db: duckdb.DuckDBPyConnection) -> None:
    rows = sql(
        db,
        "select f.id, c.name, c.cow_ccode from force_contributions f "
        "join countries c on f.country = c.code where f.id = 'k-force-korea'",
    )
    assert rows == [("k-force-korea", "New Zealand", 920)]
    cited = sql(db, "select count(*) from citations t join sources s on t.source = s.id where t.record = 'anzus'")
    anzus = usnz.get("anzus")
    assert isinstance(anzus, usnz.Agreement)
    assert cited == [(len(anzus.citations),)]
    exploded = sql(db, "select count(*) from (select unnest(parties) from agreements)")
    assert exploded == [(sum(len(a.parties) for a in usnz.agreements()),)]


def test_duckdb_reads_every_file_by_a_glob(db: duckdb.DuckDBPyConnection) -> None:
    rows = sql(db, "select record_kind, count(*) from everything where label is not null group by record_kind")
    expected: dict[str, int] = {}
    for record in usnz.dataset():
        expected[record.record_kind] = expected.get(record.record_kind, 0) + 1
    assert dict(rows) == expected


def test_the_tables_have_their_types(out: Path) -> None:
    citations = pq.read_table(out / "citations.parquet")
    assert citations.schema.field("paragraph").type == pa.int64()
    assert not citations.schema.field("paragraph").nullable
    assert citations.schema.field("note").nullable
    assert citations.num_rows == sum(len(r.citations) for r in usnz.dataset() if isinstance(r, usnz.Record))
    countries = pq.read_table(out / "countries.parquet").to_pylist()
    assert {"code": "XSV", "name": "Republic of Vietnam", "cow_ccode": 817} in countries


def test_an_empty_kind_keeps_its_types(tmp_path: Path) -> None:
    usnz.export.write(tmp_path, format="parquet", data=usnz.Dataset(usnz.sources()))
    events = pq.read_table(tmp_path / "events.parquet")
    assert events.num_rows == 0
    assert events.schema.field("participants").type == pa.list_(pa.string())
    assert events.schema.field("date_earliest").type == pa.date32()
    assert pq.read_table(tmp_path / "citations.parquet").num_rows == 0


def test_a_parquet_export_is_reproducible_and_replaces_an_earlier_export(tmp_path: Path) -> None:
    first = usnz.export.write(tmp_path / "a", format="parquet")
    usnz.export.write(tmp_path / "b", format="csv")
    second = usnz.export.write(tmp_path / "b", format="parquet")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert not list((tmp_path / "b").glob("*.csv"))


def test_without_pyarrow_the_error_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(usnz.MissingExtraError) as caught:
        usnz.export.write(tmp_path / "out", format="parquet")
    assert 'pip install "usnz[arrow]"' in str(caught.value)
    assert (caught.value.package, caught.value.extra) == ("pyarrow", "arrow")
    assert not (tmp_path / "out").exists()
    with pytest.raises(usnz.MissingExtraError, match=r"usnz\[arrow\]"):
        usnz.export.datapackage(format="parquet")


def test_cli_export_parquet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["export", "--format", "parquet", "--out", str(tmp_path / "pq")]) == 0
    written = capsys.readouterr().out.splitlines()
    assert written[-1] == str(tmp_path / "pq" / "datapackage.json")
    assert str(tmp_path / "pq" / "events.parquet") in written
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert main(["export", "--format", "parquet", "--out", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err
    assert err == (
        "usnz: error: export format 'parquet' needs pyarrow, which is not installed; "
        'install the usnz extra that brings it: pip install ".[arrow]" in a clone of usnz '
        '(pip install "usnz[arrow]" from a package index that has usnz)\n'
    )
