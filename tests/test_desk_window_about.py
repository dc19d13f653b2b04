# SPDX-License-Identifier: EUPL-1.2
"""Beheer → Over baliecheck: version and the files in use, for IT on the phone."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from app.settings.config import load_config, machine_config_path
from app.version import app_version

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.desk_support import MakeDesk


def _about_box(qtbot: QtBot) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> None:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        assert len(found) == 1

    qtbot.waitUntil(shown, timeout=5_000)
    return found[0]


def test_desk_window_about_names_version_and_files(make_desk: MakeDesk, qtbot: QtBot) -> None:
    desk = make_desk(load_config())  # no file anywhere: training
    desk.window.about_action.trigger()
    box = _about_box(qtbot)
    assert box.windowTitle() == "Over baliecheck"
    assert box.text() == f"baliecheck {app_version()}"
    lines = box.informativeText().splitlines()
    assert lines[:3] == [
        "Balie: balie-1",
        "Werkwijze: Oefenmodus (voorbeeldgegevens, gesimuleerde lezer)",
        "Configuratie: geen bestand (oefenmodus)",
    ]
    assert lines[3] == f"Gegevensmap: {os.environ['BALIECHECK_DATA_DIR']}"
    assert lines[4] == f"Logboek: {Path(os.environ['BALIECHECK_LOG_DIR']) / 'desk.log'}"
    assert lines[5].startswith("Qt 6.")
    box.close()


def test_desk_window_about_says_the_admin_locked_the_settings(
    make_desk: MakeDesk, qtbot: QtBot
) -> None:
    machine = machine_config_path()
    machine.write_text('locked = true\ntraining = true\n[desk]\nid = "gent-3"\n', encoding="utf-8")
    desk = make_desk(load_config())
    desk.window.about_action.trigger()
    box = _about_box(qtbot)
    lines = box.informativeText().splitlines()
    assert lines[0] == "Balie: gent-3"
    assert lines[2] == f"Configuratie: {machine} (vergrendeld door de IT-dienst)"
    box.close()
