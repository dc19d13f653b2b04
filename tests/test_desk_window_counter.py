# SPDX-License-Identifier: EUPL-1.2
"""Issue 14 at the counter, by keyboard: F1 help, Ctrl+Q and the question before closing,
the privacy countdown, today's tally, the outage warning, the reason's own words, and the
training menu's problem cards."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from app.desk.state import Phase
from app.eligibility.wire import ReasonCode
from app.problems import Problem
from app.settings.config import BackendKind, Config
from tests.desk_support import CITIZENS, ManualClock, answering, unreachable_backend
from ui.number_format import format_partial
from ui.override_dialog import OverrideDialog

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.desk_support import Desk, MakeDesk

CTRL = Qt.KeyboardModifier.ControlModifier


def test_desk_window_f1_shows_the_shortcuts_and_the_practice_numbers(desk: Desk) -> None:
    desk.activate()
    QTest.keyClick(desk.window, Qt.Key.Key_F1)
    dialog = desk.window.extras.help_dialog
    assert dialog is not None
    assert "F5 — opnieuw controleren" in dialog.text_label.text()
    assert dialog.practice_label is not None
    assert format_partial(CITIZENS[0].national_number.digits) in dialog.practice_label.text()
    dialog.close()


def test_desk_window_ctrl_q_with_a_verdict_asks_and_cancel_keeps_it(desk: Desk) -> None:
    desk.window.extras.ask_before_closing = True
    verdict = desk.insert(0)
    desk.activate()
    questions: list[str] = []

    def cancel(box: QMessageBox) -> None:
        questions.append(box.informativeText())
        [keep] = [b for b in box.buttons() if b.text() == "Annuleren"]
        keep.click()

    with answering(QMessageBox, cancel):
        QTest.keyClick(desk.window, Qt.Key.Key_Q, CTRL)
    assert questions == ["Er staat nog een resultaat op het scherm; het wordt gewist."]
    assert desk.window.isVisible()
    assert desk.bridge.state == verdict
    desk.window.extras.ask_before_closing = False  # the fixture closes it


def test_desk_window_closes_without_asking_when_nothing_is_at_stake(desk: Desk) -> None:
    desk.window.extras.ask_before_closing = True
    desk.activate()
    QTest.keyClick(desk.window, Qt.Key.Key_Q, CTRL)
    assert not desk.window.isVisible()


def test_desk_window_counts_down_the_last_ten_seconds(make_desk: MakeDesk) -> None:
    clock = ManualClock()
    desk = make_desk(Config(training=True), clock=clock)
    desk.insert(0)
    countdown = desk.window.countdown_label
    countdown.refresh()
    assert countdown.isHidden()
    clock.advance(53)
    countdown.refresh()
    assert countdown.text() == "Het scherm wordt gewist over 7 s"
    assert not countdown.isHidden()


def test_desk_window_tally_counts_todays_checks(desk: Desk, qtbot: QtBot) -> None:
    desk.insert(0)
    desk.remove()
    desk.insert(5)

    def counted() -> None:
        text = desk.window.status.tally_label.text()
        assert text.startswith("Vandaag: 2 controles"), text
        assert "Kansentarief 1" in text
        assert "Standaardtarief 1" in text  # this service's words for STANDAARD
        assert "0 afwijkingen" in text

    qtbot.waitUntil(counted, timeout=15_000)


def test_desk_window_warns_on_the_waiting_screen_when_the_backend_is_down(
    make_desk: MakeDesk, qtbot: QtBot
) -> None:
    desk = make_desk(
        Config(training=True, backend=BackendKind.REMOTE, remote=unreachable_backend())
    )
    qtbot.waitUntil(lambda: not desk.window.waiting_view.backend_label.isHidden(), timeout=15_000)
    assert "niet bereikbaar" in desk.window.waiting_view.backend_label.text()
    state = desk.insert(0)
    assert state.problem is Problem.BACKEND_UNREACHABLE
    assert desk.window.status.backend_label.text() == "Adviesdienst: onbereikbaar"


def test_override_reason_starts_with_its_own_words_and_refuses_a_number(qtbot: QtBot) -> None:
    from app.eligibility.wire import LocalizedText, Outcome

    outcomes = [
        Outcome(code="KANSENTARIEF", eligible=True, label=LocalizedText(nl="Kansentarief")),
        Outcome(code="STANDAARD", eligible=False, label=LocalizedText(nl="Standaardtarief")),
    ]
    dialog = OverrideDialog(None, outcomes=outcomes, advised=None)
    qtbot.addWidget(dialog)
    dialog.outcome_box.setCurrentIndex(0)
    assert dialog.reason_text.toPlainText() == "Geen advies beschikbaar"
    assert dialog.confirm_button.isEnabled()  # the outage path: outcome, Enter
    QTest.keyClicks(dialog.reason_text, " 85073012345")
    assert not dialog.confirm_button.isEnabled()
    assert dialog.count_label.text().startswith("Schrijf geen rijksregisternummer")
    dialog.reason_text.clear()
    dialog.reason_box.setCurrentIndex(dialog.reason_box.findData(ReasonCode.OTHER))
    assert dialog.reason_text.toPlainText() == ""  # "other": the text is the reason
    assert not dialog.confirm_button.isEnabled()


def test_desk_window_training_menu_inserts_a_problem_card(desk: Desk, qtbot: QtBot) -> None:
    menu = desk.window.training_menu
    assert menu is not None
    labels = [action.text() for action in menu.problem_actions]
    assert labels[:3] == ["Onleesbare kaart", "Kaart niet echt", "Bankkaart (geen eID)"]
    before = desk.bridge.state.transaction
    menu.problem_actions[1].trigger()
    state = desk.settle(before, Phase.PROBLEM)
    assert state.problem is Problem.CARD_NOT_GENUINE


def test_override_reason_words_are_long_enough_for_the_contract_in_every_language() -> None:
    from app.i18n import translations
    from app.language import Language
    from ui import texts
    from ui.override_dialog import MIN_REASON_CHARS

    for language in Language:
        catalogue = translations(language)
        for code, words in texts.REASON_LABELS.items():
            if code is not ReasonCode.OTHER:
                assert len(catalogue.gettext(words)) >= MIN_REASON_CHARS, (language, code)
