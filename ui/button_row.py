# SPDX-License-Identifier: EUPL-1.2
"""ButtonRow: the counter's buttons under the panel, on one row, or on two when the window is
too narrow for one (a large system font at 1024×768): no button is ever cut off."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QSizePolicy, QWidget

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QResizeEvent
    from PySide6.QtWidgets import QPushButton


class ButtonRow(QWidget):
    """``left`` buttons at the left, ``right`` ones at the right; right below left when the
    width does not hold both."""

    def __init__(
        self,
        left: Sequence[QPushButton],
        right: Sequence[QPushButton],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._groups = (QHBoxLayout(), QHBoxLayout())
        for button in left:
            self._groups[0].addWidget(button)
        self._groups[0].addStretch(1)
        self._groups[1].addStretch(1)
        for button in right:
            self._groups[1].addWidget(button)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(12, 6, 12, 12)
        for group in self._groups:
            self._layout.addLayout(group)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    @property
    def rows(self) -> int:
        return 1 if self._layout.direction() is QBoxLayout.Direction.LeftToRight else 2

    def one_row_width(self) -> int:
        """The width both groups need side by side."""
        margins = self._layout.contentsMargins()
        inner = sum(group.minimumSize().width() for group in self._groups)
        return inner + self._layout.spacing() + margins.left() + margins.right()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        margins = self._layout.contentsMargins()
        width = max(group.minimumSize().width() for group in self._groups)
        width += margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        width = self.one_row_width()
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        margins = self._layout.contentsMargins()
        heights = [group.minimumSize().height() for group in self._groups]
        if width >= self.one_row_width():
            inner = max(heights)
        else:
            inner = sum(heights) + self._layout.spacing()
        return inner + margins.top() + margins.bottom()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        one_row = event.size().width() >= self.one_row_width()
        direction = (
            QBoxLayout.Direction.LeftToRight if one_row else QBoxLayout.Direction.TopToBottom
        )
        if self._layout.direction() is not direction:
            self._layout.setDirection(direction)
            self.updateGeometry()
        super().resizeEvent(event)
