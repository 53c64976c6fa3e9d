"""The largest integer a record may hold, said once: the constructors and ``usnz.load`` apply it alike.

A module of constants only (:mod:`usnz.reading.bounds` reads it), so whatever asks for the bound
imports nothing else.
"""

from __future__ import annotations

from typing import Final

__all__ = ["MAX_INT", "MAX_INT_TEXT"]

MAX_INT: Final = 2**53
"""Largest integer (either sign) a record or a data file may hold: what a 64-bit float keeps exactly."""
MAX_INT_TEXT: Final = f"±2^53 ({MAX_INT:,})"
"""The bound in words, as the messages that refuse an integer beyond it give it."""
