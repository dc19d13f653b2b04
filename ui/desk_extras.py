# SPDX-License-Identifier: EUPL-1.2
"""The desk window's menus beyond the counter's buttons: Dienst (Ctrl+1…9), Hulp (F1), Quit
(Ctrl+Q), and the question before closing with something at stake; text that follows the
system font size."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from app.desk.state import Phase
from ui import texts
from ui.font_scale import follow_font_changes, set_scaled_style
from ui.help_dialog import HelpDialog
from ui.number_format import format_partial
from ui.texts import localized, tr

if TYPE_CHECKING:
    from app.desk.app import DeskApp, DeskStatus
    from app.desk.state import DeskState
    from ui.main_window import DeskWindow

MAX_SERVICE_KEYS = 9
# A visible focus ring on every control (the default one vanishes on some styles).
FOCUS_STYLE = (
    "QPushButton:focus, QComboBox:focus { outline: none; border: 3px solid #0b57d0; }"
    "QPushButton { color: #000; background: #f4f4f4; border: 1px solid #6b6b6b;"
    " border-radius: 4px; }"
)


def receipt_style(*, eligible: bool) -> str:
    """The "Geregistreerd" line in the applied outcome's colours."""
    colour, background, border = (
        ("#14632d", "#e3f4e8", "#1d7a3a") if eligible else ("#1f252d", "#eef1f5", "#5a6778")
    )
    return (
        f"font-size: 17pt; font-weight: 600; color: {colour}; background: {background};"
        f" padding: 4px 10px; border: 2px solid {border}; border-radius: 8px; margin: 0 40px;"
    )


def action_button(action: QAction) -> QPushButton:
    """A large button that triggers ``action`` and follows its enabled state."""
    button = QPushButton(action.text())
    button.setToolTip(action.text())
    button.setAccessibleName(action.text().replace("&", ""))
    button.setMinimumHeight(40)
    # A style sheet of its own makes Qt drop the palette's greyed text for a disabled button:
    # say it again, so a button that cannot be used looks it.
    set_scaled_style(
        button,
        "QPushButton { font-size: 13pt; padding: 4px 16px; }"
        " QPushButton:disabled { color: palette(mid); }",
    )
    button.setEnabled(action.isEnabled())
    button.clicked.connect(action.trigger)
    action.enabledChanged.connect(button.setEnabled)
    return button


def outcome_name(desk: DeskApp, code: str) -> str:
    """An outcome code's label in the desk's language (the code itself if unknown), from
    this desk's services first: another service may use the same code for other words."""
    here = desk.config.desk.services
    for service in sorted(desk.services, key=lambda s: s.code not in here):
        for outcome in service.outcomes:
            if outcome.code == code:
                return localized(outcome.label, desk.config.desk.language)
    return code


def receipt_label() -> QLabel:
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)  # on two lines rather than wider than the window
    set_scaled_style(label, receipt_style(eligible=True))
    return label


class DeskExtras:
    """Adds the menus to ``window``; ``may_close`` asks before closing when it matters."""

    def __init__(self, window: DeskWindow, desk: DeskApp) -> None:
        self._window = window
        self.font_follower = follow_font_changes(window)  # text follows the system font size
        self._desk = desk
        self.close_box: QMessageBox | None = None  # the open question, for tests
        # Off for windows that tests close at teardown (nobody there to answer).
        self.ask_before_closing = True
        self.service_actions: list[QAction] = []
        services = desk.config.desk.services
        if len(services) > 1:
            menu = window.menuBar().addMenu(tr(texts.SERVICE_MENU))
            for index, code in enumerate(services[:MAX_SERVICE_KEYS]):
                action = menu.addAction(window.header.name_of(code))
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                action.triggered.connect(lambda _checked=False, c=code: window.switch_service(c))
                self.service_actions.append(action)
        help_menu = window.menuBar().addMenu(tr(texts.HELP_MENU))
        self.help_action = help_menu.addAction(tr(texts.HELP_ACTION))
        self.help_action.setShortcut(QKeySequence("F1"))
        self.help_action.triggered.connect(self.show_help)
        self.quit_action = window.admin_menu.addAction(tr(texts.QUIT_ACTION))
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(window.close)
        for action in (self.help_action, self.quit_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        self.help_dialog: HelpDialog | None = None

    def rename_services(self) -> None:
        for action, code in zip(
            self.service_actions, self._desk.config.desk.services, strict=False
        ):
            action.setText(self._window.header.name_of(code))

    def show_help(self) -> None:
        practice = [
            (tr(label), format_partial(number)) for label, number in self._desk.practice_numbers()
        ]
        self.help_dialog = HelpDialog(self._window, practice)
        self.help_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.help_dialog.finished.connect(self._help_closed)
        self.help_dialog.open()

    def _help_closed(self) -> None:
        self.help_dialog = None

    def may_close(self, state: DeskState, status: DeskStatus | None) -> bool:
        """True at once when nothing is at stake; else staff are asked, told what happens."""
        on_screen = state.phase in (Phase.VERDICT, Phase.PROBLEM)
        unsent = status.pending if status is not None else 0
        if not (on_screen or unsent) or not self.ask_before_closing:
            return True
        lines = []
        if on_screen:
            lines.append(tr(texts.CLOSE_VERDICT))
        if unsent:
            lines.append(f"{texts.pending(unsent)}. {tr(texts.CLOSE_SEND_LATER)}")
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr(texts.CLOSE_TITLE))
        box.setText(tr(texts.CLOSE_TITLE))
        box.setInformativeText("\n\n".join(lines))
        close = box.addButton(tr(texts.CLOSE_BUTTON), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr(texts.CANCEL_BUTTON), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(close)
        self.close_box = box
        try:
            box.exec()
            return box.clickedButton() is close
        finally:
            self.close_box = None
            box.deleteLater()
