"""The packaged dataset's version: reading it builds nothing (no record class, no reader, not even ``typing``)."""

__all__ = ["DATA_VERSION"]

DATA_VERSION = "2026.12.8"
"""The packaged dataset's version (year.month.n), bumped on every data change."""
