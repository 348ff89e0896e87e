"""research-kit: interview research as a repeatable, sourced, offline-capable workflow.

The public API is the names in ``__all__`` (pinned by a test). Each is imported on first
use, so ``import research_kit`` is instant and the command line stays fast; everything
else lives in private or sub-modules and may change.

    import research_kit as rk
    research = rk.open_research("notebooks/acme-corp")   # the per-company workbench
    research.financials()                                 # one call per notebook cell
"""

from __future__ import annotations

from ._lazy import lazy_exports
from ._version import __version__ as __version__
from .errors import *  # noqa: F401,F403 - the exception tree is public
from .errors import __all__ as _error_names

# public name -> "module:attribute" (module relative to this package)
_EXPORTS: dict[str, str] = {
    # workspaces, the workbench, running and packs
    "open_research": "workbench.research:open_research",
    "Research": "workbench.research:Research",
    "Missing": "workbench.step:Missing",
    "open_workspace": "workspace:open_workspace",
    "create_workspace": "app.create:create_workspace",
    "run_workspace": "app.runner:run_workspace",
    "run_demo": "app.demo:run_demo",
    "prepare_demo_workspace": "app.demo:prepare_demo_workspace",
    "export_pack": "app.packs:export_pack",
    "replay_pack": "app.packs:replay_pack",
    "run_batch": "app.batch:run_batch",
    # settings, HTTP, provenance, display
    "Settings": "settings:Settings",
    "load_settings": "settings:load_settings",
    "Gateway": "gateway.client:Gateway",
    "fetch": "gateway.client:fetch",
    "Source": "provenance:Source",
    "Panel": "display:Panel",
    # target-company list
    "load_targets": "app.tracker:load_targets",
    "add_target": "app.tracker:add_target",
    "follow_ups_due": "app.tracker:follow_ups_due",
    "new_targets_file": "app.tracker:new_targets_file",
    "open_me": "workbench.me:open_me",
    # the position
    "load_job_posting": "sources.jobs:load_job_posting",
    "load_profile": "sources.profiles:load_profile",
    "profile_panel": "sources.profiles:profile_panel",
    "match_requirements": "research.position.match:match_requirements",
    "swot": "research.position.swot:swot",
    "swot_figure": "research.position.swot_grid:swot_figure",
    "likely_questions": "research.position.questions:likely_questions",
    "star_table": "research.position.questions:star_table",
    "compare_targets": "research.position.targets:compare_targets",
    "targets_overview": "research.position.targets:targets_overview",
    # the company: SEC EDGAR and annual reports
    "resolve_company": "sources.edgar:resolve_company",
    "company_profile": "sources.edgar:company_profile",
    "filings_table": "sources.edgar:filings_table",
    "annual_financials": "sources.edgar:annual_financials",
    "financial_ratios": "sources.edgar:financial_ratios",
    "financials_chart": "sources.edgar:financials_chart",
    "split_10k": "sources.edgar:split_10k",
    "latest_10k": "sources.edgar:latest_10k",
    "competition_passage": "sources.edgar:competition_passage",
    "competitors_from_10k": "sources.edgar:competitors_from_10k",
    "risk_factor_headings": "sources.edgar:risk_factor_headings",
    "business_overview": "sources.edgar:business_overview",
    "press_releases": "sources.edgar:press_releases",
    "read_annual_report_pdf": "sources.annual_reports.pdf:read_annual_report_pdf",
    # the company's website
    "research_site": "sources.website:research_site",
    # industry, competition, labor market, news
    "competitor_set": "research.industry.competitor_set:competitor_set",
    "sic_peers": "research.industry.competitor_set:sic_peers",
    "peers_for_ticker": "research.industry.peers:peers_for_ticker",
    "peer_bar_chart": "research.industry.peer_charts:peer_bar_chart",
    "growth_margin_scatter": "research.industry.peer_charts:growth_margin_scatter",
    "match_occupation": "research.industry.occupation:match_occupation",
    "occupation_panel": "research.industry.occupation:occupation_panel",
    "hot_skill_overlap": "research.industry.occupation:hot_skill_overlap",
    "bundled_onet": "sources.onet:bundled_onet",
    "OnetData": "sources.onet:OnetData",
    "read_news": "sources.news:read_news",
    "parse_feed": "sources.news:parse_feed",
    "discover_feeds": "sources.news:discover_feeds",
    # interviewers and outreach
    "interviewers_table": "research.people.interviewers:interviewers_table",
    "interviewer_cards": "research.people.interviewers:interviewer_cards",
    "commonalities": "research.people.commonalities:commonalities",
    "find_commonalities": "research.people.commonalities:find_commonalities",
    "connection_notes": "research.people.outreach:connection_notes",
    "draft_connect_thanks": "research.people.outreach:draft_connect_thanks",
    "check_note": "research.people.note_checker:check_note",
    "thank_you_notes": "research.people.thank_you:thank_you_notes",
    "thank_you_check": "research.people.thank_you:thank_you_check",
    "forget_person": "app.forget:forget_person",
    # talking points and the brief
    "compose_talking_points": "research.talking_points:compose_talking_points",
    "verify_point": "research.talking_points:verify_point",
    "render_brief": "brief.render:render_brief",
    "BriefModel": "brief.model:BriefModel",
    "sample_brief": "brief.sample:sample_brief",
}

__all__ = sorted(["__version__", *_error_names, *_EXPORTS])

__getattr__, _ = lazy_exports(__name__, _EXPORTS)


def __dir__() -> list[str]:
    return __all__
