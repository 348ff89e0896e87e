"""O*NET occupations and BLS wages: file loaders, the bundled extract, the release crosswalk."""

from .bls_wages import load_oews_national
from .crosswalk import derive_crosswalk
from .data import ONET_ATTRIBUTION, OnetData, bundled_onet
from .extract import read_onet_release
from .files import (
    load_alternate_titles,
    load_occupations,
    load_skills,
    load_task_statements,
    load_technology_skills,
    read_onet_file,
    skills_by_importance,
)

__all__ = ["OnetData", "bundled_onet", "ONET_ATTRIBUTION", "read_onet_file", "load_occupations",
           "load_alternate_titles", "load_task_statements", "load_skills",
           "load_technology_skills", "skills_by_importance", "load_oews_national",
           "derive_crosswalk", "read_onet_release"]
