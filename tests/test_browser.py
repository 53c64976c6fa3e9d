"""The tutorial's tables as JupyterLab shows them, checked in a real browser (headless Chromium).

nbconvert's ``lab`` template writes the executed tutorial with JupyterLab's own stylesheet, whose
``.jp-RenderedHTMLCommon td {text-align: right}`` is more specific than a plain ``.usnz-table td``.
A script injected into the page reads the computed styles and the laid-out text of every usnz
table: text cells must be left-aligned and no id may wrap onto a second line or be cut.

Chromium comes from the system packages (``apt-get install chromium``). Without it the tests are
skipped, except in CI (``CI`` set), where ``.ci/run`` installs it and a missing browser fails.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

import usnz
from lab_page import chromium, lab_html, open_page
from tutorial import run

MEASURE = Path(__file__).with_name("measure_tables.js")
WINDOW = "1024,768"  # a laptop's JupyterLab; ids broke at hyphens at this width before the fix
_COUNT = r"[~≈]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_NUMBER = re.compile(f"{_COUNT}(?: ?– ?{_COUNT})?")  # a count or figure (1,044; ~3,000; a range) may align right


def browser() -> str:
    """The browser to run; skip without one, except in CI, where a missing browser is a failure."""
    found = chromium()
    if found is not None:
        return found
    if os.environ.get("CI"):
        pytest.fail("CI is set but chromium is not installed: .ci/run installs it (apt-get install chromium)")
    pytest.skip("chromium is not installed (apt-get install chromium); CI runs this test")


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What the measuring script found in the tutorial, laid out by headless Chromium."""
    found = browser()
    page = lab_html(run().notebook, script=MEASURE.read_text(encoding="utf-8"))
    done = open_page(found, page, tmp_path_factory.mktemp("browser"), window=WINDOW, action="--dump-dom")
    result = re.search(r'<pre id="usnz-measured">(.*?)</pre>', done.stdout, re.DOTALL)
    assert result, f"chromium exited {done.returncode} without measuring the page:\n{done.stderr[-2000:]}"
    measurements: dict[str, Any] = json.loads(html.unescape(result.group(1)))
    return measurements


def test_the_page_has_jupyterlab_s_right_aligning_rule(measured: dict[str, Any]) -> None:
    assert measured["control"] == "right"  # a plain table in a JupyterLab output is right-aligned
    assert len(measured["tables"]) >= 3
    assert all(table["inOutput"] for table in measured["tables"])


def may_align_right(table: dict[str, Any]) -> list[bool]:
    """Which cells hold numbers: in a results table, a whole column of them (with its header)."""
    cells = table["cells"]
    if "usnz-records" not in table["className"]:  # a record's fields: one value per row
        return [cell["tag"] == "td" and bool(_NUMBER.fullmatch(cell["text"])) for cell in cells]
    body = [cell for cell in cells if not cell["head"] and cell["text"]]
    text = {cell["column"] for cell in body if not _NUMBER.fullmatch(cell["text"])}
    return [cell["column"] not in text and any(c["column"] == cell["column"] for c in body) for cell in cells]


def test_text_cells_are_left_aligned(measured: dict[str, Any]) -> None:
    wrong = []
    for table in measured["tables"]:
        for cell, number in zip(table["cells"], may_align_right(table), strict=True):
            if cell["text"] and not number and cell["textAlign"] not in {"left", "start"}:
                wrong.append(f"{cell['tag']} {cell['text'][:40]!r}: text-align {cell['textAlign']}")
    assert not wrong, f"{len(wrong)} text cells not left-aligned, e.g. {wrong[:5]}"


def test_no_id_wraps_or_is_cut(measured: dict[str, Any]) -> None:
    ids = {record.id for record in usnz.dataset()}
    pieces = [piece for table in measured["tables"] for piece in table["pieces"] if piece["text"] in ids]
    shown = {piece["text"] for piece in pieces}
    assert set(usnz.force_contributions(conflict="vietnam-war").ids()) <= shown  # the table of contributions
    assert "vietnam-war" in shown  # the record shown on its own
    broken = sorted({piece["text"] for piece in pieces if piece["lines"] != 1 or piece.get("cut")})
    assert not broken, f"{len(broken)} of {len(shown)} ids shown wrap or are cut, e.g. {broken[:5]}"
