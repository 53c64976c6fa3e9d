"""Every bad input gets a clear, specific error: a table of cases across the API and the CLI.

Each Python case names the call, the exact exception type, and fragments its message must
contain (the argument, what was given, what is accepted or what to try). Each command-line
case names the arguments, the exit code and a fragment of the single line on stderr.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import usnz
from usnz.cli import main

LONG = "x" * 5000
_CITED = usnz.Citation(source="encyclopedia-nz-us-relations", paragraph=3)


def _agreement(**fields: Any) -> usnz.Agreement:
    """An agreement built in Python, with *fields* over a valid one's."""
    given: dict[str, Any] = {"id": "x", "name": "X", "kind": "treaty", "summary": "S.", "citations": (_CITED,)}
    return usnz.Agreement(**(given | fields))


A = usnz.ArgumentValueError
T = usnz.ArgumentTypeError
U = usnz.UnknownRecordError
D = usnz.DateError
HUGE = 10**5000  # more digits than Python will write out (4,300)


class Hostile(str):
    """A str whose own methods all fail: usnz must read the text it holds, not call them."""

    __slots__ = ()

    def _fail(self, *args: object, **kwargs: object) -> Any:
        raise RuntimeError("a hostile str method was called")

    strip = lstrip = rstrip = lower = upper = casefold = split = replace = startswith = endswith = encode = _fail
    __eq__ = __ne__ = __lt__ = __hash__ = __len__ = __iter__ = __contains__ = __getitem__ = _fail  # type: ignore[assignment]
    __add__ = __mod__ = __format__ = __repr__ = __str__ = _fail  # type: ignore[assignment]


class BadRepr:
    def __repr__(self) -> str:
        raise RuntimeError("no repr")


class BytesPath:
    """An os.PathLike whose path is bytes."""

    def __fspath__(self) -> bytes:
        return b"/nonexistent/usnz"


# (case id, call, exception type, fragments of the message)
PYTHON_CASES: list[tuple[str, Callable[[], object], type[Exception], tuple[str, ...]]] = [
    # get
    ("get-none", lambda: usnz.get(None), T, ("get() takes a record id as a str", "NoneType")),  # type: ignore[arg-type]
    ("get-int", lambda: usnz.get(5), T, ("get() takes a record id", "int 5")),  # type: ignore[arg-type]
    ("get-bytes", lambda: usnz.get(b"anzus"), T, ("bytes",)),  # type: ignore[arg-type]
    ("get-empty", lambda: usnz.get(""), U, ("no record has the id ''", "usnz.search()")),
    ("get-space", lambda: usnz.get("   "), U, ("no record has the id '   '",)),
    ("get-case", lambda: usnz.get("ANZUS"), U, ("did you mean 'anzus'",)),
    ("get-name", lambda: usnz.get("Korean War"), U, ("did you mean 'korean-war'",)),
    ("get-typo", lambda: usnz.get("anzsu"), U, ("did you mean 'anzus'",)),
    ("get-long", lambda: usnz.get(LONG), U, ("5,000 characters",)),
    ("get-control", lambda: usnz.get("anzus\x00"), U, ("'anzus\\x00'", "did you mean 'anzus'")),
    ("get-markup", lambda: usnz.get("<b>anzus</b>"), U, ("'<b>anzus</b>'",)),
    # during=
    ("during-empty", lambda: usnz.events(during=""), A, ("during=''", "not a date or period", "accepted")),
    ("during-space", lambda: usnz.events(during="   "), A, ("during='   '", "accepted")),
    ("during-19x5", lambda: usnz.events(during="19x5"), A, ("during='19x5'", "196X", "1939/1975")),
    (
        "during-feb-30",
        lambda: usnz.events(during="2001-02-30"),
        A,
        ("during='2001-02-30'", "not a real date", "1 to 28"),
    ),
    (
        "during-reversed",
        lambda: usnz.events(during="1965/1960"),
        A,
        ("during='1965/1960'", "cannot end (1960) before it starts (1965)"),
    ),
    ("during-negative-text", lambda: usnz.events(during="-1965"), A, ("during='-1965'", "accepted")),
    ("during-negative-int", lambda: usnz.events(during=-1965), A, ("during=-1965", "not a year from 1 to 9999")),
    ("during-zero", lambda: usnz.events(during=0), A, ("during=0", "not a year from 1 to 9999")),
    ("during-five-digits", lambda: usnz.events(during=10000), A, ("during=10000", "not a year")),
    ("during-float", lambda: usnz.events(during=1965.5), T, ("during= takes a year", "float 1965.5")),
    ("during-bool", lambda: usnz.events(during=True), T, ("during= takes a year", "bool True")),
    ("during-list", lambda: usnz.events(during=[1965]), T, ("during= takes", "list [1965]")),
    ("during-dict", lambda: usnz.events(during={"year": 1965}), T, ("during= takes", "dict")),
    ("during-month-13", lambda: usnz.events(during="1965-13"), A, ("month must be an int from 1 to 12", "13")),
    ("during-month-0", lambda: usnz.events(during="1965-00"), A, ("month must be an int from 1 to 12",)),
    ("during-year-0", lambda: usnz.events(during="0000"), A, ("year must be between 1 and 9999",)),
    ("during-nul", lambda: usnz.events(during="1965\x00"), A, ("during='1965\\x00'",)),
    ("during-markup", lambda: usnz.events(during="<b>1965</b>"), A, ("during='<b>1965</b>'",)),
    ("during-half-bad", lambda: usnz.events(during="1965/19x5"), A, ("'19x5' is not an EDTF date",)),
    ("during-open-both", lambda: usnz.events(during="../.."), A, ("needs a date at one end at least",)),
    ("during-long", lambda: usnz.events(during=LONG), A, ("...", "not a date or period")),
    ("during-timeline", lambda: usnz.timeline(during="nope"), A, ("during='nope'",)),
    ("during-quotes", lambda: usnz.quotes(during="2008-7"), A, ("during='2008-7'",)),
    # kind=
    ("kind-empty", lambda: usnz.events(kind=""), A, ("kind='' is not accepted; accepted: visit",)),
    ("kind-case", lambda: usnz.events(kind="VISIT"), A, ("kind='VISIT' is not accepted", "visit")),
    ("kind-nested", lambda: usnz.events(kind=[["visit"]]), T, ("kind= takes a value or a flat collection",)),  # type: ignore[list-item]
    ("kind-int-in-list", lambda: usnz.events(kind=["visit", 3]), T, ("kind= takes a str", "int 3")),  # type: ignore[list-item]
    ("kind-typo-in-list", lambda: usnz.events(kind=["visit", "meting"]), A, ("did you mean 'meeting'",)),
    ("kind-agreement", lambda: usnz.agreements(kind="alliance"), A, ("kind='alliance'", "treaty")),
    ("kind-organization", lambda: usnz.organizations(kind="club"), A, ("kind='club'", "council")),
    ("kind-records", lambda: usnz.dataset().records("war"), A, ("kind='war'", "conflicts")),
    ("kind-records-type", lambda: usnz.dataset().records(None), T, ("kind= takes a record kind as a str",)),  # type: ignore[arg-type]
    (
        "kind-search-padded",
        lambda: usnz.search("anzus", kind="agreement "),
        A,
        ("kind='agreement ' has white space around it", "try kind='agreement'"),
    ),
    (
        "kind-search-base-class",
        lambda: usnz.search("anzus", kind=usnz.Record),  # type: ignore[arg-type]
        T,
        ("got type", "the record classes are usnz.Source, usnz.Agreement"),
    ),
    # involving=
    ("involving-empty", lambda: usnz.events(involving=""), A, ("involving= takes a record id, got an empty string",)),
    ("involving-int", lambda: usnz.events(involving=42), T, ("involving= takes a record id as a str", "int 42")),  # type: ignore[arg-type]
    (
        "involving-unknown",
        lambda: usnz.events(involving="nobody"),
        U,
        ("involving='nobody': no record has that id, nor is it a country code",),
    ),
    ("involving-nested", lambda: usnz.events(involving=[["anzus"]]), T, ("flat collection",)),
    ("involving-bad-code", lambda: usnz.events(involving="XXX"), U, ("involving='XXX'",)),
    ("involving-typo", lambda: usnz.timeline(involving="helen-clerk"), U, ("did you mean 'helen-clark'",)),
    # country=
    (
        "country-unknown",
        lambda: usnz.events(country="FRA"),
        U,
        ("country='FRA' is not a country code usnz knows", "use one of AFG"),
    ),
    ("country-alpha2", lambda: usnz.events(country="nz"), U, ("country='nz'", "did you mean 'NZL'")),
    ("country-name", lambda: usnz.force_contributions(country="New Zealand"), U, ("did you mean 'NZL'",)),
    ("country-dict", lambda: usnz.events(country={"NZL": 1}), T, ("country= takes an ISO 3166-1 alpha-3", "dict")),  # type: ignore[arg-type]
    ("country-bytes", lambda: usnz.events(country=[b"NZL"]), T, ("country= takes an ISO 3166-1 alpha-3", "bytes")),  # type: ignore[list-item]
    (
        "speaker-wrong-kind",
        lambda: usnz.quotes(speaker=usnz.get("anzus")),
        usnz.WrongKindIdError,  # an UnknownRecordError and a WrongKindError
        ("speaker= takes person ids or records", "got an agreement record 'anzus'"),
    ),
    ("office-typo", lambda: usnz.people(office="secretary-of-stat"), A, ("did you mean 'secretary-of-state'",)),
    ("office-int", lambda: usnz.people(office=3), T, ("office= takes a str",)),  # type: ignore[arg-type]
    ("combat-int", lambda: usnz.force_contributions(combat=1), T, ("combat= takes True or False", "int 1")),  # type: ignore[arg-type]
    ("possibly-str", lambda: usnz.events(during=2008, possibly="yes"), T, ("possibly= takes True or False",)),  # type: ignore[arg-type]
    ("basis-typo", lambda: usnz.timeline(basis="stater"), A, ("did you mean 'stated'",)),
    ("destination-unknown", lambda: usnz.events(destination="XYZ"), U, ("destination='XYZ'",)),
    ("search-kind-typo", lambda: usnz.search("key", kind="persn"), A, ("did you mean 'person'",)),
    ("total-not-a-quantity", lambda: usnz.force_contributions().total("unit"), A, ("no quantity field", "personnel")),
    ("country-empty", lambda: usnz.people(country=" "), A, ("got an empty string",)),
    # conflict=
    (
        "conflict-empty",
        lambda: usnz.force_contributions(conflict=""),
        A,
        ("conflict= takes a record id, got an empty string",),
    ),
    ("conflict-name", lambda: usnz.force_contributions(conflict="Korean War"), U, ("did you mean 'korean-war'",)),
    (
        "conflict-person",
        lambda: usnz.events(conflict="helen-clark"),
        usnz.WrongKindIdError,  # an UnknownRecordError and a WrongKindError
        ("conflict='helen-clark' is a person, not a conflict; conflict= takes conflict ids",),
    ),
    ("conflict-typo", lambda: usnz.force_contributions(conflict="koren-war"), U, ("did you mean 'korean-war'",)),
    (
        "conflict-int",
        lambda: usnz.force_contributions(conflict=151),
        T,
        ("conflict= takes a record id as a str", "int 151"),
    ),  # type: ignore[arg-type]
    # speaker=
    ("speaker-empty", lambda: usnz.quotes(speaker=""), A, ("speaker= takes a record id, got an empty string",)),
    (
        "speaker-organization",
        lambda: usnz.quotes(speaker="us-nz-council"),
        usnz.WrongKindIdError,  # an UnknownRecordError and a WrongKindError
        ("speaker='us-nz-council' is an organization, not a person",),
    ),
    ("speaker-int", lambda: usnz.quotes(speaker=7), T, ("speaker= takes a record id as a str",)),  # type: ignore[arg-type]
    ("speaker-typo", lambda: usnz.quotes(speaker="condoleeza-rice"), U, ("did you mean 'condoleezza-rice'",)),
    # citing
    (
        "citing-unknown-source",
        lambda: usnz.citing(source="wikipedia"),
        U,
        ("source='wikipedia': no source record has that id",),
    ),
    (
        "citing-paragraph-0",
        lambda: usnz.citing(source="nzpa-key-leaves-us", paragraph=0),
        A,
        ("paragraph=0", "accepted: 1 to 17"),
    ),
    (
        "citing-paragraph-99",
        lambda: usnz.citing(source="encyclopedia-nz-us-relations", paragraph=99),
        A,
        ("accepted: 1 to 68",),
    ),
    (
        "citing-paragraph-text",
        lambda: usnz.citing(source="nzpa-key-leaves-us", paragraph="2"),
        T,
        ("paragraph= takes a paragraph number as an int", "str '2'"),
    ),  # type: ignore[arg-type]
    ("citing-paragraph-bool", lambda: usnz.citing(source="nzpa-key-leaves-us", paragraph=True), T, ("bool True",)),
    # search
    ("search-none", lambda: usnz.search(None), T, ("search() takes text as a str", "NoneType")),  # type: ignore[arg-type]
    ("search-int", lambda: usnz.search(5), T, ("search() takes text as a str", "int 5")),  # type: ignore[arg-type]
    # load
    ("load-none", lambda: usnz.load(None), T, ("load() takes a path", "NoneType")),  # type: ignore[arg-type]
    ("load-int", lambda: usnz.load(5), T, ("load() takes a path", "int 5")),  # type: ignore[arg-type]
    ("load-list-of-int", lambda: usnz.load([5]), T, ("load() takes paths as str or os.PathLike", "int 5")),  # type: ignore[list-item]
    ("load-empty-path", lambda: usnz.load(""), A, ("load() was given an empty path",)),
    ("load-no-paths", lambda: usnz.load([]), A, ("load() was given no paths",)),
    ("load-extends", lambda: usnz.load("x", extends="packaged"), T, ("extends= takes a usnz.Dataset", "str")),  # type: ignore[arg-type]
    ("load-missing", lambda: usnz.load("/nonexistent/usnz-data"), usnz.DataError, ("cannot read",)),
    # huge ints: more digits than Python writes out
    (
        "get-huge-int",
        lambda: usnz.get(HUGE),
        T,
        ("get() takes a record id as a str", "int <an int of about 5,001 digits>"),
    ),  # type: ignore[arg-type]
    ("during-huge-int", lambda: usnz.events(during=HUGE), A, ("during=<an int of about 5,001 digits>", "1 to 9999")),
    ("during-huge-negative", lambda: usnz.timeline(during=-HUGE), A, ("not a year from 1 to 9999",)),
    (
        "during-huge-in-list",
        lambda: usnz.events(during=[HUGE]),
        T,
        ("during= takes", "got list <a list object whose repr() fails>"),
    ),
    (
        "paragraph-huge-int",
        lambda: usnz.citing(source="nzpa-key-leaves-us", paragraph=HUGE),
        A,
        ("paragraph=<an int of about 5,001 digits>", "accepted: 1 to 17"),
    ),
    ("involving-huge-int", lambda: usnz.events(involving=HUGE), T, ("involving= takes a record id", "5,001 digits")),  # type: ignore[arg-type]
    ("kind-huge-int", lambda: usnz.events(kind=HUGE), T, ("kind= takes a str", "5,001 digits")),  # type: ignore[arg-type]
    ("country-huge-int", lambda: usnz.events(country=HUGE), T, ("country= takes", "5,001 digits")),  # type: ignore[arg-type]
    ("combat-huge-int", lambda: usnz.force_contributions(combat=HUGE), T, ("combat= takes True or False",)),  # type: ignore[arg-type]
    ("search-huge-int", lambda: usnz.search(HUGE), T, ("search() takes text as a str", "5,001 digits")),  # type: ignore[arg-type]
    ("load-huge-int", lambda: usnz.load(HUGE), T, ("load() takes a path", "5,001 digits")),  # type: ignore[arg-type]
    (
        "during-bad-repr",
        lambda: usnz.events(during=BadRepr()),
        T,
        ("during= takes", "<a BadRepr object whose repr() fails>"),
    ),
    # str subclasses whose methods misbehave: read as the text they hold
    ("get-hostile", lambda: usnz.get(Hostile("anzsu")), U, ("no record has the id 'anzsu'", "did you mean 'anzus'")),
    ("during-hostile", lambda: usnz.events(during=Hostile("19x5")), A, ("during='19x5' is not a date or period",)),
    ("kind-hostile", lambda: usnz.events(kind=Hostile("vist")), A, ("kind='vist' is not accepted", "'visit'")),
    ("involving-hostile", lambda: usnz.events(involving=[Hostile("nobody")]), U, ("involving='nobody'",)),
    ("country-hostile", lambda: usnz.events(country=Hostile(" ")), A, ("got an empty string",)),
    ("load-hostile", lambda: usnz.load(Hostile("/nonexistent/usnz")), usnz.DataError, ("cannot read",)),
    # paths
    ("load-bytes", lambda: usnz.load(b"/p"), T, ("not bytes", "got b'/p'", "os.fsdecode()")),  # type: ignore[arg-type]
    ("load-bytearray", lambda: usnz.load(bytearray(b"/p")), T, ("not bytes",)),  # type: ignore[arg-type]
    ("load-bytes-in-list", lambda: usnz.load(["/p", b"/q"]), T, ("not bytes", "got b'/q'")),  # type: ignore[list-item]
    ("load-bytes-pathlike", lambda: usnz.load(BytesPath()), T, ("not bytes", "BytesPath")),  # type: ignore[arg-type]
    ("load-nul", lambda: usnz.load("data/a\x00b"), A, ("a NUL byte (\\x00)", "'data/a\\x00b'")),
    ("load-nul-pathlike", lambda: usnz.load([Path("data/a\x00b")]), A, ("a NUL byte",)),
    ("load-long-name", lambda: usnz.load("x" * 300), usnz.DataError, ("x" * 80, "cannot read")),
    (
        "doubts-paragraph-beyond",
        lambda: usnz.doubts(paragraph=999),
        A,
        ("paragraph=999 is not a paragraph of any source", "(nzpa-key-leaves-us: 1 to 17;", "relations: 1 to 68)"),
    ),
    # a collection of records
    ("records-of-ids", lambda: usnz.Records(["anzus"]), T, ("got str 'anzus' at position 0", "usnz.get('anzus')")),  # type: ignore[list-item]
    ("records-mixed", lambda: usnz.Records([usnz.get("anzus"), 3]), T, ("got int 3 at position 1",)),  # type: ignore[list-item]
    ("records-an-id", lambda: usnz.Records("anzus"), T, ("an iterable of records", "usnz.get('anzus')")),  # type: ignore[arg-type]
    ("records-none", lambda: usnz.Records(None), T, ("an iterable", "got NoneType None")),  # type: ignore[arg-type]
    ("records-dict", lambda: usnz.Records({"anzus": 1}), T, ("an iterable", "got dict")),  # type: ignore[arg-type]
    # values
    ("edtf-none", lambda: usnz.PartialDate.parse(None), D, ("must be a str", "NoneType")),  # type: ignore[arg-type]
    ("edtf-reversed", lambda: usnz.Period.parse("1965/1960"), D, ("cannot end",)),
    ("edtf-impossible", lambda: usnz.parse_edtf("2001-02-30"), D, ("not a real date",)),
    ("quantity-order", lambda: usnz.Quantity(unit="x", low=5, best=1), A, ("low <= best <= high",)),
    # records and values built in Python: a usnz error, in words, never a list or a str kept as a tuple
    (
        "citation-paragraph-str",
        lambda: usnz.Citation(source="x", paragraph="3"),
        T,
        ("paragraph must be an int, got str '3'",),
    ),  # type: ignore[arg-type]
    ("citation-paragraph-bool", lambda: usnz.Citation(source="x", paragraph=True), T, ("got bool True",)),
    (
        "doubt-kind",
        lambda: usnz.Doubt(kind="lie", source="x", paragraphs=(1,), text="t"),
        A,
        ("kind must be one of 'contradiction'", "got 'lie'"),
    ),  # type: ignore[arg-type]
    (
        "doubt-paragraphs-list",
        lambda: usnz.Doubt(kind="vague", source="x", paragraphs=[1], text="t"),
        T,
        ("paragraphs must be a tuple, got list [1]",),
    ),  # type: ignore[arg-type]
    (
        "money-per",
        lambda: usnz.Money(amount=__import__("decimal").Decimal(1), currency="NZD", per="month"),
        A,
        ("per must be one of 'year' or None", "got 'month'"),
    ),  # type: ignore[arg-type]
    ("record-citations-str", lambda: _agreement(citations="abc"), T, ("citations must be a tuple, got str 'abc'",)),
    (
        "record-citations-items",
        lambda: _agreement(citations=(_CITED, "x")),
        T,
        ("citations must hold Citation values, got str 'x'",),
    ),
    (
        "record-parties-list",
        lambda: _agreement(parties=["NZL"]),
        T,
        ("parties must be a tuple, got list ['NZL']", "tuple(...)"),
    ),
    ("record-kind", lambda: _agreement(kind="pact"), A, ("kind must be one of 'treaty'", "got 'pact'")),
    (
        "person-roles",
        lambda: usnz.Person(id="x", name="X", summary="s", citations=(_CITED,), roles=("pm",)),
        T,
        ("roles must hold Role values, got str 'pm'",),
    ),  # type: ignore[arg-type]
    (
        "source-sha256",
        lambda: attrs.evolve(usnz.get("encyclopedia-nz-us-relations"), sha256="zz"),
        A,
        ("sha256 must be the SHA-256", "got 'zz'"),
    ),
    (
        "money-currency",
        lambda: usnz.Money(amount=__import__("decimal").Decimal(1), currency="$"),
        A,
        ("ISO 4217", "'$'"),
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "fragments"), [c[1:] for c in PYTHON_CASES], ids=[c[0] for c in PYTHON_CASES]
)
def test_python_api(call: Callable[[], object], error: type[Exception], fragments: tuple[str, ...]) -> None:
    with pytest.raises(error) as caught:
        call()
    assert type(caught.value) is error
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message
    assert len(message) < 2000
    if error is not ValueError:
        assert isinstance(caught.value, usnz.Error)


# (case id, argv, exit code, fragment of stderr's one line, or of stdout for validate)
CLI_CASES: list[tuple[str, list[str], int, str]] = [
    ("show-empty", ["show", ""], 2, "no record has the id ''"),
    ("show-typo", ["show", "anzsu"], 2, "did you mean 'anzus'"),
    ("show-control", ["show", "anz\x01us"], 2, "'anz\\x01us'"),
    ("show-long", ["show", LONG], 2, "5,000 characters"),
    ("show-no-id", ["show"], 2, "required: id"),
    ("show-format", ["show", "anzus", "--format", "yaml"], 2, "invalid choice: 'yaml'"),
    ("list-filter-no-kind", ["list", "--during", "2008"], 2, "filters need a KIND"),
    ("list-unknown-kind", ["list", "treaties"], 2, "unknown kind 'treaties'"),
    ("list-empty-during", ["list", "events", "--during", ""], 2, "--during '' is not a date"),
    ("list-bad-during", ["list", "events", "--during", "19x5"], 2, "--during 19x5 is not"),
    ("list-country", ["list", "events", "--country", "FRA"], 2, "--country FRA"),
    ("list-wrong-filter", ["list", "people", "--conflict", "korean-war"], 2, "list people does not take --conflict"),
    ("list-speaker-kind", ["list", "quotes", "--speaker", "anzus"], 2, "--speaker anzus is an agreement, not a person"),
    ("timeline-impossible", ["timeline", "--during", "2001-02-30"], 2, "not a real date"),
    ("timeline-involving", ["timeline", "--involving", ""], 2, "empty string"),
    ("unknown-option", ["timeline", "--foo"], 2, "unrecognized arguments: --foo"),
    ("unknown-command", ["delete", "anzus"], 2, "invalid choice: 'delete'"),
    ("search-dash", ["search", "-x"], 2, "required: text; to search for a word that starts with '-', put -- before"),
    ("search-dash-later", ["search", "anzus", "-x"], 2, "unrecognized arguments: -x; to search for a word"),
    ("search-dash-hint", ["search", "-y"], 2, "e.g. usnz search -- -x"),
    ("validate-missing", ["validate", "/nonexistent/usnz"], 2, "cannot read '/nonexistent/usnz': No such file"),
    ("validate-one-missing", ["validate", ".", "/nonexistent/usnz"], 2, "cannot read '/nonexistent/usnz'"),
    ("validate-nul", ["validate", "a\x00b"], 2, "'a\\x00b' is not a path: it holds a NUL byte"),
    ("validate-long-name", ["validate", LONG], 2, "... (5,000 characters): File name too long"),
    ("validate-not-utf8", ["validate", "/nonexistent/\udcff"], 2, "cannot read '/nonexistent/\\udcff'"),
    ("show-huge", ["show", "9" * 5000], 2, "5,000 characters"),
]


@pytest.mark.parametrize(("argv", "code", "fragment"), [c[1:] for c in CLI_CASES], ids=[c[0] for c in CLI_CASES])
def test_command_line(capsys: pytest.CaptureFixture[str], argv: list[str], code: int, fragment: str) -> None:
    assert main(argv) == code
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert fragment in err
    assert "Traceback" not in err


def test_validate_lists_every_problem_of_three_broken_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "people.json").write_text(json.dumps([{"id": "x", "name": "X"}]), encoding="utf-8")
    (tmp_path / "events.json").write_text('[{"id": "e",', encoding="utf-8")
    (tmp_path / "quotes.json").write_bytes(b"\xff\xfe")
    assert main(["validate", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert f"{tmp_path / 'people.json'} x citations: required field missing" in lines
    assert f"{tmp_path / 'people.json'} x summary: required field missing" in lines
    assert any(line.startswith(f"{tmp_path / 'events.json'}: not valid JSON") for line in lines)
    unchecked = "references to quotes are not checked until this file is read"
    assert f"{tmp_path / 'quotes.json'}: not valid UTF-8 (byte 0); {unchecked}" in lines
    assert len(lines) == 4


def test_validate_clean_data_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    data = Path(usnz.__file__).parent / "data"
    assert main(["validate", str(data)]) == 0
    assert capsys.readouterr().out.startswith(f"ok: {len(usnz.dataset())} records")


def test_validate_with_packaged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cite = [{"source": "encyclopedia-nz-us-relations", "paragraph": 11}]
    quote: dict[str, Any] = {"id": "my-quote", "speaker": "condoleezza-rice", "text": "moved on", "citations": cite}
    (tmp_path / "quotes.json").write_text(json.dumps([quote]), encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    assert "refers to 'condoleezza-rice', which no record has as its id" in capsys.readouterr().out
    assert main(["validate", "--with-packaged", str(tmp_path)]) == 0
    assert "ok:" in capsys.readouterr().out


def test_search_for_a_word_that_starts_with_a_dash(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--", "-zzqx"]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == ("(no records)\n", "usnz: warning: no record holds 'zzqx'\n")  # searched, not an option


def test_a_hostile_str_subclass_is_read_as_its_text() -> None:
    assert usnz.get(Hostile("anzus")).id == "anzus"
    assert usnz.search(Hostile("ANZUS treaty"))[0].id == "anzus"
    assert usnz.search("anzus", kind=Hostile("agreement")).ids() == ("anzus",)
    assert usnz.events(during=Hostile("1965")) == usnz.events(during="1965")
    with pytest.raises(usnz.ArgumentValueError, match="try during='1965'"):
        usnz.events(during=Hostile(" 1965 "))
    assert usnz.events(kind=[Hostile("visit")]) == usnz.events(kind="visit")
    assert usnz.events(involving=Hostile("NZL")) == usnz.events(involving="NZL")
    assert usnz.events(involving=Hostile("helen-clark")) == usnz.events(involving="helen-clark")
    assert usnz.people(office=Hostile("prime-minister")) == usnz.people(office="prime-minister")
    assert usnz.force_contributions(conflict=Hostile("korean-war")).ids()
    assert usnz.dataset().records(Hostile("events")) == usnz.events()
    with pytest.warns(usnz.CoverageWarning, match="during='1700' lies outside"):
        assert not usnz.events(during=Hostile("1700"))


def test_suite_has_at_least_sixty_cases() -> None:
    assert len(PYTHON_CASES) + len(CLI_CASES) >= 60
