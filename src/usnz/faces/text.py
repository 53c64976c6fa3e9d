"""Records as plain text: what ``print(record)``, ``print(records)`` and ``usnz show`` write."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

import attrs

if TYPE_CHECKING:
    from usnz.model.records import AnyRecord
    from usnz.model.values import Citation

__all__ = [
    "PROVENANCE",
    "WIDTH",
    "field_rows",
    "field_values",
    "fit",
    "show_text",
    "table_text",
    "value_text",
    "when_text",
]

WIDTH: Final = 100
"""Tables fit a terminal this many columns wide."""
PROVENANCE: Final = ("date_basis", "citations", "notes", "see_also", "disputes")
"""The fields that say where a record comes from; shown after its own facts."""


def when_text(record: AnyRecord) -> str:
    """The record's date or period as EDTF, or ``""`` when it has none."""
    return "" if record.when is None else str(record.when)


def fit(text: str, width: int) -> str:
    """*text* on one line, cut to *width* characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def value_text(value: object) -> str:
    """A field's value as text: several values joined by ``; ``, a role as its fields."""
    from usnz.model.records import Role  # noqa: PLC0415 - _records imports this module lazily

    if isinstance(value, tuple):
        items: tuple[object, ...] = value  # pyright: ignore[reportUnknownVariableType]
        return "; ".join(value_text(v) for v in items)
    if isinstance(value, Role):
        return ", ".join(
            f"{a.name}={value_text(getattr(value, a.name))}"
            for a in attrs.fields(Role)
            if getattr(value, a.name) is not None
        )
    return str(value)


def field_values(record: AnyRecord) -> list[tuple[str, object]]:
    """(name, value) of every field that is set but ``id``: the record's own facts first, provenance last."""
    names = [f.name for f in attrs.fields(type(record)) if f.name not in PROVENANCE and f.name != "id"]
    names += [name for name in PROVENANCE if hasattr(record, name)]
    values = [(name, getattr(record, name)) for name in names]
    return [(name, value) for name, value in values if value is not None and value != ()]


def field_rows(record: AnyRecord) -> list[tuple[str, str]]:
    """(name, text) of every field that is set but ``id``: the record's own facts first, provenance last."""
    return [(name, value_text(value)) for name, value in field_values(record)]


def show_text(record: AnyRecord, width: int = WIDTH) -> str:
    """The record's id and kind, then one field per line, wrapped to *width*.

    Each citation gets lines of its own, with its quote (the words that state the fact) below it.
    """
    rows = field_rows(record)
    name_width = max(len(name) for name, _ in rows)
    room = width - name_width - 4
    lines = [f"{record.id} ({record.record_kind})"]
    for name, text in rows:
        if name == "citations":
            wrapped = _citation_lines(getattr(record, "citations", ()), room)
        else:
            wrapped = textwrap.wrap(text, room) or [""]
        lines.append(f"  {name:<{name_width}}  {wrapped[0]}")
        lines.extend(f"  {'':<{name_width}}  {line}" for line in wrapped[1:])
    return "\n".join(lines)


def _citation_lines(citations: Sequence[Citation], width: int) -> list[str]:
    """Each citation on a line, its quote wrapped below it in quotation marks."""
    lines: list[str] = []
    for citation in citations:
        lines.extend(textwrap.wrap(str(citation), width) or [""])
        if citation.quote is not None:
            quote = "“" + " ".join(citation.quote.split()) + "”"
            lines.extend(textwrap.wrap(quote, width - 4, initial_indent="    ", subsequent_indent="     "))
    return lines


def table_text(records: Sequence[AnyRecord], width: int = WIDTH) -> str:
    """One line per record (id, kind, date, label), fitted to *width*, and a count."""
    if not records:
        return "(no records)"
    id_width = min(max(len(r.id) for r in records), 34)
    when_width = max(*(len(when_text(r)) for r in records), 4)
    kind_width = max(len(r.record_kind) for r in records)
    rest = width - id_width - when_width - kind_width - 6
    lines = [f"{'id':<{id_width}}  {'kind':<{kind_width}}  {'date':<{when_width}}  about"]
    lines.append("-" * min(width, len(lines[0]) + rest - 5))
    lines.extend(
        f"{fit(r.id, id_width):<{id_width}}  {r.record_kind:<{kind_width}}  {when_text(r):<{when_width}}  "
        f"{fit(r.label, rest)}"
        for r in records
    )
    lines.append(f"({len(records)} record{'s' if len(records) != 1 else ''})")
    return "\n".join(lines)
