# SPDX-License-Identifier: EUPL-1.2
"""Unexpected failures at the desk: logged with the number masked, told to staff in Dutch, the
screen cleared (no verdict nobody can vouch for), and the desk goes on."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from app.desk.state import Phase
from app.language import Language
from app.problem_texts import problem_text
from app.problems import AppError, Problem
from tests.desk_support import CITIZENS, assert_number_hidden

if TYPE_CHECKING:
    import pytest
    from pytestqt.qtbot import QtBot

    from tests.desk_support import Desk
    from ui.failure_presenter import FailurePresenter

NUMBER = CITIZENS[0].national_number
FAILURE_TITLE = "Onverwachte fout"
FAILURE_WHAT = "Er liep iets onverwacht mis. Het scherm is gewist: er is geen advies."
FAILURE_NEXT = (
    "Probeer opnieuw: steek de kaart opnieuw in of typ het nummer in (F2). Lukt het niet, "
    "noteer de beslissing op papier en meld het aan de informaticadienst."
)
PART_STOPPED_WHAT = (
    "Een onderdeel van baliecheck is onverwacht gestopt. Het scherm is gewist: er is geen advies."
)


def _failures_logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "ui.failure_presenter" and r.getMessage().startswith("unexpected failure")
    ]


def _raise_with_number(*_args: object, **_kwargs: object) -> None:
    raise ValueError(f"cannot present the advice for {NUMBER.digits}")


def _open_messages(title: str) -> list[QMessageBox]:
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QMessageBox) and widget.isVisible() and widget.windowTitle() == title
    ]


def _record_phases(desk: Desk) -> list[tuple[int, Phase]]:
    phases: list[tuple[int, Phase]] = []
    desk.bridge.state_changed.connect(lambda s: phases.append((s.transaction, s.phase)))
    return phases


def _insert_first_card(desk: Desk) -> None:
    """The first sample citizen's card; its verdict is what the test's broken view fails on."""
    assert desk.window.training_menu is not None
    desk.window.training_menu.card_actions[0].trigger()


class _Installed:
    """The presenter's hooks for one test, as ui.main installs them for the desk's life."""

    def __init__(self, presenter: FailurePresenter) -> None:
        self.presenter = presenter

    def __enter__(self) -> FailurePresenter:
        self.presenter.install()
        return self.presenter

    def __exit__(self, *exc: object) -> None:
        self.presenter.restore()


def test_desk_window_failure_in_a_slot_clears_the_verdict_and_is_logged_masked(
    desk: Desk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    shown: list[object] = []
    desk.window.stack.currentChanged.connect(lambda i: shown.append(desk.window.stack.widget(i)))
    phases = _record_phases(desk)
    monkeypatch.setattr(desk.window.verdict_view, "show_advice", _raise_with_number)
    with _Installed(desk.window.failure_presenter) as presenter:
        _insert_first_card(desk)
        qtbot.waitUntil(lambda: presenter.failure_box is not None)
        cleared = desk.settle(0, Phase.WAITING)
    assert phases[-2:] == [
        (cleared.transaction - 1, Phase.VERDICT),
        (cleared.transaction, Phase.WAITING),
    ]
    box = presenter.failure_box
    assert box is not None
    assert (box.windowTitle(), box.text(), box.informativeText()) == (
        FAILURE_TITLE,
        FAILURE_WHAT,
        FAILURE_NEXT,
    )
    assert desk.window.verdict_view not in shown
    assert desk.window.stack.currentWidget() is desk.window.waiting_view
    assert not desk.window.override_button.isEnabled()
    [logged] = _failures_logged(caplog)
    assert "ValueError: cannot present the advice for 11.01.01-xxx.xx" in logged
    assert "_raise_with_number" in logged  # the traceback is there for IT
    assert NUMBER.digits not in caplog.text
    assert_number_hidden(NUMBER, caplog)
    # The desk goes on: the next card gets its verdict.
    box.accept()
    qtbot.waitUntil(lambda: presenter.failure_box is None)
    monkeypatch.undo()
    desk.remove()
    assert desk.bridge.state.transaction > cleared.transaction
    state = desk.insert(0)
    assert state.phase is Phase.VERDICT
    assert desk.window.verdict_view.outcome_label.text() == "✔ Kansentarief"


def test_desk_window_a_worker_thread_that_dies_is_told_and_logged_masked(
    desk: Desk, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    verdict = desk.insert(0)
    worker = threading.Thread(target=_raise_with_number, name="bc-net-broken")
    with _Installed(desk.window.failure_presenter) as presenter:
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: presenter.failure_box is not None)
        desk.settle(verdict.transaction, Phase.WAITING)
    box = presenter.failure_box
    assert box is not None
    assert (box.windowTitle(), box.text()) == (FAILURE_TITLE, PART_STOPPED_WHAT)
    assert box.informativeText().startswith("Sluit baliecheck en start het opnieuw.")
    assert desk.window.stack.currentWidget() is desk.window.waiting_view
    [logged] = _failures_logged(caplog)
    assert logged.startswith("unexpected failure in bc-net-broken:")
    assert "11.01.01-xxx.xx" in logged
    assert NUMBER.digits not in caplog.text


def test_desk_window_failures_while_the_message_is_open_are_logged_not_looped(
    desk: Desk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Even the waiting screen fails to show: one message, the workflow cleared once."""
    caplog.set_level(logging.DEBUG)
    monkeypatch.setattr(desk.window.verdict_view, "show_advice", _raise_with_number)
    show_phase = desk.window.waiting_view.show_phase

    def waiting_screen_fails(phase: Phase) -> None:
        if phase is Phase.WAITING:
            _raise_with_number()
        show_phase(phase)

    monkeypatch.setattr(desk.window.waiting_view, "show_phase", waiting_screen_fails)
    phases = _record_phases(desk)
    with _Installed(desk.window.failure_presenter) as presenter:
        _insert_first_card(desk)
        qtbot.waitUntil(lambda: len(_failures_logged(caplog)) == 2)
        for _ in range(5):
            QApplication.processEvents()
    verdict = next(transaction for transaction, phase in phases if phase is Phase.VERDICT)
    assert presenter.failure_box is not None
    assert _open_messages(FAILURE_TITLE) == [presenter.failure_box]
    assert len(_failures_logged(caplog)) == 2
    assert desk.bridge.state.transaction == verdict + 1
    assert desk.bridge.state.phase is Phase.WAITING
    assert desk.window.stack.currentWidget() is desk.window.waiting_view


def test_desk_window_decision_not_recorded_says_so_in_dutch(
    desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    presenter = desk.window.failure_presenter
    presenter.decision_not_recorded(AppError(Problem.AUDIT_STORE_FULL))
    presenter.decision_not_recorded(RuntimeError(f"disk said no for {NUMBER.digits}"))
    words = problem_text(Problem.AUDIT_STORE_FULL, Language.NL)
    boxes = _open_messages("Niet geregistreerd")
    assert {(box.text(), box.informativeText()) for box in boxes} == {
        ("De beslissing is NIET geregistreerd.", f"{words.what}\n{words.next_step}"),
        (
            "De beslissing is NIET geregistreerd.",
            "Er liep iets onverwacht mis. Meld dit aan de informaticadienst.",
        ),
    }
    assert presenter.failure_box is None  # the verdict may stand: it was not a failure to show
    assert NUMBER.digits not in caplog.text
    assert "RuntimeError: disk said no for 11.01.01-xxx.xx" in caplog.text


# The desk as ui.main runs it, in a process of its own (Qt's main loop is not the test's to
# run): a slot raises a number-holding exception once the window is up.
DESK_WITH_A_FAILING_SLOT = """
import json, sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui.main import run
from ui.main_window import DeskWindow

app = QApplication([sys.argv[0]])
before = (sys.excepthook, threading.excepthook)
seen = {}

def fail_in_a_slot():
    seen["installed"] = (sys.excepthook, threading.excepthook) != before
    raise ValueError("cannot present the advice for " + sys.argv[1])

def quit_once_told():
    for window in app.topLevelWidgets():
        box = isinstance(window, DeskWindow) and window.failure_presenter.failure_box
        if box:
            seen["told"] = [box.text(), box.informativeText()]
            app.quit()

watcher = QTimer()
watcher.timeout.connect(quit_once_told)
watcher.start(20)
QTimer.singleShot(0, fail_in_a_slot)
QTimer.singleShot(20_000, app.quit)
seen["exit"] = run(["-v"])
seen["restored"] = (sys.excepthook, threading.excepthook) == before
print(json.dumps(seen))
"""


def test_desk_run_installs_the_failure_hooks_and_restores_them_on_exit() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", DESK_WITH_A_FAILING_SLOT, NUMBER.digits],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen == {
        "installed": True,
        "told": [FAILURE_WHAT, FAILURE_NEXT],
        "exit": 0,
        "restored": True,
    }
    assert "ValueError: cannot present the advice for 11.01.01-xxx.xx" in done.stderr
    assert NUMBER.digits not in done.stderr + done.stdout
