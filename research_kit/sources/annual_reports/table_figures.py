"""Key figures from the rows of tables: the income statement and the summaries in reviews.

A row is a label ("Net revenues (Note 18)", "VII. Profit or (Loss) for the period") and
figures after it. The reader:

* takes the run of figures that ends the row (a label may wrap onto the next line, the
  figures then being on that line), drops percentage columns, currency signs and a note
  column ("I. Revenue from operations 12 14,861.25 …");
* puts each figure in its column by where it is printed — the page's amount columns are
  found from the right edges of its figures — so that a row whose cells the text layer
  gives out of order ("14,861.25 190,376.19" printed "190,376.19 | 14,861.25") is read in
  printed order, and a dash set at the left of a cell ("-   165,123.46") is a minus while a
  dash alone in a cell is nothing;
* finds each column's period from the years and dates printed above it (by position), the
  scale and currency from the nearest unit line above the table ("(In millions, except per
  share amounts)", "(Rs. In '00)", "(Amount in Rs.)");
* ranks rows of the income statement (a page headed "Statement of Profit and Loss",
  "Consolidated Statements of Earnings", "Income Statements") above rows of other tables.

A table without a printed unit gives the figure as printed and no value (never a guess).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lines import amount_count, is_amount, is_date_row
from .metrics import Candidate, Label, match_label
from .numbers import Scale, find_currency, find_scale, parse_number
from .pages import Line, Page, Token
from .periods import YEAR_TOKEN, year_of

if TYPE_CHECKING:
    from .report import PdfAnnualReport

__all__ = ["table_candidates"]

_DASH = {"-", "–", "—", "−"}
_CURRENCY_TOKEN = re.compile(r"^(?:US\$|\$|€|£|¥|₹|Rs\.?|INR|EUR|USD|GBP)$", re.I)
_PERCENT = re.compile(r"^\(?[-−–]?\d+(?:[.,]\d+)?\)?%$|^\(?\d+(?:\.\d+)?\)?\s*%$")
_INT = re.compile(r"^(?:\([-−–]?\d+\)|[-−–]?\d+)$")
_SCALE_WORDS = r"(?:millions?|thousands?|billions?|m|k|mn|bn|lakhs?|lacs?|crores?|'0+|’0+)"
_UNIT_LINE = re.compile(
    r"\(\s*(?:(?:amounts?|figures|all\s+amounts|rupees|rs\.?|₹|inr|eur|€|usd|\$|£|gbp)\s+)?"
    r"in\s+(?:the\s+)?[^)\d]{0,80}(?:'0+)?\)|"
    rf"\((?:rs\.?|₹|€|\$|eur|usd|inr|gbp|£)\s*(?:in\s+{_SCALE_WORDS}|{_SCALE_WORDS})?\)|"
    rf"^(?:EUR|USD|INR|GBP|€|\$|£|₹)\s*{_SCALE_WORDS}\b", re.I)
_STATEMENT = re.compile(
    r"statements?\s+of\s+(?:consolidated\s+)?(?:profit\s+(?:and|or|&)\s+loss|income|earnings|"
    r"operations|comprehensive\s+income)|income\s+statements?|profit\s+(?:and|&)\s+loss\s+"
    r"(?:account|statement)|statement\s+of\s+profit", re.I)
_DATE_TOKEN = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d$")
_GROUP_HEAD = re.compile(r"^\(?[-−–]?\d{1,3}(?: \d{3})*$")
_GROUP_TAIL = re.compile(r"^\d{3}(?:[.,]\d+)?\)?$")
_DECIMAL_COMMA = re.compile(r"^\d{3},\d{1,2}\)?$")


def table_candidates(report: PdfAnnualReport) -> list[Candidate]:
    section_of = _section_titles(report)
    year = report.fiscal_year
    out: list[Candidate] = []
    for page in report.page_info:
        if not page.readable or page.status == "scan":
            continue
        lines = page.lines
        columns = _amount_columns(lines)
        statement = any(_STATEMENT.search(ln.text) for ln in _top_lines(lines, 12))
        for i in range(len(lines)):
            row = _row(lines, i)
            if row is None:
                continue
            label, quote, cells, row_line = row
            found = match_label(label)
            if found is None:
                continue
            candidate = _candidate(found, quote, cells, row_line, page, lines, columns, year,
                                   statement)
            if candidate is not None:
                candidate.section = section_of.get((page.number, id(row_line)), "")
                out.append(candidate)
    return out


def _section_titles(report: PdfAnnualReport) -> dict[tuple[int, int], str]:
    return {(ln.page, id(ln)): s.title for s in report.sections for ln in s.lines}


def _top_lines(lines: list[Line], n: int) -> list[Line]:
    placed = [ln for ln in lines if ln.placed]
    return sorted(placed, key=lambda ln: ln.top)[:n] if placed else lines[:n]


# -- a row ----------------------------------------------------------------------------------

def _tokens(line: Line) -> list[Token]:
    """The line's words; a figure whose thousands are set apart by a space ("67 470 154,97")
    is one word: when the gap is narrower than between cells, or when the figure has a
    decimal comma (then a space, not a comma, groups its thousands: "1 512,3")."""
    if not line.tokens:
        return [Token(t, 0.0, 0.0) for t in line.text.split()]
    height = max(1.0, line.bottom - line.top)
    out: list[Token] = []
    for token in line.tokens:
        if out and _GROUP_HEAD.match(out[-1].text) and _GROUP_TAIL.match(token.text) and (
                token.x0 - out[-1].x1 < 0.5 * height or _DECIMAL_COMMA.match(token.text)):
            out[-1] = Token(f"{out[-1].text} {token.text}", out[-1].x0, token.x1)
        else:
            out.append(token)
    return out


def _figure_like(text: str) -> bool:
    return (is_amount(text) or text in _DASH or bool(_CURRENCY_TOKEN.match(text))
            or bool(_PERCENT.match(text)) or bool(_INT.match(text)) or text.lower() == "nil")


def _split(line: Line) -> tuple[str, list[Token]] | None:
    """(label, the figures that end the row) or None when the row ends in no figure."""
    tokens = _tokens(line)
    cut = len(tokens)
    while cut > 0 and _figure_like(tokens[cut - 1].text):
        cut -= 1
    figures = tokens[cut:]
    if not any(is_amount(t.text) or (_INT.match(t.text) and not YEAR_TOKEN.match(t.text))
               for t in figures):
        return None  # no figure, or only a year ("… in 2021 and $3,233 in 2020")
    if is_date_row(" ".join(t.text for t in figures)) and not any(
            is_amount(t.text) for t in figures):
        return None  # a header of years
    label = " ".join(t.text for t in tokens[:cut])
    return label, figures


def _row(lines: list[Line], i: int) -> tuple[str, str, list[Token], Line] | None:
    """A table row at line ``i``: (label, quote, figures, the line with the figures). A
    label without figures whose next line goes on (lower case, a bracket) joins it."""
    line = lines[i]
    split = _split(line)
    if split is not None:
        label, figures = split
        if not re.search(r"[A-Za-z]{3}", label):
            return None
        return label, line.text, figures, line
    if i + 1 < len(lines) and match_label(line.text.split("(")[0]) is not None:
        nxt = lines[i + 1]
        if nxt.page == line.page and (nxt.text[:1].islower() or nxt.text.startswith("(")):
            split = _split(nxt)
            if split is not None:
                label, figures = split
                return f"{line.text} {label}", f"{line.text} {nxt.text}", figures, nxt
    return None


def _amount_columns(lines: list[Line]) -> list[tuple[float, float]]:
    """(left, right) of the page's figure columns: where two or more figures end."""
    spans = sorted((t.x1, t.x0) for ln in lines for t in ln.tokens if t.x1 and is_amount(t.text))
    columns: list[list[tuple[float, float]]] = []
    for right, left in spans:
        if columns and right - columns[-1][-1][0] <= 4.0:
            columns[-1].append((right, left))
        else:
            columns.append([(right, left)])
    return [(min(lf for _, lf in c), max(r for r, _ in c)) for c in columns if len(c) >= 2]


def _column_of(token: Token, columns: list[tuple[float, float]]) -> float:
    """The right edge of the column a token is printed in. A dash set at the left of a
    cell belongs to the column on its right; a number left of every column's figures (a
    note reference) is a column of its own."""
    for left, right in columns:
        if right >= token.x1 - 3.0 and (token.text in _DASH or token.x0 >= left - 8.0):
            return right
    return token.x1


def _cells(figures: list[Token], columns: list[tuple[float, float]]
           ) -> list[tuple[str, float | None, float]]:
    """(printed, number in printed scale or None for a nil cell, x centre) per cell, in
    printed order."""
    values = [t for t in figures if not _CURRENCY_TOKEN.match(t.text) and not _PERCENT.match(t.text)]
    if values and all(t.x1 for t in values):
        # the row's own figures mark columns too (a table of two rows has few repeats)
        own = [(t.x0, t.x1) for t in values if is_amount(t.text)
               and not any(abs(t.x1 - right) <= 4.0 for _, right in columns)]
        columns = sorted(columns + own, key=lambda c: c[1])
        groups: dict[float, list[Token]] = {}
        for token in sorted(values, key=lambda t: t.x0):
            groups.setdefault(_column_of(token, columns), []).append(token)
        cells: list[tuple[str, float | None, float]] = []
        for col in sorted(groups):
            tokens = groups[col]
            amounts = [t for t in tokens if not (t.text in _DASH or t.text.lower() == "nil")]
            if not amounts:
                cells.append((tokens[0].text, None, (tokens[0].x0 + tokens[0].x1) / 2))
                continue
            signed = any(t.text in _DASH for t in tokens if t.x1 <= amounts[0].x0)
            for amount in amounts:
                number = parse_number(amount.text)
                printed = amount.text
                if signed and number is not None:
                    number, printed = -abs(number), f"- {amount.text}"
                cells.append((printed, number, (amount.x0 + amount.x1) / 2))
        return cells
    return [(t.text, None if t.text in _DASH or t.text.lower() == "nil" else parse_number(t.text),
             (t.x0 + t.x1) / 2) for t in values]


def _drop_note_column(cells: list[tuple[str, float | None, float]]) -> list:
    """A first small whole number before figures with separators is a note reference."""
    if len(cells) >= 2 and _INT.match(cells[0][0]) and len(cells[0][0].strip("()")) <= 2 and \
            any(re.search(r"[,.]", c[0]) for c in cells[1:]):
        return cells[1:]
    return cells


# -- its periods, unit and currency ---------------------------------------------------------

def _header_years(lines: list[Line], row: Line) -> list[tuple[str, int, float]]:
    """(printed, year, x centre) of the years and dates printed above the row on its page."""
    out = []
    for line in lines:
        if line is row or (row.placed and line.placed and line.top >= row.top):
            continue
        if row.placed and line.placed and row.top - line.top > 400:
            continue
        if amount_count(line.text):
            continue  # a row of figures (or a label citing amounts) is not a header
        for token in _tokens(line):
            text = token.text.strip(",;:()")
            if YEAR_TOKEN.match(text) or _DATE_TOKEN.match(text):
                year = year_of(text)
                if year:
                    out.append((text, year, (token.x0 + token.x1) / 2, line.top))
    out.sort(key=lambda t: -t[3])  # nearest above first
    return [(p, y, x) for p, y, x, _ in out]


def _periods(cells: list, lines: list[Line], row: Line) -> list[tuple[str | None, int | None]]:
    """The period printed above each cell (by position), else the years of the nearest
    header line in order, else nothing."""
    headers = _header_years(lines, row)
    if headers and all(c[2] for c in cells):
        taken: list[tuple[str | None, int | None]] = []
        for _, _, x in cells:
            near = [(abs(hx - x), p, y) for p, y, hx in headers if abs(hx - x) <= 30]
            if near:
                _, printed, year = min(near)
                taken.append((printed, year))
            else:
                taken.append((None, None))
        if all(p for p, _ in taken) and len({y for _, y in taken}) == len(taken):
            return taken
    for line in sorted((ln for ln in lines if ln.placed and row.placed and ln.top < row.top
                        and not amount_count(ln.text)), key=lambda ln: -ln.top):
        years = [t.text.strip(",;:()") for t in _tokens(line)
                 if YEAR_TOKEN.match(t.text.strip(",;:()")) or _DATE_TOKEN.match(t.text.strip(",;:()"))]
        if len(years) >= len(cells) >= 2:
            return [(y, year_of(y)) for y in years[:len(cells)]]
    return [(None, None)] * len(cells)


def _unit(lines: list[Line], row: Line) -> tuple[Scale | None, tuple[str, str] | None, str]:
    """(scale, currency, the unit line as printed) from the nearest unit line above."""
    above = [ln for ln in lines if ln is not row and (not (ln.placed and row.placed)
                                                      or ln.top < row.top)]
    above.sort(key=lambda ln: -ln.top if ln.placed else 0)
    for line in above:
        match = _UNIT_LINE.search(line.text)
        if match:
            text = match.group(0)
            scale = find_scale(text) or (Scale("", 1.0) if find_currency(text) else None)
            if scale is not None:
                return scale, find_currency(line.text), text
    return None, None, ""


def _candidate(found: Label, quote: str, figures: list[Token], row: Line, page: Page,
               lines: list[Line], columns: list[tuple[float, float]], year: int | None,
               statement: bool) -> Candidate | None:
    cells = _drop_note_column(_cells(figures, columns))
    cells = [c for c in cells if c[1] is not None or c[0] in _DASH or c[0].lower() == "nil"]
    if not cells or all(c[1] is None for c in cells):
        return None
    periods = _periods(cells, lines, row)
    current, prior = _current_and_prior(periods, year)
    if current is None or cells[current][1] is None:
        return None
    scale, currency, _unit_line = _unit(lines, row)
    currency = find_currency(" ".join(t.text for t in figures)) or currency or _page_currency(lines)
    printed, number, _ = cells[current]
    multiplier = scale.multiplier if scale else None
    note = "" if scale else "no unit is printed with this table: the value is not scaled"
    if found.substitute:
        from .metrics import SUBSTITUTE_NOTE

        note = SUBSTITUTE_NOTE.format(label=found.printed)
    period_printed, period_year = periods[current]
    candidate = Candidate(
        metric=found.metric, value=number * multiplier if multiplier and number is not None
        else None, value_as_printed=printed, page=page.number, quote=" ".join(quote.split()),
        basis=_label_words(found.printed), how="table", priority=3 if statement else 2,
        rank=found.rank, number=number, currency=currency[0] if currency else None,
        unit=currency[1] if currency else None, scale=scale.printed if scale else None,
        multiplier=multiplier, period=period_printed,
        year=period_year or year, substitute=found.substitute, note=note)
    if prior is not None:
        p_printed, p_number, _ = cells[prior]
        candidate.prior_value_as_printed = p_printed
        candidate.prior_value = p_number * multiplier if multiplier and p_number is not None else None
        candidate.prior_period = periods[prior][0]
    if period_printed is None:
        candidate.note = "; ".join(x for x in (candidate.note, "no period printed above the "
                                   "column: the first column is taken as the report's year") if x)
    return candidate


def _page_currency(lines: list[Line]) -> tuple[str, str] | None:
    """The currency sign the page's other figure rows print ("$ 64,699")."""
    for line in lines:
        for before, token in zip(line.tokens, line.tokens[1:]):
            if _CURRENCY_TOKEN.match(before.text) and is_amount(token.text):
                return find_currency(before.text)
    return None


def _current_and_prior(periods: list[tuple[str | None, int | None]],
                       year: int | None) -> tuple[int | None, int | None]:
    years = [y for _, y in periods]
    known = [y for y in years if y is not None]
    if known:
        target = year if year in known else max(known)
        if year is not None and target != year and target < year - 1:
            return None, None  # a table of earlier years
        current = years.index(target)
        prior = years.index(target - 1) if (target - 1) in years else None
        return current, prior
    return 0, (1 if len(periods) > 1 else None)


def _label_words(label: str) -> str:
    """The label without its enumeration and note references."""
    text = re.sub(r"^\s*(?:[IVX]{1,5}\s*[.)]|\(?[a-z]\)|\(?\d{1,2}[.)])\s*", "", label)
    return " ".join(re.sub(r"\((?:note|notes)\s[^)]*\)", "", text, flags=re.I).split())

