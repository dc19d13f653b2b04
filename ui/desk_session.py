# SPDX-License-Identifier: EUPL-1.2
"""DeskSession: the running desk (DeskApp, bridge, window) and the settings dialog that
changes it.

Settings open only while the desk waits for a card, so nothing on screen is at stake.
After a save the desk is started again with the new configuration: the old DeskApp stops
(its store thread drains, so every confirmed decision is on disk and in the outbox), the
translator follows the new language and a new window takes the old one's place. A card
inserted while the dialog was open is not dropped: the restart waits until the desk is
back to waiting (Esc, the card taken out, or the privacy timeout).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from app.desk.app import DeskApp
from app.desk.startup import with_language
from app.desk.state import Phase
from app.problems import AppError
from ui import texts
from ui.bridge import AppBridge
from ui.main_window import DeskWindow
from ui.texts import localized, problem_words, tr
from ui.translations import install_language

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from app.desk.state import DeskState
    from app.language import Language
    from app.settings.checks import ReaderNames, SettingsChecks
    from app.settings.config import Config
    from ui.settings.dialog import SettingsDialog

log = logging.getLogger(__name__)

EXIT_CANNOT_START = 2
MESSAGE_MS = 15_000


class DeskSession(QObject):
    """Owns the current DeskApp and its window; ``stop()`` ends the last one."""

    def __init__(  # noqa: PLR0913 - all but two keyword-only: the command line's choices
        self,
        qt_app: QApplication,
        desk: DeskApp,
        *,
        data_dir: Path,
        config_file: Path | None = None,
        reader_names: ReaderNames | None = None,
        language: Language | None = None,
    ) -> None:
        """``language``: ``--lang`` or ``$BALIECHECK_LANG``, which win over saved settings."""
        super().__init__()
        self._language = language
        self._qt_app = qt_app
        self.desk = desk
        self._data_dir = data_dir
        self._config_file = config_file
        self._pending: Config | None = None
        self._stopped = False
        self._reader_names = reader_names  # None: the PC/SC readers'
        self._checks: SettingsChecks | None = None
        self.bridge: AppBridge | None = None
        self.window: DeskWindow | None = None
        self.settings_dialog: SettingsDialog | None = None

    def show(self) -> DeskWindow:
        """A bridge and a window for the current DeskApp, shown."""
        self.bridge = AppBridge(self.desk.workflow, self.desk.subscribe_status)
        self.window = DeskWindow(self.desk, self.bridge, config_file=self._config_file)
        self.window.settings_requested.connect(self.open_settings)
        self.bridge.state_changed.connect(self._on_state_changed)
        # Uncaught exceptions (Qt slots, bc-* threads) are logged masked and shown to staff
        # by this window, until its desk's threads have stopped.
        self.window.failure_presenter.install()
        if self.desk.config.desk.maximized:
            self.window.showMaximized()
        else:
            self.window.show()
        return self.window

    @property
    def checks(self) -> SettingsChecks:
        """The settings dialog's slow calls, made when the dialog first needs them (the
        settings' parts, tomlkit among them, are no part of the desk's start)."""
        if self._checks is None:
            from app.settings.checks import SettingsChecks, pcsc_reader_names  # noqa: PLC0415

            self._checks = SettingsChecks(
                reader_names=self._reader_names or pcsc_reader_names, explicit=self._config_file
            )
        return self._checks

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self._close_checks()
        self.desk.stop()
        if self.window is not None:
            self.window.failure_presenter.restore()

    # -- the dialog --------------------------------------------------------------------
    def open_settings(self) -> None:
        assert self.window is not None
        assert self.bridge is not None
        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            return
        if self.bridge.state.phase is not Phase.WAITING:
            self._tell(QMessageBox.Icon.Information, tr(texts.SETTINGS_BUSY))
            return
        from app.settings.file import read_settings  # noqa: PLC0415 - when the dialog opens
        from ui.settings.dialog import SettingsDialog  # noqa: PLC0415

        try:
            shown = read_settings(self._config_file)
        except AppError as exc:
            what = problem_words(exc.problem, self.desk.config.desk.language).what
            self._tell(
                QMessageBox.Icon.Warning,
                f"{tr(texts.SETTINGS_UNREADABLE).format(what=what)}\n{exc.detail}",
            )
            return
        language = self.desk.config.desk.language
        services = [(s.code, localized(s.name, language)) for s in self.desk.services]
        dialog = SettingsDialog(
            shown,
            services=services,
            checks=self.checks,
            bridge=self.bridge,
            parent=self.window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_settings_finished)
        self.settings_dialog = dialog
        self.desk.workflow.hold()  # no privacy timeout while the admin is busy
        dialog.open()

    def _on_settings_finished(self, _result: int) -> None:
        dialog, self.settings_dialog = self.settings_dialog, None
        self.desk.workflow.release()
        if dialog is not None and dialog.saved_config is not None:
            self._pending = dialog.saved_config
            self._apply_when_waiting()

    def _on_state_changed(self, _state: DeskState) -> None:
        if self._pending is not None:
            self._apply_when_waiting()

    def _apply_when_waiting(self) -> None:
        assert self.window is not None
        assert self.bridge is not None
        if self.bridge.state.phase is not Phase.WAITING:
            self.window.status.showMessage(tr(texts.SETTINGS_APPLY_LATER))
            return
        config, self._pending = self._pending, None
        if config is not None:
            # Not inside the old bridge's signal: the restart replaces that bridge.
            QTimer.singleShot(0, lambda: self._restart(config))

    # -- the restart -------------------------------------------------------------------
    def _restart(self, config: Config) -> None:
        old_window, old_bridge, old_desk = self.window, self.bridge, self.desk
        assert old_window is not None
        assert old_bridge is not None
        log.info("settings saved: restarting the desk")
        geometry = old_window.geometry()
        old_desk.stop()
        old_window.failure_presenter.restore()
        message, failed = tr(texts.SETTINGS_APPLIED), False
        try:
            self.desk = self._start(config)
        except AppError as exc:
            log.warning("desk not started with the new settings: %s", exc.problem.value)
            words = problem_words(exc.problem, config.desk.language)
            message, failed = f"{tr(texts.SETTINGS_NOT_APPLIED)} {words.what}", True
            try:
                self.desk = self._start(old_desk.config)
            except AppError:
                log.exception("desk not started again with the previous settings")
                self._close_checks()
                self._stopped = True
                self._qt_app.exit(EXIT_CANNOT_START)
                return
        window = self.show()
        window.setGeometry(geometry)
        old_window.hide()
        old_window.deleteLater()
        old_bridge.deleteLater()
        window.status.showMessage(message, MESSAGE_MS)
        if failed:
            self._tell(QMessageBox.Icon.Warning, message)

    def _start(self, config: Config) -> DeskApp:
        config = with_language(config, self._language)
        install_language(self._qt_app, config.desk.language)
        return DeskApp.start(config, self._data_dir)

    def _close_checks(self) -> None:
        if self._checks is not None:
            self._checks.close()

    def _tell(self, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(icon, tr(texts.SETTINGS_TITLE), text, parent=self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
