# SPDX-License-Identifier: EUPL-1.2
"""Timed loops for the benchmarks: warm-up, turns in blocks, per-read APDU counts, p99."""

from __future__ import annotations

import argparse
import gc
import math
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from contextlib import AbstractContextManager
    from types import FrameType

    Run = Callable[[], object]

WARMUP = 20
BLOCK = 20  # timed reads per loop before the next loop takes its turn


class ApduCounter:
    """The card's ``on_command`` hook: counts the command APDUs that reach the card."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, _number: int) -> None:
        self.count += 1


@dataclass(frozen=True, slots=True)
class Loop:
    """A named read to repeat; ``session`` opens what it needs and yields the read."""

    label: str
    session: Callable[[], AbstractContextManager[Run]]
    check: Callable[[Any], bool]


@dataclass(slots=True)
class Series:
    """One loop's figures: the duration and the APDU count of every timed read."""

    label: str
    times_ns: list[int]
    apdus: list[int]

    @property
    def read_ms(self) -> list[float]:
        return [t / 1e6 for t in self.times_ns]

    @property
    def apdu_ms(self) -> list[float]:
        return [t / 1e6 / n for t, n in zip(self.times_ns, self.apdus, strict=True) if n]

    @property
    def apdu_text(self) -> str:
        low, high = min(self.apdus), max(self.apdus)
        return str(low) if low == high else f"{low}..{high}"


def p99(values: Sequence[float]) -> float:
    """Nearest-rank 99th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)]


def run_interleaved(loops: list[Loop], counter: ApduCounter, reads: int) -> list[Series]:
    """Warm up and check each loop, then time them in turns of BLOCK reads."""
    for loop in loops:
        with loop.session() as run:
            for _ in range(WARMUP - 1):
                run()
            if not loop.check(run()):
                raise RuntimeError(f"{loop.label}: wrong result")
    series = [Series(loop.label, [], []) for loop in loops]
    gc.collect()
    clock = time.perf_counter_ns
    turns = list(zip(loops, series, strict=True))
    while (done := len(series[0].times_ns)) < reads:
        for loop, figures in turns:
            with loop.session() as run:
                run()  # not timed: the first read after opening the session
                for _ in range(min(BLOCK, reads - done)):
                    before = counter.count
                    start = clock()
                    run()
                    figures.times_ns.append(clock() - start)
                    figures.apdus.append(counter.count - before)
        turns.append(turns.pop(0))  # no loop always goes first (or after the same one)
    return series


def machine_text() -> str:
    """Platform, CPU, Python, pyscard and pcscd, for the head of a report."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        models = [
            line for line in cpuinfo.read_text().splitlines() if line.startswith("model name")
        ]
        cpu = models[0].split(":", 1)[1].strip() if models else cpu
    return (
        f"{platform.platform()}, {cpu}, {os.cpu_count()} CPUs; "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"pyscard {version('pyscard')}, {pcscd_version()}"
    )


def pcscd_version() -> str:
    """``pcscd 1.9.9`` from ``pcscd --version``."""
    binary = shutil.which("pcscd") or "/usr/sbin/pcscd"
    try:
        out = subprocess.run(
            [binary, "--version"], capture_output=True, text=True, timeout=5, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    first = out.splitlines()[0] if out else "version unknown"  # "pcsc-lite version 1.9.9."
    return "pcscd " + first.removeprefix("pcsc-lite version ").rstrip(".")


def bytecode_env(work: Path, *, cached: bool) -> dict[str, str]:
    """Child environment for whole-process timings, bytecode as asked.

    ``cached``: every module (ours, the stdlib, site-packages) is compiled once, by each
    kind's untimed run, into a folder of the bench's own, and read as bytecode after that, as
    an installed wheel (pip compiles at install) or the desktop build runs; no source tree
    gets a ``__pycache__`` from this. Else the environment as it is: with
    ``PYTHONDONTWRITEBYTECODE=1`` a source tree without ``__pycache__`` (an editable install,
    a ``git archive``) is compiled at every start.
    """
    env = dict(os.environ)
    if cached:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


def bytecode_text(*, cached: bool) -> str:
    if cached:
        return "compiled once (untimed run), then read from the bench's own cache"
    dont = os.environ.get("PYTHONDONTWRITEBYTECODE")
    return f"as this shell has it (--inherit-bytecode; PYTHONDONTWRITEBYTECODE={dont or ''})"


def positive_int(text: str) -> int:
    """argparse type: an integer of 1 or more."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def stop_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit, so the pcscd a benchmark started is stopped too."""

    def handler(signum: int, _frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, handler)


def run_script(name: str, main: Callable[[], int]) -> NoReturn:
    """A benchmark's ``main`` as a script: Ctrl+C exits 130, a RuntimeError prints its words."""
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except RuntimeError as exc:
        print(f"{name}: {exc}", file=sys.stderr)
        sys.exit(1)
