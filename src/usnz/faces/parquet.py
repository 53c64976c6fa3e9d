"""Parquet files (the ``arrow`` extra): data frames and plain tables, with their types kept.

A frame's columns keep their types: text is ``string``, ``Int64`` is a nullable ``int64``,
``Float64`` a ``double``, a money amount (``Decimal``) an exact ``decimal128(38, 12)`` (DuckDB's
``DECIMAL(38,12)``; every amount usnz holds fits), ``boolean`` a ``bool``, a categorical a dictionary of strings, a
list of texts a ``list<string>``, and a day a Parquet ``DATE`` (``date32``: a day, no time, as
the CSV export's ``date`` columns). The pandas metadata is kept, so pandas reads the frame back
with its dtypes, except days, which pyarrow gives pandas as ``datetime.date`` objects.
pyarrow is imported only when called.
"""

from __future__ import annotations

import importlib
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from usnz.model.amounts import AMOUNT_PLACES, MAX_AMOUNT_DIGITS
from usnz.model.errors import MissingExtraError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["check", "frame_bytes", "table_bytes"]


def check() -> None:
    """Raise :class:`~usnz.MissingExtraError` unless pyarrow is installed."""
    try:
        importlib.import_module("pyarrow.parquet")
    except ImportError as error:
        raise MissingExtraError(feature="export format 'parquet'", package="pyarrow", extra="arrow") from error


def _arrow() -> Any:
    """The pyarrow module (as ``Any``: pyarrow ships no type hints)."""
    check()
    return importlib.import_module("pyarrow")


def _parquet(table: Any) -> bytes:
    """A pyarrow table as the bytes of a Parquet file."""
    sink = _arrow().BufferOutputStream()
    importlib.import_module("pyarrow.parquet").write_table(table, sink)
    content: bytes = sink.getvalue().to_pybytes()
    return content


def frame_bytes(frame: pd.DataFrame, decimals: Collection[str] = ()) -> bytes:
    """A usnz data frame (see :func:`usnz.frames.to_frame`) as a Parquet file.

    Args:
        frame: The frame.
        decimals: The names of its money amount columns (``Decimal`` objects), written as
            ``decimal128(38, 12)``; every other ``object`` column holds lists of texts.
    """
    pa = _arrow()
    schema = pa.Schema.from_pandas(frame, preserve_index=False)
    for position, field in enumerate(schema):
        name: str = field.name
        if name in decimals:  # exact, as the frame holds it: every amount fits (see usnz.model.amounts)
            schema = schema.set(
                position, pa.field(name, pa.decimal128(MAX_AMOUNT_DIGITS + AMOUNT_PLACES, AMOUNT_PLACES))
            )
        elif frame[name].dtype == object:  # a column of lists of texts, whatever they hold
            schema = schema.set(position, pa.field(name, pa.list_(pa.string())))
        elif field.type == pa.large_string():
            schema = schema.set(position, field.with_type(pa.string()))
        elif pa.types.is_timestamp(field.type):
            schema = schema.set(position, field.with_type(pa.date32()))
    return _parquet(pa.Table.from_pandas(frame, schema=schema, preserve_index=False))


def table_bytes(fields: Sequence[dict[str, Any]], rows: Sequence[Sequence[object]]) -> bytes:
    """Rows described by Table Schema *fields* (``string`` or ``integer``) as a Parquet file.

    A field whose ``constraints`` make it ``required`` is not nullable.
    """
    pa = _arrow()
    types = {"string": pa.string(), "integer": pa.int64()}
    schema = pa.schema(
        [
            pa.field(field["name"], types[field["type"]], nullable=not field.get("constraints", {}).get("required"))
            for field in fields
        ]
    )
    columns = [[row[position] for row in rows] for position in range(len(fields))]
    return _parquet(
        pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(columns, schema, strict=True)], schema=schema)
    )
