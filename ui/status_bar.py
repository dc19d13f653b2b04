# SPDX-License-Identifier: EUPL-1.2
"""DeskStatusBar: reader state (and a card in it), backend state, the decisions waiting to be
sent (prominent when there are any) and today's tally at this desk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.desk.app import BackendState
from app.desk.state import ReaderState
from ui import texts
from ui.split_row import SplitRow
from ui.texts import tr

# Black on amber, bold, framed: seen from the corner of the eye (contrast 12:1).
PROMINENT = (
    "color: #000; background: #ffd27a; font-weight: 700; border: 1px solid #a35f00;"
    " border-radius: 4px; padding: 1px 6px;"
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.desk.app import DeskStatus
    from app.desk.tally import DayTally


class DeskStatusBar(QStatusBar):
    """Three permanent fields; updated from DeskState (reader) and DeskStatus (the rest)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tally_label = QLabel()
        self.reader_label = QLabel()
        self.backend_label = QLabel()
        self.pending_label = QLabel()
        fields = (self.reader_label, self.backend_label, self.pending_label)
        for label in fields:
            label.setContentsMargins(8, 0, 8, 0)
        # On more lines rather than wider than the window (a large font on a small screen).
        self.fields = SplitRow([self.tally_label], fields)
        self.addWidget(self.fields, 1)
        self.setSizeGripEnabled(False)  # the desk runs maximized; its width is the fields'
        self.backend_label.setText(tr(texts.BACKEND_STATE["unknown"]))

    def show_reader(self, reader_state: ReaderState, *, card_in: bool = False) -> None:
        ready = reader_state is ReaderState.READY
        text = texts.CARD_IN_READER if ready and card_in else texts.READER_STATE[reader_state]
        self.reader_label.setText(tr(text))

    def show_status(self, status: DeskStatus) -> None:
        self.backend_label.setText(tr(texts.BACKEND_STATE[str(status.backend)]))
        down = status.backend is BackendState.UNREACHABLE
        self.backend_label.setStyleSheet(PROMINENT if down else "")
        if status.pending:
            self.pending_label.setText(texts.pending(status.pending))
            self.pending_label.setStyleSheet(PROMINENT)
        else:
            self.pending_label.setText(tr(texts.NOTHING_PENDING))
            self.pending_label.setStyleSheet("")

    def show_tally(self, tally: DayTally, label_of: Callable[[str], str]) -> None:
        """Today's checks at this desk; ``label_of`` names an outcome code."""
        outcomes = [(label_of(code), count) for code, count in tally.outcomes]
        line = texts.tally_line(tally.checks, outcomes, tally.overrides, tally.manual)
        self.tally_label.setText(line)
        self.tally_label.setAccessibleName(line)
