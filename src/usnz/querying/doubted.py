"""``Doubted`` and ``Doubts``: what :func:`usnz.doubts` returns, each doubt with the records it touches."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, SupportsIndex, overload

from usnz.model import hooks
from usnz.querying.collection import Records

if TYPE_CHECKING:
    from usnz.model.doubt import Doubt
    from usnz.model.records import AnyRecord

__all__ = ["Doubted", "Doubts"]


class Doubted(NamedTuple):
    """One doubt of the texts, the record that carries it, and the other records it concerns.

    A named tuple: ``for doubt, record, concerns in usnz.doubts(...)`` unpacks it.

    Attributes:
        doubt: The :class:`~usnz.Doubt`.
        record: The record whose ``doubts`` hold it.
        concerns: The records its ``concerns`` name, in the order it names them.
    """

    doubt: Doubt
    record: AnyRecord
    concerns: Records[AnyRecord]

    @property
    def touches(self) -> Records[AnyRecord]:
        """Every record the doubt touches (the record that carries it, then those it concerns)."""
        return Records((self.record, *self.concerns))

    def __str__(self) -> str:
        """``record-id: kind (source ¶N): text``."""
        return f"{self.record.id}: {self.doubt}"

    def __repr__(self) -> str:
        """``Doubted(<kind source ¶N> on <record-kind id>, concerns=[...])``: the record named, not shown whole."""
        concerns = f", concerns=[{', '.join(self.concerns.ids())}]" if self.concerns else ""
        on = f"<{self.record.record_kind} {self.record.id}>"
        return f"Doubted(<{self.doubt.kind} {self.doubt.where}> on {on}{concerns})"


class Doubts(tuple[Doubted, ...]):
    """The doubts :func:`usnz.doubts` finds: still a tuple of :class:`Doubted`, one for each record that carries one.

    Printed, or shown in Jupyter, it reads each doubt once, naming every record that carries
    it (the same spot in the same words), as ``usnz doubts`` prints them.

    >>> import usnz
    >>> found = usnz.doubts(kind="garbled", paragraph=19)
    >>> isinstance(found, tuple), len(found) > len(found.by_doubt())
    (True, True)
    """

    __slots__ = ()

    @overload
    def __getitem__(self, index: SupportsIndex, /) -> Doubted: ...
    @overload
    def __getitem__(self, index: slice, /) -> Doubts: ...
    def __getitem__(self, index: SupportsIndex | slice, /) -> Doubted | Doubts:
        """Index (a :class:`Doubted`) or slice (a ``Doubts``)."""
        if isinstance(index, slice):
            return Doubts(super().__getitem__(index))
        return super().__getitem__(index)

    def by_doubt(self) -> dict[Doubt, Records[AnyRecord]]:
        """Each doubt once, with the records that carry it, in the order found.

        >>> import usnz
        >>> carried = usnz.doubts(kind="garbled", paragraph=19).by_doubt()
        >>> max(len(records) for records in carried.values()) > 10
        True
        """
        carriers: dict[Doubt, list[AnyRecord]] = {}
        for item in self:
            carriers.setdefault(item.doubt, []).append(item.record)
        return {doubt: Records(records) for doubt, records in carriers.items()}

    def __repr__(self) -> str:
        """``Doubts([...])`` naming each doubt by kind, place and record."""
        inner = ", ".join(f"<{item.doubt.kind} {item.doubt.where} on {item.record.id}>" for item in self)
        return f"Doubts([{inner}])"

    def __str__(self) -> str:
        """Each doubt once: the records that carry it, its kind and paragraphs, then its text."""
        text: str = hooks.face("doubts")(self)
        return text

    def _repr_html_(self) -> str:
        """A table of the doubts, each once with the records that carry it: how Jupyter shows them."""
        html: str = hooks.face("doubts-html")(self)
        return html
