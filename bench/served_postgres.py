# SPDX-License-Identifier: EUPL-1.2
"""Served advices per second on SQLite and on PostgreSQL, one and two instances, in one run;
and a 1-million-row list import into PostgreSQL.

A throw-away PostgreSQL cluster (Debian's binaries, Unix socket, fsync on as a real server)
and real ``baliecheck serve`` processes (auth none on loopback; the installation key shared
through a file keyring, bench.keyring_file). ``--desks`` client threads in this process
(default 8, each a light keep-alive HTTP client, see ``desk``) ask
``--requests`` advices each, every shipped service in turn, for the sample citizens, against
(a) one serve on SQLite, (b) one serve on PostgreSQL, (c) two serve on that PostgreSQL (half
the desks each, as a load balancer would). Prints advices/s, p50/p99, and CPU seconds per
1 000 advices of the server side (serve processes, plus PostgreSQL's for b and c) and of the
clients (this process). Then the
import of ``--import-rows`` rows (default 1 000 000) through the PostgreSQL store: time and
this process's peak RSS growth. Targets on the 2-core machine: (b) >= 0.7 x (a);
(c) >= 1.2 x (b); import <= 20 s. From the repository root:
``.venv/bin/python -m bench.served_postgres``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a file: the repository root holds app/ and eid/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import keyring  # noqa: E402

from app.eligibility.embedded.lists.store import SourceStore  # noqa: E402
from app.eligibility.embedded.pg_store import PostgresStore  # noqa: E402
from app.eligibility.embedded.sample_data import sample_citizens, seed_training_store  # noqa: E402
from app.settings.credentials import KeyringCredentials, pseudonym_key  # noqa: E402
from bench.eligibility_embedded import write_csv  # noqa: E402
from bench.eligibility_served import _client  # noqa: E402
from bench.keyring_file import BenchFileKeyring  # noqa: E402
from bench.timing import machine_text, p99  # noqa: E402
from tests.postgres_cluster import Cluster, binaries, start, stop  # noqa: E402
from tests.served import free_port  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BALIECHECK = str(Path(sys.executable).parent / "baliecheck")
AS_OF = dt.date(2026, 1, 1)
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Result:
    name: str
    advices: int
    seconds: float
    latencies: list[float]
    cpu_s: float
    client_cpu_s: float

    @property
    def rate(self) -> float:
        return self.advices / self.seconds

    def line(self) -> str:
        return (
            f"{self.name:<28} {self.rate:7,.0f} advices/s  "
            f"p50 {statistics.median(self.latencies):6.2f} ms  p99 {p99(self.latencies):6.2f} ms  "
            f"CPU per 1000: server {1000 * self.cpu_s / self.advices:4.2f} s, "
            f"clients {1000 * self.client_cpu_s / self.advices:4.2f} s"
        )


def desk(port: int, requests: int, latencies: list[float]) -> None:
    """One desk: ``requests`` advices in a row over one keep-alive connection, each shipped
    service in turn for the sample citizens. A light client (http.client, the JSON checked
    for an outcome or a problem type, not validated): the clients share the two cores with
    the servers and the database, so they should take little of them. A problem answer
    (insufficient-data: sample numbers without a birth date) is an answer too."""
    people = [c.national_number.digits for c in sample_citizens()]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.connect()
    connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    headers = {"Content-Type": "application/json"}
    connection.request("GET", "/v1/services")
    listed = json.loads(connection.getresponse().read())["services"]
    services = [service["code"] for service in listed]
    own: list[float] = []
    try:
        for index in range(requests):
            body = json.dumps(
                {
                    "service": services[index % len(services)],
                    "insz": people[index % len(people)],
                    "desk": "bench-desk",
                    "channel": "card",
                }
            )
            began = time.perf_counter_ns()
            request_headers = headers | {"X-Request-Id": str(uuid.uuid4())}
            connection.request("POST", "/v1/advice", body, request_headers)
            response = connection.getresponse()
            answer = json.loads(response.read())
            own.append((time.perf_counter_ns() - began) / 1e6)
            if response.status not in (200, 422) or not ("outcome" in answer or "type" in answer):
                raise RuntimeError(f"advice failed: HTTP {response.status}")
    finally:
        connection.close()
    latencies.extend(own)


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU of these processes so far."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / TICKS


def postgres_pids(cluster: Cluster) -> list[int]:
    """The postmaster and its children (backends, writer, WAL writer, ...)."""
    found = [cluster.pid]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            continue
        if parent == cluster.pid:
            found.append(int(stat.parent.name))
    return found


def environment(tmp: Path, name: str) -> dict[str, str]:
    return {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "PYTHON_KEYRING_BACKEND": "bench.keyring_file.BenchFileKeyring",
        "BALIECHECK_BENCH_KEYRING": str(tmp / "keyring.json"),
        "BALIECHECK_DATA_DIR": str(tmp / f"data-{name}"),
        "BALIECHECK_LOG_DIR": str(tmp / f"log-{name}"),
    }


def start_serve(tmp: Path, name: str, embedded: str) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    config = tmp / f"{name}.toml"
    config.write_text(f'[embedded]\n{embedded}\n[serve]\nport = {port}\nauth = "none"\n', "utf-8")
    with (tmp / f"{name}.log").open("wb") as log:
        server = subprocess.Popen(
            [BALIECHECK, "--config", str(config), "serve"],
            stdout=subprocess.DEVNULL,
            stderr=log,
            env=environment(tmp, name),
        )
    deadline = time.monotonic() + 30
    while True:
        client = _client(port)
        try:
            client.health()
        except Exception:  # noqa: BLE001 - not up yet
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError(f"serve {name} did not start: see {tmp / name}.log") from None
            time.sleep(0.2)
        else:
            return server, port
        finally:
            client.close()


def load(name: str, ports: list[int], desks: int, requests: int, watched: list[int]) -> Result:
    """``desks`` desks spread over ``ports``, each ``requests`` advices."""
    for port in ports:
        desk(port, 300, [])  # warm-up: connections, prepared statements
    latencies: list[float] = []
    threads = [
        threading.Thread(target=desk, args=(ports[index % len(ports)], requests, latencies))
        for index in range(desks)
    ]
    cpu = cpu_seconds(watched)
    clients = time.process_time()
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    client_cpu = time.process_time() - clients
    return Result(name, len(latencies), elapsed, latencies, cpu_seconds(watched) - cpu, client_cpu)


def bench_import(url: str, tmp: Path, rows: int, key: bytes) -> str:
    csv_path = tmp / "big.csv"
    write_csv(csv_path, rows, windows=True)
    size_mb = csv_path.stat().st_size / 1e6
    store = PostgresStore(url, key=key)
    try:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        began = time.perf_counter()
        imported = store.import_csv("leefloon", csv_path, as_of=AS_OF)
        elapsed = time.perf_counter() - began
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before
    finally:
        store.close()
    return (
        f"import      {imported.rows:,} rows ({size_mb:.0f} MB CSV) into PostgreSQL in "
        f"{elapsed:.1f} s ({imported.rows / elapsed:,.0f} rows/s; target <= 20 s), "
        f"peak RSS growth {grown:.0f} MB"
    )


def seed(tmp: Path, url: str, key: bytes) -> None:
    """The sample lists into both stores, under the key the serve processes will read."""
    sqlite = SourceStore(tmp / "sources.sqlite", key=key)
    seed_training_store(sqlite, AS_OF)
    sqlite.close()
    postgres = PostgresStore(url, key=key)
    seed_training_store(postgres, AS_OF)
    postgres.close()


def run(tmp: Path, desks: int, requests: int, import_rows: int) -> list[str]:
    bin_dir = binaries()
    if bin_dir is None:
        raise SystemExit("PostgreSQL is not installed (apt-get install postgresql)")
    os.environ.update(environment(tmp, "bench"))
    keyring.set_keyring(BenchFileKeyring())  # type: ignore[no-untyped-call]
    key = pseudonym_key(KeyringCredentials(), create=True)
    base = Path(tempfile.mkdtemp(prefix="baliecheck-pg-bench-"))
    cluster = start(bin_dir, base, durable=True)
    servers: list[subprocess.Popen[bytes]] = []
    try:
        url = cluster.url("postgres")
        seed(tmp, url, key)
        results = []
        server, port = start_serve(tmp, "sqlite", f'store = "{tmp / "sources.sqlite"}"')
        servers.append(server)
        results.append(load("(a) 1 serve, SQLite", [port], desks, requests, [server.pid]))
        server.terminate()
        server.wait(10)
        first, port_a = start_serve(tmp, "pg-a", f'database_url = "{url}"')
        servers.append(first)
        watched = [first.pid, *postgres_pids(cluster)]
        results.append(load("(b) 1 serve, PostgreSQL", [port_a], desks, requests, watched))
        second, port_b = start_serve(tmp, "pg-b", f'database_url = "{url}"')
        servers.append(second)
        both = [port_a, port_b]
        watched = [first.pid, second.pid, *postgres_pids(cluster)]
        results.append(load("(c) 2 serve, one PostgreSQL", both, desks, requests, watched))
        for server in servers:
            server.terminate()
            server.wait(10)
        imported = bench_import(url, tmp, import_rows, key)
    finally:
        for server in servers:
            if server.poll() is None:
                server.kill()
        stop(cluster)
        shutil.rmtree(base, ignore_errors=True)
    a, b, c = results
    return [
        f"machine     {machine_text()}",
        f"load        {desks} desks x {requests} advices, each shipped service in turn, "
        "the sample citizens",
        *(result.line() for result in results),
        f"ratios      (b)/(a) = {b.rate / a.rate:.2f} (target >= 0.7); "
        f"(c)/(b) = {c.rate / b.rate:.2f} (target >= 1.2)",
        imported,
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--desks", type=int, default=8, help="concurrent clients")
    parser.add_argument("--requests", type=int, default=600, help="advices per desk")
    parser.add_argument("--import-rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="baliecheck-bench-") as tmp:
        os.chmod(tmp, 0o755)
        lines = run(Path(tmp), args.desks, args.requests, args.import_rows)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
