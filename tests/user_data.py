"""A source record a user's own data files can cite, shared by the tests that write such files."""

from __future__ import annotations

from typing import Any

SOURCE: dict[str, Any] = {
    "id": "my-notes",
    "title": "My notes",
    "publisher": "Me",
    "kind": "news-article",
    "sha256": "0" * 64,
    "paragraphs": 3,
    "filename": "notes.txt",
}
"""The one source of a user's test data: three paragraphs of notes (``my-notes``)."""
