# SPDX-License-Identifier: EUPL-1.2
"""The outbox under the chain: a delivery is a chained record, and a row edited by hand is named.

An outbox row set to "delivered" with the sqlite3 tool would keep that decision from ever
reaching the backend; ``audit verify`` finds no chained delivery for it and says so.
"""

from __future__ import annotations

import io
import json
import sqlite3
from contextlib import closing
from typing import TYPE_CHECKING

import pytest

from app.audit.chain import Break
from app.audit.decisions import open_audit_store
from app.audit.outbox import OutboxSender
from app.audit.outbox_table import Outbox
from app.audit.records import RecordKind
from app.audit.store import AuditStore
from app.cli.context import EXIT_FAILED
from app.cli.main import main
from app.problems import Problem
from app.settings.config import Config, data_dir
from tests.audit_support import KEY, Backend, manual, recorder

if TYPE_CHECKING:
    from pathlib import Path

    from app.audit.chain import VerifyReport


def _edit(path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(path)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()


def _verify(path: Path) -> VerifyReport:
    with AuditStore(path, key=KEY) as store:
        return store.verify()


@pytest.fixture
def delivered_two(tmp_path: Path) -> Path:
    """Four decisions; the first two delivered through the served engine, two still pending."""
    path = tmp_path / "audit.sqlite"
    backend = Backend(tmp_path / "backend")
    try:
        with AuditStore(path, key=KEY) as store:
            desk = recorder(store)
            for index in range(2):
                desk.record_override(manual(index))
            assert OutboxSender(store, backend.engine).deliver_pending().delivered == 2
            for index in range(2, 4):
                desk.record_override(manual(index))
    finally:
        backend.engine.close()
    return path


def test_outbox_chain_delivery_is_a_chained_record(delivered_two: Path) -> None:
    report = _verify(delivered_two)
    assert report.ok, report
    assert report.records == 6
    with closing(sqlite3.connect(delivered_two)) as conn:
        rows = conn.execute("SELECT seq, kind, detail FROM audit_records ORDER BY seq").fetchall()
        receipts = dict(
            conn.execute("SELECT seq, override_id FROM outbox WHERE state = ?", ("delivered",))
        )
    kinds = [kind for _, kind, _ in rows]
    assert kinds == ["manual_decision"] * 2 + ["delivered"] * 2 + ["manual_decision"] * 2
    details = [json.loads(detail) for _, kind, detail in rows if kind == "delivered"]
    assert [(d["of"], d["override_id"]) for d in details] == sorted(receipts.items())


@pytest.mark.parametrize(
    ("statement", "broken", "seq"),
    [
        (
            "UPDATE outbox SET state = 'delivered', sealed_insz = NULL WHERE seq = 5",
            "unrecorded",
            5,
        ),
        ("UPDATE outbox SET state = 'rejected' WHERE seq = 6", "unrecorded", 6),
        ("UPDATE outbox SET state = 'pending' WHERE seq = 2", "changed", 2),
        ("UPDATE outbox SET override_id = 'ander-kenmerk' WHERE seq = 1", "changed", 1),
        ("DELETE FROM outbox WHERE seq = 6", "changed", 6),
        ("DELETE FROM outbox WHERE seq = 1", "changed", 1),
    ],
)
def test_outbox_chain_hand_edits_are_named(
    delivered_two: Path, statement: str, broken: str, seq: int
) -> None:
    _edit(delivered_two, statement)
    report = _verify(delivered_two)
    expected = Break.UNRECORDED_DELIVERY if broken == "unrecorded" else Break.OUTBOX_CHANGED
    assert (report.broken, report.broken_seq) == (expected, seq), report


def test_outbox_chain_final_refusal_is_chained_once(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite"
    with AuditStore(path, key=KEY) as store:
        recorded = recorder(store).record_override(manual(0))
        outbox = Outbox(store)
        outbox.mark_failed(recorded.seq, Problem.BACKEND_UNREACHABLE, final=False)  # not a change
        outbox.mark_failed(recorded.seq, Problem.INVALID_REQUEST, final=True)
        outbox.mark_failed(recorded.seq, Problem.INVALID_REQUEST, final=True)  # no longer pending
        report = store.verify()
    assert report.ok, report
    with closing(sqlite3.connect(path)) as conn:
        kinds = [k for (k,) in conn.execute("SELECT kind FROM audit_records ORDER BY seq")]
    assert kinds == [RecordKind.MANUAL_DECISION, RecordKind.REJECTED]
    _edit(path, "UPDATE outbox SET state = 'delivered' WHERE seq = 1")
    assert _verify(path).broken is Break.OUTBOX_CHANGED


def test_outbox_chain_verify_command_says_it_never_reached_the_backend(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("training = false\n", encoding="utf-8")
    store = open_audit_store(Config(training=False), data_dir())
    try:
        for index in range(3):
            recorder(store).record_override(manual(index))
    finally:
        store.close()
    _edit(data_dir() / "audit.sqlite", "UPDATE outbox SET state = 'delivered' WHERE seq = 2")
    out, err = io.StringIO(), io.StringIO()
    assert main(["--lang", "fr", "audit", "verify"], out=out, err=err) == EXIT_FAILED
    assert out.getvalue().splitlines()[0] == (
        "Journal d'audit ROMPU à l'enregistrement 2 : la file d'attente dit que cette décision "
        "a été livrée (ou refusée), mais cela n'a jamais été enregistré : elle n'a peut-être "
        "jamais atteint le service d'avis."
    )
