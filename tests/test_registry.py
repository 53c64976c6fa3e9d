"""A kind is said once: the registry, and the few files that name each kind (issue 23).

Counted with the AST, per kind, across ``src/usnz``: the files whose code names the kind's
plural or its class. Counted: the class name anywhere in code (an identifier, an import, a
string that reads as a type, ``typing.cast("Event", ...)``); the plural as a module path
(``usnz.model.kinds.events``), a function or method name, an attribute (``data.sources()``),
a module-level name, or a string that is the name or a dotted path of it (``"events"``).
Not counted: docstrings, comments and prose (a field's ``doc=``, an error message);
parameters, keyword arguments and a function's local variables, which only share the word
(``verify(sources=...)``, a folder of texts; ``to_frame(quotes=True)``); and a record's own
fields named after what they refer to (``Event.organizations``: the ids it names).

Then a throwaway kind, added to a copy of the package, shows what a new kind touches: its
module, one registry line, its data file and its typed query method; everything else (the
public names, ``usnz.KINDS``, the names a user may type, the module-level query, tables,
search, exports, the command line) follows from the registry.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import usnz
from usnz.model import kinds, records
from usnz.model.kinds import REGISTRY, Kind
from usnz.querying import bound

SRC = Path(usnz.__file__).resolve().parent
TYPICAL = 5
ANY = 7


def _docstrings(tree: ast.AST) -> set[int]:
    """The string statements: module, class and function docstrings, and attribute docstrings."""
    found: set[int] = set()
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            statements = getattr(node, field, None)
            if isinstance(statements, list):
                found.update(
                    id(statement.value)
                    for statement in statements
                    if isinstance(statement, ast.Expr)
                    and isinstance(statement.value, ast.Constant)
                    and isinstance(statement.value.value, str)
                )
    return found


def _inside_functions(tree: ast.AST) -> set[int]:
    return {
        id(name)
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        for name in ast.walk(function)
        if isinstance(name, ast.Name)
    }


def _fields(tree: ast.AST) -> set[int]:
    """The names of annotated fields in class bodies: a record's own fields."""
    return {
        id(statement.target)
        for cls in ast.walk(tree)
        if isinstance(cls, ast.ClassDef)
        for statement in cls.body
        if isinstance(statement, ast.AnnAssign)
    }


_TYPE_TEXT = re.compile(r"[\w.\[\]]+")


def _words(tree: ast.AST) -> list[tuple[str, bool]]:
    """Each (word, may be the plural) of the code: the plural is never a parameter, local or field."""
    skip = _docstrings(tree)
    local = _inside_functions(tree)
    fields = _fields(tree)
    found: list[tuple[str, bool]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            found.append((node.id, id(node) not in local and id(node) not in fields))
        elif isinstance(node, ast.Attribute):
            found.append((node.attr, True))
        elif isinstance(node, ast.alias):
            found.extend((part, True) for part in node.name.split("."))
            if node.asname:
                found.append((node.asname, True))
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.extend((part, True) for part in node.module.split("."))
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            found.append((node.name, True))
        elif isinstance(node, ast.arg | ast.keyword):
            found.append((node.arg or "", False))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            text = node.value
            if re.fullmatch(r"[\w.]+", text):  # a name or a dotted path
                found.extend((part, True) for part in text.split("."))
            elif _TYPE_TEXT.fullmatch(text.replace(" | ", "").replace(", ", "")):  # a type: "Record | Source"
                found.extend((word, False) for word in re.findall(r"[A-Za-z_]\w*", text))
    return found


def naming_files(kind: Kind, root: Path = SRC) -> set[str]:
    """The files of the package under *root* whose code names *kind* (its plural or its class)."""
    named: set[str] = set()
    for path in sorted(root.rglob("*.py")):
        words = _words(ast.parse(path.read_text(encoding="utf-8")))
        if any(word == kind.class_name or (plural and word == kind.plural) for word, plural in words):
            named.add(path.relative_to(root).as_posix())
    return named


def test_the_registry_is_the_kinds() -> None:
    assert [kind.plural for kind in REGISTRY] == list(usnz.KINDS) == list(kinds.CLASS_NAMES)
    for kind in REGISTRY:
        cls = usnz.KINDS[kind.plural]
        assert (cls.record_kind, cls.__name__, cls.__module__) == (kind.singular, kind.class_name, kind.module)
        assert (SRC / "data" / kind.data_file).is_file()
        assert getattr(usnz, kind.class_name) is cls
        assert getattr(usnz, kind.plural) is getattr(bound, kind.plural)
        assert callable(getattr(usnz.Dataset, kind.plural))
        assert cls.table_fields, kind
    assert repr(REGISTRY[3]) == 'Kind("force-contribution", "force_contributions", "ForceContribution")'


def test_a_kind_is_named_in_few_files() -> None:
    counts = {kind.plural: naming_files(kind) for kind in REGISTRY}
    table = "\n".join(f"{plural}: {len(files)} {sorted(files)}" for plural, files in counts.items())
    assert counts["force_contributions"] == {  # the five: none of them a table kept in step by hand
        "model/kinds/force_contributions.py",  # its module
        "model/kinds/__init__.py",  # the registry (and the typed overload of kind_class)
        "__init__.py",  # the public face: the names the type checkers see
        "querying/dataset.py",  # its typed query method
        "querying/bound.py",  # and its module-level twin
    }, table
    assert statistics.median(len(files) for files in counts.values()) <= TYPICAL, table
    assert all(len(files) <= ANY for files in counts.values()), table  # sources too, which every citation names


def test_the_count_reads_code_not_words() -> None:
    code = textwrap.dedent(
        '''
        """Events, events and Event."""
        import usnz.model.kinds.events  # events
        class Visit:
            events: tuple[str, ...] = ()
            """events"""
        def f(events, *, quotes=False):
            people = "the people of events"
            return g(events=events, cast="Event | None")
        '''
    )
    words = _words(ast.parse(code))
    assert ("events", True) in words  # the module path, only
    assert [word for word, plural in words if plural and word == "events"] == ["events"]
    assert ("Event", False) in words  # a type in a string
    assert not any(word == "people" and plural for word, plural in words)


def test_a_kind_not_bound_by_name_is_bound_from_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(bound, "figures")
    figures = bound.figures
    assert figures is bound.figures  # bound once, then kept
    assert figures().ids() == usnz.dataset().figures().ids()
    with pytest.raises(AttributeError, match="no attribute 'treaties'"):
        _ = bound.treaties


def test_records_gathers_the_names_of_every_kind_module() -> None:
    from usnz.model.kinds.force_contributions import Branch

    assert records.Branch is Branch
    assert records.Event is usnz.Event
    with pytest.raises(AttributeError, match="no attribute 'Treaty'"):
        _ = records.Treaty


# -- a new kind: what it touches ------------------------------------------------------------

_MODULE = '''\
"""Memos: a throwaway kind, to show what a new kind touches."""

from __future__ import annotations

from typing import ClassVar

import attrs

from usnz.model.base import Record, check_text
from usnz.model.dates import PartialDate
from usnz.model.facts import documented, fact

__all__ = ["Memo"]


@documented
@attrs.frozen(kw_only=True)
class Memo(Record):
    """A memo one government sent another."""

    record_kind: ClassVar[str] = "memo"
    table_fields: ClassVar[tuple[str, ...]] = ("subject", "date")

    subject: str = fact(validator=check_text, label=True, search=True, doc="What it is about.")
    date: PartialDate | None = fact(default=None, date=True, doc="When it was sent.")
'''
_LINE = '    Kind("memo", "memos", "Memo"),\n'
_METHOD = '''
    def memos(self) -> Records[Memo]:
        """Memos one government sent another."""
        return typing.cast("Records[Memo]", self.records("memos"))
'''
_PROBE = textwrap.dedent(
    """
    import json, subprocess, sys, tempfile
    import usnz
    from usnz.model.names import kind_name

    memo = usnz.get("throwaway-memo")
    assert type(memo) is usnz.Memo and memo.label == "A memo about a treaty"
    assert usnz.memos().ids() == usnz.dataset().memos().ids() == ("throwaway-memo",)
    assert usnz.KINDS["memos"] is usnz.Memo and kind_name("Memo") == kind_name("memo") == "memos"
    assert "memos" in repr(usnz.dataset())
    assert "throwaway-memo" in str(usnz.memos()) and "subject" in str(usnz.memos())
    assert "throwaway-memo" in usnz.search("memo").ids()
    assert usnz.timeline(during=1951).ids().count("throwaway-memo") == 1
    assert usnz.export.json_schema("memos")["title"] == "usnz Memo"
    with tempfile.TemporaryDirectory() as out:
        written = [path.name for path in usnz.export.write(out + "/export", format="csv")]
        assert "memos.csv" in written, written
    listed = subprocess.run([sys.executable, "-m", "usnz", "list", "memos"], capture_output=True, text=True)
    assert listed.returncode == 0 and "throwaway-memo" in listed.stdout, listed
    print("ok")
    """
)


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_a_new_kind_is_its_module_one_registry_line_its_data_file_and_its_query(tmp_path: Path) -> None:
    copy = tmp_path / "src" / "usnz"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "model" / "kinds" / "memos.py").write_text(_MODULE, encoding="utf-8")
    registry = copy / "model" / "kinds" / "__init__.py"
    text = registry.read_text(encoding="utf-8")
    last = f"    {REGISTRY[-1]!r},\n"
    assert text.count(last) == 1
    registry.write_text(text.replace(last, last + _LINE), encoding="utf-8")
    source = json.loads((SRC / "data" / "sources.json").read_text(encoding="utf-8"))[0]["id"]
    memo = {
        "id": "throwaway-memo",
        "subject": "A memo about a treaty",
        "date": "1951",
        "date_basis": "stated",
        "citations": [{"source": source, "paragraph": 1}],
    }
    (copy / "data" / "memos.json").write_text(json.dumps([memo], indent=2) + "\n", encoding="utf-8")
    dataset = copy / "querying" / "dataset.py"
    lines = dataset.read_text(encoding="utf-8").splitlines(keepends=True)
    end = next(
        node.end_lineno
        for node in ast.parse("".join(lines)).body
        if isinstance(node, ast.ClassDef) and node.name == "Dataset"
    )
    assert end is not None
    dataset.write_text("".join([*lines[:end], _METHOD, *lines[end:]]), encoding="utf-8")

    before, after = _tree(SRC), _tree(copy)
    changed = {name for name in after if before.get(name) != after[name]}
    assert changed == {"model/kinds/memos.py", "model/kinds/__init__.py", "data/memos.json", "querying/dataset.py"}
    assert len(after["model/kinds/__init__.py"].splitlines()) == len(before["model/kinds/__init__.py"].splitlines()) + 1
    named = naming_files(Kind("memo", "memos", "Memo"), copy)
    assert named == {"model/kinds/memos.py", "model/kinds/__init__.py", "querying/dataset.py"}

    env = {**os.environ, "PYTHONPATH": str(copy.parent)}
    env.pop("COVERAGE_PROCESS_START", None)
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=False, env=env, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


# -- the command line's export formats: usnz.export's registry, read only for an export -------


def test_the_command_lines_export_formats_are_the_registrys_read_when_asked() -> None:
    from usnz.cli import EXPORT_FORMATS
    from usnz.export.formats import WRITERS

    assert list(EXPORT_FORMATS) == list(WRITERS)
    assert len(EXPORT_FORMATS) == len(WRITERS)
    assert EXPORT_FORMATS[0] == "csv"
    assert list(EXPORT_FORMATS[1:]) == list(WRITERS)[1:]
    assert "parquet" in EXPORT_FORMATS
    assert "xml" not in EXPORT_FORMATS
    probe = textwrap.dedent(
        """
        import contextlib, io, sys
        from usnz.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            for argv in (["--help"], ["list", "--help"], ["show", "anzus"]):
                with contextlib.suppress(SystemExit):
                    main(argv)
        heavy = sorted(name for name in sys.modules if name.startswith("usnz.export"))
        assert heavy == [], heavy
        with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.suppress(SystemExit):
            main(["export", "--help"])
        assert "--format {csv,json,jsonl,parquet}" in out.getvalue(), out.getvalue()
        print("ok")
        """
    )
    env = {**os.environ, "PYTHONPATH": str(SRC.parent)}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
