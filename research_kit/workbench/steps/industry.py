"""Workbench steps: the industry and the competition, the occupation, the news.

They build on the company steps (``company()``, ``company_profile()``,
``competitor_quotes()``), the position steps (``job()``) and on target.toml:
``competitors = [...]`` (your own list), ``job_title`` (overrides the posting's title for
the occupation lookup).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..step import Missing, displayed, found, step
from .people import PeopleSteps

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from ...display import Panel
    from ...research.industry.occupation import OccupationProfile
    from ...research.industry.peers import PeerComparison
    from ...research.talking_points import Finding

__all__ = ["IndustrySteps"]


class IndustrySteps(PeopleSteps):
    # -- competitors and peers -------------------------------------------------------------
    @step("competitors")
    def peers(self) -> PeerComparison | Missing:
        """Competitor set and peer comparison (a PeerComparison; shows its table)."""
        from ...research.industry.peers import build_peer_comparison

        company = found(self.company())
        if company is None:
            return Missing("competitors", "no SEC company to compare (no ticker in target.toml, "
                           "or it did not resolve)",
                           'add ticker = "XYZ" to target.toml; list competitors = ["…"] too')
        mentions = found(self.competitor_quotes())  # each row cites its own section
        return build_peer_comparison(company, found(self.company_profile()),
                                     tenk_names=mentions, user_names=self.listing("competitors"),
                                     gateway=self.gateway)

    def no_competitors_reason(self) -> str | None:
        """Why the competitor set is empty, as it is (None when it is not empty): the 10-K
        has a Competition section that names no company, or has none and names no rival
        elsewhere; and why there are no same-SIC peers."""
        peers = found(self.peers())
        if peers is None or len(peers.competitors):
            return None
        add = 'add your own list in target.toml: competitors = ["…"]'
        mentions = self.competitor_quotes()
        source = self.competition_source() if not isinstance(mentions, Missing) else None
        if isinstance(mentions, Missing):
            line = f"No competitors: {mentions.reason}; {add}."
        elif source is not None and not len(mentions):
            line = f"The 10-K's Competition section names no companies (Item 1, Competition); {add}."
        elif not len(mentions):
            line = ("The 10-K has no Competition section and names no competitor in Items 1, "
                    f"1A or 7; {add}.")
        else:  # every name was the target itself
            line = f"The only names the 10-K gives as competition are the company's own; {add}."
        sic = [n.split(": ", 1)[-1] for n in peers.notes if n.startswith("same-SIC peers")]
        return line + (f" No same-SIC peers: {sic[0]}." if sic else "")

    def industry(self) -> Panel | Missing:
        """The industry (SIC code and description) and where the competitors came from."""
        peers = self.peers()
        return peers.industry_panel() if not isinstance(peers, Missing) else peers

    @displayed
    def competitors(self) -> pd.DataFrame | Missing:
        """One row per competitor: origin (10-K / same SIC / your list), CIK or unresolved."""
        peers = self.peers()
        return peers.competitors if not isinstance(peers, Missing) else peers

    @displayed
    def peer_comparison(self) -> pd.DataFrame | Missing:
        """Revenue, growth, margins, R&D intensity, employees — latest fiscal year each."""
        peers = self.peers()
        return peers.table if not isinstance(peers, Missing) else peers

    def peer_facts(self) -> pd.DataFrame | Missing:
        """The comparison as sourced rows: one per company × metric, with its filing."""
        peers = self.peers()
        return peers.facts if not isinstance(peers, Missing) else peers

    def peer_chart(self, metric: str = "revenue") -> Figure | Missing:
        """Bar chart of one metric, the target highlighted."""
        peers = self.peers()
        return peers.bar_chart(metric) if not isinstance(peers, Missing) else peers

    def growth_margin_chart(self) -> Figure | Missing:
        """Revenue growth against operating margin, the target highlighted."""
        peers = self.peers()
        return peers.scatter() if not isinstance(peers, Missing) else peers

    # -- the occupation --------------------------------------------------------------------
    def _job_title(self) -> str | None:
        title = self.value("job_title")
        if title:
            return str(title)
        job = found(self.job())
        return job.title if job is not None and job.title else None

    @step("occupation")
    def occupation(self) -> OccupationProfile | Missing:
        """O*NET occupation for the posting's title: tasks, skills, hot technologies, wages."""
        from ...research.industry.occupation import occupation_panel

        title = self._job_title()
        if not title:
            return Missing("occupation", "no job title (no posting, and no job_title in "
                           "target.toml)", 'add job_title = "Data Engineer" to target.toml')
        return occupation_panel(title)

    @displayed
    def occupation_candidates(self) -> pd.DataFrame | Missing:
        """The closest O*NET occupations for the title, with scores (check the match)."""
        occ = self.occupation()
        return occ.candidates if not isinstance(occ, Missing) else occ

    @step("hot skills")
    def skill_overlap(self) -> pd.DataFrame | Missing:
        """The posting's skills against the occupation's technologies (hot ones flagged)."""
        from ...research.industry.occupation import hot_skill_overlap

        occ = self.occupation()
        if isinstance(occ, Missing):
            return occ
        job = found(self.job())
        skills = list(job.skills or []) if job is not None else []
        if not skills:
            return Missing("hot skills", "the posting lists no skills to compare")
        return hot_skill_overlap(skills, occ)

    @step(None)
    def industry_findings(self) -> list[Finding]:
        """Findings for the talking points: competitors' figures, wage, hot skills."""
        from ...research.industry.findings import industry_findings

        return industry_findings(peers=found(self.peers()), occupation=found(self.occupation()),
                                 overlap=found(self.skill_overlap()))
