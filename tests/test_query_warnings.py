"""Query warnings: one base class, QueryWarning; an office's empty window names the holders the data knows."""

from __future__ import annotations

import warnings

import pytest

import usnz
from usnz.cli import main

NO_PM_1970 = (
    "no prime-minister of NZL is stated or attested in during=1970; the data knows michael-joseph-savage "
    "(attested 1939-09-03); keith-holyoake (attested 1965-05-27 (inferred)); helen-clark (attested 2004, "
    "2005-08-30, 2008-09-23); john-key (attested 2009~ (inferred), 2010-04~ (external)); and jim-bolger, mike-moore, "
    "with no stated or attested date. A role counts in a window only where its period is stated or a dated record "
    "naming the title attests it"
)


def test_every_query_warning_is_a_query_warning() -> None:
    assert issubclass(usnz.QueryWarning, UserWarning)
    assert issubclass(usnz.SearchWarning, usnz.QueryWarning)
    assert issubclass(usnz.CoverageWarning, usnz.QueryWarning)
    assert usnz.QueryWarning.__module__ == "usnz"
    assert "QueryWarning" in usnz.__all__


def test_one_filter_silences_them_all() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.simplefilter("ignore", usnz.QueryWarning)
        assert not usnz.events(during=1700)  # CoverageWarning
        assert not usnz.search("zzqx")  # SearchWarning
        assert not usnz.people(office="prime-minister", country="NZL", during=1970)


def test_an_office_with_no_holder_in_the_window_names_those_the_data_knows() -> None:
    with pytest.warns(usnz.QueryWarning) as caught:
        assert usnz.people(office="prime-minister", country="NZL", during=1970) == ()
    assert [type(w.message) for w in caught] == [usnz.QueryWarning]
    assert str(caught[0].message) == NO_PM_1970
    assert caught[0].filename == __file__  # the caller's line, not usnz's
    with pytest.warns(
        usnz.QueryWarning,
        match=r"condoleezza-rice \(attested 2005-08-30, 2008-07\)",  # once, at its strongest basis
    ):
        assert not usnz.people(office="secretary-of-state", during=2006)


def test_several_offices_name_each_holders_office() -> None:
    with pytest.warns(usnz.QueryWarning) as caught:
        assert not usnz.people(office=["prime-minister", "secretary-of-state"], during="2007")
    message = str(caught[0].message)
    assert message.startswith("no prime-minister or secretary-of-state is stated or attested in during='2007'")
    assert "hillary-clinton (secretary-of-state: attested 2010-11-04)" in message
    assert "keith-holyoake (prime-minister: attested 1965-05-27 (inferred))" in message
    assert "jim-bolger (prime-minister)" in message  # named by title alone, with no dated record


def test_an_office_no_one_holds_says_so() -> None:
    with pytest.warns(
        usnz.QueryWarning, match="^no secretary-of-state of NZL is stated .*; the data knows no holder of it"
    ):
        assert not usnz.people(office="secretary-of-state", country="NZL", during=2008)


def test_the_other_filters_narrow_the_holders_named() -> None:
    with pytest.warns(usnz.QueryWarning) as caught:
        assert not usnz.people(
            office="prime-minister", involving="holyoake-announces-161-battery-deployment", during=1970
        )
    assert "the data knows keith-holyoake (attested 1965-05-27 (inferred))." in str(caught[0].message)
    with pytest.warns(usnz.QueryWarning) as caught:
        assert not usnz.people(office="prime-minister", involving="torchbearer-award-recipients", during=1970)
    assert "the data knows jim-bolger, mike-moore, with no stated or attested date" in str(caught[0].message)


def test_no_warning_when_someone_is_found_or_no_window_is_asked() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert usnz.people(office="prime-minister", country="NZL", during="2008-09").ids() == ("helen-clark",)
        assert not usnz.people(office="secretary-of-state", country="NZL")  # no window: nothing to explain
    # No office asked: only the roles whose unknown end possibly=True lets run on to 1967 are named.
    with pytest.warns(usnz.QueryWarning, match=r"^james-reddy-clendon \(1838/\): a role's start or end is unknown"):
        assert not usnz.people(during=1967)
    assert usnz.people(during=1967, possibly=True).ids() == ("james-reddy-clendon",)


def test_outside_the_data_only_the_coverage_warning() -> None:
    with pytest.warns(usnz.CoverageWarning) as caught:
        assert not usnz.people(office="prime-minister", during=1700)
    assert [type(w.message) for w in caught] == [usnz.CoverageWarning]


def test_the_command_line_prints_it_as_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "people", "--office", "prime-minister", "--country", "NZL", "--during", "1970"]) == 0
    out, err = capsys.readouterr()
    assert out == "(no records)\n"
    assert err == "usnz: warning: " + NO_PM_1970.replace("during=1970", "--during 1970") + "\n"


def test_a_long_list_of_dates_is_cut_and_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    from usnz.querying import dataset

    monkeypatch.setattr(dataset, "_DATES_LISTED", 1)
    with pytest.warns(usnz.QueryWarning, match=r"helen-clark \(attested 2004 and 2 more\)"):
        assert not usnz.people(office="prime-minister", country="NZL", during=1970)


def test_a_date_or_period_given_is_repeated_as_its_edtf_text() -> None:
    with pytest.warns(
        usnz.QueryWarning, match=r"^no prime-minister of NZL is stated or attested in during=1966/1967; "
    ):
        assert not usnz.people(office="prime-minister", country="NZL", during=usnz.Period.parse("1966/1967"))
    with pytest.warns(usnz.CoverageWarning, match=r"^during=1700-05 lies outside the span"):
        assert not usnz.events(during=usnz.PartialDate.parse("1700-05"))


def test_another_filter_that_leaves_no_holder_is_named_not_the_data() -> None:
    with pytest.warns(usnz.QueryWarning) as caught:
        assert not usnz.people(office="prime-minister", country="NZL", involving="us-nz-council", during=2008)
    assert str(caught[0].message) == (
        "no prime-minister of NZL matches involving='us-nz-council', in during=2008 or at any time (the data "
        "knows 6 holders of it): during= is not why the answer is empty"
    )
    with pytest.warns(usnz.QueryWarning, match=r"\(the data knows 1 holder of it\)"):
        assert not usnz.people(office="consul", involving="us-nz-council", during=1840)


def test_the_possibly_hint_only_when_possibly_would_find_someone() -> None:
    with pytest.warns(usnz.QueryWarning) as caught:
        assert not usnz.people(office="consul", during="1839/1845", basis="inferred")
    message = str(caught[0].message)
    assert "possibly=True" not in message
    assert "on an inferred date in during='1839/1845'" in message  # not "on a date inferred"
    assert (
        "james-reddy-clendon (excluded by basis='inferred': held 1838/ (stated) and attested 1838 (stated))" in message
    )
    with pytest.warns(usnz.QueryWarning, match=r"held 1838/ \(stated\) and attested 1838 \(stated\)\)\. A role [^(]*$"):
        assert not usnz.people(office="consul", during="1839/1845", basis="inferred", possibly=True)  # no help


def test_dates_basis_excluded_are_said_to_be() -> None:
    with pytest.warns(usnz.QueryWarning) as caught:
        assert not usnz.people(office="prime-minister", country="NZL", during=2008, basis="external")
    message = str(caught[0].message)
    assert message.startswith("no prime-minister of NZL is stated or attested on an external date in during=2008;")
    assert (
        "helen-clark (excluded by basis='external': attested 2004 (stated), 2005-08-30 (stated), 2008-09-23 (stated))"
        in message
    )
    assert "john-key (attested 2010-04~ (external); excluded by basis='external': attested 2009~ (inferred))" in message


def _holyoake_held(period: str) -> usnz.Dataset:
    import attrs

    data = usnz.dataset()
    holyoake = data.get("keith-holyoake", usnz.Person)
    role = attrs.evolve(holyoake.roles[0], period=usnz.Period.parse(period))
    changed = attrs.evolve(holyoake, roles=(role, *holyoake.roles[1:]))
    return usnz.Dataset([changed if record.id == "keith-holyoake" else record for record in data])


def test_an_unknown_start_sorts_by_its_known_end_and_is_the_end_hinted() -> None:
    data = _holyoake_held("/1966")
    with pytest.warns(usnz.QueryWarning) as caught:
        assert not data.people(office="prime-minister", country="NZL", during=1970)
    message = str(caught[0].message)
    assert (
        "michael-joseph-savage (attested 1939-09-03); keith-holyoake (held /1966; attested 1965-05-27 (inferred)); "
        "helen-clark" in message
    )
    assert "possibly=True" not in message  # possibly=True finds no one in 1970 either
    with pytest.warns(usnz.QueryWarning, match=r"keith-holyoake \(held /1966; "):
        assert not data.people(office="prime-minister", country="NZL", during=1970, possibly=True)
    with pytest.warns(
        usnz.QueryWarning,
        match=r"\(possibly=True finds keith-holyoake: it lets a stated period's unknown start run on to the window\)$",
    ):
        assert not data.people(office="prime-minister", country="NZL", during=1960)
    assert data.people(office="prime-minister", country="NZL", during=1960, possibly=True).ids() == ("keith-holyoake",)
    with pytest.warns(usnz.QueryWarning, match=r"lets a stated period's open end run on to the window\)$"):
        assert not _holyoake_held("1960/..").people(office="prime-minister", country="NZL", during=1970)


def test_outside_the_data_with_possibly_only_the_coverage_warning() -> None:
    with pytest.warns(usnz.CoverageWarning) as caught:
        assert not usnz.people(office="prime-minister", country="NZL", during=1800, possibly=True)
    assert [type(w.message) for w in caught] == [usnz.CoverageWarning]
