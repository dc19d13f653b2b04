# SPDX-License-Identifier: EUPL-1.2
"""Request limits: a small body (413 before it is read), JSON only (415), a bounded body time.

The contract's largest request (an override with 1 000 characters of reason) is a few KB;
a body over the limit is refused from its Content-Length, or when its streamed bytes pass
the limit, so that no client can make the server hold more than the limit per request.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.problems import Problem
from app.serve.problems import (
    INVALID_REQUEST,
    PAYLOAD_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    ApiProblem,
    kind_for,
    problem_response,
)

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.types import ASGIApp, Receive, Scope, Send

JSON_MEDIA_TYPE = "application/json"
OVER_CAPACITY = "over_capacity"  # set in a connection's scope state by connections.py


@dataclass(frozen=True, slots=True)
class BodyLimits:
    """How large a body may be and how long it may take to arrive."""

    max_bytes: int = 16_384
    timeout_s: float = 10.0


def _too_large(limits: BodyLimits) -> str:
    return f"the body is over {limits.max_bytes} bytes"


def refuse_declared_oversize(request: Request, limits: BodyLimits) -> None:
    """413 when the Content-Length alone says the body is over the limit (nothing read)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise ApiProblem(PAYLOAD_TOO_LARGE, _too_large(limits))


def require_json(request: Request) -> None:
    """415 unless the body is declared ``application/json`` (UTF-8, the only JSON charset)."""
    media_type, _, parameters = request.headers.get("content-type", "").partition(";")
    charset = ""
    for parameter in parameters.split(";"):
        name, _, value = parameter.strip().partition("=")
        if name.lower() == "charset":
            charset = value.strip().strip('"').lower()
    if media_type.strip().lower() != JSON_MEDIA_TYPE or charset not in ("", "utf-8"):
        raise ApiProblem(UNSUPPORTED_MEDIA_TYPE, "the body must be application/json")


async def read_body(request: Request, limits: BodyLimits) -> bytes:
    """The body, counted as it streams in: 413 past the limit, 400 when it is too slow.

    A client that hangs up raises starlette's ClientDisconnect, for the caller to log.
    """
    refuse_declared_oversize(request, limits)
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(limits.timeout_s):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limits.max_bytes:
                    raise ApiProblem(
                        PAYLOAD_TOO_LARGE, f"the body is over {limits.max_bytes} bytes"
                    )
                chunks.append(chunk)
    except TimeoutError:
        raise ApiProblem(
            INVALID_REQUEST, f"the body did not arrive within {limits.timeout_s:g} s"
        ) from None
    return b"".join(chunks)


class OverCapacity:
    """ASGI middleware: a request on a connection beyond ``max_connections`` gets a 503
    problem with Retry-After and ``Connection: close`` (the desk's client retries it)."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("state", {}).get(OVER_CAPACITY):
            headers = {"Retry-After": "1", "Connection": "close"}
            busy = problem_response(kind_for(Problem.SOURCE_UNAVAILABLE), BUSY_DETAIL, headers)
            await busy(scope, receive, send)
            return
        await self._app(scope, receive, send)


BUSY_DETAIL = "the server has as many connections as it takes; try again in a moment"
