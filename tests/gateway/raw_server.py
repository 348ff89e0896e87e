"""A loopback TCP server that misbehaves on purpose (stalls, trickles, resets).

pytest-httpserver answers like a well-behaved web server; hostile cases need control over
every byte and every pause. ``RawServer(handler)`` accepts connections on a loopback
address and runs ``handler(conn)`` for each in a thread; ``connections`` counts them, so a
test can prove an origin was never contacted.
"""

from __future__ import annotations

import socket
import struct
import threading
import time


class RawServer:
    def __init__(self, handler, host: str = "127.0.0.1", url_host: str | None = None) -> None:
        self.handler = handler
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, 0))
        self.sock.listen(16)
        self.host = host
        self.url_host = url_host or host
        """The host name URLs use ("localhost": the same host as pytest-httpserver's)."""
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.requests: list[bytes] = []
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._open: list[socket.socket] = []

    def url(self, path: str = "/") -> str:
        return f"http://{self.url_host}:{self.port}{path}"

    def __enter__(self) -> RawServer:
        thread = threading.Thread(target=self._serve, daemon=True)
        thread.start()
        self._threads.append(thread)
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for conn in self._open:
            try:
                conn.close()
            except OSError:
                pass
        self.sock.close()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def _serve(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            self._open.append(conn)
            thread = threading.Thread(target=self._run, args=(conn,), daemon=True)
            thread.start()

    def _run(self, conn: socket.socket) -> None:
        try:
            self.handler(conn, self)
        except OSError:
            pass  # the client hung up on us: that is what the tests want
        finally:
            try:
                conn.close()
            except OSError:
                pass

    # -- helpers for handlers -------------------------------------------------------------
    def read_request(self, conn: socket.socket) -> bytes:
        conn.settimeout(5)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(4096)
            if not chunk:
                break
            data += chunk
        self.requests.append(data)
        return data

    def trickle(self, conn: socket.socket, data: bytes, every: float = 1.0) -> None:
        """Send ``data`` one byte every ``every`` seconds until done or stopped."""
        for i in range(len(data)):
            if self._stop.is_set():
                return
            conn.sendall(data[i:i + 1])
            time.sleep(every)

    def hold(self, seconds: float = 60) -> None:
        """Keep the connection open and silent (until the test ends)."""
        self._stop.wait(seconds)


def reset(conn: socket.socket) -> None:
    """Close with a TCP RST instead of a FIN."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


def closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port
