# SPDX-License-Identifier: EUPL-1.2
"""The desk's start before Qt (app.desk.startup): a broken configuration stops it with its
problem and no desk threads, and the window then says why (exit 2); a sound one starts the
desk in the language of --lang, leaving Qt its own options."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from app.desk.startup import start_desk
from app.language import Language
from app.problems import Problem
from ui.main import EXIT_CANNOT_START, run
from ui.texts import problem_words

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def _broken_config(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text('training = "yes"\n', encoding="utf-8")  # a quoted yes is refused
    return path


def test_desk_startup_broken_configuration_is_a_problem_not_a_desk(tmp_path: Path) -> None:
    path = _broken_config(tmp_path)
    start = start_desk(["--config", str(path)])
    assert start.desk is None
    assert start.problem is not None
    assert start.problem.problem is Problem.CONFIG_INVALID
    assert start.config_file == path


def test_desk_startup_lang_wins_and_qt_keeps_its_options() -> None:
    start = start_desk(["--lang", "fr", "-platform", "offscreen"])
    assert start.desk is not None
    try:
        assert start.desk.config.desk.language is Language.FR
        assert start.language is Language.FR
        assert start.qt_args == ["-platform", "offscreen"]
    finally:
        start.desk.stop()


def test_desk_startup_cannot_start_window_says_why_and_exits_2(
    tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []

    def record(box: QMessageBox) -> int:  # the modal box's loop is not the test's to run
        shown.append((box.text(), box.detailedText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    start = start_desk(["--config", str(_broken_config(tmp_path))])
    assert qapp is QApplication.instance()
    assert run(start=start) == EXIT_CANNOT_START
    [(what, detail)] = shown
    assert what == problem_words(Problem.CONFIG_INVALID).what
    assert "training" in detail
