# SPDX-License-Identifier: EUPL-1.2
"""Cold start of the desk: process spawned → ``desk ready for a card`` on its stderr.

Spawns ``baliecheck -v`` with ``QT_QPA_PLATFORM=offscreen`` in training mode (no
configuration file), waits for the line ``ui.main.READY_MESSAGE`` (logged once the window
is up and Qt's event loop runs), then sends SIGTERM and expects a clean exit. Three kinds of
run take turns: a fresh data dir each time (the training store is seeded, the audit store
made), a warm one (a data dir an earlier run filled), and the floor: a bare PySide6
QMainWindow that prints when its event loop runs. Each kind gets one untimed run first, so
every timed run finds the files in the OS cache. The target (issue 12): the desk ready within
3x the bare window's time, measured in the same run. ``--command PATH [ARG ...]`` times another
executable (e.g. the PyInstaller build) instead of ``baliecheck``; its arguments default to
``-v``. ``--before TREE`` adds the warm start of the source tree ``TREE`` (``PYTHONPATH``; e.g.
``git archive <commit> | tar -x -C TREE``), for before and after in one run. From the
repository root: ``.venv/bin/python -m bench.desk_cold_start``.
"""

from __future__ import annotations

import argparse
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if __package__ in (None, ""):  # run as a file: the repository root holds app/ and ui/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timing import (  # noqa: E402
    bytecode_env,
    bytecode_text,
    machine_text,
    positive_int,
    run_script,
)
from ui.main import READY_MESSAGE  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Sequence

BALIECHECK = str(Path(sys.executable).parent / "baliecheck")
TARGET_S = 0.8
TARGET_RATIO = 3.0  # the desk ready within 3x a bare PySide6 window, same run
READY_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 15.0
FLOOR_READY = "bare window ready"
FLOOR_SCRIPT = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.show()
QTimer.singleShot(0, lambda: print({FLOOR_READY!r}, file=sys.stderr, flush=True))
app.exec()
"""
# The desk logs "desk ready for a card (started in 0.264 s)": the time since its start began
# (app.desk.startup: options, configuration, DeskApp; then Qt and the window).
IN_RUN = re.compile(r"\(started in (\d+\.\d+) s\)")


@dataclass(slots=True)
class Kind:
    """One kind of start: the command, where its data goes, and the figures of each run."""

    label: str
    command: list[str]
    ready: str
    fresh_data: bool = False
    clean_exit: bool = True  # SIGTERM must end it with status 0
    env: dict[str, str] = field(default_factory=dict)  # added to the environment
    totals: list[float] = field(default_factory=list)
    in_run: list[float] = field(default_factory=list)


def start_once(kind: Kind, env: dict[str, str]) -> tuple[float, float | None]:
    """Seconds from spawn to the ready line, and the time the desk itself logged, if any."""
    started = time.perf_counter()
    process = subprocess.Popen(
        kind.command,
        env={**env, **kind.env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    watchdog = threading.Timer(READY_TIMEOUT_S, process.kill)
    watchdog.start()
    seen: list[str] = []
    try:
        for line in process.stderr:
            if kind.ready in line:
                elapsed = time.perf_counter() - started
                break
            seen.append(line)
        else:
            raise RuntimeError(f"{kind.label}: no {kind.ready!r} line:\n{''.join(seen)}")
        process.send_signal(signal.SIGTERM)
        try:
            rest = process.communicate(timeout=STOP_TIMEOUT_S)[1]
        except subprocess.TimeoutExpired:
            process.kill()
            rest = process.communicate()[1]
            raise RuntimeError(
                f"{kind.label}: still running {STOP_TIMEOUT_S:g} s after SIGTERM:\n{rest}"
            ) from None
    finally:
        watchdog.cancel()
        if process.poll() is None:
            process.kill()
            process.wait()
    if kind.clean_exit and process.returncode != 0:
        raise RuntimeError(f"{kind.label}: exit {process.returncode} after SIGTERM:\n{rest}")
    found = IN_RUN.search(line)
    return elapsed, float(found.group(1)) if found else None


def _environment(data_dir: Path, work: Path, *, bytecode: bool) -> dict[str, str]:
    """Training mode (no configuration file anywhere) on ``data_dir``, Qt offscreen; bytecode
    as ``bench.timing.bytecode_env`` says."""
    env = {
        k: v
        for k, v in bytecode_env(work, cached=bytecode).items()
        if not k.startswith("BALIECHECK_")
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        BALIECHECK_CONFIG=str(work / "absent-config.toml"),
        BALIECHECK_MACHINE_CONFIG=str(work / "absent-machine-config.toml"),
        BALIECHECK_DATA_DIR=str(data_dir),
    )
    return env


def run_kinds(kinds: list[Kind], runs: int, work: Path, *, bytecode: bool = True) -> None:
    """One untimed run of each kind, then ``runs`` timed ones, the kinds taking turns."""
    warm_dir = work / "warm-data"
    made = 0

    def data_dir(kind: Kind) -> Path:
        nonlocal made
        if not kind.fresh_data:
            return warm_dir
        made += 1
        return work / f"fresh-data-{made}"

    for kind in kinds:
        start_once(kind, _environment(data_dir(kind), work, bytecode=bytecode))
    for _ in range(runs):
        for kind in kinds:
            env = _environment(data_dir(kind), work, bytecode=bytecode)
            total, in_run = start_once(kind, env)
            kind.totals.append(total)
            if in_run is not None:
                kind.in_run.append(in_run)
        kinds.append(kinds.pop(0))  # no kind always goes first


def report(kinds: list[Kind], runs: int, *, bytecode: bool = True) -> None:
    print(f"machine   {machine_text()}")
    print(f"bytecode  {bytecode_text(cached=bytecode)}")
    print(f"runs      {runs} timed per kind after 1 untimed, kinds in turn; Qt offscreen")
    print("measured  spawn → the ready line on stderr (then SIGTERM; clean exit checked)")
    print()
    print(f"{'kind':<44}{'min s':>8}{'median s':>10}{'max s':>8}{'started s':>12}")
    for kind in sorted(kinds, key=lambda k: k.label):
        values = kind.totals
        in_run = f"{statistics.median(kind.in_run):12.3f}" if kind.in_run else f"{'-':>12}"
        print(
            f"{kind.label:<44}{min(values):8.3f}{statistics.median(values):10.3f}"
            f"{max(values):8.3f}{in_run}"
        )
    print()
    floor = statistics.median(next(k for k in kinds if not k.clean_exit).totals)
    for kind in sorted(kinds, key=lambda k: k.label):
        if kind.clean_exit:
            median = statistics.median(kind.totals)
            met = "met" if median <= TARGET_S else "MISSED"
            ratio = median / floor
            met_ratio = "met" if ratio <= TARGET_RATIO else "MISSED"
            print(
                f"{kind.label}: median {median:.3f} s, target <= {TARGET_S} s {met}; "
                f"{ratio:.1f}x the bare window ({floor:.3f} s), target <= {TARGET_RATIO:g}x "
                f"{met_ratio}"
            )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Desk cold start to 'ready for a card'.")
    parser.add_argument("--runs", type=positive_int, default=10, help="timed runs per kind")
    parser.add_argument(
        "--command",
        nargs=argparse.REMAINDER,
        metavar="PATH [ARG ...]",
        help="time this executable instead of baliecheck (last option; arguments default -v)",
    )
    parser.add_argument(
        "--before", type=Path, metavar="TREE", help="also time the desk run from source TREE"
    )
    parser.add_argument(
        "--inherit-bytecode",
        action="store_true",
        help="bytecode as this shell has it, not the bench's own cache",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    command = args.command or [BALIECHECK]
    if len(command) == 1:
        command.append("-v")
    name = Path(command[0]).name if args.command is None else command[0]
    kinds = [
        Kind(
            "bare PySide6 window (floor)",
            [sys.executable, "-c", FLOOR_SCRIPT],
            FLOOR_READY,
            clean_exit=False,
        ),
        Kind(f"{name}, fresh data dir", command, READY_MESSAGE, fresh_data=True),
        Kind(f"{name}, warm data dir", command, READY_MESSAGE),
    ]
    if args.before is not None:
        before = {"PYTHONPATH": str(args.before)}
        kinds.append(Kind(f"before: {name}, warm data dir", command, READY_MESSAGE, env=before))
    with tempfile.TemporaryDirectory(prefix="bench-cold-start-") as tmp:
        run_kinds(kinds, args.runs, Path(tmp), bytecode=not args.inherit_bytecode)
    report(kinds, args.runs, bytecode=not args.inherit_bytecode)
    return 0


if __name__ == "__main__":
    run_script("desk_cold_start", main)
