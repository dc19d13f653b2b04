# SPDX-License-Identifier: EUPL-1.2
"""One person at a time on screen: the privacy timeout clears a verdict (but not while staff
fill in a dialog), and a card swapped while the advice is under way never shows the first
person's verdict."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.desk.state import Phase
from app.settings.config import BackendKind, Config, DeskSettings, RemoteSettings
from tests.bad_backend import (
    ADVICE_DOC,
    HEALTH_DOC,
    SERVICE_DOC,
    STANDAARD,
    BadBackend,
    json_reply,
)
from tests.desk_support import ManualClock, answering
from ui.override_dialog import OverrideDialog

if TYPE_CHECKING:
    import pytest
    from pytestqt.qtbot import QtBot

    from app.desk.state import DeskState
    from tests.desk_support import Desk, MakeDesk

TIMEOUT_S = 5  # the shortest the configuration allows
WAITING_TITLE = "Steek de eID-kaart in de lezer"
DROPPED = "dropped a result of an earlier transaction"


def _timed_desk(make_desk: MakeDesk) -> tuple[Desk, ManualClock]:
    clock = ManualClock()
    config = Config(training=True, desk=DeskSettings(privacy_timeout_s=TIMEOUT_S))
    return make_desk(config, clock=clock), clock


def test_desk_window_privacy_timeout_clears_the_verdict(make_desk: MakeDesk) -> None:
    desk, clock = _timed_desk(make_desk)
    verdict = desk.insert(0)
    assert desk.window.stack.currentWidget() is desk.window.verdict_view
    clock.advance(TIMEOUT_S)  # the card thread's next tick sees the time is up
    cleared = desk.settle(verdict.transaction, Phase.WAITING)
    assert cleared.advice is None
    assert desk.window.stack.currentWidget() is desk.window.waiting_view
    assert desk.window.waiting_view.title_label.text() == WAITING_TITLE
    assert not desk.window.override_button.isEnabled()


def test_desk_window_privacy_timeout_waits_while_the_override_dialog_is_open(
    make_desk: MakeDesk,
) -> None:
    desk, clock = _timed_desk(make_desk)
    verdict = desk.insert(0)
    desk.activate()
    during: list[tuple[Phase, object]] = []

    def time_passes_while_staff_type(dialog: OverrideDialog) -> None:
        clock.advance(10 * TIMEOUT_S)
        desk.app.workflow.tick()  # what the card thread does twice a second
        during.append((desk.app.workflow.state.phase, desk.window.stack.currentWidget()))
        QTest.keyClick(dialog, Qt.Key.Key_Escape)  # staff cancel

    with answering(OverrideDialog, time_passes_while_staff_type) as answered:
        QTest.keyClick(desk.window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert len(answered) == 1
    assert during == [(Phase.VERDICT, desk.window.verdict_view)]
    assert desk.bridge.state.transaction == verdict.transaction
    assert desk.window.stack.currentWidget() is desk.window.verdict_view
    # The dialog closed: the timeout counts again from then.
    clock.advance(TIMEOUT_S)
    desk.settle(verdict.transaction, Phase.WAITING)
    assert desk.window.stack.currentWidget() is desk.window.waiting_view


def test_desk_window_card_swapped_while_asking_shows_only_the_second_verdict(
    make_desk: MakeDesk, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    """A's answer is held back by the backend until B's verdict is on screen, then arrives."""
    caplog.set_level(logging.DEBUG, logger="app.desk.workflow")
    release_first = threading.Event()
    with BadBackend() as backend:
        backend.script("GET", "/v1/services", json_reply({"services": [SERVICE_DOC]}))
        backend.script("GET", "/v1/health", json_reply(HEALTH_DOC))
        backend.script(
            "POST",
            "/v1/advice",
            json_reply(ADVICE_DOC | {"advice_id": "adv-a"}, release=release_first),
            json_reply(ADVICE_DOC | {"advice_id": "adv-b", "outcome": STANDAARD}),
        )
        remote = RemoteSettings.model_validate(
            {"base_url": backend.url, "auth": "none", "advice_retries": 0, "timeout_s": 30}
        )
        desk = make_desk(Config(training=True, backend=BackendKind.REMOTE, remote=remote))
        presented = _record_presented(desk)
        assert desk.window.training_menu is not None
        desk.window.training_menu.card_actions[0].trigger()  # card A
        qtbot.waitUntil(lambda: len(backend.received("/v1/advice")) == 1)
        assert desk.bridge.state.phase is Phase.ASKING
        desk.remove()
        second = desk.insert(5)  # card B, answered at once
        assert second.advice is not None
        assert second.advice.advice_id == "adv-b"
        release_first.set()  # now A's answer arrives
        qtbot.waitUntil(lambda: any(DROPPED in r.getMessage() for r in caplog.records))
    qtbot.waitUntil(lambda: desk.bridge.state == second)  # nothing newer was presented
    assert desk.window.verdict_view.outcome_label.text() == "— Standaard"
    assert desk.window.stack.currentWidget() is desk.window.verdict_view
    verdicts = {text for text in presented if text.startswith(("✔", "—"))}
    assert verdicts == {"— Standaard"}
    assert "✔ Kansentarief" not in presented


def _record_presented(desk: Desk) -> list[str]:
    """What the window shows after each state: connected after the window's own slot."""
    presented: list[str] = []

    def record(_state: DeskState) -> None:
        window = desk.window
        if window.stack.currentWidget() is window.verdict_view:
            presented.append(window.verdict_view.outcome_label.text())
        else:
            presented.append(type(window.stack.currentWidget()).__name__)

    desk.bridge.state_changed.connect(record)
    return presented
