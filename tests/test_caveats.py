"""Every caveat a record carries shows in what a person sees: at 80 columns, in Jupyter and in the CLI."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

import usnz
from usnz.cli import main
from usnz.faces.text import table_text

_ALONE = re.compile(r"(?:^|  )(?:[*†]|≠\d+)(?:  |$)")
"""A mark with no text before it on its line: wrapped away from its cell."""


def _body(text: str) -> list[str]:
    """The lines of a table above its count (the legend's lines may start with a mark)."""
    lines = text.splitlines()
    return lines[: next(at for at, line in enumerate(lines) if re.fullmatch(r"\(\d+ records?\)", line))]


def _tables() -> list[tuple[str, Callable[[], usnz.Records[usnz.Record]]]]:
    found: list[tuple[str, Callable[[], usnz.Records[usnz.Record]]]] = [
        (name, lambda name=name: getattr(usnz, name)()) for name in usnz.KINDS
    ]
    found.append(("timeline", usnz.timeline))
    found.append(("quotes[:5]", lambda: usnz.quotes()[:5]))
    return found


@pytest.mark.parametrize("width", [60, 80, 100, 120])
@pytest.mark.parametrize(("name", "records"), _tables(), ids=[name for name, _ in _tables()])
def test_no_mark_wraps_onto_a_line_of_its_own(
    name: str, records: Callable[[], usnz.Records[usnz.Record]], width: int
) -> None:
    alone = [line for line in _body(table_text(records(), width=width)) if _ALONE.search(line)]
    assert not alone, (name, alone)


def test_the_schwab_quote_s_date_keeps_its_mark_on_its_line() -> None:
    lines = table_text(usnz.quotes()[:5], width=80).splitlines()
    (row,) = [line for line in lines if line.startswith("schwab-vitally-important-region")]
    assert "2008-02-04 *" in row
    assert "susan-schwab *" in row


def test_a_quote_table_keeps_date_and_speaker_at_80_columns(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["list", "quotes"]) == 0
    text = capsys.readouterr().out
    assert "Not shown" not in text
    quotes = usnz.quotes()
    assert len(quotes) == 21
    for shown in (text, table_text(quotes, width=80), table_text(quotes[:5], width=80)):
        header = shown.splitlines()[0].split()
        assert {"id", "date", "speaker", "text"} <= set(header)
        assert max(len(line) for line in shown.splitlines()) <= 80
    for quote in quotes:
        (row,) = [line for line in text.splitlines() if line.startswith(quote.id + " ")]
        assert quote.speaker in row.split(), row
        assert str(quote.date) in row.split(), row
        marks = {"*", "†"} & set(row.split())
        assert bool(marks) == (quote.date_basis in {"inferred", "external"} or usnz.faces.marks.speaker_read(quote))
        text_start = " ".join(quote.text.split()[:2])
        assert text_start in text


def test_a_quote_table_in_jupyter_keeps_date_and_speaker() -> None:
    for records in (usnz.quotes(), usnz.quotes()[:5]):
        html = records._repr_html_()
        headings = re.findall(r"<th[^>]*>([^<]*)</th>", html)
        assert headings[:4] == ["id", "date", "speaker", "text"]
        assert "Not shown" not in html
        assert '>susan-schwab <span class="usnz-mark"' in html


@pytest.mark.parametrize("name", list(usnz.KINDS))
def test_a_mark_in_jupyter_never_wraps_onto_a_line_of_its_own(name: str) -> None:
    """Where a cell may wrap (text, a period, a figure in words, a record's field), a no-break space holds its mark."""
    records: usnz.Records[usnz.Record] = getattr(usnz, name)()
    html = records._repr_html_() + "".join(record._repr_html_() for record in records)
    for cell in re.findall(r'<td data-kind="([^"]*)" style="([^"]*)"[^>]*>(.*?)</td>', html):
        _, style, content = cell
        if "usnz-mark" in content and "white-space:nowrap" not in style:
            assert content.count('&nbsp;<span class="usnz-mark"') == content.count('<span class="usnz-mark"'), cell
