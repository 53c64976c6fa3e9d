"""Data frames: one row per record, value types flattened into deliberately typed columns."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
import typing
from decimal import Decimal
from typing import Any, ClassVar

import attrs
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import usnz
from strategies import RECORDS
from usnz.faces.columns import columns
from usnz.frames import to_frame
from usnz.model.base import check_optional_id
from usnz.model.facts import fact
from usnz.model.records import Branch

COMMON = ["id", "record_kind", "label", "when", "when_earliest", "when_latest", "read"]


@pytest.fixture(scope="module")
def vietnam() -> usnz.Records[usnz.ForceContribution]:
    return usnz.force_contributions(conflict="vietnam-war")


def test_one_row_per_record_in_order(vietnam: usnz.Records[usnz.ForceContribution]) -> None:
    frame = vietnam.to_frame()
    assert len(frame) == len(vietnam) > 5
    assert frame["id"].tolist() == list(vietnam.ids())
    assert list(frame.columns[: len(COMMON)]) == COMMON
    assert frame["record_kind"].tolist() == ["force-contribution"] * len(vietnam)


def test_dtypes_are_set_deliberately(vietnam: usnz.Records[usnz.ForceContribution]) -> None:
    frame = vietnam.to_frame()
    dtypes = frame.dtypes.astype(str).to_dict()
    for name in ("id", "label", "when", "summary", "unit", "period", "conflict", "personnel_unit"):
        assert dtypes[name] == "string", name
    for name in ("citations", "see_also", "disputes"):
        assert dtypes[name] == "object", name
        assert all(isinstance(cell, list) for cell in frame[name]), name
    for name in ("personnel_best", "personnel_low", "personnel_high", "killed_best", "country_cow_ccode"):
        assert dtypes[name] == "Int64", name
    for name in ("when_earliest", "when_latest", "period_earliest", "period_latest"):
        assert dtypes[name] == "datetime64[s]", name
    assert dtypes["personnel_approximate"] == "boolean"
    for name in ("record_kind", "country", "branch"):
        assert dtypes[name] == "category", name
    branches = [branch for branch in typing.get_args(Branch) if branch in {r.branch for r in vietnam}]
    assert list(frame["branch"].cat.categories) == branches  # only the values present, in their declared order
    assert list(frame["country"].cat.categories) == sorted({r.country for r in vietnam})
    assert list(frame["record_kind"].cat.categories) == ["force-contribution"]
    assert (frame["branch"].value_counts() > 0).all()  # no phantom zeros


def test_values_match_the_records(vietnam: usnz.Records[usnz.ForceContribution]) -> None:
    frame = vietnam.to_frame().set_index("id")
    for record in vietnam:
        row = frame.loc[record.id]
        assert row["country"] == record.country
        assert row["country_cow_ccode"] == usnz.COUNTRIES[record.country].cow_ccode
        assert row["citations"] == [str(c) for c in record.citations]
        assert row["see_also"] == list(record.see_also)
        if record.period is None:
            assert pd.isna(row["period"])
            assert pd.isna(row["period_earliest"])
        else:
            assert row["period"] == str(record.period)
            start, end = record.period.start, record.period.end
            assert pd.isna(row["period_earliest"]) if start is None else row["period_earliest"].date() == start.earliest
            assert pd.isna(row["period_latest"]) if end is None else row["period_latest"].date() == end.latest
        for name in ("personnel", "killed", "wounded"):
            quantity = getattr(record, name)
            for part in ("best", "low", "high"):
                expected = None if quantity is None else getattr(quantity, part)
                cell = row[f"{name}_{part}"]
                assert pd.isna(cell) if expected is None else cell == expected


def test_lists_explode_one_row_per_value() -> None:
    agreements = usnz.dataset().to_frame("agreements")
    anzus = usnz.get("anzus")
    assert isinstance(anzus, usnz.Agreement)
    parties = agreements.explode("parties")
    assert parties.loc[parties["id"] == "anzus", "parties"].tolist() == list(anzus.parties)
    assert len(agreements.explode("citations")) == sum(len(a.citations) for a in usnz.agreements())
    events = usnz.dataset().to_frame("events").set_index("id")
    for event in usnz.events():
        assert events.loc[event.id, "countries"] == list(event.countries)
        assert events.loc[event.id, "participants"] == list(event.participants)
    roles = usnz.dataset().to_frame("people").set_index("id")
    for person in usnz.people():
        assert roles.loc[person.id, "roles"] == [str(role) for role in person.roles]


@pytest.mark.parametrize(
    "spelling",
    ["force-contributions", "force_contributions", "force-contribution", "ForceContribution", "FORCE contributions"],
)
def test_to_frame_takes_every_spelling_of_a_kind(spelling: str) -> None:
    frame = usnz.dataset().to_frame(spelling)
    assert frame["id"].tolist() == list(usnz.force_contributions().ids())
    assert str(frame["personnel_best"].dtype) == "Int64"
    assert usnz.dataset().records(spelling).ids() == usnz.force_contributions().ids()


def test_korean_war_figures() -> None:
    frame = usnz.force_contributions(conflict="korean-war").to_frame().set_index("id")
    kforce = frame.loc["k-force-korea"]
    assert (kforce["personnel_best"], kforce["total_served_best"], kforce["killed_best"]) == (1044, 3794, 33)
    assert kforce["country_cow_ccode"] == 920
    assert kforce["period"] == "/1957"
    assert pd.isna(kforce["period_earliest"])
    assert kforce["period_latest"] == pd.Timestamp("1957-12-31")


def test_bounds_and_money() -> None:
    figures = usnz.dataset().to_frame("figures")
    lows = figures.dropna(subset=["quantity_low"])
    assert not lows.empty
    assistance = usnz.dataset().to_frame("assistance")
    assert str(assistance["amount"].dtype) == "object"  # Decimal objects: exact
    assert str(assistance["amount_currency"].dtype) == "category"
    for record in usnz.assistance():
        row = assistance.set_index("id").loc[record.id]
        if record.amount is None:
            assert pd.isna(row["amount"])
        else:
            assert row["amount"] == record.amount.amount
            assert type(row["amount"]) is Decimal
            assert row["amount_currency"] == record.amount.currency


def test_conflicts_carry_cow_war_numbers() -> None:
    frame = usnz.dataset().to_frame("conflicts").set_index("id")
    assert frame.loc["korean-war", "cow_warnum"] == 151
    assert str(frame["cow_warnum"].dtype) == "Int64"


@pytest.mark.filterwarnings("ignore:.*possibly=True includes:usnz.QueryWarning")  # named in test_unknown_ends
def test_mixed_kinds_share_the_common_columns() -> None:
    records = usnz.timeline(during="1965")
    frame = records.to_frame()
    assert {r.record_kind for r in records} > {"event"}
    assert frame["record_kind"].tolist() == [r.record_kind for r in records]
    assert frame["when"].tolist() == [str(r.when) for r in records]
    starts = [None if r.when is None or r.when.earliest == dt.date.min else r.when.earliest for r in records]
    assert [None if pd.isna(v) else v.date() for v in frame["when_earliest"]] == starts
    assert [None if pd.isna(v) else v for v in frame["kind"]] == [getattr(r, "kind", None) for r in records]


def test_kind_categories_merge_across_kinds() -> None:
    records = usnz.Records((usnz.get("anzus"), *usnz.events(kind="visit")[:1]))
    frame = records.to_frame()
    assert set(frame["kind"].cat.categories) == {"treaty", "visit"}
    assert frame["kind"].tolist() == ["treaty", "visit"]


def test_fractional_figures_are_floats() -> None:
    base = usnz.get("k-force-korea")
    assert isinstance(base, usnz.ForceContribution)
    fractional = attrs.evolve(base, personnel=usnz.Quantity(unit="percent", best=12.5))
    frame = usnz.Records((fractional, usnz.get("rnzn-korea"))).to_frame()
    assert str(frame["personnel_best"].dtype) == "Float64"
    assert frame["personnel_best"].iloc[0] == 12.5
    assert str(frame["personnel_low"].dtype) == str(frame["personnel_high"].dtype) == "Float64"  # one dtype


def test_frames_are_indexed_by_id() -> None:
    korea = usnz.force_contributions(conflict="korean-war")
    frame = korea.to_frame()
    assert list(frame.index) == list(korea.ids())
    assert frame.loc["k-force-korea", "personnel_best"] == 1044
    assert list(frame["id"]) == list(korea.ids())  # kept as a column too
    sums = frame.groupby("country", observed=True)["killed_best"].sum(min_count=1)
    assert sums["NZL"] == 33
    assert sums.isna()["USA"]  # not stated stays unknown with min_count=1 (pandas would say 0)
    assert list(sums.index) == sorted({r.country for r in korea})  # no phantom countries
    assert usnz.Records((usnz.get("anzus"),)).to_frame(quotes=True).loc["anzus", "quotes"]


def test_empty_results() -> None:
    frame = usnz.Records().to_frame()
    assert list(frame.columns) == COMMON
    assert len(frame) == 0
    empty = usnz.Dataset(usnz.sources()).to_frame("events")
    assert len(empty) == 0
    assert {"kind", "participants", "date_earliest"} <= set(empty.columns)
    assert str(empty["date_earliest"].dtype) == "datetime64[s]"


def test_dataset_to_frame_rejects_unknown_kinds() -> None:
    with pytest.raises(usnz.ArgumentValueError, match="kind='battles'"):
        usnz.dataset().to_frame("battles")
    with pytest.raises(
        usnz.ArgumentValueError,
        match="kind='force-contributons' is not a record kind; did you mean 'force-contributions'",
    ):
        usnz.dataset().to_frame("force-contributons")
    with pytest.raises(usnz.ArgumentTypeError, match="kind= takes a record kind as a str"):
        usnz.dataset().to_frame(3)  # type: ignore[arg-type]


def test_every_kind_frames_every_record() -> None:
    for kind in usnz.KINDS:
        records = usnz.dataset().records(kind)
        frame = usnz.dataset().to_frame(kind)
        assert frame["id"].tolist() == list(records.ids()), kind
        assert frame["label"].tolist() == [r.label for r in records], kind


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_generated_records_frame_without_loss(data: st.DataObject) -> None:
    cls = data.draw(st.sampled_from(list(RECORDS)))
    records = data.draw(st.lists(RECORDS[cls], max_size=4, unique_by=lambda r: r.id))
    frame = to_frame(records)
    assert len(frame) == len(records)
    assert frame["id"].tolist() == [r.id for r in records]
    for record, (_, row) in zip(records, frame.iterrows(), strict=True):
        assert row["label"] == record.label
        when = record.when
        assert pd.isna(row["when"]) if when is None else row["when"] == str(when)


@attrs.frozen(kw_only=True)
class _Odd:
    """A stand-in record kind whose fields clash with another's."""

    record_kind: ClassVar[str] = "odd"
    id: str = fact(doc="The id.")
    size: str = fact(doc="A size, in words (a number in _Even).")
    shape: complex = fact(default=0j, doc="A value of a type with no column type of its own.")
    friend: str | None = fact(default=None, validator=check_optional_id, refers=("any",), doc="The id of any record.")
    tags: tuple[str, ...] = fact(default=(), doc="Several words (one word in _Even).")
    label = "odd"
    when = None


@attrs.frozen(kw_only=True)
class _Even:
    """Another stand-in."""

    record_kind: ClassVar[str] = "even"
    id: str = fact(doc="The id.")
    size: int = fact(doc="A size.")
    tags: str = fact(default="", doc="One word.")
    label = "even"
    when = None


def test_clashing_columns_become_text() -> None:
    records: list[Any] = [_Odd(id="a", size="big", shape=1 + 2j, tags=("x", "y")), _Even(id="b", size=3, tags="z")]
    frame = to_frame(records, kinds=[_Odd, _Even])
    assert str(frame["size"].dtype) == "string"
    assert frame["size"].tolist() == ["big", "3"]
    assert frame["tags"].tolist() == ["x; y", "z"], "a list in one kind only: joined, as text"
    assert to_frame(records[:1], kinds=[_Odd])["tags"].tolist() == [["x", "y"]]
    assert frame["shape"].tolist()[0] == "(1+2j)"
    assert pd.isna(frame["shape"].tolist()[1])
    friend = next(c for c in columns(_Odd) if c.name == "friend")
    assert (friend.type, friend.target) == ("reference", None)
    conflict = next(c for c in columns(usnz.ForceContribution) if c.name == "conflict")
    assert (conflict.type, conflict.target) == ("reference", "conflicts")


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(usnz.MissingExtraError) as caught:
        usnz.agreements().to_frame()
    error = caught.value
    assert isinstance(error, ImportError)
    assert isinstance(error, usnz.Error)
    assert 'pip install "usnz[pandas]"' in str(error)
    assert (error.feature, error.package, error.extra, error.name) == ("to_frame()", "pandas", "pandas", "pandas")
    with pytest.raises(usnz.MissingExtraError, match=r"usnz\[pandas\]"):
        usnz.dataset().to_frame("events")


def test_import_usnz_imports_no_optional_package() -> None:
    probe = textwrap.dedent(
        """
        import sys
        import usnz
        usnz.force_contributions(conflict="vietnam-war")
        print(str(usnz.get("anzus"))[:5])
        usnz.get("anzus")._repr_html_()
        usnz.agreements()._repr_html_()
        import usnz.plot, usnz.export, usnz.frames
        usnz.cite()
        heavy = sorted(m for m in ("pandas", "numpy", "matplotlib", "frictionless", "jsonschema", "pyarrow") if m in sys.modules)
        print(heavy)
        """
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["anzus", "[]"]


def test_a_frame_of_people_keeps_the_basis_of_each_attested_date() -> None:
    frame = usnz.people(office="prime-minister").to_frame()
    # the table shows "Prime Minister *", usnz show "2009~*" and "2010-04~†": the frame says which, in words
    assert frame["roles"]["john-key"] == ["Prime Minister (NZL, attested 2009~ (inferred), 2010-04~ (external))"]
    assert frame["roles"]["helen-clark"] == ["Prime Minister (NZL, attested 2004, 2005-08-30, 2008-09-23)"]
    roles = next(column for column in columns(usnz.Person) if column.name == "roles")
    assert "an inferred or external one says so" in roles.description


def test_a_value_read_from_the_texts_is_named_in_the_read_column() -> None:
    """What the tables mark '*' (speaker, country, combat), the frame names, row by row."""
    key = usnz.quotes(speaker="john-key").to_frame()
    assert key.loc["key-tpp-testing", "read"] == "speaker"  # NZPA ¶10: 'he said'
    assert pd.isna(key.loc["key-natural-partners", "read"])  # 'Mr Key said': stated
    aid = usnz.assistance().to_frame()
    assert aid.loc["nz-vietnam-economic-assistance", "read"] == "recipient"  # the donor is stated
    assert aid.loc["vietnamese-student-scholarships", "read"] == "donor"  # 'Private civilian funding'
    forces = usnz.force_contributions(conflict="vietnam-war").to_frame()
    assert forces.loc["nz-training-team-chi-lang", "read"] == "combat"
    assert pd.isna(forces.loc["161-battery-vietnam", "read"])
    assert str(forces["read"].dtype) == "string"
