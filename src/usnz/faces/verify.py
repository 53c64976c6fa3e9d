"""Checking every citation's quote against the source texts themselves.

Given a folder of texts, each :class:`~usnz.Source` is matched to the file with its SHA-256,
and every quote is looked for in its paragraph (line N of that file; runs of whitespace
compared as one). Anyone with the texts can so check every fact's evidence mechanically.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Final

from usnz.model.errors import ArgumentTypeError, ArgumentValueError, Problem, shown
from usnz.model.records import Record, Source

if TYPE_CHECKING:
    from usnz.querying.dataset import Dataset

__all__ = ["verify"]

_LARGEST: Final = 16 * 1024 * 1024  # a source text larger than this is not read


def _squash(text: str) -> str:
    return " ".join(text.split())


def _texts(folder: Path) -> dict[str, Path]:
    """Each regular file of *folder* (not its subfolders) by its SHA-256."""
    found: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        try:
            info = path.stat()
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode) and info.st_size <= _LARGEST:
            found.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), path)
    return found


_LONGEST_NAME: Final = 255  # bytes: the longest file name most file systems allow


def _not_plain(name: str) -> str | None:
    """Why *name* is not a plain file name inside a folder, or ``None`` when it is."""
    if not name or name in {".", ".."} or any(mark in name for mark in ("/", "\\", "\0")):
        return "is not a plain file name (no folder, no '..', no slash)"
    if len(os.fsencode(name)) > _LONGEST_NAME:
        return f"is longer than a file name can be ({_LONGEST_NAME} bytes)"
    return None


def _paragraphs(path: Path) -> list[str]:
    """The lines of a text: paragraph N is item N - 1."""
    lines = path.read_bytes().decode("utf-8", errors="replace").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def verify(*, sources: str | os.PathLike[str], data: Dataset | None = None) -> tuple[Problem, ...]:
    """Check every quote of *data* against the source texts in the folder *sources*.

    Each source is found among the folder's files by its SHA-256 (file names do not matter);
    each citation's quote must occur in its paragraph. Citations without a quote (allowed in
    your own data) are not checked.

    Args:
        sources: A folder holding the source texts.
        data: The dataset to check; by default the packaged one.

    Returns:
        Every mismatch found, as :class:`~usnz.Problem` (file, record, field path, message):
        a source with no file of its SHA-256, a paragraph the text does not have, a quote not
        in its paragraph. Empty when every quote is verified.

    >>> import usnz
    >>> usnz.verify(sources="../shared/seeds")  # doctest: +SKIP
    ()

    A source's ``filename`` must be a plain name (no folder, no ``..``): anything else is a
    problem, and never looked up.

    Raises:
        ArgumentTypeError: when *sources* is not a path or *data* not a Dataset (before any file is read).
        ArgumentValueError: when *sources* is not a folder.
    """
    if not isinstance(sources, str | os.PathLike):
        msg = f"sources= takes the path of a folder of source texts; got {type(sources).__name__} {shown(sources)}"
        raise ArgumentTypeError(msg)
    if data is not None:
        from usnz.querying.dataset import Dataset  # noqa: PLC0415 - the query layer only to check the type

        if not isinstance(data, Dataset):
            msg = f"data= takes a usnz.Dataset such as usnz.load(...) or usnz.dataset(); got {type(data).__name__}"
            raise ArgumentTypeError(msg)
    folder = Path(sources)
    try:
        is_dir = folder.is_dir()
    except OSError:  # a name too long...: no folder
        is_dir = False
    if not is_dir:
        msg = f"sources={shown(str(folder))} is not a folder; give the folder that holds the source texts"
        raise ArgumentValueError(msg)
    if data is None:
        from usnz.querying.bound import dataset  # noqa: PLC0415 - the packaged data, loaded on first use

        data = dataset()
    by_hash = _texts(folder)
    problems: list[Problem] = []
    texts: dict[str, list[str]] = {}
    for source in data.sources():
        odd = _not_plain(source.filename)
        if odd is not None:  # never looked up: it could name a file outside the folder
            message = f"filename {shown(source.filename)} {odd}; give the text's own name, found in {folder}"
            problems.append(Problem(file=str(folder), record=source.id, path="filename", message=message))
        path = by_hash.get(source.sha256)
        if path is None:
            named = folder / source.filename
            differs = f"; {named} is there but differs from it" if odd is None and named.is_file() else ""
            message = f"no file in {folder} has this source's SHA-256 ({source.sha256[:12]}...){differs}"
            where = str(named) if odd is None else str(folder)
            problems.append(Problem(file=where, record=source.id, path="sha256", message=message))
            continue
        texts[source.id] = _paragraphs(path)
    for record in data:
        if isinstance(record, Source) or not isinstance(record, Record):
            continue
        for index, citation in enumerate(record.citations):
            paragraphs = texts.get(citation.source)
            if citation.quote is None or paragraphs is None:
                continue
            where = f"citations[{index}].quote"
            if citation.paragraph > len(paragraphs):
                message = f"{citation.source} has {len(paragraphs)} paragraphs, not {citation.paragraph}"
                problems.append(Problem(file=citation.source, record=record.id, path=where, message=message))
                continue
            paragraph = _squash(paragraphs[citation.paragraph - 1])
            for passage in citation.passages:
                if _squash(passage) not in paragraph:
                    message = f"not in ¶{citation.paragraph} of {citation.source}: {shown(passage)}"
                    problems.append(Problem(file=citation.source, record=record.id, path=where, message=message))
    return tuple(problems)
