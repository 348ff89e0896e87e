"""Safe notebook display: scraped text is data, never markup.

Everything shown in a notebook goes through :class:`Panel` (or a pandas DataFrame, whose
HTML repr escapes cell text). A Panel escapes every string it renders; links are rendered
only for http(s) URLs, with the href escaped too. No script, no style from a source page
ever reaches the output.

Every HTML block shown in a notebook carries :data:`NO_MATH`: Jupyter typesets text
between two ``$`` as a formula, and filings are full of dollar amounts ("$497.3 million in
2025 from $436.9 million" would become one run of math). Markdown we emit goes through
:func:`escape_markdown` for the same reason.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

__all__ = ["Panel", "escape", "escape_markdown", "safe_link", "notebook_figure", "NO_MATH"]

NO_MATH = "tex2jax_ignore mathjax_ignore"
"""Classes that tell MathJax (2: tex2jax_ignore, 3: mathjax_ignore) to leave a block alone."""


def escape(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def escape_markdown(text: Any) -> str:
    """Text for a Markdown cell or ``_repr_markdown_``: ``$`` (math), ``*``, ``_``, `` ` ``,
    ``<`` and friends escaped so the words show as written."""
    out = "" if text is None else str(text)
    for char in "\\`*_{}[]<>#|$":
        out = out.replace(char, "\\" + char)
    return out


def notebook_figure(**kwargs: Any):
    """A new matplotlib Figure that Jupyter shows when a cell returns it.

    Jupyter's inline backend registers its figure display only once pyplot has loaded it,
    so a bare ``Figure()`` returned by the first chart cell of a session would print as
    text. Made through pyplot, then closed at once: pyplot keeps no reference to it (no
    second copy shown at the end of the cell, nothing kept alive). Outside IPython it is a
    plain Figure: a script or the CLI never starts a GUI backend."""
    import sys

    ipython = sys.modules.get("IPython")
    if ipython is None or ipython.get_ipython() is None:
        from matplotlib.figure import Figure

        return Figure(**kwargs)
    import matplotlib.pyplot as plt

    fig = plt.figure(**kwargs)
    plt.close(fig)
    return fig


def safe_link(url: str | None, text: str | None = None) -> str:
    """An escaped <a> for http(s) URLs; anything else is shown as plain escaped text."""
    label = escape(text if text else url)
    if url and urlsplit(str(url)).scheme.lower() in ("http", "https"):
        return f'<a href="{escape(url)}" rel="noopener noreferrer" target="_blank">{label}</a>'
    return label


@dataclass
class Panel:
    """A titled list of (label, value, source URL) rows, plus optional paragraphs.

    Shows as escaped HTML in Jupyter and as plain text elsewhere (``print(panel)``).
    """

    title: str
    rows: list[tuple[str, Any, str | None]] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    note: str = ""

    def add(self, label: str, value: Any, source: str | None = None) -> Panel:
        self.rows.append((label, value, source))
        return self

    def _value_text(self, value: Any) -> str:
        if isinstance(value, (list, tuple)):
            return ", ".join(str(v) for v in value)
        return "" if value is None else str(value)

    def _repr_html_(self) -> str:
        parts = [f"<div class='rk-panel {NO_MATH}'><h4>{escape(self.title)}</h4>"]
        if self.rows:
            parts.append("<table>")
            for label, value, src in self.rows:
                source = f" <small>[{safe_link(src, 'source')}]</small>" if src else ""
                parts.append(f"<tr><th style='text-align:left'>{escape(label)}</th>"
                             f"<td style='text-align:left'>{escape(self._value_text(value))}"
                             f"{source}</td></tr>")
            parts.append("</table>")
        for para in self.paragraphs:
            parts.append(f"<p>{escape(para)}</p>")
        if self.note:
            parts.append(f"<p><small>{escape(self.note)}</small></p>")
        parts.append("</div>")
        return "".join(parts)

    def __str__(self) -> str:
        lines = [self.title, "=" * len(self.title)]
        width = max((len(label) for label, _, _ in self.rows), default=0)
        for label, value, src in self.rows:
            lines.append(f"{label:<{width}}  {self._value_text(value)}"
                         + (f"  [{src}]" if src else ""))
        lines.extend(["", *self.paragraphs] if self.paragraphs else [])
        if self.note:
            lines.extend(["", self.note])
        return "\n".join(lines)

    __repr__ = __str__

    @classmethod
    def from_pairs(cls, title: str, pairs: Iterable[tuple[str, Any]], source: str | None = None,
                   note: str = "") -> Panel:
        return cls(title, [(k, v, source) for k, v in pairs if v not in (None, "", [])],
                   note=note)
