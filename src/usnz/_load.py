"""Reading data files into a validated :class:`Dataset`, all problems at once.

The packaged data is read with :mod:`importlib.resources` (so it works from a wheel
or a zip), lazily, once, under a lock.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Iterator
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Final

from usnz._collection import AnyRecord
from usnz._countries import COUNTRIES
from usnz._dataset import KINDS, Dataset
from usnz._errors import ArgumentTypeError, ArgumentValueError, DataError, Error, Problem
from usnz._records import Conflict, Event, Organization, Person, Record, Source

if TYPE_CHECKING:
    from cattrs.preconf.json import JsonConverter

__all__ = ["MAX_FILE_BYTES", "dataset", "load", "load_packaged"]

MAX_FILE_BYTES: Final = 16 * 1024 * 1024
"""Largest data file usnz reads (16 MiB); a bigger file is reported as a problem."""

# What kind of record each reference field must point at (others: any kind).
_TARGETS: Final[dict[str, type[AnyRecord]]] = {
    "citations.source": Source,
    "conflict": Conflict,
    "speaker": Person,
    "participants": Person,
    "signatories": Person,
    "organizations": Organization,
    "organization": Organization,
    "via": Organization,
    "event": Event,
}

_lock = threading.Lock()
_packaged: Dataset | None = None


def _records_in(name: str, data: bytes, converter: JsonConverter, problems: list[Problem]) -> Iterator[AnyRecord]:
    """Structure every record of one file, adding a problem for each that fails."""
    import cattrs  # noqa: PLC0415 - cattrs only when data is read

    stem = Path(name).stem
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
                message=f"file is {len(data):,} bytes, over the {MAX_FILE_BYTES:,}-byte limit",
            )
        )
        return
    if not data.strip():
        problems.append(
            Problem(file=name, record=None, path="", message="file is empty; expected a JSON array of records")
        )
        return
    try:
        items: object = json.loads(data.decode("utf-8"))
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
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            problems.append(
                Problem(
                    file=name, record=index, path="", message=f"expected a JSON object, got {json.dumps(entry)[:60]}"
                )
            )
            continue
        item: dict[str, object] = entry  # pyright: ignore[reportUnknownVariableType]
        given_id = item.get("id")
        label: str | int = given_id if isinstance(given_id, str) and given_id else index
        try:
            yield converter.structure(item, cls)
        except cattrs.BaseValidationError as error:
            for message in cattrs.transform_error(error, path="", format_exception=_describe):
                text, _, path = message.rpartition(" @ ")
                problems.append(Problem(file=name, record=label, path=path.lstrip("."), message=text))


def _describe(error: BaseException, type_: type | None) -> str:
    """Say what was wrong with one value, in words."""
    from cattrs.v import format_exception  # noqa: PLC0415

    if isinstance(error, KeyError):
        return "required field missing"
    if isinstance(error, Error) or (type_ in {Decimal, None} and isinstance(error, ValueError | TypeError)):
        return str(error)
    text = format_exception(error, type_)
    if "not in literal" in text and type_ is not None:
        import typing  # noqa: PLC0415

        accepted = ", ".join(repr(v) for v in typing.get_args(type_))
        return f"not one of the accepted values ({accepted})"
    return text


def _check(records: list[tuple[str, AnyRecord]], problems: list[Problem]) -> None:
    """Check what no single record can: unique ids, references, citations, countries."""
    by_id: dict[str, AnyRecord] = {}
    for name, record in records:
        if record.id in by_id:
            problems.append(
                Problem(
                    file=name,
                    record=record.id,
                    path="id",
                    message=f"id is used twice (also a {by_id[record.id].record_kind})",
                )
            )
        else:
            by_id[record.id] = record
    for name, record in records:
        for field, ref in record.references():
            target = by_id.get(ref)
            expected = _TARGETS.get(field.split("[")[0]) if "roles[" not in field else Organization
            if target is None:
                problems.append(
                    Problem(
                        file=name,
                        record=record.id,
                        path=field,
                        message=f"refers to {ref!r}, which no record has as its id",
                    )
                )
            elif expected is not None and not isinstance(target, expected):
                problems.append(
                    Problem(
                        file=name,
                        record=record.id,
                        path=field,
                        message=f"refers to {ref!r}, a {target.record_kind}; expected a {expected.record_kind}",
                    )
                )
        for code in sorted(record.country_codes() - COUNTRIES.keys()):
            problems.append(
                Problem(
                    file=name,
                    record=record.id,
                    path="",
                    message=f"country code {code!r} is not in usnz's country table ({', '.join(sorted(COUNTRIES))})",
                )
            )
        if isinstance(record, Record):
            for index, citation in enumerate(record.citations):
                source = by_id.get(citation.source)
                if isinstance(source, Source) and citation.paragraph > source.paragraphs:
                    problems.append(
                        Problem(
                            file=name,
                            record=record.id,
                            path=f"citations[{index}].paragraph",
                            message=f"{source.id} has {source.paragraphs} paragraphs, not {citation.paragraph}",
                        )
                    )
            for other in record.disputes:
                target = by_id.get(other)
                if isinstance(target, Record) and record.id not in target.disputes:
                    problems.append(
                        Problem(
                            file=name,
                            record=record.id,
                            path="disputes",
                            message=f"disputes {other!r}, but {other!r} does not list {record.id!r} in its disputes",
                        )
                    )


def _build(
    files: Iterable[tuple[str, bytes]], extends: Dataset | None = None, problems: list[Problem] | None = None
) -> Dataset:
    from usnz._convert import get_converter  # noqa: PLC0415 - cattrs only when data is read

    converter = get_converter()
    problems = [] if problems is None else problems
    records = [("<extended dataset>", r) for r in (extends or ())]
    for name, data in files:
        records.extend((name, record) for record in _records_in(name, data, converter, problems))
    _check(records, problems)
    if problems:
        raise DataError(problems)
    return Dataset(record for _, record in records)


def load_packaged() -> Dataset:
    """Read and validate the data that ships inside the package."""
    folder = resources.files("usnz") / "data"
    files: list[tuple[str, bytes]] = []
    problems: list[Problem] = []
    for stem in KINDS:
        name = f"{stem}.json"
        try:
            files.append((name, (folder / name).read_bytes()))
        except FileNotFoundError:
            problems.append(Problem(file=name, record=None, path="", message="missing from the package"))
    return _build(files, problems=problems)


def dataset() -> Dataset:
    """The packaged dataset, loaded on first use, once, thread-safely.

    >>> import usnz
    >>> usnz.dataset() is usnz.dataset()
    True
    """
    global _packaged  # noqa: PLW0603 - the one lazily loaded dataset
    if _packaged is None:
        with _lock:
            if _packaged is None:
                _packaged = load_packaged()
    return _packaged


def load(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, extends: Dataset | None = None
) -> Dataset:
    """Load a dataset from JSON files in the packaged format.

    Args:
        paths: A directory (every ``<kind>.json`` in it), one file, or several files.
            Each file is named after its kind (``events.json``, ``people.json``...).
        extends: A dataset whose records the new ones join (``usnz.dataset()`` to add
            to the packaged data). Ids must not clash with it.

    Raises:
        DataError: listing every problem in every file; no partial dataset is returned.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    if not isinstance(paths, Iterable):
        msg = f"load() takes a path, or a list of paths, to JSON data files; got {type(paths).__name__} {paths!r}"
        raise ArgumentTypeError(msg)
    paths = list(paths)
    for path in paths:
        if not isinstance(path, str | os.PathLike):
            msg = f"load() takes paths as str or os.PathLike; got {type(path).__name__} {path!r}"
            raise ArgumentTypeError(msg)
        if not str(path).strip():
            msg = "load() was given an empty path; give a directory of <kind>.json files or the files"
            raise ArgumentValueError(msg)
    if not paths:
        msg = "load() was given no paths; give a directory of <kind>.json files or the files"
        raise ArgumentValueError(msg)
    if extends is not None and not isinstance(extends, Dataset):
        msg = f"extends= takes a usnz.Dataset such as usnz.dataset(); got {type(extends).__name__}"
        raise ArgumentTypeError(msg)
    files: list[tuple[str, bytes]] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(path.glob("*.json"))
            if not found:
                problems.append(
                    Problem(file=str(path), record=None, path="", message="no .json data files in this directory")
                )
            targets = found
        else:
            targets = [path]
        for target in targets:
            try:
                files.append((str(target), target.read_bytes()))
            except OSError as error:
                problems.append(
                    Problem(file=str(target), record=None, path="", message=f"cannot read: {error.strerror}")
                )
    return _build(files, extends, problems)
