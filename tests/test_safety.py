"""No network and no unsafe loading: checked on the code and on the running test session."""

from __future__ import annotations

import ast
import socket
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "usnz"
FORBIDDEN_MODULES = {
    "pickle",
    "cPickle",
    "dill",
    "marshal",
    "shelve",
    "subprocess",
    "socket",
    "urllib",
    "http",
    "requests",
}
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}


def _python_files() -> list[Path]:
    files = sorted(SRC.rglob("*.py"))
    assert files, f"no source files under {SRC}"
    return files


@pytest.mark.parametrize("path", _python_files(), ids=lambda p: p.name)
def test_source_has_no_unsafe_loading_or_network(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            names = {(node.module or "").split(".")[0]}
        else:
            names = set()
        assert not names & FORBIDDEN_MODULES, f"{path.name}:{node.lineno} imports {names & FORBIDDEN_MODULES}"
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                assert func.id not in FORBIDDEN_CALLS, f"{path.name}:{node.lineno} calls {func.id}()"
            if isinstance(func, ast.Attribute) and func.attr == "load" and isinstance(func.value, ast.Name):
                assert func.value.id not in {"yaml", "pickle", "marshal"}, (
                    f"{path.name}:{node.lineno} {func.value.id}.load"
                )


def test_the_scan_catches_what_it_looks_for(tmp_path: Path) -> None:
    bad = "import pickle\nfrom subprocess import run\neval('1')\nyaml.load(x)\n"
    tree = ast.parse(bad)
    imports = [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)]
    calls = [n.func for n in ast.walk(tree) if isinstance(n, ast.Call)]
    assert {"pickle", "subprocess"} <= {getattr(n, "module", None) or n.names[0].name for n in imports}
    assert any(isinstance(f, ast.Name) and f.id == "eval" for f in calls)
    assert any(isinstance(f, ast.Attribute) and f.attr == "load" for f in calls)


def test_sockets_are_disabled_during_the_tests() -> None:
    with pytest.raises(RuntimeError, match="network access attempted"):
        socket.create_connection(("example.com", 80), timeout=1)
    with pytest.raises(RuntimeError, match="network access attempted"):
        socket.getaddrinfo("pypi.org", 443)
    with socket.socket() as sock, pytest.raises(RuntimeError):
        sock.connect(("192.0.2.1", 80))
    with socket.socket() as sock, pytest.raises(RuntimeError):
        sock.connect_ex(("192.0.2.1", 80))
