"""Exports never lose data: what they replace, what they refuse, and what an interruption leaves.

An export is written into a hidden directory beside its target and moved into place. It
replaces only a missing or empty directory or an earlier usnz export; an interruption at
any step leaves the previous export (or the new one) whole, and nothing else behind.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import usnz
import usnz.export
import usnz.export.safety
import usnz.export.swap
from usnz.cli import main

Snapshot = dict[str, bytes | None]
"""Every entry under a directory by relative path: a file's bytes, or None for a directory."""


def snapshot(folder: Path) -> Snapshot:
    found: Snapshot = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        found[relative] = None if path.is_dir() and not path.is_symlink() else path.read_bytes()
    return found


def leftovers(parent: Path) -> list[str]:
    """Hidden directories an export left beside its target (there must be none)."""
    return sorted(p.name for p in parent.iterdir() if ".usnz-" in p.name)


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    err = capsys.readouterr().err
    return code, err


@pytest.fixture
def users_folder(tmp_path: Path) -> Path:
    mine = tmp_path / "mine"
    (mine / "notes").mkdir(parents=True)
    (mine / "events.json").write_text('[{"id": "my-own-event"}]\n', encoding="utf-8")
    (mine / "notes" / "todo.txt").write_bytes(b"\x00\xffmy notes\n")
    return mine


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    """An earlier JSON export, the kind of directory an export may replace."""
    out = tmp_path / "export"
    usnz.export.write(out, format="json")
    return out


# -- what is refused -----------------------------------------------------------------------------


def test_a_users_folder_is_refused_and_left_untouched(users_folder: Path) -> None:
    before = snapshot(users_folder)
    with pytest.raises(usnz.ArgumentValueError, match="is not empty and is not a usnz export") as caught:
        usnz.export.write(users_folder, format="json")
    message = str(caught.value)
    assert repr(str(users_folder)) in message
    assert "give a new or empty directory" in message
    assert snapshot(users_folder) == before
    assert leftovers(users_folder.parent) == []


def test_a_users_folder_is_refused_by_the_cli(
    users_folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(users_folder)
    for fmt in usnz.export.FORMATS:
        code, err = cli(capsys, "export", "--format", fmt, "--out", str(users_folder))
        assert code == 2
        assert len(err.splitlines()) == 1
        assert err.startswith(f"usnz: error: --out {str(users_folder)!r} is not empty and is not a usnz export")
    monkeypatch.chdir(users_folder.parent)
    code, err = cli(capsys, "export", "--out", "mine")
    assert code == 2
    assert err.startswith(f"usnz: error: --out 'mine' (real path {str(users_folder)!r}) is not empty")
    assert snapshot(users_folder) == before
    assert leftovers(users_folder.parent) == []


def test_empty_root_file_and_odd_paths_are_refused(tmp_path: Path) -> None:
    with pytest.raises(usnz.ArgumentValueError, match=r"out='' names no directory"):
        usnz.export.write("")
    with pytest.raises(usnz.ArgumentValueError, match=r"out='\.' \(real path .*\) is not empty"):
        usnz.export.write(Path(""))  # noqa: PTH201 - Path('') is '.', the current directory (the repository)
    with pytest.raises(usnz.ArgumentValueError, match="out='/' is the root of the file system"):
        usnz.export.write("/")
    afile = tmp_path / "file.csv"
    afile.write_bytes(b"a,b\n")
    with pytest.raises(usnz.ArgumentValueError, match="is a file; give a directory"):
        usnz.export.write(afile)
    assert afile.read_bytes() == b"a,b\n"
    with pytest.raises(usnz.ArgumentValueError, match="contains a NUL character"):
        usnz.export.write(str(tmp_path / "a\0b"))
    with pytest.raises(OSError, match="Not a directory"):
        usnz.export.write(afile / "inside")
    assert afile.read_bytes() == b"a,b\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.csv"]


def test_odd_path_types_are_refused(tmp_path: Path) -> None:
    class BytesPath(os.PathLike[bytes]):
        def __fspath__(self) -> bytes:
            return os.fsencode(tmp_path / "x")

    with pytest.raises(usnz.ArgumentTypeError, match="got a path of bytes"):
        usnz.export.write(BytesPath())  # type: ignore[arg-type]

    class NumberPath(os.PathLike[str]):
        def __fspath__(self) -> str:
            return 5  # type: ignore[return-value]

    with pytest.raises(usnz.ArgumentTypeError, match=r"got NumberPath, whose __fspath__\(\) gives no path"):
        usnz.export.write(NumberPath())
    with pytest.raises(usnz.ArgumentTypeError, match="got bytes"):
        usnz.export.write(os.fsencode(tmp_path / "x"))  # type: ignore[arg-type]

    class Hostile(str):
        __slots__ = ()

        def __str__(self) -> str:
            return "/"

        def __fspath__(self) -> str:
            return self

    out = tmp_path / "plain"
    written = usnz.export.write(Hostile(out), format="jsonl")
    assert written[-1] == out / "datapackage.json"
    assert (out / "events.jsonl").is_file()


def test_the_cli_refuses_empty_root_and_file_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    afile = tmp_path / "file"
    afile.write_bytes(b"mine")
    for out, expected in (
        ("", "--out '' names no directory"),
        ("/", "--out '/' is the root of the file system"),
        (str(afile), f"--out {str(afile)!r} is a file"),
    ):
        code, err = cli(capsys, "export", "--out", out)
        assert code == 2, out
        assert len(err.splitlines()) == 1, err
        assert err.startswith(f"usnz: error: {expected}"), err
    assert afile.read_bytes() == b"mine"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(usnz.ArgumentValueError, match="is not a directory"):
        usnz.export.write(fifo)


def test_the_current_directory(
    users_folder: Path, previous: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(users_folder)
    before = snapshot(users_folder)
    with pytest.raises(usnz.ArgumentValueError, match=r"out='\.' \(real path .*\) is not empty"):
        usnz.export.write(".")
    assert snapshot(users_folder) == before
    # replacing the current directory would leave the shell in a deleted one, even when it is an export
    kept = snapshot(previous)
    for where, out in ((previous, "."), (previous / "schemas", ".."), (previous / "schemas", str(previous))):
        monkeypatch.chdir(where)
        with pytest.raises(usnz.ArgumentValueError, match="is or holds the current directory"):
            usnz.export.write(out, format="csv")
    assert snapshot(previous) == kept
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    with pytest.raises(usnz.ArgumentValueError, match="is or holds the current directory"):
        usnz.export.write(".")
    assert list(empty.iterdir()) == []
    assert leftovers(tmp_path) == []


def test_a_deleted_current_directory_is_nowhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def gone() -> str:
        raise FileNotFoundError(errno.ENOENT, "No such file or directory")

    monkeypatch.setattr(os, "getcwd", gone)
    empty = tmp_path / "empty"
    empty.mkdir()
    usnz.export.write(empty, format="jsonl")
    assert (empty / "datapackage.json").is_file()


# -- what is replaced ----------------------------------------------------------------------------


def test_a_missing_or_empty_directory_is_written(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b" / "c"
    written = usnz.export.write(nested, format="csv")
    assert written[-1] == nested / "datapackage.json"
    assert {p.name for p in nested.iterdir()} == {p.name for p in written}
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".DS_Store").write_bytes(b"finder")  # a file browser's leftovers do not make it a user's folder
    usnz.export.write(empty, format="csv")
    assert snapshot(empty) == snapshot(nested)
    assert leftovers(tmp_path) == []
    assert leftovers(tmp_path / "a" / "b") == []


def test_csv_over_json_leaves_no_json_files(previous: Path, tmp_path: Path) -> None:
    assert (previous / "events.json").is_file()
    assert (previous / "schemas").is_dir()
    written = usnz.export.write(previous, format="csv")
    assert written[-1] == previous / "datapackage.json"
    assert all(path.is_file() and path.parent == previous for path in written)
    assert {p.name for p in previous.iterdir()} == {p.name for p in written}
    assert [p.name for p in previous.rglob("*.json")] == ["datapackage.json"]
    assert not (previous / "schemas").exists()
    fresh = tmp_path / "fresh"
    usnz.export.write(fresh, format="csv")
    assert snapshot(previous) == snapshot(fresh)
    assert leftovers(tmp_path) == []


def test_each_format_replaces_each_other(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    expected = {}
    for fmt in usnz.export.FORMATS:
        clean = tmp_path / f"clean-{fmt}"
        usnz.export.write(clean, format=fmt)
        expected[fmt] = snapshot(clean)
    for fmt in ("jsonl", "csv", "json", "json", "jsonl"):
        assert main(["export", "--format", fmt, "--out", str(out)]) == 0
        written = capsys.readouterr().out.splitlines()
        assert written[-1] == str(out / "datapackage.json")
        assert snapshot(out) == expected[fmt], fmt
    assert leftovers(tmp_path) == []


def test_an_export_keeps_its_directorys_permissions(previous: Path, tmp_path: Path) -> None:
    previous.chmod(0o750)
    usnz.export.write(previous, format="csv")
    assert stat.S_IMODE(previous.stat().st_mode) == 0o750
    new = tmp_path / "new"
    usnz.export.write(new)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o777 & ~umask  # not a private temporary directory's 0o700
    assert stat.S_IMODE((new / "events.csv").stat().st_mode) == 0o666 & ~umask


def test_a_symlink_to_an_export_replaces_what_it_points_at(previous: Path, tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(previous, target_is_directory=True)
    written = usnz.export.write(link, format="csv")
    assert written[-1] == link / "datapackage.json"
    assert link.is_symlink()
    assert link.resolve() == previous.resolve()
    assert all(path.is_file() for path in written)
    assert not (previous / "events.json").exists()
    assert (previous / "events.csv").is_file()
    assert leftovers(tmp_path) == []


def test_symlinks_to_a_users_folder_a_file_or_nothing_are_refused(users_folder: Path, tmp_path: Path) -> None:
    before = snapshot(users_folder)
    to_folder = tmp_path / "to-folder"
    to_folder.symlink_to(users_folder, target_is_directory=True)
    with pytest.raises(usnz.ArgumentValueError, match=r"out='.*to-folder' \(real path '.*mine'\) is not empty"):
        usnz.export.write(to_folder)
    assert snapshot(users_folder) == before
    to_file = tmp_path / "to-file"
    to_file.symlink_to(users_folder / "events.json")
    with pytest.raises(usnz.ArgumentValueError, match="is a file"):
        usnz.export.write(to_file)
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    with pytest.raises(usnz.ArgumentValueError, match="is a symbolic link to nothing"):
        usnz.export.write(dangling)
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with pytest.raises(usnz.ArgumentValueError, match="is a symbolic link to nothing"):
        usnz.export.write(loop)
    assert not (tmp_path / "nowhere").exists()
    assert snapshot(users_folder) == before


# -- what is recognised as an earlier export -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.txt", b"my analysis"),
        ("schemas/mine.schema.json", b"{}"),
        ("extra/file.csv", b"a\n"),
        ("events.json/inner", b"a directory where the descriptor names a file"),
        ("datapackage.json/inner", b"a directory where the descriptor should be"),
    ],
)
def test_an_export_holding_a_users_file_is_refused(previous: Path, name: str, content: bytes) -> None:
    path = previous / name
    if path.parent.is_file():
        path.parent.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    before = snapshot(previous)
    with pytest.raises(usnz.ArgumentValueError) as caught:
        usnz.export.write(previous, format="csv")
    assert "left alone" in str(caught.value)
    assert snapshot(previous) == before


def test_the_refusal_names_the_users_file(previous: Path) -> None:
    (previous / "schemas" / "mine.json").write_bytes(b"{}")
    with pytest.raises(usnz.ArgumentValueError, match=r"is a usnz export but also holds 'schemas/mine\.json'"):
        usnz.export.write(previous)
    (previous / "schemas" / "mine.json").unlink()
    (previous / "schemas" / "Thumbs.db").write_bytes(b"thumbnails")  # a file browser's: replaced with the rest
    usnz.export.write(previous)
    assert not (previous / "schemas").exists()


def descriptor_with(**changes: Any) -> bytes:
    package = usnz.export.datapackage(format="json")
    package.update(changes)
    return json.dumps(package).encode("utf-8")


@pytest.mark.parametrize(
    "content",
    [
        descriptor_with(name="mine"),
        descriptor_with(**{"$schema": "https://datapackage.org/profiles/1.0/datapackage.json"}),
        descriptor_with(**{"$schema": [usnz.export.PROFILE]}),
        descriptor_with(**{"$schema": "https://example.invalid/mine.json", "profile": "data-package"}),
        descriptor_with(resources={"path": "events.json"}),
        descriptor_with(resources=[{"path": 5, "jsonSchema": None}, "events.json"]),
        b'[{"name": "usnz"}]',
        b'{"name": "usnz", "profile": "data-package", "resources": [',
        b"\xff\xfe",
        b"[" * 100_000,
        b'{"name": "usnz", "n": ' + b"9" * 5000 + b"}",
    ],
    ids=lambda content: repr(content[:30]),
)
def test_only_a_usnz_descriptor_marks_an_export(previous: Path, content: bytes) -> None:
    (previous / "datapackage.json").write_bytes(content)
    before = snapshot(previous)
    with pytest.raises(usnz.ArgumentValueError, match="left alone"):
        usnz.export.write(previous)
    assert snapshot(previous) == before


@pytest.mark.parametrize("profile", ["data-package", "tabular-data-package"])
def test_an_export_from_before_data_package_v2_is_replaced(previous: Path, profile: str) -> None:
    package = json.loads((previous / "datapackage.json").read_bytes())
    del package["$schema"]
    (previous / "datapackage.json").write_text(json.dumps({"profile": profile, **package}), encoding="utf-8")
    usnz.export.write(previous, format="csv")
    assert json.loads((previous / "datapackage.json").read_bytes())["$schema"] == usnz.export.PROFILE
    assert not list(previous.glob("*.json*"))[1:], "only the new datapackage.json is left of the JSON files"


def test_a_descriptor_that_is_not_a_plain_file_marks_nothing(previous: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    (previous / "datapackage.json").rename(real)
    (previous / "datapackage.json").symlink_to(real)
    with pytest.raises(usnz.ArgumentValueError, match="is not a usnz export"):
        usnz.export.write(previous)
    assert (previous / "datapackage.json").is_symlink()


def test_a_huge_descriptor_is_not_read(previous: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    size = (previous / "datapackage.json").stat().st_size
    monkeypatch.setattr(usnz.export.safety, "_LARGEST_DESCRIPTOR", size - 1)
    with pytest.raises(usnz.ArgumentValueError, match="is not a usnz export"):
        usnz.export.write(previous)
    monkeypatch.setattr(usnz.export.safety, "_LARGEST_DESCRIPTOR", size)
    usnz.export.write(previous)


def test_an_older_or_partial_export_is_replaced(previous: Path) -> None:
    (previous / "events.json").unlink()
    package = json.loads((previous / "datapackage.json").read_bytes())
    package["version"] = "2020.1.1"
    (previous / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    usnz.export.write(previous, format="csv")
    assert (previous / "events.csv").is_file()


# -- failures and interruptions ------------------------------------------------------------------


@pytest.fixture
def quick_package(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build each format's files once, so an export can be tried at every step quickly."""
    real = usnz.export._package
    built: dict[str, tuple[dict[str, Any], dict[str, bytes]]] = {}

    def package(fmt: usnz.export.Format, data: usnz.Dataset) -> tuple[dict[str, Any], dict[str, bytes]]:
        if fmt not in built:
            built[fmt] = real(fmt, data)
        descriptor, files = built[fmt]
        return json.loads(json.dumps(descriptor)), dict(files)

    monkeypatch.setattr(usnz.export, "_package", package)


class Fault:
    """Make the *at*-th file system step of an export fail (steps counted from 1)."""

    STEPS = ((Path, "mkdir"), (Path, "open"), (Path, "rename"), (Path, "chmod"), (os, "fsync"))

    def __init__(self, at: int, error: Callable[[], BaseException]) -> None:
        self.at = at
        self.error = error
        self.count = 0
        self.fired = False

    def wrap(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def step(*args: Any, **kwargs: Any) -> Any:
            self.count += 1
            if self.count == self.at:
                self.fired = True
                raise self.error()
            return real(*args, **kwargs)

        return step

    def install(self, patch: pytest.MonkeyPatch) -> None:
        for owner, name in self.STEPS:
            patch.setattr(owner, name, self.wrap(getattr(owner, name)))


def no_space() -> OSError:
    return OSError(errno.ENOSPC, "No space left on device")


def interrupted() -> KeyboardInterrupt:
    return KeyboardInterrupt()


@pytest.mark.usefixtures("quick_package")
@pytest.mark.parametrize("error", [no_space, interrupted], ids=["ENOSPC", "KeyboardInterrupt"])
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_an_interruption_at_any_step_leaves_one_whole_export(
    previous: Path, tmp_path: Path, fmt: usnz.export.Format, error: Callable[[], BaseException]
) -> None:
    earlier: usnz.export.Format = "jsonl" if fmt == "json" else "json"
    usnz.export.write(previous, format=earlier)
    old = snapshot(previous)
    clean = tmp_path / "clean"
    usnz.export.write(clean, format=fmt)
    new = snapshot(clean)
    assert old != new
    outcomes = set()
    at = 0
    while True:
        at += 1
        fault = Fault(at, error)
        with pytest.MonkeyPatch.context() as patch:
            fault.install(patch)
            try:
                usnz.export.write(previous, format=fmt)
            except (OSError, KeyboardInterrupt):
                raised = True
            else:
                raised = False
        assert not raised or fault.fired
        now = snapshot(previous)
        assert now in (old, new), f"step {at}: neither the old nor the new export"
        if raised and error is no_space:  # an interruption may come after the new export is in place
            assert now == old, f"step {at}: failed, yet the export was changed"
        assert leftovers(tmp_path) == [], f"step {at}"
        outcomes.add((raised, now == new))
        if not fault.fired:
            break
        usnz.export.write(previous, format=earlier)  # back to the previous export
        assert snapshot(previous) == old
    assert at > 20
    assert (True, False) in outcomes  # failed, the old export kept
    assert (False, True) in outcomes  # done


@pytest.mark.usefixtures("quick_package")
@pytest.mark.parametrize("error", [no_space, interrupted], ids=["ENOSPC", "KeyboardInterrupt"])
def test_an_interrupted_first_export_leaves_nothing(
    tmp_path: Path, error: Callable[[], BaseException], monkeypatch: pytest.MonkeyPatch
) -> None:
    clean = tmp_path / "clean"
    usnz.export.write(clean, format="json")
    new = snapshot(clean)
    shutil.rmtree(clean)
    out = tmp_path / "a" / "b" / "out"
    at = 0
    while True:
        at += 1
        fault = Fault(at, error)
        with pytest.MonkeyPatch.context() as patch:
            fault.install(patch)
            try:
                usnz.export.write(out, format="json")
            except (OSError, KeyboardInterrupt):
                raised = True
            else:
                raised = False
        done = out.exists() and snapshot(out) == new
        if raised and not (error is interrupted and done):  # an interruption may come once it is in place
            assert list(tmp_path.iterdir()) == [], f"step {at}: left behind"
        else:
            assert done, f"step {at}"
            assert leftovers(out.parent) == [], f"step {at}"
        if not fault.fired:
            break
        shutil.rmtree(tmp_path / "a", ignore_errors=True)
    assert at > 20


def test_a_failed_write_through_the_cli_is_one_line(
    previous: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    old = snapshot(previous)
    fault = Fault(5, no_space)
    fault.install(monkeypatch)
    code, err = cli(capsys, "export", "--format", "csv", "--out", str(previous))
    assert code == 2
    assert err == (
        f"usnz: error: cannot write the export to {str(previous)!r}: No space left on device; nothing there was changed\n"
    )
    monkeypatch.undo()
    assert snapshot(previous) == old
    assert leftovers(previous.parent) == []


def test_a_failed_rename_puts_the_previous_export_back(
    previous: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = snapshot(previous)
    real = Path.rename
    moved: list[str] = []

    def rename(self: Path, target: Path) -> Path:
        moved.append(f"{self.name} -> {Path(target).name}")
        if ".usnz-new-" in self.name:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError, match="cross-device"):
        usnz.export.write(previous, format="csv")
    assert len(moved) == 3
    assert moved[0].startswith("export -> .export.usnz-old-")
    assert moved[1].startswith(".export.usnz-new-")
    assert moved[1].endswith(" -> export")
    assert moved[2].startswith(".export.usnz-old-")
    assert moved[2].endswith(" -> export")
    assert snapshot(previous) == old
    assert leftovers(tmp_path) == []


def test_a_users_file_appearing_meanwhile_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    real = usnz.export._package

    def package(fmt: usnz.export.Format, data: usnz.Dataset) -> tuple[dict[str, Any], dict[str, bytes]]:
        (out / "saved-meanwhile.txt").write_bytes(b"mine")
        return real(fmt, data)

    monkeypatch.setattr(usnz.export, "_package", package)
    with pytest.raises(usnz.ArgumentValueError, match="is not a usnz export"):
        usnz.export.write(out)
    assert snapshot(out) == {"saved-meanwhile.txt": b"mine"}
    assert leftovers(tmp_path) == []


def test_directories_that_cannot_be_flushed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.fsync

    def fsync(descriptor: int, failure: int) -> None:
        if stat.S_ISDIR(os.fstat(descriptor).st_mode):
            raise OSError(failure, os.strerror(failure))
        real(descriptor)

    monkeypatch.setattr(os, "fsync", lambda fd: fsync(fd, errno.EINVAL))  # some file systems say so
    usnz.export.write(tmp_path / "a", format="jsonl")
    assert (tmp_path / "a" / "events.jsonl").is_file()
    monkeypatch.setattr(os, "fsync", lambda fd: fsync(fd, errno.EIO))
    with pytest.raises(OSError, match="Input/output error"):
        usnz.export.write(tmp_path / "b", format="jsonl")
    assert not (tmp_path / "b").exists()
    assert leftovers(tmp_path) == []


def test_a_failed_flush_after_the_move_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = usnz.export.swap._sync_directory

    def sync(path: Path) -> None:
        if path == tmp_path.resolve():
            raise OSError(errno.EIO, "Input/output error")
        real(path)

    monkeypatch.setattr(usnz.export.swap, "_sync_directory", sync)
    usnz.export.write(tmp_path / "out", format="jsonl")
    usnz.export.write(tmp_path / "out", format="csv")
    assert (tmp_path / "out" / "events.csv").is_file()
    assert leftovers(tmp_path) == []


# -- nothing shared is handed out -----------------------------------------------------------------


def test_json_schema_returns_a_new_object_each_call() -> None:
    pristine = json.dumps(usnz.export.json_schema("force-contributions"), sort_keys=True)
    schema = usnz.export.json_schema("force-contributions")
    schema["properties"]["country"]["enum"].append("XXX")
    schema["properties"]["summary"]["pattern"] = "changed"
    schema["$defs"]["Citation"]["required"].clear()
    schema["required"].append("nothing")
    assert json.dumps(usnz.export.json_schema("force-contributions"), sort_keys=True) == pristine
    other = usnz.export.json_schema("events")
    assert "XXX" not in json.dumps(other)
    assert "changed" not in json.dumps(other)


def test_datapackage_returns_a_new_object_each_call(tmp_path: Path) -> None:
    pristine = {fmt: usnz.export.datapackage(format=fmt) for fmt in usnz.export.FORMATS}
    for fmt in usnz.export.FORMATS:
        package = usnz.export.datapackage(format=fmt)
        package["licenses"][0]["name"] = "changed"
        package["sources"][-1]["title"] = "changed"
        package["resources"][0]["name"] = "changed"
        package["resources"].clear()
    assert {fmt: usnz.export.datapackage(format=fmt) for fmt in usnz.export.FORMATS} == pristine
    usnz.export.write(tmp_path / "out", format="csv")
    written = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    assert written == pristine["csv"]
    assert "changed" not in json.dumps(written)


def test_the_license_and_crosswalk_sources_are_read_only() -> None:
    with pytest.raises(TypeError):
        usnz.export.LICENSE["name"] = "changed"  # type: ignore[index]
    with pytest.raises(TypeError):
        usnz.export.CROSSWALK_SOURCES[0]["title"] = "changed"  # type: ignore[index]
    package = usnz.export.datapackage(format="json")
    assert package["licenses"] == [dict(usnz.export.LICENSE)]
    assert package["sources"][-2:] == [dict(source) for source in usnz.export.CROSSWALK_SOURCES]


def test_the_snapshot_helpers(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "f").write_bytes(b"x")
    (tmp_path / ".out.usnz-new-0123").mkdir()
    assert snapshot(tmp_path) == {".out.usnz-new-0123": None, "d": None, "d/f": b"x"}
    assert leftovers(tmp_path) == [".out.usnz-new-0123"]
