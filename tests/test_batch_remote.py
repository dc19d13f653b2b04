# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck batch`` against a remote backend on loopback: served, slowed, failing, stopped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.eligibility.wire import PROBLEM_TYPE_PREFIX
from app.serve.api import EligibilityApi
from app.services import make_eligibility
from app.settings.config import load_config
from tests.bad_backend import ADVICE_DOC, KANSENTARIEF, SERVICE_DOC, BadBackend, Reply, json_reply
from tests.batch_support import PEOPLE, SERVICE, output_rows, run_cli, set_up, write_input
from tests.served import ServedApp

ROOT = Path(__file__).resolve().parents[1]


def batch(
    config: Path, source: Path, out: Path, *extra: str, service: str = SERVICE
) -> tuple[int, str, str]:
    return run_cli("--config", str(config), "batch", "--service", service, str(source),
                   "--out", str(out), "--backoff", "0.01", *extra)  # fmt: skip


def refs(count: int) -> list[tuple[str, str]]:
    return [(f"R{i}", PEOPLE[i % len(PEOPLE)]) for i in range(count)]


def test_batch_remote_through_serve_equals_embedded(tmp_path: Path) -> None:
    config = set_up(tmp_path)
    source = write_input(tmp_path / "in.csv", refs(40))
    code, _, stderr = batch(config, source, tmp_path / "embedded.csv")
    assert code == 0, stderr
    port = make_eligibility(load_config(config), tmp_path / "data")
    try:
        with ServedApp(EligibilityApi(port, None).app()) as served:
            remote_dir = tmp_path / "remote"
            remote_dir.mkdir()
            remote = set_up(remote_dir, remote_url=served.url)
            code, _, stderr = batch(remote, source, tmp_path / "remote.csv", "--concurrency", "4")
    finally:
        port.close()
    assert code == 0, stderr
    assert output_rows(tmp_path / "remote.csv") == output_rows(tmp_path / "embedded.csv")


def _problem_503(**options: object) -> Reply:
    document = {"type": PROBLEM_TYPE_PREFIX + "source-unavailable", "title": "x", "status": 503}
    return json_reply(document, 503, content_type="application/problem+json", **options)


def test_batch_remote_honours_retry_after_then_decides(tmp_path: Path) -> None:
    with BadBackend() as backend:
        backend.script("GET", "/v1/services", json_reply({"services": [SERVICE_DOC]}))
        backend.script("POST", "/v1/advice", _problem_503(headers=(("Retry-After", "0"),)),
                       json_reply(ADVICE_DOC))  # fmt: skip
        config = set_up(tmp_path, remote_url=backend.url)
        source = write_input(tmp_path / "in.csv", refs(3))
        code, stdout, stderr = batch(
            config, source, tmp_path / "uit.csv", service="uitpas-kansentarief"
        )
        assert code == 0, stderr
        assert len(backend.received("/v1/advice")) == 4
    assert [row[1] for row in output_rows(tmp_path / "uit.csv")[1:]] == ["KANSENTARIEF"] * 3


def test_batch_remote_that_stops_answering_leaves_the_rest_not_decided(tmp_path: Path) -> None:
    with BadBackend() as backend:
        backend.script("GET", "/v1/services", json_reply({"services": [SERVICE_DOC]}))
        backend.script("POST", "/v1/advice", json_reply(ADVICE_DOC), json_reply(ADVICE_DOC),
                       _problem_503())  # fmt: skip
        config = set_up(tmp_path, remote_url=backend.url)
        source = write_input(tmp_path / "in.csv", refs(5))
        code, stdout, stderr = batch(
            config, source, tmp_path / "uit.csv", "--concurrency", "1",
            service="uitpas-kansentarief",
        )  # fmt: skip
        asked = len(backend.received("/v1/advice"))
    assert code == 4, stderr
    assert asked == 2 + 4  # the failing row: once and three retries; later rows never asked
    rows = output_rows(tmp_path / "uit.csv")[1:]
    assert [(r[0], r[1], r[5]) for r in rows] == [
        ("R0", "KANSENTARIEF", ""),
        ("R1", "KANSENTARIEF", ""),
        ("R2", "", "NOT_DECIDED"),
        ("R3", "", "NOT_DECIDED"),
        ("R4", "", "NOT_DECIDED"),
    ]
    assert "3 rijen NIET beslist" in stdout
    assert "regels: 4-6" in stdout
    assert "SOURCE_UNAVAILABLE" in stdout
    everything = stdout + stderr + (tmp_path / "uit.csv").read_text(encoding="utf-8")
    assert not any(number in everything for number in PEOPLE)


def test_batch_remote_concurrent_failure_never_fills_in(tmp_path: Path) -> None:
    with BadBackend() as backend:
        backend.script("GET", "/v1/services", json_reply({"services": [SERVICE_DOC]}))
        backend.script("POST", "/v1/advice", *[json_reply(ADVICE_DOC)] * 10, _problem_503())
        config = set_up(tmp_path, remote_url=backend.url)
        source = write_input(tmp_path / "in.csv", refs(60))
        code, _, _ = batch(config, source, tmp_path / "uit.csv", "--concurrency", "4",
                           service="uitpas-kansentarief")  # fmt: skip
    assert code == 4
    rows = output_rows(tmp_path / "uit.csv")[1:]
    assert [r[0] for r in rows] == [f"R{i}" for i in range(60)]
    decided = [r for r in rows if r[1]]
    assert len(decided) == 10
    assert all(r[5] == "NOT_DECIDED" and not r[2] for r in rows if not r[1])


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_batch_interrupted_leaves_no_output(tmp_path: Path, signum: signal.Signals) -> None:
    with BadBackend() as backend:
        backend.script("GET", "/v1/services", json_reply({"services": [SERVICE_DOC]}))
        backend.script("POST", "/v1/advice", json_reply(ADVICE_DOC, delay_s=0.05))
        config = set_up(tmp_path, remote_url=backend.url)
        source = write_input(tmp_path / "in.csv", refs(2000))
        out_dir = tmp_path / "out"
        out_dir.mkdir()
        env = dict(os.environ, PYTHONPATH=str(ROOT),
                   PYTHON_KEYRING_BACKEND="tests.keyring_memory.InMemoryKeyring")  # fmt: skip
        child = subprocess.Popen(
            [sys.executable, "-c", "from app.cli.main import main; raise SystemExit(main())",
             "--config", str(config), "batch", "--service", "uitpas-kansentarief", str(source),
             "--out", str(out_dir / "uit.csv"), "--concurrency", "2"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            _wait_for(lambda: len(backend.received("/v1/advice")) >= 4)
            child.send_signal(signum)
            _, stderr = child.communicate(timeout=30)
        finally:
            child.kill()
    assert child.returncode == 130, stderr
    assert "Onderbroken" in stderr
    assert "Traceback" not in stderr
    assert list(out_dir.iterdir()) == []


def _wait_for(condition: object) -> None:
    deadline = time.monotonic() + 30
    while not callable(condition) or not condition():
        assert time.monotonic() < deadline, "the batch run did not start"
        time.sleep(0.02)


def test_batch_remote_never_writes_an_outcome_its_catalogue_contradicts(tmp_path: Path) -> None:
    """The same verdict check as the desk: a contradicting or expired advice is a row's
    problem, never an outcome handed to a third party."""
    contradicting = ADVICE_DOC | {"outcome": KANSENTARIEF | {"eligible": False}}
    unknown = ADVICE_DOC | {"outcome": KANSENTARIEF | {"code": "GRATIS_ALLES"}}
    expired = ADVICE_DOC | {"valid_until": "2020-01-01"}
    with BadBackend() as backend:
        backend.script("GET", "/v1/services", json_reply({"services": [SERVICE_DOC]}))
        backend.script("POST", "/v1/advice", json_reply(contradicting), json_reply(unknown),
                       json_reply(expired), json_reply(ADVICE_DOC))  # fmt: skip
        config = set_up(tmp_path, remote_url=backend.url)
        source = write_input(tmp_path / "in.csv", refs(4))
        out = tmp_path / "uit.csv"  # one question at a time: the scripted answers in row order
        code, _, stderr = batch(
            config, source, out, "--concurrency", "1", service="uitpas-kansentarief"
        )
    assert code == 0, stderr
    rows = output_rows(out)
    problem = rows[0].index("problem")
    assert [(row[1], row[problem]) for row in rows[1:]] == [
        ("", "BACKEND_CONTRADICTS_CATALOGUE"),
        ("", "BACKEND_CONTRADICTS_CATALOGUE"),
        ("", "ADVICE_EXPIRED"),
        ("KANSENTARIEF", ""),
    ]
