"""Tables of records, as the terminal and Jupyter show them: one choice of columns per kind,
styles a host's stylesheet cannot override, ids never cut, terminals of any width."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import usnz
import usnz.export
from usnz.cli import main
from usnz.faces.columns import MIXED, SHOWN, shown, table
from usnz.faces.html import STYLES, cited, record_html, records_html
from usnz.faces.text import table_text
from usnz.model.facts import facts

KINDS = list(usnz.KINDS)


class _Cells(HTMLParser):
    """Each cell's tag, style, title and text, row by row."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[dict[str, str]]] = []
        self._cell: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        if tag in {"td", "th"}:
            found = {name: value or "" for name, value in attrs}
            self._cell = {
                "tag": tag,
                "style": found.get("style", ""),
                "title": found.get("title", ""),
                "kind": found.get("data-kind", ""),
                "text": "",
            }

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self._cell is not None:
            self.rows[-1].append(self._cell)
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell["text"] += data


def cells(html: str) -> list[list[dict[str, str]]]:
    parser = _Cells()
    parser.feed(html)
    parser.close()
    return parser.rows


def styles(style: str) -> dict[str, str]:
    return dict(part.split(":", 1) for part in style.split(";") if part)


def records_of(kind: str) -> usnz.Records[usnz.AnyRecord]:
    return getattr(usnz.dataset(), kind)()


# -- One choice of columns ------------------------------------------------------------------------


def test_every_kind_has_its_columns_and_each_names_a_field_or_a_computed_value() -> None:
    assert set(SHOWN) == set(usnz.KINDS.values())
    for cls, names in SHOWN.items():
        fields = {name for name, _ in facts(cls)}
        assert set(names) <= fields | {"when", "value", "offices", "about", "combat", "served"}, cls
        assert shown(cls)[0].name == "id"
        assert sorted(c.name for c in shown(cls)[1:]) == sorted(names)


@pytest.mark.parametrize(
    ("kind", "wanted"),
    [
        ("force_contributions", {"id", "conflict", "country", "about", "personnel", "killed", "period", "combat"}),
        ("figures", {"id", "value", "measure", "date"}),
        ("agreements", {"id", "signed", "parties", "name", "kind"}),
        ("events", {"id", "when", "kind", "destination", "title"}),
        ("quotes", {"id", "speaker", "date", "text"}),
        ("people", {"id", "name", "offices", "country"}),
    ],
)
def test_each_kind_shows_what_matters_in_html(kind: str, wanted: set[str]) -> None:
    html = records_of(kind)._repr_html_()
    header = [cell["text"] for cell in cells(html)[0]]
    left_out = re.search(r"Not shown for want of room: ([a-z_, ]+) \(", html)
    assert wanted <= set(header) | set(left_out.group(1).split(", ") if left_out else ())
    assert header[0] == "id"
    assert header[-1] == "cited"
    assert any(cell["kind"] == "text" for cell in cells(html)[1])  # a readable label: never left out


def test_ids_and_values_come_first_text_last() -> None:
    for cls in SHOWN:
        kinds = [c.kind for c in shown(cls)]
        assert kinds[0] == "id"
        assert kinds[-1] == "text", cls  # every row has a readable label: a title, name, unit or summary
        assert kinds == sorted(kinds, key=lambda kind: kind == "text"), cls


def test_the_terminal_and_html_show_the_same_columns() -> None:
    for kind in KINDS:
        records = records_of(kind)
        chosen, _ = table(records)
        html_header = [cell["text"] for cell in cells(records._repr_html_())[0]]
        assert html_header[-1] == "cited"
        assert set(html_header[:-1]) <= {c.name for c in chosen}  # some may be left out for want of room
        text_header = table_text(records, width=1000).splitlines()[0].split()
        assert text_header == [c.name for c in chosen]


@pytest.mark.parametrize("kind", KINDS)
def test_no_column_repeats_one_value_or_is_empty(kind: str) -> None:
    records = records_of(kind)
    chosen, rows = table(records)
    for at, column in enumerate(chosen[1:], start=1):
        values = [row[at] for row in rows]
        assert any(values), column.name
        marked = any(column.mark(record) for record in records)  # a caveat: kept with its legend
        assert len(set(values)) > 1 or column.keep or marked, column.name


def test_a_column_every_record_shares_is_left_out() -> None:
    korea = usnz.force_contributions(conflict="korean-war")
    names = [c.name for c in table(korea)[0]]
    assert "conflict" not in names
    assert {"personnel", "killed"} <= set(names)
    kinds = [c.name for c in table(usnz.search("K-FORCE", kind="force-contribution"))[0]]
    assert "kind" not in kinds


def test_a_single_record_keeps_every_column_it_fills() -> None:
    one = usnz.Records((usnz.get("k-force-korea"),))
    chosen, rows = table(one)
    assert [c.name for c in chosen] == [
        "id", "personnel", "combat", "period", "served", "killed", "country", "wounded", "captured", "conflict", "about"
    ]  # fmt: skip
    assert rows == [
        ("k-force-korea", "1,044", "yes", "/1957", "3,794", "33", "NZL", "79", "1", "korean-war", "K-FORCE")
    ]


def test_empty_results_show_the_mixed_columns() -> None:
    assert table(usnz.Records()) == (MIXED, [])


def test_a_record_class_of_your_own_shows_the_mixed_columns() -> None:
    cited_at = (usnz.Citation(source="encyclopedia-nz-us-relations", paragraph=1),)
    records = usnz.Records((usnz.Record(id="mine", citations=cited_at), usnz.Record(id="yours", citations=cited_at)))
    chosen, rows = table(records)
    assert [c.name for c in chosen] == ["id", "about"]  # its label is its id; its kind the same on both
    assert rows == [("mine", "mine"), ("yours", "yours")]


def _force(name: str, **figures: usnz.Quantity) -> usnz.ForceContribution:
    return usnz.ForceContribution(
        id=name,
        conflict="korean-war",
        country="NZL",
        summary="A test force.",
        citations=(usnz.Citation(source="encyclopedia-nz-us-relations", paragraph=14),),
        **figures,
    )


def test_a_figure_in_a_column_shows_its_figure_alone() -> None:
    forces = usnz.Records(
        (
            _force("about", personnel=usnz.Quantity(best=50, unit="personnel", approximate=True)),
            _force("range", personnel=usnz.Quantity(low=40, high=65, unit="personnel")),
            _force("least", personnel=usnz.Quantity(low=400_000, unit="personnel")),
            _force("most", personnel=usnz.Quantity(high=12, unit="personnel")),
            _force("exact", personnel=usnz.Quantity(best=1044, unit="personnel")),
        )
    )
    chosen, rows = table(forces)
    assert [c.name for c in chosen] == ["id", "personnel", "combat", "about"]
    assert [row[1] for row in rows] == ["~50", "40-65", "≥400,000", "≤12", "1,044"]
    assert {row[2] for row in rows} == {"not stated"}  # combat is always shown: the question asked
    assert "≥ at least" in chosen[1].description


def test_a_figure_record_shows_its_value_with_what_it_counts() -> None:
    chosen, rows = table(usnz.figures())
    values = {row[0]: row[[c.name for c in chosen].index("value")] for row in rows}
    assert values["operation-anaconda-enemy-strength"] == "about 500-1,000 fighters"
    assert any(value.startswith("USD ") for value in values.values())


# -- HTML -----------------------------------------------------------------------------------------


def _all_cells(html: str) -> list[dict[str, str]]:
    return [cell for row in cells(html) for cell in row]


@pytest.mark.parametrize("kind", KINDS)
def test_every_cell_is_styled_inline_numbers_right_text_left(kind: str) -> None:
    records = records_of(kind)
    for html in (records._repr_html_(), records[0]._repr_html_()):
        found = _all_cells(html)
        assert found
        for cell in found:
            style = styles(cell["style"])
            number = cell["kind"] in {"number", "figure"}
            assert style["text-align"] == ("right" if number else "left"), cell
            assert style["vertical-align"] == "top", cell


@pytest.mark.parametrize("kind", KINDS)
def test_ids_and_citations_never_wrap(kind: str) -> None:
    records = records_of(kind)
    rows = cells(records._repr_html_())
    for row in rows[1 : usnz.faces.html.MAX_ROWS + 1]:
        for cell in row:
            if cell["kind"] in {"id", "value", "number", "cited"}:
                assert styles(cell["style"])["white-space"] == "nowrap", cell
    ids = [row[0]["text"].split(" ≠")[0] for row in rows[1:] if len(row) > 1]
    assert ids == list(records.ids()[: len(ids)])  # whole, unbroken: no soft hyphen, no U+2011
    assert all("\u2011" not in i and "\xad" not in i for i in ids)


def test_a_record_shows_its_references_unwrapped_and_its_text_wrapping() -> None:
    rows = {row[0]["text"]: row[1] for row in cells(record_html(usnz.get("k-force-korea")))}
    assert styles(rows["conflict"]["style"])["white-space"] == "nowrap"
    assert styles(rows["see_also"]["style"])["white-space"] == "nowrap"
    assert styles(rows["summary"]["style"])["white-space"] == "normal"


def test_no_style_sheet_to_lose_to() -> None:
    html = usnz.events()._repr_html_() + usnz.get("anzus")._repr_html_()
    assert "<style" not in html
    assert "text-align:left" in STYLES["id"]


def test_headings_explain_their_columns() -> None:
    header = cells(usnz.force_contributions(conflict="korean-war")._repr_html_())[0]
    titles = {cell["text"]: cell["title"] for cell in header}
    assert titles["killed"].startswith("Killed in action.")
    assert titles["combat"].startswith("Whether it fought")


def test_citations_are_compact_with_the_full_ones_in_the_tooltip() -> None:
    anzus = usnz.get("anzus")
    row = cells(usnz.agreements(kind="treaty")._repr_html_())[2]
    assert row[0]["text"] == "anzus"
    assert row[-1]["text"] == "¶6–¶7, ¶17, ¶36"  # the source cited most is named once, under the table
    assert "cited: paragraphs of encyclopedia-nz-us-relations" in usnz.agreements(kind="treaty")._repr_html_()
    assert row[-1]["title"].splitlines() == [str(c) for c in anzus.citations]


def test_citations_name_sources_by_the_fewest_words_that_tell_them_apart() -> None:
    def citation(source: str, paragraph: int) -> usnz.Citation:
        return usnz.Citation(source=source, paragraph=paragraph)

    given = [citation("nzherald-2008-a", 3), citation("nzpa-key", 2), citation("nzherald-2009", 1)]
    given.append(citation("nzherald-2008-a", 1))
    assert cited(given) == "¶1, ¶3 — nzherald-2008; ¶2 — nzpa; ¶1 — nzherald-2009"
    assert cited([citation("a-b", 1), citation("a-b-c", 2)]) == "¶1 — a-b; ¶2 — a-b-c"
    assert cited([]) == ""
    many = [citation(f"s{n}-x", 1) for n in range(5)]
    assert cited(many).endswith("¶1 — s4")


def test_the_more_row_spans_every_column() -> None:
    events = usnz.events()
    last = cells(events._repr_html_())[-1]
    assert len(last) == 1
    header = cells(events._repr_html_())[0]
    assert f'colspan="{len(header)}"' in events._repr_html_()


def test_html_text_cells_are_cut_ids_are_not() -> None:
    long_title = "word " * 60
    event = usnz.Event(
        id="a-very-long-id-that-must-never-be-cut-anywhere-at-all-ever",
        kind="statement",
        title=long_title.strip(),
        summary="A test.",
        citations=(usnz.Citation(source="nzpa-key-leaves-us", paragraph=2),),
    )
    header, row = cells(records_html(usnz.Records((event,))))
    title = [cell["text"] for cell in header].index("title")
    assert row[0]["text"] == event.id
    assert row[title]["text"].endswith("word…")  # cut at a word
    assert len(row[title]["text"]) <= 90


# -- The terminal ---------------------------------------------------------------------------------


def _listed(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    assert main(list(argv)) == 0
    return capsys.readouterr().out.splitlines()


def _rows(lines: list[str]) -> list[str]:
    """The table's lines between its rule and its count (continuation lines start with spaces)."""
    end = next(at for at, line in enumerate(lines) if re.fullmatch(r"\(\d+ records?\)", line))
    return lines[2:end]


def _check_ids_whole(lines: list[str], records: usnz.Records[usnz.AnyRecord]) -> None:
    starts = [line.split(" ", 1)[0] for line in _rows(lines) if not line.startswith(" ")]
    assert starts == list(records.ids())


@pytest.mark.parametrize("width", [80, 100, 160])
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_fits_every_terminal_with_ids_whole(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], kind: str, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    lines = _listed(capsys, "list", kind.replace("_", "-"))
    records = records_of(kind)
    _check_ids_whole(lines, records)
    if max(len(i) for i in records.ids()) + 30 <= width:
        assert max(len(line) for line in lines) <= width
    assert set(lines[1]) == {"-"}
    assert f"({len(records)} records)" in lines
    chosen, _ = table(records)
    label = next(c.name for c in chosen if c.kind == "text")
    assert label in lines[0].split()  # every row says what it is
    dates = [c.name for c in chosen if c.name in {"when", "date", "period", "signed"}]
    if (kind, width) != ("figures", 80):  # ids 46 wide, a figure and its measure leave no room at 80
        assert not dates or dates[0] in lines[0].split()  # the date column is kept


def test_a_force_contribution_list_at_80_columns(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    lines = _listed(capsys, "list", "force-contributions", "--conflict", "war-in-afghanistan", "--country", "NZL")
    # the deciding number, whether they fought (kept: the answer wanted) and the date come first;
    # the label reads under each row, its heading above the ids, so that killed fits beside them
    assert lines[0].split() == ["id", "↓", "about", "personnel", "combat", "period", "killed"]
    rows = {line.split()[0]: line for line in _rows(lines) if not line.startswith(" ")}
    assert "≠2" in rows["nzsas-afghanistan-rotations"]  # usnz.disputes()[1]
    assert "≠2" in rows["nzsas-afghanistan-fifty"]
    assert "≠" not in rows["nz-bamyan-prt"]
    legend = " ".join(lines[lines.index("(8 records)") + 1 :])
    assert legend.startswith("≠2 nzsas-afghanistan-rotations and nzsas-afghanistan-fifty disagree: personnel")
    assert "Not shown for want of room: aircraft, wounded (a wider terminal shows more; .to_frame() shows" in legend
    assert max(len(line) for line in lines) <= 80


@pytest.mark.parametrize("width", [80, 100])
def test_a_column_marked_keep_survives_narrowing(width: int) -> None:
    """``combat`` decides whether a contribution fought: at 80 columns other columns go first."""
    records = usnz.force_contributions()
    chosen, _ = table(records)
    kept = [column.name for column in chosen if column.keep]
    assert "combat" in kept
    lines = table_text(records, width=width).splitlines()
    header = lines[0].split()
    assert set(kept) <= set(header)
    if width == 80:
        assert {"killed", "wounded"}.isdisjoint(header)  # columns not marked keep were left out to fit
    at = lines[0].index("combat")
    k_force = next(line for line in lines if line.startswith("k-force-korea "))
    assert k_force[at:].split()[0] == "yes"
    assert max(len(line) for line in lines) <= width


def test_a_label_too_narrow_to_read_goes_under_its_row_whole_words_only() -> None:
    """At 80 columns the Afghanistan rows keep their numbers, combat and period; the unit reads below."""
    records = usnz.force_contributions(conflict="war-in-afghanistan", country="NZL")
    lines = table_text(records, width=80).splitlines()
    assert lines[0].split() == ["id", "↓", "about", "personnel", "combat", "period", "killed"]
    at = lines.index(next(line for line in lines if line.startswith("nz-bamyan-prt ")))
    assert lines[at + 1] == "    Provincial Reconstruction Team"
    words = {word for record in records for word in record.label.split()}
    under = [line for line in lines[2:] if line.startswith("    ") and not line.startswith("     ")]
    assert len(under) >= len(records)
    for line in under:  # wrapped at spaces: every piece a whole word (or cut with "…")
        assert all(word in words or word.endswith("…") for word in line.split()), line
    assert max(len(line) for line in lines) <= 80


def test_a_column_marked_keep_is_never_left_out_of_the_html_table(monkeypatch: pytest.MonkeyPatch) -> None:
    from usnz.faces import html as html_face

    monkeypatch.setattr(html_face, "_BUDGET", 100)  # room for almost nothing
    shown = re.findall(r"<th[^>]*>([^<]*)</th>", html_face.records_html(usnz.force_contributions()))
    assert "combat" in shown
    assert "personnel" not in shown  # not marked keep: left out for want of room


def test_a_column_marked_keep_goes_only_after_every_other_but_the_id() -> None:
    records = usnz.force_contributions()
    for width in range(80, 30, -1):
        header = table_text(records, width=width).splitlines()[0].split()
        if "combat" not in header:
            assert header in (["id", "about"], ["id", "↓", "about"], ["id"]), (width, header)


def test_numbers_align_right_in_the_terminal() -> None:
    lines = table_text(usnz.force_contributions(conflict="korean-war"), width=160).splitlines()
    header = lines[0]
    end = header.index("personnel") + len("personnel")
    k_force = next(line for line in lines if line.startswith("k-force-korea "))
    assert k_force[:end].endswith(" 1,044")


def test_force_contributions_say_whether_they_fought(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    lines = _listed(capsys, "list", "force-contributions")
    assert {"conflict", "personnel", "served", "killed", "combat", "wounded", "captured", "about"} <= set(
        lines[0].split()
    )
    assert lines[2].split()[:5] == ["k-force-korea", "1,044", "yes", "*", "/1957"]  # its combat read, not stated
    assert max(len(line) for line in lines) <= 200
    assert not any(line.startswith("not shown") for line in lines)
    gulf = table_text(usnz.force_contributions(conflict="gulf-war"), width=160)
    assert " no " in gulf
    assert " yes " in gulf


def test_long_text_wraps_onto_further_lines_and_is_cut_at_a_word(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    lines = _listed(capsys, "list", "quotes")
    assert lines[0].split()[-1] == "text"
    assert any(line.startswith(" ") for line in _rows(lines))  # a quote wrapped onto a second line
    assert any(line.endswith("…") for line in lines)
    assert not any(re.search(r"\w…$", line) and line.endswith("-…") for line in lines)
    assert all(len(line) <= 160 for line in lines)


@pytest.mark.parametrize(("kind", "column"), [("events", "title"), ("figures", "measure"), ("sources", "publisher")])
def test_text_too_narrow_to_read_whole_beside_the_rest_reads_whole_under_its_row(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], kind: str, column: str
) -> None:
    """At 100 columns a title squeezed to a dozen characters would lose its end: it reads under its row, whole."""
    monkeypatch.setenv("COLUMNS", "100")
    lines = _listed(capsys, "list", kind)
    assert lines[0].split()[-2:] == ["↓", column]
    assert not any(line.endswith("…") for line in lines)
    assert all(len(line) <= 100 for line in lines)


def test_two_text_columns_share_the_room() -> None:
    text = table_text(usnz.sources(), width=160)
    header = text.splitlines()[0].split()
    assert header[-2:] == ["title", "publisher"]
    assert all(len(line) <= 160 for line in text.splitlines())
    people = table_text(usnz.people(), width=70).splitlines()
    assert people[0].split() == ["id", "country", "name", "↓", "offices"]  # offices too narrow to read whole
    assert all(len(line) <= 70 for line in people)


def test_ids_are_never_cut_even_when_they_alone_are_too_wide() -> None:
    events = usnz.events()
    lines = table_text(events, width=20).splitlines()
    assert lines[0].split()[0] == "id"
    _check_ids_whole(lines, events)
    assert max(len(line) for line in lines) > 20


def test_print_uses_the_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    wide = str(usnz.force_contributions())
    monkeypatch.setenv("COLUMNS", "80")
    narrow = str(usnz.force_contributions())
    assert max(map(len, wide.splitlines())) > 100 >= max(map(len, narrow.splitlines()))
    assert max(map(len, narrow.splitlines())) <= 80


@pytest.mark.parametrize("width", ["21", "60", "80"])
def test_show_wraps_to_the_terminal_and_never_breaks_an_id(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], width: str
) -> None:
    monkeypatch.setenv("COLUMNS", width)
    lines = _listed(capsys, "show", "nzsas-afghanistan-rotations")
    if int(width) >= 60:
        assert max(len(line) for line in lines) <= int(width)
    text = "\n".join(lines)
    for other in usnz.get("nzsas-afghanistan-rotations").see_also:
        assert other in text  # never broken at a hyphen


@pytest.mark.parametrize("width", ["80", "100", "160"])
def test_usnz_list_in_a_terminal_of_that_width(width: str) -> None:
    env = {**os.environ, "COLUMNS": width}
    done = subprocess.run(
        [sys.executable, "-m", "usnz", "list", "events"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    lines = done.stdout.splitlines()
    _check_ids_whole(lines, usnz.events())
    assert {"id", "when", "title"} <= set(lines[0].split())
    assert max(len(line) for line in lines) <= int(width)


# -- CSV ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_list_csv_is_the_export_csv_of_that_kind(capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str) -> None:
    assert main(["list", kind.replace("_", "-"), "--format", "csv"]) == 0
    listed = capsys.readouterr().out
    usnz.export.write(tmp_path / "out", format="csv")
    assert listed == (tmp_path / "out" / f"{kind}.csv").read_text(encoding="utf-8")


def test_list_csv_keeps_its_columns_when_nothing_matches(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "events", "--during", "1700", "--format", "csv"]) == 0
    out, _ = capsys.readouterr()
    header = next(csv.reader(io.StringIO(out)))
    assert header[:4] == ["id", "kind", "title", "summary"]
    assert out.count("\n") == 1


def test_search_and_timeline_csv_mix_kinds_in_common_columns(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--during", "1965", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    columns = ["id", "record_kind", "date", "date_basis", "planned", "label", "disputes", "doubts", "citations", "read"]
    assert list(rows[0]) == columns
    assert {"event", "force-contribution"} <= {row["record_kind"] for row in rows}


def test_mixed_csv_carries_the_caveats(capsys: pytest.CaptureFixture[str]) -> None:
    """A timeline or search as CSV says how each date is known, which records dispute, and the doubts."""
    assert main(["search", "SAS", "Afghanistan", "--format", "csv"]) == 0
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert rows["nzsas-afghanistan-rotations"]["disputes"] == "nzsas-afghanistan-fifty"
    assert rows["nzsas-afghanistan-fifty"]["disputes"] == "nzsas-afghanistan-rotations"
    assert rows["nzsas-afghanistan-fifty"]["doubts"].startswith("contradiction (encyclopedia-nz-us-relations ¶23, ¶24)")
    assert rows["war-in-afghanistan"]["date_basis"] == "external"  # COW's start, not the texts'
    assert rows["sas-soldiers-wounded-june-2004"]["date_basis"] == "stated"
    assert rows["nzsas"]["date_basis"] == ""  # an organization has no date
    assert main(["list", "force-contributions", "--conflict", "korean-war", "--format", "csv"]) == 0
    korea = {row["id"]: row for row in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert korea["rnzn-korea"]["citations"] == "encyclopedia-nz-us-relations ¶14"  # two quotes of ¶14: once


# -- Help and exit codes --------------------------------------------------------------------------


def test_list_help_says_kind_once(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["list", "-h"])
    help_text = capsys.readouterr().out
    assert "--kind TYPE" in help_text
    assert "--kind KIND" not in help_text
    assert re.search(r"^\s+KIND\s+one of: sources", help_text, re.MULTILINE)
    assert "--conflict ID" in help_text
    assert "--country CODE" in help_text
    assert "--during EDTF" in help_text


def test_search_help_names_a_record_kind_as_kind(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["search", "-h"])
    assert "--kind KIND" in capsys.readouterr().out


def test_validate_on_a_missing_path_is_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["validate", str(tmp_path / "nonexistent")]) == 2
    _, err = capsys.readouterr()
    assert err.startswith("usnz: error: cannot read ")
    assert err.count("\n") == 1


def test_help_groups_the_commands_asking_first_each_with_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert text.index("asking:") < text.index("data tools:")
    asking = text[text.index("asking:") : text.index("data tools:")]
    tools = text[text.index("data tools:") : text.index("options:")]
    assert [line.split()[0] for line in asking.splitlines()[1:] if line.startswith("  ") and "e.g." not in line] == [
        "show",
        "list",
        "search",
        "timeline",
        "doubts",
        "citing",
        "cite",
    ]
    assert {"export", "schema", "validate", "verify"} <= {line.split()[0] for line in tools.splitlines()[1:] if line}
    examples = [line.split("e.g. ", 1)[1] for line in text.splitlines() if "e.g. usnz " in line]
    assert len(examples) == 11
    for example in examples[:7]:  # the asking ones run
        assert main(example.split()[1:]) == 0
    capsys.readouterr()


def test_list_without_a_kind_lists_the_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    lines = _listed(capsys, "list")
    kinds = [line.split()[0] for line in lines if line and not line.startswith("usnz")]
    assert kinds == [kind.replace("_", "-") for kind in KINDS]
    assert lines[KINDS.index("events")].split()[1] == str(len(usnz.events()))
    assert main(["list", "--during", "2008"]) == 2
    assert "filters need a KIND" in capsys.readouterr().err
    assert main(["list", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("kind,records,holds\n")


def test_list_without_a_kind_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [entry["kind"] for entry in listed] == [kind.replace("_", "-") for kind in KINDS]
    assert all(entry["records"] > 0 for entry in listed)


def test_figures_at_80_columns_keep_their_value_and_date_and_read_the_measure_below() -> None:
    """Ids as wide as 46 characters leave no room for the date beside a heading at the end: it goes above the ids."""
    records = usnz.figures()
    assert max(len(record.id) for record in records) >= 40
    lines = table_text(records, width=80).splitlines()
    assert lines[0].split() == ["id", "↓", "measure", "value", "date"]
    assert max(len(line) for line in lines) <= 80
    at = lines.index(next(line for line in lines if line.startswith("key-biden-meeting-length ")))
    assert lines[at].split()[1:4] == ["40", "minutes", str(usnz.get("key-biden-meeting-length").when)]
    assert lines[at + 1] == "    Time John Key spent with Vice President Joe Biden"
    rows = {line.split()[0]: line for line in lines[2:] if line[:1].strip()}
    for record in records:  # every row holds its date beside its id
        assert record.when is None or f"  {record.when}" in rows[record.id], record.id


@pytest.mark.parametrize(
    ("numbers", "text"),
    [
        ([6, 23], "¶6, ¶23"),  # two paragraphs apart: never a range
        ([23, 6, 6], "¶6, ¶23"),
        ([24, 25, 26, 27], "¶24–¶27"),  # a range only where every paragraph between is cited
        ([6, 7, 17, 36], "¶6–¶7, ¶17, ¶36"),
        ([6, 8, 9, 12, 22, 23], "¶6, ¶8–¶9 … +3"),  # long: the first two pieces, and how many paragraphs more
        ([1, 3, 5, 7], "¶1, ¶3 … +2"),
        ([], ""),
    ],
)
def test_cited_paragraphs_never_read_as_a_range_across_a_gap(numbers: list[int], text: str) -> None:
    from usnz.faces.marks import paragraphs_text

    assert paragraphs_text(numbers) == text


def test_the_cited_cell_shows_gaps_in_html_and_in_text() -> None:
    fought = usnz.get("nz-afghanistan-fought")
    assert sorted({c.paragraph for c in fought.citations if c.source == "encyclopedia-nz-us-relations"}) == [
        6,
        8,
        9,
        12,
        22,
        23,
    ]
    html = usnz.Records([fought])._repr_html_()
    assert "¶6, ¶8–¶9 … +3" in html
    assert "¶6–¶23" not in html
    from usnz.faces.marks import cited  # what the text face's disputes and the HTML cell both show

    assert cited(fought.citations) == "¶6, ¶8–¶9 … +3 — encyclopedia; ¶5 — nzpa"


@pytest.mark.parametrize("width", [40, 50, 60, 70])
def test_figures_in_a_narrow_terminal_keep_value_and_date_under_each_id(width: int) -> None:
    """Ids too wide to leave room beside them: each on a line of its own, its value and date under it."""
    records = usnz.figures()
    lines = table_text(records, width=width).splitlines()
    # the measure's heading after the value's or at the end, as the room allows
    assert [word for word in lines[0].split() if word not in {"↓", "measure"}][:3] == ["id", "value", "date"]
    rows = lines[2 : lines.index(f"({len(records)} records)")]
    ids = [line for line in rows if not line.startswith(" ")]
    assert ids == list(records.ids())  # each id whole, alone on its line
    for record in records:
        under = rows[rows.index(record.id) + 1]
        assert under.startswith("    ")
        assert record.when is None or f"  {record.when}" in under, (record.id, under)
    chosen, cells = table(records)
    value = [column.name for column in chosen].index("value")
    for record, row in zip(records, cells, strict=True):  # the value's first piece, under its id
        assert row[value].split()[0] in rows[rows.index(record.id) + 1].split(), record.id
    assert max(len(line) for line in lines if line not in ids) <= width


def test_a_table_that_fits_beside_its_ids_is_not_stacked() -> None:
    lines = table_text(usnz.figures(), width=80).splitlines()
    assert lines[2].startswith("dong-ba-thin-team-navy-members ")  # the id and its value on one line
    people = table_text(usnz.people(), width=40).splitlines()
    assert people[0].split() == ["id", "name"]  # nothing decisive lost beside short ids
    assert people[2].split() == ["barack-obama", "Barack", "Obama"]


def test_too_narrow_even_under_the_ids_shows_the_ids_alone() -> None:
    lines = table_text(usnz.figures(), width=12).splitlines()
    assert lines[0] == "id"
    assert not any(line.startswith(" ") for line in lines[2:])


def test_events_at_40_columns_keep_each_date_under_its_id() -> None:
    events = usnz.events()
    lines = table_text(events, width=40).splitlines()
    assert lines[0].split()[:2] == ["id", "when"]
    rows = lines[2 : lines.index(f"({len(events)} records)")]
    at = {line.split()[0]: n for n, line in enumerate(rows) if not line.startswith(" ")}  # an id, and its marks
    assert list(at) == list(events.ids())
    for event in events:
        if event.when is not None:
            first = rows[at[event.id] + 1].split()[0]  # a period may break after its "/"
            assert first in {str(event.when), str(event.when).partition("/")[0] + "/"}, event.id
    assert max(len(line) for line in lines if not line.startswith(tuple(events.ids()))) <= 40


def test_a_record_names_its_field_names_field_and_its_values_by_what_they_hold() -> None:
    html = record_html(usnz.get("k-force-korea"))
    rows = cells(html)
    assert all(row[0]["kind"] == "field" for row in rows)  # the field's name
    kinds = {row[0]["text"]: row[1]["kind"] for row in rows}
    assert kinds["summary"] == "prose"  # a field's value: long text, wrapping
    assert kinds["conflict"] == "id"  # a reference, whole
    assert '<th data-kind="field"' in html
    assert 'data-kind="value"' not in html
    assert styles(rows[0][0]["style"])["white-space"] == "nowrap"
    assert styles(STYLES["prose"])["white-space"] == "normal"


# -- The deciding numbers of a force, and the columns a width leaves out ---------------------------


@pytest.mark.parametrize("width", [80, 120])
def test_korea_shows_everyone_who_served_beside_the_strength(
    width: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    lines = _listed(capsys, "list", "force-contributions", "--conflict", "korean-war", "--country", "NZL")
    assert "served" in lines[0].split()
    rows = {line.split()[0]: line.split() for line in _rows(lines) if not line.startswith(" ")}
    assert {"1,044", "3,794"} <= set(rows["k-force-korea"])
    assert "1,300" in rows["rnzn-korea"]  # the navy's total, no longer only in its text
    assert max(len(line) for line in lines) <= width


def test_ships_and_aircraft_show_when_a_row_has_them() -> None:
    korea = usnz.force_contributions(conflict="korean-war")
    names = [c.name for c in table(korea)[0]]
    assert {"served", "ships"} <= set(names)
    assert "aircraft" not in names  # no row states any
    chosen, rows = table(usnz.Records([usnz.get("rnzn-korea")]))
    assert dict(zip([c.name for c in chosen], rows[0], strict=True))["ships"] == "≥6"
    gulf = [c.name for c in table(usnz.force_contributions(conflict="gulf-war"))[0]]
    assert "aircraft" in gulf
    html = records_html(korea)
    assert all(figure in html for figure in ("3,794", "1,300"))
    assert "Not shown for want of room: ships, wounded, captured" in html  # as at 80 columns: country, killed kept
    assert "≥6" in records_html(usnz.Records([usnz.get("rnzn-korea")]))


def test_a_narrow_table_names_the_columns_it_leaves_out() -> None:
    korea = usnz.force_contributions(conflict="korean-war")
    narrow = table_text(korea, width=80).splitlines()
    below = " ".join(narrow[narrow.index("(5 records)") + 1 :])
    assert "Not shown for want of room: ships, wounded, captured (a wider" in below
    wide = table_text(korea, width=200).splitlines()
    assert not any(line.startswith("Not shown") for line in wide)
    # a column empty in every row (aircraft here) is not "left out" for room: no record states it
    assert "No record here states: aircraft (so not shown; unknown, not 0)" in below
    assert "room: aircraft" not in below


def test_html_never_drops_a_column_silently() -> None:
    everything = usnz.force_contributions()
    html = records_html(everything)
    heads = {cell["text"] for cell in cells(html)[0]}
    every = {c.name for c in table(everything[:50])[0]}
    note = re.search(r"Not shown for want of room: ([^(]*) \(", html)
    left_out = set(note[1].split(", ")) if note else set()
    assert every - {"cited"} == (heads - {"cited"}) | left_out


# -- very narrow terminals (review 6, C5) --------------------------------------------------------


@pytest.mark.parametrize("width", [10, 20, 30, 40, 60, 80])
def test_a_narrow_table_s_rule_never_outruns_the_width_and_left_out_columns_are_named(width: int) -> None:
    from usnz.faces.columns import table
    from usnz.faces.text import table_text

    for records in (usnz.conflicts(), usnz.force_contributions(conflict="war-in-afghanistan")):
        text = table_text(records, width=width)
        lines = text.splitlines()
        rule = lines[1]
        assert set(rule) == {"-"}
        assert len(rule) <= width
        widest = max(len(line) for line in lines[2:] if not line.startswith("("))
        assert len(rule) <= max(widest, len(lines[0])) + 2  # the table's, give or take a cell's wrap
        names = [column.name for column in table(records)[0]]
        shown = lines[0].replace("↓", " ").split()
        left_out = [name for name in names if name not in shown]
        tail = " ".join(text.split("records)", 1)[1].split())
        if left_out:
            assert (
                f"Not shown for want of room: {', '.join(left_out)} (a wider terminal shows more; .to_frame() shows every column)"
                in tail
            )
        else:
            assert "Not shown" not in tail
        if "period" not in shown:  # no † beside a date left out: no line for it
            assert "a date from outside the texts" not in tail


def test_a_table_at_ten_columns_keeps_its_ids_and_says_what_it_left_out() -> None:
    from usnz.faces.text import table_text

    text = table_text(usnz.conflicts(), width=10)
    assert text.splitlines()[:3] == ["id", "-" * 10, "first-world-war"]
    assert "cow_warnum" in " ".join(text.split())


def test_a_text_cut_short_keeps_its_mark() -> None:
    """A cell cut at its last line with "…" keeps its mark after it: Titmus's offices, a role read."""
    lines = table_text(usnz.people(country="NZL"), width=100).splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("john-titmus "))
    assert lines[at + 2].endswith("Coordination… *")
    assert max(len(line) for line in lines) <= 100


def test_a_role_read_from_the_texts_marks_the_offices() -> None:
    """Harper's title is read from 'his counterpart' (NZPA ¶7), Bolger's ambassadorship's country from context."""
    assert "roles" in usnz.get("stephen-harper").read
    lines = table_text(usnz.people(), width=120).splitlines()
    harper = next(line for line in lines if line.startswith("stephen-harper "))
    clark = next(line for line in lines if line.startswith("helen-clark "))
    assert harper.endswith("Prime Minister *")
    assert clark.endswith("Prime Minister")  # stated, with stated dates: no mark
    assert any(line.startswith("offices: a mark means a role is read from the texts") for line in lines)
