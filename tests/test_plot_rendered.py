"""The timeline as drawn: axis limits, lanes and labels checked on the rendered figure (Agg).

The calls in ``GALLERY`` are the figures of ``docs/gallery.md``; a test below holds the two to
the same list.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib as mpl

mpl.use("Agg")

import matplotlib.pyplot as plt
import pytest
from matplotlib import dates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

import usnz
import usnz.plot

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.transforms import Bbox

GALLERY_PAGE = Path(__file__).parent.parent / "docs" / "gallery.md"
# Each figure of the gallery: the call as written there, the call, and its during= window.
GALLERY: dict[str, tuple[Callable[[], Axes], tuple[dt.date, dt.date] | None]] = {
    "usnz.plot.timeline()": (lambda: usnz.plot.timeline(), None),
    'usnz.plot.timeline(during="2008")': (
        lambda: usnz.plot.timeline(during="2008"),
        (dt.date(2008, 1, 1), dt.date(2009, 1, 1)),
    ),
    'usnz.plot.timeline(during="1939/1975")': (
        lambda: usnz.plot.timeline(during="1939/1975"),
        (dt.date(1939, 1, 1), dt.date(1976, 1, 1)),
    ),
    'usnz.plot.timeline(usnz.force_contributions(conflict="vietnam-war"))': (
        lambda: usnz.plot.timeline(usnz.force_contributions(conflict="vietnam-war")),
        None,
    ),
    "usnz.plot.timeline(usnz.events())": (lambda: usnz.plot.timeline(usnz.events()), None),
    "usnz.plot.timeline(usnz.quotes())": (lambda: usnz.plot.timeline(usnz.quotes()), None),
    'usnz.plot.timeline(usnz.timeline(involving="war-in-afghanistan"))': (
        lambda: usnz.plot.timeline(usnz.timeline(involving="war-in-afghanistan")),
        None,
    ),
}


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def rendered(ax: Axes) -> FigureCanvasAgg:
    canvas = ax.figure.canvas
    assert isinstance(canvas, FigureCanvasAgg)
    canvas.draw()
    return canvas


def mark_extents(ax: Axes, canvas: FigureCanvasAgg) -> dict[str, Bbox]:
    """Each record's mark (a bar or a point) on the canvas, by record id."""
    renderer = canvas.get_renderer()
    drawn = [p for p in ax.patches if isinstance(p, Rectangle)] + [line for line in ax.lines if line.get_gid()]
    return {str(a.get_gid()): a.get_window_extent(renderer) for a in drawn if a.get_gid()}


def label_extents(ax: Axes, canvas: FigureCanvasAgg) -> dict[str, Bbox]:
    """Each mark's label on the canvas, by record id."""
    renderer = canvas.get_renderer()
    return {str(text.get_gid()): text.get_window_extent(renderer) for text in ax.texts}


def check_labels(ax: Axes) -> None:
    """No label leaves the axes, none overlaps another or another record's mark."""
    canvas = rendered(ax)
    box = ax.get_window_extent(canvas.get_renderer())
    labels, marks = label_extents(ax, canvas), mark_extents(ax, canvas)
    assert labels
    for record, label in labels.items():
        assert box.x0 <= label.x0 < label.x1 <= box.x1, record
        assert box.y0 <= label.y0 < label.y1 <= box.y1, record
        others = [other for other, mark in marks.items() if other != record and mark.overlaps(label)]
        assert not others, f"the label of {record} overlaps the marks of {others}"
    for (one, a), (other, b) in itertools.combinations(labels.items(), 2):
        assert not a.overlaps(b), f"the labels of {one} and {other} overlap"
    ticks = [t.get_window_extent(canvas.get_renderer()) for t in ax.get_yticklabels()]
    assert not any(a.overlaps(b) for a, b in itertools.combinations(ticks, 2)), "lane names overlap"


def check_fitted_to_the_marks(ax: Axes) -> None:
    """Every mark (stubs and arrows too) is inside the axes, the outermost ones near its edges."""
    canvas = rendered(ax)
    renderer = canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    drawn = [p.get_window_extent(renderer) for p in ax.patches]
    drawn += [line.get_window_extent(renderer) for line in ax.lines if line.get_gid()]
    left, right = min(b.x0 for b in drawn), max(b.x1 for b in drawn)
    assert box.x0 <= left <= box.x0 + box.width * 0.03
    assert box.x1 - box.width * 0.03 <= right <= box.x1


def first_day(record: usnz.Record) -> dt.date:
    """The first day of a record's known extent (an open start: its end's first day)."""
    when = record.when
    assert when is not None
    first = when.known()[0] if isinstance(when, usnz.Period) else when.earliest
    return first if first != dt.date.min else when.latest.replace(month=1, day=1)


def lanes_in_order(ids: list[str]) -> list[str]:
    """The lanes the docstring promises: conflicts by their first date, then kinds as in usnz.KINDS."""
    conflicts: dict[str, dt.date] = {}
    kinds: set[str] = set()
    for record in (usnz.get(i) for i in ids):
        assert isinstance(record, usnz.Record)
        conflict = record.id if isinstance(record, usnz.Conflict) else getattr(record, "conflict", None)
        if conflict is None:
            kinds.add(type(record).record_kind)
        else:
            conflicts[conflict] = min(conflicts.get(conflict, dt.date.max), first_day(record))
    names = {c: usnz.get(c).label for c in conflicts}
    by_kind = [name.replace("_", " ") for name, cls in usnz.KINDS.items() if cls.record_kind in kinds]
    return [names[c] for c in sorted(conflicts, key=lambda c: (conflicts[c], names[c]))] + by_kind


@pytest.mark.parametrize("call", GALLERY)
def test_the_gallery_figures(call: str) -> None:
    draw, window = GALLERY[call]
    ax = draw()
    check_labels(ax)
    ids = sorted(str(p.get_gid()) for p in [*ax.patches, *ax.lines] if p.get_gid())
    lanes = [t.get_text() for t in ax.get_yticklabels()]
    assert lanes == lanes_in_order(ids)
    assert "sources" not in lanes
    assert not any(isinstance(usnz.get(i), usnz.Source) for i in ids)
    if window is None:
        check_fitted_to_the_marks(ax)
    else:
        assert ax.get_xlim() == (dates.date2num(window[0]), dates.date2num(window[1]))
    width, height = ax.figure.get_size_inches()
    assert width == 10
    assert 2.5 <= height <= 9


def test_the_gallery_page_shows_the_figures_the_tests_check() -> None:
    cells = re.findall(r"```\{code-cell\}[^\n]*\n(.*?)```", GALLERY_PAGE.read_text(encoding="utf-8"), re.DOTALL)
    calls = [line.rstrip(";") for cell in cells for line in cell.splitlines() if "usnz.plot.timeline(" in line]
    assert calls == list(GALLERY)


def test_the_whole_timeline() -> None:
    ax = usnz.plot.timeline()
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "First World War",
        "Second World War",
        "War in the Pacific",
        "Korean War",
        "Vietnam War",
        "Indonesia–Malaysia Confrontation",
        "Iran–Iraq War",
        "Gulf War",
        "War in Afghanistan",
        "Iraq War",
        "agreements",
        "assistance",
        "events",
        "organizations",
        "quotes",
        "figures",
    ]
    lo, hi = ax.get_xlim()
    assert dates.date2num(dt.date(1830, 1, 1)) < lo < dates.date2num(dt.date(1838, 1, 1))
    assert dates.date2num(dt.date(2011, 1, 1)) < hi < dates.date2num(dt.date(2025, 1, 1))
    texts = {t.get_gid(): t.get_text() for t in ax.texts}
    consulate = usnz.get("us-consular-representation-established")
    assert consulate.read == ("location",)  # where the consul was is read from the texts: marked
    assert texts["us-consular-representation-established"] == f"{consulate.label} *"


def test_2008() -> None:
    ax = usnz.plot.timeline(during="2008")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["War in Afghanistan", "events", "quotes", "figures"]
    assert ax.get_title(loc="left").endswith("kinds, during 2008")
    texts = {t.get_gid(): t.get_text() for t in ax.texts}
    assert texts["nz-bamyan-prt"] == "Provincial Reconstruction Team", "inside its bar, which fills the year"
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[0] == "2008"
    assert "Jul" in ticks


def test_a_year_is_a_bar_over_the_year_and_a_day_a_point() -> None:
    ax = usnz.plot.timeline(usnz.agreements())
    bars = {p.get_gid(): p for p in ax.patches if isinstance(p, Rectangle) and p.get_gid()}
    anzus = bars["anzus"]
    assert anzus.get_x() == dates.date2num(dt.date(1951, 1, 1))
    assert anzus.get_width() == 365
    points = {line.get_gid(): line for line in ax.lines if isinstance(line, Line2D) and line.get_gid()}
    assert set(points) == {
        a.id for a in usnz.agreements() if isinstance(a.when, usnz.PartialDate) and a.when.precision.value == "day"
    }
    check_labels(ax)
