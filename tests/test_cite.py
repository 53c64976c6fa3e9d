"""usnz.cite(): usnz, its source texts and its crosswalk data, as plain text and BibTeX."""

from __future__ import annotations

import re
from importlib.metadata import version

import pytest

import usnz
from usnz.faces import cite as _cite


def test_plain_text() -> None:
    text = usnz.cite()
    assert text == usnz.cite("text")
    first = text.splitlines()[0]
    year = usnz.DATA_VERSION.split(".")[0]
    assert first.startswith(f"usnz maintainers. {year}. usnz: the facts of New Zealand–United States relations")
    assert f"version {version('usnz')}" in first
    assert f"data version {usnz.DATA_VERSION}" in first
    assert "CC BY 4.0" in first
    for source in usnz.sources():
        line = next(line for line in text.splitlines() if line.startswith(f'- "{source.title}"'))
        assert source.sha256 in line
        assert source.publisher in line
    assert "Correlates of War" in text
    assert "peacesciencer" in text


def _entries(bibtex: str) -> dict[str, str]:
    """Each entry by its key; every entry's braces balance."""
    entries: dict[str, str] = {}
    for chunk in bibtex.strip().split("\n\n"):
        match = re.match(r"@(\w+)\{([^,]+),\n", chunk)
        assert match is not None, chunk
        assert chunk.count("{") == chunk.count("}"), chunk
        assert chunk.endswith("\n}")
        entries[match[2]] = chunk
    return entries


def test_bibtex() -> None:
    entries = _entries(usnz.cite("bibtex"))
    assert next(iter(entries)) == "usnz"
    assert f"data version {usnz.DATA_VERSION}" in entries["usnz"]
    assert "New Zealand--United States" in entries["usnz"]
    for source in usnz.sources():
        entry = entries[source.id]
        assert source.sha256 in entry
        if source.date is not None:
            assert f"year = {{{source.date.year}}}" in entry
        else:
            assert "year =" not in entry
    news = entries["nzpa-key-leaves-us"]
    assert "month = apr," in news
    assert "date approximate" in news
    assert {"cow-states-2016", "sarkees-wayman-2010", "miller-2022-peacesciencer"} <= entries.keys()


def test_a_source_dated_to_the_year(monkeypatch: pytest.MonkeyPatch) -> None:
    source = usnz.Source(
        id="year-only",
        title="Costs & 100% of #1_items {braces} ~tilde",
        publisher="A press",
        kind="news-article",
        sha256="0" * 64,
        paragraphs=1,
        filename="x.txt",
        date=usnz.PartialDate(year=1999),
        date_basis="stated",
    )
    monkeypatch.setattr(_cite, "_sources", lambda: (source,))
    entry = _entries(usnz.cite("bibtex"))["year-only"]
    assert r"title = {Costs \& 100\% of \#1\_items \{braces\} \textasciitilde{}tilde}," in entry
    assert "year = {1999}," in entry
    assert "month" not in entry
    assert "date approximate" not in entry
    assert '"Costs & 100% of #1_items {braces} ~tilde". News article, publisher: A press, 1999.' in usnz.cite()


def test_bad_format() -> None:
    with pytest.raises(usnz.ArgumentValueError, match="format='apa' is not accepted; accepted: text, bibtex"):
        usnz.cite("apa")  # type: ignore[arg-type]
