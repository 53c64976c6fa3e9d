"""A reviewer's questions about the two texts, asked through the public API.

Each question names its paragraph; the test finds the answer as a user would (``get``,
``search``, the queries), checks its value, and checks that the answering record cites that
paragraph. Together they cover every paragraph of both sources that states a fact.
"""

# ruff: noqa: N802, PLR0917, RUF015

from __future__ import annotations

import warnings
from collections.abc import Callable
from decimal import Decimal
from typing import Any, NamedTuple

import pytest

from usnz import SearchWarning, events, force_contributions, get, quotes, search, timeline

ENC, NZPA = "encyclopedia-nz-us-relations", "nzpa-key-leaves-us"


class Question(NamedTuple):
    number: int
    paragraph: int
    text: str
    find: Callable[[], Any]
    check: Callable[[Any], bool]
    source: str


QUESTIONS: list[Question] = []


def Q(n: int, para: int, question: str, find: Callable[[], Any], check: Callable[[Any], bool], src: str = ENC) -> None:
    QUESTIONS.append(Question(n, para, question, find, check, src))


def first(text: str, cls: str | None = None, pred: Callable[[Any], bool] | None = None) -> Any:
    with warnings.catch_warnings():  # records holding all but one word come after those holding all: not looked at
        warnings.filterwarnings("ignore", "only .* all but one", SearchWarning)
        found = search(text)
    for record in found:
        if (cls is None or record.record_kind == cls) and (pred is None or pred(record)):
            return record
    raise LookupError(f"search {text!r} found no {cls or 'record'}")


def cites(record: Any, source: str, paragraph: int) -> bool:
    return any(c.source == source and c.paragraph == paragraph for c in record.citations)


def s(value: object) -> str:
    return str(value)


def inn(sub: str, record: Any, *fields: str) -> bool:
    text = " ".join(str(getattr(record, f, "") or "") for f in (fields or ("summary",)))
    return sub.lower() in text.lower()


# ¶1
Q(
    1,
    1,
    "When did Obama say relations could be even better?",
    lambda: first("Obama relationship", "event"),
    lambda r: s(r.date) == "2009",
)
Q(
    2,
    1,
    "Is NZ a major non-NATO ally?",
    lambda: first("major non-NATO ally"),
    lambda r: r.id == "nz-major-non-nato-ally",
)
# ¶2
Q(
    3,
    2,
    "Were both countries British colonies?",
    lambda: first("British colonies"),
    lambda r: r.id == "shared-colonial-heritage",
)
Q(4, 2, "Western alliance membership", lambda: first("Western alliance"), lambda r: r.id == "shared-colonial-heritage")
# ¶3
Q(
    5,
    3,
    "When did the US establish consular representation in NZ?",
    lambda: first("consular representation", "event"),
    lambda r: s(r.date) == "1838",
)
Q(
    6,
    3,
    "Who was the first US consul and where resident?",
    lambda: first("Clendon", "person"),
    lambda r: inn("Russell", r) and any("Consul" in ro.title for ro in r.roles),
)
Q(7, 3, "When was the Treaty of Waitangi signed?", lambda: get("treaty-of-waitangi"), lambda r: s(r.signed) == "1840")
Q(
    8,
    3,
    "When did NZ declare war on Germany?",
    lambda: first("declares war Germany", "event"),
    lambda r: s(r.date) == "1939-09-03",
)
Q(
    9,
    3,
    "What did Savage proclaim?",
    lambda: quotes(speaker="michael-joseph-savage")[0],
    lambda r: r.text.startswith("Where she goes"),
)
Q(
    10,
    3,
    "For how many years did NZ follow the UK's foreign policy lead?",
    lambda: first("followed United Kingdom foreign policy", "figure"),
    lambda r: r.quantity.best == 100,
)
# ¶4
Q(
    11,
    4,
    "How many US personnel were stationed in NZ in the Pacific war?",
    lambda: get("us-forces-in-new-zealand-ww2"),
    lambda r: r.total_served.low == 400000 and r.personnel is None,  # at one time or over the war: not said
)
Q(12, 4, "When did the war in the Pacific run?", lambda: get("pacific-war"), lambda r: s(r.period) == "1941/1945")
Q(13, 4, "Guadacanal (source spelling) search", lambda: first("Guadacanal"), lambda r: r.id == "battle-of-guadalcanal")
Q(14, 4, "Tarawa battle", lambda: first("Tarawa", "conflict"), lambda r: r.id == "battle-of-tarawa")
# ¶5
Q(
    15,
    5,
    "Why did the Marines reconfigure their own ships in Wellington?",
    lambda: first("dock workers strike"),
    lambda r: r.id == "marines-reload-ships-during-wellington-dock-strike",
)
Q(
    16,
    5,
    "Which US division was in Wellington?",
    lambda: first("1st Marine Division", "organization"),
    lambda r: r.id == "us-1st-marine-division",
)
# ¶6
Q(17, 6, "When did NZ join ANZUS?", lambda: get("anzus"), lambda r: s(r.signed) == "1951")
Q(18, 6, "Parties to ANZUS", lambda: get("anzus"), lambda r: set(r.parties) == {"AUS", "NZL", "USA"})
# ¶7
Q(
    19,
    7,
    "Why is ANZUS no longer fully mutual?",
    lambda: first("suspension ANZUS obligations"),
    lambda r: r.id == "us-suspends-anzus-obligations-to-nz",
)
Q(
    20,
    7,
    "NZ ban on nuclear warships",
    lambda: first("nuclear warships ban", "event"),
    lambda r: r.id == "nz-nuclear-warship-ban",
)
Q(21, 7, "ANZUS status", lambda: get("anzus"), lambda r: r.status is not None)
# ¶8
Q(
    22,
    8,
    "Did NZ fight alongside the US in WWII?",
    lambda: force_contributions(conflict="second-world-war", country="NZL")[0],
    lambda r: True,
)
Q(23, 8, "Gulf War fought claim", lambda: get("nz-gulf-war-fought-claim"), lambda r: "nz-gulf-war-1991" in r.disputes)
# ¶9
Q(
    24,
    9,
    "When did Christopher Hill call the nuclear issue a relic?",
    lambda: quotes(speaker="christopher-hill")[0],
    lambda r: s(r.date) == "2006-05",
)
Q(
    25,
    9,
    "Hill's title",
    lambda: get("christopher-hill"),
    lambda r: any("Assistant Secretary of State" in ro.title for ro in r.roles),
)
Q(
    26,
    9,
    "Hill 'focus on things we can make work' quote",
    lambda: first("things we can make work", "quote"),
    lambda r: "a bit of a relic" in r.text,
)
Q(
    27,
    9,
    "Hill praised NZ in Afghanistan and Iraq reconstruction",
    lambda: first("Hill Afghanistan Iraq", "event"),
    lambda r: r.id == "hill-remarks-on-nuclear-issue",
)
# ¶10
Q(
    28,
    10,
    "When did US trade officials link the nuclear ban to an FTA?",
    lambda: first("trade officials nuclear", "event"),
    lambda r: s(r.date) == "2006",
)
# ¶11
Q(
    29,
    11,
    "When did Rice make an official visit to NZ?",
    lambda: first("Rice visit", "event", lambda r: r.id == "rice-visit-to-new-zealand"),
    lambda r: s(r.date) == "2008-07",
)
Q(
    30,
    11,
    "Rice 'moved on' quote",
    lambda: first("moved on", "quote"),
    lambda r: r.speaker == "condoleezza-rice" and s(r.date) == "2008-07",
)
Q(
    31,
    11,
    "Rice 'long history of partnership' quote",
    lambda: first("long history of partnership", "quote"),
    lambda r: "countless ties of friendship" in r.text,
)
# ¶12
Q(
    32,
    12,
    "Did NZ fight in WWI with the US?",
    lambda: force_contributions(conflict="first-world-war")[0],
    lambda r: r.country == "NZL",
)
Q(
    33,
    12,
    "How long did NZ engineers help rebuild Iraq?",
    lambda: first("engineers Iraq", "figure"),
    lambda r: r.quantity.best == 1 and r.quantity.unit.startswith("year"),
)
Q(
    34,
    12,
    "Are NZ forces still active in Afghanistan as of 2009?",
    lambda: first("still Afghanistan", "event"),
    lambda r: s(r.date) == "2009",
)
# ¶13
Q(
    35,
    13,
    "How many other nations did NZ join in Korea?",
    lambda: first("Korean War nations", "figure"),
    lambda r: r.quantity.best == 15,
)
Q(
    36,
    13,
    "Did NZ respond to the UN call for help in Korea?",
    lambda: first("UN call Korea"),
    lambda r: r.id == "nz-responds-to-un-call-korea",
)
# ¶14
Q(
    37,
    14,
    "How many frigates did NZ send to Korea?",
    lambda: [x for x in force_contributions(conflict="korean-war", country="NZL") if x.ships][0],
    lambda r: r.ships.low == 6 and "Six frigates" in r.summary,
)  # records, special
Q(38, 14, "K-FORCE strength", lambda: get("k-force-korea"), lambda r: r.personnel.best == 1044)
Q(39, 14, "Total who served in K-FORCE", lambda: get("k-force-korea"), lambda r: r.total_served.best == 3794)
Q(
    40,
    14,
    "How many served in the Navy deployment in Korea?",
    lambda: get("rnzn-korea"),
    lambda r: r.total_served.best == 1300,
)
Q(
    41,
    14,
    "Korean War killed",
    lambda: get("k-force-korea"),
    lambda r: r.killed.best == 33 and r.wounded.best == 79 and r.captured.best == 1,
)
Q(
    42,
    14,
    "How long was the NZ POW held in North Korea?",
    lambda: first("prisoner held", "figure"),
    lambda r: r.quantity.best == 18,
)
Q(
    43,
    14,
    "When did the last liaison officer leave Korea?",
    lambda: first("liaison officer Korea", "force-contribution"),
    lambda r: "1971" in s(r.period),
)
Q(44, 14, "Battle of Inchon", lambda: first("Inchon", "conflict"), lambda r: r.id == "battle-of-inchon")
# ¶15
Q(
    45,
    15,
    "Vietnam economic aid per year",
    lambda: first("economic assistance Vietnam", "assistance"),
    lambda r: r.amount.amount == Decimal(347500) and r.amount.currency == "USD",
)
Q(
    46,
    15,
    "When did the non-military aid start?",
    lambda: get("nz-vietnam-economic-assistance"),
    lambda r: s(r.period).startswith("1966"),
)
Q(
    47,
    15,
    "How many Vietnamese students got scholarships?",
    lambda: first("Vietnamese students scholarships", "assistance"),
    lambda r: inn("80", r),
)
Q(48, 15, "Hue University", lambda: first("Hue University", "organization"), lambda r: r.id == "hue-university")
Q(49, 15, "Holyoake's cautiousness on Vietnam", lambda: get("keith-holyoake"), lambda r: inn("caut", r, "summary"))
# ¶16
Q(
    50,
    16,
    "When did US pressure over Vietnam start?",
    lambda: first("pressure Vietnam", "event"),
    lambda r: s(r.period).startswith("1961"),
)
# ¶17
Q(
    51,
    17,
    "When did Holyoake announce 161 Battery?",
    lambda: first("161 Battery", "event"),
    lambda r: s(r.date) == "1965-05-27",
)
Q(
    52,
    17,
    "When did 161 Battery replace the Engineers?",
    lambda: get("161-battery-vietnam"),
    lambda r: s(r.period).startswith("1965-07"),
)
Q(
    53,
    17,
    "Holyoake justified by Confrontation contribution",
    lambda: force_contributions(conflict="indonesia-malaysia-confrontation", country="NZL")[0],
    lambda r: True,
)
# ¶18
Q(
    54,
    18,
    "When did NZ increase its Vietnam commitment?",
    lambda: first("increase Vietnam commitment", "event"),
    lambda r: s(r.date) == "1966",
)
Q(
    55,
    18,
    "When did Confrontation end?",
    lambda: get("indonesia-malaysia-confrontation"),
    lambda r: s(r.period).endswith("1966"),
)
# ¶19
Q(
    56,
    19,
    "When was the ANZAC battalion formed?",
    lambda: first("ANZAC Battalion", "event"),
    lambda r: s(r.date) == "1968-03",
)
Q(57, 19, "Tour of duty length", lambda: first("tour of duty", "figure"), lambda r: r.quantity.best == 12)
Q(
    58,
    19,
    "How many RNZAF pilots joined No. 9 Squadron in 1968?",
    lambda: get("rnzaf-pilots-no-9-squadron"),
    lambda r: r.personnel.best == 2,
)
Q(
    59,
    19,
    "Forward air controllers with Seventh Air Force from when?",
    lambda: get("nz-forward-air-controllers-vietnam"),
    lambda r: s(r.period).startswith("1968-12") and r.personnel.best == 2,
)
Q(
    60,
    19,
    "Where were the rifle companies deployed?",
    lambda: get("anzac-battalion-vietnam"),
    lambda r: "Phuoc Tuy" in (r.location or ""),
)
# ¶20
Q(
    61,
    20,
    "When did 2nd NZ Army Training Team go, how many?",
    lambda: get("nz-training-team-chi-lang"),
    lambda r: s(r.period).startswith("1971-01") and r.personnel.best == 25,
)
Q(
    62,
    20,
    "Where was the second training team based?",
    lambda: first("Dong Ba Thin", "force-contribution"),
    lambda r: "Dong Ba Thin" in r.location and r.personnel.best == 18,
)
Q(
    63,
    20,
    "How many beds in Dong Ba Thin hospital?",
    lambda: first("Dong Ba Thin hospital", "figure"),
    lambda r: r.quantity.best == 50,
)
Q(64, 20, "Nixon's Vietnamization", lambda: first("Vietnamization"), lambda r: r.id == "nixon-vietnamization-policy")
# ¶21
Q(
    65,
    21,
    "When did Agent Orange makers settle?",
    lambda: first("Agent Orange settlement", "event"),
    lambda r: s(r.date) == "1984",
)
Q(
    66,
    21,
    "When did the Clark government apologise?",
    lambda: first("Agent Orange apology", "event"),
    lambda r: s(r.date) == "2004",
)
Q(
    67,
    21,
    "When did NZ confirm supplying Agent Orange?",
    lambda: first("confirms Agent Orange", "event"),
    lambda r: s(r.date) == "2005",
)
Q(
    68,
    21,
    "Where was 2,4,5-T made, until when?",
    lambda: first("New Plymouth", "event"),
    lambda r: "1987" in s(r.period),
)
# ¶22
Q(
    69,
    22,
    "How many frigates in Iran-Iraq War?",
    lambda: force_contributions(conflict="iran-iraq-war", country="NZL")[0],
    lambda r: r.ships.best == 2,
)
Q(70, 22, "Gulf War 1991 contribution", lambda: get("nz-gulf-war-1991"), lambda r: r.aircraft.best == 3)
Q(71, 22, "Search Iran Iraq War", lambda: first("Iran Iraq War", "conflict"), lambda r: r.id == "iran-iraq-war")
# ¶23
Q(72, 23, "How many SAS dispatched (Fifty)?", lambda: get("nzsas-afghanistan-fifty"), lambda r: r.personnel.best == 50)
Q(
    73,
    23,
    "When was Operation Anaconda?",
    lambda: first("Operation Anaconda", "event"),
    lambda r: s(r.date) == "2002-03",
)
Q(
    74,
    23,
    "Enemy strength at Anaconda",
    lambda: first("Anaconda", "figure"),
    lambda r: r.quantity.low == 500 and r.quantity.high == 1000,
)
Q(
    75,
    23,
    "PRT size and since when",
    lambda: first("Provincial Reconstruction Team", "force-contribution"),
    lambda r: r.personnel.best == 122 and s(r.period).startswith("2003"),
)
Q(
    76,
    23,
    "Transport aircraft to Afghanistan",
    lambda: get("nz-transport-aircraft-afghanistan"),
    lambda r: r.aircraft.best == 2,
)
Q(77, 23, "September 11 attacks date", lambda: first("September 11"), lambda r: s(r.date) == "2001-09-11")
# ¶24
Q(
    78,
    24,
    "When did SAS ops start in Afghanistan?",
    lambda: get("nzsas-afghanistan-rotations"),
    lambda r: s(r.period).startswith("2001"),
)
Q(79, 24, "When was SAS withdrawn?", lambda: first("SAS withdrawn", "event"), lambda r: s(r.date) == "2005-11")
Q(
    80,
    24,
    "Rotation size",
    lambda: get("nzsas-afghanistan-rotations"),
    lambda r: r.personnel.low == 40 and r.personnel.high == 65,
)
Q(
    81,
    24,
    "When were two SAS soldiers wounded?",
    lambda: first("SAS wounded", "event"),
    lambda r: s(r.date) == "2004-06-17",
)
# ¶25
Q(82, 25, "SAS mission success rate claimed", lambda: first("success rate", "figure"), lambda r: r.quantity.best == 100)
# ¶26
Q(
    83,
    26,
    "When was the SAS fact sheet released?",
    lambda: first("fact sheet", "event"),
    lambda r: s(r.date) == "2007-07",
)
Q(84, 26, "Patrol length", lambda: first("patrol", "figure"), lambda r: r.quantity.low == 3)
# ¶27
Q(
    85,
    27,
    "Were any New Zealanders killed in Afghanistan gun battles?",
    lambda: get("nzsas-afghanistan-rotations"),
    lambda r: r.killed is not None and r.killed.best == 0,
)
# ¶28
Q(
    86,
    28,
    "When was the Presidential Unit Citation awarded?",
    lambda: first(
        "Presidential Unit Citation", "event", lambda r: r.id == "presidential-unit-citation-task-force-k-bar"
    ),
    lambda r: s(r.date) == "2004-12",
)
Q(
    87,
    28,
    "Period covered by the citation",
    lambda: get("task-force-k-bar-cited-service"),
    lambda r: s(r.period) == "2001-10-17/2002-03-30",
)
Q(88, 28, "Search Task Force K-BAR", lambda: first("K-BAR", "organization"), lambda r: r.id == "cjsotf-south")
# ¶29
Q(
    89,
    29,
    "What did the citation say SAS did?",
    lambda: get("presidential-unit-citation-task-force-k-bar"),
    lambda r: inn("cave", r),
)
# ¶30
Q(
    90,
    30,
    "When did the Key government decide to send SAS back?",
    lambda: first("SAS back Afghanistan", "event"),
    lambda r: s(r.date) == "2009-08",
)
# ¶31
Q(
    91,
    31,
    "When did the engineers return from Iraq?",
    lambda: get("nz-engineers-iraq"),
    lambda r: s(r.period).endswith("2004-10"),
)
Q(92, 31, "Resolution 1483", lambda: first("Resolution 1483", "agreement"), lambda r: r.id == "unscr-1483")
# ¶32
Q(
    93,
    32,
    "When did Clark send condolences to Bush?",
    lambda: first("condolences", "event"),
    lambda r: s(r.date) == "2005-08-30",
)
Q(
    94,
    32,
    "How much pledged to the Red Cross?",
    lambda: get("nz-katrina-red-cross-pledge"),
    lambda r: r.amount.amount == Decimal(2000000),
)
Q(
    95,
    32,
    "Goff message of sympathy to Rice",
    lambda: first("Goff sympathy", "event"),
    lambda r: s(r.date) == "2005-08-30",
)
# ¶33
Q(96, 33, "Where did John Titmus go?", lambda: first("Titmus", "event"), lambda r: "Denton" in (r.location or ""))
Q(
    97,
    33,
    "What further help did NZ offer?",
    lambda: first("Urban Search and Rescue", "assistance"),
    lambda r: r.id == "nz-katrina-disaster-personnel-offer",
)
Q(
    98,
    33,
    "US Embassy thanks",
    lambda: first("Embassy Katrina", "event"),
    lambda r: r.id == "us-embassy-thanks-nz-for-katrina-help",
)
# ¶34
Q(
    99,
    34,
    "Bush and Clark work around policy",
    lambda: first("Bush Clark anti-nuclear", "event", lambda r: r.id == "bush-and-clark-work-around-nuclear-policy"),
    lambda r: "nz-herald-report-us-drops-nuclear-demand" in r.disputes,
)
# ¶35
Q(
    100,
    35,
    "When did NZ Herald report US no longer seeks change?",
    lambda: first("Herald nuclear", "event", lambda r: r.id == "nz-herald-report-us-drops-nuclear-demand"),
    lambda r: s(r.date) == "2007-03-23",
)
Q(
    101,
    35,
    "Clark visited Washington",
    lambda: first("Clark Washington", "event"),
    lambda r: r.id == "clark-visits-washington-for-bush-talks",
)
# ¶36
Q(
    102,
    36,
    "Rice 'a friend and an ally'",
    lambda: first("friend and an ally", "quote"),
    lambda r: s(r.date) == "2008-07",
)
Q(
    103,
    36,
    "Herald: 'thaw in US-NZ relations'",
    lambda: first("thaw"),
    lambda r: r.id == "nz-herald-report-on-rice-visit",
)
# ¶37
Q(
    104,
    37,
    "How many House members wrote to Bush about the FTA, when?",
    lambda: first("House members FTA", "event"),
    lambda r: s(r.date) == "2003-01",
)
Q(105, 37, "How many senators?", lambda: first("Senators FTA", "figure"), lambda r: r.quantity.best == 19)
Q(
    106,
    37,
    "Australia-NZ FTA age",
    lambda: first("Australia New Zealand free trade agreement", "figure"),
    lambda r: r.quantity.best == 20 and r.quantity.approximate,
)
Q(
    107,
    37,
    "Obstacles to FTA",
    lambda: first("obstacles free trade", "event"),
    lambda r: r.id == "us-officials-list-fta-obstacles",
)
# ¶38
Q(
    108,
    38,
    "Projected rise of US exports",
    lambda: first("rise in US exports to New Zealand", "figure"),
    lambda r: r.quantity is not None and r.quantity.best == 25,
)
Q(109, 38, "Dairy decline", lambda: first("dairy", "figure"), lambda r: float(r.quantity.best) == 0.5)
Q(
    110,
    38,
    "With Australia $3 billion",
    lambda: get("fta-projected-us-export-rise-with-australia"),
    lambda r: r.money.amount == Decimal(3000000000),
)
# ¶39
Q(
    111,
    39,
    "When did Schwab announce P-4 negotiations?",
    lambda: first("Schwab P-4", "event"),
    lambda r: s(r.date) == "2008-02-04",
)
Q(112, 39, "P-4 members", lambda: first("P-4", "agreement"), lambda r: set(r.parties) >= {"BRN", "CHL", "NZL", "SGP"})
Q(113, 39, "Business groups", lambda: first("Chamber of Commerce"), lambda r: r.id == "us-chamber-of-commerce")
# ¶40
Q(
    114,
    40,
    "When was the announcement to begin P-4 negotiations?",
    lambda: first("announcement to begin P-4 negotiations", "event"),
    lambda r: s(r.date) == "2008-09-23",
)
Q(115, 40, "First round scheduled", lambda: first("first round", "event"), lambda r: s(r.date) == "2009-03")
Q(116, 40, "Clark 'very, very big news'", lambda: first("big news", "quote"), lambda r: r.speaker == "helen-clark")
# ¶41
Q(
    117,
    41,
    "Who was Obama's nominee for USTR?",
    lambda: first("Ron Kirk", "person"),
    lambda r: any("Trade Representative" in ro.title for ro in r.roles),
)
Q(
    118,
    41,
    "Key 'deeply disappointed'",
    lambda: first("deeply disappointed", "quote"),
    lambda r: r.speaker == "john-key",
)
# ¶42
Q(
    119,
    42,
    "Where did Obama announce the FTA would go ahead?",
    lambda: first("Obama APEC", "event"),
    lambda r: "Singapore" in (r.location or "") and s(r.date) == "2009",
)
# ¶43
Q(
    120,
    43,
    "Friends of NZ Caucus members",
    lambda: first("Friends of New Zealand", "figure"),
    lambda r: r.quantity.best == 62,
)
# ¶44
Q(
    121,
    44,
    "When did Clinton sign the Wellington Declaration?",
    lambda: get("wellington-declaration"),
    lambda r: s(r.signed) == "2010-11-04",
)
Q(122, 44, "Time of signing", lambda: first("Wellington Declaration signing", "event"), lambda r: r.time == "16:23")
Q(
    123,
    44,
    "Clinton visit length",
    lambda: first("Clinton visit", "event"),
    lambda r: s(r.date) == "2010-11-04" or "2010-11-04" in s(r.period),
)
Q(
    124,
    44,
    "Signatories",
    lambda: get("wellington-declaration"),
    lambda r: set(r.signatories) == {"hillary-clinton", "murray-mccully"},
)
# ¶45
Q(125, 45, "Clark anecdote", lambda: first("anecdote", "event"), lambda r: "bill-clinton" in r.participants)
# ¶47
Q(
    126,
    47,
    "When did the US win the Shield?",
    lambda: first("Shield Sevens", "event", lambda r: r.id == "usa-wins-shield-nz-sevens"),
    lambda r: s(r.date) == "2008-01",
)
Q(127, 47, "Who did NZ beat to win the Cup?", lambda: first("Cup Sevens", "event"), lambda r: "WSM" in r.countries)
# ¶48
Q(
    128,
    48,
    "When did Wellington Phoenix play LA Galaxy?",
    lambda: first("Wellington Phoenix Galaxy", "event"),
    lambda r: s(r.date) == "2007-12-01",
)
# ¶49
Q(
    129,
    49,
    "Sean Marks team and season",
    lambda: first("Sean Marks", "person"),
    lambda r: inn("Hornets", r) and inn("tenth", r),
)
Q(
    130,
    49,
    "When did Penney sign with Maccabi?",
    lambda: first("Penney Maccabi", "event"),
    lambda r: s(r.date) == "2005",
)
Q(
    131,
    49,
    "When did Penney sign with Sioux Falls?",
    lambda: first("Sioux Falls", "event"),
    lambda r: s(r.date) == "2010",
)
# ¶50
Q(132, 50, "US Open prize", lambda: first("US Open prize", "figure"), lambda r: r.money.amount == Decimal(1170000))
Q(
    133,
    50,
    "Who won 2005 US Open",
    lambda: first("2005 U.S. Open", "event"),
    lambda r: "michael-campbell" in r.participants,
)
# ¶51
Q(
    134,
    51,
    "When was 92nd Indy 500, who won?",
    lambda: first("Indianapolis 500", "event"),
    lambda r: s(r.date) == "2008-05-25" and "scott-dixon" in r.participants,
)
# ¶52
Q(
    135,
    52,
    "How many countries under UKUSA?",
    lambda: first("UKUSA countries", "figure"),
    lambda r: r.quantity.best == 5,
)
Q(136, 52, "GCSB listening posts", lambda: first("listening posts", "figure"), lambda r: r.quantity.best == 2)
# ¶53
Q(
    137,
    53,
    "UKUSA exercises on terrorism after 9/11",
    lambda: first("UKUSA community", "organization"),
    lambda r: inn("terror", r),
)
# ¶54
Q(138, 54, "When was Cyber Storm 2?", lambda: first("Cyber Storm 2", "event"), lambda r: s(r.date) == "2008-03-10")
Q(
    139,
    54,
    "Who coordinated Cyber Storm 2?",
    lambda: get("cyber-storm-2"),
    lambda r: {"gcsb", "us-department-of-homeland-security"} <= set(r.organizations),
)
# ¶56
Q(140, 56, "CCIP statement", lambda: first("CCIP"), lambda r: r.id in ("nz-ccip", "nz-ccip-statement-on-cyber-storm-2"))
# ¶57
Q(141, 57, "When is Cyber Storm III?", lambda: first("Cyber Storm III", "event"), lambda r: s(r.date) == "2010")
# ¶58
Q(
    142,
    58,
    "Cyber Crime Working Group members",
    lambda: first("Cyber Crime Working Group", "organization"),
    lambda r: inn("United States", r),
)
Q(143, 58, "How many continents?", lambda: first("Cyber Crime continents", "figure"), lambda r: r.quantity.best == 3)
Q(144, 58, "Police and FBI info sharing", lambda: first("Police FBI"), lambda r: True)
# ¶59
Q(145, 59, "Official contacts", lambda: first("official contacts"), lambda r: r.id == "nz-us-official-contacts")
# ¶62
Q(
    146,
    62,
    "When did the US-NZ Council begin?",
    lambda: first("United States New Zealand Council", "organization"),
    lambda r: s(r.founded) == "1986",
)
# ¶63
Q(
    147,
    63,
    "Torchbearer Award recipients",
    lambda: first("Torchbearer Award", "event"),
    lambda r: (
        {"christopher-hill", "jim-bolger", "calvin-dooley", "mike-moore", "clayton-yeutter"} <= set(r.participants)
    ),
)
Q(148, 63, "How many terms was Bolger PM?", lambda: first("Bolger terms", "figure"), lambda r: r.quantity.best == 3)
Q(
    149,
    63,
    "Mike Moore's roles",
    lambda: get("mike-moore"),
    lambda r: any("WTO" in ro.title or ro.organization == "wto" for ro in r.roles),
)
Q(150, 63, "Partnership forums", lambda: first("Partnership Forums"), lambda r: r.id == "partnership-forums")
# ¶64
Q(151, 64, "US-NZ Council focus on TPP", lambda: get("us-nz-council"), lambda r: inn("Trans-Pacific", r))
# ¶65
Q(
    152,
    65,
    "Is the US-NZ Council non-profit?",
    lambda: first("non-profit council", "organization"),
    lambda r: r.id == "us-nz-council",
)
# ¶66
Q(
    153,
    66,
    "When was the NZ US Council founded?",
    lambda: first("New Zealand United States Council", "organization"),
    lambda r: s(r.founded) == "2001" and r.id == "nz-us-council",
)
# ¶67
Q(
    154,
    67,
    "Who does the NZ US Council work with?",
    lambda: get("nz-us-council"),
    lambda r: inn("Foreign Affairs and Trade", r),
)
# ¶68
Q(
    155,
    68,
    "Rice's regular communication with Peters",
    lambda: first("Rice Peters", "event"),
    lambda r: "winston-peters" in r.participants,
)
Q(
    156,
    68,
    "Winston Peters role",
    lambda: get("winston-peters"),
    lambda r: any("Foreign Affairs" in ro.title for ro in r.roles),
)
# NZPA
Q(
    157,
    1,
    "Key leaves Washington confident",
    lambda: first("Key Washington", "event", lambda r: r.id == "key-visit-to-washington"),
    lambda r: r.id == "key-visit-to-washington",
    src=NZPA,
)
Q(
    158,
    2,
    "Key 'natural partners'",
    lambda: first("natural partners", "quote"),
    lambda r: r.speaker == "john-key",
    src=NZPA,
)
Q(
    159,
    2,
    "Nuclear Security Summit",
    lambda: first("Nuclear Security Summit", "event"),
    lambda r: r.id == "nuclear-security-summit",
    src=NZPA,
)
Q(
    160,
    3,
    "defend values together",
    lambda: first("defend these values", "quote"),
    lambda r: r.speaker == "john-key",
    src=NZPA,
)
Q(161, 4, "difficult times", lambda: first("difficult times", "quote"), lambda r: True, src=NZPA)
Q(
    162,
    5,
    "Global Research Alliance",
    lambda: first("Global Research Alliance", "organization"),
    lambda r: True,
    src=NZPA,
)
Q(
    163,
    5,
    "Areas where NZ and US worked together incl Antarctica",
    lambda: first("Antarctica"),
    lambda r: True,
    src=NZPA,
)
Q(164, 6, "like-minded approach", lambda: first("like-minded", "quote"), lambda r: True, src=NZPA)
Q(
    165,
    7,
    "Key heads to Ottawa to meet Harper",
    lambda: first("Ottawa Harper", "event"),
    lambda r: "stephen-harper" in r.participants,
    src=NZPA,
)
Q(
    166,
    8,
    "Years since NZ PM visited Canada",
    lambda: first("Canada prime minister visit", "figure"),
    lambda r: r.quantity.best == 11,
    src=NZPA,
)
Q(
    167,
    9,
    "Key pushing Asia Pacific FTA",
    lambda: first("free trade Asia Pacific", "agreement"),
    lambda r: r.id == "asia-pacific-fta",
    src=NZPA,
)
Q(168, 10, "TPP testing", lambda: first("testing", "quote"), lambda r: r.speaker == "john-key", src=NZPA)
Q(
    169,
    11,
    "TPP to include US, Australia, Peru, Vietnam",
    lambda: get("trans-pacific-partnership"),
    lambda r: {"USA", "AUS", "PER", "VNM"} <= set(r.parties),
    src=NZPA,
)
Q(
    170,
    12,
    "How long did Key spend with Biden?",
    lambda: first("Key Biden", "figure"),
    lambda r: r.quantity.best == 40,
    src=NZPA,
)
Q(
    171,
    13,
    "Biden 'important partner'",
    lambda: quotes(speaker="joe-biden")[0],
    lambda r: r.text == "important partner",
    src=NZPA,
)
Q(
    172,
    14,
    "Key expected back by Monday",
    lambda: first("Key return", "event", lambda r: r.id == "key-visit-to-ottawa"),
    lambda r: r.id == "key-visit-to-ottawa",
    src=NZPA,
)
Q(
    173,
    15,
    "Who published the item?",
    lambda: first("NZPA", "organization", lambda r: r.id == "nzpa"),
    lambda r: r.id == "nzpa",
    src=NZPA,
)

# deeper
Q(
    200,
    3,
    "Clendon appointed consul when?",
    lambda: get("james-reddy-clendon"),
    lambda r: any(ro.period is not None and "1838" in s(ro.period) for ro in r.roles),
)
Q(
    201,
    3,
    "Savage was Prime Minister",
    lambda: get("michael-joseph-savage"),
    lambda r: any("Prime Minister" in ro.title for ro in r.roles),
)
Q(
    202,
    13,
    "UK and US among the 15 nations",
    lambda: get("korean-war-other-nations"),
    lambda r: {"GBR", "USA"} <= set(r.countries),
)
Q(
    203,
    14,
    "Under whose command were the NZ ships in Korea?",
    lambda: get("rnzn-korea"),
    lambda r: inn("British flag officer", r),
)
Q(
    204,
    17,
    "When were the Engineers replaced?",
    lambda: get("nz-engineers-vietnam"),
    lambda r: r.period is not None and s(r.period).endswith("1965-07"),
)
Q(
    205,
    19,
    "NZ posts in ANZAC battalion incl. second in command",
    lambda: get("anzac-battalion-vietnam"),
    lambda r: inn("second in command", r, "summary", "role"),
)
Q(
    206,
    21,
    "2,4,5-T production period",
    lambda: get("new-plymouth-2-4-5-t-production"),
    lambda r: s(r.period) == "196X/1987",
)
Q(
    207,
    22,
    "Iran-Iraq frigates joined Royal Navy",
    lambda: get("rnzn-iran-iraq-war"),
    lambda r: inn("Royal Navy", r) and "Persian Gulf" in (r.location or ""),
)
Q(
    208,
    31,
    "Liaison & staff officers still in Iraq",
    lambda: first("liaison staff officers Iraq", "force-contribution"),
    lambda r: r.id == "nz-liaison-staff-officers-iraq",
)
Q(
    209,
    33,
    "Titmus role",
    lambda: get("john-titmus"),
    lambda r: any(ro.organization == "nz-civil-defence-ministry" for ro in r.roles),
)
Q(
    210,
    40,
    "Democrats less friendly to free trade",
    lambda: first("Democratic Party", "organization"),
    lambda r: inn("free trade", r),
)
Q(211, 41, "Ron Kirk not approved by Senate", lambda: get("ron-kirk"), lambda r: inn("Senate", r))
Q(
    212,
    44,
    "Wellington Declaration two fundamental elements",
    lambda: get("wellington-declaration-fundamental-elements"),
    lambda r: r.quantity.best == 2,
)
Q(
    213,
    44,
    "Wellington Declaration issues: nuclear proliferation, climate change, terrorism",
    lambda: get("wellington-declaration"),
    lambda r: inn("climate change", r) and inn("terrorism", r),
)
Q(214, 47, "US beat Kenya", lambda: get("usa-wins-shield-nz-sevens"), lambda r: "KEN" in r.countries)
Q(
    215,
    49,
    "Maccabi two-time defending champs",
    lambda: get("maccabi-tel-aviv-euroleague-titles"),
    lambda r: r.quantity.best == 2,
)
Q(216, 50, "Second major win by a NZ golfer", lambda: get("nz-golf-major-wins-count"), lambda r: r.quantity.best == 2)
Q(217, 50, "Campbell beat Tiger Woods", lambda: get("campbell-wins-us-open"), lambda r: "tiger-woods" in r.participants)
Q(
    218,
    51,
    "Where is Indianapolis 500 run?",
    lambda: get("dixon-wins-indianapolis-500"),
    lambda r: "Speedway" in (r.location or ""),
)
Q(219, 52, "ECHELON", lambda: first("ECHELON"), lambda r: r.id in ("echelon-network", "gcsb-known-listening-posts"))
Q(
    220,
    54,
    "Countries in Cyber Storm 2",
    lambda: get("cyber-storm-2"),
    lambda r: {"NZL", "CAN", "AUS", "USA", "GBR"} <= set(r.countries),
)
Q(
    221,
    58,
    "Cyber crime WG countries",
    lambda: get("cyber-crime-working-group-countries"),
    lambda r: r.quantity.best == 5 and {"AUS", "CAN", "NZL", "GBR", "USA"} <= set(r.countries),
)
Q(
    222,
    63,
    "Bolger Ambassador to US",
    lambda: get("jim-bolger"),
    lambda r: any("Ambassador" in ro.title for ro in r.roles),
)
Q(
    223,
    63,
    "Dooley California Congressman",
    lambda: get("calvin-dooley"),
    lambda r: any("Congress" in ro.title for ro in r.roles),
)
Q(
    224,
    63,
    "Yeutter Agriculture Secretary and USTR",
    lambda: get("clayton-yeutter"),
    lambda r: (
        {"Agriculture" in ro.title for ro in r.roles} == {True, False}
        and any("Trade Representative" in ro.title for ro in r.roles)
    ),
)
Q(
    225,
    68,
    "Rice-Peters topics incl North Korea nuclear tests",
    lambda: get("rice-peters-regular-communication"),
    lambda r: inn("North Korea", r),
)
Q(
    226,
    12,
    "Biden Vice President",
    lambda: get("joe-biden"),
    lambda r: any("Vice President" in ro.title for ro in r.roles),
    src=NZPA,
)
Q(227, 7, "Harper counterpart", lambda: get("stephen-harper"), lambda r: r.country == "CAN", src=NZPA)
Q(
    228,
    39,
    "Schwab is USTR",
    lambda: get("susan-schwab"),
    lambda r: any("Trade Representative" in ro.title for ro in r.roles),
)
Q(
    229,
    44,
    "McCully Foreign Minister",
    lambda: get("murray-mccully"),
    lambda r: any("Foreign" in ro.title for ro in r.roles),
)
Q(
    230,
    44,
    "Clinton Secretary of State",
    lambda: get("hillary-clinton"),
    lambda r: any("Secretary of State" in ro.title for ro in r.roles),
)
Q(
    231,
    32,
    "Goff Foreign Affairs Minister",
    lambda: get("phil-goff"),
    lambda r: any("Foreign Affairs" in ro.title for ro in r.roles),
)
Q(
    232,
    20,
    "Training team 2 incl 2 RNZN personnel",
    lambda: get("dong-ba-thin-team-navy-members"),
    lambda r: r.quantity.best == 2,
)
Q(
    233,
    20,
    "Chi Lang team assisted US Army Training Team",
    lambda: get("nz-training-team-chi-lang"),
    lambda r: "Chi Lang" in (r.location or ""),
)
Q(234, 23, "Anaconda location", lambda: get("operation-anaconda"), lambda r: "Shahi-Kot" in (r.location or ""))
Q(
    235,
    17,
    "Vietnam: events on 27 May 1965",
    lambda: [
        e
        for e in events(during="1965-05-27", conflict="vietnam-war")
        if e.date is not None and str(e.date) == "1965-05-27"
    ][0],
    lambda r: r.id == "holyoake-announces-161-battery-deployment",
)
Q(
    236,
    36,
    "Herald on 'ally' unexpected since ANZUS crisis",
    lambda: get("nz-herald-report-on-rice-visit"),
    lambda r: inn("ANZUS", r),
)
Q(
    237,
    10,
    "FTA potential linked to repeal",
    lambda: get("us-links-nuclear-ban-to-fta"),
    lambda r: inn("free trade", r) or inn("FTA", r),
)
Q(238, 62, "US-NZ Council in Washington", lambda: get("us-nz-council"), lambda r: inn("Washington", r))
Q(239, 66, "NZUS council advocates FTA", lambda: get("nz-us-council"), lambda r: inn("free trade", r))
Q(240, 45, "Dominion Post report", lambda: first("Dominion Post", "event"), lambda r: "helen-clark" in r.participants)
# round 3
Q(300, 1, "Obama role President", lambda: get("barack-obama"), lambda r: any("President" in ro.title for ro in r.roles))
Q(301, 4, "National identity gained in Pacific war", lambda: first("national identity"), lambda r: cites(r, ENC, 4))
Q(
    302,
    9,
    "Hill: closer defence relationship",
    lambda: first("closer defence relationship"),
    lambda r: r.id == "hill-remarks-on-nuclear-issue",
)
Q(
    303,
    16,
    "Government preferred minimal involvement",
    lambda: first("minimal involvement"),
    lambda r: cites(r, ENC, 16),
)
Q(304, 16, "NZ refused US pressure", lambda: get("us-pressure-on-nz-over-vietnam"), lambda r: inn("refus", r))
Q(
    305,
    17,
    "Australia deploying combat units",
    lambda: force_contributions(conflict="vietnam-war", country="AUS")[0],
    lambda r: True,
)
Q(306, 17, "Forward defence strategy", lambda: first("forward defence"), lambda r: cites(r, ENC, 17))
Q(307, 17, "Failure to contribute would undermine ANZUS", lambda: first("token force"), lambda r: cites(r, ENC, 17))
Q(
    308,
    18,
    "1st Australian Task Force expansion 1966",
    lambda: first("1st Australian Task Force", "force-contribution"),
    lambda r: inn("1966", r),
)
Q(309, 21, "Health select committee inquiry", lambda: first("select committee"), lambda r: cites(r, ENC, 21))
Q(
    310,
    21,
    "Agent Orange settlement parties",
    lambda: get("agent-orange-settlement"),
    lambda r: {"NZL", "AUS", "CAN"} <= set(r.countries),
)
Q(
    311,
    24,
    "Operation Enduring Freedom search",
    lambda: first("Enduring Freedom", "conflict"),
    lambda r: r.id == "operation-enduring-freedom",
)
Q(312, 24, "War on Terrorism search", lambda: first("War on Terrorism", "conflict"), lambda r: r.id == "war-on-terror")
Q(
    313,
    33,
    "Disaster Victim Identification team",
    lambda: first("Disaster Victim Identification"),
    lambda r: r.id == "nz-katrina-disaster-personnel-offer",
)
Q(
    314,
    37,
    "Nuclear powered ships obstacle",
    lambda: get("us-officials-list-fta-obstacles"),
    lambda r: inn("nuclear", r) and inn("Iraq", r),
)
Q(315, 38, "Virtually every sector would benefit", lambda: first("every sector"), lambda r: cites(r, ENC, 38))
Q(316, 40, "Clark quote date", lambda: first("big news", "quote"), lambda r: s(r.date).startswith("2008-09-23"))
Q(
    317,
    41,
    "Key disappointed quote date",
    lambda: first("deeply disappointed", "quote"),
    lambda r: s(r.date).startswith("2009"),
)
Q(318, 47, "Popular NZ sports rugby cricket netball", lambda: first("netball"), lambda r: cites(r, ENC, 47))
Q(319, 47, "US stronger in baseball", lambda: first("baseball"), lambda r: cites(r, ENC, 47))
Q(320, 48, "Soccer smaller sport", lambda: first("soccer"), lambda r: cites(r, ENC, 48))
Q(321, 53, "UKUSA exercises after 9/11", lambda: first("multilateral military exercises"), lambda r: cites(r, ENC, 53))
Q(
    322,
    54,
    "Cyber Storm 2 simulated attack on power grids",
    lambda: first("power grids"),
    lambda r: r.id == "cyber-storm-2",
)
Q(
    323,
    64,
    "Council awareness on the Hill",
    lambda: get("us-nz-council"),
    lambda r: inn("Asia-Pacific", r) or inn("Asia Pacific", r),
)
Q(
    324,
    5,
    "NZ-US cooperation in Antarctica",
    lambda: get("key-speech-to-us-nz-council"),
    lambda r: inn("Antarctica", r) and inn("nuclear terrorism", r),
    src=NZPA,
)
Q(
    325,
    10,
    "US exports to Asia declining",
    lambda: first("exports Asia declining"),
    lambda r: cites(r, NZPA, 10),
    src=NZPA,
)
Q(
    326,
    13,
    "Biden: non-proliferation and climate change",
    lambda: get("biden-statement-after-key-talks"),
    lambda r: inn("non-proliferation", r) and inn("climate", r),
    src=NZPA,
)
Q(327, 2, "Shared values: democracy, rule of law", lambda: first("rule of law"), lambda r: cites(r, NZPA, 2), src=NZPA)
Q(
    328,
    9,
    "Agenda in Washington: nuclear security and trade",
    lambda: get("key-visit-to-washington"),
    lambda r: inn("nuclear security", r) and inn("trade", r),
    src=NZPA,
)
Q(329, 1, "Relationship stronger than ever", lambda: first("stronger than ever"), lambda r: cites(r, NZPA, 1), src=NZPA)
Q(330, 2, "Both: native peoples dispossessed", lambda: first("dispossessed"), lambda r: cites(r, ENC, 2))
Q(
    331,
    2,
    "Developed economies democratic governments",
    lambda: first("developed economies"),
    lambda r: cites(r, ENC, 2),
)
Q(332, 7, "ANZUS now understood to relate to defence operations", lambda: get("anzus"), lambda r: inn("defence", r))
Q(333, 14, "Shore raids and inland bombardment at Inchon", lambda: first("shore raids"), lambda r: r.id == "rnzn-korea")
Q(
    334,
    15,
    "Science building University of Saigon",
    lambda: first("science building"),
    lambda r: r.id == "nz-vietnam-economic-assistance",
)
Q(
    335,
    19,
    "RNZAF pilots joined No. 9 Squadron (RAAF?) in 1968",
    lambda: first("No. 9 Squadron", "force-contribution"),
    lambda r: "1968" in s(r.period),
)
Q(
    336,
    20,
    "Cambodian infantry battalions trained",
    lambda: first("Cambodian infantry"),
    lambda r: r.id == "nz-training-team-dong-ba-thin",
)
Q(
    337,
    22,
    "Persian Gulf merchant shipping monitoring",
    lambda: first("merchant shipping"),
    lambda r: r.id in ("rnzn-iran-iraq-war", "royal-navy-persian-gulf"),
)
Q(338, 23, "Bamyan Province", lambda: first("Bamyan"), lambda r: r.id in ("nz-bamyan-prt", "bamyan-prt"))
Q(
    339,
    28,
    "SAS one of units cited",
    lambda: get("nzsas-task-force-k-bar"),
    lambda r: r.period is not None and s(r.period) == "2001-10-17/2002-03-30",
)
Q(
    340,
    36,
    "use of 'ally' unexpected",
    lambda: first("ally unexpected"),
    lambda r: r.id == "nz-herald-report-on-rice-visit",
)
Q(341, 52, "direct line into inner circles of power", lambda: first("direct line"), lambda r: cites(r, ENC, 52))
Q(
    342,
    58,
    "Cyber crime group headed by US",
    lambda: get("cyber-crime-working-group"),
    lambda r: inn("organized crime", r) or inn("organised", r),
)
Q(343, 62, "Council provides information", lambda: get("us-nz-council"), lambda r: inn("economic, political", r))
Q(
    344,
    63,
    "Torchbearer award given by US-NZ Council",
    lambda: get("torchbearer-award-recipients"),
    lambda r: "us-nz-council" in r.organizations,
)
Q(
    345,
    31,
    "Iraq engineers not on 1965 timeline",
    lambda: get("nz-engineers-iraq"),
    lambda r: (
        "nz-engineers-iraq" not in timeline(during=1965, possibly=True).ids()
        and "nz-engineers-iraq" in force_contributions(during=2004).ids()
    ),
)
Q(346, 26, "Fact sheet: three weeks", lambda: first("fact sheet", "event"), lambda r: inn("three weeks", r))
Q(347, 64, "US-NZ Council Asia-Pacific awareness", lambda: get("us-nz-council"), lambda r: inn("Asia-Pacific", r))
Q(
    348,
    7,
    "search ANZUS suspension",
    lambda: first("ANZUS suspension", "event"),
    lambda r: r.id == "us-suspends-anzus-obligations-to-nz",
)


@pytest.mark.parametrize("question", QUESTIONS, ids=[f"q{q.number}-p{q.paragraph}" for q in QUESTIONS])
def test_question(question: Question) -> None:
    record = question.find()
    assert question.check(record), f"{question.text}: wrong answer from {record.id}"
    cited = {(c.source, c.paragraph) for c in record.citations}
    assert (question.source, question.paragraph) in cited, f"{question.text}: {record.id} does not cite the paragraph"


def test_the_questions_reach_every_paragraph_with_a_fact() -> None:
    asked = {(q.source, q.paragraph) for q in QUESTIONS}
    assert len(QUESTIONS) >= 250
    assert len({p for s_, p in asked if s_ == ENC}) >= 60
    assert len({p for s_, p in asked if s_ == NZPA}) >= 12
