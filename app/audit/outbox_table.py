# SPDX-License-Identifier: EUPL-1.2
"""The outbox table beside the audit records: what waits for the backend, and what became of it.

An entry is written with its audit record, in the same transaction (AuditStore.append), with
an Idempotency-Key fixed there. It is ``pending`` until the backend gives a receipt
(``delivered``, the sealed number dropped) or refuses it for good (``rejected``, kept for an
admin to see in ``baliecheck audit pending``). Both changes are chained records written in
the same transaction as the row's change (app.audit.deliveries), so ``audit verify`` notices a
row set to delivered by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from app.audit.database import RECORD_COLUMNS, immediate
from app.audit.deliveries import delivery_entry, rejection_entry
from app.audit.records import entry_from_row, utc_text
from app.problems import Problem

if TYPE_CHECKING:
    import sqlite3

    from app.audit.records import AuditEntry
    from app.audit.store import AuditStore
    from app.eligibility.wire import OverrideReceipt


class DeliveryState(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class OutboxState:
    """For the status bar: decisions still waiting for the backend, and those it refused."""

    pending: int
    rejected: int


@dataclass(frozen=True, slots=True)
class Due:
    """A pending entry with its record: everything needed to send it again, identically."""

    seq: int
    idempotency_key: str
    entry: AuditEntry
    sealed_number: bytes | None = field(repr=False)


@dataclass(frozen=True, slots=True)
class Waiting:
    """An entry not delivered yet, as ``baliecheck audit pending`` lists it."""

    seq: int
    at: dt.datetime
    kind: str
    service: str | None
    state: DeliveryState
    attempts: int
    last_attempt_at: dt.datetime | None
    last_problem: Problem | None


def _now() -> str:
    return utc_text(dt.datetime.now(dt.UTC))


def _utc(moment: dt.datetime) -> str:
    """A backend's time as UTC text (one without a zone is taken as UTC)."""
    return utc_text(moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC))


class Outbox:
    """Queries and updates of the outbox, on the audit store's connection (short and locked)."""

    def __init__(self, store: AuditStore) -> None:
        self._store = store

    def state(self) -> OutboxState:
        with self._store.session() as conn:
            pending, rejected = conn.execute(
                "SELECT (SELECT count(*) FROM outbox WHERE state = 'pending'), "
                "(SELECT count(*) FROM outbox WHERE state = 'rejected')"
            ).fetchone()
        return OutboxState(pending=int(pending), rejected=int(rejected))

    def delivered_count(self) -> int:
        with self._store.session() as conn:
            row = conn.execute("SELECT count(*) FROM outbox WHERE state = 'delivered'").fetchone()
        return int(row[0])

    def due(self, limit: int = 50) -> list[Due]:
        """The oldest pending entries, oldest first."""
        with self._store.session() as conn:
            rows = conn.execute(
                f"SELECT seq, idempotency_key, sealed_insz, {RECORD_COLUMNS} "
                "FROM outbox JOIN audit_records USING (seq) "
                "WHERE state = 'pending' ORDER BY seq LIMIT ?",
                (limit,),
            ).fetchall()
        return [Due(int(r[0]), str(r[1]), entry_from_row(r[3:]), r[2]) for r in rows]

    def waiting(self, limit: int = 100) -> list[Waiting]:
        """Entries pending or rejected, oldest first."""
        with self._store.session() as conn:
            rows = conn.execute(
                "SELECT seq, at, kind, service, state, attempts, last_attempt_at, last_problem "
                "FROM outbox JOIN audit_records USING (seq) "
                "WHERE state != 'delivered' ORDER BY seq LIMIT ?",
                (limit,),
            ).fetchall()
        return [
            Waiting(
                seq=int(seq),
                at=dt.datetime.fromisoformat(at),
                kind=str(kind),
                service=service,
                state=DeliveryState(state),
                attempts=int(attempts),
                last_attempt_at=dt.datetime.fromisoformat(tried) if tried else None,
                last_problem=Problem(problem) if problem in Problem.__members__ else None,
            )
            for seq, at, kind, service, state, attempts, tried, problem in rows
        ]

    def mark_delivered(self, seq: int, receipt: OverrideReceipt) -> None:
        """Delivered: the receipt's id kept and chained, the sealed number dropped (durably)."""
        store = self._store
        with store.session() as conn:
            with immediate(conn):
                changed = conn.execute(
                    "UPDATE outbox SET state = 'delivered', sealed_insz = NULL, delivered_at = ?, "
                    "override_id = ?, attempts = attempts + 1, last_attempt_at = ?, "
                    "last_problem = NULL WHERE seq = ? AND state = 'pending'",
                    (_utc(receipt.recorded_at), receipt.override_id, _now(), seq),
                ).rowcount
                if not changed:
                    return  # delivered (or refused) already: one chained record per change
                entry = delivery_entry(
                    _entry_of(conn, seq),
                    of=seq,
                    override_id=receipt.override_id,
                    recorded_at=receipt.recorded_at,
                )
                appended = store.append_in(conn, entry)
            store.note_head(appended)

    def mark_failed(self, seq: int, problem: Problem, *, final: bool) -> None:
        """An attempt that failed; ``final``: the backend refused it for good (chained)."""
        state = DeliveryState.REJECTED if final else DeliveryState.PENDING
        store = self._store
        with store.session() as conn:
            with immediate(conn):
                changed = conn.execute(
                    "UPDATE outbox SET state = ?, attempts = attempts + 1, last_attempt_at = ?, "
                    "last_problem = ? WHERE seq = ? AND state = 'pending'",
                    (state.value, _now(), problem.value, seq),
                ).rowcount
                if not (changed and final):
                    return
                entry = rejection_entry(_entry_of(conn, seq), of=seq, problem=problem)
                appended = store.append_in(conn, entry)
            store.note_head(appended)


def _entry_of(conn: sqlite3.Connection, seq: int) -> AuditEntry:
    row = conn.execute(
        f"SELECT {RECORD_COLUMNS} FROM audit_records WHERE seq = ?", (seq,)
    ).fetchone()
    return entry_from_row(row)
