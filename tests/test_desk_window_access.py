# SPDX-License-Identifier: EUPL-1.2
"""Accessibility of the desk: contrast of the rendered colours in light, dark and high-contrast
palettes, an accessible name on every control, and a new verdict announced."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.settings.config import Config, DeskSettings
from eid.card_profiles import PROFILES
from tests.desk_support import desk_down_after_a_good_day
from tests.palettes import PALETTES
from ui.announce import ANNOUNCED_PROPERTY
from ui.help_dialog import HelpDialog
from ui.manual_entry_dialog import ManualEntryDialog
from ui.override_dialog import OverrideDialog

if TYPE_CHECKING:
    from collections.abc import Iterator

    from PySide6.QtGui import QImage

    from tests.desk_support import Desk, MakeDesk

MIN_CONTRAST = 4.5
CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit)


@pytest.fixture(params=sorted(PALETTES))
def palette(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    app.setPalette(PALETTES[request.param])
    yield request.param
    app.setPalette(before)


def _luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4  # noqa: PLR2004

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + (0.0722 * channel(colour.blue()))
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def rendered_contrast(image: QImage) -> float:
    """The background is the most common colour of the label's area; the text is the pixel
    that stands out most from it (antialiased edges stand out less)."""
    pixels = Counter(
        image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(image.height())
    )
    background = QColor.fromRgb(pixels.most_common(1)[0][0])
    return max(contrast(background, QColor.fromRgb(p)) for p in pixels)


def assert_labels_readable(view: QWidget) -> None:
    view.repaint()
    shot = view.grab().toImage()
    checked = 0
    for label in view.findChildren(QLabel):
        if label.isHidden() or not label.text().strip() or not label.isVisibleTo(view):
            continue
        area = label.geometry().translated(label.mapTo(view, QPoint(0, 0)) - label.pos())
        image = shot.copy(area)
        ratio = rendered_contrast(image)
        assert ratio >= MIN_CONTRAST, f"{label.text()!r}: {ratio:.2f}"
        checked += 1
    assert checked


def test_desk_window_verdict_and_decision_hold_contrast(desk: Desk, palette: str) -> None:
    for index in (0, 5):  # an eligible and a standard outcome
        desk.insert(index)
        assert_labels_readable(desk.window.verdict_view)
        desk.remove()
    assert_labels_readable(desk.window.waiting_view)


def test_desk_window_problem_panel_holds_contrast(desk: Desk, palette: str) -> None:
    desk.insert_card(PROFILES["corrupt-tlv"].make_card())
    assert_labels_readable(desk.window.problem_view)


def _unnamed(top: QWidget) -> list[str]:
    missing = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(top):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()}")
    return missing


def test_desk_window_every_control_has_an_accessible_name(make_desk: MakeDesk) -> None:
    services = ("uitpas-kansentarief", "lez-registratie")
    desk = make_desk(Config(training=True, desk=DeskSettings(services=services)))
    desk.insert(0)
    assert _unnamed(desk.window) == []
    desk.insert_card(PROFILES["corrupt-tlv"].make_card())
    assert _unnamed(desk.window) == []
    outcomes = desk.app.services[0].outcomes
    for dialog in (
        ManualEntryDialog(desk.window),
        OverrideDialog(desk.window, outcomes=outcomes, advised=None),
        HelpDialog(desk.window, [("voorbeeld", "85.07.30-033.28")]),
    ):
        dialog.show()
        assert _unnamed(dialog) == [], type(dialog).__name__
        dialog.close()


def test_desk_window_announces_a_new_problem(make_desk: MakeDesk) -> None:
    desk = desk_down_after_a_good_day(make_desk)
    desk.insert(0)
    announced = str(desk.window.problem_view.property(ANNOUNCED_PROPERTY))
    assert announced.startswith("⚠ De adviesdienst is niet bereikbaar.")
    assert "Opnieuw controleren (F5)" in announced
