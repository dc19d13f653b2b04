# SPDX-License-Identifier: EUPL-1.2
"""Retention: a purge removes old records for good and leaves a chain that still verifies."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing
from dataclasses import replace
from typing import TYPE_CHECKING

from app.audit.chain import Break
from app.audit.outbox import OutboxSender
from app.audit.retention import PurgePlan, purge
from app.audit.store import AuditStore
from app.eligibility.wire import Channel
from app.problems import Problem
from tests.audit_support import KEY, Backend, advice_of, manual, recorder

if TYPE_CHECKING:
    from pathlib import Path

NOW = dt.datetime.now(dt.UTC)
OLD = NOW - dt.timedelta(days=1000)
CUTOFF = NOW - dt.timedelta(days=730)
MARK = "oude-reden-die-weg-moet"


def _old_store(path: Path) -> AuditStore:
    """Records 1-6 old (no outbox), 7 an old manual decision still pending, 8-10 old, 11-12 new."""
    store = AuditStore(path, key=KEY)
    old = recorder(store, now=lambda: OLD)
    new = recorder(store, now=lambda: NOW)
    for index in range(6):
        old.record_advice_shown(advice_of(f"advies-{index}", "STANDAARD"), Channel.CARD, None)
    old.record_override(manual(7, f"{MARK} met een attest van het OCMW"))
    for _ in range(3):
        old.record_problem(Problem.SOURCE_UNAVAILABLE, "lez-registratie", Channel.CARD)
    new.record_problem(Problem.BACKEND_TIMEOUT, None, None)
    new.record_override(manual(1))
    return store


def _purge(store: AuditStore, *, dry_run: bool = False) -> PurgePlan:
    report = purge(store, before=CUTOFF, desk="balie-1", staff_id="beheerder", dry_run=dry_run)
    return report.plan


def _file_bytes(path: Path) -> bytes:
    return b"".join(
        p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists()
    )


def test_retention_stops_at_a_pending_decision_then_purges_after_delivery(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite"
    store = _old_store(path)
    assert _purge(store, dry_run=True) == PurgePlan(6, 1, 6, held_back_at=7)
    assert store.verify().records == 12  # a dry run removes nothing
    assert _purge(store) == PurgePlan(6, 1, 6, held_back_at=7)
    report = store.verify()
    assert report.ok, report
    assert (report.first_seq, report.last_seq) == (7, 13)  # 13: the checkpoint

    backend = Backend(tmp_path / "backend")
    try:
        assert OutboxSender(store, backend.engine).deliver_pending().delivered == 2
    finally:
        backend.engine.close()
    assert _purge(store) == PurgePlan(4, 7, 10)
    report = store.verify()
    assert report.ok, report
    assert (report.first_seq, report.last_seq) == (11, 16)  # 14-15 the deliveries, 16 checkpoint
    store.close()
    assert MARK.encode() not in _file_bytes(path)  # overwritten, not just unlinked


def test_retention_checkpoint_names_what_it_removed(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite"
    store = _old_store(path)
    _purge(store)
    [(seq, checkpoint)] = [
        (seq, entry)
        for seq, entry in store.records(OLD, NOW + dt.timedelta(1))
        if entry.detail and "anchor" in entry.detail
    ]
    store.close()
    detail = json.loads(checkpoint.detail or "")
    assert (seq, checkpoint.staff_id, checkpoint.desk) == (13, "beheerder", "balie-1")
    assert (detail["purged_from"], detail["purged_through"], detail["count"]) == (1, 6, 6)
    assert len(bytes.fromhex(detail["anchor"])) == 32


def test_retention_removal_without_checkpoint_or_with_a_changed_one_is_caught(
    tmp_path: Path,
) -> None:
    path = tmp_path / "audit.sqlite"
    store = _old_store(path)
    _purge(store)
    store.close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DROP TRIGGER audit_records_append_only")
        conn.execute("DELETE FROM audit_records WHERE seq IN (7, 8)")  # more than was purged
        conn.commit()
    with AuditStore(path, key=KEY) as reopened:
        report = reopened.verify()
    assert (report.broken, report.broken_seq, report.through_seq) == (Break.MISSING, 7, 8)

    path = tmp_path / "second.sqlite"
    store = _old_store(path)
    _purge(store)
    store.close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DROP TRIGGER audit_records_append_only")
        conn.execute(
            "UPDATE audit_records SET detail = replace(detail, '\"purged_through\":6', "
            "'\"purged_through\":8') WHERE seq = 13"
        )
        conn.commit()
    with AuditStore(path, key=KEY) as reopened:
        report = reopened.verify()
    assert (report.broken, report.broken_seq) == (Break.CHANGED, 13)


def test_retention_nothing_old_means_no_checkpoint(tmp_path: Path) -> None:
    with AuditStore(tmp_path / "audit.sqlite", key=KEY) as store:
        desk = recorder(store)
        desk.record_override(replace(manual(0), reason_text="een nieuwe beslissing van vandaag"))
        assert _purge(store) == PurgePlan(0)
        assert store.verify().records == 1
    with AuditStore(tmp_path / "empty.sqlite", key=KEY) as empty:
        assert _purge(empty) == PurgePlan(0)
