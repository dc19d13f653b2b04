# SPDX-License-Identifier: EUPL-1.2
"""No national number in the audit store's bytes (file, log, head), nor in logs and output."""

from __future__ import annotations

import io
import logging
import sqlite3
from contextlib import closing
from dataclasses import replace
from typing import TYPE_CHECKING

import pytest

from app.audit.decisions import open_audit_store
from app.audit.outbox import OutboxSender
from app.audit.store import AuditStore
from app.cli.main import main
from app.eligibility.wire import Channel
from app.problems import AppError, Problem
from app.settings.config import Config
from tests.audit_support import (
    CITIZENS,
    KEY,
    NUMBERS,
    Backend,
    advice_of,
    against,
    manual,
    recorder,
    remote,
)
from tests.test_privacy import record_texts

if TYPE_CHECKING:
    from pathlib import Path


def _forms(digits: str) -> list[bytes]:
    """The number as digits, as printed on the card, and spaced; in UTF-8 and UTF-16."""
    dotted = f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}-{digits[6:9]}.{digits[9:]}"
    spaced = f"{digits[:6]} {digits[6:9]} {digits[9:]}"
    texts = [digits, dotted, spaced]
    return [t.encode(codec) for t in texts for codec in ("utf-8", "utf-16-le")]


def _leaks(blob: bytes) -> list[str]:
    return [n for n in NUMBERS for form in _forms(n) if form in blob]


def _store_bytes(path: Path) -> bytes:
    parts = [path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", ".head"))]
    return b"".join(p.read_bytes() for p in parts if p.exists())


def _record_everything(store: AuditStore) -> None:
    """Every kind of record, for every sample person, with numbers typed into the reasons."""
    desk = recorder(store)
    for index, digits in enumerate(NUMBERS):
        number = CITIZENS[index].national_number
        typed = f"nummer {digits[:6]}-{digits[6:9]}.{digits[9:]} en {digits} genoemd"
        desk.record_override(replace(manual(index), reason_text=typed))
        desk.record_override(against(advice_of(f"advies-{index}", "KANSENTARIEF"), index))
        desk.record_advice_shown(advice_of(f"getoond-{index}", "STANDAARD"), Channel.CARD, number)
        desk.record_problem(Problem.PERSON_UNKNOWN, "lez-registratie", Channel.MANUAL)


def test_privacy_no_number_in_the_store_bytes_before_and_after_delivery(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite"
    store = AuditStore(path, key=KEY)
    _record_everything(store)
    assert path.with_name("audit.sqlite-wal").stat().st_size > 0  # the log holds the records
    assert _leaks(_store_bytes(path)) == []
    with closing(sqlite3.connect(path)) as conn:
        sealed = conn.execute("SELECT count(*) FROM outbox WHERE sealed_insz IS NOT NULL")
        assert sealed.fetchone()[0] == len(NUMBERS)  # kept for the backend, but sealed
    backend = Backend(tmp_path / "backend")
    try:
        done = OutboxSender(store, backend.engine).deliver_pending()
    finally:
        backend.engine.close()
    assert done.delivered == len(NUMBERS)  # the overrides of never-issued advices are refused
    assert _leaks(_store_bytes(path)) == []
    store.close()
    assert _leaks(_store_bytes(path)) == []
    with closing(sqlite3.connect(path)) as conn:
        sealed = conn.execute("SELECT count(*) FROM outbox WHERE sealed_insz IS NOT NULL")
        assert sealed.fetchone()[0] == 0  # delivered: the sealed copy is gone


def test_privacy_no_number_in_logs_errors_or_command_output(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    shown: list[str] = []
    data = tmp_path / "data"
    store = open_audit_store(Config(training=True), data)
    desk = recorder(store)
    for index, digits in enumerate(NUMBERS[:4]):
        desk.record_override(replace(manual(index), reason_text=f"opgegeven als {digits} x"))
        with pytest.raises(AppError) as caught:  # refused: the error text names fields only
            desk.record_override(replace(manual(index), reason_text=digits + "x" * 1000))
        shown.append(str(caught.value) + repr(caught.value))
    desk.record_override(against(advice_of("nooit-uitgegeven", "STANDAARD")))
    client = remote("http://127.0.0.1:9")  # nothing listens: unreachable
    OutboxSender(store, client).deliver_pending()
    client.close()
    with Backend(tmp_path / "backend") as backend:
        client = remote(backend.url)
        OutboxSender(store, client).deliver_pending()  # one delivered, one refused
        client.close()
    store.close()
    for argv in (["verify"], ["export", "--from", "2000-01-01", "--to", "2100-01-01"], ["pending"]):
        out = io.StringIO()
        main(["-v", "audit", *argv], out=out)
        shown.append(out.getvalue())
    joined = "\n".join(shown)
    assert "opgegeven als" in joined  # the export ran, and shows the masked reason
    assert [n for n in NUMBERS if n in joined] == []
    assert [n for n in NUMBERS if n in record_texts(caplog.records)] == []
    assert "not delivered" in caplog.text
