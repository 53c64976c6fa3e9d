"""Record kind names: one resolver, from a static table, for every function that takes a kind."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import usnz
import usnz.export
from usnz.model import kinds, names
from usnz.model.names import KIND_NAMES, kind_name


def test_the_static_table_agrees_with_the_record_classes() -> None:
    assert [plural for _, plural, _ in KIND_NAMES] == list(usnz.KINDS)
    for singular, plural, class_name in KIND_NAMES:
        cls = usnz.KINDS[plural]
        assert (cls.record_kind, cls.__name__) == (singular, class_name)
        assert getattr(usnz, class_name) is cls


def test_names_needs_no_record_class() -> None:
    tree = ast.parse(Path(names.__file__).read_text(encoding="utf-8"))
    # at import time: only what a name needs (``cited_kind`` reads the record classes when called)
    imported = {node.module for node in tree.body if isinstance(node, ast.ImportFrom)}
    imported |= {alias.name for node in tree.body if isinstance(node, ast.Import) for alias in node.names}
    assert {name for name in imported if name and name.startswith("usnz")} == {"usnz.model.errors", "usnz.model.kinds"}
    # the registry of the kinds' names, which builds no class either
    tree = ast.parse(Path(kinds.__file__).read_text(encoding="utf-8"))
    runtime = [node for node in tree.body if not isinstance(node, ast.If)]  # kinds under TYPE_CHECKING only
    imported = {node.module for node in runtime if isinstance(node, ast.ImportFrom)}
    assert {name for name in imported if name and name.startswith("usnz")} == set()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("force-contributions", "force_contributions"),
        ("force_contributions", "force_contributions"),
        ("force-contribution", "force_contributions"),
        ("force_contribution", "force_contributions"),
        ("ForceContribution", "force_contributions"),
        ("Force Contributions", "force_contributions"),
        ("events", "events"),
        ("EVENT", "events"),
        ("person", "people"),
        ("people", "people"),
        ("Person", "people"),
        ("assistance", "assistance"),
    ],
)
def test_every_spelling_resolves(given: str, expected: str) -> None:
    assert kind_name(given) == expected
    assert usnz.export.kind_name(given) == expected


def test_a_misspelt_kind_gets_a_suggestion() -> None:
    with pytest.raises(usnz.ArgumentValueError) as caught:
        kind_name("organisations")
    assert str(caught.value) == (
        "kind='organisations' is not a record kind; did you mean 'organizations'? accepted: sources, agreements, "
        "conflicts, force-contributions, assistance, events, people, organizations, quotes, figures"
    )
    for typed, meant in (
        ("persn", "person"),
        ("ForceContributon", "ForceContribution"),
        ("force_contributons", "force-contributions"),
    ):
        with pytest.raises(usnz.ArgumentValueError, match=f"did you mean '{meant}'\\?"):
            kind_name(typed)
    with pytest.raises(usnz.ArgumentValueError, match=r"^of='zzz' is not a record kind; accepted: sources, "):
        kind_name("zzz", name="of")
    with pytest.raises(
        usnz.ArgumentTypeError,
        match=r"kind= takes a record kind as a str or a record class, e\.g\. 'events' or usnz\.Event; got int 5$",
    ):
        kind_name(5)


def test_every_kind_taking_function_takes_every_spelling() -> None:
    data = usnz.dataset()
    plural = data.records("force_contributions").ids()
    for spelling in ("force-contribution", "ForceContribution", "force-contributions"):
        assert data.records(spelling).ids() == plural
        assert usnz.export.json_schema(spelling) == usnz.export.json_schema("force_contributions")
        assert {r.record_kind for r in usnz.search("Korea", kind=spelling)} == {"force-contribution"}
