# SPDX-License-Identifier: EUPL-1.2
"""Finding the line of a key or value in a rule file's text, so every error can name it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.problems import AppError, Problem

if TYPE_CHECKING:
    from pathlib import Path

    from pydantic_core import ErrorDetails

_ARRAYS = ("outcomes", "versions", "cases")
_ERROR_WORDS = {"extra_forbidden": "unknown key", "missing": "required key missing"}


def _array_header(table: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*\[\[\s*{table}\s*\]\]")


def _other_header(table: str) -> re.Pattern[str]:
    """A table header that does not belong to ``table`` (``[table.when]`` does)."""
    return re.compile(rf"^\s*\[(?!\[?\s*{table}\s*[.\]])")


class RuleText:
    """The lines of a rule file, with its ``[[outcomes]]`` and ``[[versions]]`` blocks."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers = {
            table: [i for i, line in enumerate(self.lines) if _array_header(table).match(line)]
            for table in _ARRAYS
        }

    def top(self) -> range:
        """The lines before the first ``[[outcomes]]`` or ``[[versions]]``."""
        starts = [found[0] for found in self.headers.values() if found]
        return range(min(starts, default=len(self.lines)))

    def block(self, table: str, index: int) -> range:
        """The lines of the ``index``-th ``[[table]]`` (all lines if there is none)."""
        headers = self.headers.get(table, [])
        if index >= len(headers):
            return range(len(self.lines))
        start = headers[index]
        ends = (_array_header(table), _other_header(table))
        following = (
            i
            for i in range(start + 1, len(self.lines))
            if any(end.match(self.lines[i]) for end in ends)
        )
        return range(start, next(following, len(self.lines)))

    def outcome_block(self, index: int) -> range:
        return self.block("outcomes", index)

    def everywhere(self) -> range:
        return range(len(self.lines))

    def find(self, pattern: str, lines: range) -> int | None:
        """The 1-based number of the first line in ``lines`` matching ``pattern``."""
        found = re.compile(pattern)
        return next((i + 1 for i in lines if found.search(self.lines[i])), None)

    def key_line(self, key: str, lines: range) -> int:
        """The line of ``key = ...`` or a ``[...key]`` header, else the first of ``lines``."""
        line = self.find(key_pattern(key), lines)
        return line if line is not None else lines.start + 1


def key_pattern(key: str) -> str:
    k = re.escape(key)
    return rf'(?:^|[\s{{,.])["\']?{k}["\']?\s*=|^\s*\[\[?[^\]]*\b{k}\s*\]'


def describe_error(source: RuleText, error: ErrorDetails) -> tuple[int, str]:
    """The line and the words for one pydantic error in a rule file."""
    loc = error["loc"]
    lines = _lines_of(source, loc)
    keys = [part for part in loc if isinstance(part, str) and part != "fact-name"]
    line = None
    value = error.get("input")
    if isinstance(value, str) and error["type"] not in _ERROR_WORDS and value:
        quoted = re.escape(value)
        line = source.find(rf"[\"']{quoted}[\"']", lines)
    for key in reversed(keys):
        line = line or source.find(key_pattern(key), lines)
    where = location_text(loc)
    words = _ERROR_WORDS.get(error["type"], error["msg"])
    return line or lines.start + 1, f"{where}: {words}" if where else words


def _lines_of(source: RuleText, loc: tuple[int | str, ...]) -> range:
    if len(loc) > 1 and loc[0] in _ARRAYS and isinstance(loc[1], int):
        return source.block(str(loc[0]), loc[1])
    if loc[:1] == ("facts",):
        return source.everywhere()
    return source.top()


def _is_tag(part: str) -> bool:
    """A union member's tag in pydantic's location (``constrained-str``), not a file's key."""
    return part == "fact-name" or any(ch in part for ch in "-[(")


def location_text(loc: tuple[int | str, ...]) -> str:
    """``outcomes[1].when.all[0]`` from pydantic's location, without the shape tags."""
    text = ""
    previous: int | str | None = None
    for part in loc:
        if part == previous or (isinstance(part, str) and _is_tag(part)):
            continue
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
        previous = part
    return text.lstrip(".")


def invalid(path: Path, line: int, reason: str) -> AppError:
    """RULES_INVALID naming the file and the line."""
    return AppError(Problem.RULES_INVALID, f"rules file {path}, line {line}: {reason}")
