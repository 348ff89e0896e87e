"""Questions an interviewer should not ask, and a calm way to redirect each (docs/advice.md).

Candidates benefit from knowing the topics (age, nationality, marital status, gender
identity, race, disability, political preference, religion) and from having one brief,
ready answer that turns back to the job. The rows come from ``data/off_limits_questions.toml``
— research-kit's own advice, cited as such, the same for every target (laws differ by
country: a reminder, not legal advice).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pandas as pd

from ...provenance import Source, table_from_rows

__all__ = ["off_limits_questions", "OFF_LIMITS_COLUMNS"]

OFF_LIMITS_COLUMNS = ["topic", "sounds_like", "redirect"]
DATA_FILE = Path(__file__).resolve().parents[2] / "data" / "off_limits_questions.toml"


def off_limits_questions() -> pd.DataFrame:
    """One row per topic: topic, sounds_like (how it tends to be asked), redirect (a calm
    answer that returns to the job), cited to research-kit's advice page."""
    data = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))
    source = Source(url=f"research-kit:{data['source']}", retrieved_at=str(data["written"]),
                    section=data["section"], title="research-kit's career advice")
    rows = [{"topic": t["topic"], "sounds_like": t["sounds_like"], "redirect": t["redirect"],
             "source": source} for t in data["topic"]]
    return table_from_rows(rows, OFF_LIMITS_COLUMNS)
