"""Checks of an export's data package shared by the export tests: Data Package v2, files as described."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from pathlib import Path
from typing import Any

import frictionless
import jsonschema

import usnz.export

PROFILE = json.loads((Path(__file__).parent / "profiles" / "datapackage-2.0.json").read_text(encoding="utf-8"))
"""The Data Package v2 profile (public domain), as published at https://datapackage.org/profiles/2.0/datapackage.json."""


def check_v2(package: dict[str, Any]) -> None:
    """The descriptor is valid by the Data Package v2 profile, and carries the v2 fields."""
    jsonschema.Draft7Validator(PROFILE).validate(package)
    assert list(package)[:3] == ["$schema", "name", "id"]
    assert package["$schema"] == usnz.export.PROFILE == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert "profile" not in package
    assert str(uuid.UUID(package["id"])) == package["id"]
    assert dt.datetime.fromisoformat(package["created"].replace("Z", "+00:00")).tzinfo == dt.timezone.utc
    for resource in package["resources"]:
        assert "profile" not in resource
        tabular = resource["format"] in {"csv", "parquet"}
        assert resource.get("type") == ("table" if tabular else None), resource["name"]
        assert ("schema" in resource) == tabular, resource["name"]
    assert not list(frictionless.Package.metadata_validate(package))


def check_files(out: Path, package: dict[str, Any]) -> None:
    """Each resource's file has the size and SHA-256 the descriptor gives, and nothing else is there."""
    for resource in package["resources"]:
        content = (out / resource["path"]).read_bytes()
        if resource["format"] == "parquet":  # frictionless cannot count a Parquet file's bytes: none are given
            assert "bytes" not in resource
            assert "hash" not in resource
            continue
        assert resource["bytes"] == len(content), resource["path"]
        assert resource["hash"] == f"sha256:{hashlib.sha256(content).hexdigest()}", resource["path"]
    named = {r["path"] for r in package["resources"]} | {r.get("jsonSchema") for r in package["resources"]}
    files = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}
    assert files == (named - {None}) | {"datapackage.json"}
