"""``involving=`` runs both ways, through the fields declared as involvement, and no others."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import usnz
from usnz.model.facts import fact, facts, involvement
from usnz.model.records import KINDS


def test_people_named_by_an_award_are_involved_in_it() -> None:
    """The award names the people; the people do not name the award: found all the same."""
    found = usnz.people(office="prime-minister", country="NZL", involving="torchbearer-award-recipients")
    assert found.ids() == ("jim-bolger", "mike-moore")
    assert set(usnz.people(involving="torchbearer-award-recipients").ids()) == set(
        usnz.get("torchbearer-award-recipients").participants  # type: ignore[union-attr]
    )


def test_the_tpp_timeline_holds_the_records_linked_to_it() -> None:
    found = usnz.timeline(involving="trans-pacific-partnership").ids()
    for linked in (
        "schwab-announces-p4-negotiations",
        "us-announces-p4-negotiations-start",
        "p4-first-round-scheduled",
    ):
        assert linked in found
    # An undated event is not on the timeline, but the events query finds it.
    assert "us-business-groups-back-p4-negotiations" in usnz.events(involving="trans-pacific-partnership").ids()


def test_the_records_a_record_refers_to_are_involved_in_it() -> None:
    """A quote involves its speaker and its event; asked from the quote's side too."""
    quote = usnz.get("rice-a-friend-and-an-ally")
    assert quote.record_kind == "quote"
    assert usnz.people(involving=quote.id).ids() == ("condoleezza-rice",)
    assert quote.event in usnz.events(involving=quote.id).ids()  # type: ignore[union-attr]
    assert quote.id in usnz.quotes(involving="condoleezza-rice").ids()


def test_see_also_and_disputes_are_not_involvement() -> None:
    tpp = usnz.get("trans-pacific-partnership")
    assert "us-nz-council" in tpp.see_also  # type: ignore[union-attr]
    assert "us-nz-council" not in usnz.organizations(involving=tpp.id).ids()
    assert "trans-pacific-partnership" not in usnz.agreements(involving="us-nz-council").ids()
    claim = usnz.get("nz-gulf-war-fought-claim")
    assert "nz-gulf-war-1991" in claim.disputes  # type: ignore[union-attr]
    assert claim.id not in usnz.timeline(involving="nz-gulf-war-1991").ids()


@pytest.mark.filterwarnings("ignore::usnz.QueryWarning")  # what see_also ties is named: not asked here
def test_involvement_both_ways_for_every_declared_reference() -> None:
    """Every id in an involvement field links the two records, asked from either side."""
    data = usnz.dataset()
    checked = 0
    for record in data:
        for _, ref, declared in record.references_of():
            if not declared.involves:
                continue
            target = data.get(ref)
            assert record in data.timeline(involving=ref) or record.when is None
            assert record.id in _query(data, record, ref).ids()
            assert target.id in _query(data, target, record.id).ids()
            checked += 1
    assert checked > 200


def _query(data: usnz.Dataset, record: usnz.Record | usnz.Source, involving: str) -> usnz.Records[usnz.AnyRecord]:
    stem = {"force-contribution": "force_contributions", "assistance": "assistance", "person": "people"}
    method = getattr(data, stem.get(record.record_kind, f"{record.record_kind}s"))
    found: usnz.Records[usnz.AnyRecord] = method(involving=involving)
    return found


def test_only_reference_fields_can_be_involvement() -> None:
    with pytest.raises(ValueError, match="involves=True needs refers="):
        fact(doc="a text", involves=True)


def test_the_declared_involvement_fields() -> None:
    """What ``involving=`` follows, kind by kind (docs/querying.md lists the same)."""
    declared = {name: involvement(cls) for name, cls in KINDS.items() if involvement(cls)}
    assert declared == {
        "agreements": ("signatories", "organizations"),
        "force_contributions": ("conflict", "organization"),
        "assistance": ("via", "subjects"),
        "events": ("participants", "organizations", "agreements", "conflict", "subjects"),
        "people": ("roles.organization",),
        "quotes": ("speaker", "event", "subjects"),
        "figures": ("subjects",),
    }
    for kind in KINDS.values():
        cls: Any = kind
        for name, one in facts(cls):
            assert not (one.involves and name in {"see_also", "disputes", "citations"})
            assert not one.involves or one.refers


def test_country_codes_still_match() -> None:
    assert "anzus" in usnz.agreements(involving="AUS").ids()
    assert usnz.events(involving="nzl") == usnz.events(involving="NZL")


def test_a_users_record_is_involved_both_ways() -> None:
    """A user's dataset: the reverse link is built from the same declarations."""
    data = usnz.dataset()
    event = data.get("torchbearer-award-recipients")
    smaller = usnz.Dataset([event, *(data.get(p) for p in event.participants)])  # type: ignore[union-attr]
    assert smaller.people(involving=event.id).ids() == data.people(involving=event.id).ids()
    assert smaller.events(involving="jim-bolger").ids() == (event.id,)
    assert attrs.has(type(event))


def test_the_katrina_events_name_the_hurricane_and_are_found_from_it() -> None:
    """Events name the event they answer (``Event.subjects``): the hurricane's timeline holds them, not only the help."""
    found = usnz.timeline(involving="hurricane-katrina").ids()
    assert set(found) == {
        "john-titmus-undac-katrina",
        "nz-katrina-disaster-personnel-offer",
        "nz-katrina-red-cross-pledge",
        "titmus-leads-undac-team",  # ¶33 names the hurricane
        "us-embassy-thanks-nz-for-katrina-help",  # read from ¶33, with a reading doubt
        "clark-condolences-to-bush",  # ¶32 names no disaster: read from ¶33, with its doubt
        "goff-sympathy-message-to-rice",
    }
    assert set(usnz.events(involving="titmus-leads-undac-team").ids()) >= {"hurricane-katrina"}
    thanks = usnz.get("us-embassy-thanks-nz-for-katrina-help", usnz.Event)
    assert any(d.kind == "reading" and "hurricane-katrina" in d.concerns for d in thanks.doubts)


def test_an_event_names_only_events_as_its_subjects(tmp_path: Path) -> None:
    event = attrs.evolve(usnz.get("titmus-leads-undac-team", usnz.Event), id="my-event", subjects=("korean-war",))
    (tmp_path / "events.json").write_text(json.dumps([usnz.converter.unstructure(event)]), encoding="utf-8")
    with pytest.raises(usnz.DataError, match="subjects: refers to 'korean-war', a conflict; expected an event"):
        usnz.load(tmp_path, extends=usnz.dataset())


def test_only_reference_fields_can_bound_dates() -> None:
    with pytest.raises(ValueError, match="within=True needs refers="):
        fact(doc="a text", within=True)
