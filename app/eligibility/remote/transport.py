# SPDX-License-Identifier: EUPL-1.2
"""One HTTP exchange of the remote client: TLS trust, a hard deadline, a capped body, errors.

Every socket wait (DNS and connect, TLS handshake, each write, each read) is cut at the
deadline set with :func:`deadline_at`, so an exchange ends by that deadline even against a
server that trickles its headers or body one byte at a time. httpx alone bounds each socket
operation, not the whole exchange; the deadline lives in a network backend under httpx.
"""

from __future__ import annotations

import logging
import ssl
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import httpcore
import httpx

from app.problems import AppError, Problem

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping
    from pathlib import Path

    from httpcore import NetworkStream

_LOG = logging.getLogger(__name__)

MAX_BODY_BYTES = 1 << 20
"""A contract answer is a few kB; anything beyond 1 MiB is refused unread."""

_deadline: ContextVar[float | None] = ContextVar("baliecheck_remote_deadline", default=None)


@contextmanager
def deadline_at(when: float) -> Iterator[None]:
    """Within the block, no socket wait of this thread goes past ``when`` (time.monotonic)."""
    token = _deadline.set(when)
    try:
        yield
    finally:
        _deadline.reset(token)


def _bounded(timeout: float | None, error: type[httpcore.TimeoutException]) -> float | None:
    """The operation's own timeout, shortened to what is left before the deadline."""
    deadline = _deadline.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("the exchange reached its deadline")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, bounded))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        stream = self._inner.connect_tcp(host, port, bounded, local_address, socket_options)
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_unix_socket(path, bounded, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's own transport, over a connection pool whose sockets respect the deadline.

    httpx offers no hook for a network backend, so the pool it built is replaced by an
    equivalent one (same TLS context, httpx's default limits) that has one.
    """

    def __init__(self, ssl_context: ssl.SSLContext) -> None:
        super().__init__(verify=ssl_context)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=100,
            max_keepalive_connections=20,
            keepalive_expiry=5.0,
            network_backend=_DeadlineBackend(),
        )


def trust_context(ca_bundle: Path | None) -> ssl.SSLContext:
    """httpx's default trust (``SSL_CERT_FILE``/``SSL_CERT_DIR``, else certifi) plus the bundle.

    The bundle is added, not substituted: a municipal CA signs the backend, while the token
    endpoint (often a public identity provider) keeps working with the usual roots.
    Verification and host-name checks stay on; there is no way to turn them off.
    """
    context = httpx.create_ssl_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if ca_bundle is not None:
        try:
            context.load_verify_locations(cafile=str(ca_bundle))
        except (OSError, ssl.SSLError) as exc:
            raise AppError(
                Problem.CONFIG_INVALID,
                f"ca_bundle {ca_bundle}: not a readable PEM file of CA certificates "
                f"({type(exc).__name__})",
            ) from None
    return context


@dataclass(frozen=True, slots=True)
class HttpReply:
    """An HTTP answer as read: status, media type (lower case, no parameters), headers, body."""

    status: int
    media_type: str
    headers: Mapping[str, str] = field(repr=False)
    body: bytes = field(repr=False)


def media_type_of(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def shown_media_type(media_type: str) -> str:
    """The media type as it may appear in a message: short, and only harmless characters."""
    kept = "".join(c for c in media_type[:60] if c.isascii() and (c.isalnum() or c in "/+.-"))
    return kept or "(none)"


def send(client: httpx.Client, request: httpx.Request) -> HttpReply:
    """Send and read the whole body (decoded, at most MAX_BODY_BYTES). Raises httpx errors."""
    response = client.send(request, stream=True)
    try:
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                raise AppError(
                    Problem.BACKEND_BAD_RESPONSE,
                    f"{request.method} {request.url.path}: HTTP {response.status_code}, "
                    f"body larger than {MAX_BODY_BYTES} bytes",
                )
            chunks.append(chunk)
    finally:
        response.close()
    media_type = media_type_of(response.headers.get("content-type", ""))
    return HttpReply(response.status_code, media_type, response.headers, b"".join(chunks))


def _tls_cause(exc: BaseException) -> ssl.SSLError | None:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def is_connect_failure(exc: httpx.HTTPError) -> bool:
    """The request never reached the server (refused, unreachable, connect timeout), not TLS."""
    connect = isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout))
    return connect and _tls_cause(exc) is None


def _tls_reason(error: ssl.SSLError) -> str:
    if isinstance(error, ssl.SSLCertVerificationError) and error.verify_message:
        return f"certificate not trusted: {error.verify_message}"
    return f"{type(error).__name__} {error.reason or ''}".strip()


def transport_error(exc: httpx.HTTPError, where: str) -> AppError:
    """The Problem for an httpx failure; the text names the kind, never a URL query or body."""
    tls = _tls_cause(exc)
    if tls is not None:
        return AppError(Problem.BACKEND_TLS_FAILED, f"{where}: TLS failed ({_tls_reason(tls)})")
    kind = type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        return AppError(Problem.BACKEND_TIMEOUT, f"{where}: no answer in time ({kind})")
    if isinstance(exc, httpx.NetworkError):
        return AppError(Problem.BACKEND_UNREACHABLE, f"{where}: cannot reach the backend ({kind})")
    return AppError(Problem.BACKEND_BAD_RESPONSE, f"{where}: not a valid HTTP answer ({kind})")
