"""A deliberately small markdown reader for the user's own ``brief`` cells.

It yields plain :class:`Block` objects (paragraph, bullet, heading) made of styled
:class:`Run` text, which both renderers turn into their own output. Nothing here produces
markup: raw HTML in a cell stays literal text (the HTML renderer escapes it, the PDF prints
it), links become "text (url)", images become "[image: alt]", code is plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Run", "Block", "parse_markdown", "plain_text"]


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Block:
    kind: str
    """"para", "bullet" or "heading"."""
    runs: tuple[Run, ...]
    marker: str = ""
    """The bullet's marker as printed: "•" or "1." etc."""


_BULLET = re.compile(r"^\s{0,3}([-*+])\s+(.*)$")
_NUMBERED = re.compile(r"^\s{0,3}(\d{1,3})[.)]\s+(.*)$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
# Inline tokens, tried in this order at each position. Link targets and titles are
# bounded: nobody writes a 2,000-character URL in a brief cell.
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(([^)\s]{0,2000})(?:\s+\"[^\"]{0,300}\")?\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]{0,2000})(?:\s+\"[^\"]{0,300}\")?\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_AUTOLINK_END = re.compile(r"[^>\s]*")
_CODE = re.compile(r"`([^`\n]+)`")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM = re.compile(r"(\*|_)(?=\S)(.+?)(?<=\S)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>])")


class _Horizons:
    """Where a failed search for a token's end ended, so that no later opener repeats it.

    Each token's match is decided by the first closing mark after its opener (``]``, a
    backtick, ``>``/space, the next ``*`` after a non-space). When one opener finds no
    valid close, every opener before that point ends at the same close and fails too —
    and for emphasis, every later opener fails as well. Remembering this keeps a line of
    120,000 unmatched ``*word `` or ``[word`` linear instead of quadratic."""

    def __init__(self) -> None:
        self.dead_until: dict[str, int] = {}
        self.dead_after: dict[str, int] = {}

    def skip(self, token: str, i: int) -> bool:
        return i < self.dead_until.get(token, -1) or i >= self.dead_after.get(token, 1 << 62)

    def failed_before(self, token: str, end: int) -> None:
        self.dead_until[token] = max(end, self.dead_until.get(token, -1))

    def failed_from(self, token: str, i: int) -> None:
        self.dead_after[token] = min(i, self.dead_after.get(token, 1 << 62))


def _bracketed(pattern: re.Pattern, token: str, text: str, i: int, start: int,
               horizons: _Horizons):
    """A link or image at ``i`` (its ``[`` at ``start``), remembering a failure."""
    if horizons.skip(token, start):
        return None
    m = pattern.match(text, i)
    if m is None:
        close = text.find("]", start + 1)
        horizons.failed_before(token, close if close >= 0 else len(text))
    return m


def _inline(text: str, bold: bool = False, italic: bool = False) -> list[Run]:
    """Split one line of markdown into styled runs (no nesting beyond bold/italic).

    Linear in the length of the line (see :class:`_Horizons`)."""
    runs: list[Run] = []
    plain: list[str] = []
    horizons = _Horizons()
    i = 0

    def flush() -> None:
        if plain:
            runs.append(Run("".join(plain), bold, italic))
            plain.clear()

    while i < len(text):
        ch = text[i]
        if ch == "\\":
            m = _ESCAPE.match(text, i)
            if m:
                plain.append(m.group(1))
                i = m.end()
                continue
        if ch == "!" and text.startswith("![", i):
            m = _bracketed(_IMAGE, "image", text, i, i + 1, horizons)
            if m:
                plain.append(f"[image: {m.group(1) or m.group(2)}]")
                i = m.end()
                continue
        if ch == "[":
            m = _bracketed(_LINK, "link", text, i, i, horizons)
            if m:
                flush()
                runs.extend(_inline(m.group(1), bold, italic))
                if m.group(2) and m.group(2) != m.group(1):
                    runs.append(Run(f" ({m.group(2)})", bold, italic))
                i = m.end()
                continue
        if ch == "<" and not horizons.skip("autolink", i):
            m = _AUTOLINK.match(text, i)
            if m:
                plain.append(m.group(1))
                i = m.end()
                continue
            end = _AUTOLINK_END.match(text, i + 1)
            if end is not None and text.startswith(("<http://", "<https://"), i):
                horizons.failed_before("autolink", end.end())  # failed at its end, not start
        if ch == "`" and not horizons.skip("code", i):
            m = _CODE.match(text, i)
            if m:
                plain.append(m.group(1))
                i = m.end()
                continue
            if text.find("`", i + 1) < 0:
                horizons.failed_from("code", i)
        if ch in "*_" and not (ch == "_" and i > 0 and text[i - 1].isalnum()):
            # ("_" inside a word, snake_case, is not emphasis)
            m = _emphasis(text, i, ch, horizons)
            if m:
                flush()
                strong = len(m.group(1)) == 2
                runs.extend(_inline(m.group(2), bold or strong, italic or not strong))
                i = m.end()
                continue
        plain.append(ch)
        i += 1
    flush()
    return _merge(runs)


def _emphasis(text: str, i: int, ch: str, horizons: _Horizons):
    for pattern, mark in ((_STRONG, ch * 2), (_EM, ch)):
        if not text.startswith(mark, i) or horizons.skip(mark, i):
            continue
        m = pattern.match(text, i)
        if m:
            return m
        after = i + len(mark)
        if after < len(text) and not text[after].isspace():
            horizons.failed_from(mark, i)  # no closer anywhere after: none for later ones
    return None


def _merge(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        else:
            merged.append(run)
    return merged


def parse_markdown(source: str) -> list[Block]:
    """Blocks of a markdown cell: paragraphs (soft line breaks joined), bullets, headings."""
    blocks: list[Block] = []
    para: list[str] = []
    item: tuple[str, list[str]] | None = None
    in_fence = False

    def flush() -> None:
        nonlocal item
        if para:
            runs = _inline(" ".join(para))
            if runs:
                blocks.append(Block("para", tuple(runs)))
            para.clear()
        if item is not None:
            runs = _inline(" ".join(item[1]))
            if runs:
                blocks.append(Block("bullet", tuple(runs), item[0]))
            item = None

    for raw in (source or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.rstrip()
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:  # code shown as plain text, one paragraph per line
            if line.strip():
                blocks.append(Block("para", (Run(line.strip()),)))
            continue
        if not line.strip() or _RULE.match(line):
            flush()
            continue
        heading = _HEADING.match(line)
        bullet = _BULLET.match(line)
        numbered = _NUMBERED.match(line)
        if heading:
            flush()
            runs = _inline(heading.group(1), bold=True)
            if runs:
                blocks.append(Block("heading", tuple(runs)))
        elif listed := bullet or numbered:
            flush()
            marker = "•" if bullet else f"{listed.group(1)}."
            item = (marker, [listed.group(2).strip()])
        elif item is not None and raw[:1] in (" ", "\t"):
            item[1].append(line.strip())  # continuation of a bullet
        else:
            if item is not None:
                flush()
            para.append(line.strip().lstrip(">").strip())
    flush()
    return blocks


def plain_text(source: str) -> str:
    """The cell as plain text, one block per line (for search and tests)."""
    lines = []
    for block in parse_markdown(source):
        text = "".join(run.text for run in block.runs)
        lines.append(f"{block.marker} {text}" if block.marker else text)
    return "\n".join(lines)
