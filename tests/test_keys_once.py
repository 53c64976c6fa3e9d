"""A file read by columns is parsed without refusing a key given twice, and every key given twice is still reported.

The columns read count the keys of the objects they read, and the colons of the texts; a
file's JSON holds a colon after each key, so a file is vouched for only when its colons (and
its escapes that may spell one) are the keys and the texts' colons. A key given twice is held
once, so its file is parsed again strictly, which says so. Whatever the file, the records and
the problems are those of the strict path alone.
"""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategies import RECORDS
from test_quick_load import _raw
from test_unbounded_parse import STEMS, _read, _records, _strictly
from usnz.model.facts import fact
from usnz.reading import jsontext, quick
from usnz.reading import load as reading

EXAMPLES = 50
"""Examples a property draws for each record class (ten classes: 500 in all, under coverage in CI too)."""
CITE = {"source": "s", "paragraph": 1}
EVENT = {"id": "e", "kind": "statement", "title": "T", "summary": "S.", "citations": [CITE]}


def _objects(value: Any) -> list[dict[str, Any]]:
    """Every JSON object in *value*, at any depth."""
    if isinstance(value, dict):
        return [value, *(found for item in value.values() for found in _objects(item))]
    if isinstance(value, list):
        return [found for item in value for found in _objects(item)]
    return []


def _dumps(value: Any, twice: object, key: str, again: str) -> str:
    """*value* as JSON, its object *twice* giving *key* once more, as the JSON *again*, after its own keys."""
    if isinstance(value, dict):
        pairs = [f"{json.dumps(k)}: {_dumps(v, twice, key, again)}" for k, v in value.items()]
        if value is twice:
            pairs.append(f"{json.dumps(key)}: {again}")
        return "{" + ", ".join(pairs) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_dumps(item, twice, key, again) for item in value) + "]"
    return json.dumps(value)


@pytest.mark.parametrize("cls", list(RECORDS), ids=lambda c: c.__name__)
@settings(max_examples=EXAMPLES)
@given(data=st.data())
def test_a_key_given_twice_anywhere_is_reported_as_the_strict_parser_reports_it(
    cls: type[Any], data: st.DataObject
) -> None:
    raws = _records(cls, data)
    objects = [found for found in _objects(raws) if found]
    twice = data.draw(st.sampled_from(objects))
    key = data.draw(st.sampled_from(sorted(twice)))
    same = json.dumps(twice[key])
    again = data.draw(st.sampled_from([same, '"a: b"', "null", "[]", '"\\u003a"']))
    text = _dumps(raws, twice, key, again)
    with pytest.MonkeyPatch.context() as monkeypatch:
        records, problems = _read(STEMS[cls], text)
        assert (records, problems) == _strictly(STEMS[cls], text, monkeypatch)
    assert not records
    assert [problem.message for problem in problems] == [
        f"not read: the key {key!r} appears twice in one object; each field may be given once"
    ]


@pytest.mark.parametrize("cls", list(RECORDS), ids=lambda c: c.__name__)
@settings(max_examples=EXAMPLES)
@given(data=st.data())
def test_a_valid_file_is_read_without_the_check_of_keys_as_with_it(cls: type[Any], data: st.DataObject) -> None:
    raws = _records(cls, data)
    text = data.draw(
        st.sampled_from([json.dumps(raws), json.dumps(raws, indent=1), json.dumps(raws, separators=(" ,", " : "))])
    )
    with pytest.MonkeyPatch.context() as monkeypatch:
        records, problems = _read(STEMS[cls], text)
        assert (records, problems) == _strictly(STEMS[cls], text, monkeypatch)
    assert not problems


def _never(text: str) -> object:
    raise AssertionError(text)


@pytest.mark.parametrize(
    "title",
    [
        'Said: "no": the end',  # colons, and colons after quotes (a backslash, a quote and a colon in the file)
        "a:b " * 100 + "c",  # more colons than are found one by one
        "back\\slash: " * 30 + "end",  # more backslashes than are looked at one by one
    ],
)
def test_texts_with_colons_are_read_by_columns(monkeypatch: pytest.MonkeyPatch, title: str) -> None:
    monkeypatch.setattr(reading, "parse_shallow", _never)  # never asked: the keys are counted as they are read
    events = [{**EVENT, "id": f"e{n}", "title": title, "notes": "A: b"} for n in range(3)]
    records, problems = _read("events", json.dumps(events))
    assert not problems
    assert [record.count(":") for record in records] == [title.count(":") + 1] * 3


def test_tuples_of_texts_with_colons_are_read_by_columns() -> None:
    @attrs.frozen
    class Named:
        names: tuple[str, ...] = fact(default=(), doc="Names.")
        note: str | None = fact(default=None, doc="A note.")

    read = quick.reader(Named)
    raws = [{"names": ["a: b", "c:"], "note": "d: e"}, {"names": []}, {"note": None}]
    data = json.dumps(raws).encode()
    expected = [Named(("a: b", "c:"), "d: e"), Named(), Named()]
    assert quick.read_all(read, json.loads(data), colons=jsontext.colons(data)) == expected
    assert quick.read_all(read, json.loads(data), colons=jsontext.colons(data) - 1) is None


def test_keys_followed_by_white_space_are_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "parse_shallow", _never)
    text = json.dumps([EVENT], separators=(",", "\n :\t"))
    records, problems = _read("events", text)
    assert not problems
    assert len(records) == 1


def test_an_escape_that_spells_a_colon_is_read_strictly() -> None:
    """``\\u003a`` may spell a colon the texts hold: counted as one more, the file is parsed strictly."""
    text = json.dumps([{**EVENT, "title": "Said: no"}]).replace("Said:", "Said\\u003a")
    assert jsontext.colons(text.encode()) == text.count(":") + 1
    records, problems = _read("events", text)
    assert not problems
    assert "title='Said: no'" in records[0]
    twice = text.replace('"kind": "statement"', '"kind": "statement", "kind": "visit"')
    _, problems = _read("events", twice)
    assert [problem.message for problem in problems] == [
        "not read: the key 'kind' appears twice in one object; each field may be given once"
    ]


@pytest.mark.parametrize(
    ("data", "most"),
    [
        (b'{"a": "b"}', 1),
        (b'{"a": "\\u003a \\u003A"}', 3),
        (b'{"a": "' + b'\\"' * 40 + b'\\u003a"}', 2),  # past the backslashes looked at one by one
        (b'{"a": "\\\\u003a"}', 2),  # an escaped backslash: counted all the same (at most)
    ],
)
def test_colons_bound_the_keys_from_above(data: bytes, most: int) -> None:
    assert jsontext.colons(data) == most


def test_a_text_default_with_a_colon_leaves_the_keys_unvouched() -> None:
    @attrs.frozen
    class Noted:
        value: int
        note: str = fact(default="a: b", doc="A note.")

    read = quick.reader(Noted)
    assert quick._column(read) is not None  # built when first asked
    assert quick.read_all(read, [{"value": 1}]) == [Noted(1)]
    assert quick.read_all(read, [{"value": 1}], colons=2) is None  # its default's colon is not the text's


def test_entries_read_one_at_a_time_are_not_vouched_for_keys() -> None:
    @attrs.frozen
    class Converted:
        value: int = attrs.field(converter=int)

    read = quick.reader(Converted)
    assert quick._column(read) is None
    assert quick.read_all(read, [{"value": 1}]) == [Converted(1)]
    assert quick.read_all(read, [{"value": 1}], colons=1) is None


def test_a_packaged_record_raw_is_read_by_columns_with_its_colons() -> None:
    import usnz

    raw = _raw(usnz.get("anzus"))
    data = json.dumps([raw]).encode()
    read = quick.reader(type(usnz.get("anzus")))
    assert quick.read_all(read, [raw], colons=jsontext.colons(data)) == [usnz.get("anzus")]
    assert quick.read_all(read, [raw], colons=jsontext.colons(data) + 1) is None
