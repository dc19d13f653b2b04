# SPDX-License-Identifier: EUPL-1.2
"""Embedded eligibility: advices per second in-process, a 1-million-row list import, and the
time of ``rules test`` over every shipped test.

Order: first the import of ``--import-rows`` rows (default 1 000 000; timed, with the growth of
the process's peak RSS, then once more under tracemalloc for the Python heap peak), then the
sample lists with ``--rows-per-list`` synthetic people each (default 100 000, overlapping,
half of them residents; ``schoolkorting_gezin`` with its columns categorie and inkomen,
``vt_jongeren`` with children born from 2016 on), then ``--advices`` advices per shipped
service with a warm-up, half of them for people on some list and half for strangers (children
for the childcare rule). The services of the old rules (uitpas, lez, waste bags) come first,
as before; then the new ones (columns, ages, versions). Targets: >= 20 000 advices/s, import
< 20 s. From the repository root: ``.venv/bin/python -m bench.eligibility_embedded``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import TYPE_CHECKING

if __package__ in (None, ""):  # run as a file: the repository root holds app/ and eid/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.eligibility.embedded.engine import EmbeddedEligibility  # noqa: E402
from app.eligibility.embedded.lists.store import SourceStore  # noqa: E402
from app.eligibility.embedded.rules import load_rules  # noqa: E402
from app.eligibility.embedded.rules.cases import run_rule_tests  # noqa: E402
from app.eligibility.embedded.sample_data import load_sample_data  # noqa: E402
from app.eligibility.port import AdviceQuery  # noqa: E402
from app.eligibility.wire import Channel  # noqa: E402
from app.resource_paths import rules_dir  # noqa: E402
from bench.timing import machine_text, p99  # noqa: E402
from eid.card_profiles import synthetic_number  # noqa: E402
from eid.insz import NationalNumber  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Iterator

AS_OF = dt.date(2026, 1, 1)
WARMUP = 2_000
OLD_RULES = ("uitpas-kansentarief", "lez-registratie", "gratis-huisvuilzakken")
CHILDREN_BORN = dt.date(2016, 1, 1)
RULE_TEST_RUNS = 20


def numbers(start: int = 0, *, born: dt.date = dt.date(1930, 1, 1)) -> Iterator[str]:
    """Distinct valid national numbers: birth dates from ``born`` on, serials 1..997."""
    day = born + dt.timedelta(days=start // 997)
    serial = start % 997 + 1
    while True:
        yield synthetic_number(day, serial)
        serial += 1
        if serial > 997:
            serial, day = 1, day + dt.timedelta(days=1)


GEZIN = ("leefloon,", "inkomen,15000", "inkomen,25000", "inkomen,40000")


def write_csv(
    path: Path, rows: int, *, start: int = 0, windows: bool = False, born: dt.date | None = None
) -> None:
    """A list file written as it streams (so it never sits in memory); ``path``'s stem
    ``schoolkorting_gezin`` gets the columns categorie and inkomen."""
    source = numbers(start, born=born) if born else numbers(start)
    gezin = path.stem == "schoolkorting_gezin"
    with path.open("w", encoding="utf-8") as stream:
        header = "insz,valid_from,valid_to" if windows else "insz"
        stream.write(header + (",categorie,inkomen\n" if gezin else "\n"))
        for index in range(rows):
            number = next(source)
            if gezin:
                stream.write(f"{number},{GEZIN[index % len(GEZIN)]}\n")
            elif not windows:
                stream.write(f"{number}\n")
            elif index % 4 == 0:
                stream.write(f"{number},2025-01-01,2026-12-31\n")
            else:
                stream.write(f"{number},,\n")


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def bench_import(tmp: Path, rows: int, *, traced: bool) -> None:
    csv_path = tmp / "big.csv"
    write_csv(csv_path, rows, windows=True)
    size_mb = csv_path.stat().st_size / 1e6
    store = SourceStore(tmp / "import.sqlite", key=os.urandom(32))
    gc.collect()
    rss_before = maxrss_mb()
    start = time.perf_counter()
    store.import_csv("big", csv_path, as_of=AS_OF)
    seconds = time.perf_counter() - start
    growth = maxrss_mb() - rss_before
    print(f"import {rows:,} rows ({size_mb:.0f} MB CSV, with validity windows):")
    print(f"  time {seconds:.1f} s ({rows / seconds:,.0f} rows/s); target < 20 s")
    print(f"  peak RSS {maxrss_mb():.0f} MB, growth during the import {growth:.1f} MB")
    if traced:
        tracemalloc.start()
        store.import_csv("big", csv_path, as_of=AS_OF)  # replaces the same list
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"  tracemalloc peak (second import, slower under tracing) {peak / 1e6:.1f} MB")
    store.close()
    db_mb = sum(p.stat().st_size for p in tmp.glob("import.sqlite*")) / 1e6
    print(f"  store file {db_mb:.0f} MB")
    csv_path.unlink()


def seed_lists(tmp: Path, store: SourceStore, rows: int) -> dict[str, list[str]]:
    """Every sample list with ``rows`` people; lists overlap, residents are the first 2 x rows.

    The people to ask about: adults for every service, children for the childcare rule;
    members and strangers taking turns.
    """
    names = list(load_sample_data().lists)
    start = time.perf_counter()
    for index, name in enumerate(names):
        path = tmp / f"{name}.csv"
        offset = 0 if name == "inwoners" else (index * rows) // 3
        born = CHILDREN_BORN if name == "vt_jongeren" else None
        write_csv(path, rows * 2 if name == "inwoners" else rows, start=offset, born=born)
        store.import_csv(name, path, as_of=AS_OF)
        path.unlink()
    total = sum(entry.rows for entry in store.lists())
    print(f"seeded {len(names)} lists, {total:,} rows, in {time.perf_counter() - start:.1f} s")
    step = max(1, rows // 2_000)
    adults = _alternate(numbers(), numbers(10 * rows), 3 * rows, step)
    offset = (names.index("vt_jongeren") * rows) // 3
    children = _alternate(
        numbers(offset, born=CHILDREN_BORN), numbers(offset + rows, born=CHILDREN_BORN), rows, step
    )
    return {"adults": adults, "children": children}


def _alternate(
    members: Iterator[str], strangers: Iterator[str], count: int, step: int
) -> list[str]:
    chosen = [next(members) for _ in range(count)][::step]
    return [n for m in chosen for n in (m, next(strangers))]


def bench_advice(engine: EmbeddedEligibility, people: dict[str, list[str]], advices: int) -> None:
    print(f"advices in-process ({advices:,} per service after {WARMUP:,} warm-up):")
    lists = {rules.code: len(rules.lists) for rules in load_rules(rules_dir())}
    services = sorted(engine.services(), key=lambda s: (s.code not in OLD_RULES, s.code))
    for place, service in enumerate(services):
        if place in (0, len(OLD_RULES)):
            print("  the old rules (lists only):" if place == 0 else "  the new rules:")
        asked = people["children" if service.code == "kinderopvang-sociaal-tarief" else "adults"]
        queries = [
            AdviceQuery(service.code, NationalNumber(n), desk="bench", channel=Channel.CARD)
            for n in asked
        ]
        for index in range(WARMUP):
            engine.advise(queries[index % len(queries)])
        times: list[int] = []
        clock = time.perf_counter_ns
        outcomes: dict[str, int] = {}
        for index in range(advices):
            before = clock()
            advice = engine.advise(queries[index % len(queries)])
            times.append(clock() - before)
            outcomes[advice.outcome.code] = outcomes.get(advice.outcome.code, 0) + 1
        per_second = 1e9 / statistics.fmean(times)
        median_us, p99_us = statistics.median(times) / 1e3, p99(times) / 1e3
        print(
            f"    {service.code:<28} {per_second:>8,.0f}/s  median {median_us:.1f} us"
            f"  p99 {p99_us:.1f} us  ({lists[service.code]} lists) "
            + ", ".join(f"{code} {count}" for code, count in sorted(outcomes.items()))
        )
    print("  target >= 20 000/s per service")


def bench_rule_tests() -> None:
    """``rules test`` over every shipped test file: load the rules and run every case."""
    times = []
    for _ in range(RULE_TEST_RUNS):
        start = time.perf_counter()
        report = run_rule_tests(rules_dir())
        times.append(time.perf_counter() - start)
    cases, failed = report.counts
    print(
        f"rules test over the shipped tests ({len(report.files)} files, {cases} cases, "
        f"{failed} failed): median {statistics.median(times) * 1e3:.1f} ms, "
        f"max {max(times) * 1e3:.1f} ms of {RULE_TEST_RUNS} runs"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows-per-list", type=int, default=100_000)
    parser.add_argument("--advices", type=int, default=50_000)
    parser.add_argument("--import-rows", type=int, default=1_000_000)
    parser.add_argument("--no-trace", action="store_true", help="skip the tracemalloc import")
    args = parser.parse_args()
    print(machine_text())
    with tempfile.TemporaryDirectory(prefix="bench-embedded-") as name:
        tmp = Path(name)
        bench_import(tmp, args.import_rows, traced=not args.no_trace)
        store = SourceStore(tmp / "sources.sqlite", key=os.urandom(32))
        people = seed_lists(tmp, store, args.rows_per_list)
        engine = EmbeddedEligibility(load_rules(rules_dir()), store)
        try:
            bench_advice(engine, people, args.advices)
        finally:
            engine.close()
    bench_rule_tests()


if __name__ == "__main__":
    main()
