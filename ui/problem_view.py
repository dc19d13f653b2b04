# SPDX-License-Identifier: EUPL-1.2
"""ProblemView: what went wrong in plain words, what to do next, and a way to decide manually.

Never a yes or a no: no outcome is shown here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from app.language import Language
from ui import texts
from ui.panel_layout import centred_label, place_card
from ui.texts import problem_words, tr

if TYPE_CHECKING:
    from app.problems import Problem

FRAME_STYLE = (
    "#problemCard { background: #fff6e0; border: 4px solid #a35f00; border-radius: 12px; }"
)


class ProblemView(QWidget):
    """Presents one Problem and the way on: ``manual_decision_requested`` when staff choose to
    decide; ``manual_entry_requested`` when no number is known yet, so it must be typed first
    (a decision is recorded for a person, and the outbox must send it for that number)."""

    manual_decision_requested = Signal()
    manual_entry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        card = QFrame()
        card.setObjectName("problemCard")
        card.setStyleSheet(FRAME_STYLE)
        self.what_label = centred_label("font-size: 26pt; font-weight: 700; color: #6b3d00;")
        self.next_label = centred_label("font-size: 17pt; color: #222;")
        self.hint_label = centred_label("font-size: 13pt; color: #444;")
        self.hint_label.setText(tr(texts.NO_NUMBER_HINT))
        self.decide_button = _panel_button(tr(texts.MANUAL_DECISION_BUTTON))
        self.decide_button.setToolTip(tr(texts.MANUAL_DECISION_TIP))
        self.decide_button.clicked.connect(self.manual_decision_requested)
        self.entry_button = _panel_button(tr(texts.MANUAL_ENTRY_BUTTON))
        self.entry_button.clicked.connect(self.manual_entry_requested)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 32, 32, 32)
        inner.setSpacing(14)
        inner.addWidget(self.what_label)
        inner.addWidget(self.next_label)
        inner.addWidget(self.hint_label)
        inner.addWidget(self.decide_button, alignment=Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self.entry_button, alignment=Qt.AlignmentFlag.AlignHCenter)
        place_card(self, card)

    def show_problem(
        self,
        problem: Problem,
        *,
        can_decide: bool,
        outcomes_known: bool = True,
        language: Language = Language.NL,
    ) -> None:
        """``can_decide``: a number is known, so a manual decision can be recorded for it;
        ``outcomes_known``: the service's outcomes are known, so there is something to apply
        (without them the decision goes on paper)."""
        words = problem_words(problem, language)
        self.what_label.setText(f"{texts.PROBLEM_SYMBOL} {words.what}")
        self.next_label.setText(words.next_step)
        self.decide_button.setVisible(can_decide and outcomes_known)
        self.entry_button.setVisible(not can_decide)
        hint = texts.NO_NUMBER_HINT if not can_decide else texts.NO_OUTCOMES_HINT
        self.hint_label.setText(tr(hint))
        self.hint_label.setVisible(not (can_decide and outcomes_known))


def _panel_button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setMinimumHeight(44)
    button.setStyleSheet("font-size: 14pt; padding: 6px 24px;")
    return button
