"""Table Schemas and CSV: a kind's table, and the citations, doubts and countries tables."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from typing import Any, Final

from usnz.export.schemas import STRICT_EDTF_DATE, STRICT_EDTF_INTERVAL
from usnz.faces.columns import COMMON, Column, columns, csv_text
from usnz.model.countries import COUNTRIES
from usnz.model.doubt import DOUBT_KINDS
from usnz.model.ids import ID_PATTERN as ID
from usnz.model.names import cited_kind
from usnz.model.records import AnyRecord
from usnz.querying.dataset import Dataset

__all__ = ["SIDE_TABLES", "csv_bytes", "frame_schema", "kind_table"]

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


def csv_bytes(header: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    """A CSV file (RFC 4180, UTF-8) of *header* and *rows*, each value written as the frames show it."""
    out = io.StringIO()
    out.write(_csv_line(header))
    for row in rows:
        out.write(_csv_line([csv_text(v) for v in row]))
    return out.getvalue().encode("utf-8")


def kind_table(cls: type[AnyRecord], records: Sequence[AnyRecord]) -> tuple[bytes, dict[str, Any]]:
    """A kind's CSV file and its Table Schema."""
    cols = columns(cls)
    rows = [[column.get(record) for column in cols] for record in records]
    fields = [_field(column, [row[i] for row in rows]) for i, column in enumerate(cols)]
    return csv_bytes([c.name for c in cols], rows), _table_schema(fields, cols)


_LIST_NOTE: Final = (
    "; a list of texts (Parquet list<string>), described as any: frictionless reads a Parquet list "
    "as a NumPy array, which its array type refuses"
)


_DOUBT_COUNT: Final = "How many doubts the record carries (its doubts column lists them)."


def frame_schema(cls: type[AnyRecord], records: Sequence[AnyRecord], frame: Any) -> dict[str, Any]:
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
        if str(frame[name].dtype) == "object" and column.type != "decimal":  # a column of lists
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
        "foreignKeys": [{"fields": ["source"], "reference": {"resource": cited_kind(), "fields": ["id"]}}],
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
        "foreignKeys": [{"fields": ["source"], "reference": {"resource": cited_kind(), "fields": ["id"]}}],
        "missingValues": [""],
    }
    return rows, schema


def _countries_table(_: Dataset) -> tuple[list[tuple[object, ...]], dict[str, Any]]:
    rows: list[tuple[object, ...]] = [(c.code, c.name, c.cow_ccode) for c in COUNTRIES.values()]
    fields = [
        _spec("code", "string", "ISO 3166-1 alpha-3 (XSV: South Vietnam, user-assigned)", required=True, unique=True),
        _spec("name", "string", "The Correlates of War state name", required=True),
        _spec("cow_ccode", "integer", "The Correlates of War country code", required=True),
    ]
    schema = {"fields": fields, "primaryKey": ["code"], "missingValues": [""]}
    return rows, schema


Table = Callable[[Dataset], tuple[list[tuple[object, ...]], dict[str, Any]]]

SIDE_TABLES: Final[tuple[tuple[str, Table, str], ...]] = (
    ("citations", _citations_table, "Every citation of every record: one row per record and paragraph"),
    ("doubts", _doubts_table, "Every doubt of the texts on every record: one row per record and doubt"),
    ("countries", _countries_table, "The country codes usnz accepts, with Correlates of War country codes"),
)
"""The tables beside the kinds' in a tabular export: (name, its rows and Table Schema from a dataset, description)."""
