"""The one cattrs converter between records and JSON-ready data.

Dates and periods are EDTF strings in the data (``"1965-05-27"``, ``"1950/1957"``),
money amounts are decimal strings (``"347500"``), everything else is plain JSON.
"""

from __future__ import annotations

import functools
from decimal import Decimal, InvalidOperation

from cattrs.preconf.json import JsonConverter, make_converter

from usnz._errors import DateError
from usnz._values import PartialDate, Period

__all__ = ["get_converter", "make_usnz_converter"]


def _structure_date(value: object, _: object) -> PartialDate:
    if not isinstance(value, str):
        msg = f"expected an EDTF date string such as '1965-05-27', got {value!r}"
        raise DateError(msg)
    return PartialDate.parse(value)


def _structure_period(value: object, _: object) -> Period:
    if not isinstance(value, str):
        msg = f"expected an EDTF interval string such as '1950/1957', got {value!r}"
        raise DateError(msg)
    return Period.parse(value)


def _structure_decimal(value: object, _: object) -> Decimal:
    if not isinstance(value, str):
        msg = f"expected an amount as a decimal string such as '2000000', got {value!r}"
        raise TypeError(msg)
    try:
        return Decimal(value)
    except InvalidOperation:
        msg = f"expected an amount as a decimal string such as '2000000', got {value!r}"
        raise ValueError(msg) from None


def make_usnz_converter() -> JsonConverter:
    """Build the converter: cattrs' JSON preconf plus hooks for our value types.

    Unknown keys in the data are errors (a misspelt field must not vanish), and
    fields at their default are left out when unstructuring, so files stay short.

    >>> from usnz import Citation
    >>> c = make_usnz_converter()
    >>> c.unstructure(Citation(source="s", paragraph=3))
    {'source': 's', 'paragraph': 3}
    """
    converter = make_converter(forbid_extra_keys=True, omit_if_default=True)
    converter.register_structure_hook(PartialDate, _structure_date)
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    converter.register_structure_hook(Period, _structure_period)
    converter.register_unstructure_hook(Period, Period.isoformat)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, str)
    return converter


@functools.cache
def get_converter() -> JsonConverter:
    """The converter usnz uses everywhere, built on first use (``usnz.converter``)."""
    return make_usnz_converter()
