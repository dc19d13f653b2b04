# SPDX-License-Identifier: EUPL-1.2
"""The desk's language: our gettext catalogue for our words, Qt's shipped ``qtbase_*.qm`` for
Qt's own (a dialog's "Cancel").

``install_language`` records the language on the QApplication (ui.texts' ``tr`` reads it)
and installs Qt's translation for it from PySide6's translations folder (the build keeps
the ``_nl``, ``_fr`` and ``_en`` files). Our catalogues are compiled by ``python -m app.i18n``
(set-up scripts, build), never at run time.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from ui.texts import LANGUAGE_PROPERTY

if TYPE_CHECKING:
    from app.language import Language

log = logging.getLogger(__name__)

QT_TRANSLATOR_NAME = "baliecheck-qt-translator"


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_language(app: QCoreApplication, language: Language) -> None:
    """Show the desk in ``language`` from now on; replaces an earlier choice.

    Widgets take their words when they are built, so a window made before keeps its own.
    Without Qt's translation for the language, Qt's own words stay English (logged).
    """
    app.setProperty(LANGUAGE_PROPERTY, language.value)
    for old in app.findChildren(QTranslator, QT_TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.deleteLater()
    translator = QTranslator(app)
    translator.setObjectName(QT_TRANSLATOR_NAME)
    if not translator.load(f"qtbase_{language.value}", qt_translations_dir()):
        log.warning("no Qt translation qtbase_%s in %s", language.value, qt_translations_dir())
        translator.deleteLater()
        return
    app.installTranslator(translator)
