# SPDX-License-Identifier: EUPL-1.2
"""DeskStatusBar: reader state, backend state and the decisions waiting to be sent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ui import texts
from ui.texts import tr

if TYPE_CHECKING:
    from app.desk.app import DeskStatus
    from app.desk.state import ReaderState


class DeskStatusBar(QStatusBar):
    """Three permanent fields; updated from DeskState (reader) and DeskStatus (the rest)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader_label = QLabel()
        self.backend_label = QLabel()
        self.pending_label = QLabel()
        for label in (self.reader_label, self.backend_label, self.pending_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(label)
        self.backend_label.setText(tr(texts.BACKEND_STATE["unknown"]))

    def show_reader(self, reader_state: ReaderState) -> None:
        self.reader_label.setText(tr(texts.READER_STATE[reader_state]))

    def show_status(self, status: DeskStatus) -> None:
        self.backend_label.setText(tr(texts.BACKEND_STATE[str(status.backend)]))
        if status.pending:
            self.pending_label.setText(texts.pending(status.pending))
            self.pending_label.setStyleSheet("color: #8a4b00; font-weight: 600;")
        else:
            self.pending_label.setText(tr(texts.NOTHING_PENDING))
            self.pending_label.setStyleSheet("")
