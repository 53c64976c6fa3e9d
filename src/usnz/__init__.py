"""usnz: the facts of New Zealand–United States relations as typed, cited records.

>>> import usnz
>>> anzus = usnz.get("anzus")
>>> anzus.name
'Australia, New Zealand, United States Security Treaty'
>>> str(anzus.signed), anzus.parties
('1951', ('AUS', 'NZL', 'USA'))

Nothing is read at import; the first query loads and validates the packaged data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
from usnz._load import dataset, load
from usnz._query import (
    agreements,
    assistance,
    conflicts,
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
from usnz._values import Citation, Money, PartialDate, Period, Precision, Quantity, parse_edtf

if TYPE_CHECKING:
    from cattrs.preconf.json import JsonConverter

    converter: JsonConverter
    __version__: str

__all__ = [
    "COUNTRIES",
    "DATA_VERSION",
    "KINDS",
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
    "UnknownRecordError",
    "__version__",
    "agreements",
    "assistance",
    "conflicts",
    "converter",
    "dataset",
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
]

DATA_VERSION = "2026.11.0"
"""The packaged dataset's version (year.month.n), bumped on every data change."""


def __getattr__(name: str) -> Any:
    """Build the lazy attributes: ``converter`` (imports cattrs) and ``__version__``."""
    if name == "converter":
        from usnz._convert import get_converter  # noqa: PLC0415 - cattrs only when asked

        return get_converter()
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - only when asked

        return version("usnz")
    msg = f"module 'usnz' has no attribute {name!r}"
    raise AttributeError(msg)
