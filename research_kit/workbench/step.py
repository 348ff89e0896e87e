"""The step decorator and :class:`Missing`: how a notebook cell fails gently.

Each workbench method is a *step*: computed on first call and remembered for the life of the
workbench (later steps such as talking points and the brief reuse what earlier cells
computed instead of fetching or parsing again). A step that cannot run — no ticker for a
private company, a posting that is gone, offline and not cached — does not stop the
notebook: our errors become a :class:`Missing` that displays the reason and the
suggestion, and the brief prints a "not found" line for it.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar, cast

from ..display import NO_MATH, escape
from ..errors import ResearchKitError

__all__ = ["Missing", "found", "step", "displayed", "StepHost"]


@dataclass(frozen=True)
class Missing:
    """What a step could not find, and what to do about it. Falsy; displays as a note."""

    step: str
    reason: str
    suggestion: str = ""

    def __bool__(self) -> bool:
        return False

    def __len__(self) -> int:  # so `len(result)` works uniformly with tables
        return 0

    @property
    def empty(self) -> bool:  # DataFrame-like
        return True

    def __str__(self) -> str:
        text = f"Not found ({self.step}): {self.reason}"
        return text + (f"\n  → {self.suggestion}" if self.suggestion else "")

    __repr__ = __str__

    def _repr_html_(self) -> str:
        hint = f"<br><small>→ {escape(self.suggestion)}</small>" if self.suggestion else ""
        return (f"<div class='{NO_MATH}' style='border-left:4px solid #c90;padding:4px 8px'>"
                f"<b>Not found</b> ({escape(self.step)}): {escape(self.reason)}{hint}</div>")


T = TypeVar("T")


def found(value: T | Missing | None) -> T | None:
    """A step's result, or None when the step found nothing (None or a :class:`Missing`)."""
    return None if value is None or isinstance(value, Missing) else value


class StepHost(Protocol):
    """What :func:`step` needs of the object whose methods it wraps."""

    _results: dict[Any, Any]
    missing: dict[str, Missing]

    def _before_compute(self) -> None: ...


F = TypeVar("F", bound=Callable[..., Any])


def step(label: str | None) -> Callable[[F], F]:
    """Memoise a workbench method and turn our errors into a :class:`Missing`.

    ``label=None`` marks a derived step: one computed from other steps' results only (the
    findings behind talking points), memoised the same way, whose errors propagate."""

    def decorate(method: F) -> F:
        @functools.wraps(method)
        def wrapper(self: StepHost, *args: Any, **kwargs: Any) -> Any:
            key = (method.__name__, args, tuple(sorted(kwargs.items())))
            if key in self._results:
                return self._results[key]
            self._before_compute()
            report = getattr(self, "on_step", None)
            if label and report is not None:
                report(label)  # progress for long first runs (the CLI prints it on stderr)
            try:
                result = method(self, *args, **kwargs)
            except ResearchKitError as exc:
                if label is None:
                    raise
                result = Missing(label, exc.message, exc.suggestion or "")
            result = _shown(method.__name__, result)
            if isinstance(result, Missing) and label is not None:
                # a derived step passes on another step's Missing without recording it
                self.missing[label] = result
            self._results[key] = result
            return result

        return cast(F, wrapper)

    return decorate


def _shown(name: str, result: Any) -> Any:
    """A table with its notebook view (:mod:`.views`); anything else as it is."""
    pandas = sys.modules.get("pandas")
    if pandas is not None and isinstance(result, pandas.DataFrame):
        from .views import present

        return present(name, result)
    return result


def displayed(method: F) -> F:
    """For a method that is not a step but returns a table: show it with its view."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        return _shown(method.__name__, method(self, *args, **kwargs))

    return cast(F, wrapper)
