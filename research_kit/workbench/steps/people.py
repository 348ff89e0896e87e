"""Workbench steps: the interviewers (what you share, connection notes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..step import Missing, found, step
from .position import PositionSteps

if TYPE_CHECKING:
    import pandas as pd

    from ...research.people.interviewers import Cards

__all__ = ["PeopleSteps"]


class PeopleSteps(PositionSteps):
    @step("interviewers")
    def interviewer_cards(self) -> Cards | Missing:
        """A card per interviewer: title, profile facts, notes, match on the company site."""
        from ...research.people.interviewers import interviewer_cards

        if not self.ws.interviewers:
            return Missing("interviewers", "no interviewers in target.toml",
                           "add [[interviewers]] tables with name and title; without names, "
                           "look up people in the department by title")
        site = found(self.site())
        return interviewer_cards(self.ws, people=site.people if site else None)

    @step("commonalities")
    def commonalities(self) -> pd.DataFrame | Missing:
        """What you share with each interviewer, with evidence from both sides."""
        from ...research.people.commonalities import commonalities

        me = self.me()
        if isinstance(me, Missing):
            return me
        return commonalities(self.ws, me=me)

    def _panel_links(self) -> pd.DataFrame | None:
        return found(self.commonalities())

    @step("connection notes")
    def connection_notes(self) -> pd.DataFrame | Missing:
        """Connection-request drafts that say how you are connected, each checked."""
        from ...research.people.outreach import connection_notes

        if not self.ws.interviewers:
            return Missing("connection notes", "no interviewers in target.toml")
        return connection_notes(self.ws)
