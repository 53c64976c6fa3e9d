"""Evidence you can read: citation quotes, shown, exported on request, and verified against the texts."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import attrs
import pytest

import usnz
from conftest import OWN_TEXT as TEXT
from conftest import OwnTexts, write_own_texts
from usnz.cli import main

ONE_QUOTE = "ok: 1 citation quote and 0 attestation quotes checked against 1 source text, every one found\n"


def _user_data(tmp_path: Path, quote: str = "The Treaty was signed in 1951") -> tuple[Path, Path]:
    return write_own_texts(tmp_path, quote)


def test_verify_a_users_own_data(tmp_path: Path) -> None:
    texts, data = _user_data(tmp_path)
    assert usnz.verify(sources=texts, data=usnz.load(data)) == ()


def test_verify_names_a_changed_quote(tmp_path: Path) -> None:
    texts, data = _user_data(tmp_path, quote="The Treaty was signed in 1952")
    problems = usnz.verify(sources=texts, data=usnz.load(data))
    assert [(p.record, p.path) for p in problems] == [("signing", "citations[0].quote")]
    assert "not in ¶2 of my-text" in problems[0].message


def test_verify_names_a_changed_source(tmp_path: Path) -> None:
    texts, data = _user_data(tmp_path)
    (texts / "mine.txt").write_text(TEXT.replace("1951", "1952"), encoding="utf-8")
    (texts / "whatever-name.txt").unlink()
    problems = usnz.verify(sources=texts, data=usnz.load(data))
    assert len(problems) == 1
    assert problems[0].record == "my-text"
    assert "no file in" in problems[0].message
    assert "differs" in problems[0].message


def test_verify_joined_passages_and_whitespace(tmp_path: Path) -> None:
    texts, data = _user_data(tmp_path, quote="The  Treaty was signed … It is long.")
    assert usnz.verify(sources=texts, data=usnz.load(data)) == ()


def test_verify_refuses_what_is_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(usnz.ArgumentValueError, match="is not a folder"):
        usnz.verify(sources=tmp_path / "nope")
    with pytest.raises(usnz.ArgumentTypeError, match="sources= takes the path of a folder"):
        usnz.verify(sources=3)  # type: ignore[arg-type]


def test_verify_a_paragraph_the_text_lacks(tmp_path: Path) -> None:
    texts, data = _user_data(tmp_path)
    (texts / "whatever-name.txt").unlink()
    short = "Only one line.\n"
    (texts / "short.txt").write_text(short, encoding="utf-8")
    records = usnz.load(data)
    source = attrs.evolve(records.get("my-text"), sha256=hashlib.sha256(short.encode()).hexdigest())
    dataset = usnz.Dataset([source, records.get("signing")])
    problems = usnz.verify(sources=texts, data=dataset)
    assert [p.message for p in problems] == ["my-text has 1 paragraphs, not 2"]


def test_the_packaged_quotes_are_verified(seeds: Path) -> None:
    assert usnz.verify(sources=(seeds, seeds.parent / "crosswalk")) == ()
    missing = usnz.verify(sources=seeds)  # the crosswalk, a data file beside the texts, is cited too
    assert [(p.record, p.path) for p in missing] == [("cow-atop-crosswalk", "sha256")]
    assert "no file in" in missing[0].message
    assert all(c.quote for r in usnz.dataset() if isinstance(r, usnz.Record) for c in r.citations)


def test_cli_verify(seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    crosswalk = str(seeds.parent / "crosswalk")
    assert main(["verify", "--sources", str(seeds), "--sources", crosswalk]) == 0
    assert capsys.readouterr().out.startswith("ok")
    changed = tmp_path / "seeds"
    shutil.copytree(seeds, changed)
    target = changed / "003_dc8cc6a6557a873a.txt"
    content = bytearray(target.read_bytes())
    content[100] = ord("X") if content[100] != ord("X") else ord("Y")
    target.write_bytes(bytes(content))
    assert main(["verify", "--sources", str(changed), "--sources", crosswalk]) == 1
    assert "encyclopedia-nz-us-relations" in capsys.readouterr().out
    assert main(["verify", "--sources", str(tmp_path / "missing")]) == 2


def test_verify_the_packaged_data_without_its_texts(tmp_path: Path) -> None:
    """With no text of the packaged sources at hand, each packaged source is named, once."""
    problems = usnz.verify(sources=tmp_path)
    assert [(p.record, p.path) for p in problems] == [(s.id, "sha256") for s in usnz.sources()]
    assert all(p.message.startswith(f"no file in {tmp_path} has this source's SHA-256") for p in problems)
    assert all("differs" not in p.message for p in problems)
    assert all(
        p.message.endswith(f"give the folder that holds {s.filename!r} too (sources= takes several)")
        for p, s in zip(problems, usnz.sources(), strict=True)
    )


def test_cli_verify_packaged_data_without_its_texts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "--sources", str(tmp_path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(" ", 2)[:2] for line in lines] == [[str(tmp_path / s.filename), s.id] for s in usnz.sources()]


def test_cli_verify_the_packaged_data_against_copies(
    own_texts: OwnTexts, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``usnz verify --sources DIR`` checks the packaged data: here, a packaged dataset that cites our own text."""
    monkeypatch.setattr(usnz, "dataset", lambda: usnz.load(own_texts.data))
    assert main(["verify", "--sources", str(own_texts.texts)]) == 0
    assert capsys.readouterr().out == ONE_QUOTE


def test_cli_verify_own_data_that_holds(own_texts: OwnTexts, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "--sources", str(own_texts.texts), str(own_texts.data)]) == 0
    assert capsys.readouterr().out == ONE_QUOTE


def _with_an_attestation(data: Path, quote: str) -> None:
    """Add a person whose role is attested by the event ``signing`` (1951, ¶2 of ``my-text``), quoting *quote*."""
    attestation = {
        "date": "1951",
        "record": "signing",
        "citation": {"source": "my-text", "paragraph": 2, "quote": quote},
    }
    person = {
        "id": "jane-doe",
        "name": "Jane Doe",
        "summary": "A signatory.",
        "roles": [{"title": "Signatory", "attested": [attestation]}],
        "citations": [{"source": "my-text", "paragraph": 2}],  # no quote: nothing to check
    }
    (data / "people.json").write_text(json.dumps([person]), encoding="utf-8")


def test_cli_verify_counts_and_checks_attestation_quotes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An attestation's quote is checked against its paragraph as a citation's is, and counted apart."""
    texts, data = _user_data(tmp_path)
    _with_an_attestation(data, "by three countries")
    assert main(["verify", "--sources", str(texts), str(data)]) == 0
    assert capsys.readouterr().out == (
        "ok: 1 citation quote and 1 attestation quote checked against 1 source text, every one found\n"
    )
    _with_an_attestation(data, "by four countries")
    assert main(["verify", "--sources", str(texts), str(data)]) == 1
    out = capsys.readouterr().out
    assert "jane-doe roles[0].attested[0].citation.quote: not in ¶2 of my-text: 'by four countries'" in out
    problems = usnz.verify(sources=texts, data=usnz.load(data))
    assert [(p.record, p.path) for p in problems] == [("jane-doe", "roles[0].attested[0].citation.quote")]


def test_cli_verify_user_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts, data = _user_data(tmp_path, quote="not in the text")
    assert main(["verify", "--sources", str(texts), str(data)]) == 1
    out = capsys.readouterr().out
    assert "signing citations[0].quote: not in ¶2 of my-text" in out


def test_show_prints_each_quote(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "k-force-korea"]) == 0
    out = capsys.readouterr().out
    assert "“" in out
    assert "3,794" in out.split("citations", 1)[1]


def test_html_folds_the_quotes_away() -> None:
    html = usnz.get("anzus")._repr_html_()
    assert '<details class="usnz-quote">' in html
    assert "<blockquote>" in html
    assert "open" not in html.split('<details class="usnz-quote"')[1].split(">")[0]


def test_frames_carry_quotes_on_request() -> None:
    pytest.importorskip("pandas")
    plain = usnz.agreements().to_frame()
    assert "quotes" not in plain.columns
    frame = usnz.agreements().to_frame(quotes=True)
    anzus = frame.loc[frame["id"] == "anzus", "quotes"].iloc[0]
    assert isinstance(anzus, list)
    assert all(isinstance(q, str) for q in anzus)
    assert "quotes" in usnz.dataset().to_frame("agreements", quotes=True).columns
    with pytest.raises(usnz.ArgumentTypeError, match="quotes= takes True or False"):
        usnz.agreements().to_frame(quotes="yes")  # type: ignore[arg-type]


def test_quote_length_is_checked() -> None:
    with pytest.raises(ValueError, match="at most 400"):
        usnz.Citation(source="s", paragraph=1, quote="x" * 401)
    with pytest.raises(ValueError, match="quote must be non-empty text"):
        usnz.Citation(source="s", paragraph=1, quote="  ")
    assert usnz.Citation(source="s", paragraph=1, quote="a … b").passages == ("a", "b")
    assert usnz.Citation(source="s", paragraph=1).passages == ()


def test_show_a_citation_without_a_quote(capsys: pytest.CaptureFixture[str]) -> None:
    record = usnz.Event(
        id="e", kind="other", title="T", summary="S.", citations=(usnz.Citation(source="s", paragraph=1),)
    )
    assert str(record).splitlines()[-1].strip() == "citations  s ¶1"


def test_verify_skips_what_is_not_a_text(tmp_path: Path) -> None:
    texts, data = _user_data(tmp_path)
    (texts / "a-folder").mkdir()
    (texts / "a-broken-link").symlink_to(tmp_path / "nowhere")
    assert usnz.verify(sources=texts, data=usnz.load(data)) == ()


def test_cli_verify_user_data_that_does_not_load(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts, data = _user_data(tmp_path)
    (data / "events.json").write_text("[{}]", encoding="utf-8")
    assert main(["verify", "--sources", str(texts), str(data)]) == 1
    assert "required field missing" in capsys.readouterr().out


def test_cli_verify_counts_the_packaged_quotes(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every packaged citation quote and attestation quote is counted, as docs/cli.md shows."""
    records = [r for r in usnz.dataset() if isinstance(r, usnz.Record)]
    citations = sum(1 for r in records for c in r.citations if c.quote is not None)
    attestations = sum(
        1 for r in records if isinstance(r, usnz.Person) for role in r.roles for a in role.attested if a.citation.quote
    )
    assert main(["verify", "--sources", str(seeds), "--sources", str(seeds.parent / "crosswalk")]) == 0
    out = capsys.readouterr().out
    assert out == (
        f"ok: {citations} citation quotes, {attestations} attestation quotes and {len(usnz.quotes())} quotes' texts "
        f"checked against {len(usnz.sources())} source texts, every one found\n"
    )
    docs = (Path(__file__).resolve().parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    assert " ".join(out.split()) in " ".join(docs.split())


def _quoting(own: OwnTexts, text: str) -> usnz.Dataset:
    """The own texts' data, with a person and a Quote record of *text* citing ¶2 of the text."""
    data = usnz.load(own.data)
    cited = (usnz.Citation(source="my-text", paragraph=2),)
    person = usnz.Person(id="the-signer", name="The Signer", summary="Signed a treaty.", citations=cited)
    quote = usnz.Quote(id="signer-said", speaker="the-signer", text=text, citations=cited)
    return usnz.Dataset([*data, person, quote])


def test_verify_checks_a_quote_record_s_own_words(tmp_path: Path) -> None:
    """A Quote's text is verbatim: words its cited paragraph does not hold are a problem, as a citation's are."""
    own = write_own_texts(tmp_path)
    assert usnz.verify(sources=own.texts, data=_quoting(own, "signed in 1951 by three   countries")) == ()
    problems = usnz.verify(sources=own.texts, data=_quoting(own, "signed in 1951 by four countries"))
    assert [(p.record, p.path, p.file) for p in problems] == [("signer-said", "text", "my-text")]
    assert problems[0].message == (
        "the quote's words are in none of its cited paragraphs (¶2 of my-text): 'signed in 1951 by four countries'"
    )


def test_a_quote_whose_texts_are_not_found_is_not_a_quote_problem(tmp_path: Path) -> None:
    """Without the cited text (or with a paragraph it lacks), the source's own problem says so: no second one."""
    own = write_own_texts(tmp_path)
    data = _quoting(own, "words nowhere")
    (own.texts / "whatever-name.txt").unlink()
    assert [p.path for p in usnz.verify(sources=own.texts, data=data)] == ["sha256"]


def test_the_cli_counts_the_quotes_texts_it_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    own = write_own_texts(tmp_path)
    quotes = [
        {
            "id": "signer-said",
            "speaker": "the-signer",
            "text": "signed in 1951",
            "citations": [{"source": "my-text", "paragraph": 2}],
        }
    ]
    people = [
        {
            "id": "the-signer",
            "name": "The Signer",
            "summary": "Signed a treaty.",
            "citations": [{"source": "my-text", "paragraph": 2}],
        }
    ]
    (own.data / "quotes.json").write_text(json.dumps(quotes), encoding="utf-8")
    (own.data / "people.json").write_text(json.dumps(people), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["verify", "--sources", str(own.texts), str(own.data)]) == 0
    assert capsys.readouterr().out == (
        "ok: 1 citation quote, 0 attestation quotes and 1 quote's text checked against 1 source text, every one found\n"
    )
    quotes[0]["text"] = "signed in 1952"
    (own.data / "quotes.json").write_text(json.dumps(quotes), encoding="utf-8")
    assert main(["verify", "--sources", str(own.texts), str(own.data)]) == 1
    assert "my-text signer-said text: the quote's words are in none of its cited paragraphs" in capsys.readouterr().out
