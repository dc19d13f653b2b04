# SPDX-License-Identifier: EUPL-1.2
"""Issue 14 at the counter: the big panel shows what was decided, F5 asks again, the service
switcher never takes a stray key, and each problem panel gives one instruction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.audit.records import RecordKind
from app.desk.state import Phase
from app.problems import Problem
from app.settings.config import Config, DeskSettings
from eid.card_profiles import PROFILES
from tests.desk_support import answering, confirm_override, desk_down_after_a_good_day
from ui.announce import ANNOUNCED_PROPERTY
from ui.manual_entry_dialog import ManualEntryDialog
from ui.override_dialog import OverrideDialog

if TYPE_CHECKING:
    import pytest
    from pytestqt.qtbot import QtBot

    from tests.desk_support import Desk, MakeDesk

CTRL = Qt.KeyboardModifier.ControlModifier
SERVICES = ("uitpas-kansentarief", "lez-registratie")


def test_desk_window_override_shows_the_applied_outcome_large(
    desk: Desk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk.insert(0)
    view = desk.window.verdict_view
    assert view.outcome_label.text() == "✔ Kansentarief"
    assert view.marker_label.isHidden()
    confirm_override(monkeypatch, qtbot, [])
    desk.window.override_button.click()

    def decided() -> None:
        assert view.outcome_label.text() == "— Standaardtarief"
        assert view.marker_label.text() == "Afgeweken van het advies"
        assert view.advice_label.text() == "Advies was: Kansentarief"

    qtbot.waitUntil(decided, timeout=15_000)
    assert "#3a4656" in view.outcome_label.styleSheet()  # the standard colour, not green
    assert "#14632d" not in desk.window.receipt_label.styleSheet()
    announced = str(view.property(ANNOUNCED_PROPERTY))
    assert announced.startswith("Afgeweken van het advies. — Standaardtarief")


def test_desk_window_manual_decision_shows_it_large_marked_manual(
    make_desk: MakeDesk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = desk_down_after_a_good_day(make_desk)
    state = desk.insert(0)
    assert state.problem is Problem.BACKEND_UNREACHABLE
    panel = desk.window.problem_view
    assert panel.next_label.text() == (
        "Kies Opnieuw controleren (F5). Lukt het niet, beslis manueel met een reden."
    )
    assert panel.recheck_button.isVisible()
    assert panel.decide_button.isVisible()
    assert not desk.window.recheck_button.isVisible()  # offered once, on the panel
    confirm_override(monkeypatch, qtbot, [])
    panel.decide_button.click()

    def decided() -> None:
        view = desk.window.verdict_view
        assert desk.window.stack.currentWidget() is view
        assert view.outcome_label.text() == "✔ Kansentarief"
        assert view.marker_label.text() == "Manueel beslist"
        assert view.advice_label.text() == "Er was geen advies"

    qtbot.waitUntil(decided, timeout=15_000)
    assert not desk.window.recheck_action.isEnabled()


def test_desk_window_f5_reads_the_card_again_after_escape(desk: Desk, qtbot: QtBot) -> None:
    desk.activate()
    verdict = desk.insert(0)
    assert "kaart in lezer" in desk.window.status.reader_label.text()
    QTest.keyClick(desk.window, Qt.Key.Key_Escape)
    cleared = desk.settle(verdict.transaction, Phase.WAITING)
    assert desk.window.recheck_action.isEnabled()
    QTest.keyClick(desk.window, Qt.Key.Key_F5)
    again = desk.settle(cleared.transaction, Phase.VERDICT)
    assert again.advice is not None
    assert desk.window.verdict_view.outcome_label.text() == "✔ Kansentarief"
    desk.remove()
    assert not desk.window.recheck_action.isEnabled()


def test_desk_window_switching_service_asks_again_for_the_card_in_the_reader(
    make_desk: MakeDesk,
) -> None:
    desk = make_desk(Config(training=True, desk=DeskSettings(services=SERVICES)))
    desk.activate()
    verdict = desk.insert(0)
    switcher = desk.window.header.switcher
    assert switcher is not None
    assert switcher.focusPolicy() is Qt.FocusPolicy.NoFocus
    QTest.keyClick(desk.window, Qt.Key.Key_Down)  # a stray key switches nothing
    assert desk.bridge.state.service == SERVICES[0]
    QTest.keyClick(desk.window, Qt.Key.Key_2, CTRL)
    again = desk.settle(verdict.transaction, Phase.VERDICT)
    assert again.service == SERVICES[1]
    assert again.advice is not None


def test_desk_window_not_genuine_card_says_one_thing_and_offers_no_f2(desk: Desk) -> None:
    desk.insert_card(PROFILES["forged-byte"].make_card())
    panel = desk.window.problem_view
    assert panel.next_label.text().startswith("Geef geen advies op basis van deze kaart.")
    assert not panel.entry_button.isVisible()
    assert not panel.decide_button.isVisible()
    assert not panel.recheck_button.isVisible()


def test_desk_window_damaged_card_offers_f2_matching_its_instruction(desk: Desk) -> None:
    desk.insert_card(PROFILES["corrupt-tlv"].make_card())
    panel = desk.window.problem_view
    assert panel.next_label.text() == "Typ het rijksregisternummer in (F2) om advies te vragen."
    assert panel.entry_button.isVisible()
    assert not panel.decide_button.isVisible()
    assert not desk.window.manual_button.isVisible()  # no second F2 button


def test_desk_window_digit_on_the_waiting_screen_starts_the_number_entry(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed: list[str] = []

    def ask(_cls: object, _parent: object, first: str = "", /) -> None:
        typed.append(first)

    monkeypatch.setattr(ManualEntryDialog, "ask", classmethod(ask))
    desk.activate()
    QTest.keyClick(desk.window, Qt.Key.Key_8)
    assert typed == ["8"]


def test_desk_window_outage_decision_by_keyboard_takes_three_keys(
    make_desk: MakeDesk, qtbot: QtBot
) -> None:
    """Backend down, card in: Ctrl+O, ↓ (the outcome), Enter. The reason is preset to "no
    advice available" and its words fill the text, which staff may extend."""
    desk = desk_down_after_a_good_day(make_desk)
    desk.insert(0)
    desk.activate()
    keys: list[str] = ["Ctrl+O"]

    def choose_and_confirm(dialog: OverrideDialog) -> None:
        assert dialog.focusWidget() is dialog.outcome_box
        QTest.keyClick(dialog.outcome_box, Qt.Key.Key_Down)
        QTest.keyClick(dialog.outcome_box, Qt.Key.Key_Return)
        keys.extend(["Down", "Return"])

    with answering(OverrideDialog, choose_and_confirm) as answered:
        QTest.keyClick(desk.window, Qt.Key.Key_O, CTRL)
    assert len(answered) == 1
    qtbot.waitUntil(desk.window.receipt_label.isVisible, timeout=15_000)
    assert desk.window.verdict_view.marker_label.text() == "Manueel beslist"
    assert len(keys) == 3
    [decision] = desk.records(RecordKind.MANUAL_DECISION)
    assert decision.reason_text == "Geen advies beschikbaar"


def test_desk_window_override_by_keyboard_takes_five_keys(desk: Desk, qtbot: QtBot) -> None:
    """Ctrl+O, ↓ (the outcome), Tab, ↓ (a reason: its words fill the text), Enter."""
    desk.insert(0)
    desk.activate()

    def choose_and_confirm(dialog: OverrideDialog) -> None:
        QTest.keyClick(dialog.outcome_box, Qt.Key.Key_Down)
        QTest.keyClick(dialog.outcome_box, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.reason_box
        QTest.keyClick(dialog.reason_box, Qt.Key.Key_Down)
        QTest.keyClick(dialog.reason_box, Qt.Key.Key_Return)

    with answering(OverrideDialog, choose_and_confirm) as answered:
        QTest.keyClick(desk.window, Qt.Key.Key_O, CTRL)
    assert len(answered) == 1
    qtbot.waitUntil(desk.window.receipt_label.isVisible, timeout=15_000)
    [override] = desk.records(RecordKind.OVERRIDE)
    assert override.reason_text == "Gegevens zijn verouderd"
