"""User data is read strictly: no coercion, every problem in one pass, bounded work."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

import usnz
from strategies import RECORDS, targets
from user_data import SOURCE
from usnz.model.facts import facts
from work import calls

CITE = [{"source": "my-notes", "paragraph": 1}]
EVENT = {"id": "e", "kind": "statement", "title": "T", "summary": "S.", "citations": CITE}


def _load(folder: Path, **files: Any) -> usnz.Dataset:
    folder.mkdir(parents=True, exist_ok=True)
    for kind, content in {"sources": [SOURCE], **files}.items():
        text = content if isinstance(content, str) else json.dumps(content)
        (folder / f"{kind}.json").write_text(text, encoding="utf-8")
    return usnz.load(folder)


def _problems(folder: Path, **files: Any) -> list[str]:
    with pytest.raises(usnz.DataError) as caught:
        _load(folder, **files)
    return [str(p) for p in caught.value.problems]


# The coercions an audit found: each was once accepted (and changed); each is now a problem.
COERCIONS = [
    ({"title": ["a", "b"]}, "title: expected a string, got an array"),
    ({"summary": None}, "summary: expected a string, got null"),
    ({"citations": [{"source": "my-notes", "paragraph": 2.9}]}, "citations[0].paragraph: expected an integer"),
    ({"citations": [{"source": "my-notes", "paragraph": "٣"}]}, "citations[0].paragraph: expected an integer"),
    ({"citations": [{"source": "my-notes", "paragraph": " 2 "}]}, "citations[0].paragraph: expected an integer"),
    ({"citations": [{"source": "my-notes", "paragraph": True}]}, "citations[0].paragraph: expected an integer"),
    ({"citations": [{"source": "my-notes", "paragraph": 1.0}]}, "citations[0].paragraph: expected an integer"),
    ({"countries": {"NZL": 1}}, "countries: expected an array, got an object"),
    ({"countries": "NZL"}, "countries: expected an array, got a string"),
    ({"date": 2001, "date_basis": "stated"}, "date: expected an EDTF date string"),
    ({"title": 5}, "title: expected a string, got an integer"),
]


@pytest.mark.parametrize(("change", "message"), COERCIONS)
def test_no_coercion(tmp_path: Path, change: dict[str, Any], message: str) -> None:
    problems = _problems(tmp_path, events=[{**EVENT, **change}])
    assert any(message in p for p in problems), problems


@pytest.mark.parametrize(
    ("quantity", "message"),
    [
        ({"unit": "personnel", "approximate": "false"}, "expected true or false"),
        ({"unit": "personnel", "best": "12"}, "got a string"),
        ({"unit": "personnel", "best": True}, "expected a number, got true"),
    ],
)
def test_quantities_are_strict(tmp_path: Path, quantity: dict[str, Any], message: str) -> None:
    figure = {"id": "f", "measure": "A count.", "quantity": quantity, "citations": CITE}
    problems = _problems(tmp_path, figures=[figure])
    assert any(message in p for p in problems), problems


@pytest.mark.parametrize("amount", ["1_000", " 100 ", "-0", "1e3", "NaN", "Infinity", "", "12.", 100])
def test_amounts_are_strict(tmp_path: Path, amount: object) -> None:
    figure = {"id": "f", "measure": "A sum.", "money": {"amount": amount, "currency": "USD"}, "citations": CITE}
    problems = _problems(tmp_path, figures=[figure])
    assert any("money.amount" in p for p in problems), problems


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[{"id": "a", "id": "b"}]', "the key 'id' appears twice"),
        ('[{"x": NaN}]', "NaN is not a number JSON allows"),
        ('[{"x": Infinity}]', "Infinity is not a number JSON allows"),
        ('[{"x": -Infinity}]', "-Infinity is not a number JSON allows"),
        ('[{"x": 1e999}]', "too large to be finite"),
        ('[{"x": ' + "9" * 5000 + "}]", "an integer of 5,000 digits"),
        ("[" * 100_000 + "]" * 100_000, "nest more than 32 deep"),
        ("[" * 40 + "]" * 40, "nest more than 32 deep"),
    ],
)
def test_json_is_read_strictly(tmp_path: Path, text: str, message: str) -> None:
    problems = _problems(tmp_path, events=text)
    assert any(message in p for p in problems), problems


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("1", 0),
        ('"[[[["', 0),
        ("[]", 1),
        ('[{"a": "]]}}[[{{", "b": [[{}]]}]', 5),
        ('{"q": "\\"[[", "r": ["\\\\", ["x"]]}', 3),
        ("[" * 32 + "]" * 32, 32),
    ],
)
def test_nesting_is_counted_outside_strings(text: str, depth: int) -> None:
    from usnz.reading.jsontext import _depth, parse_json

    assert _depth(text) == depth
    parse_json(text)  # at most 32 deep: read


def test_every_problem_in_one_pass(tmp_path: Path) -> None:
    """Field, id, reference and citation problems of every file, from one load."""
    events = [
        {**EVENT, "id": "bad-fields", "title": 3, "citations": [], "participants": ["nobody"]},
        {**EVENT, "id": "twice"},
        {**EVENT, "id": "twice", "see_also": ["nothing-here"]},
        {**EVENT, "id": "self", "see_also": ["self"]},
        {**EVENT, "id": "bad-cite", "citations": [{"source": "my-notes", "paragraph": 9}]},
        {**EVENT, "id": "disputes-a-source", "disputes": ["my-notes"]},
    ]
    people = [{"id": "p", "name": "P", "summary": "S.", "citations": [{"source": "elsewhere", "paragraph": 1}]}]
    problems = "\n".join(_problems(tmp_path, events=events, people=people))
    for expected in (
        "bad-fields title: expected a string, got an integer",
        "bad-fields citations: citations must name at least one source paragraph",
        "bad-fields participants: refers to 'nobody', which no record has as its id",
        "twice id: id is used twice",
        "twice see_also: refers to 'nothing-here'",
        "self see_also: refers to the record itself",
        "bad-cite citations[0].paragraph: my-notes has 3 paragraphs, not 9",
        "disputes-a-source disputes: disputes 'my-notes', a source",
        "people.json p citations[0].source: refers to 'elsewhere'",
    ):
        assert expected in problems, problems


def test_a_reference_to_a_record_with_problems_is_not_called_dangling(tmp_path: Path) -> None:
    events = [{**EVENT, "id": "broken", "title": 3}, {**EVENT, "id": "pointer", "see_also": ["broken"]}]
    problems = _problems(tmp_path, events=events)
    assert problems == [f"{tmp_path / 'events.json'} broken title: expected a string, got an integer 3"]


def test_problems_are_capped_and_counted(tmp_path: Path) -> None:
    problems: list[str] = []
    work = calls(lambda: problems.extend(_problems(tmp_path, events="[" + ",".join(["{}"] * 100_000) + "]")))
    assert work < 40 * 100_000  # a few calls an object (about 15), not a problem worked out for each
    assert len(problems) == usnz.reading.load.MAX_PROBLEMS + 1
    assert "more records with problems not examined" in problems[-1]


def test_search_is_bounded() -> None:
    usnz.search("new")  # the index, once
    ordinary = calls(lambda: usnz.search("new zealand"))
    assert calls(lambda: usnz.search("new " * 100_000)) < 20 * ordinary  # the first 32 words read, no more
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        work = calls(lambda: usnz.search(" ".join(f"w{i}" for i in range(10_000))))
    assert work < 20 * ordinary
    said = [str(w.message) for w in caught]
    assert "left out: 'w32'" in said[0]  # what was not read, and:
    assert "no record holds 'w0'" in said[1]  # the first 32 words: none held


def test_usnz_converter_cannot_change_what_usnz_writes() -> None:
    before = usnz.agreements(kind="treaty").to_json()
    usnz.converter.register_unstructure_hook(usnz.PartialDate, lambda _: "HACKED")
    try:
        assert usnz.converter.unstructure(usnz.PartialDate(year=1951)) == "HACKED"
        assert usnz.agreements(kind="treaty").to_json() == before
    finally:
        usnz.converter.register_unstructure_hook(usnz.PartialDate, usnz.PartialDate.isoformat)


# -- the property: what load accepts, the published JSON Schema accepts ------------------------------

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


@st.composite
def _mutated(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A valid record of some kind, as JSON, with one field replaced by an arbitrary JSON value."""
    cls = draw(st.sampled_from(sorted(RECORDS, key=lambda c: c.__name__)))
    item = json.loads(json.dumps(usnz.converter.unstructure(draw(RECORDS[cls]))))
    field = draw(st.sampled_from(sorted(item)) | st.text(min_size=1, max_size=6))
    item[field] = draw(_JSON)
    kind = next(name for name, c in usnz.KINDS.items() if c is cls)
    return kind, item


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_mutated())
def test_load_accepts_only_what_the_schema_accepts(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[str, dict[str, Any]]
) -> None:
    kind, item = case
    schema_ok = jsonschema.Draft202012Validator(usnz.export.json_schema(kind)).is_valid(item)
    folder = tmp_path_factory.mktemp("data")
    (folder / f"{kind}.json").write_text(json.dumps([item]), encoding="utf-8")
    try:
        usnz.Dataset([])
        from usnz.reading.load import _records_in

        problems: list[usnz.Problem] = []
        records = list(_records_in(f"{kind}.json", kind, json.dumps([item]).encode(), problems))
    except Exception as error:  # noqa: BLE001 - the property: nothing but problems
        pytest.fail(f"reading raised {error!r}")
    loaded = bool(records) and not problems
    if loaded:  # no coercion: what usnz reads, the schema accepts, and reading gives back the same JSON
        assert schema_ok, (kind, item)
        again = json.loads(json.dumps(usnz.converter.unstructure(records[0])))
        assert again == {k: v for k, v in item.items() if v not in (None, [], False) or k in again}
    if not schema_ok:
        assert not loaded, (kind, item)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(RECORDS, key=lambda c: c.__name__)).flatmap(lambda cls: RECORDS[cls]))
def test_valid_records_are_read_and_pass_the_schema(record: Any) -> None:
    from usnz.reading.load import _records_in

    kind = next(name for name, c in usnz.KINDS.items() if c is type(record))
    item = json.loads(json.dumps(usnz.converter.unstructure(record)))
    assert jsonschema.Draft202012Validator(usnz.export.json_schema(kind)).is_valid(item)
    problems: list[usnz.Problem] = []
    assert list(_records_in(f"{kind}.json", kind, json.dumps([item]).encode(), problems)) == [record]
    assert problems == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(RECORDS, key=lambda c: c.__name__)).flatmap(lambda cls: RECORDS[cls]))
def test_generated_references_name_records_of_the_right_kind(record: Any) -> None:
    from usnz.reading.load import read

    whole = [*targets(record), record]
    by_kind: dict[str, list[Any]] = {}
    for item in whole:
        kind = next(name for name, c in usnz.KINDS.items() if c is type(item))
        by_kind.setdefault(kind, []).append(usnz.converter.unstructure(item))
    files = [(f"{kind}.json", kind, json.dumps(items).encode()) for kind, items in by_kind.items()]
    assert len(read(files)) == len(whole)  # every reference checked across the records: none refused


def _filled(value: object) -> bool:
    return value not in (None, (), False)


@pytest.mark.parametrize(
    ("cls", "field"),
    [
        (cls, field.name)
        for cls in RECORDS
        for field in attrs.fields(cls)
        if field.name not in {"date_basis", "planned"} or any(declared.date for _, declared in facts(cls))
    ],
    ids=lambda given: given if isinstance(given, str) else given.__name__,
)
def test_every_declared_field_is_generated(cls: type, field: str) -> None:
    """A field added to a kind is generated (filled) with no change to the strategies."""
    found = find(
        RECORDS[cls],
        lambda record: _filled(getattr(record, field)),
        settings=settings(max_examples=2000, phases=[Phase.generate], database=None),
    )
    assert _filled(getattr(found, field))


def test_the_problem_list_counts_what_it_does_not_keep() -> None:
    from usnz.reading.load import MAX_PROBLEMS, _Problems

    problems = _Problems()
    for index in range(MAX_PROBLEMS + 2):
        problems.append(usnz.Problem(file="f", record=index, path="", message="m"))
    listed = problems.listed()
    assert len(listed) == MAX_PROBLEMS + 1
    assert listed[-1].message.startswith("... and 2 more problems not listed")
    assert "not examined" not in listed[-1].message


def test_an_unreadable_record_is_still_checked_for_clashes_and_references(tmp_path: Path) -> None:
    events = [
        {**EVENT, "id": "x"},
        {**EVENT, "id": "x", "title": 3, "citations": [{"paragraph": 1}, "odd"], "see_also": ["gone", 7]},
    ]
    problems = "\n".join(_problems(tmp_path, events=events))
    assert "x id: id is used twice" in problems
    assert "x see_also: refers to 'gone'" in problems


def test_a_quantity_must_be_finite() -> None:
    with pytest.raises(ValueError, match="must be a finite number"):
        usnz.Quantity(unit="x", best=float("inf"))


def test_the_public_faces_are_reachable_lazily() -> None:
    assert usnz.__getattr__("plot") is usnz.plot
