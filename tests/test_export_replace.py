"""An export replaces only what usnz wrote, unchanged: every file is checked against its descriptor.

A user's edits to an earlier export, a file they added, a descriptor that merely claims to
be usnz's, a read-only export or a mount point: each is refused in one line, naming what was
found, and left exactly as it was; ``--force`` replaces a changed export anyway. No hidden
copy is ever left behind.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest

import usnz
import usnz.export
import usnz.export.swap
import usnz.export.tables
from usnz.cli import main

Snapshot = dict[str, bytes | None]


def snapshot(folder: Path) -> Snapshot:
    return {
        path.relative_to(folder).as_posix(): None if path.is_dir() else path.read_bytes()
        for path in sorted(folder.rglob("*"))
    }


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if ".usnz-" in p.name)


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One pristine export of each text format, copied by the tests that change one."""
    made = {}
    for fmt in ("csv", "json", "jsonl"):
        out = tmp_path_factory.mktemp("pristine") / fmt
        usnz.export.write(out, format=fmt)
        made[fmt] = out
    return made


def copy_of(exports: dict[str, Path], fmt: str, where: Path) -> Path:
    out = where / f"export-{fmt}"
    shutil.copytree(exports[fmt], out)
    return out


# -- a changed file ---------------------------------------------------------------------------


def test_an_edited_csv_is_refused_and_kept(
    exports: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = copy_of(exports, "csv", tmp_path)
    edited = (out / "events.csv").read_bytes().replace(b"visit", b"VISIT", 1)
    (out / "events.csv").write_bytes(edited)
    before = snapshot(out)
    code, stdout, err = cli(capsys, "export", "--out", str(out))
    assert code == 2
    assert stdout == ""
    assert len(err.splitlines()) == 1, err
    assert "'events.csv' was changed since usnz wrote it" in err
    assert "--force" in err
    assert "force=True" not in err
    assert snapshot(out) == before
    assert leftovers(tmp_path) == []
    with pytest.raises(usnz.ArgumentValueError, match=r"'events\.csv' was changed.*force=True"):
        usnz.export.write(out)
    assert snapshot(out) == before


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
@pytest.mark.parametrize("change", ["same-size", "appended", "truncated", "emptied"])
def test_any_change_to_any_file_is_found(exports: dict[str, Path], tmp_path: Path, fmt: str, change: str) -> None:
    """Every file the descriptor names (data, citations, countries, schemas), changed in any way."""
    out = copy_of(exports, fmt, tmp_path)
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    names.remove("datapackage.json")
    assert len(names) >= 10
    for name in names:
        path = out / name
        original = path.read_bytes()
        changed = {
            "same-size": original[:-2] + bytes([original[-2] ^ 1]) + original[-1:],
            "appended": original + b"\n",
            "truncated": original[:-1],
            "emptied": b"",
        }[change]
        path.write_bytes(changed)
        with pytest.raises(usnz.ArgumentValueError, match=f"its {name!r} was changed") as caught:
            usnz.export.write(out, format="csv")
        assert "\n" not in str(caught.value)
        assert path.read_bytes() == changed
        path.write_bytes(original)
    usnz.export.write(out, format=fmt)  # unchanged again: replaced
    assert snapshot(out) == snapshot(exports[fmt])
    assert leftovers(tmp_path) == []


def test_force_replaces_a_changed_export(
    exports: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = copy_of(exports, "csv", tmp_path)
    (out / "events.csv").write_bytes(b"id\nmine\n")
    (out / "my-notes.txt").write_bytes(b"notes")
    code, _, err = cli(capsys, "export", "--out", str(out))
    assert code == 2
    assert "'my-notes.txt', which usnz did not write" in err
    code, _, err = cli(capsys, "export", "--out", str(out), "--force")
    assert (code, err) == (0, "")
    assert snapshot(out) == snapshot(exports["csv"])
    (out / "people.csv").write_bytes(b"x")
    usnz.export.write(out, force=True)
    assert snapshot(out) == snapshot(exports["csv"])
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("force", [1, "yes", None])
def test_force_takes_a_bool(tmp_path: Path, force: object) -> None:
    with pytest.raises(usnz.ArgumentTypeError, match="force= takes True or False"):
        usnz.export.write(tmp_path / "out", force=force)  # type: ignore[arg-type]
    assert not (tmp_path / "out").exists()


def test_a_link_or_folder_in_place_of_a_file_is_a_change(exports: dict[str, Path], tmp_path: Path) -> None:
    out = copy_of(exports, "csv", tmp_path)
    elsewhere = tmp_path / "events.csv"
    (out / "events.csv").rename(elsewhere)
    (out / "events.csv").symlink_to(elsewhere)
    with pytest.raises(usnz.ArgumentValueError, match=r"'events\.csv' is not a plain file"):
        usnz.export.write(out)
    assert (out / "events.csv").is_symlink()
    assert elsewhere.is_file()


def as_written_by_an_earlier_usnz(out: Path) -> None:
    """Make the export in *out* look as an earlier usnz wrote it: no size and hash for its schemas."""
    package = json.loads((out / "datapackage.json").read_bytes())
    for resource in package["resources"]:
        del resource["usnz:jsonSchemaHash"], resource["usnz:jsonSchemaBytes"]
    (out / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_an_earlier_usnzs_export_with_the_schemas_of_now_is_replaced(
    exports: dict[str, Path], tmp_path: Path, fmt: str
) -> None:
    """Its schema files have no hash, but are byte for byte those usnz writes: nothing of the user's is lost."""
    out = copy_of(exports, fmt, tmp_path)
    as_written_by_an_earlier_usnz(out)
    (out / "events.json" if fmt == "json" else out / "events.jsonl").unlink()  # an earlier export's other kinds
    usnz.export.write(out, format=fmt)
    assert snapshot(out) == snapshot(exports[fmt])
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("change", ["same-size", "appended", "emptied"])
def test_an_earlier_usnzs_schema_that_differs_is_refused(exports: dict[str, Path], tmp_path: Path, change: str) -> None:
    out = copy_of(exports, "json", tmp_path)
    as_written_by_an_earlier_usnz(out)
    schema = out / "schemas" / "people.schema.json"
    original = schema.read_bytes()
    changed = {
        "same-size": original.replace(b'"id"', b'"ID"', 1),
        "appended": original + b" ",
        "emptied": b"",
    }[change]
    assert changed != original
    schema.write_bytes(changed)
    before = snapshot(out)
    with pytest.raises(usnz.ArgumentValueError) as caught:
        usnz.export.write(out)
    message = str(caught.value)
    assert "its 'schemas/people.schema.json' has no size and SHA-256 in datapackage.json" in message
    assert "differs from the schema usnz writes now" in message
    assert snapshot(out) == before
    usnz.export.write(out, format="json", force=True)
    assert snapshot(out) == snapshot(exports["json"])


def test_a_data_file_without_a_hash_cannot_be_known_unchanged(exports: dict[str, Path], tmp_path: Path) -> None:
    """Only a kind's schema is compared with what usnz writes now: a data file needs its size and hash."""
    out = copy_of(exports, "json", tmp_path)
    as_written_by_an_earlier_usnz(out)
    package = json.loads((out / "datapackage.json").read_bytes())
    del package["resources"][0]["hash"]
    (out / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    before = snapshot(out)
    name = package["resources"][0]["path"]
    with pytest.raises(
        usnz.ArgumentValueError, match=rf"its '{name}' has no size and SHA-256 in datapackage\.json, so"
    ):
        usnz.export.write(out)
    assert snapshot(out) == before
    usnz.export.write(out, force=True)
    assert snapshot(out) != before


def test_a_schema_file_of_no_kind_without_a_hash_cannot_be_known_unchanged(
    exports: dict[str, Path], tmp_path: Path
) -> None:
    out = copy_of(exports, "json", tmp_path)
    as_written_by_an_earlier_usnz(out)
    package = json.loads((out / "datapackage.json").read_bytes())
    assert package["resources"][0]["jsonSchema"] == "schemas/sources.schema.json"
    package["resources"][0]["jsonSchema"] = "schemas/treaties.schema.json"
    (out / "schemas" / "sources.schema.json").unlink()
    (out / "schemas" / "treaties.schema.json").write_bytes(b"{}\n")
    (out / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    with pytest.raises(usnz.ArgumentValueError, match=r"'schemas/treaties\.schema\.json' has no size and SHA-256"):
        usnz.export.write(out)
    assert (out / "schemas" / "treaties.schema.json").read_bytes() == b"{}\n"


def test_a_parquet_export_is_replaced_unless_changed(tmp_path: Path) -> None:
    """Parquet files have their size and hash under usnz's own names (frictionless cannot hash them)."""
    pytest.importorskip("pyarrow")
    out = tmp_path / "pq"
    usnz.export.write(out, format="parquet")
    package = json.loads((out / "datapackage.json").read_bytes())
    for resource in package["resources"]:
        data = (out / resource["path"]).read_bytes()
        assert "hash" not in resource
        assert resource["usnz:bytes"] == len(data)
        assert resource["usnz:hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    before = snapshot(out)
    usnz.export.write(out, format="parquet")
    assert snapshot(out) == before
    (out / "events.parquet").write_bytes((out / "events.parquet").read_bytes() + b"\0")
    with pytest.raises(usnz.ArgumentValueError, match=r"its 'events\.parquet' was changed"):
        usnz.export.write(out, format="parquet")
    usnz.export.write(out, format="parquet", force=True)
    assert snapshot(out) == before


def test_the_descriptor_gives_every_schemas_hash(exports: dict[str, Path]) -> None:
    package = json.loads((exports["json"] / "datapackage.json").read_bytes())
    for resource in package["resources"]:
        schema = (exports["json"] / resource["jsonSchema"]).read_bytes()
        assert resource["usnz:jsonSchemaBytes"] == len(schema)
        assert resource["usnz:jsonSchemaHash"] == "sha256:" + hashlib.sha256(schema).hexdigest()


# -- a descriptor that merely claims to be usnz's ------------------------------------------------------


def descriptor_naming(files: dict[str, bytes], extra: list[dict[str, Any]] = ()) -> bytes:  # type: ignore[assignment]
    package = usnz.export.datapackage(format="csv")
    package["resources"] = [
        {"name": "x", "path": name, "bytes": len(content), "hash": "sha256:" + hashlib.sha256(content).hexdigest()}
        for name, content in files.items()
    ] + list(extra)
    return json.dumps(package).encode()


@pytest.mark.parametrize(
    "name",
    [
        "chapter1.docx",
        "thesis.json.bak",
        "Events.csv",
        "notes/chapter1.csv",
        "schemas/chapter1.json",
        "schemas/../chapter1.csv",
        "../chapter1.csv",
        "/srv/chapter1.csv",
        ".hidden.csv",
        "a" * 200 + ".csv",
    ],
)
@pytest.mark.parametrize("force", [False, True])
def test_a_descriptor_listing_a_users_files_deletes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, force: bool
) -> None:
    """The user's file, with its true size and hash in a descriptor that claims usnz: never replaced."""
    folder = tmp_path / "mine"
    folder.mkdir()
    content = b"PK\x03\x04 my chapter"
    if not name.startswith(("/", "..")) and "/../" not in name:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    (folder / "datapackage.json").write_bytes(descriptor_naming({name: content}))
    before = snapshot(folder)
    with pytest.raises(usnz.ArgumentValueError, match="names files usnz never writes"):
        usnz.export.write(folder, force=force)
    assert snapshot(folder) == before
    argv = ["export", "--out", str(folder), *(["--force"] if force else [])]
    code, _, err = cli(capsys, *argv)
    assert code == 2
    assert len(err.splitlines()) == 1
    assert snapshot(folder) == before
    assert leftovers(tmp_path) == []


def test_a_descriptor_listing_too_many_files_marks_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "events.csv").write_bytes(b"x")
    files = {f"file_{'a' * (i % 30)}.csv": b"" for i in range(30)}
    extra = [{"path": "events.csv"}] * 1001
    (folder / "datapackage.json").write_bytes(descriptor_naming(files, extra))
    with pytest.raises(usnz.ArgumentValueError, match="is not a usnz export"):
        usnz.export.write(folder, force=True)
    assert (folder / "events.csv").read_bytes() == b"x"


# -- read-only exports, mount points, leftovers ----------------------------------------------------


@pytest.mark.parametrize("what", [".", "events.json", "schemas", "schemas/events.schema.json"])
def test_a_read_only_export_is_refused(
    exports: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], what: str
) -> None:
    out = copy_of(exports, "json", tmp_path)
    target = out / what if what != "." else out
    mode = stat.S_IMODE(target.stat().st_mode)
    target.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        before = snapshot(out)
        for force in (False, True):
            with pytest.raises(usnz.ArgumentValueError, match="read-only") as caught:
                usnz.export.write(out, format="csv", force=force)
            assert "chmod -R u+w" in str(caught.value)
        code, _, err = cli(capsys, "export", "--out", str(out), "--force")
        assert code == 2
        assert "read-only" in err
        assert len(err.splitlines()) == 1
        assert snapshot(out) == before
        assert leftovers(tmp_path) == []
    finally:
        target.chmod(mode)
    usnz.export.write(out, format="csv")


def test_a_mount_point_is_refused_with_what_to_do(
    exports: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = copy_of(exports, "csv", tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    real = os.path.ismount
    mounts = {out.resolve(), empty.resolve()}
    monkeypatch.setattr(os.path, "ismount", lambda path: Path(path) in mounts or real(path))
    for folder in (out, empty):
        before = snapshot(folder)
        code, _, err = cli(capsys, "export", "--out", str(folder), "--force")
        assert code == 2
        assert "is a mount point" in err
        assert "give a directory inside it instead" in err
        assert str(folder / "usnz-export") in err
        assert snapshot(folder) == before
    usnz.export.write(empty / "inside")
    assert (empty / "inside" / "datapackage.json").is_file()


def test_a_busy_directory_says_what_it_may_be(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = Path.rename

    def rename(self: Path, target: Path) -> Path:
        if ".usnz-new-" in self.name:
            raise OSError(errno.EBUSY, "Device or resource busy")
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    code, _, err = cli(capsys, "export", "--out", str(tmp_path / "out"))
    assert code == 2
    assert "Device or resource busy (is it a mount point, or in use?" in err
    assert leftovers(tmp_path) == []


def test_re_exports_leave_no_hidden_copy(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for fmt in ("csv", "json", "csv", "jsonl", "json"):
        usnz.export.write(out, format=fmt)
        assert leftovers(tmp_path) == []


def test_a_hidden_copy_is_removed_whatever_its_permissions(tmp_path: Path) -> None:
    folder = tmp_path / ".out.usnz-old-0"
    (folder / "schemas" / "inner").mkdir(parents=True)
    (folder / "schemas" / "a.json").write_bytes(b"{}")
    (folder / "schemas" / "inner").chmod(stat.S_IRUSR | stat.S_IXUSR)
    (folder / "schemas").chmod(stat.S_IRUSR | stat.S_IXUSR)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    usnz.export.swap._remove(folder)
    assert leftovers(tmp_path) == []


def test_a_removal_interrupted_still_removes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / ".out.usnz-old-1"
    (folder / "a").mkdir(parents=True)
    real = shutil.rmtree
    calls: list[int] = []

    def rmtree(path: Path, *args: Any, **kwargs: Any) -> None:
        calls.append(1)
        if len(calls) <= 2:
            raise KeyboardInterrupt
        real(path, *args, **kwargs)

    monkeypatch.setattr(shutil, "rmtree", rmtree)
    with pytest.raises(KeyboardInterrupt):
        usnz.export.swap._remove(folder)
    assert leftovers(tmp_path) == []
    assert len(calls) == 3


def test_an_interruption_while_the_old_export_goes_leaves_nothing(
    exports: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = copy_of(exports, "json", tmp_path)
    real = shutil.rmtree
    calls: list[int] = []

    def rmtree(path: Path, *args: Any, **kwargs: Any) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise KeyboardInterrupt
        real(path, *args, **kwargs)

    monkeypatch.setattr(shutil, "rmtree", rmtree)
    with pytest.raises(KeyboardInterrupt):
        usnz.export.write(out, format="csv")
    monkeypatch.undo()
    assert (out / "events.csv").is_file()
    assert leftovers(tmp_path) == []


def test_an_insistent_interruption_is_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def rmtree(path: Path, *args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(shutil, "rmtree", rmtree)
    with pytest.raises(KeyboardInterrupt):
        usnz.export.swap._remove(tmp_path / ".gone.usnz-old-2")


def test_csv_fields_with_line_breaks_read_back_exactly() -> None:
    pandas = pytest.importorskip("pandas")
    import io

    texts = ["a\rb", "a\nb", "a\r\nb", "\r", 'say "hi", then\r go', "plain", "", " lead", "x,y"]
    content = usnz.export.tables.csv_bytes(["n", "text"], [[i, text] for i, text in enumerate(texts)])
    assert content.count(b"\n") - sum(text.count("\n") for text in texts) == len(texts) + 1
    frame = pandas.read_csv(io.BytesIO(content), keep_default_na=False, dtype=str)
    assert list(frame["text"]) == texts
    import csv

    assert list(csv.reader(io.StringIO(content.decode(), newline="")))[1:] == [[str(i), t] for i, t in enumerate(texts)]
