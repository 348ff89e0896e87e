"""Workbench steps: the position (the posting, my evidence, SWOT, questions)."""

from __future__ import annotations

from ..base import Missing, step


class PositionSteps:
    @step("job posting")
    def job(self):
        """The posting named by ``job`` in target.toml (URL, saved page or text file)."""
        from ...sources.jobs import load_job_posting

        source = self.value("job")
        if not source:
            return Missing("job posting", "no job posting in target.toml",
                           'add job = "https://…" (the posting\'s URL, a saved page, or a '
                           'text file in notes/) to target.toml')
        # a board URL that lists several postings needs job_id = "…" in target.toml
        return load_job_posting(source, posting_id=self.value("job_id"))

    def job_summary(self):
        """Title, company, location, salary, dates: the posting at a glance."""
        job = self.job()
        return job.panel() if job else job

    def requirements(self):
        """Required then preferred bullets, verbatim, in posting order (rank = priority)."""
        job = self.job()
        return job.requirements if job else job

    def responsibilities(self):
        job = self.job()
        return job.responsibilities if job else job

    @step("requirement match")
    def match(self):
        """Each requirement beside my own evidence: score and met / partly met / not met."""
        from ...research.position.match import match_requirements

        job, me = self.job(), self.me()
        if not job:
            return job
        if not me:
            return me
        return match_requirements(job, me)

    @step("SWOT")
    def swot(self):
        """My SWOT against this posting (prompts where the research has nothing to say)."""
        from ...research.position.swot import swot

        job, me, matches = self.job(), self.me(), self.match()
        if not job:
            return job
        if not me:
            return me
        findings = self._company_findings()
        return swot(job, me, findings, matches=matches)

    def swot_figure(self):
        """The SWOT as a 2×2 figure."""
        from ...research.position.swot_grid import swot_figure  # not .swot: the grid needs none of its parsers

        table = self.swot()
        return swot_figure(table) if len(table) else table

    @step(None)
    def likely_questions(self, top: int = 5):
        """The behavioural questions the top requirements invite."""
        from ...research.position.questions import likely_questions

        job = self.job()
        return likely_questions(job, top=top) if job else job

    @step(None)
    def star_table(self, top: int = 5):
        """A STAR table to prepare answers in, with my evidence as a hint."""
        from ...research.position.questions import star_table

        job = self.job()
        if not job:
            return job
        me = self.me()
        return star_table(job, me if me else None, top=top)

    @step(None)
    def position_findings(self):
        """The position's findings for talking points and "why me" lines."""
        from ...research.position.match import position_findings

        job = self.job()
        if not job:
            return []
        matches = self.match()
        return position_findings(job, matches if len(matches) else None)

    def _company_findings(self):
        """Company research rows for Opportunities, when another area provides them."""
        provider = getattr(self, "company_findings", None)
        if not callable(provider):
            return None
        found = provider()
        if isinstance(found, list):  # Finding records (the company steps): as sentences
            from ...research.talking_points import compose_talking_points, points_table

            found = points_table(compose_talking_points(found))
        return found if found is not None and len(found) else None
