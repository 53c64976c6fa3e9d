"""``Disputes``: what :func:`usnz.disputes` returns, the groups of records that disagree."""

from __future__ import annotations

from typing import TYPE_CHECKING, SupportsIndex, overload

from usnz.model import hooks
from usnz.querying.collection import ReadOnly, Records, of_dataset

if TYPE_CHECKING:
    from usnz.model.records import AnyRecord

__all__ = ["Disputes"]


class Disputes(ReadOnly, tuple[Records["AnyRecord"], ...]):  # noqa: SLOT001 - a dict of its own for its dataset
    """The records that disagree, in groups: still a tuple of groups (each a :class:`Records`).

    Printed, or shown in Jupyter, it reads one group at a time: what the records disagree on
    (the field and each side's value) and the paragraphs each side rests on.

    >>> import usnz
    >>> groups = usnz.disputes()
    >>> isinstance(groups, tuple), all(isinstance(group, usnz.Records) for group in groups)
    (True, True)
    """

    # No __slots__: as a Records, it keeps the dataset it came from in its own dict.
    _data: object | None = None  # a usnz.Dataset, not named: its module imports this one
    """The dataset the groups came from, whose ``disputes()`` number them; ``None``: the packaged one."""

    @overload
    def __getitem__(self, index: SupportsIndex, /) -> Records[AnyRecord]: ...
    @overload
    def __getitem__(self, index: slice, /) -> Disputes: ...
    def __getitem__(self, index: SupportsIndex | slice, /) -> Records[AnyRecord] | Disputes:
        """Index (a group) or slice (a ``Disputes``)."""
        if isinstance(index, slice):
            return of_dataset(Disputes(super().__getitem__(index)), self._data)
        return super().__getitem__(index)

    def ids(self) -> tuple[tuple[str, ...], ...]:
        """Each group's ids, in order."""
        return tuple(group.ids() for group in self)

    def __repr__(self) -> str:
        """``Disputes([...])`` naming each group's ids."""
        inner = ", ".join("(" + ", ".join(group.ids()) + ")" for group in self)
        return f"Disputes([{inner}])"

    def __str__(self) -> str:
        """Each group in turn: what differs, then each side with its paragraphs."""
        text: str = hooks.face("disputes")(self, data=self._data)
        return text

    def _repr_html_(self) -> str:
        """Each group as a small table: how Jupyter shows the disputes."""
        html: str = hooks.face("disputes-html")(self, data=self._data)
        return html
