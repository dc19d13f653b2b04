# SPDX-License-Identifier: EUPL-1.2
"""Advices per second through ``baliecheck serve`` on loopback, with a few concurrent desks.

The server runs as its own process (``baliecheck serve``, training data, no auth), the desks
are threads in this process, each with our RemoteEligibility client (keep-alive, full
response validation). Prints requests/s and per-request median and p99. Target: >= 1 000/s.
From the repository root: ``.venv/bin/python -m bench.eligibility_served``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a file: the repository root holds app/ and eid/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.eligibility.embedded.sample_data import sample_citizens  # noqa: E402
from app.eligibility.port import AdviceQuery  # noqa: E402
from app.eligibility.remote.client import RemoteEligibility  # noqa: E402
from app.eligibility.wire import Channel  # noqa: E402
from app.problems import AppError, Problem  # noqa: E402
from app.settings.config import RemoteSettings  # noqa: E402
from app.settings.credentials import KeyringCredentials  # noqa: E402
from bench.timing import machine_text, p99  # noqa: E402
from tests.served import free_port  # noqa: E402

BALIECHECK = str(Path(sys.executable).parent / "baliecheck")


# Answers the server gives without an advice, for sample citizens a service cannot decide
# (a child's rule for an adult with no birth date, a list a rule reads that training lacks).
ANSWERS_WITHOUT_ADVICE = frozenset({Problem.INSUFFICIENT_DATA, Problem.PERSON_UNKNOWN})


def start_server(workdir: Path, port: int) -> subprocess.Popen[bytes]:
    """``baliecheck serve`` on ``port`` (training data, no auth), once it answers."""
    config = workdir / "serve.toml"
    config.write_text(f'training = true\n[serve]\nport = {port}\nauth = "none"\n', "utf-8")
    env = {"BALIECHECK_DATA_DIR": str(workdir / "data"), "PATH": "/usr/bin:/bin"}
    # serve logs an access line per request to stderr: into a file, as a service manager would.
    with (workdir / "serve.log").open("wb") as log:
        server = subprocess.Popen(
            [BALIECHECK, "--config", str(config), "serve"],
            stdout=subprocess.DEVNULL,
            stderr=log,
            env=env,
        )
    deadline = time.monotonic() + 15
    while True:
        client = _client(port)
        try:
            client.health()
        except Exception:  # noqa: BLE001 - not up yet
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError("baliecheck serve did not start") from None
            time.sleep(0.1)
        else:
            return server
        finally:
            client.close()


def _client(port: int) -> RemoteEligibility:
    settings = RemoteSettings.model_validate(
        {"base_url": f"http://127.0.0.1:{port}", "auth": "none"}
    )
    return RemoteEligibility(settings, KeyringCredentials())


def _desk(port: int, requests: int, latencies: list[float]) -> None:
    """One desk: ``requests`` advices in a row over one keep-alive connection."""
    people = sample_citizens()
    client = _client(port)
    services = [service.code for service in client.services()]
    own: list[float] = []
    try:
        for index in range(requests):
            person = people[index % len(people)]
            query = AdviceQuery(
                services[index % len(services)], person.national_number, "bench-desk", Channel.CARD
            )
            start = time.perf_counter_ns()
            try:
                client.advise(query)
            except AppError as exc:  # a served "no advice" (e.g. an age that cannot be known)
                if exc.problem not in ANSWERS_WITHOUT_ADVICE:
                    raise
            own.append((time.perf_counter_ns() - start) / 1e6)
    finally:
        client.close()
    latencies.extend(own)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--desks", type=int, default=4, help="concurrent clients")
    parser.add_argument("--requests", type=int, default=1500, help="advices per desk")
    args = parser.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="baliecheck-bench-") as tmp:
        server = start_server(Path(tmp), port)
        try:
            _desk(port, 200, [])  # warm-up
            latencies: list[float] = []
            desks = [
                threading.Thread(target=_desk, args=(port, args.requests, latencies))
                for _ in range(args.desks)
            ]
            start = time.perf_counter()
            for desk in desks:
                desk.start()
            for desk in desks:
                desk.join()
            elapsed = time.perf_counter() - start
        finally:
            server.terminate()
            server.wait(timeout=10)
    total = len(latencies)
    print(f"machine   {machine_text()}")
    print(f"served    baliecheck serve (uvicorn, one process), training data, {args.desks} desks")
    print(f"advices   {total} in {elapsed:.2f} s: {total / elapsed:,.0f} requests/s")
    print(f"latency   median {statistics.median(latencies):.2f} ms, p99 {p99(latencies):.2f} ms")


if __name__ == "__main__":
    main()
