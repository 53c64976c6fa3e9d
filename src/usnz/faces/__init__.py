"""The faces: records as text and HTML, frames' columns, citing, verifying quotes.

Internal: import from ``usnz`` itself; these modules may change. :func:`install` connects the
model to these faces through :mod:`usnz.model.hooks`.
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

__all__ = ["install"]


def install() -> None:
    """Register the faces the model and the queries show records with (as text, as HTML).

    Each face's module is imported when that face is first used: printing a record does not
    build the HTML face, nor the table columns of every kind.
    """
    from usnz.model import hooks  # noqa: PLC0415

    hooks.register("text", _on_first_use("usnz.faces.text", "show_text"))
    hooks.register("table", _on_first_use("usnz.faces.text", "table_text"))
    hooks.register("html", _on_first_use("usnz.faces.html", "record_html"))
    hooks.register("records-html", _on_first_use("usnz.faces.html", "records_html"))
    hooks.register("disputes", _on_first_use("usnz.faces.text", "disputes_text"))
    hooks.register("disputes-html", _on_first_use("usnz.faces.html", "disputes_html"))
    hooks.register("doubts", _on_first_use("usnz.faces.text", "doubts_text"))
    hooks.register("doubts-html", _on_first_use("usnz.faces.html", "doubts_html"))


def _on_first_use(module: str, name: str) -> Callable[..., Any]:
    """A function that imports *module* when first called, then calls its function *name*."""

    def face(*args: Any, **kwargs: Any) -> Any:
        return getattr(import_module(module), name)(*args, **kwargs)

    face.__qualname__ = face.__name__ = name
    return face
