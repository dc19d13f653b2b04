# SPDX-License-Identifier: EUPL-1.2
"""Renders each desk screen to PNG under shots/ (training mode, a temp data dir) for review:
every state in Dutch, French and English, in a light and a dark desktop palette
(shots/<lang>-<palette>/). A decision after an override and a manual one, each problem card
(training's "Adviesdienst antwoordt niet" and "Burger zonder gegevens" too, with the decision
that waits in the outbox), the training menu, the backend down at start and on a panel, the
help, the question before closing. ``--font-scale 1.5 --size 1024x768``: a larger system font
on a small screen.

    xvfb-run -a .venv/bin/python -m bench.screenshots [--out shots] [--lang nl] [--palette dark]

Without a display it falls back to Qt's offscreen platform (plainer fonts).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.desk.app import DeskApp
from app.desk.state import Phase
from app.eligibility.wire import ReasonCode
from app.language import Language
from app.settings.checks import SettingsChecks
from app.settings.config import BackendKind, Config, DeskSettings, RemoteSettings
from app.settings.file import read_settings
from eid.card_profiles import PROFILES
from tests.palettes import PALETTES
from tests.served import free_port
from ui.about_dialog import show_about
from ui.bridge import AppBridge
from ui.main_window import DeskWindow
from ui.manual_entry_dialog import ManualEntryDialog
from ui.override_dialog import OverrideChoice, OverrideDialog
from ui.settings.dialog import SettingsDialog
from ui.texts import localized
from ui.translations import install_language

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.desk.state import DeskState

TIMEOUT_S = 15.0
ELIGIBLE_CARD, STANDARD_CARD = 0, 5  # "Kansentarief — voorbeeld 1", "Standaard — voorbeeld 6"
SERVICES = ("uitpas-kansentarief", "lez-registratie")


class Shooter:
    """One desk window; waits for states by running the Qt event loop, then grabs."""

    size = (1366, 768)

    def __init__(self, qt_app: QApplication, config: Config, data_dir: Path, out: Path) -> None:
        self.qt_app = qt_app
        self.out = out
        self.desk = DeskApp.start(config, data_dir)
        self.bridge = AppBridge(self.desk.workflow, self.desk.subscribe_status)
        self.window = DeskWindow(self.desk, self.bridge)
        self.window.extras.ask_before_closing = False
        self.window.resize(*self.size)
        self.window.show()

    def wait_for(self, done: Callable[[DeskState], bool]) -> None:
        deadline = time.monotonic() + TIMEOUT_S
        while not done(self.bridge.state):
            if time.monotonic() > deadline:
                raise TimeoutError(f"state not reached; last: {self.bridge.state.phase}")
            self.qt_app.processEvents()
            time.sleep(0.01)  # a bench script polling the event loop, not a test
        for _ in range(5):
            self.qt_app.processEvents()

    def insert(self, index: int) -> None:
        before = self.bridge.state.transaction
        self.desk.insert_training_card(index)
        self.wait_for(lambda s: s.transaction > before and s.phase in _SETTLED)

    def clear(self) -> None:
        self.desk.workflow.clear()
        self.wait_for(lambda s: s.phase is Phase.WAITING)

    def save(self, widget: QWidget, name: str) -> None:
        if widget is self.window:  # as a window manager holds it to the screen
            self.window.resize(*self.size)
        for _ in range(5):
            self.qt_app.processEvents()
        path = self.out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)

    def stop(self) -> None:
        self.window.close()
        self.desk.stop()


_SETTLED = (Phase.VERDICT, Phase.PROBLEM)


def _problem_after(transaction: int, state: DeskState) -> bool:
    return state.transaction > transaction and state.phase is Phase.PROBLEM


def _config(language: Language, **changes: object) -> Config:
    desk = DeskSettings(services=SERVICES, language=language)
    return Config(training=True, desk=desk, **changes)  # type: ignore[arg-type]


def shoot_training(qt_app: QApplication, data_dir: Path, out: Path, language: Language) -> None:
    shooter = Shooter(qt_app, _config(language), data_dir, out)
    try:
        shooter.wait_for(lambda s: s.phase is Phase.WAITING)
        shooter.save(shooter.window, "1-waiting")
        shooter.insert(ELIGIBLE_CARD)
        shooter.save(shooter.window, "2-verdict-eligible")
        _shoot_override_dialog(shooter)
        _shoot_decided(shooter, "STANDAARD", "2b-decided-departed")
        shooter.clear()
        shooter.insert(STANDARD_CARD)
        shooter.save(shooter.window, "3-verdict-standard")
        shooter.clear()
        dialog = ManualEntryDialog(shooter.window)
        dialog.number_field.setText("85.07.30-03")
        dialog.show()
        shooter.save(dialog, "5-manual-entry-dialog")
        dialog.forget()
        dialog.close()
        _shoot_card_problems(shooter)
        _shoot_settings(shooter)
        _shoot_failure(shooter)
        about = show_about(shooter.window, shooter.desk.config)
        shooter.save(about, "11-about")
        about.close()
        _shoot_help_and_close(shooter)
        _shoot_training_menu(shooter)
        _shoot_practice_problems(shooter)  # last: the outage card stops the backend a minute
    finally:
        shooter.stop()


def _shoot_decided(shooter: Shooter, code: str, name: str) -> None:
    """A decision confirmed: the big panel shows what was applied."""
    state = shooter.bridge.state
    outcome = next(o for o in shooter.desk.service(state.service).outcomes if o.code == code)
    label = localized(outcome.label, shooter.desk.config.desk.language)
    reason = ReasonCode.DOCUMENT_SHOWN if state.advice else ReasonCode.ADVICE_UNAVAILABLE
    choice = OverrideChoice(code, label, reason, "attest OCMW getoond")
    ask = OverrideDialog.ask
    OverrideDialog.ask = classmethod(lambda _cls, _parent, **_options: choice)  # type: ignore[assignment,method-assign]
    try:
        if state.advice is not None:
            shooter.window.override_button.click()
        else:
            shooter.window.problem_view.decide_button.click()
    finally:
        OverrideDialog.ask = ask  # type: ignore[method-assign]
    receipt = shooter.window.receipt_label
    shooter.wait_for(lambda _s: receipt.isVisible())
    shooter.save(shooter.window, name)


def _shoot_help_and_close(shooter: Shooter) -> None:
    shooter.window.extras.show_help()
    assert shooter.window.extras.help_dialog is not None
    shooter.save(shooter.window.extras.help_dialog, "12-help")
    shooter.window.extras.help_dialog.close()
    shooter.insert(ELIGIBLE_CARD)
    shooter.window.extras.ask_before_closing = True
    _grab_close_question(shooter)
    shooter.window.extras.may_close(shooter.bridge.state, shooter.bridge.status)
    shooter.window.extras.ask_before_closing = False
    shooter.clear()


def _grab_close_question(shooter: Shooter) -> None:
    """Grab the close question once it is up, then cancel it."""

    def grab() -> None:
        box = shooter.window.extras.close_box
        if box is None or not box.isVisible():
            QTimer.singleShot(20, grab)
            return
        path = shooter.out / "13-close-question.png"
        box.grab().save(str(path))
        print(path)
        reject = QMessageBox.ButtonRole.RejectRole
        [cancel] = [b for b in box.buttons() if box.buttonRole(b) is reject]
        cancel.click()

    QTimer.singleShot(20, grab)


def _shoot_card_problems(shooter: Shooter) -> None:
    """Each problem card: one instruction, matching the buttons shown."""
    for profile in ("not-eid", "corrupt-tlv", "forged-byte"):
        shooter.desk.insert_sample_card(PROFILES[profile].make_card())
        shooter.wait_for(lambda s: s.phase is Phase.PROBLEM)
        shooter.save(shooter.window, f"8-card-problem-{profile}")
        shooter.desk.remove_training_card()
        shooter.wait_for(lambda s: s.phase is Phase.WAITING)


def _shoot_practice_problems(shooter: Shooter) -> None:
    """Training's problem cards picked from the menu: no data, then the backend that does not
    answer, and a manual decision that waits in the outbox."""
    menu = shooter.window.training_menu
    assert menu is not None
    for index, name in ((4, "8d-card-problem-no-data"), (3, "8e-card-problem-backend-down")):
        before = shooter.bridge.state.transaction
        menu.problem_actions[index].trigger()
        shooter.wait_for(partial(_problem_after, before))
        shooter.save(shooter.window, name)
        if index == 4:
            shooter.desk.remove_training_card()
            shooter.wait_for(lambda s: s.phase is Phase.WAITING)
    _shoot_decided(shooter, "KANSENTARIEF", "8f-outage-decided-send-later")
    shooter.desk.remove_training_card()
    shooter.wait_for(lambda s: s.phase is Phase.WAITING)
    shooter.save(shooter.window, "8g-waiting-practice-outage")


def _shoot_training_menu(shooter: Shooter) -> None:
    """The training menu's cards and problem cards, in the desk's language."""
    menu = shooter.window.training_menu
    assert menu is not None
    for sub, name in (
        (menu.insert_menu, "14a-training-cards"),
        (menu.problem_menu, "14b-problem-cards"),
    ):
        sub.popup(shooter.window.mapToGlobal(shooter.window.rect().topLeft()))
        shooter.save(sub, name)
        sub.close()


def _shoot_settings(shooter: Shooter) -> None:
    language = shooter.desk.config.desk.language
    services = [(s.code, localized(s.name, language)) for s in shooter.desk.services]
    checks = SettingsChecks(reader_names=list)  # no PC/SC in a training screenshot
    try:
        dialog = SettingsDialog(
            read_settings(), services=services, checks=checks, bridge=shooter.bridge
        )
        dialog.show()
        shooter.save(dialog, "9-settings-dialog")
        dialog.close()
    finally:
        checks.close()


def _shoot_failure(shooter: Shooter) -> None:
    """What staff see after a failure nobody foresaw (here: raised on purpose)."""
    presenter = shooter.window.failure_presenter
    presenter.report(RuntimeError("screenshot"), where="bench.screenshots")
    deadline = time.monotonic() + TIMEOUT_S
    while presenter.failure_box is None and time.monotonic() < deadline:
        shooter.qt_app.processEvents()
    assert presenter.failure_box is not None, "no failure message shown"
    shooter.save(presenter.failure_box, "10-failure-message")
    presenter.failure_box.close()


def _shoot_override_dialog(shooter: Shooter) -> None:
    state = shooter.bridge.state
    assert state.advice is not None
    outcomes = shooter.desk.service(state.service).outcomes
    dialog = OverrideDialog(
        shooter.window,
        outcomes=outcomes,
        advised=state.advice.outcome,
        language=shooter.desk.config.desk.language,  # as the window opens it
    )
    dialog.outcome_box.setCurrentIndex(0)
    dialog.reason_text.setPlainText("Attest")
    dialog.show()
    shooter.save(dialog, "6-override-dialog")
    dialog.close()


def shoot_problem(qt_app: QApplication, data_dir: Path, out: Path, language: Language) -> None:
    remote = RemoteSettings.model_validate(
        {"base_url": f"http://127.0.0.1:{free_port()}", "auth": "none", "advice_retries": 0}
    )
    config = _config(language, backend=BackendKind.REMOTE, remote=remote)
    shooter = Shooter(qt_app, config, data_dir, out)
    try:
        label = shooter.window.waiting_view.backend_label
        shooter.wait_for(lambda _s: not label.isHidden())
        shooter.save(shooter.window, "4a-waiting-backend-down")
        shooter.insert(ELIGIBLE_CARD)
        shooter.save(shooter.window, "4-problem")
        _shoot_recorded(shooter)
    finally:
        shooter.stop()


def _shoot_recorded(shooter: Shooter) -> None:
    """A manual decision confirmed while the backend is down: recorded, to be sent later."""
    _shoot_decided(shooter, "KANSENTARIEF", "7-recorded-send-later")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=Path("shots"), help="folder for the PNGs")
    parser.add_argument("--lang", choices=[x.value for x in Language], action="append")
    parser.add_argument("--palette", choices=sorted(PALETTES), action="append")
    parser.add_argument("--font-scale", type=float, default=1.0, help="application font ×")
    parser.add_argument("--size", default="1366x768", help="window size, e.g. 1024x768")
    args = parser.parse_args(argv)
    qt_app = QApplication([sys.argv[0]])
    width, height = (int(part) for part in args.size.split("x"))
    Shooter.size = (width, height)
    font = qt_app.font()
    font.setPointSizeF(font.pointSizeF() * args.font_scale)
    qt_app.setFont(font)
    for code in args.lang or [x.value for x in Language]:
        for name in args.palette or sorted(PALETTES):
            language = Language(code)
            install_language(qt_app, language)
            qt_app.setPalette(PALETTES[name])
            out = args.out / f"{code}-{name}"
            out.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(prefix="baliecheck-shots-") as tmp:
                os.environ["BALIECHECK_DATA_DIR"] = tmp  # never the real data dir
                data_dir = Path(tmp)
                shoot_training(qt_app, data_dir, out, language)
                shoot_problem(qt_app, data_dir, out, language)  # the first desk's catalogue
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
