"""usnz: the facts of New Zealand–United States relations as typed, cited records.

>>> import usnz
>>> anzus = usnz.get("anzus")
>>> anzus.name
'Australia, New Zealand, United States Security Treaty'
>>> str(anzus.signed), anzus.parties
('1951', ('AUS', 'NZL', 'USA'))

Nothing is read at import, and nothing else is imported: each name is imported on first
use, and the first query loads and validates the packaged data.
"""

from __future__ import annotations

import sys as _sys


def _started_as_command() -> bool:
    """Whether this process is the command line: the ``usnz`` script, or ``python -m usnz``."""
    argv: list[object] = list(getattr(_sys, "argv", None) or [""])
    if argv[0] == "-m":  # python -m is importing the package of the module it runs: which one?
        given: list[object] = list(getattr(_sys, "orig_argv", ()))
        after = given.index("-m") + 1 if "-m" in given else len(given)
        return "-musnz" in given or given[after : after + 1] == ["usnz"]
    return str(argv[0]).replace("\\", "/").rpartition("/")[2] in {"usnz", "usnz.exe"}


if _started_as_command():  # Ctrl-C from now on is one line and exit code 130, not a traceback
    from usnz import _interrupt  # noqa: F401  # pyright: ignore[reportUnusedImport] - imported for its effect

from importlib import import_module  # noqa: E402 - after the handler, when it is the command line

from usnz.model import hooks as _hooks  # noqa: E402 - a module of a few lines, importing nothing
from usnz.model.kinds import REGISTRY as _REGISTRY  # noqa: E402 - the kinds' names: builds no class

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, which type checkers read as True; typing costs ~10 ms
if TYPE_CHECKING:
    from typing import Any

    from cattrs.preconf.json import JsonConverter

    from usnz import export as export  # the faces: modules imported on first use
    from usnz import frames as frames
    from usnz import plot as plot
    from usnz.faces.cite import cite
    from usnz.faces.verify import verify
    from usnz.model.base import Record
    from usnz.model.countries import COUNTRIES, Country
    from usnz.model.dates import Open
    from usnz.model.doubt import Doubt
    from usnz.model.errors import (
        ArgumentTypeError,
        ArgumentValueError,
        CoverageWarning,
        DataError,
        DateError,
        Error,
        MissingExtraError,
        Problem,
        QueryWarning,
        SearchWarning,
        UnknownRecordError,
        WrongKindError,
        WrongKindIdError,
    )
    from usnz.model.kinds.agreements import Agreement
    from usnz.model.kinds.assistance import Assistance
    from usnz.model.kinds.conflicts import Conflict
    from usnz.model.kinds.events import Event
    from usnz.model.kinds.figures import Figure
    from usnz.model.kinds.force_contributions import ForceContribution
    from usnz.model.kinds.organizations import Organization
    from usnz.model.kinds.people import OFFICES, Attestation, Person, Role
    from usnz.model.kinds.quotes import Quote
    from usnz.model.kinds.sources import Source
    from usnz.model.records import KINDS, AnyRecord
    from usnz.model.values import OPEN, Citation, Money, PartialDate, Period, Precision, Quantity, Total, parse_edtf
    from usnz.querying.arguments import During, RecordIds
    from usnz.querying.bound import (
        agreements,
        assistance,
        citing,
        conflicts,
        dataset,
        disputes,
        doubts,
        events,
        figures,
        force_contributions,
        get,
        load,
        organizations,
        people,
        quotes,
        search,
        sources,
        timeline,
    )
    from usnz.querying.collection import Records
    from usnz.querying.dataset import Dataset
    from usnz.querying.disputes import Disputes
    from usnz.querying.doubted import Doubted, Doubts
    from usnz.querying.search import SearchHit
    from usnz.reading.version import DATA_VERSION

    converter: JsonConverter
    __version__: str

__all__ = [
    "COUNTRIES",
    "DATA_VERSION",
    "KINDS",
    "OFFICES",
    "OPEN",
    "Agreement",
    "AnyRecord",
    "ArgumentTypeError",
    "ArgumentValueError",
    "Assistance",
    "Attestation",
    "Citation",
    "Conflict",
    "Country",
    "CoverageWarning",
    "DataError",
    "Dataset",
    "DateError",
    "Disputes",
    "Doubt",
    "Doubted",
    "Doubts",
    "During",
    "Error",
    "Event",
    "Figure",
    "ForceContribution",
    "MissingExtraError",
    "Money",
    "Open",
    "Organization",
    "PartialDate",
    "Period",
    "Person",
    "Precision",
    "Problem",
    "Quantity",
    "QueryWarning",
    "Quote",
    "Record",
    "RecordIds",
    "Records",
    "Role",
    "SearchHit",
    "SearchWarning",
    "Source",
    "Total",
    "UnknownRecordError",
    "WrongKindError",
    "WrongKindIdError",
    "__version__",
    "agreements",
    "assistance",
    "cite",
    "citing",
    "conflicts",
    "converter",
    "dataset",
    "disputes",
    "doubts",
    "events",
    "figures",
    "force_contributions",
    "get",
    "load",
    "organizations",
    "parse_edtf",
    "people",
    "quotes",
    "search",
    "sources",
    "timeline",
    "verify",
]


# The module each public name lives in. ``import usnz`` imports none of them (nor attrs):
# each is imported on first use, then kept here as a plain attribute.
_HOMES: dict[str, str] = {
    "DATA_VERSION": "reading.version",
    "cite": "faces.cite",
    "verify": "faces.verify",
    **dict.fromkeys(("COUNTRIES", "Country"), "model.countries"),
    **dict.fromkeys(
        (
            "ArgumentTypeError",
            "ArgumentValueError",
            "CoverageWarning",
            "DataError",
            "QueryWarning",
            "SearchWarning",
            "DateError",
            "Error",
            "MissingExtraError",
            "Problem",
            "UnknownRecordError",
            "WrongKindError",
            "WrongKindIdError",
        ),
        "model.errors",
    ),
    **dict.fromkeys(("KINDS", "AnyRecord"), "model.records"),
    "Record": "model.base",
    **dict.fromkeys(("During", "RecordIds"), "querying.arguments"),
    # each record kind from its own module, so attrs builds only the kinds a program uses
    **{kind.class_name: kind.module.removeprefix("usnz.") for kind in _REGISTRY},
    **dict.fromkeys(("OFFICES", "Attestation", "Role"), "model.kinds.people"),
    **dict.fromkeys(("OPEN", "Open", "PartialDate", "Period", "Precision", "parse_edtf"), "model.dates"),
    **dict.fromkeys(("Money", "Quantity"), "model.amounts"),
    "Citation": "model.citation",
    "Doubt": "model.doubt",
    "Total": "model.total",
    # each kind's query, bound to the packaged dataset, and the queries across kinds
    **dict.fromkeys((kind.plural for kind in _REGISTRY), "querying.bound"),
    **dict.fromkeys(("citing", "disputes", "doubts", "load", "search", "timeline"), "querying.bound"),
    **dict.fromkeys(("dataset", "get"), "querying.lookup"),
    "Records": "querying.collection",
    "SearchHit": "querying.search",
    "Dataset": "querying.dataset",
    "Disputes": "querying.disputes",
    "Doubted": "querying.doubted",
    "Doubts": "querying.doubted",
}

# The public modules of the optional faces (``usnz.plot.timeline(...)``), imported on first use.
_FACES = frozenset({"export", "frames", "plot"})


def _install_faces() -> None:
    """Connect the model to its faces (how records print, show and become frames), on first use."""
    from usnz.faces import install  # noqa: PLC0415 - the faces only when a record is shown

    install()
    _hooks.register("frame", _to_frame)


def _to_frame(*args: Any, **kwargs: Any) -> Any:
    """:func:`usnz.frames.to_frame`, imported when a frame is first asked for (not to print a record)."""
    from usnz.frames import to_frame  # noqa: PLC0415 - the columns of every kind only for frames

    return to_frame(*args, **kwargs)


_hooks.set_installer(_install_faces)


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use; build ``converter`` and ``__version__``."""
    home = _HOMES.get(name)
    if home is not None:
        value = getattr(import_module(f"usnz.{home}"), name)
        globals()[name] = value
        return value
    if name in _FACES:
        return import_module(f"usnz.{name}")
    if name == "converter":
        from usnz.reading.convert import public_converter  # noqa: PLC0415 - cattrs only when asked

        return public_converter()
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - only when asked

        return version("usnz")
    msg = f"module 'usnz' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    """Every public name, imported or not yet."""
    return sorted({*globals(), *__all__})
