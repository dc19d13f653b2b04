# SPDX-License-Identifier: EUPL-1.2
"""The process the crash test kills: it records overrides in a loop while the outbox sends them.

Run as ``python -m tests.audit_crash_child STORE URL ADVICE_ID:OUTCOME...``. It imports
everything once, then waits for commands on stdin (a "zygote", so that 200 rounds do not pay
200 interpreter starts): ``run FILE`` forks a child and answers ``pid N``; ``reap`` waits for
that child and answers ``done STATUS``. The child opens the store, starts the sender, and
records up to LIMIT decisions (the chain's head anchored in a keyring file that every
process shares, so a kill between a COMMIT and the anchor's update is part of the test);
after each ``record_override`` returns it appends the Idempotency-Key and a newline to FILE
in one write (a line is "reported" only when whole).
The zygote itself starts no thread, opens no database and no socket, so forking it is safe.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

import keyring

from app.audit.anchor import KeyringAnchor
from app.audit.outbox import Backoff, OutboxSender
from app.audit.store import AuditStore
from app.settings.credentials import KeyringCredentials
from tests.audit_support import KEY, advice_of, against, manual, recorder, remote
from tests.keyring_file import InFileKeyring

if TYPE_CHECKING:
    from app.eligibility.port import EligibilityPort

LIMIT = 100  # more than a process records in LONGEST_RUN_S, so the kill comes first


def _child(
    out: Path, store_path: Path, client: EligibilityPort, advices: list[tuple[str, str]]
) -> None:
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    store = anchored_store(store_path)
    sender = OutboxSender(store, client, backoff=Backoff(0.01, 0.05), idle_s=0.05)
    sender.start()
    desk = recorder(store, on_recorded=sender.wake)
    for index in range(LIMIT):
        if index % 2:
            advice_id, code = advices[index % len(advices)]
            decision = against(advice_of(advice_id, code), index)
        else:
            decision = manual(index)
        recorded = desk.record_override(decision)
        os.write(fd, f"{recorded.idempotency_key}\n".encode("ascii"))
    sender.stop()
    store.close()


def anchored_store(store_path: Path) -> AuditStore:
    """The store with its head anchored in the keyring file beside it."""
    keyring.set_keyring(InFileKeyring(store_path.with_name("keyring.json")))
    return AuditStore(store_path, key=KEY, witness=KeyringAnchor(KeyringCredentials()))


def main(argv: list[str]) -> None:
    store_path, url = Path(argv[0]), argv[1]
    advices = [tuple(spec.split(":", 1)) for spec in argv[2:]]
    client = remote(url)  # built once (its TLS context takes a while); no socket open yet
    pid = 0
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "run":
            pid = os.fork()
            if pid == 0:
                status = 0
                try:
                    _child(Path(argument), store_path, client, advices)  # type: ignore[arg-type]
                except BaseException:  # noqa: BLE001 - reported through the exit status
                    traceback.print_exc()
                    status = 1
                os._exit(status)
            print(f"pid {pid}", flush=True)  # noqa: T201 - the protocol with the test
        elif command == "reap":
            _, status = os.waitpid(pid, 0)
            print(f"done {status}", flush=True)  # noqa: T201


if __name__ == "__main__":
    main(sys.argv[1:])
