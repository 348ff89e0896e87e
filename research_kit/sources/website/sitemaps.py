"""sitemaps.org XML sitemaps (urlset and sitemap index), gzipped or not, and text sitemaps.

Parsed with entity resolution and network access off (an XML file from the internet must
not make us read local files or fetch anything).
"""

from __future__ import annotations

import gzip
import re
import zlib
from dataclasses import dataclass, field

__all__ = ["Sitemap", "SitemapEntry", "parse_sitemap", "sitemaps_in_robots", "MAX_SITEMAP_URLS"]

MAX_SITEMAP_URLS = 50_000  # the sitemaps.org limit per file
_MAX_UNZIPPED = 50 * 1024 * 1024


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    lastmod: str | None = None


@dataclass
class Sitemap:
    urls: list[SitemapEntry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    """Child sitemaps listed by a sitemap index."""


def _gunzip(content: bytes) -> bytes:
    if not content.startswith(b"\x1f\x8b"):
        return content
    try:
        out = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(content, _MAX_UNZIPPED)
    except (zlib.error, OSError, EOFError, gzip.BadGzipFile):
        return b""
    return out


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def parse_sitemap(content: bytes | str) -> Sitemap:
    """Whatever a sitemap file holds; an unreadable one is simply empty."""
    from lxml import etree

    raw = content.encode("utf-8") if isinstance(content, str) else _gunzip(content or b"")
    result = Sitemap()
    if not raw.strip():
        return result
    if not raw.lstrip().startswith(b"<"):
        # a text sitemap: one URL per line
        for line in raw.decode("utf-8", "replace").splitlines()[:MAX_SITEMAP_URLS]:
            line = line.strip()
            if re.match(r"https?://", line):
                result.urls.append(SitemapEntry(line))
        return result
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True,
                             huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(raw, parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        return result
    if root is None:
        return result
    kind = _local(root.tag)
    for node in root:
        name = _local(node.tag)
        if name not in ("url", "sitemap"):
            continue
        loc = lastmod = None
        for child in node:
            cname = _local(child.tag)
            if cname == "loc":
                loc = (child.text or "").strip()
            elif cname == "lastmod":
                lastmod = (child.text or "").strip() or None
        if not loc:
            continue
        if name == "sitemap" or kind == "sitemapindex":
            result.sitemaps.append(loc)
        elif len(result.urls) < MAX_SITEMAP_URLS:
            result.urls.append(SitemapEntry(loc, lastmod))
    return result


def sitemaps_in_robots(robots_text: str | None) -> list[str]:
    """``Sitemap:`` lines of a robots.txt (they apply to the whole file, any user agent)."""
    found = []
    for line in (robots_text or "").splitlines():
        m = re.match(r"\s*sitemap\s*:\s*(\S+)", line, re.I)
        if m and m.group(1) not in found:
            found.append(m.group(1))
    return found
