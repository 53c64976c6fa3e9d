"""``usnz.cite()``: how to cite usnz, the texts its facts come from, and its crosswalk data."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final, Literal, Protocol

from usnz.faces import marks
from usnz.model.calls import checked_call
from usnz.model.errors import ArgumentValueError
from usnz.model.records import source_texts

if TYPE_CHECKING:
    from usnz.model.dates import PartialDate
    from usnz.querying.dataset import Dataset

__all__ = ["cite"]

_TITLE: Final = "usnz: the facts of New Zealand–United States relations as typed, cited records"
_CROSSWALK_TEXT: Final = (
    "Correlates of War Project. 2017. State System Membership List, v2016 (country codes).",
    (
        "Sarkees, Meredith Reid, and Frank Whelon Wayman. 2010. Resort to War: 1816-2007. Washington, DC: "
        "CQ Press (Correlates of War Inter-State War Data, v4.0: war numbers)."
    ),
    (
        "Miller, Steven V. 2022. peacesciencer: An R Package for Quantitative Peace Science Research. "
        "Conflict Management and Peace Science 39(6): 755-779 (the package the codes were taken from)."
    ),
)
_CROSSWALK_BIBTEX: Final = (
    """@misc{cow-states-2016,
  author = {{Correlates of War Project}},
  title = {State System Membership List, v2016},
  year = {2017},
}""",
    """@book{sarkees-wayman-2010,
  author = {Sarkees, Meredith Reid and Wayman, Frank Whelon},
  title = {Resort to War: 1816--2007},
  publisher = {CQ Press},
  address = {Washington, DC},
  year = {2010},
}""",
    """@article{miller-2022-peacesciencer,
  author = {Miller, Steven V.},
  title = {peacesciencer: An {R} Package for Quantitative Peace Science Research},
  journal = {Conflict Management and Peace Science},
  volume = {39},
  number = {6},
  pages = {755--779},
  year = {2022},
}""",
)
_MONTHS: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_LATEX: Final = {
    "\\": r"\textbackslash{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "–": "--",
    "—": "---",
    **{char: f"\\{char}" for char in "&%$#_{}"},
}
"""How each character special to BibTeX or LaTeX is written in a field."""
_SPECIAL: Final = re.compile("|".join(re.escape(char) for char in _LATEX))


def _versions() -> tuple[str, str]:
    from importlib.metadata import version  # noqa: PLC0415 - only when asked

    from usnz.reading.version import DATA_VERSION  # noqa: PLC0415 - the packaged data's version

    return version("usnz"), DATA_VERSION


class _Text(Protocol):
    """What a citation of a source reads of it."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def publisher(self) -> str: ...
    @property
    def date(self) -> PartialDate | None: ...
    @property
    def sha256(self) -> str: ...
    @property
    def date_basis(self) -> str | None: ...


def _sources(data: Dataset | None) -> tuple[_Text, ...]:
    """The sources of *data* (by default the packaged dataset's)."""
    from usnz.querying.lookup import given_dataset  # noqa: PLC0415 - the packaged data, loaded on first use

    return tuple(source_texts(given_dataset(data)))


def _source_text(source: _Text) -> str:
    mark = marks.date_mark(source)
    date = "undated" if source.date is None else str(source.date) + (f" {mark}" if mark else "")
    kind = source.kind.replace("-", " ")
    return f'"{source.title}". {kind.capitalize()}, publisher: {source.publisher}, {date}. SHA-256 {source.sha256}.'


def _unstated(source: _Text) -> str | None:
    """What a source's date rests on when the text does not state it (``date_basis``), else None."""
    if source.date is None or source.date_basis not in marks.BASIS_WORDS:
        return None
    kind = source.kind.replace("-", " ")
    return f"date not stated in the {kind}: {marks.BASIS_WORDS[source.date_basis]}"


def _dating_legend(sources: tuple[_Text, ...]) -> list[str]:
    """A line for each source whose text does not state its date: its mark, what that date rests on, and where."""
    return [
        f"{marks.date_mark(source)} {source.id}: {unstated} (its doubts say how: usnz show {source.id})"
        for source in sources
        if (unstated := _unstated(source)) is not None
    ]


def _bib(text: str) -> str:
    r"""Text safe inside a BibTeX field: LaTeX specials escaped, dashes as ``--`` and ``---``.

    >>> print(_bib("100% of {x} – a\\b"))
    100\% of \{x\} -- a\textbackslash{}b
    """
    return _SPECIAL.sub(lambda found: _LATEX[found[0]], text)


def _source_bibtex(source: _Text) -> str:
    lines = [
        f"@misc{{{source.id},",
        f"  title = {{{_bib(source.title)}}},",
        f"  howpublished = {{{_bib(source.kind.replace('-', ' '))}; publisher: {_bib(source.publisher)}}},",
    ]
    if source.date is not None:
        lines.append(f"  year = {{{source.date.year}}},")
        if source.date.month is not None:
            lines.append(f"  month = {_MONTHS[source.date.month - 1]},")
    approximate = source.date is not None and source.date.approximate
    unstated = _unstated(source)
    note = f"SHA-256 {source.sha256}{'; date approximate' if approximate else ''}"
    note += f"; {unstated}" if unstated else ""
    lines.append(f"  note = {{{_bib(note)}}},")
    lines.append("}")
    return "\n".join(lines)


@checked_call
def cite(format: Literal["text", "bibtex"] = "text", *, data: Dataset | None = None) -> str:  # noqa: A002 - the option's name
    """How to cite usnz, the source texts its facts are drawn from, and its crosswalk data.

    Cite usnz (with its data version) and the source texts; cite the Correlates of War
    data too when you use the ``cow_ccode`` or ``cow_warnum`` codes.

    Args:
        format: ``"text"`` (plain text, the default) or ``"bibtex"``.
        data: The dataset whose source texts are listed; by default the packaged one.

    >>> import usnz
    >>> print(usnz.cite().splitlines()[0])
    usnz maintainers. ... usnz: the facts of New Zealand–United States relations as typed, cited records. ...
    >>> "@misc{nzpa-key-leaves-us," in usnz.cite("bibtex")
    True

    Raises:
        ArgumentTypeError: when *data* is not a Dataset.
        ArgumentValueError: for a format other than ``text`` or ``bibtex``.
    """
    if format not in {"text", "bibtex"}:
        msg = f"format={format!r:.80} is not accepted; accepted: text, bibtex"
        raise ArgumentValueError(msg)
    version, data_version = _versions()
    year = data_version.split(".")[0]
    sources = _sources(data)
    if format == "bibtex":
        usnz_entry = (
            "@misc{usnz,\n"
            "  author = {{usnz maintainers}},\n"
            f"  title = {{{_bib(_TITLE)}}},\n"
            f"  year = {{{year}}},\n"
            f"  note = {{Python package version {version}, data version {data_version}; code MIT, data CC BY 4.0}},\n"
            "}"
        )
        return "\n\n".join((usnz_entry, *(_source_bibtex(s) for s in sources), *_CROSSWALK_BIBTEX)) + "\n"
    lines = [
        (
            f"usnz maintainers. {year}. {_TITLE}. Python package version {version}, data version {data_version}. "
            "Code MIT; data CC BY 4.0."
        ),
        "",
        "Its facts are drawn from these texts (cite them too):",
        *(f"- {_source_text(s)}" for s in sources),
        *_dating_legend(sources),
        "",
        "Correlates of War codes (cow_ccode, cow_warnum) come from:",
        *(f"- {entry}" for entry in _CROSSWALK_TEXT),
    ]
    return "\n".join(lines) + "\n"
