# SPDX-License-Identifier: EUPL-1.2
"""FailurePresenter: the one place where the desk tells staff that something failed.

An exception nobody caught reaches ``sys.excepthook`` (PySide6 hands it there for a Qt slot
on the GUI thread, and the desk goes on) or, when a thread dies of it, ``threading.excepthook``
(a ``bc-*`` worker). Python's own hooks print the traceback to stderr, message and all, and
an exception text can hold a national number. Ours log it masked (app.logsafe) and show staff
what happened and what to do. The screen goes back to waiting: nobody can vouch for a verdict
that was on screen around a failure. A decision that could not be recorded is told here too.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import Shiboken

from app.language import Language
from app.logsafe import redact
from app.problems import AppError
from ui import texts
from ui.texts import problem_words, tr

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import TracebackType

    SysHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
    ThreadHook = Callable[[threading.ExceptHookArgs], object]

log = logging.getLogger(__name__)


class FailurePresenter(QObject):
    """Create on the GUI thread with the window it speaks for.

    ``clear_screen`` takes any verdict off the screen; ``install()`` makes this the handler
    of uncaught exceptions (``ui.main`` does, for the desk's lifetime), ``restore()`` puts
    the previous hooks back. At most one failure message is open at a time: failures while
    it is open are logged, not stacked (and cannot keep clearing the screen in a loop).
    """

    _failed = Signal(bool)  # True: a thread ended. Emitted from any thread.

    def __init__(
        self,
        window: QWidget,
        *,
        clear_screen: Callable[[], None],
        language: Language = Language.NL,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._clear_screen = clear_screen
        self._language = language
        self._previous: tuple[SysHook, ThreadHook] | None = None
        self.failure_box: QMessageBox | None = None  # the open failure message, for tests
        # Queued even from the GUI thread: never present from inside a hook.
        self._failed.connect(self._present, Qt.ConnectionType.QueuedConnection)

    # -- hooks -------------------------------------------------------------------------
    def install(self) -> None:
        if self._previous is None:
            self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._on_uncaught
        threading.excepthook = self._on_thread_died

    def restore(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def _on_uncaught(
        self, _kind: type[BaseException], exc: BaseException, _tb: TracebackType | None
    ) -> None:
        self.report(exc, where=threading.current_thread().name, thread_ended=False)

    def _on_thread_died(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or isinstance(args.exc_value, SystemExit):
            return  # a thread that exits on purpose (as Python's own hook ignores it)
        where = args.thread.name if args.thread is not None else "a thread"
        self.report(args.exc_value, where=where, thread_ended=True)

    # -- telling -----------------------------------------------------------------------
    def report(self, exc: BaseException, *, where: str, thread_ended: bool = False) -> None:
        """Log ``exc`` (numbers masked) and show staff a message; from any thread."""
        _log_unexpected(exc, where)
        with contextlib.suppress(RuntimeError):  # the window is gone: logged is all we can do
            if Shiboken.isValid(self):
                self._failed.emit(thread_ended)

    def decision_not_recorded(self, exc: BaseException) -> None:
        """The decision is not in the audit store: say so and why; the screen stays."""
        if isinstance(exc, AppError):
            log.warning("decision not recorded: %s", exc.problem.value)
            words = problem_words(exc.problem, self._language)
            detail = f"{words.what}\n{words.next_step}"
        else:
            _log_unexpected(exc, "recording a decision")
            detail = tr(texts.UNEXPECTED_FAILURE)
        box = self._message(tr(texts.RECORD_FAILED_TITLE), tr(texts.RECORD_FAILED), detail)
        box.setIcon(QMessageBox.Icon.Warning)

    def no_outcomes(self) -> None:
        """A decision was asked for, but the service's outcomes are not known."""
        self._message(tr(texts.NO_OUTCOMES_TITLE), tr(texts.NO_OUTCOMES_HINT), "")

    @Slot(bool)
    def _present(self, thread_ended: bool) -> None:
        self._clear_screen()
        if self.failure_box is not None:
            return
        what = texts.PART_STOPPED_WHAT if thread_ended else texts.FAILURE_WHAT
        next_step = texts.PART_STOPPED_NEXT if thread_ended else texts.FAILURE_NEXT
        self.failure_box = self._message(tr(texts.FAILURE_TITLE), tr(what), tr(next_step))
        self.failure_box.setIcon(QMessageBox.Icon.Critical)
        self.failure_box.finished.connect(self._on_failure_box_closed)

    def _on_failure_box_closed(self) -> None:
        self.failure_box = None

    def _message(self, title: str, text: str, informative: str) -> QMessageBox:
        """A message that does not block the desk (a card can still be taken out)."""
        box = QMessageBox(self._window)
        box.setWindowTitle(title)
        box.setText(text)
        box.setInformativeText(informative)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box


def _log_unexpected(exc: BaseException, where: str) -> None:
    """The whole traceback for IT, every national-number-shaped run masked in the record
    itself (not only by the formatter), so no handler can write the number out."""
    try:
        text = "".join(traceback.format_exception(exc))
    except Exception:  # noqa: BLE001 - a broken __str__ must not hide the failure
        text = type(exc).__name__
    log.error("unexpected failure in %s:\n%s", where, redact(text))
