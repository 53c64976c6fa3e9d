"""A timeline chart of dated records (the ``plot`` extra: matplotlib).

>>> import usnz.plot
>>> ax = usnz.plot.timeline(usnz.force_contributions(conflict="korean-war"))
>>> [label.get_text() for label in ax.get_yticklabels()]
['Korean War']

matplotlib is imported only when :func:`timeline` is called.
"""

# pyright: reportUnknownMemberType=false
# (matplotlib's type hints leave the **kwargs of its drawing methods unknown)
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

import attrs

from usnz.faces.text import fit
from usnz.model.errors import ArgumentTypeError, ArgumentValueError, MissingExtraError
from usnz.model.records import KINDS, AnyRecord, Conflict, Record, Source
from usnz.model.values import PartialDate, Period
from usnz.querying.dataset import Dataset

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes

__all__ = ["LABEL_LIMIT", "timeline"]

LABEL_LIMIT: Final = 30
"""Marks are labelled with their record's label when at most this many are drawn."""
_COLOURS: Final = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)
_COLOUR_OF: Final = {cls.record_kind: _COLOURS[i % len(_COLOURS)] for i, cls in enumerate(KINDS.values())}
_LABEL_WIDTH: Final = 40
_KIND_NAME: Final = {cls.record_kind: name.replace("_", " ") for name, cls in KINDS.items()}


def _chosen(records: Iterable[AnyRecord] | None, during: object, possibly: bool) -> list[AnyRecord]:
    """The dated records to draw (all dated records when *records* is ``None``)."""
    from usnz.querying.bound import dataset  # noqa: PLC0415 - the packaged data, loaded on first use

    if records is None:
        return list(dataset().timeline(during=during, possibly=possibly))
    if isinstance(records, str | bytes) or not isinstance(records, Iterable):
        msg = (
            "records= takes usnz records (a query's result), or None for every dated record; "
            f"got {type(records).__name__}"
        )
        raise ArgumentTypeError(msg)
    chosen: list[AnyRecord] = []
    for record in records:
        if not isinstance(record, Record | Source):
            msg = f"records= takes usnz records (a query's result); it holds a {type(record).__name__}: {record!r:.80}"
            raise ArgumentTypeError(msg)
        if record.when is not None:
            chosen.append(record)
    if during is None:
        return chosen
    # The same reading of during= as every query: the records' own dataset, with the sources they cite.
    given = {id(r) for r in chosen}
    sources = [s for s in dataset().sources() if s.id not in {r.id for r in chosen}]
    kept = Dataset([*sources, *chosen]).timeline(during=during, possibly=possibly)
    return [r for r in kept if id(r) in given]


def _as_of(chosen: list[AnyRecord]) -> dict[str, dt.date]:
    """The date each source speaks from (an open end runs to it), by source id."""
    from usnz.querying.bound import dataset  # noqa: PLC0415 - the packaged data, loaded on first use

    sources = [*dataset().sources(), *(r for r in chosen if isinstance(r, Source))]
    return {s.id: spoken.earliest for s in sources if (spoken := s.as_of or s.date) is not None}


def _group(record: AnyRecord, names: dict[str, str]) -> str:
    """The row a record is drawn in: its conflict's name, else its kind."""
    if isinstance(record, Conflict):
        return record.name
    conflict = getattr(record, "conflict", None)
    if isinstance(conflict, str):
        return names.get(conflict, conflict)
    return _KIND_NAME[record.record_kind]


def _conflict_names(records: list[AnyRecord]) -> dict[str, str]:
    """Conflict names by id: from the records given, else from the packaged data."""
    from usnz.querying.bound import dataset  # noqa: PLC0415 - the packaged data, loaded on first use

    names = {c.id: c.name for c in dataset().conflicts()}
    names.update((r.id, r.name) for r in records if isinstance(r, Conflict))
    return names


def _span(record: AnyRecord, stub: dt.timedelta, as_of: dict[str, dt.date]) -> tuple[dt.date, dt.date, bool]:
    """First and last day to draw, and whether an end is unknown or open (drawn as a hatched stub past it)."""
    when = record.when
    assert when is not None  # noqa: S101 - only dated records are drawn
    if not isinstance(when, Period):
        return when.earliest, when.latest, False
    spoken = [as_of[c.source] for c in getattr(record, "citations", ()) if c.source in as_of]
    first, last = when.known(max(spoken) if spoken else None)
    if not isinstance(when.start, PartialDate):
        first = max(last - stub, dt.date.min + stub) if first == dt.date.min else first - stub
    if not isinstance(when.end, PartialDate):
        last += stub
    return first, last, not (isinstance(when.start, PartialDate) and isinstance(when.end, PartialDate))


def _x(day: dt.date) -> float:
    """A day as a matplotlib date number (the x axis' unit)."""
    from matplotlib import dates  # noqa: PLC0415 - only when drawing

    number: float = dates.date2num(day)  # type: ignore[no-untyped-call]  # pyright: ignore[reportUnknownMemberType]
    return number


def timeline(
    records: Iterable[AnyRecord] | None = None,
    *,
    during: object = None,
    possibly: bool = False,
    ax: Axes | None = None,
) -> Axes:
    """Draw dated records on a time axis: dates as points, periods as bars.

    Records are grouped in rows by conflict (a conflict's own period, its force
    contributions and events share a row) or else by kind, rows in order of their
    first date, and coloured by kind. A date known only to the month, year or decade
    is a point at its middle with a thin line across the days it can mean. A period is
    a bar over its known extent; an end the source does not give, or gives as still
    going, adds a short hatched stub past it. Undated records are left out. With at most
    :data:`LABEL_LIMIT` marks, each is labelled.

    Args:
        records: The records to draw, e.g. ``usnz.force_contributions(conflict="vietnam-war")``;
            by default every dated record (``usnz.timeline(during=during)``).
        during: Only records whose known extent overlaps this time (a year, an EDTF
            string, a ``PartialDate`` or a ``Period``), as every query reads ``during=``.
        possibly: Let unknown ends run on (the lenient reading of ``during=``).
        ax: The matplotlib Axes to draw on; by default a new figure's.

    Returns:
        The Axes drawn on. Each mark's ``gid`` is its record's id.

    Raises:
        MissingExtraError: when matplotlib is not installed (``pip install "usnz[plot]"``).
        ArgumentValueError: when no dated record is left to draw.
    """
    try:
        from matplotlib.lines import Line2D  # noqa: PLC0415 - the plot extra, only when asked
        from matplotlib.patches import Patch  # noqa: PLC0415
    except ImportError as error:
        raise MissingExtraError(feature="usnz.plot.timeline()", package="matplotlib", extra="plot") from error
    chosen = _chosen(records, during, possibly)
    if not chosen:
        given = "every dated record" if records is None else "the records given"
        where = f" overlapping during={during!r}" if during is not None else ""
        msg = f"nothing to plot: none of {given} has a date{where}; give dated records or a wider during="
        raise ArgumentValueError(msg)
    layout = _layout(chosen)
    if ax is None:
        import matplotlib.pyplot as plt  # noqa: PLC0415 - a new figure only when none is given

        _, ax = plt.subplots(figsize=(10, max(2.5, 0.3 * layout.rows + 1.5)), layout="constrained")
        ax.set_title("usnz timeline" + (f" ({during})" if during is not None else ""))
    for record in chosen:
        start, end, open_end = layout.spans[record.id]
        y, colour = layout.lanes[record.id], _COLOUR_OF[record.record_kind]
        left, right = _x(start), _x(end) + 1
        if isinstance(record.when, Period):
            hatch = "//" if open_end else None
            bars = ax.barh(y, right - left, left=left, height=0.7, color=colour, alpha=0.9, hatch=hatch)
            bars.patches[0].set_gid(record.id)
            at = right
        else:
            at = (left + right) / 2
            if right - left > 1:
                ax.hlines(y, left, right, colors=colour, linewidth=1, alpha=0.5)
            ax.plot([at], [y], marker="o", linestyle="", color=colour, gid=record.id)
        if layout.labelled:
            label = fit(record.label, _LABEL_WIDTH)
            ax.annotate(label, (at, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=7)
    for first_row in layout.starts[1:]:
        ax.axhline(first_row - 0.5, color="0.85", linewidth=0.8)
    ax.set_yticks(list(layout.ticks.values()), [fit(name, _LABEL_WIDTH) for name in layout.ticks])
    ax.set_ylim(layout.rows - 0.3, -0.7)
    first = min(_x(layout.spans[r.id][0]) for r in chosen) - layout.extent / 100 - 1
    last = max(_x(layout.spans[r.id][1]) + layout.room[r.id] + 1 for r in chosen)
    ax.set_xlim(first, last)
    ax.xaxis_date()
    kinds = sorted({r.record_kind for r in chosen}, key=list(_COLOUR_OF).index)
    handles: list[Artist] = [
        Line2D([], [], color=_COLOUR_OF[k], marker="s", linestyle="", label=_KIND_NAME[k]) for k in kinds
    ]
    if any(layout.spans[r.id][2] for r in chosen):
        handles.append(Patch(facecolor="white", edgecolor="0.4", hatch="//", label="end unknown or still going"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    return ax


@attrs.frozen(kw_only=True)
class _Layout:
    """Where each record goes.

    Attributes:
        spans: Each record's first and last day to draw, and whether an end is open.
        lanes: Each record's row.
        ticks: Each group's label position.
        starts: Each group's first row.
        room: The days each mark takes beyond its end (a gap, and its label).
        extent: The days from the first to the last finite date.
        labelled: Whether marks are labelled.
    """

    spans: dict[str, tuple[dt.date, dt.date, bool]]
    lanes: dict[str, int]
    ticks: dict[str, float]
    starts: list[int]
    room: dict[str, float]
    extent: int
    labelled: bool

    @property
    def rows(self) -> int:
        """How many rows."""
        return max(self.lanes.values()) + 1


def _layout(chosen: list[AnyRecord]) -> _Layout:
    finite = [
        day
        for record in chosen
        if record.when is not None
        for day in (record.when.earliest, record.when.latest)
        if day not in {dt.date.min, dt.date.max}
    ]
    extent = (max(finite) - min(finite)).days
    as_of = _as_of(chosen)
    spans = {r.id: _span(r, dt.timedelta(days=max(365, extent // 25)), as_of) for r in chosen}
    names = _conflict_names(chosen)
    groups: dict[str, list[AnyRecord]] = {}
    for record in sorted(chosen, key=lambda r: (spans[r.id][0], r.id)):
        groups.setdefault(_group(record, names), []).append(record)
    labelled = len(chosen) <= LABEL_LIMIT
    # About 1% of the axis per character of a label.
    room = {r.id: extent / 150 + (len(fit(r.label, _LABEL_WIDTH)) * extent / 100 if labelled else 0) for r in chosen}
    lanes, ticks, starts = _lanes(groups, spans, room)
    return _Layout(spans=spans, lanes=lanes, ticks=ticks, starts=starts, room=room, extent=extent, labelled=labelled)


def _lanes(
    groups: dict[str, list[AnyRecord]], spans: dict[str, tuple[dt.date, dt.date, bool]], room: dict[str, float]
) -> tuple[dict[str, int], dict[str, float], list[int]]:
    """A row for each record so no two marks (with labels) in a group overlap; each group's tick and first row."""
    lanes: dict[str, int] = {}
    ticks: dict[str, float] = {}
    starts: list[int] = []
    base = 0
    for name, members in groups.items():
        starts.append(base)
        ends: list[dt.date] = []
        for record in members:
            start, end, _ = spans[record.id]
            free = next((i for i, taken in enumerate(ends) if taken < start), len(ends))
            if free == len(ends):
                ends.append(end)
            ends[free] = end + dt.timedelta(days=room[record.id])
            lanes[record.id] = base + free
        ticks[name] = base + (len(ends) - 1) / 2
        base += len(ends)
    return lanes, ticks, starts
