# SPDX-License-Identifier: EUPL-1.2
"""A card that cannot be read has no number: the problem panel leads staff to type it first,
and what they then decide is recorded with channel ``manual``."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.audit.records import RecordKind
from app.desk.state import Phase
from app.eligibility.wire import Channel
from app.language import Language
from app.problem_texts import problem_text
from app.problems import Problem
from eid.card_profiles import PROFILES
from tests.desk_support import (
    CITIZENS,
    answering,
    assert_number_hidden,
    confirm_override,
    desk_down_after_a_good_day,
)
from ui.manual_entry_dialog import ManualEntryDialog

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from pytestqt.qtbot import QtBot

    from tests.desk_support import Desk, MakeDesk

NO_NUMBER = "Typ het rijksregisternummer in (F2) om advies te vragen."
UNREADABLE = {"corrupt-tlv": Problem.CARD_DATA_CORRUPT, "not-eid": Problem.NOT_AN_EID}


def _type(number: str) -> AbstractContextManager[list[ManualEntryDialog]]:
    """Answer the real manual-entry dialog: the digits, then Enter."""

    def act(dialog: ManualEntryDialog) -> None:
        QTest.keyClicks(dialog.number_field, number)
        QTest.keyClick(dialog.number_field, Qt.Key.Key_Return)

    return answering(ManualEntryDialog, act)


def _insert_unreadable(desk: Desk, profile: str) -> None:
    state = desk.insert_card(PROFILES[profile].make_card())
    assert state.phase is Phase.PROBLEM
    assert state.problem is UNREADABLE[profile]
    panel = desk.window.problem_view
    words = problem_text(UNREADABLE[profile], Language.NL)
    assert desk.window.stack.currentWidget() is panel
    assert panel.what_label.text() == f"⚠ {words.what}"
    assert not panel.decide_button.isVisible()  # nothing to decide for: no number yet
    assert panel.entry_button.isVisible()
    assert panel.entry_button.text() == "Nummer intypen (F2)"
    assert panel.next_label.text() == NO_NUMBER  # one instruction, matching the button


@pytest.mark.parametrize("profile", sorted(UNREADABLE))
def test_desk_window_unreadable_card_leads_to_typing_the_number(
    desk: Desk,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    profile: str,
) -> None:
    caplog.set_level(logging.DEBUG)
    citizen = CITIZENS[0]
    _insert_unreadable(desk, profile)
    before = desk.bridge.state.transaction
    with _type(citizen.national_number.digits) as typed:
        desk.window.problem_view.entry_button.click()
    assert len(typed) == 1
    state = desk.settle(before, Phase.VERDICT)
    assert state.channel is Channel.MANUAL
    assert desk.window.verdict_view.channel_label.text() == "Nummer manueel ingevoerd"
    seen: list[str] = []
    confirm_override(monkeypatch, qtbot, seen)
    desk.window.override_button.click()
    qtbot.waitUntil(desk.window.receipt_label.isVisible, timeout=15_000)
    [override] = desk.records(RecordKind.OVERRIDE)
    assert (override.applied_outcome, override.channel) == ("STANDAARD", "manual")
    assert override.pseudonym is not None
    assert_number_hidden(citizen.national_number, caplog)


def test_desk_window_unreadable_card_and_backend_down_decide_manually_after_typing(
    make_desk: MakeDesk,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    desk = desk_down_after_a_good_day(make_desk)
    citizen = CITIZENS[1]
    _insert_unreadable(desk, "corrupt-tlv")
    before = desk.bridge.state.transaction
    desk.activate()
    with _type(citizen.national_number.digits) as typed:
        QTest.keyClick(desk.window, Qt.Key.Key_F2)
    assert len(typed) == 1
    state = desk.settle(before, Phase.PROBLEM)
    assert (state.problem, state.channel) == (Problem.BACKEND_UNREACHABLE, Channel.MANUAL)
    panel = desk.window.problem_view
    assert panel.decide_button.isVisible()
    assert not panel.entry_button.isVisible()
    assert panel.recheck_button.isVisible()  # the typed number can be asked again (F5)
    seen: list[str] = []
    confirm_override(monkeypatch, qtbot, seen)
    panel.decide_button.click()
    assert seen == ["KANSENTARIEF", "STANDAARD", "ADVICE_UNAVAILABLE"]
    qtbot.waitUntil(desk.window.receipt_label.isVisible, timeout=15_000)
    [decision] = desk.records(RecordKind.MANUAL_DECISION)
    assert (decision.applied_outcome, decision.reason_code, decision.channel) == (
        "KANSENTARIEF",
        "ADVICE_UNAVAILABLE",
        "manual",
    )
    assert decision.pseudonym is not None  # recorded for the person whose number was typed
    assert_number_hidden(citizen.national_number, caplog)
