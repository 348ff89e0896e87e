"""Text keys shared by every layer: :func:`fold` (a comparison form) and :func:`slugify`."""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["fold", "slugify", "words_in"]

_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^a-z0-9+#]+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
# letters NFKD does not decompose into ASCII
_LATIN = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                        "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ı": "i"})


def fold(text: str) -> str:
    """Lower case, accents stripped, "&" → "and", punctuation → spaces, single spaces."""
    text = unicodedata.normalize("NFKD", str(text or "").translate(_LATIN))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("&", " and ").replace("’", "'").replace("'", "")
    return _SPACE.sub(" ", _NON_WORD.sub(" ", text)).strip()


def words_in(text: str) -> set[str]:
    return set(fold(text).split())


def slugify(name: str, *, default: str = "item", max_length: int = 60) -> str:
    """A file or folder name for ``name``: "Acme Corp, Inc." → "acme-corp-inc", "Łódź Tech"
    → "lodz-tech". A name with no Latin letters or digits ("東京エレクトロン") gets
    ``default`` plus a short hash of the name, so distinct names never share a slug."""
    text = unicodedata.normalize("NFKD", str(name or "").translate(_LATIN))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    slug = _NON_SLUG.sub("-", text.lower()).strip("-")
    slug = slug[:max_length].strip("-")
    if slug and slug not in (".", ".."):
        return slug
    stripped = str(name or "").strip()
    if not stripped:
        return default
    digest = hashlib.sha256(stripped.encode("utf-8")).hexdigest()[:8]
    return f"{default}-{digest}"
