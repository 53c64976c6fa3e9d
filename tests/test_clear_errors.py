"""Errors that say what was given, what is taken and what to try (review 7's "Unclear error" items)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import usnz
import usnz.export
from conftest import write_own_texts
from usnz.cli import main


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (
            lambda: usnz.force_contributions(conflict="anzus"),
            "conflict='anzus' is an agreement, not a conflict; conflict= takes conflict ids or records",
        ),
        (lambda: usnz.citing(source="anzus"), "source='anzus' is an agreement, not a source"),
        (lambda: usnz.quotes(speaker=["john-key", "anzus"]), "speaker='anzus' is an agreement, not a person"),
        (
            lambda: usnz.quotes(speaker=usnz.events(kind="visit")),
            "speaker= takes person ids or records (usnz.people() lists them); got 5 event records (the first ",
        ),
        (lambda: usnz.quotes(speaker=usnz.get("anzus")), "got an agreement record 'anzus'"),
    ],
)
def test_an_id_of_another_kind_is_named_as_what_it_is(call: object, fragment: str) -> None:
    with pytest.raises(usnz.UnknownRecordError) as raised:
        call()  # type: ignore[operator]
    assert fragment in str(raised.value)
    assert "no " not in str(raised.value).split(";")[0]  # not called unknown


@pytest.mark.parametrize(
    ("given", "meant"),
    [
        ("rice", "condoleezza-rice"),
        ("Rice", "condoleezza-rice"),
        ("key", "john-key"),
        ("obama", "barack-obama"),
        ("Mr Key", "john-key"),
        ("clinton", "hillary-clinton"),
    ],
)
def test_a_surname_or_alias_suggests_the_person_id(given: str, meant: str) -> None:
    with pytest.raises(usnz.UnknownRecordError) as raised:
        usnz.quotes(speaker=given)
    assert meant in raised.value.suggestions
    assert "did you mean" in str(raised.value)


def test_get_suggests_a_named_record_before_one_whose_id_ends_so() -> None:
    with pytest.raises(usnz.UnknownRecordError) as raised:
        usnz.get("rice")
    assert raised.value.suggestions[0] == "condoleezza-rice"


def test_an_id_with_no_suggestion_names_the_search_to_try() -> None:
    with pytest.raises(usnz.UnknownRecordError, match=r"try usnz\.search\('xq'\) to find ids by name"):
        usnz.quotes(speaker="xq")
    with pytest.raises(usnz.UnknownRecordError, match=r"try usnz\.search\(\) to find ids by name"):
        usnz.quotes(speaker="x'q")


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["list", "quotes", "--speaker", "xq"], "try usnz search xq to find ids by name"),
        (["list", "quotes", "--speaker", "rice"], "did you mean 'condoleezza-rice'?"),
        (
            ["list", "force-contributions", "--conflict", "anzus"],
            (
                "--conflict anzus is an agreement, not a conflict; --conflict takes conflict ids or records "
                "(usnz list conflicts lists them)"
            ),
        ),
        (["doubts", "--source", "xq"], "try usnz search xq to find"),
    ],
)
def test_the_command_line_names_commands_not_calls(
    capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert fragment in err
    assert "usnz.search" not in err


def test_doubts_help_gives_an_example_source_id_that_exists(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # no id cut at its hyphens
    with pytest.raises(SystemExit):
        main(["doubts", "--help"])
    examples = re.findall(r"e\.g\.\s+([a-z0-9]+(?:-[a-z0-9]+)+)", capsys.readouterr().out)
    assert examples
    for example in examples:
        assert example in usnz.dataset(), example


def test_a_list_given_to_an_id_option_is_told_to_repeat_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "events", "--involving", "john-key,helen-clark"]) == 2
    err = capsys.readouterr().err
    assert "--involving takes one id or code each time, not a list" in err
    assert "--involving john-key --involving helen-clark" in err
    assert main(["list", "events", "--involving", "john-key", "--involving", "helen-clark", "--format", "json"]) == 0
    both = {record["id"] for record in json.loads(capsys.readouterr().out)}
    assert both == set(usnz.events(involving=["john-key", "helen-clark"]).ids())
    assert both > set(usnz.events(involving="helen-clark").ids())


def test_an_empty_timeline_of_repeated_options_names_each(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--involving", "bill-clinton", "--involving", "jim-bolger"]) == 0
    out = capsys.readouterr().out
    assert "usnz list events --involving bill-clinton --involving jim-bolger" in out
    assert "jim-bolger-terms-as-prime-minister" in out  # (jim-bolger's, beside bill-clinton's)


def test_a_date_past_9999_is_told_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "events", "--during", "99999"]) == 2
    assert "negative years and years past 9999 (Y) are not supported" in capsys.readouterr().err


def test_export_echoes_control_characters_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bad\x01name"
    assert main(["export", "--format", "json", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "\x01" not in printed
    assert "bad\\x01name" in printed
    assert (out / "events.json").is_file()


def test_export_format_none_is_a_type_error(tmp_path: Path) -> None:
    with pytest.raises(usnz.ArgumentTypeError, match=r"format= takes an export format as a str, one of .*; got None"):
        usnz.export.write(tmp_path / "out", format=None)  # type: ignore[arg-type]
    with pytest.raises(usnz.ArgumentValueError, match="format='xml' is not an export format"):
        usnz.export.write(tmp_path / "out", format="xml")  # type: ignore[arg-type]


def test_roles_at_names_itself() -> None:
    clark = usnz.get("helen-clark", usnz.Person)
    with pytest.raises(
        usnz.ArgumentTypeError, match=r"^roles_at\(\) takes a date: a year \(2008\), .*got NoneType None"
    ):
        clark.roles_at(None)  # type: ignore[arg-type]
    with pytest.raises(usnz.DateError, match=r"^roles_at\(\) takes a date: 'x' is not an EDTF date"):
        clark.roles_at("x")


@pytest.mark.parametrize(
    ("indent", "error", "message"),
    [
        (
            "x",
            usnz.ArgumentTypeError,
            "indent= takes a number of spaces as an int (2), or None for one line; got str 'x'",
        ),
        (True, usnz.ArgumentTypeError, "got bool True"),
        (2.0, usnz.ArgumentTypeError, "got float 2.0"),
        (-1, usnz.ArgumentValueError, "indent=-1 is not a number of spaces to indent by; accepted: 0 to 16, or None"),
        (17, usnz.ArgumentValueError, "indent=17 is not a number of spaces to indent by; accepted: 0 to 16, or None"),
        (10**9, usnz.ArgumentValueError, "indent=1000000000 is not a number of spaces to indent by; accepted: 0 to 16"),
    ],
)
def test_to_json_refuses_an_indent_that_is_not_a_count(indent: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as raised:
        usnz.events(kind="visit").to_json(indent=indent)  # type: ignore[arg-type]
    assert message in str(raised.value)


def test_to_json_takes_every_indent_it_documents() -> None:
    visits = usnz.events(kind="visit")
    assert json.loads(visits.to_json(indent=None)) == json.loads(visits.to_json(indent=0)) == visits.to_list()
    assert "\n" not in visits.to_json(indent=None)
    assert json.loads(visits.to_json(indent=16)) == visits.to_list()


def test_records_added_or_repeated_stay_records() -> None:
    visits, quotes = usnz.events(kind="visit"), usnz.quotes(speaker="john-key")
    both = visits + quotes
    assert type(both) is usnz.Records
    assert both == (*visits, *quotes)  # in that order, nothing dropped
    assert type(visits + visits) is usnz.Records
    assert len(visits + visits) == 2 * len(visits)  # a record in both is kept twice, as tuples keep it
    assert type(visits * 2) is type(2 * visits) is usnz.Records
    assert visits * 2 == tuple(visits) * 2
    assert type(visits + ()) is usnz.Records  # noqa: RUF005 - the + is what is tested
    assert type(visits + (1,)) is tuple  # noqa: RUF005 - not all records: a tuple, as before
    with pytest.raises(TypeError):
        visits + [1]  # type: ignore[operator]  # noqa: RUF005


def test_records_added_keep_their_conveniences() -> None:
    both = usnz.events(kind="visit") + usnz.quotes(speaker="john-key")
    assert both.ids() == (*usnz.events(kind="visit").ids(), *usnz.quotes(speaker="john-key").ids())
    assert json.loads(both.to_json())[0]["id"] == both[0].id


def _events_with(data: Path, **fields: object) -> None:
    """Set *fields* on the one event of the data :func:`conftest.write_own_texts` writes."""
    events = json.loads((data / "events.json").read_text(encoding="utf-8"))
    events[0].update(fields)
    (data / "events.json").write_text(json.dumps(events), encoding="utf-8")


def _problems(*paths: object, **options: object) -> list[str]:
    with pytest.raises(usnz.DataError) as raised:
        usnz.load(*paths, **options)  # type: ignore[arg-type]
    return [problem.message for problem in raised.value.problems]


def test_an_interval_as_a_date_is_told_to_go_in_period(tmp_path: Path) -> None:
    data = write_own_texts(tmp_path).data
    _events_with(data, date="2008/2009")
    [message] = _problems(data)
    assert message.startswith("'2008/2009' is an interval, not one date; accepted here: one date, a year (1965)")
    assert "or an interval of two" not in message  # not accepted here, so not listed
    assert message.endswith('; for an interval use period: "period": "2008/2009"')


def test_an_interval_the_wrong_way_round_as_a_date_says_so(tmp_path: Path) -> None:
    data = write_own_texts(tmp_path).data
    _events_with(data, date="2008/2007")
    [message] = _problems(data)
    assert message.startswith(
        "'2008/2007' is not a valid interval: a period cannot end (2007) before it starts (2008); and not one date"
    )
    assert "use period" not in message  # no period to give it as


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("2008/x", "'2008/x' is not one date (it has a '/', as an interval has); accepted here: one date, a year"),
        ("2008-99/2009", "'2008-99/2009' is not one date (it has a '/', as an interval has)"),
        ("/", "'/' is not a valid interval: "),
        ("2008/2009/2010", "'2008/2009/2010' is not an EDTF date; accepted: "),  # (no interval either)
    ],
)
def test_other_text_with_a_slash_as_a_date_is_not_one_date(given: str, message: str) -> None:
    with pytest.raises(usnz.DateError) as raised:
        usnz.PartialDate.parse(given)
    assert str(raised.value).startswith(message)


def test_a_quote_with_an_interval_for_its_date_has_no_period_to_move_it_to(tmp_path: Path) -> None:
    data = write_own_texts(tmp_path).data
    quote = {
        "id": "my-quote",
        "speaker": "john-key",
        "text": "The Treaty was signed in 1951",
        "date": "1951/1952",
        "date_basis": "stated",
        "citations": [{"source": "my-text", "paragraph": 2, "quote": "The Treaty was signed in 1951"}],
    }
    (data / "quotes.json").write_text(json.dumps([quote]), encoding="utf-8")
    messages = _problems(data, extends=usnz.dataset())
    dated = [m for m in messages if "'1951/1952' is an interval, not one date" in m]
    assert dated
    assert "use period" not in dated[0]


def test_disputing_a_record_of_the_dataset_extended_says_how_to_record_it(tmp_path: Path) -> None:
    packaged = usnz.get("key-visit-to-washington", usnz.Event)
    mine = tmp_path / "mine"
    mine.mkdir()
    cited = packaged.citations[0]
    event = {
        "id": "my-visit",
        "kind": "visit",
        "title": "My visit",
        "summary": "A visit.",
        "date": "2010",
        "date_basis": "stated",
        "citations": [{"source": cited.source, "paragraph": cited.paragraph, "quote": cited.quote}],
        "disputes": [packaged.id],
    }
    (mine / "events.json").write_text(json.dumps([event]), encoding="utf-8")
    [message] = _problems(mine, extends=usnz.dataset())
    assert "it cannot be changed: it is a record of the dataset extended (extends=)" in message
    assert "usnz export --format json --out DIR" in message
    assert f"usnz.load([DIR, {str(mine)!r}])" in message
    # The advice, followed, records the dispute.
    out = tmp_path / "DIR"
    usnz.export.write(out, format="json")
    events = json.loads((out / "events.json").read_text(encoding="utf-8"))
    for record in events:
        if record["id"] == packaged.id:
            record["disputes"] = [*record.get("disputes", []), "my-visit"]
    (out / "events.json").write_text(json.dumps(events), encoding="utf-8")
    both = usnz.load([out, mine])
    assert both.get(packaged.id, usnz.Event).disputes == ("my-visit",)
    assert any({"my-visit", packaged.id} <= set(group.ids()) for group in both.disputes())


def test_disputes_within_the_files_given_are_told_as_before(tmp_path: Path) -> None:
    data = write_own_texts(tmp_path).data
    events = json.loads((data / "events.json").read_text(encoding="utf-8"))
    events.append({**events[0], "id": "other"})
    events[0]["disputes"] = ["other"]
    (data / "events.json").write_text(json.dumps(events), encoding="utf-8")
    [message] = _problems(data)
    assert message == "disputes 'other', but 'other' does not list 'signing' in its disputes"


def test_the_same_file_given_twice_is_named_so(tmp_path: Path) -> None:
    data = write_own_texts(tmp_path).data
    events = data / "events.json"
    assert _problems([data / "sources.json", events, events]) == ["is given twice; give each file once"]
    again = data / ".." / "data" / "events.json"
    assert _problems([data, again]) == [f"is given twice (also as {str(events)!r}); give each file once"]
    assert "used twice" not in " ".join(_problems([data, data]))


def test_a_home_directory_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_own_texts(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))  # (where Windows looks)
    assert usnz.load("~/data").get("signing").id == "signing"
    assert usnz.load(Path("~") / "data").get("signing").id == "signing"
    assert usnz.load(["~/data/sources.json", "~/data/events.json"]).get("signing").id == "signing"


def test_export_reads_a_home_directory_as_load_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home, cwd = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    cwd.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))  # (where Windows looks)
    monkeypatch.chdir(cwd)
    written = usnz.export.write("~/x", format="json")
    assert written[-1] == home / "x" / "datapackage.json"
    assert usnz.load("~/x").get("anzus").id == "anzus"
    assert main(["export", "--format", "csv", "--out=~/y"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == str(home / "y" / "datapackage.json")
    assert (home / "y" / "agreements.csv").is_file()
    assert list(cwd.iterdir()) == []  # no folder named ~ where the user stands


def test_export_refuses_a_home_directory_that_cannot_be_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    message = (
        "out='~no-such-user-of-usnz/x' starts with '~no-such-user-of-usnz', which names no home directory here; "
        "give the path in full (or ./~... for a folder whose name starts with ~)"
    )
    with pytest.raises(usnz.ArgumentValueError, match=re.escape(message)):
        usnz.export.write("~no-such-user-of-usnz/x")
    assert main(["export", "--out", "~no-such-user-of-usnz/x"]) == 2
    assert "--out '~no-such-user-of-usnz/x' starts with" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_home_directory_that_cannot_be_found_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    [message] = _problems("~no-such-user-of-usnz/data")
    assert message == "cannot read: No such file or directory; ~ names no home directory here"


def test_calls_a_message_suggests_are_spelt_as_commands() -> None:
    from usnz.cli import _as_commands  # (private: the one place that spells them)

    assert _as_commands("try usnz.search() or usnz.search('a b')") == "try usnz search or usnz search 'a b'"
    assert _as_commands("see usnz.force_contributions()") == "see usnz list force-contributions"
    assert _as_commands("use usnz.get('anzus')") == "use usnz.get('anzus')"  # no command does just that


def test_an_option_of_commas_alone_is_read_as_the_id_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "events", "--involving", ","]) == 2
    assert "--involving ,: no record has that id, nor is it a country code" in capsys.readouterr().err
