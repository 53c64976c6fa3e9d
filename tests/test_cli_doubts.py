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
    assert lines[0] == "nzsas-afghanistan-rotations  contradiction  encyclopedia-nz-us-relations ¶23, ¶24"
    carriers: dict[usnz.Doubt, list[str]] = {}
    for item in expected:
        carriers.setdefault(item.doubt, []).append(item.record.id)
    records = len({item.record.id for item in expected})
    assert lines[-1] == f"({len(carriers)} doubts; {records} records)"
    heads = [line for line in lines if not line.startswith(" ") and not line.startswith("(")]
    assert heads == [f"{', '.join(ids)}  {d.kind}  {d.where}" for d, ids in carriers.items()]
    assert max(len(line) for line in lines) <= 100
    monkeypatch.setenv("COLUMNS", "80")  # the source and paragraphs go under the id when they do not fit beside it
    code, out, err = run(capsys, "doubts", "--kind", "contradiction", "--paragraph", "23")
    lines = out.splitlines()
    assert lines[:2] == ["nzsas-afghanistan-rotations  contradiction", "    encyclopedia-nz-us-relations ¶23, ¶24"]
    assert "nzsas  contradiction  encyclopedia-nz-us-relations ¶23, ¶24" in lines
    body = " ".join(line.strip() for line in lines if line.startswith("    ") and "concerns:" not in line)
    for item in expected:
        assert item.doubt.text in body
    assert "    concerns: nzsas-afghanistan-fifty" in lines
    assert max(len(line) for line in lines) <= 80


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
        n for n, line in enumerate(lines) if line.startswith("    concerns: nz-forces-active-in-afghanistan-2009")
    )
    wrapped = [lines[at], *(line for line in lines[at + 1 : at + 3] if line.startswith("      "))]
    ids = " ".join(wrapped).removeprefix("    concerns: ").replace(",", " ").split()
    assert len(ids) >= 2
    assert all(usnz.get(i).id == i for i in ids)
