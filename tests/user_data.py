"""Small pieces of user data the tests load: a source of the user's own, as its JSON record."""

from __future__ import annotations


def a_source(id_: str = "my-notes", **fields: object) -> dict[str, object]:
    """A source record (news article of 3 paragraphs, ``notes.txt``) as JSON; *fields* override or add."""
    return {
        "id": id_,
        "title": "My notes",
        "publisher": "Me",
        "kind": "news-article",
        "sha256": "a" * 64,
        "paragraphs": 3,
        "filename": "notes.txt",
        **fields,
    }


def edge_source() -> dict[str, object]:
    """The one-paragraph source ``s`` that the tests of dates at the calendar's edges cite."""
    return a_source("s", title="T", publisher="P", sha256="0" * 64, paragraphs=1, filename="s.txt")


SOURCE = a_source(sha256="0" * 64)
"""The source the tests of a user's own files cite (``my-notes``), as those tests wrote it each."""
