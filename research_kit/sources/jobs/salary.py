"""Salary ranges from posting text ("$142,000 – $176,000 per year", "CA$102.8K – CA$137K")."""

from __future__ import annotations

import re

from .model import Salary

__all__ = ["salary_from_text", "salary_in_text", "normalize_period", "salary_from_values"]

_SYMBOLS = [("CA$", "CAD"), ("C$", "CAD"), ("AU$", "AUD"), ("A$", "AUD"), ("NZ$", "NZD"),
            ("HK$", "HKD"), ("S$", "SGD"), ("US$", "USD"), ("R$", "BRL"), ("$", "USD"),
            ("£", "GBP"), ("€", "EUR"), ("₹", "INR"), ("¥", "JPY"), ("₩", "KRW"), ("CHF", "CHF")]
_CODES = ("USD", "CAD", "AUD", "NZD", "EUR", "GBP", "INR", "JPY", "SGD", "HKD", "CHF", "SEK",
          "NOK", "DKK", "PLN", "BRL", "MXN", "ZAR", "ILS", "KRW", "CNY")
_SYMBOL_RE = "|".join(re.escape(s) for s, _ in _SYMBOLS)
_CODE_RE = "|".join(_CODES)


def _amount(n: str) -> str:
    return (rf"(?:(?P<{n}cur>{_SYMBOL_RE})\s?|(?P<{n}code>{_CODE_RE})\s?)?"
            rf"(?P<{n}num>\d{{1,3}}(?:[,.\s]\d{{3}})+|\d+(?:\.\d+)?)\s?(?P<{n}k>[kK]\b|[mM]\b)?")


_RANGE = re.compile(
    _amount("a") + r"\s*(?:-|–|—|to|and)\s*" + _amount("b")
    + rf"(?:\s?(?P<code2>{_CODE_RE})\b)?", re.UNICODE)
_SINGLE = re.compile(_amount("a") + rf"(?:\s?(?P<code2>{_CODE_RE})\b)?")
_PERIODS = [("hour", r"per hour|an hour|/\s?h(ou)?r\b|hourly|p/h\b"),
            ("day", r"per day|a day|/\s?day\b|daily rate"),
            ("week", r"per week|a week|/\s?w(ee)?k\b|weekly"),
            ("month", r"per month|a month|/\s?mo(nth)?\b|monthly"),
            ("year", r"per year|a year|/\s?y(ea)?r\b|annual|annually|per annum|p\.?a\.?\b|"
                     r"yearly|base salary|salary range|ote\b")]


def normalize_period(value: str | None) -> str | None:
    if not value:
        return None
    v = str(value).strip().lower().replace("_", " ")
    for period, pattern in _PERIODS:
        if v.startswith(period) or re.search(pattern, v) or v in (f"1 {period}", f"{period}ly"):
            return period
    return {"yearly": "year", "annual": "year", "1 year": "year", "hourly": "hour"}.get(v)


def _value(num: str, k: str | None) -> float:
    num = num.replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", num):
        num = re.sub(r"[.,]", "", num)
    value = float(num.replace(",", ""))
    if k and k.lower() == "k":
        value *= 1_000
    elif k and k.lower() == "m":
        value *= 1_000_000
    return value


def _currency(match: re.Match, which: str) -> str | None:
    symbol = match.group(f"{which}cur")
    if symbol:
        return dict(_SYMBOLS)[symbol]
    return match.group(f"{which}code")


def salary_from_text(text: str) -> Salary | None:
    """The first salary range (or single figure with a currency) in ``text``."""
    if not text:
        return None
    for m in _RANGE.finditer(text):
        cur = _currency(m, "a") or _currency(m, "b") or m.group("code2")
        if not cur:
            continue
        low = _value(m.group("anum"), m.group("ak") or m.group("bk"))
        high = _value(m.group("bnum"), m.group("bk"))
        if high < low or low < 5:
            continue
        return Salary(low, high, cur, _period_near(text, m), _sentence(text, m))
    for m in _SINGLE.finditer(text):
        cur = _currency(m, "a") or m.group("code2")
        if not cur:
            continue
        value = _value(m.group("anum"), m.group("ak"))
        if value < 5:
            continue
        return Salary(value, value, cur, _period_near(text, m), _sentence(text, m))
    return None


def salary_from_values(low, high, currency, period, text: str = "") -> Salary | None:
    def num(v):
        try:
            return float(v) if v not in (None, "") else None
        except (TypeError, ValueError):
            return None

    low, high = num(low), num(high)
    if low is None and high is None:
        return None
    return Salary(low, high, str(currency).upper() if currency else None,
                  normalize_period(period), text)


def _period_near(text: str, match: re.Match) -> str | None:
    window = text[max(0, match.start() - 80): match.end() + 60].lower()
    for period, pattern in _PERIODS:
        if re.search(pattern, window):
            return period
    return None


def _sentence(text: str, match: re.Match) -> str:
    start = max(text.rfind("\n", 0, match.start()), text.rfind(". ", 0, match.start()))
    end_candidates = [i for i in (text.find("\n", match.end()), text.find(". ", match.end()))
                      if i != -1]
    end = min(end_candidates) if end_candidates else len(text)
    return text[start + 1:end].strip(" .")


_PAY_WORDS = re.compile(r"salary|\bpay\b|compensation|\bwages?\b|hourly rate|\brate\b|\bote\b|"
                        r"earn|base range|pay range|per (year|annum|hour)|annually", re.I)


def salary_in_text(text: str) -> Salary | None:
    """The salary named on a line that talks about pay (avoids "$50 million in funding")."""
    for line in (text or "").splitlines():
        if not _PAY_WORDS.search(line):
            continue
        found = salary_from_text(line)
        if found and (found.period == "hour" or (found.max or 0) >= 1000):
            return found
    return None
