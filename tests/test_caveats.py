"""Every caveat a record carries shows in what a person sees: at 80 columns, in Jupyter and in the CLI."""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs
import pytest

import usnz
from usnz.cli import main
from usnz.faces import marks
from usnz.faces.text import show_text, table_text

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


# -- A figure counted within another record's (rnzn-korea's dead within k-force-korea's) ------------


def test_a_figure_counted_within_another_record_s_is_marked_in_the_terminal() -> None:
    lines = table_text(usnz.force_contributions(conflict="korean-war"), width=80).splitlines()
    assert lines[0] == "id  ↓ about               personnel  combat      period  served  killed  country"
    assert "rnzn-korea                           yes                  1,300       ⊂  NZL" in lines
    assert "nz-korea-liaison-officer          1  no *        /1971                ⊂  NZL" in lines
    assert "k-force-korea                 1,044  yes *       /1957    3,794      33  NZL" in lines
    assert "⊂ counted within k-force-korea's figure: nz-korea-liaison-officer, rnzn-korea" in lines
    assert lines[lines.index("(5 records)") + 1].startswith("* not stated in the texts, read from them")
    one = table_text(usnz.Records([usnz.get("rnzn-korea")]), width=80).splitlines()
    assert one[2] == "rnzn-korea  yes      1,300       ⊂  NZL         ≥6        ⊂         ⊂"
    assert one[one.index("(1 record)") + 1] == "⊂ counted within k-force-korea's figure: rnzn-korea"


def test_a_figure_counted_within_another_keeps_its_column() -> None:
    """Every figure of the column empty but the mark: the column stays, with its legend."""
    text = table_text(usnz.Records([usnz.get("nz-korea-liaison-officer")]), width=120)
    assert text.splitlines()[0].split() == [
        *("id", "personnel", "combat", "period", "killed", "country", "wounded", "captured", "conflict", "↓", "about")
    ]
    assert text.splitlines()[2].split() == [
        "nz-korea-liaison-officer",
        "1",
        "no",
        "*",
        "/1971",
        "⊂",
        "NZL",
        "⊂",
        "⊂",
        "korean-war",
    ]
    assert text.splitlines()[-3] == "⊂ counted within k-force-korea's figure: nz-korea-liaison-officer"
    assert text.splitlines()[-2] == "Dates: /1971 start not given"
    assert text.splitlines()[-1] == "No record here states: served, ships, aircraft (so not shown; unknown, not 0)"


def test_the_counted_legend_goes_with_its_columns() -> None:
    """No column of the mark shown (a narrow terminal): no line for it."""
    text = table_text(usnz.force_contributions(conflict="korean-war"), width=60)
    assert "killed" in " ".join(text.split("Not shown for want of room")[1].split())  # left out, and said so
    assert "⊂" not in text


def test_a_figure_counted_within_another_in_jupyter_and_the_cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    html = usnz.force_contributions(conflict="korean-war")._repr_html_()
    cell = '<span class="usnz-mark" title="counted within k-force-korea&#x27;s figure">⊂</span>'
    assert html.count(cell) == 2  # killed, of the navy and of the liaison officer
    assert (
        "Not shown for want of room: ships, wounded, captured (.to_frame() shows every column; print() of these "
        "records shows more, as text)" in html
    )
    assert "⊂ counted within k-force-korea&#x27;s figure: nz-korea-liaison-officer, rnzn-korea<br>" in html
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["list", "force-contributions", "--conflict", "korean-war"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "⊂ counted within k-force-korea's figure: nz-korea-liaison-officer, rnzn-korea" in out
    assert "rnzn-korea                           yes                  1,300       ⊂  NZL" in out


def test_counted_within_reads_the_kind_s_declaration() -> None:
    navy = usnz.get("rnzn-korea")
    assert marks.counted_within(navy, "killed") == "k-force-korea"
    assert marks.counted_within(navy, "ships") is None  # no record counts its ships
    assert marks.counted_within(usnz.get("uk-korean-war"), "killed") is None  # unknown, not counted elsewhere
    assert marks.counted_within(usnz.get("k-force-korea"), "killed") is None  # its own figure
    assert marks.legend({marks.COUNTED}) == ["⊂ counted within another record's figure"]
    assert marks.legend({marks.DISPUTED}) == ["≠ disputes another record's claim (usnz.disputes())"]


# -- One record's dispute: its legend points to where the dispute is shown ---------------------------


def test_a_record_s_dispute_legend_points_to_its_dispute(capsys: pytest.CaptureFixture[str]) -> None:
    gulf = usnz.get("nz-gulf-war-1991")
    line = (
        "≠ disputes the claim of nz-gulf-war-fought-claim (how: its contradiction, under doubts); both sides: "
        "usnz.disputes()[0] in Python; the other: usnz show nz-gulf-war-fought-claim"
    )
    assert show_text(gulf, width=200).splitlines()[-1] == line
    assert usnz.disputes()[0].ids() == ("nz-gulf-war-1991", "nz-gulf-war-fought-claim")  # what it points to
    assert "  doubts      contradiction (encyclopedia-nz-us-relations ¶6, ¶8, ¶12, ¶22): " in show_text(gulf, 200)
    assert f'<div class="usnz-legend" style="text-align:left;font-size:0.9em;padding:0.25em 0">{line}</div>' in (
        gulf._repr_html_()
    )
    fifty = usnz.get("nzsas-afghanistan-fifty")
    assert "usnz.disputes()[1] in Python; the other: usnz show nzsas-afghanistan-rotations" in " ".join(
        show_text(fifty, width=80).splitlines()[-2:]
    )
    assert usnz.disputes()[1].ids() == ("nzsas-afghanistan-rotations", "nzsas-afghanistan-fifty")
    assert main(["show", "nz-gulf-war-1991"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert out.endswith(" ".join(line.split()))


def test_a_record_of_your_own_points_to_its_dataset_s_disputes() -> None:
    """Not the packaged data's record (no contradiction among its doubts): no number, no usnz show."""
    mine = attrs.evolve(usnz.get("nz-gulf-war-1991"), doubts=())
    assert str(mine).splitlines()[-1] == (
        "≠ disputes the claim of nz-gulf-war-fought-claim; both sides: the dataset's disputes()"
    )


# -- usnz schema KIND --format table: as wide as the terminal ----------------------------------------


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("kind", [name.replace("_", "-") for name in usnz.KINDS])
def test_a_schema_table_fits_the_terminal(
    kind: str, width: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    assert main(["schema", kind, "--format", "table"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= width
    schema = usnz.export.json_schema(kind)
    words = " ".join(" ".join(lines).split())
    for field in schema["properties"].values():  # every description whole: never cut
        assert " ".join(field.get("description", "").split()) in words
    assert "Not shown" not in words


def test_a_schema_table_at_80_columns(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["schema", "sources", "--format", "table"]) == 0
    assert capsys.readouterr().out.splitlines()[:9] == [
        "field       type                                         required  ↓ description",
        "-" * 80,
        "id          string                                       yes",
        "    Stable kebab-case slug.",
        "title       string                                       yes",
        "    The text's title.",
        "publisher   string                                       yes",
        "    Who published it.",
        "kind        one of dataset|encyclopedia-article|         yes",
    ]


def test_a_schema_table_too_narrow_for_its_columns_says_what_it_leaves_out(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "20")
    assert main(["schema", "sources", "--format", "table"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("Not shown for want of room: ")


# -- usnz cite: a source's date its text does not state is marked ------------------------------------


def test_cite_marks_a_date_from_outside_the_texts(capsys: pytest.CaptureFixture[str]) -> None:
    text = usnz.cite()
    assert '- "John Key leaves US for Canada". News article, publisher: NZPA, 2010-04~ †. SHA-256 ' in text
    assert (
        "† nzpa-key-leaves-us: date not stated in the news article: taken from outside the texts "
        "(its doubts say how: usnz show nzpa-key-leaves-us)"
    ) in text.splitlines()
    assert main(["cite"]) == 0
    assert capsys.readouterr().out == text
    bibtex = usnz.cite("bibtex")
    news = bibtex[bibtex.index("@misc{nzpa-key-leaves-us,") :].split("\n\n")[0]
    sha = usnz.get("nzpa-key-leaves-us", usnz.Source).sha256
    note = f"SHA-256 {sha}; date approximate; date not stated in the news article: taken from outside the texts"
    assert f"  note = {{{note}}}," in news


def test_cite_words_an_inferred_date_from_its_basis(monkeypatch: pytest.MonkeyPatch) -> None:
    from usnz.faces import cite as _cite

    news = usnz.get("nzpa-key-leaves-us", usnz.Source)
    inferred = attrs.evolve(news, date_basis="inferred")
    monkeypatch.setattr(_cite, "_sources", lambda _data: (inferred,))
    assert "NZPA, 2010-04~ *. SHA-256" in usnz.cite()
    assert "* nzpa-key-leaves-us: date not stated in the news article: inferred from the texts" in usnz.cite()
    assert "date not stated in the news article: inferred from the texts}," in usnz.cite("bibtex")


def test_one_record_says_which_figures_another_record_counts(capsys: pytest.CaptureFixture[str]) -> None:
    """``usnz show rnzn-korea``: no killed of its own; the field naming K-FORCE is marked, the legend says which."""
    navy = usnz.get("rnzn-korea")
    lines = show_text(navy, width=100).splitlines()
    assert "  casualties_in  k-force-korea ⊂" in lines
    assert lines[-1] == "⊂ counted within k-force-korea's figure: killed, wounded, captured"
    assert not any(line.split()[:1] == ["killed"] for line in lines)
    html = navy._repr_html_()
    assert 'k-force-korea <span class="usnz-mark" title="counted within another record&#x27;s figure">⊂</span>' in html
    assert "⊂ counted within k-force-korea&#x27;s figure: killed, wounded, captured</div>" in html
    assert main(["show", "rnzn-korea"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == lines[-1]
    assert "⊂" not in show_text(usnz.get("k-force-korea"))  # its own figures


# -- A person's offices marked: the legend says the mark is of the role's dates, not of the office ------


def test_a_marked_office_says_the_mark_is_of_its_dates(capsys: pytest.CaptureFixture[str]) -> None:
    note = (
        "offices: a mark means a role is read from the texts, not stated (*), or no date of it is: every date it is "
        "known by (a record naming it) is inferred (*) or from outside the texts (†)"
    )
    people = usnz.people(office="prime-minister", country="NZL")
    text = table_text(people, width=200)
    assert "Prime Minister *" in text.split("john-key")[1].splitlines()[0]
    assert note in text.splitlines()
    assert note in people._repr_html_()
    assert note not in table_text(usnz.people(office="secretary-of-state"), width=200)  # their roles dated
    narrow = table_text(people, width=40)
    assert "offices" in " ".join(narrow.split("Not shown for want of room")[1].split())  # left out, and said so
    assert note[:20] not in narrow


def test_show_marks_a_read_combat_and_leaves_the_flag_at_its_default_unsaid() -> None:
    stated = show_text(usnz.get("nz-gulf-war-1991"), width=120)
    assert "combat_stated" not in stated
    assert "\n  combat      False ≠\n" in stated  # ¶6, ¶8 and ¶12 say it fought
    read = show_text(usnz.get("nz-training-team-chi-lang"), width=120)
    assert "\n  combat         False *\n" in read
    assert "\n  combat_stated  False\n" in read


def test_show_marks_the_values_a_dispute_is_about() -> None:
    """The value the other side states otherwise carries ≠, not the disputes line alone (text and HTML)."""
    rotations = show_text(usnz.get("nzsas-afghanistan-rotations"), width=120)
    assert "\n  personnel     40-65 personnel ≠\n" in rotations
    assert "\n  combat        True\n" in rotations  # both sides say it fought
    gulf = show_text(usnz.get("nz-gulf-war-1991"), width=120)
    assert "\n  combat      False ≠\n" in gulf
    assert "≠" in usnz.get("nz-gulf-war-1991")._repr_html_().split("combat", 1)[1].split("</tr>", 1)[0]
    assert "≠" not in show_text(usnz.get("anzus"), width=120)


def test_a_country_group_read_as_one_is_no_country_read_from_a_name() -> None:
    """'the same four-country group ... is read as' speaks of the group, not of a country: the P4's are named (¶39)."""
    assert not marks.country_read(usnz.get("p4-member-countries"))
    assert not marks.read_fields(usnz.get("trans-pacific-partnership"))
    assert marks.read_fields(usnz.get("nz-us-council")) == ("country",)  # "country: NZL is read from" its name
