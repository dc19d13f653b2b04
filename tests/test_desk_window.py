# SPDX-License-Identifier: EUPL-1.2
"""The desk window driven like a clerk: a real DeskApp in training mode, real widgets, offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen here; before any QApplication

import datetime as dt
import logging
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from app.audit import RecordKind
from app.config import BackendKind, Config, DeskSettings, RemoteSettings
from app.desk_app import DeskApp
from app.desk_state import Phase
from app.eligibility.wire import Channel, ReasonCode
from app.language import Language
from app.overrides import open_audit_store
from app.problem_texts import problem_text
from app.problems import Problem
from app.sample_data import sample_citizens
from eid.insz import is_valid_national_number
from tests.bad_backend import closed_port
from ui.bridge import AppBridge
from ui.main_window import DeskWindow
from ui.manual_entry_dialog import ManualEntryDialog
from ui.override_dialog import OverrideDialog

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from app.audit import AuditEntry
    from app.desk_state import DeskState
    from eid.insz import NationalNumber

CITIZENS = sample_citizens()
SHIPPED = ("uitpas-kansentarief", "lez-registratie", "gratis-huisvuilzakken")
BIS_NUMBER = "85473003317"  # 30 July 1985, month + 40: a BIS number with a valid checksum
REASON = "attest OCMW getoond"


class Desk:
    """A started DeskApp with its bridge and window; stopped by the fixture."""

    def __init__(self, qtbot: QtBot, config: Config, data_dir: Path) -> None:
        self.config = config
        self.data_dir = data_dir
        self.app = DeskApp.start(config, data_dir)
        self.bridge = AppBridge(self.app.workflow, self.app.subscribe_status)
        self.window = DeskWindow(self.app, self.bridge)
        qtbot.addWidget(self.window)
        self.window.show()
        self.qtbot = qtbot

    def settle(self, after: int, phase: Phase) -> DeskState:
        """Wait until the window presents ``phase`` for a transaction later than ``after``."""

        def check() -> None:
            state = self.bridge.state
            assert state.transaction > after
            assert state.phase is phase

        self.qtbot.waitUntil(check, timeout=15_000)
        return self.bridge.state

    def insert(self, index: int) -> DeskState:
        before = self.bridge.state.transaction
        assert self.window.training_menu is not None
        self.window.training_menu.card_actions[index].trigger()
        self.qtbot.waitUntil(lambda: _assert_settled(self.bridge.state, before), timeout=15_000)
        return self.bridge.state

    def remove(self) -> DeskState:
        before = self.bridge.state.transaction
        assert self.window.training_menu is not None
        self.window.training_menu.remove_action.trigger()
        return self.settle(before, Phase.WAITING)

    def records(self, kind: RecordKind) -> list[AuditEntry]:
        with open_audit_store(self.config, self.data_dir) as store:
            since = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
            until = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
            return [entry for _seq, entry in store.records(since, until) if entry.kind is kind]


def _assert_settled(state: DeskState, after: int) -> None:
    assert state.transaction > after
    assert state.phase in (Phase.VERDICT, Phase.PROBLEM)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def make_desk(qtbot: QtBot, data_dir: Path) -> Iterator[Callable[[Config], Desk]]:
    desks: list[Desk] = []

    def make(config: Config) -> Desk:
        desks.append(Desk(qtbot, config, data_dir))
        return desks[-1]

    yield make
    for desk in desks:
        desk.window.close()
        desk.app.stop()


@pytest.fixture
def desk(make_desk: Callable[[Config], Desk]) -> Desk:
    return make_desk(Config(training=True))


def _visible_texts() -> list[str]:
    """Every text a widget holds: labels, fields, buttons, combo items, titles, tooltips."""
    found: list[str] = []
    for widget in QApplication.allWidgets():
        found += [widget.windowTitle(), widget.toolTip()]
        if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
            found.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            found.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
    return found


def _assert_number_hidden(number: NationalNumber, caplog: pytest.LogCaptureFixture) -> None:
    private = number.digits[6:]  # serial and check digits: never shown, not even masked
    assert not [t for t in _visible_texts() if number.digits in t or private in t]
    assert not [r for r in caplog.records if number.digits in r.getMessage()]


def _type_number(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, text: str) -> None:
    """ManualEntryDialog.ask, answered by typing ``text`` into a real dialog and clicking OK."""

    def ask(cls: type[ManualEntryDialog], parent: object, /) -> NationalNumber | None:
        dialog = cls(None)
        qtbot.addWidget(dialog)
        QTest.keyClicks(dialog.number_field, text)
        assert dialog.ok_button.isEnabled()
        dialog.ok_button.click()
        assert dialog.result() == QDialog.DialogCode.Accepted
        return dialog.take_number()

    monkeypatch.setattr(ManualEntryDialog, "ask", classmethod(ask))


@pytest.mark.parametrize("service", SHIPPED)
def test_desk_window_training_cards_show_every_outcome(
    make_desk: Callable[[Config], Desk], service: str
) -> None:
    desk = make_desk(Config(training=True, desk=DeskSettings(services=(service,))))
    outcomes = desk.app.service(service).outcomes
    assert desk.window.windowTitle() == f"baliecheck — {desk.app.service(service).name.nl}"
    assert desk.window.training_banner is not None
    assert desk.window.training_banner.text() == "OEFENMODUS — geen echte gegevens"
    shown = set()
    for index in range(len(CITIZENS)):
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
    _type_number(monkeypatch, qtbot, citizen.national_number.digits)
    before = desk.bridge.state.transaction
    desk.window.manual_button.click()
    state = desk.settle(before, Phase.VERDICT)
    assert state.channel is Channel.MANUAL
    assert desk.window.verdict_view.channel_label.text() == "Nummer manueel ingevoerd"
    assert desk.window.verdict_view.outcome_label.text() == "✔ Kansentarief"
    _assert_number_hidden(citizen.national_number, caplog)


def test_desk_window_manual_entry_dialog_checks_the_number_live(qtbot: QtBot) -> None:
    assert is_valid_national_number(BIS_NUMBER)
    dialog = ManualEntryDialog(None)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    QTest.keyClicks(dialog.number_field, "85.07.30-033.2")
    assert not dialog.ok_button.isEnabled()
    assert dialog.feedback_label.text() == "Nog 1 cijfer(s)"
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


def _confirm_override(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, seen: list[str]) -> None:
    """OverrideDialog.ask, answered in a real dialog: Confirm stays off until all is filled in."""

    def ask(cls: type[OverrideDialog], parent: object, /, **options: object) -> object:
        dialog = cls(None, **options)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        seen.extend(dialog.outcome_box.itemData(i) for i in range(dialog.outcome_box.count()))
        seen.append(str(dialog.reason_box.currentData()))
        if options["advised"] is not None:
            assert not dialog.confirm_button.isEnabled()
            dialog.outcome_box.setCurrentIndex(0)
            assert not dialog.confirm_button.isEnabled()
            dialog.reason_box.setCurrentIndex(dialog.reason_box.findData(ReasonCode.OTHER))
        else:
            dialog.outcome_box.setCurrentIndex(0)
        QTest.keyClicks(dialog.reason_text, REASON[:9])
        assert not dialog.confirm_button.isEnabled()
        QTest.keyClicks(dialog.reason_text, REASON[9:])
        assert dialog.confirm_button.isEnabled()
        dialog.confirm_button.click()
        return dialog.choice()

    monkeypatch.setattr(OverrideDialog, "ask", classmethod(ask))


def test_desk_window_override_is_recorded(
    desk: Desk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = desk.insert(0)
    assert state.advice is not None
    assert state.advice.outcome.code == "KANSENTARIEF"
    assert desk.window.override_button.isEnabled()
    seen: list[str] = []
    _confirm_override(monkeypatch, qtbot, seen)
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
    make_desk: Callable[[Config], Desk],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    first = make_desk(Config(training=True))  # a desk that ran before knows the catalogue
    first.window.close()
    first.app.stop()
    remote = RemoteSettings.model_validate(
        {"base_url": f"http://127.0.0.1:{closed_port()}", "auth": "none", "advice_retries": 0}
    )
    desk = make_desk(Config(training=True, backend=BackendKind.REMOTE, remote=remote))
    state = desk.insert(0)
    assert state.phase is Phase.PROBLEM
    assert state.problem is Problem.BACKEND_UNREACHABLE
    words = problem_text(Problem.BACKEND_UNREACHABLE, Language.NL)
    assert desk.window.problem_view.what_label.text() == f"⚠ {words.what}"
    assert desk.window.problem_view.next_label.text() == words.next_step
    assert not desk.window.override_button.isEnabled()
    seen: list[str] = []
    _confirm_override(monkeypatch, qtbot, seen)
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
    assert "1 beslissing(en) wachten op verzending" in desk.window.status.pending_label.text()
    _assert_number_hidden(CITIZENS[0].national_number, caplog)


def test_desk_window_escape_clears_the_screen(desk: Desk, qtbot: QtBot) -> None:
    desk.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.window)
    state = desk.insert(0)
    QTest.keyClick(desk.window, Qt.Key.Key_Escape)
    cleared = desk.settle(state.transaction, Phase.WAITING)
    assert cleared.advice is None
    assert desk.window.stack.currentWidget() is desk.window.waiting_view
