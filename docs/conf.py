"""Sphinx configuration for the usnz documentation."""

from __future__ import annotations

import importlib.metadata

project = "usnz"
author = "usnz maintainers"
copyright = "2026, usnz maintainers (code MIT, data CC BY 4.0)"
release = importlib.metadata.version("usnz")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True

nitpicky = True
# Types from outside usnz: no intersphinx (the build runs offline), so these stay plain text.
nitpick_ignore_regex = [
    ("py:class", r"(datetime|decimal|collections\.abc|typing|os|enum|cattrs|attrs|attr)\..*"),
    ("py:class", r"(Decimal|JsonConverter|PathLike|Iterable|Iterator|Sequence|Callable|Window)"),
    ("py:class", r"(T|R_co|P|SupportsIndex|AnyRecord)"),
    ("py:class", r"usnz\._\w+\.\w+"),
    (
        "py:class",
        r"(ValueError|TypeError|KeyError|UserWarning|Exception|tuple|int|str|float|bool|dict|list|type|object)",
    ),
    ("py:obj", r"(usnz\._\w+\.)?(R_co|T|P)"),
    ("py:data", r".*"),
]

html_theme = "furo"
html_title = "usnz"
