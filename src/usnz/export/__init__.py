"""Open exports: the data as CSV, JSON, JSON Lines or Parquet files with a Frictionless data package.

>>> import tempfile, usnz.export
>>> with tempfile.TemporaryDirectory() as out:
...     written = usnz.export.write(out, format="csv")
...     sorted(p.name for p in written)[:4]
['agreements.csv', 'assistance.csv', 'citations.csv', 'conflicts.csv']

- ``csv``: one table per record kind (``events.csv``...), its fields flattened into
  typed columns as in :meth:`usnz.Records.to_frame` (no common columns), plus
  ``citations.csv`` (one row per citation) and ``countries.csv`` (the country table with
  Correlates of War codes). ``datapackage.json`` gives each table a Table Schema with
  its primary key and foreign keys.
- ``json``: one file per kind in the packaged data format (``usnz.load`` reads it).
- ``jsonl``: the same records, one JSON object per line.
- ``parquet`` (the ``arrow`` extra): one Parquet file per kind holding its data frame,
  :meth:`usnz.Dataset.to_frame`, with the frame's types (see :mod:`usnz.faces.parquet`),
  plus ``citations.parquet`` and ``countries.parquet``.

For ``json`` and ``jsonl`` the JSON Schema of each kind is written to
``schemas/<kind>.schema.json`` and named by its resource's ``jsonSchema``.

``datapackage.json`` follows Data Package v2. Its ``id`` is a UUID derived from the files'
SHA-256 (the same files, the same id) and its ``created`` is the first day of the month
of the data version (``2026.11.3``: ``2026-11-01T00:00:00Z``), never the time of writing,
so an export is reproducible byte for byte.

An export never loses data: it is written into a new directory beside *out* and moved
into place, and it replaces only a new or empty directory or an earlier usnz export
(see :func:`write`).
"""

from __future__ import annotations

import copy
import os
import typing
from pathlib import Path
from typing import Any

from usnz.export.formats import FORMATS, WRITERS, json_bytes
from usnz.export.formats import Format as Format  # (as before the split: Format, PROFILE... stay here)
from usnz.export.package import CROSSWALK_SOURCES as CROSSWALK_SOURCES
from usnz.export.package import LICENSE as LICENSE
from usnz.export.package import PROFILE as PROFILE
from usnz.export.package import package as _package
from usnz.export.safety import DESCRIPTOR, out_text, state_of
from usnz.export.schemas import STRICT_EDTF_DATE as STRICT_EDTF_DATE
from usnz.export.schemas import STRICT_EDTF_INTERVAL as STRICT_EDTF_INTERVAL
from usnz.export.schemas import json_schema
from usnz.export.swap import install
from usnz.model.calls import checked_call
from usnz.model.errors import ArgumentTypeError, ArgumentValueError, type_and_value
from usnz.model.names import kind_name
from usnz.querying.dataset import Dataset
from usnz.querying.lookup import given_dataset

__all__ = ["FORMATS", "datapackage", "json_schema", "kind_name", "write"]


@checked_call
def datapackage(*, format: Format = "csv", data: Dataset | None = None) -> dict[str, Any]:  # noqa: A002 - the option's name
    """The Frictionless data package descriptor (``datapackage.json``, Data Package v2) of an export.

    Each call returns a new object: changing it changes nothing else.

    Args:
        format: ``csv``, ``json``, ``jsonl`` or ``parquet``.
        data: The dataset to describe; by default the packaged one.

    Raises:
        MissingExtraError: for ``parquet`` when pyarrow (or pandas) is not installed.
    """
    descriptor, _ = _package(_check_format(format), given_dataset(data))
    return copy.deepcopy(descriptor)


def _check_format(fmt: object) -> Format:
    for known in WRITERS:  # the registry, so a format registered later is known too
        if fmt == known:
            return typing.cast("Format", known)
    if not isinstance(fmt, str):  # None or another type: a type error, as everywhere else
        msg = f"format= takes an export format as a str, one of {', '.join(WRITERS)}; got {type_and_value(fmt)}"
        raise ArgumentTypeError(msg)
    msg = f"format={fmt!r:.80} is not an export format; accepted: {', '.join(WRITERS)}"
    raise ArgumentValueError(msg)


@checked_call
def write(
    out: str | os.PathLike[str],
    *,
    format: Format = "csv",  # noqa: A002 - the option's name
    data: Dataset | None = None,
    force: bool = False,
) -> tuple[Path, ...]:
    """Write the data to directory *out*: one file per kind and ``datapackage.json``.

    The export is written into a new hidden directory beside *out*, flushed to disk, then
    moved into place, so *out* always holds either its previous contents or the whole new
    export, never a mix or a partial file. *out* may be missing (it is created, with its
    parents), empty, or an earlier usnz export, unchanged: a directory whose
    ``datapackage.json`` is a usnz descriptor (``"name": "usnz"`` and the Data Package v2
    ``$schema``, or an earlier usnz export's ``data-package`` or ``tabular-data-package``
    profile) naming only files an export writes, which holds nothing but those files, each
    with the size and SHA-256 its descriptor gives. That export is replaced whole, so no file
    of another format is left behind. Anything else is refused and left untouched; with
    *force*, an earlier usnz export is replaced even when its files were changed or it holds
    others (a folder without a usnz descriptor is refused even then). A read-only export, a
    mount point, the current directory and the root are always refused. Symbolic links are
    followed. Writing needs permission to create entries in *out*'s parent directory.

    Args:
        out: The directory to write to; a leading ``~`` or ``~user`` is that home directory,
            as a shell and ``usnz.load`` read it (a ``~user`` that names no user is refused).
        format: ``csv`` (default), ``json``, ``jsonl`` or ``parquet`` (needs the ``arrow``
            extra: ``pip install ".[arrow]"`` in a clone).
        data: The dataset to write; by default the packaged one.
        force: Replace an earlier usnz export even when a file in it was changed or added.

    Returns:
        The paths written (under *out* as given, ``~`` expanded), ``datapackage.json`` last.

    Raises:
        ArgumentTypeError: when *out* is not a path, *data* not a Dataset or *force* not a bool.
        ArgumentValueError: for an unknown format, or when *out* is empty (``''``), starts
            with a ``~user`` that names no user here, a file,
            the root of the file system, a mount point, the current directory (or holds it),
            a non-empty directory that is not a usnz export, an export with a file changed or
            added (without *force*), or a read-only one.
        MissingExtraError: for ``parquet`` when pyarrow (or pandas) is not installed.
        OSError: when the disk is full, permission is denied...; the previous contents
            of *out* are left as they were.
    """
    fmt = _check_format(format)
    text = out_text(out)
    if not isinstance(force, bool):
        msg = f"force= takes True or False; got {type_and_value(force)}"
        raise ArgumentTypeError(msg)
    checked = given_dataset(data)
    target = Path(os.path.realpath(text))
    state_of(text, target, force=force)  # refuse at once, before the work
    descriptor, files = _package(fmt, checked)
    files[DESCRIPTOR] = json_bytes(descriptor)
    install(text, target, files, force=force)
    folder = Path(text)
    return tuple(folder / relative for relative in files)
