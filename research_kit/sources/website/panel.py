"""The notebook's "What they say about themselves" panel and its small tables.

Everything is text: the Panel escapes every value and links only http(s) URLs; the tables
are DataFrames, whose HTML repr escapes cell text. Nothing scraped is ever rendered as HTML.
"""

from __future__ import annotations

from ...display import Panel
from ...provenance import table_from_rows

__all__ = ["site_panel", "key_facts", "page_list", "offerings_by_category", "people_list"]

_KEY_FACTS = [("name", "Name"), ("legal_name", "Legal name"), ("founding_date", "Founded"),
              ("employees", "Employees"), ("address", "Address"), ("telephone", "Telephone"),
              ("parent_organization", "Parent"), ("ticker", "Ticker"), ("description", "Says")]
_KIND_LABELS = {"home": "Home", "about": "About", "leadership": "Leadership",
                "products": "Products/Services", "product": "Product", "careers": "Careers",
                "contact": "Contact", "locations": "Locations", "newsroom": "Newsroom",
                "investors": "Investors", "history": "History", "mission": "Mission/Values",
                "page": "Page"}


def key_facts(site):
    """The first value of each key fact, with the page that states it."""
    rows = []
    org = site.organization
    for fact, label in _KEY_FACTS:
        match = org[org["fact"] == fact]
        if len(match):
            first = match.iloc[0]
            rows.append({"fact": label, "value": first["value"], "page_url": first["page_url"],
                         "source_url": first["source_url"], "retrieved_at": first["retrieved_at"],
                         "section": first["section"], "from_cache": first["from_cache"]})
    return table_from_rows(rows, ["fact", "value", "page_url"])


def page_list(site):
    """Pages read, About first, as the advice orders them."""
    cols = ["kind", "title", "url", "word_count", "language", "last_modified"]
    return site.pages[cols + ["source_url", "retrieved_at", "section", "from_cache"]].copy()


def offerings_by_category(site) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in site.offerings.to_dict("records"):
        out.setdefault(row.get("category") or "Offerings", []).append(row["name"])
    return out


def people_list(site):
    return site.people[["name", "title", "url", "source_url"]].copy()


def site_panel(site) -> Panel:
    panel = Panel("What they say about themselves")
    for row in key_facts(site).to_dict("records"):
        value = row["value"]
        if row["fact"] == "Says" and len(value) > 300:
            value = value[:297] + "..."
        panel.add(row["fact"], value, row["page_url"])
    for row in site.pages.to_dict("records"):
        label = _KIND_LABELS.get(row["kind"], str(row["kind"]).title())
        panel.add(f"Page · {label}", f"{row['title'] or row['url']} ({row['word_count']} words)",
                  row["url"])
    first_page: dict[str, str] = {}
    for row in site.offerings.to_dict("records"):
        first_page.setdefault(row.get("category") or "Offerings", row["page_url"])
    for category, names in offerings_by_category(site).items():
        shown = names[:12] + ([f"… {len(names) - 12} more"] if len(names) > 12 else [])
        panel.add(f"Offers · {category}", shown, first_page.get(category))
    for row in site.people.to_dict("records"):
        panel.add("Person", f"{row['name']} — {row['title']}" if row["title"] else row["name"],
                  row["url"])
    for row in site.locations.to_dict("records"):
        panel.add(f"Location · {row['name'] or row['city'] or ''}".rstrip(" ·"), row["address"],
                  row["page_url"])
    if site.feeds:
        panel.add("News feed", site.feeds[0], site.feeds[0])
    skipped = len(site.skipped)
    panel.note = ("The company's own words: marketing, not independent fact. "
                  f"{len(site.pages)} pages read"
                  + (f", {skipped} could not be read (see .skipped)" if skipped else "") + ".")
    return panel
