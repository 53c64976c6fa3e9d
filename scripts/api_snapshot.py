"""Write, or check, the snapshot of usnz's public API that tests/test_public_api.py compares with.

    PYTHONPATH=src python scripts/api_snapshot.py           # rewrite tests/snapshots/public-api.txt
    PYTHONPATH=src python scripts/api_snapshot.py --check   # change nothing; exit 1 if it is out of date

The snapshot lists every name in ``usnz.__all__`` and in ``usnz.export.__all__``: each
function's signature; each class's bases, its attrs fields (name, type, default), its public
methods and properties with their signatures, an enum's members; each constant's type. Values
that change with the data (``DATA_VERSION``, ``__version__``, the contents of ``KINDS``...) are
not in it, so only a change of the contract changes it. Regenerate it after changing the API on
purpose, review the diff, and add a CHANGELOG line.
"""

from __future__ import annotations

import argparse
import enum
import inspect
import sys
import types
import typing
from pathlib import Path

import attrs

import usnz
import usnz.export

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "snapshots" / "public-api.txt"


class _Written:
    """An annotation shown as written in the source (``str | None``), the same on every Python version."""

    def __init__(self, annotation: object) -> None:
        if isinstance(annotation, typing.ForwardRef):
            annotation = annotation.__forward_arg__
        self.text = annotation if isinstance(annotation, str) else inspect.formatannotation(annotation)

    def __repr__(self) -> str:
        return self.text


def _signature(value: object) -> str:
    try:
        signature = inspect.signature(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):  # a builtin without one
        return "(...)"
    empty = inspect.Parameter.empty
    parameters = [
        p if p.annotation is empty else p.replace(annotation=_Written(p.annotation))
        for p in signature.parameters.values()
    ]
    returns = signature.return_annotation
    return str(
        signature.replace(parameters=parameters, return_annotation=returns if returns is empty else _Written(returns))
    )


def _class(name: str, cls: type) -> list[str]:
    bases = ", ".join(base.__qualname__ for base in cls.__bases__)
    lines = [f"class {name}({bases})"]
    if issubclass(cls, enum.Enum):
        lines += [f"    {member.name} = {member.value!r}" for member in cls]
        return lines
    fields = attrs.fields(cls) if attrs.has(cls) else ()
    for field in fields:
        default = "" if field.default is attrs.NOTHING else f" = {_default(field.default)}"
        lines.append(f"    {field.name}: {_written_type(cls, field.name)!r}{default}")
    field_names = {field.name for field in fields}
    for attribute, member in sorted(vars(cls).items()):
        if attribute.startswith("_") or attribute in field_names:
            continue
        if isinstance(member, property):
            lines.append(f"    @property {attribute}")
        elif isinstance(member, classmethod | staticmethod):
            lines.append(f"    @{type(member).__name__} {attribute}{_signature(getattr(cls, attribute))}")
        elif callable(member):
            lines.append(f"    def {attribute}{_signature(member)}")
    if not fields and not issubclass(cls, BaseException):
        lines.append(f"    __init__{_signature(cls)}")
    return lines


def _written_type(cls: type, name: str) -> _Written:
    """A field's annotation as its class's source writes it (attrs may have resolved ``field.type`` since)."""
    for klass in cls.__mro__:
        annotations = vars(klass).get("__annotations__", {})
        if name in annotations:
            return _Written(annotations[name])
    return _Written("?")


def _default(value: object) -> str:
    if isinstance(value, attrs.Factory):  # type: ignore[arg-type]
        return f"Factory({getattr(value.factory, '__name__', '?')})"
    return repr(value)


def _entry(module: str, name: str, value: object) -> list[str]:
    where = f"{module}.{name}"
    if isinstance(value, type):
        return _class(where, value)
    if isinstance(value, types.FunctionType | types.BuiltinFunctionType) or callable(value):
        return [f"def {where}{_signature(value)}"]
    return [f"{where}: {type(value).__name__}"]


def snapshot() -> str:
    """The snapshot's text: one block per public name, sorted, each name's lines indented under it."""
    lines: list[str] = []
    for module in (usnz, usnz.export):
        for name in sorted(module.__all__):
            lines += _entry(module.__name__, name, getattr(module, name))
    return "\n".join(lines) + "\n"


def main() -> int:
    """Write the snapshot, or with ``--check`` compare it; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if the snapshot is out of date")
    args = parser.parse_args()
    text = snapshot()
    if args.check:
        current = SNAPSHOT.read_text(encoding="utf-8") if SNAPSHOT.is_file() else ""
        if current != text:
            print(f"{SNAPSHOT.relative_to(ROOT)} is out of date: run PYTHONPATH=src python scripts/api_snapshot.py")
            return 1
        print("the public API snapshot is up to date")
        return 0
    SNAPSHOT.write_text(text, encoding="utf-8")
    print(f"wrote {SNAPSHOT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
