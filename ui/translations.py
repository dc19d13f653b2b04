# SPDX-License-Identifier: EUPL-1.2
"""French and English for the desk: compiled ``.qm`` files loaded into a QTranslator.

Dutch is the source language and needs no file. ``.ts`` sources live in
``resources/translations/``; the build/install step (``python -m ui.translations``, run by
scripts/bootstrap.sh) compiles them with ``pyside6-lrelease`` into ``.qm`` files beside
them, which are not committed. The desk only loads; it never compiles at run time.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from app.language import Language
from app.resource_paths import resources_dir

log = logging.getLogger(__name__)

TRANSLATOR_NAME = "baliecheck-translator"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def qm_path(directory: Path, language: Language) -> Path:
    return directory / f"baliecheck_{language.value}.qm"


def install_translator(app: QCoreApplication, language: Language) -> None:
    """Show the desk in ``language``: replaces an earlier baliecheck translator.

    Dutch removes it. A missing ``.qm`` leaves the desk in Dutch (problem words still
    come from app.problem_texts' table) and logs a warning.
    """
    for old in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.deleteLater()
    if language is Language.NL:
        return
    path = qm_path(translations_dir(), language)
    translator = QTranslator(app)
    translator.setObjectName(TRANSLATOR_NAME)
    if not translator.load(str(path)):
        log.warning("no compiled translation %s; run 'python -m ui.translations'", path.name)
        translator.deleteLater()
        return
    app.installTranslator(translator)


def _lrelease() -> str:
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if beside.exists():
        return str(beside)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found is None:
        raise FileNotFoundError("pyside6-lrelease not found; install PySide6")
    return found


def compile_translations(directory: Path, target_dir: Path | None = None) -> list[Path]:
    """Compile every ``baliecheck_*.ts`` in ``directory`` to a ``.qm`` (build step).

    The ``.qm`` files go beside their sources, or into ``target_dir``.
    """
    compiled: list[Path] = []
    for source in sorted(directory.glob("baliecheck_*.ts")):
        target = (target_dir or directory) / f"{source.stem}.qm"
        subprocess.run(
            [_lrelease(), "-silent", str(source), "-qm", str(target)],
            check=True,
            capture_output=True,
        )
        compiled.append(target)
    return compiled


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    compiled = compile_translations(translations_dir())
    log.info("compiled %s", ", ".join(path.name for path in compiled) or "nothing")
    return 0 if compiled else 1


if __name__ == "__main__":
    sys.exit(main())
