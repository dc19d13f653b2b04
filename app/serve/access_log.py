# SPDX-License-Identifier: EUPL-1.2
"""One access log line per request, the X-Request-Id on every answer, and the JSON log format.

A line has the request id, method, path (no query string, numbers masked), status and
duration: never a header value, a body or a national number. The request id is the
client's when it is a UUID (as the contract says), else a new one, so that no arbitrary
client text is echoed or logged.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
import uuid
from typing import TYPE_CHECKING, Any

from app.logsafe import RedactingFormatter, redact

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

    from app.serve.metrics import ServeMetrics

ACCESS_LOGGER = "app.serve.access"
MAX_LOGGED_PATH = 80
OTHER_ROUTE = "(other)"
# A method outside these is logged and counted as OTHER: a client's token could be anything
# (11 digits too), and each new label value would be a new time series.
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"})
_LOG = logging.getLogger(ACCESS_LOGGER)


def request_id_of(scope: Scope) -> str:
    """The request id this exchange answers with (set by AccessLog before any route runs)."""
    return str(scope.get("state", {}).get("request_id", ""))


def client_request_id(headers: list[tuple[bytes, bytes]]) -> str | None:
    """The client's X-Request-Id in canonical form when it is a UUID, else None."""
    for name, value in headers:
        if name == b"x-request-id":
            try:
                return str(uuid.UUID(value.decode("latin-1")))
            except ValueError:
                return None
    return None


def _route_of(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else OTHER_ROUTE


def _logged_path(scope: Scope) -> str:
    path = str(scope.get("path", ""))
    if len(path) > MAX_LOGGED_PATH:
        path = path[:MAX_LOGGED_PATH] + "…"
    return redact(path).encode("unicode_escape").decode("ascii")


class AccessLog:
    """ASGI middleware: request id in, request id out, one log line and metrics per request."""

    def __init__(self, app: ASGIApp, metrics: ServeMetrics) -> None:
        self._app = app
        self._metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        request_id = client_request_id(scope["headers"]) or str(uuid.uuid4())
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status = 0
        recorded = False

        def record() -> None:
            nonlocal recorded
            if not recorded:
                recorded = True
                self._record(scope, request_id, status, time.perf_counter() - started)

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = [(k, v) for k, v in message.get("headers", []) if k != b"x-request-id"]
                message["headers"] = [*headers, (b"x-request-id", request_id.encode())]
            elif message["type"] == "http.response.body" and not message.get("more_body"):
                record()  # before the last byte leaves: a client that has it sees it counted
            await send(message)

        try:
            await self._app(scope, receive, send_with_id)
        finally:
            record()

    def _record(self, scope: Scope, request_id: str, status: int, seconds: float) -> None:
        route = _route_of(scope)
        method = str(scope.get("method", ""))
        method = method if method in KNOWN_METHODS else "OTHER"  # any token is a method
        self._metrics.observe_request(route=route, method=method, status=status, seconds=seconds)
        fields = {
            "request_id": request_id,
            "method": method,
            "path": _logged_path(scope),
            "status": status,
            "duration_ms": round(seconds * 1000, 1),
        }
        _LOG.info(
            "%s %s %s %d %.1f ms",
            request_id,
            fields["method"],
            fields["path"],
            status,
            fields["duration_ms"],
            extra={"access": fields},
        )


class JsonFormatter(RedactingFormatter):
    """One JSON object per line for a log collector; numbers masked like every other line."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry |= getattr(record, "access", {})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return redact(json.dumps(entry, ensure_ascii=False))


def configure_logging(*, json_lines: bool, verbose: bool) -> None:
    """serve logs to stderr at INFO (the access lines), DEBUG with -v, as text or JSON lines.

    Reuses the redacting stderr handler the command line installed (app.logsafe.install).
    """
    level = logging.DEBUG if verbose else logging.INFO
    root = logging.getLogger()
    root.setLevel(level)
    for handler in root.handlers:
        if isinstance(handler.formatter, RedactingFormatter) and not isinstance(
            handler, logging.FileHandler
        ):
            handler.setLevel(level)
            if json_lines:
                handler.setFormatter(JsonFormatter())
