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

from importlib import import_module

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, which type checkers read as True; typing costs ~10 ms
if TYPE_CHECKING:
    from typing import Any

    from cattrs.preconf.json import JsonConverter

    from usnz import export as export  # the faces: modules imported on first use
    from usnz import frames as frames
    from usnz import plot as plot
    from usnz._cite import cite
    from usnz._collection import AnyRecord, Records
    from usnz._countries import COUNTRIES, Country
    from usnz._dataset import KINDS, Dataset
    from usnz._errors import (
        ArgumentTypeError,
        ArgumentValueError,
        CoverageWarning,
        DataError,
        DateError,
        Error,
        Problem,
        UnknownRecordError,
    )
    from usnz._extras import MissingExtraError
    from usnz._load import dataset, load
    from usnz._query import (
        agreements,
        assistance,
        citing,
        conflicts,
        disputes,
        events,
        figures,
        force_contributions,
        get,
        organizations,
        people,
        quotes,
        search,
        sources,
        timeline,
    )
    from usnz._records import (
        OFFICES,
        Agreement,
        Assistance,
        Conflict,
        Event,
        Figure,
        ForceContribution,
        Organization,
        Person,
        Quote,
        Record,
        Role,
        Source,
    )
    from usnz._values import OPEN, Citation, Money, PartialDate, Period, Precision, Quantity, Total, parse_edtf
    from usnz._verify import verify

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
    "Citation",
    "Conflict",
    "Country",
    "CoverageWarning",
    "DataError",
    "Dataset",
    "DateError",
    "Error",
    "Event",
    "Figure",
    "ForceContribution",
    "MissingExtraError",
    "Money",
    "Organization",
    "PartialDate",
    "Period",
    "Person",
    "Precision",
    "Problem",
    "Quantity",
    "Quote",
    "Record",
    "Records",
    "Role",
    "Source",
    "Total",
    "UnknownRecordError",
    "__version__",
    "agreements",
    "assistance",
    "cite",
    "citing",
    "conflicts",
    "converter",
    "dataset",
    "disputes",
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

DATA_VERSION = "2026.11.3"
"""The packaged dataset's version (year.month.n), bumped on every data change."""


# The module each public name lives in. ``import usnz`` imports none of them (nor attrs):
# each is imported on first use, then kept here as a plain attribute.
_HOMES: dict[str, str] = {
    **dict.fromkeys(("AnyRecord", "Records"), "_collection"),
    "cite": "_cite",
    "verify": "_verify",
    "MissingExtraError": "_extras",
    **dict.fromkeys(("COUNTRIES", "Country"), "_countries"),
    **dict.fromkeys(("KINDS", "Dataset"), "_dataset"),
    **dict.fromkeys(
        (
            "ArgumentTypeError",
            "ArgumentValueError",
            "CoverageWarning",
            "DataError",
            "DateError",
            "Error",
            "Problem",
            "UnknownRecordError",
        ),
        "_errors",
    ),
    **dict.fromkeys(("dataset", "load"), "_load"),
    **dict.fromkeys(
        (
            "agreements",
            "assistance",
            "citing",
            "conflicts",
            "disputes",
            "events",
            "figures",
            "force_contributions",
            "get",
            "organizations",
            "people",
            "quotes",
            "search",
            "sources",
            "timeline",
        ),
        "_query",
    ),
    **dict.fromkeys(
        (
            "Agreement",
            "Assistance",
            "Conflict",
            "Event",
            "Figure",
            "ForceContribution",
            "OFFICES",
            "Organization",
            "Person",
            "Quote",
            "Record",
            "Role",
            "Source",
        ),
        "_records",
    ),
    **dict.fromkeys(
        ("OPEN", "Citation", "Money", "PartialDate", "Period", "Precision", "Quantity", "Total", "parse_edtf"),
        "_values",
    ),
}
# Private modules that ``usnz.<name>`` reached before imports were lazy.
_MODULES = frozenset(
    {"_arguments", "_collection", "_countries", "_dataset", "_errors", "_load", "_query", "_records", "_values"}
)

# The public modules of the optional faces (``usnz.plot.timeline(...)``), imported on first use.
_FACES = frozenset({"export", "frames", "plot"})


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use; build ``converter`` and ``__version__``."""
    home = _HOMES.get(name)
    if home is not None:
        value = getattr(import_module(f"usnz.{home}"), name)
        globals()[name] = value
        return value
    if name in _MODULES or name in _FACES:
        return import_module(f"usnz.{name}")
    if name == "converter":
        from usnz._convert import public_converter  # noqa: PLC0415 - cattrs only when asked

        return public_converter()
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - only when asked

        return version("usnz")
    msg = f"module 'usnz' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    """Every public name, imported or not yet."""
    return sorted({*globals(), *__all__})
