"""Faces take the dataset they are given, the packaged one only as a default (issue 23, item 5).

A user's dataset here differs from the packaged one in every way a face could notice: its one
source is not a packaged source, and the one packaged source it keeps is retitled. ``cite``,
``verify`` and the exports must read it, and nothing of the packaged data; so must a timeline
(``data=``): the records it draws by default, the dates of its texts, the names of its wars.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest

import usnz
import usnz.export
from conftest import write_own_texts
from usnz.model.citation import Citation
from usnz.model.doubt import Doubt
from usnz.model.facts import facts
from usnz.model.names import cited_kind, kind_name
from usnz.model.records import is_source, paragraph_counts, source_texts, spoken_dates

RETITLED = "A packaged text, retitled by the user"


@pytest.fixture
def mine(tmp_path: Path) -> tuple[Path, usnz.Dataset]:
    """The folder of the user's text, and a dataset of their source and event, and a retitled packaged source."""
    texts, data = write_own_texts(tmp_path)
    packaged = usnz.converter.unstructure(usnz.sources()[0])
    sources = json.loads((data / "sources.json").read_text(encoding="utf-8"))
    (data / "sources.json").write_text(json.dumps([*sources, {**packaged, "title": RETITLED}]), encoding="utf-8")
    return texts, usnz.load(data)


def test_cite_lists_the_sources_of_the_dataset_given(mine: tuple[Path, usnz.Dataset]) -> None:
    _, data = mine
    text = usnz.cite(data=data)
    assert '- "My text"' in text
    assert f'- "{RETITLED}"' in text
    assert not [s.id for s in usnz.sources() if f'"{s.title}"' in text]
    bibtex = usnz.cite("bibtex", data=data)
    assert "@misc{my-text," in bibtex
    assert bibtex.count("@misc{") == 1 + 2 + 1  # usnz, the two texts, and COW's state list


def test_verify_checks_the_dataset_given(mine: tuple[Path, usnz.Dataset]) -> None:
    texts, data = mine
    problems = usnz.verify(sources=texts, data=data)
    assert [p.record for p in problems] == [usnz.sources()[0].id]  # the retitled text is not in the folder
    assert "my-text" not in {p.record for p in usnz.verify(sources=texts)}  # the default: the packaged data


def test_an_export_is_of_the_dataset_given(mine: tuple[Path, usnz.Dataset], tmp_path: Path) -> None:
    _, data = mine
    descriptor = usnz.export.datapackage(format="csv", data=data)
    titles = [source["title"] for source in descriptor["sources"]]
    assert sorted(title.split(" (")[0] for title in titles[:2]) == [RETITLED, "My text"]
    assert not [s.id for s in usnz.sources() if any(title.startswith(f"{s.title} (") for title in titles)]
    written = usnz.export.write(tmp_path / "out", format="csv", data=data)
    events = next(path for path in written if path.name == "events.csv").read_text(encoding="utf-8")
    assert events.splitlines()[1].startswith("signing,")
    assert len(events.splitlines()) == 2
    citations = next(r for r in descriptor["resources"] if r["name"] == "citations")
    assert citations["schema"]["foreignKeys"][0]["reference"]["resource"] == cited_kind()


def test_the_sources_are_asked_through_their_module(mine: tuple[Path, usnz.Dataset]) -> None:
    _, data = mine
    for records in (usnz.dataset(), data):
        texts = records.sources()
        assert source_texts(records) == list(texts)
        assert paragraph_counts(records) == {s.id: s.paragraphs for s in texts}
        spoken = {s.id: said.earliest for s in texts if (said := s.as_of or s.date) is not None}
        assert spoken_dates(records) == spoken
        assert [is_source(r) for r in records] == [r in texts for r in records]
    assert cited_kind() == kind_name(dict(facts(Citation))["source"].refers[0])
    assert cited_kind() == kind_name(dict(facts(Doubt))["source"].refers[0])  # the doubts table's key too
    assert usnz.KINDS[cited_kind()] is type(usnz.sources()[0])


def _my_war() -> usnz.Dataset:
    """A dataset of a user's own: a text speaking from mid-1960, a war and a force still serving in it."""
    source = attrs.evolve(usnz.sources()[0], id="my-text", as_of=usnz.PartialDate.parse("1960-06-01"))
    cited = (usnz.Citation(source="my-text", paragraph=1),)
    war = attrs.evolve(usnz.get("korean-war"), id="my-war", name="My War", citations=cited, see_also=())
    force = usnz.get("k-force-korea")
    assert isinstance(force, usnz.ForceContribution)
    serving = attrs.evolve(
        force, id="my-force", conflict="my-war", period=usnz.Period.parse("1950/.."), citations=cited, see_also=()
    )
    return usnz.Dataset([source, war, serving])


def test_a_timeline_draws_the_dataset_given() -> None:
    pytest.importorskip("matplotlib")  # the plot extra
    import matplotlib.pyplot as plt
    from matplotlib import dates
    from matplotlib.patches import Rectangle

    import usnz.plot

    data = _my_war()
    try:
        drawn = usnz.plot.timeline(data=data)
        assert {p.get_gid() for p in drawn.patches if isinstance(p, Rectangle) and p.get_gid()} == {
            "my-war",
            "my-force",
        }
        alone = usnz.plot.timeline([data.get("my-force")], data=data)  # its text and its war: the dataset's
        assert [label.get_text() for label in alone.get_yticklabels()] == ["My War"]
        bar = next(p for p in alone.patches if isinstance(p, Rectangle) and p.get_gid() == "my-force")
        assert bar.get_x() + bar.get_width() == dates.date2num(dt.date(1960, 6, 1)) + 1  # on to the text's as_of
        packaged = usnz.plot.timeline([data.get("my-force")])  # the default: the packaged data knows neither
        assert [label.get_text() for label in packaged.get_yticklabels()] == ["my-war"]
        with pytest.raises(usnz.ArgumentTypeError, match=r"data= takes a usnz\.Dataset"):
            usnz.plot.timeline(data=list(data))  # type: ignore[arg-type]
    finally:
        plt.close("all")
