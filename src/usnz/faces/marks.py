"""The marks every face puts on what the texts do not state, and on records in a dispute.

One vocabulary for the terminal's tables, Jupyter's, ``usnz show`` and the plot:

- ``≠`` (with a number in a table, ``≠1``): the record disputes another record's claim; the
  legend names the records that disagree.
- ``*``: a value the texts do not state but that is read from them, as the record declares it:
  a date whose ``date_basis`` is ``inferred``, a currency assumed from a bare ``$``
  (``currency_stated`` false), a force's ``combat`` read from what it was or did
  (``combat_stated`` false; its notes say how), and any field the record's ``read`` names (a
  country read from a name or from context, a quote's speaker where the text says only ``He
  said``; a doubt of the record says how). Never guessed from the wording of the doubts.
- ``†``: a date taken from outside the texts (``date_basis`` ``external``).
- ``◇``: a planned date: the texts give it as scheduled, planned or a target, not as a date the
  record is known to have happened (``planned``); after a basis's mark when both apply (``†◇``).
- ``⊂``: a figure the record does not state because another record's figure counts it (a
  force contribution's ``killed`` with ``casualties_in`` set: rnzn-korea's dead are counted
  within k-force-korea's); the legend names that record.

A legend under each table says what the marks it uses mean, and only those.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final

from usnz.model.base import PROVENANCE
from usnz.model.dates import PartialDate, Period
from usnz.model.facts import facts

if TYPE_CHECKING:
    from usnz.model.amounts import Quantity
    from usnz.model.records import AnyRecord
    from usnz.model.values import Citation
    from usnz.querying.dataset import Dataset

__all__ = [
    "BASIS_WORDS",
    "COUNTED",
    "DATES",
    "DISPUTED",
    "DISPUTES_LIST",
    "MEANING",
    "NOT_STATED",
    "OUTSIDE",
    "PLANNED",
    "cited",
    "clean",
    "counted_legend",
    "counted_within",
    "country_read",
    "date_mark",
    "date_text",
    "dates_legend",
    "differences",
    "disagreement",
    "dispute_groups",
    "dispute_line",
    "disputed_fields",
    "doubt_lines",
    "legend",
    "listed",
    "meaning_of",
    "money_mark",
    "paragraphs_text",
    "quantity_text",
    "read_field",
    "read_fields",
    "record_dates_legend",
    "record_legend",
    "short_names",
    "single_marks",
    "speaker_read",
]

DATES: Final = frozenset({"when", "date", "period", "signed"})
"""The columns that date a record: shown even when every row has the same date, and kept in a narrow terminal."""
DISPUTED: Final = "≠"
NOT_STATED: Final = "*"
OUTSIDE: Final = "†"
COUNTED: Final = "⊂"
PLANNED: Final = "◇"
MEANING: Final = {
    DISPUTED: "disputes another record's claim (usnz.disputes())",
    NOT_STATED: "not stated in the texts, read from them (an inferred date, a currency assumed from '$', "
    "a country read from a name, a speaker the text does not name, fought or not read from a force's role)",
    OUTSIDE: "a date from outside the texts",
    PLANNED: "a planned, scheduled or target date: the texts do not say it happened (during= leaves it out "
    "unless possibly=True)",
    COUNTED: "counted within another record's figure",
}
"""What each mark means, as the legends say it."""
BASIS_WORDS: Final = {"inferred": "inferred from the texts", "external": "taken from outside the texts"}
"""What a ``date_basis`` other than ``stated`` says of a date, in words (a citation's note)."""
DISPUTES_LIST: Final = "usnz.disputes()"
"""Where a dispute group's number comes from: a table's ``≠2`` is this list's second group."""

_CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean(text: str) -> str:
    r"""*text* safe to print: control characters (ESC, BEL, bidirectional overrides...) shown as escapes.

    Tabs and newlines are kept; a lone surrogate is shown as ``\ud800``, so printing never raises.

    >>> clean("a\x1b]0;title\x07b")
    'a\\x1b]0;title\\x07b'
    """
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(lambda found: found[0].encode("unicode_escape").decode("ascii"), text)


def date_mark(record: object) -> str:
    """The mark of a record's dates (or an attestation's): ``*`` inferred, ``†`` from outside the texts, else ``""``.

    A planned date (``planned``) adds ``◇``: ``2009-03 ◇``, ``2010-04~ †◇``.

    >>> import usnz
    >>> date_mark(usnz.get("key-biden-talks")), date_mark(usnz.get("key-visit-to-ottawa"))
    ('†', '†◇')
    """
    basis = getattr(record, "date_basis", None)
    found = NOT_STATED if basis == "inferred" else OUTSIDE if basis == "external" else ""
    return found + PLANNED if getattr(record, "planned", False) is True else found


_SINGLE: Final = (DISPUTED, NOT_STATED, OUTSIDE, COUNTED, PLANNED)


def single_marks(used: Iterable[str]) -> set[str]:
    """The single marks in cells' marks *used*: ``†◇`` holds ``†`` and ``◇``, ``≠2`` holds ``≠``.

    >>> sorted(single_marks(["†◇", "≠2", ""]))
    ['†', '≠', '◇']
    """
    return {mark for cell in used for mark in _SINGLE if mark in cell}


def meaning_of(mark: str) -> str:
    """What a cell's mark means, each of its marks in turn (a tooltip): ``†◇`` says both.

    >>> meaning_of("≠2")
    "disputes another record's claim (usnz.disputes())"
    """
    return "; ".join(MEANING[single] for single in _SINGLE if single in mark)


def counted_within(record: object, name: str) -> str | None:
    """The id of the record whose figure counts *record*'s field *name*, when it states none of its own.

    Read from the kind's ``counted_in`` (each figure's field naming that record), as ``total()`` reads it.

    >>> import usnz
    >>> counted_within(usnz.get("rnzn-korea"), "killed"), counted_within(usnz.get("k-force-korea"), "killed")
    ('k-force-korea', None)
    """
    pointer = getattr(type(record), "counted_in", {}).get(name)
    if pointer is None or getattr(record, name) is not None:
        return None
    target = getattr(record, pointer)
    return None if target is None else str(target)


def counted_legend(counted: dict[str, list[str]]) -> list[str]:
    """The legend's lines of the ``⊂`` mark: for each record whose figure counts others', those others.

    >>> counted_legend({"k-force-korea": ["rnzn-korea"]})
    ["⊂ counted within k-force-korea's figure: rnzn-korea"]
    """
    return [f"{COUNTED} counted within {target}'s figure: {', '.join(ids)}" for target, ids in counted.items()]


def is_attestation(value: object) -> bool:
    """Whether *value* is an attestation of a record (it has the record's ``date_basis``): marked as that record."""
    return hasattr(value, "date_basis") and hasattr(value, "record")


def inner_date_marks(value: object) -> set[str]:
    """The marks of the dates held inside a field's value: a role's attestations, each its record's basis.

    A field of roles (``Person.roles``) shows each attested date with its mark after it
    (``2009~*``): what the legend must then explain.
    """
    found: set[str] = set()
    if isinstance(value, tuple):
        items: tuple[object, ...] = value  # pyright: ignore[reportUnknownVariableType]
        found = found.union(*(inner_date_marks(item) for item in items))
    elif is_attestation(value):
        found.add(date_mark(value))
    else:
        found |= inner_date_marks(getattr(value, "attested", ()))
    return found - {""}


def money_mark(money: object) -> str:
    """``*`` on money whose currency the text does not state (a bare ``$``), else ``""``."""
    return NOT_STATED if getattr(money, "currency_stated", True) is False else ""


def country_read(record: AnyRecord) -> bool:
    """Whether a country of the record is read from a name or from context: its ``read`` names a country field.

    >>> import usnz
    >>> country_read(usnz.get("nz-us-council")), country_read(usnz.get("anzus"))
    (True, False)
    """
    kind: Any = type(record)
    return any(name in _countries(kind) for name in getattr(record, "read", ()))


def speaker_read(record: AnyRecord) -> bool:
    """Whether a quote's speaker is read from context, not named by the text: its ``read`` names ``speaker``.

    A doubt of the quote says how ("The item says only 'He said', read as Key").

    >>> import usnz
    >>> speaker_read(usnz.get("schwab-vitally-important-region")), speaker_read(usnz.get("hill-a-relic"))
    (True, False)
    """
    return getattr(record, "record_kind", None) == "quote" and "speaker" in getattr(record, "read", ())


def read_field(record: AnyRecord, name: str) -> bool:
    """Whether field *name* of *record* is read from the texts, not stated: named by its ``read``, or a force's combat.

    A record declares the fields it reads in ``read`` (a doubt of it says how); a force's
    ``combat`` is read when ``combat_stated`` is false. A date's basis and an amount's currency
    have marks of their own (:func:`date_mark`, :func:`money_mark`). Nothing is read from the
    wording of the doubts.

    >>> import usnz
    >>> team, battery = usnz.get("nz-training-team-chi-lang"), usnz.get("161-battery-vietnam")
    >>> read_field(team, "combat"), read_field(battery, "combat")
    (True, False)
    >>> read_field(usnz.get("key-tpp-testing"), "speaker")
    True
    """
    if name == "combat" and getattr(record, "combat_stated", True) is False:
        return True
    return name in getattr(record, "read", ())


def read_fields(record: AnyRecord) -> tuple[str, ...]:
    """The names of the record's fields whose values are read from the texts, not stated (see :func:`read_field`).

    In the record's field order. Dates and currencies are not among them: ``date_basis`` and
    ``currency_stated`` say so.

    >>> import usnz
    >>> read_fields(usnz.get("nz-vietnam-economic-assistance")), read_fields(usnz.get("anzus"))
    (('recipient',), ())
    """
    declared: tuple[str, ...] = getattr(record, "read", ())
    combat = getattr(record, "combat_stated", True) is False
    if not declared and not combat:  # the common case
        return ()
    found = {*declared, "combat"} if combat else set(declared)
    kind: Any = type(record)
    return tuple(name for name in _order(kind) if name in found)


@functools.cache
def _order(kind: Any) -> tuple[str, ...]:
    """The names of *kind*'s fields, in declaration order."""
    return tuple(name for name, _ in facts(kind))


@functools.cache
def _countries(kind: Any) -> frozenset[str]:
    """The names of *kind*'s fields of country codes."""
    return frozenset(name for name, declared in facts(kind) if declared.country)


def doubt_lines(record: AnyRecord) -> list[str]:
    """Each of the record's doubts as one line (``kind (source ¶N): text``), the contradictions first."""
    doubts = list(getattr(record, "doubts", ()))
    return [str(doubt) for doubt in sorted(doubts, key=lambda doubt: getattr(doubt, "kind", "") != "contradiction")]


def dispute_groups(records: Sequence[AnyRecord]) -> tuple[dict[str, int], dict[int, list[str]]]:
    """Each disputing record's group number (1, 2...), and each group's ids, in order of first records.

    Records linked by ``disputes`` share a number; a group names the ids a record disputes
    that are not in *records* too.
    """
    number: dict[str, int] = {}
    members: dict[int, list[str]] = {}
    for record in records:
        others = getattr(record, "disputes", ())
        if not others:
            continue
        known = next((number[i] for i in (record.id, *others) if i in number), None)
        group = known if known is not None else len(members) + 1
        for i in (record.id, *others):
            if i not in number:
                number[i] = group
                members.setdefault(group, []).append(i)
    return {record.id: number[record.id] for record in records if record.id in number}, members


def listed(records: Iterable[AnyRecord], data: Dataset | None = None) -> dict[str, int] | None:
    """Each disputing record's group number in *data*'s ``disputes()`` (the packaged dataset's by default).

    ``None`` when one of *records* is not among them, as it stands there (a record of a dataset
    of your own, shown without it): then a face numbers its groups itself and points to no list.
    """
    from usnz.querying.lookup import given_dataset  # noqa: PLC0415 - the dataset only for a dispute shown

    numbers: dict[str, int] = {}
    own: dict[str, AnyRecord] = {}
    for number, group in enumerate(given_dataset(data).disputes(), start=1):
        for record in group:
            numbers[record.id] = number
            own[record.id] = record
    if all(record.id in own and (own[record.id] is record or own[record.id] == record) for record in records):
        return numbers
    return None


def _plain(cls: Any) -> list[str]:
    """The fields of *cls* whose values can be compared: facts, not text, not provenance."""
    return [
        name
        for name, declared in facts(cls)
        if name not in {"id", "kind"} and name not in PROVENANCE and not declared.search and not declared.label
    ]


def differences(group: Sequence[AnyRecord]) -> list[tuple[str, list[tuple[str, str]]]]:
    """What the records of a dispute disagree on: each field and each record's value.

    A field counts when two records of one kind or more set it and their values differ: only
    facts, never their wording (summaries, names) or provenance.
    """
    kinds = {type(record) for record in group}
    if len(kinds) != 1:
        return []
    found: list[tuple[str, list[tuple[str, str]]]] = []
    for name in _plain(kinds.pop()):
        values = [(record.id, getattr(record, name)) for record in group]
        stated = [(rid, value) for rid, value in values if value is not None and value != ()]
        if len(stated) >= 2 and len({repr(value) for _, value in stated}) > 1:
            found.append((name, [(rid, _value(value)) for rid, value in stated]))
    return found


def disputed_fields(record: AnyRecord, data: Dataset | None = None) -> frozenset[str]:
    """The fields on which *record* and the records it disputes disagree (:func:`differences`), in *data*'s groups.

    Empty for a record that disputes none, or that is not among *data*'s disputes as it stands
    (the packaged dataset's by default).

    >>> import usnz
    >>> sorted(disputed_fields(usnz.get("nz-gulf-war-1991")))
    ['combat']
    """
    if not getattr(record, "disputes", ()):
        return frozenset()
    from usnz.querying.lookup import given_dataset  # noqa: PLC0415 - the dataset only for a dispute shown

    for group in given_dataset(data).disputes():
        if any(other is record or other == record for other in group):
            return frozenset(name for name, values in differences(group) if any(rid == record.id for rid, _ in values))
    return frozenset()


def date_text(value: object) -> str:
    """A date or period as the faces read it: a period of one date as that date (``1991``, never ``1991/1991``).

    Anything else as its ``str()``. CSV and JSON keep the stored EDTF (``1991/1991``).

    >>> from usnz import Period
    >>> date_text(Period.parse("2002-03/2002-03")), date_text(Period.parse("1991/1992"))
    ('2002-03', '1991/1992')
    """
    if isinstance(value, Period) and isinstance(value.start, PartialDate) and value.start == value.end:
        return str(value.start)
    return str(value)


_DECADE: Final = re.compile(r"\b[0-9]{3}X\b")


_DATE_FORMS: Final = {
    "~": "~ approximate (the text hedges: 'late 2001', 'about')",
    "X": "{seen} a year of the {decade}0s",
    "..": "{seen} still going when the source was written",
    "end": "{seen} end not given",
    "start": "{seen} start not given",
}
"""What each EDTF form a date may use means, as the legends say it (``{seen}``: the date that uses it)."""

_PLACED: Final = {NOT_STATED: "an inferred date", OUTSIDE: "a date from outside the texts"}
"""What a ``~`` date with each mark is: a date the texts do not state, placed approximately by the reading."""


def _approximate(stated: bool, placed: dict[str, str]) -> str:
    """The ``~`` part of the dates' legend: a hedge of the text only when a stated date uses it.

    *placed* holds, for each mark (``*``, ``†``) of an inferred or outside ``~`` date shown,
    the first such date.
    """
    parts = ["the text hedges: 'late 2001', 'about'"] if stated else []
    if placed:
        what = " or ".join(_PLACED[mark] for mark in _PLACED if mark in placed)
        seen = ", ".join(f"{text} {mark}" for mark, text in placed.items())
        hedge = "" if stated else "; the text does not hedge it"
        parts.append(f"{seen}: {what}, placed approximately by the reading{hedge}")
    return f"~ approximate ({'; '.join(parts)})"


def dates_legend(texts: Iterable[str | tuple[str, str]]) -> str | None:
    """A legend line for the EDTF forms the dates *texts* use (``~``, ``196X``, open or unknown ends), or ``None``.

    Only the forms present are named, each by the first date that uses it. A date may come with
    its mark (:func:`date_mark`): a ``~`` of a stated date is the text's hedge, a ``~`` of an
    inferred (``*``) or outside (``†``) date is the reading's own approximation, and the line
    says which the dates shown hold.

    >>> print(dates_legend(["2001~/2005-11", "196X/1987", "2003/..", "/1957", "1965-07/"]))
    Dates: ~ approximate (the text hedges: 'late 2001', 'about'); 196X a year of the 1960s; 2003/.. still
    going when the source was written; 1965-07/ end not given; /1957 start not given
    >>> print(dates_legend([("2007-03~", "*"), ("2010-04~", "†"), ("2008-07~", "*")]))
    Dates: ~ approximate (2007-03~ *, 2010-04~ †: an inferred date or a date from outside the texts, placed
    approximately by the reading; the text does not hedge it)
    """
    found: dict[str, str] = {}
    stated = False
    placed: dict[str, str] = {}
    for item in texts:
        text, mark = (item, "") if isinstance(item, str) else item
        decade = _DECADE.search(text)
        if decade is not None:
            found.setdefault("X", decade[0])
        checks = (("~", "~" in text), ("..", text.endswith("/..")), ("end", text.endswith("/")))
        for form, present in (*checks, ("start", text.startswith("/"))):
            if present:
                found.setdefault(form, text)
        if "~" in text and mark in _PLACED:
            placed.setdefault(mark, text)
        elif "~" in text:
            stated = True
    parts = [
        _approximate(stated, placed) if form == "~" else words.format(seen=found[form], decade=found[form][:3])
        for form, words in _DATE_FORMS.items()
        if form in found
    ]
    return "Dates: " + "; ".join(parts) if parts else None


def record_dates_legend(record: AnyRecord) -> list[str]:
    """The legend line for the date forms *record*'s dates use (:func:`dates_legend`), as ``usnz show`` shows them."""
    kind: Any = type(record)
    dated = [name for name, declared in facts(kind) if declared.date]
    mark = date_mark(record)
    line = dates_legend(
        (date_text(value), mark) for name in dated if (value := getattr(record, name, None)) is not None
    )
    return [] if line is None else [line]


def disagreement(ids: Sequence[str], records: Sequence[AnyRecord] = ()) -> str:
    """What a dispute is, in a line: its records and, when all are given, the fields they disagree on.

    >>> import usnz
    >>> print(disagreement(["nzsas-afghanistan-rotations", "nzsas-afghanistan-fifty"], usnz.disputes()[1]))
    nzsas-afghanistan-rotations and nzsas-afghanistan-fifty disagree: personnel 40-65 personnel / 50 personnel
    """
    names = " and ".join([", ".join(ids[:-1]), ids[-1]] if len(ids) > 1 else ids)
    differ = differences(records) if {r.id for r in records} >= set(ids) else []
    if not differ:
        return f"{names} disagree"
    return f"{names} disagree: " + "; ".join(
        f"{field} {' / '.join(value for _, value in values)}" for field, values in differ
    )


def _value(value: object) -> str:
    """A value in a dispute's line: a figure read right, several values joined, a flag in words."""
    from usnz.model.amounts import Quantity  # noqa: PLC0415 - the model's value, loaded with the records

    if isinstance(value, bool):
        return "yes (fought)" if value else "no (support only)"
    if isinstance(value, Quantity):
        return quantity_text(value)
    if isinstance(value, tuple):
        items: tuple[object, ...] = value  # pyright: ignore[reportUnknownVariableType]
        return "; ".join(str(item) for item in items)
    return date_text(value)


def legend(
    used: Iterable[str],
    disputes: dict[int, list[str]] | None = None,
    records: Sequence[AnyRecord] = (),
    *,
    listed: str | None = DISPUTES_LIST,
    counted: dict[str, list[str]] | None = None,
) -> list[str]:
    """The legend lines of a table: each dispute group and what disagrees; each other mark used and its meaning.

    *listed* names the list whose numbers the groups have (``usnz.disputes()``): a group's line
    points there; ``None`` when they are numbered in the table alone. *counted* names, for each
    record whose figure counts others' (``⊂``), those others (:func:`counted_legend`).
    """
    marks = single_marks(used)
    where = f" ({listed})" if listed else ""
    lines = [
        f"{DISPUTED}{number} {disagreement(ids, [r for r in records if r.id in ids])}{where}"
        for number, ids in (disputes or {}).items()
    ]
    if not disputes and DISPUTED in marks:
        lines.append(f"{DISPUTED} {MEANING[DISPUTED]}")
    lines.extend(f"{mark} {MEANING[mark]}" for mark in (NOT_STATED, OUTSIDE, PLANNED) if mark in marks)
    if COUNTED in marks:
        lines.extend(counted_legend(counted) if counted else [f"{COUNTED} {MEANING[COUNTED]}"])
    return lines


def dispute_line(record: AnyRecord) -> str:
    r"""The legend's ``≠`` line under one record: whose claim it disputes, and where that dispute is shown.

    Its contradiction is among the record's doubts; both sides are its group of
    ``usnz.disputes()`` (by number, when the record is the packaged data's), and ``usnz show``
    shows the other side.

    >>> import usnz
    >>> print(dispute_line(usnz.get("nz-gulf-war-1991")).replace("; ", ";\n"))
    ≠ disputes the claim of nz-gulf-war-fought-claim (how: its contradiction, under doubts);
    both sides: usnz.disputes()[0] in Python;
    the other: usnz show nz-gulf-war-fought-claim
    """
    others: tuple[str, ...] = getattr(record, "disputes", ())
    how = (
        " (how: its contradiction, under doubts)"
        if any(getattr(doubt, "kind", None) == "contradiction" for doubt in getattr(record, "doubts", ()))
        else ""
    )
    head = f"{DISPUTED} disputes the claim of {', '.join(others)}{how}"
    numbers = listed([record])
    if numbers is None:  # a record of a dataset of your own
        return f"{head}; both sides: the dataset's disputes()"
    shows = ", ".join(f"usnz show {other}" for other in others)
    return f"{head}; both sides: {DISPUTES_LIST}[{numbers[record.id] - 1}] in Python; the other: {shows}"


def record_legend(record: AnyRecord, used: Iterable[str]) -> list[str]:
    """The legend under one record (``usnz show``, ``print(record)``, Jupyter): its marks, its dispute's own line."""
    marks = single_marks(used)
    lines = [dispute_line(record)] if DISPUTED in marks else []
    counted: dict[str, list[str]] = {}  # the figures it leaves to another record (killed, wounded...), by that record
    for name in getattr(type(record), "counted_in", {}):
        target = counted_within(record, name)
        if target is not None:
            counted.setdefault(target, []).append(name)
    return lines + legend(marks - {DISPUTED}, counted=counted)


def quantity_text(quantity: Quantity, *, unit: bool = True) -> str:
    """A quantity read right, as ``str()`` reads it (``1 year``, ``year 2010``, never ``2,010 year``).

    With *unit* false, the figure alone (a column's heading names what is counted).

    >>> from usnz import Quantity
    >>> quantity_text(Quantity(best=2010, unit="year")), quantity_text(Quantity(best=1, unit="years"))
    ('year 2010', '1 year')
    >>> quantity_text(Quantity(best=2010, unit="year"), unit=False)
    '2010'
    """
    from usnz.model.amounts import figure_text  # noqa: PLC0415 - the model's value, loaded with the records

    return str(quantity) if unit else figure_text(quantity)


def short_names(sources: Sequence[str]) -> dict[str, str]:
    """Each source id's first words, as few as tell it from the others (``encyclopedia``).

    Linear in the ids' length: each prefix is counted once.
    """
    counts: dict[tuple[str, ...], int] = {}
    split = {source: tuple(source.split("-")) for source in dict.fromkeys(sources)}
    for words in split.values():
        for n in range(1, len(words) + 1):
            counts[words[:n]] = counts.get(words[:n], 0) + 1
    return {
        source: "-".join(words[: next((n for n in range(1, len(words)) if counts[words[:n]] == 1), len(words))])
        for source, words in split.items()
    }


def cited(citations: Sequence[Citation], short: dict[str, str] | None = None) -> str:
    """Citations in a few characters: each source's paragraphs (see :func:`paragraphs_text`), then its short name.

    >>> import usnz
    >>> cited(usnz.get("anzus").citations)
    '¶6–¶7, ¶17, ¶36 — encyclopedia'
    >>> cited(usnz.get("nzsas-afghanistan-fifty").citations)
    '¶23 — encyclopedia'
    """
    by_source: dict[str, set[int]] = {}
    for citation in citations:
        by_source.setdefault(citation.source, set()).add(citation.paragraph)
    names = short if short is not None else short_names(list(by_source))
    return "; ".join(
        paragraphs_text(found) + (f" — {names[source]}" if names[source] else "") for source, found in by_source.items()
    )


def paragraphs_text(numbers: Iterable[int]) -> str:
    """Paragraph numbers in a few characters: a dash joins consecutive ones only, never a gap.

    Runs of consecutive paragraphs read as ranges, the others are listed; past :data:`_FEW`
    pieces, the first two are shown and ``… +N`` says how many paragraphs are not.

    >>> paragraphs_text([6, 23])
    '¶6, ¶23'
    >>> paragraphs_text([24, 25, 26, 27])
    '¶24–¶27'
    >>> paragraphs_text([6, 8, 9, 12, 22, 23])
    '¶6, ¶8–¶9 … +3'
    """
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    pieces = [f"¶{run[0]}" if len(run) == 1 else f"¶{run[0]}–¶{run[-1]}" for run in runs]
    if len(pieces) <= _FEW:
        return ", ".join(pieces)
    left = sum(len(run) for run in runs[_FEW - 1 :])
    return f"{', '.join(pieces[: _FEW - 1])} … +{left}"


_FEW: Final = 3
"""A source's paragraphs are listed when they make this few pieces (runs read as ranges), else the first two and
how many more."""
