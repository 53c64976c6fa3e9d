"""A notebook as JupyterLab styles it, opened in headless Chromium (browser test and docs screenshot).

nbconvert's ``lab`` template writes a notebook as one HTML page carrying JupyterLab's own
stylesheet, so the page shows outputs as JupyterLab does. Chromium comes from the system
packages (``apt-get install chromium``); no browser is downloaded and no network is used.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import nbformat


def chromium() -> str | None:
    """The system's Chromium, or None when it is not installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def lab_html(notebook: nbformat.NotebookNode, *, script: str = "") -> str:
    """*notebook* as nbconvert's lab template writes it, with *script* (JavaScript) run on the page."""
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter(template_name="lab").from_notebook_node(notebook)
    return body.replace("</body>", f"<script>{script}</script></body>") if script else body


def open_page(browser: str, page: str, folder: Path, *, window: str, action: str) -> subprocess.CompletedProcess[str]:
    """Load *page* (HTML, written into *folder*) in headless Chromium at *window* size, then do *action*.

    *action* is a Chromium switch: ``--dump-dom`` (the page as its scripts left it, on stdout) or
    ``--screenshot=PATH``. The page's own scripts run for up to 5 s of virtual time; requests
    for anything outside the page fail at once (the template links MathJax and others on a CDN).
    """
    path = folder / "page.html"
    path.write_text(page, encoding="utf-8")
    command = [
        browser,
        "--headless",
        "--no-sandbox",  # CI runs as root
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={folder / 'profile'}",
        f"--window-size={window}",
        "--virtual-time-budget=5000",
        action,
        path.as_uri(),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
