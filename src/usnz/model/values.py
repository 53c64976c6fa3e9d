"""Value types, in one place: partial dates, periods, quantities, money, citations, doubts and totals.

Each lives in a module of its own (:mod:`usnz.model.dates`, :mod:`usnz.model.amounts`,
:mod:`usnz.model.citation`, :mod:`usnz.model.doubt`, :mod:`usnz.model.total`), so a record kind builds only the
classes it uses; this module gathers them for code that wants them all.
"""

from __future__ import annotations

from usnz.model.amounts import AMOUNT, Money, Number, Quantity, parse_amount
from usnz.model.citation import QUOTE_JOIN, QUOTE_LIMIT, Citation
from usnz.model.dates import OPEN, End, Open, PartialDate, Period, Precision, parse_edtf
from usnz.model.doubt import DOUBT_KINDS, DOUBT_LIMIT, Doubt, DoubtKind
from usnz.model.total import Total

__all__ = [
    "AMOUNT",
    "DOUBT_KINDS",
    "DOUBT_LIMIT",
    "OPEN",
    "QUOTE_JOIN",
    "QUOTE_LIMIT",
    "Citation",
    "Doubt",
    "DoubtKind",
    "End",
    "Money",
    "Number",
    "Open",
    "PartialDate",
    "Period",
    "Precision",
    "Quantity",
    "Total",
    "parse_amount",
    "parse_edtf",
]
