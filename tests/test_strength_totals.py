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
    assert "not known to be at one time: k-force-korea (/1957), rnzaf-pilots-no-9-squadron (1968/)" in total.caveat
    assert ", and 4 more; so the sum may be no strength at one time" in total.caveat
    assert "total('total_served')" in total.caveat
    assert str(total).endswith(f"; caution: {total.caveat}")


def test_vietnam_teams_a_year_apart_are_not_one_strength() -> None:
    total = usnz.force_contributions(conflict="vietnam-war", country="NZL").total("personnel")
    assert total.low == 47
    assert total.caveat is not None
    assert "not known to be at one time: rnzaf-pilots-no-9-squadron (1968/)," in total.caveat
    assert "nz-training-team-dong-ba-thin (1972-02/)" in total.caveat
    assert "1972)" not in total.caveat  # 1972 is a start: no end of 1972 is given


def test_the_caveat_names_the_periods_as_given_never_a_date_the_text_does_not_give() -> None:
    """Review 10 #14: K-FORCE's 1,044 is no strength in 1957; 1957 is only when it ended."""
    total = usnz.force_contributions(conflict="korean-war", country="NZL").total("personnel")
    assert total.caveat is not None
    assert total.caveat.startswith(
        "these strengths are not known to be at one time: k-force-korea (/1957), nz-korea-liaison-officer (/1971); "
        "so the sum may be no strength at one time"
    )
    assert "1957–" not in total.caveat
    known = usnz.Records([_force("a", 10, "1950/1953"), _force("b", 5, "1990/1990")]).total("personnel")
    assert known.caveat is not None
    assert known.caveat.startswith(
        "these strengths are from different times: a (1950/1953), b (1990); so the sum is no"
    )


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
    assert "caution: these strengths are not known to be at one time" in html
    assert "total(&#x27;total_served&#x27;)" in html  # escaped
    printed: list[str] = []

    class Printer:
        def text(self, text: str) -> None:
            printed.append(text)

    total._repr_pretty_(Printer(), cycle=False)
    assert printed == [str(total)]
    assert not html.startswith("Total(")


def test_a_figure_of_the_other_kind_of_value_is_not_applicable_not_unknown() -> None:
    """Review 10 #15: a count is no money the texts do not state; a force with no aircraft stated is unknown."""
    figures = usnz.figures()
    quantities = [f.id for f in figures if f.quantity is not None]
    total = figures.total("money")
    assert not set(quantities) & set(total.unknown)
    assert total.inapplicable == tuple(quantities)
    assert total.inapplicable_note == f"{len(quantities)} figures hold a quantity, not money"
    assert f"; not applicable: {len(quantities)} figures hold a quantity, not money)" in str(total)
    assert "; not stated:" not in str(total)
    counts = usnz.Records([f for f in figures if f.quantity is not None][:1])
    assert (
        str(counts.total("money"))
        == "nothing to add (0 records counted; not applicable: 1 figure holds a quantity, not money)"
    )
    money = usnz.Records([f for f in figures if f.money is not None])
    assert money.total("quantity").inapplicable_note == f"{len(money)} figures hold money, not a quantity"
    aircraft = usnz.force_contributions(conflict="korean-war", country="NZL").total("aircraft")
    assert "k-force-korea" in aircraft.unknown  # no aircraft stated: unknown, not 0, and not "not applicable"
    assert aircraft.inapplicable == ()
    assert "not applicable" not in str(aircraft)
