# SPDX-License-Identifier: EUPL-1.2
"""Reading a source list file (CSV): the header, every row checked, bad rows named by line.

Reasons name the line and what is wrong, never the cell's content (it may be a national number).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from app.problems import AppError, Problem
from app.tables.excel_csv import CsvFormat, TableError, open_table, parse_date
from eid.errors import EidError
from eid.insz import NationalNumber

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

HEADERS: Final = (("insz",), ("insz", "valid_from", "valid_to"))
MAX_REPORTED = 20

ListRow = tuple[str, str | None, str | None]
"""The 11 digits, valid_from and valid_to (ISO text; None = open)."""


@dataclass(slots=True)
class BadRows:
    """The first MAX_REPORTED bad lines, and how many there were."""

    lines: list[str] = field(default_factory=list)
    count: int = 0

    def add(self, line: int, reason: str) -> None:
        self.count += 1
        if len(self.lines) < MAX_REPORTED:
            self.lines.append(f"line {line}: {reason}")

    def text(self) -> str:
        more = self.count - len(self.lines)
        return "; ".join(self.lines) + (f"; and {more} more bad rows" if more else "")


def read_list_file(path: Path, bad: BadRows, form: CsvFormat | None = None) -> Iterator[ListRow]:
    """Every good row of the file, streamed; bad rows are counted in ``bad`` instead.

    SOURCE_FILE_INVALID when the file cannot be read at all (missing, not text, not CSV, no
    or a wrong header). The separator and encoding are Excel's as ``app.tables`` detects them,
    unless ``form`` names them.
    """
    for line, cells, width in _read_csv(path, form):
        row = _parse_row(cells, width)
        if isinstance(row, str):
            bad.add(line, row)
        else:
            yield row


def _read_csv(path: Path, form: CsvFormat | None) -> Iterator[tuple[int, list[str], int]]:
    """(line number, cells, header width) for each non-blank data row; the header checked."""
    try:
        with open_table(path, form) as table:
            width = _check_header(path, list(table.header))
            for line, cells in table.rows():
                yield line, cells, width
    except TableError as exc:
        raise AppError(Problem.SOURCE_FILE_INVALID, str(exc)) from None


def _check_header(path: Path, header: list[str] | None) -> int:
    if header is None:
        raise AppError(Problem.SOURCE_FILE_INVALID, f"{path}: the file is empty (no header)")
    if tuple(header) in HEADERS:
        return len(header)
    expected = "the first line must be 'insz' or 'insz,valid_from,valid_to'"
    if header and _looks_like_number(header[0]):
        reason = f"{expected}; it holds data (the header is missing)"
    else:
        reason = f"{expected}; found {len(header)} column(s) with other names"
    raise AppError(Problem.SOURCE_FILE_INVALID, f"{path}, line 1: {reason}")


def _looks_like_number(cell: str) -> bool:
    return sum(ch.isdigit() for ch in cell) >= 6


def _parse_row(cells: list[str], width: int) -> ListRow | str:
    """(digits, valid_from, valid_to), or the reason the row is bad (never the row's data)."""
    if len(cells) != width:
        return f"{len(cells)} columns, expected {width}"
    try:
        digits = NationalNumber(cells[0]).digits
    except EidError as exc:
        return _number_reason(cells[0], exc)
    if width == 1:
        return digits, None, None
    try:
        valid_from, valid_to = _date(cells[1], "valid_from"), _date(cells[2], "valid_to")
    except ValueError as exc:
        return str(exc)
    if valid_from and valid_to and valid_from > valid_to:
        return "valid_from is after valid_to"
    return digits, valid_from, valid_to


def _number_reason(cell: str, exc: EidError) -> str:
    if len(cell.strip()) == 10 and cell.strip().isdigit():
        return "insz has 10 digits (a leading zero lost in a spreadsheet?)"
    return f"insz is {exc.detail}"  # the detail never holds the digits


def _date(cell: str, column: str) -> str | None:
    """The ISO date text, or None for an open end; ValueError if it is no date (ISO or d/m/y)."""
    try:
        day = parse_date(cell)
    except ValueError as exc:
        raise ValueError(f"{column} is {exc}") from None
    return day.isoformat() if day is not None else None
