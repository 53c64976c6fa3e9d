"""Write the "Doubtful spots" section of docs/data-notes.md from the records' doubts.

    python scripts/doubt_notes.py            # rewrite the section
    python scripts/doubt_notes.py --check    # change nothing; exit 1 if the section is out of date

The section lists every doubt of the packaged records, by kind, then by source and paragraph;
a doubt worded the same on several records is listed once, with every record that carries it.
``tests/test_doubts.py`` fails until the section is regenerated after a data change.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import usnz

ROOT = Path(__file__).resolve().parent.parent
NOTES = ROOT / "docs" / "data-notes.md"
START = "## Doubtful spots\n"
END = "## Facts from outside the texts\n"
HEADINGS = {
    "contradiction": "Contradictions",
    "vague": "Vague spots",
    "garbled": "Garbled text",
    "typo": "Typos",
    "reading": "Readings taken",
    "outside": "Facts from outside the texts",
}
INTRO = """\
Where a careful reader of the texts would hesitate, the records say so in their `doubts`: each a
`usnz.Doubt` with its kind, the source and paragraphs where it lies, what the text says and
leaves open, the reading the record took, and the other records it `concerns`. A user meets the
doubt on every record it touches (`usnz show` prints them; `usnz.doubts(kind=...,
paragraph=...)` finds them). Nothing is settled with outside knowledge.

This list is generated from the records by `scripts/doubt_notes.py` (`tests/test_doubts.py`
checks it is current): every doubt, by kind, then by source and paragraph; a doubt worded the
same on several records is listed once, with the records that carry it.
"""
LABELS = {"encyclopedia-nz-us-relations": "Encyclopedia", "nzpa-key-leaves-us": "NZPA"}


def section(data: usnz.Dataset) -> str:
    """The section's text, from its heading to the line before the next section."""
    carried: dict[tuple[str, str, tuple[int, ...], str], list[str]] = {}
    for record in data:
        for doubt in record.doubts:
            carried.setdefault((doubt.kind, doubt.source, doubt.paragraphs, doubt.text), []).append(record.id)
    sources = [source.id for source in data.sources()]
    lines = [START, "\n", INTRO]
    for kind, heading in HEADINGS.items():
        entries = sorted(
            (key for key in carried if key[0] == kind),
            key=lambda key: (sources.index(key[1]) if key[1] in sources else len(sources), key[2], key[3]),
        )
        if not entries:
            continue
        lines.extend(["\n", f"### {heading} ({len(entries)})\n", "\n"])
        for _, source, paragraphs, text in entries:
            where = ", ".join(f"¶{n}" for n in paragraphs)
            records = ", ".join(f"`{record_id}`" for record_id in sorted(carried[kind, source, paragraphs, text]))
            lines.append(f"- {LABELS.get(source, source)} {where}: {text} Records: {records}.\n")
    lines.append("\n")
    return "".join(lines)


def rewritten(text: str, data: usnz.Dataset) -> str:
    """The data notes *text* with its doubtful-spots section written anew."""
    start, end = text.index(START), text.index(END)
    return text[:start] + section(data) + text[end:]


def main() -> int:
    """Rewrite (or, with ``--check``, check) the section; the exit status says whether it was current."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if out of date")
    args = parser.parse_args()
    text = NOTES.read_text(encoding="utf-8")
    new = rewritten(text, usnz.dataset())
    if new == text:
        return 0
    if args.check:
        sys.stdout.write(f"{NOTES.relative_to(ROOT)}: the doubtful spots are out of date; run {sys.argv[0]}\n")
        return 1
    NOTES.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
