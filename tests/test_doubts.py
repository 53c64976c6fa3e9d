"""The data notes and the records say the same about where the texts are doubtful."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import usnz

NOTES = (Path(__file__).resolve().parent.parent / "docs" / "data-notes.md").read_text(encoding="utf-8")
SECTION = NOTES[NOTES.index("## Doubtful spots") : NOTES.index("## Facts from outside the texts")]
ENTRIES = [line for line in SECTION.splitlines() if line.startswith("- ")]


def _named(entry: str) -> list[str]:
    _, _, listed = entry.rpartition("Records:")
    return re.findall(r"`([a-z0-9-]+)`", listed)


def test_every_entry_names_its_records() -> None:
    assert len(ENTRIES) > 100
    for entry in ENTRIES:
        assert re.match(r"- (Encyclopedia|NZPA) ¶\d+", entry), entry[:80]
        assert _named(entry), f"no records named: {entry[:80]}"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e[2:40])
def test_every_record_an_entry_names_exists_and_says_so(entry: str) -> None:
    paragraph = re.match(r"- (?:Encyclopedia|NZPA) (¶\d+)", entry).group(1)  # type: ignore[union-attr]
    for record_id in _named(entry):
        record = usnz.get(record_id)
        notes = getattr(record, "notes", None) or ""
        assert "Doubt (" in notes, f"{record_id} carries no doubt note ({entry[:60]})"
        cited = {f"¶{c.paragraph}" for c in getattr(record, "citations", ())}
        assert paragraph in notes or paragraph in cited, f"{record_id}: nothing about {paragraph}"


def test_every_record_with_disputes_is_in_the_data_notes() -> None:
    disputing = [r.id for r in usnz.dataset() if getattr(r, "disputes", ())]
    assert disputing
    missing = [record_id for record_id in disputing if f"`{record_id}`" not in NOTES]
    assert not missing, f"records with disputes missing from docs/data-notes.md: {missing}"


@pytest.mark.parametrize(
    ("record_id", "words"),
    [
        ("nz-training-team-chi-lang", "second training team"),
        ("nz-training-team-dong-ba-thin", "second training team"),
        ("helen-clark", "John Key"),
        ("john-key", "Clark"),
        ("nz-vietnam-economic-assistance", "1961"),
        ("dominion-post-report-clark-anecdote", "today"),
        ("us-nz-council", "dating back to"),
        ("nz-us-council", "council"),
    ],
)
def test_the_issues_examples_are_flagged(record_id: str, words: str) -> None:
    notes = usnz.get(record_id).notes or ""  # type: ignore[union-attr]
    assert "Doubt (" in notes
    assert words.casefold() in notes.casefold(), notes
