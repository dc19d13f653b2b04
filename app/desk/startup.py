# SPDX-License-Identifier: EUPL-1.2
"""The desk's start before any window: its options, logging, the configuration and a
started DeskApp (or the problem that stops it), all without Qt.

ui/ runs this before it imports PySide6: PySide6 reads the source of every module imported
after it (its ``__feature__`` import hook looks for "PySide6" in each), so the desk's Qt-free
core costs less imported first. A keyring that blocks on an unlock prompt then holds up no
window either: there is none yet.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app import logsafe
from app.language import language_override
from app.problems import AppError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from app.desk.app import DeskApp
    from app.language import Language
    from app.settings.config import Config

log = logging.getLogger(__name__)


@dataclass(slots=True)
class DeskStart:
    """What the window needs: the desk's options, and the started desk or why it did not start.

    ``qt_args``: what the desk's options leave (Qt's own, such as ``-platform``).
    """

    config_file: Path | None
    language: Language | None  # --lang or $BALIECHECK_LANG: wins over the configuration's
    qt_args: list[str]
    data_dir: Path
    desk: DeskApp | None = None
    problem: AppError | None = None
    started: float = field(default_factory=time.perf_counter)

    @property
    def seconds(self) -> float:
        """Since the start began (the ready line says it)."""
        return time.perf_counter() - self.started


def parse_desk_options(argv: Sequence[str] | None = None) -> DeskStart:
    """``[--config PATH] [--lang L] [-v]`` plus Qt's options; logging installed."""
    started = time.perf_counter()
    parser = argparse.ArgumentParser(prog="baliecheck")
    parser.add_argument("--config", type=Path, metavar="PATH", help="configuration file")
    parser.add_argument("--lang", help=argparse.SUPPRESS)
    parser.add_argument("--verbose", "-v", action="store_true", help="log details to stderr")
    args, qt_args = parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    logsafe.install(logging.INFO if args.verbose else logging.WARNING)
    from app.settings.config import data_dir, log_dir  # noqa: PLC0415 - pydantic, once here

    # For IT: what happened at this desk, numbers masked (app.logsafe), rotated.
    logsafe.install_file(log_dir() / logsafe.DESK_LOG)
    return DeskStart(
        config_file=args.config,
        language=language_override(args.lang),
        qt_args=qt_args,
        data_dir=data_dir(),
        started=started,
    )


def start_desk(argv: Sequence[str] | None = None) -> DeskStart:
    """The options, the configuration and the started DeskApp, or the AppError that stops it.

    In training the practice material (the sample citizens' cards) is made here too: the
    window's training menu shows it at once.
    """
    start = parse_desk_options(argv)
    from app.desk.app import DeskApp  # noqa: PLC0415 - the desk's core, once it starts
    from app.settings.config import load_config  # noqa: PLC0415

    try:
        config = with_language(load_config(start.config_file), start.language)
        start.desk = DeskApp.start(config, start.data_dir)
    except AppError as exc:
        log.warning("desk not started: %s", exc.problem.value)
        start.problem = exc
        return start
    try:
        start.desk.training_cards()
    except BaseException:
        start.desk.stop()  # no bc-* thread outlives a start that failed
        raise
    return start


def with_language(config: Config, language: Language | None) -> Config:
    """``config`` with the desk in ``language`` (``--lang``, ``$BALIECHECK_LANG``), if one."""
    if language is None or language is config.desk.language:
        return config
    desk = config.desk.model_copy(update={"language": language})
    return config.model_copy(update={"desk": desk})
