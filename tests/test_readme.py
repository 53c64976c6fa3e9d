"""The README's Python examples run, and print exactly what their comments say.

The convention the README follows: the comment lines right below a statement (no blank line
between) are what it prints, one comment line per printed line; a statement with none prints
nothing. A statement whose own comment names an error (``# UnknownRecordError: ... did you
mean 'anzus'?``) raises it, with a message matching the comment (``...`` stands for any text).
Every block runs, in order, in one namespace, as a reader would type them into one session.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
import warnings
from pathlib import Path

import matplotlib as mpl
import pytest

import usnz

mpl.use("Agg")

README = Path(__file__).resolve().parent.parent / "README.md"
_ERROR = re.compile(r"#\s*(?P<name>\w+Error): (?P<message>.*)$")


def blocks() -> list[str]:
    if not README.is_file():
        pytest.skip(f"the README is not at {README} (not running from a source checkout)")
    return re.findall(r"^```python\n(.*?)^```", README.read_text(encoding="utf-8"), re.DOTALL | re.MULTILINE)


def statements(block: str) -> list[tuple[str, list[str], tuple[str, str] | None]]:
    """Each top-level statement of *block*: its code, the output shown below it, and the error its comment names."""
    lines = block.splitlines()
    found = []
    for node in ast.parse(block).body:
        assert node.end_lineno is not None
        shown = []
        for line in lines[node.end_lineno :]:
            if not line.startswith("#"):
                break
            shown.append(line.removeprefix("#").removeprefix(" "))
        error = _ERROR.search(lines[node.end_lineno - 1])
        named = (error["name"], error["message"]) if error else None
        found.append(("\n".join(lines[node.lineno - 1 : node.end_lineno]), shown, named))
    return found


def run(code: str, namespace: dict[str, object]) -> list[str]:
    """What *code* prints, after the query warnings it gives (shown as ``QueryWarning: ...``, as on stderr)."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("error")
        warnings.simplefilter("always", usnz.QueryWarning)
        exec(compile(code, str(README), "exec"), namespace)  # noqa: S102 - the README's own examples
    said = [f"{w.category.__name__}: {w.message}" for w in caught]
    return [*said, *printed.getvalue().splitlines()]


def test_the_readme_has_examples_that_print() -> None:
    assert len(blocks()) >= 3
    assert sum(1 for code, shown, _ in statements(blocks()[0]) if shown) >= 4


def test_every_example_prints_what_its_comments_show() -> None:
    namespace: dict[str, object] = {}
    checked = 0
    try:
        for block in blocks():
            for code, shown, error in statements(block):
                if error is None:
                    assert run(code, namespace) == shown, f"README example:\n{code}"
                    checked += len(shown)
                    continue
                name, message = error
                with pytest.raises(getattr(usnz, name)) as raised:
                    run(code, namespace)
                pattern = ".*".join(re.escape(part) for part in message.split("..."))
                assert re.fullmatch(pattern, str(raised.value)), f"README example:\n{code}\nraised: {raised.value}"
                checked += 1
    finally:
        import matplotlib.pyplot as plt

        plt.close("all")
    assert checked >= 10
