"""Shared test set-up: hypothesis profiles, paths, and source texts the tests write themselves."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=100, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("quick", max_examples=10, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def seeds() -> Path:
    """The folder of source texts beside the repository (skip when it is absent)."""
    if not SEEDS.is_dir():
        pytest.skip(f"the source texts are not at {SEEDS} (expected beside the repository as ../shared/seeds)")
    return SEEDS


OWN_TEXT = "First paragraph.\nThe Treaty was signed in 1951 by three countries. It is long.\nThird one.\n"
"""A source text of three paragraphs, written by :func:`own_texts` (nothing outside the repository needed)."""


class OwnTexts(NamedTuple):
    """A folder holding one small source text, and a folder of data files citing it (with its SHA-256)."""

    texts: Path
    data: Path


def write_own_texts(folder: Path, quote: str = "The Treaty was signed in 1951") -> OwnTexts:
    """Write :data:`OWN_TEXT` under *folder*, and data files whose source has its SHA-256 and whose event quotes it."""
    texts = folder / "texts"
    texts.mkdir()
    (texts / "whatever-name.txt").write_text(OWN_TEXT, encoding="utf-8")
    data = folder / "data"
    data.mkdir()
    source = {
        "id": "my-text",
        "title": "My text",
        "publisher": "Me",
        "kind": "news-article",
        "sha256": hashlib.sha256(OWN_TEXT.encode()).hexdigest(),
        "paragraphs": 3,
        "filename": "mine.txt",
    }
    event = {
        "id": "signing",
        "kind": "other",
        "title": "Signing",
        "summary": "A treaty was signed.",
        "date": "1951",
        "date_basis": "stated",
        "citations": [{"source": "my-text", "paragraph": 2, "quote": quote}],
    }
    (data / "sources.json").write_text(json.dumps([source]), encoding="utf-8")
    (data / "events.json").write_text(json.dumps([event]), encoding="utf-8")
    return OwnTexts(texts, data)


@pytest.fixture
def own_texts(tmp_path: Path) -> OwnTexts:
    """A small source text and data citing it, in *tmp_path*: verify and provenance paths without ../shared."""
    return write_own_texts(tmp_path)


class NetworkBlockedError(RuntimeError):
    """A test tried to reach the network: usnz must never do that."""


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> Iterator[None]:
    """Disable sockets for the whole run: any attempt to connect outside this host fails the test.

    Loopback and Unix sockets stay open (a Jupyter kernel talks to its client over them).
    """
    import socket

    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo
    local = {"localhost", "127.0.0.1", "::1", "", None}

    def is_local(address: object) -> bool:
        return not isinstance(address, tuple) or address[0] in local

    def connect(self: socket.socket, address: object) -> None:
        if not is_local(address):
            raise NetworkBlockedError(f"network access attempted: connect to {address!r}")
        real_connect(self, address)  # type: ignore[arg-type]

    def connect_ex(self: socket.socket, address: object) -> int:
        if not is_local(address):
            raise NetworkBlockedError(f"network access attempted: connect to {address!r}")
        return real_connect_ex(self, address)  # type: ignore[arg-type]

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        if host not in local:
            raise NetworkBlockedError(f"network access attempted: look up {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    patches = pytest.MonkeyPatch()
    patches.setattr(socket.socket, "connect", connect)
    patches.setattr(socket.socket, "connect_ex", connect_ex)
    patches.setattr(socket, "getaddrinfo", getaddrinfo)
    yield
    patches.undo()
