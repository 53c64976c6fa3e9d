"""Calls a public function cannot take, refused with what it takes: ``usnz.ArgumentTypeError``, not a ``TypeError``.

Imports nothing at first: ``inspect`` and ``difflib`` only once a call is refused.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

from usnz.model.errors import ArgumentTypeError, shown

__all__ = ["checked_call", "refused_call"]

F = TypeVar("F", bound=Callable[..., Any])


def checked_call(
    function: F,
    *,
    filters: bool = False,
    fields: Callable[[str], Mapping[str, tuple[str, ...]]] | None = None,
    then: Callable[[tuple[Any, ...], Any], Any] | None = None,
) -> F:
    """*function*, raising :class:`~usnz.ArgumentTypeError` for a call it cannot take (``verify(source=...)``).

    Python's own ``TypeError`` says only that a keyword is unexpected; this one names the
    function's arguments (its filters, with *filters*: a query's keyword-only arguments) and the
    closest, or the filter a field of that name feeds (*fields*, asked with the function's name
    only when a call is refused; see :func:`refused_call`). Only an error of the call itself is
    replaced: one whose traceback has no frame inside *function* (a ``TypeError`` raised while
    it runs passes through unchanged). *then*, given the call's arguments and the result, gives
    what the call returns. The cost of a call is one frame; the signature and the type
    checkers' view of *function* are its own.
    """

    @functools.wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        try:
            found = function(*args, **kwargs)
        except TypeError as error:
            traceback = error.__traceback__
            if traceback is None or traceback.tb_next is not None:  # raised inside function, not binding the call
                raise
            known = fields(function.__name__) if fields is not None else None
            raise refused_call(function, args, kwargs, error, known, filters=filters) from None
        return found if then is None else then(args, found)

    return typing.cast("F", checked)


def refused_call(
    function: Callable[..., object],
    args: tuple[object, ...],
    kwargs: Mapping[str, object],
    error: TypeError,
    fields: Mapping[str, tuple[str, ...]] | None = None,
    *,
    filters: bool = True,
) -> ArgumentTypeError:
    """The error to raise for a call *function* cannot take (Python's *error*), saying what it does take.

    An unknown keyword is named with the function's filters (or arguments) and the closest of
    them, or the filter a field of that name feeds (*fields*: field name -> the filters it
    feeds, the likeliest first; ``parties=`` -> ``country=``). Arguments given by position to a
    function taking them by name are named so; any other mistake keeps Python's words. A
    query's keyword-only arguments are its filters; with *filters* false, arguments always.

    >>> def agreements(*, kind=None, country=None, involving=None): ...
    >>> print(refused_call(agreements, (), {"contry": "NZL"}, TypeError()))
    agreements() takes no filter 'contry'; its filters are kind=, country=, involving=; did you mean country=?
    """
    import inspect  # noqa: PLC0415 - only once a call is refused

    signature = inspect.signature(function)
    parameters = [p for p in signature.parameters.values() if p.name != "self"]
    taken = [p.name for p in parameters if p.kind in {p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD}]
    queries = filters and all(p.kind is p.KEYWORD_ONLY for p in parameters)
    what = "filter" if queries else "argument"
    name = f"{function.__name__}()"
    unknown = [key for key in kwargs if key not in taken]
    if unknown:
        listed = f"its {what}s are {', '.join(f'{p}=' for p in taken)}" if taken else f"it takes no {what}s"
        hint = _meant(unknown[0], [key for key in taken if key not in kwargs], fields or {})
        msg = f"{name} takes no {what} {shown(unknown[0])}; {listed}{hint}"
        return ArgumentTypeError(msg)
    positional = [p.name for p in parameters if p.kind in {p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD}]
    given = args[len(signature.parameters) - len(parameters) :]  # not self
    if len(given) > len(positional):
        by_name = ", ".join(f"{p}=" for p in taken if p not in positional)
        if positional:
            takes = f"takes {', '.join(positional)} by position and its other {what}s by name ({by_name})"
        else:
            takes = f"takes its {what}s by name only ({by_name})" if by_name else f"takes no {what}s"
        count = f"{len(given)} positional argument{'s' if len(given) > 1 else ''}"
        return ArgumentTypeError(f"{name} {takes}; got {count}: {shown(given)}")
    return ArgumentTypeError(str(error).replace(f"{function.__qualname__}()", name))


_SYNONYMS: Final[Mapping[str, str]] = {
    "year": "during",
    "date": "during",
    "when": "during",
    "person": "speaker",
    "by": "speaker",
    "who": "speaker",
    "war": "conflict",
    "title": "office",
    "role": "office",
    "party": "country",
    "parties": "country",
}
"""Words a user may give for a filter, and the filter they mean (``year=``: ``during=``) where it is taken."""


def _meant(given: str, taken: list[str], fields: Mapping[str, tuple[str, ...]]) -> str:
    """``; did you mean country=?`` for a keyword a function does not take: the closest it takes, or what a field feeds.

    *taken* holds those not given already (``load(paths=..., path=...)`` suggests no ``paths=``).
    A natural synonym (:data:`_SYNONYMS`) names its filter; a field feeding several filters is
    named with each (``roles``: ``office=`` or ``country=``), ``involving=`` only when it feeds no other.
    """
    synonym = _SYNONYMS.get(given)
    if synonym in taken and given not in fields:
        return f"; did you mean {synonym}=?"
    feeding = {field: [f for f in taken if f in fed] for field, fed in fields.items()}
    import difflib  # noqa: PLC0415 - only once a call is refused

    close = difflib.get_close_matches(given, [*taken, *(field for field in feeding if feeding[field])], n=1)
    if not close:
        return ""
    found = close[0]
    if found in taken:
        return f"; did you mean {found}=?"
    fed = feeding[found]
    meant = " or ".join(f"{f}=" for f in [f for f in fed if f != "involving"] or fed)
    return f"; did you mean {meant}? (the {found!r} field is filtered by {', '.join(f'{f}=' for f in fed)})"
