"""The labor-market view of a position: its O*NET occupation, tasks, skills, hot technologies
and BLS wages.

* :func:`match_occupation` — job title → candidate occupations with scores;
* :func:`occupation_panel` — title or O*NET-SOC code → :class:`OccupationProfile`;
* :func:`hot_skill_overlap` — which of the position's skills the occupation lists as
  technologies, and which of those O*NET flags as hot (or in demand).

Data come from the bundled O*NET + BLS extract unless an :class:`OnetData` is passed (e.g.
``read_onet_release(...)`` over a newer full release). Every row carries its source,
and every display carries the O*NET attribution its CC BY 4.0 licence requires.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ...display import Panel
from ...errors import OccupationNotFoundError
from ...provenance import SOURCE_COLUMNS, Source, table_from_rows
from ...sources.onet.bls_wages import soc6
from ...sources.onet.data import OnetData
from ...sources.onet.titles import normalize_title
from ..talking_points import as_number
from .title_index import indexed_bundled_onet, title_index

__all__ = ["match_occupation", "occupation_panel", "hot_skill_overlap", "OccupationProfile",
           "MATCH_COLUMNS", "OVERLAP_COLUMNS"]

MATCH_COLUMNS = ["rank", "soc_code", "title", "score", "confidence", "matched_name",
                 "matched_kind"]
OVERLAP_COLUMNS = ["skill", "technology", "hot_technology", "in_demand", "commodity_title"]
WAGE_COLUMNS = ["soc_code", "occupation", "wage_level", "survey", "annual_p10",
                "annual_median", "annual_p90", "hourly_p10", "hourly_median", "hourly_p90",
                "top_coded", "top_code_annual", "employment"]
_SOC = re.compile(r"^\s*(\d{2}-\d{4})(\.\d{2})?\s*$")


def _confidence(score: float) -> str:
    return "strong" if score >= 90 else "fair" if score >= 80 else "weak"


def match_occupation(title: str, top: int = 5, *, data: OnetData | None = None):
    """Candidate O*NET occupations for a job title, best first.

    Columns: rank, soc_code, title, score (0–100 similarity of the best-matching name),
    confidence (strong ≥ 90, fair ≥ 80, weak), matched_name and matched_kind (O*NET title,
    alternate title or short title) + the source of the matched name. Empty when nothing
    is similar enough.
    """
    data = data or indexed_bundled_onet()
    titles = dict(zip(data.occupations["soc_code"], data.occupations["title"]))
    rows = []
    for rank, cand in enumerate(title_index(data).search(str(title or ""), top=top), 1):
        table = data.occupations if cand.matched_kind == "O*NET title" else data.alternate_titles
        source = {c: table[c].iloc[cand.row] for c in SOURCE_COLUMNS}
        rows.append({"rank": rank, "soc_code": cand.soc_code, "title": titles.get(cand.soc_code),
                     "score": cand.score, "confidence": _confidence(cand.score),
                     "matched_name": cand.matched_name, "matched_kind": cand.matched_kind,
                     **source})
    return table_from_rows(rows, MATCH_COLUMNS)


@dataclass(repr=False)
class OccupationProfile:
    """One occupation with its tasks, skills, technologies and wages, each row sourced."""

    soc_code: str
    title: str
    description: str
    query: str
    candidates: Any
    """match_occupation() result for a title query; empty for a SOC-code lookup."""
    tasks: Any
    skills: Any
    technology: Any
    wages: Any
    source: Source
    attribution: str
    notes: list[str] = field(default_factory=list)

    @property
    def hot_technologies(self) -> list[str]:
        tech = self.technology
        return list(tech.loc[tech["hot_technology"] == True, "technology"])  # noqa: E712

    def wage_summary(self) -> dict[str, Any]:
        """median, p10, p90 (annual dollars; None when BLS has no estimate) and their source."""
        if self.wages.empty:
            return {}
        row = self.wages.iloc[0]
        return {"median": as_number(row["annual_median"]),
                "p10": as_number(row["annual_p10"]),
                "p90": as_number(row["annual_p90"]), "survey": row["survey"],
                "wage_level": row["wage_level"], "source_url": row["source_url"]}

    def panel(self, *, tasks: int = 5, skills: int = 8, technologies: int = 12) -> Panel:
        occ_src = self.source.url
        panel = Panel(f"Occupation: {self.title} ({self.soc_code})")
        if self.query and not self.candidates.empty:
            best = self.candidates.iloc[0]
            panel.add("Matched from", f"“{self.query}” → {best['matched_kind']} "
                      f"“{best['matched_name']}” (score {best['score']:.0f}, "
                      f"{best['confidence']})", best["source_url"])
            others = [f"{r.title} ({r.soc_code}, {r.score:.0f})"
                      for r in self.candidates.iloc[1:].itertuples()]
            if others:
                panel.add("Other candidates", "; ".join(others))
        panel.add("Description", self.description, occ_src)
        panel.add("Wages (BLS)", _wage_text(self.wages), _first(self.wages, "source_url"))
        for row in self.tasks.head(tasks).itertuples():
            panel.add(f"Task {row.rank}", row.task, row.source_url)
        top_skills = [f"{r.skill} ({r.importance:.1f})" for r in self.skills.head(skills)
                      .itertuples()]
        panel.add("Skills by importance (1–5)", top_skills, _first(self.skills, "source_url"))
        hot = self.hot_technologies
        shown = hot[:technologies] + ([f"… {len(hot) - technologies} more"]
                                      if len(hot) > technologies else [])
        panel.add("Hot technologies", shown, _first(self.technology, "source_url"))
        panel.paragraphs.extend(self.notes)
        panel.note = self.attribution
        return panel

    def _repr_html_(self) -> str:
        return self.panel()._repr_html_()

    def __str__(self) -> str:
        return str(self.panel())

    __repr__ = __str__


def occupation_panel(title_or_soc: str, *, data: OnetData | None = None,
                     candidates: int = 5) -> OccupationProfile:
    """The occupation for a job title (best fuzzy match) or an O*NET-SOC / SOC code."""
    data = data or indexed_bundled_onet()
    query = str(title_or_soc or "").strip()
    m = _SOC.match(query)
    matches = None
    if m:
        code = m.group(1) + (m.group(2) or ".00")
        if not data.has_occupation(code):
            raise OccupationNotFoundError(f"{query} is not an O*NET-SOC code in the "
                                          f"{data.description or 'O*NET data'}", soc_code=query)
        query = ""
    else:
        matches = match_occupation(query, top=candidates, data=data)
        if matches.empty:
            raise OccupationNotFoundError(f"no O*NET occupation resembles the title {query!r}",
                                          title=query)
        code = matches["soc_code"].iloc[0]
    return _profile(data, code, query, matches)


def _profile(data: OnetData, code: str, query: str, matches) -> OccupationProfile:
    occ = data.occupations[data.occupations["soc_code"] == code].iloc[0]
    source = Source(url=occ["source_url"], retrieved_at=str(occ["retrieved_at"]),
                    section=occ["section"], title=f"O*NET {occ['title']} ({code})")
    tasks = data.tasks[data.tasks["soc_code"] == code].sort_values("rank")
    skills = data.skills[data.skills["soc_code"] == code].sort_values(
        "importance", ascending=False, kind="stable")
    tech = data.technology_skills[data.technology_skills["soc_code"] == code]
    tech = tech.assign(_hot=tech["hot_technology"] != True,  # noqa: E712 - hot first
                       _demand=tech["in_demand"] != True).sort_values(  # noqa: E712
        ["_hot", "_demand", "technology"], kind="stable").drop(columns=["_hot", "_demand"])
    wages, wage_note = _wages_for(data, code)
    notes = [wage_note] if wage_note else []
    if tasks.empty and skills.empty:
        notes.append("The bundled O*NET data have no task or skill ratings for this occupation "
                     "(it is new in the 2019 taxonomy); see its O*NET OnLine page.")
    empty = matches if matches is not None else table_from_rows([], MATCH_COLUMNS)
    return OccupationProfile(
        soc_code=code, title=occ["title"], description=occ["description"], query=query,
        candidates=empty, tasks=tasks.reset_index(drop=True),
        skills=skills.reset_index(drop=True), technology=tech.reset_index(drop=True),
        wages=wages, source=source, attribution=data.attribution, notes=notes)


def _wages_for(data: OnetData, code: str):
    """BLS wages for the 6-digit SOC code, or its broad group; with a note when not exact."""
    wages = data.wages
    detailed = soc6(code)
    broad = detailed[:6] + "0" if detailed else None
    note = None
    rows = wages[wages["soc_code"] == detailed]
    level = "detailed"
    if rows.empty and broad:
        rows = wages[wages["soc_code"] == broad]
        level = "broad group"
        if not rows.empty:
            note = (f"BLS publishes no wages for {detailed}; shown: the broad group {broad} "
                    f"({rows['occupation'].iloc[0]}).")
    if rows.empty:
        return table_from_rows([], WAGE_COLUMNS), f"BLS has no wage estimate for {detailed}."
    if not code.endswith(".00"):
        note = (note or "") + (f" Wages are for the whole SOC occupation {detailed} "
                               f"({rows['occupation'].iloc[0]}).").strip()
    row = rows.iloc[[0]].assign(wage_level=level)
    return row.reindex(columns=WAGE_COLUMNS + SOURCE_COLUMNS).reset_index(drop=True), note




def _money(value, top_coded: bool, top_code) -> str:
    if top_coded:
        top = as_number(top_code)
        return f"≥ ${top:,.0f}" if top else "above the BLS top code"
    value = as_number(value)
    return f"${value:,.0f}" if value is not None else "n/a"


def _wage_text(wages) -> str:
    if wages.empty:
        return "no BLS estimate"
    row = wages.iloc[0]
    capped = str(row["top_coded"] or "")
    parts = [f"{label} {_money(row[col], col in capped, row['top_code_annual'])}"
             for label, col in (("median", "annual_median"), ("10th pct", "annual_p10"),
                                ("90th pct", "annual_p90"))]
    text = ", ".join(parts) + f" a year ({row['survey']}, national)"
    if as_number(row["annual_median"]) is None and as_number(row["hourly_median"]) is not None:
        text += f"; hourly median ${float(row['hourly_median']):,.2f}"
    return text


def _first(frame, column):
    return frame[column].iloc[0] if len(frame) and column in frame else None


# -- skills overlap -------------------------------------------------------------------------
def _skill_forms(skill: str) -> set[str]:
    text = str(skill or "")
    forms = {normalize_title(text)}
    forms |= {normalize_title(p) for p in re.findall(r"\(([^)]+)\)", text)}
    return {f for f in forms if f}


def _mentions(tech_name: str, forms: set[str]) -> bool:
    """Does an O*NET technology name mention the skill as whole words?"""
    tech_forms = _skill_forms(tech_name)
    for form in forms:
        if form in tech_forms:
            return True
        if len(form) <= 2:  # "R", "C": only an exact name counts
            continue
        for tech in tech_forms:
            if re.search(rf"(?<![\w+#]){re.escape(form)}(?![\w+#])", tech):
                return True
    return False


def hot_skill_overlap(position_skills: Iterable[str], occupation: OccupationProfile | str, *,
                      data: OnetData | None = None):
    """One row per position skill: the O*NET technology it matches (if any), hot/in demand.

    ``occupation`` is an :class:`OccupationProfile` or a title/SOC code for
    :func:`occupation_panel`. Rows that match a hot technology come first; a skill the
    occupation does not list has technology None.
    """
    profile = (occupation if isinstance(occupation, OccupationProfile)
               else occupation_panel(occupation, data=data))
    tech = profile.technology
    rows = []
    for skill in dict.fromkeys(s.strip() for s in position_skills if s and str(s).strip()):
        forms = _skill_forms(skill)
        hits = tech[[_mentions(name, forms) for name in tech["technology"]]]
        if hits.empty:
            rows.append({"skill": skill})
            continue
        hit = hits.iloc[0]  # already hot-first, in-demand-first
        rows.append({"skill": skill, "technology": hit["technology"],
                     "hot_technology": hit["hot_technology"], "in_demand": hit["in_demand"],
                     "commodity_title": hit["commodity_title"],
                     **{c: hit[c] for c in SOURCE_COLUMNS}})
    table = table_from_rows(rows, OVERLAP_COLUMNS)
    order = [0 if h is True else 1 if isinstance(t, str) else 2
             for h, t in zip(table["hot_technology"], table["technology"])]
    return table.assign(_o=order).sort_values("_o", kind="stable").drop(columns="_o") \
        .reset_index(drop=True)
