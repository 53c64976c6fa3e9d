"""usnz.load: user datasets, validated whole, every problem reported at once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import usnz
from user_data import a_source
from usnz.reading import files as reading_files
from usnz.reading import load as _load

SOURCE = a_source()
CITE = [{"source": "my-notes", "paragraph": 1}]
PERSON = {"id": "jane-doe", "name": "Jane Doe", "summary": "A diplomat.", "citations": CITE}
EVENT = {
    "id": "jane-visit",
    "kind": "visit",
    "title": "Jane Doe visits Wellington",
    "summary": "A visit.",
    "date": "2009-05",
    "date_basis": "stated",
    "participants": ["jane-doe"],
    "countries": ["NZL"],
    "citations": CITE,
}


def _write(folder: Path, **files: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, content in files.items():
        text = content if isinstance(content, str | bytes) else json.dumps(content)
        path = folder / f"{stem}.json"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return folder


def _problems(*paths: Any, **kwargs: Any) -> list[str]:
    with pytest.raises(usnz.DataError) as caught:
        usnz.load(*paths, **kwargs)
    assert isinstance(caught.value, ValueError)
    return [str(p) for p in caught.value.problems]


def test_load_a_directory(tmp_path: Path) -> None:
    folder = _write(tmp_path / "data", sources=[SOURCE], people=[PERSON], events=[EVENT])
    data = usnz.load(folder)
    assert data.get("jane-visit").when == usnz.PartialDate(year=2009, month=5)
    assert data.events(involving="jane-doe").ids() == ("jane-visit",)
    assert len(data) == 3


def test_records_without_sources_are_one_problem_naming_the_file(tmp_path: Path) -> None:
    folder = _write(tmp_path / "data", people=[PERSON], events=[EVENT])
    problems = _problems(folder)
    said = (
        f"{folder / 'sources.json'}: missing: records cite sources, but no sources.json (or sources.jsonl) was given;"
        " add it beside the other files, or check them as additions to the packaged data (usnz validate"
        " --with-packaged); references to sources are not checked until it is read"
    )
    assert problems == [said]  # not one "refers to 'my-notes'" for each citation
    with pytest.raises(usnz.DataError) as caught:
        usnz.load(folder, extends=usnz.dataset())
    assert not any("sources.json" in str(p) for p in caught.value.problems)  # the packaged sources are there


def test_a_file_given_by_its_name_alone_names_sources_json_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path, events=[EVENT])
    monkeypatch.chdir(tmp_path)
    assert _problems("events.json")[0].startswith("sources.json: missing: records cite sources")


def test_an_id_given_twice_names_the_file_of_the_first(tmp_path: Path) -> None:
    folder = _write(tmp_path, sources=[SOURCE], people=[PERSON], events=[{**EVENT, "id": "jane-doe"}])
    problems = _problems(folder)
    said = "id is used twice: an event in " + str(folder / "events.json") + " has it too; give each record its own id"
    assert f"{folder / 'people.json'} jane-doe id: {said}" in problems


def test_the_note_on_problems_not_listed_names_no_file(tmp_path: Path) -> None:
    events = [{**EVENT, "id": f"e{n}", "date": "2009-13"} for n in range(1_005)]
    problems = _problems(_write(tmp_path, sources=[SOURCE], people=[PERSON], events=events))
    assert problems[-1].startswith("... and ")  # not ": ... and"


def test_load_files_individually(tmp_path: Path) -> None:
    folder = _write(tmp_path, sources=[SOURCE], people=[PERSON])
    data = usnz.load([folder / "sources.json", str(folder / "people.json")])
    assert data.people().ids() == ("jane-doe",)


def test_extend_the_packaged_dataset(tmp_path: Path) -> None:
    event = {**EVENT, "participants": ["jane-doe", "helen-clark"]}
    folder = _write(tmp_path, sources=[SOURCE], people=[PERSON], events=[event])
    data = usnz.load(folder, extends=usnz.dataset())
    assert "jane-visit" in data.events(involving="helen-clark").ids()
    assert data.get("anzus") is usnz.get("anzus")
    assert "jane-visit" not in usnz.dataset()


def test_id_clash_with_the_extended_dataset_is_a_problem(tmp_path: Path) -> None:
    folder = _write(tmp_path, sources=[SOURCE], people=[{**PERSON, "id": "helen-clark"}])
    problems = _problems(folder, extends=usnz.dataset())
    assert any("helen-clark id: id is used twice" in p for p in problems)


def test_every_problem_in_every_file_is_reported(tmp_path: Path) -> None:
    folder = _write(
        tmp_path,
        sources=[SOURCE],
        people=[{**PERSON, "citations": [{"source": "my-notes", "paragraph": 9}]}, {"id": "x"}],
        events=[
            {**EVENT, "date": "2001-02-30"},
            {**EVENT, "id": "e2", "kind": "vist"},
            {**EVENT, "id": "e4", "countries": ["NZ"]},
            {**EVENT, "id": "e3", "conflict": "jane-doe", "countries": ["FRA"]},
            {**EVENT, "id": "e5", "bogus": 1},
            "not an object",
        ],
        quotes="[1, 2",
        figures=b"\xff\xfe not utf-8",
        conflicts={"id": "not-a-list"},
    )
    problems = _problems(folder)
    text = "\n".join(problems)
    expected = [
        "people.json jane-doe citations[0].paragraph: my-notes has 3 paragraphs, not 9",
        "people.json x name: required field missing",
        "events.json jane-visit date: '2001-02-30' is not a real date",
        "events.json e2 kind: expected one of 'visit',",
        "events.json e4 countries: countries must be an ISO 3166-1 alpha-3 code such as 'NZL', got 'NZ'",
        "events.json [5]: expected a JSON object",
        "events.json e3 conflict: refers to 'jane-doe', a person; expected a conflict",
        "events.json e5 bogus: unknown field; Event fields are id, citations,",
        "quotes.json: not valid JSON",
        "figures.json: not valid UTF-8",
        "conflicts.json: expected a JSON array of records, got a JSON dict",
    ]
    for fragment in expected:
        assert fragment in text, fragment
    assert str(len(problems)) + " problems in the data" in str(
        usnz.DataError([_load.Problem(file="f", record=None, path="", message="m")] * len(problems))
    )


def test_reference_and_country_problems(tmp_path: Path) -> None:
    folder = _write(
        tmp_path,
        sources=[SOURCE],
        people=[PERSON],
        events=[{**EVENT, "participants": ["nobody"], "countries": ["FRA"], "disputes": ["jane-doe"]}],
    )
    text = "\n".join(_problems(folder))
    assert "participants: refers to 'nobody', which no record has as its id" in text
    assert "country code 'FRA' is not in usnz's country table" in text
    assert "disputes 'jane-doe', but 'jane-doe' does not list 'jane-visit'" in text


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"notes": []}, "unknown data file; expected one of sources.json"),
        ({"people": ""}, "file is empty"),
        ({"people": " \n"}, "file is empty"),
        ({"people": "[1, 2"}, "not valid JSON"),
    ],
)
def test_file_level_problems(tmp_path: Path, files: dict[str, Any], message: str) -> None:
    folder = _write(tmp_path, **files)
    assert any(message in p for p in _problems(folder))


def test_a_file_with_a_byte_order_mark_is_refused_with_what_to_do(tmp_path: Path) -> None:
    folder = _write(tmp_path, sources=[SOURCE], people=b"\xef\xbb\xbf" + json.dumps([PERSON]).encode())
    (problem,) = _problems(folder)
    assert "people.json: starts with a byte order mark; save it as UTF-8 without one" in problem


@pytest.mark.parametrize("broken", ["", "[1, 2", '{"id": "x"}', "[" * 100 + "]" * 100])
def test_a_file_not_read_at_all_does_not_bury_its_problem_under_references(tmp_path: Path, broken: str) -> None:
    """The ids of a file not read are unknown: references that may name them are not reported missing."""
    bad = {**EVENT, "id": "bad-visit", "organizations": ["no-such-org"], "see_also": ["jane-doe"]}
    quote = {"id": "q", "speaker": "jane-doe", "text": "Hello.", "bogus": 1, "citations": CITE}  # not read either
    folder = _write(tmp_path, sources=[SOURCE], people=broken, events=[EVENT, bad], quotes=[quote])
    problems = _problems(folder)
    assert problems == [
        f"{folder / 'people.json'}: {_first_problem(broken)}; references to people are not checked until this file is read",
        f"{folder / 'quotes.json'} q bogus: unknown field; Quote fields are {', '.join(f.name for f in attrs.fields(usnz.Quote))}",
        f"{folder / 'events.json'} bad-visit organizations: refers to 'no-such-org', which no record has as its id",
    ]


def _first_problem(broken: str) -> str:
    """What the loader says of a people.json holding *broken*."""
    if not broken:
        return "file is empty; expected a JSON array of records"
    if broken.startswith("[1"):
        return "not valid JSON: Expecting ',' delimiter at line 1, column 6"
    if broken.startswith("{"):
        return "expected a JSON array of records, got a JSON dict"
    return "not read: arrays and objects nest more than 32 deep"


def test_missing_paths_and_empty_directories(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    problems = _problems([tmp_path / "empty", tmp_path / "missing.json"])
    assert any("no .json or .jsonl data files in this directory" in p for p in problems)
    assert any("missing.json: cannot read" in p for p in problems)


def test_huge_files_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading_files, "MAX_FILE_BYTES", 10)
    folder = _write(tmp_path, people=[PERSON])
    assert any("larger than the 10-byte limit" in p for p in _problems(folder))


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("needs os.mkfifo")
    os.mkfifo(tmp_path / "events.json")  # nobody ever writes to it: reading would wait for ever
    (tmp_path / "people.json").symlink_to("/dev/zero")  # reading would never end
    problems = _problems(tmp_path)
    assert sum("not a regular file" in p for p in problems) == 1
    assert sum("symbolic link to a file outside this folder" in p for p in problems) == 1
    assert _problems(tmp_path / "people.json") == [
        f"{tmp_path / 'people.json'}: not a regular file (a pipe, a device or the like); give a data file"
    ]


def test_extends_must_be_a_dataset(tmp_path: Path) -> None:
    with pytest.raises(usnz.ArgumentTypeError, match=r"extends= takes a usnz\.Dataset"):
        usnz.load(tmp_path, extends={"not": "a dataset"})  # type: ignore[arg-type]


def test_a_missing_packaged_file_is_a_data_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from usnz.reading import packaged

    monkeypatch.setattr(packaged, "CLASS_NAMES", {**packaged.CLASS_NAMES, "extra_kind": "Event"})
    with pytest.raises(usnz.DataError, match=r"extra_kind\.json: missing from the package"):
        packaged.read_packaged()


def test_the_trusted_fast_path_reads_exactly_what_the_strict_path_reads() -> None:
    """The packaged data, read the strict way (every problem checked), is what the fast path gives."""
    from usnz.reading import packaged

    files = [(f"{stem}.json", stem, packaged._packaged_file(f"{stem}.json")) for stem in usnz.KINDS]
    strict = _load.read(files)  # raises DataError on any problem at all
    fast = packaged.read_packaged()
    assert fast == strict
    assert [type(r) for r in fast] == [type(r) for r in strict]


@pytest.mark.parametrize("damage", [b"{}", b"[1]", b'[{"id": "x"}]'])
def test_the_fast_path_hands_anything_unusual_to_the_strict_path(
    monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    from usnz.reading import packaged

    real = packaged._packaged_file
    monkeypatch.setattr(packaged, "_packaged_file", lambda name: damage if name == "events.json" else real(name))
    with pytest.raises(usnz.DataError):
        packaged.read_packaged()


def test_problem_text() -> None:
    assert str(_load.Problem(file="f.json", record=None, path="", message="bad")) == "f.json: bad"
    assert str(_load.Problem(file="f.json", record=2, path="a.b", message="bad")) == "f.json [2] a.b: bad"
    assert str(usnz.DataError([_load.Problem(file="f", record=None, path="", message="m")])).startswith("1 problem in")


def test_a_json_export_loads_back_as_the_same_dataset(tmp_path: Path) -> None:
    from usnz import export

    export.write(tmp_path, format="json")
    assert (tmp_path / "datapackage.json").is_file()
    loaded = usnz.load(tmp_path)
    assert sorted(loaded, key=lambda r: r.id) == sorted(usnz.dataset(), key=lambda r: r.id)


def test_a_folder_of_data_files_within_a_folder_given_is_a_problem(tmp_path: Path) -> None:
    folder = _write(tmp_path / "d", sources=[SOURCE])
    _write(folder / "nested", events=[{"id": "x"}], people=[PERSON])
    assert _problems(folder) == [
        (
            f"{folder / 'nested'}: is a folder: its data files (events.json, people.json) are not read, as load "
            "reads only the files directly in a folder it is given; give it as a path of its own"
        )
    ]


def test_a_folder_within_is_read_when_given_and_passed_over_when_hidden_or_without_data(tmp_path: Path) -> None:
    folder = _write(tmp_path / "d", sources=[SOURCE])
    _write(folder / "nested", people=[PERSON])
    _write(folder / ".ipynb_checkpoints", **{"people-checkpoint": [PERSON]})
    (folder / "texts").mkdir()
    (folder / "texts" / "notes.txt").write_text("A note.\n", encoding="utf-8")
    assert usnz.load([folder, folder / "nested"]).get("jane-doe").id == "jane-doe"
    assert usnz.load([folder, folder / "nested" / "people.json"]).get("jane-doe").id == "jane-doe"
    (folder / "nested" / "people.json").unlink()
    assert [r.id for r in usnz.load(folder)] == [
        "my-notes"
    ]  # texts/, .ipynb_checkpoints/ and an empty folder: no problem


def test_a_folder_that_cannot_be_listed_adds_no_problem_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder (or one within it) that cannot be listed: reading its files says what there is to say."""
    folder = _write(tmp_path / "d", sources=[SOURCE])
    _write(folder / "nested", people=[PERSON])
    scandir = reading_files.os.scandir

    def refusing(path: Any) -> Any:
        if str(path) in refused:
            raise PermissionError(13, "Permission denied")
        return scandir(path)

    monkeypatch.setattr(reading_files.os, "scandir", refusing)
    refused = {str(folder / "nested")}
    assert [r.id for r in usnz.load(folder)] == ["my-notes"]
    refused = {str(folder)}  # (nor can its files be found)
    assert _problems(folder) == [f"{folder}: no .json or .jsonl data files in this directory"]


def test_a_folder_within_names_three_of_its_data_files(tmp_path: Path) -> None:
    folder = _write(tmp_path / "d", sources=[SOURCE])
    _write(folder / "nested", events=[], people=[], quotes=[], figures=[])
    [problem] = _problems(folder)
    assert "its data files (events.json, figures.json, people.json, ...) are not read" in problem
