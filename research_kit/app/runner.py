"""Execute a workspace notebook headless, with progress on stderr.

We drive nbclient directly rather than papermill (papermill's import alone costs about a
second) but keep papermill's conventions: the cell tagged ``parameters`` is followed by an
``injected-parameters`` cell, so the same notebook also runs under papermill.

The user's ``research.ipynb`` is never written to: the executed copy goes to
``out/research.executed.ipynb``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..errors import ResearchKitError, WorkspaceError
from ..private_files import make_private, private_dir, replacing
from ..workspace import Workspace, open_workspace

__all__ = ["run_workspace", "RunResult", "execute_notebook", "start_kernel", "StartedKernel"]


class _CurrentStderr:
    """Progress goes to whatever ``sys.stderr`` is when it is written, not when this module
    was imported (a default of ``sys.stderr`` would keep a stream that was replaced)."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


STDERR: Any = _CurrentStderr()


@dataclass
class RunResult:
    executed_notebook: Path
    seconds: float
    cells: int
    errors: list[str] = field(default_factory=list)
    outputs: dict[str, Path] = field(default_factory=dict)
    record: Any = None
    """What the run found (a RunRecord), when the notebook wrote a brief."""


def _cell_label(cell: dict[str, Any]) -> str:
    for line in "".join(cell.get("source", "")).splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            # its first sentence, cut at a word: "Parameters (papermill-compatible).", not
            # "… `workspace` is the folder holding t"
            first = re.split(r"(?<=[.!?])\s", line, maxsplit=1)[0]
            return textwrap.shorten(first, 70, placeholder=" …")
    return "(empty cell)"


def _inject_parameters(nb, params: dict[str, Any]) -> None:
    nbformat = _import_nbclient()[0]

    if not params:
        return
    lines = ["# Parameters injected by research-kit run"]
    lines += [f"{k} = {json.dumps(v) if isinstance(v, str) else repr(v)}"
              for k, v in params.items()]
    cell = nbformat.v4.new_code_cell("\n".join(lines))
    cell.metadata["tags"] = ["injected-parameters"]
    cells = nb.cells
    cells[:] = [c for c in cells if "injected-parameters" not in c.metadata.get("tags", [])]
    index = next((i + 1 for i, c in enumerate(cells)
                  if "parameters" in c.metadata.get("tags", [])), 0)
    cells.insert(index, cell)


KERNELS_DIR = Path(__file__).resolve().parent / "kernels"
KERNEL_NAME = "research-kit-python"


def _kernel_manager() -> Any:
    """A kernel running this very interpreter (the notebook must see this install).

    Our own kernel spec (``app/kernels/research-kit-python``) says ``python``, which
    jupyter_client replaces with the running interpreter; a "python3" spec installed by the
    user for another environment can then never be picked instead."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    specs = KernelSpecManager(kernel_dirs=[str(KERNELS_DIR)])
    return KernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=specs)


class StartedKernel:
    """A kernel process started ahead of time, so that its boot (about half a second of
    imports in the child) overlaps our own setup on another core instead of following it."""

    def __init__(self, cwd: Path, log_path: Path, env: dict[str, str] | None = None) -> None:
        private_dir(log_path.parent)
        # the kernel's own stderr (startup warnings, crashes) goes to a log, not the terminal
        self.log_path = log_path
        self.log = open(log_path, "w", encoding="utf-8")
        make_private(log_path)
        self.km = _kernel_manager()
        try:
            self.km.start_kernel(cwd=str(cwd), env={**os.environ, **(env or {})},
                                 stderr=self.log)
        except Exception as exc:
            self.log.close()
            raise WorkspaceError(f"the notebook kernel could not start: {type(exc).__name__}: "
                                 f"{exc}", path=str(cwd),
                                 suggestion=f"see {log_path}; is ipykernel installed in this "
                                            "environment?") from exc

    def interrupt(self) -> bool:
        """Send the kernel SIGINT (what Jupyter's interrupt button does), directly: this is
        called from a signal handler, where jupyter_client's async API cannot run."""
        provisioner = getattr(self.km, "provisioner", None)
        group = getattr(provisioner, "pgid", None)
        pid = getattr(provisioner, "pid", None)
        try:
            if group:
                os.killpg(group, signal.SIGINT)
            elif pid:
                os.kill(pid, signal.SIGINT)
            else:
                return False
        except (OSError, AttributeError):
            return False
        return True

    def shutdown(self) -> None:
        """Stop the kernel at once: the notebook is done and saved, nothing is left to lose."""
        try:
            if self.km.has_kernel:
                self.km.shutdown_kernel(now=True)
            else:
                self.km.cleanup_resources()
        finally:
            self.log.close()


def start_kernel(cwd: str | os.PathLike, *, log_path: str | os.PathLike,
                 env: dict[str, str] | None = None) -> StartedKernel:
    """Start a kernel now (returns at once) for a later :func:`execute_notebook`."""
    return StartedKernel(Path(cwd), Path(log_path), env)


def _import_nbclient():
    # jsonschema (via nbformat) imports rfc3987_syntax when installed, which compiles a
    # grammar for 0.7 s; we never validate IRIs, so we tell Python it is absent.
    sys.modules.setdefault("rfc3987_syntax", None)
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    return nbformat, NotebookClient, CellExecutionError


def execute_notebook(path: Path, output: Path, *, cwd: Path, params: dict[str, Any] | None = None,
                     env: dict[str, str] | None = None, progress: TextIO | None = STDERR,
                     timeout: int = 600, kernel: StartedKernel | None = None) -> RunResult:
    """Execute ``path`` into ``output``; ``kernel`` is one from :func:`start_kernel` (its
    cwd and env are then the ones it was started with), else a kernel is started here."""
    if kernel is None:
        kernel = start_kernel(cwd, log_path=output.with_name("kernel.log"), env=env)
    try:
        return _execute(path, output, cwd=cwd, params=params, progress=progress,
                        timeout=timeout, kernel=kernel)
    finally:
        kernel.shutdown()


def _execute(path: Path, output: Path, *, cwd: Path, params: dict[str, Any] | None,
             progress: TextIO | None, timeout: int, kernel: StartedKernel) -> RunResult:
    nbformat, NotebookClient, CellExecutionError = _import_nbclient()
    try:
        nb = nbformat.read(str(path), as_version=4)
    except (OSError, ValueError) as exc:
        raise WorkspaceError(f"cannot read notebook {path}: {exc}", path=str(path)) from None
    _inject_parameters(nb, params or {})
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    total = len(code_cells)
    counter = {"n": 0}
    started = time.perf_counter()

    def on_start(cell, cell_index):
        if interrupted is not None:
            interrupted.arm()
        if cell.cell_type != "code":
            return
        counter["n"] += 1
        if progress:
            print(f"[{counter['n']:>2}/{total}] {_cell_label(cell)}", file=progress, flush=True)

    interrupted: _Interrupts | None = None
    client = NotebookClient(nb, timeout=timeout, kernel_name=KERNEL_NAME,
                            resources={"metadata": {"path": str(cwd)}},
                            on_cell_start=on_start, km=kernel.km)
    errors: list[str] = []
    private_dir(output.parent)
    with _interrupts(kernel) as interrupts:
        interrupted = interrupts
        try:
            client.execute()
            if interrupted.is_set():  # the interrupted cell may have caught it
                raise KeyboardInterrupt
        except CellExecutionError as exc:
            if interrupted.is_set():
                raise KeyboardInterrupt from None
            errors.append(_friendly_cell_error(exc))
        except BaseException as exc:
            if interrupted.is_set():
                # Ctrl-C: asyncio and nbclient may turn it into anything on the way out;
                # nothing is written, the kernel is stopped by our caller
                raise KeyboardInterrupt from None
            if not isinstance(exc, Exception):
                raise
            raise WorkspaceError(f"the notebook kernel failed: {type(exc).__name__}: {exc}",
                                 path=str(path),
                                 suggestion=f"see {kernel.log_path}; "
                                            "--debug shows the traceback") from exc
        finally:
            if client.kc is not None:  # our kernel manager, so nbclient leaves these open
                client.kc.stop_channels()
    with replacing(output) as tmp:
        nbformat.write(nb, str(tmp))
    return RunResult(output, time.perf_counter() - started, total, errors)


class _Interrupts:
    """Ctrl-C during a run: interrupt the kernel (it runs in its own session, so the
    terminal's Ctrl-C reaches only us), let the cell fail, and report an interruption. A
    second Ctrl-C stops at once.

    nbclient puts its own SIGINT handler on its event loop, which stops the kernel's
    channels while the cell is still awaited (the run then hangs, or ends in an unrelated
    AssertionError), and the loop would only run it after the kernel's next message: ours
    replaces it, as a plain signal handler, when the first cell starts."""

    def __init__(self, kernel: StartedKernel) -> None:
        self.kernel = kernel
        self.event = threading.Event()
        self._armed = False

    def is_set(self) -> bool:
        return self.event.is_set()

    def on_sigint(self, *args: Any) -> None:
        if self.event.is_set() or not self.kernel.interrupt():
            self.event.set()
            raise KeyboardInterrupt
        self.event.set()

    def arm(self) -> None:
        """Called when a cell starts (nbclient has set up its loop by then)."""
        if self.event.is_set():
            raise KeyboardInterrupt  # Ctrl-C between cells: run no more of them
        if self._armed or threading.current_thread() is not threading.main_thread():
            return
        signal.signal(signal.SIGINT, self.on_sigint)
        self._armed = True


@contextlib.contextmanager
def _interrupts(kernel: StartedKernel) -> Iterator[_Interrupts]:
    interrupts = _Interrupts(kernel)
    if threading.current_thread() is not threading.main_thread():
        yield interrupts
        return
    previous = signal.signal(signal.SIGINT, interrupts.on_sigint)  # until the loop runs
    try:
        yield interrupts
    finally:
        signal.signal(signal.SIGINT, previous)


def _friendly_cell_error(exc: Exception) -> str:
    ename = getattr(exc, "ename", "") or ""
    evalue = getattr(exc, "evalue", "") or str(exc)
    return f"{ename}: {evalue}".strip(": ")


def kernel_env(offline: bool | None, env: dict[str, str] | None = None) -> dict[str, str]:
    """What a workspace run adds to the kernel's environment."""
    run_env = dict(env or {})
    if offline:
        run_env["RESEARCH_KIT_OFFLINE"] = "1"
    return run_env


def run_workspace(workspace: str | os.PathLike | Workspace, *, offline: bool | None = None,
                  progress: TextIO | None = STDERR, env: dict[str, str] | None = None,
                  kernel: StartedKernel | None = None,
                  notebook: str | os.PathLike | None = None) -> RunResult:
    """Execute the workspace's research.ipynb (or ``notebook``) into
    out/research.executed.ipynb, holding the workspace's lock.

    ``kernel`` may be one already started (:func:`start_kernel`) in the workspace folder
    with :func:`kernel_env`; by default one is started here. ``result.record`` is what the
    run found (:class:`~research_kit.workbench.run_record.RunRecord`), when the notebook
    wrote a brief.
    """
    try:
        ws = workspace if isinstance(workspace, Workspace) else open_workspace(workspace)
        source_notebook = Path(notebook) if notebook is not None else ws.notebook_path
        if not source_notebook.exists():
            raise WorkspaceError(f"{source_notebook} is missing", path=str(ws.path),
                                 suggestion="recreate it with `research-kit new` (your other "
                                            "files are kept)")
        ws.check_files()
        lock = ws.lock("research-kit run")
        lock.__enter__()
    except BaseException:
        if kernel is not None:
            kernel.shutdown()
        raise
    try:
        return _run_locked(ws, source_notebook, offline, progress, env, kernel)
    finally:
        lock.__exit__(None, None, None)


def _run_locked(ws: Workspace, source_notebook: Path, offline: bool | None,
                progress: TextIO | None, env: dict[str, str] | None,
                kernel: StartedKernel | None) -> RunResult:
    from ..workbench.run_record import LAST_RUN, read_record

    output = ws.out_dir / "research.executed.ipynb"
    started_at = time.time()
    if kernel is None:  # start it before reading the notebook, so both overlap
        kernel = start_kernel(ws.path, log_path=output.with_name("kernel.log"),
                              env=kernel_env(offline, env))
    result = execute_notebook(source_notebook, output, cwd=ws.path,
                              params={"workspace": str(ws.path)}, progress=progress,
                              kernel=kernel)
    for name in ("brief.pdf", "brief.html"):
        if (ws.out_dir / name).exists():
            result.outputs[name] = ws.out_dir / name
    record_file = ws.path / LAST_RUN
    if record_file.exists() and record_file.stat().st_mtime >= started_at - 1:
        result.record = read_record(record_file)
    if result.errors:
        raise ResearchKitError(
            f"the notebook stopped at an error: {result.errors[0]}", path=str(output),
            suggestion=f"open {output} to see the cell; fix target.toml or the cell and run "
                       "again (cached results are kept)")
    return result
