"""Ctrl-C while the command line starts: one line and exit code 130, never a traceback.

Imported first when usnz runs as the command line (``usnz ...``, ``python -m usnz ...``: by
the package itself, before anything else) and by :mod:`usnz.cli`, before the modules it needs
(which take a few tens of milliseconds to import): until :func:`restore` is called at the end
of that import, an interruption prints ``usnz: interrupted`` and exits with 130, as one
during a command does. Importing the library in a program never touches the signal handlers.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing before the handler is in place
if TYPE_CHECKING:
    import signal
    from types import FrameType
    from typing import Any
else:  # the module signal wraps: signal itself imports enum, which takes milliseconds
    import _signal as signal

__all__ = ["restore"]


def _interrupted(signum: int, frame: FrameType | None) -> None:
    """Say so in one line and exit with 130, wherever the import was."""
    try:
        sys.stderr.write("usnz: interrupted\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # no stderr to write to: the exit code says it
        pass
    os._exit(130)  # at once, wherever it is (an exception could be swallowed by the import machinery)


_previous: Any = None
try:
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # Python's own: a KeyboardInterrupt
        _previous = signal.signal(signal.SIGINT, _interrupted)
except ValueError:  # imported by a thread other than the main one: signals are not its to handle
    _previous = None


def restore() -> None:
    """Put back the handler there was before: Ctrl-C is a KeyboardInterrupt again, which ``main()`` catches."""
    global _previous  # noqa: PLW0603 - once
    if _previous is not None:
        signal.signal(signal.SIGINT, _previous)
        _previous = None
