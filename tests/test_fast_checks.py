"""The fast paths of loading say exactly what the slow ones say.

Validators accept the common value in one call and hand anything else to the checks they
stand for; a file's text is searched for control characters as UTF-8 bytes; a record's
date test reads its fields in C. Each is compared here with what it replaces.
"""

from __future__ import annotations

import json
import operator
import re
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import usnz
from usnz import Citation, Doubt, PartialDate, Period
from usnz.model import plain
from usnz.model.base import check_country, check_text, dates_of
from usnz.model.countries import CODES
from usnz.model.ids import check_ids
from usnz.model.kinds.events import Event
from usnz.model.plain import UNSAFE, unsafe
from usnz.reading import problems, quick
from usnz.reading.problems import suspect, suspect_utf8

ASKED = st.characters(codec="utf-8") | st.sampled_from('\x7f\x80\x85\x9f\xa0\\"ubfrn0123789dD\t\n')


@given(st.text(ASKED, max_size=30))
def test_the_bytes_are_suspect_exactly_when_the_text_is(text: str) -> None:
    for form in (text, json.dumps(text), json.dumps(text, ensure_ascii=False)):
        assert suspect_utf8(form.encode("utf-8")) == suspect(form), form


@given(
    st.lists(st.text(ASKED, max_size=30), max_size=6),
    st.integers(min_value=0, max_value=3000),
    st.sampled_from(["", "\\\\", "\\n", "\u00a0", "\\\\\u00a0" * 3]),
)
def test_the_searches_in_python_find_what_the_regexes_find(texts: list[str], padding: int, filler: str) -> None:
    """Searching for each C2 byte and each backslash (then the regex, past its steps) finds what the regexes find.

    Long fillers of backslashes and C2 bytes use up the steps, so the regex searches the rest.
    """
    for form in (json.dumps(texts), json.dumps(texts, ensure_ascii=False), "".join(texts)):
        for data in ((filler * padding + form).encode(), (form + filler * padding).encode()):
            assert problems._raw_control_utf8(data) == (problems._RAW_CONTROL_UTF8.search(data) is not None)
            assert problems._escaped_control_utf8(data) == (problems._ESCAPED_CONTROL_UTF8.search(data) is not None)
            found = b"\x7f" in data or any(
                p.search(data) for p in (problems._RAW_CONTROL_UTF8, problems._ESCAPED_CONTROL_UTF8)
            )
            assert suspect_utf8(data) == found


def test_a_c2_byte_last_is_no_control() -> None:
    """What the regex says of bytes that are not UTF-8 (the loader asks only valid UTF-8): a C2 last is no match."""
    assert not problems._raw_control_utf8(b"abc\xc2")
    assert problems._raw_control_utf8(b"abc\xc2\xc2\x85")


@given(st.text(ASKED | st.sampled_from("\ud800\x00\x1b"), max_size=12))
def test_text_is_refused_exactly_as_before(text: str) -> None:
    """``unsafe``'s printable shortcut and ``check_text``'s common case change no answer."""
    found = UNSAFE.search(text)
    assert (unsafe(text) is None) == (found is None)
    note = attrs.fields(Citation).note  # any attribute: only its name is shown
    if text.strip() and text == text.strip() and found is None:
        check_text(None, note, text)
    else:
        with pytest.raises(ValueError, match="note"):
            check_text(None, note, text)


def test_the_unsafe_pattern_is_compiled_when_asked_for() -> None:
    assert UNSAFE.pattern == plain.UNSAFE.pattern
    assert UNSAFE.search("a\x1bb") is not None
    assert UNSAFE.search("a\tb\n") is None
    with pytest.raises(AttributeError, match="has no attribute 'NOTHING'"):
        plain.NOTHING  # noqa: B018 - the attribute asked for is the test


class _Lying(str):
    """A str whose own tests say yes to anything."""

    __slots__ = ()

    def isupper(self) -> bool:
        return True

    def __len__(self) -> int:
        return 3


@given(
    st.sampled_from(sorted(CODES))
    | st.text(st.sampled_from("AZaz\u00c0\u0130\u212a\u00df1 -"), max_size=4)
    | st.text(max_size=4)
)
def test_a_country_code_is_refused_exactly_as_the_pattern_refused_it(text: str) -> None:
    """``check_country`` asks str's own tests: exactly what ``[A-Z]{3}`` (ASCII) matched before, a subclass too."""
    matched = re.fullmatch(r"[A-Z]{3}", text, re.ASCII) is not None
    for value in (text, _Lying(text)):
        if matched and text in CODES:
            check_country(None, attrs.fields(Citation).source, value)
        elif matched:  # well formed, but no country usnz knows: refused naming the codes it knows
            with pytest.raises(ValueError, match=f"country code '{text}' is not in usnz's country table: use one of"):
                check_country(None, attrs.fields(Citation).source, value)
        else:
            with pytest.raises(ValueError, match="must be an ISO 3166-1 alpha-3 code"):
                check_country(None, attrs.fields(Citation).source, value)


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        ("", usnz.ArgumentValueError, "source must be a non-empty str, got ''"),
        (7, usnz.ArgumentTypeError, "source must be a str, got int 7"),
    ],
)
def test_a_source_is_refused_as_and_refused_it(value: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        Citation(source=value, paragraph=1)  # type: ignore[arg-type]
    with pytest.raises(error, match=message):
        Doubt(kind="typo", source=value, paragraphs=(1,), text="A typo.")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (0, usnz.ArgumentValueError, "paragraph must be a paragraph number, from 1, got 0"),
        ("1", usnz.ArgumentTypeError, "paragraph must be an int, got str '1'"),
        (True, usnz.ArgumentTypeError, "paragraph must be an int, got bool True"),
    ],
)
def test_a_paragraph_is_refused_as_and_refused_it(value: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        Citation(source="s", paragraph=value)  # type: ignore[arg-type]


def test_ids_and_paragraphs_lists() -> None:
    field = attrs.fields(Event).see_also
    check_ids(None, field, ())
    check_ids(None, field, ("a", "b"))
    with pytest.raises(ValueError, match="lists an id twice"):
        check_ids(None, field, ("a", "a"))
    with pytest.raises(ValueError, match="kebab-case"):
        check_ids(None, field, ("a", "B"))
    with pytest.raises(ValueError, match="lists a paragraph twice"):
        Doubt(kind="typo", source="s", paragraphs=(2, 2), text="A typo.")
    with pytest.raises(TypeError, match=r"see_also must be a tuple, got list \[\]"):
        check_ids(None, field, [])  # a list would leave a frozen record changeable
    with pytest.raises(TypeError, match=r"paragraphs must be a tuple, got list \[3\]"):
        Doubt(kind="typo", source="s", paragraphs=[3], text="A typo.")  # type: ignore[arg-type]


class _Day(PartialDate):
    """A date of another class: still a date to ``date_basis``."""


def _event(**fields: Any) -> Event:
    return Event(id="e", citations=(Citation(source="s", paragraph=1),), kind="visit", title="T", summary="S", **fields)


def test_the_date_test_agrees_with_dates_of() -> None:
    day = _Day(year=1951)
    for fields in (
        {},
        {"date": day, "date_basis": "stated"},
        {"period": Period.parse("1951/1952"), "date_basis": "stated"},
    ):
        record = _event(**fields)
        assert bool(list(dates_of(record))) == bool(fields)
    with pytest.raises(ValueError, match="has no date"):
        _event(date_basis="stated")
    with pytest.raises(ValueError, match="date_basis is required"):
        _event(date=day)


def test_codes_and_source_ids_are_shared_between_records() -> None:
    """A country code or a source id read quickly is one string, however many records name it."""
    read = quick.reader(Citation)
    given = json.loads('[{"source": "wikipedia", "paragraph": 1}, {"source": "wikipedia", "paragraph": 2}]')
    assert given[0]["source"] is not given[1]["source"]  # two strings, as parsed
    first, second = map(read, given)
    assert first.source is second.source
    assert quick.read_quickly(read, {"source": 7, "paragraph": 1}) is None  # not a str: cattrs says why
    assert quick.read_quickly(read, {"source": "s", "paragraph": 1, "note": 5}) is None  # nor is a note of 5
    assert quick._optional_exact(str)(None) is None
    int_reader = quick.reader(int)
    assert quick._shared(int_reader, frozenset({int})) == (int_reader, frozenset({int}))  # nothing to share


class _Paragraph(int):
    """An int of another class: accepted as the int it is, as a str subclass is as its text."""


class _Name(str):
    """A str of another class."""

    __slots__ = ()


def test_values_of_a_subclass_of_int_or_str_are_accepted_as_they_are() -> None:
    cited = Citation(source=_Name("s"), paragraph=_Paragraph(2))
    assert (cited.source, cited.paragraph) == ("s", 2)


def test_texts_are_shared_between_records() -> None:
    """Records repeating a text hold one string, read one at a time or by columns."""
    entry = '{"id": "e-%d", "kind": "other", "title": "A title", "summary": "The same summary.", "notes": "A note.",'
    entry += ' "citations": [{"source": "s", "paragraph": 1, "quote": "The same quote."}]}'
    given = json.loads("[" + ",".join(entry % at for at in range(3)) + "]")
    read = quick.reader(Event)
    for records in ([quick.read_quickly(read, item) for item in given], quick.read_all(read, given)):
        assert records is not None
        first, *others = records
        assert first is not None
        for other in others:
            assert other is not None
            assert (other.summary, other.notes, other.title) == (first.summary, first.notes, first.title)
            assert all(
                map(operator.is_, (other.summary, other.notes, other.title), (first.summary, first.notes, first.title))
            )
            assert other.citations[0].quote is first.citations[0].quote
