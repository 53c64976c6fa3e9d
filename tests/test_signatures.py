"""Module-level functions show their real signature: no ``self``, the parameters a caller passes."""

from __future__ import annotations

import inspect
import pydoc

import pytest

import usnz

QUERIES = [
    "agreements",
    "assistance",
    "citing",
    "conflicts",
    "disputes",
    "events",
    "figures",
    "force_contributions",
    "organizations",
    "people",
    "quotes",
    "search",
    "sources",
    "timeline",
]


@pytest.mark.parametrize("name", QUERIES)
def test_a_bound_query_shows_the_method_signature_without_self(name: str) -> None:
    shown = inspect.signature(getattr(usnz, name))
    method = inspect.signature(getattr(usnz.Dataset, name))
    assert "self" not in shown.parameters
    assert list(shown.parameters.values()) == list(method.parameters.values())[1:]
    assert shown.return_annotation == method.return_annotation
    assert "self" not in pydoc.render_doc(getattr(usnz, name)).splitlines()[2]


@pytest.mark.parametrize("name", ["get", "load", "dataset", "cite", "verify"])
def test_plain_functions_have_no_self(name: str) -> None:
    assert "self" not in inspect.signature(getattr(usnz, name)).parameters


def test_a_bound_query_still_answers() -> None:
    assert usnz.agreements(kind="treaty") == usnz.dataset().agreements(kind="treaty")
