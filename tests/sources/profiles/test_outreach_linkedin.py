"""Commonalities on real LinkedIn "Save to PDF" exports (fixtures/profiles/linkedin).

Needs the profile parser (``research_kit.sources.profiles.load_profile``, from the
position work); skipped with a reason until it is there."""

from __future__ import annotations

import pytest
from conftest import fixture_path
from outreach_helpers import alex

from research_kit.research.people.commonalities import find_commonalities
from research_kit.sources.profiles.model import Education, Experience, Profile

profiles = pytest.importorskip("research_kit.sources.profiles",
                               reason="profile parser (load_profile) not on this branch yet")

EXPORTS = ["LesterChan_Profile_2016fmt.pdf", "IsaacMast_Profile_2016fmt.pdf",
           "SilasYudi_Profile_2023fmt.pdf", "AkashZalke_Profile_2023fmt.pdf"]


def _load(name: str) -> Profile:
    return profiles.load_profile(fixture_path("profiles", "linkedin", name))


@pytest.mark.parametrize("name", EXPORTS)
def test_no_invented_links_to_the_demo_candidate(name):
    found = find_commonalities(alex(), _load(name))
    links = [(c.category, c.shared) for c in found
             if c.category in ("school", "employer", "volunteering", "group", "location")]
    assert links == []


@pytest.mark.parametrize("name, me, category, shared_word", [
    ("LesterChan_Profile_2016fmt.pdf", Profile(name="T P", education=[Education("NUS")]),
     "school", "Singapore"),
    ("IsaacMast_Profile_2016fmt.pdf",
     Profile(name="T P", education=[Education("Eastern Mennonite Univ.")]), "school", "Mennonite"),
    ("SilasYudi_Profile_2023fmt.pdf",
     Profile(name="T P", experience=[Experience("Developer", "SAP SE")]), "employer", "SAP"),
    ("SilasYudi_Profile_2023fmt.pdf",
     Profile(name="T P", languages=["Português"]), "language", "Portuguese"),
    ("AkashZalke_Profile_2023fmt.pdf",
     Profile(name="T P", education=[Education("Government College of Engineering, Nagpur")]),
     "school", "Nagpur"),
])
def test_real_exports_find_what_is_shared(name, me, category, shared_word):
    found = find_commonalities(me, _load(name))
    assert any(c.category == category and shared_word in c.shared for c in found), \
        [(c.category, c.shared) for c in found]
