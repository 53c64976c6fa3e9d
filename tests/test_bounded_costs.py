"""Every cost is bounded by the size of the input: doubling an input at most doubles time and memory.

What a user gives (ids, file names, links, iterables) cannot make usnz read, keep or print
more than a fixed amount per item: problems print ids shortened, files are refused by name
before a byte is read, links out of a folder are not followed, a filter's iterable is read
up to a limit. Sizes are measured by counts and ``tracemalloc``, not by timing.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import usnz
from user_data import SOURCE
from usnz.cli import main
from usnz.querying import arguments
from usnz.reading import files as reading_files
from usnz.reading import load as loading


def event(record_id: str, problems: int) -> dict[str, Any]:
    """An event with *problems* problems: a reference to a missing record each."""
    return {
        "id": record_id,
        "kind": "statement",
        "title": "T",
        "summary": "S.",
        "citations": [{"source": "my-notes", "paragraph": 1}],
        "participants": [f"nobody-{i}" for i in range(problems)],
    }


def write(folder: Path, events: list[dict[str, Any]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sources.json").write_text(json.dumps([SOURCE]), encoding="utf-8")
    (folder / "events.json").write_text(json.dumps(events), encoding="utf-8")
    return folder


def peak(call: Callable[[], object]) -> int:
    """The most memory (bytes) *call* held at once."""
    tracemalloc.start()
    with contextlib.suppress(usnz.Error):
        call()
    _, most = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return most


def validate_output(folder: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["validate", str(folder)]) == 1
    return capsys.readouterr().out


# -- problems print ids shortened -----------------------------------------------------------------


@pytest.mark.parametrize("length", [200_000, 400_000])
def test_a_long_id_is_printed_shortened(tmp_path: Path, capsys: pytest.CaptureFixture[str], length: int) -> None:
    long_id = "a" * length
    out = validate_output(write(tmp_path, [event(long_id, 1000)]), capsys)
    lines = out.splitlines()
    assert len(lines) == 1000
    assert all(len(line) < 400 for line in lines), max(lines, key=len)[:500]
    assert f"({length:,} characters)" in lines[0]
    assert len(out) < 400_000  # 1,000 problems of a 200,000-character id: not 200 MB


def test_doubling_the_id_does_not_grow_the_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sizes = [
        len(validate_output(write(tmp_path / str(length), [event("b" * length, 200)]), capsys))
        for length in (50_000, 100_000)
    ]
    assert sizes[1] <= sizes[0] * 1.01


@pytest.mark.parametrize(
    "bad",
    [
        {"id": "c" * 100_000 + "-X"},  # not a kebab-case id
        {"id": "c" * 100_000, "title": " T"},
        {"id": "ok", "see_also": ["d" * 100_000]},
        {"id": "ok", "disputes": ["e" * 100_000]},
        {"id": "ok", "countries": ["N" * 100_000]},
    ],
)
def test_no_message_repeats_a_long_value(tmp_path: Path, bad: dict[str, Any]) -> None:
    with pytest.raises(usnz.DataError) as caught:
        usnz.load(write(tmp_path, [event("x", 0) | bad]))
    text = str(caught.value)
    assert len(text) < 2_000, text[:3000]


def test_a_long_file_path_is_printed_shortened(tmp_path: Path) -> None:
    folder = tmp_path
    for _ in range(30):
        folder /= "f" * 100
    folder = write(folder, [event("x", 1)])
    with pytest.raises(usnz.DataError) as caught:
        usnz.load(folder)
    line = str(caught.value.problems[0])
    assert len(line) < 600
    assert "characters)" in line


# -- file names checked before any byte is read --------------------------------------------------------


def spy_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    read: list[str] = []
    real = reading_files._read_file

    def read_file(path: Path) -> bytes:
        read.append(path.name)
        return real(path)

    monkeypatch.setattr(reading_files, "_read_file", read_file)
    return read


@pytest.mark.parametrize("count", [10, 20])
def test_unknown_files_are_never_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    folder = write(tmp_path, [event("x", 0)])
    for index in range(count):
        (folder / f"mine-{index}.json").write_bytes(b"[" + b" " * 1_000_000 + b"]")
    read = spy_reads(monkeypatch)
    with pytest.raises(usnz.DataError) as caught:
        usnz.load(folder)
    assert sorted(read) == ["events.json", "sources.json"]
    assert sum("unknown data file" in str(p) for p in caught.value.problems) == count


def test_memory_does_not_grow_with_unknown_files(tmp_path: Path) -> None:
    peaks = []
    for count in (0, 8, 16):
        folder = write(tmp_path / str(count), [event("x", 0)])
        for index in range(count):
            (folder / f"mine-{index}.json").write_bytes(b" " * 2_000_000)
        peaks.append(peak(lambda folder=folder: usnz.load(folder)))
    _, eight, sixteen = peaks  # (the first load builds what every later one uses)
    assert sixteen < 2 * eight
    assert sixteen < 2_000_000  # not one of the 2 MB files was held


def test_a_named_file_of_no_kind_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "chapter1.json").write_bytes(b"[]")
    read = spy_reads(monkeypatch)
    with pytest.raises(usnz.DataError, match="unknown data file"):
        usnz.load(tmp_path / "chapter1.json")
    assert read == []


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write(tmp_path, [event("x", 0)])
    monkeypatch.setattr(reading_files, "MAX_FILE_BYTES", 100)
    most = peak(lambda: usnz.load(folder))
    with pytest.raises(usnz.DataError, match="file is larger than the 100-byte limit"):
        usnz.load(folder)
    assert most < 200_000


# -- symbolic links that leave the folder -------------------------------------------------------------


def test_a_link_out_of_the_folder_is_not_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "secrets"
    outside.mkdir()
    (outside / "events.json").write_text('[{"id": "SECRET-TOKEN-1234"}]', encoding="utf-8")
    folder = write(tmp_path / "data", [])
    (folder / "events.json").unlink()
    (folder / "events.json").symlink_to(outside / "events.json")
    (folder / "people.json").symlink_to("../secrets/events.json")
    out = validate_output(folder, capsys)
    assert "SECRET" not in out
    assert out.count("is a symbolic link to a file outside this folder") == 2


def test_links_inside_the_folder_and_a_linked_folder_are_read(tmp_path: Path) -> None:
    folder = write(tmp_path / "data", [event("x", 0)])
    (folder / "events.json").rename(folder / "my-events.data")
    (folder / "events.json").symlink_to("my-events.data")
    (tmp_path / "linked").symlink_to(folder)
    (folder / "kept").mkdir()
    (folder / "sources.json").rename(folder / "kept" / "sources.json")
    (folder / "sources.json").symlink_to(folder / "kept" / "sources.json")  # into a folder inside: fine
    assert len(usnz.load(tmp_path / "linked")) == 2
    assert len(usnz.load(folder)) == 2


def test_a_file_named_directly_may_be_a_link(tmp_path: Path) -> None:
    folder = write(tmp_path / "data", [event("x", 0)])
    (tmp_path / "events.json").symlink_to(folder / "events.json")
    assert len(usnz.load([tmp_path / "events.json", folder / "sources.json"])) == 2


# -- iterables given as filters -----------------------------------------------------------------------


def endless() -> Iterator[str]:
    return itertools.repeat("john-key")


@pytest.mark.parametrize(
    "query",
    [
        lambda values: usnz.events(involving=values),
        lambda values: usnz.quotes(speaker=values),
        lambda values: usnz.events(country=values),
        lambda values: usnz.people(office=values),
        lambda values: usnz.timeline(involving=values),
        lambda values: usnz.force_contributions(conflict=values),
    ],
)
def test_an_endless_iterable_is_refused(query: Callable[[Any], object]) -> None:
    with pytest.raises(usnz.ArgumentValueError, match=r"takes at most 1,000,000 values"):
        query(endless())


def test_the_cap_is_exact_and_its_memory_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(arguments, "MAX_VALUES", 10)
    assert arguments.many("involving", iter(["john-key"] * 10)) == ("john-key",) * 10
    with pytest.raises(usnz.ArgumentValueError, match="at most 10 values"):
        arguments.many("involving", iter(["john-key"] * 11))
    taken = []

    def counted() -> Iterator[str]:
        for n in itertools.count():
            taken.append(n)
            yield "x"

    with pytest.raises(usnz.ArgumentValueError):
        arguments.many("involving", counted())
    assert len(taken) == 11
    monkeypatch.undo()
    peaks = [peak(lambda: arguments.many("involving", endless())) for _ in range(2)]
    assert max(peaks) < 20_000_000


def test_a_file_that_grows_while_read_is_read_to_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    folder = write(tmp_path, [event("x", 0)])
    real = os.fstat

    def fstat(descriptor: int) -> os.stat_result:
        info = real(descriptor)
        return os.stat_result((info.st_mode, info.st_ino, info.st_dev, info.st_nlink, 0, 0, 10, 0, 0, 0))

    monkeypatch.setattr(reading_files.os, "fstat", fstat)
    assert len(usnz.load(folder)) == 2  # each file "grew" from 10 bytes: read whole all the same
    monkeypatch.setattr(reading_files, "MAX_FILE_BYTES", 50)
    with pytest.raises(usnz.DataError, match="file is larger than the 50-byte limit"):
        usnz.load(folder)


def test_the_reader_given_a_file_of_no_kind_says_so() -> None:
    with pytest.raises(usnz.DataError, match=r"mine\.json: unknown data file; expected one of sources\.json"):
        loading.read([("mine.json", "mine", b"[]")])
