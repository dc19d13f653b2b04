# SPDX-License-Identifier: EUPL-1.2
"""ManualEntryDialog: a national (or BIS) number typed by staff, checked live; OK only when valid.

The typed digits stay in this dialog's field, which is emptied when the dialog closes; they
are never put in any other widget, title or log.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from eid.errors import EidError
from eid.insz import NationalNumber, NumberDefect, number_defect
from ui import texts
from ui.font_scale import follow_font_changes, set_scaled_style
from ui.number_format import format_partial
from ui.texts import tr

DIGITS = 11
ALLOWED = QRegularExpression(r"[0-9 .\-]{0,20}")  # digits and the usual separators


class ManualEntryDialog(QDialog):
    """Asks for one number. Use ``ask``; tests drive an instance directly."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._font_follower = follow_font_changes(self)
        self.setWindowTitle(tr(texts.MANUAL_ENTRY_TITLE))
        self.setModal(True)
        self.number_field = QLineEdit()
        self.number_field.setValidator(QRegularExpressionValidator(ALLOWED, self))
        self.number_field.setPlaceholderText("JJ.MM.DD-XXX.CC")
        self.number_field.setAccessibleName(tr(texts.MANUAL_ENTRY_PROMPT))
        set_scaled_style(self.number_field, "font-size: 18pt; padding: 4px;")
        self.feedback_label = QLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr(texts.ASK_BUTTON))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr(texts.CANCEL_BUTTON))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr(texts.MANUAL_ENTRY_PROMPT)))
        layout.addWidget(self.number_field)
        layout.addWidget(self.feedback_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self._number: NationalNumber | None = None
        self.number_field.textChanged.connect(self._on_number_field_changed)
        self._on_number_field_changed("")

    @classmethod
    def ask(cls, parent: QWidget | None, typed: str = "") -> NationalNumber | None:
        """The valid number staff typed, or None when they cancelled. ``typed``: digits
        already typed on the waiting screen, which the field starts with."""
        dialog = cls(parent)
        if typed:
            dialog.number_field.setText(typed)
            dialog.number_field.setFocus()
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.take_number() if accepted else None
        finally:
            dialog.forget()
            dialog.deleteLater()

    def take_number(self) -> NationalNumber | None:
        """The number (if valid); the field is emptied so the digits linger nowhere."""
        number = self._number
        self.forget()
        return number

    def _format_as_typed(self, text: str) -> str:
        """JJ.MM.DD-XXX.CC as staff type; the cursor stays after the same digit."""
        formatted = format_partial(text)
        if formatted == text:
            return text
        field = self.number_field
        digits_before = sum(ch.isdigit() for ch in text[: field.cursorPosition()])
        field.blockSignals(True)
        field.setText(formatted)
        position = 0
        seen = 0
        while position < len(formatted) and seen < digits_before:
            seen += formatted[position].isdigit()
            position += 1
        field.setCursorPosition(position)
        field.blockSignals(False)
        return formatted

    def forget(self) -> None:
        self.number_field.blockSignals(True)
        self.number_field.clear()
        self.number_field.blockSignals(False)

    def _on_number_field_changed(self, text: str) -> None:
        text = self._format_as_typed(text)
        count = sum(ch.isdigit() for ch in text)
        try:
            self._number = NationalNumber(text) if count == DIGITS else None
        except EidError:
            self._number = None
        if self._number is not None:
            feedback, colour = tr(texts.NUMBER_VALID), "#14632d"
        elif count == DIGITS:
            wrong = texts.NUMBER_DATE if number_defect(text) is NumberDefect.DATE else None
            feedback, colour = tr(wrong or texts.NUMBER_INVALID), "#a31515"
        elif count > DIGITS:
            feedback, colour = tr(texts.NUMBER_TOO_LONG), "#a31515"
        else:
            feedback, colour = texts.digits_missing(DIGITS - count), "#444"
        self.feedback_label.setText(feedback)
        set_scaled_style(self.feedback_label, f"font-size: 13pt; color: {colour};")
        self.ok_button.setEnabled(self._number is not None)
