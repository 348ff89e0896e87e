"""Package attributes that import their module on first use (PEP 562).

Used by ``research_kit`` and the sub-packages whose modules are heavy (parsers, renderers,
the HTTP stack), so that importing a package — or reading back a stored result whose class
lives in one small module of it — loads only what is used.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(package: str, exports: dict[str, str]) -> tuple[Callable, Callable]:
    """``(__getattr__, __dir__)`` for ``package``; ``exports`` maps a public name to the
    module that defines it, relative to the package: ``"model"``, or ``"module:attribute"``
    when the attribute's name differs or sits in a sub-package."""

    def __getattr__(name: str) -> Any:
        target = exports.get(name)
        if target is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module, _, attribute = target.partition(":")
        value = getattr(importlib.import_module(f".{module}", package), attribute or name)
        sys.modules[package].__dict__[name] = value  # later lookups skip this function
        return value

    def __dir__() -> list[str]:
        return sorted(set(sys.modules[package].__dict__) | set(exports))

    return __getattr__, __dir__
