# SPDX-License-Identifier: EUPL-1.2
"""A logging formatter that masks national numbers: the second line of defence after NationalNumber.

Any run of exactly 11 digits, or the dotted form ``85.07.30-123.45``, becomes ``85.07.30-xxx.xx``.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.private_files import ensure_private

if TYPE_CHECKING:
    import io

# Separators as python-stdnum accepts them in a national number: space, dot, dash
# (Unicode dashes included), any number of them between the digit groups.
_SEP = r"[\s.\-\u2010-\u2015\u2212]*"
_NUMBER = re.compile(
    rf"(?<![0-9])(\d{{2}}){_SEP}(\d{{2}}){_SEP}(\d{{2}}){_SEP}\d{{3}}{_SEP}\d{{2}}(?![0-9])"
)


def redact(text: str) -> str:
    """Mask every national-number-shaped run of digits in ``text``."""
    return _NUMBER.sub(r"\1.\2.\3-xxx.xx", text)


class RedactingFormatter(logging.Formatter):
    """Formats a record as usual, then masks numbers in the whole text (traceback included).

    A formatter, not a filter: the record itself is left as it was, so other handlers (and
    the tests that look for leaks in raw records) see what the code really logged.
    """

    def format(self, record: logging.LogRecord) -> str:
        try:
            return redact(super().format(record))
        except (TypeError, ValueError) as exc:  # a wrong format/args pair in a log call
            return redact(f"unformattable log message {record.msg!r} ({type(exc).__name__})")


DESK_LOG = "desk.log"  # the desk's log file, in app.settings.config.log_dir()
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_FILE_BYTES = 1_000_000
LOG_FILE_BACKUPS = 4  # desk.log plus four older: about 5 MB, weeks of a desk's day


def install(level: int = logging.WARNING) -> None:
    """Log to stderr through a redacting formatter on the root logger (added once).

    A windowed program (the Windows desk) has no stderr: then nothing is added here.
    """
    root = logging.getLogger()
    _lower_root_level(level)
    if sys.stderr is None or any(
        isinstance(h, logging.StreamHandler) and isinstance(h.formatter, RedactingFormatter)
        for h in root.handlers
        if not isinstance(h, logging.FileHandler)
    ):
        return
    handler = logging.StreamHandler()
    handler.setLevel(level)
    handler.setFormatter(RedactingFormatter(LOG_FORMAT))
    root.addHandler(handler)


def install_file(path: Path, level: int = logging.INFO) -> logging.Handler | None:
    """Also log to ``path`` (rotated at 1 MB, four old files kept), numbers masked, for IT.

    None when the file cannot be opened: the desk runs on, and says so on stderr (if any).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _private_rotating_handler(path)
    except OSError as exc:
        logging.getLogger(__name__).warning("no log file at %s: %s", path, exc.strerror)
        return None
    handler.setLevel(level)
    handler.setFormatter(RedactingFormatter(LOG_FORMAT))
    _lower_root_level(level)
    logging.getLogger().addHandler(handler)
    return handler


def _private_rotating_handler(path: Path) -> logging.Handler:
    """A rotating log whose files are owner-only (0600), the new one after each rotation too."""
    import logging.handlers  # noqa: PLC0415 - socket, pickle: only the desk keeps a log file

    class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
        def _open(self) -> io.TextIOWrapper:
            ensure_private(Path(self.baseFilename))
            return super()._open()

    return PrivateRotatingFileHandler(
        path, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILE_BACKUPS, encoding="utf-8"
    )


def _lower_root_level(level: int) -> None:
    """The root passes what the most talkative handler wants; each handler filters."""
    root = logging.getLogger()
    if root.level == logging.NOTSET or root.level > level or not root.handlers:
        root.setLevel(level)
