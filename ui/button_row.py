# SPDX-License-Identifier: EUPL-1.2
"""ButtonRow: the counter's buttons under the panel, on one row, or on two when the window is
too narrow for one (a large system font at 1024×768): no button is ever cut off.

It places its buttons itself: a layout would report the one-row width as its minimum, and
the window could then never be narrower than that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QResizeEvent
    from PySide6.QtWidgets import QPushButton

MARGINS = (12, 6, 12, 12)  # left, top, right, bottom
SPACING = 8
_VISIBILITY = (QEvent.Type.ShowToParent, QEvent.Type.HideToParent)


class ButtonRow(QWidget):
    """``left`` buttons at the left, ``right`` ones at the right; the right ones on a second
    row when the width does not hold both."""

    def __init__(
        self,
        left: Sequence[QPushButton],
        right: Sequence[QPushButton],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._groups = (tuple(left), tuple(right))
        for button in (*left, *right):
            button.setParent(self)
            button.installEventFilter(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.rows = 1

    # -- sizes -------------------------------------------------------------------------
    def one_row_width(self) -> int:
        """The width both groups need side by side."""
        widths = [self._group_width(group) for group in self._groups]
        return sum(widths) + (SPACING if all(widths) else 0) + MARGINS[0] + MARGINS[2]

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        width = max(self._group_width(group) for group in self._groups) + MARGINS[0] + MARGINS[2]
        return QSize(width, self.heightForWidth(width))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        width = self.one_row_width()
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        rows = 1 if width >= self.one_row_width() else 2
        return rows * self._row_height() + (rows - 1) * SPACING + MARGINS[1] + MARGINS[3]

    # -- placing -----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _VISIBILITY:  # a button shown or hidden: place them again
            self.updateGeometry()
            self._place()
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        rows = 1 if self.width() >= self.one_row_width() else 2
        height = self._row_height()
        x = MARGINS[0]
        for button in _shown(self._groups[0]):
            width = button.sizeHint().width()
            button.setGeometry(QRect(x, MARGINS[1], width, height))
            x += width + SPACING
        y = MARGINS[1] + (height + SPACING if rows == 2 else 0)  # noqa: PLR2004
        x = self.width() - MARGINS[2]
        for button in reversed(_shown(self._groups[1])):
            width = button.sizeHint().width()
            x -= width
            button.setGeometry(QRect(x, y, width, height))
            x -= SPACING
        if rows != self.rows:
            self.rows = rows
            self.updateGeometry()  # the window asks this row's height again

    def _row_height(self) -> int:
        buttons = [*_shown(self._groups[0]), *_shown(self._groups[1])]
        return max((max(b.sizeHint().height(), b.minimumHeight()) for b in buttons), default=0)

    @staticmethod
    def _group_width(group: Sequence[QPushButton]) -> int:
        widths = [button.sizeHint().width() for button in _shown(group)]
        return sum(widths) + SPACING * max(0, len(widths) - 1)


def _shown(group: Sequence[QPushButton]) -> list[QPushButton]:
    """The buttons not hidden on purpose (shown or not yet, as the window may not be)."""
    return [button for button in group if not button.isHidden()]
