# SPDX-License-Identifier: EUPL-1.2
"""The desk's start: QApplication, configuration, DeskApp, bridge and window; ``run(argv)``."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import logsafe
from app.desk.app import DeskApp
from app.language import Language, language_override
from app.problems import AppError
from app.settings.config import data_dir, load_config, log_dir
from ui import texts
from ui.desk_session import DeskSession, with_language
from ui.icons import window_icon
from ui.texts import problem_words, tr
from ui.translations import install_language

if TYPE_CHECKING:
    from collections.abc import Sequence

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_CANNOT_START = 2
# Logged (INFO, so shown with -v) once the window is up and the event loop runs: the
# benchmarks and the build check wait for this line.
READY_MESSAGE = "desk ready for a card"
# How often Python gets the chance to run a signal handler while Qt's loop runs.
SIGNAL_POLL_MS = 200


def run(argv: Sequence[str] | None = None) -> int:
    """Open the desk window until it is closed (or SIGTERM/SIGINT: a clean stop).

    ``argv``: ``[--config PATH] [--lang L] [-v]`` plus Qt options. The desk's language is
    ``--lang``, else ``$BALIECHECK_LANG``, else the configuration's ``[desk] language``.
    """
    started = time.perf_counter()
    parser = argparse.ArgumentParser(prog="baliecheck")
    parser.add_argument("--config", type=Path, metavar="PATH", help="configuration file")
    parser.add_argument("--lang", help=argparse.SUPPRESS)
    parser.add_argument("--verbose", "-v", action="store_true", help="log details to stderr")
    args, qt_args = parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    logsafe.install(logging.INFO if args.verbose else logging.WARNING)
    # For IT: what happened at this desk, numbers masked (app.logsafe), rotated.
    logsafe.install_file(log_dir() / logsafe.DESK_LOG)
    qt_app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    assert isinstance(qt_app, QApplication)
    qt_app.setWindowIcon(window_icon())
    language = language_override(args.lang)
    install_language(qt_app, language or Language.NL)  # a broken configuration's words too
    try:
        config = with_language(load_config(args.config), language)
        install_language(qt_app, config.desk.language)
        desk = DeskApp.start(config, data_dir())
    except AppError as exc:
        log.warning("desk not started: %s", exc.problem.value)
        _tell_cannot_start(exc)
        return EXIT_CANNOT_START
    # The session shows the window (its failure presenter installed until the desk's threads
    # have stopped) and starts the desk again after the settings dialog saved.
    session = DeskSession(
        qt_app, desk, data_dir=data_dir(), config_file=args.config, language=language
    )
    try:
        session.show()
        previous = _quit_on_signals(qt_app)
        # Cold start is timed from outside (bench/desk_cold_start.py): most of it is the
        # imports before run(). The figure here is only what run() itself took.
        QTimer.singleShot(
            0, lambda: log.info("%s (in run() %.3f s)", READY_MESSAGE, _since(started))
        )
        try:
            return EXIT_OK if qt_app.exec() == 0 else 1
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
    finally:
        session.stop()


def _since(started: float) -> float:
    return time.perf_counter() - started


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
