"""The tutorial notebook, run once per test session through a real Jupyter kernel, in its own folder.

The kernel starts in docs/, where Jupyter (and a reader who opens the notebook there) runs it, so
the tests see what a run leaves behind in that folder and in the temporary directory.
"""

from __future__ import annotations

import functools
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "docs" / "tutorial.ipynb"
_NOT_OURS = {"_build", "jupyter_execute", "__pycache__", ".ipynb_checkpoints"}  # git-ignored build output


@dataclass(frozen=True)
class Run:
    """An executed copy of the tutorial, and the files around it before and after the run."""

    notebook: nbformat.NotebookNode
    folder_before: frozenset[str]
    folder_after: frozenset[str]
    temporary_before: frozenset[str]
    temporary_after: frozenset[str]


def _files(folder: Path) -> frozenset[str]:
    return frozenset(
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if not _NOT_OURS & set(path.relative_to(folder).parts)
    )


def _temporary() -> frozenset[str]:
    return frozenset(path.name for path in Path(tempfile.gettempdir()).glob("usnz-tutorial-*"))


def execute(folder: Path) -> nbformat.NotebookNode:
    """A fresh copy of the tutorial, executed with its kernel started in *folder*.

    Raises:
        CellExecutionError: naming the cell, when any cell fails.
    """
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}})
    client.execute()
    return notebook


@functools.cache
def _run() -> Run:
    folder = NOTEBOOK.parent
    folder_before, temporary_before = _files(folder), _temporary()
    notebook = execute(folder)
    return Run(notebook, folder_before, _files(folder), temporary_before, _temporary())


def run() -> Run:
    """The tutorial, executed once (later calls give the same run); skips outside a source checkout."""
    import pytest

    if not NOTEBOOK.is_file():
        pytest.skip(f"the tutorial is not at {NOTEBOOK} (not running from a source checkout)")
    return _run()


def outputs(notebook: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    """Every output of every code cell, in order."""
    return [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]


def result(notebook: nbformat.NotebookNode, code: str) -> str:
    """The plain-text result of the one code cell whose source contains *code*."""
    (cell,) = [cell for cell in notebook.cells if cell.cell_type == "code" and code in cell.source]
    (text,) = [o["data"]["text/plain"] for o in cell.outputs if o.output_type == "execute_result"]
    return str(text)
