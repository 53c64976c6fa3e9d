"""Reading data files into validated records, every problem at once.

The packaged data is read zip-safely through the data package's own loader (so it works from a
wheel or a zip). JSON is parsed strictly and within bounds (:mod:`usnz.reading.jsontext`), the
files that paths name are read safely (:mod:`usnz.reading.files`). Records are read by the quick
reader (:mod:`usnz.reading.quick`); any record it cannot vouch for is read again, field by field,
with the cattrs converter, so every problem of every field is reported with its path
(:mod:`usnz.reading.problems`). Then what no single record can show is checked across them: ids
used twice, references, citations, disputes (:mod:`usnz.reading.checks`). The querying layer
builds a :class:`~usnz.Dataset` of what is read. The names of ``__all__`` stay importable from here.
"""

from __future__ import annotations

import codecs
import itertools
import json
import operator
import os
from collections.abc import Iterable, Iterator

from usnz.model.base import TABLE_LATER
from usnz.model.citation import Citation
from usnz.model.errors import DataError, Problem
from usnz.model.facts import facts
from usnz.model.names import kind_name
from usnz.model.plain import unsafe
from usnz.model.records import KINDS, AnyRecord
from usnz.reading import files
from usnz.reading.checks import EXTENDED
from usnz.reading.checks import check as _check
from usnz.reading.checks import wanted as _wanted
from usnz.reading.collector import collector_paused
from usnz.reading.files import MAX_FILE_BYTES, checked_paths, read_paths
from usnz.reading.files import too_large as _too_large
from usnz.reading.files import unknown_file as _unknown_file
from usnz.reading.jsontext import MAX_INT, parse_json, parse_shallow, parse_unbounded
from usnz.reading.jsontext import JsonError as _JsonError
from usnz.reading.jsontext import check_depth as _check_depth
from usnz.reading.jsontext import colons as _colons
from usnz.reading.jsontext import json_lines as _json_lines
from usnz.reading.ledger import Ledger
from usnz.reading.problems import MAX_PROBLEMS, Unread
from usnz.reading.problems import Problems as _Problems
from usnz.reading.problems import diagnosed as _diagnosed
from usnz.reading.problems import suspect as _suspect
from usnz.reading.problems import suspect_utf8 as _suspect_utf8
from usnz.reading.problems import unsafe_text as _unsafe_text
from usnz.reading.quick import Reader, by_columns, read_all, read_quickly, reader
from usnz.reading.version import DATA_VERSION

__all__ = [
    "DATA_VERSION",
    "MAX_FILE_BYTES",
    "MAX_INT",
    "MAX_PROBLEMS",
    "checked_paths",
    "parse_json",
    "read",
    "read_paths",
]


def _records_in(  # noqa: PLR0911, PLR0917 - one return per way a file can fail; what is read, and where it goes
    name: str,
    stem: str,
    data: bytes,
    problems: list[Problem],
    unchecked: Unread | None = None,
    kept: Ledger | None = None,
) -> list[AnyRecord]:
    """Structure every record of one file, adding a problem for each that fails (what is read by columns: *kept*).

    A list, not a generator: a large file's records are not handed on one at a time, in Python.
    """
    cls = KINDS.get(stem)
    if cls is None:
        problems.append(
            Problem(
                file=name,
                record=None,
                path="",
                message=_unknown_file(),
            )
        )
        return []
    if len(data) > files.MAX_FILE_BYTES:  # (read there, where the limit lives)
        problems.append(
            Problem(
                file=name,
                record=None,
                path="",
                message=_too_large(),
            )
        )
        return []
    if not data or data.isspace():  # (no copy of the bytes stripped)
        problems.append(
            Problem(file=name, record=None, path="", message="file is empty; expected a JSON array of records")
        )
        return []
    if data.startswith(codecs.BOM_UTF8):
        bom = "starts with a byte order mark; save it as UTF-8 without one"
        problems.append(Problem(file=name, record=None, path="", message=bom))
        return []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(Problem(file=name, record=None, path="", message=f"not valid UTF-8 (byte {error.start})"))
        return []
    read = reader(cls)
    suspect = _suspect_utf8(data)  # a control character or a surrogate may be in the text
    unbounded = not suspect and not name.endswith(".jsonl") and by_columns(read)
    if unbounded:
        every = _read_unbounded(read, text, kept, _colons(data))
        if every is not None:  # the fast path: every record has its class's shape, every integer in bounds
            return every
    try:
        items: object = _json_lines(text) if name.endswith(".jsonl") else parse_shallow(text)
    except _JsonError as error:
        problems.append(Problem(file=name, record=None, path="", message=f"not read: {error}"))
        return []
    except json.JSONDecodeError as error:
        problems.append(
            Problem(
                file=name,
                record=None,
                path="",
                message=f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}",
            )
        )
        return []
    entries: list[object] = items if isinstance(items, list) else []  # pyright: ignore[reportUnknownVariableType]
    # (a file read unbounded was read by columns already: parsed strictly, its values are the same)
    every = None if suspect or unbounded or entries is not items else read_all(read, entries, safe=True, kept=kept)
    if every is not None:  # the fast path: every record has its class's shape
        return every
    quick: list[AnyRecord | None] = [None] * len(entries) if suspect else [_quickly(read, entry) for entry in entries]
    return list(_slowly(name, cls, text, items, quick, problems, unchecked))  # pyright: ignore[reportUnknownArgumentType]


def _read_unbounded(read: Reader, text: str, kept: Ledger | None, colons: int) -> list[AnyRecord] | None:
    """Every record of a file's JSON *text* (no character in it suspect), read by columns; ``None`` when in doubt.

    The JSON is parsed without the strict parser's bound on integers and its refusal of a key
    given twice (:func:`~usnz.reading.jsontext.parse_unbounded`): the columns read bound every
    integer themselves (:func:`~usnz.reading.quick.by_columns`), and count the keys they read
    against the colons of the text. A file it refuses is parsed again strictly.
    """
    try:
        items = parse_unbounded(text)
    except (ValueError, _JsonError):  # the strict parser says what is wrong
        return None
    if type(items) is not list:
        return None
    return read_all(read, items, safe=True, kept=kept, colons=colons)  # pyright: ignore[reportUnknownArgumentType]


def _quickly(read: Reader, entry: object) -> AnyRecord | None:
    """The record the quick reader makes of one entry of a file, or ``None``."""
    return read_quickly(read, entry) if type(entry) is dict else None  # pyright: ignore[reportUnknownArgumentType]


def _slowly(  # noqa: PLR0917 - what the file held, and what was read of it
    name: str,
    cls: type[AnyRecord],
    text: str,
    items: object,
    quick: list[AnyRecord | None],
    problems: list[Problem],
    unchecked: Unread | None,
) -> Iterator[AnyRecord]:
    """The records of one file that is not read quickly, and a problem for each that fails.

    Its nesting is checked first (the quick reader reads only what nests a few levels deep).
    """
    try:
        _check_depth(text)
    except _JsonError as error:
        problems.append(Problem(file=name, record=None, path="", message=f"not read: {error}"))
        return
    if not isinstance(items, list):
        problems.append(
            Problem(
                file=name,
                record=None,
                path="",
                message=f"expected a JSON array of records, got a JSON {type(items).__name__}",
            )
        )
        return
    read = reader(cls)
    suspect = _suspect(text)
    entries: list[object] = items  # pyright: ignore[reportUnknownVariableType]
    for index, (entry, quickly) in enumerate(zip(entries, quick, strict=True)):
        if not isinstance(entry, dict):
            problems.append(
                Problem(
                    file=name, record=index, path="", message=f"expected a JSON object, got {json.dumps(entry)[:60]}"
                )
            )
            continue
        item: dict[str, object] = entry  # pyright: ignore[reportUnknownVariableType]
        unsafe_text = list(_unsafe_text(item)) if suspect else []
        record = None if unsafe_text else quickly if quickly is not None else read_quickly(read, item)
        if record is not None:
            yield record
            continue
        if isinstance(problems, _Problems) and problems.full:  # enough is listed: count the rest, cheaply
            problems.unread += 1
            continue
        given_id = item.get("id")
        label: str | int = given_id if isinstance(given_id, str) and given_id and not unsafe(given_id) else index
        record, found, read_of_it = _diagnosed(cls, item)
        if unsafe_text:  # said once, where it is (the field's own check says it too, less precisely)
            whys = tuple(message.partition(" holds ")[2] for _, message in unsafe_text)
            found = [(path, message) for path, message in found if not message.endswith(whys)] + unsafe_text
        if record is not None and not found:  # pragma: no cover - the quick reader reads every valid record
            yield record
            continue
        for path, message in found:
            problems.append(Problem(file=name, record=label, path=path, message=message))
        if isinstance(unchecked, list):
            unchecked.append((name, label, item, read_of_it))


def _unread_file(problems: _Problems, before: int, name: str, stem: str) -> bool:
    """Whether the problems added since *before* say the whole file *name* was not read (none of its records).

    Its ids are then unknown, so references to records of its kind (*stem*) are not checked
    (nor reported missing) until it is read; the problem says so.
    """
    for index in range(before, len(problems)):
        problem = problems[index]
        if problem.file == name and problem.record is None:
            unchecked = f"; references to {stem.replace('_', ' ')} are not checked until this file is read"
            problems[index] = problem._replace(message=problem.message + unchecked)
            return True
    return False


def _no_sources(
    given: list[tuple[str, str]], records: list[tuple[str, AnyRecord]], unread: Unread, problems: _Problems
) -> str | None:
    """The kind citations name (its stem), when records cite and none of its records was given; else ``None``.

    Each citation would otherwise be reported missing (1,235 for the packaged data without its
    sources' file): one problem names the file to add instead.
    """
    stem = kind_name(dict(facts(Citation))["source"].refers[0])  # what a citation's source is a record of
    cited = KINDS[stem]
    if not given or any(kind == stem for _, kind in given) or any(type(r) is cited for _, r in records):
        return None
    citing = any(getattr(r, "citations", ()) for _, r in records) or any(
        item.get("citations") for _, _, item, _ in unread
    )
    if not citing:
        return None
    folder = os.path.dirname(given[0][0])  # noqa: PTH120 - a name, as the problems give it
    missing = os.path.join(folder, f"{stem}.json") if folder else f"{stem}.json"  # noqa: PTH118
    message = (
        f"missing: records cite {stem}, but no {stem}.json (or {stem}.jsonl) was given; add it beside the other "
        "files, or check them as additions to the packaged data (usnz validate --with-packaged); "
        f"references to {stem} are not checked until it is read"
    )
    problems.append(Problem(file=missing, record=None, path="", message=message))
    return stem


def read(
    files: list[tuple[str, str, bytes]],
    extends: Iterable[AnyRecord] = (),
    problems: list[Problem] | None = None,
) -> list[AnyRecord]:
    """Read every (name, kind, bytes) file and check the whole, with the records of *extends*.

    *files* is emptied as it is read, so each file's bytes are freed once parsed.

    Raises:
        DataError: listing every problem found (and *problems*, found before); nothing is returned then.
    """
    collected = _Problems(problems or ())
    unread: Unread = []  # records with problems: still checked for references
    kept = Ledger(_wanted)  # the columns the quick reader reads: the checks read them, not every record again
    files.reverse()
    later = TABLE_LATER.set(True)  # an unknown country code is reported by the checks, with its record's other problems
    try:
        return _read(files, extends, collected, unread, kept)
    finally:
        TABLE_LATER.reset(later)


def _read(
    files: list[tuple[str, str, bytes]],
    extends: Iterable[AnyRecord],
    collected: _Problems,
    unread: Unread,
    kept: Ledger,
) -> list[AnyRecord]:
    """:func:`read`, its country codes checked against the table by the checks."""
    with collector_paused():
        records = [(EXTENDED, r) for r in extends]
        unread_kinds: list[type[AnyRecord]] = []  # kinds with a file not read at all: its ids are not known
        given: list[tuple[str, str]] = []  # each file's name and kind, as read
        while files:
            name, stem, data = files.pop()
            given.append((name, stem))
            before = len(collected)
            records.extend(zip(itertools.repeat(name), _records_in(name, stem, data, collected, unread, kept)))
            del data
            if stem in KINDS and _unread_file(collected, before, name, stem):
                unread_kinds.append(KINDS[stem])
        cited = _no_sources(given, records, unread, collected)
        if cited is not None:
            unread_kinds.append(KINDS[cited])
        _check(records, collected, unread, tuple(unread_kinds), kept)
        if collected:
            raise DataError(collected.listed())
        return list(map(operator.itemgetter(1), records))
