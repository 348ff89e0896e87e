"""``research-kit new | run | brief | demo`` (filled in by the foundation work)."""

from __future__ import annotations


def register(sub) -> None:
    pass
