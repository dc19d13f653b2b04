# SPDX-License-Identifier: EUPL-1.2
"""What the verdict and problem panels share: centred labels and a framed card on the page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.font_scale import set_scaled_style


def centred_label(style: str) -> QLabel:
    """A wrapping, centred label with ``style`` and no frame of its own."""
    label = QLabel()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    set_scaled_style(label, f"{style} border: none; background: transparent;")
    return label


def place_card(page: QWidget, card: QWidget) -> None:
    """Put ``card`` in the upper middle of ``page``, with margins at the sides."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(40, 4, 40, 4)
    layout.addStretch(1)
    layout.addWidget(card)
    layout.addStretch(2)
