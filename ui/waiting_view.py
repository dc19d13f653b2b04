# SPDX-License-Identifier: EUPL-1.2
"""WaitingView: "insert the card", or reading / asking with a busy bar shown after ~300 ms."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from app.desk.app import BackendState
from app.desk.state import Phase
from ui import texts
from ui.font_scale import set_scaled_style
from ui.texts import tr

BUSY_AFTER_MS = 300  # a verdict within budget never flickers a spinner (style.md section 3)


class WaitingView(QWidget):
    """The screen between citizens and while a card is read or the advice is asked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel()
        self.title_label.setObjectName("waitingTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setWordWrap(True)
        set_scaled_style(self.title_label, "font-size: 30pt; font-weight: 600;")
        self.hint_label = QLabel()
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint_label.setWordWrap(True)
        set_scaled_style(self.hint_label, "font-size: 15pt;")
        self.backend_label = QLabel(tr(texts.BACKEND_DOWN_WARNING))
        self.backend_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.backend_label.setWordWrap(True)
        set_scaled_style(
            self.backend_label,
            "font-size: 15pt; font-weight: 600; color: #000; background: #ffe08a;"
            " border: 2px solid #a35f00; border-radius: 8px; padding: 8px; margin: 0 40px;",
        )
        self.backend_label.hide()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # indeterminate
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(420)
        self.busy_bar.hide()
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(self.busy_bar.show)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.hint_label)
        layout.addSpacing(16)
        layout.addWidget(self.backend_label)
        layout.addWidget(self.busy_bar, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.show_phase(Phase.WAITING)

    def show_backend(self, backend: BackendState) -> None:
        """A warning while the desk waits and the backend does not answer."""
        self.backend_label.setVisible(backend is BackendState.UNREACHABLE)

    def show_phase(self, phase: Phase) -> None:
        self.title_label.setText(tr(texts.PHASE_TITLES.get(phase, texts.WAITING)))
        if phase is Phase.READING:
            self.hint_label.setText(tr(texts.DO_NOT_REMOVE))
        elif phase is Phase.ASKING:
            self.hint_label.setText("")
        else:
            self.hint_label.setText(tr(texts.WAITING_HINT))
        busy = phase in (Phase.READING, Phase.ASKING)
        if busy and not self._busy_timer.isActive() and not self.busy_bar.isVisible():
            self._busy_timer.start()
        elif not busy:
            self._busy_timer.stop()
            self.busy_bar.hide()
