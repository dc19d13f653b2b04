# SPDX-License-Identifier: EUPL-1.2
"""ProblemView: what went wrong in plain words, what to do next, and a way to decide manually.

Never a yes or a no: no outcome is shown here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from app.desk.problem_panel import plan_for
from app.language import Language
from ui import texts
from ui.font_scale import set_scaled_style
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
    recheck_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        card = QFrame()
        card.setObjectName("problemCard")
        set_scaled_style(card, FRAME_STYLE)
        self.what_label = centred_label("font-size: 26pt; font-weight: 700; color: #6b3d00;")
        self.next_label = centred_label("font-size: 17pt; color: #222;")
        self.decide_button = _panel_button(tr(texts.MANUAL_DECISION_BUTTON))
        self.decide_button.setToolTip(tr(texts.MANUAL_DECISION_TIP))
        self.decide_button.clicked.connect(self.manual_decision_requested)
        self.entry_button = _panel_button(tr(texts.MANUAL_ENTRY_BUTTON))
        self.entry_button.clicked.connect(self.manual_entry_requested)
        self.recheck_button = _panel_button(tr(texts.RECHECK_BUTTON))
        self.recheck_button.clicked.connect(self.recheck_requested)
        self._retry = False
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 16, 32, 16)
        inner.setSpacing(8)
        inner.addWidget(self.what_label)
        inner.addWidget(self.next_label)
        for button in (self.recheck_button, self.entry_button, self.decide_button):
            button.setAccessibleName(button.text())
            inner.addWidget(button, alignment=Qt.AlignmentFlag.AlignHCenter)
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
        plan = plan_for(problem, number_known=can_decide, outcomes_known=outcomes_known)
        self.what_label.setText(f"{texts.PROBLEM_SYMBOL} {words.what}")
        self.next_label.setText(tr(plan.instruction))
        self.decide_button.setVisible(plan.decide)
        self.entry_button.setVisible(plan.enter_number)
        self._retry = plan.retry
        self.recheck_button.setVisible(plan.retry)

    def offer_recheck(self, possible: bool) -> None:
        """The re-check button, when this problem is one a retry can help, is enabled only
        when there is something to check again (a card in the reader, a typed number)."""
        self.recheck_button.setVisible(self._retry)
        self.recheck_button.setEnabled(possible)


def _panel_button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setMinimumHeight(44)
    set_scaled_style(button, "font-size: 14pt; padding: 6px 24px;")
    return button
