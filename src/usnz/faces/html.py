"""Records as HTML: what Jupyter shows for a record and for query results.

Every piece of text is HTML-escaped; the only markup is our own.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Final

from usnz.faces.text import field_values, fit, value_text, when_text
from usnz.model.values import Citation

if TYPE_CHECKING:
    from usnz.model.records import AnyRecord

__all__ = ["MAX_ROWS", "record_html", "records_html"]

MAX_ROWS: Final = 50
"""Most rows a results table shows; the rest are counted in its last row."""
_LABEL_WIDTH: Final = 120
_STYLE: Final = (
    "<style>.usnz-table th, .usnz-table td {text-align: left; vertical-align: top}"
    " .usnz-table caption {text-align: left}</style>"
)


def _citation(citation: Citation) -> str:
    """A citation, with its quote folded away (open it to read the words that state the fact)."""
    head = escape(value_text(citation))
    if citation.quote is None:
        return head
    quote = f"<blockquote>{escape(citation.quote)}</blockquote>"
    return f'<details class="usnz-quote"><summary>{head}</summary>{quote}</details>'


def _cell(value: object) -> str:
    """A field's value: several values one per line, each escaped; citations with their quotes."""
    if isinstance(value, tuple) and value and all(isinstance(item, Citation) for item in value):  # pyright: ignore[reportUnknownVariableType]
        return "".join(_citation(item) for item in value)  # pyright: ignore[reportUnknownArgumentType, reportUnknownVariableType]
    if isinstance(value, tuple):
        items: tuple[object, ...] = value  # pyright: ignore[reportUnknownVariableType]
        return "<br>".join(escape(value_text(item)) for item in items)
    return escape(value_text(value))


def record_html(record: AnyRecord) -> str:
    """One record as a two-column table of its fields (own facts first, provenance last).

    >>> import usnz
    >>> print(record_html(usnz.get("anzus"))[:300])
    <style>...</style><table class="usnz-table usnz-record"><caption><strong>Australia, New Zealand, ...
    """
    rows = "".join(f"<tr><th>{escape(name)}</th><td>{_cell(value)}</td></tr>" for name, value in field_values(record))
    caption = (
        f"<caption><strong>{escape(record.label)}</strong> "
        f"<code>{escape(record.id)}</code> ({escape(record.record_kind)})</caption>"
    )
    return f'{_STYLE}<table class="usnz-table usnz-record">{caption}<tbody>{rows}</tbody></table>'


def _cited(record: AnyRecord) -> str:
    citations = getattr(record, "citations", ())
    return "; ".join(f"{c.source} ¶{c.paragraph}" for c in citations)


def records_html(records: Sequence[AnyRecord]) -> str:
    """Query results as a compact table: id, kind, date, what it is about, where it is cited.

    Shows the first :data:`MAX_ROWS` records and counts the rest.

    >>> import usnz
    >>> html = records_html(usnz.agreements(kind="treaty"))
    >>> "<td>anzus</td>" in html
    True
    """
    count = len(records)
    kinds = sorted({r.record_kind for r in records})
    caption = f"{count} record{'s' if count != 1 else ''}" + (f": {', '.join(kinds)}" if kinds else "")
    head = "".join(f"<th>{name}</th>" for name in ("id", "kind", "date", "about", "cited"))
    rows = [
        f"<tr><td>{escape(r.id)}</td><td>{escape(r.record_kind)}</td><td>{escape(when_text(r))}</td>"
        f"<td>{escape(fit(r.label, _LABEL_WIDTH))}</td><td>{escape(_cited(r))}</td></tr>"
        for r in records[:MAX_ROWS]
    ]
    if count > MAX_ROWS:
        more = count - MAX_ROWS
        rows.append(f'<tr><td colspan="5">… and {more} more; .to_frame() or list() gives them all</td></tr>')
    return (
        f'{_STYLE}<table class="usnz-table usnz-records"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
