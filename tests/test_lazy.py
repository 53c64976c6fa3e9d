"""Import is cheap: nothing is read, and nothing heavy imported, until the first query.

Valid data loads without cattrs; cattrs is imported when a conversion (or a record the
quick reader doubts) needs it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import usnz
from usnz.querying import lookup as _load

PROBE = textwrap.dedent(
    """
    import os, sys

    reads = []
    def audit(event, args):
        if event == "open" and isinstance(args[0], str) and args[0].endswith(".json"):
            reads.append(os.path.basename(args[0]))
    sys.addaudithook(audit)

    import usnz
    assert reads == [], reads
    for heavy in ("attrs", "cattrs", "json", "typing", "decimal"):
        assert heavy not in sys.modules, f"{heavy} imported at import time"
    assert "usnz.querying.bound" not in sys.modules and "usnz.reading.load" not in sys.modules
    usnz.get("anzus")
    assert reads == ["agreements.json"], reads  # a get reads its own kind only
    built = sorted(name for name in sys.modules if name.startswith("usnz.model.kinds."))
    assert built == ["usnz.model.kinds.agreements"], built  # and attrs builds that kind's class only
    for unneeded in ("cattrs", "decimal", "usnz.model.records", "usnz.querying.dataset", "usnz.reading.load"):
        assert unneeded not in sys.modules, f"{unneeded} imported for a get"
    for unneeded in ("datetime", "math", "json"):  # a get makes no day, and reads its file by json's C scanner
        assert unneeded not in sys.modules, f"{unneeded} imported for a get"
    for unneeded in ("usnz.reading.columns", "usnz.reading.ledger", "usnz.reading.bounds"):  # it reads no column
        assert unneeded not in sys.modules, f"{unneeded} imported for a get"
    from usnz.reading import quick
    assert not quick._columns.keys() & {quick.reader(usnz.Agreement), quick.reader(usnz.Citation)}  # none built
    for cls in (usnz.Agreement, usnz.Record, usnz.Citation, usnz.Doubt, usnz.PartialDate, usnz.Period):
        written = [name for name in ("__repr__", "__eq__", "__hash__") if callable(vars(cls)[name])]
        assert written == [], (cls, written)  # attrs writes them when first used: a get uses none
    assert str(usnz.get("anzus").signed.earliest) == "1951-01-01" and "datetime" in sys.modules
    usnz.events(during=1965)
    assert reads == ["agreements.json", "events.json", "sources.json"], reads  # a query of one kind: its own
    usnz.get("korean-war")
    usnz.search("anzus")  # the whole dataset: the rest, each file once
    usnz.get("k-force-korea")
    assert len(reads) == len(set(reads)) == len(usnz.KINDS), reads
    assert usnz.converter.unstructure(usnz.get("anzus"))["id"] == "anzus"
    assert "cattrs" in sys.modules
    print("ok")
    """
)


def test_import_reads_nothing_and_the_first_query_loads_once() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_many_threads_load_the_dataset_once(monkeypatch) -> None:
    calls = []
    real = _load.packaged.read_packaged

    def counting(read_before=None) -> list[usnz.AnyRecord]:
        calls.append(1)
        return real(read_before)

    monkeypatch.setattr(_load, "_packaged", None)
    monkeypatch.setattr(_load.packaged, "read_packaged", counting)
    barrier = threading.Barrier(32)
    results: list[usnz.Dataset] = []

    def first_query() -> None:
        barrier.wait()
        results.append(usnz.dataset())

    threads = [threading.Thread(target=first_query) for _ in range(32)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1
    assert len(results) == 32
    assert all(r is results[0] for r in results)


def test_get_reads_only_the_file_of_its_kind() -> None:
    probe = textwrap.dedent(
        """
        import os, sys
        reads = []
        def audit(event, args):
            if event == "open" and isinstance(args[0], str) and args[0].endswith((".json", ".txt")):
                reads.append(os.path.basename(args[0]))
        sys.addaudithook(audit)
        import usnz
        anzus = usnz.get("anzus")
        assert reads == ["ids.txt", "agreements.json"], reads
        assert usnz.get("wellington-declaration").kind == "declaration"
        assert reads == ["ids.txt", "agreements.json"], reads  # the same kind: nothing more is read
        assert usnz.dataset().get("anzus") is anzus  # the whole load keeps the very record
        assert len(reads) == 1 + len(usnz.KINDS), reads  # every other kind once, agreements not again
        print("ok")
        """
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_get_of_an_unknown_id_still_suggests(monkeypatch) -> None:
    monkeypatch.setattr(_load, "_packaged", None)
    monkeypatch.setattr(_load, "_read_before", {})
    monkeypatch.setattr(_load, "_got", {})
    with pytest.raises(usnz.UnknownRecordError, match="did you mean 'anzus'"):
        _load.get("anzsu")


def test_get_before_the_whole_load(monkeypatch) -> None:
    monkeypatch.setattr(_load, "_packaged", None)
    monkeypatch.setattr(_load, "_read_before", {})
    monkeypatch.setattr(_load, "_got", {})
    first = _load.get("k-force-korea")
    assert _load.get("k-force-korea") is first  # from what was read
    assert _load._read_before.keys() == {"force_contributions"}
    with pytest.raises(usnz.ArgumentTypeError):
        _load.get(3)  # type: ignore[arg-type]


def test_the_id_index_matches_the_data() -> None:
    from usnz.reading import packaged

    lines = packaged._packaged_file("ids.txt").decode().split("\n")
    assert lines[-1] == ""
    pairs = dict(line.split() for line in lines[:-1])
    assert pairs == {r.id: next(k for k, c in usnz.KINDS.items() if c is type(r)) for r in usnz.dataset()}


def test_get_falls_back_to_the_whole_load_when_the_fast_way_cannot_help(monkeypatch) -> None:
    from usnz.reading import packaged

    for unusual in ("index says another kind", "the kind cannot be read quickly"):
        monkeypatch.setattr(_load, "_packaged", None)
        monkeypatch.setattr(_load, "_got", {})
        monkeypatch.setattr(_load, "_read_before", {})
        if unusual == "index says another kind":
            monkeypatch.setattr(packaged, "kind_of_id", lambda record_id: "people")
        else:
            monkeypatch.setattr(_load, "_read_before", {})
            monkeypatch.setattr(packaged, "read_kind", lambda stem: None)
        assert _load.get("anzus").id == "anzus"


def test_without_an_index_or_a_file_the_fast_way_steps_aside(monkeypatch) -> None:
    from usnz.reading import packaged

    def missing(name: str) -> bytes:
        raise FileNotFoundError(name)

    monkeypatch.setattr(packaged, "_index", {})
    monkeypatch.setattr(packaged, "_packaged_file", missing)
    assert packaged.kind_of_id("anzus") is None
    assert packaged.read_kind("agreements") is None


def test_a_kind_already_read_is_not_read_again(monkeypatch) -> None:
    from usnz.reading import packaged

    agreements = packaged.read_kind("agreements")
    assert agreements is not None
    monkeypatch.setattr(_load, "_packaged", None)
    monkeypatch.setattr(_load, "_read_before", {"agreements": agreements})
    monkeypatch.setattr(_load, "_got", {})  # as if another thread were between the two
    monkeypatch.setattr(packaged, "read_kind", lambda stem: pytest.fail("read again"))
    anzus = _load.get("anzus")
    assert anzus is next(r for r in agreements if r.id == "anzus")


def test_each_kind_module_builds_its_own_class() -> None:
    from usnz.model import kinds

    assert list(kinds.CLASS_NAMES) == list(usnz.KINDS)
    for stem, cls in usnz.KINDS.items():
        assert kinds.kind_class(stem) is cls
        assert getattr(usnz, cls.__name__) is cls
    with pytest.raises(KeyError):
        kinds.kind_class("treaties")


def test_the_spans_file_is_the_whole_datasets() -> None:
    from usnz.reading import packaged

    spans = packaged.spans()
    assert spans == (usnz.dataset().span, usnz.dataset()._lenient_span)


def test_spans_unreadable_means_none(monkeypatch) -> None:
    from usnz.reading import packaged

    for text in (b"", b"known 1838-01-01\n", b"known x y\npossible x y\n"):
        monkeypatch.setattr(packaged, "_packaged_file", lambda name, text=text: text)
        assert packaged.spans() is None


def _read(parse: Callable[[bytes], object], data: bytes) -> tuple[str, str]:
    """What *parse* makes of *data*: the value (as its repr: a NaN is itself), or the error's type and message."""
    try:
        return "value", repr(parse(data))
    except Exception as error:  # noqa: BLE001 - the error is the answer
        return type(error).__name__, str(error)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=12,
)
JSON_BYTES = st.sampled_from(list(b'[]{}",:0123456789.eE-+ \t\n\r\\truefalsenulNaIinfy\xef\xbb\xbf\x00\xff'))


@given(JSON_VALUES, st.sampled_from([None, 1]), st.booleans(), st.sampled_from(["", " ", "\n", "\t\r\n"]))
def test_the_packaged_files_are_read_as_json_loads_reads_them(
    value: object, indent: int | None, ascii_only: bool, space: str
) -> None:
    """By json's own C scanner (json is not imported for a get): the same values, the same errors, as ``json.loads``."""
    from usnz.reading import packaged

    text = json.dumps(value, indent=indent, ensure_ascii=ascii_only)
    for data in (
        (space + text + space).encode("utf-8", "surrogatepass"),
        ("\ufeff" + text).encode("utf-8", "surrogatepass"),
        (text + space + "0").encode("utf-8", "surrogatepass"),
        text.encode("utf-16"),
    ):
        assert _read(packaged._json, data) == _read(json.loads, data)


@given(st.lists(JSON_BYTES, max_size=12).map(bytes) | st.binary(max_size=12))
def test_any_bytes_are_read_as_json_loads_reads_them(data: bytes) -> None:
    from usnz.reading import packaged

    assert _read(packaged._json, data) == _read(json.loads, data)


@pytest.mark.parametrize("data", [b"[NaN]", b"Infinity", b'{"a": -Infinity}'])
def test_a_constant_is_left_to_json_loads(data: bytes) -> None:
    """NaN and the infinities, which the scanner hands back: ``json.loads`` reads them, every time."""
    from usnz.reading import packaged

    assert _read(packaged._json, data) == _read(json.loads, data)


def test_without_json_s_c_scanner_json_loads_reads_the_files(monkeypatch) -> None:
    from usnz.reading import packaged

    monkeypatch.setitem(sys.modules, "_json", None)  # as where there is none: an ImportError
    assert packaged._json(b'[{"id": "anzus"}]') == [{"id": "anzus"}]


KIND_PROBE = textwrap.dedent(
    """
    import os, sys, warnings

    reads = []
    def audit(event, args):
        if event == "open" and isinstance(args[0], str) and args[0].endswith(".json"):
            reads.append(os.path.basename(args[0]))
    sys.addaudithook(audit)

    import usnz
    treaties = usnz.agreements(kind="treaty")
    assert sorted(reads) == ["agreements.json", "sources.json"], reads
    built = sorted(name for name in sys.modules if name.startswith("usnz.model.kinds."))
    assert built == ["usnz.model.kinds.agreements", "usnz.model.kinds.sources"], built
    assert "usnz.model.records" not in sys.modules and "usnz.reading.load" not in sys.modules
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert len(usnz.events(during="1700")) == 0
    assert [str(w.category.__name__) for w in caught] == ["CoverageWarning"], caught
    assert "korean-war" not in [r.id for r in usnz.agreements()]
    usnz.force_contributions(conflict="korean-war")  # names a record: the whole dataset
    assert len(set(reads)) == len(usnz.KINDS), reads
    assert usnz.agreements(kind="treaty") == treaties
    assert usnz.agreements()[0] is usnz.dataset().agreements()[0]  # the whole load kept them
    print("ok")
    """
)


def test_a_query_of_one_kind_reads_that_kind_and_the_sources() -> None:
    done = subprocess.run([sys.executable, "-c", KIND_PROBE], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_a_part_steps_aside_when_unsure(monkeypatch) -> None:
    from usnz.reading import packaged

    monkeypatch.setattr(_load, "_packaged", None)
    monkeypatch.setattr(_load, "_read_before", {})
    monkeypatch.setattr(_load, "_got", {})
    monkeypatch.setattr(_load, "_parts", {})
    monkeypatch.setattr(packaged, "spans", lambda: None)
    whole = _load.part("events")
    assert len(whole) == len(usnz.dataset())
    assert _load.part("events") is whole  # once loaded, the whole answers


def test_a_part_is_built_once(monkeypatch) -> None:
    monkeypatch.setattr(_load, "_packaged", None)
    monkeypatch.setattr(_load, "_read_before", {})
    monkeypatch.setattr(_load, "_got", {})
    monkeypatch.setattr(_load, "_parts", {})
    sources = _load.part("sources")
    assert _load.part("sources") is sources
    assert {type(r) for r in sources} == {usnz.Source}
    events = _load.part("events")
    assert {type(r) for r in events} == {usnz.Source, usnz.Event}
    assert events.events() == usnz.dataset().events()


VERSION_PROBE = textwrap.dedent(
    """
    import sys

    import usnz
    before = set(sys.modules)
    assert usnz.DATA_VERSION.count(".") == 2, usnz.DATA_VERSION
    built = sorted(set(sys.modules) - before)
    assert built == ["usnz.reading", "usnz.reading.version"], built  # no record class, no reader
    for heavy in ("attrs", "cattrs", "json"):
        assert heavy not in sys.modules, f"{heavy} imported to read the data version"
    print("ok")
    """
)


def test_reading_the_data_version_builds_nothing() -> None:
    done = subprocess.run([sys.executable, "-c", VERSION_PROBE], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
