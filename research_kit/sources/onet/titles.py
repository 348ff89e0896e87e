"""Occupation-title normalisation shared by the title matcher and the release crosswalk.

Job titles as written in postings ("Sr. Data Eng. II – Platform") and O*NET titles
("Software Developers, Applications") differ in case, plural, abbreviations, seniority and
trailing qualifiers. :func:`normalize_title` brings both to one comparable form;
:func:`title_variants` gives the forms of a posting title worth trying (with and without its
qualifier). Everything here is general English job-title usage, not data-specific.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["normalize_title", "title_variants", "singular"]

# common abbreviations in job titles → the words O*NET uses
ABBREVIATIONS = {
    "sr": "senior", "snr": "senior", "jr": "junior", "mgr": "manager", "mngr": "manager",
    "eng": "engineer", "engr": "engineer", "dev": "developer", "devs": "developers",
    "admin": "administrator", "asst": "assistant", "assoc": "associate", "dir": "director",
    "vp": "vice president", "svp": "senior vice president", "evp": "executive vice president",
    "rn": "registered nurse", "lpn": "licensed practical nurse",
    "cna": "certified nursing assistant", "hr": "human resources", "it": "information technology",
    "qa": "quality assurance", "ux": "user experience", "ui": "user interface",
    "swe": "software engineer", "sde": "software development engineer",
    "ml": "machine learning", "ai": "artificial intelligence", "bi": "business intelligence",
    "rep": "representative", "reps": "representatives", "exec": "executive",
    "coord": "coordinator", "spec": "specialist", "tech": "technician", "techs": "technicians",
    "acct": "account", "cpa": "certified public accountant", "ceo": "chief executive officer",
    "cfo": "chief financial officer", "cto": "chief technology officer",
    "coo": "chief operating officer", "cio": "chief information officer",
    "dba": "database administrator", "sw": "software", "hw": "hardware",
    "ops": "operations", "mktg": "marketing", "dept": "department", "govt": "government",
    "&": "and", "+": "and",
}
# words that say how senior a job is, not what it is
SENIORITY = {"senior", "junior", "lead", "principal", "staff", "entry", "level", "trainee",
             "i", "ii", "iii", "iv", "v", "1", "2", "3", "4", "experienced", "mid", "intern",
             "apprentice"}
# words that never help tell occupations apart
STOPWORDS = {"and", "or", "of", "the", "a", "an", "for", "in", "to", "with", "all",
             "other", "remote", "hybrid", "fulltime", "parttime", "full", "part", "time"}
_KEEP_S = ("ss", "us", "is", "ics", "ous", "news", "ies")
_QUALIFIER_SPLIT = re.compile(r"\s+[-–—|/:]\s+|,|\(|\)|\[|\]|\s@\s|\bat\b")


@functools.lru_cache(maxsize=65536)  # a few thousand distinct words across all titles
def singular(word: str) -> str:
    """A rough English singular, applied to both sides of every comparison."""
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(_KEEP_S):
        return word[:-1]
    return word


_ABBREVIATION_DOT = re.compile(r"(?<=\w)\.(?=\s|$)")
_WORD = re.compile(r"[a-z0-9&+#]+")


def _ascii_words(text: str) -> list[str]:
    text = str(text or "")
    if not text.isascii():  # most titles are: skip the per-character accent pass (index build)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _ABBREVIATION_DOT.sub("", text.lower())  # "Sr." → "Sr"
    text = text.replace("&", " & ").replace("+", " + ")
    return _WORD.findall(text)


def normalize_title(text: str, *, drop_seniority: bool = False) -> str:
    """Lower-case, accents off, abbreviations expanded, words singular, stop words out."""
    words: list[str] = []
    for word in _ascii_words(text):
        words.extend(ABBREVIATIONS.get(word, word).split())
    out = []
    for word in words:
        if word in STOPWORDS:
            continue
        if drop_seniority and word in SENIORITY:
            continue
        out.append(singular(word))
    return " ".join(out)


def title_variants(title: str) -> list[str]:
    """Normalised forms of a posting title worth matching, most specific first.

    "Senior Data Engineer, Sensor Analytics Platform" → ["data engineer sensor analytics
    platform", "data engineer"]: the title without seniority words, then its head before the
    first qualifier (comma, dash, parenthesis, "at"). Names they are compared with are
    normalised the same way, so "Lead Abatement Worker" still meets its O*NET namesake.
    """
    variants = []
    full = normalize_title(title, drop_seniority=True)
    if full:
        variants.append(full)
    head = _QUALIFIER_SPLIT.split(str(title or ""), maxsplit=1)[0]
    head_norm = normalize_title(head, drop_seniority=True)
    if head_norm and head_norm not in variants:
        variants.append(head_norm)
    if not variants:  # only seniority words ("Senior"): match them as written
        raw = normalize_title(title)
        if raw:
            variants.append(raw)
    return variants
