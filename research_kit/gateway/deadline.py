"""A total deadline per request (part of the gateway's transport).

requests' timeouts bound each *wait* (connecting, one read), never the whole request: a
server that sends its headers or body one byte a second never trips a read timeout and
holds us for hours. :class:`Deadline` bounds the request as a whole — connect, headers and
body, retries included — by shutting the request's socket down when time is up, which
wakes whatever read is blocked on it at once.

The socket is found through the connection classes below: each keeps a duplicate of its
socket (same connection, a descriptor of its own, so it survives TLS wrapping) and tells
the deadline of the calling thread which connection the request is using.
"""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

__all__ = ["Deadline", "POOL_CLASSES"]

_current = threading.local()


class Deadline:
    """``with deadline:`` — requests this thread sends inside the block are cut off once
    ``seconds`` have passed since the deadline was made (the block may be entered again,
    e.g. for a retry, with what time is left); ``expired`` then says so."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.expired = False
        self._lock = threading.Lock()
        self._watched: Any = None  # the duplicate socket of the connection in use
        self._adopted: list[socket.socket] = []
        self._timer: threading.Timer | None = None

    def remaining(self) -> float:
        return self.ends - time.monotonic()

    def __enter__(self) -> Deadline:
        _current.deadline = self
        self._timer = threading.Timer(max(0.0, self.remaining()), self._expire)
        self._timer.daemon = True
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._timer is not None:
            self._timer.cancel()
        _current.deadline = None
        with self._lock:
            self._watched = None
            adopted, self._adopted = self._adopted, []
        for watched in adopted:
            watched.close()

    def adopt(self, watched: socket.socket) -> bool:
        """Keep ``watched`` (its connection object was closed, but the response being read
        still uses the socket) until the block ends; False if it is not the one in use."""
        with self._lock:
            if watched is not self._watched:
                return False
            self._adopted.append(watched)
            return True

    def watch(self, watched: socket.socket | None) -> None:
        with self._lock:
            self._watched = watched
            expired = self.expired
        if expired:
            _shut(watched)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            watched = self._watched
        _shut(watched)


def _shut(watched: socket.socket | None) -> None:
    if watched is None:
        return
    try:
        watched.shutdown(socket.SHUT_RDWR)  # wakes a blocked recv/send on the same connection
    except OSError:
        pass  # already closed


def _attach(conn: Any) -> None:
    deadline = getattr(_current, "deadline", None)
    if deadline is not None:
        deadline.watch(getattr(conn, "_rk_watch", None))


class _WatchedConnectionMixin:
    """Keeps a duplicate of the socket and reports it to the thread's deadline."""

    _rk_watch: socket.socket | None = None

    def _new_conn(self) -> socket.socket:
        sock: socket.socket = super()._new_conn()  # type: ignore[misc]
        old, self._rk_watch = self._rk_watch, sock.dup()
        if old is not None:
            old.close()
        _attach(self)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> Any:
        _attach(self)  # a kept-alive connection is reused without a new socket
        return super().request(*args, **kwargs)  # type: ignore[misc]

    def close(self) -> None:
        super().close()  # type: ignore[misc]
        watched, self._rk_watch = self._rk_watch, None
        if watched is None:
            return
        # http.client closes the connection object as soon as it has the headers of a
        # response that ends with the connection; the body is read after that
        deadline = getattr(_current, "deadline", None)
        if deadline is None or not deadline.adopt(watched):
            watched.close()


class _WatchedHTTPConnection(_WatchedConnectionMixin, HTTPConnection):
    pass


class _WatchedHTTPSConnection(_WatchedConnectionMixin, HTTPSConnection):
    pass


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


POOL_CLASSES = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}
"""urllib3 ``pool_classes_by_scheme`` whose connections a :class:`Deadline` can cut off."""
