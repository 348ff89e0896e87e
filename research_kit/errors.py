"""The one exception hierarchy of research-kit.

Every error a user can cause by ordinary means (a wrong ticker, a missing contact e-mail,
a file that is not what it claims to be, no network) is a :class:`ResearchKitError`. Each
carries a one-line ``message``, a ``context`` dict (the URL, file, ticker … involved) and a
``suggestion`` telling the user what to do next. The CLI prints the message and the
suggestion and exits with status 2; ``--debug`` shows the traceback.

Tree::

    ResearchKitError
    ├── ConfigError
    │   ├── ContactMissingError          SEC call without RESEARCH_KIT_CONTACT
    │   └── CacheError                   the HTTP cache file is damaged or unusable
    ├── FetchError                       anything that went wrong getting a URL
    │   ├── NotCachedError               offline mode and the URL is not in the cache
    │   ├── RobotsDisallowedError        robots.txt forbids the URL (it was read and says no)
    │   ├── RobotsUnavailableError       robots.txt answered 5xx: RFC 9309 says stay away
    │   ├── NetworkError                 the host cannot be reached: DNS, refused, TLS, reset
    │   │   └── FetchTimeoutError        connect/read timeout, or the total deadline
    │   ├── UnsupportedURLError          not http(s), or a redirect to another scheme
    │   ├── TooManyRedirectsError
    │   ├── ResponseTooLargeError        streamed body exceeded the size cap
    │   ├── RateLimitedError             429/503 after bounded retries, or SEC's 403 page
    │   └── HTTPStatusError              any other 4xx/5xx
    ├── InputError                       a file or text the user gave us is not usable
    │   ├── ParseError                   the content is not what the parser expects
    │   │   ├── PageNeedsBrowserError    a web page with no text: only JavaScript renders it
    │   │   ├── NoTextLayerError         a scanned PDF: images of text, nothing to extract
    │   │   └── FeedError                a news feed that is malformed, mis-encoded or not a feed
    │   ├── UnsupportedFormError         e.g. a 10-KSB handed to the 10-K splitter
    │   ├── PostingChoiceError           a job board lists several postings: pick one (carries choices)
    │   ├── EncryptedDocumentError       a password-protected PDF
    │   └── DocumentTooLongError         e.g. a 200-page PDF given as a profile
    ├── NotFoundError
    │   ├── CompanyNotFoundError         ticker/name not resolvable (carries candidates)
    │   ├── InterviewerNotFoundError     a name not in target.toml (carries candidates)
    │   └── OccupationNotFoundError      job title / SOC code not in the O*NET data
    └── WorkspaceError                   workspace missing, or would overwrite user work
        ├── TargetFileError              target.toml has an unknown key or a wrong type
        └── WorkspaceBusyError           another run holds the workspace's lock
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ResearchKitError",
    "ConfigError",
    "ContactMissingError",
    "FetchError",
    "NotCachedError",
    "RobotsDisallowedError",
    "UnsupportedURLError",
    "TooManyRedirectsError",
    "ResponseTooLargeError",
    "FetchTimeoutError",
    "NetworkError",
    "RobotsUnavailableError",
    "CacheError",
    "TargetFileError",
    "WorkspaceBusyError",
    "RateLimitedError",
    "HTTPStatusError",
    "InputError",
    "ParseError",
    "UnsupportedFormError",
    "NotFoundError",
    "CompanyNotFoundError",
    "WorkspaceError",
    "InterviewerNotFoundError",
    "PageNeedsBrowserError",
    "NoTextLayerError",
    "PostingChoiceError",
    "EncryptedDocumentError",
    "DocumentTooLongError",
    "FeedError",
    "OccupationNotFoundError",
]


class ResearchKitError(Exception):
    """Base class: a message, the context it happened in, and what to do about it."""

    default_suggestion: str = ""

    def __init__(self, message: str, *, suggestion: str | None = None, **context: Any) -> None:
        super().__init__(message)
        self.message = message
        self.suggestion = suggestion if suggestion is not None else self.default_suggestion
        self.context: dict[str, Any] = {k: v for k, v in context.items() if v is not None}

    def __str__(self) -> str:
        text = self.message
        if self.suggestion:
            text += f"\n  suggestion: {self.suggestion}"
        return text

    def __reduce__(self):  # keep context when pickled across processes (batch runs)
        return (_rebuild, (type(self), self.message, self.suggestion, self.context))


def _rebuild(cls, message, suggestion, context):
    return cls(message, suggestion=suggestion, **context)


def short_reason(exc: BaseException, limit: int = 160) -> str:
    """A third-party exception's text, cut to one readable line for our messages."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) < limit else text[: limit - 3] + "..."


class ConfigError(ResearchKitError):
    """Settings are missing or invalid."""


class ContactMissingError(ConfigError):
    """SEC requires a User-Agent naming who is asking; none is configured."""

    default_suggestion = (
        "set your name and e-mail, e.g. export RESEARCH_KIT_CONTACT=\"Jane Doe jane@example.com\" "
        "(or contact = \"...\" in your user config file, or in the [settings] table of a "
        "workspace's target.toml); `research-kit config` shows the file and where each "
        "setting comes from"
    )


class CacheError(ConfigError):
    """The HTTP cache file cannot be read (damaged, not a database, locked)."""

    default_suggestion = ("delete the damaged cache with `research-kit cache clear --yes` "
                          "(it is rebuilt from the network on the next online run)")


class FetchError(ResearchKitError):
    """A URL could not be fetched."""


class NotCachedError(FetchError):
    """Offline mode is on and the URL is not in the cache."""

    default_suggestion = (
        "run once with the network (unset RESEARCH_KIT_OFFLINE / drop --offline) to warm the "
        "cache, or replay a workspace pack made with `research-kit pack`"
    )


class RobotsDisallowedError(FetchError):
    """The site's robots.txt forbids fetching this URL."""

    default_suggestion = (
        "the site asks robots not to fetch this page; open it in your browser, save it, and "
        "give research-kit the saved file instead"
    )


class UnsupportedURLError(FetchError):
    """Only http and https URLs are fetched (also for redirects)."""


class TooManyRedirectsError(FetchError):
    """The redirect chain was too long or looped."""


class ResponseTooLargeError(FetchError):
    """The response body exceeded the configured size cap."""

    default_suggestion = "raise max_bytes in the settings if you really need this document"


class NetworkError(FetchError):
    """The host could not be reached or dropped the connection (``context["kind"]``: dns,
    refused, tls, connect-timeout, read-timeout, deadline, reset, other)."""


class FetchTimeoutError(NetworkError):
    """Connecting or reading took longer than the timeout, or the whole request longer than
    the total deadline (``total_timeout``)."""


class RobotsUnavailableError(FetchError):
    """robots.txt answered with a server error: RFC 9309 asks crawlers to fetch nothing
    from the site until it can be read. Not a disallow: nobody said no."""

    default_suggestion = "the site is having trouble; try again later"


class RateLimitedError(FetchError):
    """The server said we are too fast (429/503 after retries, or SEC's 403 threshold page)."""

    default_suggestion = "wait a few minutes and run again; cached results are kept"


class HTTPStatusError(FetchError):
    """The server answered with an error status."""


class InputError(ResearchKitError):
    """A file, URL or text the user gave us cannot be used."""


class ParseError(InputError):
    """The content is not in the shape the parser expects (empty, binary, truncated …)."""


class UnsupportedFormError(InputError):
    """The document is a form this parser does not handle (e.g. 10-KSB for the 10-K splitter)."""


class WrongKindError(InputError):
    """The file is readable but of another kind than asked for (a résumé given as an annual
    report); the suggestion names the command that reads it."""


class NotFoundError(ResearchKitError):
    """Something looked up does not exist."""


class CompanyNotFoundError(NotFoundError):
    """A ticker or company name did not resolve; ``candidates`` lists the closest matches."""

    def __init__(self, message: str, *, candidates: list[str] | None = None, **kw: Any) -> None:
        if candidates and "suggestion" not in kw:
            kw["suggestion"] = "did you mean: " + "; ".join(candidates[:5]) + "?"
        super().__init__(message, candidates=candidates or None, **kw)
        self.candidates = list(candidates or [])


class WorkspaceError(ResearchKitError):
    """A workspace is missing, malformed, or an operation would overwrite the user's work."""


class TargetFileError(WorkspaceError):
    """target.toml has an unknown key, a value of the wrong type, or names a missing file."""


class WorkspaceBusyError(WorkspaceError):
    """Another research-kit run is using this workspace (its lock is held)."""


class InterviewerNotFoundError(NotFoundError):
    """A person's name is not among the workspace's interviewers/coordinator."""

    def __init__(self, message: str, *, candidates: list[str] | None = None, **kw: Any) -> None:
        if "suggestion" not in kw:
            kw["suggestion"] = ("people in target.toml: " + "; ".join(candidates)
                                if candidates else "add an [[interviewers]] table to target.toml")
        super().__init__(message, candidates=candidates or None, **kw)
        self.candidates = list(candidates or [])


class PageNeedsBrowserError(ParseError):
    """A web page has no text of its own: a browser has to run its JavaScript to show any."""

    default_suggestion = (
        "no text, the site needs a browser: open the page in your browser, save it "
        "(File > Save Page As, 'Web Page, Complete'), and give research-kit the saved file"
    )


class NoTextLayerError(ParseError):
    """A PDF whose pages are images (a scan or a photo): there is no text to read."""

    default_suggestion = (
        "export the document again as a text PDF (LinkedIn: More → Save to PDF), or paste its "
        "text into a .txt file, or write the short YAML profile described in docs/position.md"
    )


class PostingChoiceError(InputError):
    """A job board (or saved board response) lists several postings; ``choices`` names them."""

    def __init__(self, message: str, *, choices: list[dict[str, Any]] | None = None,
                 **kw: Any) -> None:
        choices = list(choices or [])
        if choices and "suggestion" not in kw:
            shown = "; ".join(f"{c.get('id')}: {c.get('title')}" for c in choices[:8])
            more = f" (and {len(choices) - 8} more)" if len(choices) > 8 else ""
            kw["suggestion"] = (f"pick one with --id ID or --title TEXT (posting_id=/posting_title="
                                f" in Python): {shown}{more}")
        super().__init__(message, **kw)
        self.choices = choices


class EncryptedDocumentError(InputError):
    """The document is password-protected."""

    default_suggestion = ("remove the password (open it and print/save it as a new PDF), "
                          "then try again")


class DocumentTooLongError(InputError):
    """The document is far longer than what it claims to be (e.g. a 200-page 'profile')."""


class FeedError(ParseError):
    """A news feed is malformed, mis-encoded, or not a feed at all (e.g. an HTML page)."""

    default_suggestion = (
        "check the feed URL in a browser; for a site's homepage use discover_feeds() to find "
        "its RSS/Atom/JSON feed links"
    )


class OccupationNotFoundError(NotFoundError):
    """A job title matched no O*NET occupation, or a SOC code is not in the data."""

    default_suggestion = (
        "try a shorter, more common title (e.g. 'Data Engineer' rather than the full posting "
        "title), or a SOC code such as 15-1252.00; `research-kit occupation TITLE` lists "
        "candidates"
    )
