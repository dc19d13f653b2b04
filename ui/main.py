# SPDX-License-Identifier: EUPL-1.2
"""The desk's start: QApplication, configuration, DeskApp, bridge and window; ``run(argv)``."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from app.config import data_dir, load_config
from app.desk_app import DeskApp
from app.problems import AppError
from ui import texts
from ui.bridge import AppBridge
from ui.main_window import DeskWindow
from ui.texts import problem_words, tr
from ui.translations import install_translator

if TYPE_CHECKING:
    from collections.abc import Sequence

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_CANNOT_START = 2
CANNOT_START = "baliecheck kan niet starten"


def run(argv: Sequence[str] | None = None) -> int:
    """Open the desk window until it is closed. ``argv``: ``[--config PATH]`` plus Qt options."""
    parser = argparse.ArgumentParser(prog="baliecheck desk")
    parser.add_argument("--config", type=Path, metavar="PATH", help="configuration file")
    args, qt_args = parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    qt_app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    assert isinstance(qt_app, QApplication)
    try:
        config = load_config(args.config)
        install_translator(qt_app, config.desk.language)
        desk = DeskApp.start(config, data_dir())
    except AppError as exc:
        log.warning("desk not started: %s", exc.problem.value)
        _tell_cannot_start(exc)
        return EXIT_CANNOT_START
    try:
        bridge = AppBridge(desk.workflow, desk.subscribe_status)
        window = DeskWindow(desk, bridge)
        window.show()
        return EXIT_OK if qt_app.exec() == 0 else 1
    finally:
        desk.stop()


def _tell_cannot_start(exc: AppError) -> None:
    """What is wrong (problem words) and the admin detail, which holds no personal data."""
    words = problem_words(exc.problem)
    box = QMessageBox(QMessageBox.Icon.Critical, tr(CANNOT_START), words.what)
    box.setInformativeText(words.next_step)
    box.setDetailedText(exc.detail)
    box.setWindowTitle(tr(texts.APP_TITLE).format(service="—"))
    box.exec()
