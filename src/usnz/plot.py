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
import textwrap
import typing
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final, Literal

import attrs

from usnz.faces.marks import (
    DISPUTED,
    NOT_STATED,
    OUTSIDE,
    PLANNED,
    clean,
    date_mark,
    date_text,
    money_mark,
    read_fields,
)
from usnz.faces.text import fit
from usnz.model.base import Described, Record
from usnz.model.calls import checked_call
from usnz.model.errors import ArgumentTypeError, ArgumentValueError, MissingExtraError, shown
from usnz.model.kinds.conflicts import Conflict
from usnz.model.records import KINDS, AnyRecord, is_source, source_texts, spoken_dates
from usnz.model.values import OPEN, PartialDate, Period, Precision
from usnz.querying.arguments import During, to_window
from usnz.querying.dataset import Dataset
from usnz.querying.lookup import given_dataset

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.text import Text

__all__ = ["LABEL_LIMIT", "plain", "timeline"]

LABEL_LIMIT: Final = 30
"""With at most this many marks, rows make room for each mark's whole label; with more, rows
are packed for the marks alone and a mark is labelled where its row leaves room."""
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
_KIND_NAME: Final = {cls.record_kind: name.replace("_", " ") for name, cls in KINDS.items()}
_KIND_ORDER: Final = list(_KIND_NAME)
_WIDTH: Final = 10.0
"""Inches: a new figure fits a notebook cell."""
_HEIGHT: Final = (2.5, 9.0)
"""Inches: the least and the most height of a new figure, which grows by :data:`_ROW` a row."""
_ROW: Final = 0.2
_FONT: Final = 7.0
"""Points: the marks' labels (smaller when the rows are too close)."""
_FEWEST: Final = 14
"""A label cut shorter than this many characters is left out: no one-word stubs."""
_SOLID: Final = 0.9
_PALE: Final = 0.3
"""How opaque the days a date may mean are (an end known to the year: some day of it)."""
_REACH: Final = 0.08
"""How opaque the reach of an end not given is: faded, with a dashed edge."""
_INK: Final = "#8c8c8c"
"""Text, axes and legend: a grey that reads on a white page and on a dark one."""
_RULE: Final = "#8c8c8c55"
"""Lane rules and the grid: the same grey, faint."""

_End = Literal["unknown", "open"] | None


@attrs.frozen(kw_only=True)
class _Mark:
    """How one record is drawn, in matplotlib date numbers (days).

    Attributes:
        record: The record.
        first: Where its known extent starts.
        last: Where it ends (the day after its last day).
        shape: A point (a day), a span (a date known to the month, year or decade), a period.
        before: What lies before *first*: nothing, an unknown start or an open one.
        after: What lies after *last*: nothing, an unknown end or an open one (still going).
        solid: The part the record certainly covers, drawn solid (``None``: no day is certain,
            as in ``/1957``, which ended some day of 1957).
        pale: The parts it may cover: an end known only to the month, year or decade, drawn pale.
        label: Its label: the record's, with its date (or id) after it when another record drawn
            has the same label (three Afghanistan SAS rows are each "Special Air Service of New Zealand").
    """

    record: AnyRecord
    first: float
    last: float
    shape: Literal["point", "span", "period"]
    before: _End = None
    after: _End = None
    solid: tuple[float, float] | None = None
    pale: tuple[tuple[float, float], ...] = ()
    label: str = ""


def _x(day: dt.date) -> float:
    """A day as a matplotlib date number (the x axis' unit)."""
    from matplotlib import dates  # noqa: PLC0415 - only when drawing

    number: float = dates.date2num(day)  # type: ignore[no-untyped-call]  # pyright: ignore[reportUnknownMemberType]
    return number


def _calendar() -> tuple[float, float]:
    """The first and the last moment matplotlib can draw (1 January 1 and 31 December 9999), as x values.

    No view, reach or arrow goes past them: a record of year 1 or 9999 (user data may hold one)
    is drawn up to the calendar's edge, never off its scale.
    """
    return _x(dt.date.min), _x(dt.date.max) + 0.999  # the last day's end, a moment before year 10000


class _Chosen(typing.NamedTuple):
    """What :func:`timeline` draws of the records given."""

    drawn: list[AnyRecord]  # the dated records to draw (sources never)
    sources: list[AnyRecord]  # the sources given with them
    undated: list[str]  # the ids of the records given with no date: not drawn, and the figure says so


def _chosen(records: Iterable[AnyRecord] | None, during: During | None, possibly: bool, data: Dataset) -> _Chosen:
    """The dated records to draw (sources never), the sources given with them, and the records given undated."""
    if records is None:
        every = [r for r in data.timeline(during=during, possibly=possibly) if not is_source(r)]
        if not every:
            msg = f"nothing to plot: no dated record overlaps during={during!r}; give a wider during="
            raise ArgumentValueError(msg)
        return _Chosen(every, [], [])
    if isinstance(records, str | bytes) or not isinstance(records, Iterable):
        one = f"; for one record, give a list: [usnz.get({records.id!r})]" if isinstance(records, Described) else ""
        msg = (
            "records= takes usnz records (a query's result), or None for every dated record; "
            f"got {type(records).__name__}{one}"
        )
        raise ArgumentTypeError(msg)
    chosen: list[AnyRecord] = []
    sources: list[AnyRecord] = []
    undated: list[str] = []
    count = 0
    for count, record in enumerate(records, 1):  # noqa: B007 - the count is what is left
        if is_source(record):
            sources.append(record)
        elif not isinstance(record, Record):
            msg = f"records= takes usnz records (a query's result); it holds {type(record).__name__} {shown(record)}"
            raise ArgumentTypeError(msg)
        elif record.when is not None:
            chosen.append(record)
        else:
            undated.append(record.id)
    if not chosen:
        if not count:
            msg = "nothing to plot: records= is empty; give a query's result, or None for every dated record"
        else:
            what = "the record given is not" if count == 1 else f"none of the {count:,} records given is"
            msg = f"nothing to plot: {what} a dated record (sources are not drawn); give dated records"
        raise ArgumentValueError(msg)
    if during is None:
        return _Chosen(chosen, sources, undated)
    # The same reading of during= as every query: the records' own dataset, with the sources they cite.
    given = {id(r) for r in chosen}
    known = {r.id for r in [*chosen, *sources]}
    kept = Dataset([*(s for s in source_texts(data) if s.id not in known), *sources, *chosen]).timeline(
        during=during, possibly=possibly
    )
    drawn = [r for r in kept if id(r) in given]
    if not drawn:
        many = len(chosen) > 1
        none = (
            f"none of the {len(chosen):,} dated records given overlaps" if many else "the dated record given does not"
        )
        none += "" if many else " overlap"
        msg = f"nothing to plot: {none} during={during!r}; give a wider during="
        raise ArgumentValueError(msg)
    return _Chosen(drawn, sources, undated)


def _undrawn(ids: list[str]) -> str:
    """The figure's footnote on the records given that it leaves out, having no date: their ids, or a few and a count.

    >>> print(_undrawn(["rnzn-korea", "uk-korean-war", "us-navy-korea"]))
    3 undated records not drawn: rnzn-korea, uk-korean-war, us-navy-korea
    >>> print(_undrawn([f"r{n}" for n in range(9)]))
    9 undated records not drawn: r0, r1, r2, r3 … and 5 more
    """
    count = f"{len(ids)} undated record{'s' if len(ids) != 1 else ''} not drawn"
    if len(ids) <= _LISTED:
        return f"{count}: {', '.join(ids)}"
    return f"{count}: {', '.join(ids[: _LISTED - 1])} … and {len(ids) - _LISTED + 1} more"


_LISTED: Final = 5
"""The most ids the footnote on undated records names; past it, the first few and how many more."""


def _end(end: object) -> _End:
    """What an end of a period that is not a date means."""
    return None if isinstance(end, PartialDate) else "open" if end is OPEN else "unknown"


def _marks(chosen: list[AnyRecord], sources: list[AnyRecord], data: Dataset) -> list[_Mark]:
    """How each record is drawn; an open end runs to the date its source (given, else *data*'s) speaks from."""
    as_of = spoken_dates([*source_texts(data), *sources])
    marks: list[_Mark] = []
    for record in chosen:
        when = record.when
        if isinstance(when, PartialDate):
            shape: Literal["point", "span"] = "point" if when.precision is Precision.DAY else "span"
            marks.append(_Mark(record=record, first=_x(when.earliest), last=_x(when.latest) + 1, shape=shape))
            continue
        assert isinstance(when, Period)  # noqa: S101 - only dated records are drawn
        spoken = [as_of[c.source] for c in getattr(record, "citations", ()) if c.source in as_of]
        first, last = when.known(max(spoken) if spoken else None)
        if first is dt.date.min:  # an open start: drawn from its end's first day, with a stub before
            first = typing.cast("PartialDate", when.end).earliest
        before, after = _end(when.start), _end(when.end)
        solid, pale = _parts(when, _x(first), _x(last) + 1)
        marks.append(
            _Mark(
                record=record,
                first=_x(first),
                last=_x(last) + 1,
                shape="period",
                before=before,
                after=after,
                solid=solid,
                pale=pale,
            )
        )
    return _told_apart(marks)


def _told_apart(marks: list[_Mark]) -> list[_Mark]:
    """Each mark with its label: a label that repeats gets its date after it, or its id when the dates repeat too."""
    plain = [fit(mark.record.label, 1000) for mark in marks]
    dated = [f"{text} ({date_text(mark.record.when)})" for text, mark in zip(plain, marks, strict=True)]
    repeats, dates_repeat = Counter(plain), Counter(dated)
    labels = [
        text if repeats[text] == 1 else when if dates_repeat[when] == 1 else f"{text} ({mark.record.id})"
        for text, when, mark in zip(plain, dated, marks, strict=True)
    ]
    return [attrs.evolve(mark, label=label) for mark, label in zip(marks, labels, strict=True)]


def _parts(
    when: Period, first: float, last: float
) -> tuple[tuple[float, float] | None, tuple[tuple[float, float], ...]]:
    """The certain (solid) part of a period's known extent and its uncertain (pale) ends.

    An end known only to the month, year or decade is pale over every day it can mean; an
    unknown end leaves only the other end's date known (``1968/``: some day of 1968, pale);
    an open end is certain up to the date its source speaks from.
    """
    start, end = when.start, when.end
    pale: list[tuple[float, float]] = []
    lo, hi = first, last
    if isinstance(start, PartialDate) and start.precision is not Precision.DAY:
        pale.append((_x(start.earliest), _x(start.latest) + 1))
        lo = _x(start.latest) + 1
    if isinstance(end, PartialDate) and end.precision is not Precision.DAY:
        pale.append((_x(end.earliest), _x(end.latest) + 1))
        hi = _x(end.earliest)
    if end is None and isinstance(start, PartialDate):  # only the start is known: no day is certain
        return None, ((first, last),) if start.precision is not Precision.DAY else ()
    if start is None and isinstance(end, PartialDate):  # only the end is known
        return None, ((first, last),) if end.precision is not Precision.DAY else ()
    return ((lo, hi) if hi > lo else None), tuple(pale)


@attrs.frozen(kw_only=True)
class _Layout:
    """Where each mark goes.

    Attributes:
        view: The x axis' limits.
        stub: How far a stub (an end not given, or still going) runs past its end.
        rows: Each record's row (by id).
        lanes: Each lane's name, first row and number of rows, top to bottom.
    """

    view: tuple[float, float]
    stub: float
    rows: dict[str, int]
    lanes: list[tuple[str, int, int]]

    @property
    def count(self) -> int:
        """How many rows."""
        return sum(n for _, _, n in self.lanes)

    def reach(self, mark: _Mark) -> tuple[float, float]:
        """Where a mark starts and ends with its stubs, which run into the view at least.

        (With ``possibly=True``, a record can be drawn because its unknown end may run on into
        the ``during=`` window: its stub then reaches into it.)
        """
        lo, hi = self.view
        floor, ceiling = _calendar()
        first = max(min(mark.first - self.stub, hi - self.stub), floor) if mark.before else mark.first
        last = min(max(mark.last + self.stub, lo + self.stub), ceiling) if mark.after else mark.last
        return first, last


def _view(marks: list[_Mark], window: tuple[dt.date, dt.date] | None) -> tuple[tuple[float, float], float]:
    """The x limits (fitted to the marks, or to the ``during=`` window) and the length of a stub."""
    first, last = min(m.first for m in marks), max(m.last for m in marks)
    start = _x(window[0]) if window and window[0] is not dt.date.min else None
    end = _x(window[1]) + 1 if window and window[1] is not dt.date.max else None
    stub = ((end if end is not None else last) - (start if start is not None else first)) / 25
    lo = min(m.first - (stub if m.before else 0) for m in marks)
    hi = max(m.last + (stub if m.after else 0) for m in marks)
    pad = max((hi - lo) / 50, 15.0)
    floor, ceiling = _calendar()  # a record of year 1 or 9999 is drawn to the calendar's edge, not past it
    view = (start if start is not None else lo - pad, end if end is not None else hi + pad)
    return (max(view[0], floor), min(view[1], ceiling)), stub


def _lane(record: AnyRecord, names: dict[str, str]) -> tuple[str, int]:
    """The lane a record is drawn in, its conflict's (rank 0), else its kind's (rank 1 and after)."""
    conflict = record.id if isinstance(record, Conflict) else getattr(record, "conflict", None)
    if isinstance(conflict, str):
        return names.get(conflict, conflict), 0
    return _KIND_NAME[record.record_kind], 1 + _KIND_ORDER.index(record.record_kind)


def _layout(marks: list[_Mark], window: tuple[dt.date, dt.date] | None, points_wide: float, data: Dataset) -> _Layout:
    """Lanes of rows so no two marks in a row overlap, nor (with few marks) their labels."""
    view, stub = _view(marks, window)
    names = {c.id: c.name for c in data.conflicts()}
    names.update((m.record.id, m.record.name) for m in marks if isinstance(m.record, Conflict))
    day = (view[1] - view[0]) / points_wide  # days a point
    placed = _Layout(view=view, stub=stub, rows={}, lanes=[])
    labelled = len(marks) <= LABEL_LIMIT
    spans: dict[str, tuple[float, float]] = {}
    lanes: dict[str, list[_Mark]] = {}
    ranks: dict[str, tuple[int, float]] = {}
    for mark in marks:
        first, last = placed.reach(mark)
        if mark.shape == "point":
            middle = (mark.first + mark.last) / 2
            first, last = middle - 3 * day, middle + 3 * day
        first, last = max(first, view[0]), min(last, view[1])
        need = ((len(mark.label) * _FONT * 0.55 + 6) if labelled else 3) * day
        if last + need <= view[1]:
            last += need
        elif first - need >= view[0]:
            first -= need
        elif labelled:  # the label takes the wider side, to the edge
            first, last = (first, view[1]) if view[1] - last >= first - view[0] else (view[0], last)
        spans[mark.record.id] = (first, last)
        name, rank = _lane(mark.record, names)
        lanes.setdefault(name, []).append(mark)
        # Conflicts in order of their first mark, then kinds in the order of usnz.KINDS.
        key = (rank, mark.first if rank == 0 else 0.0)
        ranks[name] = min(ranks.get(name, key), key)
    rows: dict[str, int] = {}
    order: list[tuple[str, int, int]] = []
    base = 0
    for name in sorted(lanes, key=lambda name: (*ranks[name], name)):
        taken: list[list[tuple[float, float]]] = []  # each row's spans, in date order: the top row first
        for mark in sorted(lanes[name], key=lambda m: (m.first, m.record.id)):
            first, last = spans[mark.record.id]
            free = next((i for i, row in enumerate(taken) if all(b < first or last < a for a, b in row)), len(taken))
            if free == len(taken):
                taken.append([])
            taken[free].append((first, last))
            rows[mark.record.id] = base + free
        order.append((name, base, len(taken)))
        base += len(taken)
    return _Layout(view=view, stub=stub, rows=rows, lanes=order)


@checked_call
def timeline(
    records: Iterable[AnyRecord] | None = None,
    *,
    during: During | None = None,
    possibly: bool = False,
    ax: Axes | None = None,
    data: Dataset | None = None,
) -> Axes:
    """Draw dated records on a time axis, in lanes, each mark labelled where there is room.

    **Lanes**, top to bottom: one per conflict (the conflict itself, its force contributions
    and its events), in order of the conflict's first date; then one per other kind, in the
    order of :data:`usnz.KINDS`: agreements, assistance, events, organizations, quotes,
    figures. A lane has as many rows as its marks need not to overlap. Marks are coloured by
    kind. Sources are never drawn. Records given with no date are not drawn either: a footnote
    under the x axis (its label) names them, ``3 undated records not drawn: rnzn-korea, ...``.

    **Marks**: a date known to the day is a point; a date known only to the month, year or
    decade is a pale bar over every day it can mean. A period is a solid bar over the days it
    certainly covers, an end known only to the month or year pale over the days it can mean
    (see :meth:`usnz.Period.known`). An end the source does not give (``None``) adds a faded,
    dashed reach ("start not given", "end not given"), never a solid span: ``/1957`` is a pale
    1957 (when it ended) with a reach before it. An open end (:data:`usnz.OPEN`, still going)
    runs solid to the date its source speaks from, then an arrow points on. Dates from outside
    the texts (``date_basis`` ``external``) are hatched; labels carry the marks of the tables
    (``*`` an inferred date, ``†`` one from outside the texts, ``◇`` a planned one, ``≠`` a record in a
    dispute). A planned date (``planned``: scheduled or a target, not known to have happened) is
    drawn hollow, its outline dotted.

    **Reading**: the figure is transparent, its text a grey that reads on a light page and a
    dark one; its title says what is drawn. No label turns on math mode (see :func:`plain`).

    **Axes**: the x axis runs over the marks drawn, or over the ``during=`` window when
    given, never past 1 January 1 or 31 December 9999 (where matplotlib's dates end: a record
    of year 1 or 9999 is drawn to the edge, its reach not given cut there). A new figure is 10
    inches wide and grows 0.2 inch a row, from 2.5 to 9 inches.
    Labels are as long as their row leaves room for (cut at a word with ``…``; left out rather
    than cut to a word or two), right of their mark, else left of it, else inside its bar;
    never outside the axes. They are fitted once, to the figure's size when drawn.

    Args:
        records: The records to draw, e.g. ``usnz.force_contributions(conflict="vietnam-war")``;
            by default every dated record of *data* (``data.timeline(during=during)``).
        during: Only records whose known extent overlaps this time (a year, an EDTF
            string, a ``PartialDate`` or a ``Period``), as every query reads ``during=``;
            the x axis then runs over it.
        possibly: Let unknown ends run on (the lenient reading of ``during=``).
        ax: The matplotlib Axes to draw on; by default a new figure's.
        data: The dataset the records come from (by default the packaged one): drawn whole
            when no records are given; its sources date the open ends of records given without
            theirs, and its conflicts name their lanes.

    Returns:
        The Axes drawn on. Each mark's ``gid`` is its record's id.

    Raises:
        MissingExtraError: when matplotlib is not installed (``pip install ".[plot]"`` in a clone).
        ArgumentTypeError: when *records* are not records, *data* is not a Dataset, or *ax* not an Axes.
        ArgumentValueError: when no dated record is left to draw.
    """
    try:
        import matplotlib.pyplot as plt  # noqa: PLC0415 - the plot extra, only when asked
    except ImportError as error:
        raise MissingExtraError(feature="usnz.plot.timeline()", package="matplotlib", extra="plot") from error
    from matplotlib.axes import Axes  # noqa: PLC0415 - as above

    if ax is not None and not isinstance(ax, Axes):
        msg = f"ax= takes a matplotlib Axes (e.g. from plt.subplots()) or None; got {type(ax).__name__} {shown(ax)}"
        raise ArgumentTypeError(msg)
    whole = given_dataset(data)
    chosen, sources, undated = _chosen(records, during, possibly, whole)
    marks = _marks(chosen, sources, whole)
    window = None if during is None else to_window(during)
    if ax is None:
        names = {_lane(m.record, {})[0] for m in marks}
        layout = _layout(marks, window, (_WIDTH - 2.4 - 0.07 * max(map(len, names))) * 72, whole)
        height = min(max(_HEIGHT[0], 1.2 + _ROW * layout.count), _HEIGHT[1])
        _, ax = plt.subplots(figsize=(_WIDTH, height), layout="constrained")
        ax.set_title(_title(marks, during), loc="left", fontsize=10, color=_INK)
    else:
        layout = _layout(marks, window, ax.get_window_extent().width * 72 / ax.figure.dpi * 0.8, whole)
    _draw(ax, marks, layout)
    if undated:  # said under the axis, where a reader looks for what the figure leaves out
        ax.set_xlabel(plain(_undrawn(undated)), loc="left", fontsize=8, color=_INK)
    _label(ax, marks, layout)
    return ax


def _draw(ax: Axes, marks: list[_Mark], layout: _Layout) -> None:
    """The marks, the lanes, the axes and the legend."""
    from matplotlib import dates  # noqa: PLC0415 - the plot extra, only when drawing

    seen: set[tuple[str, _End]] = set()  # the reaches that show in the view, for the legend
    for mark in marks:
        seen |= _draw_mark(ax, mark, layout)
    for _, base, _ in layout.lanes[1:]:
        ax.axhline(base - 0.5, color=_RULE, linewidth=0.8)
    ticks = [base + (count - 1) / 2 for _, base, count in layout.lanes]
    ax.set_yticks(ticks, [plain(fit(n, 40)) for n, _, _ in layout.lanes])
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(layout.count - 0.5, -0.5)
    ax.set_xlim(*layout.view)
    locator = dates.AutoDateLocator()  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)

    class YearFirst(dates.ConciseDateFormatter):
        """Concise dates whose first tick names its year too (``Jul 2007``, never ``Jul`` alone)."""

        def format_ticks(self, values: typing.Any) -> list[str]:
            labels: list[str] = list(super().format_ticks(values))  # type: ignore[no-untyped-call]
            if labels and labels[0].isalpha():  # a month's name: the year only where it turns
                labels[0] = f"{labels[0]} {dates.num2date(values[0]).year}"  # type: ignore[no-untyped-call]
            return labels

    ax.xaxis.set_major_formatter(YearFirst(locator))  # type: ignore[no-untyped-call]
    ax.grid(axis="x", color=_RULE, linewidth=0.8)
    ax.set_axisbelow(True)
    _legend(ax, marks, seen)
    _dark_proof(ax)


def _draw_mark(ax: Axes, mark: _Mark, layout: _Layout) -> set[tuple[str, _End]]:
    """One mark: a point, or its certain part solid, its uncertain ends pale, its ends not given faded and dashed.

    Returns the reaches (side, end) that show in the view.
    """
    from matplotlib.colors import to_rgba  # noqa: PLC0415 - the plot extra, only when drawing
    from matplotlib.patches import FancyArrowPatch, Rectangle  # noqa: PLC0415

    y, colour = layout.rows[mark.record.id], _COLOUR_OF[mark.record.record_kind]
    planned = getattr(mark.record, "planned", False) is True
    if mark.shape == "point":
        face = "none" if planned else colour
        ax.plot(
            [(mark.first + mark.last) / 2], [y], marker="o", markersize=5, color=colour, mfc=face, gid=mark.record.id
        )
        return set()
    hatch = "xxx" if getattr(mark.record, "date_basis", None) == "external" else None
    if mark.shape == "span" or mark.solid is None:  # no day certain: pale over every day it can mean
        main = (mark.first, mark.last)
        pale = [part for part in mark.pale if part != main]
        alpha = _PALE
    else:
        main, pale, alpha = mark.solid, list(mark.pale), _SOLID
    bar = Rectangle(
        (main[0], y - 0.3),
        main[1] - main[0],
        0.6,
        facecolor="none" if planned else to_rgba(colour, alpha),
        edgecolor=colour,
        hatch=hatch,
        linestyle=":" if planned else "-",
    )
    ax.add_patch(bar).set(gid=mark.record.id, linewidth=1.2 if planned else 0.8)
    rough = _approximate_parts(mark.record)
    if main in rough:  # an approximate date (2009~): its edge dotted, as its legend shows
        bar.set_linestyle(":")
    for lo, hi in pale:
        part = Rectangle((lo, y - 0.3), hi - lo, 0.6, facecolor=to_rgba(colour, _PALE), edgecolor=colour)
        ax.add_patch(part).set(label=f"_pale {mark.record.id}", linewidth=0.8, hatch=hatch)
        if (lo, hi) in rough:  # 2001~ of 2001~/2005-11: "late 2001", not a plain 2001
            part.set(linestyle=":", label=f"_approximate {mark.record.id}")
    first, last = layout.reach(mark)
    seen: set[tuple[str, _End]] = set()
    reaches: tuple[tuple[str, _End, float, float], ...] = (
        ("start", mark.before, mark.first, first),
        ("end", mark.after, mark.last, last),
    )
    for side, end, start, stop in reaches:
        if end is not None and min(start, stop) < layout.view[1] and max(start, stop) > layout.view[0]:
            seen.add((side, end))
        if end == "unknown" and start != stop:  # (none left where the calendar ends: ``/0001``)
            lo, hi = min(start, stop), max(start, stop)
            reach = Rectangle(
                (lo, y - 0.3), hi - lo, 0.6, facecolor=to_rgba(colour, _REACH), edgecolor=colour, linestyle="--"
            )
            ax.add_patch(reach).set(label=f"_{side} not given {mark.record.id}", linewidth=0.8)
        elif end == "open":
            ax.add_patch(FancyArrowPatch((start, y), (stop, y), arrowstyle="-|>", mutation_scale=8, color=colour))
    return seen


def _approximate_parts(record: AnyRecord) -> set[tuple[float, float]]:
    """The spans (as drawn pale) of *record*'s approximate dates or ends (``~``): drawn with a dotted edge."""
    when = record.when
    ends = (when.start, when.end) if isinstance(when, Period) else (when,)
    return {(_x(end.earliest), _x(end.latest) + 1) for end in ends if isinstance(end, PartialDate) and end.approximate}


def _approximate(record: AnyRecord) -> bool:
    """Whether *record*'s date, or an end of its period, is approximate (``~``)."""
    return "~" in str(record.when)


def _approximate_legend(marks: list[_Mark]) -> str | None:
    """The legend's ``~`` line: a hedge of the text only when a stated date drawn is approximate."""
    rough = [m.record for m in marks if _approximate(m.record)]
    if not rough:
        return None
    hedged = any(getattr(record, "date_basis", None) == "stated" for record in rough)
    placed = any(getattr(record, "date_basis", None) in {"inferred", "external"} for record in rough)
    why = {
        (True, False): "hedged by the text",
        (False, True): "placed approximately\nby the reading",
        (True, True): "hedged by the text,\nor placed approximately\nby the reading",
    }[hedged, placed]
    return f"~ date approximate:\n{why}"


def _legend(ax: Axes, marks: list[_Mark], seen: set[tuple[str, _End]]) -> None:
    """The legend: the kinds drawn, then only the shapes and marks that show."""
    from matplotlib.colors import to_rgba  # noqa: PLC0415 - the plot extra, only when drawing
    from matplotlib.lines import Line2D  # noqa: PLC0415
    from matplotlib.patches import Patch  # noqa: PLC0415

    kinds = sorted({m.record.record_kind for m in marks}, key=_KIND_ORDER.index)
    handles: list[Artist] = [Patch(color=_COLOUR_OF[k], label=_KIND_NAME[k]) for k in kinds]
    if any(m.shape == "span" or m.pale or (m.shape == "period" and m.solid is None) for m in marks):
        handles.append(
            Patch(facecolor=to_rgba(_INK, _PALE), edgecolor=_INK, label="date known to the\nmonth, year or decade")
        )
    for side in ("start", "end"):
        if (side, "unknown") in seen:
            handles.append(
                Patch(facecolor=to_rgba(_INK, _REACH), edgecolor=_INK, linestyle="--", label=f"{side} not given")
            )
    rough = _approximate_legend(marks)
    if rough is not None:
        handles.append(Patch(facecolor=to_rgba(_INK, _PALE), edgecolor=_INK, linestyle=":", label=rough))
    used = "".join(_marks_of(m.record) for m in marks)
    if OUTSIDE in used:
        handles.append(
            Patch(facecolor="none", edgecolor=_INK, hatch="xxx", label=f"{OUTSIDE} dates from outside\nthe texts")
        )
    if PLANNED in used:
        handles.append(
            Patch(
                facecolor="none",
                edgecolor=_INK,
                linestyle=":",
                label=f"{PLANNED} planned date, not\nknown to have happened",
            )
        )
    stars = _stars(marks)
    if stars is not None:
        handles.append(Line2D([], [], linestyle="none", marker=f"${NOT_STATED}$", color=_INK, label=stars))
    if DISPUTED in used:
        label = f"{DISPUTED} disputes another\nrecord's claim"
        handles.append(Line2D([], [], linestyle="none", marker=f"${DISPUTED}$", color=_INK, label=label))
    if ("end", "open") in seen or ("start", "open") in seen:
        handles.append(
            Line2D([], [], color=_INK, marker=">", markersize=5, label="open end (still going\nas of its source)")
        )
    legend = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    for text in legend.get_texts():
        text.set_color(_INK)


def _dark_proof(ax: Axes) -> None:
    """A figure that reads on a light or a dark page: transparent, its text and axes a grey both can show."""
    ax.figure.patch.set_alpha(0.0)
    ax.set_facecolor("none")
    ax.tick_params(colors=_INK, labelcolor=_INK)
    for spine in ax.spines.values():
        spine.set_color(_INK)
    ax.title.set_color(_INK)


def plain(text: str) -> str:
    r"""*text* as matplotlib draws it literally: a ``$`` escaped, so no math mode is turned on.

    >>> print(plain("$2 million and $x^2$"))
    \$2 million and \$x^2\$
    """
    return clean(text).replace("$", r"\$")


def _label(ax: Axes, marks: list[_Mark], layout: _Layout) -> None:
    """Label each mark as fully as its row leaves room for, measured on the drawn figure."""
    ax.figure.canvas.figure.draw_without_rendering()  # the layout settles the axes' size
    box = ax.get_window_extent()
    scale = ax.figure.dpi / 72  # pixels a point
    size = min(_FONT, box.height / scale / layout.count * 0.7)
    ax.tick_params(axis="y", labelsize=min(9.0, box.height / scale / layout.count * 0.85))
    if size < 4:  # too many rows for legible labels
        return
    gap, edge = 3 * scale, (box.x0 + 2 * scale, box.x1 - 2 * scale)
    fewest = _FEWEST * size * 0.5 * scale  # the width of the shortest label worth drawing

    def px(x: float) -> float:
        return float(min(max(ax.transData.transform((x, 0))[0], edge[0]), edge[1]))

    extents: dict[str, tuple[float, float, float, float]] = {}  # with stubs, then without
    for mark in marks:
        first, last = layout.reach(mark)
        if mark.shape == "point":
            middle = px((mark.first + mark.last) / 2)
            extents[mark.record.id] = (middle - 3 * scale, middle + 3 * scale, middle, middle)
        else:
            extents[mark.record.id] = (px(first), px(last), px(mark.first), px(mark.last))
    rows: dict[int, list[_Mark]] = {}
    for mark in sorted(marks, key=lambda m: extents[m.record.id]):
        rows.setdefault(layout.rows[mark.record.id], []).append(mark)
    for y, row in rows.items():
        cursor = edge[0]
        for i, mark in enumerate(row):
            first, last, solid_first, solid_last = extents[mark.record.id]
            following = extents[row[i + 1].record.id][0] - gap if i + 1 < len(row) else edge[1]
            rooms = {
                "right": (last + gap, following),
                "left": (cursor, first - gap),
                "inside": (solid_first + gap, solid_last - gap),
            }
            cursor = last + gap
            side = max(rooms, key=lambda s: rooms[s][1] - rooms[s][0])
            if rooms[side][1] - rooms[side][0] < fewest:
                continue
            text = _fitted(ax, mark, y=y, size=size, rooms=rooms, widest=side)
            if text is not None and text.get_horizontalalignment() == "left":
                cursor = max(cursor, text.get_window_extent().x1 + gap)


def _fitted(
    ax: Axes, mark: _Mark, *, y: int, size: float, rooms: dict[str, tuple[float, float]], widest: str
) -> Text | None:
    """The mark's label in the first room it fits whole in, else cut to fit the widest room."""
    label = mark.label
    suffix = _marks_of(mark.record)
    inverse = ax.transData.inverted()
    text = ax.text(0, y, plain(label + suffix), fontsize=size, va="center", in_layout=False, gid=mark.record.id)
    width = text.get_window_extent().width
    side = next((s for s, (lo, hi) in rooms.items() if hi - lo >= width), widest)
    lo, hi = rooms[side]
    chars = len(label)
    while width > hi - lo:
        chars = min(chars - 1, int(chars * (hi - lo) / width))
        shorter = fit(label, chars)
        if chars < _FEWEST or len(shorter) < _FEWEST:
            text.remove()
            return None
        text.set_text(plain(shorter + suffix))
        width = text.get_window_extent().width
    text.set_x(float(inverse.transform((hi if side == "left" else lo, 0))[0]))
    text.set_horizontalalignment("right" if side == "left" else "left")
    if side == "inside" and mark.shape == "period" and mark.solid is not None:
        text.set_color("white")
    else:
        text.set_color(_INK)
    return text


def _marks_of(record: AnyRecord) -> str:
    """The marks after a record's label (:mod:`usnz.faces.marks`): an approximate date, what is not stated, a dispute.

    ``~`` stands apart (``~ *``): the tables' ``2007-03~ *``, its date not drawn in words. ``*``
    marks an inferred date, a value read from the texts (a quote's speaker NZPA gives only as
    "he said") or a currency assumed from ``$``, as the tables mark those cells; ``†`` a date
    from outside the texts.
    """
    basis = date_mark(record)
    if basis != NOT_STATED and _read(record):
        basis = NOT_STATED + basis  # ``*†``: a value read, and a date from outside the texts
    found = basis + (DISPUTED if getattr(record, "disputes", ()) else "")
    parts = ["~" if _approximate(record) else "", found]
    return "".join(f" {part}" for part in parts if part)


def _read(record: AnyRecord) -> set[str]:
    """What of *record* the tables mark ``*`` beyond its date: ``value`` (a field read), ``currency`` (assumed)."""
    found: set[str] = {"value"} if read_fields(record) else set()
    if any(money_mark(getattr(record, field.name)) for field in attrs.fields(type(record))):
        found.add("currency")
    return found


_LEGEND_WIDTH: Final = 24
"""The longest line of a legend entry, in characters: a longer one is wrapped at its spaces."""


def _stars(marks: list[_Mark]) -> str | None:
    """The legend's ``*`` line, naming only what the drawn records' ``*`` stand for."""
    read = sorted({name for m in marks for name in read_fields(m.record)})
    what = [
        words
        for present, words in (
            (any(date_mark(m.record) == NOT_STATED for m in marks), "a date inferred"),
            (bool(read), textwrap.fill(f"a value read ({', '.join(read)})", _LEGEND_WIDTH, break_on_hyphens=False)),
            (any("currency" in _read(m.record) for m in marks), "a currency assumed\nfrom '$'"),
        )
        if present
    ]
    if not what:
        return None
    if what == ["a date inferred"]:
        return f"{NOT_STATED} date inferred,\nnot stated"
    return f"{NOT_STATED} not stated in the texts:\n" + ";\n".join(what)


def _title(marks: list[_Mark], during: object) -> str:
    """What the figure shows: the kinds drawn, how many records, and the window."""
    kinds = sorted({m.record.record_kind for m in marks}, key=_KIND_ORDER.index)
    names = [_KIND_NAME[k] for k in kinds]
    count = f"{len(marks)} dated record{'s' if len(marks) != 1 else ''}"
    if len(names) > _NAMED:  # many kinds: counted, not named (the legend names them)
        text = f"{count} of {len(names)} kinds"
    else:
        what = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        text = f"{what[:1].upper()}{what[1:]}: {count}"
    return plain(text + (f", during {during}" if during is not None else ""))


_NAMED: Final = 3
"""A title names the kinds drawn when they are this few."""
