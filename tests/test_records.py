"""Record classes: frozen, validated on construction, with the derived views queries use."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import usnz
from strategies import RECORDS

CITE = (usnz.Citation(source="s", paragraph=1),)


@pytest.mark.parametrize("cls", list(RECORDS), ids=lambda c: c.__name__)
@given(data=st.data())
def test_every_record_is_frozen_and_has_its_views(cls: type[Any], data: st.DataObject) -> None:
    record = data.draw(RECORDS[cls])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        record.id = "changed"
    assert isinstance(record.label, str)
    assert record.label
    assert record.when is None or hasattr(record.when, "earliest")
    assert all(isinstance(field, str) and isinstance(ref, str) for field, ref in record.references())
    assert record.country_codes() <= usnz.COUNTRIES.keys()
    assert record.id.replace("-", " ") in record.search_text()


def test_base_record_defaults() -> None:
    record = usnz.Record(id="r", citations=CITE, see_also=("a",), disputes=("b",))
    assert record.label == "r"
    assert record.when is None
    assert record.country_codes() == frozenset()
    assert list(record.references()) == [("citations[0].source", "s"), ("see_also", "a"), ("disputes", "b")]


def test_what_a_field_is_is_said_once_on_the_field() -> None:
    from usnz.model.facts import facts

    declared = dict(facts(usnz.ForceContribution))
    assert declared["conflict"].refers == ("conflict",)
    assert declared["country"].country
    assert declared["period"].date
    assert declared["unit"].label == 1
    assert "personnel" in (usnz.ForceContribution.__doc__ or "")  # the docstring is written from the fields
    person = usnz.get("jim-bolger")
    assert "ambassador to the united states" in person.search_text().casefold()  # a role's title, searchable
    assert usnz.get("k-force-korea").label == "K-FORCE"
    assert usnz.get("us-navy-korea").label == usnz.get("us-navy-korea").summary  # no unit: the summary


@pytest.mark.parametrize(
    ("cls", "fields", "message"),
    [
        (usnz.Person, {"id": "Not Kebab"}, "id must be a kebab-case id"),
        (usnz.Person, {"id": 5}, "id must be a kebab-case id"),
        (usnz.Person, {"citations": ()}, "citations must name at least one source paragraph"),
        (usnz.Person, {"citations": CITE * 2}, "citations lists a paragraph twice"),
        (usnz.Person, {"see_also": ("a", "a")}, "see_also lists an id twice"),
        (usnz.Person, {"country": "nz"}, "country must be an ISO 3166-1 alpha-3 code"),
        (usnz.Person, {"name": " padded"}, "name must be non-empty text"),
        (usnz.Person, {"name": ""}, "name must be non-empty text"),
        (usnz.Person, {"notes": "   "}, "notes must be non-empty text"),
        (usnz.Person, {"aliases": ("",)}, "aliases must be non-empty text"),
        (usnz.Event, {"kind": "party"}, "kind must be one of 'visit'.*got 'party'"),
        (usnz.Event, {"countries": ("NZL", "NZL")}, "countries lists a country twice"),
        (usnz.Event, {"conflict": "Korean War"}, "conflict must be a kebab-case id"),
        (usnz.Figure, {}, "exactly one of quantity and money"),
    ],
)
def test_records_validate_on_construction(cls: type[Any], fields: dict[str, Any], message: str) -> None:
    base: dict[str, dict[str, Any]] = {
        "Person": {"id": "p", "name": "P", "summary": "S.", "citations": CITE},
        "Event": {"id": "e", "kind": "visit", "title": "T", "summary": "S.", "citations": CITE},
        "Figure": {"id": "f", "measure": "M", "citations": CITE},
    }
    with pytest.raises((ValueError, TypeError), match=message):
        cls(**{**base[cls.__name__], **fields})


def test_role_reads_aloud() -> None:
    role = usnz.Role(title="Prime Minister", country="NZL", period=usnz.Period.parse("2008/.."))
    assert str(role) == "Prime Minister (NZL, 2008/..)"
    assert str(usnz.Role(title="Forward")) == "Forward"


def test_source_views() -> None:
    source = usnz.get("nzpa-key-leaves-us")
    assert isinstance(source, usnz.Source)
    assert source.label == "John Key leaves US for Canada"
    assert str(source.when) == "2010-04~"
    assert list(source.references()) == [("doubts[0].source", "nzpa-key-leaves-us")]  # its own date's doubt
    assert source.country_codes() == frozenset()
    assert "NZPA" in source.search_text()
