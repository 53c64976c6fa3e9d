"""Records as pandas DataFrames (the ``pandas`` extra): one row per record, typed columns.

Use :meth:`usnz.Records.to_frame` or :meth:`usnz.Dataset.to_frame`; this module does the
work and imports pandas only when called.

The frame is indexed by id (``frame.loc["k-force-korea"]``), and keeps ``id`` as a column too.
Column dtypes are set, never guessed: text is ``string``, whole numbers ``Int64``,
fractional figures ``Float64`` (a quantity's ``_best``, ``_low`` and ``_high`` share one dtype),
flags ``boolean``, days ``datetime64[s]`` (so any year from 1 to 9999 fits), and kinds,
choices and country codes are categoricals over the values present (so ``value_counts()``
and ``groupby`` give no rows of zeros for values no record has). Money amounts are exact: an
``object`` column of :class:`decimal.Decimal` (``"0.10"`` stays ``Decimal('0.10')``, never a
float that rounds it); ``.astype("Float64")`` gives floats where rounding does not matter.
Fields of several values (citations, ids, countries) are Python lists (``[]`` when empty), so
``.explode()`` gives one row per value. Missing values are ``<NA>`` / ``NaT``; pandas adds them
up as 0, so add up with :meth:`usnz.Records.total` or ``sum(min_count=1)``.
"""

# pyright: reportUnknownMemberType=false
# (pandas-stubs leaves parts of pd.array's overloads unknown)
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from usnz.faces.columns import COMMON, Column, ColumnType, columns
from usnz.model.errors import ArgumentTypeError, MissingExtraError
from usnz.model.records import KINDS, AnyRecord

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["to_frame"]


_FIRST: Final = (Column(name="id", type="id", description="The record's id", get=lambda r: r.id), *COMMON)


@attrs.define
class _Merged:
    """One frame column, read from each record kind that has it."""

    kind: ColumnType
    choices: list[str]
    readers: dict[type, Column]
    many: bool = False
    """Whether every kind's column holds several values: a column of lists (set once merged)."""


def _merge(classes: Iterable[type[AnyRecord]]) -> dict[str, _Merged]:
    """The frame's columns: ``id``, the common ones, then each kind's fields in order."""
    merged = {column.name: _Merged(column.type, list(column.choices), {object: column}) for column in _FIRST}
    kinds = merged["record_kind"].choices
    for cls in classes:
        if cls.record_kind not in kinds:
            kinds.append(cls.record_kind)
        for column in columns(cls)[1:]:
            seen = merged.get(column.name)
            if seen is None:
                merged[column.name] = _Merged(column.type, list(column.choices), {cls: column})
                continue
            seen.readers[cls] = column
            seen.choices.extend(choice for choice in column.choices if choice not in seen.choices)
            if seen.kind != column.type:  # the same name means different things in two kinds: keep both as text
                seen.kind = "string"
    for one in merged.values():
        one.many = all(reader.items is not None for reader in one.readers.values())
    return merged


def to_frame(
    records: Sequence[AnyRecord], *, kinds: Sequence[type[AnyRecord]] | None = None, quotes: bool = False
) -> pd.DataFrame:
    """A DataFrame of *records*, one row each, with the columns of *kinds*.

    Args:
        records: The records, in the order the rows should have.
        kinds: The record classes whose columns the frame has; by default those of
            the records given (so an empty frame has only ``id`` and the common columns).
        quotes: Add a ``quotes`` column: each record's citation quotes, a list in the order
            of its citations (``None`` for a citation without one).

    A frame with a ``doubts`` column has a ``doubt_count`` column after it: how many doubts
    each record carries (see :func:`usnz.doubts`).

    Raises:
        MissingExtraError: when pandas is not installed.
    """
    try:
        import pandas as pd  # noqa: PLC0415 - the pandas extra, only when asked
    except ImportError as error:
        raise MissingExtraError(feature="to_frame()", package="pandas", extra="pandas") from error
    if not isinstance(quotes, bool):
        msg = f"quotes= takes True or False; got {type(quotes).__name__} {quotes!r:.40}"
        raise ArgumentTypeError(msg)
    if kinds is None:
        present = {type(record) for record in records}
        kinds = [cls for cls in KINDS.values() if cls in present]
    merged = _merge(kinds)
    frame: dict[str, Any] = {}
    for name, column in merged.items():
        cells = [_read(column, record) for record in records]
        frame[name] = pd.Series(cells, dtype=object).array if column.many else _array(column, cells)
    _share_dtypes(frame)
    result: pd.DataFrame = pd.DataFrame(frame, index=pd.Index([record.id for record in records], dtype="string"))
    if "doubts" in result:  # every kind has doubts: their count beside them
        counts = pd.Series(
            [len(getattr(record, "doubts", ())) for record in records], dtype="Int64", index=result.index
        )
        result.insert(list(result.columns).index("doubts") + 1, "doubt_count", counts)
    if quotes:
        result["quotes"] = pd.Series(
            [[c.quote for c in getattr(record, "citations", ())] for record in records],
            dtype=object,
            index=result.index,
        )
    return result


_BOUNDS: Final = ("_best", "_low", "_high")


def _share_dtypes(frame: dict[str, Any]) -> None:
    """A quantity's best, low and high in one dtype: ``Float64`` for all when any is fractional."""
    for name in list(frame):
        if not name.endswith("_best"):
            continue
        stem = name.removesuffix("_best")
        parts = [f"{stem}{bound}" for bound in _BOUNDS if f"{stem}{bound}" in frame]
        if len(parts) > 1 and any(str(frame[part].dtype) == "Float64" for part in parts):
            for part in parts:
                frame[part] = frame[part].astype("Float64")


def _read(column: _Merged, record: AnyRecord) -> object:
    """The cell of *record* in *column*: a list of texts in a column of lists, else one value."""
    reader = column.readers.get(type(record)) or column.readers.get(object)
    if reader is None:
        return None
    items = reader.items if column.many else None
    if items is not None:
        return items(record)
    value = reader.get(record)
    return value if column.kind != "string" or value is None else str(value)


def _array(column: _Merged, values: list[Any]) -> Any:
    """The pandas array of one column, its dtype chosen by the column's type."""
    import pandas as pd  # noqa: PLC0415 - imported (or found missing) by to_frame already

    kind = column.kind
    if kind in {"choice", "country", "kind"}:
        present = set(values)
        categories = [choice for choice in column.choices if choice in present]
        # A column no record fills keeps every accepted value: its categories' type is text all the same.
        return pd.Categorical(values, categories=categories or column.choices)
    if kind == "date":
        import numpy as np  # noqa: PLC0415 - comes with pandas

        days = np.array(["NaT" if v is None else str(v) for v in values], dtype="datetime64[s]")
        return pd.array(days)
    if kind == "boolean":
        return pd.array(values, dtype="boolean")
    if kind == "decimal":  # money, exactly: Decimal objects (a float would round 0.10 and long amounts)
        return pd.array([pd.NA if v is None else v for v in values], dtype=object)
    if kind in {"integer", "number"}:
        whole = all(isinstance(v, int) for v in values if v is not None)
        return pd.array(values, dtype="Int64" if whole else "Float64")
    return pd.array(values, dtype="string")
