"""The timeline plot: rendered with Agg to PNG; one mark per dated record, labels present."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator

import matplotlib as mpl

mpl.use("Agg")

import matplotlib.pyplot as plt
import pytest
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Annotation

import usnz
import usnz.plot
from usnz.faces.text import fit


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
    labels = {a.get_text() for a in ax.texts if isinstance(a, Annotation)}
    assert labels == {fit(r.label, 40) for r in dated}
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == ["force contributions", "end unknown or still going"]
    image = png(ax)
    assert image.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(image) > 10_000


def test_dates_are_points_and_imprecise_dates_show_their_span() -> None:
    events = usnz.events(during="2008")
    dated = [e for e in events if e.when is not None]
    ax = usnz.plot.timeline(events)
    assert sorted(marks(ax)) == sorted(e.id for e in dated)
    points = {line.get_gid() for line in ax.lines if line.get_gid()}
    assert points == {e.id for e in dated if isinstance(e.when, usnz.PartialDate)}
    imprecise = [e for e in dated if isinstance(e.when, usnz.PartialDate) and e.when.precision.value != "day"]
    assert len(ax.collections) == len(imprecise) > 0


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
    assert ax.get_title() == "usnz timeline (1939/1975)"
    everything = usnz.plot.timeline()
    assert len(marks(everything)) == len(usnz.timeline()) > usnz.plot.LABEL_LIMIT
    assert not everything.texts, "too many marks to label"


def test_during_filters_the_records_given() -> None:
    records = usnz.force_contributions()
    ax = usnz.plot.timeline(records, during="1965")
    assert sorted(marks(ax)) == sorted(usnz.force_contributions(during="1965").ids())
    lenient = usnz.plot.timeline(records, during="1970", possibly=True)
    assert sorted(marks(lenient)) == sorted(usnz.force_contributions(during="1970", possibly=True).ids())
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
    with pytest.raises(usnz.ArgumentTypeError, match="it holds a int"):
        usnz.plot.timeline([1])  # type: ignore[list-item]
    with pytest.raises(usnz.ArgumentValueError, match="nothing to plot: none of the records given has a date"):
        usnz.plot.timeline(usnz.people())
    with pytest.warns(usnz.CoverageWarning), pytest.raises(usnz.ArgumentValueError, match="during='1700'"):
        usnz.plot.timeline(during="1700")
    with pytest.raises(usnz.ArgumentValueError, match="during="):
        usnz.plot.timeline(usnz.agreements(), during="not a date")


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.lines", None)
    with pytest.raises(usnz.MissingExtraError) as caught:
        usnz.plot.timeline()
    assert 'pip install "usnz[plot]"' in str(caught.value)
    assert caught.value.package == "matplotlib"
    assert isinstance(caught.value, ImportError)


def test_reachable_from_the_package() -> None:
    assert usnz.plot is sys.modules["usnz.plot"]
    assert usnz.export.write is sys.modules["usnz.export"].write
