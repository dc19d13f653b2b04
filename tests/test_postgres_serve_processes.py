# SPDX-License-Identifier: EUPL-1.2
"""Two ``baliecheck serve`` processes started together on one new PostgreSQL database: the
schema is made once, and an override sent to each with the same Idempotency-Key is stored once.

The processes share the installation key through a file keyring (bench/keyring_file.py), as
two machines do after ``credentials export``/``import``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
import subprocess
import time
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import psycopg
import pytest

from app.eligibility.embedded.migrations import scripts
from app.eligibility.embedded.pg_store import PostgresStore
from app.eligibility.embedded.sample_data import sample_citizens, seed_training_store
from tests.served import free_port
from tests.test_cli import BALIECHECK
from tests.test_postgres_serve import override_body

if TYPE_CHECKING:
    from collections.abc import Iterator

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[1]


def start(tmp_path: Path, name: str, url: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    config = tmp_path / f"{name}.toml"
    config.write_text(
        f'[embedded]\ndatabase_url = "{url}"\n[serve]\nport = {port}\nauth = "none"\n', "utf-8"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "PYTHON_KEYRING_BACKEND": "bench.keyring_file.BenchFileKeyring",
        "BALIECHECK_BENCH_KEYRING": str(tmp_path / "keyring.json"),
        "BALIECHECK_DATA_DIR": str(tmp_path / f"data-{name}"),
        "BALIECHECK_LOG_DIR": str(tmp_path / f"log-{name}"),
    }
    log = (tmp_path / f"{name}.log").open("wb")
    with log:
        process = subprocess.Popen(
            [BALIECHECK, "--config", str(config), "serve"],
            stdout=subprocess.DEVNULL,
            stderr=log,
            env=env,
        )
    return process, f"http://127.0.0.1:{port}"


def wait_for(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + 60
    while True:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url + "/v1/health", timeout=2).status_code in (200, 503):
                return
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"serve did not start:\n{log.read_text(errors='replace')}")
        time.sleep(0.2)


@pytest.fixture
def two_processes(pg_url: str, tmp_path: Path) -> Iterator[tuple[str, str, bytes]]:
    key = secrets.token_bytes(32)
    keyring_file = tmp_path / "keyring.json"
    keyring_file.write_text(json.dumps({"baliecheck/pseudonym-key": key.hex()}), "utf-8")
    os.chmod(keyring_file, 0o600)
    started = [start(tmp_path, name, pg_url) for name in ("a", "b")]  # at the same moment
    try:
        for (process, url), name in zip(started, ("a", "b"), strict=True):
            wait_for(process, url, tmp_path / f"{name}.log")
        yield started[0][1], started[1][1], key
    finally:
        for process, _ in started:
            process.terminate()
        for process, _ in started:
            process.wait(10)


def test_postgres_serve_processes_migrate_once_and_store_an_override_once(
    two_processes: tuple[str, str, bytes], pg_url: str
) -> None:
    first, second, key = two_processes
    with psycopg.connect(pg_url, autocommit=True) as conn:
        versions = conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
    assert versions == [(version,) for version, _, _ in scripts()]
    store = PostgresStore(pg_url, key=key)
    seed_training_store(store, dt.date(2026, 1, 1))
    store.close()
    headers = {"X-Request-Id": "7d3c1a52-8f0e-4b8e-9d35-3f4a3c2b1a00"}
    body = {
        "service": "uitpas-kansentarief",
        "insz": sample_citizens()[1].national_number.digits,
        "desk": "b",
        "channel": "card",
    }
    advice = httpx.post(first + "/v1/advice", json=body, headers=headers, timeout=10)
    assert advice.json()["outcome"]["code"] == "KANSENTARIEF"
    override = override_body(advice.json()["advice_id"])
    sent = [
        httpx.post(
            url + "/v1/overrides",
            json=override,
            headers=headers | {"Idempotency-Key": "idem-process-0001"},
            timeout=10,
        )
        for url in (first, second)
    ]
    assert [response.status_code for response in sent] == [201, 201]
    assert sent[0].json() == sent[1].json()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM overrides").fetchone() == (1,)
