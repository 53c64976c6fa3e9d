"""Links where the involvement is: an event, quote or figure about a record names it in an involvement field."""

from __future__ import annotations

import pytest

import usnz

ABOUT = {"agreement", "conflict", "organization"}
"""The kinds a record can be about: an event names them in ``agreements``, ``conflict`` or ``organizations``."""


def _involved(record: usnz.AnyRecord) -> set[str]:
    """The ids a record names through its involvement fields (not see_also, disputes, doubts or citations)."""
    skipped = ("see_also", "disputes", "doubts", "citations")
    return {ref for path, ref in record.references() if not path.startswith(skipped)}


def test_a_see_also_to_an_event_quote_or_figure_is_named_back_or_explained() -> None:
    data = usnz.dataset()
    missing = []
    for record in data:
        if record.record_kind not in ABOUT:
            continue
        for other_id in getattr(record, "see_also", ()):
            other = data.get(other_id)
            if other.record_kind not in {"event", "quote", "figure"}:
                continue
            if record.id not in _involved(other) and record.id not in (other.notes or ""):
                missing.append(f"{record.id} -> {other_id}")
    assert not missing, "name the record in an involvement field, or say why not in notes:\n" + "\n".join(missing)


def test_the_tpp_timeline_holds_the_first_round() -> None:
    ids = usnz.timeline(involving="trans-pacific-partnership").ids()
    assert "p4-first-round-scheduled" in ids
    assert "schwab-announces-p4-negotiations" in ids
    assert usnz.get("p4-first-round-scheduled").agreements == ("trans-pacific-partnership",)  # type: ignore[union-attr]


@pytest.mark.filterwarnings("ignore::usnz.QueryWarning")  # what see_also ties is named: not asked here
def test_a_doubt_is_not_involvement() -> None:
    data = usnz.dataset()
    stems = {cls: stem for stem, cls in usnz.KINDS.items()}
    pairs = [
        (record, other)
        for record in data
        if not isinstance(record, usnz.Source)
        for doubt in record.doubts
        for other in doubt.concerns
        if other not in _involved(record) | set(getattr(record, "see_also", ())) | set(getattr(record, "disputes", ()))
        and record.id not in _involved(data.get(other)) | set(getattr(data.get(other), "see_also", ()))
    ]
    assert pairs
    for record, other in pairs:
        query = getattr(usnz, stems[type(record)])
        assert record.id not in query(involving=other).ids(), (record.id, other)
