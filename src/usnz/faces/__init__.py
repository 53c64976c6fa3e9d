"""The faces: records as text and HTML, frames' columns, citing, verifying quotes.

Internal: import from ``usnz`` itself; these modules may change. :func:`install` connects the
model to these faces through :mod:`usnz.model.hooks`.
"""

from __future__ import annotations

__all__ = ["install"]


def install() -> None:
    """Register the faces the model and the queries show records with (as text, as HTML)."""
    from usnz.faces.html import record_html, records_html  # noqa: PLC0415 - only when a record is shown
    from usnz.faces.text import show_text, table_text  # noqa: PLC0415
    from usnz.model import hooks  # noqa: PLC0415

    hooks.register("text", show_text)
    hooks.register("table", table_text)
    hooks.register("html", record_html)
    hooks.register("records-html", records_html)
