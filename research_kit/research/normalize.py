"""Comparison keys for names that people write in many ways.

Two profiles rarely spell a school, an employer or a place the same way ("UC Berkeley" /
"University of California, Berkeley"; "Northstar Logistics, Inc." / "Northstar Logistics").
Each ``*_key`` function maps a written name to a comparison key; two names match when
their keys are equal. The rules are deliberately strict:

* only spelling is normalised (case, accents, punctuation, "&"/"and", legal suffixes,
  "Univ." → "university", "UC X" → "university of california X");
* abbreviations are expanded only from :data:`SCHOOL_ALIASES` / :data:`COMPANY_ALIASES`,
  which list *unambiguous* ones. "OSU" (Oregon State? Ohio State? Oklahoma State?), "UW"
  and "USC" are left out on purpose: a guess would invent a link. Users add their own
  with ``[aliases]`` in target.toml;
* generic words are never dropped from schools ("University of Washington" and
  "Washington University" stay different), and there is no edit-distance fuzziness.
"""

from __future__ import annotations

import re

from ..lexicon.company_names import company_key as _company_key
from ..lexicon.company_names import short_company as _short_company
from ..lexicon.text import slugify as _slugify

__all__ = [
    "fold", "slugify", "short_company", "school_key", "company_key", "org_key", "language_key", "skill_key",
    "certification_key", "certification_issuer", "person_key", "split_location", "words_in",
]

from ..lexicon.text import fold, words_in

_SPACE = re.compile(r"\s+")


def slugify(name: str) -> str:
    """"Miguel Santos" → "miguel-santos" (file names per person)."""
    return _slugify(name, default="person")


# --- schools ---------------------------------------------------------------------------

SCHOOL_ALIASES: dict[str, str] = {
    # unambiguous short forms only (see module docstring)
    "mit": "massachusetts institute of technology",
    "caltech": "california institute of technology",
    "ucla": "university of california los angeles",
    "ucsd": "university of california san diego",
    "ucsb": "university of california santa barbara",
    "ucsf": "university of california san francisco",
    "cal": "university of california berkeley",
    "berkeley": "university of california berkeley",
    "cmu": "carnegie mellon university",
    "nyu": "new york university",
    "upenn": "university of pennsylvania",
    "penn": "university of pennsylvania",
    "georgia tech": "georgia institute of technology",
    "ut austin": "university of texas at austin",
    "university of texas austin": "university of texas at austin",
    "uiuc": "university of illinois urbana champaign",
    "university of illinois at urbana champaign": "university of illinois urbana champaign",
    "nus": "national university of singapore",
    "ntu singapore": "nanyang technological university",
    "lse": "london school of economics and political science",
    "london school of economics": "london school of economics and political science",
    "eth zurich": "eth zurich",
    "eth zuerich": "eth zurich",
    "swiss federal institute of technology zurich": "eth zurich",
    "epfl": "ecole polytechnique federale de lausanne",
    "oregon state": "oregon state university",
    "portland state": "portland state university",
    "psu portland": "portland state university",
}

_SCHOOL_WORDS = [
    (re.compile(r"\buniv\b"), "university"),
    (re.compile(r"\buni\b"), "university"),
    (re.compile(r"\binst\b"), "institute"),
    (re.compile(r"\btech\b(?= university| institute)"), "technological"),
    (re.compile(r"^u of "), "university of "),
    (re.compile(r"^the "), ""),
]
_UC_CAMPUS = re.compile(r"^uc (berkeley|los angeles|san diego|santa barbara|santa cruz|davis|"
                        r"irvine|riverside|merced|san francisco)$")
# "Oregon State University - College of Engineering", "X | Executive Education"
_UNIT_WORDS = r"(college|school|faculty|department|graduate|executive|division|center|centre)\b"
# "Oregon State University - College of Engineering" → the university; a campus after a
# dash stays: "University of California - Berkeley"
_SCHOOL_UNIT = re.compile(rf"\s+[-–—|]\s+(?={_UNIT_WORDS})|\s*\(|,\s+(?={_UNIT_WORDS})", re.I)


def school_key(name: str, extra_aliases: dict[str, str] | None = None) -> str:
    """Comparison key for a school. "UC Berkeley", "University of California, Berkeley" and
    "Berkeley" share one key; "Oregon State University - College of Engineering" keys as
    "oregon state university"."""
    main = _SCHOOL_UNIT.split(str(name or ""), maxsplit=1)[0]
    key = fold(main)
    for pattern, repl in _SCHOOL_WORDS:
        key = pattern.sub(repl, key)
    key = key.strip()
    m = _UC_CAMPUS.match(key)
    if m:
        key = f"university of california {m.group(1)}"
    aliases = {**SCHOOL_ALIASES, **{fold(k): fold(v) for k, v in (extra_aliases or {}).items()}}
    return aliases.get(key, key)


# --- companies and organisations -------------------------------------------------------

# companies: one lexicon for every layer (lexicon/data/company_names.toml)
company_key = _company_key
short_company = _short_company


def org_key(name: str, extra_aliases: dict[str, str] | None = None) -> str:
    """Groups and volunteer organisations: like a company, and spacing-insensitive
    ("Code for PDX" = "CodeForPDX")."""
    return company_key(name, extra_aliases).replace(" ", "")


# --- languages, skills, certifications -------------------------------------------------

_LANGUAGE_NAMES = {
    "espanol": "spanish", "castellano": "spanish", "deutsch": "german", "francais": "french",
    "portugues": "portuguese", "italiano": "italian", "nederlands": "dutch",
    "mandarin chinese": "mandarin", "chinese mandarin": "mandarin", "putonghua": "mandarin",
    "cantonese chinese": "cantonese", "nihongo": "japanese", "farsi": "persian",
    "tagalog": "filipino", "bahasa indonesia": "indonesian", "bahasa melayu": "malay",
}
_PROFICIENCY = re.compile(r"\s*[\(\[].*?[\)\]]\s*|\s+[-–—:]\s+.*$")


def language_key(name: str) -> str:
    """"Portuguese (Native or Bilingual)" → "portuguese"; "Español" → "spanish"."""
    key = fold(_PROFICIENCY.sub(" ", str(name or "")))
    key = re.sub(r"\b(native|fluent|bilingual|professional|working|proficiency|elementary|"
                 r"limited|full|basic|conversational|intermediate|advanced|speaker)\b", "", key)
    key = _SPACE.sub(" ", key).strip()
    return _LANGUAGE_NAMES.get(key, key)


SKILL_ALIASES: dict[str, str] = {
    "apache spark": "spark", "pyspark": "spark", "apache kafka": "kafka",
    "apache airflow": "airflow", "amazon web services": "aws", "amazon web services aws": "aws",
    "google cloud platform": "gcp", "google cloud": "gcp", "microsoft azure": "azure",
    "postgres": "postgresql", "js": "javascript", "ts": "typescript", "k8s": "kubernetes",
    "golang": "go", "node": "node js", "nodejs": "node js", "reactjs": "react",
    "react js": "react", "ml": "machine learning", "structured query language": "sql",
    "dbt core": "dbt", "data build tool": "dbt", "amazon redshift": "redshift",
    "google bigquery": "bigquery", "snowflake data cloud": "snowflake",
}


def skill_key(name: str) -> str:
    """"Python (Programming Language)" → "python"; "Apache Spark" → "spark"."""
    key = fold(re.sub(r"\s*\(.*?\)\s*", " ", str(name or "")))
    return SKILL_ALIASES.get(key, key)


_CERT_NOISE = re.compile(r"\b(certified|certification|certificate|cert|professional|the|of|in|"
                         r"exam|credential)\b")
_CERT_ISSUERS = {
    "aws": "AWS", "amazon web services": "AWS", "google cloud": "Google Cloud", "gcp": "Google Cloud",
    "microsoft": "Microsoft", "azure": "Microsoft", "pmp": "PMI", "pmi": "PMI",
    "scrum": "Scrum", "csm": "Scrum", "cisco": "Cisco", "ccna": "Cisco", "comptia": "CompTIA",
    "snowflake": "Snowflake", "databricks": "Databricks", "salesforce": "Salesforce",
    "oracle": "Oracle", "kubernetes": "CNCF", "cka": "CNCF", "tableau": "Tableau",
}


def certification_key(name: str) -> str:
    """"AWS Certified Data Engineer – Associate" and "AWS Data Engineer Associate" share a key."""
    key = fold(str(name or "").replace("Amazon Web Services", "AWS"))
    return _SPACE.sub(" ", _CERT_NOISE.sub(" ", key)).strip()


def certification_issuer(name: str) -> str | None:
    """The issuing body when the name says it unambiguously ("AWS", "PMI", …), else None."""
    folded = f" {fold(name)} "
    for word, issuer in _CERT_ISSUERS.items():
        if f" {word} " in folded:
            return issuer
    return None


# --- people and places -----------------------------------------------------------------

_HONORIFIC = re.compile(r"^(dr|mr|mrs|ms|mx|prof|professor|sir|dame)\b\.?\s*", re.I)
_POST_NOMINAL = re.compile(
    r"(,?\s+(phd|ph d|md|mba|cpa|pe|pmp|jr|sr|ii|iii|iv|esq|msc|ms|ma|bsc|cfa))+$")


def person_key(name: str) -> tuple[str, ...]:
    """Name tokens without honorifics, post-nominals and single-letter initials:
    "Dr. Dana O. Okafor, PhD" → ("dana", "okafor")."""
    text = _HONORIFIC.sub("", str(name or "").strip())
    text = fold(text)
    text = _POST_NOMINAL.sub("", text)
    return tuple(t for t in text.replace("-", " ").split() if len(t) > 1)


US_STATES = {
    "al": "alabama", "ak": "alaska", "az": "arizona", "ar": "arkansas", "ca": "california",
    "co": "colorado", "ct": "connecticut", "de": "delaware", "fl": "florida", "ga": "georgia",
    "hi": "hawaii", "id": "idaho", "il": "illinois", "in": "indiana", "ia": "iowa",
    "ks": "kansas", "ky": "kentucky", "la": "louisiana", "me": "maine", "md": "maryland",
    "ma": "massachusetts", "mi": "michigan", "mn": "minnesota", "ms": "mississippi",
    "mo": "missouri", "mt": "montana", "ne": "nebraska", "nv": "nevada", "nh": "new hampshire",
    "nj": "new jersey", "nm": "new mexico", "ny": "new york", "nc": "north carolina",
    "nd": "north dakota", "oh": "ohio", "ok": "oklahoma", "or": "oregon", "pa": "pennsylvania",
    "ri": "rhode island", "sc": "south carolina", "sd": "south dakota", "tn": "tennessee",
    "tx": "texas", "ut": "utah", "vt": "vermont", "va": "virginia", "wa": "washington",
    "wv": "west virginia", "wi": "wisconsin", "wy": "wyoming", "dc": "district of columbia",
}
_AREA_WORDS = re.compile(r"\b(bay area|city of|greater|metropolitan|metro|area|region)\b")
_COUNTRIES = {"united states", "united states of america", "usa", "us", "u s"}


def split_location(text: str) -> tuple[str, str]:
    """(city, region) comparison keys: "Portland, Oregon Metropolitan Area" → ("portland",
    "oregon"); "Portland, OR" → ("portland", "oregon"); "Greater Seattle Area" →
    ("seattle", ""). Country-only or empty → ("", "")."""
    parts = [fold(_AREA_WORDS.sub(" ", fold(p))) for p in str(text or "").split(",")]
    parts = [p for p in parts if p and p not in _COUNTRIES]
    if not parts:
        return "", ""
    city = parts[0]
    region = parts[1] if len(parts) > 1 else ""
    region = US_STATES.get(region, region)
    if city in US_STATES.values() and not region:  # "Oregon" alone is a region, not a city
        return "", city
    return city, region
