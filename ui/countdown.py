# SPDX-License-Identifier: EUPL-1.2
"""Countdown: the last seconds before the privacy timeout clears the screen, counted down."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from ui import texts
from ui.font_scale import set_scaled_style
from ui.texts import tr

if TYPE_CHECKING:
    from app.desk.workflow import DeskWorkflow

COUNTDOWN_S = 10  # shown in the last ten seconds
POLL_MS = 250


class Countdown(QLabel):
    """Hidden until ``workflow`` is within COUNTDOWN_S of clearing the screen."""

    def __init__(self, workflow: DeskWorkflow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workflow = workflow
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_scaled_style(
            self,
            "font-size: 15pt; font-weight: 600; color: #000; background: #ffe08a; padding: 4px;",
        )
        self.hide()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    def refresh(self) -> None:
        left = self._workflow.seconds_to_clear()
        if left is None or left > COUNTDOWN_S:
            self.hide()
            return
        self.setText(tr(texts.CLEARS_IN).format(seconds=max(1, round(left))))
        self.setAccessibleName(self.text())
        self.show()
