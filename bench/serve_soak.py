# SPDX-License-Identifier: EUPL-1.2
"""serve's memory under a long load: does it stay flat?

A real ``baliecheck serve`` (training data, SQLite, auth none on loopback) and ``--desks``
keep-alive clients (threads of this process) asking advices of every shipped service in turn
for ``--minutes`` (default 10); serve's resident memory (``/proc/PID/status`` VmRSS) sampled
every ``--every`` seconds. Prints the samples, the advices served, and the growth over the
last two thirds of the run (after the warm-up), which is the figure to watch: flat is a few
MB at most. From the repository root: ``.venv/bin/python -m bench.serve_soak``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

if __package__ in (None, ""):  # run as a file: the repository root holds app/ and eid/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.eligibility.embedded.sample_data import sample_citizens  # noqa: E402
from bench.eligibility_served import start_server  # noqa: E402
from tests.served import free_port  # noqa: E402


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def desk(port: int, until: float, served: list[int]) -> None:
    """One keep-alive client asking advices until ``until`` (monotonic)."""
    people = [c.national_number.digits for c in sample_citizens()]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/v1/services")
    services = [s["code"] for s in json.loads(connection.getresponse().read())["services"]]
    count = 0
    try:
        while time.monotonic() < until:
            body = {
                "service": services[count % len(services)],
                "insz": people[count % len(people)],
                "desk": "soak-desk",
                "channel": "card",
            }
            headers = {"Content-Type": "application/json", "X-Request-Id": str(uuid.uuid4())}
            connection.request("POST", "/v1/advice", json.dumps(body), headers)
            response = connection.getresponse()
            response.read()
            if response.status not in (200, 422):
                raise RuntimeError(f"advice failed: HTTP {response.status}")
            count += 1
    finally:
        connection.close()
        served.append(count)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--desks", type=int, default=4)
    parser.add_argument("--every", type=float, default=30.0, help="seconds between samples")
    args = parser.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="baliecheck-soak-") as tmp:
        server = start_server(Path(tmp), port)
        try:
            until = time.monotonic() + args.minutes * 60
            served: list[int] = []
            clients = [
                threading.Thread(target=desk, args=(port, until, served), daemon=True)
                for _ in range(args.desks)
            ]
            for client in clients:
                client.start()
            samples = []
            started = time.monotonic()
            while time.monotonic() < until:
                samples.append((time.monotonic() - started, rss_mb(server.pid)))
                print(f"t={samples[-1][0]:6.0f} s  serve RSS {samples[-1][1]:6.1f} MB", flush=True)
                time.sleep(min(args.every, max(until - time.monotonic(), 0.1)))
            for client in clients:
                client.join(60)
            samples.append((time.monotonic() - started, rss_mb(server.pid)))
        finally:
            server.terminate()
            server.wait(10)
    third = len(samples) // 3
    growth = samples[-1][1] - samples[third][1]
    print(
        f"served    {sum(served):,} advices in {args.minutes:g} min by {args.desks} desks "
        f"({sum(served) / (args.minutes * 60):,.0f}/s)"
    )
    print(
        f"memory    {samples[0][1]:.1f} MB at start, {samples[-1][1]:.1f} MB at the end; "
        f"growth over the last two thirds {growth:+.1f} MB (target: flat)"
    )


if __name__ == "__main__":
    main()
