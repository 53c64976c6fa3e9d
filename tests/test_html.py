"""Rich display: HTML tables in Jupyter (escaped), readable text at the terminal."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

import usnz
from usnz.cli import main
from usnz.faces.html import MAX_ROWS

MARKUP = "<script>alert('x')</script> & <b>bold</b>"


class _Table(HTMLParser):
    """Collects the tags and the text of each cell."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        if tag in {"td", "th"}:
            self._cell = []
        if tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def parse(html: str) -> _Table:
    table = _Table()
    table.feed(html)
    table.close()
    return table


@pytest.fixture
def marked_up() -> usnz.Event:
    return usnz.Event(
        id="markup-test",
        kind="statement",
        title=MARKUP,
        summary=f"Summary with {MARKUP}",
        date=usnz.PartialDate.parse("2008-07"),
        date_basis="stated",
        participants=("condoleezza-rice",),
        citations=(usnz.Citation(source="nzpa-key-leaves-us", paragraph=2, note="<i>note</i>"),),
    )


def test_a_record_is_a_table_of_its_fields() -> None:
    anzus = usnz.get("anzus")
    table = parse(anzus._repr_html_())
    assert "script" not in table.tags
    fields = {row[0]: row[1] for row in table.rows}
    assert fields["signed"] == "1951"
    assert fields["parties"] == "AUS\nNZL\nUSA"
    assert fields["citations"].startswith(str(anzus.citations[0]))
    assert anzus.citations[0].quote in fields["citations"]
    names = [row[0] for row in table.rows]
    assert names.index("name") < names.index("signed") < names.index("citations")
    assert "id" not in fields


def test_record_text_is_escaped(marked_up: usnz.Event) -> None:
    html = marked_up._repr_html_()
    assert "<script>" not in html
    assert "<b>bold" not in html
    assert "&lt;script&gt;" in html
    table = parse(html)
    assert {"script", "b", "i"}.isdisjoint(table.tags)
    fields = {row[0]: row[1] for row in table.rows}
    assert fields["title"] == MARKUP
    assert fields["citations"] == "nzpa-key-leaves-us ¶2: <i>note</i>"


def test_results_text_is_escaped(marked_up: usnz.Event) -> None:
    records = usnz.Records((marked_up, usnz.get("anzus")))
    html = records._repr_html_()
    assert "<script>" not in html
    table = parse(html)
    assert {"script", "b"}.isdisjoint(table.tags)
    header, *rows = table.rows
    assert header == ["id", "when", "kind", "about", "cited"]
    assert rows[0] == ["markup-test", "2008-07", "event", MARKUP, "¶2 — nzpa"]
    assert rows[1][:3] == ["anzus", "1951", "agreement"]
    assert 'title="nzpa-key-leaves-us ¶2: &lt;i&gt;note&lt;/i&gt;"' in html


def test_a_source_renders_too() -> None:
    source = usnz.sources()[0]
    fields = {row[0]: row[1] for row in parse(source._repr_html_()).rows}
    assert fields["sha256"] == source.sha256
    assert "citations" not in fields
    assert str(source).startswith(f"{source.id} (source)")


def test_results_table_is_compact() -> None:
    events = usnz.events()
    assert len(events) > MAX_ROWS
    table = parse(events._repr_html_())
    _, *rows = table.rows
    assert len(rows) == MAX_ROWS + 1
    assert [row[0].split(" ≠")[0] for row in rows[:MAX_ROWS]] == list(events.ids()[:MAX_ROWS])
    number = next(
        at for at, group in enumerate(usnz.disputes(), 1) if "nz-herald-report-us-drops-nuclear-demand" in group.ids()
    )
    assert f"≠{number}" in next(row[0] for row in rows if row[0].startswith("nz-herald-report-us-drops-nuclear-demand"))
    assert rows[-1] == [f"… and {len(events) - MAX_ROWS} more; .to_frame() or list() gives them all"]


def test_empty_results_say_so() -> None:
    html = usnz.Records()._repr_html_()
    assert "0 records" in html
    assert parse(html).rows == [["id", "when", "kind", "about", "cited"]]


def test_vietnam_contributions_show_as_an_html_table() -> None:
    records = usnz.force_contributions(conflict="vietnam-war")
    table = parse(records._repr_html_())
    assert [row[0] for row in table.rows[1:]] == list(records.ids())
    assert f"{len(records)} records: force-contribution" in records._repr_html_()


def test_print_a_record_as_usnz_show_does(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "anzus"]) == 0
    shown = capsys.readouterr().out
    assert str(usnz.get("anzus")) == shown.rstrip("\n")
    assert shown.startswith("anzus (agreement)")


def test_print_results_as_usnz_list_does(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "force-contributions", "--conflict", "korean-war"]) == 0
    listed = capsys.readouterr().out
    records = usnz.force_contributions(conflict="korean-war")
    assert str(records) == listed.rstrip("\n")
    assert f"({len(records)} records)" in str(records).splitlines()
    assert str(usnz.Records()) == "(no records)"


def test_repr_stays_short_and_unambiguous() -> None:
    records = usnz.agreements(kind="treaty")
    assert repr(records).startswith("Records([<agreement ")
    assert repr(usnz.get("anzus")).startswith("Agreement(id='anzus'")


def test_a_notebook_table_says_what_shows_more_in_a_notebook_and_keeps_the_killed() -> None:
    """Review 10 #21.6: no "wider terminal" in a notebook; combat's "not stated" breaks so killed keeps its room."""
    html = usnz.force_contributions(conflict="war-in-afghanistan")._repr_html_()
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", html)
    assert "killed" in heads
    assert "terminal" not in html
    assert "(.to_frame() shows every column; print() of these records shows more, as text)" in html
    not_stated = '<td data-kind="words"'
    assert not_stated in html  # nz-afghanistan-fought: the source states neither
    assert '<span style="white-space:nowrap">not</span> <span style="white-space:nowrap">stated</span>' in html
    korea = usnz.force_contributions(conflict="korean-war")._repr_html_()
    assert {"killed", "country"} <= set(re.findall(r"<th[^>]*>([^<]*)</th>", korea))
