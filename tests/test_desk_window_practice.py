# SPDX-License-Identifier: EUPL-1.2
"""Training's problem cards "Adviesdienst antwoordt niet" and "Burger zonder gegevens", picked
from the menu by a clerk: the real problem panels, their buttons, F5, the manual decision
and the outbox, as at a real counter."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.audit.records import RecordKind
from app.desk.app import BackendState
from app.desk.state import Phase
from app.eligibility.embedded.sample_data import reserved_numbers
from app.eligibility.wire import Channel
from app.problems import Problem
from app.settings.config import Config
from tests.desk_support import ManualClock, answering, assert_number_hidden, confirm_override
from ui.manual_entry_dialog import ManualEntryDialog
from ui.number_format import format_partial

if TYPE_CHECKING:
    import pytest
    from PySide6.QtGui import QAction
    from pytestqt.qtbot import QtBot

    from app.desk.state import DeskState
    from tests.desk_support import Desk, MakeDesk

OUTAGE = "Adviesdienst antwoordt niet"
NO_DATA = "Burger zonder gegevens"
RESERVED = reserved_numbers()


def _problem_action(desk: Desk, label: str) -> QAction:
    menu = desk.window.training_menu
    assert menu is not None
    [action] = [a for a in menu.problem_actions if a.text() == label]
    return action


def _pick(desk: Desk, label: str) -> DeskState:
    before = desk.bridge.state.transaction
    _problem_action(desk, label).trigger()
    return desk.settle(before, Phase.PROBLEM)


def _press_f5(desk: Desk) -> DeskState:
    before = desk.bridge.state.transaction
    desk.activate()
    QTest.keyClick(desk.window, Qt.Key.Key_F5)
    return desk.settle(before, Phase.PROBLEM)


def test_desk_window_training_menu_offers_every_problem_card(desk: Desk) -> None:
    menu = desk.window.training_menu
    assert menu is not None
    assert [action.text() for action in menu.problem_actions] == [
        "Onleesbare kaart",
        "Kaart niet echt",
        "Bankkaart (geen eID)",
        OUTAGE,
        NO_DATA,
    ]


def test_desk_window_outage_card_shows_the_unreachable_panel_and_the_decision_waits(
    make_desk: MakeDesk,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    clock = ManualClock()
    desk = make_desk(Config(training=True), clock=clock)
    state = _pick(desk, OUTAGE)
    assert (state.problem, state.channel) == (Problem.BACKEND_UNREACHABLE, Channel.CARD)
    panel = desk.window.problem_view
    assert panel.what_label.text() == "⚠ De adviesdienst is niet bereikbaar."
    assert panel.next_label.text() == (
        "Kies Opnieuw controleren (F5). Lukt het niet, beslis manueel met een reden."
    )
    assert panel.recheck_button.isVisible()
    assert panel.recheck_button.isEnabled()
    assert panel.decide_button.isVisible()
    assert not panel.entry_button.isVisible()
    qtbot.waitUntil(lambda: desk.window.status.backend_label.text() == "Adviesdienst: onbereikbaar")
    # F5: the card is read again and the backend asked again; it still does not answer.
    again = _press_f5(desk)
    assert again.problem is Problem.BACKEND_UNREACHABLE
    assert desk.window.stack.currentWidget() is panel
    # The manual decision, as in a real outage: recorded, and waiting in the outbox.
    seen: list[str] = []
    confirm_override(monkeypatch, qtbot, seen)
    panel.decide_button.click()
    assert seen == ["KANSENTARIEF", "STANDAARD", "ADVICE_UNAVAILABLE"]
    receipt = desk.window.receipt_label
    qtbot.waitUntil(lambda: receipt.isVisible() and "wordt later verzonden" in receipt.text())
    assert desk.window.verdict_view.marker_label.text() == "Manueel beslist"
    assert desk.window.status.pending_label.text() == "1 beslissing wacht op verzending"
    [decision] = desk.records(RecordKind.MANUAL_DECISION)
    assert (decision.reason_code, decision.channel, decision.mode) == (
        "ADVICE_UNAVAILABLE",
        "card",
        "training",
    )
    problems = desk.records(RecordKind.PROBLEM)
    assert {(p.detail, p.mode) for p in problems} >= {("BACKEND_UNREACHABLE", "training")}
    assert not desk.records(RecordKind.DELIVERED)
    # The practice outage ends: the outbox sends the decision at its next try.
    clock.advance(120)
    qtbot.waitUntil(lambda: desk.app.status.pending == 0, timeout=15_000)
    qtbot.waitUntil(lambda: len(desk.records(RecordKind.DELIVERED)) == 1, timeout=15_000)
    assert_number_hidden(RESERVED["backend_unreachable"], caplog)


def test_desk_window_outage_card_the_backend_answers_nobody_until_it_is_over(
    make_desk: MakeDesk, qtbot: QtBot
) -> None:
    clock = ManualClock()
    desk = make_desk(Config(training=True), clock=clock)
    _pick(desk, OUTAGE)
    desk.remove()
    assert not desk.window.waiting_view.backend_label.isHidden()  # the warning, as when down
    assert desk.insert(0).problem is Problem.BACKEND_UNREACHABLE
    desk.remove()
    clock.advance(120)
    state = desk.insert(0)
    assert state.phase is Phase.VERDICT
    qtbot.waitUntil(lambda: desk.app.status.backend is BackendState.OK)


def test_desk_window_no_data_card_shows_the_insufficient_data_panel(
    desk: Desk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    state = _pick(desk, NO_DATA)
    assert state.problem is Problem.INSUFFICIENT_DATA
    panel = desk.window.problem_view
    assert panel.what_label.text() == "⚠ Er zijn niet genoeg gegevens voor een advies."
    assert panel.next_label.text() == (
        "Beslis manueel met een reden, op basis van de getoonde documenten."
    )
    assert panel.decide_button.isVisible()
    assert not panel.recheck_button.isVisible()  # asking again gives the same answer
    assert not panel.entry_button.isVisible()
    # F5 still reads the card in the reader again: the same panel, a new transaction.
    again = _press_f5(desk)
    assert again.problem is Problem.INSUFFICIENT_DATA
    assert desk.app.status.backend is not BackendState.UNREACHABLE  # the backend did answer
    seen: list[str] = []
    confirm_override(monkeypatch, qtbot, seen)
    panel.decide_button.click()
    qtbot.waitUntil(desk.window.receipt_label.isVisible, timeout=15_000)
    qtbot.waitUntil(lambda: len(desk.records(RecordKind.DELIVERED)) == 1, timeout=15_000)
    [decision] = desk.records(RecordKind.MANUAL_DECISION)
    assert decision.mode == "training"
    assert_number_hidden(RESERVED["insufficient_data"], caplog)


def test_desk_window_problem_card_numbers_typed_give_the_same_panels(desk: Desk) -> None:
    for name, problem in (
        ("insufficient_data", Problem.INSUFFICIENT_DATA),
        ("backend_unreachable", Problem.BACKEND_UNREACHABLE),
    ):

        def act(dialog: ManualEntryDialog, digits: str = RESERVED[name].digits) -> None:
            QTest.keyClicks(dialog.number_field, digits)
            QTest.keyClick(dialog.number_field, Qt.Key.Key_Return)

        before = desk.bridge.state.transaction
        desk.activate()
        with answering(ManualEntryDialog, act) as typed:
            QTest.keyClick(desk.window, Qt.Key.Key_F2)
        assert len(typed) == 1
        state = desk.settle(before, Phase.PROBLEM)
        assert (state.problem, state.channel) == (problem, Channel.MANUAL)
        desk.window.clear_action.trigger()


def test_desk_window_f1_lists_the_problem_cards_numbers(desk: Desk) -> None:
    desk.window.extras.show_help()
    dialog = desk.window.extras.help_dialog
    assert dialog is not None
    assert dialog.practice_label is not None
    text = dialog.practice_label.text()
    assert f"{format_partial(RESERVED['backend_unreachable'].digits)}  {OUTAGE}" in text
    assert f"{format_partial(RESERVED['insufficient_data'].digits)}  {NO_DATA}" in text
    dialog.close()
