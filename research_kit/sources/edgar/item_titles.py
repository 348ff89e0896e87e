"""The Items of the annual-report forms: their order and what their headings say.

Titles changed over the decades (Item 4 was "Submission of Matters to a Vote of Security
Holders" until 2010, Item 14 was "Exhibits" before 2003 and "Controls and Procedures" in
between), so each item has a pattern that accepts every title it has had. A heading whose
title matches its item's pattern is strong evidence; the splitter uses it to tell real
headings from cross-references and running page headers.
"""

from __future__ import annotations

import re

__all__ = ["ItemScheme", "TEN_K", "TEN_KSB", "GENERIC", "scheme_for_form", "item_rank"]


def item_rank(key: str) -> int:
    """Sort key: "1" < "1A" < "1B" < "2" … < "16"."""
    match = re.fullmatch(r"(\d{1,2})([A-Z]?)", key)
    if not match:
        return 10_000
    return int(match.group(1)) * 10 + (ord(match.group(2)) - 64 if match.group(2) else 0)


class ItemScheme:
    """Item keys of one form family with their canonical titles and title patterns."""

    def __init__(self, name: str, items: dict[str, tuple[str, str]], required: tuple[str, ...],
                 max_number: int) -> None:
        self.name = name
        self.titles = {key: title for key, (title, _) in items.items()}
        self._patterns = {key: re.compile(pattern, re.I) for key, (_, pattern) in items.items()}
        self.required = required
        self.max_number = max_number

    def knows(self, key: str) -> bool:
        match = re.fullmatch(r"(\d{1,2})[A-Z]?", key)
        return match is not None and 1 <= int(match.group(1)) <= self.max_number

    def title_matches(self, key: str, title: str) -> bool:
        """Does ``title`` (the words after "Item N.") read like a heading of item ``key``?"""
        pattern = self._patterns.get(key)
        if pattern is None:
            return False
        return pattern.match(_plain(title)[:160]) is not None

    def canonical_title(self, key: str) -> str:
        return self.titles.get(key, "")

    def required_for(self, fiscal_year: int | None) -> list[str]:
        keys = list(self.required)
        if "1A" in keys and (fiscal_year is None or fiscal_year < 2005):
            keys.remove("1A")  # Risk Factors became an Item for fiscal years ending after Dec 2005
        return keys


def _plain(title: str) -> str:
    title = title.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    return " ".join(title.replace("\t", " ").split()).lstrip(" .:-\u2013\u2014")


# key: (canonical title, pattern the title must match at its start)
_TEN_K_ITEMS = {
    "1": ("Business", r"(?:description\s+of\s+)?(?:the\s+)?business"),
    "1A": ("Risk Factors", r"risk"),
    "1B": ("Unresolved Staff Comments", r"unresolved|staff\s+comments"),
    "1C": ("Cybersecurity", r"cyber"),
    "2": ("Properties", r"(?:description\s+of\s+)?propert"),
    "3": ("Legal Proceedings", r"legal"),
    "4": ("Mine Safety Disclosures",
          r"mine\s+safety|safety|submission\s+of\s+matters|\(?removed|\[?reserved|\(?reserved"),
    "5": ("Market for Registrant's Common Equity, Related Stockholder Matters and Issuer "
          "Purchases of Equity Securities", r"markets?\s+(?:for|information)|market\s+price"),
    "6": ("Selected Financial Data", r"selected|\[?reserved|\(?removed|\(?reserved"),
    "7": ("Management's Discussion and Analysis of Financial Condition and Results of "
          "Operations", r"management'?s?\s+discussion|md\s*&\s*a|management\s+discussion"),
    "7A": ("Quantitative and Qualitative Disclosures About Market Risk",
           r"quantitative|qualitative|market\s+risk"),
    "8": ("Financial Statements and Supplementary Data",
          r"(?:consolidated\s+)?financial\s+statements"),
    "9": ("Changes in and Disagreements with Accountants on Accounting and Financial "
          "Disclosure", r"changes\s+in\s+and\s+disagreements|disagreements"),
    "9A": ("Controls and Procedures", r"controls"),
    "9B": ("Other Information", r"other\s+information"),
    "9C": ("Disclosure Regarding Foreign Jurisdictions that Prevent Inspections",
           r"disclosure\s+regarding\s+foreign|foreign\s+jurisdiction"),
    "10": ("Directors, Executive Officers and Corporate Governance",
           r"directors|executive\s+officers"),
    "11": ("Executive Compensation", r"executive\s+compensation|compensation"),
    "12": ("Security Ownership of Certain Beneficial Owners and Management and Related "
           "Stockholder Matters", r"security\s+ownership|beneficial"),
    "13": ("Certain Relationships and Related Transactions, and Director Independence",
           r"certain\s+relationships|related\s+(?:party\s+)?transactions|relationships"),
    "14": ("Principal Accountant Fees and Services",
           r"principal\s+account|accountant|controls|exhibits"),
    "15": ("Exhibits and Financial Statement Schedules", r"exhibits?"),
    "16": ("Form 10-K Summary", r"form\s+10-?k\s+summary|summary"),
}

_TEN_KSB_ITEMS = {
    "1": ("Description of Business", r"(?:description\s+of\s+)?(?:the\s+)?business"),
    "2": ("Description of Property", r"(?:description\s+of\s+)?propert"),
    "3": ("Legal Proceedings", r"legal"),
    "4": ("Submission of Matters to a Vote of Security Holders", r"submission|vote"),
    "5": ("Market for Common Equity and Related Stockholder Matters", r"market"),
    "6": ("Management's Discussion and Analysis or Plan of Operation",
          r"management'?s?\s+discussion|plan\s+of\s+operation"),
    "7": ("Financial Statements", r"(?:consolidated\s+)?financial\s+statements"),
    "8": ("Changes in and Disagreements with Accountants on Accounting and Financial "
          "Disclosure", r"changes\s+in\s+and\s+disagreements|disagreements"),
    "8A": ("Controls and Procedures", r"controls"),
    "8B": ("Other Information", r"other\s+information"),
    "9": ("Directors, Executive Officers, Promoters and Control Persons",
          r"directors|executive\s+officers"),
    "10": ("Executive Compensation", r"executive\s+compensation|compensation"),
    "11": ("Security Ownership of Certain Beneficial Owners and Management", r"security|benef"),
    "12": ("Certain Relationships and Related Transactions", r"certain\s+relationships|related"),
    "13": ("Exhibits", r"exhibits?"),
    "14": ("Principal Accountant Fees and Services", r"principal\s+account|accountant"),
}

TEN_K = ItemScheme("10-K", _TEN_K_ITEMS, required=("1", "1A", "2", "3", "5", "7", "8"),
                   max_number=16)
TEN_KSB = ItemScheme("10-KSB", _TEN_KSB_ITEMS, required=("1", "6", "7"), max_number=14)
# For other forms a caller explicitly allowed: any "Item N" heading, no title knowledge.
GENERIC = ItemScheme("generic", {}, required=(), max_number=30)


def scheme_for_form(form: str | None) -> ItemScheme:
    if form and form.startswith("10-K") and not form.startswith("10-KSB"):
        return TEN_K
    if form and form.startswith("10-KSB"):
        return TEN_KSB
    return GENERIC if form else TEN_K
