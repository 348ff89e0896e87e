"""The public API is exactly these names: changing it is a deliberate act (update here)."""

import subprocess
import sys

import research_kit

PUBLIC_API = [
    "BriefModel", "CacheError", "CompanyNotFoundError", "ConfigError", "ContactMissingError",
    "DocumentTooLongError", "EncryptedDocumentError", "FeedError", "FetchError",
    "FetchTimeoutError", "Gateway", "HTTPStatusError", "InputError",
    "InterviewerNotFoundError", "Missing", "NetworkError", "NoTextLayerError", "NotCachedError",
    "NotFoundError", "OccupationNotFoundError", "OnetData", "PageNeedsBrowserError",
    "Panel", "ParseError", "PostingChoiceError", "RateLimitedError", "Research",
    "ResearchKitError", "ResponseTooLargeError", "RobotsDisallowedError",
    "RobotsUnavailableError", "Settings", "Source", "TargetFileError", "TooManyRedirectsError",
    "UnsupportedFormError", "UnsupportedURLError", "WorkspaceBusyError", "WorkspaceError", "__version__", "add_target", "annual_financials", "bundled_onet",
    "business_overview", "check_note", "commonalities", "company_profile",
    "compare_targets", "competition_passage", "competitor_set", "competitors_from_10k",
    "compose_talking_points", "connection_notes", "create_workspace", "discover_feeds",
    "draft_connect_thanks", "export_pack", "fetch", "filings_table", "financial_ratios",
    "financials_chart", "find_commonalities", "follow_ups_due", "forget_person",
    "growth_margin_scatter", "hot_skill_overlap", "interviewer_cards", "interviewers_table",
    "latest_10k", "likely_questions", "load_job_posting", "load_profile", "load_settings",
    "load_targets", "match_occupation", "match_requirements", "new_targets_file",
    "occupation_panel", "open_me", "open_research", "open_workspace", "parse_feed",
    "peer_bar_chart", "peers_for_ticker", "prepare_demo_workspace", "press_releases",
    "profile_panel", "read_annual_report_pdf", "read_news", "render_brief", "replay_pack",
    "research_site", "resolve_company", "risk_factor_headings", "run_batch", "run_demo",
    "run_workspace", "sample_brief", "sic_peers", "split_10k", "star_table", "swot",
    "swot_figure", "targets_overview", "thank_you_check", "thank_you_notes", "verify_point",
]


def test_public_api_is_pinned():
    assert research_kit.__all__ == PUBLIC_API


def test_every_public_name_resolves():
    for name in PUBLIC_API:
        assert getattr(research_kit, name) is not None, name


def test_errors_form_one_tree():
    for name in PUBLIC_API:
        value = getattr(research_kit, name)
        if isinstance(value, type) and issubclass(value, Exception):
            assert issubclass(value, research_kit.ResearchKitError), name


def test_import_is_cheap():
    # the CLI and notebooks import research_kit first: heavy parts load on first use
    code = "import sys, research_kit; print('pandas' in sys.modules, 'requests' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False"]
