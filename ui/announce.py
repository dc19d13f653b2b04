# SPDX-License-Identifier: EUPL-1.2
"""Tell screen readers that a new verdict or problem is on screen (a Qt accessibility event)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QLabel, QWidget

# The last text announced per widget, for the tests (a screen reader gets the event).
ANNOUNCED_PROPERTY = "baliecheck-announced"


def announce(widget: QWidget, text: str) -> None:
    """``text`` becomes the widget's accessible description and an alert is sent for it."""
    widget.setAccessibleName(text)
    widget.setAccessibleDescription(text)
    widget.setProperty(ANNOUNCED_PROPERTY, text)
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.NameChanged))


def spoken_text(view: QWidget) -> str:
    """The shown labels of a panel, in the order they were laid out, as one sentence."""
    labels = [label for label in view.findChildren(QLabel) if not label.isHidden()]
    return ". ".join(label.text() for label in labels if label.text())
