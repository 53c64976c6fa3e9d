"""Records built in Python hold integers within ±2^53, the bound usnz.load reads: what one takes, the other does."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

import usnz
import usnz.export
from usnz.model.bounds import MAX_INT
from usnz.reading import bounds

CITE = (usnz.Citation(source="my-notes", paragraph=1),)


def _quantity(n: int) -> object:
    return usnz.Quantity(unit="people", best=n)


def _change(n: int) -> object:
    return usnz.Quantity(unit="percent change", low=-n)


def _citation(n: int) -> object:
    return usnz.Citation(source="my-notes", paragraph=n)


def _source(n: int) -> object:
    return usnz.Source(
        id="my-notes", title="T", publisher="P", kind="news-article", sha256="0" * 64, paragraphs=n, filename="n.txt"
    )


def _doubt(n: int) -> object:
    return usnz.Doubt(kind="typo", source="my-notes", paragraphs=(n,), text="A typo.")


def _doubts(n: int) -> object:
    return usnz.Doubt(kind="typo", source="my-notes", paragraphs=(1, n), text="A typo.")


def _conflict(n: int) -> object:
    return usnz.Conflict(id="c", name="C", summary="S.", cow_warnum=n, citations=CITE)


BUILDERS: dict[str, tuple[Callable[[int], object], str]] = {
    "quantity best": (_quantity, "best"),
    "quantity low (a change)": (_change, "low"),
    "citation paragraph": (_citation, "paragraph"),
    "source paragraphs": (_source, "paragraphs"),
    "doubt paragraphs": (_doubt, "paragraphs"),
    "doubt paragraphs, several": (_doubts, "paragraphs"),
    "conflict cow_warnum": (_conflict, "cow_warnum"),
}


def test_the_loader_and_the_model_share_one_bound() -> None:
    assert bounds.MAX_INT is MAX_INT == 2**53


@pytest.mark.parametrize("builder", list(BUILDERS))
@pytest.mark.parametrize("value", [MAX_INT + 1, 10**30, 10**5000], ids=["2^53+1", "10^30", "10^5000"])
def test_an_integer_beyond_the_bound_is_refused(builder: str, value: int) -> None:
    build, field = BUILDERS[builder]
    message = f"{field} must be within ±2^53 (9,007,199,254,740,992), got "
    with pytest.raises(usnz.ArgumentValueError, match=re.escape(message)):
        build(value)


@pytest.mark.parametrize("builder", list(BUILDERS))
def test_an_integer_at_the_bound_is_taken(builder: str) -> None:
    build, _ = BUILDERS[builder]
    build(MAX_INT)


def test_a_record_at_the_bound_has_a_frame_a_parquet_file_and_loads_back(tmp_path: Path) -> None:
    figure = usnz.Figure(id="f", measure="m", quantity=usnz.Quantity(unit="people", best=MAX_INT), citations=CITE)
    data = usnz.Dataset([_source(3), figure])  # type: ignore[list-item]
    assert data.figures().to_frame().loc["f", "quantity_best"] == MAX_INT
    usnz.export.write(tmp_path / "parquet", format="parquet", data=data)
    usnz.export.write(tmp_path / "json", format="json", data=data)
    files = [p for p in (tmp_path / "json").glob("*.json") if p.name != "datapackage.json"]
    assert usnz.load(files).get("f") == figure


def test_the_json_schemas_say_the_bound() -> None:
    sources = jsonschema.Draft202012Validator(usnz.export.json_schema("sources"))
    source = usnz.converter.unstructure(_source(3))
    assert sources.is_valid({**source, "paragraphs": MAX_INT})
    assert not sources.is_valid({**source, "paragraphs": MAX_INT + 1})
    conflicts = jsonschema.Draft202012Validator(usnz.export.json_schema("conflicts"))
    conflict = usnz.converter.unstructure(_conflict(1))
    assert not conflicts.is_valid({**conflict, "cow_warnum": MAX_INT + 1})
    assert not conflicts.is_valid({**conflict, "citations": [{"source": "my-notes", "paragraph": MAX_INT + 1}]})


def test_a_bounded_int_refuses_another_type_and_takes_an_int_subclass() -> None:
    with pytest.raises(usnz.ArgumentTypeError, match=re.escape("cow_warnum must be an int, got str '5'")):
        _conflict("5")  # type: ignore[arg-type]

    class Number(int):
        pass

    assert _conflict(Number(5)).cow_warnum == 5  # type: ignore[attr-defined]
