# SPDX-License-Identifier: EUPL-1.2
"""For the desk window tests: a real DeskApp with its window, offscreen, driven like a clerk.

Its fixtures (``make_desk``, ``desk``, ``data_dir``) are registered in tests/conftest.py.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen here; before any QApplication

import datetime as dt
import threading
import time
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.audit.decisions import open_audit_store
from app.desk.app import DeskApp
from app.desk.state import Phase
from app.eligibility.embedded.sample_data import sample_citizens
from app.eligibility.wire import ReasonCode
from app.settings.config import BackendKind, Config, RemoteSettings
from tests.bad_backend import closed_port
from ui.bridge import AppBridge
from ui.main_window import DeskWindow
from ui.manual_entry_dialog import ManualEntryDialog
from ui.override_dialog import OverrideDialog

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from app.audit.records import AuditEntry, RecordKind
    from app.desk.state import DeskState
    from eid.authenticity import CardVerifier
    from eid.insz import NationalNumber
    from eid.virtual_card import VirtualBelpicCard

    MakeDesk = Callable[..., "Desk"]

CITIZENS = sample_citizens()
REASON = "attest OCMW getoond"
SETTLE_TIMEOUT_MS = 15_000
Dialog = TypeVar("Dialog", bound=QDialog)


class Desk:
    """A started DeskApp with its bridge and window; stopped by the fixture."""

    def __init__(
        self,
        qtbot: QtBot,
        config: Config,
        data_dir: Path,
        *,
        clock: Callable[[], float] = time.monotonic,
        verifier: CardVerifier | None = None,
    ) -> None:
        self.config = config
        self.data_dir = data_dir
        self.app = DeskApp.start(config, data_dir, clock=clock, verifier=verifier)
        self.bridge = AppBridge(self.app.workflow, self.app.subscribe_status)
        self.window = DeskWindow(self.app, self.bridge)
        self.window.extras.ask_before_closing = (
            False  # teardown closes it; tests that ask turn it on
        )
        qtbot.addWidget(self.window)
        self.window.show()
        self.qtbot = qtbot

    def settle(self, after: int, phase: Phase) -> DeskState:
        """Wait until the window presents ``phase`` for a transaction later than ``after``."""

        def check() -> None:
            state = self.bridge.state
            assert state.transaction > after
            assert state.phase is phase

        self.qtbot.waitUntil(check, timeout=SETTLE_TIMEOUT_MS)
        return self.bridge.state

    def insert(self, index: int) -> DeskState:
        """The training menu's card ``index``; waits for its verdict or problem."""
        assert self.window.training_menu is not None
        action = self.window.training_menu.card_actions[index]
        return self._until_settled(action.trigger)

    def insert_card(self, card: VirtualBelpicCard) -> DeskState:
        """Any virtual card (e.g. one that cannot be read); waits for its verdict or problem."""
        return self._until_settled(lambda: self.app.insert_sample_card(card))

    def remove(self) -> DeskState:
        before = self.bridge.state.transaction
        assert self.window.training_menu is not None
        self.window.training_menu.remove_action.trigger()
        return self.settle(before, Phase.WAITING)

    def activate(self) -> None:
        """Keyboard shortcuts reach only the active window."""
        self.window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window)

    def records(self, kind: RecordKind) -> list[AuditEntry]:
        with open_audit_store(self.config, self.data_dir) as store:
            since = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
            until = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
            return [entry for _seq, entry in store.records(since, until) if entry.kind is kind]

    def _until_settled(self, act: Callable[[], None]) -> DeskState:
        before = self.bridge.state.transaction
        act()
        self.qtbot.waitUntil(
            lambda: _assert_settled(self.bridge.state, before), timeout=SETTLE_TIMEOUT_MS
        )
        return self.bridge.state


def _assert_settled(state: DeskState, after: int) -> None:
    assert state.transaction > after
    assert state.phase in (Phase.VERDICT, Phase.PROBLEM)


class ManualClock:
    """A clock for the privacy timeout that moves only when a test moves it."""

    def __init__(self) -> None:
        self._now = 1000.0
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += seconds


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def make_desk(qtbot: QtBot, data_dir: Path) -> Iterator[MakeDesk]:
    """``make_desk(config, clock=..., verifier=...)``: a started desk, stopped after the test."""
    desks: list[Desk] = []

    def make(
        config: Config,
        *,
        clock: Callable[[], float] = time.monotonic,
        verifier: CardVerifier | None = None,
    ) -> Desk:
        desks.append(Desk(qtbot, config, data_dir, clock=clock, verifier=verifier))
        return desks[-1]

    yield make
    for desk in desks:
        desk.window.close()
        desk.app.stop()


@pytest.fixture
def desk(make_desk: MakeDesk) -> Desk:
    return make_desk(Config(training=True))


def desk_down_after_a_good_day(make_desk: MakeDesk) -> Desk:
    """A desk whose backend cannot be reached, on a data dir where a desk ran before (so
    the service catalogue is cached and staff can still decide manually)."""
    first = make_desk(Config(training=True))
    first.window.close()
    first.app.stop()
    return make_desk(
        Config(training=True, backend=BackendKind.REMOTE, remote=unreachable_backend())
    )


def unreachable_backend() -> RemoteSettings:
    """A remote backend on a closed loopback port: every call fails at once."""
    return RemoteSettings.model_validate(
        {"base_url": f"http://127.0.0.1:{closed_port()}", "auth": "none", "advice_retries": 0}
    )


def visible_texts() -> list[str]:
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


def assert_number_hidden(number: NationalNumber, caplog: pytest.LogCaptureFixture) -> None:
    private = number.digits[6:]  # serial and check digits: never shown, not even masked
    assert not [t for t in visible_texts() if number.digits in t or private in t]
    assert not [r for r in caplog.records if number.digits in r.getMessage()]


def type_number(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, text: str) -> None:
    """ManualEntryDialog.ask, answered by typing ``text`` into a real dialog and clicking OK."""

    def ask(
        cls: type[ManualEntryDialog], parent: object, typed: str = "", /
    ) -> NationalNumber | None:
        dialog = cls(None)
        qtbot.addWidget(dialog)
        QTest.keyClicks(dialog.number_field, typed + text)
        assert dialog.ok_button.isEnabled()
        dialog.ok_button.click()
        assert dialog.result() == QDialog.DialogCode.Accepted
        return dialog.take_number()

    monkeypatch.setattr(ManualEntryDialog, "ask", classmethod(ask))


def confirm_override(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, seen: list[str]) -> None:
    """OverrideDialog.ask, answered in a real dialog: Confirm stays off until all is filled in.

    ``seen`` gets the outcome codes offered, then the reason code preset.
    """

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
            # the reason's own words are offered, enough to confirm; staff may write more
            assert dialog.reason_text.toPlainText() == "Geen advies beschikbaar"
            assert dialog.confirm_button.isEnabled()
            dialog.reason_text.clear()
        QTest.keyClicks(dialog.reason_text, REASON[:9])
        assert not dialog.confirm_button.isEnabled()
        QTest.keyClicks(dialog.reason_text, REASON[9:])
        assert dialog.confirm_button.isEnabled()
        dialog.confirm_button.click()
        return dialog.choice()

    monkeypatch.setattr(OverrideDialog, "ask", classmethod(ask))


@contextmanager
def answering(kind: type[Dialog], act: Callable[[Dialog], None]) -> Iterator[list[Dialog]]:
    """Call ``act`` on the next modal ``kind`` dialog once it is up.

    A modal dialog runs its own event loop, so the key press that opens it returns only when
    it closes: a timer inside that loop finds it. The list holds the dialogs answered.
    """
    answered: list[Dialog] = []

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, kind) and modal.isVisible() and modal not in answered:
            answered.append(modal)
            try:
                act(modal)
            except BaseException:
                modal.reject()  # a failed check fails the test; a dialog left open would hang it
                raise

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(10)
    try:
        yield answered
    finally:
        timer.stop()


def focus_chain(start: QWidget, presses: int) -> list[QWidget]:
    """The widgets that hold the focus as Tab is pressed ``presses`` times from ``start``."""
    start.setFocus()
    seen: list[QWidget] = []
    for _ in range(presses):
        focused = QApplication.focusWidget() or start
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is not None:
            seen.append(now)
    return seen
