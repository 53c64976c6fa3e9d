"""The house: layers that import one way, and no import circle anywhere in ``src/usnz``.

Every import is counted, those inside functions included, and a module named in a call
(``import_module("usnz.faces.html")``); only ``if TYPE_CHECKING:`` blocks, which never run, are
left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import usnz
from usnz.model import hooks

SRC = Path(usnz.__file__).resolve().parent
# Each layer may import its own and the layers below it, never one above.
LAYERS = {"model": 0, "reading": 1, "querying": 2, "faces": 3, "export": 3}
# The public faces beside the package; the command line stands on the public API itself.
TOP_FACES = {"usnz.frames": 3, "usnz.plot": 3, "usnz.cli": 5, "usnz.__main__": 6}
TOP_FACES["usnz._interrupt"] = 4  # Ctrl-C as the command line starts: imported by the package itself, imports nothing


def _name(path: Path) -> str:
    parts = ["usnz", *path.relative_to(SRC).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(path): path for path in SRC.rglob("*.py")}


def _layer(module: str) -> int:
    if module == "usnz":
        return 4  # the public face: re-exports only
    if module in TOP_FACES:
        return TOP_FACES[module]
    return LAYERS[module.split(".")[1]]


def _type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def _imports(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    todo = [tree]
    while todo:
        node = todo.pop()
        for child in ast.iter_child_nodes(node):
            if _type_checking(child):
                todo.extend(child.orelse)  # type: ignore[attr-defined]
                continue
            if isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names if alias.name.startswith("usnz"))
            elif isinstance(child, ast.ImportFrom) and child.module and child.module.startswith("usnz"):
                for alias in child.names:
                    submodule = f"{child.module}.{alias.name}"
                    found.add(submodule if submodule in MODULES else child.module)
            elif isinstance(child, ast.Call):  # a module named in a call is imported by name (import_module)
                named = (
                    arg.value for arg in child.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                )
                found.update(name for name in named if name.startswith("usnz.") and name in MODULES)
            todo.append(child)
    return {name for name in found if name in MODULES}


GRAPH = {name: _imports(ast.parse(path.read_text(encoding="utf-8"))) for name, path in MODULES.items()}


def test_every_module_belongs_to_a_layer() -> None:
    for name in MODULES:
        assert _layer(name) in {0, 1, 2, 3, 4, 5, 6}, name


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_down_only(module: str) -> None:
    upward = [other for other in GRAPH[module] if _layer(other) > _layer(module)]
    assert not upward, f"{module} imports {upward}, a layer above it"


def test_the_model_imports_nothing_else_of_usnz() -> None:
    for module, imported in GRAPH.items():
        if module.startswith("usnz.model"):
            assert all(other.startswith("usnz.model") for other in imported), (module, imported)


def test_no_import_circle() -> None:
    state: dict[str, int] = {}  # 1 on the path, 2 done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for other in sorted(GRAPH[module]):
            if state.get(other) == 1:
                circle = [*path[path.index(other) :], other]
                pytest.fail(f"import circle: {' -> '.join(circle)}")
            if other not in state:
                visit(other)
        path.pop()
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)


def test_the_graph_sees_imports_inside_functions() -> None:
    assert "usnz.faces.html" in GRAPH["usnz.faces"]  # install() imports it inside the function
    assert "usnz.model.hooks" in GRAPH["usnz.model.base"]
    assert "usnz.model.facts" in GRAPH["usnz.model.amounts"]


def test_a_face_not_installed_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hooks, "_installer", [])
    with pytest.raises(LookupError, match="no face 'nothing' is registered"):
        hooks.face("nothing")
