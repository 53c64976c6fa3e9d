"""A value's own field checks refuse with usnz errors in usnz words, and load names the field's full path."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import usnz
from user_data import a_source

CITE = (usnz.Citation(source="my-notes", paragraph=1),)


def _source(**fields: Any) -> usnz.Source:
    given: dict[str, Any] = {**a_source(), **fields}
    return usnz.Source(**given)


@pytest.mark.parametrize(
    ("build", "error", "message"),
    [
        (
            lambda: usnz.Citation(source="s", paragraph=0),
            usnz.ArgumentValueError,
            "paragraph must be a paragraph number, from 1, got 0",
        ),
        (
            lambda: usnz.Citation(source="s", paragraph=-3),
            usnz.ArgumentValueError,
            "paragraph must be a paragraph number, from 1, got -3",
        ),
        (
            lambda: usnz.Citation(source="", paragraph=1),
            usnz.ArgumentValueError,
            "source must be a non-empty str, got ''",
        ),
        (lambda: usnz.Quantity(unit="", best=5), usnz.ArgumentValueError, "unit must be a non-empty str, got ''"),
        (
            lambda: _source(paragraphs=0),
            usnz.ArgumentValueError,
            "paragraphs must be the number of paragraphs (lines) of the text, from 1, got 0",
        ),
        (
            lambda: usnz.Citation(source="s", paragraph="1"),
            usnz.ArgumentTypeError,
            "paragraph must be an int, got str '1'",
        ),
        (
            lambda: usnz.Citation(source="s", paragraph=True),
            usnz.ArgumentTypeError,
            "paragraph must be an int, got bool True",
        ),
        (lambda: usnz.Citation(source=5, paragraph=1), usnz.ArgumentTypeError, "source must be a str, got int 5"),
        (
            lambda: usnz.Event(id=5, kind="visit", title="T", summary="S.", citations=CITE),
            usnz.ArgumentTypeError,
            "id must be a kebab-case id, a str (lowercase letters, digits, single hyphens), got int 5",
        ),
        (
            lambda: usnz.Event(id="e", kind="visit", title="T", summary="S.", citations=CITE, see_also=(5,)),
            usnz.ArgumentTypeError,
            "see_also must be a kebab-case id, a str",
        ),
    ],
)
def test_a_refused_field_is_a_usnz_error_in_words(build: Any, error: type[usnz.Error], message: str) -> None:
    with pytest.raises(error, match=f"^{re.escape(message)}"):
        build()


def test_an_id_of_the_right_type_but_wrong_form_is_still_a_value_error() -> None:
    with pytest.raises(usnz.ArgumentValueError, match="id must be a kebab-case id"):
        usnz.Event(id="Not Kebab", kind="visit", title="T", summary="S.", citations=CITE)


def test_load_names_the_full_path_of_a_refused_field(tmp_path: Path) -> None:
    (tmp_path / "sources.json").write_text(json.dumps([a_source(paragraphs=0)]), encoding="utf-8")
    figures = [
        {
            "id": "my-fig",
            "measure": "m",
            "quantity": {"unit": "", "best": 5},
            "citations": [{"source": "my-notes", "paragraph": 0}],
        },
        {
            "id": "my-fig2",
            "measure": "m",
            "quantity": {"unit": "people", "best": 5},
            "citations": [{"source": "", "paragraph": 1}],
        },
    ]
    (tmp_path / "figures.json").write_text(json.dumps(figures), encoding="utf-8")
    with pytest.raises(usnz.DataError) as caught:
        usnz.load(tmp_path)
    found = {(p.record, p.path, p.message) for p in caught.value.problems}
    assert ("my-fig", "citations[0].paragraph", "paragraph must be a paragraph number, from 1, got 0") in found
    assert ("my-fig", "quantity.unit", "unit must be a non-empty str, got ''") in found
    assert ("my-fig2", "citations[0].source", "source must be a non-empty str, got ''") in found
    paragraphs = "paragraphs must be the number of paragraphs (lines) of the text, from 1, got 0"
    assert ("my-notes", "paragraphs", paragraphs) in found
    assert not [p for p in caught.value.problems if "refers to ''" in p.message]  # the empty source said once
