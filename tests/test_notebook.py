"""The tutorial notebook runs, cell by cell, through a real Jupyter kernel; any cell error fails."""

from __future__ import annotations

import nbformat

from tutorial import NOTEBOOK, outputs, result, run


def test_the_notebook_is_stored_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
    assert notebook.metadata["kernelspec"]["name"] == "python3"


def test_every_cell_runs_without_error() -> None:
    notebook = run().notebook
    assert not [o for o in outputs(notebook) if o.output_type == "error"]
    assert all(cell.execution_count for cell in notebook.cells if cell.cell_type == "code")


def test_results_show_as_html_tables_and_the_plot_renders() -> None:
    notebook = run().notebook
    html = [o["data"]["text/html"] for o in outputs(notebook) if "text/html" in o.get("data", {})]
    assert any('class="usnz-table usnz-records"' in h and "161-battery-vietnam" in h for h in html)
    assert any('class="usnz-table usnz-record"' in h for h in html)
    pictures = [o["data"]["image/png"] for o in outputs(notebook) if "image/png" in o.get("data", {})]
    assert len(pictures) >= 2


def test_the_csv_exports_are_written_and_read_back() -> None:
    notebook = run().notebook
    assert result(notebook, "vietnam-contributions.csv").startswith("'id,record_kind,label,when,")
    assert "'datapackage.json'" in result(notebook, "usnz.export.write(")
    assert "161-battery-vietnam" in result(notebook, "pd.read_csv(")


def test_a_run_leaves_nothing_behind() -> None:
    tutorial = run()
    assert sorted(tutorial.folder_after - tutorial.folder_before) == [], f"left in {NOTEBOOK.parent}"
    assert tutorial.temporary_after == tutorial.temporary_before
    assert result(tutorial.notebook, "scratch.cleanup()") == "False"  # the notebook removes its own folder
