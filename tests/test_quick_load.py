"""The quick reader at load: never more lenient than cattrs, equal to it whenever it reads a record.

Valid data is read without cattrs (see test_lazy.py); anything the quick reader doubts is read
again by the cattrs converter, so the problems reported are cattrs' own (see test_load.py).
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, Optional

import attrs
import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import usnz
from strategies import RECORDS
from usnz.reading import load as _load
from usnz.reading import packaged
from usnz.reading import quick as quick_reader

SRC = Path(__file__).resolve().parent.parent / "src" / "usnz"

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


def _raw(record: Any) -> dict[str, Any]:
    """The record as its data file holds it."""
    return json.loads(json.dumps(usnz.converter.unstructure(record)))


def _cattrs(raw: object, cls: type[Any]) -> Any:
    """What cattrs makes of *raw*, or None when it refuses it."""
    try:
        return usnz.converter.structure(raw, cls)
    except (cattrs.BaseValidationError, usnz.Error, ValueError, TypeError, KeyError):
        return None


@pytest.mark.parametrize("cls", list(RECORDS), ids=lambda c: c.__name__)
@given(data=st.data())
def test_every_valid_record_is_read_quickly_and_as_cattrs_reads_it(cls: type[Any], data: st.DataObject) -> None:
    raw = _raw(data.draw(RECORDS[cls]))
    quick = quick_reader.read_quickly(quick_reader.reader(cls), raw)
    assert quick is not None
    assert quick == usnz.converter.structure(raw, cls)
    assert repr(quick) == repr(usnz.converter.structure(raw, cls))


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside nested dicts and lists."""
    found = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def _set(value: Any, path: tuple[Any, ...], new: Any) -> None:
    for step in path[:-1]:
        value = value[step]
    value[path[-1]] = new


def damage(raw: dict[str, Any], data: st.DataObject) -> None:
    """Damage one record's JSON as hypothesis draws it: a key added, a value replaced or dropped at any depth."""
    action = data.draw(st.sampled_from(["replace", "drop", "add"]))
    if action == "add":
        raw[data.draw(st.text(min_size=1, max_size=12))] = data.draw(JSON_VALUES)
    else:
        path = data.draw(st.sampled_from(_paths(raw)))
        if action == "drop":
            container = raw
            for step in path[:-1]:
                container = container[step]
            del container[path[-1]]
        else:
            _set(raw, path, data.draw(JSON_VALUES))


@pytest.mark.parametrize("cls", list(RECORDS), ids=lambda c: c.__name__)
@given(data=st.data())
def test_a_damaged_record_is_never_read_more_leniently_than_cattrs_reads_it(
    cls: type[Any], data: st.DataObject
) -> None:
    raw = _raw(data.draw(RECORDS[cls]))
    damage(raw, data)
    quick = quick_reader.read_quickly(quick_reader.reader(cls), raw)
    if quick is not None:
        assert quick == _cattrs(raw, cls)


@pytest.mark.parametrize(
    ("cls", "change"),
    [
        (usnz.Citation, {"paragraph": True}),  # cattrs reads True as 1 for an int
        (usnz.Citation, {"source": 5}),  # cattrs reads 5 as "5" for a str
        (usnz.Person, {"aliases": "ab"}),  # cattrs reads a str as a tuple of letters
        (usnz.Person, {"aliases": ("a",)}),
        (usnz.Quantity, {"best": "3"}),
        (usnz.Money, {"amount": 5}),
        (usnz.Money, {"amount": "five"}),
        (usnz.Money, {"per": "month"}),
        (usnz.Money, {"per": 1}),
        (usnz.Event, {"date": 1965}),
        (usnz.Event, {"kind": "vist"}),
        (usnz.Event, {"bogus": 1}),
        (usnz.Event, {"citations": [["s", 1]]}),
    ],
)
def test_doubtful_values_go_to_cattrs(cls: type[Any], change: dict[str, Any]) -> None:
    base: dict[str, dict[str, Any]] = {
        "Citation": {"source": "s", "paragraph": 1},
        "Person": {"id": "p", "name": "P", "summary": "S.", "citations": [{"source": "s", "paragraph": 1}]},
        "Quantity": {"unit": "x", "best": 1},
        "Money": {"amount": "5", "currency": "USD"},
        "Event": {
            "id": "e",
            "kind": "visit",
            "title": "T",
            "summary": "S.",
            "citations": [{"source": "s", "paragraph": 1}],
        },
    }
    raw = base[cls.__name__]
    assert quick_reader.read_quickly(quick_reader.reader(cls), raw) == usnz.converter.structure(raw, cls)
    assert quick_reader.read_quickly(quick_reader.reader(cls), {**raw, **change}) is None


def test_a_missing_required_field_goes_to_cattrs() -> None:
    assert quick_reader.read_quickly(quick_reader.reader(usnz.Citation), {"source": "s"}) is None


def test_types_the_quick_reader_does_not_know_always_go_to_cattrs() -> None:
    @attrs.frozen
    class Odd:
        mapping: dict[str, int]
        either: int | str
        words: list[str]

    @attrs.frozen
    class Derived:
        value: int
        double: int = attrs.field(init=False)

        @double.default
        def _double(self) -> int:
            return self.value * 2

    @attrs.frozen
    class Blob:
        payload: bytes

    @attrs.frozen
    class Dangling:
        thing: NotDefinedAnywhere  # type: ignore[name-defined]  # noqa: F821

    for raw in ({"mapping": {}, "either": 1, "words": []}, {}):
        with pytest.raises(quick_reader.UnsureError):
            quick_reader.reader(Odd)(raw)
    with pytest.raises(quick_reader.UnsureError):
        quick_reader.reader(Derived)({"value": 1})
    with pytest.raises(quick_reader.UnsureError):
        quick_reader.reader(Blob)({"payload": "x"})
    with pytest.raises(quick_reader.UnsureError):
        quick_reader.reader(Dangling)({"thing": 1})
    untyped = attrs.make_class("Untyped", {"value": attrs.field()})
    with pytest.raises(quick_reader.UnsureError):
        quick_reader.reader(untyped)({"value": 1})


def test_annotations_that_are_types_are_read_too() -> None:
    plain = attrs.make_class("Plain", {"count": attrs.field(type=Optional[int]), "name": attrs.field(type=str)})  # noqa: UP045 - a typing object on purpose
    read = quick_reader.reader(plain)
    assert read({"count": None, "name": "n"}) == plain(count=None, name="n")
    assert read({"count": 2, "name": "n"}) == usnz.converter.structure({"count": 2, "name": "n"}, plain)
    with pytest.raises(quick_reader.UnsureError):
        read({"count": "2", "name": "n"})


def test_a_load_leaves_a_paused_collector_paused() -> None:
    gc.disable()
    try:
        files = [(f"{stem}.json", stem, packaged._packaged_file(f"{stem}.json")) for stem in usnz.KINDS]
        assert len(_load.read(files)) == len(usnz.dataset())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_readers_accept_exactly_the_json_types() -> None:
    assert quick_reader.reader(Literal["a", "b"])("a") == "a"
    assert quick_reader.reader(int | float)(2.5) == 2.5
    for hint, value in [
        (int, 1.0),
        (str, None),
        (Decimal, 5),
        (tuple[int, ...], (1,)),
        (Literal["a", "b"], "c"),
        (Literal["a", "b"], ["a"]),
        (int | float, "1"),
        (int | float | None, True),
    ]:
        with pytest.raises(quick_reader.UnsureError):
            quick_reader.reader(hint)(value)


def test_packaged_data_is_read_through_importlib_resources_for_loaders_without_get_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(packaged, "__spec__", None)
    data = packaged.read_packaged()
    assert [r.id for r in usnz.Dataset(data)] == [r.id for r in usnz.dataset()]


def test_packaged_data_is_read_from_a_zip(tmp_path: Path) -> None:
    archive = tmp_path / "usnz.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted(SRC.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                zipped.write(path, Path("usnz") / path.relative_to(SRC))
    probe = (
        f"import sys; sys.path.insert(0, {str(archive)!r}); import usnz; "
        "assert usnz.__file__.startswith(sys.path[0]), usnz.__file__; "
        "print(usnz.get('anzus').id, len(usnz.dataset()))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["anzus", str(len(usnz.dataset()))]


def test_import_is_lazy_but_every_public_name_is_there() -> None:
    assert set(usnz.__all__) <= set(dir(usnz))
    for name in usnz.__all__:
        assert getattr(usnz, name) is not None
    assert usnz.Event is usnz.model.records.Event
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        _ = usnz.nonexistent  # type: ignore[attr-defined]


def test_a_dataset_given_an_id_twice_keeps_the_later_by_date_as_it_always_has() -> None:
    cite = (usnz.Citation(source="s", paragraph=1),)
    later = usnz.Event(
        id="e",
        kind="visit",
        title="Later",
        summary="S.",
        date=usnz.PartialDate(year=2001),
        date_basis="stated",
        citations=cite,
    )
    earlier = usnz.Event(
        id="e",
        kind="visit",
        title="Earlier",
        summary="S.",
        date=usnz.PartialDate(year=1999),
        date_basis="stated",
        citations=cite,
    )
    for records in ([later, earlier], [earlier, later]):
        data = usnz.Dataset(records)
        assert data.get("e") is later
        assert [r.title for r in data.events()] == ["Earlier", "Later"]
        assert data.span == (later.date.earliest, later.date.latest)  # spans are by id, too
