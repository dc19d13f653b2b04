# SPDX-License-Identifier: EUPL-1.2
"""AuditStore: the append-only, hash-chained record of what happened at the desk (SQLite).

Thread safety: one connection, opened on first use and guarded by a lock; the outbox sender
and the desk share it. Every write is one ``BEGIN IMMEDIATE`` transaction, durable when it
returns (audit_db says how). A failure (disk full, read-only, damaged) is an AppError with an
AUDIT_* problem and leaves nothing half-written; the next call tries again, so a store that
comes back (space freed, disk remounted) works without a restart.

After each COMMIT the newest record is named in the head file and, when the store has a
witness (the keyring, app.audit.anchor), anchored there too; ``verify`` compares against both.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hmac
import sqlite3
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.audit.anchor import AnchorKeeper, AnchorUnreadableError, tail_break
from app.audit.chain import Head
from app.audit.database import (
    RECORD_COLUMNS,
    RECORD_PLACEHOLDERS,
    connect,
    immediate,
    store_errors,
    write_head,
)
from app.audit.records import (
    GENESIS,
    AuditEntry,
    RecordKind,
    derive_key,
    entry_from_row,
    link,
    pseudonym,
    utc_text,
)
from app.audit.seal import Sealer
from app.audit.verification import last_seq, stored_hash, stored_key_check, verify_store
from app.problems import AppError, Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from contextlib import AbstractContextManager
    from pathlib import Path
    from types import TracebackType

    from app.audit.anchor import AnchorWitness
    from app.audit.chain import VerifyReport
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
    """Audit records (and the outbox beside them) in one SQLite file, chained under a key.

    ``witness``: where the chain's head is anchored outside the data folder (the keyring);
    None for the training store, whose records are about sample people only.
    """

    def __init__(
        self,
        path: Path,
        *,
        key: bytes,
        max_pages: int | None = None,
        witness: AnchorWitness | None = None,
    ) -> None:
        if len(key) < 16:
            raise ValueError("the installation key must be at least 16 bytes")
        self.path = path
        self.sealer = Sealer(key)
        self._pseudonym_key = key
        self._chain_key = derive_key(key, b"audit chain v1")
        self._key_check = hmac.digest(self._chain_key, _KEY_CHECK, "sha256")
        self._max_pages = max_pages
        self._anchor = AnchorKeeper(witness)
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
                appended = self.append_in(conn, entry)
                if outbox is not None:
                    conn.execute(
                        "INSERT INTO outbox (seq, idempotency_key, sealed_insz) VALUES (?, ?, ?)",
                        (appended.seq, outbox.idempotency_key, outbox.sealed_number),
                    )
            self.note_head(appended)
        return appended

    def append_in(self, conn: sqlite3.Connection, entry: AuditEntry) -> Appended:
        """Add a record inside a transaction the caller holds (a checkpoint, a delivery)."""
        self._anchor.check(last_seq(conn), lambda seq: stored_hash(conn, seq))
        return append_record(conn, self._chain_key, entry)

    def note_head(self, appended: Appended) -> None:
        """Name the newest record in the head file and the anchor (after its COMMIT, never before).

        The keyring call can block: it runs on the writer's thread (``bc-store``, the outbox's).
        """
        head = Head(appended.seq, appended.hash)
        write_head(self.path, head)
        self._anchor.note(head)

    def try_append(self) -> int:
        """Append a test record and roll it back (selftest): the number it would have had.

        Proves the file is writable under this key (lock, page writes, the chain's next link)
        while leaving nothing behind: the transaction is rolled back, the head and the anchor
        are not touched.
        """
        probe = AuditEntry(
            kind=RecordKind.PROBLEM,
            at=dt.datetime.now(dt.UTC),
            desk="selftest",
            staff_id="selftest",
            detail="selftest: rolled back",
        )
        with self.session() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                seq = append_record(conn, self._chain_key, probe).seq
                if stored_hash(conn, seq) is None:
                    raise sqlite3.DatabaseError("the test record cannot be read back")
            finally:
                conn.execute("ROLLBACK")
        return seq

    def anchor_state(self) -> tuple[Head | None, str | None]:
        """The keyring's anchor and why the store does not extend it (None: it does, or none).

        A quick check of the end only (``verify`` walks the whole chain); reads the keyring.
        """
        witness = self._anchor.witness
        if witness is None:
            return None, None
        try:
            anchor = witness.read()
        except AnchorUnreadableError:
            return None, "unreadable"
        if anchor is None:
            return None, None
        with self.session() as conn:
            return anchor, tail_break(anchor, last_seq(conn), lambda s: stored_hash(conn, s))

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
        """Check the whole chain, its end and its outbox, in one read snapshot of its own."""
        return verify_store(
            self.path,
            chain_key=self._chain_key,
            key_check=self._key_check,
            witness=self._anchor.witness,
        )

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
        stored = stored_key_check(conn)
        if stored is None:
            with immediate(conn):
                conn.execute(
                    "INSERT OR IGNORE INTO audit_meta VALUES ('key_check', ?)", (self._key_check,)
                )
            stored = stored_key_check(conn)
        if stored != self._key_check:
            raise AppError(
                Problem.AUDIT_KEY_MISMATCH,
                f"audit store {self.path} was written under another installation key",
            )


def append_record(conn: sqlite3.Connection, chain_key: bytes, entry: AuditEntry) -> Appended:
    """Insert the next record after the newest one (the caller holds a write transaction)."""
    last = conn.execute("SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (int(last[0]) + 1, bytes(last[1])) if last else (1, GENESIS)
    values = entry.values()
    own = link(chain_key, prev, seq, values)
    conn.execute(
        f"INSERT INTO audit_records (seq, {RECORD_COLUMNS}, prev_hash, hash) "
        f"VALUES ({RECORD_PLACEHOLDERS})",
        (seq, *values, prev, own),
    )
    return Appended(seq, own)


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
