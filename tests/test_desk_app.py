# SPDX-License-Identifier: EUPL-1.2
"""DeskApp without Qt: training cards to verdicts, decisions recorded and sent, status."""

from __future__ import annotations

import datetime as dt
import threading
from typing import TYPE_CHECKING

import pytest

from app.audit.decisions import open_audit_store
from app.desk.app import BackendState, DeskApp, DeskStatus
from app.desk.state import DeskState, Phase, ReaderState
from app.eligibility.embedded.sample_data import sample_citizens
from app.eligibility.wire import Channel, ReasonCode
from app.problems import AppError, Problem
from app.settings.config import BackendKind, Config, RemoteSettings
from tests.bad_backend import closed_port

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from eid.insz import NationalNumber


def _wait(
    subscribe: Callable[[Callable[[object], None]], None],
    ok: Callable[[object], bool],
    timeout: float = 10,
) -> object:
    seen: list[object] = []
    changed = threading.Condition()

    def on(value: object) -> None:
        with changed:
            seen.append(value)
            changed.notify_all()

    subscribe(on)
    with changed:
        assert changed.wait_for(lambda: any(ok(v) for v in seen), timeout), seen[-1:]
        return next(v for v in seen if ok(v))


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[DeskApp]:
    app = DeskApp.start(Config(training=True), tmp_path)
    yield app
    app.stop()


def _verdict(state: object) -> bool:
    return isinstance(state, DeskState) and state.phase is Phase.VERDICT


def test_desk_app_training_card_override_is_recorded_and_sent(
    desk: DeskApp, tmp_path: Path
) -> None:
    labels = [label for label, _card in desk.training_cards()]
    index = next(i for i, label in enumerate(labels) if label.startswith("Kansentarief"))
    desk.insert_training_card(index)
    state = _wait(desk.workflow.subscribe, _verdict)
    assert isinstance(state, DeskState)
    assert state.advice is not None
    assert state.advice.outcome.code == "KANSENTARIEF"
    desk.workflow.reader_state_changed(ReaderState.NO_READER)  # same verdict, new snapshot
    recorded = desk.decide(
        transaction=state.transaction,
        applied_outcome="STANDAARD",
        reason_code=ReasonCode.DATA_OUTDATED,
        reason_text="verhuisd volgens documenten",
    ).result(10)
    assert recorded.idempotency_key
    _wait(
        desk.subscribe_status,
        lambda s: isinstance(s, DeskStatus) and s.pending == 0 and s.backend is BackendState.OK,
    )
    desk.remove_training_card()
    store = open_audit_store(desk.config, tmp_path)
    try:
        kinds = [
            entry.kind.value
            for _seq, entry in store.records(
                dt.datetime(2000, 1, 1, tzinfo=dt.UTC), dt.datetime(2100, 1, 1, tzinfo=dt.UTC)
            )
        ]
    finally:
        store.close()
    assert kinds.count("advice_shown") == 1
    assert "override" in kinds


def test_desk_app_backend_down_manual_decision_waits_in_the_outbox(tmp_path: Path) -> None:
    DeskApp.start(Config(training=True), tmp_path).stop()  # once up: the catalogue is kept
    remote = RemoteSettings.model_validate(
        {
            "base_url": f"http://127.0.0.1:{closed_port()}",
            "auth": "none",
            "advice_retries": 0,
            "timeout_s": 1.0,
        }
    )
    desk = DeskApp.start(Config(training=True, backend=BackendKind.REMOTE, remote=remote), tmp_path)
    try:
        assert "uitpas-kansentarief" in [s.code for s in desk.services]
        desk.insert_training_card(0)
        state = _wait(
            desk.workflow.subscribe,
            lambda s: isinstance(s, DeskState) and s.phase is Phase.PROBLEM,
        )
        assert isinstance(state, DeskState)
        assert state.problem is Problem.BACKEND_UNREACHABLE
        desk.decide(
            transaction=state.transaction,
            applied_outcome="KANSENTARIEF",
            reason_code=ReasonCode.ADVICE_UNAVAILABLE,
            reason_text="attest OCMW getoond aan balie",
        ).result(10)
        _wait(
            desk.subscribe_status,
            lambda s: (
                isinstance(s, DeskStatus)
                and s.pending == 1
                and s.backend is BackendState.UNREACHABLE
            ),
        )
    finally:
        desk.stop()


def test_desk_app_decision_for_a_screen_that_changed_is_refused(desk: DeskApp) -> None:
    transaction = desk.workflow.enter_manually(desk_number(desk))
    _wait(desk.workflow.subscribe, _verdict)
    desk.workflow.clear()
    with pytest.raises(AppError) as caught:
        desk.decide(
            transaction=transaction,
            applied_outcome="STANDAARD",
            reason_code=ReasonCode.OTHER,
            reason_text="een reden van genoeg tekens",
        )
    assert caught.value.problem is Problem.INVALID_REQUEST
    assert desk.workflow.state.channel is None or desk.workflow.state.channel is Channel.MANUAL


def desk_number(desk: DeskApp) -> NationalNumber:
    return sample_citizens()[0].national_number
