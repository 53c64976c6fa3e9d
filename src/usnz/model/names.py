"""Record kind names: every spelling a user may type, resolved to one kind, without the record classes.

Each kind of :data:`usnz.model.kinds.REGISTRY` has a singular name (its ``record_kind``,
``force-contribution``), a plural name (its data file's, ``force_contributions``) and a class
name (``ForceContribution``).
:func:`kind_name` accepts any of them, with ``-`` or ``_``, in any case.
"""

from __future__ import annotations

import functools
from typing import Final

from usnz.model.errors import ArgumentTypeError, ArgumentValueError, shown, type_and_value
from usnz.model.kinds import REGISTRY

__all__ = ["KIND_NAMES", "cited_kind", "kind_name"]

KIND_NAMES: Final = tuple((kind.singular, kind.plural, kind.class_name) for kind in REGISTRY)
"""Each record kind as (``record_kind``, plural name, class name), in the order of ``usnz.KINDS``."""


def _folded(name: str) -> str:
    return name.lower().replace("_", "-").replace(" ", "-")


@functools.cache
def _spellings() -> dict[str, tuple[str, str]]:
    """Each folded spelling (``force-contributions``, ``forcecontribution``...) -> (plural, how it is written)."""
    found: dict[str, tuple[str, str]] = {}
    for singular, plural, class_name in KIND_NAMES:
        for name in (class_name, singular, plural.replace("_", "-")):  # a class name that is a word: the word
            found[_folded(name)] = (plural, name)
    return found


def _class_kind(kind: type) -> str | None:
    """The plural name of a record class of the registry (``usnz.Event``: ``'events'``), or ``None``.

    Only the registry's own classes (by name and module): a subclass, or ``usnz.Record``, names no kind.
    """
    for registered in REGISTRY:
        if kind.__name__ == registered.class_name and kind.__module__ == registered.module:
            return registered.plural
    return None


def kind_name(kind: object, *, name: str = "kind") -> str:
    """A record kind's plural name (a key of ``usnz.KINDS``) from any spelling of it, or its class.

    Accepted: the record class (``usnz.ForceContribution``), the singular
    (``force-contribution``), the plural (``force-contributions``, ``force_contributions``) or
    the class name (``ForceContribution``), in any case; not with spaces around it (a name is
    read as given).

    >>> import usnz
    >>> kind_name("force-contributions"), kind_name("Person"), kind_name("EVENTS"), kind_name(usnz.Event)
    ('force_contributions', 'people', 'events', 'events')
    >>> kind_name("battels")
    Traceback (most recent call last):
    ...
    usnz.ArgumentValueError: kind='battels' is not a record kind; accepted: sources, ...

    Args:
        kind: What the user typed, or a record class.
        name: The argument's name, for the error message.

    Raises:
        ArgumentTypeError: when *kind* is neither a str nor a record class of a kind.
        ArgumentValueError: when it names no kind (the message suggests the closest), or has
            spaces around it.
    """
    if isinstance(kind, type):
        plural = _class_kind(kind)
        if plural is not None:
            return plural
    if not isinstance(kind, str):
        given = type_and_value(kind)
        classes = ", ".join(f"usnz.{registered.class_name}" for registered in REGISTRY)
        also = f"; the record classes are {classes}" if isinstance(kind, type) else ""
        msg = f"{name}= takes a record kind as a str or a record class, e.g. 'events' or usnz.Event; got {given}{also}"
        raise ArgumentTypeError(msg)
    text = str.__str__(kind)
    if (text[:1].isspace() or text[-1:].isspace()) and text.strip():
        msg = f"{name}={shown(kind)} has white space around it; usnz reads it as given: try {name}={text.strip()!r}"
        raise ArgumentValueError(msg)
    given = _folded(text)
    spellings = _spellings()
    found = spellings.get(given)
    if found is not None:
        return found[0]
    import difflib  # noqa: PLC0415 - only to suggest, after a miss

    close = difflib.get_close_matches(given, list(spellings), n=1)
    hint = f"; did you mean {spellings[close[0]][1]!r}?" if close else ";"
    accepted = ", ".join(plural.replace("_", "-") for _, plural, _ in KIND_NAMES)
    msg = f"{name}={shown(kind)} is not a record kind{hint} accepted: {accepted}"
    raise ArgumentValueError(msg)


@functools.cache
def cited_kind() -> str:
    """The kind of record a citation points at (its plural name, a key of ``usnz.KINDS``), as ``source`` declares it.

    >>> cited_kind()
    'sources'
    """
    from usnz.model.citation import Citation  # noqa: PLC0415 - the record classes, only when asked
    from usnz.model.facts import facts  # noqa: PLC0415

    return kind_name(dict(facts(Citation))["source"].refers[0])
