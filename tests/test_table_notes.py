"""Review 9: the date column kept, the figures no record states named, the date forms explained, no mid-word break."""

from __future__ import annotations

import pytest

import usnz
from usnz.faces import marks
from usnz.faces.columns import table, table_notes, unstated
from usnz.faces.html import record_html, records_html
from usnz.faces.text import _wrap_words, show_text, table_text  # pyright: ignore[reportPrivateUsage]


def test_a_date_every_row_shares_is_still_shown() -> None:
    events = usnz.events(during="1985")
    assert {str(event.when) for event in events} == {"196X/1987"}
    assert len(events) > 1
    assert [column.name for column in table(events)[0]][:2] == ["id", "when"]
    text = table_text(events, width=100)
    assert all("196X/1987" in line for line in text.splitlines()[2:] if line.startswith(("new-", "nz-")))
    assert "Dates: 196X a year of the 1960s" in text.splitlines()
    assert ">196X</span>/<wbr>" in records_html(events)
    assert "Dates: 196X a year of the 1960s" in records_html(events)


def test_a_figure_no_record_states_is_named() -> None:
    vietnam = usnz.force_contributions(conflict="vietnam-war", country="NZL")
    assert "killed" not in [column.name for column in table(vietnam)[0]]
    assert unstated(vietnam) == ["served", "killed", "ships", "aircraft", "wounded", "captured"]
    line = "No record here states: served, killed, ships, aircraft, wounded, captured (so not shown; unknown, not 0)"
    assert line in table_text(vietnam, width=200).splitlines()
    assert line in records_html(vietnam)
    korea = usnz.force_contributions(conflict="korean-war", country="NZL")
    assert "killed" not in unstated(korea)  # stated, or counted within another's (⊂): shown


def test_only_one_kind_of_record_names_its_unstated_figures() -> None:
    mixed = usnz.Records([usnz.get("anzus"), usnz.get("k-force-korea")])
    assert unstated(mixed) == []
    assert unstated(usnz.Records([])) == []
    assert not any(line.startswith("No record here") for line in table_text(mixed, width=200).splitlines())


def test_the_date_forms_are_named_only_when_a_shown_date_uses_them() -> None:
    assert marks.dates_legend(["1951", "2008-07", "1965-05-27/1965-06"]) is None
    assert marks.dates_legend(["1838/", "1961/"]) == "Dates: 1838/ end not given"
    assert marks.dates_legend(["/1957"]) == "Dates: /1957 start not given"
    assert marks.dates_legend(["2001-10-07/.."]) == "Dates: 2001-10-07/.. still going when the source was written"
    assert marks.dates_legend(["2009~"]) == "Dates: ~ approximate (the text hedges: 'late 2001', 'about')"
    assert marks.dates_legend(["196X"]) == "Dates: 196X a year of the 1960s"
    conflicts = usnz.conflicts()
    chosen, rows = table(conflicts)
    assert table_notes(conflicts, chosen, rows, [0]) == []  # the dates not shown: no line for them
    assert table_notes(conflicts, chosen, rows, range(len(chosen)))[0].startswith("Dates: ")


def test_show_names_the_date_forms_its_dates_use() -> None:
    rotations = usnz.get("nzsas-afghanistan-rotations")
    assert show_text(rotations, width=200).splitlines()[-1] == (
        "Dates: ~ approximate (the text hedges: 'late 2001', 'about')"
    )
    assert "Dates: ~ approximate" in record_html(rotations)
    anzus = usnz.get("anzus")
    assert marks.record_dates_legend(anzus) == []
    assert "Dates:" not in show_text(anzus)


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("Indonesia–Malaysia Confrontation", 16, ["Indonesia–", "Malaysia", "Confrontation"]),
        ("Indonesia–Malaysia Confrontation", 40, ["Indonesia–Malaysia Confrontation"]),
        ("the Indonesia–Malaysia", 16, ["the Indonesia–", "Malaysia"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("ab abcdefgh", 4, ["ab", "abcd", "efgh"]),
        ("", 5, [""]),
    ],
)
def test_a_text_cell_breaks_at_a_space_or_a_dash_never_mid_word(text: str, width: int, lines: list[str]) -> None:
    assert _wrap_words(text, width) == lines


def test_the_conflicts_at_80_columns_break_no_word() -> None:
    text = table_text(usnz.conflicts(), width=80)
    assert "Malays\n" not in text
    assert "Indonesia–" in text
