# SPDX-License-Identifier: EUPL-1.2
"""F1: the shortcuts and the day's basics; in training mode the sample numbers for F2."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui import texts
from ui.font_scale import follow_font_changes, set_scaled_style
from ui.texts import tr

if TYPE_CHECKING:
    from collections.abc import Sequence


class HelpDialog(QDialog):
    """``practice``: (label, formatted number) of the sample citizens, training mode only."""

    def __init__(self, parent: QWidget | None, practice: Sequence[tuple[str, str]]) -> None:
        super().__init__(parent)
        self._font_follower = follow_font_changes(self)
        self.setWindowTitle(tr(texts.HELP_TITLE))
        self.text_label = QLabel(tr(texts.HELP_TEXT))
        self.text_label.setWordWrap(True)
        set_scaled_style(self.text_label, "font-size: 13pt;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_label)
        self.practice_label: QLabel | None = None
        if practice:
            lines = [tr(texts.HELP_TRAINING)]
            lines += [f"{number}  {label}" for label, number in practice]
            self.practice_label = QLabel("\n".join(lines))
            set_scaled_style(self.practice_label, "font-size: 12pt; font-family: monospace;")
            self.practice_label.setWordWrap(True)
            layout.addWidget(self.practice_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(760)
