# SPDX-License-Identifier: EUPL-1.2
"""VerdictView: the outcome, large, with symbol + word + colour, what to apply, data date.

Before staff decide it shows the advice; after an override or a manual decision it shows
the **applied** outcome, marked "Afgeweken van het advies" / "Manueel beslist", with the
advice in small type beneath: from 1.5 m, clerk and citizen read what was decided.
Neutral words (the citizen may see the screen); no name and no number (at most the masked
form, when the desk is configured to show it). Every colour is set here, foreground and
background, so a dark or high-contrast desktop palette cannot wash the text out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from app.eligibility.wire import Channel
from app.language import Language
from ui import texts
from ui.font_scale import set_scaled_style
from ui.panel_layout import centred_label, place_card
from ui.texts import format_date, localized, tr

if TYPE_CHECKING:
    from app.eligibility.wire import Advice, Outcome


@dataclass(frozen=True, slots=True)
class Scheme:
    """One outcome's colours: panel background, border, big word, other text."""

    background: str
    border: str
    word: str
    text: str


ELIGIBLE = Scheme("#e3f4e8", "#1d7a3a", "#14632d", "#1b2a1f")
STANDARD = Scheme("#eef1f5", "#5a6778", "#3a4656", "#1f252d")


def scheme_for(outcome: Outcome) -> Scheme:
    return ELIGIBLE if outcome.eligible else STANDARD


class VerdictView(QWidget):
    """Presents one Advice, or the decision staff took; no buttons, cannot be edited."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = QFrame()
        self.card.setObjectName("verdictCard")
        self.marker_label = centred_label("font-size: 17pt; font-weight: 700;")
        self.outcome_label = centred_label("font-size: 44pt; font-weight: 700;")
        self.detail_label = centred_label("font-size: 20pt;")
        self.advice_label = centred_label("font-size: 13pt;")
        self.data_label = centred_label("font-size: 13pt;")
        self.channel_label = centred_label("font-size: 13pt;")
        self.number_label = centred_label("font-size: 13pt;")
        self.marker_label.hide()
        self.advice_label.hide()
        inner = QVBoxLayout(self.card)
        inner.setContentsMargins(32, 16, 32, 16)
        inner.setSpacing(8)
        for label in (self.marker_label, self.outcome_label, self.detail_label):
            inner.addWidget(label)
        inner.addSpacing(6)
        for label in (self.advice_label, self.data_label, self.channel_label, self.number_label):
            inner.addWidget(label)
        place_card(self, self.card)
        self._language = Language.NL

    def show_advice(
        self,
        advice: Advice,
        *,
        channel: Channel | None,
        masked_number: str | None,
        language: Language = Language.NL,
    ) -> None:
        self._language = language
        self._show_outcome(advice.outcome)
        self.marker_label.hide()
        self.advice_label.hide()
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

    def show_decision(
        self, applied: Outcome, *, advised: Outcome | None, language: Language = Language.NL
    ) -> None:
        """What staff applied, large; the advice (if any) in small type beneath."""
        self._language = language
        self._show_outcome(applied)
        marker = texts.DEPARTED_MARKER if advised is not None else texts.DECIDED_MARKER
        self.marker_label.setText(tr(marker))
        self.marker_label.show()
        if advised is not None:
            advice = tr(texts.ADVICE_WAS).format(label=localized(advised.label, language))
        else:
            advice = tr(texts.NO_ADVICE_WAS)
        self.advice_label.setText(advice)
        self.advice_label.show()
        self.data_label.hide()
        self.channel_label.hide()
        self.number_label.hide()

    def _show_outcome(self, outcome: Outcome) -> None:
        scheme = scheme_for(outcome)
        symbol = texts.ELIGIBLE_SYMBOL if outcome.eligible else texts.STANDARD_SYMBOL
        set_scaled_style(
            self.card,
            f"#verdictCard {{ background: {scheme.background}; border: 4px solid "
            f"{scheme.border}; border-radius: 12px; }}",
        )
        self.outcome_label.setText(f"{symbol} {localized(outcome.label, self._language)}")
        set_scaled_style(
            self.outcome_label,
            f"font-size: 44pt; font-weight: 700; color: {scheme.word}; border: none;"
            " background: transparent;",
        )
        for label, size in (
            (self.marker_label, "17pt; font-weight: 700"),
            (self.detail_label, "20pt"),
            (self.advice_label, "13pt"),
            (self.data_label, "13pt"),
            (self.channel_label, "13pt"),
            (self.number_label, "13pt"),
        ):
            set_scaled_style(
                label,
                f"font-size: {size}; color: {scheme.text}; border: none; background: transparent;",
            )
        detail = localized(outcome.detail, self._language) if outcome.detail is not None else ""
        self.detail_label.setText(tr(texts.APPLY).format(detail=detail) if detail else "")
        self.detail_label.setVisible(bool(detail))
        self.data_label.show()
