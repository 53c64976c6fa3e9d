"""Shared test set-up: hypothesis profiles and paths."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

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
