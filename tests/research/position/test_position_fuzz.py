"""Fuzz the position parsers: random input raises only research-kit's own errors."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from research_kit.errors import ResearchKitError
from research_kit.provenance import Source
from research_kit.research.position.matching import Matcher
from research_kit.sources.jobs import parse_job_content
from research_kit.sources.jobs.blocks import html_lines, text_lines
from research_kit.sources.jobs.features import (
    certifications_asked,
    degree_asked,
    skills_in,
    years_asked,
)
from research_kit.sources.jobs.salary import salary_from_text, salary_in_text
from research_kit.sources.profiles.dates import parse_range
from research_kit.sources.profiles.model import Profile
from research_kit.sources.profiles.pdf_text import read_pdf
from research_kit.sources.profiles.resume import parse_resume_text
from research_kit.sources.profiles.yaml_profile import parse_profile_yaml

FUZZ = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SOURCE = Source.for_text("fuzz")

_words = st.sampled_from(["Requirements:", "• ", "- ", "5+ years", "Python", "SQL", "BS degree",
                          "Nice to have", "What you'll do", "$100,000 - $120,000 per year",
                          "or equivalent experience", "\n", "\n\n", "About us", "JS", "PM",
                          "B2B", "Kafka or Kinesis", "(", ")", ",", " or ", "é", "\u00a0"])
posting_text = st.lists(_words, min_size=0, max_size=60).map("".join)
_tags = st.sampled_from(["<p>", "</p>", "<ul>", "</ul>", "<li>", "</li>", "<h2>", "</h2>",
                         "<strong>", "</strong>", "<br>", "<div>", "</div>", "&lt;li&gt;",
                         "<script>", "</script>", "<b>", "</b>", "<ol>", "<table><tr><td>"])
html_text = st.lists(st.one_of(_tags, _words, st.text(max_size=8)), max_size=60).map("".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["jobs", "title", "id", "content", "absolute_url", "text",
                                       "lists", "categories", "name", "location", "offers",
                                       "positions", "jobPostings", "externalPath", "shortcode",
                                       "descriptionHtml", "jobUrl", "hostedUrl", "@type",
                                       "version", "items", "_jobposting", "metadata",
                                       "compensation", "salaryRange"]), children, max_size=6),
    max_leaves=25)


def _only_our_errors(call):
    try:
        return call()
    except ResearchKitError:
        return None


@FUZZ
@given(posting_text)
def test_text_postings(text):
    job = _only_our_errors(lambda: parse_job_content(text, SOURCE))
    if job is not None:
        job.to_dict()
        assert list(job.requirements.columns)[:3] == ["rank", "kind", "text"]


@FUZZ
@given(html_text)
def test_html_postings(text):
    html_lines(text)
    job = _only_our_errors(lambda: parse_job_content("<html><body>" + text, SOURCE))
    if job is not None:
        job.to_dict()


@FUZZ
@given(json_values)
def test_board_json(value):
    _only_our_errors(lambda: parse_job_content(json.dumps(value), SOURCE))


@FUZZ
@given(st.text(max_size=300))
def test_small_parsers_never_raise(text):
    text_lines(text)
    years_asked(text)
    degree_asked(text)
    certifications_asked(text)
    skills_in(text)
    salary_from_text(text)
    salary_in_text(text)
    parse_range(text)


@FUZZ
@given(st.text(max_size=600))
def test_resume_text(text):
    profile = parse_resume_text(text, SOURCE)
    profile.to_dict()
    Matcher(profile).match("5+ years of Python or JS; BS degree or equivalent; AWS certification")


@FUZZ
@given(st.text(max_size=300))
def test_yaml_profiles(text):
    _only_our_errors(lambda: parse_profile_yaml(text, SOURCE))


@FUZZ
@given(st.text(max_size=200), posting_text)
def test_matcher(evidence, requirement):
    Matcher(Profile(name="x", summary=evidence, raw_text=evidence)).match(requirement)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_pdf_bytes(data):
    _only_our_errors(lambda: read_pdf(b"%PDF-1.4\n" + data))
