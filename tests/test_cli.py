"""The command line: every command, every format, and bad input as one line with exit 2."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys

import pytest

from usnz.cli import WIDTH, main
from usnz.faces.text import terminal_width


@pytest.fixture(autouse=True)
def _terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test here runs in a terminal WIDTH columns wide, whatever runs the tests."""
    monkeypatch.setenv("COLUMNS", str(WIDTH))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_show_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", "anzus")
    assert code == 0, err
    assert out.startswith("anzus (agreement)")
    assert "1951" in out
    assert "AUS; NZL; USA" in out
    assert "encyclopedia-nz-us-relations ¶6" in out
    assert max(len(line) for line in out.splitlines()) <= WIDTH


def test_show_person_roles(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "helen-clark")
    assert code == 0
    assert "Prime Minister" in out


def test_show_json_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", "anzus", "--format", "json")
    assert json.loads(out)["signed"] == "1951"
    _, out, _ = run(capsys, "show", "anzus", "--format", "csv")
    rows = dict(csv.reader(io.StringIO(out)))
    assert rows["id"] == "anzus"
    assert rows["signed"] == "1951"


def test_list_with_filters(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "list", "force-contributions", "--conflict", "korean-war")
    assert code == 0, err
    assert "k-force-korea" in out
    assert max(len(line) for line in out.splitlines()) <= WIDTH
    _, out, _ = run(capsys, "list", "force_contributions", "--conflict", "korean-war", "--format", "csv")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert {"k-force-korea", "rnzn-korea"} <= set(rows)
    assert all(r["conflict"] == "korean-war" for r in rows.values())
    assert (rows["k-force-korea"]["personnel_best"], rows["k-force-korea"]["killed_best"]) == ("1044", "33")


def test_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "list", "quotes", "--speaker", "condoleezza-rice", "--format", "json")
    quotes = json.loads(out)
    assert quotes
    assert all(q["speaker"] == "condoleezza-rice" for q in quotes)


def test_search_and_timeline(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "Cyber", "Storm")
    assert code == 0
    assert "Cyber Storm" in out
    code, out, _ = run(capsys, "timeline", "--during", "1965")
    assert code == 0
    assert "1965-05-27" in out
    code, out, err = run(capsys, "timeline", "--during", "1700", "--format", "csv")
    assert code == 0
    assert out.strip() == "id,record_kind,date,date_basis,planned,label,disputes,doubts,citations,read"
    assert err.startswith("usnz: warning: --during 1700 lies outside the span the data covers")
    assert err.rstrip().endswith("nothing can match (--possibly lets unknown and open ends run on to it)")
    code, out, err = run(capsys, "timeline", "--during", "2020", "--possibly", "--format", "csv")
    assert code == 0
    assert "161-battery-vietnam" in out  # its end unknown: it may run on to 2020
    assert "no record is known to be in it; --possibly gives only those" in err


def test_the_csvs_of_several_kinds_and_of_one_record_carry_the_read_fields(capsys: pytest.CaptureFixture[str]) -> None:
    """key-tpp-testing's speaker is read from NZPA's "he said": a spreadsheet can tell it from a named one."""
    import csv
    import io

    for args in (("timeline", "--during", "2010-04"), ("search", "Key", "testing")):
        code, out, _ = run(capsys, *args, "--format", "csv")
        assert code == 0
        rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out))}
        assert rows["key-tpp-testing"]["read"] == "speaker"
        assert rows["key-visit-to-washington"]["read"] == ""
    code, out, _ = run(capsys, "show", "key-tpp-testing", "--format", "csv")
    assert code == 0
    assert out.rstrip().endswith("\nread,speaker")
    _, out, _ = run(capsys, "show", "anzus", "--format", "csv")
    assert out.rstrip().endswith("\nread,")


def test_an_empty_timeline_names_the_undated_records_its_filters_match(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "timeline", "--involving", "anzus")
    assert code == 0
    assert out.startswith("(no records)\n2 undated records match --involving anzus;")
    assert "nz-nuclear-warship-ban, us-suspends-anzus-obligations-to-nz" in out
    assert out.rstrip().endswith("list them with: usnz list events --involving anzus")
    _, one, _ = run(capsys, "timeline", "--involving", "nz-major-non-nato-ally")
    assert "1 undated record matches" in one
    assert "list it with: usnz list organizations --involving nz-major-non-nato-ally" in one
    _, many, _ = run(capsys, "timeline", "--country", "NZL", "--during", "1700")
    assert "and " in many.split("never on the timeline: ")[1].splitlines()[0]  # the first few named, the rest counted
    _, machine, _ = run(capsys, "timeline", "--involving", "anzus", "--format", "json")
    assert json.loads(machine) == []  # JSON and CSV stay data
    _, plain, _ = run(capsys, "timeline", "--during", "1700")
    assert plain.strip() == "(no records)"  # no filter that an undated record could match
    _, dated, _ = run(capsys, "timeline", "--involving", "treaty-of-waitangi", "--during", "1700")
    assert dated.strip() == "(no records)"  # every record involving it is dated


def test_empty_table(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "search", "zzqxv-qqzxw")
    assert out.strip() == "(no records)"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.startswith("usnz ")


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["show", "nope"], "no record has the id 'nope'"),
        (["show", "anzsu"], "did you mean 'anzus'"),
        (["list", "wars"], "unknown kind 'wars'; accepted: sources, agreements"),
        (["list", "agreements", "--conflict", "korean-war"], "list agreements does not take --conflict"),
        (["list", "events", "--during", "19x5"], "--during 19x5 is not a date or period"),
        (["list", "events", "--kind", "vist"], "--kind vist is not accepted"),
        (["list", "events", "--country", "XX"], "--country XX is not a country code usnz knows; use one of AFG"),
        (["timeline", "--during", "1965/1960"], "cannot end"),
        (["show"], "the following arguments are required: id"),
        (["show", "anzus", "--format", "xml"], "invalid choice: 'xml'"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        ([], "no command given"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("usnz: error: ")
    assert fragment in err


def test_python_dash_m_and_console_script() -> None:
    done = subprocess.run([sys.executable, "-m", "usnz", "show", "nope"], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr
    done = subprocess.run([sys.executable, "-m", "usnz", "show", "anzus"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert "anzus (agreement)" in done.stdout


def test_dunder_main_runs_the_command_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import runpy

    monkeypatch.setattr(sys, "argv", ["usnz", "show", "anzus", "--format", "json"])
    with pytest.raises(SystemExit) as caught:
        runpy.run_module("usnz", run_name="__main__")
    assert caught.value.code == 0
    assert json.loads(capsys.readouterr().out)["id"] == "anzus"


def test_the_program_skips_the_final_collection(monkeypatch, capsys) -> None:
    import gc

    from usnz.cli import main as run

    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    monkeypatch.setattr("sys.argv", ["usnz", "show", "anzus"])
    assert run() == 0
    assert frozen == [True]
    assert run(["show", "anzus"]) == 0  # called as a function (by a program of yours): nothing frozen
    assert frozen == [True]
    capsys.readouterr()


@pytest.mark.parametrize(
    "spelling", ["force-contributions", "force_contributions", "force-contribution", "ForceContribution"]
)
def test_list_takes_every_spelling_of_a_kind(spelling: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", spelling, "--conflict", "korean-war", "--format", "csv"]) == 0
    assert "k-force-korea" in capsys.readouterr().out


@pytest.mark.parametrize("columns", [None, "", "wide", "0", "-3", "57"])
@pytest.mark.parametrize("terminal", [OSError, ValueError, (0, 0), (132, 40), None])  # None: no stdout at all
def test_the_terminal_width_is_read_as_shutil_reads_it(
    monkeypatch: pytest.MonkeyPatch, columns: str | None, terminal: type[Exception] | tuple[int, int] | None
) -> None:
    """``terminal_width`` (which spares ``usnz show`` importing shutil) says what ``shutil.get_terminal_size`` says."""
    if columns is None:
        monkeypatch.delenv("COLUMNS")
    else:
        monkeypatch.setenv("COLUMNS", columns)

    def size(descriptor: int = 1) -> os.terminal_size:
        if isinstance(terminal, type):
            raise terminal
        return os.terminal_size(terminal or (1, 1))

    monkeypatch.setattr(os, "get_terminal_size", size)
    if terminal is None:
        monkeypatch.setattr(sys, "__stdout__", None)
    for fallback in (WIDTH, 80):
        assert terminal_width(fallback) == shutil.get_terminal_size((fallback, 24)).columns


def test_usnz_show_imports_no_shutil() -> None:
    """Nor does its parser: argparse's formatter is given the terminal's width (argparse's own imports shutil)."""
    code = (  # (unless the interpreter had it already: a coverage tool may)
        "import sys; had = 'shutil' in sys.modules; from usnz.cli import main; main(['show', 'anzus']); "
        "assert had or 'shutil' not in sys.modules"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["list", "events", "--kind", "Visit"], "usnz: error: --kind Visit is not accepted; did you mean 'visit'?"),
        (
            ["timeline", "--during", " 2008"],
            "--during ' 2008' has white space around it; usnz reads it as given: try --during 2008",
        ),
        (["list", "events", "--during=2008 "], "try --during 2008\n"),
        (["list", "events", "--involving", "korean-war\t"], "try --involving korean-war\n"),
        (
            [
                "list",
                "people",
                "--office",
                "prime-minister",
                "--country",
                "NZL",
                "--during",
                "2008",
                "--involving",
                "us-nz-council",
            ],
            (
                "matches --involving us-nz-council, in --during 2008 or at any time (the data knows 6 holders of it): "
                "--during is not why"
            ),
        ),
        (["list", "people", "--office", "consul", "--during", "1850"], "(--possibly finds james-reddy-clendon:"),
    ],
)
def test_messages_spell_the_options_as_the_command_line_does(
    capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    _, _, err = run(capsys, *argv)
    assert said in err
    assert "during=" not in err
    assert "kind=" not in err


def test_a_keyword_of_no_option_given_keeps_its_python_spelling(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run(capsys, "list", "events", "--during", "20\\08")
    assert (
        "usnz: error: --during '20\\\\08' is not a date or period" in err
    )  # a value with an escape: as Python shows it
    from usnz.cli import _as_options

    assert _as_options("try basis='x' with during='2008'", ["list", "--during", "2008 "]) == (
        "try basis='x' with --during 2008"
    )
    assert _as_options("destination='' is empty", ["--destination", ""]) == "--destination '' is empty"


@pytest.mark.parametrize(
    ("argv", "example"),
    [
        (["show"], "usnz show anzus"),
        (["schema"], "usnz schema events"),
        (["validate"], "usnz validate my-data/"),
        (["verify"], "usnz verify --sources texts/"),
    ],
)
def test_a_missing_argument_is_refused_with_an_example(
    capsys: pytest.CaptureFixture[str], argv: list[str], example: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.endswith(f"; e.g. {example}\n")
    assert err.count("\n") == 1


@pytest.mark.parametrize("command", ["show", "list", "search", "timeline", "doubts", "export", "validate", "verify"])
def test_every_help_says_show_this_help_as_the_top_level_does(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert "show this help message and exit" not in out
    assert "-h, --help" in out
    assert "show this help" in out


# -- usnz citing: what a paragraph supports ---------------------------------------------------------


def test_citing_lists_what_a_paragraph_supports(capsys: pytest.CaptureFixture[str]) -> None:
    import usnz

    code, out, err = run(capsys, "citing", "encyclopedia-nz-us-relations", "30", "--format", "json")
    assert (code, err) == (0, "")
    cited = usnz.citing(source="encyclopedia-nz-us-relations", paragraph=30)
    assert [record["id"] for record in json.loads(out)] == list(cited.ids())
    assert "key-government-decides-sas-return" in cited.ids()
    code, out, _ = run(capsys, "citing", "nzpa-key-leaves-us", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["id"] for row in rows] == list(usnz.citing(source="nzpa-key-leaves-us").ids())
    code, out, _ = run(capsys, "citing", "encyclopedia-nz-us-relations", "55")
    assert (code, out) == (0, "(no records cite ¶55 of encyclopedia-nz-us-relations)\n")  # a heading


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (
            ("encyclopedia-nz-us-relations", "99"),
            "PARAGRAPH 99 is not a paragraph of 'encyclopedia-nz-us-relations'; accepted: 1 to 68",
        ),
        (("encyclopaedia",), "SOURCE 'encyclopaedia': no source record has that id"),
        (("anzus",), "SOURCE 'anzus' is an agreement, not a source; SOURCE takes source ids"),
        (("nzpa-key-leaves-us", "x"), "argument PARAGRAPH: invalid int value: 'x'"),
        ((), "the following arguments are required: SOURCE; e.g. usnz citing encyclopedia-nz-us-relations 30"),
    ],
)
def test_citing_names_what_it_was_given(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], said: str) -> None:
    code, out, err = run(capsys, "citing", *argv)
    assert (code, out) == (2, "")
    assert said in err
    assert "Traceback" not in err
