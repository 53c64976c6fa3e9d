"""The cyclic garbage collector, paused while many (acyclic) objects are built: a load, an index.

Otherwise its passes over an ever larger heap make the time per record grow with the size of
the data. It is switched back on after, if it was on before; a pause inside a pause leaves it
to the outer one. A process forked during a pause gets the collector back (the thread that
paused it is not in the child to end the pause).

After a pause that built more than :data:`FREEZE_AFTER` objects (a large load or index), the
objects the process holds are moved to the collector's permanent generation (:func:`gc.freeze`)
as the collector comes back on: otherwise its next passes walk every new object, a pause of
seconds after a large load, for objects that hold no cycles. Frozen objects are still freed
when no longer referred to; :func:`gc.unfreeze` gives them back to the collector. An index of
few objects but large tables (a number a record) counts its tables' entries too: the collector
walks every entry of a young list as it walks an object. The library never tunes the collector's
thresholds.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
from collections.abc import Callable, Generator
from typing import ParamSpec, TypeVar

__all__ = ["FREEZE_AFTER", "collector_paused", "paused"]

FREEZE_AFTER = 100_000
"""More new objects than this in one pause, and they are frozen after it (a load of a few thousand records)."""

P = ParamSpec("P")
T = TypeVar("T")


@contextlib.contextmanager
def collector_paused(entries: int = 0) -> Generator[None, None, None]:
    """Pause the cyclic garbage collector for the ``with`` block.

    *entries*: how many entries the block's tables hold (a list of a number a record: as many as
    records), counted with the objects it built toward :data:`FREEZE_AFTER`.

    >>> import gc
    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    token = object()
    _pauses[id(token)] = enabled
    gc.disable()
    try:
        yield
    finally:
        _pauses.pop(id(token), None)
        if enabled:
            if gc.get_count()[0] + entries > FREEZE_AFTER:  # the young objects: what the collector would walk next
                gc.freeze()
            gc.enable()


_pauses: dict[int, bool] = {}
"""The pauses in progress, in any thread: whether the collector was on when each began."""


def _after_fork_in_child() -> None:
    """Turn the collector back on in a child forked during a pause that another thread began.

    That thread does not exist in the child, so its pause would never end: the child would
    run without the collector for good. A pause of the forking thread itself ends as usual.
    """
    if any(_pauses.values()):
        gc.enable()
    _pauses.clear()


if hasattr(os, "register_at_fork"):  # pragma: no branch - only Windows lacks it
    os.register_at_fork(after_in_child=_after_fork_in_child)


def paused(function: Callable[P, T], entries: int = 0) -> Callable[P, T]:
    """*function*, run with the collector paused (a decorator for what builds an index).

    *entries*: how many entries the tables it builds hold (see :func:`collector_paused`).
    """

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        with collector_paused(entries):
            return function(*args, **kwargs)

    return run
