# SPDX-License-Identifier: EUPL-1.2
"""The outbox's state changes as chained records, and their check against the outbox table.

A delivery (the backend's receipt) and a final refusal are written as chained records
(``delivered``, ``rejected``) in the same transaction that changes the outbox row, so the row
and the chain cannot disagree after a crash. The outbox row itself is not chained (its attempt
counters change on every try); ``audit verify`` therefore checks it against the chain: a row
marked delivered or rejected without a chained record (edited by hand: that decision would
never reach the backend), a chained delivery whose row is pending, gone or names another
receipt, and a decision whose outbox row is gone are each reported.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.audit.chain import Break
from app.audit.records import AuditEntry, RecordKind, utc_text

if TYPE_CHECKING:
    import sqlite3

    from app.problems import Problem

_OUTBOX_KINDS = (RecordKind.OVERRIDE.value, RecordKind.MANUAL_DECISION.value)
_STATE_OF_KIND = {RecordKind.DELIVERED.value: "delivered", RecordKind.REJECTED.value: "rejected"}


@dataclass(frozen=True, slots=True)
class OutboxFinding:
    """The first outbox entry that disagrees with the chain: which record, how, and why."""

    seq: int
    broken: Break
    reason: str


def delivery_entry(
    original: AuditEntry, *, of: int, override_id: str, recorded_at: dt.datetime
) -> AuditEntry:
    """The chained record of a receipt for record ``of`` (desk and staff of the decision)."""
    detail = {"of": of, "override_id": override_id, "recorded_at": utc_text(recorded_at)}
    return _entry(RecordKind.DELIVERED, original, detail)


def rejection_entry(original: AuditEntry, *, of: int, problem: Problem) -> AuditEntry:
    """The chained record of the backend refusing record ``of`` for good."""
    return _entry(RecordKind.REJECTED, original, {"of": of, "problem": problem.value})


def _entry(kind: RecordKind, original: AuditEntry, detail: dict[str, object]) -> AuditEntry:
    return AuditEntry(
        kind=kind,
        at=dt.datetime.now(dt.UTC),
        desk=original.desk,
        staff_id=original.staff_id,
        service=original.service,
        advice_id=original.advice_id,
        applied_outcome=original.applied_outcome,
        detail=json.dumps(detail, sort_keys=True, separators=(",", ":")),
    )


def check_outbox(conn: sqlite3.Connection, first_seq: int) -> OutboxFinding | None:
    """The lowest-numbered disagreement between the outbox and the chain, if any.

    Records before ``first_seq`` were purged (with their outbox rows): they are not asked for.
    """
    chained: dict[int, tuple[str, str | None]] = {}
    for seq, kind, detail in conn.execute(
        "SELECT seq, kind, detail FROM audit_records WHERE kind IN (?, ?) ORDER BY seq",
        tuple(_STATE_OF_KIND),
    ):
        of, receipt = _named(detail)
        if of is None:
            return OutboxFinding(int(seq), Break.CHANGED, "its delivery detail cannot be read")
        chained.setdefault(of, (_STATE_OF_KIND[str(kind)], receipt))
    findings = [f for f in _row_findings(conn, chained) if f.seq >= first_seq]
    missing = conn.execute(
        "SELECT r.seq FROM audit_records r LEFT JOIN outbox o USING (seq) "
        f"WHERE r.kind IN ({', '.join('?' * len(_OUTBOX_KINDS))}) AND o.seq IS NULL "
        "ORDER BY r.seq LIMIT 1",
        _OUTBOX_KINDS,
    ).fetchone()
    if missing is not None:
        reason = "its outbox entry is gone: the decision would never reach the backend"
        findings.append(OutboxFinding(int(missing[0]), Break.OUTBOX_CHANGED, reason))
    return min(findings, key=lambda f: f.seq, default=None)


def _row_findings(
    conn: sqlite3.Connection, chained: dict[int, tuple[str, str | None]]
) -> list[OutboxFinding]:
    findings = []
    rows = {
        int(seq): (str(state), override_id)
        for seq, state, override_id in conn.execute("SELECT seq, state, override_id FROM outbox")
    }
    for seq, (state, override_id) in sorted(rows.items()):
        recorded = chained.get(seq)
        if recorded is None:
            if state != "pending":
                reason = f"the outbox says {state} but no such change was recorded in the chain"
                findings.append(OutboxFinding(seq, Break.UNRECORDED_DELIVERY, reason))
        elif state != recorded[0]:
            reason = f"the outbox says {state} but the chain recorded {recorded[0]}"
            findings.append(OutboxFinding(seq, Break.OUTBOX_CHANGED, reason))
        elif state == "delivered" and override_id != recorded[1]:
            reason = "the outbox names another receipt than the one recorded in the chain"
            findings.append(OutboxFinding(seq, Break.OUTBOX_CHANGED, reason))
    for seq, (state, _receipt) in chained.items():
        if seq not in rows:
            reason = f"the chain recorded it {state} but its outbox entry is gone"
            findings.append(OutboxFinding(seq, Break.OUTBOX_CHANGED, reason))
    return findings


def _named(detail: object) -> tuple[int | None, str | None]:
    """The record a delivery detail names, and its receipt (None for a rejection)."""
    try:
        fields = json.loads(str(detail))
        receipt = fields.get("override_id")
        return int(fields["of"]), None if receipt is None else str(receipt)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None, None
