"""A total of strengths at different times says it is no strength at one time; a Total shows in Jupyter as it prints."""

from __future__ import annotations

from typing import Any

import usnz

CITE = (usnz.Citation(source="s", paragraph=1),)


def _force(id_: str, personnel: int | None, period: str | None = None, **extra: Any) -> usnz.ForceContribution:
    return usnz.ForceContribution(
        id=id_,
        conflict="c",
        country="NZL",
        summary="Sent.",
        personnel=None if personnel is None else usnz.Quantity(best=personnel, unit="personnel"),
        period=None if period is None else usnz.Period.parse(period),
        date_basis=None if period is None else "stated",
        citations=CITE,
        **extra,
    )


def test_nz_strengths_from_korea_to_afghanistan_are_said_to_be_no_strength_at_one_time() -> None:
    total = usnz.force_contributions(country="NZL").total("personnel")
    assert total.low == 1254  # still added up: a bound you may want
    assert total.caveat is not None
    assert "from different times (1957–2005)" in total.caveat
    assert "total('total_served')" in total.caveat
    assert str(total).endswith(f"; caution: {total.caveat}")


def test_vietnam_teams_a_year_apart_are_not_one_strength() -> None:
    total = usnz.force_contributions(conflict="vietnam-war", country="NZL").total("personnel")
    assert total.low == 47
    assert total.caveat is not None
    assert "(1968–1972)" in total.caveat


def test_strengths_that_overlap_in_time_add_up_with_no_caveat() -> None:
    # the SAS rotations (2001/2005-11, disputing the undated fifty: one claim) and the PRT (2003/.., still going)
    afghanistan = usnz.force_contributions(conflict="war-in-afghanistan", country="NZL").total("personnel")
    assert afghanistan.low == 162
    assert afghanistan.caveat is None
    both = usnz.Records([_force("a", 10, "2001/2005"), _force("b", 5, "2003/..")]).total("personnel")
    assert both.caveat is None
    assert usnz.Records([_force("a", 10, "2001/2002"), _force("b", 5, "2010/..")]).total("personnel").caveat


def test_one_record_or_other_fields_get_no_caveat() -> None:
    assert usnz.Records([_force("a", 10, "1950/1950")]).total("personnel").caveat is None
    assert usnz.force_contributions(conflict="korean-war").total("total_served").caveat is None  # everyone who served
    assert usnz.Records([_force("a", None, "1950/1950"), _force("b", 3, "1990/1990")]).total("personnel").caveat is None


def test_an_undated_strength_may_be_no_strength_at_one_time() -> None:
    total = usnz.Records([_force("b", 5), _force("c", 2, "1965/1965")]).total("personnel")
    assert total.caveat is not None
    assert "not all dated (undated: b)" in total.caveat
    assert "may be no strength" in total.caveat


def test_a_total_shows_in_jupyter_and_ipython_as_it_prints() -> None:
    total = usnz.force_contributions(conflict="vietnam-war", country="NZL").total("personnel")
    html = total._repr_html_()
    assert "caution: these strengths are from different times" in html
    assert "total(&#x27;total_served&#x27;)" in html  # escaped
    printed: list[str] = []

    class Printer:
        def text(self, text: str) -> None:
            printed.append(text)

    total._repr_pretty_(Printer(), cycle=False)
    assert printed == [str(total)]
    assert not html.startswith("Total(")
