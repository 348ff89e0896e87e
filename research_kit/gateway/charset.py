"""Bytes to text the way browsers do it (part of the gateway): BOM, then the HTTP charset,
then the document's own ``<meta charset>`` / ``<?xml encoding?>``, then UTF-8, then a guess."""

from __future__ import annotations

import re

__all__ = ["decode_body"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")


def decode_body(content: bytes, content_type: str | None = None) -> str:
    """Decode bytes to text: BOM, then HTTP charset, then <meta>/<?xml?> charset, then a guess."""
    if not content:
        return ""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if content.startswith(bom):
            return content[len(bom):].decode(enc, errors="replace")
    candidates: list[str] = []
    if content_type:
        m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)
        if m:
            candidates.append(m.group(1))
    head = content[:4096]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        found = pattern.search(head)
        if found:
            candidates.append(found.group(1).decode("ascii", "ignore"))
    for enc in candidates:
        enc = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252",
               "us-ascii": "cp1252"}.get(enc.lower(), enc)  # as browsers do (WHATWG)
        try:
            return content.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # a requests dependency

    best = from_bytes(content[:200_000]).best()
    if best is not None:
        try:
            return content.decode(best.encoding, errors="replace")
        except LookupError:
            pass
    return content.decode("cp1252", errors="replace")
