# SPDX-License-Identifier: EUPL-1.2
"""A logging filter that masks national numbers: the second line of defence after NationalNumber.

Any run of exactly 11 digits, or the dotted form ``85.07.30-123.45``, becomes ``85.07.30-xxx.xx``.
"""

from __future__ import annotations

import logging
import re

# Separators as python-stdnum accepts them in a national number: space, dot, dash
# (Unicode dashes included), any number of them between the digit groups.
_SEP = r"[\s.\-\u2010-\u2015\u2212]*"
_NUMBER = re.compile(
    rf"(?<![0-9])(\d{{2}}){_SEP}(\d{{2}}){_SEP}(\d{{2}}){_SEP}\d{{3}}{_SEP}\d{{2}}(?![0-9])"
)


def redact(text: str) -> str:
    """Mask every national-number-shaped run of digits in ``text``."""
    return _NUMBER.sub(r"\1.\2.\3-xxx.xx", text)


class RedactingFilter(logging.Filter):
    """Rewrites the formatted message (and exception text) of each record it passes."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError) as exc:  # a wrong format/args pair in a log call
            message = f"unformattable log message {record.msg!r} ({type(exc).__name__})"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            formatted = logging.Formatter().formatException(record.exc_info)
            record.exc_text = redact(formatted)
            record.exc_info = None
        return True


def install(level: int = logging.WARNING) -> None:
    """Configure root logging to stderr with redaction on the handler."""
    handler = logging.StreamHandler()
    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
