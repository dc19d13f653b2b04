# SPDX-License-Identifier: EUPL-1.2
"""Run an ASGI app under uvicorn on a free loopback port, in a thread, for one test."""

from __future__ import annotations

import socket
import threading
import time
from typing import TYPE_CHECKING, Self

import uvicorn

if TYPE_CHECKING:
    from starlette.applications import Starlette


def free_port() -> int:
    """A loopback port where nothing listens now (bound, then released): free for a server
    to take, and closed for a client until one does."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ServedConfig:
    """uvicorn with ``config`` in a thread, until the block ends; ``port`` the one it took."""

    def __init__(self, config: uvicorn.Config, scheme: str = "http") -> None:
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="served-app", daemon=True)
        self.scheme = scheme
        self.port = 0
        self.url = ""

    def __enter__(self) -> Self:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.01)
        self.port = int(self._server.servers[0].sockets[0].getsockname()[1])
        self.url = f"{self.scheme}://127.0.0.1:{self.port}"
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(10)


class ServedApp(ServedConfig):
    """``with ServedApp(app) as served: httpx.get(served.url + "/v1/health")``."""

    def __init__(self, app: Starlette, port: int = 0) -> None:
        super().__init__(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
