"""The export formats: a writer per format, in one registry.

A new format is one function and one line of :data:`WRITERS` (and its name in :data:`Format`,
for type checkers): the function writes one kind's file, the line says its media type and, for a
tabular format, how it writes the citations, doubts and countries tables beside the kinds'.
"""

from __future__ import annotations

import hashlib
import json
import typing
from collections.abc import Callable, Sequence
from typing import Any, Final, Literal

import attrs

from usnz.export.schemas import json_schema
from usnz.export.tables import csv_bytes, frame_schema, kind_table
from usnz.faces import parquet
from usnz.faces.columns import columns
from usnz.model.records import KINDS
from usnz.querying.dataset import Dataset

__all__ = [
    "BINARY_BYTES",
    "BINARY_HASH",
    "FORMATS",
    "SCHEMA_BYTES",
    "SCHEMA_HASH",
    "WRITERS",
    "Format",
    "Writer",
    "json_bytes",
]

Format = Literal["csv", "json", "jsonl", "parquet"]
"""The names of the export formats, for type checkers (``tests/test_export.py`` keeps it in step with WRITERS)."""

SCHEMA_HASH: Final = "usnz:jsonSchemaHash"
"""The resource property that holds the SHA-256 of its JSON Schema file (``sha256:...``)."""
SCHEMA_BYTES: Final = "usnz:jsonSchemaBytes"
"""The resource property that holds the size of its JSON Schema file (bytes)."""

BINARY_HASH: Final = "usnz:hash"
"""The resource property that holds the SHA-256 of a binary (Parquet) file, which frictionless cannot hash."""
BINARY_BYTES: Final = "usnz:bytes"
"""The resource property that holds the size of a binary (Parquet) file (bytes), which frictionless cannot count."""

KindWriter = Callable[[Dataset, str, dict[str, bytes]], tuple[bytes, dict[str, Any]]]
"""Writes one kind (by its plural) of a dataset: its file's bytes and its resource's own properties.

Files of its own beside it (a JSON Schema...) go into the dict it is given, by relative path.
"""
TableWriter = Callable[[list[dict[str, Any]], Sequence[Sequence[object]]], bytes]
"""Writes a table of Table Schema *fields* and *rows* (for a tabular format)."""


@attrs.frozen
class Writer:
    """How one export format writes: each kind's file, its media type, and the tables of a tabular format.

    Attributes:
        kind: Writes one kind's file.
        media: Its media type (``text/csv``).
        table: For a tabular format, how it writes the citations, doubts and countries tables.
        text: Whether its files are UTF-8 text, whose size and SHA-256 the data package gives
            (a binary format's, such as Parquet's, frictionless reads itself and cannot hash).
    """

    kind: KindWriter
    media: str
    table: TableWriter | None = None
    text: bool = True


def json_bytes(value: object) -> bytes:
    """*value* as indented JSON text (UTF-8, non-ASCII kept), ending in a newline."""
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _with_schema(name: str, files: dict[str, bytes]) -> dict[str, Any]:
    """Write a kind's JSON Schema into *files*; the resource properties that name it."""
    path = f"schemas/{name}.schema.json"
    files[path] = schema = json_bytes(json_schema(name))
    # its size and hash, so a later export can tell the file is unchanged
    return {"jsonSchema": path, SCHEMA_BYTES: len(schema), SCHEMA_HASH: f"sha256:{hashlib.sha256(schema).hexdigest()}"}


def _csv(data: Dataset, name: str, files: dict[str, bytes]) -> tuple[bytes, dict[str, Any]]:
    """A kind's flat table (as ``to_frame()``'s columns, without the common ones), with its Table Schema."""
    content, schema = kind_table(KINDS[name], data.records(name))
    return content, {"type": "table", "schema": schema}


def _csv_table(fields: list[dict[str, Any]], rows: Sequence[Sequence[object]]) -> bytes:
    return csv_bytes([field["name"] for field in fields], rows)


def _json(data: Dataset, name: str, files: dict[str, bytes]) -> tuple[bytes, dict[str, Any]]:
    """A kind's records in the packaged data format (``usnz.load`` reads it), with its JSON Schema."""
    return json_bytes(data.records(name).to_list()), _with_schema(name, files)


def _jsonl(data: Dataset, name: str, files: dict[str, bytes]) -> tuple[bytes, dict[str, Any]]:
    """A kind's records, one JSON object a line, with its JSON Schema."""
    items = data.records(name).to_list()
    content = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items).encode("utf-8")
    return content, _with_schema(name, files)


def _parquet(data: Dataset, name: str, files: dict[str, bytes]) -> tuple[bytes, dict[str, Any]]:
    """A kind's data frame (``Dataset.to_frame``) with the frame's types, and its Table Schema."""
    parquet.check()  # before pandas, so the error names the extra that brings both
    frame = data.to_frame(name)
    schema = frame_schema(KINDS[name], data.records(name), frame)
    decimals = {column.name for column in columns(KINDS[name]) if column.type == "decimal"}
    return parquet.frame_bytes(frame, decimals), {"type": "table", "schema": schema}


WRITERS: Final[dict[str, Writer]] = {
    "csv": Writer(_csv, "text/csv", table=_csv_table),
    "json": Writer(_json, "application/json"),
    "jsonl": Writer(_jsonl, "application/jsonl"),
    "parquet": Writer(_parquet, "application/vnd.apache.parquet", table=parquet.table_bytes, text=False),
}
"""The export formats by name: a new format is one function and one line here."""

FORMATS: Final = typing.cast("tuple[Format, ...]", tuple(WRITERS))  # the names of Format (a test checks)
"""The export formats."""
