"""The one hook from the model up to its faces: how records and results are shown.

The model and the queries never import a face. A record's ``__str__`` and ``_repr_html_``, and
``Records``' ``__str__``, ``_repr_html_`` and ``to_frame()``, ask this module for the face of that
name (``"text"``, ``"html"``, ``"table"``, ``"records-html"``, ``"frame"``). The package
(``usnz/__init__.py``, above every layer) sets the installer that registers them
(:func:`usnz.faces.install`, and :func:`usnz.frames.to_frame`) on the first display, so nothing
of the faces is imported before something is shown.

This module imports nothing.
"""

from __future__ import annotations

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

__all__ = ["face", "register", "set_installer"]

_faces: dict[str, Callable[..., Any]] = {}
_installer: list[Callable[[], None]] = []


def register(name: str, function: Callable[..., Any]) -> None:
    """Make *function* the face called *name*."""
    _faces[name] = function


def set_installer(installer: Callable[[], None]) -> None:
    """Set what registers the faces, run when a face is first asked for."""
    _installer[:] = [installer]


def face(name: str) -> Callable[..., Any]:
    """The face called *name*, registering the faces first if none is yet.

    Raises:
        LookupError: when no face has that name (the faces were never installed).
    """
    if name not in _faces:
        for installer in _installer:
            installer()
    try:
        return _faces[name]
    except KeyError:
        msg = f"no face {name!r} is registered; import usnz (the package) to install them"
        raise LookupError(msg) from None
