"""What a person sees carries the caveats: marks and their legends, the disputes view, quotes as
stored, control characters escaped, and displays whose cost grows linearly with the records."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import attrs
import pytest

import usnz
from usnz.cli import main
from usnz.faces import marks
from usnz.faces.columns import table
from usnz.faces.html import records_html
from usnz.faces.text import show_text, table_text
from work import calls

SOURCE = "encyclopedia-nz-us-relations"


def _rows(text: str) -> dict[str, str]:
    """Each record's first line of a terminal table, by id."""
    return {line.split()[0]: line for line in text.splitlines()[2:] if line and not line.startswith(" ")}


# -- Marks ------------------------------------------------------------------------------------


def test_both_sas_rows_are_marked_as_disputed_and_not_the_prt() -> None:
    afghanistan = usnz.force_contributions(conflict="war-in-afghanistan", country="NZL")
    text = table_text(afghanistan, width=120)
    rows = _rows(text)
    assert rows["nzsas-afghanistan-rotations"].split()[1] == "≠2"  # usnz.disputes()[1]
    assert rows["nzsas-afghanistan-fifty"].split()[1] == "≠2"
    assert "≠" not in rows["nz-bamyan-prt"]
    assert "≠2 nzsas-afghanistan-rotations and nzsas-afghanistan-fifty disagree: personnel" in text
    html = afghanistan._repr_html_()
    assert html.count('class="usnz-mark"') == 3  # the two SAS rows, and one combat read from a role
    assert html.count('class="usnz-mark" title="≠2') == 2
    assert "no *" in rows["nz-transport-aircraft-afghanistan"]  # transport aircraft: combat read, not stated
    assert "disagree: personnel 40-65 personnel / 50 personnel" in html


def test_an_assumed_currency_is_marked_with_a_legend() -> None:
    text = table_text(usnz.assistance(during=2005), width=120)
    assert "NZD 2,000,000 *" in _rows(text)["nz-katrina-red-cross-pledge"]
    assert text.splitlines()[-4].startswith("* not stated in the texts")  # the legend, wrapped at 120
    assert text.splitlines()[-2].startswith("Dates: ~ approximate (2005-08~/2005~ *: an inferred date")
    shown = str(usnz.get("nz-katrina-red-cross-pledge"))
    assert "NZD 2,000,000 *" in shown
    assert "* not stated in the texts" in shown
    assert "usnz-mark" in usnz.get("nz-katrina-red-cross-pledge")._repr_html_()


def test_an_inferred_start_is_marked() -> None:
    iraq = table_text(usnz.force_contributions(conflict="iraq-war"), width=160)
    assert "2003-10~/2004-10 *" in _rows(iraq)["nz-engineers-iraq"]
    assert usnz.get("nz-engineers-iraq").date_basis == "inferred"


def test_a_date_from_outside_the_texts_is_marked_so() -> None:
    outside = [record for record in usnz.timeline() if getattr(record, "date_basis", None) == "external"]
    assert outside
    text = table_text(usnz.Records(outside[:1]), width=160)
    assert f" {marks.OUTSIDE}" in text
    assert text.splitlines()[-1] == f"{marks.OUTSIDE} a date from outside the texts"


def test_a_stated_record_has_no_mark_and_no_legend() -> None:
    korea = usnz.Records(f for f in usnz.force_contributions(conflict="korean-war") if f.combat_stated)
    text = table_text(korea, width=160)
    # the one mark's line: the dead of the navy (the liaison officer's combat is read), counted within K-FORCE's
    assert text.splitlines()[-3:] == [
        f"({len(korea)} records)",
        "⊂ counted within k-force-korea's figure: rnzn-korea",
        "No record here states: personnel, aircraft (so not shown; unknown, not 0)",
    ]
    assert not any(mark in text for mark in ("≠", "†", " *"))
    # K-FORCE's combat is read from its killed in action, the liaison officer's from the role: marked
    read = _rows(table_text(usnz.force_contributions(conflict="korean-war"), width=160))
    assert "yes *" in read["k-force-korea"]
    assert "no *" in read["nz-korea-liaison-officer"]


def test_a_country_read_from_a_name_is_marked() -> None:
    council = usnz.get("nz-us-council")
    assert marks.country_read(council)
    assert "USA *" in str(council) or "NZL *" in str(council)
    assert not marks.country_read(usnz.get("anzus"))


def test_quantities_read_right() -> None:
    assert "2,010" not in str(usnz.get("apec-free-trade-target-year"))
    assert "2010" in str(usnz.get("apec-free-trade-target-year"))
    length = str(usnz.get("nz-engineers-iraq-deployment-length"))
    assert "1 year" in length
    assert "1 years" not in length
    assert "2,010" not in table_text(usnz.figures(), width=160)


# -- The disputes view ------------------------------------------------------------------------


def test_disputes_are_still_a_tuple_of_groups() -> None:
    groups = usnz.disputes()
    assert isinstance(groups, tuple)
    assert isinstance(groups, usnz.Disputes)
    assert all(isinstance(group, usnz.Records) for group in groups)
    assert ("nzsas-afghanistan-rotations", "nzsas-afghanistan-fifty") in groups.ids()
    assert repr(groups).startswith("Disputes([(nz-gulf-war-1991, nz-gulf-war-fought-claim)")


def test_disputes_print_what_differs_and_each_side_s_paragraphs() -> None:
    text = str(usnz.disputes())
    assert text.startswith("3 disputes\n")
    assert "≠1 combat: nz-gulf-war-1991 says no (support only), nz-gulf-war-fought-claim says yes (fought)" in text
    assert "≠2 personnel: nzsas-afghanistan-rotations says 40-65 personnel, nzsas-afghanistan-fifty says 50" in text
    assert "nzsas-afghanistan-fifty (force-contribution, ¶23 — encyclopedia)" in text
    assert "nz-gulf-war-fought-claim (force-contribution, ¶6, ¶8, ¶12 — encyclopedia)" in text
    assert str(usnz.Disputes()) == "(no disputes)"


def test_disputes_show_as_html_a_group_at_a_time() -> None:
    html = usnz.disputes()._repr_html_()
    assert html.count('class="usnz-table usnz-dispute"') == 3
    assert "<strong>≠2</strong> personnel: nzsas-afghanistan-rotations says 40-65 personnel" in html
    assert "¶23 — encyclopedia" in html


# -- usnz show --------------------------------------------------------------------------------


def test_show_prints_every_quote_exactly_as_stored(capsys: pytest.CaptureFixture[str]) -> None:
    quoted = [record for record in usnz.dataset() if any(c.quote for c in getattr(record, "citations", ()))]
    for record in quoted:  # on a wide enough line, each quote is printed whole, exactly as stored
        text = show_text(record, width=100_000)
        for citation in record.citations:
            if citation.quote is not None:
                assert f"“{citation.quote}”" in text, (record.id, citation.quote)
    spaced = [r for r in quoted if any("  " in (c.quote or "") for c in r.citations)]
    assert spaced  # the archive's damage: runs of spaces, kept
    for record in spaced:
        assert main(["show", record.id]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert _quotes_as_printed(lines) == [c.quote for c in record.citations if c.quote is not None], record.id


def _quotes_as_printed(lines: list[str]) -> list[str]:
    """The quotes put back together from their wrapped lines: a line ending at a word broke at one space."""
    quotes: list[str] = []
    at = 0
    while at < len(lines):
        if "“" not in lines[at]:
            at += 1
            continue
        indent = lines[at].index("“") + 1
        text = lines[at][indent:]
        while not text.endswith("”"):
            at += 1
            part = lines[at][indent:]
            text += part if text.endswith(" ") or part.startswith(" ") else f" {part}"
        quotes.append(text.removesuffix("”"))
        at += 1
    return quotes


def test_show_lists_doubts_one_per_line_disputes_first() -> None:
    record = usnz.get("nzsas-afghanistan-rotations")
    lines = show_text(record, width=100).splitlines()
    first = next(at for at, line in enumerate(lines) if line.startswith("  doubts"))
    column = lines[first].index("contradiction")  # where each doubt starts; a doubt's further lines start 2 in
    end = next(at for at in range(first + 1, len(lines)) if not lines[at].startswith(" " * column))
    starts = [line[column:] for line in lines[first:end] if not line[column:].startswith(" ")]
    assert len(starts) == len(record.doubts)  # one doubt a line, continued with a hanging indent
    kinds = [start.split(" ", 1)[0] for start in starts]
    assert kinds == sorted(kinds, key=lambda kind: kind != "contradiction")  # disputes first
    assert kinds[0] == "contradiction"


@pytest.mark.parametrize("width", [10, 21, 40])
def test_show_prints_at_any_width(width: int) -> None:
    text = show_text(usnz.get("nzsas-afghanistan-rotations"), width=width)
    assert "nzsas-afghanistan-fifty" in text  # an id is never broken at its hyphens


# -- Control characters -----------------------------------------------------------------------


HOSTILE = "Evil\x1b]0;pwned\x07 \x1b[2J title\u202e\ud800"


def _hostile() -> usnz.Event:
    """A record holding control characters: refused when checked, so built with the checks off (as by a
    caller's ``attrs.validators.disabled()``); the faces escape what they print all the same."""
    with attrs.validators.disabled():
        return _hostile_unchecked()


def _hostile_unchecked() -> usnz.Event:
    return usnz.Event(
        id="hostile-title",
        kind="statement",
        title=HOSTILE,
        summary=f"A summary {HOSTILE}",
        date=usnz.PartialDate.parse("2008-07"),
        date_basis="stated",
        citations=(usnz.Citation(source="nzpa-key-leaves-us", paragraph=2, quote=f"said {HOSTILE}"),),
    )


@pytest.mark.parametrize(
    "face",
    [
        str,
        lambda record: str(usnz.Records((record,))),
        lambda record: record._repr_html_(),
        lambda record: records_html(usnz.Records((record,))),
    ],
)
def test_every_face_escapes_control_characters(face: Callable[[usnz.Event], str]) -> None:
    shown = face(_hostile())
    assert not any(char in shown for char in "\x1b\x07\u202e")
    assert "\\x1b" in shown
    shown.encode("utf-8")  # no lone surrogate: printing never raises


# -- Costs grow linearly ----------------------------------------------------------------------


def _records(pairs: int) -> list[usnz.AnyRecord]:
    source = usnz.get(SOURCE)
    made: list[usnz.AnyRecord] = [source]
    cited = (usnz.Citation(source=SOURCE, paragraph=1),)
    for n in range(pairs):
        for side, other in ((f"a{n}", f"b{n}"), (f"b{n}", f"a{n}")):
            made.append(
                usnz.Event(
                    id=f"e-{side}",
                    kind="statement",
                    title=f"Event {side}",
                    summary="A test.",
                    date=usnz.PartialDate.parse(f"{1900 + n % 100}"),
                    date_basis="stated",
                    disputes=(f"e-{other}",),
                    citations=cited,
                )
            )
    return made


@pytest.mark.parametrize(
    "face",
    [
        lambda data: data.disputes(),
        lambda data: data.events()._repr_html_(),
        lambda data: data.disputes()._repr_html_(),
    ],
)
def test_disputes_and_html_cost_grows_linearly(face: Callable[[usnz.Dataset], object]) -> None:
    small, large = usnz.Dataset(_records(2000)), usnz.Dataset(_records(4000))
    face(small)
    once, twice = calls(lambda: face(small)), calls(lambda: face(large))  # work counted, not timed
    assert twice <= 2.5 * once, (once, twice)  # linear doubles; quadratic would be 4x


def test_a_slice_of_the_disputes_is_a_view_too() -> None:
    groups = usnz.disputes()
    assert isinstance(groups[1:], usnz.Disputes)
    assert str(groups[1:2]).startswith("1 dispute\n\n≠2 personnel")  # its number in the whole list
    assert isinstance(groups[0], usnz.Records)


# -- Doubts as the model holds them -----------------------------------------------------------


def _doubted() -> tuple[usnz.ForceContribution, usnz.ForceContribution]:
    import attrs

    rotations, fifty = usnz.get("nzsas-afghanistan-rotations"), usnz.get("nzsas-afghanistan-fifty")
    assert isinstance(rotations, usnz.ForceContribution)
    assert isinstance(fifty, usnz.ForceContribution)

    def doubt(kind: str, text: str, *concerns: str) -> usnz.Doubt:
        return usnz.Doubt(kind=kind, source=SOURCE, paragraphs=(24,), text=text, concerns=concerns)  # type: ignore[arg-type]

    return (
        attrs.evolve(
            rotations,
            notes=None,
            doubts=(
                doubt("vague", "The months are not given."),
                doubt("contradiction", "A reading of another passage.", "someone-else"),
                doubt("contradiction", "Paragraph 23 gives fifty.", "nzsas-afghanistan-fifty"),
            ),
        ),
        attrs.evolve(fifty, notes="Only notes, no doubt.", doubts=(doubt("reading", "Units read as members."),)),
    )


def test_doubts_print_one_a_line_contradictions_first() -> None:
    rotations, fifty = _doubted()
    lines = show_text(rotations, width=100).splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  doubts"))
    assert "contradiction (encyclopedia-nz-us-relations ¶24): A reading" in lines[at]
    assert lines[at + 2].strip().startswith("vague")
    assert not any(line.startswith("  notes") for line in lines)
    shown = show_text(fifty, width=100)
    assert "  notes" in shown
    assert "  reading (encyclopedia-nz-us-relations ¶24): Units read as members." in shown
    text = str(usnz.Disputes((usnz.Records((rotations, fifty)),)))
    assert "contradiction (encyclopedia-nz-us-relations ¶24): Paragraph 23 gives fifty." in text  # its own side
    html = fifty._repr_html_()
    assert "Units read as members." in html


def test_what_differs_needs_one_kind_and_reads_lists() -> None:
    assert marks.differences([usnz.get("anzus"), usnz.get("korean-war")]) == []
    treaty = usnz.get("anzus")
    other = attrs_evolve(treaty, id="anzus-two", parties=("AUS", "NZL"))
    assert marks.differences([treaty, other]) == [("parties", [("anzus", "AUS; NZL; USA"), ("anzus-two", "AUS; NZL")])]
    later = attrs_evolve(treaty, id="anzus-later", signed=usnz.PartialDate.parse("1952"))
    assert marks.differences([treaty, later]) == [("signed", [("anzus", "1951"), ("anzus-later", "1952")])]


def attrs_evolve(record: usnz.AnyRecord, **changes: object) -> usnz.AnyRecord:
    import attrs

    return attrs.evolve(record, **changes)  # type: ignore[misc]


def test_a_table_too_wide_keeps_at_least_its_id_and_label() -> None:
    long = [
        attrs_evolve(usnz.get("anzus"), id=("x" * 120) + f"-{n}", name=f"Treaty {n}", parties=parties)
        for n, parties in enumerate((("AUS",), ("NZL",)))
    ]
    html = records_html(usnz.Records(long))
    assert "Not shown for want of room: signed, parties" in html  # the date is kept, as the rest, for room
    assert ">name<" in html


def test_values_read_without_the_amounts_module_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from usnz.faces.text import field_mark, value_text

    monkeypatch.delitem(sys.modules, "usnz.model.amounts")  # as when no record with a figure is built
    assert value_text("plain") == "plain"
    assert field_mark(usnz.get("anzus"), "name", "Australia, New Zealand, United States Security Treaty") == ""


def test_a_citation_without_a_quote_is_shown_alone() -> None:
    with attrs.validators.disabled():
        event = attrs_evolve(_hostile(), citations=(usnz.Citation(source="nzpa-key-leaves-us", paragraph=2),))
    text = show_text(event, width=100)
    assert "nzpa-key-leaves-us ¶2" in text
    assert "“" not in text


# Every unit of the packaged data, as it reads for the one figure 1 and for several (3). A unit in the
# singular names a numbered thing (the year 2010, the 92nd edition): read before its number.
UNITS_READ = {
    "House members": ("1 House member", "3 House members"),
    "aircraft": ("1 aircraft", "3 aircraft"),
    "beds": ("1 bed", "3 beds"),
    "continents": ("1 continent", "3 continents"),
    "countries": ("1 country", "3 countries"),
    "days": ("1 day", "3 days"),
    "edition": ("1 edition", "edition 3"),
    "elements": ("1 element", "3 elements"),
    "fighters": ("1 fighter", "3 fighters"),
    "listening posts": ("1 listening post", "3 listening posts"),
    "major wins": ("1 major win", "3 major wins"),
    "members": ("1 member", "3 members"),
    "miles": ("1 mile", "3 miles"),
    "minutes": ("1 minute", "3 minutes"),
    "months": ("1 month", "3 months"),
    "nations": ("1 nation", "3 nations"),
    "percent": ("1 percent", "3 percent"),
    "personnel": ("1 person", "3 personnel"),
    "rotations": ("1 rotation", "3 rotations"),
    "season": ("1 season", "season 3"),
    "senators": ("1 senator", "3 senators"),
    "ships": ("1 ship", "3 ships"),
    "students": ("1 student", "3 students"),
    "terms": ("1 term", "3 terms"),
    "titles": ("1 title", "3 titles"),
    "weeks": ("1 week", "3 weeks"),
    "year": ("1 year", "year 3"),
    "years": ("1 year", "3 years"),
}


def _data_quantities() -> list[tuple[str, str, usnz.Quantity]]:
    found = []
    for record in usnz.dataset():
        for field in attrs.fields(type(record)):
            value = getattr(record, field.name)
            if isinstance(value, usnz.Quantity):
                found.append((record.id, field.name, value))
    return found


def test_every_unit_of_the_data_reads_right_for_one_and_several() -> None:
    units = {quantity.unit for _, _, quantity in _data_quantities()}
    assert units <= set(UNITS_READ), f"say how these units read in UNITS_READ: {sorted(units - set(UNITS_READ))}"
    for unit in units:
        assert (str(usnz.Quantity(unit=unit, best=1)), str(usnz.Quantity(unit=unit, best=3))) == UNITS_READ[unit]


def test_no_year_of_the_data_has_a_thousands_separator_and_no_one_reads_plural() -> None:
    for record_id, name, quantity in _data_quantities():
        text = str(quantity)
        if quantity.unit == "year":
            assert "," not in text, (record_id, name, text)
        if quantity.best == 1:
            assert text == f"1 {quantity.unit.removesuffix('s')}" or quantity.unit == "personnel", (record_id, text)
    assert str(usnz.get("apec-free-trade-target-year").quantity) == "year 2010"
    assert str(usnz.get("nz-engineers-iraq-deployment-length").quantity) == "1 year"
    assert str(usnz.get("indianapolis-500-2008-edition").quantity) == "edition 92"
    assert str(usnz.Records([usnz.get("nz-engineers-iraq-deployment-length")]).total("quantity")).startswith(
        "1 year (1 record counted"
    )


# -- A column of equal cells that carry a mark is kept, with its legend (review 6, M4) ----------


@pytest.mark.filterwarnings("ignore:.*possibly=True includes:usnz.QueryWarning")  # a planned date in the window
def test_equal_dates_from_outside_the_texts_keep_their_column_and_legend() -> None:
    events = usnz.events(involving="john-key", during=2010)
    assert len(events) > 1
    assert {(str(e.when), e.date_basis) for e in events} == {("2010-04~", "external")}
    text = table_text(events, width=200)
    assert text.splitlines()[0].split()[:2] == ["id", "when"]
    rows = _rows(text)
    assert all("2010-04~ †" in rows[event.id] for event in events)
    assert f"† {marks.MEANING[marks.OUTSIDE]}" in text
    html = events._repr_html_()
    assert "2010-04~" in html
    assert "†" in html
    assert marks.MEANING[marks.OUTSIDE] in html


def test_equal_inferred_dates_keep_their_column_and_legend() -> None:
    quotes = usnz.quotes(speaker="john-key", during=2009)
    assert len(quotes) > 1
    assert {(str(q.date), q.date_basis) for q in quotes} == {("2009~", "inferred")}
    text = table_text(quotes, width=200)
    assert "date" in text.splitlines()[0].split()
    rows = _rows(text)
    assert all("2009~ *" in rows[quote.id] for quote in quotes)
    assert text.splitlines()[-2].startswith("* not stated in the texts")
    assert text.splitlines()[-1] == (  # no ~ here is a hedge of the text: the reading places the dates
        "Dates: ~ approximate (2009~ *: an inferred date, placed approximately by the reading; the text does not hedge it)"
    )
    html = quotes._repr_html_()
    assert "2009~" in html
    assert "read from them" in html


def test_the_dates_legend_calls_a_tilde_a_hedge_of_the_text_only_for_a_stated_date() -> None:
    """Review 10 #10: 2007-03~ * and 2010-04~ † are the reading's approximations; 2001~ is the text's "late 2001"."""
    clark = table_text(usnz.events(involving="helen-clark"), width=200)
    assert "2007-03~ *" in clark
    assert "the text hedges" not in clark
    assert "(2007-03~ *: an inferred date, placed approximately by the reading; the text does not hedge it)" in clark
    obama = str(usnz.get("obama-inauguration"))
    assert "the text hedges" not in obama
    assert "2009~ *: an inferred date" in " ".join(obama.split())
    outside = " ".join(table_text(usnz.quotes(during="2010-04"), width=200).split())
    assert "the text hedges" not in outside
    assert "2010-04~ †: a date from outside the texts, placed approximately by the reading" in outside
    mixed = [usnz.get("nzsas-afghanistan-rotations"), usnz.get("clark-visits-washington-for-bush-talks")]
    both = " ".join(table_text(usnz.Records(mixed), width=200).split())
    assert (
        "Dates: ~ approximate (the text hedges: 'late 2001', 'about'; 2007-03~ *: an inferred date, placed "
        "approximately by the reading)"
    ) in both
    assert "the text hedges: 'late 2001'" in " ".join(str(usnz.get("nzsas-afghanistan-rotations")).split())
    html = usnz.events(involving="helen-clark")._repr_html_()
    assert "placed approximately by the reading" in html
    assert "the text hedges" not in html


def test_equal_unmarked_cells_are_still_left_out() -> None:
    chosen, _ = table(usnz.force_contributions(conflict="korean-war"))
    assert "conflict" not in [column.name for column in chosen]
    stated = [e for e in usnz.events() if e.date_basis == "stated" and e.when is not None][:1] * 2
    assert "when" in [column.name for column in table(stated)[0]]  # a date is kept: it answers "when?"
    assert "summary" not in [column.name for column in table(stated)[0]]


@pytest.mark.filterwarnings("ignore:.*possibly=True includes:usnz.QueryWarning")  # a planned date in the window
def test_the_csv_of_marked_records_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "events", "--involving", "john-key", "--during", "2010", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    heading = lines[0].split(",")
    assert heading[:5] == ["id", "kind", "title", "summary", "date"]
    assert "date_basis" in heading
    assert len(lines) == 1 + len(usnz.events(involving="john-key", during=2010))
    assert "†" not in "\n".join(lines)
    assert all(",2010-04~,2010-04-01,2010-04-30," in line and ",external," in line for line in lines[1:])


# -- A dispute has one number everywhere: its place in usnz.disputes() (review 6, M8) ----------


def _numbers(text: str) -> dict[str, str]:
    """Each disputing id of a terminal table and its mark (``≠2``)."""
    return {
        line.split()[0]: line.split()[1]
        for line in text.splitlines()
        if len(line.split()) > 1 and "≠" in line.split()[1]
    }


@pytest.mark.parametrize(
    "records",
    [
        lambda: usnz.force_contributions(conflict="war-in-afghanistan", country="NZL"),
        lambda: usnz.search("nuclear"),
        lambda: usnz.force_contributions(),
        lambda: usnz.Records([r for group in usnz.disputes()[::-1] for r in group]),
    ],
)
def test_a_table_s_dispute_number_is_its_index_in_disputes(records: Callable[[], usnz.Records[usnz.Record]]) -> None:
    shown = records()
    index = {rid: at for at, group in enumerate(usnz.disputes(), start=1) for rid in group.ids()}
    text = table_text(shown, width=250)
    found = _numbers(text)
    assert found
    assert found == {rid: f"≠{index[rid]}" for rid in found}
    legend = [line for line in text.splitlines() if line.startswith("≠")]
    assert [line.split()[0] for line in legend] == sorted(set(found.values()), key=lambda n: int(n[1:]))
    for line in legend:  # each group's line names the records of that group of usnz.disputes()
        assert line.endswith("(usnz.disputes())")
        assert line.split()[1] in usnz.disputes()[int(line.split()[0][1:]) - 1].ids()
    html = records_html(shown)
    assert {number for number in found.values() if f">{number}<" in html} == set(found.values())


def test_the_afghanistan_dispute_is_the_second_of_disputes_everywhere() -> None:
    afghanistan = usnz.force_contributions(conflict="war-in-afghanistan", country="NZL")
    assert usnz.disputes()[1].ids() == ("nzsas-afghanistan-rotations", "nzsas-afghanistan-fifty")
    text = table_text(afghanistan, width=250)
    assert _numbers(text) == {"nzsas-afghanistan-rotations": "≠2", "nzsas-afghanistan-fifty": "≠2"}
    (line,) = [line for line in text.splitlines() if line.startswith("≠2 ")]  # the legend's dispute line
    assert line.startswith("≠2 nzsas-afghanistan-rotations and nzsas-afghanistan-fifty disagree")
    assert line.endswith("(usnz.disputes())")
    assert text.splitlines()[-3].startswith("* not stated in the texts")  # the transport aircraft's combat
    assert "≠2" in str(usnz.disputes()[1:2])
    assert "<strong>≠2</strong>" in usnz.disputes()[1:2]._repr_html_()
    assert "<strong>≠1</strong>" in usnz.disputes()._repr_html_()


def test_a_dataset_given_numbers_the_disputes_and_is_named() -> None:
    afghanistan = usnz.force_contributions(conflict="war-in-afghanistan", country="NZL")
    text = table_text(afghanistan, width=200, data=usnz.dataset())
    assert "≠2 nzsas-afghanistan-rotations" in text
    (line,) = [line for line in text.splitlines() if line.startswith("≠2 ")]
    assert line.endswith("(the dataset's disputes())")
    assert "≠2" in records_html(afghanistan, data=usnz.dataset())


def test_records_not_the_dataset_s_own_are_numbered_in_the_table_and_point_nowhere() -> None:
    rotations, fifty = usnz.disputes()[1]
    mine = usnz.Records([attrs.evolve(rotations, summary="My own reading."), fifty])  # no longer the packaged record
    text = table_text(mine, width=200)
    assert _numbers(text) == {"nzsas-afghanistan-rotations": "≠1", "nzsas-afghanistan-fifty": "≠1"}
    legend = text.splitlines()[-3]
    assert legend.startswith("≠1 nzsas-afghanistan-rotations and nzsas-afghanistan-fifty disagree")
    assert "disputes()" not in legend
    assert "disputes()" not in records_html(mine).split('class="usnz-legend"')[1]
    from usnz.faces.html import disputes_html
    from usnz.faces.text import disputes_text, group_numbers

    assert disputes_text([mine], width=100).splitlines()[2].startswith("≠1 personnel")
    assert "<strong>≠1</strong>" in disputes_html([mine])
    assert group_numbers([]) == []
    assert group_numbers([(), (fifty,)]) == [1, 2]  # an empty group has no number of its own


def test_table_marks_number_a_group_as_disputes_does() -> None:
    rotations, fifty = usnz.disputes()[1]
    from usnz.faces.columns import table_marks

    columns_of = table([rotations])[0]
    marks_of, legend = table_marks([rotations, fifty], columns_of)
    assert [row[0] for row in marks_of] == ["≠2", "≠2"]
    assert len([line for line in legend if line.startswith("≠")]) == 1


# -- A speaker read from context, not named by the text --------------------------------------------

_READ_SPEAKERS = (
    "schwab-vitally-important-region",  # enc ¶39: quoted with no speaker
    "hill-focus-on-things-we-can-make-work",  # enc ¶9: no speaker
    "key-defend-values-together",  # NZPA ¶3: no speaker
    "key-difficult-times",  # NZPA ¶4: "He said"
    "key-from-strength-to-strength",
    "key-like-minded-approach",  # NZPA ¶6: no speaker
    "key-tpp-solid-benefits",  # NZPA ¶10: "he said"
    "key-tpp-testing",
)


def test_exactly_the_speakers_the_doubts_say_are_read_are_marked() -> None:
    read = {quote.id for quote in usnz.quotes() if marks.speaker_read(quote)}
    assert read == set(_READ_SPEAKERS)
    # named by the text: "Helen Clark said", "Mr Key said", "She went on to say" (Rice, named just before)
    assert not read & {"clark-democrats-few-problems", "key-natural-partners", "hill-a-relic"}


def test_a_read_speaker_is_marked_in_the_table_in_show_and_in_html(capsys: pytest.CaptureFixture[str]) -> None:
    schwab = usnz.quotes(speaker="susan-schwab")
    text = table_text(schwab, width=100)
    assert "susan-schwab *" in text.splitlines()[2]
    assert "a speaker the text does not name" in text
    assert main(["show", "schwab-vitally-important-region"]) == 0
    shown = capsys.readouterr().out
    assert "speaker     susan-schwab *" in shown
    html = records_html(schwab)
    assert '>susan-schwab <span class="usnz-mark"' in html
    record = usnz.get("schwab-vitally-important-region")._repr_html_()
    assert 'susan-schwab <span class="usnz-mark"' in record
    # a stated speaker: no mark on it
    assert "christopher-hill *" not in show_text(usnz.get("hill-a-relic"))
    rows = table(usnz.quotes(speaker="christopher-hill"))
    speaker = [c.name for c in rows[0]].index("speaker")
    assert [row[speaker] for row in rows[1]] == ["christopher-hill", "christopher-hill"]


def test_one_captured_reads_one_person(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "k-force-korea"]) == 0
    shown = capsys.readouterr().out
    assert "captured       1 person\n" in shown  # (the names as wide as combat_stated, which it shows)
    assert "killed         33 personnel" in shown
    assert str(usnz.Quantity(low=1, unit="personnel")) == "at least 1 person"


# -- A period of one date reads as that date (review 6, C3) -------------------------------------


@pytest.mark.parametrize(
    ("rid", "read", "stored"),
    [("nz-gulf-war-1991", "1991", "1991/1991"), ("nzsas-operation-anaconda", "2002-03", "2002-03/2002-03")],
)
def test_a_period_of_one_date_reads_as_that_date_in_every_face(
    rid: str, read: str, stored: str, capsys: pytest.CaptureFixture[str]
) -> None:
    record = usnz.get(rid)
    assert str(record.when) == stored  # the value itself stays EDTF: parse(str(p)) == p
    shown = usnz.Records([record])
    for text in (
        str(record),
        str(shown),
        str(usnz.timeline(during=read[:4])),
        record._repr_html_(),
        shown._repr_html_(),
        usnz.timeline(during=read[:4])._repr_html_(),
    ):
        assert stored not in text
        assert read in text
    assert main(["show", rid]) == 0
    out = capsys.readouterr().out
    assert ["period", read] in [line.split() for line in out.splitlines()]
    assert stored not in out
    for output in ("csv", "json"):  # machine formats keep the stored value
        assert main(["list", "force-contributions", "--format", output]) == 0
        assert stored in capsys.readouterr().out
    assert main(["timeline", "--during", read[:4], "--format", "csv"]) == 0
    assert stored in capsys.readouterr().out
    assert marks.date_text(usnz.Period.parse(f"{read}/")) == f"{read}/"
    assert marks.date_text(usnz.Period.parse(f"/{read}")) == f"/{read}"


# -- Query results remember their dataset (review 6, M8 follow-up) -------------------------------


@pytest.fixture(scope="module")
def without_the_gulf_dispute(tmp_path_factory: pytest.TempPathFactory) -> usnz.Dataset:
    """The packaged data but for the Gulf War dispute (usnz.disputes()[0]): its ≠2 is this dataset's ≠1."""
    folder = tmp_path_factory.mktemp("data")
    for path in Path(str(resources.files("usnz") / "data")).glob("*.json"):
        records = json.loads(path.read_text(encoding="utf-8"))
        for record in records:
            if record["id"] in {"nz-gulf-war-1991", "nz-gulf-war-fought-claim"}:
                record.pop("disputes", None)
                record["doubts"] = [d for d in record.get("doubts", ()) if d["kind"] != "contradiction"]
        (folder / path.name).write_text(json.dumps(records), encoding="utf-8")
    return usnz.load(folder)


def _afghanistan(data: usnz.Dataset) -> usnz.Records[usnz.ForceContribution]:
    return data.force_contributions(conflict="war-in-afghanistan", country="NZL")


def test_a_user_dataset_s_results_number_disputes_as_its_disputes(without_the_gulf_dispute: usnz.Dataset) -> None:
    data = without_the_gulf_dispute
    assert data.disputes()[0].ids() == ("nzsas-afghanistan-rotations", "nzsas-afghanistan-fifty")
    ours = _afghanistan(data)
    assert ours == _afghanistan(usnz.dataset())  # the same records as the packaged ones
    for shown in (ours, ours[1:], ours + ours, usnz.Records(ours), data.disputes()[0]):
        text = str(shown)
        assert set(_numbers(text).values()) == {"≠1"}, text
        assert "(the dataset's disputes())" in text
        assert "usnz.disputes()" not in text
        html = shown._repr_html_()
        assert ">≠1<" in html
        assert "usnz.disputes()" not in html
    assert str(data.disputes()).splitlines()[2].startswith("≠1 personnel")
    concerns = next(
        d.concerns for d in data.doubts(kind="contradiction") if "nzsas-afghanistan-fifty" in d.concerns.ids()
    )
    assert concerns._data is data
    assert not [d for d in usnz.doubts() if d.concerns._data is not None]  # the packaged data: the default
    assert "<strong>≠1</strong>" in data.disputes()._repr_html_()
    assert "≠1 personnel" in str(data.disputes()[:1])
    packaged = _afghanistan(usnz.dataset())
    assert set(_numbers(str(packaged)).values()) == {"≠2"}
    assert set(_numbers(str(ours + packaged)).values()) == {"≠2"}  # of two datasets: the packaged default
    assert type(ours + ("not a record",)) is tuple  # noqa: RUF005 - a tuple added stays a tuple


def test_a_table_s_dispute_mark_hovers_with_its_legend_line(without_the_gulf_dispute: usnz.Dataset) -> None:
    def hovers(records: usnz.Records[usnz.ForceContribution]) -> set[str]:
        html = records._repr_html_()
        return set(re.findall(r'class="usnz-mark" title="([^"]*)">≠', html))

    (ours,) = hovers(_afghanistan(without_the_gulf_dispute))
    assert ours.startswith("≠1 nzsas-afghanistan-rotations and nzsas-afghanistan-fifty disagree")
    assert ours.endswith("(the dataset&#x27;s disputes())")
    (packaged,) = hovers(_afghanistan(usnz.dataset()))
    assert packaged.startswith("≠2 ")
    assert packaged.endswith("(usnz.disputes())")
    rotations, fifty = usnz.disputes()[1]
    (alone,) = hovers(usnz.Records([attrs.evolve(rotations, summary="Mine."), fifty]))
    assert alone.startswith("≠1 ")
    assert "disputes()" not in alone  # numbered in the table alone: it points to no list


def test_records_and_disputes_stay_immutable() -> None:
    records, groups = usnz.agreements(), usnz.disputes()
    for collection in (records, groups):
        with pytest.raises(AttributeError, match="read-only"):
            collection._data = usnz.dataset()  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue]
        with pytest.raises(AttributeError, match="read-only"):
            del collection._data  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue]
    assert records._data is None


def test_a_user_dataset_s_results_are_its_own_and_the_shared_empty_one_is_copied() -> None:
    from usnz.querying import dataset as querying

    data = usnz.Dataset([usnz.get("anzus")])
    none = data.records("events")
    assert none == ()
    assert none._data is data
    assert querying._NONE._data is None  # shared by every dataset: never changed
    treaties = data.agreements()
    assert treaties._data is data
    assert data.agreements() is treaties  # its own, remembered in place: not copied on each call


def test_print_of_a_record_honours_columns_as_a_table_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """Review 10 #20: ``str(record)`` wrote lines of up to 100 characters at COLUMNS=80."""
    monkeypatch.setenv("COLUMNS", "80")
    anzus = usnz.get("anzus")
    assert max(len(line) for line in str(anzus).splitlines()) <= 80
    assert max(len(line) for line in str(usnz.agreements()).splitlines()) <= 80
    monkeypatch.setenv("COLUMNS", "160")
    assert max(len(line) for line in str(anzus).splitlines()) > 100
