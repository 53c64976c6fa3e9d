"""The bounds of what a data file may hold: said once, read by the strict JSON parser and the column reader.

The integer bound, :data:`MAX_INT`, is the model's (:mod:`usnz.model.bounds`): records built in
Python are held to it too.

A module of constants only, so the quick reader knows the integer bound without importing the
parser (a cold ``usnz.get`` never parses strictly).
"""

from __future__ import annotations

from typing import Final

from usnz.model.bounds import MAX_INT, MAX_INT_TEXT

__all__ = ["MAX_DEPTH", "MAX_DIGITS", "MAX_INT", "MAX_INT_TEXT"]

MAX_DEPTH: Final = 32
"""Deepest nesting of JSON arrays and objects a data file may have (records need about 5)."""
MAX_DIGITS: Final = 30
"""Most digits a JSON integer in a data file may have."""
