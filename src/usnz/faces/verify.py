"""Checking every citation's quote against the source texts themselves.

Given a folder of texts, each :class:`~usnz.Source` is matched to the file with its SHA-256,
and every quote is looked for in its paragraph (line N of that file; runs of whitespace
compared as one). Anyone with the texts can so check every fact's evidence mechanically.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Sequence
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


def _paragraphs(path: Path) -> list[str]:
    """The lines of a text: paragraph N is item N - 1."""
    lines = path.read_bytes().decode("utf-8", errors="replace").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def verify(
    *, sources: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], data: Dataset | None = None
) -> tuple[Problem, ...]:
    """Check every quote of *data* against the source texts in the folder (or folders) *sources*.

    Each source is found among the folders' files by its SHA-256 (file names do not matter);
    each citation's quote must occur in its paragraph. Citations without a quote (allowed in
    your own data) are not checked.

    Args:
        sources: A folder holding the source texts, or several (the packaged data also cites the
            COW crosswalk, a data file kept beside the texts: ``("../shared/seeds", "../shared/crosswalk")``).
        data: The dataset to check; by default the packaged one.

    Returns:
        Every mismatch found, as :class:`~usnz.Problem` (file, record, field path, message):
        a source with no file of its SHA-256, a paragraph the text does not have (a citation's
        or a doubt's), a quote not in its paragraph. Empty when every quote is verified.

    >>> import usnz
    >>> usnz.verify(sources="../shared/seeds")  # doctest: +SKIP
    ()

    Raises:
        ArgumentValueError: when *sources* is not a folder.
    """
    given = [sources] if isinstance(sources, str | os.PathLike) else sources
    if isinstance(given, bytes | bytearray) or not isinstance(given, Sequence) or not given:
        what = f"{type(sources).__name__} {shown(sources)}"
        msg = f"sources= takes the path of a folder of source texts, or a list of them; got {what}"
        raise ArgumentTypeError(msg)
    by_hash: dict[str, Path] = {}
    for each in given:
        if not isinstance(each, str | os.PathLike):
            msg = f"sources= takes paths of folders of source texts; got {type(each).__name__} {shown(each)}"
            raise ArgumentTypeError(msg)
        folder = Path(each)
        if not folder.is_dir():
            msg = f"sources={str(folder)!r} is not a folder; give the folder that holds the source texts"
            raise ArgumentValueError(msg)
        by_hash = {**_texts(folder), **by_hash}
    folders = [Path(each) for each in given]
    if data is None:
        from usnz.querying.bound import dataset  # noqa: PLC0415 - the packaged data, loaded on first use

        data = dataset()
    problems: list[Problem] = []
    texts: dict[str, list[str]] = {}
    for source in data.sources():
        path = by_hash.get(source.sha256)
        if path is None:
            named = next(
                (f / source.filename for f in folders if (f / source.filename).is_file()), folders[0] / source.filename
            )
            differs = f"; {named} is there but differs from it" if named.is_file() else ""
            where = " or ".join(str(f) for f in folders)
            message = f"no file in {where} has this source's SHA-256 ({source.sha256[:12]}...){differs}"
            problems.append(Problem(file=str(named), record=source.id, path="sha256", message=message))
            continue
        texts[source.id] = _paragraphs(path)
    for record in data:
        for index, doubt in enumerate(record.doubts):  # each doubt lies in paragraphs its text has
            paragraphs = texts.get(doubt.source)
            beyond = [n for n in doubt.paragraphs if paragraphs is not None and n > len(paragraphs)]
            if paragraphs is not None and beyond:
                message = f"{doubt.source} has {len(paragraphs)} paragraphs, not {beyond[0]}"
                problems.append(Problem(file=doubt.source, record=record.id, path=f"doubts[{index}]", message=message))
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
