"""Records as HTML: what Jupyter shows for a record and for query results.

Every piece of text is HTML-escaped; the only markup is our own. The styles are written on
each element (``style=``), so a host's stylesheet cannot override them: JupyterLab's
``.jp-RenderedHTMLCommon td {text-align: right}`` is more specific than any rule of ours.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Any, Final

from usnz.faces.columns import Shown, table
from usnz.faces.text import field_values, fit, value_text
from usnz.model.facts import facts
from usnz.model.values import Citation

if TYPE_CHECKING:
    from usnz.model.records import AnyRecord

__all__ = ["MAX_ROWS", "STYLES", "cited", "record_html", "records_html"]

MAX_ROWS: Final = 50
"""Most rows a results table shows; the rest are counted in its last row."""
_LABEL_WIDTH: Final = 120
_CELL: Final = "text-align:left;vertical-align:top;padding:0.25em 0.5em"
STYLES: Final = {
    "id": f"{_CELL};white-space:nowrap",
    "value": f"{_CELL};white-space:nowrap",
    "text": f"{_CELL};white-space:normal;min-width:10em",
    "cited": f"{_CELL};white-space:normal",
}
"""The inline style of a cell, by the kind of its column (:attr:`usnz.faces.columns.Shown.kind`,
or ``cited``): ids and values never wrap (an id is copied whole), text does."""
_TABLE: Final = 'style="border-collapse:collapse;margin-left:0;margin-right:auto"'
_SCROLL: Final = '<div class="usnz" style="overflow-x:auto;max-width:100%">'
"""Around each table: a table wider than the page scrolls instead of being cut off."""
_CAPTION: Final = 'style="text-align:left;caption-side:top;padding:0.25em 0"'


def _citation(citation: Citation) -> str:
    """A citation, with its quote folded away (open it to read the words that state the fact)."""
    head = escape(value_text(citation))
    if citation.quote is None:
        return head
    quote = f"<blockquote>{escape(citation.quote)}</blockquote>"
    return f'<details class="usnz-quote"><summary>{head}</summary>{quote}</details>'


def _field(value: object) -> str:
    """A field's value: several values one per line, each escaped; citations with their quotes."""
    if isinstance(value, tuple) and value and all(isinstance(item, Citation) for item in value):  # pyright: ignore[reportUnknownVariableType]
        return "".join(_citation(item) for item in value)  # pyright: ignore[reportUnknownArgumentType, reportUnknownVariableType]
    if isinstance(value, tuple):
        items: tuple[object, ...] = value  # pyright: ignore[reportUnknownVariableType]
        return "<br>".join(escape(value_text(item)) for item in items)
    return escape(value_text(value))


def _cell(tag: str, content: str, kind: str, title: str = "") -> str:
    """One ``<td>`` or ``<th>`` with its inline style (and a tooltip, when *title* is given)."""
    tip = f' title="{escape(title)}"' if title else ""
    return f'<{tag} style="{STYLES[kind]}"{tip}>{content}</{tag}>'


def record_html(record: AnyRecord) -> str:
    """One record as a two-column table of its fields (own facts first, provenance last).

    >>> import usnz
    >>> html = record_html(usnz.get("anzus"))
    >>> print(html[html.index("<caption"):][:160])
    <caption style="..."><strong>Australia, New Zealand, United States Security Treaty</strong> ...
    """
    kind: Any = type(record)
    refers = {name for name, declared in facts(kind) if declared.refers}
    rows = "".join(
        f"<tr>{_cell('th', escape(name), 'value')}{_cell('td', _field(value), 'id' if name in refers else 'text')}</tr>"
        for name, value in field_values(record)
    )
    caption = (
        f"<caption {_CAPTION}><strong>{escape(record.label)}</strong> "
        f'<code style="white-space:nowrap">{escape(record.id)}</code> ({escape(record.record_kind)})</caption>'
    )
    return f'{_SCROLL}<table class="usnz-table usnz-record" {_TABLE}>{caption}<tbody>{rows}</tbody></table></div>'


def _short_names(sources: Sequence[str]) -> dict[str, str]:
    """Each source id's first words, as few as tell it from the others (``encyclopedia``)."""

    def short(source: str) -> str:
        words = source.split("-")
        unique = (n for n in range(1, len(words)) if all(o.split("-")[:n] != words[:n] for o in sources if o != source))
        return "-".join(words[: next(unique, len(words))])

    return {source: short(source) for source in sources}


def cited(citations: Sequence[Citation], short: dict[str, str] | None = None) -> str:
    """Citations in a few characters: each source's paragraphs, then its short name.

    >>> import usnz
    >>> cited(usnz.get("anzus").citations)
    '¶6, ¶7, ¶17, ¶36 — encyclopedia'
    """
    by_source: dict[str, set[int]] = {}
    for citation in citations:
        by_source.setdefault(citation.source, set()).add(citation.paragraph)
    names = short if short is not None else _short_names(list(by_source))
    return "; ".join(
        f"{', '.join(f'¶{n}' for n in sorted(paragraphs))} — {names[source]}"
        for source, paragraphs in by_source.items()
    )


def records_html(records: Sequence[AnyRecord]) -> str:
    """Query results as a compact table: the columns of :func:`~usnz.faces.columns.table`, then where each is cited.

    Shows the first :data:`MAX_ROWS` records and counts the rest. A ``cited`` cell names the
    paragraphs and a short source name (``¶6, ¶8 — encyclopedia``); its tooltip has the
    source ids and notes in full, and a record's own display has the quotes.

    >>> import usnz
    >>> html = records_html(usnz.agreements(kind="treaty"))
    >>> '>anzus</td>' in html
    True
    """
    count = len(records)
    kinds = sorted({r.record_kind for r in records})
    caption = f"{count} record{'s' if count != 1 else ''}" + (f": {', '.join(kinds)}" if kinds else "")
    chosen, rows = table(records)
    sources = sorted({c.source for r in records for c in getattr(r, "citations", ())})
    short = _short_names(sources)
    head = "".join(_cell("th", escape(c.name), c.kind, c.description) for c in chosen)
    head += _cell("th", "cited", "cited", "The source paragraphs that state the record's facts")
    body = [
        "<tr>"
        + "".join(_cell("td", _text(text, column), column.kind) for text, column in zip(row, chosen, strict=True))
        + _cited_cell(record, short)
        + "</tr>"
        for record, row in zip(records[:MAX_ROWS], rows, strict=False)
    ]
    if count > MAX_ROWS:
        more = f"… and {count - MAX_ROWS} more; .to_frame() or list() gives them all"
        body.append(f'<tr><td colspan="{len(chosen) + 1}" style="{STYLES["text"]}">{more}</td></tr>')
    return (
        f'{_SCROLL}<table class="usnz-table usnz-records" {_TABLE}><caption {_CAPTION}>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def _text(text: str, column: Shown) -> str:
    return escape(fit(text, _LABEL_WIDTH) if column.kind == "text" else text)


def _cited_cell(record: AnyRecord, short: dict[str, str]) -> str:
    citations: tuple[Citation, ...] = getattr(record, "citations", ())
    return _cell("td", escape(cited(citations, short)), "cited", "\n".join(str(c) for c in citations))
