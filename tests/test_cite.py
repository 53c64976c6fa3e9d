"""usnz.cite(): usnz, its source texts and its crosswalk data, as plain text and BibTeX."""

from __future__ import annotations

import json
import re
from importlib.metadata import metadata, version
from pathlib import Path
from typing import TYPE_CHECKING

import bibtexparser
import jsonschema
import pytest
import yaml
from bibtexparser.middlewares import LatexDecodingMiddleware

import usnz
from usnz.cli import main
from usnz.faces import cite as _cite

if TYPE_CHECKING:
    from bibtexparser.model import Entry


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
    monkeypatch.setattr(_cite, "_sources", lambda _data: (source,))
    entry = _entries(usnz.cite("bibtex"))["year-only"]
    assert r"title = {Costs \& 100\% of \#1\_items \{braces\} \textasciitilde{}tilde}," in entry
    assert "year = {1999}," in entry
    assert "month" not in entry
    assert "date approximate" not in entry
    assert '"Costs & 100% of #1_items {braces} ~tilde". News article, publisher: A press, 1999.' in usnz.cite()


def parse(bibtex: str, *, decode: bool = False) -> bibtexparser.Library:
    """The entries as a BibTeX parser reads them; with *decode*, LaTeX turned back into text."""
    library = bibtexparser.parse_string(bibtex, append_middleware=[LatexDecodingMiddleware()] if decode else [])
    assert not library.failed_blocks
    return library


def fields(entry: Entry) -> dict[str, str]:
    return {field.key: field.value for field in entry.fields}


def test_bibtex_round_trips_through_a_parser() -> None:
    text = usnz.cite("bibtex")
    library = parse(text)
    assert [(e.entry_type, e.key) for e in library.entries] == [
        ("misc", "usnz"),
        *(("misc", s.id) for s in usnz.sources()),
        ("misc", "cow-states-2016"),
        ("book", "sarkees-wayman-2010"),
        ("article", "miller-2022-peacesciencer"),
    ]
    usnz_entry = fields(library.entries[0])
    assert usnz_entry["author"] == "{usnz maintainers}"  # one corporate author, not "maintainers, usnz"
    assert usnz_entry["title"] == "usnz: the facts of New Zealand--United States relations as typed, cited records"
    assert usnz_entry["note"] == (
        f"Python package version {version('usnz')}, data version {usnz.DATA_VERSION}; code MIT, data CC BY 4.0"
    )
    decoded = parse(text, decode=True)
    assert fields(decoded.entries[0])["title"] == _cite._TITLE
    for entry, source in zip(decoded.entries[1:], usnz.sources(), strict=False):
        assert fields(entry)["title"] == source.title
        assert fields(entry)["note"].startswith(f"SHA-256 {source.sha256}")
    assert fields(decoded.entries[-2])["title"] == "Resort to War: 1816–2007"


def test_special_characters_survive_a_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    title = "Costs & 100% of $5 #1_items {braces} ~tilde, a\\b – c — d"
    source = usnz.Source(
        id="specials",
        title=title,
        publisher="Smith & Sons {Ltd}",
        kind="news-article",
        sha256="0" * 64,
        paragraphs=1,
        filename="x.txt",
    )
    monkeypatch.setattr(_cite, "_sources", lambda _data: (source,))
    (entry,) = (e for e in parse(usnz.cite("bibtex"), decode=True).entries if e.key == "specials")
    assert fields(entry)["title"] == title
    assert fields(entry)["howpublished"] == "news article; publisher: Smith & Sons {Ltd}"
    raw = fields(next(e for e in parse(usnz.cite("bibtex")).entries if e.key == "specials"))
    assert raw["title"] == (
        r"Costs \& 100\% of \$5 \#1\_items \{braces\} \textasciitilde{}tilde, a\textbackslash{}b -- c --- d"
    )
    assert _cite._bib("x^2") == r"x\textasciicircum{}2"


def test_bad_format() -> None:
    with pytest.raises(usnz.ArgumentValueError, match="format='apa' is not accepted; accepted: text, bibtex"):
        usnz.cite("apa")  # type: ignore[arg-type]


ROOT = Path(__file__).resolve().parent.parent
CFF_SCHEMA = json.loads((Path(__file__).parent / "profiles" / "cff-1.2.0.schema.json").read_text(encoding="utf-8"))


def test_citation_cff_is_valid_and_in_step() -> None:
    path = ROOT / "CITATION.cff"
    if not path.is_file():
        pytest.skip("not running from a source checkout")
    cff = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(CFF_SCHEMA, format_checker=jsonschema.FormatChecker()).validate(cff)
    assert {"cff-version", "message", "title", "authors", "version", "license"} <= cff.keys()
    assert cff["cff-version"] == "1.2.0"
    assert cff["type"] == "software"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'\nversion = "{cff["version"]}"\n' in pyproject
    assert cff["version"] == version("usnz")
    installed = metadata("usnz")
    assert " AND ".join(cff["license"]) == installed["License-Expression"]
    assert sorted(cff["keywords"]) == sorted(installed["Keywords"].split(","))
    assert [author["name"] for author in cff["authors"]] == [installed["Author"]]
    assert cff["title"] == _cite._TITLE


def test_the_cff_schema_catches_a_bad_file() -> None:
    validator = jsonschema.Draft7Validator(CFF_SCHEMA, format_checker=jsonschema.FormatChecker())
    good = {"cff-version": "1.2.0", "message": "Cite it.", "title": "t", "authors": [{"name": "a"}]}
    assert validator.is_valid(good)
    assert not validator.is_valid({k: v for k, v in good.items() if k != "authors"})
    assert not validator.is_valid({**good, "license": "MIT AND CC-BY-4.0"})


def test_cli_cite(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite"]) == 0
    assert capsys.readouterr().out == usnz.cite()
    assert main(["cite", "--format", "bibtex"]) == 0
    assert capsys.readouterr().out == usnz.cite("bibtex")
    assert main(["cite", "--format", "apa"]) == 2
    assert "invalid choice: 'apa'" in capsys.readouterr().err


def test_cite_lists_the_sources_of_the_dataset_it_is_given(tmp_path: Path) -> None:
    first, *others = usnz.sources()
    (tmp_path / "sources.json").write_text(json.dumps([usnz.converter.unstructure(first)]), encoding="utf-8")
    mine = usnz.load(tmp_path)
    text = usnz.cite(data=mine)
    assert f'- "{first.title}"' in text
    assert not [s.id for s in others if f'"{s.title}"' in text]
    assert f"@misc{{{first.id}," in usnz.cite("bibtex", data=mine)
    assert usnz.cite(data=usnz.dataset()) == usnz.cite()
    with pytest.raises(usnz.ArgumentTypeError, match=r"data= takes a usnz\.Dataset"):
        usnz.cite(data=[first])  # type: ignore[arg-type]
