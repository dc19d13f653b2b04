# SPDX-License-Identifier: EUPL-1.2
"""The uvicorn server for serve: TLS, connection and time limits, the request-head deadline.

One place that turns ``[serve]`` into a ``uvicorn.Config``, used by the command and tests.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import uvicorn

from app.serve.api import ServeLimits
from app.serve.connections import guarded_protocol
from app.serve.limits import BodyLimits
from app.serve.throttle import ThrottleRule
from app.serve.tls import tls_options

if TYPE_CHECKING:
    from starlette.types import ASGIApp

    from app.settings.config import ServeSettings

MAX_HEAD_BYTES = 16_384  # h11's limit on a request head (its default is 16 KiB too)


def serve_limits(settings: ServeSettings) -> ServeLimits:
    """The API's limits from ``[serve]``."""
    return ServeLimits(
        body=BodyLimits(max_bytes=settings.max_body_bytes, timeout_s=settings.body_timeout_s),
        throttle=ThrottleRule(
            max_failures=settings.auth_failures_max, window_s=settings.auth_failures_window_s
        ),
    )


def server_config(app: ASGIApp, settings: ServeSettings, *, host: str, port: int) -> uvicorn.Config:
    """uvicorn's configuration: our protocol, limits and TLS; logging left to the caller."""
    # uvicorn's own access lines carry the query string (a number could be in it): never.
    logging.getLogger("uvicorn.access").disabled = True
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=guarded_protocol(
            header_timeout_s=settings.header_timeout_s, max_connections=settings.max_connections
        ),
        timeout_keep_alive=settings.keep_alive_s,
        h11_max_incomplete_event_size=MAX_HEAD_BYTES,
        log_config=None,
        access_log=False,
        server_header=False,
        **tls_options(settings),
    )
