# SPDX-License-Identifier: EUPL-1.2
"""Reading a source list file (CSV): the header, every row checked, bad rows named by line.

The header is ``insz``, optionally ``valid_from,valid_to``, then any extra named columns (e.g.
``categorie``, ``bedrag``, ``geboortedatum``) whose values a rule may compare. Reasons name the
line and the column, never a cell's content (it may be a national number or data about a
person); a cell that holds a national number outside ``insz`` is refused, so none is stored.
"""

from __future__ import annotations

import hmac
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from app.problems import AppError, Problem
from app.tables.excel_csv import CsvFormat, TableError, open_table, parse_date
from eid.errors import EidError
from eid.insz import NationalNumber, is_valid_national_number

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

MAX_REPORTED = 20
MAX_CELL = 200
COLUMN_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_WINDOW = ("valid_from", "valid_to")
_EXPECTED: Final = (
    "the first line must be 'insz', optionally 'valid_from,valid_to', then other columns "
    "named in lowercase letters, digits and _"
)

FileRow = tuple[str, str | None, str | None, str | None]
"""The 11 digits, valid_from and valid_to (ISO text; None = open), the other columns as a JSON
object of the non-empty cells (None when the list has no other columns)."""


@dataclass(frozen=True, slots=True)
class Header:
    """How wide a row is, where the validity window is, and the other columns by position."""

    width: int
    window: tuple[int, int] | None
    columns: tuple[tuple[int, str], ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for _, name in self.columns)


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


def read_list_file(
    path: Path,
    bad: BadRows,
    *,
    form: CsvFormat | None = None,
    on_header: Callable[[Header], None] | None = None,
) -> Iterator[FileRow]:
    """Every good row of the file, streamed; bad rows are counted in ``bad`` instead.

    SOURCE_FILE_INVALID when the file cannot be read at all (missing, not text, not CSV, no
    or a wrong header). The separator and encoding are Excel's as ``app.tables`` detects them,
    unless ``form`` names them.
    """
    for line, cells, header in _read_csv(path, form, on_header):
        row = _parse_row(cells, header)
        if isinstance(row, str):
            bad.add(line, row)
        else:
            yield row


StagedRow = tuple[bytes, str | None, str | None, str | None]
"""A row as both stores stage it: the keyed pseudonym in place of the digits."""


class HashedRows:
    """A list file's good rows as the stores stage them, the digits replaced by
    HMAC-SHA256(``key``, digits). Once a bad row is found no row is given any more (nothing
    will be imported), but the file is read to its end to name the other bad lines. After
    iterating: ``count`` (every data row), ``columns`` (the other columns' names), and
    ``check`` refuses the file."""

    def __init__(self, path: Path, key: bytes, form: CsvFormat | None = None) -> None:
        self.path = path
        self._key = key
        self._form = form
        self._bad = BadRows()
        self._headers: list[Header] = []
        self.count = 0

    def __iter__(self) -> Iterator[StagedRow]:
        key, bad = self._key, self._bad
        rows = read_list_file(self.path, bad, form=self._form, on_header=self._headers.append)
        for digits, valid_from, valid_to, cells in rows:
            self.count += 1
            if bad.count:
                continue  # nothing will be imported: only look for more bad rows
            yield hmac.digest(key, digits.encode("ascii"), "sha256"), valid_from, valid_to, cells

    @property
    def columns(self) -> tuple[str, ...]:
        return self._headers[0].names if self._headers else ()

    def check(self, *, allow_empty: bool) -> None:
        """SOURCE_FILE_INVALID naming the bad lines; or for a file without rows, unless
        ``allow_empty`` (an empty yearly list by mistake would turn every "yes" into "no")."""
        if self._bad.count:
            raise AppError(
                Problem.SOURCE_FILE_INVALID,
                f"{self.path}: {self._bad.count} bad rows, nothing imported: {self._bad.text()}",
            )
        if self.count == 0 and not allow_empty:
            raise AppError(
                Problem.SOURCE_FILE_INVALID,
                f"{self.path}: the file has no rows; an empty list is imported only when "
                "explicitly allowed (--allow-empty)",
            )


def _read_csv(
    path: Path, form: CsvFormat | None, on_header: Callable[[Header], None] | None
) -> Iterator[tuple[int, list[str], Header]]:
    """(line number, cells, header) for each non-blank data row; the header checked."""
    try:
        with open_table(path, form) as table:
            header = _check_header(path, list(table.header))
            if on_header is not None:
                on_header(header)
            for line, cells in table.rows():
                yield line, cells, header
    except TableError as exc:
        raise AppError(Problem.SOURCE_FILE_INVALID, str(exc)) from None


def _check_header(path: Path, header: list[str] | None) -> Header:
    if header is None:
        raise AppError(Problem.SOURCE_FILE_INVALID, f"{path}: the file is empty (no header)")
    names = [cell.strip() for cell in header]
    wrong = _header_problem(names)
    if wrong is None:
        window = None
        if "valid_to" in names:
            window = (names.index("valid_from"), names.index("valid_to"))
        columns = tuple((i, n) for i, n in enumerate(names) if i and n not in _WINDOW)
        return Header(width=len(names), window=window, columns=columns)
    if header and _looks_like_number(header[0]):
        reason = f"{_EXPECTED}; it holds data (the header is missing)"
    else:
        reason = f"{_EXPECTED}; {wrong}"
    raise AppError(Problem.SOURCE_FILE_INVALID, f"{path}, line 1: {reason}")


def _header_problem(names: list[str]) -> str | None:
    """What is wrong with the header's names, or None."""
    if not names or names[0] != "insz":
        return f"found {len(names)} column(s), the first not named insz"
    if ("valid_from" in names) != ("valid_to" in names):
        return "valid_from and valid_to go together"
    others = names[1:]
    bad = [i + 2 for i, name in enumerate(others) if not COLUMN_NAME.match(name)]
    if bad:
        return f"column {bad[0]} has no name or a name with other characters"
    if len(set(names)) != len(names):
        return "a column name appears twice"
    return None


def _looks_like_number(cell: str) -> bool:
    return sum(ch.isdigit() for ch in cell) >= 6


def _parse_row(cells: list[str], header: Header) -> FileRow | str:
    """(digits, valid_from, valid_to, columns), or why the row is bad (never the row's data)."""
    if len(cells) != header.width:
        return f"{len(cells)} columns, expected {header.width}"
    try:
        digits = NationalNumber(cells[0]).digits
    except EidError as exc:
        return _number_reason(cells[0], exc)
    valid_from = valid_to = None
    if header.window is not None:
        start, end = header.window
        try:
            valid_from, valid_to = _date(cells[start], "valid_from"), _date(cells[end], "valid_to")
        except ValueError as exc:
            return str(exc)
        if valid_from and valid_to and valid_from > valid_to:
            return "valid_from is after valid_to"
    if not header.columns:
        return digits, valid_from, valid_to, None
    values = {name: cells[i].strip() for i, name in header.columns if cells[i].strip()}
    wrong = next(filter(None, (_cell_problem(name, value) for name, value in values.items())), None)
    return wrong or (digits, valid_from, valid_to, json.dumps(values, ensure_ascii=False))


def _cell_problem(name: str, value: str) -> str | None:
    """Why a cell of another column cannot be kept (never its content), or None."""
    if len(value) > MAX_CELL:
        return f"column {name} is longer than {MAX_CELL} characters"
    if _holds_a_number(value):
        return f"column {name} holds a national number (only the column insz may)"
    return None


def _holds_a_number(value: str) -> bool:
    digits = "".join(ch for ch in value if ch.isdigit())
    return len(digits) == 11 and is_valid_national_number(digits)


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
