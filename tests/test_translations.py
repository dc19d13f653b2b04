# SPDX-License-Identifier: EUPL-1.2
"""French and English through Qt: complete .ts sources, compiled .qm files, a French desk."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen here; before any QApplication

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QTranslator

from app.desk.app import DeskApp
from app.language import Language
from app.problem_texts import problem_text
from app.problems import Problem
from app.settings.config import Config, DeskSettings
from ui import texts
from ui.bridge import AppBridge
from ui.main_window import DeskWindow
from ui.translation_catalog import TRANSLATED, catalog_strings, read_ts, ts_path
from ui.translations import compile_translations, install_translator, qm_path, translations_dir

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

WAITING_FR = "Insérez la carte eID dans le lecteur"
SAMPLE_PROBLEM = Problem.NO_READER


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped .ts files compiled, as the build step does, into a temporary folder."""
    target = tmp_path_factory.mktemp("qm")
    done = compile_translations(translations_dir(), target)
    assert {path.name for path in done} == {qm_path(target, lang).name for lang in TRANSLATED}
    return target


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_catalog_string_is_translated(language: Language) -> None:
    path = ts_path(translations_dir(), language)
    assert 'type="unfinished"' not in path.read_text("utf-8")
    root = ET.parse(path).getroot()
    assert root.get("language") == language.value
    assert root.get("sourcelanguage") == "nl"
    known = read_ts(path)
    for context, source in catalog_strings():
        translation = known.get((context, source), "")
        assert translation.strip(), f"{language}: no translation for {source!r}"
        assert translation != source, f"{language}: {source!r} left in Dutch"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_problem_has_words_in_the_ts_file(language: Language) -> None:
    known = read_ts(ts_path(translations_dir(), language))
    for problem in Problem:
        dutch, words = problem_text(problem, Language.NL), problem_text(problem, language)
        assert known[(texts.PROBLEM_CONTEXT, dutch.what)] == words.what, problem
        assert known[(texts.PROBLEM_CONTEXT, dutch.next_step)] == words.next_step, problem


def test_compiled_french_translates_ui_and_problem_words(compiled: Path) -> None:
    translator = QTranslator()
    assert translator.load(str(qm_path(compiled, Language.FR)))
    assert translator.translate(texts.CONTEXT, texts.WAITING) == WAITING_FR
    dutch = problem_text(SAMPLE_PROBLEM, Language.NL)
    french = problem_text(SAMPLE_PROBLEM, Language.FR)
    assert translator.translate(texts.PROBLEM_CONTEXT, dutch.what) == french.what
    assert translator.translate(texts.PROBLEM_CONTEXT, dutch.next_step) == french.next_step


@pytest.fixture
def installed(
    qapp: QApplication, compiled: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """install_translator reads the compiled folder; Dutch again afterwards."""
    monkeypatch.setattr("ui.translations.translations_dir", lambda: compiled)
    yield compiled
    install_translator(qapp, Language.NL)


@pytest.mark.usefixtures("installed")
def test_install_translator_switches_language_and_back(qapp: QApplication) -> None:
    install_translator(qapp, Language.EN)
    assert texts.tr(texts.WAITING) == "Insert the eID card into the reader"
    install_translator(qapp, Language.FR)
    assert texts.tr(texts.WAITING) == WAITING_FR
    install_translator(qapp, Language.NL)
    assert texts.tr(texts.WAITING) == texts.WAITING
    words = texts.problem_words(SAMPLE_PROBLEM, Language.FR)  # no .qm: the table
    assert words.what == problem_text(SAMPLE_PROBLEM, Language.FR).what


def test_missing_qm_leaves_dutch(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.translations.translations_dir", lambda: tmp_path)
    install_translator(qapp, Language.FR)
    assert texts.tr(texts.WAITING) == texts.WAITING


@pytest.mark.usefixtures("installed")
def test_desk_window_in_french_waits_in_french(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    install_translator(qapp, Language.FR)
    config = Config(training=True, desk=DeskSettings(language=Language.FR))
    desk = DeskApp.start(config, tmp_path / "data")
    try:
        window = DeskWindow(desk, AppBridge(desk.workflow, desk.subscribe_status))
        qtbot.addWidget(window)
        window.show()
        assert window.stack.currentWidget() is window.waiting_view
        assert window.waiting_view.title_label.text() == WAITING_FR
        assert window.training_banner is not None
        assert window.training_banner.text() == "MODE EXERCICE — aucune donnée réelle"
        words = texts.problem_words(SAMPLE_PROBLEM, Language.FR)
        assert words.what == problem_text(SAMPLE_PROBLEM, Language.FR).what
        window.close()
    finally:
        desk.stop()
