"""Typed lookups: ``get(id, Kind)`` gives a Kind or refuses, before and after the whole load."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest

import usnz
from usnz.querying import lookup


def test_get_with_a_kind_gives_that_kind() -> None:
    anzus = usnz.get("anzus", usnz.Agreement)
    assert anzus is usnz.get("anzus")
    assert anzus.parties == ("AUS", "NZL", "USA")
    assert usnz.get("anzus", usnz.Record) is anzus  # a base class is a kind too
    assert usnz.dataset().get("anzus", usnz.Agreement) is anzus
    source = usnz.get("encyclopedia-nz-us-relations", usnz.Source)
    assert source.paragraphs > 0
    assert usnz.get(id="anzus", kind=usnz.Agreement) is anzus


def test_a_record_of_another_kind_is_refused() -> None:
    with pytest.raises(usnz.WrongKindError) as raised:
        usnz.get("anzus", usnz.Event)
    error = raised.value
    assert isinstance(error, usnz.Error)
    assert isinstance(error, TypeError)
    assert isinstance(error, usnz.ArgumentTypeError)
    message = str(error)
    assert "'anzus' is an agreement (usnz.Agreement), not an event" in message
    assert "usnz.get('anzus', usnz.Agreement)" in message
    assert type(pickle.loads(pickle.dumps(error))) is usnz.WrongKindError  # noqa: S301 - our own bytes
    with pytest.raises(usnz.WrongKindError, match="is a person"):
        usnz.dataset().get("helen-clark", usnz.Event)


@pytest.mark.parametrize("kind", [5, "Event", usnz.Records, int, None.__class__])
def test_a_kind_that_is_no_record_class_is_refused(kind: object) -> None:
    with pytest.raises(usnz.ArgumentTypeError, match="takes a record class"):
        usnz.get("anzus", kind)  # type: ignore[call-overload]


def test_an_unknown_id_with_a_kind_is_unknown() -> None:
    with pytest.raises(usnz.UnknownRecordError, match="did you mean 'anzus'"):
        usnz.get("anzsu", usnz.Agreement)


def test_get_with_a_kind_before_the_whole_load(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lookup, "_packaged", None)
    monkeypatch.setattr(lookup, "_read_before", {})
    monkeypatch.setattr(lookup, "_got", {})
    first = lookup.get("k-force-korea", usnz.ForceContribution)
    assert first.conflict == "korean-war"
    assert lookup.get("k-force-korea", usnz.ForceContribution) is first  # from what was read
    with pytest.raises(usnz.WrongKindError, match="is a force-contribution"):
        lookup.get("k-force-korea", usnz.Event)
    assert lookup._read_before.keys() == {"force_contributions"}
    with pytest.raises(usnz.UnknownRecordError):
        lookup.get("no-such-record", usnz.Event)


def test_a_cold_get_with_a_kind_reads_one_file_and_imports_no_query_layer() -> None:
    probe = (
        "import sys, usnz\n"
        "assert usnz.get('anzus', usnz.Agreement).id == 'anzus'\n"
        "try:\n"
        "    usnz.get('anzus', usnz.Event)\n"
        "except usnz.WrongKindError:\n"
        "    pass\n"
        "assert 'usnz.querying.dataset' not in sys.modules, 'the query layer was imported'\n"
        "assert 'usnz.querying.search' not in sys.modules\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.stdout == "ok\n", done.stderr


@pytest.mark.parametrize("name", ["agreement", "Agreements", "agreements"])
def test_a_kind_by_name_is_told_its_class(name: str) -> None:
    for get in (usnz.get, usnz.dataset().get):
        with pytest.raises(usnz.ArgumentTypeError) as raised:
            get("anzus", name)  # type: ignore[call-overload]
        assert (
            str(raised.value) == f"get() takes a record class as its kind: give usnz.Agreement, not the name {name!r}"
        )


class MyEvent(usnz.Event):
    """A user's subclass of usnz.Event."""


def test_a_subclass_of_a_record_class_is_named_by_its_own_module() -> None:
    with pytest.raises(usnz.WrongKindError) as raised:
        usnz.get("rice-visit-to-new-zealand", MyEvent)
    assert str(raised.value) == (
        f"get('rice-visit-to-new-zealand', {__name__}.MyEvent): 'rice-visit-to-new-zealand' is an event "
        f"(usnz.Event), not a {__name__}.MyEvent (a subclass of usnz.Event); ask "
        "usnz.get('rice-visit-to-new-zealand', usnz.Event), or usnz.get('rice-visit-to-new-zealand') for any kind"
    )
    with pytest.raises(usnz.WrongKindError, match=r"^get\('anzus', usnz.Event\): 'anzus' is an agreement"):
        usnz.get("anzus", usnz.Event)
