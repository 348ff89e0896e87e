"""Chart images for the brief: a Figure, PNG or SVG in; bytes and proportions out.

A matplotlib Figure is rasterised once per render (PNG at 170 dpi: sharp when printed at
~6 cm, and the same bytes serve the PDF and the HTML). SVG given by the caller is kept as
SVG; the HTML embeds it as an ``<img>`` data URI, where browsers never run scripts.
"""

from __future__ import annotations

import io
import os
import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = ["ChartImage", "chart_image", "small_figure", "CHART_ASPECT"]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
FIGURE_DPI = 170  # ~400 px across a 6 cm slot: sharp in print, quick to draw
_SVG_SIZE = re.compile(rb"<svg\b[^>]*?\bwidth=\"([\d.]+)[a-z]*\"[^>]*?\bheight=\"([\d.]+)[a-z]*\"",
                       re.S)
_SVG_VIEWBOX = re.compile(
    rb"<svg\b[^>]*?\bviewBox=\"[\d.\-]+[ ,]+[\d.\-]+[ ,]+([\d.]+)[ ,]+([\d.]+)\"", re.S)


@dataclass(frozen=True)
class ChartImage:
    data: bytes
    kind: str
    """"png" or "svg"."""
    aspect: float
    """height / width."""

    @property
    def mime(self) -> str:
        return "image/png" if self.kind == "png" else "image/svg+xml"


def _png(data: bytes) -> ChartImage:
    if len(data) < 24 or data[12:16] != b"IHDR":
        raise InputError("chart PNG is truncated or malformed",
                         suggestion="save the chart again, or pass the matplotlib Figure itself")
    width, height = struct.unpack(">II", data[16:24])
    if not width or not height:
        raise InputError("chart PNG has no pixels", suggestion="pass a non-empty image")
    return ChartImage(data, "png", height / width)


def _svg(data: bytes) -> ChartImage:
    head = data[:4000]
    match = _SVG_VIEWBOX.search(head) or _SVG_SIZE.search(head)
    aspect = 0.6
    if match:
        width, height = float(match.group(1)), float(match.group(2))
        if width > 0 and height > 0:
            aspect = height / width
    return ChartImage(data, "svg", aspect)


CHART_ASPECT = 0.40
"""Height / width of a chart slot in the brief; Figures are drawn to exactly this shape."""


def chart_image(image: Any, aspect: float | None = CHART_ASPECT) -> ChartImage:
    """Normalise a chart given as a matplotlib Figure, PNG/SVG bytes, SVG text or a file path.

    A Figure is drawn at its own width and ``aspect`` × that height (so it fills the slot;
    its size is restored afterwards); images keep their proportions.
    """
    if hasattr(image, "savefig") and hasattr(image, "get_size_inches"):
        buf = io.BytesIO()
        width, height = (float(v) for v in image.get_size_inches())
        if aspect:
            image.set_size_inches(width, width * aspect)
        try:
            image.savefig(buf, format="png", dpi=FIGURE_DPI, facecolor="white")
        finally:
            image.set_size_inches(width, height)
        return ChartImage(buf.getvalue(), "png", aspect or height / (width or 1.0))
    if isinstance(image, (str, os.PathLike)) and not str(image).lstrip().startswith("<"):
        path = Path(image)
        try:
            image = path.read_bytes()
        except OSError as exc:
            raise InputError(f"chart file {path} cannot be read", path=str(path),
                             suggestion="check the path, or pass the Figure itself") from exc
    if isinstance(image, str):
        image = image.encode("utf-8")
    if isinstance(image, (bytes, bytearray, memoryview)):
        data = bytes(image)
        if data.startswith(PNG_SIGNATURE):
            return _png(data)
        start = data.lstrip()[:400].lower()
        if start.startswith(b"<?xml") or start.startswith(b"<svg") or b"<svg" in start:
            return _svg(data.strip())
    raise InputError("a chart must be a matplotlib Figure, PNG bytes or SVG",
                     suggestion="pass the Figure your notebook cell returned",
                     got=type(image).__name__)


def small_figure(width_in: float = 2.8, height_in: float = 1.12, *, font_size: float = 6.5,
                 left_in: float = 0.6, bottom_in: float = 0.24):
    """A (figure, axes) pair sized and styled for a brief chart slot.

    Uses ``matplotlib.figure.Figure`` directly (no pyplot state), light spines and small
    tick labels, so the chart reads at print size. ``left_in``/``bottom_in`` are the
    margins the tick and axis labels need (wider for long category names, taller for an
    x-axis label).
    """
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_in, height_in), dpi=100)
    # fixed margins, in inches, wide enough for six-digit tick labels and an axis label at
    # this size: matplotlib's constrained layout would measure them for every chart (half
    # the time it takes to draw one)
    fig.subplots_adjust(left=left_in / width_in, right=1 - 0.06 / width_in,
                        bottom=bottom_in / height_in, top=1 - 0.1 / height_in)
    ax = fig.add_subplot()
    ax.tick_params(labelsize=font_size, length=2, width=0.5, pad=1.5)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_linewidth(0.5)
        ax.spines[side].set_color("#8a94a3")
    return fig, ax
