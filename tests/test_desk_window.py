# SPDX-License-Identifier: EUPL-1.2
"""The desk window driven like a clerk: a real DeskApp in training mode, real widgets, offscreen."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from app.audit.records import RecordKind
from app.desk.state import Phase
from app.eligibility.wire import Channel
from app.language import Language
from app.problem_texts import problem_text
from app.problems import Problem
from app.settings.config import Config, DeskSettings
from eid.insz import is_valid_national_number
from tests.desk_support import (
    CITIZENS,
    assert_number_hidden,
    confirm_override,
    desk_down_after_a_good_day,
    type_number,
)
from ui.manual_entry_dialog import ManualEntryDialog

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.desk_support import Desk, MakeDesk

SHIPPED = ("uitpas-kansentarief", "lez-registratie", "gratis-huisvuilzakken")
BIS_NUMBER = "85473003317"  # 30 July 1985, month + 40: a BIS number with a valid checksum


@pytest.mark.parametrize("service", SHIPPED)
def test_desk_window_training_cards_show_every_outcome(make_desk: MakeDesk, service: str) -> None:
    desk = make_desk(Config(training=True, desk=DeskSettings(services=(service,))))
    outcomes = desk.app.service(service).outcomes
    assert desk.window.windowTitle() == f"baliecheck — {desk.app.service(service).name.nl}"
    assert desk.window.training_banner is not None
    assert desk.window.training_banner.text() == "OEFENMODUS — geen echte gegevens"
    shown = set()
    assert desk.window.training_menu is not None
    for index in range(len(desk.window.training_menu.card_actions)):
        state = desk.insert(index)
        assert state.phase is Phase.VERDICT
        assert state.advice is not None
        text = desk.window.verdict_view.outcome_label.text()
        symbol = "✔" if state.advice.outcome.eligible else "—"
        assert text == f"{symbol} {state.advice.outcome.label.nl}"
        assert desk.window.stack.currentWidget() is desk.window.verdict_view
        assert desk.window.verdict_view.data_label.text().startswith("gegevens van ")
        shown.add(text)
        desk.remove()
        assert desk.window.stack.currentWidget() is desk.window.waiting_view
        assert desk.window.waiting_view.title_label.text() == "Steek de eID-kaart in de lezer"
    assert shown == {f"{'✔' if o.eligible else '—'} {o.label.nl}" for o in outcomes}


def test_desk_window_manual_entry_gives_a_manual_verdict_and_hides_the_number(
    desk: Desk,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    citizen = CITIZENS[0]
    type_number(monkeypatch, qtbot, citizen.national_number.digits)
    before = desk.bridge.state.transaction
    desk.window.manual_button.click()
    state = desk.settle(before, Phase.VERDICT)
    assert state.channel is Channel.MANUAL
    assert desk.window.verdict_view.channel_label.text() == "Nummer manueel ingevoerd"
    assert desk.window.verdict_view.outcome_label.text() == "✔ Kansentarief"
    assert_number_hidden(citizen.national_number, caplog)


def test_desk_window_manual_entry_dialog_checks_the_number_live(qtbot: QtBot) -> None:
    assert is_valid_national_number(BIS_NUMBER)
    dialog = ManualEntryDialog(None)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    QTest.keyClicks(dialog.number_field, "85.07.30-033.2")
    assert not dialog.ok_button.isEnabled()
    assert dialog.feedback_label.text() == "Nog 1 cijfer"
    QTest.keyClicks(dialog.number_field, "9")  # a wrong check digit
    assert not dialog.ok_button.isEnabled()
    assert dialog.feedback_label.text() == "Dit nummer klopt niet (controlegetal)"
    dialog.number_field.clear()
    QTest.keyClicks(dialog.number_field, BIS_NUMBER)
    assert dialog.ok_button.isEnabled()
    number = dialog.take_number()
    assert number is not None
    assert number.digits == BIS_NUMBER
    assert dialog.number_field.text() == ""


def test_desk_window_override_is_recorded(
    desk: Desk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = desk.insert(0)
    assert state.advice is not None
    assert state.advice.outcome.code == "KANSENTARIEF"
    assert desk.window.override_button.isEnabled()
    seen: list[str] = []
    confirm_override(monkeypatch, qtbot, seen)
    desk.window.override_button.click()
    assert seen == ["STANDAARD", "None"]  # never the advised outcome; no reason preset

    def recorded() -> None:
        assert desk.window.receipt_label.isVisible()
        assert desk.window.receipt_label.text().startswith("✔ Geregistreerd: Standaardtarief")

    qtbot.waitUntil(recorded, timeout=15_000)
    assert not desk.window.override_button.isEnabled()
    overrides = desk.records(RecordKind.OVERRIDE)
    assert [(o.applied_outcome, o.reason_code) for o in overrides] == [("STANDAARD", "OTHER")]


def test_desk_window_backend_down_offers_a_manual_decision(
    make_desk: MakeDesk,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    desk = desk_down_after_a_good_day(make_desk)
    state = desk.insert(0)
    assert state.phase is Phase.PROBLEM
    assert state.problem is Problem.BACKEND_UNREACHABLE
    words = problem_text(Problem.BACKEND_UNREACHABLE, Language.NL)
    assert desk.window.problem_view.what_label.text() == f"⚠ {words.what}"
    assert desk.window.problem_view.next_label.text() == (
        "Kies Opnieuw controleren (F5). Lukt het niet, beslis manueel met een reden."
    )
    assert not desk.window.override_button.isVisible()  # the panel's own button decides
    seen: list[str] = []
    confirm_override(monkeypatch, qtbot, seen)
    desk.window.problem_view.decide_button.click()
    assert seen == ["KANSENTARIEF", "STANDAARD", "ADVICE_UNAVAILABLE"]

    def recorded_for_later() -> None:
        text = desk.window.receipt_label.text()
        assert desk.window.receipt_label.isVisible()
        assert text == "✔ Geregistreerd: Kansentarief — wordt later verzonden"

    qtbot.waitUntil(recorded_for_later, timeout=15_000)
    decisions = desk.records(RecordKind.MANUAL_DECISION)
    assert [(d.applied_outcome, d.reason_code) for d in decisions] == [
        ("KANSENTARIEF", "ADVICE_UNAVAILABLE")
    ]
    assert "1 beslissing wacht op verzending" in desk.window.status.pending_label.text()
    assert_number_hidden(CITIZENS[0].national_number, caplog)


def test_desk_window_escape_clears_the_screen(desk: Desk, qtbot: QtBot) -> None:
    desk.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.window)
    state = desk.insert(0)
    QTest.keyClick(desk.window, Qt.Key.Key_Escape)
    cleared = desk.settle(state.transaction, Phase.WAITING)
    assert cleared.advice is None
    assert desk.window.stack.currentWidget() is desk.window.waiting_view


def test_desk_window_waiting_screen_offers_no_decision_and_no_recheck(desk: Desk) -> None:
    """With no card and no number there is nothing to depart from, clear or check again: the
    buttons say so from the first screen on, not only after a first citizen."""
    window = desk.window
    assert window.stack.currentWidget() is window.waiting_view
    for button in (window.override_button, window.recheck_button, window.clear_button):
        assert not button.isEnabled(), button.text()
    assert window.manual_button.isEnabled()


def test_desk_window_a_disabled_button_looks_disabled(desk: Desk) -> None:
    """On the waiting screen F5 cannot be used and F2 can: their rendered text differs (a
    style sheet had made both look alike)."""
    window = desk.window
    window.resize(1366, 768)
    window.show()

    def darkest(button: QPushButton) -> int:
        image = button.grab().toImage()
        return min(
            image.pixelColor(x, y).lightness()
            for x in range(0, image.width(), 2)
            for y in range(0, image.height(), 2)
        )

    assert window.manual_button.isEnabled()
    assert not window.recheck_button.isEnabled()
    assert darkest(window.recheck_button) > darkest(window.manual_button) + 40
