"""People, and the positions (roles) the sources give them."""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, ClassVar, Final

import attrs

from usnz.model.base import (
    DATE_BASES,
    DateBasis,
    Record,
    check_country,
    check_id,
    check_optional_id,
    check_text,
    check_texts,
)
from usnz.model.citation import Citation
from usnz.model.columnwise import flat, optional, strs
from usnz.model.dates import PartialDate, Period, parse_edtf
from usnz.model.errors import ArgumentTypeError, ArgumentValueError, DateError, type_and_value
from usnz.model.facts import accepting, batched, documented, fact, methods_on_first_use
from usnz.model.validators import instance_of, one_of, require_tuple

__all__ = ["OFFICES", "Attestation", "Person", "Role", "check_attestations", "check_office"]

OFFICES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "ambassador": "an ambassador of one country to another",
        "assistant-secretary-of-state": "a US Assistant Secretary of State",
        "consul": "a consul: a country's representative in a foreign town, for its citizens and trade",
        "foreign-minister": "a foreign minister (New Zealand: Minister of Foreign Affairs)",
        "member-of-congress": "a member of the US Congress (a Congressman or Senator)",
        "president": "a head of state called President (United States)",
        "prime-minister": "a head of government called Prime Minister",
        "secretary-of-agriculture": "the US Secretary of Agriculture",
        "secretary-of-state": "the US Secretary of State (foreign minister)",
        "trade-representative": "the United States Trade Representative",
        "vice-president": "the US Vice President",
        "wto-director-general": "the head of the World Trade Organization (the text: 'Director of WTO')",
    }
)
"""The offices a :class:`Role` can name (``office=``), each slug with what it means."""


def _all_offices(values: list[Any]) -> bool:
    """Whether each of *values* is a slug of :data:`OFFICES`."""
    return strs(values) and all(map(OFFICES.__contains__, values))


@batched(optional(_all_offices))
@accepting(OFFICES)
def check_office(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require a slug of :data:`OFFICES` (or ``None``)."""
    if value is not None and (not isinstance(value, str) or value not in OFFICES):
        msg = f"office must be one of usnz.OFFICES ({', '.join(OFFICES)}), got {value!r}"
        raise ArgumentValueError(msg)


@documented
@attrs.frozen(kw_only=True)
@methods_on_first_use
class Attestation:
    """A date on which a text shows a person in an office: a dated record that names them by its title.

    >>> from usnz import Citation, PartialDate
    >>> str(Attestation(date=PartialDate.parse("2008-09-23"), record="clark-value-of-transpacific-agreement",
    ...                 citation=Citation(source="encyclopedia-nz-us-relations", paragraph=40)))
    '2008-09-23 (clark-value-of-transpacific-agreement)'
    """

    date: PartialDate = fact(
        validator=instance_of(PartialDate),
        doc="The date of the record: a day (or month, or year) the text shows them in the office.",
    )
    record: str = fact(
        validator=check_id,
        refers=("event", "quote", "figure"),
        doc="Id of the dated record (an event, a quote, a figure) whose paragraph names them by the title.",
    )
    citation: Citation = fact(
        validator=instance_of(Citation),
        doc="The paragraph, and its words that name them with the title (``Prime Minister Helen Clark``).",
    )
    date_basis: DateBasis | None = fact(
        default=None,
        validator=attrs.validators.optional(one_of(DATE_BASES)),
        doc=(
            "How the attested date was determined: the weakest of its parts, so its record's ``date_basis``, or "
            "weaker (``inferred`` where the record's paragraph dates it and another names the title: the person's "
            "notes say how); ``usnz.load`` checks it is no stronger than the record's. What shows the attestation "
            "marks a date the texts do not state. ``None`` when not given."
        ),
    )

    def __str__(self) -> str:
        """``date (record id)``."""
        return f"{self.date} ({self.record})"

    def basis_problem(self, record_basis: str | None, *, record: str = "its record") -> str | None:
        """What is wrong with this attestation's ``date_basis`` beside its *record*'s *record_basis*, or ``None``.

        An attestation's date is as strong as its weakest part: its record's date, and the link
        between that date and the title. So its basis is the record's, or weaker; never stronger.

        >>> from usnz import Citation, PartialDate
        >>> seen = Attestation(date=PartialDate.parse("1965-05-27"), record="r", date_basis="inferred",
        ...                    citation=Citation(source="s", paragraph=15))
        >>> seen.basis_problem("stated") is None, seen.basis_problem("external") is None
        (True, False)
        """
        own = self.date_basis
        if own is None or (record_basis in DATE_BASES and DATE_BASES.index(own) >= DATE_BASES.index(record_basis)):
            return None
        weaker = DATE_BASES[DATE_BASES.index(record_basis) :] if record_basis in DATE_BASES else DATE_BASES
        return (
            f"is {own!r}, but {record}'s is {record_basis!r}; an attestation's date_basis is its record's or "
            f"weaker ({', '.join(map(repr, weaker))}), never stronger"
        )


def _in_order(value: tuple[Attestation, ...]) -> bool:
    """Whether *value* names no record twice and is in date order (then by record id)."""
    keys = [(item.date, item.record) for item in value]
    return len({record for _, record in keys}) == len(keys) and keys == sorted(keys)


def _all_attestations(values: list[Any]) -> bool:
    """Whether each of *values* is a tuple of :class:`Attestation` that :func:`check_attestations` accepts."""
    found = flat(values)
    if found is None or not set(map(type, found)) <= {Attestation}:
        return False
    several = itertools.compress(values, map(operator.gt, map(len, values), itertools.repeat(1)))
    return all(map(_in_order, several))


@batched(_all_attestations)
def check_attestations(instance: object, attribute: attrs.Attribute[Any], value: tuple[Attestation, ...]) -> None:
    """Require attestations in date order (then by record id), no record twice."""
    require_tuple(attribute, value, Attestation)
    records = [item.record for item in value]
    if len(set(records)) != len(records):
        msg = f"{attribute.name} names a record twice: {records!r}"
        raise ArgumentValueError(msg)
    keys = [(item.date, item.record) for item in value]
    if keys != sorted(keys):
        msg = f"{attribute.name} must be in date order (then by record id): {[str(item) for item in value]}"
        raise ArgumentValueError(msg)


def check_roles(instance: object, attribute: attrs.Attribute[Any], value: tuple[Role, ...]) -> None:
    """Require a tuple of :class:`Role` values."""
    if type(value) is tuple and not value:  # the common case: none
        return
    require_tuple(attribute, value, Role)


_Window = tuple[dt.date, dt.date]


def _days(when: object) -> _Window:
    """The first and last day of a year (``2008``), an EDTF text (``"2008-09"``), a date or a period.

    Raises:
        ArgumentTypeError: for anything else (``2008.5``).
        DateError: for text that is not an EDTF date or interval.
    """
    if isinstance(when, PartialDate | Period):
        return when.earliest, when.latest
    if isinstance(when, int) and not isinstance(when, bool):
        return _days(PartialDate(year=int.__int__(when)))
    if isinstance(when, str):
        return _days(parse_edtf(str.__str__(when).strip()))
    msg = (
        "roles_at() takes a date: a year (2008), an EDTF text ('2008-09', '1939/1975'), a usnz.PartialDate "
        f"or a usnz.Period; got {type_and_value(when)}"
    )
    raise ArgumentTypeError(msg)


def _attested_text(item: Attestation) -> str:
    """An attested date, with its basis when the texts do not state it: ``2009~ (inferred)``."""
    basis = item.date_basis
    return f"{item.date}" if basis in {None, "stated"} else f"{item.date} ({basis})"


@documented
@attrs.frozen(kw_only=True)
@methods_on_first_use
class Role:
    """A position a person held, as a source gives it."""

    text_form: ClassVar[str] = "title (country, period, attested dates: an inferred or external one says so)"
    """How its text (``str``) reads: the short form."""
    shown_by_fields: ClassVar[bool] = True
    """A record's text (``usnz show``) shows a role field by field, not as its short form."""

    title: str = fact(
        validator=check_text, search=True, doc="The position as the source words it (``Secretary of State``)."
    )
    office: str | None = fact(
        default=None,
        validator=check_office,
        filter="office",
        doc=(
            "What the position is, as a slug of :data:`OFFICES` (``secretary-of-state``), where one fits; ``None`` "
            "otherwise (a nominee does not hold the office)."
        ),
    )
    country: str | None = fact(
        default=None, validator=check_country, country=True, doc="The country it was held for, if any (ISO alpha-3)."
    )
    organization: str | None = fact(
        default=None,
        validator=check_optional_id,
        refers=("organization",),
        involves=True,
        doc="Id of the organization it was held in, if it has a record.",
    )
    period: Period | None = fact(default=None, doc="When it was held, where a source gives it.")
    attested: tuple[Attestation, ...] = fact(
        default=(),
        validator=check_attestations,
        doc=(
            "The dates on which the texts show them in this office: each dated record whose cited paragraph names "
            "them by the title, with the words that do (an :class:`Attestation`). Nothing is inferred between them."
        ),
    )

    def held(self, first: dt.date, last: dt.date, *, possibly: bool = False) -> bool:
        """Whether the role is stated (``period``) or attested on some day from *first* to *last*.

        A stated period counts by its known extent (by its lenient extent with *possibly*:
        unknown ends run on); an attestation by its own date, never stretched into a term.
        """
        if self.period is not None:
            start, end = (self.period.earliest, self.period.latest) if possibly else self.period.known()
            if start <= last and first <= end:
                return True
        return any(item.date.earliest <= last and first <= item.date.latest for item in self.attested)

    def __str__(self) -> str:
        """The title, with the country, period and attested dates when known.

        An attested date the texts do not state names its basis, as the query warnings do:
        ``Prime Minister (NZL, attested 2009~ (inferred), 2010-04~ (external))``.
        """
        extra = [str(x) for x in (self.country, self.period) if x is not None]
        if self.attested:
            extra.append("attested " + ", ".join(dict.fromkeys(map(_attested_text, self.attested))))
        return f"{self.title} ({', '.join(extra)})" if extra else self.title


@documented
@attrs.frozen(kw_only=True)
@methods_on_first_use
class Person(Record):
    """A named person and every role the sources give them."""

    record_kind: ClassVar[str] = "person"
    table_fields: ClassVar[tuple[str, ...]] = ("name", "country", "offices")

    name: str = fact(validator=check_text, label=True, search=True, doc="The full name as usually written.")
    summary: str = fact(validator=check_text, search=True, doc="Who they are in this story, in our own words.")
    aliases: tuple[str, ...] = fact(
        default=(), validator=check_texts, search=True, doc="Other forms of the name in the sources (``Mr Key``)."
    )
    country: str | None = fact(
        default=None,
        validator=check_country,
        country=True,
        doc="The person's country, where the sources make it clear.",
    )
    roles: tuple[Role, ...] = fact(default=(), validator=check_roles, doc="Each position a source gives them.")

    def roles_at(self, date: int | str | PartialDate | Period) -> tuple[Role, ...]:
        """The roles the texts show them in at *date*: a stated period or an attestation within it.

        *date* is a year (``2008``), an EDTF text (``"2008-09"``, ``"2005/2008"``), a
        :class:`PartialDate` or a :class:`Period`. Nothing is inferred: a role with neither a
        period nor an attestation in *date* is not given, whatever it may have been.

        >>> import usnz
        >>> [str(role.title) for role in usnz.get("helen-clark").roles_at("2008-09")]
        ['Prime Minister']
        >>> usnz.get("helen-clark").roles_at(2010)
        ()

        Raises:
            ArgumentTypeError: for a *date* of another type (``2008.5``).
            DateError: for text that is not an EDTF date or interval.
        """
        try:
            first, last = _days(date)
        except DateError as error:  # named as the call, as every other call names its argument
            msg = f"roles_at() takes a date: {error}"
            raise DateError(msg) from None
        return tuple(role for role in self.roles if role.held(first, last))
