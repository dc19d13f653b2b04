# SPDX-License-Identifier: EUPL-1.2
"""The outbox sender: a backend down for a long time, restarts, refusals, the status bar count."""

from __future__ import annotations

import random
import threading
import time
import uuid
from typing import TYPE_CHECKING

import httpx
import pytest

from app.audit.outbox import Backoff, OutboxSender
from app.audit.outbox_table import DeliveryState, Outbox, OutboxState
from app.audit.store import AuditStore
from app.problems import Problem
from tests.audit_support import (
    CITIZENS,
    KEY,
    Backend,
    advice_of,
    against,
    manual,
    outbox_rows,
    recorder,
)
from tests.audit_support import remote as remote_client
from tests.contract_check import check_response, contract_for
from tests.served import free_port

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

FAST = Backoff(first_s=0.02, cap_s=0.2)


def _wait_for(condition: Callable[[], bool], seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.02)


def test_outbox_backoff_doubles_up_to_the_cap_with_jitter() -> None:
    backoff = Backoff(first_s=1.0, cap_s=300.0)
    assert [backoff.step(n) for n in range(1, 12)] == [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]
    assert backoff.step(10_000) == 300.0
    rng = random.Random(1)
    delays = [backoff.delay(4, rng) for _ in range(200)]
    assert all(4.0 <= d <= 8.0 for d in delays)
    assert max(delays) - min(delays) > 2.0  # spread, so desks do not retry in step


def test_outbox_backend_down_then_up_across_a_restart_delivers_each_once(tmp_path: Path) -> None:
    """Down for the whole first run (the sender backs off), restarted, then up: all delivered."""
    port = free_port()  # nothing listens here until the backend starts
    path = tmp_path / "audit.sqlite"
    store = AuditStore(path, key=KEY)
    client = remote_client(f"http://127.0.0.1:{port}")
    sender = OutboxSender(store, client, backoff=FAST, idle_s=0.05)
    sender.start()
    desk = recorder(store, on_recorded=sender.wake)
    keys = [desk.record_override(manual(index)).idempotency_key for index in range(12)]
    _wait_for(lambda: sender.failures >= 4)
    assert sender.state() == OutboxState(pending=12, rejected=0)
    waiting = Outbox(store).waiting()
    assert waiting[0].attempts >= 4
    assert waiting[0].last_problem is Problem.BACKEND_UNREACHABLE
    sender.stop()
    store.close()

    store = AuditStore(path, key=KEY)  # the desk restarts; the backend comes up on its port
    sender = OutboxSender(store, client, backoff=FAST, idle_s=0.05)
    with Backend(tmp_path / "backend", port) as backend:
        sender.start()
        try:
            _wait_for(lambda: sender.state().pending == 0)
        finally:
            sender.stop()
            store.close()
            client.close()
        held = backend.overrides()
    rows = outbox_rows(path)
    assert set(held) == set(keys) == set(rows)
    assert {key: receipt for key, (_, receipt) in rows.items()} == held


def test_outbox_refusal_is_final_and_does_not_block_the_rest(tmp_path: Path) -> None:
    store = AuditStore(tmp_path / "audit.sqlite", key=KEY)
    desk = recorder(store)
    with Backend(tmp_path / "backend") as backend:
        unknown = desk.record_override(against(advice_of("nooit-uitgegeven", "STANDAARD")))
        advice = backend.advise(1)
        kept = [desk.record_override(against(advice)), desk.record_override(manual(2))]
        client = remote_client(backend.url)
        try:
            done = OutboxSender(store, client).deliver_pending()
        finally:
            client.close()
        held = backend.overrides()
    assert (done.delivered, done.rejected, done.stopped_by) == (2, 1, None)
    assert set(held) == {r.idempotency_key for r in kept}
    [refused] = Outbox(store).waiting()
    assert (refused.seq, refused.state) == (unknown.seq, DeliveryState.REJECTED)
    assert refused.last_problem is Problem.UNKNOWN_ADVICE
    assert store.verify().ok
    store.close()


def test_outbox_receipt_of_a_decision_without_advice_follows_the_contract(tmp_path: Path) -> None:
    """``serve`` answers advice_id: null (required by the contract), so our client accepts it."""
    body = {
        "service": "uitpas-kansentarief",
        "insz": CITIZENS[0].national_number.digits,
        "outcome_code": "KANSENTARIEF",
        "reason_code": "ADVICE_UNAVAILABLE",
        "reason_text": "adviesdienst onbereikbaar, attest getoond",
        "staff_id": "medewerker-7",
        "desk": "balie-1",
        "decided_at": "2026-11-22T10:00:00Z",
    }
    headers = {"X-Request-Id": str(uuid.uuid4()), "Idempotency-Key": "sleutel-00000001"}
    with Backend(tmp_path / "backend") as backend:
        response = httpx.post(backend.url + "/v1/overrides", json=body, headers=headers)
        check_response(contract_for(backend.url), response)
    assert response.status_code == 201
    assert response.json()["advice_id"] is None


def test_outbox_embedded_backend_records_through_the_same_port(tmp_path: Path) -> None:
    store = AuditStore(tmp_path / "audit.sqlite", key=KEY)
    desk = recorder(store)
    backend = Backend(tmp_path / "backend")  # not served: the engine is the port itself
    try:
        first = desk.record_override(against(backend.advise(0)))
        second = desk.record_override(manual(3))
        sender = OutboxSender(store, backend.engine)
        assert sender.deliver_pending().delivered == 2
        assert sender.deliver_pending().delivered == 0  # nothing twice
        assert set(backend.overrides()) == {first.idempotency_key, second.idempotency_key}
    finally:
        backend.engine.close()
        store.close()


def test_outbox_thread_reports_the_pending_count_and_stops_cleanly(tmp_path: Path) -> None:
    store = AuditStore(tmp_path / "audit.sqlite", key=KEY)
    seen: list[OutboxState] = []
    names: set[str] = set()

    def on_change(state: OutboxState) -> None:
        seen.append(state)
        names.add(threading.current_thread().name)

    with Backend(tmp_path / "backend") as backend:
        client = remote_client(backend.url)
        sender = OutboxSender(store, client, backoff=FAST, on_change=on_change)
        sender.start()
        with pytest.raises(RuntimeError):
            sender.start()
        desk = recorder(store, on_recorded=sender.wake)
        for index in range(3):
            desk.record_override(manual(index))
        _wait_for(lambda: sender.state().pending == 0)
        sender.stop()
        sender.stop()  # a second stop is harmless
        client.close()
    assert names == {"bc-net-outbox"}
    assert seen[-1] == OutboxState(pending=0, rejected=0)
    assert any(state.pending > 0 for state in seen)
    store.close()
