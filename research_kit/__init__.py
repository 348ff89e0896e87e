"""research-kit: interview research as a repeatable, sourced, offline-capable workflow."""

from ._version import __version__

__all__ = ["__version__"]
