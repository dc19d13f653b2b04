# SPDX-License-Identifier: EUPL-1.2
"""Text sizes that follow the system font size: the desk's style sheets are written in points
for a 9-pt application font (Qt's default here and Windows' Segoe UI 9) and shown scaled to
the application's font now, so a larger system or accessibility font makes the verdict larger
too. ``follow_font_changes`` on a window applies them again when that font changes while the
desk runs (a style sheet's font size is fixed, so Qt does not do this itself).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

REFERENCE_PT = 9.0  # the application font the style sheets' point sizes were drawn for
TEMPLATE_PROPERTY = "baliecheck-scaled-style"  # a widget's style as written (unscaled)
_FONT_SIZE = re.compile(r"font-size:\s*([0-9]+(?:\.[0-9]+)?)pt")
_CHANGES = (QEvent.Type.ApplicationFontChange, QEvent.Type.FontChange)


def font_factor() -> float:
    """The application font's size over the reference (1.0 at a 9-pt font)."""
    font = QGuiApplication.font()
    size = font.pointSizeF()
    if size <= 0:  # a font set in pixels: points at the usual 96 dpi
        size = font.pixelSize() * 72 / 96
    return size / REFERENCE_PT if size > 0 else 1.0


def scaled(style: str, factor: float | None = None) -> str:
    """``style`` with each ``font-size: <n>pt`` times ``factor`` (default: the font's)."""
    factor = font_factor() if factor is None else factor
    return _FONT_SIZE.sub(lambda size: f"font-size: {float(size[1]) * factor:.1f}pt", style)


def set_scaled_style(widget: QWidget, style: str) -> None:
    """``widget``'s style sheet: ``style`` scaled now, and again by ``follow_font_changes``."""
    widget.setProperty(TEMPLATE_PROPERTY, style)
    _apply(widget, style, font_factor())


def rescale(window: QWidget) -> None:
    """Every scaled style in ``window`` again, for the application font as it is now."""
    factor = font_factor()
    for widget in (window, *window.findChildren(QWidget)):
        style = widget.property(TEMPLATE_PROPERTY)
        if isinstance(style, str):
            _apply(widget, style, factor)


def follow_font_changes(window: QWidget) -> QObject:
    """Rescale ``window`` whenever the application (or its own) font changes. Keep the
    returned filter referenced (an attribute of the window's own): PySide drops a Python
    object's state when only Qt holds it."""
    follower = _FontFollower(window)
    window.installEventFilter(follower)
    return follower


def _apply(widget: QWidget, style: str, factor: float) -> None:
    text = scaled(style, factor)
    if widget.styleSheet() != text:  # the same text again would repolish for nothing
        widget.setStyleSheet(text)


class _FontFollower(QObject):
    """Qt tells a window, not its children, that the application font changed."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _CHANGES and isinstance(watched, QWidget):
            rescale(watched)
        return False
