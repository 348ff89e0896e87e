"""News feeds: RSS 1.0/2.0, Atom and JSON Feed → one deduplicated items table."""

from .feeds import ITEM_COLUMNS, parse_feed, parse_feed_date
from .items import NEWS_COLUMNS, merge_news, press_release_items
from .reader import discover_feeds, fetch_feed, find_feeds, read_news

__all__ = ["parse_feed", "parse_feed_date", "discover_feeds", "find_feeds", "fetch_feed",
           "read_news", "merge_news", "press_release_items", "ITEM_COLUMNS", "NEWS_COLUMNS"]
