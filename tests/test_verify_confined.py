"""``verify`` stays inside ``--sources``: a source's filename is a plain name or a problem.

And it takes ``--with-packaged`` as ``validate`` does, and checks its arguments' types
before it reads a file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import usnz
from usnz.cli import main
from usnz.faces import verify as verifying

QUOTE = "After the war, New Zealand joined with Australia and the United States in the ANZUS security treaty in 1951"
TEXT = "First paragraph.\nSecond paragraph.\n"


def own_source(filename: str, text: str = TEXT) -> dict[str, Any]:
    import hashlib

    return {
        "id": "my-text",
        "title": "My text",
        "publisher": "Me",
        "kind": "news-article",
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
        "paragraphs": 2,
        "filename": filename,
    }


def event(**changes: Any) -> dict[str, Any]:
    return {
        "id": "my-event",
        "kind": "statement",
        "title": "T",
        "summary": "S.",
        "citations": [{"source": "my-text", "paragraph": 2, "quote": "Second paragraph"}],
        **changes,
    }


def write(folder: Path, sources: list[dict[str, Any]], events: list[dict[str, Any]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if sources:
        (folder / "sources.json").write_text(json.dumps(sources), encoding="utf-8")
    (folder / "events.json").write_text(json.dumps(events), encoding="utf-8")
    return folder


ODD_NAMES = [
    "/etc/passwd",
    "../secret.txt",
    "../../etc/passwd",
    "texts/inner.txt",
    "..",
    "C:\\Windows\\win.ini",
    "x" * 5000,
    "é" * 200,  # 400 bytes
]


@pytest.mark.parametrize("name", ODD_NAMES)
def test_a_filename_that_is_not_plain_is_a_problem_never_looked_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (tmp_path / "secret.txt").write_text(TEXT + "changed", encoding="utf-8")
    data = usnz.load(write(tmp_path / "data", [own_source(name)], [event()]))
    looked: list[str] = []
    real = Path.is_file

    def is_file(self: Path) -> bool:
        looked.append(str(self))
        return real(self)

    monkeypatch.setattr(Path, "is_file", is_file)
    problems = usnz.verify(sources=texts, data=data)
    assert looked == []
    assert [p.path for p in problems] == ["filename", "sha256"]
    assert "is not a plain file name" in problems[0].message or "longer than a file name" in problems[0].message
    assert "is there but differs" not in problems[1].message
    assert all(len(str(p)) < 600 for p in problems)


@pytest.mark.parametrize("name", ODD_NAMES)
def test_the_cli_lists_an_odd_filename_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "mine.txt").write_text(TEXT, encoding="utf-8")
    folder = write(tmp_path / "data", [own_source(name)], [event()])
    assert main(["verify", "--sources", str(texts), str(folder)]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""
    lines = captured.out.splitlines()
    assert len(lines) == 1  # the text is found by its hash: only the name is wrong
    assert "my-text filename:" in lines[0]
    assert "please report" not in captured.out


def test_a_plain_filename_that_differs_is_named(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "mine.txt").write_text("other", encoding="utf-8")
    data = usnz.load(write(tmp_path / "data", [own_source("mine.txt")], [event()]))
    (problem,) = usnz.verify(sources=texts, data=data)
    assert "mine.txt is there but differs from it" in problem.message


@pytest.mark.parametrize("data", [[], ["anzus"], {"a": 1}, "anzus", 5])
def test_data_of_the_wrong_type_is_refused_before_any_file_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: object
) -> None:
    def texts(folder: Path) -> dict[str, Path]:
        raise AssertionError("a file was read")

    monkeypatch.setattr(verifying, "_texts", texts)
    with pytest.raises(usnz.ArgumentTypeError, match=r"data= takes a usnz\.Dataset"):
        usnz.verify(sources=tmp_path, data=data)  # type: ignore[arg-type]


def test_a_sources_path_too_long_is_no_folder(tmp_path: Path) -> None:
    with pytest.raises(usnz.ArgumentValueError, match="is not a folder"):
        usnz.verify(sources=tmp_path / ("x" * 5000))


# -- --with-packaged -----------------------------------------------------------------------------------


def additions(tmp_path: Path, quote: str = QUOTE) -> Path:
    """An event of the user's citing a packaged source and naming a packaged person."""
    addition = event(participants=["helen-clark"])
    addition["citations"] = [{"source": "encyclopedia-nz-us-relations", "paragraph": 6, "quote": quote}]
    return write(tmp_path / "mine", [], [addition])


def test_verify_with_packaged_checks_the_users_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seeds: Path
) -> None:
    folder = additions(tmp_path)
    assert main(["validate", "--with-packaged", str(folder)]) == 0
    capsys.readouterr()
    assert main(["verify", "--sources", str(seeds), str(folder)]) == 1  # alone, its references are unknown
    assert "helen-clark" in capsys.readouterr().out
    assert main(["verify", "--sources", str(seeds), "--with-packaged", str(folder)]) == 0
    assert capsys.readouterr().out == (
        "ok: 1 citation quote and 0 attestation quotes checked against 1 source text, every one found\n"
    )


def test_verify_with_packaged_reports_only_the_users_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seeds: Path
) -> None:
    folder = additions(tmp_path, quote="New Zealand joined nothing")
    only = tmp_path / "only"
    only.mkdir()
    text = (seeds / usnz.dataset().get("encyclopedia-nz-us-relations").filename).read_bytes()  # type: ignore[union-attr]
    (only / "encyclopedia.txt").write_bytes(text)  # the one text the user's record cites
    assert main(["verify", "--sources", str(only), "--with-packaged", str(folder)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert "my-event citations[0].quote: not in ¶6" in lines[0]


def test_with_packaged_needs_paths(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["verify", "--sources", str(tmp_path), "--with-packaged"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert "give its PATH" in err


def test_verify_with_packaged_on_the_users_own_texts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without the packaged texts: the user's records cite their own text and name a packaged person."""
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "mine.txt").write_text(TEXT, encoding="utf-8")
    folder = write(tmp_path / "mine", [own_source("mine.txt")], [event(participants=["helen-clark"])])
    assert main(["verify", "--sources", str(texts), "--with-packaged", str(folder)]) == 0
    assert capsys.readouterr().out == (
        "ok: 1 citation quote and 0 attestation quotes checked against 1 source text, every one found\n"
    )
    wrong = write(
        tmp_path / "wrong",
        [own_source("mine.txt")],
        [event(participants=["helen-clark"], citations=[{"source": "my-text", "paragraph": 2, "quote": "Third"}])],
    )
    assert main(["verify", "--sources", str(texts), "--with-packaged", str(wrong)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1  # the packaged sources, whose texts are not there, are not the user's problem
    assert "my-event citations[0].quote: not in ¶2" in lines[0]
