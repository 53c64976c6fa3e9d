"""Planned dates (``planned``): scheduled or target dates, marked in every face and left out of ``during=``.

Seed 003 ¶40 "the first round of talks scheduled for March 2009" (and ¶41: talks postponed),
¶57 "Cyber Storm III scheduled for 2010", NZPA ¶7 "Mr Key now heads to ... Ottawa"; ¶38's
"by 2010" is APEC's target, the value of a figure with no date.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import attrs
import matplotlib as mpl

mpl.use("Agg")

import matplotlib.pyplot as plt
import pytest
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

import usnz
import usnz.plot
from usnz.cli import main
from usnz.faces import marks

PLANNED = ("p4-first-round-scheduled", "cyber-storm-iii", "key-visit-to-ottawa")
CITE = (usnz.Citation(source="my-notes", paragraph=1),)


def _source(number: int = 0) -> usnz.Source:
    return usnz.Source(
        id=f"my-notes{'-' + str(number) if number else ''}",
        title="My notes",
        publisher="Me",
        kind="news-article",
        sha256="0" * 64,
        paragraphs=3 + number,
        filename="notes.txt",
    )


def _event(rid: str, date: str, *, planned: bool = False, **more: object) -> usnz.Event:
    return usnz.Event(
        id=rid,
        kind="negotiation",
        title=rid,
        summary="Talks.",
        date=usnz.PartialDate.parse(date),
        date_basis="stated",
        planned=planned,
        citations=CITE,
        **more,  # type: ignore[arg-type]
    )


def test_the_planned_records_and_the_apec_target() -> None:
    assert [usnz.get(rid).planned for rid in PLANNED] == [True, True, True]
    figure = usnz.get("apec-free-trade-target-year", usnz.Figure)
    assert (figure.date, figure.date_basis, figure.quantity) == (None, None, usnz.Quantity(unit="year", best=2010))
    assert any("so the figure has no date" in doubt.text for doubt in figure.doubts)
    assert "apec-free-trade-target-year" not in usnz.timeline().ids()
    assert {"cyber-storm-iii", "p4-first-round-scheduled"} <= set(usnz.timeline().ids())  # dated, shown marked


def test_during_leaves_a_planned_date_out_and_names_it() -> None:
    with pytest.warns(usnz.QueryWarning) as got:
        assert usnz.events(kind="negotiation", during="2009-03").ids() == ()
    assert [str(w.message) for w in got] == [
        (
            "p4-first-round-scheduled (2009-03) has a planned date (scheduled or a target) in during='2009-03': the "
            "texts do not say it happened; possibly=True includes it"
        )
    ]
    assert usnz.events(kind="negotiation", during="2009-03", possibly=True).ids() == ("p4-first-round-scheduled",)
    with pytest.warns(usnz.QueryWarning, match=r"^cyber-storm-iii \(2010\), key-visit-to-ottawa \(2010-04~\) have"):
        found = usnz.timeline(during=2010).ids()
    assert not set(PLANNED) & set(found)
    assert {"cyber-storm-iii", "key-visit-to-ottawa"} <= set(usnz.timeline(during=2010, possibly=True).ids())
    with pytest.warns(usnz.QueryWarning, match="key-visit-to-ottawa"):
        assert usnz.events(kind="visit", during="2010-04").ids() == ("key-visit-to-washington",)


def test_the_timeline_warns_only_of_what_its_other_filters_keep() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "p4-first-round-scheduled" not in usnz.timeline(involving="nz-us-fta", during=2009).ids()
    with pytest.warns(usnz.QueryWarning, match="^p4-first-round-scheduled"):
        assert usnz.timeline(involving="trans-pacific-partnership", during="2009-03").ids() == ()


def test_one_warning_names_unknown_ends_and_plans_apart() -> None:
    data = usnz.Dataset(
        [
            _source(),
            _event("talks", "2009-03", planned=True),
            usnz.Event(
                id="open-ended",
                kind="meeting",
                title="Meetings",
                summary="Meetings.",
                period=usnz.Period.parse("2008/"),
                date_basis="stated",
                citations=CITE,
            ),
            _event("held", "2008-01", countries=("NZL",)),
        ]
    )
    with pytest.warns(usnz.QueryWarning) as got:
        assert data.events(during="2009-03").ids() == ()
    assert str(got[0].message) == (
        "open-ended (2008/) has an unknown start or end and may be in during='2009-03'; talks (2009-03) has a "
        "planned date (scheduled or a target) in during='2009-03': the texts do not say it happened; possibly=True "
        "includes them"
    )
    assert data.events(during="2009-03", possibly=True).ids() == ("open-ended", "talks")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert data.events(during="2008-01", country="NZL").ids() == ("held",)  # not through the window's index
        assert data.events(during="2009-03", possibly=True, country="NZL").ids() == ()


def test_a_plan_needs_a_date_and_a_flag() -> None:
    with pytest.raises(usnz.ArgumentValueError, match="planned is True but the record has no date"):
        usnz.Event(id="x", kind="meeting", title="x", summary="x.", citations=CITE, planned=True)
    with pytest.raises(usnz.ArgumentValueError, match="planned must be True or False, got 1"):
        _event("x", "2009", planned=1)  # type: ignore[arg-type]


def test_load_refuses_a_plan_without_a_date(tmp_path: Path) -> None:
    (tmp_path / "sources.json").write_text(json.dumps([usnz.converter.unstructure(_source())]))
    event = {"id": "x", "kind": "meeting", "title": "x", "summary": "x.", "planned": True}
    event["citations"] = [{"source": "my-notes", "paragraph": 1}]
    (tmp_path / "events.json").write_text(json.dumps([event]))
    with pytest.raises(usnz.DataError, match="planned is True but the record has no date"):
        usnz.load(tmp_path)
    dated = {**event, "date": "2009-03", "date_basis": "stated"}
    (tmp_path / "events.json").write_text(json.dumps([dated]))
    assert usnz.load(tmp_path).get("x").planned is True


def test_faces_mark_a_planned_date() -> None:
    assert marks.date_mark(usnz.get("cyber-storm-iii")) == "◇"
    assert marks.date_mark(usnz.get("key-visit-to-ottawa")) == "†◇"
    legend = f"◇ {marks.MEANING['◇']}"
    text = str(usnz.events(kind="negotiation"))
    assert "2009-03 ◇" in text
    assert legend.split(" (", maxsplit=1)[0] in " ".join(text.split())
    shown = str(usnz.get("key-visit-to-ottawa"))
    assert "2010-04~ †◇" in shown
    assert "◇ a planned, scheduled or target date" in shown
    assert "† a date from outside the texts" in shown
    html = usnz.get("key-visit-to-ottawa")._repr_html_()
    assert "a date from outside the texts; a planned, scheduled or target date" in html  # the mark's tooltip
    assert "◇" in usnz.events(kind="negotiation")._repr_html_()
    assert "◇" not in str(usnz.events(kind="visit", during="2005/2008"))  # only where used
    frame = usnz.events().to_frame()
    assert str(frame["planned"].dtype) == "boolean"
    assert sorted(frame.index[frame["planned"]]) == sorted(PLANNED)


def test_a_narrow_table_keeps_the_legend_of_the_marks_it_shows() -> None:
    rows = [("", "◇"), ("", "")]
    legend = [f"◇ {marks.MEANING['◇']}", f"† {marks.MEANING['†']}"]
    from usnz.faces.columns import shown_legend

    assert shown_legend(legend, rows, [0, 1]) == legend[:1]
    assert shown_legend(legend, rows, [0]) == []


def test_csv_says_planned(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--during", "2009-03", "--possibly", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("id,record_kind,date,date_basis,planned,label,")
    assert any(line.startswith("p4-first-round-scheduled,event,2009-03,stated,true,") for line in lines)
    assert main(["list", "events", "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0].split(",")
    assert header[header.index("date_basis") + 1] == "planned"


def test_the_plot_draws_a_plan_hollow_and_says_so() -> None:
    records = usnz.Records([usnz.get("p4-first-round-scheduled"), usnz.get("rice-visit-to-new-zealand"), _point()])
    ax = usnz.plot.timeline(records, data=_with_point())
    bars = {patch.get_gid(): patch for patch in ax.patches if isinstance(patch, Rectangle) and patch.get_gid()}
    assert bars["p4-first-round-scheduled"].get_fill() is False or bars["p4-first-round-scheduled"].get_facecolor()[
        3
    ] == pytest.approx(0)
    assert bars["p4-first-round-scheduled"].get_linestyle() == ":"
    assert bars["rice-visit-to-new-zealand"].get_linestyle() == "-"  # a stated month: a solid edge
    point = next(line for line in ax.lines if isinstance(line, Line2D) and line.get_gid() == "day-plan")
    assert point.get_markerfacecolor() == "none"
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert "◇ planned date, not\nknown to have happened" in labels
    assert any(text.get_text().endswith(" ◇") for text in ax.texts)
    plt.close("all")


def _point() -> usnz.Event:
    return attrs.evolve(
        _event("day-plan", "2009-03-02", planned=True), citations=usnz.get("p4-first-round-scheduled").citations
    )


def _with_point() -> usnz.Dataset:
    return usnz.Dataset([*usnz.dataset(), _point()])


def test_doubts_name_each_sources_paragraphs() -> None:
    with pytest.raises(usnz.ArgumentValueError) as got:
        usnz.doubts(paragraph=0)
    message = str(got.value)
    assert "encyclopedia-nz-us-relations: 1 to 68" in message
    assert "nzpa-key-leaves-us: 1 to 17" in message
    assert "1 to 393;" not in message.split("(", maxsplit=1)[0]
    with pytest.raises(usnz.ArgumentValueError, match=r"not a paragraph of 'nzpa-key-leaves-us'; accepted: 1 to 17$"):
        usnz.doubts(paragraph=18, source="nzpa-key-leaves-us")
    many = usnz.Dataset([_source(n) for n in range(8)])
    with pytest.raises(usnz.ArgumentValueError, match=r"my-notes-5: 1 to 8; 2 more sources\)$"):
        many.doubts(paragraph=99)
