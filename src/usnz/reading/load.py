"""Reading data files into validated records, every problem at once.

The packaged data is read zip-safely through the data package's own loader (so it works from a
wheel or a zip). JSON is parsed strictly and within bounds (:func:`parse_json`). Records are read
by the quick reader (:mod:`usnz.reading.quick`); any record it cannot vouch for is read again,
field by field, with the cattrs converter, so every problem of every field is reported with its
path. Then what no single record can show is checked across them: ids used twice, references,
citations, disputes. The querying layer builds a :class:`~usnz.Dataset` of what is read.
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import re
import stat
import typing
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from usnz.model.countries import COUNTRIES
from usnz.model.errors import ArgumentTypeError, ArgumentValueError, DataError, Error, Problem, shown
from usnz.model.facts import facts
from usnz.model.records import KINDS, AnyRecord, Record, Source
from usnz.reading.collector import collector_paused
from usnz.reading.quick import read_quickly, reader

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "DATA_VERSION",
    "MAX_FILE_BYTES",
    "MAX_PROBLEMS",
    "checked_paths",
    "parse_json",
    "read",
    "read_paths",
]

DATA_VERSION: Final = "2026.12.1"
"""The packaged dataset's version (year.month.n), bumped on every data change."""
MAX_FILE_BYTES: Final = 16 * 1024 * 1024
"""Largest data file usnz reads (16 MiB); a bigger file is reported as a problem."""
MAX_DEPTH: Final = 32
"""Deepest nesting of JSON arrays and objects a data file may have (records need about 5)."""
MAX_DIGITS: Final = 30
"""Most digits a JSON integer in a data file may have."""
MAX_PROBLEMS: Final = 1000
"""Most problems one load lists; the last line then says how many more were found."""


class _JsonError(Exception):
    """A data file's JSON is not what usnz reads: the message says why."""


def _refuse_constant(name: str) -> object:
    msg = f"{name} is not a number JSON allows; numbers must be finite"
    raise _JsonError(msg)


def _finite(text: str) -> float:
    value = float(text)
    if value in {float("inf"), float("-inf")}:
        msg = f"the number {text[:40]} is too large to be finite"
        raise _JsonError(msg)
    return value


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        msg = f"an integer of {len(text.lstrip('-')):,} digits; at most {MAX_DIGITS} are read"
        raise _JsonError(msg)
    return int(text)


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found = dict(pairs)
    if len(found) < len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        msg = f"the key {twice!r} appears twice in one object; each field may be given once"
        raise _JsonError(msg)
    return found


_STRING: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
"""A JSON string (what may hold brackets that do not nest)."""
_BRACKET: Final = re.compile(r"[\[\]{}]")
_STEP: Final = {"[": 1, "{": 1, "]": -1, "}": -1}


def _depth(text: str) -> int:
    """How deeply arrays and objects nest in the valid JSON *text* (counted on the text, in C)."""
    brackets = _BRACKET.findall(_STRING.sub("", text))
    return max(itertools.accumulate(map(_STEP.__getitem__, brackets)), default=0)


def parse_json(text: str) -> object:
    """Read JSON strictly, as usnz reads data files.

    Numbers must be finite, integers at most :data:`MAX_DIGITS` digits long, no key may appear
    twice in an object, and arrays and objects nest at most :data:`MAX_DEPTH` deep.

    Raises:
        ValueError: saying what is wrong (a ``json.JSONDecodeError`` for malformed JSON).
    """
    try:
        value = json.loads(
            text,
            object_pairs_hook=_unique_keys,
            parse_constant=_refuse_constant,
            parse_float=_finite,
            parse_int=_bounded_int,
        )
    except RecursionError:
        msg = f"arrays and objects nest more than {MAX_DEPTH} deep"
        raise _JsonError(msg) from None
    if _depth(text) > MAX_DEPTH:
        msg = f"arrays and objects nest more than {MAX_DEPTH} deep"
        raise _JsonError(msg)
    return value


class _Problems(list[Problem]):
    """The problems of one load: at most :data:`MAX_PROBLEMS` are kept, the rest counted."""

    more = 0  # problems found but not kept
    unread = 0  # records with problems not examined in detail, once the list is full

    @property
    def full(self) -> bool:
        """Whether no more problems are kept."""
        return len(self) >= MAX_PROBLEMS

    def append(self, problem: Problem) -> None:
        """Keep *problem*, or count it when the list is full."""
        if len(self) < MAX_PROBLEMS:
            super().append(problem)
        else:
            self.more += 1

    def listed(self) -> list[Problem]:
        """The problems kept, and a last line saying how many more there were."""
        if not self.more and not self.unread:
            return list(self)
        note = f"... and {self.more:,} more problems not listed (the first {MAX_PROBLEMS:,} are)"
        if self.unread:
            note += f", and {self.unread:,} more records with problems not examined"
        return [*self, Problem(file="", record=None, path="", message=note)]


Unread = list[tuple[str, str | int, dict[str, object]]]
"""Records that could not be read: (file, id or index, their JSON object)."""


def _records_in(  # noqa: PLR0911 - one return per way a file can fail
    name: str, stem: str, data: bytes, problems: list[Problem], unchecked: Unread | None = None
) -> Iterator[AnyRecord]:
    """Structure every record of one file, adding a problem for each that fails."""
    cls = KINDS.get(stem)
    if cls is None:
        problems.append(
            Problem(
                file=name,
                record=None,
                path="",
                message=f"unknown data file; expected one of {', '.join(f'{k}.json' for k in KINDS)}",
            )
        )
        return
    if len(data) > MAX_FILE_BYTES:
        problems.append(
            Problem(
                file=name,
                record=None,
                path="",
                message=f"file is larger than the {MAX_FILE_BYTES:,}-byte limit (usnz.reading.load.MAX_FILE_BYTES)",
            )
        )
        return
    if not data.strip():
        problems.append(
            Problem(file=name, record=None, path="", message="file is empty; expected a JSON array of records")
        )
        return
    try:
        items: object = parse_json(data.decode("utf-8"))
    except _JsonError as error:
        problems.append(Problem(file=name, record=None, path="", message=f"not read: {error}"))
        return
    except UnicodeDecodeError as error:
        problems.append(Problem(file=name, record=None, path="", message=f"not valid UTF-8 (byte {error.start})"))
        return
    except json.JSONDecodeError as error:
        problems.append(
            Problem(
                file=name,
                record=None,
                path="",
                message=f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}",
            )
        )
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
    entries: list[object] = items  # pyright: ignore[reportUnknownVariableType]
    read = reader(cls)
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            problems.append(
                Problem(
                    file=name, record=index, path="", message=f"expected a JSON object, got {json.dumps(entry)[:60]}"
                )
            )
            continue
        item: dict[str, object] = entry  # pyright: ignore[reportUnknownVariableType]
        record = read_quickly(read, item)
        if record is not None:
            yield record
            continue
        if isinstance(problems, _Problems) and problems.full:  # enough is listed: count the rest, cheaply
            problems.unread += 1
            continue
        given_id = item.get("id")
        label: str | int = given_id if isinstance(given_id, str) and given_id else index
        record, found = _diagnosed(cls, item)
        if record is not None:  # pragma: no cover - the quick reader reads every valid record
            yield record
            continue
        for path, message in found:
            problems.append(Problem(file=name, record=label, path=path, message=message))
        if isinstance(unchecked, list):
            unchecked.append((name, label, item))


def _diagnosed(cls: type[AnyRecord], item: dict[str, object]) -> tuple[AnyRecord | None, list[tuple[str, str]]]:
    """Read *item* field by field, so every problem of every field is found in one pass.

    Each field is structured on its own (its nested values with cattrs' detailed paths), then
    every field's own check runs on the fields that were read; the record is built (and the
    checks across fields run) only when every field is right.
    """
    import cattrs  # noqa: PLC0415 - cattrs only for a record the quick reader doubts

    from usnz.reading.convert import get_converter  # noqa: PLC0415

    converter = get_converter()
    hints = _hints(typing.cast("type", cls))
    fields = {field.alias: field for field in attrs.fields(cls)}
    found: list[tuple[str, str]] = [
        (key, f"unknown field; {cls.__name__} fields are {', '.join(fields)}") for key in item if key not in fields
    ]
    values: dict[str, object] = {}
    for alias, field in fields.items():
        if alias not in item:
            if field.default is attrs.NOTHING:
                found.append((alias, "required field missing"))
            continue
        try:
            values[alias] = converter.structure(item[alias], hints[field.name])
        except cattrs.BaseValidationError as error:
            for message in cattrs.transform_error(error, path=alias, format_exception=_describe):
                text, _, path = message.rpartition(" @ ")
                found.append((path, text))
        except Exception as error:  # noqa: BLE001 - a hook's or a nested class's own check: reported, not raised
            found.append((alias, _describe(error, hints[field.name])))
    if found:
        stub = object.__new__(cls)
        for field in fields.values():
            default = field.default if field.default is not attrs.NOTHING else None
            object.__setattr__(stub, field.name, values.get(field.alias, default))
        failed = {path.split(".")[0].split("[")[0] for path, _ in found}
        for alias, field in fields.items():
            if alias in values and field.validator is not None and not (failed and alias == "date_basis"):
                # (date_basis is checked against the dates: not when a field failed to be read)
                try:
                    field.validator(stub, field, values[alias])
                except Exception as error:  # noqa: BLE001 - every field's problem is reported
                    found.append((alias, str(error)))
        return None, found
    try:
        return cls(**values), []  # type: ignore[arg-type]
    except Exception as error:  # noqa: BLE001 - a check across fields, or one field's own check
        return None, [("", str(error))]


@functools.cache
def _hints(cls: Any) -> dict[str, Any]:
    """The resolved type hints of an attrs class's fields."""
    return typing.get_type_hints(cls)


def _describe(error: BaseException, type_: type | None) -> str:
    """Say what was wrong with one value, in words."""
    from cattrs.v import format_exception  # noqa: PLC0415

    if isinstance(error, KeyError):
        return "required field missing"
    if isinstance(error, Error) or (type_ in {Decimal, None} and isinstance(error, ValueError | TypeError)):
        return str(error)
    if isinstance(error, TypeError) and str(error).startswith("expected "):  # our strict hooks say what they got
        return str(error)
    text = format_exception(error, type_)
    if "not in literal" in text and type_ is not None:
        accepted = ", ".join(repr(v) for v in typing.get_args(type_))
        return f"not one of the accepted values ({accepted})"
    return text


def _raw_references(cls: type[AnyRecord], item: dict[str, object]) -> Iterator[tuple[str, str]]:
    """Each (field, id) a record that could not be read refers to, as far as its JSON shows."""
    referring = {name for name, declared in facts(typing.cast("Any", cls)) if declared.refers}
    for key, value in item.items():
        values: list[object] = value if isinstance(value, list) else [value]  # pyright: ignore[reportUnknownVariableType]
        if key == "citations":
            for citation in values:
                source = citation.get("source") if isinstance(citation, dict) else None  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]
                if isinstance(source, str):
                    yield "citations.source", source
        elif key == "doubts":
            for doubt in values:
                given: dict[str, object] = doubt if isinstance(doubt, dict) else {}  # pyright: ignore[reportUnknownVariableType]
                source, concerns = given.get("source"), given.get("concerns")
                if isinstance(source, str):
                    yield "doubts.source", source
                named: list[object] = concerns if isinstance(concerns, list) else []  # pyright: ignore[reportUnknownVariableType]
                yield from (("doubts.concerns", ref) for ref in named if isinstance(ref, str))
        elif key in referring:
            yield from ((key, ref) for ref in values if isinstance(ref, str))


def _check(
    records: list[tuple[str, AnyRecord]],
    problems: list[Problem],
    unread: Unread = (),  # type: ignore[assignment] # never mutated
) -> None:
    """Check what no single record can: unique ids, references, citations, countries.

    *unread* are the records that could not be read: their ids count as taken, and the ids
    they refer to are checked too, so one pass finds every problem.
    """

    def add(file: str, record: str | int, path: str, message: str) -> None:
        problems.append(Problem(file=file, record=record, path=path, message=message))

    by_id: dict[str, AnyRecord] = {}
    for name, record in records:
        if record.id in by_id:
            add(name, record.id, "id", f"id is used twice (also a {by_id[record.id].record_kind})")
        else:
            by_id[record.id] = record
    unreadable = {label for _, label, _ in unread if isinstance(label, str)}
    for name, label, item in unread:
        if isinstance(label, str) and label in by_id:
            add(name, label, "id", f"id is used twice (also a {by_id[label].record_kind})")
        kind = KINDS[os.path.splitext(os.path.basename(name))[0]]  # noqa: PTH119, PTH122 - a name, not a file
        for field, ref in _raw_references(kind, item):
            if ref not in by_id and ref not in unreadable:
                add(name, label, field, f"refers to {ref!r}, which no record has as its id")
    kinds = {cls.record_kind: cls for cls in KINDS.values()}
    known = COUNTRIES.keys()
    for name, record in records:
        for field, ref, declared in record.references_of():
            if ref == record.id and (field in {"see_also", "disputes"} or field.endswith(".concerns")):
                add(name, record.id, field, f"refers to the record itself ({ref!r})")
                continue
            if ref in unreadable and ref not in by_id:
                continue  # the record it names has problems of its own, reported above
            target = by_id.get(ref)
            expected = tuple(kinds[kind] for kind in declared.refers if kind in kinds)
            if target is None:
                add(name, record.id, field, f"refers to {ref!r}, which no record has as its id")
            elif expected and not isinstance(target, expected):
                wanted = " or ".join(cls.record_kind for cls in expected)
                add(name, record.id, field, f"refers to {ref!r}, a {target.record_kind}; expected a {wanted}")
        codes = record.country_codes()
        for code in sorted(codes - known) if codes and not codes <= known else ():
            add(
                name,
                record.id,
                "",
                f"country code {code!r} is not in usnz's country table ({', '.join(sorted(COUNTRIES))})",
            )
        for index, doubt in enumerate(record.doubts):
            source = by_id.get(doubt.source)
            beyond = [n for n in doubt.paragraphs if n > source.paragraphs] if isinstance(source, Source) else []
            if isinstance(source, Source) and beyond:
                message = f"{source.id} has {source.paragraphs} paragraphs, not {beyond[0]}"
                add(name, record.id, f"doubts[{index}].paragraphs", message)
        if isinstance(record, Record):
            for index, citation in enumerate(record.citations):
                source = by_id.get(citation.source)
                if isinstance(source, Source) and citation.paragraph > source.paragraphs:
                    message = f"{source.id} has {source.paragraphs} paragraphs, not {citation.paragraph}"
                    add(name, record.id, f"citations[{index}].paragraph", message)
            for other in record.disputes:
                target = by_id.get(other)
                if isinstance(target, Source):
                    add(
                        name,
                        record.id,
                        "disputes",
                        f"disputes {other!r}, a source; a record disputes another record's claim",
                    )
                elif isinstance(target, Record) and record.id not in target.disputes and other != record.id:
                    message = f"disputes {other!r}, but {other!r} does not list {record.id!r} in its disputes"
                    add(name, record.id, "disputes", message)


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
    files.reverse()
    with collector_paused():
        records = [("<extended dataset>", r) for r in extends]
        while files:
            name, stem, data = files.pop()
            records.extend((name, record) for record in _records_in(name, stem, data, collected, unread))
            del data
        _check(records, collected, unread)
        if collected:
            raise DataError(collected.listed())
        return [record for _, record in records]


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
        checked.append(text)
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
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
        except OSError:  # e.g. a name too long: reading it says why
            is_dir = False
        if is_dir:
            # A JSON export's datapackage.json describes the files; it holds no records.
            found = sorted(p for p in path.glob("*.json") if p.name != "datapackage.json")
            if not found:
                problems.append(
                    Problem(file=str(path), record=None, path="", message="no .json data files in this directory")
                )
            targets = found
        else:
            targets = [path]
        for target in targets:
            try:
                data = _read_file(target)
            except OSError as error:
                problems.append(
                    Problem(file=str(target), record=None, path="", message=f"cannot read: {error.strerror}")
                )
                continue
            except _JsonError as error:
                problems.append(Problem(file=str(target), record=None, path="", message=str(error)))
                continue
            files.append((str(target), target.stem, data))
    return files, problems


def _read_file(path: Path) -> bytes:
    """A data file's bytes: a regular file only (not a pipe or a device), read up to the size limit.

    Raises:
        OSError: when it cannot be read.
        _JsonError: when it is not a regular file, or is larger than :data:`MAX_FILE_BYTES`.
    """
    # Non-blocking, so that opening a pipe does not wait for a writer; nothing is read before the check.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            msg = "not a regular file (a pipe, a device or the like); give a data file"
            raise _JsonError(msg)
        return handle.read(MAX_FILE_BYTES + 1)
