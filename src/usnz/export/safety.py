"""What an export may replace: a new or empty directory, or an earlier usnz export, unchanged.

Anything else is refused and left untouched, before any work is done (:func:`state_of`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import typing
from pathlib import Path, PurePosixPath
from typing import Final, Literal

from usnz.export.formats import BINARY_BYTES, BINARY_HASH, SCHEMA_BYTES, SCHEMA_HASH, WRITERS, json_bytes
from usnz.export.package import PROFILE
from usnz.export.schemas import json_schema
from usnz.model.errors import ArgumentTypeError, ArgumentValueError, shown
from usnz.model.records import KINDS
from usnz.reading.files import home_expanded

__all__ = ["DESCRIPTOR", "State", "out_text", "state_of"]

DESCRIPTOR: Final = "datapackage.json"
_MARKS: Final = (PROFILE, "tabular-data-package", "data-package")
"""What a usnz descriptor's ``$schema`` (or, before Data Package v2, its ``profile``) may be."""
_LARGEST_DESCRIPTOR: Final = 16 * 1024 * 1024
"""A ``datapackage.json`` larger than this (bytes) is not read, so not taken for a usnz export."""
_JUNK: Final = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})
"""Files an operating system's file browser leaves in a folder: they do not make it a user's folder."""
_WHAT_TO_DO: Final = "give a new or empty directory, or an earlier usnz export to replace"
_MOST_LISTED: Final = 1000
"""A descriptor naming more files than this is no usnz export's."""
_CHUNK: Final = 1024 * 1024

State = Literal["missing", "empty", "export"]
_Expected = dict[str, tuple[int, str] | None]
"""The files a usnz descriptor names, each with its size and ``sha256:`` hash (None when it gives none)."""


def out_text(out: object) -> str:
    """The path *out* as a plain str, ``~``/``~user`` read as a home directory (refusing what can name no directory)."""
    given = type(out).__name__
    if not isinstance(out, str | os.PathLike):
        msg = f"out= takes a directory path; got {given}"
        raise ArgumentTypeError(msg)
    try:
        text: object = os.fspath(typing.cast("os.PathLike[str]", out))
    except TypeError:  # its __fspath__ gave neither str nor bytes
        msg = f"out= takes a directory path; got {given}, whose __fspath__() gives no path"
        raise ArgumentTypeError(msg) from None
    if not isinstance(text, str):
        msg = f"out= takes a directory path as a str or pathlib.Path; got a path of {type(text).__name__}"
        raise ArgumentTypeError(msg)
    text = str.__str__(text)  # a plain str, whatever a str subclass overrides
    if not text:
        msg = f"out='' names no directory (it would be the current one); {_WHAT_TO_DO}"
        raise ArgumentValueError(msg)
    if "\0" in text:
        msg = f"out={shown(text)} contains a NUL character, which no path can; {_WHAT_TO_DO}"
        raise ArgumentValueError(msg)
    expanded = home_expanded(text)  # ~ and ~user as usnz.load reads them
    if expanded.startswith("~"):  # never a folder named ~ in the current one
        home = expanded.split("/", 1)[0]
        msg = (
            f"out={shown(text)} starts with {shown(home)}, which names no home directory here; give the "
            "path in full (or ./~... for a folder whose name starts with ~)"
        )
        raise ArgumentValueError(msg)
    return expanded


def _refuse(text: str, target: Path, why: str) -> typing.NoReturn:
    where = "" if str(target) == text else f" (real path {shown(str(target))})"
    msg = f"out={shown(text)}{where} {why}"
    raise ArgumentValueError(msg)


_HASH: Final = re.compile(r"sha256:[0-9a-f]{64}", re.ASCII)


def _size_and_hash(entries: dict[str, object], size_key: str, hash_key: str) -> tuple[int, str] | None:
    size, digest = entries.get(size_key), entries.get(hash_key)
    if type(size) is int and isinstance(digest, str) and _HASH.fullmatch(digest):
        return size, digest
    return None


def _listed(descriptor: object) -> _Expected | None:
    """The files a usnz export's descriptor names (itself included, with no hash), or None when it is no usnz export's.

    A descriptor is usnz's only when it names nothing but files an export writes
    (:func:`_written`): one that lists a user's ``chapter1.docx`` marks no export.
    """
    if not isinstance(descriptor, dict):
        return None
    fields = typing.cast("dict[str, object]", descriptor)
    resources = fields.get("resources")
    mark = fields.get("$schema", fields.get("profile"))
    if fields.get("name") != "usnz" or mark not in _MARKS or not isinstance(resources, list):
        return None
    entries_of = typing.cast("list[object]", resources)
    if len(entries_of) > _MOST_LISTED:
        return None
    expected: _Expected = {DESCRIPTOR: None}
    for resource in entries_of:
        if not isinstance(resource, dict):
            continue
        entries = typing.cast("dict[str, object]", resource)
        for key, size_key, hash_key in (("path", "bytes", "hash"), ("jsonSchema", SCHEMA_BYTES, SCHEMA_HASH)):
            name = entries.get(key)
            if not isinstance(name, str):
                continue
            if not _written(name):
                return None
            given = _size_and_hash(entries, size_key, hash_key)
            if given is None and key == "path":  # a binary file's (Parquet's) are under usnz's own names
                given = _size_and_hash(entries, BINARY_BYTES, BINARY_HASH)
            expected[name] = given
    return expected


def _written(name: str) -> bool:
    """Whether *name* is one an export writes (besides ``datapackage.json``): no other file is ever replaced."""
    extensions = "|".join(re.escape(fmt) for fmt in WRITERS)
    pattern = rf"[a-z][a-z_]{{0,39}}\.(?:{extensions})|schemas/[a-z][a-z_]{{0,39}}\.schema\.json"
    return re.fullmatch(pattern, name, re.ASCII) is not None


def _export_files(folder: Path) -> _Expected | None:
    """The files named by the usnz ``datapackage.json`` in *folder*, or None when it has none."""
    path = folder / DESCRIPTOR
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode):  # a link, a FIFO...: never written by usnz, never read
        return None
    with path.open("rb") as file:
        raw = file.read(_LARGEST_DESCRIPTOR + 1)
    if len(raw) > _LARGEST_DESCRIPTOR:
        return None
    try:
        descriptor = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    return _listed(descriptor)


def _stranger(folder: Path, listed: _Expected, prefix: str = "") -> str | None:
    """The first entry under *folder* (a relative path) that the export's descriptor does not name."""
    folders = {str(parent) for name in listed for parent in PurePosixPath(name).parents} - {"."}
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        relative = prefix + entry.name
        if entry.name in _JUNK:
            continue
        if entry.is_dir(follow_symlinks=False) and relative in folders:
            inner = _stranger(Path(entry.path), listed, f"{relative}/")
            if inner is not None:
                return inner
        elif entry.is_dir(follow_symlinks=False) or relative not in listed:
            return relative
    return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
    return f"sha256:{digest.hexdigest()}"


_SCHEMA_FILE: Final = re.compile(r"schemas/([a-z][a-z_]{0,39})\.schema\.json", re.ASCII)


def _schema_now(name: str) -> bytes | None:
    """The bytes this usnz writes at *name* when it is a kind's JSON Schema file (None for any other name)."""
    match = _SCHEMA_FILE.fullmatch(name)
    if match is None or match[1] not in KINDS:
        return None
    return json_bytes(json_schema(match[1]))


def _unhashed(name: str, path: Path) -> str | None:
    """How a file the descriptor gives no size and SHA-256 for may differ from what usnz wrote (None: it cannot).

    An export by an earlier usnz gave none for its ``schemas/`` files: such a file is known
    unchanged when it is, byte for byte, the schema this usnz writes (nothing of the user's
    is lost with it). Any other file without them cannot be known unchanged.
    """
    now = _schema_now(name)
    if now is None:
        return "has no size and SHA-256 in datapackage.json, so it cannot be known unchanged"
    if path.stat().st_size == len(now) and path.read_bytes() == now:
        return None
    return (
        "has no size and SHA-256 in datapackage.json (an export by an earlier usnz) and differs from the "
        "schema usnz writes now, so it cannot be known unchanged"
    )


def _changed(folder: Path, listed: _Expected) -> tuple[str, str] | None:
    """The first file of the export in *folder* that is not as usnz wrote it, and how it differs.

    Each file its descriptor names must have the size and SHA-256 the descriptor gives (the
    size is compared first, so a changed file of another size is not read). A named file
    that is missing is no change: nothing of the user's is lost with it. A JSON Schema file
    for which an earlier usnz gave no size and hash must be the one this usnz writes
    (:func:`_unhashed`).
    """
    for name, expected in sorted(listed.items()):
        if name == DESCRIPTOR:
            continue
        path = folder / name
        try:
            info = path.lstat()
        except FileNotFoundError:
            continue
        if not stat.S_ISREG(info.st_mode):
            return name, "is not a plain file (usnz writes only plain files)"
        if expected is None:
            how = _unhashed(name, path)
            if how is None:
                continue
            return name, how
        size, digest = expected
        if info.st_size != size or _sha256(path) != digest:
            return name, "was changed since usnz wrote it (its size or SHA-256 differs from datapackage.json's)"
    return None


def _read_only(folder: Path) -> str | None:
    """The first entry of *folder* (``.`` for itself) its owner may not write: what was made read-only."""
    if not os.stat(folder).st_mode & stat.S_IWUSR:  # noqa: PTH116 - the mode of what is there
        return "."
    for root, folders, names in os.walk(folder):
        for name in sorted([*folders, *names]):
            path = Path(root, name)
            info = path.lstat()
            if not stat.S_ISLNK(info.st_mode) and not info.st_mode & stat.S_IWUSR:
                return path.relative_to(folder).as_posix()
    return None


def _holds_cwd(target: Path) -> bool:
    try:
        cwd = Path(os.path.realpath(os.getcwd()))  # noqa: PTH109 - the real path, links resolved
    except OSError:  # the current directory was deleted: it is nowhere
        return False
    return cwd == target or target in cwd.parents


def _check_export(text: str, target: Path, *, force: bool) -> None:
    """Refuse to replace the folder *target* unless it holds an earlier usnz export, unchanged."""
    listed = _export_files(target)
    if listed is None:
        _refuse(
            text,
            target,
            "is not empty and is not a usnz export (it has no usnz datapackage.json, or one that names files "
            f"usnz never writes), so it is left alone; {_WHAT_TO_DO}",
        )
    stranger = _stranger(target, listed)
    if stranger is not None and not force:
        _refuse(
            text,
            target,
            f"is a usnz export but also holds {shown(stranger)}, which usnz did not write, so it is left "
            "alone; move that out first, give another directory, or replace it anyway with force=True (--force)",
        )
    changed = _changed(target, listed)
    if changed is not None and not force:
        name, how = changed
        _refuse(
            text,
            target,
            f"is a usnz export but its {shown(name)} {how}, so it is left alone; move your changes out "
            "first, give another directory, or replace it anyway with force=True (--force)",
        )


def state_of(text: str, target: Path, *, force: bool = False) -> State:
    """What is at *target* (the real path of *text*), refusing anything an export must not replace."""
    given = Path(text)
    if given.is_symlink() and not given.exists():
        _refuse(text, target, f"is a symbolic link to nothing (or a loop); {_WHAT_TO_DO}")
    if target.parent == target:
        _refuse(text, target, f"is the root of the file system; {_WHAT_TO_DO}")
    try:
        info = target.stat()
    except FileNotFoundError:
        return "missing"
    if not stat.S_ISDIR(info.st_mode):
        what = "a file" if stat.S_ISREG(info.st_mode) else "not a directory"
        _refuse(text, target, f"is {what}; give a directory to write the export into")
    if os.path.ismount(target):
        _refuse(
            text,
            target,
            "is a mount point, which cannot be replaced (an export is written beside its directory and "
            f"moved into place); give a directory inside it instead, e.g. {str(target / 'usnz-export')!r}",
        )
    state: State = "empty"
    if {entry.name for entry in target.iterdir()} - _JUNK:
        _check_export(text, target, force=force)
        state = "export"
    locked = _read_only(target)
    if locked is not None:
        what = "it was made read-only" if locked == "." else f"its {shown(locked)} was made read-only"
        _refuse(
            text,
            target,
            f"is left alone: {what}; make it writable again (chmod -R u+w) to replace it, or give another directory",
        )
    if _holds_cwd(target):  # replacing it would leave the shell in a deleted directory
        _refuse(
            text,
            target,
            "is or holds the current directory, which an export cannot replace; "
            "give another directory or run usnz from elsewhere",
        )
    return state
