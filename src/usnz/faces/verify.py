"""Checking every quote against the source texts themselves: citations', role attestations' and quotes'.

Given a folder of texts, each :class:`~usnz.Source` is matched to the file with its SHA-256,
and every quote (each citation's, each role attestation's: the words naming a person by the
title, and each :class:`~usnz.Quote`'s text) is looked for in its paragraph (line N of that
file; runs of whitespace compared as one). Anyone with the texts can so check every fact's
evidence mechanically.
"""

from __future__ import annotations

import hashlib
import os
import stat
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Protocol

from usnz.model.base import Record, citations_in
from usnz.model.calls import checked_call
from usnz.model.citation import Citation
from usnz.model.errors import ArgumentTypeError, ArgumentValueError, Problem, shown, type_and_value
from usnz.model.records import source_texts

if TYPE_CHECKING:
    from usnz.querying.dataset import Dataset

__all__ = ["cited", "quoted_text", "verify"]

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


def _is_path(value: object) -> bool:
    """Whether *value* is a path (a str or an ``os.PathLike``); a bool, so that type checkers do not narrow."""
    return isinstance(value, str | os.PathLike)


def _folders(sources: Any) -> list[Path]:
    """The folders *sources* names (one or several), each checked to be a folder."""
    given: Any = [sources] if _is_path(sources) else sources
    if isinstance(given, bytes | bytearray) or not isinstance(given, Sequence) or not given:
        what = f"{type_and_value(sources)}"
        msg = f"sources= takes the path of a folder of source texts, or a list of them; got {what}"
        raise ArgumentTypeError(msg)
    folders: list[Path] = []
    for each in typing.cast("Sequence[object]", given):
        if not _is_path(each):
            msg = f"sources= takes paths of folders of source texts; got {type_and_value(each)}"
            raise ArgumentTypeError(msg)
        folder = Path(typing.cast("str | os.PathLike[str]", each))
        try:
            is_dir = folder.is_dir()
        except OSError:  # a name too long...: no folder
            is_dir = False
        if not is_dir:
            raise ArgumentValueError(_not_a_folder(folder))
        folders.append(folder)
    return folders


def _not_a_folder(path: Path) -> str:
    """What is wrong with *path*, given as a folder of texts: what it is, and the folder to give instead."""
    given = f"sources={shown(str(path))} is not a folder"
    try:
        is_file = path.is_file()
        exists = is_file or path.exists()
    except OSError:  # a name too long...: nothing there
        is_file = exists = False
    if is_file:  # a text, or the crosswalk file, itself: its folder is what is asked for
        return (
            f"{given}: it is a file; give the folder that holds it, sources={shown(str(path.parent))} "
            "(each source is found among a folder's files by its SHA-256)"
        )
    what = "it is not a file either" if exists else "nothing is there"
    return f"{given}: {what}; give the folder that holds the source texts (as ../shared/seeds does)"


def _readable(path: Path) -> bool:
    """Whether *path* is a regular file small enough to be a source text (as :func:`_texts` reads them)."""
    try:
        info = path.stat()
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size <= _LARGEST


def _nearby(folders: list[Path], name: str, sha256: str) -> Path | None:
    """A file *name* with this SHA-256 in a folder beside one of *folders* (a sibling), or ``None``.

    The packaged data cites the texts (``seeds/``) and the COW crosswalk (``crosswalk/``), kept
    side by side: given one folder, the other is found so the message can name it.
    """
    for folder in folders:
        try:
            siblings = sorted(p for p in folder.resolve().parent.iterdir() if p.is_dir())
        except OSError:  # a folder that cannot be listed: nothing to name
            continue
        for sibling in siblings:
            candidate = sibling / name
            if _readable(candidate) and hashlib.sha256(candidate.read_bytes()).hexdigest() == sha256:
                return candidate
    return None


class _Text(Protocol):
    """What verify reads of a source: its id, its text's file name and its SHA-256."""

    @property
    def id(self) -> str: ...
    @property
    def filename(self) -> str: ...
    @property
    def sha256(self) -> str: ...


def _source_problems(source: _Text, folders: list[Path], *, found: bool) -> list[Problem]:
    """A source's file name if it is not plain (never looked up), and its text if *found* in none of *folders*."""
    odd = _not_plain(source.filename)
    where = " or ".join(str(f) for f in folders)
    problems: list[Problem] = []
    if odd is not None:  # never looked up: it could name a file outside the folder
        message = f"filename {shown(source.filename)} {odd}; give the text's own name, found in {where}"
        problems.append(Problem(file=where, record=source.id, path="filename", message=message))
    if not found:
        named = (
            None
            if odd is not None
            else next((f / source.filename for f in folders if (f / source.filename).is_file()), None)
        )
        nearby = None if odd is not None or named is not None else _nearby(folders, source.filename, source.sha256)
        differs = (
            f"; {named} is there but differs from it"
            if named is not None
            else f"; {nearby} has it: give its folder, {shown(str(nearby.parent))}, too (sources= takes several)"
            if nearby is not None
            else f"; give the folder that holds {shown(source.filename)} too (sources= takes several)"
        )
        expected = "" if odd is not None else f", expected as a file named {shown(source.filename)}"
        message = f"no file in {where} has this source's SHA-256 ({source.sha256[:12]}...){expected}{differs}"
        file = str(named or (folders[0] / source.filename if odd is None else where))
        problems.append(Problem(file=file, record=source.id, path="sha256", message=message))
    return problems


def _paragraphs(path: Path) -> list[str]:
    """The lines of a text: paragraph N is item N - 1."""
    lines = path.read_bytes().decode("utf-8", errors="replace").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def cited(record: object) -> list[tuple[str, Citation]]:
    """Each citation *record* carries, with its field path: its ``citations``, then its roles' attestations'.

    A source, or anything but a record, carries none.
    """
    if not isinstance(record, Record):  # a source is no Record: it cites nothing
        return []
    return list(citations_in(record))  # a role's attestations' too: they quote the title


def quoted_text(record: object) -> str | None:
    """The words a record quotes verbatim (a :class:`~usnz.Quote`'s ``text``), to be found in a cited paragraph."""
    text = getattr(record, "text", None)
    return text if isinstance(record, Record) and record.record_kind == "quote" and isinstance(text, str) else None


@checked_call
def verify(
    *, sources: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], data: Dataset | None = None
) -> tuple[Problem, ...]:
    """Check every quote of *data* against the source texts in the folder (or folders) *sources*.

    Each source is found among the folders' files by its SHA-256 (file names do not matter);
    each citation's quote must occur in its paragraph, and so must each role attestation's
    (``Role.attested``: the words naming the person by the title). A :class:`~usnz.Quote`'s
    ``text`` must occur in one of the paragraphs it cites (of the texts found). Citations without
    a quote (allowed in your own data) are not checked.

    Args:
        sources: A folder holding the source texts, or several (the packaged data also cites the
            COW crosswalk, a data file kept beside the texts: ``("../shared/seeds", "../shared/crosswalk")``).
        data: The dataset to check; by default the packaged one.

    Returns:
        Every mismatch found, as :class:`~usnz.Problem` (file, record, field path, message):
        a source with no file of its SHA-256, a paragraph the text does not have (a citation's
        or a doubt's), a quote not in its paragraph (a citation's, path ``citations[0].quote``,
        or an attestation's, ``roles[0].attested[1].citation.quote``), a quote's ``text`` in
        none of its cited paragraphs (path ``text``). Empty when every quote is verified.

    >>> import usnz
    >>> usnz.verify(sources="copies-of-the-texts")  # doctest: +SKIP
    ()

    A source's ``filename`` must be a plain name (no folder, no ``..``): anything else is a
    problem, and never looked up.

    Raises:
        ArgumentTypeError: when *sources* is not a path or *data* not a Dataset (before any file is read).
        ArgumentValueError: when *sources* is not a folder.
    """
    folders = _folders(sources)
    from usnz.querying.lookup import given_dataset  # noqa: PLC0415 - the packaged data, loaded on first use

    data = given_dataset(data)
    by_hash: dict[str, Path] = {}
    for folder in folders:
        by_hash = {**_texts(folder), **by_hash}
    problems: list[Problem] = []
    texts: dict[str, list[str]] = {}
    for source in source_texts(data):
        problems.extend(_source_problems(source, folders, found=source.sha256 in by_hash))
        if source.sha256 in by_hash:
            texts[source.id] = _paragraphs(by_hash[source.sha256])
    for record in data:
        for index, doubt in enumerate(record.doubts):  # each doubt lies in paragraphs its text has
            paragraphs = texts.get(doubt.source)
            beyond = [n for n in doubt.paragraphs if paragraphs is not None and n > len(paragraphs)]
            if paragraphs is not None and beyond:
                message = f"{doubt.source} has {len(paragraphs)} paragraphs, not {beyond[0]}"
                problems.append(Problem(file=doubt.source, record=record.id, path=f"doubts[{index}]", message=message))
        for field, citation in cited(record):
            paragraphs = texts.get(citation.source)
            if citation.quote is None or paragraphs is None:
                continue
            where = f"{field}.quote"
            if citation.paragraph > len(paragraphs):
                message = f"{citation.source} has {len(paragraphs)} paragraphs, not {citation.paragraph}"
                problems.append(Problem(file=citation.source, record=record.id, path=where, message=message))
                continue
            paragraph = _squash(paragraphs[citation.paragraph - 1])
            for passage in citation.passages:
                if _squash(passage) not in paragraph:
                    message = f"not in ¶{citation.paragraph} of {citation.source}: {shown(passage)}"
                    problems.append(Problem(file=citation.source, record=record.id, path=where, message=message))
        problems.extend(_quote_problems(record, texts))
    return tuple(problems)


def _quote_problems(record: object, texts: dict[str, list[str]]) -> list[Problem]:
    """A quote's ``text`` in none of its cited paragraphs that the texts found have: one problem; else none."""
    text = quoted_text(record)
    if text is None or not isinstance(record, Record):
        return []
    looked = [
        (citation.source, citation.paragraph)
        for citation in record.citations
        if citation.source in texts and citation.paragraph <= len(texts[citation.source])
    ]
    words = _squash(text)
    if not looked or any(words in _squash(texts[source][number - 1]) for source, number in looked):
        return []
    where = ", ".join(f"¶{number} of {source}" for source, number in looked)
    message = f"the quote's words are in none of its cited paragraphs ({where}): {shown(text)}"
    return [Problem(file=looked[0][0], record=record.id, path="text", message=message)]
