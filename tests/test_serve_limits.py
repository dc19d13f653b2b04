# SPDX-License-Identifier: EUPL-1.2
"""serve's limits against misbehaving clients: big or slow bodies, half requests, hang-ups,
too many connections and too many failed sign-ins. Raw sockets act as the bad clients."""

from __future__ import annotations

import logging
import socket
import time
from contextlib import ExitStack
from typing import TYPE_CHECKING

import httpx
import pytest

from app.settings.config import ServeSettings
from tests.serve_support import TOKEN, ServedServer, call, training_api

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

SHORT = ServeSettings(header_timeout_s=0.3, body_timeout_s=0.3, max_body_bytes=4096)
HEAD = (
    "POST /v1/advice HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    f"Authorization: Bearer {TOKEN}\r\nX-Request-Id: 8f8c2a4e-7a0e-4a47-9d43-1c2d3e4f5a6b\r\n"
)


def _served(tmp_path: Path, settings: ServeSettings) -> Iterator[ServedServer]:
    api, engine = training_api(tmp_path, settings)
    with ServedServer(api, settings) as server:
        yield server
    engine.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[ServedServer]:
    yield from _served(tmp_path, SHORT)


def _connect(served: ServedServer) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", served.port), timeout=10)
    sock.settimeout(10)  # a guard against a hung test, not a timing assertion
    return sock


def _read_all(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection."""
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


def test_serve_limits_half_a_request_head_is_cut_off(served: ServedServer) -> None:
    with _connect(served) as sock:
        sock.sendall(b"GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        assert _read_all(sock) == b""  # closed, without an answer


def test_serve_limits_a_silent_connection_is_closed(served: ServedServer) -> None:
    with _connect(served) as sock:
        assert _read_all(sock) == b""


def test_serve_limits_a_kept_alive_connection_gets_the_same_deadline(served: ServedServer) -> None:
    with _connect(served) as sock:
        sock.sendall(b"GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\nGET /v1/health HTTP/1.1\r\n")
        answer = _read_all(sock)
    assert answer.startswith(b"HTTP/1.1 200")
    assert answer.count(b"HTTP/1.1") == 1  # the half second request got no answer


def test_serve_limits_a_slow_body_is_refused(served: ServedServer) -> None:
    with _connect(served) as sock:
        sock.sendall(HEAD.encode() + b'Content-Length: 100\r\n\r\n{"service":')
        answer = _read_all(sock)
    assert answer.startswith(b"HTTP/1.1 400")
    assert b"application/problem+json" in answer
    assert b"did not arrive within" in answer


def test_serve_limits_a_streamed_body_over_the_limit_is_413(served: ServedServer) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"desk": "'
        for _ in range(100):
            yield b"x" * 1024

    answer = call(
        served.url,
        "POST",
        "/v1/advice",
        content=chunks(),
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 413
    assert answer.json()["type"] == "urn:eligibility:problem:payload-too-large"


def test_serve_limits_a_declared_big_body_is_413_before_it_is_sent(served: ServedServer) -> None:
    with _connect(served) as sock:
        sock.sendall(HEAD.encode() + b"Content-Length: 100000000\r\n\r\n")
        answer = _read_all(sock)
    assert answer.startswith(b"HTTP/1.1 413")
    assert b"payload-too-large" in answer


def test_serve_limits_a_hang_up_mid_body_is_an_info_line(
    served: ServedServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with _connect(served) as sock:
        sock.sendall(HEAD.encode() + b'Content-Length: 100\r\n\r\n{"serv')
    deadline = time.monotonic() + 10
    while not any("hung up" in r.getMessage() for r in caplog.records):
        assert time.monotonic() < deadline, "no log line about the hang-up"
        time.sleep(0.02)
    hang_up = next(r for r in caplog.records if "hung up" in r.getMessage())
    assert hang_up.levelno == logging.INFO
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert all(r.exc_info is None for r in caplog.records)


def test_serve_limits_bound_the_connections(tmp_path: Path) -> None:
    settings = ServeSettings(max_connections=4)
    for served in _served(tmp_path, settings):
        with ExitStack() as idle:
            for _ in range(4):
                idle.enter_context(_connect(served))
            answer = httpx.get(served.url + "/v1/health", timeout=10)
        assert answer.status_code == 503
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["type"] == "urn:eligibility:problem:source-unavailable"
        assert answer.headers["retry-after"] == "1"
        deadline = time.monotonic() + 10  # the closed ones may take a moment to be seen
        while httpx.get(served.url + "/v1/health", timeout=10).status_code != 200:
            assert time.monotonic() < deadline, "still refused after the others left"
            time.sleep(0.05)


def test_serve_limits_failed_sign_ins_are_logged_and_throttled(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    settings = ServeSettings(auth_failures_max=3, auth_failures_window_s=600)
    wrong = "wrong-token-abcdefghijklmnop"
    for served in _served(tmp_path, settings):
        bad = {"Authorization": f"Bearer {wrong}"}
        statuses = [
            call(served.url, "GET", "/v1/services", headers=bad).status_code for _ in range(3)
        ]
        assert statuses == [401, 401, 401]
        locked = call(served.url, "GET", "/v1/services")  # even the right token, for now
        assert locked.status_code == 429
        assert locked.headers["content-type"] == "application/problem+json"
        assert locked.json()["type"] == "urn:eligibility:problem:rate-limited"
        assert 1 <= int(locked.headers["retry-after"]) <= 600
        assert call(served.url, "GET", "/v1/health").status_code == 200  # needs no sign-in
    refusals = [r for r in caplog.records if "sign-in refused" in r.getMessage()]
    assert len(refusals) == 3
    assert all(r.levelno == logging.WARNING and "127.0.0.1" in r.getMessage() for r in refusals)
    assert wrong not in caplog.text
    assert TOKEN not in caplog.text
