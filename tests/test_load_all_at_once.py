"""usnz.load lists the problems of fields and of references together, in one DataError.

The references of a record with problems in its fields are checked too, as far as its fields
were read: fixing the fields never brings a second round of problems.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import usnz
from user_data import a_source

SOURCE = a_source()
CITE = [{"source": "my-notes", "paragraph": 1}]
UNKNOWN = (
    "unknown field; Event fields are id, citations, doubts, notes, see_also, disputes, date_basis, planned, read, kind, title, "
    "summary, date, period, participants, organizations, agreements, countries, location, conflict, subjects, time, "
    "destination"
)
HINT = "is a packaged record: load with extends=usnz.dataset() (CLI: usnz validate --with-packaged)"


def _event(id_: str, **fields: object) -> dict[str, object]:
    return {"id": id_, "kind": "statement", "title": "T", "summary": "S.", "citations": CITE, **fields}


def _problems(folder: Path, *, extends: usnz.Dataset | None = None, **files: Any) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, records in {"sources": [SOURCE], **files}.items():
        (folder / f"{stem}.json").write_text(json.dumps(records), encoding="utf-8")
    with pytest.raises(usnz.DataError) as caught:
        usnz.load(folder) if extends is None else usnz.load(folder, extends=extends)
    return [str(problem) for problem in caught.value.problems]


def test_field_and_reference_problems_are_listed_together(tmp_path: Path) -> None:
    events = [
        _event("itself", see_also=["itself"], bogus=1),  # a field problem, and a reference to itself
        _event("one-way", disputes=["quiet"], bogus=1),  # disputes a record that does not dispute it back
        _event("quiet"),
        _event("asker", disputes=["broken"]),  # a record read, disputing one with problems that does not list it
        _event("broken", title=3),
        _event("wrong-kind", participants=["my-notes"], date="2009-13"),  # a source where a person goes
        _event("nowhere", countries=["XXX"], bogus=1),
        _event("far", citations=[{"source": "my-notes", "paragraph": 9}], bogus=1),
        _event("fine", see_also=["fine"]),  # a record read, referring to itself
    ]
    file = tmp_path / "events.json"
    assert _problems(tmp_path, events=events) == [
        f"{file} itself bogus: {UNKNOWN}",
        f"{file} one-way bogus: {UNKNOWN}",
        f"{file} broken title: expected a string, got an integer 3",
        f"{file} wrong-kind date: '2009-13' is not a real date: month must be an int from 1 to 12, got 13",
        f"{file} nowhere bogus: {UNKNOWN}",
        f"{file} far bogus: {UNKNOWN}",
        f"{file} asker disputes: disputes 'broken', but 'broken' does not list 'asker' in its disputes",
        f"{file} fine see_also: refers to the record itself ('fine')",
        f"{file} itself see_also: refers to the record itself ('itself')",
        f"{file} one-way disputes: disputes 'quiet', but 'quiet' does not list 'one-way' in its disputes",
        f"{file} wrong-kind participants: refers to 'my-notes', a source; expected a person",
        f"{file} nowhere: country code 'XXX' is not in usnz's country table ({', '.join(sorted(usnz.COUNTRIES))})",
        f"{file} far citations[0].paragraph: my-notes has 3 paragraphs, not 9",
    ]


def test_disputes_not_read_are_not_called_one_way(tmp_path: Path) -> None:
    events = [_event("a", disputes=["b"]), _event("b", disputes=["a", 3])]  # b's disputes could not be read
    problems = _problems(tmp_path, events=events)
    assert len(problems) == 1
    assert problems[0].startswith(f"{tmp_path / 'events.json'} b disputes[1]: ")


def test_a_record_with_problems_disputing_a_packaged_one_says_how_to_record_it(tmp_path: Path) -> None:
    events = [_event("mine", disputes=["treaty-of-waitangi-signing"], bogus=1)]
    problems = _problems(tmp_path, extends=usnz.dataset(), events=events)
    assert problems[0] == f"{tmp_path / 'events.json'} mine bogus: {UNKNOWN}"
    assert problems[1].startswith(
        f"{tmp_path / 'events.json'} mine disputes: disputes 'treaty-of-waitangi-signing', but 'treaty-of-waitangi-signing' does not list 'mine'"
        " in its disputes, and it cannot be changed: it is a record of the dataset extended (extends=)."
    )
    assert len(problems) == 2


def test_references_of_a_record_without_an_id_are_said_not_checked(tmp_path: Path) -> None:
    nameless = _event("x", see_also=["nobody"])
    del nameless["id"]
    problems = _problems(tmp_path, events=[nameless, {}])
    assert problems == [
        f"{tmp_path / 'events.json'} [0] id: required field missing",
        f"{tmp_path / 'events.json'} [1] id: required field missing",
        f"{tmp_path / 'events.json'} [1] citations: required field missing",
        f"{tmp_path / 'events.json'} [1] kind: required field missing",
        f"{tmp_path / 'events.json'} [1] title: required field missing",
        f"{tmp_path / 'events.json'} [1] summary: required field missing",
        f"{tmp_path / 'events.json'} [0] see_also: refers to 'nobody', which no record has as its id",
        (
            "the references of 1 record were not checked because of the problems above (no id could be read); "
            "fix those and load again to check them"
        ),
    ]


def test_a_packaged_id_named_without_extends_says_how_to_load_with_it(tmp_path: Path) -> None:
    events = [
        _event("read", participants=["hillary-clinton"]),
        _event("not-read", participants=["helen-clark"], bogus=1),
        _event("unknown", participants=["nobody-at-all"]),
    ]
    file = tmp_path / "events.json"
    assert _problems(tmp_path, events=events) == [
        f"{file} not-read bogus: {UNKNOWN}",
        f"{file} not-read participants: refers to 'helen-clark', which no record has as its id; 'helen-clark' {HINT}",
        f"{file} read participants: refers to 'hillary-clinton', which no record has as its id; 'hillary-clinton' "
        + HINT,
        f"{file} unknown participants: refers to 'nobody-at-all', which no record has as its id",
    ]
    with_packaged = tmp_path / "with" / "events.json"
    assert _problems(tmp_path / "with", extends=usnz.dataset(), events=events) == [
        f"{with_packaged} not-read bogus: {UNKNOWN}",
        f"{with_packaged} unknown participants: refers to 'nobody-at-all', which no record has as its id",
    ]


def test_without_the_packaged_id_index_no_hint_is_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import resources

    from usnz.reading import checks

    monkeypatch.setattr(resources, "files", lambda package: tmp_path / "nowhere")
    checks._packaged_ids.cache_clear()
    try:
        problems = _problems(tmp_path / "data", events=[_event("read", participants=["hillary-clinton"])])
    finally:
        checks._packaged_ids.cache_clear()
    file = tmp_path / "data" / "events.json"
    assert problems == [f"{file} read participants: refers to 'hillary-clinton', which no record has as its id"]
