"""Check the citations' quotes of some data files against the source texts; print each problem.

    python scripts/check_quotes.py src/usnz/data/events.json [...]

The rules are the provenance tests' (``tests/test_provenance.py``, ``quote_problems``): every
citation has a quote found in its paragraph, every number a record carries is in its quotes,
and every quote shares a word with its record. Exit 1 when a problem is found.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import usnz  # noqa: E402
from test_provenance import _file, _paragraphs, quote_problems  # noqa: E402


def main(files: list[str]) -> int:
    """Print the problems of the records in *files* (packaged data file paths); 1 if any."""
    seeds = ROOT.parent / "shared" / "seeds"
    texts = {source.id: _paragraphs(_file(seeds, source)) for source in usnz.sources()}
    kinds = {usnz.KINDS[Path(f).stem] for f in files}
    records = [r for r in usnz.dataset() if type(r) in kinds and not isinstance(r, usnz.Source)]
    problems = quote_problems(records, texts)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problems in {len(records)} records")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
