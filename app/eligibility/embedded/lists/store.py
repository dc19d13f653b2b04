# SPDX-License-Identifier: EUPL-1.2
"""The SQLite store: imported lists (who is on which list, and when), pseudonymised, and the
engine's issued advices and overrides (app.eligibility.embedded.sqlite_ledger).

A row holds HMAC-SHA256(installation key, national number), never the number, and the list's
other columns (a JSON object of the row's non-empty cells: data about a person, never logged,
never a national number: the file reader refuses those). Each list
records the key it was imported with: a list imported under another key (a keyring that was
reset) counts as not imported, so it can only cause "no advice", never a wrong "no".

Thread safety: one connection, guarded by a lock; calls are short. An import reads and hashes
the file on a connection of its own and takes the write lock only for the final swap.
"""

from __future__ import annotations

import datetime as dt
import functools
import hmac
import json
import logging
import re
import threading
from collections.abc import Mapping
from contextlib import contextmanager
from types import MappingProxyType
from typing import TYPE_CHECKING

from app.eligibility.embedded import sqlite_ledger
from app.eligibility.embedded.lists.database import (
    ADDED_COLUMNS,
    SCHEMA,
    LockedConnection,
    StoreErrors,
    add_columns,
    add_person_index,
    connect,
    durable_transaction,
)
from app.eligibility.embedded.lists.files import HashedRows, StagedRow
from app.eligibility.embedded.lists.rows import Catalogue, ListRow, Lookup, SourceList
from app.private_files import COMPANIONS, ensure_private
from app.problems import AppError, Problem

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable, Collection, Iterator, Mapping
    from contextlib import AbstractContextManager
    from pathlib import Path

    from app.eligibility.embedded.store import IssuedAdvice, OverrideRow, StoredOverride
    from app.tables.excel_csv import CsvFormat
    from eid.insz import NationalNumber

log = logging.getLogger(__name__)

LIST_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


def check_list_name(name: str) -> None:
    """INVALID_REQUEST unless ``name`` can name a list (the same rule for every store)."""
    if not LIST_NAME.match(name):
        raise AppError(
            Problem.INVALID_REQUEST,
            "a list name is lowercase letters, digits and _ (starting with a letter)",
        )


_BATCH = 10_000
_BULK = 1_000  # issued advices per commit in a bulk block
_KEY_CHECK_MESSAGE = b"baliecheck source store: key check"

_NO_COLUMNS: Mapping[str, str] = MappingProxyType({})

# A person's rows on every list: one seek in the index, which holds them side by side and
# whole (the table is not read). Which list_id is which list comes from the catalogue, kept
# in memory with the ``PRAGMA data_version`` read just before it. The rows are read first,
# then data_version: the catalogue's own means no other connection committed since the
# catalogue was read, so both describe the same lists; any other value reads the catalogue,
# then the rows, again.
_PERSON_ROWS = "SELECT list_id, valid_from, valid_to, columns FROM source_rows WHERE pseudonym = ?"
_CATALOGUE = "SELECT list_id, name, as_of FROM source_lists WHERE key_check = ?"


class SourceStore:
    """Imported source lists in one SQLite file (WAL), keyed by pseudonym."""

    def __init__(self, path: Path, *, key: bytes) -> None:
        if len(key) < 16:
            raise ValueError("the pseudonym key must be at least 16 bytes")
        self.path = path
        self._key = key
        self._key_check = hmac.digest(key, _KEY_CHECK_MESSAGE, "sha256")
        self._errors = StoreErrors(path)
        with self._errors:
            path.parent.mkdir(parents=True, exist_ok=True)
            ensure_private(path, companions=COMPANIONS)  # owner-only, and so its -wal/-shm
            self._conn = connect(path)
            self._conn.executescript(SCHEMA)
            add_columns(self._conn, ADDED_COLUMNS)
            add_person_index(self._conn)
            sqlite_ledger.create(self._conn)
        self._lock = threading.Lock()
        self._locked = LockedConnection(self._conn, self._lock, self._errors)
        self._catalogue: Catalogue | None = None
        self._bulk: list[IssuedAdvice] | None = None

    def pseudonym(self, number: NationalNumber) -> bytes:
        """HMAC-SHA256 of the digits under this installation's key."""
        return hmac.digest(self._key, number.digits.encode("ascii"), "sha256")

    def connection(self) -> AbstractContextManager[sqlite3.Connection]:
        """The store's connection, held under its lock (for tables kept beside the lists)."""
        return self._locked

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def remember_advice(self, advice: IssuedAdvice) -> None:
        """Committed when it returns; inside ``in_bulk``, with the next thousand."""
        with self._locked as conn:
            if self._bulk is None:
                sqlite_ledger.remember(conn, advice)
            else:
                self._bulk.append(advice)
                if len(self._bulk) >= _BULK:
                    self._flush(conn)

    @contextmanager
    def in_bulk(self) -> Iterator[None]:
        """Issued advices remembered a thousand per commit until the block ends, for a batch
        run: its advices reach nobody before it ends, so none can be overridden before then.
        An override recorded meanwhile commits the waiting ones first."""
        with self._locked:
            self._bulk = []
        try:
            yield
        finally:
            with self._locked as conn:
                try:
                    self._flush(conn)
                finally:
                    self._bulk = None  # a failed commit leaves the store committing one by one

    def _flush(self, conn: sqlite3.Connection) -> None:
        """The advices waiting in a bulk block, committed (under the store's lock)."""
        if self._bulk:
            sqlite_ledger.remember_many(conn, self._bulk)
            self._bulk.clear()

    def record_override(
        self, key: str, prepare: Callable[[Callable[[str], tuple[str, bytes] | None]], OverrideRow]
    ) -> StoredOverride:
        with self._locked as conn:
            self._flush(conn)
            return sqlite_ledger.record(conn, key, prepare)

    def lists(self) -> tuple[SourceList, ...]:
        """Every imported list, by name; ``key_matches`` False means: import it again."""
        with self.connection() as conn:
            rows = conn.execute(
                "SELECT name, row_count, as_of, imported_at, key_check = ?, columns "
                "FROM source_lists ORDER BY name",
                (self._key_check,),
            ).fetchall()
        return tuple(
            SourceList(
                name=name,
                rows=count,
                as_of=dt.date.fromisoformat(as_of),
                imported_at=dt.datetime.fromisoformat(imported_at),
                key_matches=bool(matches),
                columns=tuple(json.loads(columns)) if columns else (),
            )
            for name, count, as_of, imported_at, matches, columns in rows
        )

    def as_of(self, name: str) -> dt.date | None:
        """The snapshot date of a list; None if it was never imported (under this key)."""
        with self.connection() as conn:
            row = conn.execute(
                "SELECT as_of FROM source_lists WHERE name = ? AND key_check = ?",
                (name, self._key_check),
            ).fetchone()
        return dt.date.fromisoformat(row[0]) if row else None

    def lookup(self, names: Collection[str], pseudonym: bytes, *, on: dt.date) -> Lookup:
        """In one read: which of ``names`` exist (with their dates), the person's rows on them,
        and which hold a row valid on ``on``.

        A list missing from ``as_of`` was never imported: the caller must not read that as "no".
        """
        if not names:
            return Lookup({}, {}, on)
        with self.connection() as conn:
            lists = self._catalogue
            while True:  # until nothing was committed between the catalogue and the rows
                found = conn.execute(_PERSON_ROWS, (pseudonym,)).fetchall()
                version = conn.execute("PRAGMA data_version").fetchone()[0]
                if lists is not None and lists.version == version:
                    break
                lists = self._catalogue_of(conn, version)  # and the rows read again
        as_of = {name: lists.as_of[name] for name in names if name in lists.as_of}
        rows: dict[str, tuple[ListRow, ...]] = dict.fromkeys(as_of, ())
        for list_id, valid_from, valid_to, columns in found:
            name = lists.names.get(list_id)
            if name in rows:
                cells = json.loads(columns) if columns else _NO_COLUMNS
                rows[name] = (*rows[name], ListRow(_day(valid_from), _day(valid_to), cells))
        return Lookup(as_of=as_of, rows=rows, on=on)

    def _catalogue_of(self, conn: sqlite3.Connection, version: int) -> Catalogue:
        """The imported lists (under this key) as of ``data_version``; read again on a change."""
        if self._catalogue is None or self._catalogue.version != version:
            found = conn.execute(_CATALOGUE, (self._key_check,)).fetchall()
            self._catalogue = Catalogue(
                version=version,
                names={list_id: name for list_id, name, _ in found},
                as_of={name: _snapshot(as_of) for _, name, as_of in found},
            )
        return self._catalogue

    def member(self, name: str, pseudonym: bytes, on: dt.date) -> bool:
        """True if the person is on the list on that day; INSUFFICIENT_DATA if never imported."""
        return self.lookup((name,), pseudonym, on=on).member(name)

    def import_csv(
        self,
        name: str,
        path: Path,
        *,
        as_of: dt.date,
        allow_empty: bool = False,
        form: CsvFormat | None = None,
    ) -> SourceList:
        """Replace list ``name`` with the rows of a CSV file, all or nothing.

        Header ``insz``, optionally ``valid_from,valid_to`` (ISO dates, empty = open), then any
        other named columns, kept with each row for the rules to compare. Every row is checked;
        if any is bad, nothing is imported and the error names the bad lines. A list without
        rows is refused unless ``allow_empty``: an empty yearly list by mistake would turn every
        "yes" into "no". The same row twice (same person, same dates, same columns) is kept
        once; ``SourceList.duplicates`` says how many were dropped. ``form``: the file's
        separator and encoding when Excel's detection (app.tables) guesses wrong.
        """
        check_list_name(name)
        with self._errors:
            conn = connect(self.path)
        try:
            with self._errors:
                rows = self._stage(conn, HashedRows(path, self._key, form))
            rows.check(allow_empty=allow_empty)
            with self._errors:
                imported = self._swap(
                    conn, name, as_of=as_of, count=rows.count, columns=rows.columns
                )
        finally:
            conn.close()
        log.info("source list %s imported: %d rows as of %s", name, rows.count, as_of)
        return imported

    @staticmethod
    def _stage(conn: sqlite3.Connection, rows: HashedRows) -> HashedRows:
        """Every good row of the file into a temporary table (``rows.check`` says if any was
        bad: then nothing of it is used)."""
        conn.execute(
            "CREATE TEMP TABLE staged "
            "(pseudonym BLOB NOT NULL, valid_from TEXT, valid_to TEXT, columns TEXT)"
        )
        batch: list[StagedRow] = []
        conn.execute("BEGIN")
        for row in rows:
            batch.append(row)
            if len(batch) >= _BATCH:
                conn.executemany("INSERT INTO temp.staged VALUES (?, ?, ?, ?)", batch)
                batch.clear()
        conn.executemany("INSERT INTO temp.staged VALUES (?, ?, ?, ?)", batch)
        conn.execute("COMMIT")
        return rows

    def _swap(
        self,
        conn: sqlite3.Connection,
        name: str,
        *,
        as_of: dt.date,
        count: int,
        columns: tuple[str, ...],
    ) -> SourceList:
        """In one transaction: the staged rows in, the old rows out, the list's entry updated.

        A list's rows get consecutive rowids (one INSERT under the write lock), so its entry
        keeps that range and the old rows go by range, without an index on list_id.
        """
        imported_at = dt.datetime.now(dt.UTC).replace(microsecond=0)
        with durable_transaction(conn):
            old = conn.execute(
                "SELECT list_id, first_row, last_row FROM source_lists WHERE name = ?", (name,)
            ).fetchone()
            new_id, first_row = conn.execute(
                "SELECT (SELECT COALESCE(MAX(list_id), 0) + 1 FROM source_lists), "
                "(SELECT COALESCE(MAX(rowid), 0) + 1 FROM source_rows)"
            ).fetchone()
            kept = conn.execute(
                "INSERT INTO source_rows (list_id, pseudonym, valid_from, valid_to, columns) "
                "SELECT DISTINCT ?, pseudonym, valid_from, valid_to, columns FROM temp.staged "
                "ORDER BY pseudonym",
                (new_id,),
            ).rowcount
            if old is not None:  # the list_id check keeps other lists safe whatever the range
                conn.execute(
                    "DELETE FROM source_rows WHERE rowid BETWEEN ? AND ? AND list_id = ?",
                    (old[1], old[2], old[0]),
                )
            entry = (name, new_id, as_of.isoformat(), imported_at.isoformat(), kept)
            conn.execute(
                "INSERT OR REPLACE INTO source_lists (name, list_id, as_of, imported_at, "
                "row_count, key_check, first_row, last_row, columns) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*entry, self._key_check, first_row, first_row + kept - 1, json.dumps(columns)),
            )
        return SourceList(
            name=name,
            rows=kept,
            as_of=as_of,
            imported_at=imported_at,
            columns=columns,
            duplicates=count - kept,
        )


@functools.lru_cache(maxsize=256)
def _snapshot(text: str) -> dt.date:
    """A list's snapshot date (a handful of distinct ones: kept parsed)."""
    return dt.date.fromisoformat(text)


@functools.lru_cache(maxsize=4096)
def _day(text: str | None) -> dt.date | None:
    """An ISO date from the store (few distinct ones: kept parsed)."""
    return dt.date.fromisoformat(text) if text else None
