"""Settings: one dataclass, filled from defaults, TOML files and environment variables.

Precedence, lowest to highest: built-in defaults → user config file
(``<user config dir>/research-kit/config.toml``) → environment variables → the workspace's
``research-kit.toml`` or the ``[settings]`` table of its ``target.toml`` (the most specific:
a replayed pack keeps its cache beside it) → explicit keyword arguments. ``offline`` is the
exception: once a layer says true, a file or variable after it cannot say false (only an
explicit argument can), so ``--offline`` is never undone by a workspace's settings.
:func:`load_settings` records where each value came from so that
``research-kit config`` can say so.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._version import __version__
from .errors import ConfigError

__all__ = ["Settings", "load_settings", "user_config_file", "default_cache_dir"]

APP_NAME = "research-kit"
_EMAIL = re.compile(r"[^@\s<>]+@[^@\s<>]+\.[A-Za-z]{2,}")

# env var → field name; everything else is set through TOML or keyword arguments
ENV_VARS = {
    "RESEARCH_KIT_CONTACT": "contact",
    "RESEARCH_KIT_CACHE_DIR": "cache_dir",
    "RESEARCH_KIT_OFFLINE": "offline",
}


def default_cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_config_file() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


@dataclass(frozen=True)
class Settings:
    """Everything that changes how research-kit talks to the outside world."""

    contact: str | None = None
    """"Name e-mail" of the person asking; goes into the User-Agent. SEC requires it."""
    cache_dir: Path = field(default_factory=default_cache_dir)
    offline: bool = False
    """Serve everything from the cache; a miss raises NotCachedError. Never touches the network."""
    sec_requests_per_second: float = 10.0
    """All *.sec.gov hosts together (SEC's published fair-access limit)."""
    default_requests_per_second: float = 1.0
    """Any other host, unless its robots.txt Crawl-delay asks for slower."""
    max_bytes: int = 25 * 1024 * 1024
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    """Longest wait for one read; a server trickling bytes never trips it, hence:"""
    total_timeout: float = 60.0
    """The most one request may take, connecting, headers and body together, retries
    included (seconds)."""
    max_retries: int = 3
    backoff_base: float = 1.0
    max_retry_wait: float = 60.0
    """A Retry-After longer than this is not waited out: we stop and say so."""
    max_redirects: int = 5
    respect_robots: bool = True
    origins: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    """field name → where its value came from (default, a file path, an env var, argument)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "cache_dir", Path(self.cache_dir).expanduser())
        if self.contact is not None and not self.contact.strip():
            object.__setattr__(self, "contact", None)
        if self.sec_requests_per_second > 10:
            raise ConfigError(
                "sec_requests_per_second may not exceed 10 (SEC fair-access policy)",
                value=self.sec_requests_per_second,
            )
        for name in ("sec_requests_per_second", "default_requests_per_second", "max_bytes",
                     "connect_timeout", "read_timeout", "total_timeout"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be positive", value=getattr(self, name))
        if not 0 <= self.max_retries <= 3:
            raise ConfigError("max_retries must be between 0 and 3", value=self.max_retries)

    @property
    def contact_email(self) -> str | None:
        match = _EMAIL.search(self.contact or "")
        return match.group(0) if match else None

    @property
    def user_agent(self) -> str:
        base = f"research-kit/{__version__}"
        return f"{base} {self.contact}" if self.contact else base

    @property
    def http_cache_path(self) -> Path:
        # responses stored as JSON (requests-cache's json serializer); the file of earlier
        # versions, "http-cache.sqlite", held pickles and is never opened
        return self.cache_dir / "http-responses.sqlite"

    def replace(self, **changes: Any) -> Settings:
        origins = dict(self.origins)
        origins.update({k: "argument" for k in changes})
        return dataclasses.replace(self, origins=origins, **changes)

    def describe(self) -> list[tuple[str, str, str]]:
        """(name, value, origin) rows for ``research-kit config``."""
        rows = []
        for f in dataclasses.fields(self):
            if f.name == "origins":
                continue
            rows.append((f.name, str(getattr(self, f.name)), self.origins.get(f.name, "default")))
        rows.append(("user_agent", self.user_agent, "derived from contact"))
        return rows


_FIELDS = {f.name: f for f in dataclasses.fields(Settings) if f.name != "origins"}


def _coerce(name: str, value: Any, origin: str) -> Any:
    kind = _FIELDS[name].type
    try:
        if "bool" in str(kind):
            if isinstance(value, str):
                low = value.strip().lower()
                if low in ("1", "true", "yes", "on"):
                    return True
                if low in ("0", "false", "no", "off", ""):
                    return False
                raise ValueError(value)
            return bool(value)
        if "Path" in str(kind):
            return Path(str(value)).expanduser()
        if kind in ("float", float):
            return float(value)
        if kind in ("int", int):
            return int(value)
        return None if value is None else str(value)
    except (TypeError, ValueError):
        raise ConfigError(
            f"setting {name!r} has an invalid value {value!r}", origin=origin,
            suggestion=f"fix it in {origin}",
        ) from None


def _read_toml(path: Path, table: str | None = None) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}", path=str(path),
                          suggestion="fix the file or delete it") from None
    if table is not None:
        data = data.get(table, {})
    if not isinstance(data, dict):
        raise ConfigError(f"[{table}] in {path} must be a table", path=str(path))
    unknown = sorted(set(data) - set(_FIELDS))
    if unknown:
        raise ConfigError(
            f"unknown setting(s) {', '.join(unknown)} in {path}", path=str(path),
            suggestion="known settings: " + ", ".join(sorted(_FIELDS)),
        )
    return data


def load_settings(workspace: str | os.PathLike | None = None, *,
                  config_file: str | os.PathLike | None = None,
                  env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Build the effective :class:`Settings`, remembering where each value came from."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}

    layers: list[tuple[str, dict[str, Any]]] = []
    user_file = Path(config_file) if config_file else user_config_file()
    layers.append((str(user_file), _read_toml(user_file)))
    layers.append(("environment",
                   {ENV_VARS[k]: v for k, v in env.items() if k in ENV_VARS}))
    if workspace is not None:
        # a workspace's own settings are the most specific: they beat the environment (a
        # replayed pack or the demo keeps its cache next to it, wherever the user's is)
        ws = Path(workspace)
        layers.append((str(ws / "research-kit.toml"), _read_toml(ws / "research-kit.toml")))
        layers.append((str(ws / "target.toml") + " [settings]",
                       _read_toml(ws / "target.toml", table="settings")))
    layers.append(("argument", {k: v for k, v in overrides.items() if v is not None}))

    for origin, layer in layers:
        for name, value in layer.items():
            if name not in _FIELDS:
                raise ConfigError(f"unknown setting {name!r}", origin=origin)
            label = origin
            if origin == "environment":
                label = next(k for k, v in ENV_VARS.items() if v == name)
            value = _coerce(name, value, label)
            if name == "offline" and values.get("offline") is True and value is False \
                    and origin != "argument":
                # offline only ever adds up: --offline / RESEARCH_KIT_OFFLINE=1, or a
                # replayed pack's research-kit.toml, is never undone by a file after it
                continue
            if name == "cache_dir" and workspace is not None and origin.startswith(
                    str(Path(workspace))) and not value.is_absolute():
                # a workspace may keep its own cache next to it (packs, the demo)
                value = (Path(workspace) / value).resolve()
            values[name] = value
            origins[name] = label
    return Settings(**values, origins=origins)
