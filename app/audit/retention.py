# SPDX-License-Identifier: EUPL-1.2
"""Retention: the oldest audit records removed, with a checkpoint that keeps the chain checkable.

A purge removes the longest run of records from the start that are all older than the cut-off
and have no outbox entry still waiting for the backend (a decision not delivered is never
purged). In the same transaction it appends a ``checkpoint`` record whose detail names the
range removed and the hash of the last removed record (the ``anchor``); the remaining chain
starts from that hash, and the checkpoint itself is chained and keyed like every record, so a
removal without one (or a changed one) shows up in ``audit verify``. Removed rows are
overwritten (``secure_delete``) and the write-ahead log is truncated afterwards.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.audit.database import immediate
from app.audit.records import AuditEntry, RecordKind, utc_text

if TYPE_CHECKING:
    import sqlite3

    from app.audit.store import Appended, AuditStore


@dataclass(frozen=True, slots=True)
class PurgePlan:
    """The records a purge removes: ``first_seq`` to ``through_seq``; ``held_back_at`` the
    first record kept only because its outbox entry is still pending."""

    count: int
    first_seq: int | None = None
    through_seq: int | None = None
    held_back_at: int | None = None


@dataclass(frozen=True, slots=True)
class PurgeReport:
    plan: PurgePlan
    checkpoint_seq: int | None = None


def purge(
    store: AuditStore,
    *,
    before: dt.datetime,
    desk: str,
    staff_id: str,
    dry_run: bool = False,
) -> PurgeReport:
    """Remove records older than ``before`` (see the module text); ``dry_run`` only counts."""
    appended: Appended | None = None
    with store.session() as conn:
        with immediate(conn):
            plan = _plan(conn, before)
            if plan.through_seq is None or dry_run:
                return PurgeReport(plan)
            anchor = conn.execute(
                "SELECT hash FROM audit_records WHERE seq = ?", (plan.through_seq,)
            ).fetchone()[0]
            conn.execute("DELETE FROM outbox WHERE seq <= ?", (plan.through_seq,))
            conn.execute("DELETE FROM audit_records WHERE seq <= ?", (plan.through_seq,))
            detail = {
                "purged_from": plan.first_seq,
                "purged_through": plan.through_seq,
                "count": plan.count,
                "anchor": bytes(anchor).hex(),
                "before": utc_text(before),
            }
            checkpoint = AuditEntry(
                kind=RecordKind.CHECKPOINT,
                at=dt.datetime.now(dt.UTC),
                desk=desk,
                staff_id=staff_id,
                detail=json.dumps(detail, sort_keys=True, separators=(",", ":")),
            )
            appended = store.append_in(conn, checkpoint)
        store.note_head(appended)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # removed rows leave the log too
    return PurgeReport(plan, appended.seq)


def _plan(conn: sqlite3.Connection, before: dt.datetime) -> PurgePlan:
    first, last = conn.execute("SELECT min(seq), max(seq) FROM audit_records").fetchone()
    if first is None:
        return PurgePlan(0)
    young = conn.execute(
        "SELECT min(seq) FROM audit_records WHERE at >= ?", (utc_text(before),)
    ).fetchone()[0]
    pending = conn.execute("SELECT min(seq) FROM outbox WHERE state = 'pending'").fetchone()[0]
    stop = min(s for s in (young, pending, last + 1) if s is not None)
    held_back = pending if pending is not None and pending == stop and stop != young else None
    if stop <= first:
        return PurgePlan(0, held_back_at=held_back)
    count = conn.execute("SELECT count(*) FROM audit_records WHERE seq < ?", (stop,)).fetchone()[0]
    return PurgePlan(int(count), int(first), int(stop) - 1, held_back)
