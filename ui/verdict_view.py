# SPDX-License-Identifier: EUPL-1.2
"""VerdictView: the advised outcome, large, with symbol + word + colour, what to apply, data date.

Neutral words (the citizen may see the screen); no name and no number (at most the masked
form, when the desk is configured to show it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from app.eligibility.wire import Channel
from app.language import Language
from ui import texts
from ui.panel_layout import centred_label, place_card
from ui.texts import format_date, localized, tr

if TYPE_CHECKING:
    from app.eligibility.wire import Advice

ELIGIBLE_STYLE = "background: #e3f4e8; border: 4px solid #1d7a3a; border-radius: 12px;"
STANDARD_STYLE = "background: #eef1f5; border: 4px solid #5a6778; border-radius: 12px;"
ELIGIBLE_COLOUR = "#14632d"
STANDARD_COLOUR = "#3a4656"


class VerdictView(QWidget):
    """Presents one Advice; it has no buttons and cannot be edited."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = QFrame()
        self.card.setObjectName("verdictCard")
        self.outcome_label = centred_label("font-size: 44pt; font-weight: 700;")
        self.detail_label = centred_label("font-size: 20pt;")
        self.data_label = centred_label("font-size: 13pt; color: #333;")
        self.channel_label = centred_label("font-size: 13pt; color: #333;")
        self.number_label = centred_label("font-size: 13pt; color: #333;")
        inner = QVBoxLayout(self.card)
        inner.setContentsMargins(32, 32, 32, 32)
        inner.setSpacing(14)
        for label in (self.outcome_label, self.detail_label):
            inner.addWidget(label)
        inner.addSpacing(10)
        for label in (self.data_label, self.channel_label, self.number_label):
            inner.addWidget(label)
        place_card(self, self.card)

    def show_advice(
        self,
        advice: Advice,
        *,
        channel: Channel | None,
        masked_number: str | None,
        language: Language = Language.NL,
    ) -> None:
        outcome = advice.outcome
        symbol = texts.ELIGIBLE_SYMBOL if outcome.eligible else texts.STANDARD_SYMBOL
        colour = ELIGIBLE_COLOUR if outcome.eligible else STANDARD_COLOUR
        self.card.setStyleSheet(
            f"#verdictCard {{ {ELIGIBLE_STYLE if outcome.eligible else STANDARD_STYLE} }}"
        )
        self.outcome_label.setText(f"{symbol} {localized(outcome.label, language)}")
        self.outcome_label.setStyleSheet(
            f"font-size: 44pt; font-weight: 700; color: {colour}; border: none;"
        )
        detail = localized(outcome.detail, language) if outcome.detail is not None else ""
        self.detail_label.setText(tr(texts.APPLY).format(detail=detail) if detail else "")
        self.detail_label.setVisible(bool(detail))
        if advice.data_as_of is not None:
            self.data_label.setText(tr(texts.DATA_OF).format(date=format_date(advice.data_as_of)))
        else:
            self.data_label.setText(tr(texts.DATA_DATE_UNKNOWN))
        manual = channel is Channel.MANUAL
        self.channel_label.setText(tr(texts.CHANNEL_MANUAL) if manual else "")
        self.channel_label.setVisible(manual)
        number = tr(texts.MASKED_NUMBER).format(masked=masked_number) if masked_number else ""
        self.number_label.setText(number)
        self.number_label.setVisible(bool(number))
