"""The country table: ISO 3166-1 alpha-3 codes usnz knows, with Correlates of War codes.

Names and COW state codes come from ``../shared/crosswalk/cow_atop.json`` (peacesciencer's
``cow_states``, COW State System v2016). South Vietnam (Republic of Vietnam, COW 817) has no
ISO code and uses the user-assigned code ``XSV``. Germany is COW 255 (COW also codes the
German Federal Republic, 1955-1990, as 260).
"""

# No ``from __future__ import annotations``: a ``NamedTuple`` compiles each annotation given as text.

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

__all__ = ["COUNTRIES", "Country"]


class Country(NamedTuple):
    """A country code usnz accepts (a named tuple: cheap to define at import).

    Attributes:
        code: ISO 3166-1 alpha-3 (or the user-assigned ``XSV`` for South Vietnam).
        name: The Correlates of War state name.
        cow_ccode: The Correlates of War country code.
    """

    code: str
    name: str
    cow_ccode: int


COUNTRIES: Mapping[str, Country] = MappingProxyType(
    {
        "AFG": Country(code="AFG", name="Afghanistan", cow_ccode=700),
        "AUS": Country(code="AUS", name="Australia", cow_ccode=900),
        "BRN": Country(code="BRN", name="Brunei", cow_ccode=835),
        "CAN": Country(code="CAN", name="Canada", cow_ccode=20),
        "CHL": Country(code="CHL", name="Chile", cow_ccode=155),
        "DEU": Country(code="DEU", name="Germany", cow_ccode=255),
        "GBR": Country(code="GBR", name="United Kingdom", cow_ccode=200),
        "IDN": Country(code="IDN", name="Indonesia", cow_ccode=850),
        "IRN": Country(code="IRN", name="Iran", cow_ccode=630),
        "IRQ": Country(code="IRQ", name="Iraq", cow_ccode=645),
        "ISR": Country(code="ISR", name="Israel", cow_ccode=666),
        "JPN": Country(code="JPN", name="Japan", cow_ccode=740),
        "KEN": Country(code="KEN", name="Kenya", cow_ccode=501),
        "KHM": Country(code="KHM", name="Cambodia", cow_ccode=811),
        "KOR": Country(code="KOR", name="South Korea", cow_ccode=732),
        "MYS": Country(code="MYS", name="Malaysia", cow_ccode=820),
        "NZL": Country(code="NZL", name="New Zealand", cow_ccode=920),
        "PER": Country(code="PER", name="Peru", cow_ccode=135),
        "PRK": Country(code="PRK", name="North Korea", cow_ccode=731),
        "SGP": Country(code="SGP", name="Singapore", cow_ccode=830),
        "USA": Country(code="USA", name="United States of America", cow_ccode=2),
        "VNM": Country(code="VNM", name="Vietnam", cow_ccode=816),
        "WSM": Country(code="WSM", name="Samoa", cow_ccode=990),
        "XSV": Country(code="XSV", name="Republic of Vietnam", cow_ccode=817),
    }
)
"""Every country code usnz accepts, by code (read-only)."""

CODES: frozenset[str] = frozenset(COUNTRIES)
"""The codes of :data:`COUNTRIES`: what a record's country field accepts (a set: one lookup a value)."""


ACCEPTED: str = f"use one of {', '.join(COUNTRIES)} (usnz.COUNTRIES names them)"
"""The country codes usnz accepts, as a message tells them."""


def unknown_code(code: str) -> str:
    """What is wrong with a well-formed country code usnz does not know, and the codes it accepts."""
    return f"country code {code!r} is not in usnz's country table: {ACCEPTED}"
