"""Records as plain text: what ``print(record)``, ``print(records)`` and ``usnz show`` write."""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from usnz.model.base import PROVENANCE

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
    "terminal_width",
    "value_text",
    "when_text",
]

WIDTH: Final = 100
"""How wide text is when the terminal's width is unknown (not a terminal, no ``COLUMNS``)."""
_GAP: Final = 2
"""Spaces between two columns of a table."""
_NARROWEST: Final = 12
"""The fewest characters a text column (a name, a title) is cut to before it is left out."""


def terminal_width() -> int:
    """The terminal's width in characters: ``COLUMNS`` if set, else the terminal's own, else :data:`WIDTH`."""
    return shutil.get_terminal_size((WIDTH, 24)).columns


def when_text(record: AnyRecord) -> str:
    """The record's date or period as EDTF, or ``""`` when it has none."""
    return "" if record.when is None else str(record.when)


def fit(text: str, width: int) -> str:
    """*text* on one line, cut to *width* characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def value_text(value: object) -> str:
    """A field's value as text: several values joined by ``; ``, a role as its fields."""
    if isinstance(value, tuple):
        items: tuple[object, ...] = value  # pyright: ignore[reportUnknownVariableType]
        return "; ".join(value_text(v) for v in items)
    role = _role_class()
    if role is not None and isinstance(value, role):
        return ", ".join(
            f"{a.name}={value_text(getattr(value, a.name))}"
            for a in attrs.fields(role)
            if getattr(value, a.name) not in {None, ()}
        )
    return str(value)


def _role_class() -> Any:
    """The :class:`~usnz.Role` class if it is built: no role exists before (asked without building it)."""
    people = sys.modules.get("usnz.model.kinds.people")
    return getattr(people, "Role", None)  # (another thread may be importing it: Role not yet defined)


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

    Each citation gets lines of its own, with its quote (the words that state the fact) below it;
    each doubt starts a line of its own.
    """
    rows = field_rows(record)
    name_width = max(len(name) for name, _ in rows)
    room = width - name_width - 4
    lines = [f"{record.id} ({record.record_kind})"]
    for name, text in rows:
        if name == "citations":
            wrapped = _citation_lines(getattr(record, "citations", ()), room)
        elif name == "doubts":  # one doubt per line (wrapped with a hanging indent)
            doubts = getattr(record, "doubts", ())
            wrapped = [line for doubt in doubts for line in textwrap.wrap(str(doubt), room, subsequent_indent="  ")]
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


def table_text(records: Sequence[AnyRecord], width: int | None = None) -> str:
    """One line per record, fitted to *width* (the terminal's, or ``COLUMNS``, by default), and a count.

    The columns are :func:`usnz.faces.columns.table`'s, as Jupyter shows them. Ids and values
    are never cut: text (names, titles) is shortened with an ellipsis to fit, and when even
    that does not fit, the least wanted columns are left out. A line is longer than *width*
    only when the ids alone are.
    """
    if not records:
        return "(no records)"
    if width is None:
        width = terminal_width()
    from usnz.faces.columns import table  # noqa: PLC0415 - every kind's columns only for a table

    chosen, rows = table(records)
    natural = [max(len(column.name), *(len(row[at]) for row in rows)) for at, column in enumerate(chosen)]
    least = [
        min(wide, _NARROWEST) if column.kind == "text" else wide for column, wide in zip(chosen, natural, strict=True)
    ]
    kept = sorted(range(len(chosen)), key=lambda at: chosen[at].rank)
    while len(kept) > 1 and sum(least[at] + _GAP for at in kept) - _GAP > width:
        kept.pop()
    kept.sort()
    widths = _share(width, [(natural[at], chosen[at].kind == "text") for at in kept])
    lines = [_line([chosen[at].name for at in kept], widths)]
    lines.append("-" * (sum(widths) + _GAP * (len(widths) - 1)))
    lines.extend(_line([fit(row[at], room) for at, room in zip(kept, widths, strict=True)], widths) for row in rows)
    lines.append(f"({len(records)} record{'s' if len(records) != 1 else ''})")
    return "\n".join(lines)


def _share(width: int, columns: list[tuple[int, bool]]) -> list[int]:
    """Each column's width: its natural one, the text columns sharing what room is left."""
    room = width - sum(wide + _GAP for wide, text in columns if not text) + _GAP
    texts = sorted((wide, at) for at, (wide, text) in enumerate(columns) if text)
    widths = [wide for wide, _ in columns]
    for left, (wide, at) in zip(range(len(texts), 0, -1), texts, strict=True):
        widths[at] = max(min(wide, room // left - _GAP), min(wide, _NARROWEST))
        room -= widths[at] + _GAP
    return widths


def _line(cells: list[str], widths: list[int]) -> str:
    return (" " * _GAP).join(f"{cell:<{wide}}" for cell, wide in zip(cells, widths, strict=True)).rstrip()
