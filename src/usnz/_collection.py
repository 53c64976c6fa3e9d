"""``Records``: the immutable, typed tuple every query returns."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, SupportsIndex, TypeVar, overload

from usnz._records import Record, Source

if TYPE_CHECKING:
    from pandas import DataFrame

__all__ = ["AnyRecord", "Records"]

AnyRecord = Record | Source
"""Any record usnz holds: a fact record or a source."""

R_co = TypeVar("R_co", bound=AnyRecord, covariant=True)


class Records(tuple[R_co, ...]):
    """Query results: a tuple of records in a documented, deterministic order.

    Still a tuple to callers (index it, slice it, unpack it, compare it), and still
    immutable. Adds conveniences for analysis.

    >>> import usnz
    >>> results = usnz.agreements(kind="treaty")
    >>> isinstance(results, tuple), all(r.kind == "treaty" for r in results)
    (True, True)
    """

    __slots__ = ()

    @overload
    def __getitem__(self, index: SupportsIndex, /) -> R_co: ...
    @overload
    def __getitem__(self, index: slice, /) -> Records[R_co]: ...
    def __getitem__(self, index: SupportsIndex | slice, /) -> R_co | Records[R_co]:
        """Index (a record) or slice (a ``Records``)."""
        if isinstance(index, slice):
            return Records(super().__getitem__(index))
        return super().__getitem__(index)

    def ids(self) -> tuple[str, ...]:
        """The ids of the records, in order.

        >>> import usnz
        >>> "k-force-korea" in usnz.force_contributions(conflict="korean-war").ids()
        True
        """
        return tuple(record.id for record in self)

    def to_list(self) -> list[dict[str, Any]]:
        """Each record as JSON-ready data, in the packaged file format."""
        from usnz._convert import get_converter  # noqa: PLC0415 - cattrs only when needed

        return [get_converter().unstructure(record) for record in self]

    def to_json(self, *, indent: int | None = 2) -> str:
        """The records as a JSON array, in the packaged file format.

        >>> import usnz
        >>> print(usnz.get("anzus").id, usnz.agreements(kind="treaty").to_json()[:1])
        anzus [
        """
        return json.dumps(self.to_list(), indent=indent, ensure_ascii=False)

    def __repr__(self) -> str:
        """``Records([...])`` naming each record by kind and id."""
        inner = ", ".join(f"<{r.record_kind} {r.id}>" for r in self)
        return f"Records([{inner}])"

    def __str__(self) -> str:
        """A table, one line per record (id, kind, date, label), as ``usnz list`` prints it."""
        from usnz._text import table_text  # noqa: PLC0415 - only when printed

        return table_text(self)

    def _repr_html_(self) -> str:
        """A compact HTML table of the records: how Jupyter shows them."""
        from usnz._html import records_html  # noqa: PLC0415 - only when displayed

        return records_html(self)

    def to_frame(self) -> DataFrame:
        """The records as a pandas DataFrame, one row per record, with typed columns.

        Needs the ``pandas`` extra (``pip install "usnz[pandas]"``). Columns: ``id``,
        ``record_kind``, ``label``, ``when`` (EDTF) with ``when_earliest``/``when_latest``,
        then every field of the kinds present, flattened: a date or period gives its EDTF
        text plus ``_earliest``/``_latest`` days; a quantity gives ``_best``, ``_low``,
        ``_high`` (nullable integers, or floats where a figure is fractional), ``_unit``
        and ``_approximate``; a country gives its code and ``_cow_ccode``; citations and
        lists of ids are text joined by ``"; "``. Kinds and codes are categoricals.

        >>> import usnz
        >>> frame = usnz.force_contributions(conflict="korean-war").to_frame()
        >>> frame.loc[frame["id"] == "k-force-korea", ["personnel_best", "killed_best"]].iloc[0].tolist()
        [1044, 33]

        Raises:
            MissingExtraError: when pandas is not installed.
        """
        from usnz.frames import to_frame  # noqa: PLC0415 - pandas only when asked

        return to_frame(self)
