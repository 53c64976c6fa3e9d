"""The paths ``load()`` is given, checked, and the data files they name, read safely and within bounds."""

from __future__ import annotations

import os
import stat
import typing
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from usnz.model.errors import ArgumentTypeError, ArgumentValueError, Problem, shown
from usnz.model.records import KINDS
from usnz.reading.jsontext import JsonError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["MAX_FILE_BYTES", "checked_paths", "home_expanded", "read_paths", "too_large", "unknown_file"]

MAX_FILE_BYTES: Final = 16 * 1024 * 1024
"""Largest data file usnz reads (16 MiB); a bigger file is reported as a problem."""


def home_expanded(text: str) -> str:
    """*text* with a leading ``~`` or ``~user`` read as that home directory, as a shell reads it.

    The rest of the text is as given, not normalised; a ``~user`` that names no user here is
    left as it is (so a path starting with ``~`` after this names no home directory).
    ``usnz.load`` and ``usnz.export.write`` read paths alike with it.
    """
    return os.path.expanduser(text) if text.startswith("~") else text  # noqa: PTH111


def checked_paths(paths: object) -> list[str]:
    """The paths ``load()`` was given, checked, as plain strings.

    Raises:
        ArgumentTypeError: for paths that are not ``str`` or ``os.PathLike`` (bytes included).
        ArgumentValueError: for an empty path, one with a NUL byte, or no path at all.
    """
    given: Iterable[object]
    if isinstance(paths, str | bytes | bytearray | os.PathLike):
        given = [typing.cast("object", paths)]  # bytes: refused below, with a message that says so
    elif isinstance(paths, Iterable):
        given = typing.cast("Iterable[object]", paths)
    else:
        msg = f"load() takes a path, or a list of paths, to JSON data files; got {type(paths).__name__} {shown(paths)}"
        raise ArgumentTypeError(msg)
    checked: list[str] = []
    for item in given:
        original = shown(item)  # before isinstance narrows its type
        kind = type(item).__name__
        text: object = os.fspath(typing.cast("os.PathLike[str]", item)) if isinstance(item, os.PathLike) else item
        if isinstance(text, bytes | bytearray):
            msg = f"load() takes paths as str or os.PathLike, not bytes; got {original}; decode with os.fsdecode()"
            raise ArgumentTypeError(msg)
        if not isinstance(text, str):
            msg = f"load() takes paths as str or os.PathLike; got {kind} {original}"
            raise ArgumentTypeError(msg)
        text = str.__str__(text)  # a plain copy: a str subclass's own methods are never called
        if not text.strip():
            msg = "load() was given an empty path; give a directory of <kind>.json files or the files"
            raise ArgumentValueError(msg)
        if "\x00" in text:
            msg = f"load() was given a path with a NUL byte (\\x00), which no file name can hold: {shown(text)}"
            raise ArgumentValueError(msg)
        checked.append(home_expanded(text))
    paths = checked
    if not paths:
        msg = "load() was given no paths; give a directory of <kind>.json files or the files"
        raise ArgumentValueError(msg)
    return paths


def read_paths(paths: list[str]) -> tuple[list[tuple[str, str, bytes]], list[Problem]]:
    """The (name, kind, bytes) of every data file *paths* name, and a problem for each that cannot be read."""
    from pathlib import Path  # noqa: PLC0415 - not needed to read the packaged data

    files: list[tuple[str, str, bytes]] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}  # each file read, by its real path, as first named
    given = {os.path.realpath(raw) for raw in paths}  # a folder within a folder given is read as given
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
        except OSError:  # e.g. a name too long: reading it says why
            is_dir = False
        if is_dir:
            # A JSON export's datapackage.json describes the files; it holds no records.
            found = sorted(p for p in (*path.glob("*.json"), *path.glob("*.jsonl")) if p.name != "datapackage.json")
            if not found:
                message = "no .json or .jsonl data files in this directory"
                problems.append(Problem(file=str(path), record=None, path="", message=message))
            problems.extend(_folders_within(path, given, {os.path.realpath(each) for each in found}))
            targets = found
        else:
            targets = [path]
        for target in targets:
            refused = _refused(target, path if is_dir else None)
            if refused is not None:  # said from its name and place: not a byte of it is read
                problems.append(Problem(file=str(target), record=None, path="", message=refused))
                continue
            real = os.path.realpath(target)
            if real in seen:  # its records would all be "used twice": the call is what is wrong
                first = str(seen[real])
                also = "" if first == str(target) else f" (also as {first!r})"
                twice = f"is given twice{also}; give each file once"
                problems.append(Problem(file=str(target), record=None, path="", message=twice))
                continue
            seen[real] = target
            try:
                data = _read_file(target)
            except OSError as error:
                unexpanded = "; ~ names no home directory here" if raw.startswith("~") else ""
                problems.append(
                    Problem(
                        file=str(target), record=None, path="", message=f"cannot read: {error.strerror}{unexpanded}"
                    )
                )
                continue
            except JsonError as error:
                problems.append(Problem(file=str(target), record=None, path="", message=str(error)))
                continue
            files.append((str(target), target.stem, data))
    return files, problems


def unknown_file() -> str:
    """What a file not named after a kind is told."""
    return f"unknown data file; expected one of {', '.join(f'{k}.json' for k in KINDS)} (or <kind>.jsonl)"


def too_large() -> str:
    """What a file over :data:`MAX_FILE_BYTES` is told."""
    return f"file is larger than the {MAX_FILE_BYTES:,}-byte limit (usnz.reading.load.MAX_FILE_BYTES)"


def _refused(target: Path, folder: Path | None) -> str | None:
    """Why the file *target* (found in *folder*, or named itself) is not read, or ``None`` to read it.

    Its name must be a kind's; a file found in a folder must be in it, not a link out of it.
    """
    if folder is None and not os.path.lexists(target):  # a file named itself: reading it says why not
        return None
    if target.stem not in KINDS:
        return unknown_file()
    if folder is not None and target.is_symlink():
        inside = os.path.join(os.path.realpath(folder), "")  # noqa: PTH118 - plain path text, ending in a separator
        if not os.path.realpath(target).startswith(inside):
            return "is a symbolic link to a file outside this folder, so it is not read; copy the file in instead"
    return None


_NAMED: Final = 3
"""How many of a folder's data files a problem names."""


_DATA_NAMES: Final = frozenset(f"{kind}.{ending}" for kind in KINDS for ending in ("json", "jsonl"))
"""The names of the data files a folder's files are read by: ``<kind>.json``, ``<kind>.jsonl``."""


def _data_names(folder: str, read: set[str]) -> list[str]:
    """The names of up to ``_NAMED + 1`` data files named after a kind (``events.json``) directly in *folder*.

    A file read all the same (*read*, real paths: a link in the folder given points to it) is not named.
    """
    names: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name in _DATA_NAMES and os.path.realpath(entry.path) not in read:
                    names.append(entry.name)
                    if len(names) > _NAMED:
                        break
    except OSError:  # unreadable: it holds nothing load could read either
        return []
    return sorted(names)


def _folders_within(folder: Path, given: set[str], read: set[str]) -> list[Problem]:
    """A problem for each folder within *folder* that holds data files (``events.json``): load reads none of them.

    Hidden folders (``.git``, ``.ipynb_checkpoints``) are not the user's data and are passed
    over, as are folders given as paths of their own or whose files are (*given*, real paths),
    and folders holding no file named after a kind (``texts/``, an export's ``schemas/``) but
    those read all the same (*read*: links in *folder* point to them).
    """
    problems: list[Problem] = []
    try:
        with os.scandir(folder) as scanned:
            entries = sorted((entry.name, entry) for entry in scanned if not entry.name.startswith("."))
    except OSError:  # the folder's files could not be listed either: nothing more to say
        return []
    for _, entry in entries:
        if not entry.is_dir():  # (a DirEntry's answer, from the listing: a link that leads nowhere is none)
            continue
        real = os.path.realpath(entry.path)
        inside = os.path.join(real, "")  # noqa: PTH118 - plain path text, ending in a separator
        if any(path == real or path.startswith(inside) for path in given):  # given, or its files are
            continue
        names = _data_names(entry.path, given | read)
        if names:
            listed = ", ".join(names[:_NAMED]) + (", ..." if len(names) > _NAMED else "")
            message = (
                f"is a folder: its data files ({listed}) are not read, as load reads only the files directly in "
                "a folder it is given; give it as a path of its own"
            )
            problems.append(Problem(file=entry.path, record=None, path="", message=message))
    return problems


def _read_file(path: Path) -> bytes:
    """A data file's bytes: a regular file only (not a pipe or a device), read up to the size limit.

    Raises:
        OSError: when it cannot be read.
        JsonError: when it is not a regular file, or is larger than :data:`MAX_FILE_BYTES`.
    """
    # Non-blocking, so that opening a pipe does not wait for a writer; nothing is read before the check.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            msg = "not a regular file (a pipe, a device or the like); give a data file"
            raise JsonError(msg)
        if info.st_size > MAX_FILE_BYTES:  # said before a byte is read
            raise JsonError(too_large())
        data = handle.read(info.st_size + 1)  # (a buffer of the file's size, not of the limit's)
        if len(data) > info.st_size:  # it grew meanwhile: read on to the limit, which says it is too large
            data += handle.read(MAX_FILE_BYTES + 1 - len(data))
        return data
