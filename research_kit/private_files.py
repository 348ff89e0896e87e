"""Files that hold the user's data: readable by the user only, written whole or not at all.

A workspace holds people's names, profiles and notes; the cache holds what was fetched for
them. Folders research-kit creates are 0700 and files it writes 0600 (on systems with POSIX
permissions). A file is written to a temporary name beside it and renamed into place, so
an interrupted run leaves the previous version, never half of a new one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["private_dir", "write_private", "replacing", "make_private", "DIR_MODE", "FILE_MODE"]

DIR_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: str | os.PathLike) -> Path:
    """Create ``path`` (and missing parents) readable by the user only; an existing folder
    is left as the user made it."""
    path = Path(path)
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():
            break
        missing.append(folder)
    path.mkdir(parents=True, exist_ok=True)
    for folder in missing:
        with contextlib.suppress(OSError):
            os.chmod(folder, DIR_MODE)
    return path


def make_private(path: str | os.PathLike) -> None:
    """chmod a file research-kit wrote (by a library that does not take a mode) to 0600."""
    with contextlib.suppress(OSError):
        os.chmod(path, FILE_MODE)


@contextlib.contextmanager
def replacing(path: str | os.PathLike) -> Iterator[Path]:
    """``with replacing(p) as tmp:`` write ``tmp``; on success it becomes ``p`` (0600) in
    one rename, on any error or interrupt it is removed and ``p`` is untouched."""
    path = Path(path)
    private_dir(path.parent)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        make_private(tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_private(path: str | os.PathLike, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` atomically, readable by the user only."""
    path = Path(path)
    with replacing(path) as tmp:
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8")
        else:
            tmp.write_bytes(data)
    return path
