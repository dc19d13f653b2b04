# SPDX-License-Identifier: EUPL-1.2
"""A real ``serve`` (the command's uvicorn configuration) on a free loopback port, in a thread."""

from __future__ import annotations

import threading
import time
import uuid
from typing import TYPE_CHECKING, Any

import httpx
import uvicorn

from app.serve.api import EligibilityApi
from app.serve.server import serve_limits, server_config
from app.services import make_eligibility
from app.settings.config import Config, ServeSettings

if TYPE_CHECKING:
    from pathlib import Path

    from app.eligibility.port import EligibilityPort

TOKEN = "serve-token-for-tests-0123456789"


class ServedServer:
    """``with ServedServer(api, settings) as served: httpx.get(served.url + "/v1/health")``."""

    def __init__(self, api: EligibilityApi, settings: ServeSettings) -> None:
        config = server_config(api.app(), settings, host="127.0.0.1", port=0)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="served-serve", daemon=True)
        self.scheme = "https" if settings.tls else "http"
        self.api = api
        self.port = 0
        self.url = ""

    def __enter__(self) -> ServedServer:
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


def training_api(
    data_dir: Path, settings: ServeSettings | None = None, *, auth: bool = True
) -> tuple[EligibilityApi, EligibilityPort]:
    """The training engine behind the API, with the test token (or none) and these limits."""
    engine = make_eligibility(Config(training=True), data_dir)
    tokens = frozenset({TOKEN}) if auth else None
    return EligibilityApi(engine, tokens, serve_limits(settings or ServeSettings())), engine


def call(url: str, method: str, path: str, **options: Any) -> httpx.Response:
    """One request with the test token and a fresh X-Request-Id (``headers`` add to them)."""
    headers = {"Authorization": f"Bearer {TOKEN}", "X-Request-Id": str(uuid.uuid4())}
    headers |= options.pop("headers", {})
    return httpx.request(method, url + path, headers=headers, timeout=10, **options)
