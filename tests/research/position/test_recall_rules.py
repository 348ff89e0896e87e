"""Rules added for "met" recall (issue 13): each must raise recall without overclaiming."""

from __future__ import annotations

from datetime import date

import pytest

from research_kit.lexicon.terms import vocabulary
from research_kit.research.position.matching import Matcher
from research_kit.sources.profiles import load_profile

ENGINEER = """\
name: Sam Rivera
headline: Backend Engineer at Northwind Parcel
location: Lisbon, Portugal
experience:
  - title: Backend Engineer
    company: Northwind Parcel
    start: 2019-03
    end: present
    description: |
      Built 6 RESTful microservices in Java for the parcel-tracking platform.
      Onsite visits to Germany and the US to launch the platform with customers.
  - title: Network Administrator
    company: Harbor Freight Lines
    start: 2015-01
    end: 2019-02
    description: Maintained the Bluecoat proxy, firewalls and DNS for 3 depots.
education:
  - school: University of Porto
    degree: B.S.
    field: Computer Science
    start: 2011
    end: 2015
"""

HOMEBODY = """\
name: Ana Costa
headline: Backend Engineer at Northwind Parcel
location: Lisbon, Portugal
experience:
  - title: Backend Engineer
    company: Northwind Parcel
    start: 2019-03
    end: present
    description: Built the parcel-tracking API in Java. Holds a valid US B1 visa.
"""


@pytest.fixture(scope="module")
def sam():
    return Matcher(load_profile(ENGINEER), today=date(2024, 1, 1))


def test_rest_shows_http_and_a_proxy_shows_proxy_servers():
    vocab = vocabulary()
    assert "HTTP" in vocab.concepts_in("Built 6 RESTful microservices in Java")
    assert "REST APIs" in vocab.concepts_in("Built 6 RESTful microservices in Java")
    assert "proxy servers" in vocab.concepts_in("Maintained the Bluecoat proxy")
    # "rest" in lower case is an ordinary word: only "REST", "RESTful", "REST API" name HTTP
    assert "HTTP" not in vocab.concepts_in("Took a rest day after the release")


def test_standards_quorum_met_by_rest_services(sam):
    got = sam.match("Hands-on familiarity with related standards such as HTTP, REST, SOAP "
                    "and OAuth.")
    assert got.verdict == "met"
    assert "RESTful microservices" in got.evidence[0].text


def test_work_travel_done_meets_travel_as_required(sam):
    got = sam.match("Ability to travel internationally up to 25% of the time as required.")
    assert got.verdict == "met"
    assert got.evidence[0].text.startswith("Onsite visits to Germany")


def test_past_trips_do_not_show_frequent_travel(sam):
    assert sam.match("Must be open to frequent travel").verdict == "partly"
    assert sam.match("Willing to travel 50% of the time").verdict == "partly"


def test_a_visa_alone_does_not_meet_travel():
    ana = Matcher(load_profile(HOMEBODY), today=date(2024, 1, 1))
    got = ana.match("Ability to travel internationally as required.")
    assert got.verdict in ("partly", "unknown")


STINTS = """\
name: Ravi Kulkarni
headline: Python developer at Tarn Systems
experience:
  - title: Python developer
    company: Tarn Systems
    description: |
      Worked as a Senior COBOL developer of the billing system for 4 years.
      Worked as a Java developer of the billing system for 1 year.
      Currently working as a Python developer having 2 years of experience in Python.
"""

ONE_STINT = """\
name: Mira Shah
headline: Java developer at Tarn Systems
experience:
  - title: Java developer
    company: Tarn Systems
    description: |
      Worked as a Java developer of the billing system for 4 years.
      I have been a developer on this team for 4 years.
"""


def test_stated_stints_of_one_undated_role_add_up():
    ravi = Matcher(load_profile(STINTS), today=date(2024, 1, 1))
    got = ravi.match("At least five years experience as a software developer.")
    assert got.verdict == "met" and got.years_found == 7
    # the same stint said twice is counted once (the largest figure, not the sum)
    mira = Matcher(load_profile(ONE_STINT), today=date(2024, 1, 1))
    got = mira.match("At least five years experience as a software developer.")
    assert got.verdict == "partly" and got.years_found == 4
