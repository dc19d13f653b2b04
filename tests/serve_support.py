# SPDX-License-Identifier: EUPL-1.2
"""A real ``serve`` (the command's uvicorn configuration) on a free loopback port, in a thread."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

import httpx

from app.serve.api import EligibilityApi
from app.serve.server import serve_limits, server_config
from app.services import make_eligibility
from app.settings.config import Config, ServeSettings
from tests.served import ServedConfig

if TYPE_CHECKING:
    from pathlib import Path

    from app.eligibility.port import EligibilityPort

TOKEN = "serve-token-for-tests-0123456789"


class ServedServer(ServedConfig):
    """``with ServedServer(api, settings) as served: httpx.get(served.url + "/v1/health")``."""

    def __init__(self, api: EligibilityApi, settings: ServeSettings) -> None:
        config = server_config(api.app(), settings, host="127.0.0.1", port=0)
        super().__init__(config, "https" if settings.tls else "http")
        self.api = api


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
