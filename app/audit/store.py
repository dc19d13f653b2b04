# SPDX-License-Identifier: EUPL-1.2
"""AuditStore: the append-only, hash-chained record of what happened at the desk (SQLite).

Thread safety: one connection, opened on first use and guarded by a lock; the outbox sender
and the desk share it. Every write is one ``BEGIN IMMEDIATE`` transaction, durable when it
returns (audit_db says how). A failure (disk full, read-only, damaged) is an AppError with an
AUDIT_* problem and leaves nothing half-written; the next call tries again, so a store that
comes back (space freed, disk remounted) works without a restart.
"""

from __future__ import annotations

import contextlib
import hmac
import sqlite3
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.audit.chain import Break, ChainCheck, Head, Start, VerifyReport
from app.audit.database import (
    RECORD_COLUMNS,
    connect,
    immediate,
    read_connection,
    read_head,
    store_errors,
    write_head,
)
from app.audit.records import GENESIS, derive_key, entry_from_row, link, pseudonym, utc_text
from app.audit.seal import Sealer
from app.problems import AppError, Problem

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterator
    from contextlib import AbstractContextManager
    from pathlib import Path
    from types import TracebackType

    from app.audit.records import AuditEntry
    from eid.insz import NationalNumber

_KEY_CHECK = b"baliecheck audit store: key check"
_BATCH = 1000


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """The outbox entry written with a record: its fixed Idempotency-Key and sealed number."""

    idempotency_key: str
    sealed_number: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class Appended:
    seq: int
    hash: bytes


class AuditStore:
    """Audit records (and the outbox beside them) in one SQLite file, chained under a key."""

    def __init__(self, path: Path, *, key: bytes, max_pages: int | None = None) -> None:
        if len(key) < 16:
            raise ValueError("the installation key must be at least 16 bytes")
        self.path = path
        self.sealer = Sealer(key)
        self._pseudonym_key = key
        self._chain_key = derive_key(key, b"audit chain v1")
        self._key_check = hmac.digest(self._chain_key, _KEY_CHECK, "sha256")
        self._max_pages = max_pages
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._session = _Session(self._lock, self._open, self._drop, path)

    def pseudonym(self, number: NationalNumber) -> bytes:
        return pseudonym(self._pseudonym_key, number)

    def session(self) -> AbstractContextManager[sqlite3.Connection]:
        """The store's connection under its lock, errors as AUDIT_* problems."""
        return self._session

    def append(self, entry: AuditEntry, outbox: OutboxItem | None = None) -> Appended:
        """Add a record (and its outbox entry) in one durable transaction; returns after COMMIT."""
        with self.session() as conn:
            with immediate(conn):
                appended = append_record(conn, self._chain_key, entry)
                if outbox is not None:
                    conn.execute(
                        "INSERT INTO outbox (seq, idempotency_key, sealed_insz) VALUES (?, ?, ?)",
                        (appended.seq, outbox.idempotency_key, outbox.sealed_number),
                    )
            self.note_head(appended)
        return appended

    def append_in(self, conn: sqlite3.Connection, entry: AuditEntry) -> Appended:
        """Add a record inside a transaction the caller holds (a purge's checkpoint)."""
        return append_record(conn, self._chain_key, entry)

    def note_head(self, appended: Appended) -> None:
        """Name the newest record in the head file (after its COMMIT, never before)."""
        write_head(self.path, Head(appended.seq, appended.hash))

    def records(self, since: dt.datetime, until: dt.datetime) -> Iterator[tuple[int, AuditEntry]]:
        """Records with ``since <= at < until``, in sequence order (read in batches)."""
        after = 0
        while True:
            with self.session() as conn:
                rows = conn.execute(
                    f"SELECT seq, {RECORD_COLUMNS} FROM audit_records "
                    "WHERE seq > ? AND at >= ? AND at < ? ORDER BY seq LIMIT ?",
                    (after, utc_text(since), utc_text(until), _BATCH),
                ).fetchall()
            if not rows:
                return
            for row in rows:
                yield int(row[0]), entry_from_row(row[1:])
            after = int(rows[-1][0])

    def verify(self) -> VerifyReport:
        """Check the whole chain on a connection of its own, in one read snapshot."""
        head = read_head(self.path)  # before the snapshot: the head never runs ahead of it
        if not self.path.exists():
            check = ChainCheck(self._chain_key, Start(1, GENESIS))
            check.check_head(head, lambda _seq: None)
            return check.report()
        with store_errors(self.path):
            conn = read_connection(self.path)
        try:
            conn.execute("BEGIN")
            return self._verify(conn, head)
        except sqlite3.DatabaseError as exc:
            return _unreadable(self._chain_key, _describe(exc))
        finally:
            conn.close()

    def close(self) -> None:
        with self._lock:
            self._drop()

    def _drop(self) -> None:
        """Close the connection (the caller holds the lock); the next use opens a new one."""
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(sqlite3.Error):
                conn.close()

    def __enter__(self) -> AuditStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _open(self) -> sqlite3.Connection:
        """The connection, opened on first use; AUDIT_KEY_MISMATCH under another key."""
        if self._conn is None:
            conn = connect(self.path, max_pages=self._max_pages)
            try:
                self._check_key(conn)
            except BaseException:
                conn.close()
                raise
            self._conn = conn
        return self._conn

    def _check_key(self, conn: sqlite3.Connection) -> None:
        """Note this key in a new store; in an existing one it must be the key noted."""
        stored = _stored_key_check(conn)
        if stored is None:
            with immediate(conn):
                conn.execute(
                    "INSERT OR IGNORE INTO audit_meta VALUES ('key_check', ?)", (self._key_check,)
                )
            stored = _stored_key_check(conn)
        if stored != self._key_check:
            raise AppError(
                Problem.AUDIT_KEY_MISMATCH,
                f"audit store {self.path} was written under another installation key",
            )

    def _verify(self, conn: sqlite3.Connection, head: Head | None) -> VerifyReport:
        check = ChainCheck(self._chain_key, Start(1, GENESIS))
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit_meta'").fetchone():
            check.check_head(head, lambda _seq: None)  # an empty file: nothing was kept
            return check.report()
        stored = _stored_key_check(conn)
        if stored is not None and stored != self._key_check:
            check.mark(None, Break.KEY_MISMATCH, "written under another installation key")
            return check.report()
        first = conn.execute(
            "SELECT seq, prev_hash FROM audit_records ORDER BY seq LIMIT 1"
        ).fetchone()
        start = Start(int(first[0]), bytes(first[1])) if first and first[0] > 1 else None
        check = ChainCheck(self._chain_key, start or Start(1, GENESIS))
        try:
            rows = conn.execute(
                f"SELECT seq, {RECORD_COLUMNS}, prev_hash, hash FROM audit_records ORDER BY seq"
            )
            for row in rows:
                if not check.feed(row[0], row[1:15], row[15], row[16]):
                    break
        except sqlite3.DatabaseError as exc:
            check.unreadable(_describe(exc))
        check.check_start()
        check.check_head(head, lambda seq: _stored_hash(conn, seq))
        return check.report()


def append_record(conn: sqlite3.Connection, chain_key: bytes, entry: AuditEntry) -> Appended:
    """Insert the next record after the newest one (the caller holds a write transaction)."""
    last = conn.execute("SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (int(last[0]) + 1, bytes(last[1])) if last else (1, GENESIS)
    values = entry.values()
    own = link(chain_key, prev, seq, values)
    conn.execute(
        f"INSERT INTO audit_records (seq, {RECORD_COLUMNS}, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, *values, prev, own),
    )
    return Appended(seq, own)


def _unreadable(chain_key: bytes, why: str) -> VerifyReport:
    check = ChainCheck(chain_key, Start(1, GENESIS))
    check.unreadable(why)
    return check.report()


def _describe(exc: sqlite3.Error) -> str:
    return f"{getattr(exc, 'sqlite_errorname', type(exc).__name__)}: {exc}"


def _stored_key_check(conn: sqlite3.Connection) -> bytes | None:
    row = conn.execute("SELECT value FROM audit_meta WHERE name = 'key_check'").fetchone()
    return bytes(row[0]) if row else None


def _stored_hash(conn: sqlite3.Connection, seq: int) -> bytes | None:
    row = conn.execute("SELECT hash FROM audit_records WHERE seq = ?", (seq,)).fetchone()
    return bytes(row[0]) if row else None


class _Session:
    """The connection under the lock; a failure inside maps to the store's AppError.

    After an SQLite or OS failure the connection is dropped (a transaction still open is
    rolled back with it), so the next call starts from a fresh one.
    """

    __slots__ = ("_drop", "_lock", "_open", "_path")

    def __init__(
        self,
        lock: threading.Lock,
        opener: Callable[[], sqlite3.Connection],
        drop: Callable[[], None],
        path: Path,
    ) -> None:
        self._lock = lock
        self._open = opener
        self._drop = drop
        self._path = path

    def __enter__(self) -> sqlite3.Connection:
        self._lock.acquire()
        try:
            with store_errors(self._path):
                return self._open()
        except BaseException:
            self._lock.release()
            raise

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if isinstance(exc, sqlite3.Error | OSError):
                self._drop()
                with store_errors(self._path):
                    raise exc
        finally:
            self._lock.release()
