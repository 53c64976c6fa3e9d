"""One-off migration (issue 21): move each record's ``Doubt (¶N): ...`` sentences out of its notes.

    python scripts/split_doubts.py          # rewrite src/usnz/data/*.json in place

Each ``Doubt (¶N):`` sentence (``Doubt (NZPA ¶N):`` for the NZPA item) becomes a
:class:`usnz.Doubt` in the record's ``doubts``; the sentences after it belong to it or go back
to ``notes`` as the tables below say (read by hand). Its kind is a first guess from its words,
corrected by hand in ``KINDS``; ``concerns`` are the record ids its text names. Doubts are
ordered contradictions first. Kept for the record of how the data was moved; it does nothing on
data that has no ``Doubt (`` sentence left.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "usnz" / "data"
ENCYCLOPEDIA, NZPA = "encyclopedia-nz-us-relations", "nzpa-key-leaves-us"
ORDER = ("contradiction", "vague", "garbled", "typo", "reading", "outside")
_END = re.compile(r"(?<=[.!?])(?:['\"”’])?\s+(?=[A-Z¶'\"‘“(0-9]|[a-z_]+: )")
_DOUBT = re.compile(r"^Doubt \((NZPA )?¶(\d+)\):\s*")
_NOT_END = re.compile(r"(?:\b(?:e\.g|i\.e|U\.S|St|Mr|Dr|Lt|No)\.|\.\.\.)$")

# What the sentences that follow a doubt are, where some do (read by hand). Sentences a
# record does not list here go back to its notes.
CONTINUES: dict[str, tuple[str, ...]] = {
    "gulf-war": ("The text does not reconcile",),
    "operation-anaconda": ("SAS units'",),
    "obama-announces-fta-at-apec-2009": ("Both are kept",),
    "nz-responds-to-un-call-korea": ("Recorded as the text",),
    "bush-and-clark-work-around-nuclear-policy": ("Rice's July 2008",),
    "us-officials-list-fta-obstacles": ("The text does not reconcile",),
    "rice-peters-regular-communication": ("The credit itself",),
    "nz-followed-uk-foreign-policy-years": ("The record carries",),
    "fta-projected-us-dairy-decline": ("It says the decline",),
    "nz-training-team-chi-lang": ("Read as two teams",),
    "nz-training-team-dong-ba-thin": ("Read as two teams",),
    "2nd-nz-army-training-team-vietnam": ("Read as two teams",),
    "nzsas": ("SAS units'",),
    "hillary-clinton": ("The report is undated",),
    "clark-democrats-few-problems": ("'~' because",),
    "nz-gulf-war-fought-claim": ("Both claims are kept",),
}
# Sentences after a doubt that are doubts of their own: (start of the sentence, kind).
SEPARATE: dict[str, tuple[tuple[str, str], ...]] = {
    "us-nz-council": (("The archive shows the name", "garbled"),),
    "rice-not-constrained-by-the-past": (("The source prints a double space", "garbled"),),
    "dominion-post-report-clark-anecdote": (("'Mrs Clinton' is read", "reading"),),
    "new-zealand-parliament": (("Which council works", "reading"),),
}


def sentences(text: str) -> list[str]:
    """*text* cut into sentences (not after an abbreviation or an ellipsis)."""
    parts: list[str] = []
    start = 0
    for match in _END.finditer(text):
        end = match.start() + len(match.group(0).rstrip())
        piece = text[start:end].strip()
        if _NOT_END.search(piece):
            continue
        parts.append(piece)
        start = match.end()
    if text[start:].strip():
        parts.append(text[start:].strip())
    return parts


def guess(text: str) -> str:
    """A first guess at a doubt's kind from its words (corrected by hand)."""
    low = text.lower()
    rules = (
        ("garbled", r"\blost\b|archiv|runs? of spaces|garble|breaks off|missing from the archived"),
        ("typo", r"typo|misspel|\bspells?\b|spelt|stray word"),
        (
            "contradiction",
            r"contradict|clash|different account|sits? (?:badly|oddly|uneasily)|reconcil|disagree|inconsisten"
            r"|at odds|whereas|while ¶|differ",
        ),
        ("outside", r"\bcow\b|outside (?:both|the) texts?"),
        (
            "vague",
            r"does not (?:say|name|date|give|state|make clear)|do not (?:say|name|date|give)|not (?:dated|named|said|"
            r"given|stated|described)|undated|no (?:date|source|year|speaker|named)|unnamed|names no",
        ),
        ("reading", r"\bread as\b|\bis read\b|\bare read\b|taken as|a reading"),
    )
    return next((kind for kind, pattern in rules if re.search(pattern, low)), "vague")


def _doubt(record_id: str, label: re.Match[str] | None, text: str, kind: str | None, ids: set[str]) -> dict:
    source = NZPA if label is not None and label.group(1) else ENCYCLOPEDIA
    paragraph = int(label.group(2)) if label is not None else 0
    text = text[0].upper() + text[1:]
    return {"kind": kind, "source": source, "paragraphs": [paragraph], "text": text, "record": record_id}


def split(record: dict, ids: set[str]) -> tuple[str | None, list[dict]]:
    """The notes left and the doubts found in one record's notes."""
    record_id = record["id"]
    kept: list[str] = []
    doubts: list[dict] = []
    current: dict | None = None
    label: re.Match[str] | None = None
    for sentence in sentences(record.get("notes") or ""):
        match = _DOUBT.match(sentence)
        if match is not None:
            label = match
            current = _doubt(record_id, match, sentence[match.end() :], None, ids)
            doubts.append(current)
            continue
        separate = next((k for start, k in SEPARATE.get(record_id, ()) if sentence.startswith(start)), None)
        if current is not None and separate is not None:
            doubts.append(_doubt(record_id, label, sentence, separate, ids))
        elif current is not None and sentence.startswith(CONTINUES.get(record_id, ())):
            current["text"] += " " + sentence
        else:
            kept.append(sentence)
    for doubt in doubts:
        text = doubt.pop("text")
        doubt["kind"] = doubt["kind"] or guess(text)
        doubt["text"] = text
        named = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", text)
        doubt["concerns"] = [i for i in dict.fromkeys(named) if i in ids and i != record_id]
        del doubt["record"]
        if not doubt["concerns"]:
            del doubt["concerns"]
    disputes = set(record.get("disputes", ()))
    doubts.sort(key=lambda d: (ORDER.index(d["kind"]), not disputes & set(d.get("concerns", ()))))
    return (" ".join(kept) or None), doubts


def main() -> None:
    files = {path: json.loads(path.read_text(encoding="utf-8")) for path in sorted(DATA.glob("*.json"))}
    ids = {record["id"] for records in files.values() for record in records}
    for path, records in files.items():
        changed = False
        for record in records:
            if "Doubt (" not in (record.get("notes") or ""):
                continue
            notes, doubts = split(record, ids)
            record["doubts"] = doubts
            if notes is None:
                record.pop("notes")
            else:
                record["notes"] = notes
            changed = True
        if changed:
            path.write_text(json.dumps(records, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
