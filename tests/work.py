"""How much work a call does, counted, not timed: the same count on a busy machine as on an idle one."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType


def calls(run: Callable[[], object]) -> int:
    """How many functions *run* calls, Python's and C's alike: a cost no other process moves.

    A loop in Python calls once a step, so work that grows with its input (or with the square of
    it) shows in the count as in the time, without the time's noise.
    """
    count = 0

    def counted(_frame: FrameType, event: str, _arg: object) -> None:
        nonlocal count
        if event in {"call", "c_call"}:
            count += 1

    earlier = sys.getprofile()
    sys.setprofile(counted)
    try:
        run()
    finally:
        sys.setprofile(earlier)
    return count
