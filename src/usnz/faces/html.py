"""Records as HTML: what Jupyter shows for a record and for query results.

Every piece of text is HTML-escaped; the only markup is our own. The styles are written on
each element (``style=``), so a host's stylesheet cannot override them: JupyterLab's
``.jp-RenderedHTMLCommon td {text-align: right}`` is more specific than any rule of ours.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Any, Final

from usnz.faces import marks
from usnz.faces.columns import Shown, shown_legend, table, table_marks, table_notes
from usnz.faces.marks import cited, clean, short_names
from usnz.faces.text import doubt_entries, doubts_count, field_values, fit, value_text
from usnz.model.facts import facts
from usnz.model.values import Citation

if TYPE_CHECKING:
    from usnz.model.records import AnyRecord
    from usnz.querying.dataset import Dataset
    from usnz.querying.doubted import Doubts

__all__ = [
    "MAX_ROWS",
    "ROOM_HINT",
    "STYLES",
    "cited",
    "disputes_html",
    "doubts_html",
    "legend_html",
    "mark_html",
    "record_html",
    "records_html",
]

MAX_ROWS: Final = 50
"""Most rows a results table shows; the rest are counted in its last row."""
_LABEL_WIDTH: Final = 90
"""Most characters of a text cell in a results table (cut at a word with "…"): about three lines."""
_CELL: Final = "vertical-align:top;padding:0.2em 0.4em"
_LEFT: Final = f"text-align:left;{_CELL}"
STYLES: Final = {
    "id": f"{_LEFT};white-space:nowrap",
    "value": f"{_LEFT};white-space:nowrap",
    "period": f"{_LEFT};white-space:normal",
    "words": f"{_LEFT};white-space:normal",
    "figure": f"text-align:right;{_CELL};white-space:normal;font-variant-numeric:tabular-nums",
    "number": f"text-align:right;{_CELL};white-space:nowrap;font-variant-numeric:tabular-nums",
    "text": f"{_LEFT};white-space:normal;min-width:8em;max-width:22em",
    "prose": f"{_LEFT};white-space:normal;min-width:10em;max-width:40em",
    "field": f"{_LEFT};white-space:nowrap",
    "cited": f"{_LEFT};white-space:nowrap",
}
"""The inline style of a cell, by the kind of its column (:attr:`usnz.faces.columns.Shown.kind`),
or ``field`` (the name of a record's field), ``prose`` (a field's value, a doubt: long text) or
``cited``: ids, values, field names, figures and citations never wrap (an id is copied whole),
figures align right, text and prose wrap; a value of words (``words``: combat's ``not stated``)
breaks at its spaces only. Each cell names its kind in ``data-kind``."""
_TABLE: Final = 'style="border-collapse:collapse;margin-left:0;margin-right:auto"'
_SCROLL: Final = '<div class="usnz" style="overflow-x:auto;max-width:100%">'
"""Around each table: a table wider than the page scrolls instead of being cut off."""
_CAPTION: Final = 'style="text-align:left;caption-side:top;padding:0.25em 0"'


def _citation(citation: Citation) -> str:
    """A citation, with its quote folded away (open it to read the words that state the fact)."""
    head = escape(clean(value_text(citation)))
    if citation.quote is None:
        return head
    quote = f'<blockquote><span style="white-space:pre-wrap">{escape(clean(citation.quote))}</span></blockquote>'
    return f'<details class="usnz-quote"><summary>{head}</summary>{quote}</details>'


def _field(value: object) -> str:
    """A field's value: several values one per line, each escaped; citations with their quotes."""
    if isinstance(value, tuple) and value and all(isinstance(item, Citation) for item in value):  # pyright: ignore[reportUnknownVariableType]
        return "".join(_citation(item) for item in value)  # pyright: ignore[reportUnknownArgumentType, reportUnknownVariableType]
    if isinstance(value, tuple):
        items: tuple[object, ...] = value  # pyright: ignore[reportUnknownVariableType]
        return "<br>".join(escape(clean(value_text(item))) for item in items)
    return escape(clean(value_text(value)))


def mark_html(mark: str, meaning: str = "", *, wraps: bool = False) -> str:
    """A mark (:mod:`usnz.faces.marks`) after a value, with what it means as its tooltip.

    After a value that *wraps* (text, a period, a figure in words), a no-break space joins it to
    the last word: the mark never goes onto a line of its own.
    """
    if not mark:
        return ""
    title = meaning or marks.meaning_of(mark)
    space = "&nbsp;" if wraps else " "
    return f'{space}<span class="usnz-mark" title="{escape(title)}">{escape(mark)}</span>'


def legend_html(lines: Sequence[str]) -> str:
    """The legend under a table: what each mark used means, one a line."""
    if not lines:
        return ""
    items = "<br>".join(escape(clean(line)) for line in lines)
    return f'<div class="usnz-legend" style="text-align:left;font-size:0.9em;padding:0.25em 0">{items}</div>'


def _cell(tag: str, content: str, kind: str, title: str = "") -> str:
    """One ``<td>`` or ``<th>`` with its inline style (and a tooltip, when *title* is given)."""
    tip = f' title="{escape(clean(title))}"' if title else ""
    return f'<{tag} data-kind="{kind}" style="{STYLES[kind]}"{tip}>{content}</{tag}>'


def record_html(record: AnyRecord) -> str:
    """One record as a two-column table of its fields (own facts first, provenance last).

    >>> import usnz
    >>> html = record_html(usnz.get("anzus"))
    >>> print(html[html.index("<caption"):][:160])
    <caption style="..."><strong>Australia, New Zealand, United States Security Treaty</strong> ...
    """
    from usnz.faces.text import show_rows  # noqa: PLC0415 - the rows usnz show prints

    kind: Any = type(record)
    refers = {name for name, declared in facts(kind) if declared.refers}
    values = dict(field_values(record))
    used: set[str] = set[str]().union(*(marks.inner_date_marks(value) for value in values.values()))
    rows: list[str] = []
    for name, shown in show_rows(record):
        if name == "doubts":
            content = "<br>".join(escape(clean(line)) for line in shown)
        else:
            mark = shown[1]
            used.add(mark)
            content = _field(values[name]) + mark_html(mark, wraps=name not in refers)
        style = "id" if name in refers else "prose"
        rows.append(f"<tr>{_cell('th', escape(name), 'field')}{_cell('td', content, style)}</tr>")
    caption = (
        f"<caption {_CAPTION}><strong>{escape(clean(record.label))}</strong> "
        f'<code style="white-space:nowrap">{escape(clean(record.id))}</code> ({escape(record.record_kind)})</caption>'
    )
    legend = legend_html([*marks.record_legend(record, used), *marks.record_dates_legend(record)])
    return (
        f'{_SCROLL}<table class="usnz-table usnz-record" {_TABLE}>{caption}<tbody>{"".join(rows)}</tbody></table>'
        f"{legend}</div>"
    )


_BUDGET: Final = 820
"""Pixels a results table may take: a JupyterLab notebook at 1280x800 beside the open file browser
has about 848 for an output."""
_CHAR: Final = 7.4
"""Pixels a character takes, about, in JupyterLab's 13px table font."""
_PAD: Final = 14
_TEXT_WIDTH: Final = 118
"""Pixels a text column takes at the least (its min-width)."""


def _estimate(column: Shown, cells: list[str], marked: list[str]) -> float:
    """About how many pixels wide a column's cells are laid out (text: its least width)."""
    if column.kind == "text":
        return max(_TEXT_WIDTH, len(column.name) * _CHAR * 1.1) + _PAD
    pieces = [piece for cell, mark in zip(cells, marked, strict=True) for piece in _pieces(cell, mark, column.kind)]
    widest = max((len(piece) for piece in pieces), default=0)
    return max(widest * _CHAR, len(column.name) * _CHAR * 1.1) + _PAD


def _pieces(text: str, mark: str, kind: str) -> list[str]:
    """The parts of a cell kept on one line: a value breaks after a ``/`` or at a space, a figure at spaces, else whole.

    The mark stays with the last part.
    """
    whole = text + (f" {mark}" if mark else "")
    if kind == "value":
        *words, last = text.replace("/", " ").split(" ")  # (the slash is counted as the old split did: not at all)
        return [piece for piece in [*words, last + (f" {mark}" if mark else "")] if piece]
    if kind == "number":
        *words, last = text.split(" ")
        return [*words, last + (f" {mark}" if mark else "")]
    return [whole]


def _fitting(
    chosen: Sequence[Shown], rows: list[tuple[str, ...]], marks_of: list[tuple[str, ...]], cited_px: float
) -> list[int]:
    """The columns kept so the table fits :data:`_BUDGET`: the least wanted out first.

    Never the id, the label or a column marked ``needed`` (the answer wanted, such as ``combat``).
    A column left out makes room that a narrower, less wanted one left out before it may fill.
    """
    widths = [
        _estimate(column, [row[at] for row in rows], [marked[at] for marked in marks_of])
        for at, column in enumerate(chosen)
    ]
    kept = sorted(range(len(chosen)), key=lambda at: chosen[at].rank)
    label = next((at for at in kept if chosen[at].kind == "text"), None)
    left_out: list[int] = []
    while sum(widths[at] for at in kept) + cited_px > _BUDGET:
        dropped = next((at for at in reversed(kept) if at not in {0, label} and not chosen[at].needed), None)
        if dropped is None:
            break
        kept.remove(dropped)
        left_out.append(dropped)
    for at in reversed(left_out):  # the most wanted first
        if sum(widths[kept_at] for kept_at in kept) + widths[at] + cited_px <= _BUDGET:
            kept.append(at)
    return sorted(kept)


ROOM_HINT: Final = "(.to_frame() shows every column; print() of these records shows more, as text)"
"""What the line naming the columns a Jupyter table leaves out for want of room says after them."""


def records_html(records: Sequence[AnyRecord], *, data: Dataset | None = None) -> str:
    """Query results as a compact table: the columns of :func:`~usnz.faces.columns.table`, then where each is cited.

    Shows the first :data:`MAX_ROWS` records and counts the rest. A ``cited`` cell names the
    paragraphs and a short source name (``¶6, ¶8 — encyclopedia``); its tooltip has the
    source ids and notes in full, and a record's own display has the quotes. A dispute's mark
    has its group's number in *data*'s ``disputes()`` (the packaged dataset's by default).

    >>> import usnz
    >>> html = records_html(usnz.agreements(kind="treaty"))
    >>> '>anzus</td>' in html
    True
    """
    count = len(records)
    kinds = sorted({r.record_kind for r in records})
    caption = f"{count} record{'s' if count != 1 else ''}" + (f": {', '.join(kinds)}" if kinds else "")
    shown = records[:MAX_ROWS]
    every, all_rows = table(shown)
    all_marks, legend = table_marks(shown, every, data)
    # a dispute's mark (≠2) says what its legend line says: which list numbers it, if any
    meanings = {line.split(" ", 1)[0]: line for line in legend if line.startswith(marks.DISPUTED)}
    sources = sorted({c.source for r in shown for c in getattr(r, "citations", ())})
    short = short_names(sources)
    counts = Counter(c.source for r in shown for c in getattr(r, "citations", ()))
    if counts:  # the source cited most: named once, under the table; the others in their cells
        most = min(counts, key=lambda source: (-counts[source], source))
        short[most] = ""
        others = " unless another source is named" if len(counts) > 1 else ""
        legend = [*legend, f"cited: paragraphs of {most}{others}"]
    citations = [cited(getattr(record, "citations", ()), short) for record in shown]
    cited_px = max((len(part) for text in [*citations, "cited"] for part in text.split("; ")), default=0) * _CHAR + _PAD
    kept = _fitting(every, all_rows, all_marks, cited_px)
    legend = shown_legend(legend, all_marks, kept, every)  # a mark's line only when a column shown carries it
    legend = [*legend, *table_notes(shown, every, all_rows, kept)]
    chosen = [every[at] for at in kept]
    left_out = [every[at].name for at in range(len(every)) if at not in kept]
    if left_out:
        legend = [
            *legend,
            f"Not shown for want of room: {', '.join(left_out)} {ROOM_HINT}",
        ]
    head = "".join(_cell("th", escape(c.name), c.kind, c.description) for c in chosen)
    head += _cell("th", "cited", "cited", "The source paragraphs that state the record's facts")
    body = [
        "<tr>"
        + "".join(
            _cell(
                "td",
                _content(row[at], every[at], mark, _meaning(record, every[at], mark, meanings)),
                _kind(row[at], every[at]),
            )
            for at, mark in ((at, marked[at]) for at in kept)
        )
        + _cell(
            "td",
            "<br>".join(escape(part) for part in where.split("; ")),  # a source a line, each whole
            "cited",
            clean("\n".join(str(c) for c in getattr(record, "citations", ()))),
        )
        + "</tr>"
        for record, row, marked, where in zip(shown, all_rows, all_marks, citations, strict=True)
    ]
    if count > MAX_ROWS:
        more = f"… and {count - MAX_ROWS} more; .to_frame() or list() gives them all"
        body.append(f'<tr><td colspan="{len(chosen) + 1}" style="{STYLES["text"]}">{more}</td></tr>')
    return (
        f'{_SCROLL}<table class="usnz-table usnz-records" {_TABLE}><caption {_CAPTION}>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{legend_html(legend)}</div>"
    )


def _meaning(record: AnyRecord, column: Shown, mark: str, meanings: dict[str, str]) -> str:
    """A cell's mark's tooltip: a dispute's legend line; the record a figure is counted within; else ``""``."""
    if mark == marks.COUNTED:
        return f"counted within {marks.counted_within(record, column.name)}'s figure"
    return meanings.get(mark, "")


def _kind(text: str, column: Shown) -> str:
    """A cell's style: a period's may break after its ``/``."""
    if column.kind == "number" and " " in text:
        return "figure"
    if column.kind == "value" and " " in text and "/" not in text:
        return "words"
    return "period" if column.kind == "value" and "/" in text else column.kind


def _content(text: str, column: Shown, mark: str, meaning: str = "") -> str:
    """A cell's markup: text cut at a word; a value broken only after a ``/``; then its mark (*meaning*: its tip)."""
    if column.kind == "number" and " " in text:  # a figure with words (about 500-1,000 fighters) breaks at a space
        words = " ".join(f'<span style="white-space:nowrap">{escape(clean(word))}</span>' for word in text.split(" "))
        return words + mark_html(mark, meaning, wraps=True)
    if column.kind == "value" and " " in text and "/" not in text:  # not stated: a word a line, when room is short
        words = " ".join(f'<span style="white-space:nowrap">{escape(clean(word))}</span>' for word in text.split(" "))
        return words + mark_html(mark, meaning, wraps=True)
    if column.kind == "value" and "/" in text:
        parts = [escape(clean(part)) for part in text.split("/")]
        joined = "/<wbr>".join(f'<span style="white-space:nowrap">{part}</span>' for part in parts)
        return joined + mark_html(mark, meaning, wraps=True)
    return _text(text, column) + mark_html(mark, meaning, wraps=column.kind == "text")


def _text(text: str, column: Shown) -> str:
    return escape(clean(fit(text, _LABEL_WIDTH) if column.kind == "text" else text))


def disputes_html(groups: Sequence[Sequence[AnyRecord]], *, data: Dataset | None = None) -> str:
    """The disputes as Jupyter shows them: a small table a group, headed by what differs.

    Each group has its number in *data*'s ``disputes()`` (the packaged dataset's by default).

    >>> import usnz
    >>> html = disputes_html(usnz.disputes())
    >>> "combat: nz-gulf-war-1991 says no (support only)" in html
    True
    """
    from usnz.faces.text import dispute_parts, group_numbers  # noqa: PLC0415 - what both faces say of a dispute

    count = len(groups)
    parts = [f'<p style="text-align:left"><strong>{count} dispute{"s" if count != 1 else ""}</strong></p>']
    for number, group in zip(group_numbers(groups, data), groups, strict=True):
        heading, sides = dispute_parts(group)
        rows = "".join(
            "<tr>"
            + _cell("td", f'<code style="white-space:nowrap">{escape(clean(record.id))}</code>', "id")
            + _cell("td", escape(record.record_kind), "value")
            + _cell(
                "td",
                "<br>".join(escape(part) for part in where.split("; ")),  # a source a line, each whole
                "cited",
                clean("\n".join(str(c) for c in getattr(record, "citations", ()))),
            )
            + _cell(
                "td",
                escape(clean(fit(record.label, _LABEL_WIDTH)))
                + (f"<br><small>{escape(clean(doubt))}</small>" if doubt else ""),
                "prose",
            )
            + "</tr>"
            for record, where, doubt in sides
        )
        caption = f"<caption {_CAPTION}><strong>{marks.DISPUTED}{number}</strong> {escape(clean(heading))}</caption>"
        parts.append(f'<table class="usnz-table usnz-dispute" {_TABLE}>{caption}<tbody>{rows}</tbody></table>')
    return f"{_SCROLL}{''.join(parts)}</div>"


def doubts_html(found: Doubts) -> str:
    """The doubts as Jupyter shows them: a table of each doubt once, with the records that carry it.

    Shows the first :data:`MAX_ROWS` doubts and counts the rest.

    >>> import usnz
    >>> html = doubts_html(usnz.doubts(kind="garbled", paragraph=19))
    >>> html.count("they were integrated") < len(usnz.doubts(kind="garbled", paragraph=19))
    True
    """
    carried = doubt_entries(found)
    head = (
        _cell("th", "records", "id", "The records that carry the doubt")
        + _cell("th", "kind", "value", "contradiction, vague, garbled, typo, reading or outside")
        + _cell("th", "where", "cited", "The source and paragraphs the doubt lies in")
        + _cell("th", "doubt", "prose", "What the text says and leaves open, and the reading taken")
    )
    body = [
        "<tr>"
        + _cell("td", "<br>".join(f"<code>{escape(clean(i))}</code>" for i in records), "id")
        + _cell("td", escape(doubt.kind), "value")
        + _cell("td", "<br>".join(escape(clean(part)) for part in doubt.where.split(" ", 1)), "cited")
        + _cell(
            "td",
            escape(clean(doubt.text))
            + (f"<br><small>concerns: {escape(clean(', '.join(concerns)))}</small>" if concerns else ""),
            "prose",
        )
        + "</tr>"
        for doubt, records, concerns in carried[:MAX_ROWS]
    ]
    if len(carried) > MAX_ROWS:
        more = f"… and {len(carried) - MAX_ROWS} more; print() or .by_doubt() gives them all"
        body.append(f'<tr><td colspan="4" style="{STYLES["text"]}">{more}</td></tr>')
    caption = escape(doubts_count(found))
    return (
        f'{_SCROLL}<table class="usnz-table usnz-doubts" {_TABLE}><caption {_CAPTION}>{caption}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )
