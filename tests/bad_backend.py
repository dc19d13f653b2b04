# SPDX-License-Identifier: EUPL-1.2
"""A deliberately bad eligibility backend: a real HTTP(S) server on loopback, scripted per test.

Each (method, path) answers from its own queue of replies, in order; the last reply repeats.
Replies can be slow, trickle their bytes, lie about their content type or carry anything at
all. Every request is recorded (method, path, headers, body) for the test to inspect.
At the end: the remote client as the tests point it at this server.
"""

from __future__ import annotations

import datetime as dt
import json
import ssl
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any, Self

import pytest

from app.eligibility.port import AdviceQuery, OverrideRecord
from app.eligibility.remote.client import RemoteEligibility
from app.eligibility.wire import PROBLEM_TYPE_PREFIX, Channel, ReasonCode
from app.problems import AppError
from app.settings.config import RemoteSettings
from app.settings.credentials import KeyringCredentials
from eid.card_profiles import PROFILES
from eid.insz import NationalNumber
from tests.served import free_port

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.problems import Problem
    from tests.tls_certs import ServerCertificate

TOKEN_PATH = "/oauth/token"

# Good contract documents, for the scripts to answer with (or to spoil).
KANSENTARIEF = {
    "code": "KANSENTARIEF",
    "eligible": True,
    "label": {"nl": "Kansentarief"},
    "detail": {"nl": "pas aan 1 euro, 80 % korting op activiteiten"},
}
STANDAARD = {"code": "STANDAARD", "eligible": False, "label": {"nl": "Standaard"}}
SERVICE_DOC = {
    "code": "uitpas-kansentarief",
    "name": {"nl": "UiTPAS"},
    "outcomes": [KANSENTARIEF, STANDAARD],
    "default_outcome": "STANDAARD",
}
ADVICE_DOC = {
    "advice_id": "adv-1",
    "service": "uitpas-kansentarief",
    "outcome": KANSENTARIEF,
    "decided_at": "2025-03-04T10:00:00+01:00",
    "data_as_of": "2025-03-01",
    "valid_until": None,
}
RECEIPT_DOC = {"override_id": "ovr-1", "advice_id": "adv-1", "recorded_at": "2025-03-04T10:01:00Z"}
HEALTH_DOC = {"status": "ok", "sources": [{"name": "ksz", "status": "ok", "as_of": "2025-03-01"}]}


@dataclass(frozen=True)
class Reply:
    """One scripted answer, written byte for byte as given."""

    status: int = 200
    body: bytes = b""
    content_type: str | None = "application/json"
    headers: tuple[tuple[str, str], ...] = ()
    delay_s: float = 0.0  # silence before the first byte
    trickle_s: float = 0.0  # pause between single bytes after the first chunk
    trickle_headers: bool = False  # trickle from the status line on, not only the body
    echo_request_id: bool = True
    release: threading.Event | None = None  # answer only once this is set (or at stop)


def json_reply(document: Any, status: int = 200, **options: Any) -> Reply:
    return Reply(status=status, body=json.dumps(document).encode(), **options)


def problem_reply(name: str, status: int, **options: Any) -> Reply:
    document = {"type": PROBLEM_TYPE_PREFIX + name, "title": name, "status": status}
    options.setdefault("content_type", "application/problem+json")
    return json_reply(document, status, **options)


def token_reply(token: str, expires_in: int | None = 3600) -> Reply:
    document: dict[str, Any] = {"access_token": token, "token_type": "Bearer"}
    if expires_in is not None:
        document["expires_in"] = expires_in
    return json_reply(document)


@dataclass(frozen=True)
class Received:
    """A request as the server saw it; header names in lower case."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes = field(repr=False)

    def json(self) -> Any:
        return json.loads(self.body)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def log_message(self, format: str, *args: Any) -> None:
        return  # quiet: the test output is not the place for request lines

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {name.lower(): value for name, value in self.headers.items()}
        path = self.path.split("?", 1)[0]
        received = Received(self.command, path, headers, body)
        reply = self.server.backend.take(received)
        if reply.release is not None and not self.server.backend.released(reply.release):
            return
        if reply.delay_s and self.server.backend.stopping.wait(reply.delay_s):
            return
        raw = _render(reply, headers.get("x-request-id"))
        first = 0 if reply.trickle_headers else raw.index(b"\r\n\r\n") + 4
        if not reply.trickle_s:
            first = len(raw)
        try:
            self.wfile.write(raw[:first])
            for offset in range(first, len(raw)):
                if self.server.backend.stopping.wait(reply.trickle_s):
                    return
                self.wfile.write(raw[offset : offset + 1])
        except OSError:  # the client gave up (timeout): that is the point of the test
            return


def _render(reply: Reply, request_id: str | None) -> bytes:
    lines = [f"HTTP/1.1 {reply.status} Scripted", "Connection: close"]
    if reply.content_type is not None:
        lines.append(f"Content-Type: {reply.content_type}")
    lines.append(f"Content-Length: {len(reply.body)}")
    if reply.echo_request_id and request_id is not None:
        lines.append(f"X-Request-Id: {request_id}")
    lines.extend(f"{name}: {value}" for name, value in reply.headers)
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + reply.body


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    backend: BadBackend


class BadBackend:
    """The server. Use as a context manager; ``url`` is its base URL."""

    def __init__(self, *, tls: ServerCertificate | None = None) -> None:
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._scripts: dict[tuple[str, str], list[Reply]] = {}
        self._received: list[Received] = []
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.backend = self
        if tls is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(tls.cert_file, tls.key_file)
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        scheme = "https" if tls is not None else "http"
        self.url = f"{scheme}://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="bad-backend"
        )

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def script(self, method: str, path: str, *replies: Reply) -> None:
        """Answer ``method path`` with these replies in turn; the last one repeats."""
        with self._lock:
            self._scripts[(method, path)] = list(replies)

    def take(self, received: Received) -> Reply:
        with self._lock:
            self._received.append(received)
            queue = self._scripts.get((received.method, received.path))
            if not queue:
                return Reply(status=500, body=b"unscripted", content_type="text/plain")
            return queue.pop(0) if len(queue) > 1 else queue[0]

    def released(self, release: threading.Event) -> bool:
        """Wait for ``release``; False when the server stops first."""
        while not release.wait(0.05):
            if self.stopping.is_set():
                return False
        return True

    def received(self, path: str | None = None) -> list[Received]:
        with self._lock:
            return [r for r in self._received if path is None or r.path == path]

    @property
    def grants(self) -> int:
        """How many token requests the OAuth2 endpoint (TOKEN_PATH) has answered."""
        return len(self.received(TOKEN_PATH))


# The client side, as the tests point it at the server.

NUMBER = PROFILES["v17"].national_number or ""  # a sample card's fictitious number
SERVICE = "uitpas-kansentarief"


closed_port = free_port  # nothing listens there: the backend is down


def make_remote(url: str, **overrides: Any) -> RemoteEligibility:
    """Short timeouts and no waits between connect retries keep the bad cases fast."""
    values = {"base_url": url, "auth": "none", "timeout_s": 1.0, "connect_timeout_s": 0.5}
    values |= {"advice_retries": 2, "max_retry_after_s": 0.0} | overrides
    return RemoteEligibility(RemoteSettings.model_validate(values), KeyringCredentials())


def advice_query(service: str = SERVICE) -> AdviceQuery:
    return AdviceQuery(service, NationalNumber(NUMBER), "balie-1", Channel.CARD)


def override_record(advice_id: str | None = "adv-1") -> OverrideRecord:
    return OverrideRecord(
        service=SERVICE,
        outcome_code="STANDAARD",
        reason_code=ReasonCode.DOCUMENT_SHOWN,
        reason_text="attest van het OCMW getoond",
        staff_id="medewerker-7",
        desk="balie-1",
        decided_at=dt.datetime(2025, 3, 4, 10, 1, tzinfo=dt.UTC),
        advice_id=advice_id,
        national_number=NationalNumber(NUMBER),
    )


def fails(call: Callable[[], object], problem: Problem) -> AppError:
    """The AppError ``call`` raises, after checking its problem code."""
    with pytest.raises(AppError) as caught:
        call()
    assert caught.value.problem is problem, caught.value.detail
    return caught.value
