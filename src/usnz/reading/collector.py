"""The cyclic garbage collector, paused while many (acyclic) objects are built: a load, an index.

Otherwise its passes over an ever larger heap make the time per record grow with the size of
the data. It is switched back on after, if it was on before; a pause inside a pause leaves it
to the outer one. The library never freezes or tunes the collector.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Generator
from typing import ParamSpec, TypeVar

__all__ = ["collector_paused", "paused"]

P = ParamSpec("P")
T = TypeVar("T")


@contextlib.contextmanager
def collector_paused() -> Generator[None, None, None]:
    """Pause the cyclic garbage collector for the ``with`` block.

    >>> import gc
    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def paused(function: Callable[P, T]) -> Callable[P, T]:
    """*function*, run with the collector paused (a decorator for what builds an index)."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        with collector_paused():
            return function(*args, **kwargs)

    return run
