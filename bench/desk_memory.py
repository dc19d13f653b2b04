# SPDX-License-Identifier: EUPL-1.2
"""Resident memory of the desk over 500 transactions (training mode, window offscreen).

A DeskApp + DeskWindow in training mode: the simulated reader, the sample store, the
training audit store in a fresh data dir. Each transaction is one sample citizen's card
put in (``insert_training_card``), its verdict shown, the card taken out and the waiting
screen shown; every 10th is a typed national number (``enter_manually``) cleared as Esc
does; every 10th card verdict gets an override recorded (``DeskApp.decide``, waited for until
it is on disk). Prints VmRSS (``/proc/self/status``) after 0, 100, …, 500 transactions, after
a ``gc.collect()``, with the count of Python objects and of references to True, and the
growth over the last 400. References to True must not fall: PySide6 6.12.0 loses one per
signal emitted from Python, and the desk aborts when none are left (tests/test_pyside.py).
From the repository root: ``.venv/bin/python -m bench.desk_memory``.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if __package__ in (None, ""):  # run as a file: the repository root holds app/ and ui/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import PySide6  # noqa: E402

from app.eligibility.embedded.sample_data import sample_citizens  # noqa: E402
from app.eligibility.wire import ReasonCode  # noqa: E402
from app.settings.config import Config  # noqa: E402
from bench.desk_harness import WindowedDesk  # noqa: E402
from bench.timing import machine_text, positive_int, run_script  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Sequence

    from app.desk.state import DeskState

TARGET_MB = 150.0
EVERY = 100  # transactions between two RSS readings
MANUAL_EVERY = 10  # every 10th transaction is a typed number
OVERRIDE_AT = 4  # the 5th transaction of every 10 gets an override
REASON = "benchmark: attest getoond"


def rss_kib() -> int:
    """VmRSS of this process, in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status (Linux only)")


class MemoryBench:
    """Drives one windowed training desk like a clerk, one transaction at a time."""

    def __init__(self, desk: WindowedDesk) -> None:
        self.desk = desk
        self.citizens = sample_citizens()
        self.overrides = 0
        self.manual = 0

    def transaction(self, index: int) -> None:
        before = self.desk.bridge.state.transaction
        citizen_index = index % len(self.citizens)
        if index % MANUAL_EVERY == MANUAL_EVERY - 1:
            self.desk.app.workflow.enter_manually(self.citizens[citizen_index].national_number)
            state = self.desk.wait_settled(before)
            self.desk.shown_outcome(state)
            self.manual += 1
            self.desk.window.clear_action.trigger()  # Esc
        else:
            self.desk.app.insert_training_card(citizen_index)
            state = self.desk.wait_settled(before)
            self.desk.shown_outcome(state)
            if index % MANUAL_EVERY == OVERRIDE_AT:
                self._override(state)
            self.desk.app.remove_training_card()
        self.desk.wait_waiting(state.transaction)

    def _override(self, state: DeskState) -> None:
        assert state.advice is not None  # shown_outcome checked it
        advised = state.advice.outcome.code
        outcomes = self.desk.app.service(state.service).outcomes
        other = next(o.code for o in outcomes if o.code != advised)
        future = self.desk.app.decide(
            transaction=state.transaction,
            applied_outcome=other,
            reason_code=ReasonCode.OTHER,
            reason_text=REASON,
        )
        future.result(timeout=15)
        self.overrides += 1


@dataclass(frozen=True, slots=True)
class Reading:
    transactions: int
    rss_kib: int
    objects: int  # tracked by the GC
    true_refs: int  # sys.getrefcount(True)


def reading(done: int) -> Reading:
    gc.collect()
    return Reading(done, rss_kib(), len(gc.get_objects()), sys.getrefcount(True))


def run(transactions: int, data_dir: Path) -> tuple[list[Reading], MemoryBench]:
    desk = WindowedDesk(Config(training=True), data_dir)
    bench = MemoryBench(desk)
    try:
        readings = [reading(0)]
        for index in range(transactions):
            bench.transaction(index)
            if (index + 1) % EVERY == 0 or index + 1 == transactions:
                readings.append(reading(index + 1))
    finally:
        desk.stop()
    return readings, bench


def report(readings: list[Reading], bench: MemoryBench) -> None:
    done = readings[-1].transactions
    print(f"machine   {machine_text()}")
    print(
        f"desk      training mode, simulated reader, window offscreen; {done} transactions: "
        f"{done - bench.manual} cards ({bench.overrides} with an override), "
        f"{bench.manual} typed numbers"
    )
    print(f"qt        PySide6 {PySide6.__version__}")
    print("measured  VmRSS after gc.collect(), objects the GC tracks, sys.getrefcount(True)")
    print()
    print(f"{'transactions':>12}{'RSS MB':>10}{'objects':>10}{'True refs':>11}")
    for r in readings:
        print(f"{r.transactions:>12}{r.rss_kib / 1024:10.1f}{r.objects:10d}{r.true_refs:11d}")
    first = next((r for r in readings if r.transactions >= EVERY), readings[0])
    last = readings[-1]
    print()
    print(
        f"growth over the last {last.transactions - first.transactions} transactions: "
        f"{(last.rss_kib - first.rss_kib) / 1024:+.1f} MB, {last.objects - first.objects:+d} "
        f"objects, {last.true_refs - first.true_refs:+d} references to True"
    )
    lost = (first.true_refs - last.true_refs) / max(1, last.transactions - first.transactions)
    if lost > 1:
        print(
            f"True loses {lost:.1f} references per transaction: the desk aborts after about "
            f"{last.true_refs / lost:.0f} more (PySide6 {PySide6.__version__}; "
            "tests/test_pyside.py)"
        )
    peak = max(r.rss_kib for r in readings) / 1024
    met = "met" if peak <= TARGET_MB else "MISSED"
    print(f"largest RSS {peak:.1f} MB: target <= {TARGET_MB:.0f} MB {met}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Desk memory over many transactions.")
    parser.add_argument("--transactions", type=positive_int, default=500)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-desk-memory-") as tmp:
        readings, bench = run(args.transactions, Path(tmp) / "data")
    report(readings, bench)
    return 0


if __name__ == "__main__":
    run_script("desk_memory", main)
