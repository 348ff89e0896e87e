"""Workbench steps: the position (the posting, your profile, your evidence, SWOT, questions)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ...errors import InputError
from ..step import Missing, displayed, found, step
from .company import CompanySteps

if TYPE_CHECKING:
    import pandas as pd

    from ...display import Panel
    from ...research.company.facts import RoleTerms
    from ...research.talking_points import Finding
    from ...sources.jobs.model import JobPosting
    from ...sources.profiles.model import Profile

__all__ = ["PositionSteps"]


_EVENT_FACTS = frozenset({"acquisition", "funding", "launch", "partnership", "expansion",
                          "award", "customer"})


class PositionSteps(CompanySteps):
    @step("job posting")
    def job(self) -> JobPosting | Missing:
        """The posting named by ``job`` in target.toml (URL, saved page or text file)."""
        from ...sources.jobs import load_job_posting

        source = self.value("job")
        if not source:
            return Missing("job posting", "no job posting in target.toml",
                           'add job = "https://…" (the posting\'s URL, a saved page, or a '
                           'text file in notes/) to target.toml')
        from ...errors import PostingChoiceError

        # a board URL that lists several postings needs job_id = "…" in target.toml
        try:
            posting: JobPosting = load_job_posting(source, posting_id=self.value("job_id"))
        except PostingChoiceError as exc:
            # say it in the workspace's terms: the key to set, and the ids to choose from
            ids = ", ".join(f"{c.get('id')} ({c.get('title')})" for c in exc.choices[:3])
            more = f" and {len(exc.choices) - 3} more" if len(exc.choices) > 3 else ""
            what = exc.message.removesuffix("; which one?")
            return Missing("job posting", f"{what}: set job_id in target.toml to one of "
                           f"{ids}{more}",
                           f'job_id = "{exc.choices[0].get("id")}"' if exc.choices else "")
        return posting

    def job_summary(self) -> Panel | Missing:
        """Title, company, location, salary, dates: the posting at a glance."""
        job = self.job()
        return job.panel() if not isinstance(job, Missing) else job

    @displayed
    def requirements(self) -> pd.DataFrame | Missing:
        """Required then preferred bullets, verbatim, in posting order (rank = priority)."""
        job = self.job()
        return job.requirements if not isinstance(job, Missing) else job

    @displayed
    def responsibilities(self) -> pd.DataFrame | Missing:
        job = self.job()
        return job.responsibilities if not isinstance(job, Missing) else job

    @step("your profile")
    def me(self) -> Profile | Missing:
        """Your own profile (LinkedIn export, resume or YAML named by ``me`` in target.toml)."""
        from ...research.people.interviewers import load_me

        profile = load_me(self.ws)
        if profile is None:
            if not self.value("me"):
                raise InputError("no profile of yours in target.toml",
                                 suggestion='add me = "notes/Profile.pdf" (a LinkedIn "Save to '
                                            'PDF" export, a resume, or a YAML file)')
            raise InputError(f"your profile {self.value('me')} could not be read",
                             suggestion="check the path in target.toml")
        return profile

    @step("requirement match")
    def match(self) -> pd.DataFrame | Missing:
        """Each requirement beside my own evidence: score and met / partly met / not met."""
        from ...research.position.match import match_requirements

        job, me = self.job(), self.me()
        if isinstance(job, Missing):
            return job
        if isinstance(me, Missing):
            return me
        return self._with_my_evidence(match_requirements(job, me))

    def _with_my_evidence(self, matches: pd.DataFrame) -> pd.DataFrame:
        """The match with the candidate's own words (``[my_evidence]``) where they gave
        them: those requirements are met, cited to target.toml."""
        from ...provenance import Source
        from ...research.position.my_evidence import apply_my_evidence

        notes = self.value("my_evidence")
        if not isinstance(notes, dict) or not notes:
            return matches
        path = self.ws.path / "target.toml"
        return apply_my_evidence(matches, notes, lambda phrase: Source.for_file(
            path, section=f"my_evidence: {phrase}", title="Your own words (target.toml)"))

    def my_evidence_problems(self) -> list[str]:
        """Phrases of ``[my_evidence]`` that name no requirement of the posting."""
        from ...research.position.my_evidence import unmatched_phrases

        notes, job = self.value("my_evidence"), found(self.job())
        if not isinstance(notes, dict) or not notes or job is None:
            return []
        return unmatched_phrases(notes, [str(r["text"]) for r in job.features])

    @step("SWOT")
    def swot(self) -> pd.DataFrame | Missing:
        """My SWOT against this posting (prompts where the research has nothing to say)."""
        from ...research.position.swot import swot

        job, me, matches = self.job(), self.me(), self.match()
        if isinstance(job, Missing):
            return job
        if isinstance(me, Missing):
            return me
        return swot(job, me, self._company_points(), matches=found(matches),
                    links=self._panel_links())

    def _panel_links(self) -> pd.DataFrame | None:
        """The candidate's links with the interviewers (the people steps know them)."""
        return None

    def swot_figure(self) -> object:
        """The SWOT as a 2×2 grid."""
        from ...research.position.swot_grid import swot_figure  # the grid needs no parsers

        table = self.swot()
        return swot_figure(table) if not isinstance(table, Missing) and len(table) else table

    @step(None)
    def likely_questions(self, top: int = 5) -> pd.DataFrame | Missing:
        """The behavioural questions the top requirements invite."""
        from ...research.position.questions import likely_questions

        job = self.job()
        return likely_questions(job, top=top) if not isinstance(job, Missing) else job

    @displayed
    def off_limits_questions(self) -> pd.DataFrame:
        """Questions an interviewer should not ask (age, nationality, family …), and a calm
        way to redirect each to the job: research-kit's advice, the same for every target."""
        from ...research.position.off_limits import off_limits_questions

        return off_limits_questions()

    @step(None)
    def star_table(self, top: int = 5) -> pd.DataFrame | Missing:
        """A STAR table to prepare answers in, with my evidence as a hint."""
        from ...research.position.questions import star_table

        job = self.job()
        if isinstance(job, Missing):
            return job
        return star_table(job, found(self.me()), top=top, matches=found(self.match()))

    @step(None)
    def position_findings(self) -> list[Finding]:
        """The position's findings for talking points and "why me" lines."""
        from ...research.position.match import position_findings

        job = self.job()
        if isinstance(job, Missing):
            return []
        matches = found(self.match())
        return position_findings(job, matches if matches is not None and len(matches) else None)

    @step(None)
    def role_terms(self) -> RoleTerms:
        """What makes a company fact relevant to this role: the posting's skills, title,
        product and team names."""
        from ...research.company.facts import RoleTerms, role_terms

        job = found(self.job())
        if job is None:
            return RoleTerms()
        texts = [*job.items("required"), *job.items("preferred"),
                 *job.items("responsibilities")]
        return role_terms(str(self.value("job_title") or job.title or ""), texts)

    @step("salient facts")
    def salient_facts(self) -> pd.DataFrame:
        """The company facts worth saying, best first: every sentence of the sources'
        prose scored for salience (events, results that moved, strategy, recency) and for
        relevance to this role; verbatim, each with its source and date."""
        from ...research.company.facts import salient_facts

        today = _research_day(self.value("interview_date"))
        return salient_facts(self.passages(), terms=self.role_terms(), today=today,
                             company_names=[self.company_name(), self.ws.name])

    def _company_points(self) -> pd.DataFrame | None:
        """Company research as rows for the SWOT (a text, its kind, its source): the
        company's salient facts in its own words (launches, growth, expansion, customers,
        direction favour a candidate; declines and risks do not), its figures, and the
        risks its annual report names."""
        from ...provenance import table_from_rows
        from ...research.company.findings import fact_findings
        from ...research.normalize import short_company
        from ...research.talking_points import compose_talking_points

        company = short_company(self.company_name())
        rows = []
        for finding in fact_findings(found(self.salient_facts()), company):
            facts = finding.facts
            # an event (a launch, a deal, a new office) can favour a candidate; a figure or
            # a plan only when it touches the role's own work; old news never
            if facts.get("stale") or (facts.get("fact_kind") not in _EVENT_FACTS
                                      and not facts.get("role_terms")):
                continue
            rows.append({"point": facts["sentence"], "kind": "company_fact",
                         "fact_kind": facts.get("fact_kind"), "source": finding.source})
        base = self.company_findings()
        for point in compose_talking_points(base):
            rows.append({"point": point.text, "kind": point.kind, "source": point.source})
        for finding in base:
            if finding.kind == "risk_factor":
                rows.append({"point": finding.facts["heading"], "kind": "risk_factor",
                             "source": finding.source})
        table = table_from_rows(rows, ["point", "kind", "fact_kind"])
        return table if len(table) else None


def _research_day(interview_date: object) -> date:
    """The day recency is measured from: the interview date when target.toml gives one
    (the research is for that day), else today."""
    from datetime import date

    try:
        return date.fromisoformat(str(interview_date)[:10])
    except ValueError:
        return date.today()
