# SPDX-License-Identifier: EUPL-1.2
"""A batch run's input: the ``ref`` and ``insz`` of each row, checked, named by line only.

A row that cannot be asked (empty or repeated ``ref``, a ``ref`` that is itself a national
number, an invalid ``insz``) carries its problem code and goes on to the output as such; a file
without both columns stops the run before anything is written. No text here holds a cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from app.tables.excel_csv import CsvFormat, Table, TableError, open_table
from eid.errors import EidError
from eid.insz import NationalNumber

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path
    from types import TracebackType

REF: Final = "ref"
INSZ: Final = "insz"
REF_EMPTY: Final = "REF_EMPTY"
REF_DUPLICATE: Final = "REF_DUPLICATE"
REF_IS_NATIONAL_NUMBER: Final = "REF_IS_NATIONAL_NUMBER"
INSZ_INVALID: Final = "INVALID_INSZ"
_NUMBER_PUNCTUATION = str.maketrans("", "", " .-/")


class BatchFileError(Exception):
    """The input cannot be used at all; the text names the file and line, never a cell."""


@dataclass(frozen=True, slots=True)
class BatchRow:
    """One input row: its line, its ``ref`` (as written), and the number or why there is none."""

    line: int
    ref: str
    number: NationalNumber | None
    problem: str | None = None
    reason: str = ""


class BatchInput:
    """The input file opened and its header checked; ``rows()`` streams it once."""

    def __init__(self, path: Path, form: CsvFormat | None = None) -> None:
        try:
            self._table: Table = open_table(path, form)
        except TableError as exc:
            raise BatchFileError(str(exc)) from None
        header = self._table.header
        missing = [name for name in (REF, INSZ) if name not in header]
        if missing:
            self._table.close()
            raise BatchFileError(
                f"{path}, line 1: the header must name the columns 'ref' and 'insz' "
                f"(missing: {', '.join(missing)}; found {len(header)} column(s))"
            )
        self._ref = header.index(REF)
        self._insz = header.index(INSZ)
        self.path = path

    def rows(self) -> Iterator[BatchRow]:
        """Every data row in file order (blank rows skipped); BatchFileError if the CSV breaks."""
        seen: set[str] = set()
        try:
            for line, cells in self._table.rows():
                yield self._row(line, cells, seen)
        except TableError as exc:
            raise BatchFileError(str(exc)) from None

    def _row(self, line: int, cells: list[str], seen: set[str]) -> BatchRow:
        ref = _cell(cells, self._ref).strip()
        if not ref:
            return BatchRow(line, "", None, REF_EMPTY, "ref is empty")
        if _is_national_number(ref):
            return BatchRow(line, "", None, REF_IS_NATIONAL_NUMBER, "ref is a national number")
        if ref in seen:
            return BatchRow(line, ref, None, REF_DUPLICATE, "ref was on an earlier line")
        seen.add(ref)
        try:
            number = NationalNumber(_cell(cells, self._insz).strip())
        except EidError as exc:
            return BatchRow(line, ref, None, INSZ_INVALID, f"insz is {exc.detail}")
        return BatchRow(line, ref, number)

    def close(self) -> None:
        self._table.close()

    def __enter__(self) -> BatchInput:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _cell(cells: list[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def _is_national_number(ref: str) -> bool:
    """A ``ref`` that is a valid national number would put one in the output: refused."""
    digits = ref.translate(_NUMBER_PUNCTUATION)
    if len(digits) != 11 or not digits.isdigit():
        return False
    try:
        NationalNumber(digits)
    except EidError:
        return False
    return True
