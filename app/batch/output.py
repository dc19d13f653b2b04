# SPDX-License-Identifier: EUPL-1.2
"""The output file: written beside its final place and renamed at the end, or not there at all.

Rows are written as they are decided (UTF-8, ``,``), to a hidden temporary file in the output's
own folder; ``publish`` syncs it and renames it over the output in one step, so an interrupted
run (Ctrl+C, SIGTERM, a crash) leaves the previous output, or none, never half of one.
With a previous run's output, only the rows whose outcome changed are written.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import os
import tempfile
from typing import TYPE_CHECKING

from app.batch.results import CHANGE_COLUMN, COLUMNS, NOT_DECIDED
from app.batch.rows import REF, BatchFileError
from app.tables.excel_csv import CsvFormat, TableError, open_table

if TYPE_CHECKING:
    from pathlib import Path
    from types import TracebackType

    from app.batch.results import RowResult

_CHUNK = 1 << 20
_OUTCOME = "outcome"


class OutputFile:
    """A temporary file that becomes ``path`` on ``publish()``; removed if never published."""

    def __init__(self, path: Path, previous: dict[str, str] | None = None) -> None:
        self.path = path
        self._previous = previous
        try:
            handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        except OSError as exc:
            raise BatchFileError(f"{path}: cannot be written ({exc.strerror or exc})") from None
        self._temp = path.parent / os.path.basename(name)
        self._stream = os.fdopen(handle, "w", encoding="utf-8", newline="")
        self._writer = csv.writer(self._stream, lineterminator="\n")
        header = [*COLUMNS, CHANGE_COLUMN] if previous is not None else list(COLUMNS)
        self._writer.writerow(header)
        self.written = 0

    def write(self, result: RowResult) -> None:
        """The row, or with a previous run only if its outcome changed (problems always)."""
        cells = result.cells()
        if self._previous is not None:
            before = self._previous.get(result.ref)
            if before == (result.outcome or "") and result.problem is None:
                return
            cells.append(before or "")
        self._writer.writerow(cells)
        self.written += 1

    def finish(self) -> str:
        """Flush and sync the temporary file; its SHA-256 (hex), as it will be published."""
        self._stream.flush()
        os.fsync(self._stream.fileno())
        self._stream.close()
        return file_sha256(self._temp)

    def publish(self) -> None:
        """Rename over the output (atomic on one file system) and sync the folder."""
        os.replace(self._temp, self.path)
        with contextlib.suppress(OSError):  # Windows cannot open a folder; its rename is durable
            folder = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)

    def discard(self) -> None:
        self._stream.close()
        with contextlib.suppress(FileNotFoundError):
            self._temp.unlink()

    def __enter__(self) -> OutputFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._temp.exists():
            self.discard()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def read_previous(path: Path, form: CsvFormat | None = None) -> dict[str, str]:
    """``ref`` → outcome of a previous run's output (empty: no outcome then); held in memory."""
    try:
        with open_table(path, form) as table:
            if REF not in table.header or _OUTCOME not in table.header:
                raise BatchFileError(
                    f"{path}, line 1: not an output of baliecheck batch (no 'ref' and 'outcome')"
                )
            ref, outcome = table.header.index(REF), table.header.index(_OUTCOME)
            previous: dict[str, str] = {}
            for _line, cells in table.rows():
                if ref < len(cells) and cells[ref]:
                    code = cells[outcome] if outcome < len(cells) else ""
                    previous[cells[ref]] = "" if code == NOT_DECIDED else code
            return previous
    except TableError as exc:
        raise BatchFileError(str(exc)) from None
