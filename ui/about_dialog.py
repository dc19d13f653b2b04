# SPDX-License-Identifier: EUPL-1.2
"""Beheer → Over baliecheck: the version and where this desk keeps its files.

What IT asks a clerk on the phone: which version, which configuration file, where the log
is. Nothing personal is on it.
"""

from __future__ import annotations

import platform
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.logsafe import DESK_LOG
from app.settings.config import config_path, data_dir, log_dir, settings_locked
from app.settings.form import DeskMode
from app.version import app_version
from ui import texts
from ui.texts import tr

if TYPE_CHECKING:
    from pathlib import Path

    from app.settings.config import Config


def about_details(config: Config, explicit: Path | None = None) -> str:
    """The lines of the dialog: desk, mode, files in use, versions."""
    path = config_path(explicit)
    if not path.exists():
        shown_config = tr(texts.ABOUT_NO_CONFIG)
    elif settings_locked(explicit):
        shown_config = tr(texts.ABOUT_LOCKED).format(path=path)
    else:
        shown_config = str(path)
    mode = texts.MODE_LABELS[DeskMode.of(config)]
    return tr(texts.ABOUT_DETAILS).format(
        desk=config.desk.id,
        mode=tr(mode),
        config=shown_config,
        data=data_dir(),
        log=log_dir() / DESK_LOG,
        qt=pyside_version,
        python=platform.python_version(),
    )


def show_about(parent: QWidget, config: Config, explicit: Path | None = None) -> QMessageBox:
    """Open the dialog (not modal for the desk: a card can still come and go)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(tr(texts.ABOUT_TITLE))
    box.setText(texts.ABOUT_VERSION.format(version=app_version()))
    box.setInformativeText(about_details(config, explicit))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
