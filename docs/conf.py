"""Sphinx configuration for the usnz documentation."""

from __future__ import annotations

import importlib.metadata

project = "usnz"
author = "usnz maintainers"
copyright = "2026, usnz maintainers (code MIT, data CC BY 4.0)"
release = importlib.metadata.version("usnz")
version = release

extensions = [
    "myst_nb",  # MyST Markdown pages, and the tutorial notebook, executed at build time
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "matplotlib.sphinxext.plot_directive",
]
source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
exclude_patterns = ["_build", "jupyter_execute", ".ipynb_checkpoints"]

# The tutorial runs through a real Jupyter kernel on every build; any cell error fails it.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_timeout = 300
nb_execution_in_temp = True  # its exports go to a temporary folder, not into docs/
nb_merge_streams = True

# Pictures drawn by code in the docs (``{eval-rst} .. plot::``): PNG only, no source links.
plot_formats = [("png", 100)]
plot_html_show_formats = False
plot_html_show_source_link = False
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_type_aliases = {"During": "usnz.During", "RecordIds": "usnz.RecordIds"}
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True

nitpicky = True
# Types from outside usnz: no intersphinx (the build runs offline), so these stay plain text.
nitpick_ignore_regex = [
    ("py:class", r"(datetime|decimal|collections\.abc|typing|os|pathlib|enum|cattrs|attrs|attr|pandas|matplotlib)\..*"),
    ("py:class", r"(DataFrame|Axes|Path|Format)"),
    ("py:class", r"(Decimal|JsonConverter|PathLike|Iterable|Iterator|Sequence|Callable|Window)"),
    ("py:class", r"(T|K|R_co|P|SupportsIndex|AnyRecord)"),
    ("py:class", r"Described"),  # the private base of Record and Source
    ("py:class", r"usnz\.(model|reading|querying|faces)\.\w+\.\w+"),  # internal modules' names
    (
        "py:class",
        r"(ValueError|TypeError|KeyError|UserWarning|Exception|tuple|int|str|float|bool|dict|list|type|object)",
    ),
    ("py:obj", r"(usnz\.(model|reading|querying|faces)\.\w+\.)?(R_co|T|P)"),
    ("py:data", r".*"),
]

html_theme = "furo"
html_title = "usnz"
