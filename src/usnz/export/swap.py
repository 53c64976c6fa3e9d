"""Writing an export without losing data: into a new directory beside the target, flushed, then swapped in."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
from pathlib import Path

from usnz.export.safety import state_of

__all__ = ["install"]


def _sync_directory(path: Path) -> None:
    """Flush a directory's entries (new names, renames) to disk."""
    if os.name == "nt":  # pragma: no cover - Windows cannot open a directory; it syncs renames itself
        return
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    except OSError as error:
        if error.errno not in {errno.EINVAL, errno.ENOTSUP}:  # some file systems cannot sync a directory
            raise
    finally:
        os.close(descriptor)


def _settle(target: Path) -> None:
    """Flush the move of a new export into place, if the file system can (it is done either way)."""
    with contextlib.suppress(OSError):
        _sync_directory(target.parent)


def _write_file(path: Path, content: bytes) -> None:
    """Write a new file and flush it to disk."""
    path.parent.mkdir(exist_ok=True)
    with path.open("xb") as file:
        file.write(content)
        file.flush()
        os.fsync(file.fileno())


def _beside(target: Path, role: str) -> Path:
    """A new hidden name in *target*'s directory for the export being written or the one replaced."""
    return target.parent / f".{target.name[:40]}.usnz-{role}-{secrets.token_hex(6)}"


def _make_parents(folder: Path, created: list[Path]) -> None:
    """Create *folder* and any missing parents, adding each to *created* (outermost first)."""
    missing: list[Path] = []
    while not (folder.exists() or folder.is_symlink()):
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        created.append(path)


def _remove(folder: Path) -> None:
    """Delete a hidden directory usnz made, whatever its permissions, even when interrupted meanwhile.

    An interruption (Ctrl-C) during the removal is held until the directory is gone, then raised.
    """
    interrupted: BaseException | None = None
    for _ in range(100):  # each interruption restarts the removal; a hundred of them is someone insisting
        try:
            for root, _folders, _names in os.walk(folder):  # each folder writable, so its entries can go
                with contextlib.suppress(OSError):
                    Path(root).chmod(stat.S_IRWXU)
            shutil.rmtree(folder, ignore_errors=True)
            break
        except KeyboardInterrupt as error:
            interrupted = error
    if interrupted is not None:
        raise interrupted


def _swap(new: Path, target: Path) -> None:
    """Put the export *new* in place of the directory *target*: old aside, new in, old deleted."""
    new.chmod(stat.S_IMODE(target.stat().st_mode))  # keep the directory's permissions
    old = _beside(target, "old")
    target.rename(old)
    try:
        new.rename(target)
    except BaseException:
        old.rename(target)  # put the previous export back
        raise
    try:
        _settle(target)
    finally:  # the new export is in place: the previous one goes, even on an interruption
        _remove(old)


def install(text: str, target: Path, files: dict[str, bytes], *, force: bool) -> None:
    """Write *files* into a new directory beside *target*, then move it into place.

    Whatever fails or interrupts before the new export is in place, the new directory is
    removed and *target* is as it was: no OSError is raised once it is in place.
    """
    created: list[Path] = []
    try:
        _make_parents(target.parent, created)
        new = _beside(target, "new")
        new.mkdir()
        try:
            for relative, content in files.items():
                _write_file(new / relative, content)
            for folder in sorted({(new / relative).parent for relative in files}, key=str, reverse=True):
                _sync_directory(folder)
            if state_of(text, target, force=force) == "missing":  # checked again: something may have appeared
                new.rename(target)
                _settle(target)
            else:
                _swap(new, target)
        except BaseException:
            _remove(new)
            raise
    except BaseException:
        for folder in reversed(created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
