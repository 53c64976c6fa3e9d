"""Each kind's table as a person sees it in JupyterLab itself: a real ``jupyter lab`` on 127.0.0.1 with a
token, an executed notebook opened in headless Chromium at 1280x800 with the file browser open, in the
light and the dark theme.

Measured in the page: every default table fits the notebook's width, numbers are right-aligned and
text left, ids and citations take one line, and text reads against the theme's background. A
screenshot of each theme is written to docs/_static when ``USNZ_SCREENSHOTS`` is set.

Chromium comes from the system packages (``apt-get install chromium``): without it the test is
skipped, except in CI (``CI`` set), where a missing browser fails, as in test_browser.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

import usnz
from lab_page import chromium
from lab_session import browser, lab, trust

pytest.importorskip("jupyterlab", reason="JupyterLab is in the test extras: pip install '.[test]'")

WIDTH, HEIGHT = 1280, 800  # a laptop, with JupyterLab's file browser open beside the notebook
MEASURE = Path(__file__).with_name("measure_lab.js")
STATIC = Path(__file__).resolve().parent.parent / "docs" / "_static"
KINDS = list(usnz.KINDS)


def _browser() -> str:
    found = chromium()
    if found is not None:
        return found
    if os.environ.get("CI"):
        pytest.fail("CI is set but chromium is not installed: .ci/run installs it (apt-get install chromium)")
    pytest.skip("chromium is not installed (apt-get install chromium); CI runs this test")


def _notebook(folder: Path) -> Path:
    """A notebook showing each kind's default table and the disputes, executed by a real kernel."""
    source = str(Path(usnz.__file__).resolve().parent.parent)
    cells = [nbformat.v4.new_code_cell(f"import sys\nsys.path.insert(0, {source!r})\nimport usnz")]
    cells += [nbformat.v4.new_code_cell(f"usnz.dataset().{kind}()") for kind in KINDS]
    cells.append(nbformat.v4.new_code_cell("usnz.disputes()"))
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    ).execute()
    path = folder / "tables.ipynb"
    nbformat.write(notebook, path)
    return path


@pytest.fixture(scope="module", params=["light", "dark"])
def measured(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The tables of the notebook, as JupyterLab laid them out in one theme."""
    found = _browser()
    theme: str = request.param
    folder = tmp_path_factory.mktemp(f"lab-{theme}")
    path = _notebook(folder)
    with lab(folder, theme) as url:
        trust(path, folder)
        with browser(found, folder, width=WIDTH, height=HEIGHT) as page:
            page.call("Page.enable")
            page.call("Page.navigate", url=url.replace("/lab?", f"/lab/tree/{path.name}?"))
            page.wait_for(
                f"document.querySelectorAll('.jp-OutputArea-output table.usnz-table').length >= {len(KINDS)}", 120
            )
            page.wait_for("document.body.dataset.jpThemeName", 30)
            result: dict[str, Any] = page.evaluate(MEASURE.read_text(encoding="utf-8"))
            if os.environ.get("USNZ_SCREENSHOTS"):  # the force contributions, in view
                page.evaluate(
                    "document.querySelectorAll('.jp-OutputArea-output table.usnz-records')[3].scrollIntoView()"
                )
                page.screenshot(STATIC / f"jupyterlab-{theme}.png")
    result["theme_asked"] = theme
    return result


def _records_tables(measured: dict[str, Any]) -> list[dict[str, Any]]:
    return [table for table in measured["tables"] if "usnz-records" in table["className"]]


def test_jupyterlab_is_at_a_laptop_s_size_with_the_file_browser_open(measured: dict[str, Any]) -> None:
    assert measured["viewport"] == [WIDTH, HEIGHT]
    assert measured["sidebarOpen"]
    assert measured["theme"] == {"light": "JupyterLab Light", "dark": "JupyterLab Dark"}[measured["theme_asked"]]
    assert len(_records_tables(measured)) == len(KINDS)


def test_every_kind_s_table_fits_the_notebook(measured: dict[str, Any]) -> None:
    wide = [
        f"{table['kind']}: {table['width']:.0f} px in {table['room']} px"
        for table in _records_tables(measured)
        if table["width"] > table["room"] + 1 or table["right"] > WIDTH
    ]
    assert not wide, wide


def test_numbers_right_text_left(measured: dict[str, Any]) -> None:
    wrong = [
        f"{cell['kind']} {cell['text']!r}: {cell['align']}"
        for table in measured["tables"]
        for cell in table["cells"]
        if cell["text"] and cell["align"] != ("right" if cell["kind"] in {"number", "figure"} else "left")
    ]
    assert not wrong, wrong[:10]
    assert any(cell["kind"] == "number" for table in measured["tables"] for cell in table["cells"])


def test_ids_and_citations_take_one_line(measured: dict[str, Any]) -> None:
    broken = [
        cell["text"]
        for table in measured["tables"]
        for cell in table["cells"]
        if cell["kind"] in {"id", "cited", "number"}
        and cell["text"]
        and cell["lines"] != (cell["sources"] if cell["kind"] == "cited" and not cell["head"] else 1)
    ]  # a citation of several sources takes a line a source
    assert not broken, broken[:10]


def test_no_row_is_tall_and_empty(measured: dict[str, Any]) -> None:
    tall = [cell["text"] for table in _records_tables(measured) for cell in table["cells"] if cell["height"] > 120]
    assert not tall, tall[:5]  # a text cell is cut at about three lines


def test_text_reads_against_the_theme_s_background(measured: dict[str, Any]) -> None:
    faint = [
        f"{cell['text']!r}: {cell['contrast']:.1f}"
        for table in measured["tables"]
        for cell in table["cells"]
        if cell["text"] and cell["contrast"] < 4.5
    ]
    assert not faint, faint[:5]


if __name__ == "__main__":  # pragma: no cover - writes the screenshots: python tests/test_lab.py
    os.environ["USNZ_SCREENSHOTS"] = "1"
    sys.exit(pytest.main([__file__, "-q", "--no-cov", "-p", "no:cacheprovider"]))
