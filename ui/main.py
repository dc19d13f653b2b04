# SPDX-License-Identifier: EUPL-1.2
"""The desk's start: QApplication, configuration, DeskApp, bridge and window; ``run(argv)``."""

from __future__ import annotations

import logging
import signal
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.desk.startup import start_desk
from app.language import Language
from ui import texts
from ui.desk_session import DeskSession
from ui.icons import window_icon
from ui.texts import problem_words, tr
from ui.translations import install_language

if TYPE_CHECKING:
    from collections.abc import Sequence

    from app.desk.startup import DeskStart
    from app.problems import AppError

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_CANNOT_START = 2
# Logged (INFO, so shown with -v) once the window is up and the event loop runs: the
# benchmarks and the build check wait for this line.
READY_MESSAGE = "desk ready for a card"
# How often Python gets the chance to run a signal handler while Qt's loop runs.
SIGNAL_POLL_MS = 200


def run(argv: Sequence[str] | None = None, start: DeskStart | None = None) -> int:
    """Open the desk window until it is closed (or SIGTERM/SIGINT: a clean stop).

    ``argv``: ``[--config PATH] [--lang L] [-v]`` plus Qt options. The desk's language is
    ``--lang``, else ``$BALIECHECK_LANG``, else the configuration's ``[desk] language``.
    ``start``: the desk already started without Qt (``app.desk.startup.start_desk``, as
    ui/entry.py does before it imports PySide6); else it is started here.
    """
    if start is None:
        start = start_desk(argv)
    try:
        qt_app = _qt_application(start)
    except BaseException:
        if start.desk is not None:
            start.desk.stop()  # no bc-* thread outlives a window that never came
        raise
    if start.desk is None:
        assert start.problem is not None
        _tell_cannot_start(start.problem)
        return EXIT_CANNOT_START
    # The session shows the window (its failure presenter installed until the desk's threads
    # have stopped) and starts the desk again after the settings dialog saved.
    session = DeskSession(
        qt_app,
        start.desk,
        data_dir=start.data_dir,
        config_file=start.config_file,
        language=start.language,
    )
    try:
        session.show()
        previous = _quit_on_signals(qt_app)
        # Cold start is timed from outside (bench/desk_cold_start.py); the figure here is the
        # time since the desk's start began (options, configuration, DeskApp, window).
        QTimer.singleShot(
            0, lambda: log.info("%s (started in %.3f s)", READY_MESSAGE, start.seconds)
        )
        try:
            return EXIT_OK if qt_app.exec() == 0 else 1
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
    finally:
        session.stop()


def _qt_application(start: DeskStart) -> QApplication:
    """The QApplication with the desk's icon and words (Qt's own dialogs' too)."""
    qt_app = QApplication.instance() or QApplication([sys.argv[0], *start.qt_args])
    assert isinstance(qt_app, QApplication)
    qt_app.setWindowIcon(window_icon())
    install_language(qt_app, start.language or Language.NL)  # a broken configuration's words too
    if start.desk is not None:
        install_language(qt_app, start.desk.config.desk.language)
    return qt_app


def _quit_on_signals(qt_app: QApplication) -> dict[int, Any]:
    """SIGTERM (logout, service manager) and SIGINT close the desk as the window would.

    Python runs signal handlers only between bytecodes, so a timer wakes it now and then.
    """

    def stop(signum: int, _frame: object) -> None:
        # Not logged in the handler: the signal can interrupt a log line being written to
        # stderr, and writing to it again from here fails ("reentrant call"), before quit().
        QTimer.singleShot(0, lambda: _close_on_signal(qt_app, signum))

    previous: dict[int, Any] = {
        signum: signal.signal(signum, stop) for signum in (signal.SIGTERM, signal.SIGINT)
    }
    ticker = QTimer(qt_app)
    ticker.timeout.connect(lambda: None)
    ticker.start(SIGNAL_POLL_MS)
    return previous


def _close_on_signal(qt_app: QApplication, signum: int) -> None:
    log.info("signal %d: closing the desk", signum)
    qt_app.quit()


def _tell_cannot_start(exc: AppError) -> None:
    """What is wrong (problem words) and the admin detail, which holds no personal data."""
    words = problem_words(exc.problem)
    box = QMessageBox(QMessageBox.Icon.Critical, tr(texts.CANNOT_START), words.what)
    box.setInformativeText(words.next_step)
    box.setDetailedText(exc.detail)
    box.setWindowTitle(tr(texts.APP_TITLE).format(service="—"))
    box.exec()
