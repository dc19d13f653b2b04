# SPDX-License-Identifier: EUPL-1.2
"""SplitRow: widgets in two groups, one at the left and one at the right of a row; when the
width does not hold them (a large system font at 1024×768) they wrap onto more lines, the
left group's at the left, the right group's at the right. Nothing is ever cut off or pushed
out of the window.
The counter's buttons under the panel and the status bar's fields use it.

It places its widgets itself: a layout would report the one-row width as its minimum, and
the window could then never be narrower than that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QResizeEvent

SPACING = 8
_REPLACE = (QEvent.Type.ShowToParent, QEvent.Type.HideToParent, QEvent.Type.LayoutRequest)
Lines = list[list[QWidget]]


class SplitRow(QWidget):
    """``left`` widgets at the left, ``right`` ones at the right; ``rows``: lines in use."""

    def __init__(
        self,
        left: Sequence[QWidget],
        right: Sequence[QWidget],
        *,
        margins: tuple[int, int, int, int] = (0, 0, 0, 0),
        parent: QWidget | None = None,
    ) -> None:
        """``margins``: left, top, right, bottom."""
        super().__init__(parent)
        self._groups = (tuple(left), tuple(right))
        self._margins = margins
        for widget in (*left, *right):
            widget.setParent(self)
            widget.installEventFilter(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.rows = 1
        self._hints: tuple[QSize, QSize] | None = None

    # -- sizes -------------------------------------------------------------------------
    def one_row_width(self) -> int:
        """The width both groups need side by side."""
        widths = [_width(_shown(group)) for group in self._groups]
        return sum(widths) + (SPACING if all(widths) else 0) + self._side_margins()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        widest = max((w.sizeHint().width() for g in self._groups for w in _shown(g)), default=0)
        width = widest + self._side_margins()
        return QSize(width, self.heightForWidth(max(width, self.width())))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        width = self.one_row_width()
        return QSize(width, self.heightForWidth(max(self.width(), 1) if self.width() else width))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        rows = len(self._lines(width))
        height = rows * self._row_height() + max(0, rows - 1) * SPACING
        return height + self._margins[1] + self._margins[3]

    # -- placing -----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _REPLACE:  # shown, hidden or resized by its text: place again
            self._place()
        return False

    def event(self, event: QEvent) -> bool:
        if event.type() is QEvent.Type.LayoutRequest:  # a child's size hint changed
            self._place()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        lines = self._lines(self.width())
        height = self._row_height()
        y = self._margins[1]
        for line in lines:
            # On each line the left group's widgets start at the left edge, the right group's
            # end at the right edge.
            left = [widget for widget in line if widget in self._groups[0]]
            right = [widget for widget in line if widget not in left]
            x = self._margins[0]
            for part in (left, right):
                if part is right:
                    x = self.width() - self._margins[2] - _width(right)
                for widget in part:
                    width = widget.sizeHint().width()
                    widget.setGeometry(QRect(x, y, width, height))
                    x += width + SPACING
            y += height + SPACING
        self.rows = len(lines)
        hints = (self.sizeHint(), self.minimumSizeHint())
        if hints != self._hints:  # the window asks this row's sizes again
            self._hints = hints
            self.updateGeometry()

    def _lines(self, width: int) -> Lines:
        """The widgets line by line, as many on a line as fit, in order (a line may hold the
        end of the left group and the start of the right one)."""
        left, right = (_shown(group) for group in self._groups)
        return _wrap([*left, *right], width - self._side_margins())

    def _row_height(self) -> int:
        widgets = [w for group in self._groups for w in _shown(group)]
        return max((max(w.sizeHint().height(), w.minimumHeight()) for w in widgets), default=0)

    def _side_margins(self) -> int:
        return self._margins[0] + self._margins[2]


def _wrap(widgets: Sequence[QWidget], width: int) -> Lines:
    """``widgets`` in lines no wider than ``width`` (a widget wider than that alone on one)."""
    lines: Lines = []
    for widget in widgets:
        if lines and _width([*lines[-1], widget]) <= width:
            lines[-1].append(widget)
        else:
            lines.append([widget])
    return lines


def _width(widgets: Sequence[QWidget]) -> int:
    widths = [widget.sizeHint().width() for widget in widgets]
    return sum(widths) + SPACING * max(0, len(widths) - 1)


def _shown(group: Sequence[QWidget]) -> list[QWidget]:
    """The widgets not hidden on purpose (shown or not yet, as the window may not be)."""
    return [widget for widget in group if not widget.isHidden()]
