"""Rebuild the CJK / Hangul fallback fonts shipped in ``research_kit/brief/fonts/``.

DejaVu Sans (inside matplotlib) covers Latin, Greek and Cyrillic but no CJK, so the brief
needs a fallback for names such as 日本 or 서울. Full CJK fonts are 4–20 MB; we keep only the
characters of the everyday national character sets, which covers names and places:

* Han ideographs of GB 2312, JIS X 0208, Big5 level 1 and the KS X 1001 Hanja, plus
  kana, CJK punctuation and full-width forms — from Droid Sans Fallback (Apache-2.0;
  Debian package ``fonts-droid-fallback``).
* The 2,350 Hangul syllables of KS X 1001 and the compatibility jamo — from NanumGothic
  (SIL OFL 1.1; Debian package ``fonts-nanum``). NanumGothic has Reserved Font Names, so
  the subset is renamed "RK Hangul Subset" as the OFL requires for modified versions.

Run (Debian/Ubuntu, as root or with sudo for the apt step)::

    apt-get install fonts-droid-fallback fonts-nanum
    python tools/make_fallback_fonts.py

The output is deterministic for the same input fonts and fontTools version.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "research_kit" / "brief" / "fonts"
DROID = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
NANUM = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
NOTE = "Subset by research-kit (tools/make_fallback_fonts.py) to common CJK characters."


def double_byte_charset(encoding: str, leads: range, trails: list[int]) -> set[int]:
    """Every character a double-byte legacy encoding can express in the given byte ranges."""
    chars: set[int] = set()
    for lead in leads:
        for trail in trails:
            try:
                text = bytes([lead, trail]).decode(encoding)
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                chars.add(ord(text))
    return chars


def common_cjk() -> set[int]:
    euc = list(range(0xA1, 0xFF))
    chars = (double_byte_charset("gb2312", range(0xA1, 0xF8), euc)
             | double_byte_charset("euc_jp", range(0xA1, 0xF5), euc)
             | double_byte_charset("euc_kr", range(0xA1, 0xFE), euc)
             | double_byte_charset("big5", range(0xA1, 0xC7), list(range(0x40, 0x7F)) + euc))
    for start, stop in [(0x3000, 0x3100), (0x3130, 0x3190), (0xFF00, 0xFFF0)]:
        chars.update(range(start, stop))
    # Latin, Greek, Cyrillic and symbols stay with DejaVu; only East Asian blocks here.
    return {c for c in chars if c >= 0x2E80}


def subset_font(src: Path, dst: Path, unicodes: set[int], rename: str | None) -> int:
    font = TTFont(src, recalcTimestamp=False)
    wanted = sorted(c for c in unicodes if c in font.getBestCmap())
    options = subset.Options()
    options.hinting = False  # printed at text sizes in a PDF: hints only add bytes
    options.layout_features = []
    options.drop_tables += ["vhea", "vmtx", "GDEF", "GPOS", "GSUB", "gasp", "kern"]
    options.name_IDs = ["*"]
    options.name_languages = [0x409]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    names = font["name"]
    if rename:
        postscript = rename.replace(" ", "")
        for record in list(names.names):
            if record.nameID in (1, 4, 16):
                names.setName(rename, record.nameID, record.platformID, record.platEncID,
                              record.langID)
            elif record.nameID in (3, 6):
                names.setName(postscript if record.nameID == 6 else f"{postscript};subset",
                              record.nameID, record.platformID, record.platEncID, record.langID)
        # the original licence fields name the vendor only; say which licence applies
        names.setName("This Font Software is licensed under the SIL Open Font License, "
                      "Version 1.1.", 13, 3, 1, 0x409)
        names.setName("https://openfontlicense.org", 14, 3, 1, 0x409)
    names.setName(NOTE, 10, 3, 1, 0x409)
    font.save(dst)
    return len(wanted)


def main() -> int:
    missing = [str(p) for p in (DROID, NANUM) if not p.exists()]
    if missing:
        print("missing source fonts: " + ", ".join(missing)
              + "\ninstall them with: apt-get install fonts-droid-fallback fonts-nanum",
              file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    chars = common_cjk()
    hangul = {c for c in chars if 0xAC00 <= c <= 0xD7A3 or 0x3130 <= c < 0x3190}
    n_cjk = subset_font(DROID, OUT / "DroidSansFallback-CJK-subset.ttf", chars - hangul, None)
    n_hangul = subset_font(NANUM, OUT / "RKHangulSubset.ttf", hangul, "RK Hangul Subset")
    for name in ("DroidSansFallback-CJK-subset.ttf", "RKHangulSubset.ttf"):
        print(f"{name}: {(OUT / name).stat().st_size / 1e6:.2f} MB")
    print(f"characters: {n_cjk} CJK, {n_hangul} Hangul")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
