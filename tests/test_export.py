"""Open exports: CSV/JSON/JSONL files, a Data Package v2 that frictionless validates, JSON Schemas.

Parquet exports are tested in test_parquet.py.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import attrs
import frictionless
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import usnz
import usnz.export
import usnz.export.schemas
import usnz.export.swap
from datapackages import check_files, check_v2
from strategies import RECORDS
from usnz.cli import EXPORT_FORMATS, main


def validate(package: Path) -> frictionless.Report:
    return frictionless.validate(str(package))


def problems(report: frictionless.Report) -> list[list[Any]]:
    return report.flatten(["type", "message"])


@pytest.fixture(scope="module")
def csv_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("csv")
    usnz.export.write(out, format="csv")
    return out


@pytest.fixture(scope="module", params=["json", "jsonl"])
def json_export(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    out = tmp_path_factory.mktemp(request.param)
    usnz.export.write(out, format=request.param)
    return request.param, out


def read_json(fmt: str, path: Path) -> list[Any]:
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]


def test_csv_files_one_per_kind(csv_export: Path) -> None:
    names = {p.name for p in csv_export.iterdir()}
    assert names == {f"{kind}.csv" for kind in usnz.KINDS} | {
        "citations.csv",
        "doubts.csv",
        "countries.csv",
        "datapackage.json",
    }
    for kind in usnz.KINDS:
        with (csv_export / f"{kind}.csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert [row["id"] for row in rows] == list(usnz.dataset().records(kind).ids()), kind


def test_frictionless_validates_the_csv_package(csv_export: Path) -> None:
    check_files(csv_export, json.loads((csv_export / "datapackage.json").read_text(encoding="utf-8")))
    report = validate(csv_export / "datapackage.json")
    assert report.valid, problems(report)
    assert len(report.tasks) == len(usnz.KINDS) + 3  # and the citations, doubts and countries tables


def test_csv_values(csv_export: Path) -> None:
    with (csv_export / "force_contributions.csv").open(encoding="utf-8", newline="") as f:
        rows = {row["id"]: row for row in csv.DictReader(f)}
    kforce = rows["k-force-korea"]
    assert kforce["personnel_best"] == "1044"
    assert kforce["killed_best"] == "33"
    assert kforce["personnel_approximate"] == "false"
    assert kforce["period"] == "/1957"
    assert (kforce["period_earliest"], kforce["period_latest"]) == ("", "1957-12-31")
    assert kforce["country"] == "NZL"
    assert kforce["country_cow_ccode"] == "920"
    with (csv_export / "conflicts.csv").open(encoding="utf-8", newline="") as f:
        conflicts = {row["id"]: row for row in csv.DictReader(f)}
    assert conflicts["korean-war"]["cow_warnum"] == "151"
    with (csv_export / "countries.csv").open(encoding="utf-8", newline="") as f:
        countries = {row["code"]: row for row in csv.DictReader(f)}
    assert countries.keys() == usnz.COUNTRIES.keys()
    assert countries["XSV"] == {"code": "XSV", "name": "Republic of Vietnam", "cow_ccode": "817"}


def test_citations_table(csv_export: Path) -> None:
    with (csv_export / "citations.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    expected = [
        (r.id, str(c.paragraph), c.source) for r in usnz.dataset() if isinstance(r, usnz.Record) for c in r.citations
    ]
    assert sorted((row["record"], row["paragraph"], row["source"]) for row in rows) == sorted(expected)


def test_package_descriptor(csv_export: Path) -> None:
    package = json.loads((csv_export / "datapackage.json").read_text(encoding="utf-8"))
    assert package == usnz.export.datapackage(format="csv")
    assert package["version"] == usnz.DATA_VERSION
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    titles = " ".join(s["title"] for s in package["sources"])
    for source in usnz.sources():
        assert source.title in titles
        assert source.sha256 in titles
    assert "peacesciencer" in titles
    resources = {r["name"]: r for r in package["resources"]}
    force = resources["force_contributions"]["schema"]
    fields = {f["name"]: f for f in force["fields"]}
    assert force["primaryKey"] == ["id"]
    assert {"fields": ["conflict"], "reference": {"resource": "conflicts", "fields": ["id"]}} in force["foreignKeys"]
    assert {"fields": ["country"], "reference": {"resource": "countries", "fields": ["code"]}} in force["foreignKeys"]
    assert fields["personnel_best"]["type"] == "integer"
    assert fields["period_earliest"]["type"] == "date"
    assert fields["period"]["type"] == "string"
    assert "EDTF" in fields["period"]["description"]
    assert fields["branch"]["constraints"]["enum"][0] == "army"


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_the_package_follows_data_package_v2(fmt: str) -> None:
    package = usnz.export.datapackage(format=fmt)  # type: ignore[arg-type]
    check_v2(package)
    year, month, _ = usnz.DATA_VERSION.split(".")
    assert package["created"] == f"{year}-{int(month):02d}-01T00:00:00Z"


def test_the_v2_checks_can_fail() -> None:
    package = usnz.export.datapackage(format="json")
    with pytest.raises(jsonschema.ValidationError, match="'json' is not one of \\['table'\\]"):
        check_v2({**package, "resources": [{**package["resources"][0], "type": "json"}]})
    assert list(frictionless.Package.metadata_validate({**package, "created": "November 2026"}))


def test_the_id_names_the_files() -> None:
    csv_id = usnz.export.datapackage(format="csv")["id"]
    assert usnz.export.datapackage(format="csv")["id"] == csv_id, "the same files, the same id"
    assert usnz.export.datapackage(format="json")["id"] != csv_id
    fewer = usnz.Dataset(r for r in usnz.dataset() if r.id != "anzus")
    assert usnz.export.datapackage(format="csv", data=fewer)["id"] != csv_id


def test_an_export_is_reproducible(tmp_path: Path) -> None:
    first = usnz.export.write(tmp_path / "a", format="csv")
    second = usnz.export.write(tmp_path / "b", format="csv")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_frictionless_catches_a_broken_reference(csv_export: Path, tmp_path: Path) -> None:
    for path in csv_export.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    target = tmp_path / "force_contributions.csv"
    target.write_text(
        target.read_text(encoding="utf-8").replace("k-force-korea,korean-war,", "k-force-korea,koren-war,"),
        encoding="utf-8",
    )
    report = validate(tmp_path / "datapackage.json")
    assert not report.valid
    kinds = {problem[0] for problem in problems(report)}
    assert {"foreign-key", "hash-count"} <= kinds


def test_fractional_figures_are_numbers_in_the_table_schema(tmp_path: Path) -> None:
    kforce = usnz.get("k-force-korea")
    assert isinstance(kforce, usnz.ForceContribution)
    changed = attrs.evolve(kforce, personnel=usnz.Quantity(unit="percent", best=12.5))
    data = usnz.Dataset([changed if r.id == kforce.id else r for r in usnz.dataset()])
    usnz.export.write(tmp_path, format="csv", data=data)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    force = next(r for r in package["resources"] if r["name"] == "force_contributions")
    assert next(f for f in force["schema"]["fields"] if f["name"] == "personnel_best")["type"] == "number"
    report = validate(tmp_path / "datapackage.json")
    assert report.valid, problems(report)


def test_json_exports(json_export: tuple[str, Path]) -> None:
    fmt, out = json_export
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert package == usnz.export.datapackage(format=fmt)  # type: ignore[arg-type]
    check_v2(package)
    check_files(out, package)
    if fmt == "json":  # frictionless reads a JSON Lines file of no v2 type as a table, which records are not
        report = validate(out / "datapackage.json")
        assert report.valid, problems(report)
    for resource in package["resources"]:
        kind = resource["name"]
        schema = json.loads((out / resource["jsonSchema"]).read_text(encoding="utf-8"))
        assert schema == usnz.export.json_schema(kind)
        validator = jsonschema.Draft202012Validator(schema)
        items = read_json(fmt, out / resource["path"])
        assert [item["id"] for item in items] == list(usnz.dataset().records(kind).ids())
        for item in items:
            validator.validate(item)


def test_a_json_export_loads_back(tmp_path: Path) -> None:
    usnz.export.write(tmp_path, format="json")
    files = [p for p in tmp_path.glob("*.json") if p.name != "datapackage.json"]
    loaded = usnz.load(files)
    assert set(loaded) == set(usnz.dataset())


@pytest.mark.parametrize("kind", list(usnz.KINDS))
def test_json_schemas_are_valid_and_strict(kind: str) -> None:
    schema = usnz.export.json_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    record = usnz.dataset().records(kind)[0]
    item = usnz.converter.unstructure(record)
    validator.validate(item)
    assert not validator.is_valid({**item, "unknown_field": 1})
    assert not validator.is_valid({k: v for k, v in item.items() if k != "id"})
    assert not validator.is_valid({**item, "id": "Not An Id"})


def test_json_schema_checks_values() -> None:
    validator = jsonschema.Draft202012Validator(usnz.export.json_schema("force-contributions"))
    item = usnz.converter.unstructure(usnz.get("k-force-korea"))
    assert validator.is_valid({**item, "notes": None}), "null is accepted where the loader accepts it"
    assert not validator.is_valid({**item, "country": "NZX"})
    assert not validator.is_valid({**item, "period": "1950-1957"})
    assert not validator.is_valid({**item, "personnel": {"unit": "personnel"}})
    assert not validator.is_valid({**item, "citations": []})
    assert not validator.is_valid({**item, "branch": "marines"})
    sources = jsonschema.Draft202012Validator(usnz.export.json_schema("sources"))
    source = usnz.converter.unstructure(usnz.sources()[0])
    assert not sources.is_valid({**source, "sha256": "abc"})
    assert not sources.is_valid({**source, "paragraphs": 0})
    figures = jsonschema.Draft202012Validator(usnz.export.json_schema("figures"))
    money = next(f for f in usnz.figures() if f.money is not None)
    raw = usnz.converter.unstructure(money)
    assert figures.is_valid(raw)
    assert not figures.is_valid({**raw, "money": {**raw["money"], "currency": "XXX"}})
    assert not figures.is_valid({**raw, "money": {**raw["money"], "amount": "lots"}})


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_generated_records_validate_against_their_schema(data: st.DataObject) -> None:
    kind, cls = data.draw(st.sampled_from(list(usnz.KINDS.items())))
    record = data.draw(RECORDS[cls])
    item = json.loads(json.dumps(usnz.converter.unstructure(record)))
    jsonschema.Draft202012Validator(usnz.export.json_schema(kind)).validate(item)


def test_kind_names() -> None:
    assert usnz.export.kind_name("force-contributions") == "force_contributions"
    assert usnz.export.kind_name("Events") == usnz.export.kind_name(usnz.Event) == "events"
    with pytest.raises(
        usnz.ArgumentValueError, match=r"kind=' Events ' has white space around it; .* try kind='Events'"
    ):
        usnz.export.kind_name(" Events ")
    with pytest.raises(usnz.ArgumentValueError, match="accepted: sources, agreements, conflicts, force-contributions"):
        usnz.export.kind_name("battles")
    with pytest.raises(usnz.ArgumentTypeError, match="got int"):
        usnz.export.kind_name(5)  # type: ignore[arg-type]


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(usnz.ArgumentValueError, match="format='xml' is not an export format; accepted: csv, json"):
        usnz.export.write(tmp_path, format="xml")  # type: ignore[arg-type]
    afile = tmp_path / "file.txt"
    afile.write_text("x", encoding="utf-8")
    with pytest.raises(usnz.ArgumentValueError, match="is a file"):
        usnz.export.write(afile)
    with pytest.raises(usnz.ArgumentTypeError, match="out= takes a directory path; got int"):
        usnz.export.write(5)  # type: ignore[arg-type]
    with pytest.raises(usnz.ArgumentTypeError, match=r"data= takes a usnz\.Dataset"):
        usnz.export.write(tmp_path, data=[])  # type: ignore[arg-type]


def test_cli_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert EXPORT_FORMATS == usnz.export.FORMATS
    out = tmp_path / "new" / "folder"
    assert main(["export", "--format", "jsonl", "--out", str(out)]) == 0
    written = capsys.readouterr().out.splitlines()
    assert written[-1] == str(out / "datapackage.json")
    assert {Path(p).name for p in written} >= {"events.jsonl", "events.schema.json"}
    assert all(Path(p).is_file() for p in written)


def test_cli_export_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["export"]) == 2
    assert capsys.readouterr().err == (
        "usnz: error: the following arguments are required: --out; e.g. usnz export --format csv --out usnz-data\n"
    )
    assert main(["export", "--format", "xml", "--out", str(tmp_path)]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1
    afile = tmp_path / "file"
    afile.write_text("", encoding="utf-8")
    assert main(["export", "--out", str(afile)]) == 2
    assert "is a file" in capsys.readouterr().err

    def refuse(path: Path, content: bytes) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(usnz.export.swap, "_write_file", refuse)
    assert main(["export", "--out", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err
    out = str(tmp_path / "x")
    assert err == f"usnz: error: cannot write the export to {out!r}: Permission denied; nothing there was changed\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_cli_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "force-contributions"]) == 0
    assert json.loads(capsys.readouterr().out) == usnz.export.json_schema("force_contributions")
    assert main(["schema", "battles"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usnz: error: kind='battles' is not a record kind")
    assert len(err.splitlines()) == 1


def test_schemas_of_other_types() -> None:
    assert usnz.export.schemas._schema_of(str | int, {}) == {"anyOf": [{"type": "string"}, {"type": "integer"}]}
    assert usnz.export.schemas._schema_of(int | float, {}) == {"type": "number"}
    assert usnz.export.schemas._schema_of(complex, {}) == {"type": "string"}


# -- a new format is one function and one registry line --------------------------------------------


def test_a_format_registered_in_a_test_exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from usnz.export.formats import WRITERS, Writer

    def ids(data: usnz.Dataset, name: str, files: dict[str, bytes]) -> tuple[bytes, dict[str, Any]]:
        return "".join(f"{record.id}\n" for record in data.records(name)).encode("utf-8"), {}

    monkeypatch.setitem(WRITERS, "ids", Writer(ids, "text/plain"))  # the one registry line
    out = tmp_path / "out"
    written = usnz.export.write(out, format="ids")  # type: ignore[arg-type] # not in Format: a throwaway
    assert {p.name for p in written} == {f"{name}.ids" for name in usnz.KINDS} | {"datapackage.json"}
    assert (out / "agreements.ids").read_text(encoding="utf-8").split() == [r.id for r in usnz.agreements()]
    package = json.loads((out / "datapackage.json").read_bytes())
    assert {r["format"] for r in package["resources"]} == {"ids"}
    assert {r["mediatype"] for r in package["resources"]} == {"text/plain"}
    assert "citations" not in {r["name"] for r in package["resources"]}  # not tabular: no side tables
    usnz.export.write(out, format="ids")  # type: ignore[arg-type] # its own files are known as an export's
    usnz.export.write(out, format="csv")  # and replaced whole by another format
    assert not list(out.glob("*.ids"))
    monkeypatch.delitem(WRITERS, "ids")
    with pytest.raises(usnz.ArgumentValueError, match="not an export format; accepted: csv, json, jsonl, parquet"):
        usnz.export.write(tmp_path / "again", format="ids")  # type: ignore[arg-type]


def test_the_format_names_for_type_checkers_are_the_registry() -> None:
    from typing import get_args

    from usnz.export.formats import WRITERS

    assert get_args(usnz.export.Format) == usnz.export.FORMATS == tuple(WRITERS) == tuple(EXPORT_FORMATS)


def test_each_csv_names_the_fields_read_from_the_texts(csv_export: Path) -> None:
    """The last column says what the faces mark '*': a speaker read from 'He said', a donor, a force's combat."""
    with (csv_export / "quotes.csv").open(encoding="utf-8", newline="") as file:
        quotes = {row["id"]: row for row in csv.DictReader(file)}
    assert quotes["key-tpp-testing"]["read"] == "speaker"  # NZPA ¶10: 'he said'
    assert quotes["key-natural-partners"]["read"] == ""  # 'Mr Key said': stated
    with (csv_export / "assistance.csv").open(encoding="utf-8", newline="") as file:
        header = next(csv.reader(file))
        aid = {row[0]: dict(zip(header, row, strict=True)) for row in csv.reader(file)}
    assert header[-1] == "read"
    assert aid["nz-vietnam-economic-assistance"]["read"] == "recipient"
