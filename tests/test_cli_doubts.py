"""``usnz doubts``: the doubtful spots of the texts from the command line, as ``usnz.doubts()`` finds them."""

from __future__ import annotations

import csv
import io
import json

import pytest

import usnz
from usnz.cli import _DOUBT_KINDS, main
from usnz.model.doubt import DOUBT_KINDS


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_kinds_of_doubt_are_the_models() -> None:
    assert _DOUBT_KINDS == DOUBT_KINDS


def test_a_paragraphs_contradictions_as_a_table(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    code, out, err = run(capsys, "doubts", "--kind", "contradiction", "--paragraph", "23")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    expected = usnz.doubts(kind="contradiction", paragraph=23)
    # one doubt: its three carriers each name the others in its concerns, so it is read once
    assert lines[0] == "nzsas-afghanistan-rotations, nzsas, nzsas-afghanistan-fifty  contradiction"
    assert lines[1] == "    encyclopedia-nz-us-relations ¶23, ¶24"
    texts = {item.doubt.text for item in expected}
    records = len({item.record.id for item in expected})
    assert lines[-1] == f"({len(texts)} doubt{'s' if len(texts) != 1 else ''}; {records} records)"
    assert max(len(line) for line in lines) <= 100
    monkeypatch.setenv("COLUMNS", "120")  # the source and paragraphs beside the ids when they fit
    code, out, err = run(capsys, "doubts", "--kind", "contradiction", "--paragraph", "23")
    lines = out.splitlines()
    assert lines[0] == (
        "nzsas-afghanistan-rotations, nzsas, nzsas-afghanistan-fifty  contradiction  encyclopedia-nz-us-relations ¶23, ¶24"
    )
    body = " ".join(line.strip() for line in lines if line.startswith("    ") and "concerns:" not in line)
    for item in expected:
        assert item.doubt.text in body
    assert not any("concerns:" in line for line in lines)  # every record it concerns carries it


@pytest.mark.parametrize(
    "argv", [[], ["--kind", "typo,garbled"], ["--source", "nzpa-key-leaves-us"], ["--paragraph", "19"]]
)
def test_json_gives_every_doubt_found(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, _ = run(capsys, "doubts", "--format", "json", *argv)
    assert code == 0
    items = json.loads(out)
    options = dict(zip(argv[::2], argv[1::2], strict=True))
    kind = tuple(options["--kind"].split(",")) if "--kind" in options else None
    paragraph = int(options["--paragraph"]) if "--paragraph" in options else None
    expected = usnz.doubts(kind=kind, source=options.get("--source"), paragraph=paragraph)
    assert expected
    assert items == [
        {
            "record": item.record.id,
            "kind": item.doubt.kind,
            "source": item.doubt.source,
            "paragraphs": list(item.doubt.paragraphs),
            "text": item.doubt.text,
            "concerns": list(item.doubt.concerns),
        }
        for item in expected
    ]
    if kind is not None:
        assert {item["kind"] for item in items} == set(kind)


def test_csv_has_a_header_and_a_row_per_doubt(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "doubts", "--format", "csv", "--kind", "contradiction")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["record", "kind", "source", "paragraphs", "text", "concerns"]
    expected = usnz.doubts(kind="contradiction")
    assert len(rows) == len(expected) + 1
    first = next(row for row in rows[1:] if row[0] == "nzsas-afghanistan-rotations")
    assert first[1:4] == ["contradiction", "encyclopedia-nz-us-relations", "23; 24"]
    assert first[5] == "nzsas-afghanistan-fifty"


def test_a_doubt_several_records_carry_is_listed_once_naming_them_all(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    code, out, err = run(capsys, "doubts", "--source", "encyclopedia-nz-us-relations", "--paragraph", "19")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    garbled = [item for item in usnz.doubts(kind="garbled", paragraph=19) if "integrated" in item.doubt.text]
    shared = max({item.doubt for item in garbled}, key=lambda d: sum(item.doubt == d for item in garbled))
    ids = [item.record.id for item in garbled if item.doubt == shared]
    assert len(ids) > 3
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{ids[0]}, {ids[1]}, "))  # wrapped at commas
    named = []
    for line in lines[start:]:
        if line.startswith("    "):
            assert line == "    garbled  encyclopedia-nz-us-relations ¶19"
            break
        named.append(line)
    assert " ".join(named).split(", ") == ids
    said = " ".join(line.strip() for line in lines)
    assert said.count("who 'they' were is not in the surviving text. Quotes keep it") == 1  # the shared one, once
    assert "anzac-battalion-vietnam  garbled" in lines  # its own wording (a reading added), its own entry
    assert max(len(line) for line in lines) <= 60


def test_no_doubt_found(capsys: pytest.CaptureFixture[str]) -> None:
    paragraphs = usnz.get("nzpa-key-leaves-us").paragraphs
    found = {n for item in usnz.doubts(source="nzpa-key-leaves-us") for n in item.doubt.paragraphs}
    quiet = min(set(range(1, paragraphs + 1)) - found)
    code, out, _ = run(capsys, "doubts", "--source", "nzpa-key-leaves-us", "--paragraph", str(quiet))
    assert (code, out) == (0, "(0 doubts)\n")
    code, out, _ = run(
        capsys, "doubts", "--source", "nzpa-key-leaves-us", "--paragraph", str(quiet), "--format", "json"
    )
    assert (code, out) == (0, "[]\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--kind", "typos"], "--kind 'typos' is not a kind of doubt; accepted: contradiction, vague, garbled"),
        (["--kind", "typo,"], "--kind '' is not a kind of doubt"),
        (["--paragraph", "x"], "argument --paragraph: invalid int value: 'x'"),
        (["--paragraph", "0"], "--paragraph 0 is not a paragraph of any source"),
        (["--source", "nzpa-key-leaves-us", "--paragraph", "99"], "--paragraph 99 is not a paragraph of 'nzpa-key"),
        (["--source", "nzpa"], "--source 'nzpa' is an organization, not a source; --source takes source ids"),
        (["--source", "xq"], "--source 'xq': no source record has that id; try usnz search xq"),
        (["--format", "xml"], "argument --format: invalid choice: 'xml'"),
    ],
)
def test_bad_options_are_one_line(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    code, out, err = run(capsys, "doubts", *argv)
    assert (code, out) == (2, "")
    assert err.startswith("usnz: error: ")
    assert message in err
    assert len(err.splitlines()) == 1


def test_help_lists_doubts_with_the_asking_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    asking = out[out.index("asking:") : out.index("data tools:")]
    assert "  doubts    the doubtful spots of the texts" in asking
    assert "e.g. usnz doubts --kind contradiction" in asking
    with pytest.raises(SystemExit):
        main(["doubts", "--help"])
    out = capsys.readouterr().out
    for option in ("--kind", "--source", "--paragraph", "--format"):
        assert option in out


@pytest.mark.parametrize("width", [60, 80])
def test_every_line_keeps_to_the_width_concerns_included(
    width: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    assert main(["doubts"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= width
    # a long list of concerns wraps at its commas, each id whole, its further lines indented
    at = next(
        n for n, line in enumerate(lines) if line.startswith("    concerns: us-suspends-anzus-obligations-to-nz,")
    )
    wrapped = [lines[at], *(line for line in lines[at + 1 : at + 3] if line.startswith("      "))]
    ids = " ".join(wrapped).removeprefix("    concerns: ").replace(",", " ").split()
    assert len(ids) >= 2
    assert all(usnz.get(i).id == i for i in ids)


def test_a_doubt_its_carriers_name_each_other_in_is_read_once(capsys: pytest.CaptureFixture[str]) -> None:
    """Review 10 #21.4: the Gulf War doubt of ¶6/¶8/¶12/¶22 printed three times, its concerns naming the others."""
    found = usnz.doubts(kind="contradiction")
    gulf = "¶6, ¶8 and ¶12 say New Zealand fought in the Gulf War"
    iraq = "read as refusal to take part in the war itself"
    text = str(found)
    assert text.count(gulf) == 1
    assert text.count(iraq) == 1
    assert "gulf-war, nz-gulf-war-1991, war-in-afghanistan, nz-afghanistan-fought  contradiction" in text
    assert "iraq-war, nz-engineers-iraq, nz-us-fta, us-officials-list-fta-obstacles  contradiction" in text
    html = usnz.doubts(kind="contradiction", paragraph=22)._repr_html_()
    assert html.count(gulf) == 1
    assert usnz.doubts(kind="contradiction", paragraph=37)._repr_html_().count(iraq) == 1
    entries = len({(d.doubt.kind, d.doubt.source, d.doubt.paragraphs, d.doubt.text) for d in found})
    assert text.rstrip().endswith(f"({entries} doubts; {len({d.record.id for d in found})} records)")
    assert main(["doubts", "--kind", "contradiction", "--paragraph", "22"]) == 0
    assert capsys.readouterr().out.count(gulf) == 1
