# SPDX-License-Identifier: EUPL-1.2
"""Opening a CSV file as Excel writes it: separator, encoding, BOM, empty header cells, dates.

Belgian Excel saves "CSV" with semicolons, in Windows-1252 unless "CSV UTF-8" is chosen (then
with a BOM), and pads the header with empty cells (``insz;;;``). The separator is taken from
the header line (the most frequent of ``,`` ``;`` and tab), the encoding from a BOM, else
UTF-8 if the whole file decodes as such, else Windows-1252. Errors name the file and the
line, never a cell: a cell may hold a national number.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, Final, TextIO

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path
    from types import TracebackType

DELIMITERS: Final = (",", ";", "\t")
ENCODINGS: Final = ("utf-8", "cp1252", "utf-16", "latin-1")
_CHUNK = 1 << 20
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$")


class TableError(Exception):
    """The file cannot be read as a table; the text names the file and line, never a cell."""


@dataclass(frozen=True, slots=True)
class CsvFormat:
    """What the caller knows about the file; None: detect it."""

    delimiter: str | None = None
    encoding: str | None = None

    def __post_init__(self) -> None:
        if self.delimiter is not None and self.delimiter not in DELIMITERS:
            raise TableError("the separator must be ',', ';' or a tab")
        if self.encoding is not None:
            try:
                codecs.lookup(self.encoding)
            except LookupError:
                raise TableError(f"unknown encoding '{self.encoding[:32]}'") from None


def delimiter_arg(text: str) -> str:
    """``--delimiter``: ``,`` ``;`` or ``tab`` (also a real tab)."""
    value = "\t" if text.lower() in {"tab", "\\t", "\t"} else text
    if value not in DELIMITERS:
        raise ValueError("the separator is ',', ';' or 'tab'")
    return value


class Table:
    """An open CSV file: its header (names lower-cased, trailing empty cells dropped) and rows."""

    def __init__(self, path: Path, form: CsvFormat | None = None) -> None:
        form = form or CsvFormat()
        self.path = path
        self.encoding = _encoding(path, form.encoding)
        self._stream: TextIO = _open(path, self.encoding)
        try:
            first = self._readline()
            self.delimiter = form.delimiter or sniff_delimiter(first)
            self.header = self._header(first)
        except BaseException:
            self._stream.close()
            raise
        self._line = 1

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line number, cells) of each data row; blank rows skipped, padding cells dropped.

        A row keeps as many cells as it has up to the header's width; empty cells beyond it
        (Excel's padding) are dropped, so a row longer than the header still shows as such.
        """
        width = len(self.header)
        reader = csv.reader(self._stream, delimiter=self.delimiter, strict=True)
        try:
            for cells in reader:
                line = self._line + reader.line_num
                while len(cells) > width and not cells[-1].strip():
                    cells.pop()
                if any(cell.strip() for cell in cells):
                    yield line, cells
        except csv.Error as exc:
            line = self._line + reader.line_num
            raise TableError(f"{self.path}, line {line}: not valid CSV ({exc})") from None
        except UnicodeDecodeError:
            line = self._line + reader.line_num + 1
            raise TableError(_undecodable(self.path, line)) from None

    def close(self) -> None:
        self._stream.close()

    def __enter__(self) -> Table:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _readline(self) -> str:
        try:
            return self._stream.readline()
        except UnicodeDecodeError:
            raise TableError(_undecodable(self.path, 1)) from None

    def _header(self, first: str) -> tuple[str, ...]:
        if not first.strip():
            raise TableError(f"{self.path}: the file is empty (no header)")
        try:
            cells = next(csv.reader([first], delimiter=self.delimiter, strict=True))
        except csv.Error as exc:
            raise TableError(f"{self.path}, line 1: not valid CSV ({exc})") from None
        names = [cell.strip().lstrip("\ufeff").strip().lower() for cell in cells]
        while names and not names[-1]:
            names.pop()
        return tuple(names)


def open_table(path: Path, form: CsvFormat | None = None) -> Table:
    """The file opened as a table; TableError if it cannot be read or has no header."""
    return Table(path, form)


def sniff_delimiter(header_line: str) -> str:
    """The most frequent of ``,`` ``;`` and tab in the header line; ``,`` if none occurs."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def parse_date(text: str) -> dt.date | None:
    """``YYYY-MM-DD`` or ``DD/MM/YYYY`` (also ``D/M/YYYY``, ``-`` or ``.``); None when empty.

    ValueError (without the text) when it is neither, or no real day.
    """
    text = text.strip()
    if not text:
        return None
    iso = _ISO.match(text)
    if iso:
        year, month, day = iso.group(1, 2, 3)
    else:
        day_first = _DAY_FIRST.match(text)
        if day_first is None:
            raise ValueError("not a date (YYYY-MM-DD or DD/MM/YYYY)")
        day, month, year = day_first.group(1, 3, 4)
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError("not a real day (YYYY-MM-DD or DD/MM/YYYY)") from None


def _encoding(path: Path, given: str | None) -> str:
    """A BOM decides; else the given encoding; else UTF-8 if all of it decodes, else cp1252."""
    try:
        with path.open("rb") as stream:
            head = stream.read(4)
            if head.startswith(codecs.BOM_UTF8):
                return "utf-8-sig"
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                return "utf-16"
            if given is not None:
                return given
            bad_line: int | None = None
            for encoding in ("utf-8", "cp1252"):
                stream.seek(0)
                bad_line = _first_bad_line(stream, encoding)
                if bad_line is None:
                    return encoding
    except OSError as exc:
        raise TableError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    raise TableError(_undecodable(path, bad_line or 1))


def _first_bad_line(stream: BinaryIO, encoding: str) -> int | None:
    """The line of the first byte ``encoding`` cannot decode; None if all of it decodes."""
    decoder = codecs.getincrementaldecoder(encoding)()
    lines_before = 0
    while chunk := stream.read(_CHUNK):
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            return lines_before + chunk.count(b"\n", 0, max(exc.start, 0)) + 1
        lines_before += chunk.count(b"\n")
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return lines_before + 1
    return None


def _undecodable(path: Path, line: int) -> str:
    return (
        f"{path}, line {line}: the text is neither UTF-8 nor Windows-1252 "
        "(save it from Excel as 'CSV UTF-8', or name the encoding)"
    )


def _open(path: Path, encoding: str) -> TextIO:
    try:
        return path.open(encoding=encoding, newline="")
    except OSError as exc:
        raise TableError(f"{path}: cannot be read ({exc.strerror or exc})") from None
