"""Workbench steps: talking points, questions to ask, "why me" lines, and the brief."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..step import displayed, found, step
from .industry import IndustrySteps

if TYPE_CHECKING:
    import pandas as pd

    from ...brief.files import BriefFiles
    from ...brief.model import BriefModel
    from ...display import Panel
    from ...research.talking_points import Finding, TalkingPoint

__all__ = ["BriefSteps"]

_FEW_FACTS = 8
"""Below this many salient facts, talking points and questions share them out."""


def findings_to_talk_about(findings: list[Finding]) -> list[Finding]:
    """The findings the talking points may use: when the sources hold few company facts,
    half of the ones a question can be asked about are left for the questions. An old item
    is never asked about ("what part does this team play in" a 2011 launch?), so it stays
    with the talking points, as background."""
    facts = [f for f in findings if f.kind == "company_fact"]
    if len(facts) >= _FEW_FACTS:
        return findings
    askable = [f for f in facts if not f.facts.get("stale")]
    keep = askable[: max(1, (len(askable) + 1) // 2)]
    return [f for f in findings
            if f.kind != "company_fact" or f in keep or f.facts.get("stale")]


class BriefSteps(IndustrySteps):
    @step(None)
    def findings(self) -> list[Finding]:
        """Every area's findings (one cited source row each) for the talking points.

        Interviewer commonalities are not among them: the brief gives them their own
        section, and a talking point is about the role, the company or its industry."""
        from ...research.company.findings import fact_findings, tag_role_terms
        from ...research.normalize import short_company

        facts = found(self.salient_facts())
        company = short_company(self.company_name())
        return [*fact_findings(facts, company),
                *tag_role_terms(self.company_findings(), self.role_terms()),
                *self.position_findings(), *self.industry_findings()]

    @step(None)
    def _points(self, kind: str) -> list[TalkingPoint]:
        from ...research.talking_points import (
            compose_questions,
            compose_talking_points,
            compose_why_me,
        )

        findings = self.findings()
        if kind == "ask":
            # a question quotes a fact the talking points have not already used (a
            # sentence, or a figure such as the revenue trend)
            talk = self._points("talk")[:5]
            said = {p.facts.get("sentence") for p in talk}
            figures = {(p.kind, _facts_key(p.facts)) for p in talk}
            return compose_questions([
                f for f in findings
                if (f.kind != "company_fact" or f.facts.get("sentence") not in said)
                and (f.kind, _facts_key(f.facts)) not in figures])
        if kind == "talk":
            return compose_talking_points(findings_to_talk_about(findings))
        return compose_why_me(findings)

    def market_context(self) -> TalkingPoint | None:
        """At most one labour-market line (O*NET/BLS wage or hot skill) for context."""
        from ...research.talking_points import compose_market_context

        return compose_market_context(self.findings())

    @displayed
    def talking_points(self) -> pd.DataFrame:
        """Ranked, cited talking points: "While researching the competition I learned …"."""
        from ...research.talking_points import points_table

        return points_table(self._points("talk"))

    @displayed
    def questions_to_ask(self) -> pd.DataFrame:
        """Questions for the interviewer, from risks, strategy, press releases and the role."""
        from ...research.talking_points import points_table

        return points_table(self._points("ask"))

    @displayed
    def why_me(self) -> pd.DataFrame:
        """"Why me" lines: the posting's requirements you meet, with your evidence."""
        from ...research.talking_points import points_table

        return points_table(self._points("why"))

    def _research_date(self) -> str:
        """The newest retrieval date among the sources used: stable on offline re-runs."""
        dates = [p.source.retrieved_at[:10] for kind in ("talk", "ask", "why")
                 for p in self._points(kind) if p.source and p.source.retrieved_at]
        return max(dates) if dates else ""

    def brief_model(self) -> BriefModel:
        """The one-page brief's layout model, from everything researched so far."""
        from ...brief.model import BriefModel
        from .. import brief_builder as b
        from ..user_notes import brief_cells

        job, me = found(self.job()), found(self.me())
        ratios = found(self.financial_ratios())
        peers = found(self.peers())
        peer_table = getattr(peers, "metrics", None) if peers is not None else None
        competitor_set = getattr(peers, "competitors", None) if peers is not None else None
        talk, ask, why = (self._points(k) for k in ("talk", "ask", "why"))
        context = self.market_context()
        market = [b.Item(f"Market context: {context.text}", 90, context.source)] if context else []
        model = BriefModel(
            header=b.header_for(self.ws.target, job, me, self._research_date(),
                                self.cautions()),
            snapshot=b.snapshot_for(found(self.business_overview()), ratios, found(self.site()),
                                    found(self.company_profile()), self.company_facts(),
                                    found(self.financials())),
            charts=b.charts_for(ratios, peer_table, self.ws.name),
            requirements=b.requirements_for(found(self.match()), job),
            talking_points=b.items_for(talk[:5]) + [
                b.Item(f"Why me: {p.text}", 20 + p.rank, p.source) for p in why[:2]] + market,
            questions=b.items_for(ask[:5]),
            competitors=b.competitors_for(peer_table, competitor_set),
            commonalities=b.commonalities_for(found(self.commonalities())),
            swot=b.swot_for(found(self.swot()), [p.text for p in talk[:5] + ask[:5]]),
            notes=b.notes_for(brief_cells(self.ws.notebook_path), str(self.ws.notebook_path)),
            not_found=self._not_found_lines(),
            as_of=self._research_date(),
        )
        return b.localize_sources(model, self.ws.path)

    def cautions(self) -> list[str]:
        """What to check before relying on the brief: a posting that names another company,
        an annual report older than the latest one (offline, from the cache)."""
        from ...errors import ResearchKitError
        from ...lexicon.company_names import company_keys

        out = []
        job = found(self.job())
        employer = getattr(job, "company", None)
        if employer and not getattr(job, "employer_confidential", False):
            ours = company_keys(self.company_name()) | company_keys(self.ws.name)
            if not company_keys(employer) & ours:
                out.append(f"The posting names {employer}, not {self.ws.name}: is it the "
                           "right posting?")
        try:
            report = found(self.annual_report())
        except ResearchKitError:
            report = None
        for warning in getattr(report, "warnings", None) or []:
            if "latest" in warning:
                out.append(f"Annual report: {warning}.")
        out.extend(self._old_sources(report))
        out.extend(self.my_evidence_problems())
        return out

    def _old_sources(self, report) -> list[str]:
        """An annual report PDF for a year long past, a website whose newest dated news is
        years old, a 10-K that could not be read: the brief then rests on old or thin
        material, and the candidate should know before quoting it."""
        from .position import _research_day

        today = _research_day(self.value("interview_date"))
        out = []
        from ...sources.annual_reports.pdf import PdfAnnualReport

        # a 10-K's age is already said above (the "latest" warning); a PDF's is not
        year = report.fiscal_year if isinstance(report, PdfAnnualReport) else None
        if isinstance(year, int) and today.year - year >= 2:
            out.append(f"Annual report: the PDF is for {year}; look for a newer one before "
                       "quoting its figures.")
        if self.ws.get("ticker") and "annual report" in self.missing:
            out.append("Annual report: the 10-K could not be read "
                       f"({_short_urls(self.missing['annual report'].reason)}); the brief "
                       "has no facts from it.")
        passages = self.passages()
        if len(passages):
            site = passages[passages["kind"].isin(["news", "history"])
                            & passages["source_url"].astype(str).str.startswith("http")]
            years = [int(str(d)[:4]) for d in site["date"] if str(d)[:4].isdigit()]
            if years and today.year - max(years) >= 3:
                out.append(f"Website: its newest dated news is from {max(years)}; the site "
                           "may not be kept up to date.")
        return out

    def _not_found_lines(self) -> dict[str, str]:
        """Section → the reason its research step found nothing (from ``self.missing``)."""
        reasons = {
            "snapshot": ("company", "financials", "annual report", "website"),
            "requirements": ("job posting", "requirement match", "your profile"),
            "competitors": ("competitors",),
            "commonalities": ("commonalities", "your profile", "interviewers"),
            "swot": ("SWOT", "your profile", "job posting"),
        }
        lines = {}
        for section, steps in reasons.items():
            for label in steps:
                missing = self.missing.get(label)
                if missing is not None:
                    lines[section] = f"Not found ({label}): {missing.reason}"
                    break
        lines["snapshot"] = self._sources_line("What the company does was not found")
        if " to one of " in lines.get("requirements", ""):
            # a page has no room for posting ids: the notebook's job cell lists them whole
            lines["requirements"] = lines["requirements"].split(" to one of ")[0] + \
                " (research.ipynb lists the ids at its posting cell)."
        posting = self.missing.get("job posting")
        if posting is not None and posting.reason in lines.get("swot", ""):
            # the same reason twice on one page: the second says where the first is
            lines["swot"] = "No SWOT: it needs the posting (see Top requirements)."
        if "job posting" in self.missing and not self._points("ask"):
            lines["questions"] = ("No questions drafted: the posting was not found (see Top "
                                  "requirements) and the company sources gave none.")
        reason = self.no_competitors_reason() if "competitors" not in lines else None
        if reason:
            lines["competitors"] = reason
        if "competitors" in lines and not self.ws.get("ticker"):
            lines["competitors"] = (
                "No competitors named by the sources read, and no list of yours: add "
                'competitors = ["…"] to target.toml (the insiders you meet know which '
                "matter)")
        # a line on the page names a document, not its whole address
        return {section: _short_urls(line) for section, line in lines.items()}

    def _sources_line(self, lead: str) -> str:
        """Which company sources were read, which failed and why, which were not given —
        never a suggestion to add what target.toml already has."""
        status = self.source_status()
        read = [label for label, state, _ in status if state == "read"]
        failed = [f"{label}: {why}" for label, state, why in status if state == "failed"]
        absent = [f"{label} ({how})" for label, state, how in status if state == "not given"]
        parts = [lead + "."]
        if read:
            parts.append("Read: " + ", ".join(read) + ".")
        if failed:
            parts.append("Could not read " + "; ".join(failed) + ".")
        if absent and not read:
            parts.append("To add one: " + "; ".join(absent) + ".")
        return " ".join(parts)

    def write_brief(self, paper: str | None = None) -> BriefFiles:
        """Write out/brief.pdf (exactly one page) and out/brief.html; returns the files.

        Records the run (:mod:`..run_record`): when it is worse than the last good run, it
        says so and keeps the last good brief as out/brief.previous.pdf/.html."""
        import sys

        from ...brief.render import render_brief
        from .. import run_record as rr

        paper = paper or str(self.ws.get("paper") or "letter").lower()
        model = self.brief_model()
        record = self._run_record(model)
        previous = rr.read_record(self.ws.path / rr.LAST_GOOD_RUN)
        record.degraded = rr.worse_than(record, previous)
        if record.degraded and previous is not None:
            record.previous_brief = rr.keep_previous_brief(self.ws.out_dir, previous)
        files = render_brief(model, self.ws.out_dir, paper=paper)
        record.brief_digest = rr.digest(files.pdf_path)
        rr.save(record, self.ws.path)
        self.last_run = record
        for line in rr.describe(record):
            if line.startswith("warning"):
                print(line, file=sys.stderr)
        return files

    def _run_record(self, model: BriefModel):
        """What this run found (see :mod:`..run_record`)."""
        from ...gateway.cache_admin import cache_rows_state
        from ..run_record import RunRecord, now_iso

        job = "not given"
        if self.value("job"):
            job = "ok" if found(self.job()) is not None else "failed"
        company = "not given"
        if self.company_sources():
            answered = (found(self.financials()), found(self.annual_report()),
                        found(self.site()), found(self.company_profile()))
            company = "ok" if any(a is not None for a in answered) else "failed"
        cache = self.settings.http_cache_path
        state = cache_rows_state(cache)
        return RunRecord(
            finished=now_iso(), sources=len({s.url for s in model.cited_in_order() if s}),
            missing={label: m.reason for label, m in self.missing.items()}, job=job,
            company=company, cache_file=str(cache),
            cache_rows=state[0][0] if state else None)

    def summary(self) -> Panel:
        """What was found, area by area, and what was not: a plain-text check of the run."""
        from ...display import Panel

        panel = Panel(f"Research summary: {self.ws.name}")
        match = found(self.match())
        if match is not None and len(match):
            required = match[match["kind"] == "required"]
            met = int((required["status"] == "met").sum())
            panel.add("requirements met", f"{met} of {len(required)} required, "
                      f"{int((match['status'] == 'met').sum()) - met} preferred")
        ratios = found(self.financial_ratios())
        if ratios is not None and len(ratios):
            from ...research.talking_points import fmt_money

            latest = ratios.sort_values("fiscal_year").iloc[-1]
            panel.add("latest revenue", f"{fmt_money(latest['revenue'])} "
                      f"(FY{int(latest['fiscal_year'])})")
        peers = found(self.peers())
        if peers is not None:
            panel.add("competitors", len(peers.competitors))
        site = found(self.site())
        if site is not None:
            panel.add("website pages read", len(site.pages))
        for label, kind in (("talking points", "talk"), ("questions to ask", "ask"),
                            ("why-me lines", "why")):
            panel.add(label, len(self._points(kind)))
        table = found(self.commonalities())
        panel.add("commonalities", 0 if table is None else len(table))
        panel.add("not found", ", ".join(sorted(self.missing)) or "nothing")
        return panel


_URL = re.compile(r"https?://([^/\s]+)/(\S*/)?([^/\s]+?)([.,;:)]?(?:\s|$))")


def _short_urls(text: str) -> str:
    """"https://www.sec.gov/Archives/edgar/data/789019/…/msft-20250630.htm" →
    "sec.gov/…/msft-20250630.htm" (the notebook keeps the whole address)."""
    def short(m: re.Match[str]) -> str:
        host = m.group(1).removeprefix("www.")
        middle = "…/" if m.group(2) else ""
        return f"{host}/{middle}{m.group(3)}{m.group(4)}"

    return _URL.sub(short, text)


def _facts_key(facts: dict) -> str:
    """A finding's facts as one comparable string (values may be numbers or dates)."""
    import json

    return json.dumps(facts, sort_keys=True, default=str)
