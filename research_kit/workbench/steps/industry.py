"""Workbench steps: the industry and the competition, the occupation, the news.

Each step is one notebook cell. They build on the company steps (``company()``,
``company_profile()``, ``competitors_named()``, ``press_releases()``) and the position steps
(``job()``) when the workbench has them, and on target.toml: ``competitors = [...]`` (your own
list), ``feeds = [...]`` (extra news feeds), ``site`` (its newsroom feed is discovered),
``job_title`` (overrides the posting's title for the occupation lookup).
"""

from __future__ import annotations

from typing import Any

from ..base import Missing, found, step



class IndustrySteps:
    def _from(self, name: str) -> Any:
        """Another step's result when the workbench has that step; None otherwise."""
        method = getattr(self, name, None)
        return found(method()) if callable(method) else None

    def _listing(self, key: str) -> list[str]:
        value = self.value(key) or []
        return [value] if isinstance(value, str) else [str(v) for v in value if v]

    # -- competitors and peers -------------------------------------------------------------
    @step("competitors")
    def peers(self):
        """Competitor set and peer comparison (a PeerComparison; shows its table)."""
        from ...research.industry.peers import build_peer_comparison

        company = self._from("company")
        if company is None:
            return Missing("competitors", "no SEC company to compare (no ticker in target.toml, "
                           "or it did not resolve)",
                           'add ticker = "XYZ" to target.toml; list competitors = ["…"] too')
        names = self._from("competitors_named")
        tenk_source = None
        report = self._from("_ten_k")
        if report is not None and names:
            from ...sources.edgar import competition_passage

            passage = competition_passage(report)
            tenk_source = passage.source if passage is not None else None
        return build_peer_comparison(company, self._from("company_profile"), tenk_names=names,
                                     tenk_source=tenk_source,
                                     user_names=self._listing("competitors"),
                                     gateway=self.gateway)

    def industry(self):
        """The industry (SIC code and description) and where the competitors came from."""
        peers = self.peers()
        return peers.industry_panel() if peers else peers

    def competitors(self):
        """One row per competitor: origin (10-K / same SIC / your list), CIK or unresolved."""
        peers = self.peers()
        return peers.competitors if peers else peers

    def peer_comparison(self):
        """Revenue, growth, margins, R&D intensity, employees — latest fiscal year each."""
        peers = self.peers()
        return peers.table if peers else peers

    def peer_facts(self):
        """The comparison as sourced rows: one per company × metric, with its filing."""
        peers = self.peers()
        return peers.facts if peers else peers

    def peer_chart(self, metric: str = "revenue"):
        """Bar chart of one metric, the target highlighted."""
        peers = self.peers()
        return peers.bar_chart(metric) if peers else peers

    def growth_margin_chart(self):
        """Revenue growth against operating margin, the target highlighted."""
        peers = self.peers()
        return peers.scatter() if peers else peers

    # -- the occupation --------------------------------------------------------------------
    def _job_title(self) -> str | None:
        title = self.value("job_title")
        if title:
            return str(title)
        job = self._from("job")
        return getattr(job, "title", None) if job is not None else None

    @step("occupation")
    def occupation(self):
        """O*NET occupation for the posting's title: tasks, skills, hot technologies, wages."""
        from ...research.industry.occupation import occupation_panel

        title = self._job_title()
        if not title:
            return Missing("occupation", "no job title (no posting, and no job_title in "
                           "target.toml)", 'add job_title = "Data Engineer" to target.toml')
        return occupation_panel(title)

    def occupation_candidates(self):
        """The closest O*NET occupations for the title, with scores (check the match)."""
        occ = self.occupation()
        return occ.candidates if occ else occ

    @step("hot skills")
    def skill_overlap(self):
        """The posting's skills against the occupation's technologies (hot ones flagged)."""
        from ...research.industry.occupation import hot_skill_overlap

        occ = self.occupation()
        if not occ:
            return occ
        job = self._from("job")
        skills = list(getattr(job, "skills", None) or []) if job is not None else []
        if not skills:
            return Missing("hot skills", "the posting lists no skills to compare")
        return hot_skill_overlap(skills, occ)

    # -- news ------------------------------------------------------------------------------
    @step("news")
    def news(self):
        """Newsroom feed (discovered on the site), your feeds and 8-K press releases, merged."""
        from ...sources.news import read_news

        site = self.value("site")
        feeds = self._listing("feeds")
        press = self._from("press_releases")
        if not (site or feeds) and press is None:
            return Missing("news", "no site, feeds or press releases to read",
                           'add site = "https://…" or feeds = ["https://…/feed.xml"]')
        return read_news(feeds, site=site, press_releases=press, gateway=self.gateway)

    @step(None)
    def industry_findings(self):
        """Findings for the talking points: competitors' figures, wage, hot skills."""
        from ...research.industry.findings import industry_findings

        return industry_findings(peers=found(self.peers()), occupation=found(self.occupation()),
                                 overlap=found(self.skill_overlap()))
