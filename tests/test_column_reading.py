"""A file's records read a field at a time (``quick.read_all``) are the records read one at a time.

The column reader makes each instance as attrs' ``__init__`` does (fields set, validators,
``__attrs_post_init__``) and asks each validator of the whole column, by a test in C where
usnz has one (:mod:`usnz.reading.columns`). It is never more lenient than the record-at-a-time
reader, and gives exactly its records.
"""

from __future__ import annotations

import json
import operator
import re
from typing import Any, Literal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import usnz
from strategies import RECORDS
from test_quick_load import _raw, damage
from usnz.model import amounts, base, citation, columnwise, doubt, ids, validators
from usnz.model.facts import batched
from usnz.model.kinds import people
from usnz.reading import columns, packaged
from usnz.reading import quick as quick_reader
from usnz.reading.problems import suspect

EXAMPLES = 50
"""Examples a property draws for each record class (ten classes: 500 in all, under coverage in CI too)."""


def _one_at_a_time(cls: type[Any], raws: list[Any]) -> list[Any] | None:
    read = quick_reader.reader(cls)
    records = [quick_reader.read_quickly(read, raw) for raw in raws]
    return None if None in records else records


@pytest.mark.parametrize("cls", list(RECORDS), ids=lambda c: c.__name__)
@settings(max_examples=EXAMPLES)
@given(data=st.data())
def test_valid_records_are_read_by_columns_as_one_at_a_time(cls: type[Any], data: st.DataObject) -> None:
    raws = [_raw(record) for record in data.draw(st.lists(RECORDS[cls], min_size=1, max_size=4))]
    expected = _one_at_a_time(cls, raws)
    assert expected is not None
    for safe in (False, not suspect(json.dumps(raws))):
        got = quick_reader.read_all(quick_reader.reader(cls), raws, safe=safe)
        assert got == expected
        assert repr(got) == repr(expected)
        assert list(map(type, got or [])) == list(map(type, expected))


@pytest.mark.parametrize("cls", list(RECORDS), ids=lambda c: c.__name__)
@settings(max_examples=EXAMPLES)
@given(data=st.data())
def test_a_damaged_file_is_never_read_by_columns_more_leniently(cls: type[Any], data: st.DataObject) -> None:
    raws = [_raw(record) for record in data.draw(st.lists(RECORDS[cls], min_size=1, max_size=3))]
    raw = raws[data.draw(st.integers(0, len(raws) - 1))]
    damage(raw, data)
    got = quick_reader.read_all(quick_reader.reader(cls), raws, safe=not suspect(json.dumps(raws)))
    if got is not None:
        assert got == _one_at_a_time(cls, raws)


def test_the_packaged_files_are_read_by_columns_as_one_at_a_time() -> None:
    for stem, cls in usnz.KINDS.items():
        raws = json.loads(packaged._packaged_file(f"{stem}.json"))
        got = quick_reader.read_all(quick_reader.reader(cls), raws, safe=True)
        assert got is not None
        assert repr(got) == repr(_one_at_a_time(cls, raws))


def test_text_the_quick_test_doubts_is_asked_of_the_validator() -> None:
    """A tab or a newline is no printable character, but text may hold them."""
    event = {
        "id": "e",
        "kind": "visit",
        "title": "T",
        "summary": "a\tb\nc",
        "citations": [{"source": "s", "paragraph": 1}],
    }
    for safe in (False, True):
        got = quick_reader.read_all(quick_reader.reader(usnz.Event), [event], safe=safe)
        assert got is not None
        assert got[0].summary == "a\tb\nc"
    refused = {**event, "summary": "a\x1bb"}
    assert quick_reader.read_all(quick_reader.reader(usnz.Event), [refused]) is None


_CITED_TWICE = usnz.Citation(source="s", paragraph=1, quote="b")
_ATTESTED = tuple(
    people.Attestation(date=usnz.PartialDate.parse(day), record=record, citation=_CITED_TWICE)
    for day, record in (("2001", "b"), ("2001-05", "a"), ("2001-05", "c"))
)
_SAME_RECORD = people.Attestation(date=usnz.PartialDate.parse("2002"), record="b", citation=_CITED_TWICE)
_DOUBTED: dict[str, Any] = {"source": "s", "paragraphs": (1,), "text": "t"}


@pytest.mark.parametrize(
    ("validator", "values", "accepted"),
    [
        (ids.check_id, ["a-b", "c1"], True),
        (ids.check_id, ["a-b", 5], False),
        (ids.check_id, ["é"], False),
        (ids.check_id, ["a\nb"], False),
        (ids.check_id, ["a--b"], False),
        (ids.check_id, ["-a"], False),
        (ids.check_id, [""], False),
        (ids.check_ids, [("a", "b"), ()], True),
        (ids.check_ids, [(), ()], True),
        (amounts._check_number, [None, 1, 2.5, -(2**53)], True),
        (amounts._check_number, [1, float("nan")], False),
        (amounts._check_number, [float("-inf"), None], False),
        (amounts._check_number, [True], False),
        (amounts._check_number, ["1"], False),
        (ids.check_ids, [("a", "a")], False),
        (ids.check_ids, [["a"]], False),  # not a tuple: refused (a list would leave the record changeable)
        (base.check_countries, [("NZL", "USA")], True),
        (base.check_countries, [("NZL", "NZL")], False),
        (base.check_countries, [("nzl",)], False),
        (base.check_country, [None, "NZ"], False),
        (base.check_texts, [("A", "B")], True),
        (base.check_texts, [(" A",)], False),
        (base.check_citations, [()], False),
        (base.check_citations, [(usnz.Citation(source="s", paragraph=1, quote="a"), _CITED_TWICE)], True),
        (base.check_citations, [(_CITED_TWICE, usnz.Citation(source="s", paragraph=1, quote="b"))], False),
        (base.check_doubts, [(usnz.Doubt(kind="vague", **_DOUBTED), usnz.Doubt(kind="typo", **_DOUBTED))], True),
        (base.check_doubts, [(usnz.Doubt(kind="typo", **_DOUBTED), usnz.Doubt(kind="typo", **_DOUBTED))], False),
        (doubt.check_paragraphs, [(1, 2)], True),
        (doubt.check_paragraphs, [(0,)], False),
        (doubt.check_paragraphs, [(1, 1)], False),
        (doubt.check_doubt_text, ["x" * (doubt.DOUBT_LIMIT + 1)], False),
        (citation.check_quote, [None, " a quote "], True),
        (citation.check_quote, ["x" * (citation.QUOTE_LIMIT + 1)], False),
        (citation.check_note, [None, "a\x1bb"], False),
        (attrs.validators.in_({"a"}), ["a"], True),
        (attrs.validators.in_({"a"}), ["b"], False),
        (attrs.validators.in_(frozenset({"a"})), [["a"]], False),  # unhashable: the validator says so
        (attrs.validators.optional(attrs.validators.instance_of(int)), [None, 1], True),
        (attrs.validators.optional(attrs.validators.instance_of(int)), ["1"], False),
        (validators.one_of(("a", "b")), ["a", "b"], True),
        (validators.one_of(("a",)), ["c"], False),
        (validators.one_of((None, "year")), [None, "year"], True),
        (validators.one_of(("a",)), [["a"]], False),  # unhashable
        (validators.one_of((1,)), [True], False),  # a bool is not the int 1
        (validators.instance_of(int), [1, 2], True),
        (validators.instance_of(int), [True], False),
        (attrs.validators.optional(validators.instance_of(bool)), [None, True], True),
        (validators.matching(r"[0-9a-f]{2}", "two hex digits"), ["0a", "ff"], True),
        (validators.matching(r"[0-9a-f]{2}", "two hex digits"), ["0a", "0ab"], False),
        (validators.matching(r"[0-9a-f]{2}", "two hex digits"), [5], False),
        (attrs.validators.optional(attrs.validators.matches_re(r"\d\d")), [None, "12"], True),
        (attrs.validators.matches_re(r"\d\d"), ["12", "1"], False),
        (attrs.validators.matches_re(r"\d\d"), ["12", 12], False),
        (attrs.validators.matches_re(r"\d"), ["12"], False),  # a full match
        (attrs.validators.matches_re(r"\d", func=re.search), ["a1"], True),
        (attrs.validators.matches_re(re.compile(rb"\d")), ["1"], False),  # a pattern of bytes: the validator says so
        (people.check_office, [None, "consul"], True),
        (people.check_office, ["consul", "king"], False),
        (people.check_office, [["consul"]], False),
        (people.check_attestations, [(), (_ATTESTED[0],), _ATTESTED], True),
        (people.check_attestations, [_ATTESTED[::-1]], False),
        (people.check_attestations, [(_ATTESTED[0], _ATTESTED[0])], False),
        (people.check_attestations, [(_ATTESTED[0], _SAME_RECORD)], False),
        (people.check_attestations, [("a",)], False),
        (people.check_attestations, [[_ATTESTED[0]]], False),  # not a tuple: refused
    ],
)
def test_a_column_is_accepted_only_as_its_validator_accepts_each_value(
    validator: Any, values: list[Any], accepted: bool
) -> None:
    attribute = attrs.fields(usnz.Citation).note  # any attribute: only its name is shown
    objects = [None] * len(values)
    try:
        for value in values:
            validator(None, attribute, value)
    except (ValueError, TypeError):
        assert not accepted
        with pytest.raises((ValueError, TypeError)):
            columns.column_check(validator)(objects, attribute, values)
    else:
        assert accepted
        columns.column_check(validator)(objects, attribute, values)


def test_a_validator_usnz_has_no_test_for_is_asked_of_each_value() -> None:
    class Unhashable:
        __hash__ = None  # type: ignore[assignment]

        def __call__(self, instance: object, attribute: object, value: object) -> None:
            if value != 1:
                raise ValueError(value)

    attribute = attrs.fields(usnz.Citation).note
    check = columns.column_check(Unhashable())
    check([None, None], attribute, [1, 1])
    with pytest.raises(ValueError, match="2"):
        check([None, None], attribute, [1, 2])


def test_classes_not_built_as_attrs_builds_them_are_read_one_at_a_time() -> None:
    @attrs.frozen
    class Pre:
        value: int

        def __attrs_pre_init__(self) -> None:
            pass

    @attrs.frozen
    class Converted:
        value: int = attrs.field(converter=int)

    @attrs.frozen
    class Made:
        values: tuple[int, ...] = attrs.field(factory=tuple)

    @attrs.define(init=False)
    class Own:
        value: int

        def __init__(self, value: int) -> None:
            self.value = value

    for cls, raw in ((Pre, {"value": 1}), (Converted, {"value": 1}), (Made, {}), (Own, {"value": 1})):
        read = quick_reader.reader(cls)
        assert not quick_reader.by_columns(read), cls
        assert quick_reader.read_all(read, [raw]) == [read(raw)]


def test_a_class_without_slots_is_read_by_columns_too() -> None:
    @attrs.frozen(slots=False)
    class Plain:
        value: int
        note: str | None = None

    read = quick_reader.reader(Plain)
    assert quick_reader.by_columns(read)
    assert quick_reader.read_all(read, [{"value": 1}, {"value": 2, "note": "n"}]) == [Plain(1), Plain(2, "n")]


def test_a_default_the_column_reader_would_not_keep_leaves_the_class_to_one_at_a_time() -> None:
    spelled = "".join(["x", "y"])  # noqa: FLY002 - equal to the literal's value, not the very string

    @attrs.frozen
    class Refused:
        value: str | None = 5  # type: ignore[assignment]

    @attrs.frozen
    class Copied:
        value: Literal["xy"] = spelled  # type: ignore[assignment]

    for cls in (Refused, Copied):
        assert not quick_reader.by_columns(quick_reader.reader(cls))


class Unknown:
    """A type the quick reader does not know."""


def test_fields_of_types_without_a_column_reader_leave_the_class_to_one_at_a_time() -> None:
    @attrs.frozen
    class Odd:
        items: tuple[Unknown, ...] = ()
        maybe: Unknown | None = None

    read = quick_reader.reader(Odd)
    assert not quick_reader.by_columns(read)
    assert quick_reader.read_all(read, [{}]) == [Odd()]  # read one at a time
    assert quick_reader.read_all(read, [{"items": [1]}]) is None  # (no Unknown is read quickly: cattrs reads it)


def test_optional_values_are_read_by_columns_where_given() -> None:
    @attrs.frozen
    class Dated:
        when: usnz.PartialDate | None = None

    read = quick_reader.reader(Dated)
    assert quick_reader.read_all(read, [{"when": "2001"}, {}, {"when": None}]) == [
        Dated(when=usnz.PartialDate.parse("2001")),
        Dated(),
        Dated(),
    ]
    assert quick_reader.read_all(read, [{"when": 2001}]) is None
    assert quick_reader.read_all(read, [{"when": "2001"}, ["no object"]]) is None


def test_a_column_of_no_ids_is_accepted_by_the_test_alone() -> None:
    assert ids.all_ids([])
    assert ids.check_ids.column([(), ()])  # type: ignore[attr-defined]


@given(st.lists(st.text(st.sampled_from("ab1-\n\t_Aé"), max_size=6) | st.integers(), max_size=5))
def test_a_column_of_ids_is_accepted_exactly_when_each_is_an_id(values: list[Any]) -> None:
    """The test of ids joined (the characters in C, then one search for a doubled separator) is the pattern's."""
    pattern = re.compile(ids.ID_PATTERN, re.ASCII)
    assert ids.all_ids(values) == all(type(value) is str and pattern.fullmatch(value) for value in values)


def test_a_check_is_first_asked_by_the_column_test_it_declares() -> None:
    asked: list[list[Any]] = []

    def all_ones(values: list[Any]) -> bool:
        asked.append(values)
        return set(values) <= {1}

    @batched(all_ones)
    def check_one(instance: object, attribute: object, value: object) -> None:
        if value != 1:
            raise ValueError(value)

    attribute = attrs.fields(usnz.Citation).note
    columns.column_check(check_one)([None, None], attribute, [1, 1])
    assert asked == [[1, 1]]
    with pytest.raises(ValueError, match="2"):  # not sure: the check is asked of each value
        columns.column_check(check_one)([None, None], attribute, [1, 2])


@given(st.lists(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2)), max_size=4).map(tuple), max_size=5))
def test_items_compared_first_by_a_part_are_told_apart_as_by_the_whole(values: list[tuple[Any, ...]]) -> None:
    whole = operator.itemgetter(0, 1)
    expected = all(len(set(items)) == len(items) for items in values)
    assert columnwise.distinct(values, whole) is expected
    assert columnwise.distinct(values, whole, first_by=operator.itemgetter(0)) is expected
    assert columnwise.distinct(values, whole, first_by=operator.itemgetter(1)) is expected


LITERAL_VALUES = st.sampled_from(["typo", "vague", "outside", "other", "", 1, True, None, 1.0]) | st.lists(
    st.just("typo"), max_size=1
)


@given(st.lists(LITERAL_VALUES, max_size=6))
def test_a_literal_of_strings_is_read_by_its_column_as_by_the_general_one(values: list[Any]) -> None:
    """The column of a ``Literal`` of strings looks values up alone: each the declared string, or refused as before."""
    declared = ("typo", "vague", "outside")
    read = quick_reader.reader(Literal["typo", "vague", "outside"])
    canonical = {(type(v), v): v for v in declared}

    def general() -> list[Any]:
        return list(map(canonical.__getitem__, zip(map(type, values), values, strict=True)))

    try:
        expected: list[Any] | None = general()
    except (KeyError, TypeError):
        expected = None
    try:
        got: list[Any] | None = quick_reader._columns[read](values)
    except (KeyError, TypeError):
        got = None
    assert got == expected


def test_a_literal_of_other_values_keeps_the_general_column() -> None:
    read = quick_reader.reader(Literal[1, "one"])
    assert quick_reader._columns[read]([1, "one"]) == [1, "one"]
    with pytest.raises(KeyError):
        quick_reader._columns[read]([True])


def test_an_in_check_is_skipped_only_where_the_literal_implies_it() -> None:
    """attrs' ``in_`` is not asked again of a column read as a ``Literal`` whose every value it holds."""
    values = ("typo", "vague")
    assert quick_reader._implied(attrs.validators.in_(values), values)
    assert quick_reader._implied(attrs.validators.in_({*values, "more"}), values)
    assert not quick_reader._implied(attrs.validators.in_(("typo",)), values)
    assert not quick_reader._implied(attrs.validators.in_((1,)), (1,))
    assert not quick_reader._implied(attrs.validators.in_(values), None)
    assert not quick_reader._implied(attrs.validators.instance_of(str), values)
    assert quick_reader._implied(validators.one_of(values), values)  # usnz's own in_, as the kinds use
    assert not quick_reader._implied(validators.one_of(("typo",)), values)
