# SPDX-License-Identifier: EUPL-1.2
"""Beheer → Instellingen… driven like an admin: keyboard, a real DeskApp and DeskSession,
real files, the in-memory keyring, a real ``serve`` on loopback, widgets offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen here; before any QApplication

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from app.desk.app import DeskApp
from app.desk.state import Phase
from app.language import Language
from app.serve.api import EligibilityApi
from app.services import make_eligibility
from app.settings.config import Config, load_config, machine_config_path, user_config_path
from app.settings.credentials import KeyringCredentials, SecretName
from tests.pcsc_stack import READER_0
from tests.served import ServedApp, free_port
from ui.desk_session import DeskSession
from ui.translations import install_language

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from app.settings.checks import ReaderNames
    from tests.pcsc_stack import PcscDaemon
    from ui.settings.dialog import SettingsDialog

TOKEN = "serve-token-for-settings-0123456789"
SECRET = "stored-token-abcdefghijklmnop"
REMOTE_FILE = """\
# gent: desk 3
training = false
backend = "remote"

[desk]
id = "gent-balie-3"
services = ["uitpas-kansentarief"]

[remote]
base_url = "{url}"
auth = "bearer"
"""
ALT = Qt.KeyboardModifier.AltModifier
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def _no_pcsc() -> list[str]:
    """No readers: PC/SC runs only in the test marked pcsc (one pcscd at a time)."""
    return []


class Admin:
    """A desk session and the keys an admin presses in its settings dialog."""

    def __init__(self, qtbot: QtBot, data_dir: Path, reader_names: ReaderNames) -> None:
        self.qtbot = qtbot
        qt_app = QApplication.instance()
        assert isinstance(qt_app, QApplication)
        desk = DeskApp.start(load_config(), data_dir)
        self.session = DeskSession(qt_app, desk, data_dir=data_dir, reader_names=reader_names)
        self.session.show()

    def phase(self) -> Phase:
        assert self.session.bridge is not None
        return self.session.bridge.state.phase

    def open_settings(self) -> SettingsDialog:
        window = self.session.window
        assert window is not None
        window.activateWindow()
        self.qtbot.waitUntil(window.isActiveWindow)
        QTest.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
        self.qtbot.waitUntil(lambda: self.session.settings_dialog is not None)
        dialog = self.session.settings_dialog
        assert dialog is not None
        self.qtbot.waitUntil(dialog.isActiveWindow)
        return dialog

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
        QTest.keyClick(self.focused(), key, modifier)

    def typed(self, text: str) -> None:
        QTest.keyClicks(self.focused(), text)

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def jump(self, letter: Qt.Key) -> QWidget:
        """Alt+letter: the field behind that label's underlined letter gets the focus."""
        self.press(letter, ALT)
        return self.focused()

    def retype(self, letter: Qt.Key, text: str) -> None:
        field = self.jump(letter)
        assert isinstance(field, QLineEdit)
        QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(field, Qt.Key.Key_Backspace)
        QTest.keyClicks(field, text)

    def pick(self, letter: Qt.Key, item_text: str) -> None:
        """Alt+letter to a combo box, then arrow keys until ``item_text`` is chosen."""
        combo = self.jump(letter)
        assert isinstance(combo, QComboBox)
        QTest.keyClick(combo, Qt.Key.Key_Home)
        for _step in range(combo.count()):
            if item_text in combo.currentText():
                return
            QTest.keyClick(combo, Qt.Key.Key_Down)
        assert item_text in combo.currentText(), f"{item_text!r} not in {letter}"

    def stop(self) -> None:
        for widget in QApplication.topLevelWidgets():
            widget.close()
        self.session.stop()


@pytest.fixture
def make_admin(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[..., Admin]]:
    admins: list[Admin] = []

    def make(reader_names: ReaderNames = _no_pcsc) -> Admin:
        admins.append(Admin(qtbot, tmp_path / "data", reader_names))
        return admins[-1]

    yield make
    for admin in admins:
        admin.stop()
    qt_app = QApplication.instance()
    assert qt_app is not None
    install_language(qt_app, Language.NL)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[ServedApp]:
    engine = make_eligibility(Config(training=True), tmp_path / "served")
    with ServedApp(EligibilityApi(engine, frozenset({TOKEN})).app()) as app:
        yield app
    engine.close()


def _texts() -> list[str]:
    """Every text a widget holds: labels, fields, placeholders, buttons, items, titles."""
    found: list[str] = []
    for widget in QApplication.allWidgets():
        found += [widget.windowTitle(), widget.toolTip()]
        if isinstance(widget, QLineEdit):
            found += [widget.text(), widget.placeholderText(), widget.displayText()]
        elif isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        elif isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
    return found


def test_admin_sets_desk_and_services_by_keyboard_and_the_desk_restarts_with_them(
    make_admin: Callable[..., Admin], qtbot: QtBot
) -> None:
    admin = make_admin()
    old_window = admin.session.window
    dialog = admin.open_settings()
    assert dialog.backend_box.mode_combo.currentText().startswith("Oefenmodus")
    admin.retype(Qt.Key.Key_I, "gent-balie-9")
    services = admin.jump(Qt.Key.Key_D)
    assert services is dialog.desk_box.services_list
    codes = [s.code for s in admin.session.desk.services]
    admin.press(Qt.Key.Key_Home)
    for _row in range(codes.index("lez-registratie")):
        admin.press(Qt.Key.Key_Down)
    admin.press(Qt.Key.Key_Space)
    assert set(dialog.desk_box.checked_services()) == {"uitpas-kansentarief", "lez-registratie"}
    admin.pick(Qt.Key.Key_S, "lez-registratie")
    admin.press(Qt.Key.Key_N, ALT)
    admin.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    admin.typed("90")
    assert dialog.problems_label.text() == ""
    assert dialog.save_button.isEnabled()
    admin.press(Qt.Key.Key_O, ALT)
    qtbot.waitUntil(lambda: admin.session.window is not old_window, timeout=15_000)
    config = load_config()
    assert config.training  # the mode was left as it was
    assert config.desk.id == "gent-balie-9"
    assert config.desk.services == ("lez-registratie", "uitpas-kansentarief")
    assert config.desk.privacy_timeout_s == 90
    assert admin.session.desk.config == config
    window = admin.session.window
    assert window is not None
    lez = admin.session.desk.service("lez-registratie").name.nl
    assert window.windowTitle() == f"baliecheck — {lez}"
    assert window.status.currentMessage() == "Instellingen opgeslagen en toegepast."
    assert window.training_banner is not None


def test_http_to_another_host_is_said_and_nothing_is_written(
    make_admin: Callable[..., Admin],
) -> None:
    admin = make_admin()
    dialog = admin.open_settings()
    admin.pick(Qt.Key.Key_W, "Adviesdienst van de gemeente")
    assert dialog.problems_label.text() == "Adres adviesdienst: vul een adres in."
    admin.retype(Qt.Key.Key_A, "http://advies.gent.example")
    assert dialog.problems_label.text() == (
        "Adres adviesdienst: gebruik https (http mag alleen voor een dienst op deze pc)."
    )
    assert not dialog.save_button.isEnabled()
    admin.retype(Qt.Key.Key_I, "")
    assert "Balie-id: vul een naam voor deze balie in." in dialog.problems_label.text()
    admin.press(Qt.Key.Key_O, ALT)
    admin.press(Qt.Key.Key_Return)
    assert not user_config_path().exists()
    admin.press(Qt.Key.Key_Escape)
    assert admin.session.settings_dialog is None
    assert not user_config_path().exists()


def test_connection_test_against_a_real_serve_and_a_closed_port(
    make_admin: Callable[..., Admin], served: ServedApp, qtbot: QtBot
) -> None:
    admin = make_admin()
    dialog = admin.open_settings()
    admin.pick(Qt.Key.Key_W, "Adviesdienst van de gemeente")
    admin.retype(Qt.Key.Key_A, served.url)
    admin.pick(Qt.Key.Key_M, "Toegangstoken")
    qtbot.waitUntil(lambda: dialog.backend_box.secret_field.placeholderText() == "niet ingesteld")
    admin.retype(Qt.Key.Key_G, "not-the-right-token-0123456789")
    admin.press(Qt.Key.Key_V, ALT)
    label = dialog.connection_label
    rejected = "✘ Verbinding mislukt: De adviesdienst weigert de aanmelding van deze balie."
    qtbot.waitUntil(lambda: label.text() == rejected, timeout=15_000)
    admin.retype(Qt.Key.Key_G, TOKEN)
    admin.press(Qt.Key.Key_V, ALT)
    welcome = "✔ De adviesdienst is bereikbaar en aanvaardt de aanmelding (5 diensten)."
    qtbot.waitUntil(lambda: label.text() == welcome, timeout=15_000)
    admin.retype(Qt.Key.Key_A, f"http://127.0.0.1:{free_port()}")
    admin.press(Qt.Key.Key_V, ALT)
    unreachable = "✘ Verbinding mislukt: De adviesdienst is niet bereikbaar."
    qtbot.waitUntil(lambda: label.text() == unreachable, timeout=15_000)
    assert not user_config_path().exists()  # a test saves nothing
    assert KeyringCredentials().get(SecretName.BEARER_TOKEN) is None


def test_locked_settings_are_read_only_with_the_it_line(
    make_admin: Callable[..., Admin],
) -> None:
    machine = machine_config_path()
    machine.write_text('locked = true\ntraining = true\n[desk]\nid = "admin-desk"\n', "utf-8")
    admin = make_admin()
    dialog = admin.open_settings()
    assert dialog.locked_label.isVisible()
    assert dialog.locked_label.text() == (
        f"Deze instellingen worden beheerd door uw IT-dienst ({machine})"
    )
    assert dialog.desk_box.desk_id_field.text() == "admin-desk"
    assert dialog.desk_box.desk_id_field.isReadOnly()
    assert dialog.backend_box.url_field.isReadOnly()
    assert not dialog.save_button.isEnabled()
    for widget in (
        dialog.backend_box.mode_combo,
        dialog.desk_box.services_list,
        dialog.desk_box.language_combo,
        dialog.desk_box.timeout_spin,
        dialog.desk_box.reader_combo,
    ):
        assert not widget.isEnabled()
    admin.press(Qt.Key.Key_O, ALT)
    assert not user_config_path().exists()


@pytest.mark.pcsc  # a desk outside training mode watches the real PC/SC readers
def test_the_secret_is_never_in_a_widget_and_a_new_one_goes_to_the_keyring(
    make_admin: Callable[..., Admin], served: ServedApp, qtbot: QtBot, pcscd: PcscDaemon
) -> None:
    user_config_path().write_text(REMOTE_FILE.format(url=served.url), encoding="utf-8")
    KeyringCredentials().set(SecretName.BEARER_TOKEN, SECRET)
    admin = make_admin()
    dialog = admin.open_settings()
    secret_field = dialog.backend_box.secret_field
    qtbot.waitUntil(lambda: secret_field.placeholderText() == "opgeslagen")
    assert secret_field.text() == ""
    assert not [text for text in _texts() if SECRET in text]
    admin.retype(Qt.Key.Key_G, TOKEN)
    assert secret_field.echoMode() is QLineEdit.EchoMode.Password
    assert TOKEN not in secret_field.displayText()
    old_window = admin.session.window
    admin.press(Qt.Key.Key_O, ALT)
    qtbot.waitUntil(lambda: admin.session.window is not old_window, timeout=15_000)
    assert KeyringCredentials().get(SecretName.BEARER_TOKEN) == TOKEN
    text = user_config_path().read_text(encoding="utf-8")
    assert TOKEN not in text
    assert "# gent: desk 3" in text
    assert not [t for t in _texts() if TOKEN in t or SECRET in t]
    assert admin.session.desk.config.remote is not None  # the desk now asks the server


def test_settings_wait_for_the_desk_to_be_free_and_a_verdict_is_never_dropped(
    make_admin: Callable[..., Admin], qtbot: QtBot
) -> None:
    admin = make_admin()
    window = admin.session.window
    assert window is not None
    assert window.training_menu is not None
    window.training_menu.card_actions[0].trigger()
    qtbot.waitUntil(lambda: admin.phase() is Phase.VERDICT, timeout=15_000)
    window.settings_action.trigger()
    assert admin.session.settings_dialog is None
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert [box.text() for box in boxes if box.isVisible()] == [
        "Instellingen kunnen alleen als de balie op een kaart wacht. Rond eerst de huidige "
        "klant af; Esc wist het scherm."
    ]
    for box in boxes:
        box.close()
    window.training_menu.remove_action.trigger()
    qtbot.waitUntil(lambda: admin.phase() is Phase.WAITING, timeout=15_000)
    # A card inserted while the dialog is open: the verdict stays until the desk is free.
    admin.open_settings()
    window.training_menu.card_actions[0].trigger()
    qtbot.waitUntil(lambda: admin.phase() is Phase.VERDICT, timeout=15_000)
    admin.retype(Qt.Key.Key_I, "gent-balie-5")
    admin.press(Qt.Key.Key_O, ALT)
    qtbot.waitUntil(lambda: admin.session.settings_dialog is None, timeout=15_000)
    assert load_config().desk.id == "gent-balie-5"
    assert admin.session.window is window
    assert window.stack.currentWidget() is window.verdict_view
    assert window.status.currentMessage() == (
        "Instellingen opgeslagen. Ze gelden zodra de balie weer op een kaart wacht."
    )
    window.clear_action.trigger()
    qtbot.waitUntil(lambda: admin.session.window is not window, timeout=15_000)
    assert admin.session.desk.config.desk.id == "gent-balie-5"


def test_language_change_shows_the_new_desk_in_french(
    make_admin: Callable[..., Admin], qtbot: QtBot
) -> None:
    admin = make_admin()
    old_window = admin.session.window
    admin.open_settings()
    admin.pick(Qt.Key.Key_T, "Français")
    admin.press(Qt.Key.Key_O, ALT)
    qtbot.waitUntil(lambda: admin.session.window is not old_window, timeout=15_000)
    window = admin.session.window
    assert window is not None
    assert window.waiting_view.title_label.text() == "Insérez la carte eID dans le lecteur"
    assert load_config().desk.language is Language.FR


@pytest.mark.pcsc
def test_reader_choice_lists_the_pcsc_readers(
    make_admin: Callable[..., Admin], pcscd: PcscDaemon, qtbot: QtBot
) -> None:
    from app.settings.checks import pcsc_reader_names

    admin = make_admin(pcsc_reader_names)
    dialog = admin.open_settings()
    reader_combo = dialog.desk_box.reader_combo
    assert not reader_combo.isEnabled()  # training: a simulated reader
    admin.pick(Qt.Key.Key_W, "Lijsten op deze pc")
    qtbot.waitUntil(lambda: reader_combo.findText(READER_0) >= 0, timeout=15_000)
    assert reader_combo.isEnabled()
    admin.pick(Qt.Key.Key_K, READER_0)
    admin.press(Qt.Key.Key_O, ALT)
    qtbot.waitUntil(lambda: admin.session.settings_dialog is None, timeout=15_000)
    assert load_config().desk.reader == READER_0
    assert not load_config().training
