# SPDX-License-Identifier: EUPL-1.2
"""SettingsConnectionRow: the "Verbinding testen" button and what the test found, in words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui import texts
from ui.texts import problem_words, tr

if TYPE_CHECKING:
    from app.language import Language
    from app.problems import Problem
    from app.settings.checks import ConnectionResult

WRONG_STYLE = "color: #a31515;"


class SettingsConnectionRow(QWidget):
    """Shows a connection test's progress and outcome; the dialog runs the test."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.test_button = QPushButton(tr(texts.TEST_CONNECTION_BUTTON))
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.test_button)
        row.addWidget(self.result_label, 1)

    def show_testing(self) -> None:
        self._say(tr(texts.CONNECTION_TESTING))

    def show_result(self, result: ConnectionResult, *, signed_in: bool, language: Language) -> None:
        """``signed_in``: the test used a sign-in (so /v1/services proved it)."""
        if result.problem is not None:
            self.show_problem(result.problem, language)
        elif result.degraded:
            self._say(tr(texts.CONNECTION_DEGRADED))
        elif signed_in:
            self._say(texts.connection_ok(result.services))
        else:
            self._say(tr(texts.CONNECTION_OK_OPEN))

    def show_problem(self, problem: Problem, language: Language) -> None:
        what = problem_words(problem, language).what
        self._say(tr(texts.CONNECTION_FAILED).format(what=what), wrong=True)

    def _say(self, text: str, *, wrong: bool = False) -> None:
        self.result_label.setStyleSheet(WRONG_STYLE if wrong else "")
        self.result_label.setText(text)
