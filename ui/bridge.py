# SPDX-License-Identifier: EUPL-1.2
"""AppBridge: re-emits app callbacks (desk state, desk status, finished futures) on the GUI thread.

App callbacks fire on any thread; each is posted through a signal to a QObject that lives on
the GUI thread, so the connection is queued. Nothing else in ui/ knows that threads exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot
from shiboken6 import Shiboken

if TYPE_CHECKING:
    from collections.abc import Callable
    from concurrent.futures import Future

    from PySide6.QtWidgets import QWidget

    from app.desk.state import DeskState
    from app.desk.workflow import DeskWorkflow

    SubscribeStatus = Callable[[Callable[[Any], None]], None]


@dataclass(frozen=True, slots=True)
class _Delivery:
    future: Future[Any]
    on_ok: Callable[[Any], None]
    on_error: Callable[[BaseException], None]
    owner: QWidget | None


class AppBridge(QObject):
    """Re-emits app state on the GUI thread. Create it on the GUI thread."""

    state_changed = Signal(object)  # DeskState; emitted on the GUI thread only
    status_changed = Signal(object)  # DeskStatus; emitted on the GUI thread only
    _state_posted = Signal(object)  # emitted from any app thread
    _status_posted = Signal(object)
    _future_posted = Signal(object)

    def __init__(self, workflow: DeskWorkflow, subscribe_status: SubscribeStatus) -> None:
        super().__init__()
        self._state_posted.connect(self._on_state_posted)
        self._status_posted.connect(self._on_status_posted)
        self._future_posted.connect(self._on_future_posted)
        self.state: DeskState = workflow.state
        self.status: Any = None
        workflow.subscribe(self._state_posted.emit)
        subscribe_status(self._status_posted.emit)

    def deliver(
        self,
        future: Future[Any],
        *,
        on_ok: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        owner: QWidget | None = None,
    ) -> None:
        """Call ``on_ok(result)`` or ``on_error(exc)`` on the GUI thread once ``future`` is done.

        Dropped if ``owner`` was deleted meanwhile.
        """
        delivery = _Delivery(future, on_ok, on_error, owner)
        future.add_done_callback(lambda _done: self._future_posted.emit(delivery))

    @Slot(object)
    def _on_state_posted(self, state: DeskState) -> None:
        self.state = state
        self.state_changed.emit(state)

    @Slot(object)
    def _on_status_posted(self, status: object) -> None:
        self.status = status
        self.status_changed.emit(status)

    @Slot(object)
    def _on_future_posted(self, delivery: _Delivery) -> None:
        if delivery.owner is not None and not Shiboken.isValid(delivery.owner):
            return
        if delivery.future.cancelled():
            return  # cancellation is silent (shutdown)
        error = delivery.future.exception()
        if error is not None:
            delivery.on_error(error)
        else:
            delivery.on_ok(delivery.future.result())
