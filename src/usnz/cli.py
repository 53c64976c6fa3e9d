"""The ``usnz`` command line: show, list, search and timeline over the packaged data.

Bad input prints one line on stderr and exits with code 2, never a traceback. Exit codes:
0 done, 1 ``validate`` found problems, 2 bad input (or the output could not be written),
130 interrupted (Ctrl-C).
"""

from __future__ import annotations

from usnz import _interrupt  # first: Ctrl-C while the rest imports exits 130 with one line

# isort: split
import argparse
import errno
import gc
import inspect
import io
import os
import re
import sys
import typing
import warnings
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, Any, Final, NoReturn

from usnz.faces.text import WIDTH, doubts_text, field_rows, fit, show_text, table_text, terminal_width, when_text

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from usnz.model.errors import Problem
    from usnz.model.filters import Filter
    from usnz.model.records import AnyRecord
    from usnz.querying.collection import Records

__all__ = ["WIDTH", "main"]

FORMATS = ("table", "json", "csv")
SCHEMA_FORMATS = ("json", "table", "csv")


class _ExportFormats(Sequence[str]):
    """The names of ``usnz.export``'s formats, read from its registry when first asked, never at start-up.

    Only ``usnz export`` (its option's value, its help) asks; no other command imports the export.
    """

    def _names(self) -> tuple[str, ...]:
        from usnz.export.formats import FORMATS as names  # noqa: N811, PLC0415 - the registry, when asked

        return names

    @typing.overload
    def __getitem__(self, index: int) -> str: ...
    @typing.overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        """A format's name, by position in the registry."""
        return self._names()[index]

    def __len__(self) -> int:
        """How many formats there are."""
        return len(self._names())

    def __eq__(self, other: object) -> bool:
        """Equal to the tuple of the same names."""
        return tuple(self) == other

    __hash__ = None  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType] - equal to a tuple, so never hashed


EXPORT_FORMATS: Final = _ExportFormats()
"""The export formats, as ``usnz.export`` registers them."""


class UsageError(Exception):
    """Bad command-line input: reported as one line, exit code 2."""


_DASH_HINT = "to search for a word that starts with '-', put -- before the words, e.g. usnz search -- {}"


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, as wide as argparse makes it, the terminal's width read without importing shutil."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None, **kwargs: Any
    ) -> None:
        """As argparse's own: *width* the terminal's less 2 when not given (80 less 2 without a terminal)."""
        width = terminal_width(80) - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width, **kwargs)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False  # its own -h, as the top level says it (argparse's: "... message and exit")
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="show this help")

    def error(self, message: str) -> NoReturn:
        if self.prog.endswith(" search") and "required: text" in message:
            message += "; " + _DASH_HINT.format("-x")
        elif "arguments are required" in message and (example := _EXAMPLES.get(self.prog)):
            message += f"; e.g. {example}"
        raise UsageError(message)

    def format_help(self) -> str:
        """The top-level help: the commands in groups, asking first, then the data tools, an example each."""
        if self.prog != "usnz":
            return super().format_help()
        lines = [self.format_usage().rstrip(), "", self.description or "", ""]
        for group, commands in _GROUPS:
            lines.append(f"{group}:")
            for name, what, example in commands:
                lines.append(f"  {name:<10}{what}")
                lines.append(f"  {'':<10}  e.g. {example}")
            lines.append("")
        lines += [
            "options:",
            "  -h, --help  show this help (usnz COMMAND -h: a command's own options)",
            "  --version   print the package and data versions",
            "",
        ]
        return "\n".join(lines)

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # --help and usage: written as everything else is, never failing on the stream
        _put(file or sys.stdout, message)


_GROUPS: Final = (
    (
        "asking",
        (
            ("show", "one record by id, with its citations, quotes and doubts", "usnz show anzus"),
            ("list", "the records of one kind, filtered (no kind: the kinds)", "usnz list events --during 2008"),
            ("search", "records whose names or text match, best first", "usnz search anzus treaty"),
            ("timeline", "every dated record in date order", "usnz timeline --during 1939/1975"),
            ("doubts", "the doubtful spots of the texts, by kind or paragraph", "usnz doubts --kind contradiction"),
            (
                "citing",
                "the records that cite a source, or one paragraph of it",
                "usnz citing encyclopedia-nz-us-relations 30",
            ),
            ("cite", "how to cite usnz and its sources", "usnz cite --format bibtex"),
        ),
    ),
    (
        "data tools",
        (
            ("export", "every kind to files, with a datapackage.json", "usnz export --format csv --out usnz-data"),
            ("schema", "the JSON Schema of one kind", "usnz schema events"),
            ("validate", "check data files in the usnz format", "usnz validate my-data/"),
            ("verify", "check every quote against the source texts", "usnz verify --sources texts/"),
        ),
    ),
)
"""The commands as ``usnz --help`` lists them: what each does, and an example."""
_EXAMPLES: Final = {f"usnz {name}": example for _, commands in _GROUPS for name, _, example in commands}
"""Each command's example, by its ``prog``: what a command missing an argument suggests."""


def _parser(asked: str | None = None) -> argparse.ArgumentParser:
    """The parser: of every command, or of the command *asked* alone when it names one.

    A command line names its command first (the top level takes no values), so ``usnz show
    anzus`` needs no other command's parser, and builds none (each costs time at start-up).
    Without a known command (``usnz --help``, a misspelt one) every command is built, for the
    help and the error to name them. The filters of ``list`` and ``timeline`` are read from the
    kinds only when *asked* is that command.
    """
    parser = _Parser(
        prog="usnz",
        description="Facts of New Zealand–United States relations, cited to their sources.",
    )
    parser.add_argument("--version", action="store_true", help="print the package and data versions")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, add in _COMMANDS.items():
        if asked not in _COMMANDS or name == asked:
            add(commands.add_parser, asked)
    return parser


_AddParser = Callable[..., argparse.ArgumentParser]
"""Adds a command's parser (the subparsers' ``add_parser``)."""


def _command(add_parser: _AddParser, name: str, help_text: str) -> argparse.ArgumentParser:
    """A command's parser, with the ``--format`` option of the commands that print records."""
    sub = add_parser(name, help=help_text, description=help_text)
    sub.add_argument(
        "--format", choices=FORMATS, default="table", help="output format (default: table, as wide as the terminal)"
    )
    return sub


def _add_show(add_parser: _AddParser, asked: str | None) -> None:
    show = _command(add_parser, "show", "show one record by id, with its citations, quotes and doubts")
    show.add_argument("id", help="a record id, e.g. anzus")


def _add_list(add_parser: _AddParser, asked: str | None) -> None:
    listing = _command(add_parser, "list", "list the records of one KIND, optionally filtered")
    listing.add_argument(
        "record_kind", metavar="KIND", nargs="?", help="one of: " + ", ".join(_kind_names()) + " (none: list the kinds)"
    )
    listing.add_argument("--during", metavar="EDTF", help=_DURING_HELP)
    for spec in _list_filters().values() if asked == "list" else ():
        listing.add_argument(f"--{spec.name}", **_option(spec))
    listing.add_argument("--possibly", action="store_true", help=_POSSIBLY_HELP)


def _add_search(add_parser: _AddParser, asked: str | None) -> None:
    search = _command(add_parser, "search", "find records whose names, aliases or text match TEXT, best first")
    search.add_argument("text", nargs="+", help="words to look for (case-insensitive; word forms and typos match)")
    search.add_argument(
        "--kind", metavar="KIND", help="only records of this kind, e.g. person, event, force-contribution"
    )


def _add_doubts(add_parser: _AddParser, asked: str | None) -> None:
    doubts = _command(
        add_parser, "doubts", "the doubtful spots of the texts: each doubt with the record that carries it"
    )
    doubts.add_argument(
        "--kind",
        metavar="KIND",
        help="only doubts of this kind: " + ", ".join(_DOUBT_KINDS) + " (several: contradiction,vague)",
    )
    doubts.add_argument("--source", metavar="ID", help="only doubts lying in this source text, e.g. nzpa-key-leaves-us")
    doubts.add_argument(
        "--paragraph", type=int, metavar="N", help="only doubts lying in this paragraph (of --source, or of any)"
    )


def _add_citing(add_parser: _AddParser, asked: str | None) -> None:
    citing = _command(add_parser, "citing", "the records that cite a source, or one paragraph of it, in date order")
    citing.add_argument(
        "source", metavar="SOURCE", help="a source id, e.g. encyclopedia-nz-us-relations (usnz list sources)"
    )
    citing.add_argument(
        "paragraph", nargs="?", type=int, metavar="PARAGRAPH", help="a paragraph number (line of the text, from 1)"
    )


def _add_validate(add_parser: _AddParser, asked: str | None) -> None:
    validate = add_parser(
        "validate",
        help="check data files in the usnz format; list every problem (exit 1) or none (exit 0)",
        description="Check data files in the usnz format: every problem is listed, one per line.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="a directory of <kind>.json files, or files")
    validate.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table: one problem a line (default); json: a list of problems; csv: file,record,path,message",
    )
    validate.add_argument(
        "--with-packaged",
        action="store_true",
        help="validate the files as additions to the packaged data (their records may refer to it)",
    )


def _add_verify(add_parser: _AddParser, asked: str | None) -> None:
    verify = add_parser(
        "verify",
        help="check every quote (citations', attestations', Quote texts) against the source texts in DIR (by SHA-256)",
        description=(
            "Check every quote (each citation's, each role attestation's, each Quote's text) against the source "
            "texts in DIR, "
            "each found by its SHA-256: every mismatch is listed, one per line (exit 1), or ok with how many "
            "quotes of each were checked (exit 0)."
        ),
    )
    verify.add_argument(
        "--sources",
        dest="folders",  # folders of texts, not the record kind
        required=True,
        action="append",
        metavar="DIR",
        help="a folder that holds source texts (give it again for more: the COW crosswalk's folder too)",
    )
    verify.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="your own data files or directory to check (default: the packaged data)",
    )
    verify.add_argument(
        "--with-packaged",
        action="store_true",
        help="read PATH... as additions to the packaged data (their records may refer to it); check theirs",
    )


def _add_timeline(add_parser: _AddParser, asked: str | None) -> None:
    timeline = _command(add_parser, "timeline", "every dated record in date order")
    timeline.add_argument("--during", metavar="EDTF", help=_DURING_HELP)
    for spec in _timeline_filters().values() if asked == "timeline" else ():
        timeline.add_argument(f"--{spec.name}", **_option(spec))
    timeline.add_argument("--possibly", action="store_true", help=_POSSIBLY_HELP)


def _add_export(add_parser: _AddParser, asked: str | None) -> None:
    export = add_parser(
        "export",
        help="write the data to DIR: one file per kind and a Frictionless datapackage.json",
        description="Write the data to DIR: one file per kind and a Frictionless datapackage.json.",
    )
    formats = export.add_argument("--format", default="csv", help="file format (default: csv)")
    formats.choices = EXPORT_FORMATS  # after adding: argparse reads them only for an export, or its help
    export.add_argument("--out", required=True, metavar="DIR", help="the directory to write (created if needed)")
    export.add_argument(
        "--force",
        action="store_true",
        help="replace an earlier usnz export in DIR even if its files were changed or others added",
    )


def _add_cite(add_parser: _AddParser, asked: str | None) -> None:
    cite = add_parser(
        "cite",
        help="print how to cite usnz, its source texts and its crosswalk data",
        description="Print how to cite usnz, the source texts its facts are drawn from, and its crosswalk data.",
    )
    cite.add_argument("--format", choices=("text", "bibtex"), default="text", help="text (default) or bibtex")


def _add_schema(add_parser: _AddParser, asked: str | None) -> None:
    schema = add_parser(
        "schema",
        help="print the JSON Schema of one record kind",
        description="Print the JSON Schema of one record kind.",
    )
    schema.add_argument("record_kind", metavar="KIND", help="one of: " + ", ".join(_kind_names()))
    schema.add_argument(
        "--format",
        choices=SCHEMA_FORMATS,
        default="json",
        help="json: the JSON Schema (default); table or csv: one row per field (field, type, required, description)",
    )


_COMMANDS: Final[dict[str, Callable[[_AddParser, str | None], None]]] = {
    "show": _add_show,
    "list": _add_list,
    "search": _add_search,
    "doubts": _add_doubts,
    "citing": _add_citing,
    "validate": _add_validate,
    "verify": _add_verify,
    "timeline": _add_timeline,
    "export": _add_export,
    "cite": _add_cite,
    "schema": _add_schema,
}
"""What adds each command's parser, in the order they are added (an unknown command's error names them so)."""


_POSSIBLY_HELP = "with --during: let ends the sources do not give run on (the lenient reading)"
_DURING_HELP = (
    "a year or EDTF date/interval, e.g. 1965, 2008-07, 1939/1975: records whose known dates overlap it "
    "(a record dated only 2005 overlaps every day of 2005)"
)
_TAKES = {
    "codes": "an ISO alpha-3 country code, e.g. NZL (several: repeat the option)",
    "ids": "a {kind} id (several: repeat the option)",
    "parties": "any record id (a person, an organization, a conflict...) or a country code (several: repeat it)",
    "choices": "{choices} (several: a,b)",
    "flag": "true or false",
}
"""What each sort of filter takes, in words (see :class:`usnz.model.filters.Filter`)."""
_METAVAR = {"codes": "CODE", "ids": "ID", "parties": "ID"}


def _list_filters() -> dict[str, Filter]:
    """Every filter of every kind, read from the kinds' declarations (builds every kind: ``list`` loads them all).

    A filter several kinds have takes every kind's values, and names every kind's fields
    (``event.destination``).
    """
    from usnz.model.filters import filters  # noqa: PLC0415 - the model, only for list
    from usnz.model.kinds import CLASS_NAMES, kind_class  # noqa: PLC0415

    found: dict[str, Filter] = {}
    for stem in CLASS_NAMES:
        cls = kind_class(stem)
        for name, spec in filters(cls).items():
            fields = tuple(f"{cls.record_kind}.{path}" for path in spec.fields)
            earlier = found.get(name, spec._replace(choices=(), fields=()))
            choices = tuple(dict.fromkeys((*earlier.choices, *spec.choices)))
            found[name] = earlier._replace(choices=choices, fields=(*earlier.fields, *fields))
    return found


def _timeline_filters() -> dict[str, Filter]:
    """The filters every record may be asked by (``timeline``'s), read from the declarations."""
    from usnz.model.filters import across_kinds  # noqa: PLC0415 - the model, only for timeline

    return {name: spec._replace(fields=()) for name, spec in across_kinds().items()}


_FIELDS_SHOWN = 3
"""A filter's help names the fields it matches when there are at most this many (never country's many)."""
_CHOICES_SHOWN = 4
"""A filter's help lists its values when there are at most this many, else the first few as examples."""


def _option(spec: Filter) -> dict[str, Any]:
    """A filter's command-line option (help, metavar, choices), written from what it takes and the fields it reads."""
    many = len(spec.choices) > _CHOICES_SHOWN
    shown = ", ".join(spec.choices[:_CHOICES_SHOWN]) + (", ..." if many else "")
    text = _TAKES[spec.takes].format(kind=spec.kind, choices=f"{'e.g.' if many else 'one of'} {shown}")
    if spec.fields and len(spec.fields) <= _FIELDS_SHOWN and spec.takes != "parties":
        text += f"; matches {', '.join(spec.fields)}"
    if spec.takes == "flag":
        return {"help": text, "choices": ["true", "false"]}
    # KIND is always a record kind (events, force-contributions); a record's own kind field is its TYPE.
    metavar = _METAVAR.get(spec.takes, "TYPE" if spec.name == "kind" else spec.name.upper())
    if spec.takes in _METAVAR:  # ids and codes: one each time, the option repeated for several
        return {"help": text, "metavar": metavar, "action": "append"}
    return {"help": text, "metavar": metavar}


_DOUBT_KINDS: Final = ("contradiction", "vague", "garbled", "typo", "reading", "outside")
"""The kinds of doubt, as ``usnz.DOUBT_KINDS`` (a test keeps them in step), without importing the model."""


def _citing(args: argparse.Namespace) -> str:
    """``usnz citing SOURCE [PARAGRAPH]``: what ``usnz.citing()`` finds, as a table (or csv, json)."""
    import usnz  # noqa: PLC0415

    try:
        found = usnz.citing(source=args.source, paragraph=args.paragraph)
    except usnz.Error as error:  # an unknown source or paragraph, named as the command line names them
        message = re.sub(r"\b(source|paragraph)= ?", lambda name: f"{name.group(1).upper()} ", str(error))
        raise UsageError(message.replace("usnz.search()", "usnz search")) from None
    if not found and args.format == "table":
        where = args.source if args.paragraph is None else f"¶{args.paragraph} of {args.source}"
        return f"(no records cite {where})"
    return _render(found, args.format)


def _doubts(args: argparse.Namespace) -> str:
    """``usnz doubts``: every doubt ``usnz.doubts()`` finds, with its record, kind, paragraphs and text."""
    import usnz  # noqa: PLC0415

    kind = None if args.kind is None else tuple(args.kind.split(","))
    for one in kind or ():
        if one not in _DOUBT_KINDS:
            msg = f"--kind {one!r} is not a kind of doubt; accepted: {', '.join(_DOUBT_KINDS)}"
            raise UsageError(msg)
    try:
        found = usnz.doubts(kind=kind, source=args.source, paragraph=args.paragraph)
    except usnz.Error as error:  # an unknown source or paragraph, named as the option
        message = str(error).replace("source=", "--source ", 1).replace("paragraph=", "--paragraph ", 1)
        raise UsageError(message.replace("usnz.search()", "usnz search")) from None
    rows = [
        (
            item.record.id,
            item.doubt.kind,
            item.doubt.source,
            "; ".join(str(n) for n in item.doubt.paragraphs),
            item.doubt.text,
            "; ".join(item.doubt.concerns),
        )
        for item in found
    ]
    if args.format == "json":
        keys = ("record", "kind", "source", "paragraphs", "text", "concerns")
        items = [
            {**dict(zip(keys, row, strict=True)), "paragraphs": list(d.paragraphs), "concerns": list(d.concerns)}
            for row, d in zip(rows, (item.doubt for item in found), strict=True)
        ]
        return _json(items)
    if args.format == "csv":
        return _csv([("record", "kind", "source", "paragraphs", "text", "concerns"), *rows])
    return doubts_text(found)


def _kind_names() -> list[str]:
    from usnz.model.kinds import CLASS_NAMES  # noqa: PLC0415 - the names, without building the classes

    return [name.replace("_", "-") for name in CLASS_NAMES]


def _json(value: object, *, ensure_ascii: bool = False) -> str:
    """*value* as indented JSON (``--format json``): json is imported for it only."""
    import json  # noqa: PLC0415 - not for a table

    return json.dumps(value, indent=2, ensure_ascii=ensure_ascii)


def _csv(rows: Sequence[Sequence[str]]) -> str:
    import csv  # noqa: PLC0415 - only for --format csv

    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().rstrip("\n")


def _render(records: Records[AnyRecord], output: str, kind: type[AnyRecord] | None = None) -> str:
    """The records in the *output* format; as CSV, with *kind*'s own columns when one kind is asked for."""
    if output == "json":
        return records.to_json()
    if output == "csv" and kind is not None:  # as the export writes <kind>.csv
        from usnz.faces.columns import columns, csv_text  # noqa: PLC0415

        header = columns(kind)
        return _csv([[c.name for c in header], *([csv_text(c.get(r)) for c in header] for r in records)])
    if output == "csv":  # records of several kinds: what every record has, the caveats included
        from usnz.faces.columns import READ, csv_text, join  # noqa: PLC0415

        rows = [
            ("id", "record_kind", "date", "date_basis", "planned", "label", "disputes", "doubts", "citations", "read")
        ]
        rows.extend(
            (
                r.id,
                r.record_kind,
                when_text(r),
                csv_text(getattr(r, "date_basis", None)),
                csv_text(getattr(r, "planned", None)),
                r.label,
                csv_text(join(getattr(r, "disputes", ()))),
                csv_text(join(getattr(r, "doubts", ()))),
                csv_text(join(getattr(r, "citations", ()))),
                csv_text(READ.get(r)),  # the fields read, not stated: as a frame's and the export's read
            )
            for r in records
        )
        return _csv(rows)
    return table_text(records)


def _render_one(record: AnyRecord, output: str) -> str:
    if output == "json":
        from usnz.querying.collection import Records  # noqa: PLC0415 - the query layer only for JSON

        return _json(Records((record,)).to_list()[0])
    if output == "csv":
        from usnz.faces.columns import READ, csv_text  # noqa: PLC0415

        read = ("read", csv_text(READ.get(record)))  # the fields the faces mark *: read, not stated
        return _csv([("field", "value"), ("id", record.id), *field_rows(record), read])
    return show_text(record, terminal_width())


def _list(args: argparse.Namespace) -> str:
    import usnz  # noqa: PLC0415
    from usnz.model.names import kind_name  # noqa: PLC0415

    names = ("during", *_list_filters())
    if args.record_kind is None:
        if _filters(args, names) or args.possibly:
            msg = (
                f"filters need a KIND to filter, e.g. usnz list events --during 2008; kinds: {', '.join(_kind_names())}"
            )
            raise UsageError(msg)
        return _kinds(args.format)
    try:
        name = kind_name(args.record_kind)  # every spelling: force-contributions, force-contribution, ...
    except usnz.ArgumentValueError:
        msg = f"unknown kind {args.record_kind!r}; accepted: {', '.join(_kind_names())}"
        raise UsageError(msg) from None
    query: Callable[..., Records[AnyRecord]] = getattr(usnz.dataset(), name)
    accepted = [p for p in inspect.signature(query).parameters if p in (*names, "possibly")]
    given = _filters(args, names)
    for option in given:
        if option not in accepted:
            takes = ", ".join(f"--{p}" for p in accepted) or "no filters"
            msg = f"list {args.record_kind} does not take --{option}; it takes {takes}"
            raise UsageError(msg)
    return _render(query(**given), args.format, usnz.KINDS[name])


_UNDATED_SHOWN = 5
"""An empty timeline names at most this many of the undated records its filters match."""


def _undated(filters: dict[str, object]) -> str:
    """For an empty timeline: the undated records its ``--involving``/``--country`` match, and where to list them."""
    import usnz  # noqa: PLC0415

    asked = {name: value for name, value in filters.items() if name in ("involving", "country")}
    if not asked:
        return ""
    data = usnz.dataset()
    timeline: Callable[..., Records[AnyRecord]] = data.timeline
    dated = set(map(id, timeline(**asked)))
    found: dict[str, list[str]] = {}
    for name in usnz.KINDS:
        query: Callable[..., Records[AnyRecord]] = getattr(data, name)
        if set(asked) <= set(inspect.signature(query).parameters):
            ids = [record.id for record in query(**asked) if id(record) not in dated]
            if ids:
                found[name.replace("_", "-")] = ids
    if not found:
        return ""
    ids = [ident for kind in found.values() for ident in kind]
    more = len(ids) - _UNDATED_SHOWN
    named = ", ".join(ids[:_UNDATED_SHOWN]) + (f" and {more} more" if more > 0 else "")
    import shlex  # noqa: PLC0415 - only to suggest a command line

    options = " ".join(
        f"--{name} {shlex.quote(str(one))}"
        for name, value in asked.items()
        for one in (typing.cast("tuple[str, ...]", value) if isinstance(value, tuple) else (value,))
    )
    commands = "; ".join(f"usnz list {kind} {options}" for kind in found)
    many = len(ids) != 1
    return (
        f"\n{len(ids)} undated record{'s' if many else ''} match{'' if many else 'es'} {options}; the texts give"
        f" {'them' if many else 'it'} no date, so {'they are' if many else 'it is'} never on the timeline:"
        f" {named}\nlist {'them' if many else 'it'} with: {commands}"
    )


def _kinds(output: str) -> str:
    """``usnz list`` with no kind: each kind, how many records it has, and what it holds."""
    import usnz  # noqa: PLC0415

    data = usnz.dataset()
    rows = [
        (name.replace("_", "-"), str(len(getattr(data, name)())), (cls.__doc__ or "").strip().splitlines()[0])
        for name, cls in usnz.KINDS.items()
    ]
    if output == "json":
        return _json([{"kind": k, "records": int(n), "holds": h} for k, n, h in rows], ensure_ascii=True)
    if output == "csv":
        return _csv([("kind", "records", "holds"), *rows])
    wide = max(len(kind) for kind, _, _ in rows)
    room = max(terminal_width() - wide - 8, 20)
    lines = [f"{kind:<{wide}}  {count:>4}  {fit(holds, room)}" for kind, count, holds in rows]
    return "\n".join([*lines, "", "usnz list KIND [filters], e.g. usnz list force-contributions --conflict korean-war"])


def _repeated(name: str, values: list[str]) -> str | tuple[str, ...]:
    """The ids (or codes) an option repeated was given: one as it is, several as a tuple; a list a,b is refused.

    No id or code holds a comma, so ``--involving a,b`` meant two: the message says how to give them.
    """
    for value in values:
        if "," in value and value.strip(","):
            import shlex  # noqa: PLC0415 - only to suggest a command line

            option = f"--{name.replace('_', '-')}"
            each = " ".join(f"{option} {shlex.quote(part)}" for part in value.split(",") if part)
            msg = f"{option} takes one id or code each time, not a list; repeat it for several: {each}"
            raise UsageError(msg)
    return values[0] if len(values) == 1 else tuple(values)


def _filters(args: argparse.Namespace, names: Sequence[str]) -> dict[str, object]:
    """The filters given on the command line, as query arguments."""
    given: dict[str, object] = {f: getattr(args, f) for f in names if getattr(args, f) is not None}
    specs = {**_list_filters(), **_timeline_filters()} if given else {}
    for name, value in given.items():
        takes = specs[name].takes if name in specs else None
        if takes == "choices":  # several, comma-separated: stated,inferred
            given[name] = tuple(str(value).split(","))
        elif takes in _METAVAR:  # ids and codes: the option repeated for several
            given[name] = _repeated(name, typing.cast("list[str]", value))
        elif takes == "flag":
            given[name] = value == "true"
    if args.possibly:
        if "during" not in given:
            msg = "--possibly changes how --during is read; give --during too"
            raise UsageError(msg)
        given["possibly"] = True
    return given


class ValidationFailedError(Exception):
    """``usnz validate`` found problems: listed on stdout, exit code 1."""


def _validate(args: argparse.Namespace) -> str:
    import usnz  # noqa: PLC0415
    from usnz.model.errors import shown  # noqa: PLC0415

    for path in args.paths:
        # A path that names nothing is bad input (exit 2); a problem in a file is a finding (exit 1).
        if "\x00" in path:
            msg = f"{shown(path)} is not a path: it holds a NUL byte (\\x00)"
            raise UsageError(msg)
        try:
            os.stat(path)  # noqa: PTH116 - no pathlib needed
        except OSError as error:
            msg = f"cannot read {shown(path)}: {error.strerror}"
            raise UsageError(msg) from None
    try:
        data = usnz.load(args.paths, extends=usnz.dataset() if args.with_packaged else None)
    except usnz.DataError as error:
        raise ValidationFailedError(_problems(error.problems, args.format)) from None
    return _problems((), args.format) if args.format != "table" else f"ok: {len(data)} records, no problems"


def _problems(problems: Sequence[Problem], output: str) -> str:
    """*problems* in the *output* format: one a line (table), a JSON list, or CSV with a header."""
    rows = [(p.file, "" if p.record is None else str(p.record), p.path, p.message) for p in problems]
    if output == "json":
        keys = ("file", "record", "path", "message")
        items = [dict(zip(keys, (p.file, p.record, p.path, p.message), strict=True)) for p in problems]
        return _json(items)
    if output == "csv":
        return _csv([("file", "record", "path", "message"), *rows])
    return "\n".join(_one_line(str(problem)) for problem in problems)


_SEVERAL: Final = "(sources= takes several)"
"""How :func:`usnz.verify` says it takes several folders, which the command line says its own way."""


def _verify(args: argparse.Namespace) -> str:
    import usnz  # noqa: PLC0415

    data = None
    if args.with_packaged and not args.paths:
        msg = "verify --with-packaged reads your own data as additions to the packaged data: give its PATH"
        raise UsageError(msg)
    if args.paths:
        try:
            data = usnz.load(args.paths, extends=usnz.dataset() if args.with_packaged else None)
        except usnz.DataError as error:
            raise ValidationFailedError("\n".join(_one_line(str(problem)) for problem in error.problems)) from None
    checked = data if data is not None else usnz.dataset()
    problems = usnz.verify(sources=args.folders, data=checked)
    from usnz.faces.verify import cited, quoted_text  # noqa: PLC0415
    from usnz.model.records import source_texts  # noqa: PLC0415

    records = list(checked)
    if args.with_packaged:  # the user's records, and the sources they cite: not the packaged data's
        packaged = {record.id for record in usnz.dataset()}
        records = [record for record in records if record.id not in packaged]
        mine = {record.id for record in records} | {c.source for r in records for _, c in cited(r)}
        problems = tuple(problem for problem in problems if problem.record in mine)
    if problems:
        lines = (
            _one_line(str(problem)).replace(_SEVERAL, "(give --sources once for each folder)") for problem in problems
        )
        raise ValidationFailedError("\n".join(lines))
    quoted = [(field, c) for r in records for field, c in cited(r) if c.quote is not None]
    attested = sum(1 for field, _ in quoted if ".attested[" in field)
    sources = {c.source for r in records for _, c in cited(r)}
    texts = len(sources) if args.with_packaged else len(source_texts(checked))
    said = sum(1 for record in records if quoted_text(record) is not None)
    counts = [_count(len(quoted) - attested, "citation quote"), _count(attested, "attestation quote")]
    if said:  # a Quote's own words, checked too
        counts.append(f"{said:,} quote's text" if said == 1 else f"{said:,} quotes' texts")
    listed = ", ".join(counts[:-1]) + " and " + counts[-1]
    return f"ok: {listed} checked against {_count(texts, 'source text')}, every one found"


def _count(number: int, noun: str) -> str:
    """``1 source text``, ``3 source texts``."""
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


def _export(args: argparse.Namespace) -> str:
    from usnz.export import write  # noqa: PLC0415
    from usnz.model.errors import ArgumentValueError, shown  # noqa: PLC0415

    try:
        written = write(args.out, format=args.format, force=args.force)
    except ArgumentValueError as error:  # a refused --out, named as the option
        raise UsageError(str(error).replace("out=", "--out ", 1).replace("force=True (--force)", "--force")) from None
    except OSError as error:  # the previous contents of --out are left as they were
        reason = " ".join((error.strerror or str(error) or type(error).__name__).split())
        if error.errno == errno.EBUSY:
            reason += " (is it a mount point, or in use? give a new directory inside it)"
        msg = f"cannot write the export to {shown(args.out)}: {reason}; nothing there was changed"
        raise UsageError(msg) from None
    return "\n".join(map(_printable, map(str, written)))


def _printable(text: str) -> str:
    r"""*text* as it is when printable, else with its control characters escaped (``bad\x01name``), never raw."""
    return text if text.isprintable() else repr(text)[1:-1]


def _cite(args: argparse.Namespace) -> str:
    import usnz  # noqa: PLC0415

    return usnz.cite(args.format).removesuffix("\n")


def _schema(args: argparse.Namespace) -> str:
    from usnz.export import json_schema  # noqa: PLC0415

    schema = json_schema(args.record_kind)
    if args.format == "json":
        return _json(schema)
    required = set(schema["required"])
    rows = [
        (name, _type_text(field), "yes" if name in required else "no", _one_line(field.get("description", "")))
        for name, field in schema["properties"].items()
    ]
    if args.format == "csv":
        return _csv([("field", "type", "required", "description"), *rows])
    return _schema_table(rows)


def _schema_table(rows: Sequence[tuple[str, str, str, str]]) -> str:
    """A schema's fields as ``list`` writes a table: fitted to the terminal, each description whole."""
    from usnz.faces.columns import Shown  # noqa: PLC0415 - the table's columns, only for a table
    from usnz.faces.text import grid_lines  # noqa: PLC0415

    def column(name: str, kind: typing.Literal["id", "value", "text"], rank: int, description: str) -> Shown:
        return Shown(name=name, description=description, kind=kind, rank=rank, get=str, needed=True)

    chosen = (
        column("field", "id", 0, "The field's name"),
        column("type", "value", 2, "What it holds"),
        column("required", "value", 3, "Whether a record must give it"),
        column("description", "text", 1, "What it means"),
    )
    cells = [[_printable(cell) for cell in (name, kind, required, what)] for name, kind, required, what in rows]
    lines, shown = grid_lines(chosen, cells, terminal_width(), most=None)
    left_out = [c.name for at, c in enumerate(chosen) if at not in shown]
    if left_out:
        lines.append(f"Not shown for want of room: {', '.join(left_out)} (--format csv or json gives every column)")
    return "\n".join(lines)


def _type_text(field: dict[str, object]) -> str:
    """What a JSON Schema property holds, in a few words: ``string``, ``array of Citation``, ``PartialDate or null``."""
    if "$ref" in field:
        return str(field["$ref"]).rsplit("/", 1)[-1]
    options = field.get("anyOf")
    if isinstance(options, list):
        alternatives = typing.cast("list[dict[str, object]]", options)
        return " or ".join(_type_text(option) for option in alternatives)
    if field.get("type") == "array" and isinstance(field.get("items"), dict):
        return f"array of {_type_text(typing.cast('dict[str, object]', field['items']))}"
    if "enum" in field:
        accepted = [str(v) for v in typing.cast("list[object]", field["enum"])]
        return "one of " + ("|".join(accepted) if len(accepted) <= 8 else f"{len(accepted)} values")
    return str(field.get("type", "any"))


_HANDLERS: dict[str, Callable[[argparse.Namespace], str]] = {
    "doubts": _doubts,
    "citing": _citing,
    "validate": _validate,
    "verify": _verify,
    "export": _export,
    "cite": _cite,
    "schema": _schema,
}


def _run(args: argparse.Namespace) -> str:
    import usnz  # noqa: PLC0415

    if args.version:
        return f"usnz {usnz.__version__} (data {usnz.DATA_VERSION})"
    if args.command == "show":
        return _render_one(usnz.get(args.id), args.format)
    if args.command == "list":
        return _list(args)
    if args.command == "search":
        return _render(usnz.search(" ".join(args.text), kind=args.kind), args.format)
    handler = _HANDLERS.get(args.command)
    if handler is not None:
        return handler(args)
    if args.command == "timeline":
        filters = _filters(args, ("during", *_timeline_filters()))
        timeline: Callable[..., Records[AnyRecord]] = usnz.timeline
        found = timeline(**filters)
        shown = _render(found, args.format)
        return shown + _undated(filters) if not found and args.format == "table" else shown
    msg = "no command given; try: usnz timeline, usnz show anzus, usnz --help"
    raise UsageError(msg)


# Characters that would break a line or reorder it on a terminal: C0, DEL, C1, line and
# paragraph separators, and the bidirectional controls.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _one_line(text: str) -> str:
    r"""*text* with its control characters escaped as ``repr`` would: always one line.

    >>> print(_one_line("events.json a\nb\tc: bad"))
    events.json a\nb\tc: bad
    """
    return _UNSHOWABLE.sub(lambda found: repr(found.group())[1:-1], text)


def _encodable(text: str, stream: IO[str]) -> str:
    r"""*text*, with what *stream* cannot encode written as escapes (``\u2013``) instead."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding, getattr(stream, "errors", None) or "strict")
    except UnicodeEncodeError:
        return text.encode(encoding, "backslashreplace").decode(encoding)
    return text


def _put(to: SupportsWrite[str] | None, text: str) -> OSError | None:
    """Write *text* to a stream and flush it; return what went wrong, never raise."""
    if to is None:  # its file descriptor was closed when Python started
        return OSError(errno.EBADF, "it is closed")
    stream = typing.cast("IO[str]", to)
    try:
        stream.write(_encodable(text, stream))
        stream.flush()
    except (OSError, ValueError) as error:  # ValueError: the stream itself was closed
        _silence(stream)
        return error if isinstance(error, OSError) else OSError(errno.EBADF, "it is closed")
    return None


def _silence(stream: IO[str]) -> None:
    """Point *stream*'s file descriptor at the null device.

    What it still holds then goes nowhere when Python flushes it at exit, instead of
    failing again there with a message and exit code 120.
    """
    try:
        descriptor = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError):  # not a file (an in-memory stream): nothing to flush at exit
        return
    os.dup2(null, descriptor)
    os.close(null)


def _tell(line: str) -> None:
    """Write one line on stderr, if it can be written at all."""
    _put(sys.stderr, _one_line(line) + "\n")


def _print(output: str) -> bool:
    """Write the output on stdout; false, after saying why on stderr, when it cannot be written."""
    failed = _put(sys.stdout, output + "\n")
    if failed is None or isinstance(failed, BrokenPipeError):  # the reader stopping early is no error
        return True
    _tell(f"usnz: error: cannot write to stdout: {failed.strerror or failed}")
    return False


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    0 done, 1 ``validate`` found problems, 2 bad input or the output could not be
    written, 130 interrupted (Ctrl-C). Whatever happens, stderr gets at most one line
    (and any warnings), never a traceback.
    """
    try:
        code = _main(argv)
    except KeyboardInterrupt:
        _tell("usnz: interrupted")
        return 130
    if argv is None:  # run as the program: the interpreter's last collection has nothing left to do
        gc.freeze()
    return code


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    words = sys.argv[1:] if argv is None else argv
    command = next((word for word in words if not word.startswith("-")), None)
    args, extra = _parser(command).parse_known_args(argv)
    if extra:
        msg = f"unrecognized arguments: {' '.join(extra)}"
        if args.command == "search":
            msg += "; " + _DASH_HINT.format(extra[0])
        raise UsageError(msg)
    return args


def _main(argv: Sequence[str] | None) -> int:
    from usnz.model.errors import Error, QueryWarning  # noqa: PLC0415

    try:
        args = _parse(argv)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", QueryWarning)  # and its kinds: coverage, search
            output = _run(args)
    except ValidationFailedError as failed:
        return 1 if _print(str(failed)) else 2
    except (UsageError, Error) as error:
        _tell(f"usnz: error: {_as_options(_as_commands(str(error).replace(chr(10), ' ')), argv)}")
        return 2
    except Exception as error:  # noqa: BLE001 - a bug must still be one line, not a traceback
        _tell(f"usnz: error: unexpected {type(error).__name__}: {error}; please report this")
        return 2
    for warning in caught:
        _tell(f"usnz: warning: {_as_options(str(warning.message), argv)}")
    return 0 if _print(output) else 2


_CALLED: Final = re.compile(r"usnz\.(search|[a-z_]+)\((?:'([\w .-]*)')?\)")
"""A call of the Python library a message suggests, ``usnz.search('rice')`` or ``usnz.conflicts()``."""


def _as_commands(message: str) -> str:
    """*message* with each call of the library it suggests spelt as the command that does it.

    ``usnz.search('rice')`` reads ``usnz search rice``, ``usnz.conflicts()`` ``usnz list conflicts``.
    """
    from usnz.model.kinds import CLASS_NAMES  # noqa: PLC0415 - the names, without building the classes

    def spelt(match: re.Match[str]) -> str:
        name, words = match.group(1), match.group(2)
        if name != "search":
            return f"usnz list {name.replace('_', '-')}" if name in CLASS_NAMES else match.group(0)
        import shlex  # noqa: PLC0415 - only for a message suggesting a search

        return f"usnz search {shlex.quote(words)}" if words else "usnz search"

    return _CALLED.sub(spelt, message)


_GIVEN: Final = re.compile(r"""\b([a-z][a-z_]*)=('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s;,:)]+)?""")
"""A Python keyword as a message spells it, ``during='2008'``, with its value if any."""


def _as_options(message: str, argv: Sequence[str] | None) -> str:
    """*message* with each Python keyword of an option given spelt as the command line spells it.

    ``during=' 2008'`` reads ``--during ' 2008'``, ``kind='Visit'`` ``--kind Visit`` (a value
    quoted only as a shell needs it), ``possibly=True`` ``--possibly``; a keyword of no
    option given (``basis=`` in a hint) is left as Python spells it.
    """
    words = sys.argv[1:] if argv is None else argv
    options = {word[2:].partition("=")[0].replace("-", "_") for word in words if word.startswith("--")}

    def spelt(match: re.Match[str]) -> str:
        name, value = match.group(1), match.group(2)
        option = f"--{name.replace('_', '-')}"
        if name == "possibly" and value == "True":
            return option
        if name not in options:
            return match.group(0)
        if value is None:
            return option
        if value[:1] in {"'", '"'} and "\\" not in value:
            import shlex  # noqa: PLC0415 - only for a message naming an option

            value = shlex.quote(value[1:-1])
        return f"{option} {value}"

    return _GIVEN.sub(spelt, message)


_interrupt.restore()  # imported: Ctrl-C is a KeyboardInterrupt again, which main() catches
