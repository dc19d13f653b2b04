# SPDX-License-Identifier: EUPL-1.2
"""SettingsDialog (Beheer → Instellingen…): the admin edits the desk's settings and saves.

What is wrong is said under the fields as it is typed, and Save stays disabled until it is
right. Keyring, PC/SC and the connection test run on app.settings.checks' threads; their
results come back through the bridge. A locked machine-wide file shows every field
read-only, with the line that IT manages them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.problems import AppError, Problem, problem_for_fault
from app.settings.config import AuthKind
from app.settings.file import SettingsLocked, SettingsRefused
from app.settings.form import DeskMode, Refusal, refusals, secret_refusals
from eid.errors import EidError
from ui import texts
from ui.settings.backend_box import SettingsBackendBox
from ui.settings.connection_row import SettingsConnectionRow
from ui.settings.desk_box import SettingsDeskBox
from ui.settings.problems_label import SettingsProblemsLabel, refusal_line
from ui.texts import problem_words, tr

if TYPE_CHECKING:
    from collections.abc import Sequence

    from app.settings.checks import ConnectionResult, SettingsChecks
    from app.settings.config import Config
    from app.settings.credentials import SecretName
    from app.settings.file import SettingsInEffect
    from app.settings.form import SettingsForm
    from ui.bridge import AppBridge


class SettingsDialog(QDialog):
    """Edits one SettingsInEffect. After a save, ``saved_config`` holds what is in the file."""

    def __init__(
        self,
        shown: SettingsInEffect,
        *,
        services: Sequence[tuple[str, str]],
        checks: SettingsChecks,
        bridge: AppBridge,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr(texts.SETTINGS_TITLE))
        self._shown = shown
        self._checks = checks
        self._bridge = bridge
        # Problem words follow the installed translator; this is the fallback's language.
        self._language = shown.form.language
        self._busy = False
        self._readers_asked = False
        self.saved_config: Config | None = None
        self.locked_label = QLabel()
        self.locked_label.setWordWrap(True)
        self.locked_label.setStyleSheet("font-weight: 600; background: #fff4ce; padding: 6px;")
        self.backend_box = SettingsBackendBox()
        self.desk_box = SettingsDeskBox(services)
        self.connection_row = SettingsConnectionRow()
        self.test_button = self.connection_row.test_button
        self.connection_label = self.connection_row.result_label
        self.problems_label = SettingsProblemsLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(tr(texts.SAVE_BUTTON))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(tr(texts.CANCEL_BUTTON))
        self._lay_out()
        self.backend_box.show_form(shown.form)
        self.desk_box.show_form(shown.form)
        self.backend_box.changed.connect(self._on_changed)
        self.desk_box.changed.connect(self._on_changed)
        self.test_button.clicked.connect(self._on_test)
        self.save_button.clicked.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        self.finished.connect(lambda _result: self.backend_box.forget_secret())
        if shown.locked:
            self._lock(shown.source)
        self._on_changed()
        self._ask_stored_secrets()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.locked_label)
        self.locked_label.hide()
        layout.addWidget(self.backend_box)
        layout.addWidget(self.connection_row)
        layout.addWidget(self.desk_box)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

    def form(self) -> SettingsForm:
        """What the fields say now."""
        return self.desk_box.apply_to(self.backend_box.apply_to(self._shown.form))

    # -- checking as the admin types ---------------------------------------------------
    def _on_changed(self) -> None:
        mode = self.backend_box.mode()
        self.desk_box.set_mode(mode)
        if mode is not DeskMode.TRAINING:
            self._ask_readers()
        found = self._refusals(self.form())
        self.problems_label.show_refusals(found)
        self.save_button.setEnabled(not (found or self._busy or self._shown.locked))
        self.test_button.setEnabled(mode is DeskMode.REMOTE and not self._busy)

    def _refusals(self, form: SettingsForm) -> list[Refusal]:
        typed = bool(self.backend_box.typed_secret())
        return refusals(form) + secret_refusals(form, self._shown.form, secret_typed=typed)

    # -- background answers ------------------------------------------------------------
    def _ask_stored_secrets(self) -> None:
        self._bridge.deliver(
            self._checks.stored_secrets(),
            on_ok=self._on_stored_secrets,
            on_error=lambda _exc: self.backend_box.show_stored_secrets(None),
            owner=self,
        )

    def _on_stored_secrets(self, stored: frozenset[SecretName]) -> None:
        self.backend_box.show_stored_secrets(stored)

    def _ask_readers(self) -> None:
        if self._readers_asked:
            return
        self._readers_asked = True
        self.desk_box.show_reader_note(tr(texts.READERS_LOOKING))
        self._bridge.deliver(
            self._checks.reader_names(),
            on_ok=self._on_readers,
            on_error=self._on_readers_failed,
            owner=self,
        )

    def _on_readers(self, names: list[str]) -> None:
        self.desk_box.show_readers(names)
        self.desk_box.set_mode(self.backend_box.mode())

    def _on_readers_failed(self, exc: BaseException) -> None:
        problem = problem_for_fault(exc.fault) if isinstance(exc, EidError) else Problem.NO_READER
        self.desk_box.show_reader_note(problem_words(problem, self._language).what)
        self.desk_box.set_mode(self.backend_box.mode())

    # -- connection test ---------------------------------------------------------------
    def _on_test(self) -> None:
        self.connection_row.show_testing()
        self._set_busy(True)
        form = self.form()
        future = self._checks.check_connection(form, self.backend_box.typed_secret())
        self._bridge.deliver(
            future,
            on_ok=lambda result: self._on_tested(result, signed_in=form.auth is not AuthKind.NONE),
            on_error=self._on_test_failed,
            owner=self,
        )

    def _on_tested(self, result: ConnectionResult, *, signed_in: bool) -> None:
        self._set_busy(False)
        self.connection_row.show_result(result, signed_in=signed_in, language=self._language)

    def _on_test_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        problem = exc.problem if isinstance(exc, AppError) else Problem.BACKEND_BAD_RESPONSE
        self.connection_row.show_problem(problem, self._language)

    # -- saving ------------------------------------------------------------------------
    def _on_save(self) -> None:
        form = self.form()
        if self._refusals(form) or self._shown.locked:
            return
        self._set_busy(True)
        self.problems_label.setText(tr(texts.SAVING))
        future = self._checks.save(form, self.backend_box.typed_secret())
        self._bridge.deliver(future, on_ok=self._on_saved, on_error=self._on_not_saved, owner=self)

    def _on_saved(self, config: Config) -> None:
        self._set_busy(False)
        self.saved_config = config
        self.accept()

    def _on_not_saved(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, SettingsLocked):
            self._lock(exc.path)
            return
        if isinstance(exc, SettingsRefused):
            lines = [refusal_line(refusal) for refusal in exc.refusals]
        elif isinstance(exc, AppError):
            words = problem_words(exc.problem, self._language)
            lines = [tr(texts.SAVE_FAILED).format(what=words.what), exc.detail]
        else:
            lines = [tr(texts.SAVE_FAILED).format(what=tr(texts.UNEXPECTED_FAILURE))]
        self.problems_label.show_lines(lines)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.cancel_button.setEnabled(not busy)
        self._on_changed()
        if busy:
            self.save_button.setEnabled(False)

    def _lock(self, source: object) -> None:
        self._shown = replace(self._shown, locked=True)
        self.locked_label.setText(tr(texts.SETTINGS_LOCKED).format(path=source))
        self.locked_label.show()
        self.backend_box.set_read_only()
        self.desk_box.set_read_only()
        self.save_button.setEnabled(False)
