"""The kernel client ``research-kit run`` uses: jupyter_client's, without its fixed waits.

``wait_for_ready`` in jupyter_client, once the kernel has answered, drains IOPub until 0.2 s
pass without a message — every run pays those 0.2 s — and when the first answer comes
before IOPub is subscribed, it waits another 0.2 s before asking again. The messages it
drains are the kernel's start-up statuses; nbclient ignores any IOPub message that is not
about the cell it is running, so we drain what has already arrived and go on, and we ask
again after 0.05 s. Our sockets also retry a refused connection every 10 ms, not 100 ms.
"""

from __future__ import annotations

import time
from queue import Empty

import zmq
from jupyter_client.blocking import BlockingKernelClient

__all__ = ["PromptClient"]


class PromptClient(BlockingKernelClient):
    def _context_default(self):
        # our channels connect while the kernel is still starting; ZeroMQ retries a refused
        # connection every 100 ms by default, which left the first request waiting up to
        # 0.1 s after the kernel was listening (this context is this client's own)
        context = super()._context_default()
        context.setsockopt(zmq.RECONNECT_IVL, 10)
        return context

    def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                msg = self.shell_channel.get_msg(timeout=1)
            except Empty:
                msg = None
            if msg is not None and msg["msg_type"] == "kernel_info_reply":
                # IOPub connected? Its subscription can lag the shell socket, and what the
                # kernel published before it arrived is lost: then simply ask again (a
                # connected IOPub answers within milliseconds; jupyter_client waits 0.2 s)
                try:
                    self.iopub_channel.get_msg(timeout=0.05)
                except Empty:
                    pass
                else:
                    self._handle_kernel_info_reply(msg)
                    break
            if not self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")
        while True:  # what has arrived so far, without waiting for more
            try:
                self.iopub_channel.get_msg(timeout=0)
            except Empty:
                break
