"""Review 6 (M5, M9, M10) and the analyst's "late 2001": answers that say what the texts say."""

from __future__ import annotations

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
