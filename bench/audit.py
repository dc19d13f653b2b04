# SPDX-License-Identifier: EUPL-1.2
"""The audit store: overrides recorded per second with full durability; verify of 1 million records.

Recording: ``DecisionRecorder.record_override`` in a loop on a fresh store (each call one
``BEGIN IMMEDIATE`` ... ``COMMIT`` with ``synchronous = FULL`` in WAL mode, an fsync of the
log per decision, plus the outbox entry, the seal of the number and the head file), in the
folder given by ``--dir`` (default: the system temp dir; put it on the disk a desk would use).
Three rows: without a keyring anchor (the training store; the store before the anchor), with
the anchor in an in-memory keyring (what our code adds), and with the anchor in a keyring
that writes and fsyncs a file per change (a stand-in for an OS keyring that persists).
Verify: ``--verify-records`` records (default 1 000 000) chained exactly as the store chains
them and inserted in one transaction, then ``AuditStore.verify()`` timed (a read-only
connection, every HMAC recomputed). From the repository root:
``.venv/bin/python -m bench.audit``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a file: the repository root holds app/ and eid/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import keyring  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from app.audit.anchor import KeyringAnchor  # noqa: E402
from app.audit.chain import Head  # noqa: E402
from app.audit.database import (  # noqa: E402
    RECORD_COLUMNS,
    RECORD_PLACEHOLDERS,
    connect,
    write_head,
)
from app.audit.decisions import Decision, DecisionRecorder  # noqa: E402
from app.audit.records import AuditEntry, RecordKind, derive_key, link  # noqa: E402
from app.audit.store import AuditStore  # noqa: E402
from app.eligibility.embedded.sample_data import sample_citizens  # noqa: E402
from app.eligibility.wire import Channel, ReasonCode  # noqa: E402
from app.settings.credentials import KeyringCredentials  # noqa: E402
from bench.timing import machine_text, p99  # noqa: E402

KEY = b"bench installation key, 32 bytes"


def _decisions(count: int) -> list[Decision]:
    people = sample_citizens()
    return [
        Decision(
            service="uitpas-kansentarief",
            applied_outcome="KANSENTARIEF",
            reason_code=ReasonCode.DOCUMENT_SHOWN,
            reason_text=f"attest van het OCMW getoond aan de balie (bench {index})",
            channel=Channel.MANUAL,
            national_number=people[index % len(people)].national_number,
        )
        for index in range(count)
    ]


class _MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.values: dict[str, str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[f"{service}/{username}"] = password

    def delete_password(self, service: str, username: str) -> None:
        self.values.pop(f"{service}/{username}", None)


class _SyncedFileKeyring(_MemoryKeyring):
    """Each change written to a file and fsynced, then renamed over the old one."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def set_password(self, service: str, username: str, password: str) -> None:
        super().set_password(service, username, password)
        temporary = self.path.with_suffix(".tmp")
        with temporary.open("w", encoding="utf-8") as file:
            json.dump(self.values, file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, self.path)


def bench_recording(folder: Path, count: int, keyring_backend: KeyringBackend | None) -> None:
    name = "none" if keyring_backend is None else type(keyring_backend).__name__.strip("_")
    witness = None
    if keyring_backend is not None:
        keyring.set_keyring(keyring_backend)
        witness = KeyringAnchor(KeyringCredentials())
    store = AuditStore(folder / f"record-{name}.sqlite", key=KEY, witness=witness)
    desk = DecisionRecorder(store, desk="bench-desk", staff_id="bench")
    decisions = _decisions(count + 50)
    for decision in decisions[:50]:  # warm-up: the file, the log, the first pages
        desk.record_override(decision)
    latencies = []
    start = time.perf_counter()
    for decision in decisions[50:]:
        began = time.perf_counter_ns()
        desk.record_override(decision)
        latencies.append((time.perf_counter_ns() - began) / 1e6)
    elapsed = time.perf_counter() - start
    store.close()
    print(
        f"record    anchor {name:<16} {count} overrides in {elapsed:.2f} s: "
        f"{count / elapsed:,.0f}/s durable; latency median "
        f"{statistics.median(latencies):.2f} ms, p99 {p99(latencies):.2f} ms"
    )


def _entry(index: int, at: dt.datetime) -> AuditEntry:
    kind = (RecordKind.ADVICE_SHOWN, RecordKind.OVERRIDE, RecordKind.MANUAL_DECISION)[index % 3]
    return AuditEntry(
        kind=kind,
        at=at,
        desk="bench-desk",
        staff_id="bench",
        service="uitpas-kansentarief",
        advice_id=None if kind is RecordKind.MANUAL_DECISION else f"advies-{index:08d}",
        advised_outcome="STANDAARD",
        applied_outcome=None if kind is RecordKind.ADVICE_SHOWN else "KANSENTARIEF",
        reason_code=None if kind is RecordKind.ADVICE_SHOWN else "DOCUMENT_SHOWN",
        reason_text=None if kind is RecordKind.ADVICE_SHOWN else f"attest getoond ({index})",
        channel="card",
        pseudonym=os.urandom(32),
    )


def generate(path: Path, count: int) -> float:
    """``count`` chained records in one transaction; the seconds it took."""
    started = time.perf_counter()
    chain_key = derive_key(KEY, b"audit chain v1")
    conn = connect(path)  # the store's schema and settings
    prev = bytes(32)
    base = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    rows = []
    advice = []
    for seq in range(1, count + 1):
        entry = _entry(seq, base + dt.timedelta(seconds=seq))
        advice.append(entry.kind is RecordKind.ADVICE_SHOWN)
        values = entry.values()
        own = link(chain_key, prev, seq, values)
        rows.append((seq, *values, prev, own))
        prev = own
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        f"INSERT INTO audit_records (seq, {RECORD_COLUMNS}, prev_hash, hash) "
        f"VALUES ({RECORD_PLACEHOLDERS})",
        rows,
    )
    # an override's outbox entry is written with it (verify checks the outbox too)
    waiting = [
        (seq, f"bench-{seq}")
        for seq, seen in zip(range(1, count + 1), advice, strict=True)
        if not seen
    ]
    conn.executemany("INSERT INTO outbox (seq, idempotency_key) VALUES (?, ?)", waiting)
    conn.execute("COMMIT")
    conn.close()
    write_head(path, Head(count, prev))
    return time.perf_counter() - started


def bench_verify(folder: Path, count: int) -> None:
    path = folder / "verify.sqlite"
    made = generate(path, count)
    store = AuditStore(path, key=KEY)
    start = time.perf_counter()
    report = store.verify()
    elapsed = time.perf_counter() - start
    store.close()
    size = path.stat().st_size / 1e6
    print(f"generate  {count:,} records in {made:.1f} s (one transaction), file {size:,.0f} MB")
    print(
        f"verify    {report.records:,} records in {elapsed:.2f} s: "
        f"{report.records / elapsed:,.0f} records/s, intact: {report.ok}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=2000, help="overrides to record")
    parser.add_argument("--verify-records", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, help="folder for the stores (default: temp dir)")
    args = parser.parse_args()
    print(f"machine   {machine_text()}")
    with tempfile.TemporaryDirectory(prefix="baliecheck-bench-", dir=args.dir) as tmp:
        for backend in (None, _MemoryKeyring(), _SyncedFileKeyring(Path(tmp) / "keyring.json")):
            bench_recording(Path(tmp), args.records, backend)
        bench_verify(Path(tmp), args.verify_records)


if __name__ == "__main__":
    main()
