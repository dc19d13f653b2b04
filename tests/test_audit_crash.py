# SPDX-License-Identifier: EUPL-1.2
"""Crash safety: a process recording overrides is killed with SIGKILL 200 times; nothing is lost.

Every decision whose "recorded" was reported is in the store, the chain verifies (against the
head anchored in a keyring too: a kill between a COMMIT and the anchor is no tampering), and once
the sender has run, the backend (the embedded engine served over HTTP on loopback) holds each
decision exactly once, under the Idempotency-Key fixed when it was recorded.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from app.audit.outbox import OutboxSender
from tests.audit_crash_child import anchored_store
from tests.audit_support import Backend, outbox_rows, remote

if TYPE_CHECKING:
    from typing import IO

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 200
LONGEST_RUN_S = 0.06


def _ask(zygote: subprocess.Popen[str], command: str) -> str:
    stdin, stdout = zygote.stdin, zygote.stdout
    assert stdin is not None
    assert stdout is not None
    stdin.write(command + "\n")
    stdin.flush()
    return stdout.readline().strip()


def _kill_rounds(zygote: subprocess.Popen[str], reported: Path, rng: random.Random) -> list[int]:
    """Start a recorder, kill it at a random moment; the wait statuses, one per round.

    Even rounds count the moment from the fork (a kill while the store opens is part of the
    test); odd rounds from the first decision reported, so that however loaded the machine is,
    every other round kills a process in the middle of recording.
    """
    statuses = []
    for number in range(ROUNDS):
        report = reported / f"{number}.txt"
        answer = _ask(zygote, f"run {report}")
        assert answer.startswith("pid "), answer
        if number % 2:
            _wait_for_a_line(report)
        time.sleep(rng.uniform(0, LONGEST_RUN_S))
        os.kill(int(answer.split()[1]), signal.SIGKILL)  # not reaped yet: the pid is still ours
        done = _ask(zygote, "reap")
        statuses.append(int(done.split()[1]))
    return statuses


def _wait_for_a_line(report: Path, limit_s: float = 30.0) -> None:
    """Until the recorder reported its first decision (or ``limit_s`` passed: kill anyway)."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if report.exists() and b"\n" in report.read_bytes():
            return
        time.sleep(0.001)


def _reported(folder: Path) -> list[str]:
    """The keys the killed processes reported: whole lines only."""
    keys = []
    for path in folder.iterdir():
        text = path.read_text("ascii")
        keys += text.split("\n")[:-1]  # a last line without its newline was not reported
    return keys


def _start_zygote(store: Path, backend: Backend, log: IO[str]) -> subprocess.Popen[str]:
    advices = [backend.advise(index) for index in range(3)]
    specs = [f"{a.advice_id}:{a.outcome.code}" for a in advices]
    return subprocess.Popen(
        [sys.executable, "-m", "tests.audit_crash_child", str(store), backend.url, *specs],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )


def _chained_changes(store: Path) -> int:
    """The outbox's state changes recorded in the chain (the children delivered some)."""
    with closing(sqlite3.connect(store)) as conn:
        row = conn.execute(
            "SELECT count(*) FROM audit_records WHERE kind IN ('delivered', 'rejected')"
        ).fetchone()
    return int(row[0])


@pytest.mark.slow
def test_audit_sigkill_loses_nothing_and_delivers_once(tmp_path: Path) -> None:
    store_path = tmp_path / "audit.sqlite"
    reported = tmp_path / "reported"
    reported.mkdir()
    rng = random.Random(20261122)
    with Backend(tmp_path / "backend") as backend, (tmp_path / "zygote.log").open("w") as log:
        zygote = _start_zygote(store_path, backend, log)
        try:
            statuses = _kill_rounds(zygote, reported, rng)
        finally:
            assert zygote.stdin is not None
            zygote.stdin.close()
            zygote.wait(10)
        killed = sum(os.WIFSIGNALED(s) and os.WTERMSIG(s) == signal.SIGKILL for s in statuses)
        failed = [s for s in statuses if os.WIFEXITED(s) and os.WEXITSTATUS(s) != 0]
        assert not failed, (tmp_path / "zygote.log").read_text()
        assert killed > ROUNDS // 2

        keys = _reported(reported)
        assert len(keys) == len(set(keys)) > ROUNDS // 2  # odd rounds report one at least
        stored = outbox_rows(store_path)
        assert set(keys) <= set(stored)

        store = anchored_store(store_path)
        client = remote(backend.url)
        try:
            report = store.verify()
            assert report.ok, report
            assert report.anchor_seq is not None
            assert report.records == len(stored) + _chained_changes(store_path)
            sender = OutboxSender(store, client)
            assert sender.deliver_pending().stopped_by is None
            assert sender.state().pending == 0
        finally:
            client.close()
            store.close()
        delivered = outbox_rows(store_path)
        held = backend.overrides()
        assert set(held) == set(delivered)  # every recorded decision, none twice (primary key)
        assert all(state == "delivered" for state, _ in delivered.values())
        assert {key: receipt for key, (_, receipt) in delivered.items()} == held
