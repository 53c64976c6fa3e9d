"""``during=`` and the records whose start or end is unknown: warned of, and bounded under ``possibly=True``."""

from __future__ import annotations

import warnings

import pytest

import usnz
from usnz.querying.bound import _naming_records  # pyright: ignore[reportPrivateUsage]


def test_korea_in_1952_names_k_force() -> None:
    with pytest.warns(usnz.QueryWarning, match=r"^k-force-korea \(/1957\), nz-korea-liaison-officer \(/1971\)") as got:
        assert usnz.force_contributions(conflict="korean-war", during=1952) == ()
    assert len(got) == 1
    message = str(got[0].message)
    assert "rnzn-korea (undated, of korean-war)" in message
    assert message.endswith("have an unknown start or end and may be in during=1952; possibly=True includes them")
    lenient = usnz.force_contributions(conflict="korean-war", during=1952, possibly=True).ids()
    assert {"k-force-korea", "nz-korea-liaison-officer", "rnzn-korea", "us-navy-korea"} <= set(lenient)


def test_vietnam_in_1967_names_the_battery() -> None:
    with pytest.warns(usnz.QueryWarning, match=r"161-battery-vietnam \(1965-07/\).*possibly=True includes them"):
        assert usnz.force_contributions(conflict="vietnam-war", country="NZL", during=1967) == ()
    assert "161-battery-vietnam" in usnz.force_contributions(conflict="vietnam-war", during=1967, possibly=True).ids()


def test_the_pacific_war_forces_in_1943() -> None:
    with pytest.warns(usnz.QueryWarning, match=r"us-forces-in-new-zealand-ww2 \(undated, of pacific-war\)"):
        assert usnz.force_contributions(during=1943) == ()
    lenient = usnz.force_contributions(during=1943, possibly=True).ids()
    assert {"us-forces-in-new-zealand-ww2", "us-1st-marine-division-wellington", "nz-second-world-war"} <= set(lenient)
    assert "rnzn-korea" not in lenient  # an undated force is only as wide as its conflict


def test_assistance_from_1966_on() -> None:
    with pytest.warns(usnz.QueryWarning, match=r"^nz-vietnam-economic-assistance \(1966/\) has .*includes it$"):
        assert usnz.assistance(during=1970) == ()
    assert usnz.assistance(during=1970, possibly=True).ids() == ("nz-vietnam-economic-assistance",)


def test_an_unknown_start_runs_back_no_further_than_its_conflict() -> None:
    assert "nz-engineers-vietnam" not in usnz.force_contributions(during=1951, possibly=True).ids()
    assert "nz-engineers-vietnam" in usnz.force_contributions(during="1965-02-07", possibly=True).ids()
    assert "nz-engineers-vietnam" not in usnz.force_contributions(during="1965-02-06", possibly=True).ids()
    assert "k-force-korea" not in usnz.force_contributions(during=1949, possibly=True).ids()


def test_a_found_answer_names_only_records_bounded_both_ways() -> None:
    with pytest.warns(usnz.QueryWarning, match=r"^k-force-korea \(/1957\), nz-korea-liaison-officer \(/1971\) have"):
        assert usnz.timeline(during=1952).ids() == ("korean-war",)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # 161-battery-vietnam (1965-07/) may run on to 2008, but is not named
        assert usnz.timeline(during=2008)
        assert usnz.force_contributions(during=1952, possibly=True)  # possibly=True: nothing to add


def test_during_of_force_contributions_is_asked_of_the_whole() -> None:
    assert "during" in _naming_records("force_contributions")
    assert "during" not in _naming_records("events")


def test_the_iraq_engineers_start_about_october_2003() -> None:
    engineers = usnz.get("nz-engineers-iraq", usnz.ForceContribution)
    assert str(engineers.period) == "2003-10~/2004-10"
    assert engineers.date_basis == "inferred"
    assert "nz-engineers-iraq" not in usnz.force_contributions(during="2003-01/2003-02").ids()
    assert "nz-engineers-iraq" in usnz.force_contributions(during="2003-10").ids()


def test_nzme_rests_on_the_advertising_line_and_says_so() -> None:
    (citation,) = usnz.get("nzme", usnz.Organization).citations
    assert (citation.source, citation.paragraph, citation.quote) == ("nzpa-key-leaves-us", 17, "Advertise with NZME.")
    assert citation.note is not None
    assert "not part of the news item" in citation.note


def test_the_warning_is_the_same_each_time_a_window_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    from usnz.querying import dataset  # its limit of answers kept, made one record

    monkeypatch.setattr(dataset, "_ANSWERS_KEPT", 1)
    data = usnz.Dataset(list(usnz.dataset()))  # a dataset of its own: none of its windows asked yet
    for during in (1970, "1970", 1970, 1969, 1970):
        with pytest.warns(usnz.QueryWarning) as got:
            assert data.assistance(during=during) == ()
        said = f"nz-vietnam-economic-assistance (1966/) has an unknown start or end and may be in during={during!r}"
        assert [str(w.message) for w in got] == [f"{said}; possibly=True includes it"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert data.assistance(during=1960) == ()  # no unknown end reaches 1960, asked twice
        assert data.assistance(during=1960) == ()
