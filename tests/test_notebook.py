"""The tutorial notebook runs, cell by cell, through a real Jupyter kernel; any cell error fails."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "docs" / "tutorial.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> tuple[nbformat.NotebookNode, Path]:
    if not NOTEBOOK.is_file():
        pytest.skip(f"the tutorial is not at {NOTEBOOK} (not running from a source checkout)")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    here = tmp_path_factory.mktemp("tutorial")
    client = NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(here)}})
    client.execute()  # raises CellExecutionError, naming the cell, when any cell fails
    return notebook, here


def outputs(notebook: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]


def test_the_notebook_is_stored_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
    assert notebook.metadata["kernelspec"]["name"] == "python3"


def test_every_cell_runs_without_error(executed: tuple[nbformat.NotebookNode, Path]) -> None:
    notebook, _ = executed
    assert not [o for o in outputs(notebook) if o.output_type == "error"]
    assert all(cell.execution_count for cell in notebook.cells if cell.cell_type == "code")


def test_results_show_as_html_tables_and_the_plot_renders(executed: tuple[nbformat.NotebookNode, Path]) -> None:
    notebook, _ = executed
    html = [o["data"]["text/html"] for o in outputs(notebook) if "text/html" in o.get("data", {})]
    assert any('class="usnz-table usnz-records"' in h and "161-battery-vietnam" in h for h in html)
    assert any('class="usnz-table usnz-record"' in h for h in html)
    pictures = [o["data"]["image/png"] for o in outputs(notebook) if "image/png" in o.get("data", {})]
    assert len(pictures) >= 2


def test_the_csv_exports_are_written(executed: tuple[nbformat.NotebookNode, Path]) -> None:
    _, here = executed
    table = (here / "vietnam-contributions.csv").read_text(encoding="utf-8")
    assert table.startswith("id,record_kind,label,when,")
    assert "161-battery-vietnam" in table
    assert (here / "usnz-csv" / "datapackage.json").is_file()
    assert (here / "usnz-csv" / "force_contributions.csv").is_file()
