# SPDX-License-Identifier: EUPL-1.2
"""The source store's SQLite file: schema, columns added later, connections, durable
transactions, and SQLite's failures as SOURCE_UNAVAILABLE (for the store and the engine)."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import TYPE_CHECKING

from app.problems import AppError, Problem

if TYPE_CHECKING:
    import threading
    from collections.abc import Iterable, Iterator
    from pathlib import Path
    from types import TracebackType

SCHEMA = """
CREATE TABLE IF NOT EXISTS source_lists (
    name TEXT PRIMARY KEY,
    list_id INTEGER NOT NULL UNIQUE,
    as_of TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    row_count INTEGER NOT NULL,
    key_check BLOB NOT NULL,
    first_row INTEGER NOT NULL,  -- the list's rows are this rowid range of source_rows
    last_row INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS source_rows (
    list_id INTEGER NOT NULL,
    pseudonym BLOB NOT NULL,
    valid_from TEXT,
    valid_to TEXT
);
"""
# Added with list columns; a store made before gets them when opened (NULL: no columns).
# source_lists.columns: JSON array of the names; source_rows.columns: JSON object of the cells.
ADDED_COLUMNS = (("source_lists", "columns"), ("source_rows", "columns"))
# One seek finds a person on every list, and the index holds the whole row, its columns too,
# so a lookup never reads the table.
PERSON_INDEX = "source_rows_by_person_row"
_OLD_PERSON_INDEX = "source_rows_by_person"  # before the columns were in it


def add_columns(conn: sqlite3.Connection, added: Iterable[tuple[str, str]]) -> None:
    """The (table, column) pairs added since a store was made, added to it (TEXT, NULL)."""
    for table, column in added:
        known = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if column not in known:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")


def add_person_index(conn: sqlite3.Connection) -> None:
    """PERSON_INDEX, made (after ADDED_COLUMNS) where it is missing: a new store, or one made
    with the older index, which it replaces in one transaction (about a second for a million
    rows, once). A store that has it is only read, so opening one never waits for a writer."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (PERSON_INDEX,)
    ).fetchone()
    if found is not None:
        return
    with durable_transaction(conn):
        conn.execute(
            f"CREATE INDEX IF NOT EXISTS {PERSON_INDEX} "
            "ON source_rows (pseudonym, list_id, valid_from, valid_to, columns)"
        )
        conn.execute(f"DROP INDEX IF EXISTS {_OLD_PERSON_INDEX}")


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL")
    # NORMAL: a commit survives a crash of the process, not always a power cut. Writes that
    # must survive one (an import, an override) go through durable_transaction.
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on any error); as durable as a commit here is."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


@contextmanager
def durable_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """A write_transaction on disk when it returns.

    The commit syncs the write-ahead log, so what was committed before it is on disk too.
    """
    conn.execute("PRAGMA synchronous = FULL")
    try:
        with write_transaction(conn):
            yield
    finally:
        conn.execute("PRAGMA synchronous = NORMAL")


class StoreErrors:
    """SQLite failures (locked, disk full, not a database) and OS errors as SOURCE_UNAVAILABLE."""

    __slots__ = ("path",)

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if isinstance(exc, sqlite3.Error):
            reason = f"{type(exc).__name__}: {exc}"
        elif isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
        else:
            return
        raise AppError(Problem.SOURCE_UNAVAILABLE, f"source store {self.path}: {reason}") from None


class LockedConnection:
    """The one connection under the store's lock; a class, not a generator: advise is hot."""

    __slots__ = ("_conn", "_errors", "_lock")

    def __init__(self, conn: sqlite3.Connection, lock: threading.Lock, errors: StoreErrors) -> None:
        self._conn = conn
        self._lock = lock
        self._errors = errors

    def __enter__(self) -> sqlite3.Connection:
        self._lock.acquire()
        return self._conn

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._lock.release()
        self._errors.__exit__(exc_type, exc, traceback)
