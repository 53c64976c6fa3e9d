"""What a sum over records returns: :class:`Total`, which keeps what is unknown unknown."""

from __future__ import annotations

from typing import Any

import attrs

from usnz.model.amounts import Number
from usnz.model.errors import shown

__all__ = ["Total"]


def _check_ids_tuple(instance: Total, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not isinstance(value, tuple) or not all(isinstance(item, str) for item in value):
        msg = f"{attribute.name} must be a tuple of record ids, got {shown(value)}"
        raise TypeError(msg)


@attrs.frozen(kw_only=True)
class Total:
    """What :meth:`Records.total` returns: a sum that keeps what is unknown unknown.

    ``low`` is what the stated values add up to at least; ``best`` and ``high`` are ``None``
    (never 0) as soon as one record, or one group of disputing records, states no value
    (its id is then in ``unknown``) or gives no figure or no upper bound.

    Attributes:
        best: The sum of the stated figures, when every record states one.
        low: The sum of the lower bounds that are stated (``None`` when nothing is counted).
        high: The sum of the upper bounds, when every record states one.
        unit: The unit of every value counted (``None`` when nothing is counted).
        counted: Ids of the records whose value is in the sum.
        unknown: Ids of the records with no stated value.
        approximate: ``True`` when a counted value is approximate.
        open: Ids of the counted records whose figure is only a lower bound ("six frigates, several
            smaller craft": at least 6), which leave ``high`` unknown.

    >>> total = Total(best=None, low=5094, high=None, unit="personnel",
    ...               counted=("k-force-korea", "rnzn-korea"), unknown=("nz-korea-liaison-officer",))
    >>> print(total)
    at least 5,094 personnel (2 records counted; not stated: nz-korea-liaison-officer)
    """

    best: Number | None
    low: Number | None
    high: Number | None
    unit: str | None
    counted: tuple[str, ...] = attrs.field(default=(), validator=_check_ids_tuple)
    unknown: tuple[str, ...] = attrs.field(default=(), validator=_check_ids_tuple)
    approximate: bool = False
    open: tuple[str, ...] = attrs.field(default=(), validator=_check_ids_tuple)

    def __str__(self) -> str:
        """Read aloud, saying what is not known."""
        if not self.counted:
            figure = "nothing stated"
        else:
            about = "about " if self.approximate else ""
            if self.best is not None:
                figure = f"{about}{self.best:,}"
            elif self.low is not None and self.high is not None:
                figure = f"{about}{self.low:,}-{self.high:,}"
            elif self.low is not None:
                figure = f"at least {self.low:,}"
            else:
                figure = "an unknown number of"
            figure = f"{figure} {self.unit}"
        counted = f"{len(self.counted)} record{'' if len(self.counted) == 1 else 's'} counted"
        unknown = f"; not stated: {', '.join(self.unknown)}" if self.unknown else ""
        unbounded = f"; no upper bound: {', '.join(self.open)}" if self.open else ""
        return f"{figure} ({counted}{unknown}{unbounded})"
