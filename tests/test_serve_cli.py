# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck serve`` as an admin starts it: refusals with exit 2, and JSON log lines."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import httpx
import pytest

from app.cli.main import main
from app.settings.config import load_config
from tests.served import free_port

if TYPE_CHECKING:
    from pathlib import Path


def _serve(config: Path, *args: str) -> tuple[int, str]:
    err = io.StringIO()
    status = main(["--lang", "en", "--config", str(config), "serve", *args], out=err, err=err)
    return status, err.getvalue()


def _config(tmp_path: Path, serve: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f"training = true\n[serve]\n{serve}\n", encoding="utf-8")
    return path


def test_serve_cli_refuses_no_auth_off_loopback(tmp_path: Path) -> None:
    config = _config(tmp_path, 'auth = "none"')
    for host in ("0.0.0.0", "192.168.1.20", "::"):
        status, text = _serve(config, "--host", host)
        assert status == 2, text
        assert "auth = 'none'" in text
        assert "loopback" in text
        assert "[CONFIG_INVALID]" in text


def test_serve_cli_refuses_the_same_in_the_file(tmp_path: Path) -> None:
    config = _config(tmp_path, 'host = "0.0.0.0"\nauth = "none"')
    status, text = _serve(config)
    assert status == 2
    assert f"{config}: serve.host: auth = 'none'" in text
    assert "loopback" in text
    assert load_config(config).serve.host == "0.0.0.0"  # a desk with this file still starts


@pytest.mark.parametrize(
    ("serve", "key"),
    [
        ('tls_cert = "{d}/missing.pem"\ntls_key = "{d}/missing.key"', "serve.tls_cert"),
        ('tls_cert = "{d}/missing.pem"', "tls_cert and tls_key go together"),
        ('tls_client_ca = "{d}/ca.pem"', "tls_client_ca needs tls_cert"),
    ],
)
def test_serve_cli_names_a_wrong_tls_setting(tmp_path: Path, serve: str, key: str) -> None:
    config = _config(tmp_path, 'auth = "none"\n' + serve.format(d=tmp_path))
    status, text = _serve(config, "--port", str(free_port()))
    assert status == 2, text
    assert key in text


def test_serve_cli_json_log_lines_for_each_request(tmp_path: Path) -> None:
    config = _config(tmp_path, 'auth = "none"')
    port = free_port()
    command = [sys.executable, "-c", "from app.cli.main import main; raise SystemExit(main())"]
    command += ["--config", str(config), "serve", "--port", str(port), "--log-format", "json"]
    env = os.environ | {"BALIECHECK_DATA_DIR": str(tmp_path / "data")}
    with subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True) as server:
        try:
            _wait_until_up(port, server)
            assert httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=5).status_code == 200
        finally:
            os.kill(server.pid, signal.SIGTERM)
            _, stderr = server.communicate(timeout=20)
    entries = [json.loads(line) for line in stderr.splitlines() if line.strip()]
    access = [e for e in entries if e["logger"] == "app.serve.access"]
    assert [(e["method"], e["path"], e["status"]) for e in access][-1] == ("GET", "/v1/health", 200)
    assert {"time", "level", "message", "request_id", "duration_ms"} <= set(access[-1])


def _wait_until_up(port: int, server: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while True:
        assert server.poll() is None, "serve stopped"
        try:
            httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1)
        except httpx.TransportError:
            assert time.monotonic() < deadline, "serve did not come up"
            time.sleep(0.1)
        else:
            return


def test_serve_cli_connections_get_tcp_nodelay() -> None:
    """Each connection accepted from serve's listening socket sends at once (TCP_NODELAY):
    without it, every answer on a kept-alive connection waited ~40 ms for a delayed ACK
    (87 advices/s instead of ~950 in bench/eligibility_served.py)."""
    import asyncio
    import socket

    from app.cli.commands.serve import listening_socket

    async def accepted_nodelay() -> int:
        seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        class Probe(asyncio.Protocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                sock = transport.get_extra_info("socket")
                seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        listening = listening_socket("127.0.0.1", free_port())
        server = await asyncio.get_running_loop().create_server(Probe, sock=listening)
        _reader, writer = await asyncio.open_connection(*listening.getsockname())
        try:
            return await asyncio.wait_for(seen, 5)
        finally:
            writer.close()
            server.close()

    assert asyncio.run(accepted_nodelay()) != 0
