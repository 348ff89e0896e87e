"""What kind of section a heading opens, from the heading's own words.

Annual reports name their parts in a few dozen ways across jurisdictions: "Chair's
statement", "President's review", "Letter to shareholders", "Directors' Report" (India,
UK), "Management Discussion and Analysis", "Business review", "Principal risks",
"Outlook", "Industry structure and development", "Corporate governance", "Statement of
Profit and Loss", "Notice convening Annual General Meeting" … Each heading gets one kind:

=======================  ===================================================================
``letter``               the chair / CEO / president letter or review, a letter to shareholders
``strategy``             strategy, mission, ambitions, priorities, business model
``review``               business / segment / operations / financial review, MD&A, results
``people``               personnel, human capital, culture, employees
``market``               industry, market, competition, opportunities and threats
``risk``                 principal risks, risk management, risk factors, cautionary factors
``outlook``              outlook, looking ahead, prospects, future opportunity
``governance``           corporate governance, board, committees, remuneration, controls
``financial_statements`` the statements, their notes, the auditor's report, key figures
``notice``               AGM notice, proxy form, attendance slip, cover letter to the exchange
``other``                contents, shareholder information, forward-looking statements …
=======================  ===================================================================

Rules are tried in order, so "market risk" is a risk and "Market for Registrant's Common
Equity" is shareholder information (other), not a market section. A heading no rule knows
gets None, and the section takes its parent's kind (:mod:`.sections`).
"""

from __future__ import annotations

import re

__all__ = ["kind_of_title", "KINDS", "PROSE_KINDS", "is_salutation"]

KINDS = ("letter", "strategy", "review", "people", "market", "risk", "outlook", "governance",
         "financial_statements", "notice", "other")
PROSE_KINDS = ("letter", "strategy", "review", "people", "market", "risk", "outlook")
"""Kinds whose paragraphs are the report's own account of the year (passages)."""

_RULES: list[tuple[str, str]] = [
    ("other", r"^(?:table\s+of\s+)?contents$|^index$|forward[- ]looking|^form\s+10-k\b|"
              r"securities\s+and\s+exchange\s+commission|market\s+for\s+(?:the\s+)?registrant|"
              r"stock\s+performance|share\s+price|shareholder\s+information|investor\s+"
              r"(?:relations|information)|^signatures?$|exhibits|glossary|key\s+terms|"
              r"available\s+information|^annual\s+report\b|^properties\.?$|legal\s+proceedings|mine\s+safety|"
              r"unresolved\s+staff|kyc|updation"),
    ("notice", r"\bnotice\b|annual\s+general\s+meeting|\bagm\b|proxy\s+form|attendance\s+slip|"
               r"e-?voting|explanatory\s+statement|route\s+map|^sub\s*:|^ref\.?\s*no"),
    ("governance", r"audit\s+committee|governance|board\s+of\s+directors|^the\s+board\b|"
                   r"\bcommittees?\b|remuneration|compensation|controls?\s+and\s+procedures|"
                   r"internal\s+(?:financial\s+)?control|code\s+of\s+conduct|vigil|"
                   r"certification|management.?s\s+responsibility|directors.?\s+responsibility|"
                   r"company\s+management|(?:directors?|officers)\s+(?:and|&)\s+(?:key|executive)|"
                   r"executive\s+officers|key\s+managerial|declaration\s+of\s+independence|"
                   r"independent\s+directors|performance\s+evaluation\s+of\s+the\s+board|"
                   r"principal\s+accountant|related\s+party|security\s+ownership|whistle"),
    ("financial_statements",
     r"balance\s+sheets?|statements?\s+of\s+(?:consolidated\s+)?(?:profit|income|earnings|"
     r"operations|financial\s+position|cash\s*flows?|changes\s+in\s+equity|comprehensive|"
     r"stockholders|shareholders)|(?:income|earnings|cash\s*flows?|comprehensive\s+income|"
     r"stockholders.?\s+equity|shareholders.?\s+equity)\s+statements?|profit\s+and\s+loss|"
     r"notes\s+to\s+(?:the\s+)?(?:consolidated\s+)?(?:financial|accounts|balance)|"
     r"financial\s+statements|auditor|\baudit\b|report\s+of\s+independent|accounting\s+polic|"
     r"key\s+figures|supplementary\s+data|^note\s+\d+\b|schedules?$"),
    ("risk", r"\brisks?\b|uncertaint|cautionary|contingen|war\s+in\b"),
    ("outlook", r"outlook|looking\s+ahead|year\s+ahead|prospects|going\s+forward|"
                r"(?:our|the)\s+future\s+opportunit"),
    ("market", r"\bmarkets?\b|marketplace|industry|competiti|competitors|opportunities\s+and\s+"
               r"threats|business\s+environment"),
    ("letter", r"\b(?:president|chair(?:man|woman|person)?|ceo|chief\s+executive|managing\s+"
               r"director|rector)\W{0,3}s?\W?\s*(?:review|letter|message|statement|report|"
               r"foreword|introduction)|letter\s+(?:to|from)|message\s+(?:from|to)|"
               r"^dear\b|foreword|to\s+our\s+(?:shareholders|stakeholders)"),
    ("strategy", r"strateg|mission|vision|ambition|priorit|business\s+model|purpose|"
                 r"value\s+creation|transformation|opportunit"),
    ("people", r"personnel|human\s+(?:capital|resources)|\bemployees?\b|\bpeople\b|workforce|"
               r"culture|\bstaff\b|talent|diversity|inclusion|employer"),
    ("review", r"review|results|performance|operations|operating|business|segment|highlights|"
               r"financial\s+(?:condition|summary|position)|discussion\s+and\s+analysis|"
               r"\bmd&a\b|summary|overview|description\s+of|year\s+in\s+brief|activities|"
               r"research\s+and\s+development|commercial|distribution|sales|customers|"
               r"products|\bfinance\b|liquidity|capital\s+resources|critical\s+accounting|"
               r"non-gaap|key\s+financial|ratios|directors.?\s+report|report\s+of\s+the\s+"
               r"(?:board|directors)|dividend|share\s+capital|reserves"),
    ("other", r"responsibility|sustainab|\besg\b|environment|climate|acknowledg|licensing|"
              r"annual\s+return"),
]
_COMPILED = [(kind, re.compile(pattern, re.I)) for kind, pattern in _RULES]
_SALUTATION = re.compile(r"^dear\s+[A-Za-z][\w\s,()'’&/-]{2,80}[,:.]$", re.I)


def kind_of_title(title: str) -> str | None:
    """The kind of section ``title`` opens, or None when the title does not say."""
    text = re.sub(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.|item\s+\d+[a-c]?\.?|part\s+[ivx]+"
                  r"|annexure\s*[-–]?\s*\w+)\s*", "", title.strip(), flags=re.I)
    text = text.replace("\u2019", "'")
    for kind, pattern in _COMPILED:
        if pattern.search(text):
            return kind
    return None


def is_salutation(text: str) -> bool:
    """"Dear shareholders, colleagues, customers, and partners," — a letter begins."""
    return bool(_SALUTATION.match(text.strip()))
