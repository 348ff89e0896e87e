"""Workbench steps: the company's own website (what it says about itself)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..step import Missing, displayed, step
from .sources import SourceSteps

if TYPE_CHECKING:
    import pandas as pd

    from ...display import Panel
    from ...sources.website.site import SiteResearch

__all__ = ["WebsiteSteps"]


class WebsiteSteps(SourceSteps):
    @step("website")
    def site(self) -> SiteResearch | Missing:
        """What the company says about itself (SiteResearch; marketing, but first-hand)."""
        source = self.company_source("website")
        if source is None:
            return Missing("website", "no company website in target.toml",
                           'add site = "https://www.example.com" to target.toml')
        site: SiteResearch = source.site
        return site

    def website(self) -> Panel | Missing:
        """The "What they say about themselves" panel: pages, key facts, offerings, people."""
        site = self.site()
        return site.to_panel() if not isinstance(site, Missing) else site

    @displayed
    def website_people(self) -> pd.DataFrame | Missing:
        """People named on the site (leadership, team pages), each with its page."""
        site = self.site()
        return site.people if not isinstance(site, Missing) else site
