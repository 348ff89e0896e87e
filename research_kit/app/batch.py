"""``research-kit batch targets.csv``: research every company on the target list.

Per row: create the workspace (or keep the existing one), research it and write its brief,
then execute its notebook offline from the now-warm cache. Research runs in a few worker
threads that share ONE rate limiter, so per-host politeness holds for the whole batch (SEC
≤ 10 requests/s in total, other hosts 1/s each); notebook execution happens after, offline.

Resumable: a state file next to the workspaces remembers finished rows; running again skips
them (``force=True`` redoes them). One company failing never stops the others: the summary
lists each failure with its reason.
"""

from __future__ import annotations

import json
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from ..errors import ResearchKitError
from ..private_files import write_private
from .runner import STDERR

__all__ = ["run_batch", "BatchRow"]

STATE_FILE = ".batch-state.json"


@dataclass
class BatchRow:
    name: str
    status: str  # ok | failed | skipped
    reason: str = ""
    workspace: str = ""
    brief: str = ""
    seconds: float = 0.0


def _load_state(path: Path) -> dict[str, dict]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def run_batch(targets_csv: str | os.PathLike, *, directory: str | os.PathLike = "notebooks",
              workers: int = 2, notebooks: bool = True, force: bool = False,
              progress: TextIO | None = STDERR) -> list[BatchRow]:
    from ..gateway.ratelimit import HostRateLimiter
    from ..settings import load_settings
    from ..workbench.base import install_workspace_gateway
    from ..workbench.research import open_research
    from .create import create_workspace
    from .runner import run_workspace
    from .tracker import load_targets

    targets = load_targets(targets_csv)
    csv_folder = Path(targets_csv).resolve().parent
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    state_path = directory / STATE_FILE
    state = _load_state(state_path)
    state_lock = threading.Lock()
    settings = load_settings()
    limiter = HostRateLimiter(settings.default_requests_per_second, settings)
    total = len(targets)

    def say(message: str) -> None:
        if progress:
            print(message, file=progress, flush=True)

    def save_state() -> None:
        write_private(state_path, json.dumps(state, indent=1))

    def research_row(index: int, row) -> BatchRow:
        name = row["name"]
        label = f"[{index}/{total}] {name}"
        previous = state.get(name, {})
        if not force and previous.get("status") == "ok" and Path(previous.get("brief", "")).exists():
            say(f"{label}: done before, skipped (use --force to redo)")
            return BatchRow(name, "skipped", "done in an earlier run",
                            previous.get("workspace", ""), previous.get("brief", ""))
        started = time.perf_counter()
        say(f"{label}: researching…")
        try:
            # files in the CSV are found from the CSV's folder and copied into notes/
            ws = create_workspace(name, ticker=row["ticker"] or None, site=row["site"] or None,
                                  job=row["job"] or None, me=row["me"] or None,
                                  directory=directory, base_dir=csv_folder).workspace
            gateway = install_workspace_gateway(ws, limiter=limiter, this_thread_only=True)
            try:
                files = open_research(ws, gateway=gateway).write_brief()
            finally:
                gateway.close()
            result = BatchRow(name, "ok", "", str(ws.path), str(files.pdf_path),
                              time.perf_counter() - started)
            say(f"{label}: brief written ({result.seconds:.1f} s)")
        except ResearchKitError as exc:
            result = BatchRow(name, "failed", exc.message, seconds=time.perf_counter() - started)
            say(f"{label}: FAILED: {exc.message}")
        except Exception as exc:  # one broken row must not stop the batch; report it
            result = BatchRow(name, "failed", f"internal error: {type(exc).__name__}: {exc}",
                              seconds=time.perf_counter() - started)
            say(f"{label}: FAILED (internal error, please report): {exc}")
        with state_lock:
            state[name] = asdict(result) | {
                "finished": datetime.now(UTC).replace(microsecond=0).isoformat()}
            save_state()
        return result

    results: dict[int, BatchRow] = {}
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {pool.submit(research_row, i, row): i
                   for i, (_, row) in enumerate(targets.iterrows(), 1)}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
    rows = [results[i] for i in sorted(results)]

    if notebooks:
        for i, row in enumerate(rows, 1):
            if row.status != "ok":
                continue
            say(f"[{i}/{total}] {row.name}: executing the notebook offline…")
            try:
                run_workspace(row.workspace, offline=True, progress=None)
            except ResearchKitError as exc:
                row.reason = f"brief written, but the notebook stopped: {exc.message}"
    return rows
