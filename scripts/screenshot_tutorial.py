"""Screenshot the tutorial's table of Vietnam War contributions as JupyterLab shows it.

    python scripts/screenshot_tutorial.py      # writes docs/_static/tutorial-jupyterlab.png

Runs docs/tutorial.ipynb through a Jupyter kernel (in a temporary folder), writes it with
nbconvert's ``lab`` template (JupyterLab's own stylesheet) and photographs, in headless
Chromium, the section "The contributions": its heading, the query and the table it shows.
Needs the ``test`` extra and the system's Chromium (``apt-get install chromium``); it shares
its page and browser set-up with tests/test_browser.py, which checks the same page.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from lab_page import chromium, lab_html, open_page  # noqa: E402 - the helpers live with the tests
from tutorial import execute  # noqa: E402

OUT = ROOT / "docs" / "_static" / "tutorial-jupyterlab.png"
# Show only the section's heading cell and the cell after it (the query and its table).
SECTION = """window.addEventListener("load", () => {
  const cells = [...document.querySelectorAll(".jp-Cell")];
  const first = cells.findIndex((cell) => cell.querySelector("#The-contributions"));
  cells.forEach((cell, i) => { if (i < first || i > first + 1) cell.style.display = "none"; });
});"""


def main(argv: list[str] | None = None) -> int:
    """Write the screenshot; 1 when Chromium is missing or draws nothing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"the PNG to write (default: {OUT.relative_to(ROOT)})")
    parser.add_argument("--window", default="1280,460", help="width,height in CSS pixels (default: 1280,460)")
    args = parser.parse_args(argv)
    browser = chromium()
    if browser is None:
        print("chromium is not installed: apt-get install chromium", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="usnz-screenshot-") as scratch:
        folder = Path(scratch)
        page = lab_html(execute(folder), script=SECTION)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        done = open_page(browser, page, folder, window=args.window, action=f"--screenshot={args.out.resolve()}")
    if done.returncode != 0 or not args.out.is_file():
        print(f"chromium exited {done.returncode}:\n{done.stderr[-2000:]}", file=sys.stderr)
        return 1
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
