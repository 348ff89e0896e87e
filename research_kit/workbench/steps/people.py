"""Workbench steps: the company's website and the interviewers."""

from __future__ import annotations

from ...errors import InputError
from ..base import Missing, step


class WebsiteSteps:
    @step("website")
    def site(self):
        """What the company says about itself (SiteResearch; marketing, but first-hand)."""
        from ...sources.website import research_site

        site = self.value("site")
        if not site:
            return Missing("website", "no company website in target.toml",
                           'add site = "https://www.example.com" to target.toml')
        return research_site(site)

    def website(self):
        """The "What they say about themselves" panel: pages, key facts, offerings, people."""
        site = self.site()
        return site.to_panel() if site else site

    def website_people(self):
        """People named on the site (leadership, team pages), each with its page."""
        site = self.site()
        return site.people if site else site


class InterviewerSteps:
    def _site_people(self):
        site = self.site()
        return site.people if site else None

    @step("interviewers")
    def interviewer_cards(self):
        """A card per interviewer: title, profile facts, notes, match on the company site."""
        from ...research.people.interviewers import interviewer_cards

        if not self.ws.interviewers:
            return Missing("interviewers", "no interviewers in target.toml",
                           "add [[interviewers]] tables with name and title; without names, "
                           "look up people in the department by title")
        return interviewer_cards(self.ws, people=self._site_people())

    @step("your profile")
    def me(self):
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

    @step("commonalities")
    def commonalities(self):
        """What you share with each interviewer, with evidence from both sides."""
        from ...research.people.commonalities import commonalities

        me = self.me()
        if not me:
            return me
        return commonalities(self.ws, me=me)

    @step("connection notes")
    def connection_notes(self):
        """Connection-request drafts that say how you are connected, each checked."""
        from ...research.people.outreach import connection_notes

        if not self.ws.interviewers:
            return Missing("connection notes", "no interviewers in target.toml")
        return connection_notes(self.ws)
