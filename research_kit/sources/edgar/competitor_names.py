"""Company names listed in a Competition passage — companies, not generic phrases.

Competition passages name rivals in lists introduced by a few constructions:
"compete with Apple and Google", "competition primarily from Apple, Google, and Blackberry",
"vendors such as Oracle and SAP", "competitors include CA Technologies, IBM, and Oracle",
"products from Nintendo and Sony". After such an introducer, a list of capitalised names
is read until it stops ("… Yahoo!, and a wide array of websites" stops at "a").
Generic phrases ("large technology companies", "local retailers") are lower case and never
start a list; product lists ("open source software such as Apache, Linux") are skipped by
the noun before "such as"; "Advanced Micro Devices, Inc., or AMD" keeps the full name and
treats "AMD" as its alias.
"""

from __future__ import annotations

import re

__all__ = ["names_in_passage"]

_INTRODUCER = re.compile(
    r"\b(?:such\s+as|including|includes?|like|with|against|from|versus|vs\.|are|namely)\b"
    r"(?:\s*:)?", re.I)
_COMPETITION_WORD = re.compile(r"compet|rival", re.I)
_COMPANY_NOUN = re.compile(
    r"\b(?:companies|company|firms|vendors|manufacturers|makers|suppliers|providers|networks|"
    r"retailers|competitors|players|developers|licensors|businesses|carriers|banks|"
    r"institutions|operators|brokers|insurers|distributors|publishers|studios|chains|"
    r"sellers|rivals|entrants|corporations|enterprises)\W*$", re.I)
# lists after these nouns name products, projects or systems, not companies
_PRODUCT_NOUN = re.compile(
    r"\b(?:software|middleware|frameworks?|languages?|products?|applications|apps|"
    r"technologies|tools|devices|structures|systems|initiatives|currencies|projects|programs|"
    r"brands|formats|standards|protocols|drugs|therapies|medicines|treatments|vehicles|"
    r"models|engines|browsers|services)\W*$", re.I)
_TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F][\w.'\u2019&!+\-/\u00C0-\u024F]*|[,;:()\u201c\u201d\"]|\S")
_SUFFIXES = {
    "inc", "inc.", "incorporated", "corp", "corp.", "corporation", "co", "co.", "company",
    "ltd", "ltd.", "limited", "llc", "l.l.c.", "lp", "l.p.", "llp", "plc", "p.l.c.", "n.v.",
    "nv", "s.a.", "sa", "ag", "se", "gmbh", "s.p.a.", "spa", "a/s", "asa", "ab", "oyj",
    "k.k.", "pte", "pte.", "pty", "pty.", "holdings", "group", "b.v.", "bv", "s.a.s.", "sas",
}
_LOWER_CASE_SUFFIXES = {"plc", "p.l.c.", "s.a.", "s.p.a.", "n.v.", "b.v.", "gmbh", "s.a.s."}
"""Legal forms written in lower case after a capitalised name."""
_NAME_CONNECTORS = {"of", "de", "la", "du", "del", "der", "van", "von", "&", "and"}
_LEADING_SKIP_OK = {"the", "both", "either", "primarily", "mainly", "principally",
                    "directly", "mostly", "chiefly"}
# capitalised words that are never a competitor on their own
_GENERIC = {
    "we", "our", "us", "the", "a", "an", "it", "its", "they", "their", "company", "companies",
    "registrant", "internet", "web", "online", "u.s", "u.s.", "us.", "united", "states",
    "america", "north", "south", "europe", "asia", "africa", "china", "japan", "india", "korea",
    "germany", "france", "canada", "mexico", "brazil", "emea", "apac", "latin", "global",
    "federal", "state", "government", "governments", "congress", "i", "ii", "iii", "iv",
    "atm", "ach", "api", "apis", "ai", "gpu", "gpus", "cpu", "cpus", "dpu", "dpus", "soc", "socs",
    "b2b", "b2c", "p2p", "p2m", "crm", "erp", "saas", "paas", "iaas", "pc", "pcs", "os",
    "item", "part", "note", "notes", "form", "risk", "factors", "see", "in", "for", "and",
    "or", "other", "many", "some", "several", "certain", "new", "these", "those", "this",
    "that", "each", "all", "any", "most", "various", "numerous", "smaller", "larger",
}
_MAX_NAME_TOKENS = 7
# after a lone name, these words still end a list; any other lower-case word means the
# "name" was a modifier ("compete against Java middleware")
_AFTER_NAME = {"for", "in", "on", "at", "and", "or", "which", "that", "who", "as", "to", "by",
               "from", "with", "among", "across", "is", "are", "has", "have", "offer", "offers",
               "provide", "provides", "sell", "sells", "compete", "competes", "within",
               "both", "each", "also", "may", "could", "can", "will", "through", "outside"}
_ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.)+|\b(?:Co|Inc|Corp|Ltd|Mr|Ms|Dr|St|No|vs|Jr|Sr))\.$")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _is_capitalised(token: str) -> bool:
    return bool(token) and (token[0].isupper() or token[0].isdigit()) and token not in (
        "(", ")", ",", ";", ":")


def _read_name(tokens: list[str], i: int) -> tuple[str | None, int, bool]:
    """Read one company name at ``tokens[i]``: (name or None, next index, sentence ended)."""
    parts: list[str] = []
    j = i
    ended = False
    while j < len(tokens) and len(parts) < _MAX_NAME_TOKENS:
        token = tokens[j]
        low = token.lower()
        if parts and token in _LOWER_CASE_SUFFIXES:
            parts.append(token)  # "British American Tobacco plc"
            j += 1
            continue
        if _is_capitalised(token):
            if low in _SUFFIXES and token.endswith(".") and parts:
                parts.append(token)  # "Inc." closes a name ("Co. Ltd." continues)
                j += 1
                if j < len(tokens) and tokens[j].lower() in _SUFFIXES:
                    continue
                break
            if token.endswith(".") and low not in _SUFFIXES and not re.fullmatch(
                    r"(?:[A-Za-z]\.)+", token):
                parts.append(token[:-1])  # "Google." ends the sentence
                j += 1
                ended = True
                break
            parts.append(token)
            j += 1
            continue
        if (low in _NAME_CONNECTORS and low != "and" and parts and j + 1 < len(tokens)
                and _is_capitalised(tokens[j + 1])):
            parts.append(token)
            j += 1
            continue
        if token == "," and parts and j + 1 < len(tokens) and tokens[j + 1].lower() in _SUFFIXES:
            parts.append(",")  # "Cisco Systems, Inc."
            j += 1
            continue
        break
    if not parts:
        return None, i, False
    name = " ".join(parts).replace(" ,", ",")
    name = re.sub(r"['\u2019]s$", "", name)
    return name, j, ended


def _has_suffix(name: str) -> bool:
    return any(w.lower() in _SUFFIXES for w in re.split(r"[\s,]+", name)[1:])


def _core(name: str) -> str:
    words = [w for w in re.split(r"[\s,]+", name.lower()) if w and w not in _SUFFIXES]
    return " ".join(words)


def _is_alias(alias: str, full: str) -> bool:
    """"AMD" for "Advanced Micro Devices, Inc.", "Huawei" for "Huawei Technologies Co. Ltd."."""
    alias_core, full_core = _core(alias), _core(full)
    if not alias_core or alias_core == full_core:
        return True
    if full_core.startswith(alias_core + " ") or full_core.split(" ")[0] == alias_core:
        return True
    initials = "".join(w[0] for w in full_core.split() if w not in ("of", "and", "&"))
    return alias.isupper() and alias.lower() == initials


def _list_after(tokens: list[str], i: int) -> list[tuple[str, str | None]]:
    """Names listed from ``tokens[i]``: (name, alias-of or None)."""
    found, end = _read_list(tokens, i)
    if (len([f for f in found if f[1] is None]) == 1 and end < len(tokens)
            and tokens[end][:1].islower() and tokens[end].lower() not in _AFTER_NAME):
        # the word right after the lone name is lower case: it was an adjective
        return []  # a lone capitalised modifier: "ATM networks", "Java middleware"
    return found


def _read_list(tokens: list[str], i: int) -> tuple[list[tuple[str, str | None]], int]:
    while i < len(tokens) and tokens[i].lower() in _LEADING_SKIP_OK:
        i += 1
    found: list[tuple[str, str | None]] = []
    previous: str | None = None
    after_name = i
    while i < len(tokens):
        alias_marker = False
        name, j, ended = _read_name(tokens, i)
        if name is None:
            break
        found.append((name, None))
        previous = name
        i = after_name = j
        if ended:
            break
        # separators: "," / "and" / "or" / ", and" / ", or"
        saw_comma = False
        if i < len(tokens) and tokens[i] == ",":
            saw_comma = True
            i += 1
        if i < len(tokens) and tokens[i].lower() in ("and", "or", "&"):
            alias_marker = saw_comma and tokens[i].lower() == "or"
            i += 1
        elif not saw_comma:
            break
        if alias_marker:
            alias, j, ended = _read_name(tokens, i)
            if alias is not None and previous is not None and _is_alias(alias, previous):
                found.append((alias, previous))
                i = j
                if ended:
                    break
                if i < len(tokens) and tokens[i] == ",":
                    i += 1
                    if i < len(tokens) and tokens[i].lower() in ("and", "or"):
                        i += 1
                    continue
                if i < len(tokens) and tokens[i].lower() in ("and", "or"):
                    i += 1
                    continue
                break
    return found, after_name


def _acceptable(name: str, own_words: set[str]) -> bool:
    words = [w for w in re.split(r"[\s,]+", name) if w]
    if not words:
        return False
    lowered = [w.lower().strip(".") for w in words]
    if all(w in _GENERIC or w in _SUFFIXES for w in lowered):
        return False
    if lowered[0] in _GENERIC and len(words) == 1:
        return False
    if own_words and lowered[0] in own_words:
        return False  # the filer itself or its own products ("Microsoft Dynamics CRM")
    if len(name) < 2 or not re.search(r"[A-Za-z]", name):
        return False
    return True


def _sentences(text: str):
    """(sentence, is a bullet item) pairs; abbreviations such as "Co." or "U.S." don't end one."""
    flat = " ".join(text.split())
    for chunk_index, chunk in enumerate(re.split(r"\s*[\u2022\u25cf\u25aa]\s*", flat)):
        bullet = chunk_index > 0
        start = 0
        for match in re.finditer(r"[.;:!?](?=\s+[A-Z(\"\u201c])", chunk):
            if _ABBREVIATION.search(chunk[max(0, match.start() - 8):match.end()]):
                continue
            yield chunk[start:match.end()], bullet
            start = match.end()
        if chunk[start:].strip():
            yield chunk[start:], bullet


def names_in_passage(text: str, own_name: str | None = None) -> list[str]:
    """Competitor names listed in ``text``, in order of first mention, without duplicates."""
    own_words = set()
    if own_name:
        first = re.split(r"[\s,]+", own_name.strip().lower())[0].strip(".")
        if first and first not in _SUFFIXES and first not in ("the",):
            own_words.add(first)
    names: list[str] = []
    seen: dict[str, str] = {}
    lead_in_cue = False
    for sentence, bullet in _sentences(text):
        has_cue = _COMPETITION_WORD.search(sentence) is not None
        if bullet:
            has_cue = has_cue or lead_in_cue  # "Our competitors include:" then bullets
        else:
            lead_in_cue = has_cue and sentence.rstrip().endswith(":")
        for match in _INTRODUCER.finditer(sentence):
            word = match.group(0).lower().rstrip(": ")
            before = sentence[:match.start()].rstrip()
            listing = word in ("such as", "including", "like", "namely")
            after_product = listing and _PRODUCT_NOUN.search(before[-60:]) is not None
            if not has_cue and not (listing and _COMPANY_NOUN.search(before[-60:].rstrip(" ,("))):
                continue
            if word == "are" and not re.search(r"compet\w*\s*(?:\w+\s+){0,3}$", before[-60:], re.I):
                continue
            listed = _list_after(_tokens(sentence[match.end():]), 0)
            if after_product and not any(_has_suffix(name) for name, _ in listed):
                continue  # "open source software such as Apache, Linux": products
            for name, alias_of in listed:
                if not _acceptable(name, own_words):
                    continue
                key = _core(name)
                if alias_of is not None:
                    seen.setdefault(key, seen.get(_core(alias_of), alias_of))
                    continue
                if key in seen:
                    continue
                seen[key] = name
                names.append(name)
    return names
