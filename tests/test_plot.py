"""The timeline plot: rendered with Agg to PNG; one mark per dated record, labels present."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import attrs
import matplotlib as mpl

mpl.use("Agg")

import matplotlib.pyplot as plt
import pytest
from matplotlib import dates
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Rectangle

import usnz
import usnz.faces.marks
import usnz.plot
from user_data import edge_source


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def marks(ax: Axes) -> list[str]:
    """The record id of every mark drawn: bars (periods) and points (dates)."""
    bars = [p.get_gid() for p in ax.patches if isinstance(p, Rectangle) and p.get_gid()]
    points = [line.get_gid() for line in ax.lines if isinstance(line, Line2D) and line.get_gid()]
    return [gid for gid in bars + points if gid is not None]


def png(ax: Axes) -> bytes:
    out = io.BytesIO()
    ax.figure.savefig(out, format="png")
    return out.getvalue()


def test_vietnam_contributions() -> None:
    records = usnz.force_contributions(conflict="vietnam-war")
    dated = [r for r in records if r.when is not None]
    ax = usnz.plot.timeline(records)
    assert isinstance(ax, Axes)
    assert sorted(marks(ax)) == sorted(r.id for r in dated)
    assert len(dated) > 5
    periods = [p.get_gid() for p in ax.patches if p.get_gid()]
    assert sorted(periods) == sorted(r.id for r in dated if isinstance(r.when, usnz.Period))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Vietnam War"]
    by_id = {r.id: r.label for r in dated}
    labels = {a.get_gid(): a.get_text().removesuffix(" *") for a in ax.texts}
    assert set(labels) == set(by_id), "room for every label"
    assert all(text == by_id[i] or by_id[i].startswith(text[:-1]) for i, text in labels.items())
    assert {a.get_gid() for a in ax.texts if a.get_text().endswith(" *")} == {
        r.id for r in dated if usnz.faces.marks.read_fields(r)
    }  # combat read from what a force was, not stated
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == [
        "force contributions",
        "date known to the\nmonth, year or decade",
        "start not given",
        "end not given",
        "* not stated in the texts:\na value read (combat,\nconflict, country,\nlocation)",
    ]
    image = png(ax)
    assert image.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(image) > 10_000


def test_days_are_points_and_imprecise_dates_bars_over_their_span() -> None:
    events = usnz.events(during="2008")
    dated = [e for e in events if e.when is not None]
    ax = usnz.plot.timeline(events)
    assert sorted(marks(ax)) == sorted(e.id for e in dated)
    points = {line.get_gid() for line in ax.lines if line.get_gid()}
    days = {e.id for e in dated if isinstance(e.when, usnz.PartialDate) and e.when.precision is usnz.Precision.DAY}
    assert points == days
    bars = {p.get_gid(): p for p in ax.patches if isinstance(p, Rectangle) and p.get_gid()}
    for event in dated:
        if event.id in bars:
            assert event.when is not None
            first, last = dates.date2num(event.when.earliest), dates.date2num(event.when.latest) + 1
            assert (bars[event.id].get_x(), bars[event.id].get_width()) == (first, last - first), event.id
    assert {"rice-visit-to-new-zealand", "us-presidential-election-2008"} <= set(bars), "a month, a year"


def test_rows_are_groups_by_conflict_or_kind() -> None:
    records = usnz.Records(
        (
            usnz.get("korean-war"),
            *usnz.force_contributions(conflict="korean-war"),
            usnz.get("anzus"),
            *usnz.quotes(speaker="condoleezza-rice")[:2],
        )
    )
    ax = usnz.plot.timeline(records)
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert sorted(rows) == ["Korean War", "agreements", "quotes"]
    assert sorted(marks(ax)) == sorted(r.id for r in records if r.when is not None)
    image = png(ax)
    assert image.startswith(b"\x89PNG")


def test_a_conflict_not_in_the_data_is_labelled_by_its_id() -> None:
    base = usnz.get("k-force-korea")
    assert isinstance(base, usnz.ForceContribution)
    elsewhere = usnz.ForceContribution(
        id="made-up-force",
        conflict="made-up-war",
        country="NZL",
        summary="A force in a war usnz does not know.",
        period=usnz.Period.parse("1990/1991"),
        date_basis="stated",
        citations=base.citations,
    )
    ax = usnz.plot.timeline([elsewhere])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["made-up-war"]
    assert marks(ax) == ["made-up-force"]


def test_everything_by_default_and_during_filters() -> None:
    ax = usnz.plot.timeline(during="1939/1975")
    expected = usnz.timeline(during="1939/1975")
    assert sorted(marks(ax)) == sorted(expected.ids())
    assert ax.get_title(loc="left") == f"{len(expected)} dated records of 8 kinds, during 1939/1975"
    vietnam = usnz.plot.timeline(usnz.force_contributions(conflict="vietnam-war"))
    assert vietnam.get_title(loc="left").startswith("Force contributions: ")
    everything = usnz.plot.timeline()
    dated = [r for r in usnz.timeline() if not isinstance(r, usnz.Source)]
    assert sorted(marks(everything)) == sorted(r.id for r in dated)
    assert len(dated) > usnz.plot.LABEL_LIMIT
    assert 0 < len(everything.texts) < len(dated), "labels only where the rows leave room"


@pytest.mark.filterwarnings("ignore:.*possibly=True includes:usnz.QueryWarning")  # named in test_unknown_ends
def test_during_filters_the_records_given() -> None:
    records = usnz.force_contributions()
    ax = usnz.plot.timeline(records, during="1965")
    assert sorted(marks(ax)) == sorted(usnz.force_contributions(during="1965").ids())
    lenient = usnz.plot.timeline(records, during="1970", possibly=True)
    maybe = usnz.force_contributions(during="1970", possibly=True)  # undated ones (of their conflict) are not drawn
    assert sorted(marks(lenient)) == sorted(r.id for r in maybe if r.when is not None)
    assert "161-battery-vietnam" in marks(lenient)
    assert "161-battery-vietnam" not in marks(usnz.plot.timeline(records, during="1966/1970"))


def test_the_default_plot_reads_during_as_every_query_does() -> None:
    ax = usnz.plot.timeline(during="2008")
    assert "nz-bamyan-prt" in marks(ax)
    assert "161-battery-vietnam" not in marks(ax)
    assert "161-battery-vietnam" in marks(usnz.plot.timeline(during="2008", possibly=True))


def test_draws_on_the_axes_given() -> None:
    fig, ax = plt.subplots()
    ax.set_title("mine")
    drawn = usnz.plot.timeline(usnz.agreements(), ax=ax)
    assert drawn is ax
    assert ax.get_title() == "mine"
    assert fig.axes == [ax]


def test_bad_arguments() -> None:
    with pytest.raises(usnz.ArgumentTypeError, match="records= takes usnz records"):
        usnz.plot.timeline("vietnam-war")  # type: ignore[arg-type]
    with pytest.raises(usnz.ArgumentTypeError, match="records= takes usnz records"):
        usnz.plot.timeline(5)  # type: ignore[arg-type]
    with pytest.raises(usnz.ArgumentTypeError, match="it holds int 1"):
        usnz.plot.timeline([1])  # type: ignore[list-item]
    with pytest.raises(
        usnz.ArgumentTypeError, match=r"ax= takes a matplotlib Axes \(e.g. from plt.subplots\(\)\) or None; got int 5"
    ):
        usnz.plot.timeline(ax=5)  # type: ignore[arg-type]
    with pytest.raises(
        usnz.ArgumentValueError, match=r"nothing to plot: none of the \d+ records given is a dated record"
    ):
        usnz.plot.timeline(usnz.people())
    with pytest.raises(usnz.ArgumentValueError, match=r"is a dated record \(sources are not drawn\)"):
        usnz.plot.timeline(usnz.sources())
    with pytest.warns(usnz.CoverageWarning), pytest.raises(usnz.ArgumentValueError, match="during='1700'"):
        usnz.plot.timeline(during="1700")
    with pytest.raises(usnz.ArgumentValueError, match="during="):
        usnz.plot.timeline(usnz.agreements(), during="not a date")


@pytest.mark.parametrize(
    ("records", "during", "message"),
    [
        ([], None, "nothing to plot: records= is empty; give a query's result, or None for every dated record"),
        (None, "1800", "nothing to plot: no dated record overlaps during='1800'; give a wider during="),
        (usnz.sources()[:1], None, "nothing to plot: the record given is not a dated record (sources are not drawn)"),
        (
            [usnz.get("anzus")],
            "1900",
            "nothing to plot: the dated record given does not overlap during='1900'; give a wider during=",
        ),
        (
            usnz.events(kind="visit"),
            "1900",
            "nothing to plot: none of the 5 dated records given overlaps during='1900'; give a wider during=",
        ),
    ],
)
def test_nothing_to_plot_says_what_was_given(records: object, during: str | None, message: str) -> None:
    with pytest.warns(usnz.CoverageWarning) if during else contextlib.nullcontext():  # noqa: SIM117
        with pytest.raises(usnz.ArgumentValueError) as raised:
            usnz.plot.timeline(usnz.Records(records) if records is not None else None, during=during)  # type: ignore[arg-type]
    assert str(raised.value).startswith(message)


def test_one_record_is_told_to_come_in_a_list() -> None:
    with pytest.raises(
        usnz.ArgumentTypeError, match=r"got Agreement; for one record, give a list: \[usnz.get\('anzus'\)\]"
    ):
        usnz.plot.timeline(usnz.get("anzus"))  # type: ignore[arg-type]


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(usnz.MissingExtraError) as caught:
        usnz.plot.timeline()
    assert 'pip install "usnz[plot]"' in str(caught.value)
    assert caught.value.package == "matplotlib"
    assert isinstance(caught.value, ImportError)


def test_reachable_from_the_package() -> None:
    assert usnz.plot is sys.modules["usnz.plot"]
    assert usnz.export.write is sys.modules["usnz.export"].write


def test_an_unknown_end_that_may_run_on_reaches_into_the_window() -> None:
    ax = usnz.plot.timeline(usnz.force_contributions(), during="1970", possibly=True)
    lo, _ = ax.get_xlim()
    bar = next(p for p in ax.patches if isinstance(p, Rectangle) and p.get_gid() == "161-battery-vietnam")
    assert bar.get_x() + bar.get_width() < lo, "known for July 1965 only"
    stubs = [p for p in ax.patches if p.get_label() == "_end not given 161-battery-vietnam"]
    assert all(isinstance(stub, Rectangle) and stub.get_linestyle() == "--" for stub in stubs)
    assert any(stub.get_x() + stub.get_width() > lo for stub in stubs)
    assert "161-battery-vietnam" in {t.get_gid() for t in ax.texts}


def test_open_ends_are_arrows_from_the_known_extent() -> None:
    base = usnz.get("k-force-korea")
    assert isinstance(base, usnz.ForceContribution)
    before = attrs.evolve(base, id="made-up-before", period=usnz.Period.parse("../1957"))
    ax = usnz.plot.timeline([before, usnz.get("nz-bamyan-prt")])
    bars = {p.get_gid(): p for p in ax.patches if isinstance(p, Rectangle) and p.get_gid()}
    assert bars["made-up-before"].get_x() == dates.date2num(dt.date(1957, 1, 1))
    prt = bars["nz-bamyan-prt"]
    spoken = dates.date2num(dt.date(2010, 11, 4)) + 1  # the encyclopedia speaks from 2010-11-04
    assert (prt.get_x(), prt.get_x() + prt.get_width()) == (dates.date2num(dt.date(2004, 1, 1)), spoken)
    pale = next(p for p in ax.patches if p.get_label() == "_pale nz-bamyan-prt")  # 2003: some day of it
    assert isinstance(pale, Rectangle)
    assert (pale.get_x(), pale.get_width()) == (dates.date2num(dt.date(2003, 1, 1)), 365)
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == 2
    legend = ax.get_legend()
    assert legend is not None
    assert legend.get_texts()[-1].get_text() == "open end (still going\nas of its source)"


def test_the_axis_runs_over_a_window_with_an_open_end() -> None:
    ax = usnz.plot.timeline(usnz.force_contributions(), during="2003/..")
    lo, hi = ax.get_xlim()
    assert lo == dates.date2num(dt.date(2003, 1, 1))
    assert dates.date2num(dt.date(2010, 11, 5)) < hi < dates.date2num(dt.date(2013, 1, 1))


def test_labels_are_cut_to_the_room_and_left_out_where_there_is_none() -> None:
    ax = usnz.plot.timeline()
    labels = {r.id: " ".join(r.label.split()) for r in usnz.timeline()}  # a label's runs of spaces drawn as one
    told = {  # a label that repeats has its date (or id) after it
        r.id: (f"{labels[r.id]} ({usnz.faces.marks.date_text(r.when)})", f"{labels[r.id]} ({r.id})")
        for r in usnz.timeline()
    }
    texts = {t.get_gid(): re.sub(r" [~*†≠◇ ]+$", "", t.get_text()).replace("\\$", "$") for t in ax.texts}
    cut = [i for i, text in texts.items() if text != labels[i] and text not in told[i]]
    assert cut
    assert all(
        texts[i].endswith("…") and any(full.startswith(texts[i][:-1]) for full in (labels[i], *told[i])) for i in cut
    )
    assert all(len(texts[i]) >= 14 for i in cut)


def test_no_labels_when_the_rows_are_too_close() -> None:
    _, ax = plt.subplots(figsize=(4, 2))
    usnz.plot.timeline(ax=ax)
    assert len(marks(ax)) > 100
    assert not ax.texts


@pytest.mark.filterwarnings("ignore:.*possibly=True includes:usnz.QueryWarning")  # a planned date in the window
def test_a_bar_over_the_whole_window_is_labelled_inside() -> None:
    ax = usnz.plot.timeline(during="2004/2010")
    assert len(marks(ax)) > usnz.plot.LABEL_LIMIT
    inside = next(t for t in ax.texts if t.get_gid() == "nz-bamyan-prt")
    assert inside.get_text() == "Provincial Reconstruction Team"
    assert inside.get_color() == "white"


def test_the_legend_names_only_what_shows() -> None:
    ax = usnz.plot.timeline(during="2008")
    legend = ax.get_legend()
    assert legend is not None
    texts = [t.get_text() for t in legend.get_texts()]
    assert texts == [
        "conflicts",  # the war in Afghanistan, dated from COW, open
        "force contributions",
        "events",
        "quotes",
        "figures",
        "date known to the\nmonth, year or decade",
        "~ date approximate:\nplaced approximately\nby the reading",  # the inferred 2008-07~, ...
        "† dates from outside\nthe texts",  # the war in Afghanistan, dated from COW
        "* not stated in the texts:\na date inferred;\na value read (countries,\nlocation, speaker)",
    ]
    assert any(isinstance(p, FancyArrowPatch) for p in ax.patches), "the arrow is drawn, after 2008"


def _patches(ax: Axes, record: str) -> dict[str, Rectangle]:
    """A record's bar (``bar``), its pale ends and its reaches, by label."""
    found = {"bar": next(p for p in ax.patches if isinstance(p, Rectangle) and p.get_gid() == record)}
    found.update(
        (str(p.get_label()).removesuffix(f" {record}").lstrip("_"), p)
        for p in ax.patches
        if isinstance(p, Rectangle) and str(p.get_label()).endswith(f" {record}")
    )
    return found


def test_k_force_ended_some_time_in_1957_its_start_not_given() -> None:
    ax = usnz.plot.timeline(usnz.force_contributions(conflict="korean-war"))
    drawn = _patches(ax, "k-force-korea")
    bar = drawn["bar"]
    year = (dates.date2num(dt.date(1957, 1, 1)), dates.date2num(dt.date(1958, 1, 1)))
    assert (bar.get_x(), bar.get_x() + bar.get_width()) == year
    assert bar.get_facecolor()[3] < 0.5, "1957 is when it ended, some day of it: pale, not a year of service"
    reach = drawn["start not given"]
    assert reach.get_x() + reach.get_width() == year[0]
    assert reach.get_linestyle() == "--"
    assert reach.get_facecolor()[3] < 0.2
    assert not any(
        isinstance(p, Rectangle)
        and p.get_facecolor()[3] > 0.5
        and p.get_x() < year[1]
        and p.get_x() + p.get_width() > year[0]
        for p in ax.patches
    ), "nothing solid over 1957"
    legend = ax.get_legend()
    assert legend is not None
    assert "start not given" in [t.get_text() for t in legend.get_texts()]


def test_a_start_known_to_the_year_with_no_end_is_not_solid() -> None:
    ax = usnz.plot.timeline([usnz.get("rnzaf-pilots-no-9-squadron")])
    drawn = _patches(ax, "rnzaf-pilots-no-9-squadron")
    assert drawn["bar"].get_facecolor()[3] < 0.5
    assert drawn["end not given"].get_linestyle() == "--"


def test_an_inferred_date_is_marked_in_its_label() -> None:
    ax = usnz.plot.timeline([usnz.get("nz-engineers-iraq")])
    texts = {t.get_gid(): t.get_text() for t in ax.texts}
    assert texts["nz-engineers-iraq"].endswith(" *")
    legend = ax.get_legend()
    assert legend is not None
    assert "* date inferred,\nnot stated" in [t.get_text() for t in legend.get_texts()]


@pytest.mark.filterwarnings("ignore:.*possibly=True includes:usnz.QueryWarning")  # a planned date in the window
def test_dates_from_outside_the_texts_are_hatched_and_marked() -> None:
    ax = usnz.plot.timeline(during="2010-04")
    during = usnz.timeline(during="2010-04")
    outside = [r.id for r in during if r.date_basis == "external" and not isinstance(r, usnz.Source)]
    assert outside
    assert all(_patches(ax, rid)["bar"].get_hatch() == "xxx" for rid in outside)
    legend = ax.get_legend()
    assert legend is not None
    assert "† dates from outside\nthe texts" in [t.get_text() for t in legend.get_texts()]


@pytest.mark.parametrize("title", ["$2 million", "$\\foo$ and $x^2$", "costs $5 and $6"])
def test_a_dollar_never_turns_on_math_mode(title: str) -> None:
    base = usnz.get("k-force-korea")
    assert isinstance(base, usnz.ForceContribution)
    odd = attrs.evolve(base, id="odd-label", unit=title)
    ax = usnz.plot.timeline([odd])
    png(ax)  # drawing raises on bad math
    texts = {t.get_gid(): t for t in ax.texts}
    assert texts["odd-label"].get_text() == title.replace("$", "\\$") + " *"  # K-FORCE's combat: read
    assert usnz.plot.plain("a $b$") == "a \\$b\\$"


def test_the_figure_reads_on_a_dark_page() -> None:
    ax = usnz.plot.timeline(usnz.force_contributions(conflict="vietnam-war"))
    assert ax.figure.patch.get_alpha() == 0.0
    assert ax.get_facecolor()[3] == 0.0
    ink = [ax.title.get_color(), *(t.get_color() for t in ax.get_yticklabels()), *(t.get_color() for t in ax.texts)]
    for colour in ink:
        red, green, blue, _ = mpl.colors.to_rgba(colour)
        luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
        assert 0.2 < luminance < 0.8, colour


def test_a_period_known_to_the_day_is_solid_with_no_pale_legend() -> None:
    ax = usnz.plot.timeline([usnz.get("nzsas-task-force-k-bar")])
    bar = _patches(ax, "nzsas-task-force-k-bar")["bar"]
    assert bar.get_facecolor()[3] > 0.5
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == ["force contributions"]


# -- user data at the calendar's edges ---------------------------------------------------------

_EDGE_SOURCE = edge_source()


def _edge_data(tmp_path: Path, **dated: str) -> usnz.Dataset:
    """User data: one event per (id, EDTF date or interval), loaded as a user would."""
    events = [
        {
            "id": name.replace("_", "-"),
            "kind": "other",
            "title": f"Event {name}",
            "summary": "S.",
            ("period" if "/" in when else "date"): when,
            "date_basis": "stated",
            "citations": [{"source": "s", "paragraph": 1}],
        }
        for name, when in dated.items()
    ]
    (tmp_path / "sources.json").write_text(json.dumps([_EDGE_SOURCE]), encoding="utf-8")
    (tmp_path / "events.json").write_text(json.dumps(events), encoding="utf-8")
    return usnz.load(tmp_path)


_CALENDAR = (dates.date2num(dt.date(1, 1, 1)), dates.date2num(dt.date(9999, 12, 31)) + 1)


@pytest.mark.parametrize(
    "when",
    [
        "0001-01-01",
        "0001",
        "9999-12-31",
        "9999",
        "0001-01-01/0002",
        "9990/9999-12-31",
        "/0001",
        "/0005",
        "0001/",
        "9999/",
        "9995/",
        "/9999",
        "9998/..",
        "../0002",
    ],
)
def test_a_record_at_the_calendars_edge_is_drawn_within_it(tmp_path: Path, when: str) -> None:
    data = _edge_data(tmp_path, edge=when, middle="1950")
    for records in (data.events(), [data.get("edge")]):
        ax = usnz.plot.timeline(records)
        lo, hi = ax.get_xlim()
        assert _CALENDAR[0] <= lo < hi <= _CALENDAR[1], (when, lo, hi)
        assert "edge" in marks(ax)
        for patch in ax.patches:
            if isinstance(patch, Rectangle) and str(patch.get_label()).startswith(("_start", "_end")):
                assert _CALENDAR[0] <= patch.get_x() <= patch.get_x() + patch.get_width() <= _CALENDAR[1]
        assert png(ax).startswith(b"\x89PNG")  # the ticks and their labels are drawn too
        plt.close("all")


@pytest.mark.parametrize("during", ["0001", "0001/0003", "9999", "9990/9999", "0001/9999"])
def test_a_window_at_the_calendars_edge(tmp_path: Path, during: str) -> None:
    data = _edge_data(tmp_path, first="0001/", last="/9999", both="0001/9999")
    ax = usnz.plot.timeline(data.events(), during=during, possibly=True)
    lo, hi = ax.get_xlim()
    assert _CALENDAR[0] <= lo < hi <= _CALENDAR[1]
    assert png(ax).startswith(b"\x89PNG")


def test_an_unknown_end_near_the_calendars_edge_is_drawn_unknown(tmp_path: Path) -> None:
    """``/0005`` ended some day of year 5, its start not given; ``9995/`` began in 9995: never a solid span."""
    data = _edge_data(tmp_path, early="/0005", late="9995/")
    ax = usnz.plot.timeline(data.events())
    legend = ax.get_legend()
    assert legend is not None
    texts = [t.get_text() for t in legend.get_texts()]
    assert "start not given" in texts
    assert "end not given" in texts
    for record, side, year in (("early", "start", 5), ("late", "end", 9995)):
        drawn = _patches(ax, record)
        bar = drawn["bar"]
        assert (bar.get_x(), bar.get_x() + bar.get_width()) == (
            dates.date2num(dt.date(year, 1, 1)),
            dates.date2num(dt.date(year, 12, 31)) + 1,
        )
        assert bar.get_facecolor()[3] < 0.5, "some day of the year, not a year of it"
        reach = drawn[f"{side} not given"]
        assert reach.get_linestyle() == "--"
        assert reach.get_width() > 0
        assert _CALENDAR[0] <= reach.get_x() <= reach.get_x() + reach.get_width() <= _CALENDAR[1]
    assert not any(isinstance(p, Rectangle) and p.get_facecolor()[3] > 0.5 for p in ax.patches)


def test_the_first_tick_names_its_year() -> None:
    ax = usnz.plot.timeline(usnz.events(kind="visit"))
    ax.figure.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[0] == "Jul 2007"  # "Jul" alone said no year anywhere
    assert labels[1:3] == ["2008", "Jul"]  # the others as concise as before
    years = usnz.plot.timeline(usnz.force_contributions(conflict="korean-war"))
    years.figure.canvas.draw()
    assert years.get_xticklabels()[0].get_text() == "1958"


def test_the_figure_names_the_records_it_leaves_out_undated() -> None:
    """K-FORCE and the liaison officer drawn; the three records with no date named under the axis."""
    korea = usnz.force_contributions(conflict="korean-war")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the figure says it: no warning besides
        ax = usnz.plot.timeline(korea)
    assert sorted(set(marks(ax))) == ["k-force-korea", "nz-korea-liaison-officer"]
    assert ax.get_xlabel() == "3 undated records not drawn: rnzn-korea, uk-korean-war, us-navy-korea"
    assert ax.xaxis.label.get_fontsize() == 8
    dated = usnz.plot.timeline(usnz.events(kind="visit"))
    assert dated.get_xlabel() == ""  # all drawn: nothing to say


def test_many_undated_records_are_counted_after_a_few() -> None:
    records = [*usnz.conflicts(), *usnz.force_contributions(conflict="korean-war")]
    undated = [r.id for r in records if r.when is None]
    assert len(undated) > 5
    ax = usnz.plot.timeline(records)
    assert ax.get_xlabel() == (
        f"{len(undated)} undated records not drawn: {', '.join(undated[:4])} … and {len(undated) - 4} more"
    )


def test_one_undated_record_left_out_with_during() -> None:
    ax = usnz.plot.timeline([usnz.get("k-force-korea"), usnz.get("rnzn-korea")], during="1950/1960")
    assert ax.get_xlabel() == "1 undated record not drawn: rnzn-korea"


def test_an_approximate_date_is_marked_in_its_label_edge_and_legend() -> None:
    """Review 10 #10: "late 2001" (2001~/2005-11) is not drawn as a plain year box."""
    ax = usnz.plot.timeline(usnz.force_contributions(conflict="war-in-afghanistan"))
    texts = {t.get_gid(): t.get_text() for t in ax.texts}
    assert texts["nzsas-afghanistan-rotations"].endswith(" ~ ≠")
    assert "~" not in texts["nz-bamyan-prt"]  # 2003/..: stated, not approximate
    drawn = _patches(ax, "nzsas-afghanistan-rotations")
    year = (dates.date2num(dt.date(2001, 1, 1)), dates.date2num(dt.date(2002, 1, 1)))
    assert (drawn["approximate"].get_x(), drawn["approximate"].get_x() + drawn["approximate"].get_width()) == year
    assert drawn["approximate"].get_linestyle() == ":"
    assert drawn["pale"].get_linestyle() == "solid"  # 2005-11: known to the month, not approximate
    legend = ax.get_legend()
    assert legend is not None
    assert "~ date approximate:\nhedged by the text" in [t.get_text() for t in legend.get_texts()]


def test_an_approximate_inferred_date_is_placed_by_the_reading_not_hedged() -> None:
    ax = usnz.plot.timeline([usnz.get("clark-visits-washington-for-bush-talks")])
    assert {t.get_gid(): t.get_text() for t in ax.texts}["clark-visits-washington-for-bush-talks"].endswith(" ~ *")
    assert next(p for p in ax.patches if p.get_gid() == "clark-visits-washington-for-bush-talks").get_linestyle() == ":"
    legend = ax.get_legend()
    assert legend is not None
    texts = [t.get_text() for t in legend.get_texts()]
    assert "~ date approximate:\nplaced approximately\nby the reading" in texts
    both = usnz.plot.timeline(
        [usnz.get("clark-visits-washington-for-bush-talks"), usnz.get("nzsas-afghanistan-rotations")]
    )
    legend = both.get_legend()
    assert legend is not None
    assert "~ date approximate:\nhedged by the text,\nor placed approximately\nby the reading" in [
        t.get_text() for t in legend.get_texts()
    ]


def test_labels_that_repeat_are_told_apart_by_their_dates() -> None:
    """Review 10 #21.6: three Afghanistan rows were each "Special Air Service of New Zealand"."""
    ax = usnz.plot.timeline(usnz.force_contributions(conflict="war-in-afghanistan"))
    texts = {t.get_gid(): t.get_text() for t in ax.texts}
    assert texts["nzsas-afghanistan-rotations"].startswith("Special Air Service of New Zealand (2001~/2005-11)")
    assert texts["nzsas-task-force-k-bar"] == "Special Air Service of New Zealand (2001-10-17/2002-03-30)"
    assert texts["nzsas-operation-anaconda"] == "Special Air Service of New Zealand (2002-03)"
    assert texts["nz-bamyan-prt"] == "Provincial Reconstruction Team"  # its own: no date added
    base = usnz.get("nzsas-operation-anaconda")
    twin = attrs.evolve(base, id="nzsas-operation-anaconda-twin")
    _, wide = plt.subplots(figsize=(16, 3))
    both = usnz.plot.timeline([base, twin], ax=wide)
    labels = {t.get_gid(): t.get_text() for t in both.texts}
    assert (
        labels["nzsas-operation-anaconda-twin"] == "Special Air Service of New Zealand (nzsas-operation-anaconda-twin)"
    )


def test_a_read_value_or_an_assumed_currency_is_marked_in_its_label_and_legend() -> None:
    """Review 10 #21.7: the plot marked only dates and disputes, not what the tables mark * beyond them."""
    ax = usnz.plot.timeline([usnz.get("key-tpp-testing"), usnz.get("nz-katrina-red-cross-pledge")])
    texts = {t.get_gid(): t.get_text() for t in ax.texts}
    assert texts["key-tpp-testing"].endswith(" ~ *†")  # speaker read from "he said"; April 2010 from outside
    assert texts["nz-katrina-red-cross-pledge"].endswith(" *")  # "$2 million" read as NZD; its date stated
    legend = ax.get_legend()
    assert legend is not None
    assert "* not stated in the texts:\na value read (speaker);\na currency assumed\nfrom '$'" in [
        t.get_text() for t in legend.get_texts()
    ]
    stated = usnz.plot.timeline([usnz.get("anzus")])
    assert not any(t.get_text().endswith("*") for t in stated.texts)
