"""The benchmarks' synthetic data is valid usnz data of the size asked for (no timing here)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import usnz
from usnz.model.facts import keys_of

MAKE_DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "make_data.py"


@pytest.fixture(scope="module")
def make_data():
    if not MAKE_DATA.is_file():
        pytest.skip("not running from a source checkout")
    spec = importlib.util.spec_from_file_location("make_data", MAKE_DATA)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_three_copies_load_and_keep_their_references_within_their_copy(make_data, tmp_path: Path) -> None:
    count = make_data.make_dataset(3, tmp_path)
    data = usnz.load(tmp_path)
    assert count == len(data) == 3 * len(usnz.dataset())
    copy = data.get("k-force-korea-copy-2")
    assert copy.conflict == "korean-war-copy-2"
    assert {c.source for c in copy.citations} <= {s.id for s in data.sources()}
    assert all(c.source.endswith("-copy-2") for c in copy.citations)
    assert data.get("anzus") == usnz.get("anzus")


def test_one_copy_is_the_packaged_data(make_data, tmp_path: Path) -> None:
    make_data.make_dataset(1, tmp_path)
    assert [r.id for r in usnz.load(tmp_path)] == [r.id for r in usnz.dataset()]
    with pytest.raises(ValueError, match="scale must be 1 or more"):
        make_data.make_dataset(0, tmp_path)


def test_large_kinds_are_split_into_parts_under_the_file_limit(make_data, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(make_data, "PART_BYTES", 50_000)
    count = make_data.make_dataset(2, tmp_path)
    parts = sorted(tmp_path.glob("part-*"))
    assert parts
    assert all(path.stat().st_size <= 60_000 for path in tmp_path.rglob("*.json"))
    data = usnz.load(make_data.data_paths(tmp_path))
    assert count == len(data) == 2 * len(usnz.dataset())


def test_every_reference_field_of_the_model_is_renamed(make_data) -> None:
    """The fields are read from the model's declarations: every field a packaged record refers through."""
    named = {path.rsplit(".", 1)[-1] for record in usnz.dataset() for path, _, _ in keys_of(record).refs}
    assert {"record", "concerns", "agreements", "source", "organization"} <= named
    assert named | {"id"} <= make_data.REFERENCE_FIELDS
    assert make_data.reference_fields() == make_data.REFERENCE_FIELDS


def test_every_reference_of_a_copy_stays_in_its_copy(make_data, tmp_path: Path) -> None:
    """An attestation's record, a doubt's concerns, an event's agreements...: all renamed with the copy."""
    make_data.make_dataset(3, tmp_path)
    data = usnz.load(tmp_path)
    checked = set()
    for record in data:
        copy = record.id.rpartition("-copy-")[2] if "-copy-" in record.id else None
        for path, ref, _ in keys_of(record).refs:
            if copy is None:
                assert "-copy-" not in ref, (record.id, path, ref)
            else:
                assert ref.endswith(f"-copy-{copy}"), (record.id, path, ref)
            checked.add(path)
    assert {"roles.attested.record", "doubts.concerns", "agreements", "citations.source"} <= checked
    attested = data.get("condoleezza-rice-copy-1").roles
    assert any(a.record.endswith("-copy-1") for role in attested for a in role.attested)


def test_every_reference_field_is_renamed(make_data) -> None:
    """Each field declared to hold ids is renamed in a copy (a copy's attestation names its copy's record)."""
    from usnz.model.facts import facts

    declared = {
        name
        for cls in [*usnz.KINDS.values(), usnz.Role, usnz.Attestation, usnz.Citation, usnz.Doubt]
        for name, fact in facts(cls)
        if fact.refers
    }
    assert declared <= make_data.REFERENCE_FIELDS, declared - make_data.REFERENCE_FIELDS
