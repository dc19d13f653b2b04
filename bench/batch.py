# SPDX-License-Identifier: EUPL-1.2
"""A batch run over Ghent's population (269 000 rows, 7 lists), embedded and through serve.

Whole process, as an admin runs it: ``baliecheck batch`` in its own process, timed from spawn
to exit, its peak RSS from the kernel (wait4). First embedded (floor beside it: the engine's
``advise`` alone, in-process, over the first 20 000 rows); then through ``baliecheck serve``
on loopback (embedded, no auth) with 8 concurrent requests; then ``baliecheck report`` over
one million generated audit records. All numbers are synthetic (valid checksums, birth dates
from 1930 on), never real people. Targets: embedded >= 15 000 rows/s and < 150 MB peak;
served >= 1 000 rows/s; report < 10 s. From the repository root:
``.venv/bin/python -m bench.batch [--rows 269000] [--skip-served] [--skip-report]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a file: the repository root holds app/ and eid/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import keyring  # noqa: E402

from app.audit.decisions import AUDIT_FILE  # noqa: E402
from app.eligibility.embedded.engine import EmbeddedEligibility  # noqa: E402
from app.eligibility.embedded.lists.store import SourceStore  # noqa: E402
from app.eligibility.embedded.rules import load_rules  # noqa: E402
from app.eligibility.port import AdviceQuery  # noqa: E402
from app.eligibility.wire import Channel  # noqa: E402
from app.resource_paths import rules_dir  # noqa: E402
from app.settings.credentials import KeyringCredentials, pseudonym_key  # noqa: E402
from bench.audit import KEY, generate  # noqa: E402
from bench.eligibility_embedded import numbers  # noqa: E402
from bench.keyring_file import BenchFileKeyring  # noqa: E402
from bench.timing import machine_text  # noqa: E402
from eid.insz import NationalNumber  # noqa: E402
from tests.served import free_port  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SERVICE = "gratis-huisvuilzakken"
AS_OF = dt.date(2026, 1, 1)
# Ghent-like shares of 269 000 inhabitants (every row is a resident).
LIST_SHARES = {
    "inwoners": 1.0,
    "verhoogde_tegemoetkoming": 0.18,
    "parkeerkaart_handicap": 0.03,
    "leefloon": 0.02,
    "collectieve_schuldenregeling": 0.015,
    "ocmw_budgetbeheer": 0.01,
    "ocmw_budgetbegeleiding": 0.008,
}
FLOOR_ROWS = 20_000
TIME = "/usr/bin/time"  # GNU time (Debian package "time")


def env_for(workdir: Path) -> dict[str, str]:
    return dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        PYTHON_KEYRING_BACKEND="bench.keyring_file.BenchFileKeyring",
        BALIECHECK_BENCH_KEYRING=str(workdir / "keyring.json"),
        BALIECHECK_DATA_DIR=str(workdir / "data"),
        BALIECHECK_LOG_DIR=str(workdir / "log"),
    )


def write_population(workdir: Path, rows: int) -> Path:
    """``ref,insz`` for ``rows`` synthetic people, written as it streams."""
    path = workdir / "population.csv"
    source = numbers()
    with path.open("w", encoding="utf-8") as stream:
        stream.write("ref,insz\n")
        for index in range(rows):
            stream.write(f"H{index:07d},{next(source)}\n")
    return path


def import_lists(workdir: Path, rows: int, store_file: Path) -> None:
    """The 7 lists: the first share of the population on each (offset so that they overlap)."""
    store = SourceStore(store_file, key=pseudonym_key(KeyringCredentials()))
    try:
        for offset, (name, share) in enumerate(LIST_SHARES.items()):
            size = int(rows * share)
            source = numbers(start=(offset * 7919) % max(rows - size, 1))
            path = workdir / f"{name}.csv"
            with path.open("w", encoding="utf-8") as stream:
                stream.write("insz\n")
                stream.writelines(f"{next(source)}\n" for _ in range(size))
            store.import_csv(name, path, as_of=AS_OF)
            print(f"list      {name:<30} {size:>8,} rows")
    finally:
        store.close()


def write_config(workdir: Path, name: str, backend: str, sections: str) -> Path:
    path = workdir / name
    head = f'training = false\nbackend = "{backend}"\n[desk]\nid = "bench"\nstaff_id = "bench"\n'
    path.write_text(head + sections, "utf-8")
    return path


@dataclass(frozen=True, slots=True)
class Measured:
    seconds: float  # wall clock, spawn to exit
    cpu_seconds: float  # user + system: less at the mercy of other processes on the machine
    peak_mb: float
    code: int


def run_measured(argv: list[str], env: dict[str, str]) -> Measured:
    """Wall and CPU seconds, peak RSS in MB of that process alone, and its exit code.

    The figures come from ``/usr/bin/time`` (a small process between us and the child): a child
    forked straight from this process would count this process's memory at the fork as its own.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as report:
        started = time.perf_counter()
        child = subprocess.run(
            [TIME, "-f", "%M %U %S", "-o", report.name, *argv],
            env=env, stdout=subprocess.DEVNULL, cwd=ROOT, check=False,
        )  # fmt: skip
        elapsed = time.perf_counter() - started
        peak_kib, user, system = report.read().split()[-3:]
    return Measured(elapsed, float(user) + float(system), int(peak_kib) / 1024, child.returncode)


def baliecheck(*argv: str) -> list[str]:
    return [sys.executable, "-c", "from app.cli.main import main; raise SystemExit(main())", *argv]


def engine_floor(store_file: Path, population: Path) -> tuple[float, float]:
    """Advices per second and per CPU-second of the engine alone over FLOOR_ROWS rows."""
    with population.open(encoding="utf-8") as stream:
        next(stream)
        people = [
            NationalNumber(line.split(",")[1].strip())
            for _, line in zip(range(FLOOR_ROWS), stream, strict=False)
        ]
    store = SourceStore(store_file, key=pseudonym_key(KeyringCredentials()))
    engine = EmbeddedEligibility(load_rules(rules_dir()), store)
    try:
        started, cpu = time.perf_counter(), time.process_time()
        with engine.in_bulk():  # as a batch run asks: issued advices committed together
            for number in people:
                engine.advise(AdviceQuery(SERVICE, number, "bench", Channel.MANUAL))
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        return len(people) / wall, len(people) / cpu
    finally:
        engine.close()


def batch_argv(config: Path, population: Path, out: Path, *extra: str) -> list[str]:
    return baliecheck(
        "--config", str(config), "batch", "--service", SERVICE, str(population),
        "--out", str(out), *extra,
    )  # fmt: skip


def bench_embedded(workdir: Path, rows: int, population: Path, store_file: Path) -> None:
    config = write_config(workdir, "embedded.toml", "embedded", _store_section(store_file))
    argv = batch_argv(config, population, workdir / "out-embedded.csv")
    run = run_measured(argv, env_for(workdir))
    print(f"embedded  {rows:,} rows in {run.seconds:.1f} s: {rows / run.seconds:,.0f} rows/s "
          f"(target >= 15 000), {rows / run.cpu_seconds:,.0f} rows per CPU-second, "
          f"peak RSS {run.peak_mb:.0f} MB (target < 150), exit {run.code}")  # fmt: skip
    wall, cpu = engine_floor(store_file, population)
    print(f"floor     engine.advise alone, in-process, in bulk: {wall:,.0f} advices/s, "
          f"{cpu:,.0f} per CPU-second")  # fmt: skip


def bench_served(workdir: Path, rows: int, population: Path, store_file: Path) -> None:
    port = free_port()
    serve_section = f'{_store_section(store_file)}[serve]\nport = {port}\nauth = "none"\n'
    serve_config = write_config(workdir, "serve.toml", "embedded", serve_section)
    env = env_for(workdir)
    serve_argv = baliecheck("--config", str(serve_config), "serve")
    server = subprocess.Popen(serve_argv, env=env, stdout=subprocess.DEVNULL, cwd=ROOT)
    try:
        _wait_for_port(port)
        remote = f'[remote]\nbase_url = "http://127.0.0.1:{port}"\nauth = "none"\n'
        config = write_config(workdir, "remote.toml", "remote", remote)
        argv = batch_argv(config, population, workdir / "out-served.csv", "--concurrency", "8")
        run = run_measured(argv, env)
    finally:
        server.terminate()
        server.wait(10)
    print(f"served    {rows:,} rows in {run.seconds:.1f} s: {rows / run.seconds:,.0f} rows/s "
          f"(target >= 1 000), 8 concurrent, client {run.cpu_seconds:.0f} CPU-s, "
          f"peak {run.peak_mb:.0f} MB, exit {run.code}")  # fmt: skip
    same = (workdir / "out-served.csv").read_bytes() == (workdir / "out-embedded.csv").read_bytes()
    print(f"          same output as embedded: {same}")


def _store_section(store_file: Path) -> str:
    return f'[embedded]\nstore = "{store_file.as_posix()}"\n'


def _wait_for_port(port: int) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("baliecheck serve did not start")


def bench_report(workdir: Path, records: int) -> None:
    """``baliecheck report`` (HTML with charts, CSV beside) over ``records`` audit records."""
    folder = workdir / "report"
    env = dict(env_for(folder), BALIECHECK_BENCH_KEYRING=str(folder / "keyring.json"))
    (folder / "data").mkdir(parents=True)
    (folder / "keyring.json").write_text(json.dumps({"baliecheck/pseudonym-key": KEY.hex()}))
    seconds = generate(folder / "data" / AUDIT_FILE, records)
    print(f"audit     {records:,} records generated in {seconds:.1f} s")
    config = write_config(folder, "report.toml", "embedded", "")
    argv = baliecheck("--config", str(config), "report", "--from", "2026-01-01", "--to",
                      "2026-01-31", "--out", str(folder / "report.html"))  # fmt: skip
    run = run_measured(argv, env)
    size = (folder / "report.html").stat().st_size / 1024
    print(f"report    {records:,} records in {run.seconds:.1f} s (target < 10), "
          f"{run.cpu_seconds:.1f} CPU-s, peak {run.peak_mb:.0f} MB, HTML {size:.0f} KiB, "
          f"exit {run.code}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=269_000)
    parser.add_argument("--skip-served", action="store_true")
    parser.add_argument("--skip-report", action="store_true")
    parser.add_argument("--report-records", type=int, default=1_000_000)
    args = parser.parse_args()
    print(machine_text())
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as name:
        workdir = Path(name)
        os.environ.update(env_for(workdir))
        keyring.set_keyring(BenchFileKeyring())  # type: ignore[no-untyped-call]
        store_file = workdir / "sources.sqlite"
        started = time.perf_counter()
        population = write_population(workdir, args.rows)
        import_lists(workdir, args.rows, store_file)
        print(f"set-up    population and lists in {time.perf_counter() - started:.1f} s")
        bench_embedded(workdir, args.rows, population, store_file)
        if not args.skip_served:
            bench_served(workdir, args.rows, population, store_file)
        if not args.skip_report:
            bench_report(workdir, args.report_records)


if __name__ == "__main__":
    main()
