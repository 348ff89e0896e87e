"""From research results to the brief's layout model (research → brief, never the reverse).

Pure functions over the tables and objects the workbench steps return; each takes ``None``
(or a :class:`~research_kit.workbench.base.Missing`) for an area that found nothing,
and the section then prints its "not found" line with the reason.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Any, Literal

from ..brief.model import (
    Chart,
    Competitor,
    Header,
    Item,
    KeyFigure,
    Note,
    Requirement,
    Snapshot,
    Swot,
)
from ..provenance import Source
from ..research.grammar import ask_of
from ..research.talking_points import TalkingPoint, fmt_money, fmt_pct
from ..source_titles import financials_title, posting_title, profile_title

__all__ = ["header_for", "snapshot_for", "charts_for", "requirements_for", "items_for",
           "competitors_for", "commonalities_for", "swot_for", "notes_for"]


def _ok(value: Any) -> bool:
    return value is not None and bool(len(value) if hasattr(value, "__len__") else value)


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def _sentences(text: str, count: int, limit: int) -> str:
    from ..research.company.findings import sentences

    out = ""
    for part in sentences(text)[:count] or [" ".join(str(text).split())]:
        if len(out) + len(part) > limit and out:
            break
        out = f"{out} {part}".strip()
    return _short(out, limit)


# -- header and snapshot --------------------------------------------------------------------

def header_for(target: dict[str, Any], job=None, me=None, research_date: str = "",
               cautions: Iterable[str] = ()) -> Header:
    people = []
    for person in target.get("interviewers") or []:
        if isinstance(person, dict) and person.get("name"):
            title = person.get("title")
            people.append(f"{person['name']}, {title}" if title else str(person["name"]))
    location = ""
    if job:
        location = ", ".join(getattr(job, "locations", []) or [])
        remote = getattr(job, "remote", None)
        if remote and remote not in location.lower():
            location = f"{location} ({remote})" if location else str(remote)
    date = str(target.get("interview_date") or "")
    date = f"Interview {date}" if date else (f"Research as of {research_date}"
                                             if research_date else "")
    return Header(company=str(target.get("name") or ""), role=getattr(job, "title", "") or "",
                  date=date, interviewers=tuple(people), location=location,
                  candidate=getattr(me, "name", "") or "",
                  fictional_demo=bool(target.get("fictional")), cautions=tuple(cautions))


def snapshot_for(overview=None, ratios=None, site=None, profile=None, facts=None,
                 figures=None) -> Snapshot:
    """What they do — the 10-K's business overview, else the company's own sentence from
    its website or annual report — and key figures: the latest fiscal year from the XBRL
    facts, else the figures an annual report PDF prints (currency and period as printed),
    then profile facts (founded, headquarters, who leads it, offices) up to six."""
    summary = _summary(overview, site, facts)
    cards: list[KeyFigure] = []
    if _ok(ratios):
        cards = _xbrl_cards(ratios)
    elif _ok(figures):
        cards = _report_cards(figures)
    if profile is not None and getattr(profile, "sic_description", None) and len(cards) < 6:
        cards.append(KeyFigure("Industry (SIC)", str(profile.sic_description), "",
                               len(cards) + 1, getattr(profile, "source", None)))
    if _ok(facts) and len(cards) < 6:
        shown = {c.label.split()[0].lower() for c in cards}
        cards += [c for c in _fact_cards(facts, 6 - len(cards), start=len(cards) + 1)
                  if c.label.split()[0].lower() not in shown]
    return Snapshot(summary=summary, figures=tuple(cards[:6]))


def _summary(overview, site, facts) -> Item | None:
    """The 10-K's business overview, else the first description a company source gives
    (the :data:`~research_kit.sources.company.DESCRIPTION_FACT` row every source writes),
    else what the site declares about itself."""
    from ..sources.company import DESCRIPTION_FACT

    if overview is not None and getattr(overview, "text", None):
        return Item(_sentences(overview.text, 2, 300), 1, overview.source)
    for table, labels in ((facts, [DESCRIPTION_FACT]),
                          (getattr(site, "organization", None), ["description", "Says", "says"])):
        if table is None or not len(table):
            continue
        says = table[table["fact"].isin(labels) & table["value"].notna()]
        if len(says):
            row = says.iloc[0].to_dict()
            return Item(_sentences(str(row["value"]), 2, 300), 1,
                        Source.from_row(row, title=_fact_title(row)))
    return None


def _fact_title(row: dict) -> str:
    """Where a company fact comes from, for its footnote: an annual report (a PDF) or the
    company's website."""
    url = str(row.get("source_url") or "").lower().split("#")[0]
    return "Annual report" if url.endswith(".pdf") else "Company website"


def _xbrl_cards(ratios) -> list[KeyFigure]:
    figures: list[KeyFigure] = []
    rows = ratios.sort_values("fiscal_year").to_dict("records")
    latest = rows[-1]
    year = int(latest["fiscal_year"])
    src = Source.from_row(latest, title=financials_title(latest.get("company"), year))

    def add(label: str, key: str, note: str = "", money: bool = True) -> None:
        value = latest.get(key)
        if value is None or value != value:  # NaN
            return
        text = fmt_money(value).replace(" million", "M").replace(" billion", "B") \
            if money else f"{value:,.0f}"
        figures.append(KeyFigure(label, text, note, len(figures) + 1, src))

    growth = latest.get("revenue_growth")
    add(f"Revenue FY{year}", "revenue",
        (("+" if growth >= 0 else "") + fmt_pct(growth)) if growth == growth and
        growth is not None else "")
    margin = latest.get("operating_margin")
    add(f"Operating income FY{year}", "operating_income",
        f"{fmt_pct(margin)} margin" if margin is not None and margin == margin else "")
    add(f"Net income FY{year}", "net_income")
    rd = latest.get("rd_intensity")
    add(f"R&D FY{year}", "rd_expense",
        f"{fmt_pct(rd)} of rev." if rd is not None and rd == rd else "")
    add(f"Cash FY{year}", "cash")
    if latest.get("employees") == latest.get("employees") and latest.get("employees"):
        add(f"Employees FY{year}", "employees", money=False)
    return figures


_REPORT_LABELS = {"revenue": "Revenue", "operating_income": "Operating profit",
                  "net_income": "Net profit", "employees": "Employees"}


def _text(value: Any) -> str:
    """A cell as text; "" for missing (None, NaN)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


_NUMBER_AS_PRINTED = re.compile(r"\(?-?\d[\d,.\s]*\d\)?|\(?-?\d\)?")
_MINUS = "\u2212"
_SYMBOLS = ("US$", "$", "€", "£", "¥", "₹")


def _money_scale(values: list[float]) -> tuple[float, str]:
    """One scale for every money tile of a report, from the largest figure: whole units
    below ten million (exact, and no "lakh" or "'00" for the reader to convert), else
    million or billion."""
    top = max((abs(v) for v in values), default=0.0)
    if top >= 1e9:
        return 1e9, "billion"
    if top >= 1e7:
        return 1e6, "million"
    return 1.0, ""


def _amount(value: float, currency: str, scale: tuple[float, str]) -> str:
    """``value`` (in currency units) in ``scale``, a loss with a minus sign:
    "Rs. −3,144,166", "EUR 67.5 million", "−$2.9 million"."""
    size, word = scale
    shown = value / size
    if word:
        digits = 1 if abs(shown) >= 1 or shown == 0 else 2
        number = f"{abs(shown):,.{digits}f} {word}"
    else:
        number = f"{abs(shown):,.0f}"
    sign = _MINUS if value < 0 and number.strip("0., " + word) else ""
    if not currency:
        return f"{sign}{number}"
    if currency in _SYMBOLS:
        return f"{sign}{currency}{number}"
    return f"{currency} {sign}{number}"


def _plain(number: float) -> str:
    """A number in its printed scale, readably: "−31,441.66", "14,861.25", "762"."""
    text = f"{abs(number):,.2f}".removesuffix(".00")
    return f"{_MINUS}{text}" if number < 0 else text


def _report_cards(figures) -> list[KeyFigure]:
    """Cards from an annual report's own figures, every money tile on one footing: the
    amount in currency units (the printed number times the printed scale — "(31,441.66)" in
    "Rs. In '00" and "(31,44,166)" in "Amount in Rs." are the same −3,144,166), in one scale
    for the whole report (:func:`_money_scale`), with the currency as printed, a loss with
    a minus sign and the period as printed; the prior year's in the same terms when the
    report gives it without contradicting itself. A figure whose table prints no unit is
    shown in its printed terms with "scale not printed" (never guessed). A line that only
    stands in for operating profit is labelled as printed."""
    from ..sources.annual_reports.metrics import match_label
    from ..sources.annual_reports.numbers import parse_number

    cards: list[KeyFigure] = []
    table = figures.sort_values("fiscal_year", na_position="first") if "fiscal_year" in \
        figures.columns else figures
    latest: dict[str, dict] = {}
    for row in table.to_dict("records"):
        latest[str(row.get("metric"))] = row  # the last row of a metric is its newest year
    money = [float(row["value"]) for metric, row in latest.items()
             if metric in _REPORT_LABELS and metric != "employees" and _number(row.get("value"))]
    scale = _money_scale(money)
    currencies = _currencies(list(latest.values()))
    for metric, label in _REPORT_LABELS.items():
        row = latest.get(metric)
        if row is None:
            continue
        printed = _text(row.get("value_as_printed")) or _text(row.get("value"))
        period = _text(row.get("period")) or _text(row.get("fiscal_year"))
        if metric == "employees":
            number = _NUMBER_AS_PRINTED.search(printed)
            value, note = (number.group(0).strip() if number else printed), _text(row.get("unit"))
        else:
            currency = currencies.get(_text(row.get("unit")), "") or _text(row.get("currency"))
            if _number(row.get("value")):
                value = _amount(float(row["value"]), currency, scale)
                prior = row.get("prior_value")
                note = f"prior year {_amount(prior, '', scale)}" if isinstance(
                    prior, (int, float)) and prior == prior else ""
            else:
                as_printed = parse_number(printed)
                if as_printed is None:
                    continue
                value = " ".join(p for p in (currency, _plain(as_printed)) if p)
                note = "scale not printed"
            basis = match_label(_text(row.get("basis")))
            if basis is not None and basis.substitute:
                label = _text(row.get("basis"))
        if metric != "employees" and any(c.value == value for c in cards):
            # "profit before depreciation … and tax" equal to net profit (a small company
            # with none of them): one tile says it; two identical tiles say nothing more
            continue
        cards.append(KeyFigure(f"{label} {period}".strip(), value, note, len(cards) + 1,
                               Source.from_row(row, title="Annual report")))
    return cards


def _currencies(rows: list[dict]) -> dict[str, str]:
    """ISO code → how the report's tiles write it: the first short form the report prints
    ("Rs.", "EUR", "$"), so that every tile of one report shows the same one; a currency
    printed only as a word ("dollars") is shown by its code ("$" for USD)."""
    shown: dict[str, str] = {}
    for row in rows:
        code, printed = _text(row.get("unit")), _text(row.get("currency"))
        if code and printed and code not in shown and (
                printed in _SYMBOLS or re.fullmatch(r"[A-Z]{3}|Rs\.?", printed)):
            shown[code] = printed
    for row in rows:
        code = _text(row.get("unit"))
        if re.fullmatch(r"[A-Z]{3}", code) and code not in shown:
            shown[code] = "$" if code == "USD" else code
    return shown


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and value == value


_FACT_CARDS = (("full name", "Full name"), ("founded", "Founded"),
               ("headquarters", "Headquarters"), ("leader", ""), ("employees", "Employees"),
               ("offices", "Offices"), ("offerings", "Offerings"))
_LIST_LABEL = 48
"""Characters of a tile's label that may list names ("Offices: San Jose, Diamond Bar")."""


def _fact_cards(facts, room: int, start: int) -> list[KeyFigure]:
    """Profile facts as tiles a reader understands alone: a value under a whole label —
    "Full name", "Founded", the leader's own title ("CEO/President"), "Offices: San Jose,
    Diamond Bar" (a count with the whole names that fit, never a cut one)."""
    cards: list[KeyFigure] = []
    rows = facts.to_dict("records")
    for fact, label in _FACT_CARDS:
        row = next((r for r in rows if r.get("fact") == fact and _text(r.get("value"))), None)
        if row is None or len(cards) >= room:
            continue
        value, note = _text(row["value"]), ""
        if fact in ("offices", "offerings"):
            count, _, names = value.partition(": ")
            if not count.isdigit():
                continue
            value, label = count, _listed(label, names)
        elif fact == "leader":
            value, _, title = value.partition(", ")
            label = title or "Leader"
        elif fact == "headquarters" and ", " in value:
            # the card shows a short value; the rest goes to the small print
            value, note = value.split(", ", 1)
        cards.append(KeyFigure(label, value, note, start + len(cards),
                               Source.from_row(row, title=_fact_title(row))))
    return cards


def _listed(label: str, names: str) -> str:
    """"Offices: San Jose, Diamond Bar" when every name fits, else "Offerings, e.g. Intl
    Private Lines, Global Ethernet": whole names only."""
    names_all = [n for n in (n.strip(" …") for n in names.split(", ")) if n]
    listed: list[str] = []
    for name in names_all:
        if len(label) + 7 + len(", ".join([*listed, name])) > _LIST_LABEL:
            break
        listed.append(name)
    if not listed:
        return label
    every = len(listed) == len(names_all) and not names.rstrip().endswith("…")
    return f"{label}: {', '.join(listed)}" if every else f"{label}, e.g. {', '.join(listed)}"


# -- charts ---------------------------------------------------------------------------------

def _years(rows: list[dict]) -> list[str]:
    return [f"FY{str(int(r['fiscal_year']))[-2:]}" for r in rows]


def charts_for(ratios=None, peers=None, target_name: str = "") -> list[Chart]:
    """Up to three small charts: revenue, operating margin, revenue against competitors."""
    from ..brief.charts import small_figure

    charts: list[Chart] = []
    if _ok(ratios):
        rows = [r for r in ratios.sort_values("fiscal_year").to_dict("records")
                if r.get("revenue") == r.get("revenue") and r.get("revenue")][-5:]
        if len(rows) >= 2:
            src = Source.from_row(rows[-1], title=financials_title(rows[-1].get("company")))
            fig, ax = small_figure()
            values = [r["revenue"] / 1e6 for r in rows]
            bars = ax.bar(_years(rows), values, color="#1f4e79", width=0.62)
            bars[-1].set_color("#2a7ab0")
            ax.set_ylabel("$ millions", fontsize=6)
            ax.set_ylim(0, max(values) * 1.15)
            for bar, value in zip(bars, values):
                ax.text(bar.get_x() + bar.get_width() / 2, value * 1.02, f"{value:,.0f}",
                        ha="center", fontsize=5.5, color="#333333")
            charts.append(Chart("Revenue, $M", fig, 1, src,
                                alt=f"Revenue from {fmt_money(rows[0]['revenue'])} to "
                                    f"{fmt_money(rows[-1]['revenue'])}."))
            margins = [(r, r.get("operating_margin")) for r in rows]
            margins = [(r, m) for r, m in margins if m is not None and m == m]
            if len(margins) >= 2:
                fig, ax = small_figure()
                labels = _years([r for r, _ in margins])
                values = [100 * m for _, m in margins]
                ax.plot(labels, values, marker="o", markersize=2.5, linewidth=1.2,
                        color="#1f4e79")
                low, high = min(values), max(values)
                pad = max((high - low) * 0.3, 1.0)
                ax.set_ylim(low - pad, high + pad)
                ax.set_ylabel("% of revenue", fontsize=6)
                for x, value in zip(labels, values):
                    ax.annotate(f"{value:.1f}", (x, value), textcoords="offset points",
                                xytext=(0, 3), ha="center", fontsize=5.5, color="#333333")
                charts.append(Chart("Operating margin, %", fig, 2, src,
                                    alt="Operating margin by fiscal year."))
    peer_chart = _peer_chart(peers, target_name)
    if peer_chart is not None:
        charts.append(peer_chart)
    return charts[:3]


def _chart_name(name: str) -> str:
    """A company as a bar label: without its legal form, on two lines rather than cut
    ("Clearline Analytics Corp" → "Clearline\nAnalytics")."""
    import textwrap

    from ..research.normalize import short_company

    lines = textwrap.wrap(short_company(name) or name, 16)
    if len(lines) > 2:
        lines = [lines[0], _short(" ".join(lines[1:]), 16)]
    return "\n".join(lines) or name


def _peer_chart(peers, target_name: str) -> Chart | None:
    from ..brief.charts import small_figure

    if not _ok(peers) or "revenue" not in peers.columns:
        return None
    rows = [r for r in peers.to_dict("records")
            if r.get("revenue") == r.get("revenue") and r.get("revenue")]
    if len(rows) < 2:
        return None
    rows = sorted(rows, key=lambda r: r["revenue"])[-5:]
    names = [_chart_name(str(r.get("company") or r.get("name"))) for r in rows]
    values = [r["revenue"] / 1e6 for r in rows]
    is_target = [bool(r.get("is_target")) for r in rows]
    # names on the left and a label under the axis: margins sized to them
    longest = max(len(line) for n in names for line in n.split("\n"))
    fig, ax = small_figure(left_in=0.12 + 0.055 * longest, bottom_in=0.36)
    bars = ax.barh(names, values, height=0.6,
                   color=["#2a7ab0" if t else "#8aa1b8" for t in is_target])
    ax.set_xlim(0, max(values) * 1.2)
    ax.set_xlabel("latest fiscal-year revenue, $M (fiscal years differ)", fontsize=5.5)
    ax.tick_params(axis="y", labelsize=5.5)
    for bar, value in zip(bars, values):
        ax.text(value + max(values) * 0.01, bar.get_y() + bar.get_height() / 2,
                f"{value:,.0f}", va="center", fontsize=5.5, color="#333333")
    sources = tuple(s for s in (Source.from_row(r, title=financials_title(r.get("company") or r.get("name"),
                                                                r.get("fiscal_year"))) for r in rows)
                    if s is not None)
    return Chart("Revenue vs competitors", fig, 3, sources,
                 alt="Latest fiscal-year revenue of the company and its competitors.")


# -- lists ----------------------------------------------------------------------------------

# "unknown" (the profile is silent) is not a gap: it is drawn "?", not "✗"
_STATUS: dict[str, Literal["met", "partial", "gap", "unknown"]] = {
    "met": "met", "partly met": "partial", "not met": "gap", "unknown": "unknown"}


# What a one-page brief gives up first when it is full: ranks are offset by section, so
# the talking points and questions (what the candidate will say) are trimmed last, then
# the top requirements; extra SWOT items, commonalities and competitors go first.
RANK_OFFSET = {"talking_points": 0, "questions": 0, "requirements": 1, "commonalities": 2,
               "swot": 3, "competitors": 4}


def requirements_for(match, job=None) -> list[Requirement]:
    """The posting's requirements beside the candidate's own words: the evidence is one
    whole passage of the profile, cited to the profile file (section, role, page) first,
    then the posting the requirement comes from."""
    from ..research.position.match import evidence_source

    if not _ok(match):
        return []
    out = []
    for position, row in enumerate(match.to_dict("records"), 1):
        label = ask_of(str(row["requirement"])).rstrip(" ;")
        if row.get("kind") == "preferred":
            label = f"Preferred: {label}"
        evidence, profile_src = _quote_for(row)
        job_src = Source.from_row(row, title=posting_title(getattr(job, "company", None)))
        if profile_src is None and evidence:
            profile_src = evidence_source(row)
        sources = tuple(s for s in (profile_src, job_src) if s is not None)
        out.append(Requirement(_short(label, 110), evidence,
                               _STATUS.get(str(row.get("status")), "partial"),
                               position + RANK_OFFSET["requirements"],
                               sources))
    return out


def _quote_for(row: dict) -> tuple[str, Source | None]:
    """The quote to print: never cut (a cut quote is not what the profile says); of the
    row's quotes, the first short enough for one or two lines of the brief."""
    from ..research.position.match import quote_source

    quotes = row.get("quotes")
    if not isinstance(quotes, list) or not quotes or row.get("status") in ("not met", "unknown"):
        evidence = row.get("evidence") if row.get("status") not in ("unknown",) else ""
        reason = row.get("reason")
        if row.get("status") == "not met" and not evidence and isinstance(reason, str) \
                and reason:  # "not met" says why ("the whole dated career is about 5 years")
            return f"Not met: {reason}", None
        return (evidence if isinstance(evidence, str) else ""), None
    # the candidate's own words ([my_evidence]) stand first whatever their length
    quote = quotes[0] if quotes[0].get("section") == "my_evidence" else next(
        (q for q in quotes if len(q.get("text", "")) <= 160), quotes[0])
    src = quote_source(quote)
    text = str(quote.get("text", ""))
    where = f"{quote.get('source_section') or ''} {quote.get('label') or ''}"
    if len(text.split()) <= 3 and re.search(r"skill|expertise|competenc", where, re.I):
        text = f"Skills list: {text}"  # a keyword, not a sentence: say where it stands
    return text, src


def items_for(points: Iterable[TalkingPoint]) -> list[Item]:
    return [Item(p.text, p.rank, p.source) for p in points]


def competitors_for(peers=None, competitor_set=None, limit: int = 8) -> list[Competitor]:
    """Competitors with their own figures where public; unresolved ones say so. At most
    ``limit``: the rest are in the notebook (a page of names crowds out what to say). A
    company is shown once, by the competitor set's name ("Alphabet (Android)": the maker
    and the product the 10-K named)."""
    out: list[Competitor] = []
    seen: set[str] = set()
    set_rows = competitor_set.to_dict("records") if _ok(competitor_set) else []
    shown = {str(r["cik"]): str(r["name"]) for r in set_rows if r.get("cik") and r.get("name")}
    if _ok(peers):
        for row in peers.to_dict("records"):
            if row.get("is_target"):
                continue
            name = shown.get(str(row.get("cik"))) or str(row.get("company") or row.get("name") or "")
            revenue = row.get("revenue")
            figure = ""
            if revenue is not None and revenue == revenue:
                year = row.get("fiscal_year")
                figure = f"FY{int(year)} revenue {fmt_money(revenue)}" if year == year and \
                    year is not None else f"revenue {fmt_money(revenue)}"
            bits = []
            if row.get("fiscal_year_end"):
                bits.append(f"fiscal year ends {row['fiscal_year_end']}")
            margin = row.get("operating_margin")
            if margin is not None and margin == margin:
                bits.append(f"operating margin {fmt_pct(margin)}")
            out.append(Competitor(name, "; ".join(bits), figure,
                                  len(out) + 1 + RANK_OFFSET["competitors"],
                                  Source.from_row(row, title=financials_title(
                                      name, row.get("fiscal_year")))))
            seen.update({name.lower(), f"cik:{row.get('cik')}"})
    for row in set_rows:
        name = str(row.get("name") or "")
        if not name or name.lower() in seen or f"cik:{row.get('cik')}" in seen:
            continue
        status = "public" if row.get("cik") else "not an SEC filer"
        out.append(Competitor(name, f"{status}; {_named_where(row)}".strip("; "), "",
                              len(out) + 1 + RANK_OFFSET["competitors"],
                              Source.from_row(row)))
        seen.add(name.lower())
    return _names_on_one_line(out)[:limit]


def _names_on_one_line(out: list[Competitor], keep: int = 1) -> list[Competitor]:
    """Competitors with no figure of their own, after the first ``keep``, are named on the
    first one's line ("public; 10-K, Item 1A · Also named: Intel, Broadcom, Qualcomm"): a
    name per entry would leave room for one competitor and "+7 more" on the page. Whether
    each is public stays in the notebook."""
    bare = [c for c in out if not c.figure]
    if len(bare) <= keep + 1:
        return out
    rest = bare[keep:]
    kept = [c for c in out if c not in rest]
    first = kept[0]
    sources = list(first.sources if isinstance(first.sources, tuple) else (first.sources,))
    for c in rest:
        for src in (c.sources if isinstance(c.sources, tuple) else (c.sources,)):
            if src is not None and src not in sources:
                sources.append(src)
    from ..research.normalize import short_company

    also = "Also named: " + ", ".join(short_company(c.name) or c.name for c in rest)
    summary = f"{first.summary} · {also}" if first.summary else also
    return [dataclasses.replace(first, summary=summary,
                                sources=tuple(s for s in sources if s is not None))] + kept[1:]


def _named_where(row: dict) -> str:
    """Where the name came from: "10-K, Item 1A" (the item its sentence sits in), "same
    SIC", "your list"."""
    where = str(row.get("found_in") or row.get("origin") or "")
    item = re.match(r"Item\s+(\d+[A-C]?)\b", str(row.get("section") or ""))
    if item:
        where = re.sub(r"(?<![\w-])10-K(?![\w-])", f"10-K, Item {item.group(1)}", where, count=1)
    return where


_LINK_TIER = {"employer": 0, "school": 1, "location": 3, "volunteering": 3, "group": 4}
_LINK_VERBS = {"school": "both studied at", "employer": "both worked at",
               "volunteering": "both volunteer with", "group": "are both in",
               "location": "are both based in", "certification": "both hold",
               "language": "both speak", "industry": "have both worked in",
               "skills": "both work with"}


def commonalities_for(table) -> list[Item]:
    """What is worth mentioning in the room, best link first across people (a shared
    employer, then a school — overlapping years first — then a city or volunteering, then
    groups), at most four; a person with nothing shared, or whose profile could not be
    used, is named with the reason rather than left out."""
    if not _ok(table):
        return []
    rows = table.to_dict("records")
    links = [r for r in rows if r.get("category") in _LINK_TIER
             and r.get("strength") in ("strong", "medium", "weak")]

    def tier(row: dict) -> tuple:
        t = float(_LINK_TIER[row["category"]])
        overlap = isinstance(row.get("overlap"), str) and bool(row.get("overlap"))
        if row["category"] == "school" and not overlap:
            t = 2.0
        if row.get("basis") != "profiles":
            t += 0.5
        return (t, 0 if overlap else 1)

    links.sort(key=tier)
    items: list[Item] = []
    for row in links[:4]:
        verb = _LINK_VERBS.get(str(row.get("category")), "share")
        shared = row["shared"]
        if row["category"] == "employer":
            from ..research.normalize import short_company

            shared = short_company(shared)
        overlap = row.get("overlap")
        when = f" (overlapping {overlap})" if isinstance(overlap, str) and overlap else ""
        text = f"{row['person']} and I {verb} {shared}{when}."
        if row.get("opener") and tier(row)[0] < 2:
            # the line already says what is shared: the opener's question is what to ask
            # ("We both worked at X. Which team were you on …?" → "Which team …?")
            opener = str(row["opener"]).strip("“”")
            question = re.sub(r"^We both [^.?!]*[.!]\s+", "", opener)
            text += f" Ask: {question}"
        items.append(Item(_short(text, 200), len(items) + 1 + RANK_OFFSET["commonalities"],
                          Source.from_row(row, title=_their_side(row))))
    linked = {r["person"] for r in links}
    for row in rows:
        if row.get("category") == "profile problem":
            text = f"{row['person']}: profile {row.get('opener')}."
        elif row.get("category") == "none" and row["person"] not in linked:
            text = (f"{row['person']}: no shared employer, school, city or group in the two "
                    "profiles.")
        else:
            continue
        items.append(Item(_short(text, 200), len(items) + 1 + RANK_OFFSET["commonalities"],
                          Source.from_row(row)))
    return items[:6]


def _their_side(row: dict) -> str:
    """The title of the interviewer-side evidence of a commonality: their profile, or what
    you wrote about them in target.toml."""
    url = str(row.get("source_url") or "")
    person = str(row.get("person") or "") or None
    if url.endswith("target.toml"):
        return f"Your notes on {person} (target.toml)" if person else "Your notes (target.toml)"
    return profile_title(person, "LinkedIn profile" if "linkedin" in url.lower() else "profile")


# the talking-point voice ("I saw NVIDIA's announcement on 2026-02-19: “…”") spends a SWOT
# cell's 90 characters before the fact starts: the cell keeps the date and the fact
_LEAD_INS = (
    (re.compile(r"^I saw .{1,80}? announcement on (\d{4}-\d\d-\d\d):\s*"), r"\1: "),
    (re.compile(r"^Looking at .{1,80}? reported financials, I saw that\s+(\w)"),
     lambda m: m.group(1).upper()),
    (re.compile(r"^(?:From|In) the (?:annual report|10-K|website)(?: of \S+)?:\s*"), ""),
)


def _without_lead_in(text: str) -> str:
    for pattern, repl in _LEAD_INS:
        text = pattern.sub(repl, text, count=1)
    return text


def swot_for(table, shown: Iterable[str] = ()) -> Swot:
    """The SWOT in brief: the first four of each quadrant, each cited (a strength to the
    profile, a weakness to the posting, an opportunity or threat to its research row); a
    quadrant with nothing behind it says what is missing. An item the page already says
    (a fact quoted in ``shown``, the talking points) comes after the others; an opportunity
    or threat already said is left out unless it is all its quadrant has."""
    said = " ".join(" ".join(str(t).split()) for t in shown).lower()
    if not _ok(table):
        return Swot()
    quadrants: dict[str, list[Item]] = {"strengths": [], "weaknesses": [], "opportunities": [],
                                        "threats": []}
    missing: dict[str, str] = {}
    for row in table.to_dict("records"):
        key = str(row.get("quadrant", "")).lower()
        if key not in quadrants:
            continue
        if row.get("basis") == "missing":
            missing.setdefault(key, str(row.get("prompt") or ""))
            continue
        if row.get("basis") == "prompt":
            continue  # prompts for the user ("2 more strengths of your own") stay in the notebook
        if row.get("basis") == "commonality":
            continue  # the brief's commonalities section says it already
        source = Source.from_row(row)
        if source is None:
            continue  # nothing uncited goes into the brief
        text = _short(_without_lead_in(str(row["item"])), 90)
        quadrants[key].append(Item(text, len(quadrants[key]) + 1 + RANK_OFFSET["swot"],
                                   source))
    for key, items in quadrants.items():
        seen: set[str] = set()
        unique = []
        for item in items:  # the same fact twice (two rows, one sentence) is said once
            head = " ".join(item.text.rstrip("…").lower().split())[:60]
            if head not in seen:
                seen.add(head)
                unique.append(item)
        fresh = [i for i in unique
                 if " ".join(i.text.rstrip("…").split())[:60].lower() not in said]
        # an opportunity or threat the talking points already quote adds nothing: it is
        # dropped (kept only when it is all the quadrant has); a strength stays, last
        repeated = [i for i in unique if i not in fresh]
        if key in ("opportunities", "threats") and fresh:
            repeated = []
        ordered = fresh + repeated
        quadrants[key] = [dataclasses.replace(item, rank=n + 1 + RANK_OFFSET["swot"])
                          for n, item in enumerate(ordered)]
    for key, text in missing.items():
        if not quadrants[key] and text:
            # "No requirement is fully shown yet…" says it already: no "None found." first
            lead = "" if text.startswith("No ") else "None found. "
            quadrants[key].append(Item(_short(f"{lead}{text}", 140), 1))
    # "in brief": the first four of each quadrant (the notebook has them all)
    return Swot(**{k: tuple(v[:4]) for k, v in quadrants.items()})


def notes_for(cells: Iterable[str], notebook: str | None = None) -> list[Note]:
    src = Source.for_file(notebook, title="My notebook") if notebook else None
    return [Note(text, 50 + i, src) for i, text in enumerate(cells)]


def localize_sources(model, base) -> Any:
    """The same model with file sources inside ``base`` (the workspace) shown relative to
    it: "notes/profile.pdf", not a path of this machine — and the same on every machine."""
    import dataclasses
    from pathlib import Path

    base = Path(base).resolve()

    def fix(source: Source) -> Source:
        url = source.url
        if "://" in url or url.startswith("user-provided:"):
            return source
        try:
            rel = Path(url).resolve().relative_to(base)
        except (ValueError, OSError):
            return source
        return dataclasses.replace(source, url=rel.as_posix())

    def walk(value):
        if isinstance(value, Source):
            return fix(value)
        if isinstance(value, tuple):
            return tuple(walk(v) for v in value)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: walk(getattr(value, f.name)) for f in dataclasses.fields(value)
                       if f.name in ("sources", "summary", "figures", "strengths",
                                     "weaknesses", "opportunities", "threats") or
                       isinstance(getattr(value, f.name), (tuple, list)) and
                       f.name not in ("interviewers",)}
            return dataclasses.replace(value, **changes) if changes else value
        return value

    changes = {f.name: walk(getattr(model, f.name)) for f in dataclasses.fields(model)
               if f.name not in ("header", "not_found", "as_of")}
    return dataclasses.replace(model, **changes)
