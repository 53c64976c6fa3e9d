"""Optional extras: the error raised when a feature needs a package that is not installed."""

from __future__ import annotations

from usnz._errors import Error

__all__ = ["MissingExtraError"]


class MissingExtraError(Error, ImportError):
    """A feature needs an optional package that is not installed.

    The message names the package and the extra that installs it, e.g.
    ``pip install "usnz[pandas]"``.

    Attributes:
        feature: What was asked for, e.g. ``to_frame()``.
        package: The package it needs, e.g. ``pandas``.
        extra: The usnz extra that installs it, e.g. ``pandas``.
    """

    def __init__(self, *, feature: str, package: str, extra: str) -> None:
        self.feature = feature
        self.package = package
        self.extra = extra
        message = (
            f"{feature} needs {package}, which is not installed; "
            f'install the usnz extra that brings it: pip install "usnz[{extra}]"'
        )
        super().__init__(message, name=package)
