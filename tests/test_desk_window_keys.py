# SPDX-License-Identifier: EUPL-1.2
"""The desk by keyboard alone: F2, Ctrl+O, Esc as real key presses, and Tab to every button."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from app.desk.state import Phase
from app.eligibility.wire import Channel
from app.settings.config import Config, DeskSettings
from eid.card_profiles import PROFILES
from tests.desk_support import CITIZENS, answering, focus_chain
from ui.manual_entry_dialog import ManualEntryDialog
from ui.override_dialog import OverrideDialog

if TYPE_CHECKING:
    from tests.desk_support import Desk, MakeDesk

CTRL = Qt.KeyboardModifier.ControlModifier
TAB_PRESSES = 20  # more than the window has focusable widgets: the chain comes round


def test_desk_window_f2_opens_manual_entry_and_enter_asks(desk: Desk) -> None:
    desk.activate()
    before = desk.bridge.state.transaction

    def type_and_press_enter(dialog: ManualEntryDialog) -> None:
        assert dialog.windowTitle() == "Rijksregisternummer intypen"
        QTest.keyClicks(dialog.number_field, CITIZENS[0].national_number.digits)
        QTest.keyClick(dialog.number_field, Qt.Key.Key_Return)

    with answering(ManualEntryDialog, type_and_press_enter) as answered:
        QTest.keyClick(desk.window, Qt.Key.Key_F2)
    assert len(answered) == 1
    state = desk.settle(before, Phase.VERDICT)
    assert state.channel is Channel.MANUAL
    assert desk.window.verdict_view.outcome_label.text() == "✔ Kansentarief"


def test_desk_window_ctrl_o_opens_the_override_dialog_only_on_a_verdict(desk: Desk) -> None:
    desk.activate()
    with answering(QDialog, QDialog.reject) as on_waiting:
        QTest.keyClick(desk.window, Qt.Key.Key_O, CTRL)
    assert on_waiting == []
    verdict = desk.insert(0)

    closed: list[tuple[str, QDialog.DialogCode]] = []

    def cancel_by_escape(dialog: OverrideDialog) -> None:
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        closed.append((dialog.windowTitle(), QDialog.DialogCode(dialog.result())))

    with answering(OverrideDialog, cancel_by_escape):
        QTest.keyClick(desk.window, Qt.Key.Key_O, CTRL)
    assert closed == [("Afwijken van het advies", QDialog.DialogCode.Rejected)]
    assert desk.bridge.state == verdict  # cancelled: nothing changed, nothing recorded
    assert not desk.window.receipt_label.isVisible()
    desk.activate()  # back to the window, as the desktop does when a dialog closes
    QTest.keyClick(desk.window, Qt.Key.Key_Escape)
    desk.settle(verdict.transaction, Phase.WAITING)
    assert desk.window.stack.currentWidget() is desk.window.waiting_view


def test_desk_window_tab_reaches_every_button_of_a_verdict(make_desk: MakeDesk) -> None:
    services = ("uitpas-kansentarief", "lez-registratie")
    desk = make_desk(Config(training=True, desk=DeskSettings(services=services)))
    desk.insert(0)
    desk.activate()
    switcher = desk.window.header.switcher
    assert switcher is not None
    window = desk.window
    chain = focus_chain(window.manual_button, TAB_PRESSES)
    buttons = (window.manual_button, window.recheck_button, window.override_button)
    for widget in (*buttons, window.clear_button):
        assert widget in chain, widget
    assert switcher not in chain  # a stray key must not switch: the menu and Ctrl+1…9 do


def test_desk_window_tab_reaches_the_problem_panel_button(desk: Desk) -> None:
    desk.insert_card(PROFILES["corrupt-tlv"].make_card())
    desk.activate()
    panel = desk.window.problem_view
    assert panel.entry_button.isVisible()
    chain = focus_chain(desk.window.manual_button, TAB_PRESSES)
    assert panel.entry_button in chain
    assert desk.window.clear_button in chain
