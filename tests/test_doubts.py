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
    with pytest.warns(usnz.QueryWarning, match=r"^indonesia-malaysia-confrontation \(/1966\) has an unknown start"):
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


def test_doubts_read_each_doubt_once_with_the_records_that_carry_it(monkeypatch: pytest.MonkeyPatch) -> None:
    found = usnz.doubts(paragraph=19)
    assert isinstance(found, usnz.Doubts)
    assert isinstance(found, tuple)
    assert isinstance(found[0], usnz.Doubted)
    assert isinstance(found[:3], usnz.Doubts)
    assert len(found[:3]) == 3
    carried = found.by_doubt()
    assert sum(len(records) for records in carried.values()) == len(found)  # every record, under its doubt
    garbled = next(
        d
        for d in carried
        if d.kind == "garbled" and d.text.endswith("not in the surviving text. Quotes keep it as archived.")
    )
    assert carried[garbled].ids() == tuple(item.record.id for item in found if item.doubt == garbled)
    assert len(carried[garbled]) == 11  # one garbled line of ¶19, eleven records built on it
    assert repr(found[:1]) == "Doubts([<vague encyclopedia-nz-us-relations ¶19 on rnzaf-pilots-no-9-squadron>])"
    assert len(repr(found)) < 100 * len(found)  # no record's whole repr
    assert repr(usnz.doubts(kind="contradiction", paragraph=23)[0]) == (
        "Doubted(<contradiction encyclopedia-nz-us-relations ¶23, ¶24> on"
        " <force-contribution nzsas-afghanistan-rotations>, concerns=[nzsas-afghanistan-fifty])"
    )
    assert repr(found[0]).endswith("on <force-contribution rnzaf-pilots-no-9-squadron>)")
    monkeypatch.setenv("COLUMNS", "100")
    text = str(found)
    assert text.count(garbled.text[:40]) == sum(d.text.startswith(garbled.text[:40]) for d in carried)  # each once
    assert text.count("    garbled  encyclopedia-nz-us-relations ¶19") == 1  # the eleven ids, wrapped, then this
    assert text.splitlines()[-1] == f"({len(carried)} doubts; {len({i.record.id for i in found})} records)"
    html = found._repr_html_()
    assert html.count("they were integrated") == sum(("they were integrated" in d.text) for d in carried)
    assert "<code>us-forces-vietnam</code>" in html
    assert str(usnz.doubts(paragraph=17, source="nzpa-key-leaves-us")) == "(0 doubts)"
    every = usnz.doubts()._repr_html_()
    once = {(d.doubt.kind, d.doubt.source, d.doubt.paragraphs, d.doubt.text) for d in usnz.doubts()}
    assert f"… and {len(once) - 50} more; print() or .by_doubt() gives them all" in every


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


NZPA = "nzpa-key-leaves-us"
# Doubtful spots several records carry, each given one wording (DATA_VERSION 2026.12.3): the source, kind and
# paragraphs of the spot, the words its one wording begins with, and the records that carry it.
ONE_WORDING: list[tuple[str, str, tuple[int, ...], str, tuple[str, ...]]] = [
    (
        ENC,
        "contradiction",
        (1, 36),
        "The Herald found",
        ("nz-herald-report-on-rice-visit", "rice-a-friend-and-an-ally"),
    ),
    (ENC, "contradiction", (4, 6, 8, 12, 13), "Calling Korea New", ("korean-war", "nz-responds-to-un-call-korea")),
    (
        ENC,
        "contradiction",
        (6, 8, 12, 22),
        "¶6, ¶8 and",
        ("gulf-war", "nz-afghanistan-fought", "nz-gulf-war-1991", "war-in-afghanistan"),
    ),
    (ENC, "contradiction", (9, 10), "In 2006 unnamed", ("nz-us-fta", "us-links-nuclear-ban-to-fta")),
    (
        ENC,
        "contradiction",
        (9, 12, 31, 37),
        "The 'refusal to",
        ("iraq-war", "nz-engineers-iraq", "nz-us-fta", "us-officials-list-fta-obstacles"),
    ),
    (ENC, "contradiction", (12, 31), "¶31 calls the", ("iraq-war", "nz-engineers-iraq")),
    (
        ENC,
        "contradiction",
        (15, 16),
        "¶15 says economic",
        ("nz-vietnam-economic-assistance", "us-pressure-on-nz-over-vietnam", "vietnam-war"),
    ),
    (
        ENC,
        "contradiction",
        (16, 17),
        "¶17's Engineers, whom",
        ("nz-engineers-vietnam", "us-pressure-on-nz-over-vietnam"),
    ),
    (
        ENC,
        "contradiction",
        (20,),
        "The text names",
        (
            "2nd-nz-army-training-team-vietnam",
            "dong-ba-thin-team-navy-members",
            "nz-training-team-chi-lang",
            "nz-training-team-dong-ba-thin",
        ),
    ),
    (
        ENC,
        "contradiction",
        (21,),
        "The government confirmed",
        ("new-plymouth-2-4-5-t-production", "nz-agent-orange-supply", "nz-confirms-agent-orange-supply"),
    ),
    (
        ENC,
        "contradiction",
        (23, 24),
        "¶23 has fifty",
        ("nzsas", "nzsas-afghanistan-fifty", "nzsas-afghanistan-rotations"),
    ),
    (
        ENC,
        "contradiction",
        (24,),
        "Three six-month rotations",
        (
            "nzsas",
            "nzsas-afghanistan-rotation-count",
            "nzsas-afghanistan-rotation-length",
            "nzsas-afghanistan-rotations",
            "nzsas-withdrawn-from-afghanistan",
            "operation-enduring-freedom",
        ),
    ),
    (
        ENC,
        "contradiction",
        (40, 41, 42),
        "Obama's 2009 announcement",
        ("nz-us-fta", "obama-announces-fta-at-apec-2009", "us-postpones-trade-talks-with-nz"),
    ),
    (ENC, "vague", (1,), "'New Zealand is", ("nato", "nz-major-non-nato-ally")),
    (
        ENC,
        "vague",
        (3,),
        "Savage's 'she' is",
        ("michael-joseph-savage", "nz-declares-war-on-germany", "savage-where-she-goes-we-go"),
    ),
    (ENC, "vague", (4,), "'more than 400,000'", ("pacific-war", "us-forces-in-new-zealand-ww2")),
    (
        ENC,
        "vague",
        (5,),
        "'at the time'",
        (
            "marines-reload-ships-during-wellington-dock-strike",
            "us-1st-marine-division",
            "us-1st-marine-division-wellington",
        ),
    ),
    (ENC, "vague", (6,), "¶6 calls the", ("nz-afghanistan-fought", "war-in-afghanistan")),
    (
        ENC,
        "vague",
        (6, 8, 12),
        "¶6, ¶8 and",
        (
            "first-world-war",
            "gulf-war",
            "korean-war",
            "nz-afghanistan-fought",
            "nz-first-world-war",
            "nz-gulf-war-fought-claim",
            "nz-second-world-war",
            "second-world-war",
            "vietnam-war",
            "war-in-afghanistan",
        ),
    ),
    (ENC, "vague", (7,), "The text gives", ("nz-nuclear-warship-ban", "us-suspends-anzus-obligations-to-nz")),
    (
        ENC,
        "vague",
        (13,),
        "'15 other nations'",
        ("korean-war", "korean-war-other-nations", "nz-responds-to-un-call-korea", "uk-korean-war"),
    ),
    (ENC, "vague", (14,), "The casualties (33", ("k-force-korea", "nz-korea-liaison-officer", "rnzn-korea")),
    (
        ENC,
        "vague",
        (15,),
        "'Private civilian funding'",
        ("vietnamese-student-scholarship-count", "vietnamese-student-scholarships"),
    ),
    (
        ENC,
        "vague",
        (17,),
        "'soon', when the",
        ("australia-vietnam", "us-forces-vietnam", "us-pressure-on-nz-over-vietnam"),
    ),
    (ENC, "vague", (18,), "'increase its commitment", ("nz-increases-vietnam-commitment", "nz-vietnam-1966-increase")),
    (
        ENC,
        "vague",
        (19,),
        "'The rifle companies'",
        ("anzac-battalion", "anzac-battalion-tour-length", "anzac-battalion-vietnam"),
    ),
    (ENC, "vague", (19,), "'Two more RNZAF", ("rnzaf-pilots-no-9-squadron", "royal-new-zealand-air-force")),
    (ENC, "vague", (19,), "The text does not say which", ("no-9-squadron", "rnzaf-pilots-no-9-squadron")),
    (
        ENC,
        "vague",
        (19,),
        "The text does not say outright",
        ("nz-forward-air-controllers-vietnam", "seventh-air-force", "us-forces-vietnam"),
    ),
    (
        ENC,
        "vague",
        (21,),
        "'it manufactured' grammatically",
        ("new-plymouth-2-4-5-t-production", "nz-agent-orange-supply"),
    ),
    (
        ENC,
        "vague",
        (25,),
        "'Secrecy still surrounds'",
        ("nzsas", "nzsas-afghanistan-rotations", "nzsas-mission-success-rate", "radio-nz-report-sas-success-rate"),
    ),
    (
        ENC,
        "vague",
        (25,),
        "The 100% mission",
        (
            "nzsas-afghanistan-rotations",
            "nzsas-mission-success-rate",
            "radio-new-zealand",
            "radio-nz-report-sas-success-rate",
        ),
    ),
    (
        ENC,
        "vague",
        (30, 40, 41),
        "The texts never",
        (
            "clark-democrats-few-problems",
            "clark-value-of-transpacific-agreement",
            "helen-clark",
            "john-key",
            "key-continue-to-advocate-for-trade-deal",
            "key-government-decides-sas-return",
            "key-government-deeply-disappointed",
            "key-responds-to-postponed-trade-talks",
            "nzsas-afghanistan-return-2009",
            "us-announces-p4-negotiations-start",
        ),
    ),
    (
        ENC,
        "vague",
        (31,),
        "The sentence naming",
        ("iraq-war", "nz-engineers-iraq", "un-security-council", "unscr-1483"),
    ),
    (
        ENC,
        "vague",
        (32,),
        "¶32 does not",
        (
            "clark-condolences-to-bush",
            "condoleezza-rice",
            "george-w-bush",
            "goff-sympathy-message-to-rice",
            "helen-clark",
            "hurricane-katrina",
            "nz-katrina-red-cross-pledge",
            "phil-goff",
            "red-cross",
        ),
    ),
    (
        ENC,
        "vague",
        (33,),
        "The $2 million",
        ("nz-katrina-red-cross-pledge", "red-cross", "us-embassy-thanks-nz-for-katrina-help", "us-embassy-wellington"),
    ),
    (ENC, "vague", (34,), "The paragraph is", ("bush-and-clark-work-around-nuclear-policy", "helen-clark")),
    (ENC, "vague", (37,), "'as did 19", ("senators-fta-letter-signers", "senators-letter-on-fta", "us-senate")),
    (ENC, "vague", (37,), "'for almost twenty", ("australia-nz-fta", "australia-nz-fta-age")),
    (ENC, "vague", (37,), "'had indicated' and", ("nz-us-fta", "us-officials-list-fta-obstacles")),
    (
        ENC,
        "vague",
        (38,),
        "The projected effects",
        (
            "fta-projected-us-dairy-decline",
            "fta-projected-us-export-rise",
            "fta-projected-us-export-rise-with-australia",
            "nz-us-fta",
            "us-australia-fta",
        ),
    ),
    (
        ENC,
        "vague",
        (39,),
        "The groups' support",
        (
            "coalition-of-service-industries",
            "emergency-committee-for-american-trade",
            "national-association-of-manufacturers",
            "national-foreign-trade-council",
            "us-business-groups-back-p4-negotiations",
            "us-chamber-of-commerce",
        ),
    ),
    (
        ENC,
        "vague",
        (40,),
        "The text names",
        ("p4-first-round-scheduled", "trans-pacific-partnership", "us-announces-p4-negotiations-start"),
    ),
    (
        ENC,
        "vague",
        (41,),
        "¶41 speaks from",
        (
            "barack-obama",
            "key-continue-to-advocate-for-trade-deal",
            "key-government-deeply-disappointed",
            "key-responds-to-postponed-trade-talks",
            "ron-kirk",
            "us-postpones-trade-talks-with-nz",
            "us-senate",
        ),
    ),
    (ENC, "vague", (41,), "The talks postponed", ("p4-first-round-scheduled", "us-postpones-trade-talks-with-nz")),
    (
        ENC,
        "vague",
        (43,),
        "The caucus's 62",
        ("friends-of-new-zealand-caucus", "friends-of-new-zealand-caucus-members"),
    ),
    (ENC, "vague", (45,), "'reported today' has", ("dominion-post-report-clark-anecdote", "helen-clark")),
    (ENC, "vague", (49,), "Sean Marks's tenth", ("nba", "new-orleans-hornets", "sean-marks", "sean-marks-nba-seasons")),
    (
        ENC,
        "vague",
        (50,),
        "'the second major",
        ("campbell-wins-us-open", "michael-campbell", "nz-golf-major-wins-count"),
    ),
    (
        ENC,
        "vague",
        (52,),
        "'two (known)' listening",
        ("echelon-network", "gcsb", "gcsb-known-listening-posts", "ukusa-agreement"),
    ),
    (ENC, "vague", (52,), "Of the 'five", ("ukusa-agreement", "ukusa-member-countries")),
    (ENC, "vague", (53,), "The turn to", ("ukusa-agreement", "ukusa-community")),
    (
        ENC,
        "vague",
        (58,),
        "'a new initiative'",
        ("cyber-crime-working-group", "cyber-crime-working-group-continents", "cyber-crime-working-group-countries"),
    ),
    (
        ENC,
        "vague",
        (58,),
        "The quoted descriptions",
        ("cyber-crime-working-group", "cyber-crime-working-group-continents"),
    ),
    (
        ENC,
        "vague",
        (63,),
        "The text does",
        (
            "calvin-dooley",
            "christopher-hill",
            "clayton-yeutter",
            "jim-bolger",
            "mike-moore",
            "torchbearer-award-recipients",
        ),
    ),
    (ENC, "vague", (63,), "'Three-term' is given", ("jim-bolger", "jim-bolger-terms-as-prime-minister")),
    (ENC, "vague", (64,), "'Currently' is undated:", ("trans-pacific-partnership", "us-nz-council")),
    (ENC, "vague", (66,), "The New Zealand", ("nz-us-council", "nz-us-fta")),
    (
        ENC,
        "vague",
        (68,),
        "'has begun regular",
        ("condoleezza-rice", "rice-peters-regular-communication", "winston-peters"),
    ),
    (ENC, "garbled", (1,), "The text says", ("barack-obama", "obama-2009-remarks-on-relationship")),
    (ENC, "garbled", (17,), "The archived text", ("161-battery-vietnam", "holyoake-announces-161-battery-deployment")),
    (ENC, "garbled", (17,), "'The Engineers' are", ("161-battery", "161-battery-vietnam", "nz-engineers-vietnam")),
    (ENC, "garbled", (36,), "The archived text", ("rice-not-constrained-by-the-past", "rice-visit-to-new-zealand")),
    (ENC, "garbled", (38,), "The archived text", ("apec", "apec-free-trade-target-year", "nz-us-fta")),
    (
        ENC,
        "garbled",
        (45,),
        "'the anecdote' Helen",
        ("bill-clinton", "dominion-post", "dominion-post-report-clark-anecdote", "helen-clark", "hillary-clinton"),
    ),
    (
        ENC,
        "garbled",
        (49,),
        "The archived text",
        (
            "kirk-penney",
            "penney-signs-with-maccabi-tel-aviv",
            "penney-signs-with-sioux-falls-skyforce",
            "university-of-wisconsin-madison",
        ),
    ),
    (ENC, "garbled", (56,), "¶56 ends 'said", ("nz-ccip", "nz-ccip-statement-on-cyber-storm-2")),
    (ENC, "reading", (54, 56), "¶56 does not name", ("nz-ccip", "nz-ccip-statement-on-cyber-storm-2")),
    (
        "nzpa-key-leaves-us",
        "vague",
        (4,),
        "The 'difficult times'",
        ("key-difficult-times", "key-speech-to-us-nz-council"),
    ),
    (ENC, "typo", (14,), "'after the armistices':", ("k-force-korea", "korean-war-prisoner-captivity-length")),
    (
        ENC,
        "typo",
        (39,),
        "The text reads",
        (
            "p4-member-countries",
            "schwab-announces-p4-negotiations",
            "susan-schwab",
            "trans-pacific-partnership",
            "trans-pacific-strategic-economic-partnership",
            "us-business-groups-back-p4-negotiations",
        ),
    ),
    (
        ENC,
        "typo",
        (50,),
        "The text misspells",
        ("campbell-wins-us-open", "michael-campbell", "tiger-woods", "us-open-2005-prize"),
    ),
    (
        ENC,
        "typo",
        (68,),
        "The text glosses",
        ("new-zealand-parliament", "nz-us-council", "rice-peters-regular-communication", "us-congress"),
    ),
    (
        ENC,
        "reading",
        (4, 5),
        "¶5 names no",
        ("marines-reload-ships-during-wellington-dock-strike", "us-1st-marine-division-wellington"),
    ),
    (
        ENC,
        "reading",
        (4, 5),
        "¶5 does not",
        ("marines-reload-ships-during-wellington-dock-strike", "us-1st-marine-division"),
    ),
    (ENC, "reading", (13,), "The 'United Nations", ("korean-war", "nz-responds-to-un-call-korea", "united-nations")),
    (ENC, "reading", (14,), "The text gives", ("k-force", "k-force-korea")),
    (ENC, "reading", (20,), "The text does", ("army-of-the-republic-of-vietnam", "nixon-vietnamization-policy")),
    (ENC, "reading", (22,), "The text does", ("royal-navy", "royal-navy-persian-gulf")),
    (
        ENC,
        "reading",
        (23,),
        "The text says",
        ("nzsas", "nzsas-afghanistan-fifty", "nzsas-operation-anaconda", "operation-anaconda"),
    ),
    (
        ENC,
        "reading",
        (26,),
        "The fact sheet",
        ("nz-government-sas-fact-sheet", "nzsas", "nzsas-afghanistan-rotations", "nzsas-patrol-length"),
    ),
    (
        ENC,
        "reading",
        (29,),
        "The citation's words",
        (
            "al-qaeda",
            "nzsas",
            "nzsas-task-force-k-bar",
            "presidential-unit-citation-task-force-k-bar",
            "taliban",
            "task-force-k-bar-cited-service",
        ),
    ),
    (
        ENC,
        "reading",
        (32, 33),
        "'$2 million' (¶32,",
        ("nz-katrina-red-cross-pledge", "red-cross", "us-embassy-wellington"),
    ),
    (
        ENC,
        "reading",
        (32, 33),
        "Date inferred: ¶33 dates the further offers",
        ("nz-katrina-disaster-personnel-offer",),
    ),
    (
        ENC,
        "reading",
        (33,),
        "The text does not say outright",
        ("john-titmus", "john-titmus-undac-katrina", "nz-civil-defence-ministry", "titmus-leads-undac-team"),
    ),
    (
        ENC,
        "reading",
        (33,),
        "¶33 does not",
        ("nz-katrina-disaster-personnel-offer", "us-embassy-thanks-nz-for-katrina-help"),
    ),
    (ENC, "reading", (37,), "'Fifty House members'", ("house-members-letter-on-fta", "us-house-of-representatives")),
    (ENC, "reading", (38,), "'$3 billion', the", ("fta-projected-us-export-rise-with-australia", "us-australia-fta")),
    (
        ENC,
        "reading",
        (39,),
        "The words 'vitally",
        ("schwab-announces-p4-negotiations", "schwab-vitally-important-region"),
    ),
    (ENC, "reading", (44, 68), "The text calls", ("murray-mccully", "winston-peters")),
    (
        ENC,
        "reading",
        (45,),
        "¶45 names only",
        ("bill-clinton", "dominion-post-report-clark-anecdote", "hillary-clinton"),
    ),
    (ENC, "reading", (48,), "The text does", ("wellington-phoenix", "wellington-phoenix-v-la-galaxy")),
    (
        ENC,
        "reading",
        (49,),
        "The text does not state the",
        ("penney-signs-with-sioux-falls-skyforce", "sioux-falls-skyforce"),
    ),
    (ENC, "reading", (50,), "The text writes", ("michael-campbell", "us-open-2005-prize")),
    (ENC, "reading", (54,), "The text writes", ("cyber-storm-2", "cyber-storm-2-results-report", "cyber-storm-iii")),
    (ENC, "reading", (62,), "The text has", ("nz-us-council", "us-nz-council")),
    (ENC, "reading", (64,), "'the Council' of", ("trans-pacific-partnership", "us-congress", "us-nz-council")),
    (ENC, "reading", (67,), "'The Council' of", ("mfat", "nz-embassy-washington", "nz-us-council")),
    (
        ENC,
        "reading",
        (68,),
        "¶68 says only",
        ("new-zealand-parliament", "nz-us-council", "rice-peters-regular-communication", "us-congress"),
    ),
    (
        NZPA,
        "vague",
        (8,),
        "'the first visit",
        ("john-key", "key-visit-to-ottawa", "years-since-nz-prime-minister-visited-canada"),
    ),
    (NZPA, "vague", (9,), "The item names", ("asia-pacific-fta", "john-key", "key-visit-to-washington")),
    (NZPA, "vague", (13,), "'which the United", ("biden-statement-after-key-talks", "trans-pacific-partnership")),
    (NZPA, "vague", (14,), "The item is", ("john-key", "key-visit-to-ottawa")),
    (NZPA, "reading", (2,), "The item's 'US-NZ", ("key-speech-to-us-nz-council", "us-nz-council")),
    (NZPA, "reading", (3,), "The quotation of", ("key-defend-values-together", "key-speech-to-us-nz-council")),
    (
        NZPA,
        "reading",
        (4,),
        "The item says",
        ("john-key", "key-difficult-times", "key-from-strength-to-strength", "key-speech-to-us-nz-council"),
    ),
    (NZPA, "reading", (6,), "The quotation of", ("key-like-minded-approach", "key-speech-to-us-nz-council")),
    (
        NZPA,
        "reading",
        (10,),
        "NZPA ¶10 says",
        (
            "john-key",
            "key-tpp-solid-benefits",
            "key-tpp-testing",
            "key-visit-to-washington",
            "trans-pacific-partnership",
        ),
    ),
    (
        NZPA,
        "reading",
        (11,),
        "The item's 'P4'",
        ("p4-member-countries", "trans-pacific-partnership", "trans-pacific-strategic-economic-partnership"),
    ),
]


@pytest.mark.parametrize(("source", "kind", "paragraphs", "opening", "carriers"), ONE_WORDING)
def test_a_doubtful_spot_reads_alike_on_every_record_that_carries_it(
    source: str, kind: str, paragraphs: tuple[int, ...], opening: str, carriers: tuple[str, ...]
) -> None:
    """One doubt of the text, one wording: the analyst meets a spot once in `usnz.doubts()`, with all its records."""
    found: dict[str, list[str]] = {}
    for record in RECORDS:
        for doubt in record.doubts:
            if (doubt.source, doubt.kind, doubt.paragraphs) == (source, kind, paragraphs) and opening in doubt.text:
                found.setdefault(record.id, []).append(doubt.text)
    missing = sorted(set(carriers) - set(found))
    assert not missing, f"no doubt opening {opening!r} on {missing}"
    assert all(len(texts) == 1 for texts in found.values()), found
    wordings = {texts[0] for texts in found.values()}
    assert len(wordings) == 1, wordings
    grouped = [item for item in usnz.doubts(kind=kind, source=source) if item.doubt.text in wordings]
    assert {item.record.id for item in grouped} == set(found)
