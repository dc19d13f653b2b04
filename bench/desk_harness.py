# SPDX-License-Identifier: EUPL-1.2
"""The desk as the desk benchmarks drive it: a DeskApp with its bridge and window, offscreen.

The bench's main thread is the GUI thread. It waits in Qt's own event loop (not in a sleep
and poll), so a state posted by an app thread reaches the window as fast as in the real desk,
and the moment the window has presented it is taken in a slot connected after the window's.
"""

from __future__ import annotations

import math
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from app.desk.app import DeskApp
from app.desk.state import Phase
from ui.bridge import AppBridge
from ui.main_window import DeskWindow

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from app.desk.state import DeskState
    from app.settings.config import Config
    from eid.authenticity import CardVerifier

SETTLE_TIMEOUT_S = 15.0


def qt_application() -> QApplication:
    """The process's QApplication (offscreen unless QT_QPA_PLATFORM says otherwise)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(["baliecheck-bench"])


class WindowedDesk:
    """A started DeskApp, its AppBridge and a shown DeskWindow; ``stop()`` ends them."""

    def __init__(
        self,
        config: Config,
        data_dir: Path,
        *,
        verifier: CardVerifier | None = None,
        watch: Callable[[DeskState], None] | None = None,
    ) -> None:
        """``watch``: called with each state the workflow publishes, on the publishing thread,
        before the bridge hears of it (so before the window can present it)."""
        qt_application()
        self.app = DeskApp.start(config, data_dir, verifier=verifier)
        if watch is not None:
            self.app.workflow.subscribe(watch)
        self.bridge = AppBridge(self.app.workflow, self.app.subscribe_status)
        self.window = DeskWindow(self.app, self.bridge)
        self.window.extras.ask_before_closing = False
        self.window.show()
        self.presented_ns = 0  # perf_counter_ns when the window last presented a state
        self._wanted: Callable[[DeskState], bool] | None = None
        self._loop = QEventLoop()
        # Connected after the window's own slot, so this runs once the window has updated.
        self.bridge.state_changed.connect(self._presented)

    def _presented(self, state: DeskState) -> None:
        self.presented_ns = time.perf_counter_ns()
        if self._wanted is not None and self._wanted(state):
            self._loop.quit()

    def wait_for(
        self, wanted: Callable[[DeskState], bool], what: str, timeout_s: float = SETTLE_TIMEOUT_S
    ) -> DeskState:
        """Run the Qt event loop until the window presents a state ``wanted`` accepts."""
        if not wanted(self.bridge.state):
            self._wanted = wanted
            timer = QTimer()
            timer.setSingleShot(True)
            timer.timeout.connect(self._loop.quit)
            timer.start(int(timeout_s * 1000))
            try:
                self._loop.exec()
            finally:
                timer.stop()
                self._wanted = None
        state = self.bridge.state
        if not wanted(state):
            raise RuntimeError(f"timed out after {timeout_s:g} s waiting for {what}")
        return state

    def wait_settled(self, after: int) -> DeskState:
        """A verdict or a problem for a transaction later than ``after``."""
        return self.wait_for(
            lambda s: s.transaction > after and s.phase in (Phase.VERDICT, Phase.PROBLEM),
            "a verdict or problem",
        )

    def wait_waiting(self, after: int) -> DeskState:
        """The waiting screen for a transaction later than ``after``."""
        state = self.wait_for(
            lambda s: s.transaction > after and s.phase is Phase.WAITING, "the waiting screen"
        )
        if self.window.stack.currentWidget() is not self.window.waiting_view:
            raise RuntimeError("the window does not show the waiting screen")
        return state

    def idle(self, seconds: float) -> None:
        """Let the window run (status updates, timers) for ``seconds``."""
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(self._loop.quit)
        timer.start(int(seconds * 1000))
        self._loop.exec()

    def shown_outcome(self, state: DeskState) -> str:
        """The verdict view's outcome text, checked against the verdict ``state`` holds."""
        advice = state.advice
        if state.phase is not Phase.VERDICT or advice is None:
            raise RuntimeError(f"no verdict: {state.problem}")
        if self.window.stack.currentWidget() is not self.window.verdict_view:
            raise RuntimeError("the window does not show the verdict view")
        text = self.window.verdict_view.outcome_label.text()
        if not text.endswith(advice.outcome.label.nl):
            raise RuntimeError(f"the verdict view shows {text!r}, not {advice.outcome.code}")
        return text

    def stop(self) -> None:
        self.window.close()
        self.app.stop()
        self.window.deleteLater()
        self.bridge.deleteLater()


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest rank: the smallest value with at least ``share`` of all at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def figures_row(label: str, values_ms: Sequence[float], width: int = 44) -> str:
    """``label  median  p90  p99  max`` in ms, as the desk benchmarks print them."""
    picks = [percentile(values_ms, share) for share in (0.5, 0.9, 0.99, 1.0)]
    return f"{label:<{width}}" + "".join(f"{value:9.1f}" for value in picks)


def figures_head(first: str, width: int = 44) -> str:
    return f"{first:<{width}}" + "".join(f"{name:>9}" for name in ("median", "p90", "p99", "max"))
