# SPDX-License-Identifier: EUPL-1.2
"""ServiceHeader: the desk's service, always visible; a switcher only when several are allowed.

Beside it, when the desk does not decide in production, a small permanent mode banner
(acceptance: test cards accepted; or the backend's own training or acceptance mode).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ui import texts
from ui.font_scale import set_scaled_style
from ui.texts import tr

if TYPE_CHECKING:
    from collections.abc import Sequence

STYLE = "font-size: 16pt; font-weight: 600;"
MODE_STYLE = (
    "background: #ffd400; color: #000; font-size: 12pt; font-weight: 700; padding: 2px 8px;"
    "border: 2px solid #000;"
)


class ServiceHeader(QWidget):
    """``choices`` are (code, name) pairs; ``service_chosen(code)`` when staff switch."""

    service_chosen = Signal(str)

    def __init__(self, choices: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = dict(choices)
        self._current = ""
        caption = QLabel(tr(texts.SERVICE_CAPTION))
        set_scaled_style(caption, "font-size: 16pt;")
        self.name_label = QLabel()
        set_scaled_style(self.name_label, STYLE)
        self.switcher: QComboBox | None = None
        self.mode_label = QLabel()
        set_scaled_style(self.mode_label, MODE_STYLE)
        self.mode_label.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(caption)
        if len(choices) > 1:
            self.switcher = QComboBox()
            # Never focused by default nor by Tab: a stray arrow key or letter must not
            # switch the service (the Dienst menu and Ctrl+1…9 do, explicitly).
            self.switcher.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.switcher.setAccessibleName(tr(texts.SERVICE_CAPTION))
            set_scaled_style(self.switcher, STYLE)
            for code, name in choices:
                self.switcher.addItem(name, code)
            self.switcher.activated.connect(self._on_switcher_activated)
            caption.setBuddy(self.switcher)
            layout.addWidget(self.switcher)
        else:
            layout.addWidget(self.name_label)
        layout.addWidget(self.mode_label)
        layout.addStretch(1)

    def rename(self, choices: Sequence[tuple[str, str]]) -> None:
        """New names for the same services (the catalogue arrived after the start)."""
        self._names = dict(choices)
        self.name_label.setText(self.name_of(self._current))
        if self.switcher is not None:
            for index in range(self.switcher.count()):
                code = str(self.switcher.itemData(index))
                self.switcher.setItemText(index, self.name_of(code))

    def show_mode(self, banner: str | None) -> None:
        """The mode banner's text, or None to hide it (production)."""
        self.mode_label.setText(banner or "")
        self.mode_label.setVisible(banner is not None)

    def name_of(self, code: str) -> str:
        return self._names.get(code, code)

    def show_service(self, code: str) -> None:
        self._current = code
        self.name_label.setText(self.name_of(code))
        if self.switcher is not None:
            self.switcher.setCurrentIndex(max(0, self.switcher.findData(code)))

    def _on_switcher_activated(self, index: int) -> None:
        assert self.switcher is not None
        self.service_chosen.emit(str(self.switcher.itemData(index)))
