# SPDX-License-Identifier: EUPL-1.2
"""Issue 14 item 10: the desk's text follows the system font size (the application font), also
when it changes while the desk runs, and a 1.5× font still fits a 1024×768 window."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from app.desk.training import PROBLEM_CARD_LABELS
from app.eligibility.wire import ReasonCode
from app.language import Language
from app.settings.config import Config, DeskSettings
from ui.font_scale import REFERENCE_PT, scaled
from ui.override_dialog import OverrideChoice, OverrideDialog
from ui.texts import localized, tr
from ui.translations import install_language

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from tests.desk_support import Desk, MakeDesk

LARGER = 1.5


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[QFont]:
    """The application font as it was; put back after the test."""
    default = QFont(qapp.font())
    yield default
    qapp.setFont(default)


def _set_font_size(qapp: QApplication, default: QFont, factor: float) -> None:
    font = QFont(default)
    font.setPointSizeF(default.pointSizeF() * factor)
    qapp.setFont(font)
    _settle(qapp)


def _settle(qapp: QApplication) -> None:
    """Let the posted style and layout requests run (a few rounds: each may post more)."""
    for _ in range(5):
        qapp.processEvents()


def _shown_pt(label: QLabel) -> float:
    label.ensurePolished()
    return QFontInfo(label.font()).pointSizeF()


def _assert_fits(label: QLabel) -> None:
    """Every word fits the label's width and the wrapped text its height: nothing clipped."""
    if label.isHidden() or not label.text():
        return
    width = label.contentsRect().width()
    metrics = QFontMetrics(label.font())
    widest = max(metrics.horizontalAdvance(word) for word in label.text().split())
    assert widest <= width, (label.text(), widest, width)
    assert label.heightForWidth(label.width()) <= label.height(), label.text()


def _assert_panel_fits(panel: QWidget) -> None:
    assert panel.minimumSizeHint().height() <= panel.height(), panel.objectName()
    for label in panel.findChildren(QLabel):
        _assert_fits(label)


def test_font_scale_scales_point_sizes_only() -> None:
    style = "font-size: 44pt; font-weight: 700; padding: 6px; border: 4px solid #000;"
    assert scaled(style, 1.5) == (
        "font-size: 66.0pt; font-weight: 700; padding: 6px; border: 4px solid #000;"
    )
    assert scaled("color: #000;", 2.0) == "color: #000;"


def test_desk_window_verdict_follows_a_larger_application_font_and_fits_1024x768(
    make_desk: MakeDesk, qapp: QApplication, qtbot: QtBot, app_font: QFont
) -> None:
    desk = make_desk(Config(training=True))
    desk.window.resize(1024, 768)
    desk.insert(0)
    label = desk.window.verdict_view.outcome_label
    before = _shown_pt(label)
    assert before == pytest.approx(44 * app_font.pointSizeF() / REFERENCE_PT, rel=0.02)
    _set_font_size(qapp, app_font, LARGER)  # while the desk runs
    assert _shown_pt(label) == pytest.approx(before * LARGER, rel=0.05)
    assert _shown_pt(desk.window.verdict_view.detail_label) > 20 * LARGER * 0.95
    qtbot.waitUntil(lambda: desk.window.size().width() == 1024)
    _assert_panel_fits(desk.window.verdict_view)
    _set_font_size(qapp, app_font, 1.0)  # and back
    assert _shown_pt(label) == pytest.approx(before, rel=0.02)


@pytest.mark.parametrize("language", [Language.NL, Language.FR])
def test_desk_window_opens_with_a_larger_font_and_every_panel_fits_1024x768(
    make_desk: MakeDesk,
    qapp: QApplication,
    app_font: QFont,
    language: Language,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _set_font_size(qapp, app_font, LARGER)  # the system font before the desk starts
    install_language(qapp, language)
    try:
        services = ("uitpas-kansentarief", "lez-registratie")  # with the service switcher
        desk = make_desk(
            Config(training=True, desk=DeskSettings(services=services, language=language))
        )
        _at_1024x768(desk)
        waiting = desk.window.waiting_view
        assert _shown_pt(waiting.title_label) == pytest.approx(
            30 * LARGER * app_font.pointSizeF() / REFERENCE_PT, rel=0.05
        )
        _assert_panel_fits(waiting)
        assert desk.window.button_row.rows == 2  # one row would not fit 1024 px: two
        desk.insert(0)
        desk.qtbot.waitUntil(lambda: desk.window.status.tally_label.text().count("·") >= 3)
        _at_1024x768(desk)  # with today's tally in the status bar
        _assert_panel_fits(desk.window.verdict_view)
        desk.remove()
        _pick_problem_card(desk, PROBLEM_CARD_LABELS["backend_unreachable"])  # most on it
        panel = desk.window.problem_view
        assert desk.window.stack.currentWidget() is panel
        _at_1024x768(desk)
        _assert_panel_fits(panel)
        for button in (panel.recheck_button, panel.decide_button):
            assert button.sizeHint().width() <= panel.width()
        # The most on screen: a decision, its receipt, two buttons rows, pending in the bar.
        outcome = desk.app.service("uitpas-kansentarief").outcomes[0]
        choice = OverrideChoice(
            outcome.code,
            localized(outcome.label, language),
            ReasonCode.ADVICE_UNAVAILABLE,
            "Geen advies beschikbaar",
        )
        monkeypatch.setattr(OverrideDialog, "ask", classmethod(lambda *_a, **_o: choice))
        panel.decide_button.click()
        receipt = desk.window.receipt_label
        desk.qtbot.waitUntil(lambda: receipt.isVisible() and desk.app.status.pending == 1)
        _at_1024x768(desk)
        _assert_panel_fits(desk.window.verdict_view)
        _assert_fits(receipt)
    finally:
        install_language(qapp, Language.NL)


def _at_1024x768(desk: Desk) -> None:
    """The window made 1024×768 (a window manager would hold it there): it can be, and the
    buttons and the status bar's fields lie whole inside it."""
    window = desk.window
    for _ in range(2):  # the first may be undone by a layout still to come, as on a screen
        window.resize(1024, 768)
        _settle(QApplication.instance())  # type: ignore[arg-type]
    assert (window.width(), window.height()) == (1024, 768)
    assert window.minimumSizeHint().height() <= 768
    _assert_buttons_whole(desk)
    for label in window.status.fields.findChildren(QLabel):
        if label.isVisible():
            where = QRect(label.mapTo(window, QPoint(0, 0)), label.size())
            assert window.rect().contains(where), (label.text(), where)
            assert label.width() >= label.sizeHint().width(), label.text()


def _pick_problem_card(desk: Desk, label: str) -> None:
    menu = desk.window.training_menu
    assert menu is not None
    [action] = [a for a in menu.problem_actions if a.text() == tr(label)]
    before = desk.bridge.state.transaction
    action.trigger()
    desk.qtbot.waitUntil(lambda: desk.bridge.state.transaction > before)
    desk.qtbot.waitUntil(lambda: desk.window.stack.currentWidget() is desk.window.problem_view)


def test_desk_window_buttons_stay_on_one_row_at_the_default_font(desk: Desk) -> None:
    desk.window.resize(1024, 768)
    desk.qtbot.waitUntil(lambda: desk.window.width() == 1024)
    assert desk.window.button_row.rows == 1
    _assert_buttons_whole(desk)
    desk.insert(0)  # other buttons shown: placed again
    _assert_buttons_whole(desk)


def _assert_buttons_whole(desk: Desk) -> None:
    """Every button shown lies whole inside the window, at its full width."""
    window = desk.window
    shown = [b for b in window.button_row.findChildren(QPushButton) if b.isVisible()]
    assert shown
    for button in shown:
        where = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        assert window.rect().contains(where), (button.text(), where)
        assert button.width() >= button.minimumSizeHint().width(), button.text()
        assert button.height() >= button.minimumHeight(), button.text()
    clear = window.clear_button  # the right group ends at the right edge, on any line
    assert clear.mapTo(window, QPoint(clear.width(), 0)).x() == window.width() - 12
