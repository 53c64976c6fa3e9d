"""A file read by columns is parsed without the strict parser's bound on integers, and read exactly as strictly.

The columns read bound every integer themselves (``quick.by_columns``); a file whose integers or
records they doubt is parsed again strictly, which says what is wrong. Whatever the file, the
records and the problems are those of the strict path alone.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import usnz
from strategies import RECORDS
from test_quick_load import _paths, _raw, _set, damage
from usnz.model.errors import Problem
from usnz.reading import jsontext
from usnz.reading import load as reading

STEMS = {cls: stem for stem, cls in usnz.KINDS.items()}
MAX_INT = jsontext.MAX_INT
EXAMPLES = 50
"""Examples a property draws for each record class (ten classes: 500 in all, under coverage in CI too)."""
INTEGERS = st.integers() | st.sampled_from([MAX_INT, MAX_INT + 1, -MAX_INT, -MAX_INT - 1, 10**40, -(10**30)])


def _read(stem: str, text: str) -> tuple[list[str], list[Problem]]:
    """The records (their reprs) and the problems one file gives."""
    problems: list[Problem] = []
    records = [repr(record) for record in reading._records_in(f"{stem}.json", stem, text.encode(), problems)]
    return records, problems


def _strictly(stem: str, text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[Problem]]:
    """What the strict path alone gives (no file parsed without the bound)."""
    with monkeypatch.context() as patched:
        patched.setattr(reading, "by_columns", lambda read: False)
        return _read(stem, text)


def _records(cls: type[Any], data: st.DataObject) -> list[dict[str, Any]]:
    return [_raw(record) for record in data.draw(st.lists(RECORDS[cls], min_size=1, max_size=3))]


@pytest.mark.parametrize("cls", list(RECORDS), ids=lambda c: c.__name__)
@settings(max_examples=EXAMPLES)
@given(data=st.data())
def test_an_integer_anywhere_is_read_as_the_strict_parser_reads_it(cls: type[Any], data: st.DataObject) -> None:
    raws = _records(cls, data)
    raw = raws[data.draw(st.integers(0, len(raws) - 1))]
    _set(raw, data.draw(st.sampled_from(_paths(raw))), data.draw(INTEGERS))
    text = json.dumps(raws)
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert _read(STEMS[cls], text) == _strictly(STEMS[cls], text, monkeypatch)


@pytest.mark.parametrize("cls", list(RECORDS), ids=lambda c: c.__name__)
@settings(max_examples=EXAMPLES)
@given(data=st.data())
def test_a_damaged_file_is_read_as_the_strict_parser_reads_it(cls: type[Any], data: st.DataObject) -> None:
    raws = _records(cls, data)
    damage(raws[data.draw(st.integers(0, len(raws) - 1))], data)
    text = json.dumps(raws)
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert _read(STEMS[cls], text) == _strictly(STEMS[cls], text, monkeypatch)


@pytest.mark.parametrize("cls", list(RECORDS), ids=lambda c: c.__name__)
@settings(max_examples=EXAMPLES)
@given(data=st.data())
def test_a_valid_file_is_read_without_the_bound_as_with_it(cls: type[Any], data: st.DataObject) -> None:
    text = json.dumps(_records(cls, data))
    with pytest.MonkeyPatch.context() as monkeypatch:
        records, problems = _read(STEMS[cls], text)
        assert (records, problems) == _strictly(STEMS[cls], text, monkeypatch)
    assert not problems


@pytest.mark.parametrize(
    ("number", "message"),
    [
        (str(MAX_INT + 1), "beyond ±2^53"),
        (str(-MAX_INT - 1), "beyond ±2^53"),
        (str(10**40), "an integer of 41 digits"),
        ("9" * 5000, "an integer of 5,000 digits"),  # too long for Python to read: the strict parser says so
    ],
)
def test_an_integer_out_of_bounds_is_reported_by_the_strict_parser(number: str, message: str) -> None:
    citation = {"source": "s", "paragraph": 0}
    event = {"id": "e", "kind": "visit", "title": "T", "citations": [citation]}
    text = "[" + json.dumps(event).replace('"paragraph": 0', f'"paragraph": {number}') + "]"
    records, problems = _read("events", text)
    assert not records
    assert [problem.message for problem in problems] == [f"not read: {_strict_error(text)}"]
    assert message in problems[0].message


def _strict_error(text: str) -> str:
    with pytest.raises(jsontext.JsonError) as caught:
        jsontext.parse_shallow(text)
    return str(caught.value)


def test_integers_within_bounds_are_read_by_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    def strictly(text: str) -> object:
        raise AssertionError(text)

    monkeypatch.setattr(reading, "parse_shallow", strictly)  # never asked: the columns read bound the integers
    for bound in (MAX_INT, -MAX_INT):
        citations = [{"source": "s", "paragraph": MAX_INT}]
        quantity = {"unit": "change in u", "best": bound}  # a change: its figure may be negative
        figure = {"id": "f", "measure": "m", "quantity": quantity, "citations": citations}
        records, problems = _read("figures", json.dumps([figure]))
        assert not problems
        assert f"paragraph={MAX_INT}" in records[0]
        assert f"best={bound}" in records[0]
