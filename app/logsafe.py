# SPDX-License-Identifier: EUPL-1.2
"""A logging formatter that masks national numbers: the second line of defence after NationalNumber.

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


def install(level: int = logging.WARNING) -> None:
    """Log to stderr through a redacting formatter on the root logger (added once)."""
    root = logging.getLogger()
    root.setLevel(level)
    if any(isinstance(h.formatter, RedactingFormatter) for h in root.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
