"""``Doubted``: what :func:`usnz.doubts` returns, a doubt with the records it touches."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from usnz.querying.collection import Records

if TYPE_CHECKING:
    from usnz.model.doubt import Doubt
    from usnz.model.records import AnyRecord

__all__ = ["Doubted"]


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
