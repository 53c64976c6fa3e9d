"""Review 6 (M5, M9, M10) and the analyst's "late 2001": answers that say what the texts say."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

import usnz
from usnz.model.total import Total

CITE = (usnz.Citation(source="s", paragraph=1),)


def _force(id: str, **fields: Any) -> usnz.ForceContribution:  # noqa: A002 - mirrors the field
    return usnz.ForceContribution(id=id, conflict="c", country="NZL", summary="Sent.", citations=CITE, **fields)


def _people(n: int) -> usnz.Quantity:
    return usnz.Quantity(unit="personnel", best=n)


# -- M5: losses read as counted within another record's figure ------------------------------------


@pytest.mark.parametrize(("field", "figure"), [("killed", 33), ("wounded", 79), ("captured", 1)])
def test_korea_losses_are_new_zealands_whole_as_the_data_reads_them(field: str, figure: int) -> None:
    """¶14's 33/79/1 follow both the K-FORCE and the navy totals: read as NZ's whole losses, not 'navy unknown'."""
    total = usnz.force_contributions(conflict="korean-war", country="NZL").total(field)  # type: ignore[arg-type]
    assert (total.best, total.low, total.high) == (figure, figure, figure)
    assert total.counted == ("k-force-korea",)
    assert total.unknown == ()
    assert dict(total.within) == {"rnzn-korea": "k-force-korea", "nz-korea-liaison-officer": "k-force-korea"}
    text = str(total)
    assert "not stated" not in text
    assert "counted within k-force-korea's figure (a reading of the text): nz-korea-liaison-officer, rnzn-korea" in text


def test_the_navy_alone_points_to_the_figure_it_is_counted_in() -> None:
    total = usnz.Records([usnz.get("rnzn-korea")]).total("killed")
    assert (total.best, total.low, total.high, total.unknown) == (None, None, None, ("rnzn-korea",))
    assert str(total) == (
        "nothing stated (0 records counted; not stated: rnzn-korea "
        "(read as within k-force-korea's figure, which is not among these records))"
    )


def test_counted_within_covers_casualties_only() -> None:
    korea = usnz.force_contributions(conflict="korean-war", country="NZL")
    assert korea.total("total_served").unknown == ("nz-korea-liaison-officer",)
    assert korea.total("personnel").unknown == ("rnzn-korea",)
    assert korea.total("personnel").within == ()


def test_counted_within_a_record_that_states_nothing_is_unknown() -> None:
    """The including record is there but states no figure: both are unknown, never 0."""
    records = usnz.Records([_force("a"), _force("b", casualties_in="a")])
    total = records.total("killed")
    assert total.unknown == ("a", "b")
    assert total.best is None
    assert str(total) == (
        "nothing stated (0 records counted; not stated: a, b (read as within a's figure, which is not among "
        "these records))"
    )


def test_counted_within_beside_other_claims() -> None:
    records = usnz.Records(
        [
            _force("a", killed=_people(5)),
            _force("b", casualties_in="a"),
            _force("c", killed=_people(2)),
            _force("d", casualties_in="c"),
        ]
    )
    total = records.total("killed")
    assert (total.best, total.counted, total.unknown) == (7, ("a", "c"), ())
    assert str(total) == (
        "7 personnel (2 records counted; counted within a's figure (a reading of the text): b; "
        "counted within c's figure (a reading of the text): d)"
    )


def test_a_record_counted_within_another_states_no_losses_of_its_own() -> None:
    with pytest.raises(usnz.Error, match="states its own: wounded"):
        _force("b", casualties_in="a", wounded=_people(1))
    with pytest.raises(usnz.Error, match="names the record itself"):
        _force("b", casualties_in="b")
    assert _force("b", casualties_in="a").casualties_in == "a"


def test_a_total_checks_its_pairs() -> None:
    with pytest.raises(usnz.Error, match="pairs"):
        Total(best=None, low=None, high=None, unit=None, within=(("a",),))  # type: ignore[arg-type]


def test_every_casualty_total_the_data_allows_reads_right() -> None:
    """Each conflict x country x casualty kind: no record counted within another is called 'not stated'."""
    within = {r.id for r in usnz.force_contributions() if r.casualties_in is not None}
    fields = ("killed", "wounded", "captured")
    for conflict, field in itertools.product(usnz.conflicts(), fields):
        records = usnz.force_contributions(conflict=conflict)
        for country in sorted({r.country for r in records}):
            total = usnz.Records(r for r in records if r.country == country).total(field)  # type: ignore[arg-type]
            assert not set(total.unknown) & within, (conflict.id, country, field, str(total))


# -- M10: Katrina help dated after the pledge it followed -------------------------------------------


def test_the_offers_come_after_the_pledge_they_followed() -> None:
    order = usnz.timeline(involving="hurricane-katrina").ids()
    pledge = order.index("nz-katrina-red-cross-pledge")
    assert order.index("nz-katrina-disaster-personnel-offer") > pledge
    assert order.index("us-embassy-thanks-nz-for-katrina-help") > pledge
    for rid in ("nz-katrina-disaster-personnel-offer", "us-embassy-thanks-nz-for-katrina-help"):
        record = usnz.get(rid)
        assert str(record.when) == "2005-08-30/2005~"
        assert getattr(record, "date_basis", None) == "inferred"
        quotes = [c.quote or "" for c in record.citations]
        assert any(q.startswith("After the New Zealand government's initial pledge of money") for q in quotes)


def test_titmus_is_dated_from_the_hurricane_not_the_pledge() -> None:
    """¶33 does not place Titmus's mission after the pledge: its window opens with the hurricane, about August 2005."""
    for rid in ("john-titmus-undac-katrina", "titmus-leads-undac-team"):
        record = usnz.get(rid)
        assert str(record.when) == "2005-08~/2005~"
        assert getattr(record, "date_basis", None) == "inferred"
    assert "titmus-leads-undac-team" not in usnz.timeline(during="2005-01/2005-07").ids()


# -- M9: UKUSA reachable where the text ties things to it --------------------------------------------


def test_ukusa_reaches_its_community_both_ways() -> None:
    assert "ukusa-community" in usnz.organizations(involving="ukusa-agreement").ids()
    assert "ukusa-agreement" in usnz.agreements(involving="ukusa-community").ids()
    assert usnz.get("ukusa-agreement", usnz.Agreement).organizations == ("ukusa-community",)


def test_ukusa_says_why_the_united_states_is_not_a_party() -> None:
    ukusa = usnz.get("ukusa-agreement", usnz.Agreement)
    assert ukusa.parties == ("NZL",)
    with pytest.warns(usnz.QueryWarning, match="leaves out ukusa-agreement"):
        assert "ukusa-agreement" not in usnz.agreements(country="USA").ids()
    assert any("'with the United States'" in d.text and "parties" in d.text for d in ukusa.doubts)
    assert any(set(d.concerns) == {"gcsb", "echelon-network"} for d in ukusa.doubts)


# -- "late 2001" ----------------------------------------------------------------------------------


def test_late_2001_is_shown_broader_than_a_plain_year() -> None:
    rotations = usnz.get("nzsas-afghanistan-rotations", usnz.ForceContribution)
    assert str(rotations.period) == "2001~/2005-11"
    assert "2001~/2005-11" in str(rotations)  # what usnz show prints
    assert any("'in late 2001'" in d.text and "2001~" in d.text for d in rotations.doubts)
