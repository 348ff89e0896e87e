"""Read the names a list in one sentence gives, using the list's own structure.

A list is read from where it starts (right after "compete with", "such as", "competitors
include", ":" … — :mod:`.competitor_names` decides where), item by item:

* **items** are separated by ",", "and", "or", "as well as", "and/or", ";"; the list ends
  at "among others", "and other(s)", "etc.", a closing parenthesis, the end of the
  sentence, or an item that starts a new clause ("…, have expressed interest", "…, and a
  wide array of websites");
* a **name** is the run of capitalised words at the start of an item, with the connectors
  names contain ("Bank of America", "Ruby on Rails", "Bed Bath & Beyond") and their legal
  form even after a comma ("Affirmative Insurance Holdings, Inc.", "Huawei Technologies
  Co. Ltd."); abbreviations with dots stay inside ("J.C. Penney", "V.F. Corporation");
* the rest of an item is a **qualifier** and is skipped ("Android for smartphones and
  tablets", "FedNow in the U.S.", "GSK for our RSV vaccine"); a lower-case item between
  names continues the list when it begins with a preposition or follows a qualifier
  ("…, and, prior to the Alltel acquisition, Alltel"); lower-case items before the first
  name are the list's head ("compete with large national insurers, …") and are skipped;
* **aliases** stay with the name they shorten: "Broadcom, Inc., or Broadcom" and "Intel
  Corporation (Intel)" are one company; a parenthesis saying who now owns the company
  ("Microsemi Corporation (Microsemi, acquired by Microchip)") or a qualifier naming a
  partner in the competing offer ("GlaxoSmithKline in collaboration with CureVac") adds
  that company;
* **possessives**: "Sony’s PlayStation" names Sony, the owner of the competing product;
  "… and Novavax’s." is Novavax; "Dillard’s" keeps its apostrophe when the gazetteer
  knows the name that way;
* **casing is evidence, not a gate**: a lower-case item is a name when the gazetteer knows
  it ("adidas"); a one-word item that is also an English word ("On", "Target", "Gap") is
  read like any other item; a name directly followed by a noun is marked as a modifier
  ("Java middleware", "the CSX system") for the caller to weigh against the gazetteer.

Words and their offsets come from :mod:`.name_tokens`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...lexicon.gazetteer import Gazetteer
from .name_tokens import Token, after_comma_legal, is_legal, legal_words

__all__ = ["Listed", "read_list", "read_name"]

_CONNECTORS = {"of", "de", "la", "le", "du", "del", "der", "van", "von", "da", "do", "dos", "y",
               "on", "&", "+", "for"}
_LEAD_SKIP = {"the", "both", "either", "primarily", "mainly", "principally", "directly",
              "mostly", "chiefly", "also", "especially", "particularly", "namely", "notably",
              "currently", "including", "against", "with", "from", "such", "as", "like",
              "other", "companies"}
_CONTINUE = {"for", "in", "on", "at", "with", "from", "through", "across", "within", "outside",
             "inside", "into", "to", "prior", "respectively", "mainly", "primarily", "each",
             "particularly", "especially", "both", "who", "which", "whose", "that", "whom",
             "where", "when", "among", "between", "under", "over", "via", "by", "before",
             "after", "until", "since", "during", "following", "formerly", "now", "then",
             "previously", "recently"}
_ENDERS = {"etc", "etc.", "others", "other"}
# a lower-case word right after a name that opens the next clause: the list ends there
_CLAUSE_VERBS = {
    "is", "are", "was", "were", "has", "have", "had", "be", "been", "can", "could", "may",
    "might", "will", "would", "should", "must", "do", "does", "did", "offer", "offers",
    "offered", "provide", "provides", "sell", "sells", "sold", "compete", "competes", "competed",
    "continue", "continues", "also", "make", "makes", "market", "markets", "develop", "develops",
    "operate", "operates", "own", "owns", "hold", "holds", "tend", "tends", "plan", "plans"}
_OWNER = re.compile(r"(?:acquired\s+by|owned\s+by|part\s+of|subsidiary\s+of|division\s+of|"
                    r"(?:collaboration|partnership|alliance)\s+with|together\s+with|"
                    r"jointly\s+with|merged\s+(?:into|with))$", re.I)
# a list after these nouns names products: a possessive at its end is elliptical
_PRODUCT_NOUNS = {"products", "vaccines", "drugs", "medicines", "therapies", "treatments", "devices",
                  "offerings", "solutions", "brands", "models", "vehicles", "platforms", "services",
                  "programs", "applications", "apps", "tools", "software", "systems"}
# lower-case words for kinds of rivals: an item made of them is not a brand
_KIND_WORDS = {
    "other", "others", "many", "various", "numerous", "several", "some", "smaller", "larger",
    "large", "small", "local", "regional", "national", "international", "global", "private",
    "public", "independent", "new", "emerging", "online", "offline", "traditional", "specialty",
    "discount", "department", "retailers", "companies", "company", "firms", "brands", "labels",
    "manufacturers", "providers", "vendors", "stores", "chains", "banks", "carriers",
    "competitors", "players", "businesses", "distributors", "suppliers", "makers", "producers",
    "sellers", "operators", "developers", "networks", "platforms", "products", "services",
    "solutions", "websites", "portals", "entrants", "startups", "more", "less", "their", "its",
    "our", "a", "an", "the", "all", "any", "each", "most", "certain", "such", "those", "these",
    "including", "etc", "and", "or", "similar", "major", "leading", "well", "known", "based",
    "domestic", "foreign", "generic", "store", "private-label", "divisions", "units", "groups"}
# capitalised words that begin a sentence, never continue a name
_STARTER_WORDS = {"we", "our", "they", "their", "it", "its", "this", "these", "those", "such",
                  "in", "as", "however", "although", "while", "if"}
_MAX_NAME_WORDS = 8
_MAX_ITEMS = 40


@dataclass
class Listed:
    """One name read from a list, verbatim, with what the list said about it."""

    name: str
    start: int
    """Offset of the name in the sentence."""
    alias_of: str | None = None
    """Set for a short name the filing defines for the one before ("…, or AMD")."""
    evidence: set[str] = field(default_factory=set)
    """"legal form", "known" (gazetteer), "lower case", "modifier" (a noun follows), "owner"
    / "partner" (named in a parenthesis or qualifier), "possessive"."""


def read_name(tokens: list[Token], i: int, stop: int | None = None) -> tuple[int, int] | None:
    """(first, last) token index of the name starting at ``tokens[i]``, or None."""
    stop = len(tokens) if stop is None else stop
    last = None
    j = i
    while j < stop and (last is None or last - i < _MAX_NAME_WORDS):
        token = tokens[j]
        if token.capitalised:
            if last is not None and token.low in _STARTER_WORDS and not token.possessive:
                break  # "… Devices, Inc. We also compete": a new sentence begins
            if last is not None and tokens[last].text.endswith(".") and is_legal(tokens[last]) \
                    and not is_legal(token):
                break  # "Inc." closes a name ("Co. Ltd." goes on)
            last = j
            j += 1
            if token.possessive or token.ends_sentence:
                break
            continue
        if last is not None and token.low in ("plc", "p.l.c."):
            last = j  # "Imperial Brands plc": the one legal form written in lower case
            j += 1
            continue
        nxt = tokens[j + 1] if j + 1 < stop else None
        if last is not None and nxt is not None and nxt.capitalised:
            if token.low in _CONNECTORS:
                j += 1
                continue
            if token.text == "," and after_comma_legal(nxt):
                j += 1  # "Cisco Systems, Inc."
                continue
        break
    return (i, last) if last is not None else None


def _name_text(sentence: str, tokens: list[Token], first: int, last: int, keep_possessive: bool) -> str:
    end = tokens[last].full_end if keep_possessive else tokens[last].end
    return sentence[tokens[first].start:end]


def _is_alias(alias: str, full: str) -> bool:
    """"AMD" for "Advanced Micro Devices, Inc.", "Huawei" for "Huawei Technologies Co. Ltd."."""
    a_words = [w for w in re.split(r"[\s,]+", alias.lower()) if w and w not in legal_words()]
    f_words = [w for w in re.split(r"[\s,]+", full.lower()) if w and w not in legal_words()]
    if not a_words or a_words == f_words[:len(a_words)]:
        return True
    initials = "".join(w[0] for w in f_words if w not in ("of", "and", "&"))
    return alias.isupper() and alias.replace(".", "").lower() == initials


class _Reader:
    """One pass over a list; see the module docstring for the grammar."""

    def __init__(self, sentence: str, tokens: list[Token], gaz: Gazetteer, example: bool,
                 product_head: bool) -> None:
        self.sentence, self.tokens, self.gaz, self.example = sentence, tokens, gaz, example
        self.product_head = product_head
        self.found: list[Listed] = []

    def at(self, i: int) -> Token | None:
        return self.tokens[i] if i < len(self.tokens) else None

    def is_separator(self, i: int) -> bool:
        token = self.at(i)
        if token is None:
            return False
        if token.text in (",", ";") or token.low in ("and", "or", "and/or"):
            return True
        return self.as_well_as(i)

    def as_well_as(self, i: int) -> bool:
        words = [t.low for t in self.tokens[i:i + 3]]
        return words == ["as", "well", "as"]

    def skip_separators(self, i: int) -> tuple[int, bool]:
        seen = False
        while (token := self.at(i)) is not None:
            if self.as_well_as(i):
                i, seen = i + 3, True
            elif token.text in (",", ";") or token.low in ("and", "or", "and/or"):
                i, seen = i + 1, True
            else:
                break
        return i, seen

    def skip_to_separator(self, i: int) -> tuple[int, bool]:
        """Skip a qualifier; (index of the next separator or end, list closed by ")")."""
        depth = 0
        while (token := self.at(i)) is not None:
            if token.text == "(":
                depth += 1
            elif token.text == ")":
                if depth == 0:
                    return i, True
                depth -= 1
            elif depth == 0 and self.is_separator(i):
                return i, False
            elif depth == 0 and token.ends_sentence:
                return i + 1, True
            i += 1
        return i, True

    def name_at(self, i: int) -> tuple[Listed, int] | None:
        token = self.at(i)
        if token is None:
            return None
        if not token.capitalised:
            # a lower-case brand the gazetteer knows ("adidas", "adidas AG")
            if token.is_punct or not self.gaz.knows_lower_case(token.text):
                return None
            rest = read_name(self.tokens, i + 1) if self.at(i + 1) is not None else None
            first, last = i, (rest[1] if rest is not None else i)
        else:
            span = read_name(self.tokens, i)
            if span is None:
                return None
            first, last = span
        last = self.possessive_in_name(first, last)
        end_token = self.tokens[last]
        keep = False
        if end_token.possessive:
            with_s = _name_text(self.sentence, self.tokens, first, last, True)
            nxt = self.at(last + 1)
            owner_of_product = nxt is not None and not self.is_separator(last + 1) and not nxt.is_punct
            # "Dillard’s, Gap, …" keep the apostrophe; "other vaccines, including Sanofi and
            # Novavax’s" (a list of products) does not; the gazetteer overrides both
            without_s = _name_text(self.sentence, self.tokens, first, last, False)
            keep = not owner_of_product and (self.gaz.knows(with_s) or (
                not self.product_head and not self.gaz.knows(without_s)))
        listed = Listed(_name_text(self.sentence, self.tokens, first, last, keep), token.start)
        if not token.capitalised:
            listed.evidence |= {"lower case", "known"}
        if any(is_legal(t) for t in self.tokens[first + 1:last + 1]):
            listed.evidence.add("legal form")
        if self.gaz.knows(listed.name):
            listed.evidence.add("known")
        if end_token.possessive and not keep:
            listed.evidence.add("possessive")
        return listed, last + 1

    def possessive_in_name(self, first: int, last: int) -> int:
        """"Lowe’s Companies, Inc.", "McDonald’s Corporation": a possessive followed by a
        legal form belongs to the name (a product after a possessive has none)."""
        if not self.tokens[last].possessive:
            return last
        j = last + 1
        if (t := self.at(j)) is not None and t.text == "," and (n := self.at(j + 1)) is not None \
                and after_comma_legal(n):
            return j + 1  # "Macy’s, Inc."
        rest = read_name(self.tokens, j) if (t := self.at(j)) is not None and t.capitalised else None
        if rest is not None and is_legal(self.tokens[rest[1]]):
            return rest[1]
        return last

    def after_name(self, listed: Listed, i: int) -> int:
        """Aliases and owners right after a name: "(Intel)", ", or AMD", "(X, acquired by Y)"."""
        token = self.at(i)
        if token is not None and token.text == "(":
            close = next((k for k in range(i + 1, min(len(self.tokens), i + 25))
                          if self.tokens[k].text == ")"), None)
            if close is not None:
                inner = read_name(self.tokens, i + 1, close)
                if inner is not None:
                    short = _name_text(self.sentence, self.tokens, inner[0], inner[1], False)
                    if _is_alias(short, listed.name):
                        self.found.append(Listed(short, self.tokens[inner[0]].start,
                                                 alias_of=listed.name))
                    elif inner[1] == close - 1:  # "Humira (AbbVie)", "The Gap, Inc. (Athleta)"
                        self.found.append(Listed(short, self.tokens[inner[0]].start,
                                                 evidence={"owner"}))
                self.owners(i + 1, close, "owner")
                return close + 1
        nxt = self.at(i + 1)
        if (token is not None and token.text == "," and nxt is not None and nxt.low == "or"
                and (alias_at := self.name_at(i + 2)) is not None):
            alias, end = alias_at
            if _is_alias(alias.name, listed.name):
                alias.alias_of = listed.name
                self.found.append(alias)
                return end
        return i

    def owners(self, start: int, stop: int, kind: str) -> None:
        """Companies named after "acquired by", "in collaboration with" … in tokens[start:stop]."""
        for k in range(start, stop):
            words = " ".join(t.low for t in self.tokens[max(start, k - 2):k + 1])
            if _OWNER.search(words) and k + 1 < stop:
                span = read_name(self.tokens, k + 1, stop)
                if span is not None:
                    name = _name_text(self.sentence, self.tokens, span[0], span[1], False)
                    self.found.append(Listed(name, self.tokens[span[0]].start, evidence={kind}))

    def lower_case_name(self, start: int, end: int, names_read: int) -> Listed | None:
        """A short lower-case item amid names: a brand written in lower case ("lululemon
        athletica") when the list goes on with a capitalised name after it (or ends after
        three names), and none of its words is a word lists of rivals use for kinds."""
        words = self.tokens[start:end]
        if not 1 <= len(words) <= 3 or any(
                not w.text.isalpha() or w.low in _KIND_WORDS or w.low in _CONTINUE for w in words):
            return None
        after, seen = self.skip_separators(end)
        following = self.at(after)
        ends = following is None or following.low == "among" or (
            self.tokens[end - 1].ends_sentence)
        if names_read == 0:  # the first item: only when two capitalised names follow it
            second = self.skip_separators(self.skip_to_separator(after)[0])[0]
            if not (seen and following is not None and following.capitalised
                    and (n := self.at(second)) is not None and n.capitalised):
                return None
        elif not ((seen and following is not None and following.capitalised)
                  or (ends and names_read >= 3 and len(words) == 1)):
            return None
        name = self.sentence[words[0].start:words[-1].end]
        return Listed(name, words[0].start, evidence={"lower case"})

    def kinds(self, start: int, end: int) -> bool:
        """"…, smaller companies and Microsoft": an item naming a kind of rival, skipped when
        a capitalised item follows it."""
        words = self.tokens[start:end]
        after, seen = self.skip_separators(end)
        following = self.at(after)
        return (len(words) <= 4 and words[0].low in _KIND_WORDS and seen and following is not None
                and following.capitalised)

    def appositive(self, start: int, end: int) -> bool:
        """"Acme Corporation, a subsidiary of Globex, and Beta": an aside set off by commas
        between two names (a lower-case item starting "a", "an" or "the")."""
        if self.tokens[start].low not in ("a", "an", "the") or self.at(end) is None:
            return False
        after, _ = self.skip_separators(end)
        following = self.at(after)
        return self.tokens[end].text == "," and following is not None and following.capitalised

    def lists_own_products(self, start: int, end: int) -> bool:
        """Does the qualifier end in "our" + capitalised words ("… with our FPGA, Adaptive
        SoC, CPU and DPU products"): an enumeration of the filer's products begins."""
        ours = [k for k in range(start, end) if self.tokens[k].low in ("our", "its")]
        return bool(ours) and ours[-1] + 1 < end and all(
            t.capitalised for t in self.tokens[ours[-1] + 1:end])

    def skip_interjection(self, i: int) -> int:
        """"compete with, among others, A and B"; "including, but not limited to, A"."""
        while (token := self.at(i)) is not None:
            words = [t.low for t in self.tokens[i:i + 4]]
            if token.text in (",", ":"):
                i += 1
            elif words[:2] == ["among", "others"]:
                i += 2
            elif words[:4] == ["but", "not", "limited", "to"]:
                i += 4
            elif words[:1] == ["but"] and words[2:4] == ["not", "limited"]:  # "but are not …"
                i += 5 if self.at(i + 4) is not None and self.tokens[i + 4].low == "to" else 4
            elif words[:3] in (["a", "subsidiary", "of"], ["an", "affiliate", "of"], ["a", "unit", "of"]):
                i += 3  # "marketed by a subsidiary of Pfizer Inc."
            elif words[:1] in (["those"], ["ones"]) and words[2:3] == ["by"]:
                i += 3  # "including those operated by Amazon, Apple, …"
            elif words[:2] == ["without", "limitation"]:
                i += 2
            else:
                break
        return i

    def read(self, i: int) -> list[Listed]:
        i = self.skip_interjection(i)
        names_read = head_items = skipped = 0
        qualified = own_products = False
        while i < len(self.tokens) and len(self.found) < _MAX_ITEMS:
            kind = False  # "other pickup trucks": the item describes a kind, not a brand
            while (t := self.at(i)) is not None and not t.capitalised and t.low in _LEAD_SKIP \
                    and not (t.low == "other" and names_read):
                kind = kind or t.low in ("other", "such", "the", "companies")
                i += 1
            token = self.at(i)
            if token is None or token.text in (")", ":", "]") or token.low in _ENDERS or (
                    token.low == "among" and (n := self.at(i + 1)) is not None and n.low == "others"):
                break
            if token.text in ("(", "[") and (close := self.at(i + 2)) is not None and close.text in ")]":
                i += 3  # an enumerator: "(1) physical retailers"
                continue
            if token.text in ("\u201c", '"'):
                i += 1
                continue
            read = self.name_at(i)
            if read is not None and own_products and not read[0].evidence & {
                    "known", "legal form", "possessive"}:
                # "… with our FPGA, Adaptive SoC, CPU and DPU products": the filer's products;
                # "… Johnson & Johnson’s Remicade and Stelara": the owner's other product
                read = None
            if read is not None:
                listed, j = read
                own_products = False
                self.found.append(listed)
                j = self.after_name(listed, j)
                nxt = self.at(j)
                if nxt is not None and not self.is_separator(j) and not nxt.is_punct \
                        and not nxt.capitalised and "possessive" not in listed.evidence:
                    if nxt.low in _CLAUSE_VERBS and not self.example:
                        break  # "…, Cargill, have expressed interest"
                    if nxt.low not in _CONTINUE and nxt.low not in _CLAUSE_VERBS:
                        listed.evidence.add("modifier")  # "Java middleware", "CSX system"
                end, closed = self.skip_to_separator(j)
                self.owners(j, end, "partner")
                qualified = end > j
                own_products = self.lists_own_products(j, end) or (
                    "possessive" in listed.evidence and end > j)
                names_read += 1
                skipped = 0
                i = end
                if closed or listed.name.endswith(".") and self.tokens[j - 1].ends_sentence:
                    break
            else:
                item_start = i
                end, closed = self.skip_to_separator(i)
                brand = None if qualified or own_products or self.example or kind else \
                    self.lower_case_name(item_start, end, names_read)
                if brand is not None:
                    self.found.append(brand)  # "…, Li Ning, lululemon athletica, New Balance"
                    names_read += 1
                    skipped = -1
                elif names_read == 0:
                    # the list's head ("some of these companies as well as …") is skipped
                    # only when "as well as" follows it: after a plain comma the capitalised
                    # words are more often a new clause ("…, Model S and Model X compete")
                    head_items += 1
                    if head_items > 2 or closed or not self.as_well_as(end):
                        break
                elif own_products:
                    if skipped >= 6:
                        break
                elif not self.example:
                    short = end - item_start <= 3 and not token.capitalised
                    if not (token.low in _CONTINUE or (qualified and short) or self.kinds(item_start, end)
                            or self.appositive(item_start, end)) or skipped >= 2:
                        break
                    self.owners(item_start, end, "owner")  # "Acme, a subsidiary of Globex, …"
                skipped += 1
                qualified = False
                i = end
                if closed:
                    break
            i, seen = self.skip_separators(i)
            if not seen:
                break
        return self.found


def read_list(sentence: str, tokens: list[Token], i: int, gaz: Gazetteer, *,
              example: bool = False) -> list[Listed]:
    """The names listed from ``tokens[i]`` on. ``example``: the items are clauses ("For
    example, Apple Inc. is packaging …, and Google Inc. has developed …"), so verbs do not
    end the list."""
    head = {t.low for t in tokens[max(0, i - 5):i]}
    return _Reader(sentence, tokens, gaz, example, bool(head & _PRODUCT_NOUNS)).read(i)
