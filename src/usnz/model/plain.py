"""What text in a record may hold: any character but a control character (tab and newline aside) or a lone surrogate.

Such text prints, encodes and exports everywhere: a lone surrogate (U+D800 alone) cannot be
encoded as UTF-8, and a control character (ESC, BEL, a carriage return) would act on the
terminal or split a line of a file instead of being read.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Generator
from typing import TYPE_CHECKING, Final

__all__ = ["KEPT_PATTERN", "QUOTE_PATTERN", "TEXT_PATTERN", "UNSAFE", "all_safe", "safe_text", "unsafe"]

_UNSAFE: Final = "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]"
"""A character text may not hold: C0 controls but tab and newline, DEL, C1 controls, lone surrogates.

Compiled when first searched for (:func:`re.search` keeps it): valid text is printable, or
holds only tabs and newlines besides, so a first get never compiles it (about 0.4 ms).
"""
if TYPE_CHECKING:
    import contextvars

    UNSAFE: re.Pattern[str]
    """:data:`_UNSAFE` compiled (made when first asked for)."""
_KEPT: Final = r"[^\u0000-\u0008\u000b-\u001f\u007f-\u009f]"
"""A character text may hold, as a JSON Schema (ECMA-262) pattern: any but those :data:`UNSAFE` names.

Lone surrogates aside: a pattern cannot refuse one alone without refusing a pair in some readers.
"""
_EDGE: Final = r"[^\s\u0000-\u001f\u007f-\u009f]"
"""A character text may begin or end with: one it may hold that is not a space."""
TEXT_PATTERN: Final = rf"^{_EDGE}(?:{_KEPT}*{_EDGE})?$"
"""Text a record's field holds, as a JSON Schema pattern: not empty, no space at either end, no control character."""
KEPT_PATTERN: Final = rf"^{_KEPT}*$"
"""Text a citation's note holds, as a JSON Schema pattern: no control character (tab and newline aside)."""
QUOTE_PATTERN: Final = rf"^(?=[\s\S]*\S){_KEPT}*$"
"""A citation's quote, as a JSON Schema pattern: something but spaces, and no control character."""
_known_safe: contextvars.ContextVar[bool] | None = None
"""Within :func:`safe_text`, true; made by its first use (a first get reads no file whole: no contextvars)."""


def _known_safe_flag() -> contextvars.ContextVar[bool]:
    """:data:`_known_safe`, made if not yet made.

    (Two threads making it at once may each make one: a text then not known to be safe is
    searched, as any other; nothing is let through.)
    """
    global _known_safe  # noqa: PLW0603 - made once, on first use
    if _known_safe is None:
        import contextvars  # noqa: PLC0415 - only with the first whole file read

        _known_safe = contextvars.ContextVar("usnz_safe_text", default=False)
    return _known_safe


def unsafe(text: str) -> str | None:
    r"""Why *text* cannot be kept, or ``None`` when it can.

    >>> unsafe("tab\tand\nnewline") is None
    True
    >>> unsafe("bell\a")
    'holds a control character (U+0007) at position 4; text may hold tabs and newlines, no other control character'
    """
    if text.isprintable():  # no control character, no surrogate: the common case, faster than the search
        return None
    found = re.search(_UNSAFE, text)
    if found is None:
        return None
    code = ord(found.group())
    if 0xD800 <= code <= 0xDFFF:
        what = f"a lone surrogate (U+{code:04X}), which is no character and cannot be written as UTF-8"
        return f"holds {what}, at position {found.start()}; remove it or give the character it was part of"
    return (
        f"holds a control character (U+{code:04X}) at position {found.start()}; "
        "text may hold tabs and newlines, no other control character"
    )


@contextlib.contextmanager
def safe_text() -> Generator[None, None, None]:
    """Within the block, every text read is known to hold no character :func:`unsafe` refuses.

    So a column test (:func:`all_safe`) does not look for them again: what the loader knows of a
    whole file whose bytes show none (:func:`usnz.reading.problems.suspect_utf8`).
    """
    flag = _known_safe_flag()
    token = flag.set(True)
    try:
        yield
    finally:
        flag.reset(token)


def all_safe(texts: list[str]) -> bool:
    """Whether no text of *texts* holds a character :func:`unsafe` refuses (printable text none), asked at once."""
    flag = _known_safe
    return (flag is not None and flag.get()) or "".join(texts).isprintable()


def __getattr__(name: str) -> re.Pattern[str]:
    """:data:`UNSAFE`, compiled when first asked for."""
    if name == "UNSAFE":
        return re.compile(_UNSAFE)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
