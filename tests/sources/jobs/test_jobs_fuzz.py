"""Fuzz the posting shapes added for real boards: random input raises only our own errors."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from research_kit.errors import ResearchKitError
from research_kit.provenance import Source
from research_kit.sources.jobs import parse_job_content
from research_kit.sources.jobs.blocks import html_lines, split_run_on_dash_items, text_lines
from research_kit.sources.jobs.company import board_token, company_in_text, recruiter_for_client
from research_kit.sources.jobs.features import optional_wording
from research_kit.sources.jobs.page import id_from_url
from research_kit.sources.jobs.sections import sentences, split_sections

FUZZ = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SOURCE = Source.for_text("fuzz")

_pieces = st.sampled_from([
    "<ul>", "</ul>", "<li>", "</li>", "<strong>", "</strong>", "<h2>", "</h2>", "<br/>", "<p>",
    "</p>", "<em>", "</em>", " - ", "Requirements", "Nice-to-haves", "Key Responsibilities",
    "About Acme", "Skills", "Deliver care: Provide", "is a plus", "Bonus:", "Our client is a",
    "401(k)", "\n", "   - ", " ", "Baseline:", "Extra Credit:", "é", "\u00a0", "ideally"])
fragments = st.lists(st.one_of(_pieces, st.text(max_size=6)), max_size=50).map("".join)
_keys = st.sampled_from(["jobs", "title", "id", "text", "lists", "content", "description",
                         "descriptionPlain", "additionalPlain", "hostedUrl", "jobUrl",
                         "descriptionHtml", "jobPostingInfo", "jobDescription", "externalUrl",
                         "hiringOrganization", "name", "categories", "company_name",
                         "absolute_url"])
board_json = st.recursive(
    st.none() | st.booleans() | st.integers() | fragments,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(_keys, children,
                                                                      max_size=6),
    max_leaves=20)


def _only_our_errors(call):
    try:
        return call()
    except ResearchKitError:
        return None


@FUZZ
@given(fragments)
def test_html_and_text_shapes(text):
    split_sections(html_lines(text))
    split_sections(text_lines(text))
    for wrapped in ("<html><body>" + text, text):
        job = _only_our_errors(lambda w=wrapped: parse_job_content(w, SOURCE))
        if job is not None:
            job.to_dict()
            job.panel()


@FUZZ
@given(board_json)
def test_board_responses(value):
    job = _only_our_errors(lambda: parse_job_content(json.dumps(value), SOURCE))
    if job is not None:
        job.to_dict()


@FUZZ
@given(st.text(max_size=200))
def test_small_rules_never_raise(text):
    optional_wording(text)
    split_run_on_dash_items(text)
    sentences(text)
    board_token(text)
    board_token("https://" + text)
    id_from_url("https://x.com/" + text)
    company_in_text(text[:12], text)
    recruiter_for_client(text)
