# SPDX-License-Identifier: EUPL-1.2
"""OverrideDialog: the outcome staff apply, a reason code and a reason text; Confirm when complete.

Used for an override (an advice is shown: its outcome is not offered) and for a manual
decision without advice (every outcome offered; reason preset to "no advice available").
The reason text starts as the chosen reason's own words (at least 10 characters, as the
contract asks), which staff may extend; "Andere reden" starts empty, since there the text
is the reason. A national number in the text is refused with a message, never masked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.eligibility.wire import ReasonCode
from app.language import Language
from app.logsafe import redact
from ui import texts
from ui.font_scale import follow_font_changes, set_scaled_style
from ui.texts import localized, tr

if TYPE_CHECKING:
    from collections.abc import Sequence

    from app.eligibility.wire import Outcome

MIN_REASON_CHARS = 10
MAX_REASON_CHARS = 1000


@dataclass(frozen=True, slots=True)
class OverrideChoice:
    """What staff confirmed; ``outcome_label`` is for the "recorded" line on screen."""

    outcome_code: str
    outcome_label: str
    reason_code: ReasonCode
    reason_text: str


class OverrideDialog(QDialog):
    """Use ``ask``; tests drive an instance directly."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        outcomes: Sequence[Outcome],
        advised: Outcome | None,
        language: Language = Language.NL,
    ) -> None:
        super().__init__(parent)
        self._font_follower = follow_font_changes(self)
        self.setModal(True)
        self.setMinimumWidth(520)
        self.setWindowTitle(tr(texts.OVERRIDE_TITLE if advised else texts.MANUAL_DECISION_TITLE))
        self._language = language
        self._outcomes = [o for o in outcomes if advised is None or o.code != advised.code]
        self.outcome_box = self._outcome_box()
        self.reason_box = self._reason_box(advised)
        self.reason_text = QPlainTextEdit()
        self.reason_text.setTabChangesFocus(True)
        self.reason_text.setFixedHeight(90)
        self.hint_label = QLabel(tr(texts.REASON_HINT))
        self.hint_label.setWordWrap(True)
        set_scaled_style(self.hint_label, "color: #8a4b00;")
        self.count_label = QLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.confirm_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.confirm_button.setText(tr(texts.CONFIRM_BUTTON))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr(texts.CANCEL_BUTTON))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(advised)
        self.outcome_box.currentIndexChanged.connect(self._on_input_changed)
        self.reason_box.currentIndexChanged.connect(self._on_input_changed)
        self.reason_text.textChanged.connect(self._on_input_changed)
        self._prefilled = ""
        self.reason_box.currentIndexChanged.connect(self._prefill_reason)
        self._prefill_reason()
        self._on_input_changed()
        # The outcome first, always: not left to the window's activation, which comes late
        # on a busy machine (Ctrl+O, down, Enter must work however fast it is typed).
        self.outcome_box.setFocus()

    def _outcome_box(self) -> QComboBox:
        box = QComboBox()
        box.setPlaceholderText(tr(texts.CHOOSE_OUTCOME))
        for outcome in self._outcomes:
            box.addItem(localized(outcome.label, self._language), outcome.code)
        box.setCurrentIndex(-1)
        return box

    def _reason_box(self, advised: Outcome | None) -> QComboBox:
        """Every reason code; "no advice available" only, and preset, when there is none."""
        box = QComboBox()
        box.setPlaceholderText(tr(texts.CHOOSE_REASON))
        for code in ReasonCode:
            if advised is not None and code is ReasonCode.ADVICE_UNAVAILABLE:
                continue
            box.addItem(tr(texts.REASON_LABELS[code]), code)
        box.setCurrentIndex(-1 if advised else box.findData(ReasonCode.ADVICE_UNAVAILABLE))
        return box

    def _lay_out(self, advised: Outcome | None) -> None:
        if advised is not None:
            heading = tr(texts.ADVISED).format(label=localized(advised.label, self._language))
        else:
            heading = tr(texts.NO_ADVICE)
        title = QLabel(heading)
        title.setWordWrap(True)
        set_scaled_style(title, "font-size: 14pt; font-weight: 600;")
        form = QFormLayout()
        form.addRow(tr(texts.OUTCOME_CAPTION), self.outcome_box)
        form.addRow(tr(texts.REASON_CAPTION), self.reason_box)
        form.addRow(tr(texts.REASON_TEXT_CAPTION), self.reason_text)
        form.addRow("", self.hint_label)
        form.addRow("", self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        outcomes: Sequence[Outcome],
        advised: Outcome | None,
        language: Language = Language.NL,
    ) -> OverrideChoice | None:
        """What staff confirmed, or None when they cancelled."""
        dialog = cls(parent, outcomes=outcomes, advised=advised, language=language)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.choice() if accepted else None
        finally:
            dialog.deleteLater()

    def choice(self) -> OverrideChoice | None:
        """The complete choice, or None while something is missing."""
        code = self.outcome_box.currentData()
        reason = self.reason_box.currentData()
        text = self.reason_text.toPlainText().strip()
        if code is None or reason is None:
            return None
        if not MIN_REASON_CHARS <= len(text) <= MAX_REASON_CHARS or redact(text) != text:
            return None
        return OverrideChoice(str(code), self.outcome_box.currentText(), ReasonCode(reason), text)

    def _prefill_reason(self) -> None:
        """The reason's own words in the text, unless staff already wrote their own."""
        current = self.reason_text.toPlainText()
        if current.strip() and current != self._prefilled:
            return
        code = self.reason_box.currentData()
        words = "" if code in (None, ReasonCode.OTHER) else tr(texts.REASON_LABELS[code])
        self._prefilled = words
        self.reason_text.setPlainText(words)
        self.reason_text.moveCursor(self.reason_text.textCursor().MoveOperation.End)

    def _on_input_changed(self) -> None:
        text = self.reason_text.toPlainText().strip()
        length = len(text)
        if redact(text) != text:
            self.count_label.setText(tr(texts.REASON_HAS_NUMBER))
        elif length < MIN_REASON_CHARS:
            missing = MIN_REASON_CHARS - length
            self.count_label.setText(texts.chars_missing(missing))
        elif length > MAX_REASON_CHARS:
            self.count_label.setText(texts.reason_too_long(MAX_REASON_CHARS))
        else:
            self.count_label.setText(tr(texts.REASON_OK))
        self.confirm_button.setEnabled(self.choice() is not None)
