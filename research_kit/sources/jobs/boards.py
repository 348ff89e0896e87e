"""Public job-board API responses, recognised by their JSON shape.

Each reader turns one board format into :class:`PostingRecord` objects: Greenhouse (board
list with or without ``content``, single job), Lever (list or single), Ashby, SmartRecruiters
(list or single with ``jobAd``), Workday CXS (list or ``jobPostingInfo``), Workable (widget
or API job), Teamtailor JSON Feed, Eightfold, Recruitee, and, as a last resort, any list of
objects that look like postings. :func:`board_records` tries them in order.
"""

from __future__ import annotations

import html as html_lib
from collections.abc import Callable
from typing import Any

from .build import PostingRecord
from .jsonld import is_job_posting, record_from_jsonld
from .salary import salary_from_text, salary_from_values

__all__ = ["board_records", "READERS"]


def _s(value: Any) -> str:
    return "" if value is None else str(value)


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _dicts(value: Any) -> list[dict]:
    return [v for v in _list(value) if isinstance(v, dict)]


# ------------------------------------------------------------------------------ greenhouse
def _greenhouse_job(job: dict, company: str | None = None) -> PostingRecord:
    content = _s(job.get("content"))
    metadata = {(_s(m.get("name"))).lower(): m.get("value") for m in _dicts(job.get("metadata"))}
    offices = [_s(o.get("location") or o.get("name")) for o in _dicts(job.get("offices"))]
    location_name = _s(_dict(job.get("location")).get("name"))
    locations = [location_name] if location_name else offices
    salary = None
    for pay in _dicts(job.get("pay_input_ranges")):
        cents_min, cents_max = pay.get("min_cents"), pay.get("max_cents")
        salary = salary_from_values(
            cents_min / 100 if isinstance(cents_min, (int, float)) else None,
            cents_max / 100 if isinstance(cents_max, (int, float)) else None,
            pay.get("currency_type"), "year", _s(pay.get("title")))
        break
    workplace = next((str(v) for k, v in metadata.items()
                      if v and any(w in k for w in ("location type", "workplace", "remote"))), None)
    board_url = _s(job.get("absolute_url"))
    return PostingRecord(
        title=_s(job.get("title")), posting_id=_s(job.get("id")) or None,
        company=(_s(job.get("company_name")).strip() or company),
        locations=[loc for loc in locations if loc], remote=_remote_word(workplace),
        employment_type=_s(metadata.get("employment type")) or None, salary=salary,
        posted=job.get("first_published") or job.get("updated_at"),
        url=board_url or None, description_html=html_lib.unescape(content) if content else None,
        detail_url=_greenhouse_api_url(board_url, job.get("id")) if not content else None,
        reader="greenhouse")


def _greenhouse_api_url(absolute_url: str, job_id: Any) -> str | None:
    from .routes import greenhouse_board_token

    token = greenhouse_board_token(absolute_url)
    if token and job_id is not None:
        return f"https://boards-api.greenhouse.io/v1/boards/{token}/jobs/{job_id}"
    return None


def _is_greenhouse_job(d: dict) -> bool:
    return "absolute_url" in d and "title" in d and "id" in d


def greenhouse(data: Any) -> list[PostingRecord] | None:
    if isinstance(data, dict) and _is_greenhouse_job(data):
        return [_greenhouse_job(data)]
    if isinstance(data, dict) and isinstance(data.get("jobs"), list):
        jobs = _dicts(data["jobs"])
        if jobs and all(_is_greenhouse_job(j) for j in jobs):
            return [_greenhouse_job(j) for j in jobs]
    return None


# ----------------------------------------------------------------------------------- lever
def _plain_as_html(text: str) -> str:
    """Plain text as one ``<p>`` per line, so it joins the HTML parts of the same posting
    (bullet glyphs, "- " markers and short heading lines are read from the text as usual)."""
    return "".join(f"<p>{html_lib.escape(line)}</p>" for line in text.splitlines()
                   if line.strip())


def _lever_list(block: dict) -> str:
    """One Lever ``lists`` entry: its heading and its items (HTML ``<li>`` fragments, or
    plain lines when a feed sends text)."""
    heading = html_lib.escape(_s(block.get("text")).strip())
    raw = block.get("content")
    content = "".join(f"<li>{_s(x)}</li>" for x in raw) if isinstance(raw, list) else _s(raw)
    if "<li" not in content.lower():
        content = "".join(f"<li>{html_lib.escape(line.strip())}</li>"
                          for line in content.splitlines() if line.strip())
    return f"<h3>{heading}</h3><ul>{content}</ul>" if heading else f"<ul>{content}</ul>"


def _lever_job(job: dict) -> PostingRecord:
    """A Lever posting: ``description`` (else ``descriptionPlain``), then every ``lists``
    entry under its own heading, then ``additional`` (else ``additionalPlain``).

    Shapes: requirements only in ``lists`` under varied headings ("Your Background
    Includes:", "What You Bring"); requirements only in ``descriptionPlain`` when the HTML
    fields are empty; the hosted page's own data, where the texts sit under ``content``
    (``descriptionHtml``, ``lists``, ``closingHtml``).
    """
    cats = _dict(job.get("categories"))
    page = _dict(job.get("content"))
    parts = [_s(job.get("description")) or _s(page.get("descriptionHtml"))
             or _plain_as_html(_s(job.get("descriptionPlain") or page.get("description")))]
    parts += [_lever_list(block) for block in _dicts(job.get("lists") or page.get("lists"))]
    parts.append(_s(job.get("additional")) or _s(page.get("closingHtml"))
                 or _plain_as_html(_s(job.get("additionalPlain"))))
    salary_range = _dict(job.get("salaryRange"))
    salary = salary_from_values(salary_range.get("min"), salary_range.get("max"),
                                salary_range.get("currency"), salary_range.get("interval"))
    locations = [_s(x) for x in _list(cats.get("allLocations"))] or [_s(cats.get("location"))]
    return PostingRecord(
        title=_s(job.get("text")), posting_id=_s(job.get("id")) or None,
        locations=[loc for loc in locations if loc],
        remote=_remote_word(job.get("workplaceType")),
        employment_type=_s(cats.get("commitment")) or None, salary=salary,
        posted=job.get("createdAt"),
        url=_s(job.get("hostedUrl") or _dict(job.get("urls")).get("show")) or None,
        description_html="".join(parts), reader="lever")


def lever(data: Any) -> list[PostingRecord] | None:
    def is_job(d: dict) -> bool:
        return "text" in d and ("hostedUrl" in d or "lists" in d or "categories" in d)

    if isinstance(data, dict) and is_job(data):
        return [_lever_job(data)]
    jobs = _dicts(data)
    if jobs and all(is_job(j) for j in jobs):
        return [_lever_job(j) for j in jobs]
    return None


# ----------------------------------------------------------------------------------- ashby
def _ashby_job(job: dict, company: str | None) -> PostingRecord:
    address = _dict(_dict(job.get("address")).get("postalAddress"))
    locations = [_s(job.get("location"))] + [_s(_dict(x).get("location"))
                                             for x in _list(job.get("secondaryLocations"))]
    comp = _dict(job.get("compensation"))
    salary = None
    for part in _dicts(comp.get("summaryComponents")):
        if _s(part.get("compensationType")).lower() == "salary":
            salary = salary_from_values(part.get("minValue"), part.get("maxValue"),
                                        part.get("currencyCode"), part.get("interval"),
                                        _s(comp.get("compensationTierSummary")))
            break
    if salary is None and comp.get("compensationTierSummary"):
        salary = salary_from_text(_s(comp.get("compensationTierSummary")))
    remote = _remote_word(job.get("workplaceType")) or ("remote" if job.get("isRemote") else None)
    return PostingRecord(
        title=_s(job.get("title")), posting_id=_s(job.get("id")) or None, company=company,
        locations=[loc for loc in locations if loc] or [_s(address.get("addressCountry"))],
        remote=remote, employment_type=_s(job.get("employmentType")) or None, salary=salary,
        posted=job.get("publishedAt"), url=_s(job.get("jobUrl")) or None,
        description_html=_s(job.get("descriptionHtml")) or None,
        description_text=_s(job.get("descriptionPlain")) or None, reader="ashby")


def ashby(data: Any) -> list[PostingRecord] | None:
    def is_job(d: dict) -> bool:
        return "title" in d and ("jobUrl" in d or "descriptionHtml" in d or "isListed" in d)

    if isinstance(data, dict) and is_job(data):
        return [_ashby_job(data, None)]
    if isinstance(data, dict) and isinstance(data.get("jobs"), list):
        jobs = _dicts(data["jobs"])
        if jobs and all(is_job(j) for j in jobs):
            return [_ashby_job(j, None) for j in jobs]
    return None


# ------------------------------------------------------------------------- smartrecruiters
def _smartrecruiters_job(job: dict) -> PostingRecord:
    loc = _dict(job.get("location"))
    sections = _dict(_dict(job.get("jobAd")).get("sections"))
    parts = []
    for key in ("companyDescription", "jobDescription", "qualifications", "additionalInformation"):
        sec = _dict(sections.get(key))
        if sec.get("text"):
            parts.append(f"<h3>{html_lib.escape(_s(sec.get('title')))}</h3>{_s(sec.get('text'))}")
    remote = "remote" if loc.get("remote") else "hybrid" if loc.get("hybrid") else None
    return PostingRecord(
        title=_s(job.get("name")), posting_id=_s(job.get("id")) or None,
        company=_s(_dict(job.get("company")).get("name")) or None,
        locations=[_s(loc.get("fullLocation")) or ", ".join(
            x for x in (_s(loc.get("city")), _s(loc.get("region")), _s(loc.get("country"))) if x)],
        remote=remote, employment_type=_s(_dict(job.get("typeOfEmployment")).get("label")) or None,
        posted=job.get("releasedDate"),
        url=_s(job.get("postingUrl") or job.get("applyUrl") or job.get("ref")) or None,
        description_html="".join(parts) or None, reader="smartrecruiters")


def smartrecruiters(data: Any) -> list[PostingRecord] | None:
    def is_job(d: dict) -> bool:
        return "name" in d and ("typeOfEmployment" in d or "jobAd" in d or "releasedDate" in d)

    if isinstance(data, dict) and is_job(data):
        return [_smartrecruiters_job(data)]
    if isinstance(data, dict) and isinstance(data.get("content"), list):
        jobs = _dicts(data["content"])
        if jobs and all(is_job(j) for j in jobs):
            return [_smartrecruiters_job(j) for j in jobs]
    return None


# --------------------------------------------------------------------------------- workday
def workday(data: Any) -> list[PostingRecord] | None:
    if not isinstance(data, dict):
        return None
    info = _dict(data.get("jobPostingInfo"))
    if info:
        org = _dict(data.get("hiringOrganization"))
        locations = [_s(info.get("location"))] + [_s(x) for x in _list(info.get("additionalLocations"))]
        return [PostingRecord(
            title=_s(info.get("title")), posting_id=_s(info.get("jobReqId") or info.get("id")) or None,
            company=_s(org.get("name")) or None, locations=[loc for loc in locations if loc],
            remote=_remote_word(info.get("remoteType")),
            employment_type=_s(info.get("timeType")) or None,
            posted=info.get("startDate") or info.get("postedOn"),
            url=_s(info.get("externalUrl")) or None,
            description_html=_s(info.get("jobDescription")) or None, reader="workday")]
    jobs = _dicts(data.get("jobPostings"))
    if jobs and all("title" in j and "externalPath" in j for j in jobs):
        return [PostingRecord(
            title=_s(j.get("title")),
            posting_id=_s((_list(j.get("bulletFields")) or [None])[0]) or _s(j.get("externalPath")),
            locations=[_s(j.get("locationsText"))] if j.get("locationsText") else [],
            posted=None, url=_s(j.get("externalPath")) or None, reader="workday") for j in jobs]
    return None


# -------------------------------------------------------------------------------- workable
def _workable_job(job: dict, company: str | None) -> PostingRecord:
    locations = []
    for loc in _dicts(job.get("locations")) or [job]:
        locations.append(", ".join(x for x in (_s(loc.get("city")), _s(loc.get("region") or loc.get("state")),
                                               _s(loc.get("country"))) if x))
    if isinstance(job.get("location"), dict):
        loc = job["location"]
        locations.append(_s(loc.get("location_str")) or ", ".join(
            x for x in (_s(loc.get("city")), _s(loc.get("country"))) if x))
    parts = [_s(job.get("description"))]
    for key, heading in (("requirements", "Requirements"), ("benefits", "Benefits")):
        if job.get(key):
            parts.append(f"<h3>{heading}</h3>{_s(job.get(key))}")
    remote = "remote" if job.get("telecommuting") or job.get("remote") else None
    return PostingRecord(
        title=_s(job.get("title")), posting_id=_s(job.get("shortcode") or job.get("id")) or None,
        company=company, locations=[loc for loc in locations if loc], remote=remote,
        employment_type=_s(job.get("employment_type") or job.get("type")) or None,
        posted=job.get("published_on") or job.get("published") or job.get("created_at"),
        url=_s(job.get("url") or job.get("shortlink")) or None,
        description_html="".join(parts) or None, reader="workable")


def workable(data: Any) -> list[PostingRecord] | None:
    def is_job(d: dict) -> bool:
        return "shortcode" in d and "title" in d

    if isinstance(data, dict) and is_job(data):
        return [_workable_job(data, None)]
    if isinstance(data, dict) and isinstance(data.get("jobs"), list):
        jobs = _dicts(data["jobs"])
        if jobs and all(is_job(j) for j in jobs):
            merged: dict[str | None, PostingRecord] = {}
            for job in jobs:  # the widget repeats a job once per location
                record = _workable_job(job, _s(data.get("name")) or None)
                if record.posting_id in merged:
                    merged[record.posting_id].locations.extend(record.locations)
                else:
                    merged[record.posting_id] = record
            return list(merged.values())
    return None


# ------------------------------------------------------------------------------ teamtailor
def json_feed(data: Any) -> list[PostingRecord] | None:
    """JSON Feed (jsonfeed.org) of jobs, as Teamtailor publishes, with ``_jobposting``."""
    if not (isinstance(data, dict) and "jsonfeed.org" in _s(data.get("version"))):
        return None
    records = []
    for item in _dicts(data.get("items")):
        posting = _dict(item.get("_jobposting"))
        record = record_from_jsonld(posting) if is_job_posting(posting) else PostingRecord()
        record.title = record.title or _s(item.get("title"))
        record.posting_id = _s(item.get("id")) or record.posting_id
        record.url = _s(item.get("url")) or record.url
        record.posted = record.posted or item.get("date_published")
        if not (record.description_html or record.description_text):
            record.description_html = _s(item.get("content_html")) or None
            record.description_text = _s(item.get("content_text")) or None
        record.reader = "json-feed"
        records.append(record)
    return records or None


# ------------------------------------------------------------------------------- eightfold
def eightfold(data: Any) -> list[PostingRecord] | None:
    if not isinstance(data, dict):
        return None
    jobs = _dicts(data.get("positions"))
    if not (jobs and all("name" in j and ("canonicalPositionUrl" in j or "t_create" in j)
                         for j in jobs)):
        if "canonicalPositionUrl" in data and "name" in data:
            jobs = [data]
        else:
            return None
    return [PostingRecord(
        title=_s(j.get("name")), posting_id=_s(j.get("id")) or None,
        locations=[_s(x) for x in _list(j.get("locations"))] or [_s(j.get("location"))],
        remote=_remote_word(j.get("work_location_option")), posted=j.get("t_create"),
        url=_s(j.get("canonicalPositionUrl")) or None,
        description_html=_s(j.get("job_description")) or None, reader="eightfold") for j in jobs]


# ------------------------------------------------------------------------------- recruitee
def recruitee(data: Any) -> list[PostingRecord] | None:
    if not isinstance(data, dict):
        return None
    offers = _dicts(data.get("offers")) or ([_dict(data.get("offer"))] if data.get("offer") else [])
    if not (offers and all("title" in o and ("careers_url" in o or "requirements" in o)
                           for o in offers)):
        return None
    records = []
    for o in offers:
        parts = [_s(o.get("description"))]
        if o.get("requirements"):
            parts.append(f"<h3>Requirements</h3>{_s(o.get('requirements'))}")
        records.append(PostingRecord(
            title=_s(o.get("title")), posting_id=_s(o.get("id")) or None,
            company=_s(o.get("company_name")) or None,
            locations=[_s(o.get("location"))] if o.get("location") else [],
            remote="remote" if o.get("remote") else None,
            employment_type=_s(o.get("employment_type_code")) or None,
            posted=o.get("published_at") or o.get("created_at"),
            url=_s(o.get("careers_url")) or None, description_html="".join(parts),
            reader="recruitee"))
    return records


# --------------------------------------------------------------------------------- generic
_TITLE_KEYS = ("title", "jobTitle", "job_title", "name", "text", "positionName")
_ID_KEYS = ("id", "jobId", "job_id", "reqId", "requisitionId", "jobSeqNo", "shortcode", "uuid")
_DESC_KEYS = ("description", "descriptionHtml", "jobDescription", "job_description", "content",
              "descriptionTeaser", "summary")
_LOC_KEYS = ("location", "locationName", "city", "locations", "fullLocation")
_WHEN_KEYS = ("postedDate", "datePosted", "postedOn", "publishedAt", "applyUrl", "jobUrl")


def generic_list(data: Any) -> list[PostingRecord] | None:
    """Any list of objects that each have a title and an id (embedded career-site data)."""
    found = _find_job_list(data, depth=0)
    if not found:
        return None
    records = []
    for job in found:
        title = next(_s(job[k]) for k in _TITLE_KEYS if isinstance(job.get(k), str))
        desc = next((_s(job[k]) for k in _DESC_KEYS if isinstance(job.get(k), str)), "")
        loc = next((job[k] for k in _LOC_KEYS if job.get(k)), None)
        locations = [_s(x) for x in loc] if isinstance(loc, list) else ([_s(loc)] if loc else [])
        records.append(PostingRecord(
            title=title, posting_id=next(_s(job[k]) for k in _ID_KEYS if job.get(k) is not None),
            locations=[x for x in locations if x and not x.startswith("{")],
            employment_type=_s(job.get("type") or job.get("employmentType")) or None,
            posted=job.get("postedDate") or job.get("datePosted") or job.get("postedOn"),
            url=_s(job.get("url") or job.get("applyUrl") or job.get("jobUrl")) or None,
            description_html=desc if "<" in desc else None,
            description_text=desc if "<" not in desc else None, reader="embedded-json"))
    return records


def _find_job_list(data: Any, depth: int) -> list[dict] | None:
    if depth > 6:
        return None
    if isinstance(data, list):
        items = _dicts(data)
        if items and len(items) == len(data) and all(
                any(isinstance(i.get(k), str) and i.get(k) for k in _TITLE_KEYS)
                and any(i.get(k) is not None for k in _ID_KEYS)
                and any(k in i for k in _DESC_KEYS + _LOC_KEYS + _WHEN_KEYS) for i in items):
            return items
        for item in items[:20]:
            found = _find_job_list(item, depth + 1)
            if found:
                return found
        return None
    if isinstance(data, dict):
        for key in ("jobs", "postings", "positions", "results", "data", "items", "content",
                    "jobPostings", "offers", "requisitions", "eagerLoadRefineSearch"):
            if key in data:
                found = _find_job_list(data[key], depth + 1)
                if found:
                    return found
    return None


def _remote_word(value) -> str | None:
    text = _s(value).lower()
    if "hybrid" in text:
        return "hybrid"
    if "remote" in text:
        return "remote"
    if any(w in text for w in ("on-site", "onsite", "on site", "office", "in person")):
        return "on-site"
    return None


READERS: list[tuple[str, Callable[[Any], list[PostingRecord] | None]]] = [
    ("json-feed", json_feed), ("greenhouse", greenhouse), ("lever", lever), ("ashby", ashby),
    ("smartrecruiters", smartrecruiters), ("workday", workday), ("workable", workable),
    ("eightfold", eightfold), ("recruitee", recruitee),
]


def board_records(data: Any, *, generic: bool = True) -> tuple[str, list[PostingRecord]] | None:
    """(reader name, records) for the first board shape that fits ``data``."""
    for name, reader in READERS:
        records = reader(data)
        if records:
            return name, records
    if generic:
        records = generic_list(data)
        if records:
            return "embedded-json", records
    return None
