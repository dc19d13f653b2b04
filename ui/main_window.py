# SPDX-License-Identifier: EUPL-1.2
"""DeskWindow: the counter desk. Presents the workflow's state and forwards what staff do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.desk.state import Phase
from app.eligibility.wire import RunMode
from app.problems import AppError, Problem
from ui import desk_extras, texts
from ui.about_dialog import show_about
from ui.announce import announce, spoken_text
from ui.countdown import Countdown
from ui.desk_extras import DeskExtras, action_button
from ui.failure_presenter import FailurePresenter
from ui.font_scale import set_scaled_style
from ui.manual_entry_dialog import ManualEntryDialog
from ui.override_dialog import OverrideDialog
from ui.problem_view import ProblemView
from ui.service_header import ServiceHeader
from ui.split_row import SplitRow
from ui.status_bar import DeskStatusBar
from ui.texts import localized, tr
from ui.training_menu import TrainingMenu, training_menu_for
from ui.verdict_view import VerdictView
from ui.waiting_view import WaitingView

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QCloseEvent, QKeyEvent

    from app.desk.app import DeskApp, DeskStatus
    from app.desk.state import DeskState
    from app.eligibility.wire import Outcome
    from ui.bridge import AppBridge
    from ui.override_dialog import OverrideChoice

BANNER_STYLE = (
    "background: #ffd400; color: #000; font-size: 15pt; font-weight: 700; padding: 6px;"
    "border-bottom: 3px solid #000;"
)


class DeskWindow(QMainWindow):
    """One desk window for one DeskApp; widgets are named attributes for the tests."""

    settings_requested = Signal()  # Beheer → Instellingen… (ui.desk_session answers it)

    def __init__(
        self, desk: DeskApp, bridge: AppBridge, *, config_file: Path | None = None
    ) -> None:
        """``config_file``: the ``--config`` file the desk was started with, if any."""
        super().__init__()
        self.config_file = config_file
        self._desk = desk
        self._bridge = bridge
        self._language = desk.config.desk.language
        # (transaction, applied outcome code, label) of the decision recorded on screen
        self._recorded: tuple[int, str, str] | None = None
        self._service = ""
        self._catalogue = 0  # DeskStatus.catalogue last presented
        self._announced: tuple[int, Phase, bool] | None = None
        self.header = ServiceHeader([(c, self._service_name(c)) for c in desk.config.desk.services])
        self.waiting_view = WaitingView()
        self.verdict_view = VerdictView()
        self.problem_view = ProblemView()
        self.stack = QStackedWidget()
        for view in (self.waiting_view, self.verdict_view, self.problem_view):
            self.stack.addWidget(view)
        self.receipt_label = desk_extras.receipt_label()
        self.countdown_label = Countdown(desk.workflow)
        self.status = DeskStatusBar()
        self.setStatusBar(self.status)
        self.manual_action = self._action(texts.MANUAL_ENTRY_BUTTON, "F2", self._on_manual_entry)
        self.override_action = self._action(texts.OVERRIDE_BUTTON, "Ctrl+O", self._on_override)
        self.clear_action = self._action(texts.CLEAR_BUTTON, "Esc", desk.workflow.clear)
        self.recheck_action = self._action(texts.RECHECK_BUTTON, "F5", desk.workflow.recheck)
        self.settings_action = self._action(
            texts.SETTINGS_ACTION, "Ctrl+,", self.settings_requested.emit
        )
        self.manual_button = action_button(self.manual_action)
        self.override_button = action_button(self.override_action)
        self.clear_button = action_button(self.clear_action)
        self.recheck_button = action_button(self.recheck_action)
        self.training_banner: QLabel | None = None
        self.training_menu: TrainingMenu | None = None
        self.failure_presenter = FailurePresenter(
            self, clear_screen=self._show_no_verdict, language=self._language
        )
        self._lay_out()
        self._present_mode(None)
        self.about_action = self._action(texts.ABOUT_ACTION, "", self._on_about)
        self.admin_menu = self._admin_menu()
        self.extras = DeskExtras(self, desk)
        self._connect()
        self.setStyleSheet(desk_extras.FOCUS_STYLE)
        self.resize(1000, 700)

    # -- building ----------------------------------------------------------------------
    def _connect(self) -> None:
        """Presents the bridge's state and status from now on, starting with the current."""
        self._bridge.state_changed.connect(self._on_bridge_state_changed)
        self._bridge.status_changed.connect(self._on_bridge_status_changed)
        self.problem_view.manual_decision_requested.connect(self._on_manual_decision)
        self.problem_view.manual_entry_requested.connect(self._on_manual_entry)
        self.problem_view.recheck_requested.connect(self._desk.workflow.recheck)
        self.header.service_chosen.connect(self.switch_service)
        self._on_bridge_state_changed(self._bridge.state)
        if self._bridge.status is not None:
            self._on_bridge_status_changed(self._bridge.status)

    def _admin_menu(self) -> QMenu:
        menu = self.menuBar().addMenu(tr(texts.ADMIN_MENU))
        menu.addAction(self.settings_action)
        menu.addAction(self.about_action)
        return menu

    def _action(self, text: str, keys: str, slot: object) -> QAction:
        action = QAction(tr(text), self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.addAction(action)
        return action

    def _lay_out(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        if self._desk.training:
            self.training_banner = QLabel(tr(texts.TRAINING_BANNER))
            self.training_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
            set_scaled_style(self.training_banner, BANNER_STYLE)
            layout.addWidget(self.training_banner)
            self.training_menu = training_menu_for(self._desk, self)
            self.menuBar().addMenu(self.training_menu)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.countdown_label)
        layout.addWidget(self.receipt_label)
        self.button_row = SplitRow(
            [self.manual_button, self.recheck_button],
            [self.override_button, self.clear_button],
            margins=(12, 4, 12, 8),
        )
        layout.addWidget(self.button_row)
        self.setCentralWidget(central)

    # -- presenting --------------------------------------------------------------------
    def _on_bridge_state_changed(self, state: DeskState) -> None:
        if state.service != self._service:
            self._service = state.service
            self.header.show_service(state.service)
            name = self.header.name_of(state.service)
            self.setWindowTitle(tr(texts.APP_TITLE).format(service=name))
        if self._recorded is not None and self._recorded[0] != state.transaction:
            self._recorded = None
        self.status.show_reader(state.reader_state, card_in=state.card_in_reader)
        if self._recorded is not None:
            self._present_decision(state)
        elif state.phase is Phase.VERDICT and state.advice is not None:
            self.verdict_view.show_advice(
                state.advice,
                channel=state.channel,
                masked_number=state.masked_number,
                language=self._language,
            )
            self.stack.setCurrentWidget(self.verdict_view)
        elif state.phase is Phase.PROBLEM:
            known = self._desk.workflow.current_number(state.transaction) is not None
            problem = state.problem or Problem.BACKEND_BAD_RESPONSE
            self.problem_view.show_problem(
                problem,
                can_decide=known,
                outcomes_known=bool(self._desk.outcomes_of(state.service)),
                language=self._language,
            )
            self.stack.setCurrentWidget(self.problem_view)
        else:
            self.waiting_view.show_phase(state.phase)
            self.stack.setCurrentWidget(self.waiting_view)
        self._announce_if_new(state)
        self._refresh_decision_widgets()

    def _announce_if_new(self, state: DeskState) -> None:
        """A screen reader hears a new verdict, decision or problem (not every refresh)."""
        key = (state.transaction, state.phase, self._recorded is not None)
        if key == self._announced or state.phase not in (Phase.VERDICT, Phase.PROBLEM):
            return
        self._announced = key
        view = self.stack.currentWidget()
        if view is not None:
            announce(view, spoken_text(view))

    def _present_decision(self, state: DeskState) -> None:
        """After a decision: the applied outcome, large, marked, with the advice beneath."""
        assert self._recorded is not None
        applied = next(
            (o for o in self._desk.outcomes_of(state.service) if o.code == self._recorded[1]), None
        )
        if applied is None:  # the catalogue is gone: the receipt still says it
            return
        advised = state.advice.outcome if state.advice is not None else None
        self.verdict_view.show_decision(applied, advised=advised, language=self._language)
        self.stack.setCurrentWidget(self.verdict_view)
        set_scaled_style(self.receipt_label, desk_extras.receipt_style(eligible=applied.eligible))

    def _on_bridge_status_changed(self, status: DeskStatus) -> None:
        self.status.show_status(status)
        self._present_mode(status.backend_mode)
        self.status.show_tally(
            status.tally, lambda code: desk_extras.outcome_name(self._desk, code)
        )
        self.waiting_view.show_backend(status.backend)
        if status.catalogue != self._catalogue:
            self._catalogue = status.catalogue
            self._present_catalogue()
        self._refresh_decision_widgets()

    def _present_mode(self, backend: RunMode | None) -> None:
        """Beside the service: acceptance (test cards), or the backend's training or
        acceptance mode shown as the desk's own. The desk's own training mode has the big
        banner above already."""
        mode = self._desk.mode.joined(backend)
        if mode is RunMode.ACCEPTANCE:
            self.header.show_mode(tr(texts.ACCEPTANCE_BANNER))
        elif mode is RunMode.TRAINING and self.training_banner is None:
            self.header.show_mode(tr(texts.TRAINING_BANNER))
        else:
            self.header.show_mode(None)

    def _present_catalogue(self) -> None:
        """The catalogue came after the start: service names, and a problem panel that can
        now offer a decision."""
        self.header.rename([(c, self._service_name(c)) for c in self._desk.config.desk.services])
        self.extras.rename_services()
        self._service = ""  # re-titled by the next line
        self._on_bridge_state_changed(self._bridge.state)

    def _refresh_decision_widgets(self) -> None:
        state = self._bridge.state
        recorded = self._recorded is not None and self._recorded[0] == state.transaction
        on_panel = self.stack.currentWidget() is self.problem_view
        may_decide = on_panel and not self.problem_view.decide_button.isHidden()
        self.override_action.setEnabled(
            (state.phase is Phase.VERDICT or may_decide) and not recorded
        )
        self.override_button.setHidden(on_panel)
        self.clear_action.setEnabled(state.phase is not Phase.WAITING)
        can_recheck = self._desk.workflow.can_recheck() and not recorded
        self.recheck_action.setEnabled(can_recheck)
        self.problem_view.offer_recheck(can_recheck)
        # A problem panel offers its own ways on (F5 only where a retry helps): the bottom
        # row does not repeat or contradict them.
        self.manual_button.setHidden(on_panel and not self.problem_view.entry_button.isHidden())
        self.recheck_button.setHidden(on_panel)
        if not recorded or self._recorded is None:
            self.receipt_label.hide()
            return
        text = tr(texts.RECORDED).format(outcome=self._recorded[2])
        status = self._bridge.status
        if status is not None and status.pending > 0:
            text = f"{text} — {tr(texts.SEND_LATER)}"
        self.receipt_label.setText(text)
        self.receipt_label.show()

    # -- staff intent ------------------------------------------------------------------
    def _on_about(self) -> None:
        show_about(self, self._desk.config, self.config_file)

    def switch_service(self, code: str) -> None:
        """Another service (menu, Ctrl+1…9, switcher); the citizen at the desk is asked for
        again."""
        if code != self._bridge.state.service:
            self._desk.workflow.switch_service(code)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """A digit typed while the desk waits starts the number entry with it."""
        text = event.text()
        if text.isdigit() and self._bridge.state.phase is Phase.WAITING:
            self._on_manual_entry(text)
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.extras.may_close(self._bridge.state, self._bridge.status):
            event.accept()
        else:
            event.ignore()

    def _on_manual_entry(self, typed: str = "") -> None:
        self._desk.workflow.hold()
        try:
            number = ManualEntryDialog.ask(self, typed)
        finally:
            self._desk.workflow.release()
        if number is not None:
            self._desk.workflow.enter_manually(number)

    def _on_override(self) -> None:
        state = self._bridge.state
        if state.phase is Phase.PROBLEM and not self.problem_view.decide_button.isHidden():
            self._on_manual_decision()  # Ctrl+O decides on a problem panel too
            return
        if state.phase is not Phase.VERDICT or state.advice is None:
            return
        outcomes = self._desk.outcomes_of(state.service)
        advised = state.advice.outcome
        if not [o for o in outcomes if o.code != advised.code]:
            self.failure_presenter.no_outcomes()  # no catalogue: nothing else to apply
            return
        choice = self._ask_choice(outcomes, advised)
        if choice is not None:
            self._decide(state.transaction, choice)

    def _on_manual_decision(self) -> None:
        state = self._bridge.state
        if state.phase is not Phase.PROBLEM:
            return
        if self._desk.workflow.current_number(state.transaction) is None:
            self._on_manual_entry()
            return
        outcomes = self._desk.outcomes_of(state.service)
        if not outcomes:
            self.failure_presenter.no_outcomes()
            return
        choice = self._ask_choice(outcomes, None)
        if choice is not None:
            self._decide(state.transaction, choice)

    def _ask_choice(
        self, outcomes: tuple[Outcome, ...], advised: Outcome | None
    ) -> OverrideChoice | None:
        """The override dialog; the privacy timeout waits while staff fill it in."""
        self._desk.workflow.hold()
        try:
            return OverrideDialog.ask(
                self, outcomes=outcomes, advised=advised, language=self._language
            )
        finally:
            self._desk.workflow.release()

    def _decide(self, transaction: int, choice: OverrideChoice) -> None:
        try:
            future = self._desk.decide(
                transaction=transaction,
                applied_outcome=choice.outcome_code,
                reason_code=choice.reason_code,
                reason_text=choice.reason_text,
            )
        except AppError as exc:
            self.failure_presenter.decision_not_recorded(exc)
            return
        self._bridge.deliver(
            future,
            on_ok=lambda _recorded: self._on_decision_recorded(transaction, choice),
            on_error=self.failure_presenter.decision_not_recorded,
            owner=self,
        )

    def _on_decision_recorded(self, transaction: int, choice: OverrideChoice) -> None:
        label = choice.outcome_label
        if self._bridge.state.transaction != transaction:
            self.status.showMessage(tr(texts.RECORDED).format(outcome=label), 10_000)
            return
        self._recorded = (transaction, choice.outcome_code, label)
        self._on_bridge_state_changed(self._bridge.state)

    def _show_no_verdict(self) -> None:
        """After an unexpected failure: off the screen at once (not waiting for the state),
        and the workflow back to waiting, dropping any answer still under way."""
        self.stack.setCurrentWidget(self.waiting_view)
        self.receipt_label.hide()
        self.override_action.setEnabled(False)
        if self._desk.workflow.state.phase is not Phase.WAITING:
            self._desk.workflow.clear()

    # -- catalogue ---------------------------------------------------------------------
    def _service_name(self, code: str) -> str:
        try:
            return localized(self._desk.service(code).name, self._language)
        except AppError:
            return code
