# SPDX-License-Identifier: EUPL-1.2
"""The remote client's transport: timeouts, the call deadline, connect retries and TLS trust."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import httpx
import pytest

from app.eligibility.remote.client import RemoteEligibility, retry_after_s
from app.problems import Problem
from app.settings.config import RemoteSettings
from app.settings.credentials import KeyringCredentials
from tests.bad_backend import (
    ADVICE_DOC,
    HEALTH_DOC,
    BadBackend,
    Reply,
    advice_query,
    closed_port,
    fails,
    json_reply,
    make_remote,
)
from tests.tls_certs import ServerCertificate, make_server_certificate

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

ADVICE = "/v1/advice"


@pytest.fixture
def backend() -> Iterator[BadBackend]:
    with BadBackend() as server:
        yield server


def test_remote_slow_backend_times_out(backend: BadBackend) -> None:
    backend.script("POST", ADVICE, Reply(body=json.dumps(ADVICE_DOC).encode(), delay_s=5))
    with make_remote(backend.url, timeout_s=0.3) as client:
        fails(lambda: client.advise(advice_query()), Problem.BACKEND_TIMEOUT)
    assert len(backend.received(ADVICE)) == 1  # a read timeout is not retried


@pytest.mark.parametrize("headers_too", [False, True])
def test_remote_trickling_backend_is_cut_at_the_deadline(
    backend: BadBackend, headers_too: bool
) -> None:
    # One byte every 0.05 s never trips a per-read timeout; only the deadline stops it.
    body = json.dumps(ADVICE_DOC).encode()
    backend.script("POST", ADVICE, Reply(body=body, trickle_s=0.05, trickle_headers=headers_too))
    with make_remote(backend.url, timeout_s=0.4) as client:
        fails(lambda: client.advise(advice_query()), Problem.BACKEND_TIMEOUT)


def test_remote_unreachable_backend_after_connect_retries() -> None:
    with make_remote(f"http://127.0.0.1:{closed_port()}") as client:
        error = fails(lambda: client.advise(advice_query()), Problem.BACKEND_UNREACHABLE)
    assert "ConnectError" in error.detail


class _RefuseFirst(httpx.BaseTransport):
    """Real HTTP, except that the first ``refusals`` sends fail as a refused connection.

    A refused-then-accepted connection cannot be staged on loopback without racing a
    server start, so this one fault is injected above the socket.
    """

    def __init__(self, refusals: int) -> None:
        self._inner = httpx.HTTPTransport()
        self.refusals = refusals
        self.request_ids: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.request_ids.append(request.headers["x-request-id"])
        if self.refusals:
            self.refusals -= 1
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


def test_remote_connect_failure_is_retried_with_the_same_request_id(backend: BadBackend) -> None:
    backend.script("POST", ADVICE, json_reply(ADVICE_DOC))
    settings = RemoteSettings.model_validate(
        {"base_url": backend.url, "auth": "none", "max_retry_after_s": 0}
    )
    transport = _RefuseFirst(2)
    with RemoteEligibility(settings, KeyringCredentials(), transport=transport) as client:
        assert client.advise(advice_query()).advice_id == "adv-1"
    assert len(transport.request_ids) == 3
    assert set(transport.request_ids) == {backend.received(ADVICE)[0].headers["x-request-id"]}


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> ServerCertificate:
    return make_server_certificate(tmp_path_factory.mktemp("tls"))


def test_remote_untrusted_certificate_is_a_tls_failure(certificate: ServerCertificate) -> None:
    with BadBackend(tls=certificate) as server, make_remote(server.url) as client:
        server.script("POST", ADVICE, json_reply(ADVICE_DOC))
        error = fails(lambda: client.advise(advice_query()), Problem.BACKEND_TLS_FAILED)
        assert server.received() == []  # not retried, nothing sent
    assert "certificate" in error.detail


def test_remote_certificate_trusted_through_the_ca_bundle(certificate: ServerCertificate) -> None:
    with BadBackend(tls=certificate) as server:
        server.script("POST", ADVICE, json_reply(ADVICE_DOC))
        server.script("GET", "/v1/health", json_reply(HEALTH_DOC))
        with make_remote(server.url, ca_bundle=certificate.ca_file) as client:
            assert client.advise(advice_query()).advice_id == "adv-1"
            assert client.health().status == "ok"


def test_remote_unusable_ca_bundle_is_a_configuration_error(tmp_path: Path) -> None:
    bundle = tmp_path / "ca.pem"
    bundle.write_text("not a certificate")
    fails(lambda: make_remote("https://127.0.0.1:1", ca_bundle=bundle), Problem.CONFIG_INVALID)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("0", 0.0),
        (" 7 ", 7.0),
        ("Tue, 04 Mar 2025 10:00:30 GMT", 30.0),
        ("Tue, 04 Mar 2025 09:00:00 GMT", 0.0),  # in the past: at once
        ("soon", None),
        ("-1", None),
        (None, None),
    ],
)
def test_remote_retry_after_reads_seconds_and_dates(
    value: str | None, seconds: float | None
) -> None:
    now = dt.datetime(2025, 3, 4, 10, 0, tzinfo=dt.UTC)
    assert retry_after_s(value, now=now) == seconds


def test_remote_call_budget_bounds_retries_and_waits(backend: BadBackend) -> None:
    with make_remote(backend.url, timeout_s=5, advice_retries=2, max_retry_after_s=5) as client:
        assert client.call_budget_s(0) == 5
        assert client.call_budget_s(2) == 25
