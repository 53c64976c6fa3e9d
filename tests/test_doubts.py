"""The records' doubts: where the texts are doubtful, said on every record a user meets it on."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

import usnz
from usnz.model.doubt import DOUBT_KINDS

ROOT = Path(__file__).resolve().parent.parent
RECORDS = list(usnz.dataset())
SEEDS = ROOT.parent / "shared" / "seeds"
ENC = "encyclopedia-nz-us-relations"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_the_rotations_list_their_doubts_as_values_the_dispute_first() -> None:
    doubts = usnz.get("nzsas-afghanistan-rotations").doubts
    assert all(isinstance(doubt, usnz.Doubt) for doubt in doubts)
    first = doubts[0]
    assert first.kind == "contradiction"
    assert "nzsas-afghanistan-fifty" in first.concerns
    assert first.paragraphs == (23, 24)
    assert "fifty" in first.text


def test_no_notes_hold_a_doubt_any_more() -> None:
    left = [r.id for r in RECORDS if "Doubt (" in (r.notes or "")]
    assert not left


def test_each_record_lists_its_doubts_by_kind_contradictions_first() -> None:
    for record in RECORDS:
        ranks = [DOUBT_KINDS.index(doubt.kind) for doubt in record.doubts]
        assert ranks == sorted(ranks), record.id


def test_each_doubt_is_short_and_its_paragraphs_in_order() -> None:
    for record in RECORDS:
        for doubt in record.doubts:
            assert len(doubt.text) <= 300, (record.id, len(doubt.text))
            assert list(doubt.paragraphs) == sorted(doubt.paragraphs), record.id


def test_every_dispute_is_a_contradiction_that_names_the_other_claim() -> None:
    disputing = [r for r in RECORDS if getattr(r, "disputes", ())]
    assert len(disputing) >= 6
    for record in disputing:
        for other in record.disputes:  # type: ignore[attr-defined]
            named = [d for d in record.doubts if d.kind == "contradiction" and other in d.concerns]
            assert named, f"{record.id} disputes {other} but no contradiction concerns it"


@pytest.mark.parametrize("paragraph", [19, 20, 21, 37])
def test_records_built_on_a_garbled_paragraph_say_so(paragraph: int) -> None:
    built = [
        r for r in RECORDS if any(c.source == ENC and c.paragraph == paragraph for c in getattr(r, "citations", ()))
    ]
    assert built
    for record in built:
        assert any(d.kind == "garbled" and paragraph in d.paragraphs for d in record.doubts), record.id


def test_every_quote_with_a_lost_character_has_a_garbled_doubt() -> None:
    for record in RECORDS:
        for citation in getattr(record, "citations", ()):
            if citation.quote and re.search(r"\S {2,}\S", citation.quote):
                held = [d for d in record.doubts if d.kind == "garbled" and citation.paragraph in d.paragraphs]
                assert held, f"{record.id} quotes a garble of ¶{citation.paragraph}"


@pytest.mark.parametrize(
    ("record_id", "field", "typo"),
    [
        ("k-force-korea", "summary", "armistices"),
        ("operation-anaconda", "location", "Zorma"),
        ("nzsas-operation-anaconda", "location", "Zorma"),
        ("nzsas-operation-anaconda", "summary", "Zorma"),
        ("battle-of-guadalcanal", "aliases", "Guadacanal"),
    ],
)
def test_our_own_fields_never_copy_a_typo(record_id: str, field: str, typo: str) -> None:
    record = usnz.get(record_id)
    assert typo not in str(getattr(record, field))
    assert any(d.kind == "typo" and typo in d.text for d in record.doubts)


def test_quotes_keep_the_archive_exactly() -> None:
    quote = usnz.get("rice-not-constrained-by-the-past")
    assert isinstance(quote, usnz.Quote)
    assert "means  harnessed" in quote.text
    if SEEDS.is_dir():
        text = (SEEDS / "003_dc8cc6a6557a873a.txt").read_text(encoding="utf-8").splitlines()
        assert quote.text in text[35]


@pytest.mark.parametrize(
    ("record_id", "kind", "words"),
    [
        ("nz-training-team-chi-lang", "contradiction", "second training team"),
        ("nz-training-team-dong-ba-thin", "contradiction", "second training team"),
        ("helen-clark", "vague", "John Key"),
        ("john-key", "vague", "Clark"),
        ("nz-vietnam-economic-assistance", "contradiction", "1961"),
        ("dominion-post-report-clark-anecdote", "vague", "today"),
        ("us-nz-council", "reading", "dating back to"),
        ("nz-us-council", "reading", "council"),
        ("gulf-war", "contradiction", "only in Afghanistan"),
        ("anzac-battalion-vietnam", "garbled", "integrated"),
    ],
)
def test_the_issues_examples_are_flagged(record_id: str, kind: str, words: str) -> None:
    doubts = usnz.get(record_id).doubts
    assert any(d.kind == kind and words.casefold() in d.text.casefold() for d in doubts), doubts


def test_the_data_notes_list_every_doubt_and_are_current() -> None:
    notes = _script("doubt_notes")
    text = (ROOT / "docs" / "data-notes.md").read_text(encoding="utf-8")
    assert notes.rewritten(text, usnz.dataset()) == text, "run python scripts/doubt_notes.py"
    section = notes.section(usnz.dataset())
    for record in RECORDS:
        for doubt in record.doubts:
            assert doubt.text in section
            assert f"`{record.id}`" in section


def test_wars_are_dated_from_the_crosswalk() -> None:
    assert "korean-war" in usnz.conflicts(during=1950).ids()
    assert "korean-war" not in usnz.conflicts(during=1950, basis="stated").ids()
    coded = [c for c in usnz.conflicts() if c.cow_warnum is not None]
    assert len(coded) == 8
    for conflict in coded:
        assert conflict.period is not None, conflict.id
        assert conflict.date_basis == "external", conflict.id
        assert any(c.source == "cow-atop-crosswalk" for c in conflict.citations), conflict.id
        outside = [d for d in conflict.doubts if d.kind == "outside"]
        assert outside, conflict.id
        assert outside[0].source == "cow-atop-crosswalk"
        assert "COW" in outside[0].text
        assert str(conflict.cow_warnum) in outside[0].text
    assert str(usnz.get("korean-war").when) == "1950-06-24/1953-07-27"
    assert usnz.get("war-in-afghanistan").when.end is usnz.OPEN  # type: ignore[union-attr]
    assert usnz.get("iraq-war").when.end is None  # type: ignore[union-attr]
    uncoded = [c.id for c in usnz.conflicts() if c.cow_warnum is None and c.date_basis == "external"]
    assert not uncoded


def test_doubts_finds_them_by_kind_source_and_paragraph() -> None:
    every = usnz.doubts()
    assert len(every) == sum(len(r.doubts) for r in RECORDS)
    assert all(isinstance(item, usnz.Doubted) for item in every)
    ranks = [DOUBT_KINDS.index(item.doubt.kind) for item in every]
    assert ranks == sorted(ranks)
    contradictions = usnz.doubts(kind="contradiction")
    assert contradictions
    assert {item.doubt.kind for item in contradictions} == {"contradiction"}
    on_23 = usnz.doubts(kind="contradiction", paragraph=23)
    assert {item.record.id for item in on_23} >= {"nzsas-afghanistan-fifty", "nzsas-afghanistan-rotations"}
    rotations = next(item for item in on_23 if item.record.id == "nzsas-afghanistan-rotations")
    assert rotations.concerns.ids() == ("nzsas-afghanistan-fifty",)
    assert rotations.touches.ids() == ("nzsas-afghanistan-rotations", "nzsas-afghanistan-fifty")
    assert str(rotations).startswith("nzsas-afghanistan-rotations: contradiction (encyclopedia-nz-us-relations ¶23")
    doubt, record, concerns = rotations
    assert doubt in record.doubts
    assert concerns == rotations.concerns
    nzpa = usnz.doubts(source=usnz.get("nzpa-key-leaves-us"), kind=["typo", "garbled"])
    assert nzpa
    assert all(item.doubt.source == "nzpa-key-leaves-us" for item in nzpa)
    assert usnz.doubts(kind="outside", source="cow-atop-crosswalk")
    assert usnz.dataset().doubts(paragraph=19) == usnz.doubts(paragraph=19)
    assert all(19 in item.doubt.paragraphs for item in usnz.doubts(paragraph=19))


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"kind": "contradictions"}, usnz.ArgumentValueError, "did you mean 'contradiction'"),
        ({"kind": 3}, usnz.ArgumentTypeError, "kind= takes a str"),
        ({"paragraph": "19"}, usnz.ArgumentTypeError, "paragraph= takes a paragraph number"),
        ({"paragraph": True}, usnz.ArgumentTypeError, "paragraph= takes a paragraph number"),
        ({"paragraph": 0}, usnz.ArgumentValueError, "not a paragraph of any source"),
        ({"paragraph": 18, "source": "nzpa-key-leaves-us"}, usnz.ArgumentValueError, "accepted: 1 to 17"),
        ({"source": "nzpa"}, usnz.UnknownRecordError, "nzpa"),
    ],
)
def test_doubts_refuses_bad_filters(kwargs: dict[str, object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        usnz.doubts(**kwargs)  # type: ignore[arg-type]


def test_frames_carry_a_doubt_count() -> None:
    pytest.importorskip("pandas")
    records = usnz.force_contributions()
    frame = records.to_frame()
    columns = list(frame.columns)
    assert columns.index("doubt_count") == columns.index("doubts") + 1
    assert str(frame["doubt_count"].dtype) == "Int64"
    assert list(frame["doubt_count"]) == [len(r.doubts) for r in records]
    assert "doubt_count" not in usnz.Records().to_frame().columns


def test_show_prints_one_doubt_per_line() -> None:
    shown = str(usnz.get("nzsas-afghanistan-rotations"))
    lines = shown.split("  doubts", 1)[1].split("\n  notes", 1)[0].splitlines()
    starts = [line.strip() for line in lines if not line.startswith(" " * 18)]
    assert len(starts) == len(usnz.get("nzsas-afghanistan-rotations").doubts)
    assert starts[0].startswith("contradiction (encyclopedia-nz-us-relations ¶23, ¶24)")


def test_the_undated_events_of_dated_wars_are_named_in_the_data_notes() -> None:
    notes = (ROOT / "docs" / "data-notes.md").read_text(encoding="utf-8")
    span = notes[notes.index("## The time span") : notes.index("## Doubtful spots")]
    dated = {c.id for c in usnz.conflicts() if c.when is not None}
    undated = [
        r.id
        for r in RECORDS
        if r.when is None and getattr(r, "conflict", None) in dated and r.record_kind in {"event", "force-contribution"}
    ]
    assert undated
    missing = [record_id for record_id in undated if f"`{record_id}`" not in span]
    assert not missing, missing


def test_a_total_of_ships_is_open_and_names_the_record() -> None:
    korea = usnz.force_contributions(conflict="korean-war", country="NZL")
    ships = korea.total("ships")
    assert (ships.low, ships.high, ships.best, ships.unit) == (6, None, None, "ships")
    assert ships.open == ("rnzn-korea",)
    assert str(ships).endswith("no upper bound: rnzn-korea)")
    assert str(ships).startswith("at least 6 ships")
    about = usnz.Records([usnz.get("nzsas-afghanistan-rotations")]).total("personnel")
    assert about.open == ()  # a range has an upper bound


def test_every_date_from_outside_the_texts_carries_an_outside_doubt() -> None:
    external = [r for r in usnz.dataset() if getattr(r, "date_basis", None) == "external"]
    assert len(external) >= 20  # the NZPA item's records and the wars dated from COW
    lacking = [r.id for r in external if not any(d.kind == "outside" for d in r.doubts)]
    assert lacking == [], "records dated from outside the texts with no `outside` doubt"


def test_the_nzpa_items_date_from_outside_is_one_doubt_in_one_wording() -> None:
    """The item and what it reports rest on the same outside fact (the summit's month) and leave the same gap."""
    found = usnz.doubts(kind="outside", source="nzpa-key-leaves-us", paragraph=2)
    dated = {item.record.id for item in found if item.record.when == usnz.PartialDate.parse("2010-04~")}
    dated -= {"nuclear-security-summit"}  # dated by the outside fact itself, not by following it
    assert len(dated) == 16
    assert "nzpa-key-leaves-us" in dated
    texts = {item.doubt.text for item in found if item.record.id in dated}
    assert len(texts) == 1
    summit = {item.doubt.text for item in found if item.record.id == "nuclear-security-summit"}
    assert len(summit) == 1
    assert summit != texts  # the summit's own date: its month, not approximate, another doubt


@pytest.mark.parametrize(("kind", "paragraphs"), [("vague", (1,)), ("vague", (12,)), ("outside", (2,))])
def test_the_nzpa_items_undated_spots_read_alike_on_every_record(kind: str, paragraphs: tuple[int, ...]) -> None:
    """One doubt of the text, one wording: "tonight" (¶1), "yesterday" (¶12), the summit's month (¶2)."""
    found = {
        record.id: doubt.text
        for record in RECORDS
        for doubt in record.doubts
        if (doubt.source, doubt.kind, doubt.paragraphs) == ("nzpa-key-leaves-us", kind, paragraphs)
        and record.id != "nuclear-security-summit"  # dated from outside by its own month, not after it
    }
    assert len(found) >= 3
    assert len(set(found.values())) == 1, found
    if paragraphs == (12,):
        assert {"key-biden-talks", "john-key", "joe-biden", "key-biden-meeting-length"} <= set(found)
