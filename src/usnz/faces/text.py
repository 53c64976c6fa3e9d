"""Records as plain text: what ``print(record)``, ``print(records)`` and ``usnz show`` write."""

from __future__ import annotations

import os
import re
import sys
import textwrap
import typing
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs

from usnz.faces import marks
from usnz.faces.marks import clean
from usnz.model.base import PROVENANCE

if TYPE_CHECKING:
    from usnz.faces.columns import Shown
    from usnz.model.amounts import Quantity
    from usnz.model.doubt import Doubt
    from usnz.model.records import AnyRecord
    from usnz.model.values import Citation
    from usnz.querying.dataset import Dataset
    from usnz.querying.doubted import Doubts

__all__ = [
    "PROVENANCE",
    "ROOM_HINT",
    "WIDTH",
    "DoubtEntry",
    "dispute_parts",
    "disputes_text",
    "doubt_entries",
    "doubts_count",
    "doubts_text",
    "field_mark",
    "field_rows",
    "field_values",
    "fit",
    "grid_lines",
    "group_numbers",
    "show_rows",
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
_READABLE: Final = 30
"""A text column narrower than this that would cut its text reads it whole on a line of its own under each row."""
_TIGHTEST: Final = 8
"""The narrowest a text column gets, to keep a table's id, label, date and deciding number."""
_LONGEST: Final = 16
"""A text column is as wide as its longest word up to this many characters (longer words break)."""
ROOM_HINT: Final = "(a wider terminal shows more; .to_frame() shows every column)"
"""What the line naming the columns left out for want of room says after them."""
_BELOW: Final = "    "
"""The indent of a text column moved under its row (too narrow beside the rest)."""
_LINES: Final = 3
"""The most lines a text cell of a terminal table wraps onto; the rest is cut at a word with "…"."""
_GLUE: Final = "\x00"
"""Joins a cell's mark to its last word while a table is laid out, so no mark wraps onto a line of
its own; printed as a space. The cells are :func:`~usnz.faces.marks.clean` first, so no text holds it."""


def terminal_width(fallback: int = WIDTH) -> int:
    """The terminal's width in characters: ``COLUMNS`` if set, else the terminal's own, else *fallback*.

    What :func:`shutil.get_terminal_size` gives (its ``columns``), read as it reads it, without
    importing :mod:`shutil` (which imports the compression modules: about 2 ms of ``usnz show``).
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]  # pyright: ignore[reportOptionalMemberAccess]
    except (AttributeError, ValueError, OSError):  # no stdout, closed, detached, or not a terminal
        return fallback
    return columns or fallback


def when_text(record: AnyRecord) -> str:
    """The record's date or period as EDTF, or ``""`` when it has none."""
    return "" if record.when is None else str(record.when)


def fit(text: str, width: int) -> str:
    """*text* on one line, cut to *width* characters at a word, with an ellipsis.

    >>> fit("we should focus on the future", 20)
    'we should focus on…'
    """
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    at = cut.rfind(" ")
    return (cut[:at] if at >= width // 2 else cut).rstrip(" ,;:") + "…"


def value_text(value: object) -> str:
    """A field's value as text: several values joined by ``; ``, a role as its fields, a quantity read right."""
    if isinstance(value, tuple):
        items: tuple[object, ...] = value  # pyright: ignore[reportUnknownVariableType]
        return "; ".join(value_text(v) for v in items)
    amounts: Any = sys.modules.get("usnz.model.amounts")  # not loaded: no value is a quantity
    if amounts is not None and isinstance(value, amounts.Quantity):
        return marks.quantity_text(typing.cast("Quantity", value))
    kind: Any = type(value)
    if marks.is_attestation(value):  # its date marked as its record's
        return f"{getattr(value, 'date', '')}{marks.date_mark(value)} ({getattr(value, 'record', '')})"
    if getattr(kind, "shown_by_fields", False) is True and attrs.has(kind):  # a role: its str is the short form
        return ", ".join(
            f"{a.name}={value_text(getattr(value, a.name))}"
            for a in attrs.fields(kind)
            if getattr(value, a.name) not in {None, ()}
        )
    return marks.date_text(value)


def field_values(record: AnyRecord) -> list[tuple[str, object]]:
    """(name, value) of every field that is set but ``id``: the record's own facts first, provenance last.

    Not ``read``: the fields it names carry their ``*`` marks.
    """
    names = [f.name for f in attrs.fields(type(record)) if f.name not in PROVENANCE and f.name != "id"]
    names += [name for name in PROVENANCE if hasattr(record, name) and name != "read"]  # read: the fields' * marks
    values = [(name, getattr(record, name)) for name in names]
    return [(name, value) for name, value in values if value is not None and value != ()]


def field_rows(record: AnyRecord) -> list[tuple[str, str]]:
    """(name, text) of every field that is set but ``id``: the record's own facts first, provenance last."""
    return [(name, value_text(value)) for name, value in field_values(record)]


def _wrap(text: str, width: int, *, keep: bool = False) -> list[str]:
    """*text* in lines of at most *width*, broken at spaces only (never at a hyphen, never inside an id).

    With *keep*, the text's own spaces are kept as stored (runs of spaces too); a word longer
    than *width* gets a line of its own, whole.
    """
    width = max(width, 1)
    if not keep:
        return textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False) or [""]
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        # A word with one space after it; a run of spaces is a piece of its own, so a line that
        # breaks at a run starts with it, and the run stays visible.
        for piece in re.findall(r"\S+ ?|\s+", paragraph):
            if line and len(line) + len(piece.rstrip(" ") if piece.strip() else piece) > width:
                lines.append(line if len(line) <= width else line.removesuffix(" "))  # the break: one space
                line = ""
            line += piece
        lines.append(line)
    return lines


def show_text(record: AnyRecord, width: int | None = None) -> str:
    """The record's id and kind, then one field per line, wrapped to *width* (the terminal's, or ``COLUMNS``).

    ``print(record)`` is as wide as ``print(records)`` and ``usnz show``: :func:`terminal_width`.

    Each citation gets lines of its own, with its quote (the words that state the fact, as
    stored) below it; the record's doubts come one a line, the disputes first; marks and their
    legend as in tables (:mod:`usnz.faces.marks`). Control characters are shown as escapes.
    """
    if width is None:
        width = terminal_width()
    rows = show_rows(record)
    name_width = max(len(name) for name, _ in rows)
    room = max(width - name_width - 4, _NARROWEST)
    lines = [clean(f"{record.id} ({record.record_kind})")]
    used: set[str] = set[str]().union(*(marks.inner_date_marks(value) for _, value in field_values(record)))
    for name, value in rows:
        if name == "citations":
            wrapped = _citation_lines(getattr(record, "citations", ()), room)
        elif name == "doubts":
            wrapped = [  # a doubt a line, wrapped with a hanging indent
                ("" if at == 0 else "  ") + line
                for doubt in value
                for at, line in enumerate(_wrap(clean(doubt), room - 2))
            ]
        else:
            text, mark = value
            used.add(mark)
            if name == "disputes":
                wrapped = _wrap(f"{mark} {clean(text)}", room)
            else:
                wrapped = _wrap(clean(text) + (f" {mark}" if mark else ""), room)
        lines.append(f"  {name:<{name_width}}  {wrapped[0]}")
        lines.extend(f"  {'':<{name_width}}  {line}" for line in wrapped[1:])
    for entry in [*marks.record_legend(record, used), *marks.record_dates_legend(record)]:
        lines.extend(_wrap(clean(entry), width))
    return "\n".join(lines)


def field_mark(record: AnyRecord, name: str, value: object) -> str:
    """The mark (:mod:`usnz.faces.marks`) a field of *record* carries, or ``""``."""
    from usnz.model.facts import facts  # noqa: PLC0415 - the declarations, built with the kind

    kind: Any = type(record)
    fact = dict(facts(kind)).get(name)
    if fact is not None and fact.date:
        return marks.date_mark(record)
    amounts: Any = sys.modules.get("usnz.model.amounts")  # not loaded: no value is money
    if amounts is not None and isinstance(value, amounts.Money) and marks.money_mark(value):
        return marks.money_mark(value)
    if marks.read_field(record, name):
        return marks.NOT_STATED
    if name in getattr(kind, "counted_in", {}).values():  # casualties_in: the figures it leaves to that record
        return marks.COUNTED
    return marks.DISPUTED if name == "disputes" else ""


def show_rows(record: AnyRecord) -> list[tuple[str, Any]]:
    """(name, (text, mark)) of every field set; the doubts as (``doubts``, lines), contradictions first."""
    rows: list[tuple[str, Any]] = []
    defaults = {a.name: a.default for a in attrs.fields(type(record)) if isinstance(a.default, bool)}
    disputed = marks.disputed_fields(record)  # what the records it disputes say otherwise: marked ≠ (unless marked)
    for name, value in field_values(record):
        if name in defaults and value is defaults[name]:  # a flag as it stands unless said (combat_stated)
            continue
        if name == "doubts":
            rows.append(("doubts", marks.doubt_lines(record)))
        else:
            mark = field_mark(record, name, value) or (marks.DISPUTED if name in disputed else "")
            rows.append((name, (value_text(value), mark)))
    return rows


def _citation_lines(citations: Sequence[Citation], width: int) -> list[str]:
    """Each citation on a line, its quote below it in quotation marks, exactly as stored (runs of spaces kept)."""
    lines: list[str] = []
    for citation in citations:
        lines.extend(_wrap(clean(str(citation)), width))
        if citation.quote is not None:
            quote = _wrap("“" + clean(citation.quote) + "”", width - 5, keep=True)
            lines.extend(f"    {line}" if at == 0 else f"     {line}" for at, line in enumerate(quote))
    return lines


def table_text(records: Sequence[AnyRecord], width: int | None = None, *, data: Dataset | None = None) -> str:
    """One row per record, fitted to *width* (the terminal's, or ``COLUMNS``, by default), a count and a legend.

    The columns are :func:`usnz.faces.columns.table`'s, as Jupyter shows them. Ids and values
    are never cut: long text (names, titles) wraps onto further lines of its row, at spaces;
    a period may break after its ``/``. When the ids leave too little room beside them for a
    record's label, date or deciding number, each id gets a line of its own and the rest of
    its row reads, indented, under it. Only when even that does not fit are the least wanted
    columns left out, and a line under the table names them. The rule under the headings is as
    wide as the table, never wider than *width*. Marks (:mod:`usnz.faces.marks`) follow their cells, and a legend under
    the table says what the marks used mean. A line is longer than *width* only when the ids
    alone are. A dispute's mark has its group's number in *data*'s ``disputes()`` (the packaged
    dataset's by default): ``≠2`` is ``usnz.disputes()[1]``.
    """
    if not records:
        return "(no records)"
    if width is None:
        width = terminal_width()
    from usnz.faces.columns import shown_legend, table, table_marks, table_notes  # noqa: PLC0415 - every kind's columns only for a table

    chosen, rows = table(records)
    row_marks, legend = table_marks(records, chosen, data)
    cells = [
        [_marked(clean(text), mark) for text, mark in zip(row, marked, strict=True)]
        for row, marked in zip(rows, row_marks, strict=True)
    ]
    lines, shown = grid_lines(chosen, cells, width)
    lines.append(f"({len(records)} record{'s' if len(records) != 1 else ''})")
    legend = shown_legend(legend, row_marks, shown, chosen)  # a mark's line only when a column shown carries it
    legend = [*legend, *table_notes(records, chosen, rows, shown)]
    left_out = [column.name for at, column in enumerate(chosen) if at not in shown]
    if left_out:  # as Jupyter's table says it
        legend = [*legend, f"Not shown for want of room: {', '.join(left_out)} {ROOM_HINT}"]
    lines.extend(line for entry in legend for line in _wrap(clean(entry), width))
    return "\n".join(lines).replace(_GLUE, " ")


def grid_lines(
    chosen: Sequence[Shown], cells: list[list[str]], width: int, *, most: int | None = _LINES
) -> tuple[list[str], set[int]]:
    """The heading, rule and rows of a table of *cells* under the columns *chosen*, fitted to *width*.

    What :func:`table_text` writes above its count (see there), for any table (``usnz schema``):
    the lines, and the positions of the columns shown. A text cell wraps onto *most* lines, the
    rest cut at a word with "…" (``None``: every line).
    """
    natural = [max(len(column.name), *(len(row[at]) for row in cells)) for at, column in enumerate(chosen)]
    least = [
        min(natural[at], max(_NARROWEST, *(_longest_word(row[at]) for row in cells)))
        if column.kind == "text"
        else max(len(column.name), *(_unbroken(row[at]) for row in cells))
        for at, column in enumerate(chosen)
    ]
    sized = _Sized(chosen, cells, natural, least, most)
    flat = _layout(sized, width, list(range(len(chosen))))
    stacked = _stacked(sized, width, flat)
    if stacked is None:
        header, rule, lines_of = _rendered(flat, sized, width)
        lines = [header, "-" * min(rule, width)]  # as wide as the table, never the terminal's width over
        for row in cells:
            lines.extend(lines_of(row))
    else:
        header, rule, lines_of = _rendered(stacked, sized, width - len(_BELOW))
        lines = [f"{chosen[0].name:<{len(_BELOW) - _GAP}}" + " " * _GAP + header]
        lines.append("-" * min(max(rule + len(_BELOW), natural[0]), width))
        for row in cells:
            lines.append(row[0])
            lines.extend(_BELOW + line if line else line for line in lines_of(row))
    laid = flat if stacked is None else stacked
    return lines, {0, *laid.kept, *laid.below}


def _marked(text: str, mark: str) -> str:
    """A cell's text with its mark glued to its last word (one cell, as wide as both): never a line apart."""
    if not mark:
        return text
    return f"{text}{_GLUE}{mark}" if text else mark


class _Layout(NamedTuple):
    """Where a table's columns go: beside each other (each with its width), or under each row."""

    kept: list[int]  # the columns beside each other, in order (positions in the table's columns)
    widths: list[int]
    below: list[int]  # text columns too narrow beside the rest: read on lines of their own under each row
    inside: bool  # the headings of the columns below follow the first heading (not the last)


class _Sized(NamedTuple):
    """A table's columns, its rows' cells, and each column's natural and least widths."""

    chosen: Sequence[Shown]
    cells: list[list[str]]
    natural: list[int]
    least: list[int]
    most: int | None  # the most lines a text cell wraps onto (None: every line)


def _layout(sized: _Sized, width: int, columns: list[int]) -> _Layout:
    """How the table's *columns* (positions in its columns; the first is the row's id) fit *width*."""
    shown = [sized.chosen[at] for at in columns]
    natural = [sized.natural[at] for at in columns]
    least = [sized.least[at] for at in columns]
    unnarrowed = list(least)
    kept = _kept(shown, least, width)  # narrows the text columns' least widths as it must
    widths = _share(width, [(natural[at], least[at], shown[at].kind == "text") for at in kept])
    below = [
        at
        for at, wide in zip(kept, widths, strict=True)
        if shown[at].kind == "text"
        and (wide < min(natural[at], _NARROWEST) or (wide < _READABLE and _cut(sized, columns[at], wide)))
    ]
    heading = len(_heading(shown, below))
    inside = False
    if below:  # too narrow to read beside the rest: on an indented line under each row instead
        rest = [at for at in range(len(shown)) if at not in below]
        least = [unnarrowed[at] for at in rest]
        kept = [rest[at] for at in _kept([shown[at] for at in rest], least, width - heading)]
        # the headings below after the first one: that column at least as wide as they are
        above = len(shown[0].name) + heading if rest[0] == 0 else width + 1
        roomy_least = [max(unnarrowed[at], above) if at == 0 else unnarrowed[at] for at in rest]
        roomy = [rest[at] for at in _kept([shown[at] for at in rest], roomy_least, width)]
        essential = _essential(shown)
        if (
            (  # the heading at the end costs a date or number, or any column at all
                any(at in essential and at not in kept for at in roomy) or len(roomy) > len(kept)
            )
            and 0 in roomy  # and it fits above the first column
        ):
            kept, least, inside = roomy, roomy_least, True
            natural = [max(wide, above) if at == 0 else wide for at, wide in enumerate(natural)]
        least = [least[rest.index(at)] for at in kept]
        sizes = [(natural[at], wide, shown[at].kind == "text") for at, wide in zip(kept, least, strict=True)]
        widths = _share(width - (0 if inside else heading), sizes)
    return _Layout([columns[at] for at in kept], widths, [columns[at] for at in below], inside)


def _stacked(sized: _Sized, width: int, flat: _Layout) -> _Layout | None:
    """The layout of all but the id, under it, when that keeps more of what decides a row than *flat* does; else None.

    Only when the rows so laid out fit *width* (less the indent) and the ids are what crowds the rest out.
    """
    chosen = sized.chosen
    essential = _essential(chosen)
    if essential <= {*flat.kept, *flat.below}:
        return None
    room = width - len(_BELOW)
    stacked = _layout(sized, room, list(range(1, len(chosen))))
    beside = sum(stacked.widths) + _GAP * (len(stacked.widths) - 1)
    beside += 0 if stacked.inside else len(_heading(chosen, stacked.below))
    keeps = len(essential & {0, *stacked.kept, *stacked.below})
    if beside > room or keeps <= len(essential & {*flat.kept, *flat.below}):
        return None
    return stacked


def _cut(sized: _Sized, at: int, width: int) -> bool:
    """Whether a text column *width* wide would cut some row's text (more than its most lines)."""
    most = _LINES if sized.most is None else sized.most  # not cut, yet as long: better under its row
    return any(len(_wrap_words(row[at], width)) > most for row in sized.cells)


def _heading(chosen: Sequence[Shown], below: list[int]) -> str:
    """The headings of the columns read under each row, each after a ``↓``."""
    return "".join(f"  ↓ {chosen[at].name}" for at in below)


def _rendered(layout: _Layout, sized: _Sized, width: int) -> tuple[str, int, Callable[[list[str]], list[str]]]:
    """A layout's heading line, the length of its rule, and how it writes a row's cells as lines."""
    chosen, most = sized.chosen, sized.most
    heading = _heading(chosen, layout.below)
    numbers = [chosen[at].kind == "number" for at in layout.kept]
    names = [chosen[at].name + (heading if layout.inside and n == 0 else "") for n, at in enumerate(layout.kept)]
    header = _line(names, layout.widths, numbers) + ("" if layout.inside else heading)
    widths = layout.widths
    rule = max(sum(widths) + _GAP * (len(widths) - 1) + (0 if layout.inside else len(heading)), 1)

    def lines_of(row: list[str]) -> list[str]:
        wrapped = [
            _wrap_cell(row[at], wide, chosen[at].kind, most) for at, wide in zip(layout.kept, widths, strict=True)
        ]
        lines = [
            _line([parts[n] if n < len(parts) else "" for parts in wrapped], widths, numbers)
            for n in range(max(len(parts) for parts in wrapped))
        ]
        for at in layout.below:
            lines.extend(_BELOW + part for part in _wrap_cell(row[at], width - len(_BELOW), "text", most) if part)
        return lines

    return header, rule, lines_of


def _kept(chosen: Sequence[Shown], least: list[int], width: int) -> list[int]:
    """The columns a terminal of *width* shows, in order: the least wanted left out first.

    The id, the label, the date, the first figure (the deciding number) and every column marked
    ``needed`` (the answer wanted, such as a force contribution's ``combat``, a quote's ``speaker``)
    are kept before any other: when only they are left and still too wide, text narrows to
    :data:`_TIGHTEST` before one of them goes, and a column marked ``needed`` goes only after every
    other but the id.
    """
    essential = _essential(chosen)
    last = {at for at, column in enumerate(chosen) if at == 0 or column.needed}  # the id and what is needed
    kept = sorted(range(len(chosen)), key=lambda at: (at not in essential, at not in last, chosen[at].rank))
    narrowed = False

    def wide() -> int:
        return sum(least[at] + _GAP for at in kept) - _GAP

    while len(kept) > 1 and wide() > width:
        if not narrowed and all(at in essential for at in kept):
            narrowed = True
            least[:] = [min(wide, _TIGHTEST) if chosen[at].kind == "text" else wide for at, wide in enumerate(least)]
            continue
        kept.pop()
    return sorted(kept)


def _essential(chosen: Sequence[Shown]) -> set[int]:
    """The columns kept before any other: the id, the label, the date, the first figure and those marked ``needed``."""
    first_number = next((at for at, column in enumerate(chosen) if column.kind == "number"), None)
    return {
        at
        for at, column in enumerate(chosen)
        if at in {0, first_number} or column.name in marks.DATES or column.rank == 1 or column.needed
    }


def _longest_word(text: str) -> int:
    """The longest word of *text*, up to 16 characters: a text column is at least that wide when it can be."""
    return min(max((len(word) for word in text.split()), default=0), _LONGEST)


def _unbroken(text: str) -> int:
    """The longest piece of a value the table keeps on one line: all of it, or a period's end (``2001-10-17/``).

    A list of choices (``one of army|navy``) breaks after each ``|``.
    """
    return max(len(piece) for piece in re.split(r"(?<=[/|])|(?<=; )| ", text))


def _wrap_cell(text: str, width: int, kind: str, most: int | None = _LINES) -> list[str]:
    """A cell's lines: text at spaces (*most* lines, the rest cut; ``None``: all); a value after a ``/`` or ``; ``.

    An id is never broken.
    """
    if len(text) <= width or kind == "id":
        return [text]
    if kind == "text":
        wrapped = _wrap_words(text, width)
        if most is not None and len(wrapped) > most:
            rest = " ".join(wrapped[most - 1 :])
            body, glued, mark = rest.rpartition(_GLUE)  # a cut text keeps its mark, after the "…"
            wrapped[most - 1] = f"{fit(body, width - len(mark) - 1)}{_GLUE}{mark}" if glued else fit(rest, width)
            del wrapped[most:]
        return wrapped
    lines: list[str] = []
    for piece in re.split(r"(?<=[/|])|(?<= )", text):
        if lines and len(lines[-1]) + len(piece) <= width:
            lines[-1] += piece
        else:
            lines.append(piece)
    return [line.rstrip() for line in lines]


_DASHED: Final = re.compile(r"(?<=[–—])")
"""Where a word too long for its column may break: after an en or em dash (``Indonesia–``/``Malaysia``)."""


def _wrap_words(text: str, width: int) -> list[str]:
    """*text* in lines of at most *width*, broken at spaces; a word longer than *width* after a dash, else cut.

    Never at a hyphen (an id's), never inside a word that fits a line (``Indonesia–Malaysia``
    breaks after its en dash; a single word longer than the column is cut).
    """
    width = max(width, 1)
    lines: list[str] = []
    line = ""
    for word in re.split(r"[\t\n\x0b\x0c\r ]+", text.strip("\t\n\x0b\x0c\r ")):
        pieces = _DASHED.split(word) if len(word) > width else [word]
        for at, piece in enumerate(pieces):
            joined = f"{line} {piece}" if line and at == 0 else line + piece
            if len(joined) <= width:
                line = joined
                continue
            if line:
                lines.append(line)
            rest = piece
            while len(rest) > width:  # a single word longer than the column
                lines.append(rest[:width])
                rest = rest[width:]
            line = rest
    return [*lines, line] if line or not lines else lines


def _share(width: int, columns: list[tuple[int, int, bool]]) -> list[int]:
    """Each column's width: its natural one if all fit, else narrower.

    The text columns share what room is left; values that still do not fit break (a period
    after its ``/``, a figure at a space).
    """
    widths = [wide for wide, _, _ in columns]
    if sum(widths) + _GAP * (len(widths) - 1) <= width:
        return widths
    room = width - sum(wide + _GAP for wide, _, text in columns if not text) + _GAP
    texts = sorted((wide, at) for at, (wide, _, text) in enumerate(columns) if text)
    for left, (wide, at) in zip(range(len(texts), 0, -1), texts, strict=True):
        widths[at] = max(min(wide, room // left - _GAP), columns[at][1])
        room -= widths[at] + _GAP
    over = sum(widths) + _GAP * (len(widths) - 1) - width
    for at in sorted(range(len(columns)), key=lambda at: widths[at] - columns[at][1], reverse=True):
        if over <= 0:
            break
        spare = min(over, widths[at] - columns[at][1]) if not columns[at][2] else 0
        widths[at] -= spare
        over -= spare
    return widths


def _line(cells: list[str], widths: list[int], numbers: list[bool]) -> str:
    return (
        (" " * _GAP)
        .join(
            f"{cell:>{wide}}" if number else f"{cell:<{wide}}"
            for cell, wide, number in zip(cells, widths, numbers, strict=True)
        )
        .rstrip()
    )


def _side_doubt(record: AnyRecord, others: Sequence[str]) -> str | None:
    """The record's doubt about this dispute: a contradiction, the one concerning another side first."""
    doubts = [d for d in getattr(record, "doubts", ()) if getattr(d, "kind", None) == "contradiction"]
    ordered = sorted(doubts, key=lambda d: not set(getattr(d, "concerns", ())) & set(others))
    return str(ordered[0]) if ordered else None


def dispute_parts(group: Sequence[AnyRecord]) -> tuple[str, list[tuple[AnyRecord, str, str | None]]]:
    """A dispute's heading (what differs), and each side: its record, where it is cited, its doubt."""
    ids = [record.id for record in group]
    differ = marks.differences(group)
    if differ:
        heading = "; ".join(
            f"{field}: " + ", ".join(f"{rid} says {value}" for rid, value in values) for field, values in differ
        )
    else:
        heading = f"{' and '.join(ids)}: their accounts differ (see each side's doubt)"
    sides = [
        (record, marks.cited(getattr(record, "citations", ())), _side_doubt(record, [i for i in ids if i != record.id]))
        for record in group
    ]
    return heading, sides


def group_numbers(groups: Sequence[Sequence[AnyRecord]], data: Dataset | None = None) -> list[int]:
    """Each group's number in *data*'s ``disputes()``; 1, 2... when a group is not one of them."""
    numbers = marks.listed([record for group in groups for record in group], data) if groups else None
    if numbers is None or not all(group for group in groups):
        return list(range(1, len(groups) + 1))
    return [numbers[group[0].id] for group in groups]


def disputes_text(
    groups: Sequence[Sequence[AnyRecord]], width: int | None = None, *, data: Dataset | None = None
) -> str:
    """The disputes, one group at a time: what differs, then each side, its paragraphs and its doubt.

    Each group has its number in *data*'s ``disputes()`` (the packaged dataset's by default),
    as the tables' ``≠2`` has: a slice keeps its numbers.

    >>> import usnz
    >>> print(disputes_text(usnz.disputes()[:1], width=100))  # doctest: +ELLIPSIS
    1 dispute
    <BLANKLINE>
    ≠1 combat: nz-gulf-war-1991 says no (support only), nz-gulf-war-fought-claim says yes (fought)
       nz-gulf-war-1991 (force-contribution, ¶22 — encyclopedia): New Zealand's part in the Gulf War...
    """
    if width is None:
        width = terminal_width()
    count = len(groups)
    lines = [f"{count} dispute{'s' if count != 1 else ''}" if count else "(no disputes)"]
    for number, group in zip(group_numbers(groups, data), groups, strict=True):
        heading, sides = dispute_parts(group)
        lines.append("")
        lines.extend(_wrap(clean(f"{marks.DISPUTED}{number} {heading}"), width))
        for record, where, doubt in sides:
            head = f"{record.id} ({record.record_kind}, {where}): {fit(record.label, 200)}"
            lines.extend(f"   {line}" for line in _wrap(clean(head), width - 3))
            if doubt:
                lines.extend(f"     {line}" for line in _wrap(clean(doubt), width - 5))
    return "\n".join(lines)


class DoubtEntry(NamedTuple):
    """One doubt as a printed ``Doubts`` reads it: once, with every record that carries it.

    Attributes:
        doubt: The doubt (the first carrier's: its kind, source, paragraphs and text).
        records: The ids of the records that carry it, in the order found.
        concerns: The other records it involves: every carrier's ``concerns``, less the carriers.
    """

    doubt: Doubt
    records: tuple[str, ...]
    concerns: tuple[str, ...]


def doubt_entries(found: Doubts) -> list[DoubtEntry]:
    """Each doubt once: the same kind, source, paragraphs and text are one doubt, whoever carries it.

    Records that share a doubt each name the others in its ``concerns`` (the Gulf War
    contradiction of ¶6, ¶8, ¶12 and ¶22 is carried by four records), so their ``Doubt``
    values differ, but the doubt is one: one entry naming its records, its concerns the
    records it involves that do not carry it.

    >>> import usnz
    >>> gulf = [e for e in doubt_entries(usnz.doubts(kind="contradiction", paragraph=22)) if "gulf-war" in e.records]
    >>> gulf[0].records, gulf[0].concerns
    (('gulf-war', 'nz-gulf-war-1991', 'war-in-afghanistan', 'nz-afghanistan-fought'), ('nz-gulf-war-fought-claim',))
    """
    grouped: dict[tuple[object, ...], tuple[Doubt, list[str], list[str]]] = {}
    for doubt, records in found.by_doubt().items():
        key = (doubt.kind, doubt.source, doubt.paragraphs, doubt.text)
        entry = grouped.setdefault(key, (doubt, [], []))
        entry[1].extend(rid for rid in records.ids() if rid not in entry[1])
        entry[2].extend(rid for rid in doubt.concerns if rid not in entry[2])
    return [
        DoubtEntry(doubt, tuple(ids), tuple(rid for rid in concerns if rid not in ids))
        for doubt, ids, concerns in grouped.values()
    ]


def doubts_text(found: Doubts, width: int | None = None) -> str:
    """Each doubt once, as a line naming every record that carries it, its kind and paragraphs, then its text.

    A doubt several records carry (the same spot, in the same words: :func:`doubt_entries`,
    whatever each carrier's ``concerns``) is one entry naming them all, in the order
    ``usnz.doubts()`` gives them; the count of doubts and of records last.

    >>> import usnz
    >>> print(doubts_text(usnz.doubts(kind="contradiction", paragraph=23), width=120).splitlines()[0])
    nzsas-afghanistan-rotations, nzsas, nzsas-afghanistan-fifty  contradiction  encyclopedia-nz-us-relations ¶23, ¶24
    """
    width = terminal_width() if width is None else width
    # at spaces only: an id in the text (nzsas-afghanistan-fifty) is never broken
    wrapper = textwrap.TextWrapper(width, initial_indent="    ", subsequent_indent="    ", break_on_hyphens=False)
    lines: list[str] = []
    for doubt, records, concerns in doubt_entries(found):
        lines += _doubt_head(clean(", ".join(records)), clean(doubt.kind), clean(doubt.where), width)
        lines.extend(wrapper.wrap(clean(doubt.text)))
        if concerns:  # wrapped at the commas, never inside an id
            lines.extend(
                textwrap.wrap(
                    clean(", ".join(concerns)),
                    width,
                    initial_indent="    concerns: ",
                    subsequent_indent="      ",
                    break_on_hyphens=False,
                    break_long_words=False,
                )
            )
    lines.append(f"({doubts_count(found)})")
    return "\n".join(lines)


def doubts_count(found: Doubts) -> str:
    """``3 doubts; 7 records``: how many doubts (each once) and how many records carry them."""
    doubts = len(doubt_entries(found))
    counted = f"{doubts} doubt{'s' if doubts != 1 else ''}"
    if not found:
        return counted
    records = len({item.record.id for item in found})
    return f"{counted}; {records} record{'s' if records != 1 else ''}"


def _doubt_head(ids: str, kind: str, where: str, width: int) -> list[str]:
    """The lines that name a doubt's records, kind, source and paragraphs: one when they fit, else more."""
    if len(ids) + len(kind) + len(where) + 4 <= width:
        return [f"{ids}  {kind}  {where}"]
    if len(ids) + len(kind) + 2 <= width:  # the source and paragraphs on a line of their own
        return [f"{ids}  {kind}", f"    {where}"]
    named = textwrap.wrap(ids, width, break_on_hyphens=False, break_long_words=False)
    if len(kind) + len(where) + 6 <= width:
        return [*named, f"    {kind}  {where}"]
    return [*named, f"    {kind}", f"    {where}"]  # the source and paragraphs on a line of their own
