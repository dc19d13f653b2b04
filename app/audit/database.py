# SPDX-License-Identifier: EUPL-1.2
"""The audit store's SQLite file: schema, durable settings, errors as problems, the head file.

Durability: write-ahead log with ``synchronous = FULL``, so every COMMIT has synced the log
before it returns and survives a power cut, not only a crash (``fullfsync`` too, which makes
macOS flush the drive's cache; Linux and Windows ignore it). ``secure_delete`` overwrites
what a purge removes, so purged records do not linger in free pages.

The head file beside the database (``audit.sqlite.head``) names the newest record and its
hash. It is written after each commit, so it can lag behind the database after a crash but
never run ahead of it: a check that finds the database ending before the head knows records
were cut off the end, which the chain alone cannot show (the keyring's anchor, app.audit.anchor,
shows it even when the head file was deleted or replaced too). The head is replaced through a
temporary file (``audit.sqlite.head.<pid>.<thread>.tmp``); one a crash left behind is removed
when the store is next opened, once it is older than a minute (a younger one may belong to
another process writing its head right now). Every file here is owner-only (app.private_files).
"""

from __future__ import annotations

import contextlib
import errno
import glob
import json
import logging
import os
import sqlite3
import threading
import time
from contextlib import contextmanager
from typing import TYPE_CHECKING

from app.audit.chain import Head
from app.audit.records import COLUMNS, EXTENSIONS
from app.private_files import COMPANIONS, ensure_private, write_private
from app.problems import AppError, Problem

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

log = logging.getLogger(__name__)

RECORD_COLUMNS = ", ".join(COLUMNS)
RECORD_PLACEHOLDERS = ", ".join("?" * (len(COLUMNS) + 3))  # seq, the columns, the two hashes

SCHEMA = """
CREATE TABLE IF NOT EXISTS audit_meta (name TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS audit_records (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    desk TEXT NOT NULL,
    staff_id TEXT NOT NULL,
    service TEXT,
    advice_id TEXT,
    advised_outcome TEXT,
    applied_outcome TEXT,
    reason_code TEXT,
    reason_text TEXT,
    channel TEXT,
    pseudonym BLOB,
    detail TEXT,
    prev_hash BLOB NOT NULL,
    hash BLOB NOT NULL,
    mode TEXT  -- extensions (records.EXTENSIONS) follow, as ALTER TABLE adds them to older stores
);
CREATE INDEX IF NOT EXISTS audit_records_by_time ON audit_records (at);
CREATE TRIGGER IF NOT EXISTS audit_records_append_only BEFORE UPDATE ON audit_records
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    sealed_insz BLOB,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    last_attempt_at TEXT,
    last_problem TEXT,
    delivered_at TEXT,
    override_id TEXT
);
CREATE INDEX IF NOT EXISTS outbox_rejected ON outbox (seq) WHERE state = 'rejected';
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (seq) WHERE state = 'pending';
"""

STALE_AFTER_S = 60.0
_READ_ONLY_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})
_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})


def connect(path: Path, *, max_pages: int | None = None) -> sqlite3.Connection:
    """A connection with the store's settings and schema (creating the file if needed).

    ``max_pages`` caps the file (SQLite's ``max_page_count``): past it every write fails as
    on a full disk.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    ensure_private(path, companions=(*COMPANIONS, ".head"))
    remove_stale_temporaries(path)
    conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    try:
        _configure(conn, path, max_pages)
    except BaseException:
        conn.close()
        raise
    return conn


def _configure(conn: sqlite3.Connection, path: Path, max_pages: int | None) -> None:
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise AppError(
            Problem.AUDIT_STORE_UNAVAILABLE,
            f"audit store {path}: the write-ahead log cannot be used (journal mode {mode})",
        )
    for pragma in ("synchronous = FULL", "fullfsync = ON", "checkpoint_fullfsync = ON"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("PRAGMA secure_delete = ON")
    if max_pages is not None:
        conn.execute(f"PRAGMA max_page_count = {int(max_pages)}")
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'outbox_pending'").fetchone():
        _add_extension_columns(conn)
        return  # schema in place: opening writes nothing more (a read-only copy opens)
    conn.executescript(SCHEMA)


def _add_extension_columns(conn: sqlite3.Connection) -> None:
    """A store from before an extension column gets it (its records keep NULL: hashed without)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(audit_records)")}
    for name in EXTENSIONS:
        if name not in columns:
            conn.execute(f"ALTER TABLE audit_records ADD COLUMN {name} TEXT")


def read_connection(path: Path) -> sqlite3.Connection:
    """A read-only connection for checking, that reads a damaged file as far as it goes.

    ``writable_schema`` lets SQLite open a file shorter than its header says (a truncated
    one) instead of refusing it whole; the connection cannot write, so nothing is risked.
    """
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    conn.execute("PRAGMA writable_schema = ON")
    return conn


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT; on any failure (a failed COMMIT too) rolled back."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise


def problem_for(exc: sqlite3.Error | OSError) -> Problem:
    """Disk full, read-only (or no permission), or anything else that makes the store unusable."""
    if isinstance(exc, OSError):
        if exc.errno in _FULL_ERRNOS:
            return Problem.AUDIT_STORE_FULL
        if exc.errno in _READ_ONLY_ERRNOS:
            return Problem.AUDIT_STORE_READ_ONLY
        return Problem.AUDIT_STORE_UNAVAILABLE
    name = str(getattr(exc, "sqlite_errorname", ""))
    if name.startswith("SQLITE_FULL"):
        return Problem.AUDIT_STORE_FULL
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return Problem.AUDIT_STORE_READ_ONLY
    return Problem.AUDIT_STORE_UNAVAILABLE


@contextmanager
def store_errors(path: Path) -> Iterator[None]:
    """SQLite and OS errors as AppError with the store's problem; the detail names the file."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        name = getattr(exc, "sqlite_errorname", None) or type(exc).__name__
        raise AppError(problem_for(exc), f"audit store {path}: {name}: {exc}") from None


def head_path(path: Path) -> Path:
    return path.with_name(path.name + ".head")


def write_head(path: Path, head: Head) -> None:
    """Replace the head file (atomically); a failure is logged, never raised: the commit stands."""
    target = head_path(path)
    temporary = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        write_private(temporary, json.dumps({"seq": head.seq, "hash": head.hash.hex()}).encode())
        os.replace(temporary, target)
    except OSError as exc:
        log.warning("audit head %s not updated: %s", target, exc.strerror or exc)
        with contextlib.suppress(OSError):
            temporary.unlink()


def read_head(path: Path) -> Head | None:
    """The head file's record, or None when there is none (or it cannot be read)."""
    try:
        fields = json.loads(head_path(path).read_text("ascii"))
        return Head(int(fields["seq"]), bytes.fromhex(str(fields["hash"])))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("audit head %s cannot be read: %s", head_path(path), type(exc).__name__)
        return None


def remove_stale_temporaries(path: Path, *, older_than_s: float = STALE_AFTER_S) -> int:
    """Remove head temporaries a crash left behind (older than ``older_than_s``); how many."""
    removed = 0
    limit = time.time() - older_than_s
    for leftover in path.parent.glob(f"{glob.escape(head_path(path).name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < limit:
                leftover.unlink()
                removed += 1
    return removed
