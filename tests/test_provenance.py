"""Provenance: every fact of the packaged data checked against the two source texts.

The texts are read from ``../shared/seeds/`` beside the repository; every test that needs
them takes the ``seeds`` fixture, which skips with the reason shown where that folder is
absent (an installed wheel, say). The number extractor's own tests need no texts.
``docs/data-notes.md`` explains the same rules for readers.

**Numbers in a paragraph** (:func:`mentions`): digits with or without thousands separators
and with decimals (``1044``, ``3,794``, ``0.5``, ``100%``); digit ordinals (``92nd``,
``1st``); decades (``1960s`` is 1960); a two-digit year after a year (``2007-08`` is 2007
and 2008); number words (``one`` to ``nineteen``, the tens and their compounds,
``hundred``, ``thousand``, ``dozen``, ``single``), also inside hyphenated compounds
(``three-day``, ``two-time``, ``six-month``, ``Three-term``); word ordinals (``first`` to
``twentieth``); amounts of money, one mention for the whole amount (``$2 million`` is
2000000, ``US$347,500``, ``$1.17 million``, ``$3 billion``); times of day (``4:23 pm`` is
16:23). Month names are months, not numbers.

**Numbers a record carries** (:func:`carried`): every ``best``/``low``/``high`` of a
``Quantity``; every ``Money`` amount; the year, month and day of every ``PartialDate``,
including both ends of a ``Period`` and the periods of a person's roles; ``Event.time``;
every other int field except ``Conflict.cow_warnum`` (from the COW crosswalk, not the
texts) and the locators ``Citation.paragraph`` and ``Source.paragraphs``; and the numbers
written inside the record's names: ``name``, ``aliases``, ``unit``, ``Event.title`` and
``Quote.text`` (``161 Battery``, ``Resolution 1483``, ``Cyber Storm 2``). Summaries,
notes, doubts, measures and other prose carry nothing.

The rules:

1. Each ``Source.sha256`` is the SHA-256 of its file, and ``Source.paragraphs`` its count
   of lines; every citation names an existing paragraph.
2. *Carried numbers appear* in one of the record's cited paragraphs: a number (quantity,
   money, int field, year) as a mention of equal value; a month as a month name or digits;
   a day and a time of day as digits. Numbers written in digits inside a name must appear
   too (numbers spelt out in a name need not: ``First World War`` for "World War I").
   Exempt: (a) the dates of a record whose ``date_basis`` is ``inferred`` or ``external``
   -- its notes or doubts say how the date was reasoned, or name the outside fact it rests on;
   (b) a quantity of zero, when a cited paragraph says "no" (``no New Zealanders were
   killed``).
3. *Completeness*: every number mentioned in every paragraph is carried by some record
   citing that paragraph (a time of day by a time; anything else by any carried number of
   equal value), unless the mention lies inside a phrase of :data:`EXCLUDED_NUMBERS`, each
   with its reason.
4. Every paragraph is cited by some record, unless it is in :data:`UNCITED_PARAGRAPHS`
   with its reason (and then no record cites it).
5. ``Quote.text`` appears verbatim in a cited paragraph (runs of spaces, which the archive
   left where it lost characters, count as one).
6. A ``Money`` whose amount the text writes with a currency (``US$``) has that currency and
   ``currency_stated``; one written with a bare ``$`` has ``currency_stated=False``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import attrs
import pytest

import usnz

ENC = "encyclopedia-nz-us-relations"
NZPA = "nzpa-key-leaves-us"

# -- the number extractor -----------------------------------------------------------------

_UNITS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORDS: dict[str, int] = {
    **{word: index + 1 for index, word in enumerate(_UNITS)},
    **{word: 20 + 10 * index for index, word in enumerate(_TENS)},
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
    "single": 1,
}
ORDINALS: dict[str, int] = {
    word: index + 1
    for index, word in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ]
    )
}
MONTHS: dict[str, int] = {
    name: index + 1
    for index, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
_SCALES = {"thousand": 1000, "million": 10**6, "billion": 10**9}


def _alternatives(words: list[str] | dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_PATTERN = re.compile(
    r"(?P<money>(?P<currency>US|NZ)?\$\s?(?P<amount>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<cents>\d+))?"
    r"(?:\s+(?P<scale>thousand|million|billion)\b)?)"
    r"|(?P<time>\b(?P<hour>\d{1,2}):(?P<minute>[0-5]\d)(?:\s*(?P<half>[ap]\.?m\.?)(?!\w))?)"
    r"|(?P<years>\b(?P<first>1\d{3}|20\d{2})[-–](?P<second>\d{2})\b)"
    r"|(?P<digits>(?<![\w.])(?P<whole>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(?P<fraction>\d+))?(?P<suffix>st|nd|rd|th)?)"
    rf"|(?P<word>\b(?:(?:{_alternatives(_TENS)})[-\s](?:{_alternatives(_UNITS[:9])})|{_alternatives(WORDS)})\b)"
    rf"|(?P<ordinal>\b(?:{_alternatives(ORDINALS)})\b)",
    re.IGNORECASE,
)


class Mention(NamedTuple):
    """One number written in a text.

    Attributes:
        value: Its value (a time of day as ``hhmm``: 4:23 pm is 1623).
        kind: ``digits``, ``ordinal`` (``92nd``), ``word``, ``ordinal-word``, ``money`` or ``time``.
        start: Where it starts in the text.
        end: Where it ends.
        text: As written.
        currency: For money, the currency written before the ``$`` (``US``), if any.
    """

    value: Decimal
    kind: str
    start: int
    end: int
    text: str
    currency: str | None = None


def mentions(text: str) -> list[Mention]:
    """Every number written in *text*, in order (see the module docstring for what counts)."""
    found: list[Mention] = []
    for match in _PATTERN.finditer(text):
        start, end = match.span()
        if match["money"]:
            value = Decimal(match["amount"].replace(",", "") + (f".{match['cents']}" if match["cents"] else ""))
            value *= _SCALES[match["scale"].lower()] if match["scale"] else 1
            found.append(Mention(value, "money", start, end, match[0], match["currency"]))
        elif match["time"]:
            hour, half = int(match["hour"]), (match["half"] or "").lower().replace(".", "")
            hour = hour % 12 + (12 if half == "pm" else 0) if half else hour
            found.append(Mention(Decimal(hour * 100 + int(match["minute"])), "time", start, end, match[0]))
        elif match["years"]:
            first = int(match["first"])
            second = first // 100 * 100 + int(match["second"])
            found.append(Mention(Decimal(first), "digits", match.start("first"), match.end("first"), match["first"]))
            found.append(
                Mention(Decimal(second), "digits", match.start("second"), match.end("second"), match["second"])
            )
        elif match["digits"]:
            value = Decimal(match["whole"].replace(",", "") + (f".{match['fraction']}" if match["fraction"] else ""))
            found.append(Mention(value, "ordinal" if match["suffix"] else "digits", start, end, match[0]))
        elif match["word"]:
            value = Decimal(sum(WORDS[part] for part in re.split(r"[-\s]", match[0].lower())))
            found.append(Mention(value, "word", start, end, match[0]))
        else:
            found.append(Mention(Decimal(ORDINALS[match[0].lower()]), "ordinal-word", start, end, match[0]))
    return found


def months(text: str) -> set[int]:
    """The months *text* names (``May`` is 5)."""
    names = _alternatives([name.title() for name in MONTHS])
    return {MONTHS[name.lower()] for name in re.findall(rf"\b(?:{names})\b", text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a 1044 strong force; 3,794 served", [("1044", "digits"), ("3794", "digits")]),
        ("rose by 0.5 percent, a 100% rate", [("0.5", "digits"), ("100", "digits")]),
        ("the 92nd race, the 1st Marine Division", [("92", "ordinal"), ("1", "ordinal")]),
        ("since the early 1960s", [("1960", "digits")]),
        ("the 2007-08 series", [("2007", "digits"), ("2008", "digits")]),
        ("Fifty House members and 19 Senators", [("50", "word"), ("19", "digits")]),
        ("a three-day visit; two-time champions; Three-term", [("3", "word"), ("2", "word"), ("3", "word")]),
        ("for eighteen months; twenty-one guns", [("18", "word"), ("21", "word")]),
        (
            "a single officer; a dozen; its first hundred years",
            [("1", "word"), ("12", "word"), ("1", "ordinal-word"), ("100", "word")],
        ),
        ("in his tenth season", [("10", "ordinal-word")]),
        ("pledged $2 million", [("2000000", "money")]),
        ("averaged at US$347,500 annually", [("347500", "money")]),
        ("the $1.17 million prize; by about $3 billion", [("1170000", "money"), ("3000000000", "money")]),
        ("at 4:23 pm, she signed", [("1623", "time")]),
        ("at 9:05, and 12:30 a.m.", [("905", "time"), ("30", "time")]),
        (
            "August 29 UTC-6/-5 after 9/11",
            [("29", "digits"), ("6", "digits"), ("5", "digits"), ("9", "digits"), ("11", "digits")],
        ),
        ("the 2,4,5T herbicide and 2RAR/NZ", [("2", "digits"), ("4", "digits"), ("5", "digits"), ("2", "digits")]),
        ("someone, anyone, often, nonetheless, weight", []),
    ],
)
def test_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.value, m.kind) for m in mentions(text)] == [(Decimal(v), k) for v, k in expected]


def test_mentions_record_positions_and_currency() -> None:
    text = "It averaged US$347,500 from 1966, then $2 million."
    found = mentions(text)
    assert [text[m.start : m.end] for m in found] == [m.text for m in found] == ["US$347,500", "1966", "$2 million"]
    assert [m.currency for m in found] == ["US", None, None]
    assert mentions("9/11")[1].value == 11


def test_months() -> None:
    assert months("On 27 May 1965 and in March, not mayhem; it may march") == {3, 5}
    assert months("no month here") == set()


# -- what records carry -------------------------------------------------------------------

_NAME_FIELDS = frozenset({"name", "aliases", "unit", "title", "text"})
# A role's attestation carries its dated record's date and paragraph: tests/test_offices.py checks them there.
_NOT_FACTS = frozenset({"cow_warnum", "paragraphs", "citations", "paragraph", "attested", "doubts"})


class Carried(NamedTuple):
    """One number a record carries.

    Attributes:
        kind: ``number``, ``money``, ``year``, ``month``, ``day``, ``time`` or ``name``
            (a number written inside a name or quote).
        value: Its value.
        path: The field it is in.
        exempt: Why it need not appear in a cited paragraph, if it need not.
        mention: For ``name``, the mention inside the name.
        money: For ``money``, the Money value.
    """

    kind: str
    value: Decimal
    path: str
    exempt: str | None = None
    mention: Mention | None = None
    money: usnz.Money | None = None


def _walk(path: str, value: Any, inferred: bool) -> Iterator[Carried]:
    field = re.sub(r"\[\d+\]", "", path).rpartition(".")[2]
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, usnz.Quantity):
        for bound in ("best", "low", "high"):
            number = getattr(value, bound)
            if number is not None:
                yield Carried("number", Decimal(str(number)), f"{path}.{bound}")
    elif isinstance(value, usnz.Money):
        yield Carried("money", value.amount, f"{path}.amount", money=value)
    elif isinstance(value, usnz.PartialDate):
        exempt = "date_basis is inferred or external" if inferred else None
        yield Carried("year", Decimal(value.year), f"{path}.year", exempt)
        if value.month is not None:
            yield Carried("month", Decimal(value.month), f"{path}.month", exempt)
        if value.day is not None:
            yield Carried("day", Decimal(value.day), f"{path}.day", exempt)
    elif isinstance(value, usnz.Period):
        yield from _walk(f"{path}.start", value.start, inferred)
        yield from _walk(f"{path}.end", value.end, inferred)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _walk(f"{path}[{index}]", item, inferred)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if field.name not in _NOT_FACTS:
                yield from _walk(f"{path}.{field.name}".lstrip("."), getattr(value, field.name), inferred)
    elif isinstance(value, str) and field == "time":
        hour, minute = value.split(":")
        yield Carried("time", Decimal(int(hour) * 100 + int(minute)), path)
    elif isinstance(value, str) and field in _NAME_FIELDS:
        for mention in mentions(value):
            yield Carried("name", mention.value, path, mention=mention)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        yield Carried("number", Decimal(str(value)), path)


def carried(record: usnz.AnyRecord) -> list[Carried]:
    """Every number *record* carries (see the module docstring)."""
    inferred = getattr(record, "date_basis", None) in {"inferred", "external"}
    return list(_walk("", record, inferred))


def test_carried_walks_every_kind_of_value() -> None:
    cite = (usnz.Citation(source="s", paragraph=1),)
    event = usnz.Event(
        id="e",
        kind="other",
        title="Cyber Storm 2",
        summary="1999 is not carried by a summary.",
        date=usnz.PartialDate(year=2008, month=3, day=10),
        time="16:23",
        citations=cite,
        date_basis="inferred",
        notes="Date inferred from somewhere.",
    )
    found = {(c.kind, c.value, c.path, c.exempt is not None) for c in carried(event)}
    assert found == {
        ("name", Decimal(2), "title", False),
        ("year", Decimal(2008), "date.year", True),
        ("month", Decimal(3), "date.month", True),
        ("day", Decimal(10), "date.day", True),
        ("time", Decimal(1623), "time", False),
    }
    spanned = usnz.Event(  # a record has a date or a period, not both
        id="e2",
        kind="other",
        title="T",
        summary="S.",
        period=usnz.Period.parse("2008~/.."),
        citations=cite,
        date_basis="inferred",
    )
    assert {(c.kind, c.value, c.path, c.exempt is not None) for c in carried(spanned)} == {
        ("year", Decimal(2008), "period.start.year", True)
    }
    stated = attrs.evolve(event, date_basis="stated")
    assert not any(c.exempt for c in carried(stated))
    figure = usnz.Figure(
        id="f", measure="12 things", quantity=usnz.Quantity(unit="miles", low=1, high=2.5), citations=cite
    )
    assert {(c.kind, c.value) for c in carried(figure)} == {("number", Decimal(1)), ("number", Decimal("2.5"))}
    person = usnz.Person(
        id="p",
        name="P",
        aliases=("No. 9",),
        summary="S.",
        roles=(usnz.Role(title="T", period=usnz.Period.parse("/1971")),),
        citations=cite,
    )
    assert {(c.kind, c.value, c.path) for c in carried(person)} == {
        ("name", Decimal(9), "aliases[0]"),
        ("year", Decimal(1971), "roles[0].period.end.year"),
    }
    conflict = usnz.Conflict(id="c", name="C", summary="S.", cow_warnum=151, citations=cite)
    assert carried(conflict) == []


# -- exclusions ------------------------------------------------------------------------------


class Excluded(NamedTuple):
    """Numbers inside *phrase* need no record (in one paragraph, or everywhere if ``paragraph`` is None)."""

    source: str | None
    paragraph: int | None
    phrase: str
    reason: str


EXCLUDED_NUMBERS: tuple[Excluded, ...] = (
    Excluded(None, None, "two countries", "'the two countries' names New Zealand and the United States; not a count"),
    Excluded(None, None, "two nations", "'the two nations' names New Zealand and the United States; not a count"),
    Excluded(None, None, "one of", "'one of' picks out an item ('one of these units'); not a count"),
    Excluded(ENC, 3, "its first", "'its first hundred years': the span is carried (100 years), 'first' only places it"),
    Excluded(ENC, 13, "first move", "a judgement of primacy ('first move towards association'); stated in summaries"),
    Excluded(ENC, 19, "second in command", "the name of a post, not a number"),
    Excluded(ENC, 20, "second training team", "says which team it was; the team's own figures are carried"),
    Excluded(ENC, 20, "first aid", "the term 'first aid', not a number"),
    Excluded(ENC, 21, "2,4,5T", "the name of the herbicide 2,4,5-T, not a number"),
    Excluded(ENC, 32, "August 29 UTC-6/-5", "the US-time date and UTC offsets of the 30 August NZST date; in notes"),
    Excluded(ENC, 36, '"deepening" one', "'one' stands for 'a relationship'; not a count"),
    Excluded(ENC, 40, "first round", "says which round was scheduled; the month (March 2009) is carried"),
    Excluded(ENC, 51, "first kiwi", "a claim of primacy ('the first kiwi ever to do so'); stated in summaries"),
    Excluded(NZPA, 8, "first visit", "a claim of primacy; the gap it measures (11 years) is carried"),
)
"""Numbers in the texts that no record needs to carry, each with its reason."""

UNCITED_PARAGRAPHS: dict[tuple[str, int], str] = {
    (ENC, 55): "a heading ('The exercise encompassed:') whose list the archived text lost",
    (ENC, 60): "a heading ('New Zealand Ministerial Visits to the United States') whose list the archive lost",
    (ENC, 61): "a heading ('United States delegations to New Zealand') whose list the archived text lost",
}
"""Paragraphs that state no fact, each with its reason."""


# -- the texts -------------------------------------------------------------------------------


@pytest.fixture
def texts(seeds: Path) -> dict[str, list[str]]:
    """Each source's paragraphs by source id (paragraph N is item N - 1); skips without the seeds."""
    return {source.id: _paragraphs(_file(seeds, source)) for source in usnz.sources()}


def _file(seeds: Path, source: usnz.Source) -> Path:
    """A source's file: a text in the seeds; a data file (the COW crosswalk) in ``crosswalk/`` beside them."""
    return seeds.parent / "crosswalk" / source.filename if source.kind == "dataset" else seeds / source.filename


def _prose(texts: dict[str, list[str]]) -> dict[str, list[str]]:
    """The texts alone (not the data files): what every number and paragraph of must be carried."""
    return {source: paragraphs for source, paragraphs in texts.items() if usnz.get(source).kind != "dataset"}


def _paragraphs(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return lines[:-1] if lines[-1] == "" else lines


def _cited(record: usnz.AnyRecord, texts: dict[str, list[str]]) -> list[tuple[usnz.Citation, str]]:
    return [(c, texts[c.source][c.paragraph - 1]) for c in getattr(record, "citations", ())]


def _records() -> list[usnz.AnyRecord]:
    return [r for r in usnz.dataset() if not isinstance(r, usnz.Source)]


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_sources_match_their_files(seeds: Path) -> None:
    for source in usnz.sources():
        data = _file(seeds, source).read_bytes()
        assert hashlib.sha256(data).hexdigest() == source.sha256, source.id
        assert len(_paragraphs(_file(seeds, source))) == source.paragraphs, source.id


def test_every_citation_points_at_a_paragraph(texts: dict[str, list[str]]) -> None:
    bad = [
        f"{r.id}: {c}"
        for r in _records()
        for c in r.citations
        if c.source not in texts or not 1 <= c.paragraph <= len(texts[c.source])
    ]
    assert not bad, "citations of paragraphs that do not exist:\n" + "\n".join(bad)


def _appears(item: Carried, paragraphs: list[str]) -> bool:
    found = [m for text in paragraphs for m in mentions(text)]
    if item.kind == "time":
        return any(m.kind == "time" and m.value == item.value for m in found)
    if item.kind == "month":
        named = set().union(*(months(text) for text in paragraphs))
        return int(item.value) in named or any(m.kind == "digits" and m.value == item.value for m in found)
    if item.kind in {"day", "name"}:
        return any(m.kind == "digits" and m.value == item.value for m in found)
    if item.value == 0 and any(re.search(r"\bno\b", text, re.IGNORECASE) for text in paragraphs):
        return True
    return any(m.kind != "time" and m.value == item.value for m in found)


def test_every_number_a_record_carries_is_in_a_cited_paragraph(texts: dict[str, list[str]]) -> None:
    bad = []
    for record in _records():
        paragraphs = [text for _, text in _cited(record, texts)]
        for item in carried(record):
            if item.exempt or (item.kind == "name" and item.mention and item.mention.kind != "digits"):
                continue
            if not _appears(item, paragraphs):
                bad.append(f"{record.id}: {item.path} = {item.value} is in none of its cited paragraphs")
    assert not bad, "\n".join(bad)


def _excluded(source: str, paragraph: int, text: str, mention: Mention) -> Excluded | None:
    for entry in EXCLUDED_NUMBERS:
        if entry.source not in {None, source} or entry.paragraph not in {None, paragraph}:
            continue
        for match in re.finditer(re.escape(entry.phrase), text, re.IGNORECASE):
            if match.start() <= mention.start and mention.end <= match.end():
                return entry
    return None


def _carriers(texts: dict[str, list[str]]) -> dict[tuple[str, int], list[tuple[str, Carried]]]:
    by_paragraph: dict[tuple[str, int], list[tuple[str, Carried]]] = {}
    for record in _records():
        items = carried(record)
        for citation in record.citations:
            by_paragraph.setdefault((citation.source, citation.paragraph), []).extend((record.id, i) for i in items)
    return by_paragraph


def _is_carried(mention: Mention, items: list[tuple[str, Carried]]) -> bool:
    if mention.kind == "time":
        return any(i.kind == "time" and i.value == mention.value for _, i in items)
    return any(
        i.value == mention.value and (i.kind != "month" or mention.kind == "digits") and i.kind != "time"
        for _, i in items
    )


def test_every_number_in_the_texts_is_carried(texts: dict[str, list[str]]) -> None:
    carriers = _carriers(texts)
    bad = []
    for source, paragraphs in _prose(texts).items():
        for number, text in enumerate(paragraphs, start=1):
            items = carriers.get((source, number), [])
            for mention in mentions(text):
                if _excluded(source, number, text, mention) is None and not _is_carried(mention, items):
                    bad.append(f"{source} ¶{number}: {mention.text!r} ({mention.value}) is carried by no citing record")
    assert not bad, "numbers no record carries (add the record, or an EXCLUDED_NUMBERS entry):\n" + "\n".join(bad)


def test_every_exclusion_is_used(texts: dict[str, list[str]]) -> None:
    used = {
        entry
        for source, paragraphs in _prose(texts).items()
        for number, text in enumerate(paragraphs, start=1)
        for mention in mentions(text)
        if (entry := _excluded(source, number, text, mention)) is not None
    }
    assert set(EXCLUDED_NUMBERS) == used, f"stale exclusions: {set(EXCLUDED_NUMBERS) - used}"
    assert all(entry.reason for entry in EXCLUDED_NUMBERS)


def test_every_paragraph_is_cited(texts: dict[str, list[str]]) -> None:
    prose = _prose(texts)
    cited = {(c.source, c.paragraph) for r in _records() for c in r.citations if c.source in prose}
    every = {(source, n) for source, paragraphs in prose.items() for n in range(1, len(paragraphs) + 1)}
    assert every - cited == set(UNCITED_PARAGRAPHS), "uncited paragraphs: every paragraph is cited or excluded"
    assert not cited & set(UNCITED_PARAGRAPHS), "an excluded paragraph is cited: drop the exclusion"


def test_quotes_are_verbatim(texts: dict[str, list[str]]) -> None:
    bad = [
        f"{q.id}: {q.text!r}"
        for q in usnz.quotes()
        if not any(_squash(q.text) in _squash(text) for _, text in _cited(q, texts))
    ]
    assert not bad, "quotes not found verbatim in their cited paragraphs:\n" + "\n".join(bad)


def test_money_currency_is_as_written(texts: dict[str, list[str]]) -> None:
    bad = []
    for record in _records():
        found = [m for _, text in _cited(record, texts) for m in mentions(text) if m.kind == "money"]
        for item in carried(record):
            if item.money is None:
                continue
            written = {m.currency for m in found if m.value == item.value}
            stated = {c for c in written if c is not None}
            if stated and ({f"{c}D" for c in stated} != {item.money.currency} or not item.money.currency_stated):
                bad.append(f"{record.id}: {item.path} is written {stated}$ but recorded {item.money}")
            if not stated and item.money.currency_stated:
                bad.append(f"{record.id}: {item.path} is written with a bare '$': set currency_stated false")
    assert not bad, "\n".join(bad)


def test_inferred_and_external_dates_are_explained() -> None:
    """A date not stated by a cited paragraph has a note that says how it was reached."""
    unexplained = [
        r.id
        for r in _records()
        if r.date_basis in {"inferred", "external"}
        and not re.search(
            r"\bdat(e|ed|es|ing)\b", " ".join([r.notes or "", *(d.text for d in r.doubts)]), re.IGNORECASE
        )
    ]
    assert not unexplained, f"date_basis is inferred or external, but no note or doubt explains the date: {unexplained}"
    assert {r.date_basis for r in _records()} >= {"stated", "inferred", "external"}


def test_every_dated_record_has_a_date_basis() -> None:
    missing = [r.id for r in usnz.dataset() if r.when is not None and r.date_basis is None]
    assert not missing


def test_disputes_go_both_ways() -> None:
    data = usnz.dataset()
    bad = [f"{r.id} -> {d}" for r in _records() for d in r.disputes if r.id not in data.get(d).disputes]  # type: ignore[union-attr]
    assert not bad, f"one-way disputes: {bad}"
    assert any(r.disputes for r in _records())


def test_data_notes_list_every_exclusion() -> None:
    notes = (Path(__file__).resolve().parent.parent / "docs" / "data-notes.md").read_text(encoding="utf-8")
    missing = [e.phrase for e in EXCLUDED_NUMBERS if e.phrase not in notes]
    labels = {ENC: "encyclopedia", NZPA: "NZPA"}
    missing += [f"{s} ¶{n}" for s, n in UNCITED_PARAGRAPHS if f"| {labels[s]} ¶{n} |" not in notes]
    assert not missing, f"docs/data-notes.md does not list: {missing}"


# -- quotes: the words that state each fact --------------------------------------------------------

_STOPWORDS = frozenset(
    [
        "the",
        "and",
        "that",
        "with",
        "from",
        "this",
        "have",
        "were",
        "their",
        "they",
        "them",
        "been",
        "into",
        "also",
        "which",
        "would",
        "when",
        "what",
        "there",
        "over",
        "more",
        "than",
        "some",
        "such",
        "other",
        "about",
        "after",
        "before",
        "said",
        "says",
        "between",
        "while",
        "where",
        "these",
        "those",
    ]
)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.casefold()) if len(w) >= 4 and w not in _STOPWORDS}


def _own_text(record: usnz.AnyRecord) -> str:
    """Everything a record says in its own fields (not its citations)."""
    data = usnz.converter.unstructure(record)
    data.pop("citations", None)
    countries = [usnz.COUNTRIES[code].name for code in record.country_codes() if code in usnz.COUNTRIES]
    return " ".join([*(str(v) for v in _flatten(data)), *countries])


def _flatten(value: Any) -> Iterator[object]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _flatten(item)
    elif isinstance(value, list):
        for item in value:
            yield from _flatten(item)
    else:
        yield value


def quote_problems(records: list[usnz.AnyRecord], texts: dict[str, list[str]]) -> list[str]:
    """Every way the quotes of *records* fall short of the rules (empty when they keep them).

    Every citation has a quote; each passage of it is in its paragraph (runs of whitespace
    compared as one); every number a record carries is in one of its quotes, unless its date is
    inferred or external; every quote shares a word with what the record says (it is used).
    """
    bad: list[str] = []
    for record in records:
        quotes: list[str] = []
        for citation, paragraph in _cited(record, texts):
            where = f"{record.id} {citation.source} ¶{citation.paragraph}"
            if citation.quote is None:
                bad.append(f"{where}: no quote")
                continue
            quotes.extend(citation.passages)
            for passage in citation.passages:
                if _squash(passage) not in _squash(paragraph):
                    bad.append(f"{where}: quote not in the paragraph: {passage[:80]!r}")
            if not _words(citation.quote) & _words(_own_text(record)) and not any(
                _appears(item, [citation.quote]) for item in carried(record)
            ):
                bad.append(f"{where}: the quote shares no word with the record: {citation.quote[:80]!r}")
        if any(c.quote is None for c in getattr(record, "citations", ())):
            continue
        for item in carried(record):
            if item.exempt or (item.kind == "name" and item.mention and item.mention.kind != "digits"):
                continue
            if not _appears(item, quotes):
                bad.append(f"{record.id}: {item.path} = {item.value} is in none of its quotes")
    return bad


def test_quotes_keep_the_rules(texts: dict[str, list[str]]) -> None:
    bad = quote_problems(_records(), texts)
    assert not bad, f"{len(bad)} problems:\n" + "\n".join(bad)


def test_quotes_are_short() -> None:
    import statistics

    lengths = [len(c.quote) for r in _records() for c in r.citations if c.quote is not None]
    assert lengths
    assert max(lengths) <= 400
    assert statistics.median(lengths) < 200
