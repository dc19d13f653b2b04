# SPDX-License-Identifier: EUPL-1.2
"""``AuditStore.verify``: the chain walked on a read-only connection, then its end and its outbox.

The order: the head file and the keyring's anchor are read first (before the read snapshot:
neither runs ahead of the database), then every record is checked in one snapshot, then the
end against the head file and the anchor, then the outbox against the chained deliveries.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from typing import TYPE_CHECKING

from app.audit.anchor import AnchorUnreadableError
from app.audit.chain import Break, ChainCheck, Start
from app.audit.database import RECORD_COLUMNS, read_connection, read_head, store_errors
from app.audit.deliveries import check_outbox
from app.audit.records import COLUMNS, GENESIS

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from app.audit.anchor import AnchorWitness
    from app.audit.chain import Head, VerifyReport

_WIDTH = len(COLUMNS)


def verify_store(
    path: Path, *, chain_key: bytes, key_check: bytes, witness: AnchorWitness | None
) -> VerifyReport:
    """Check the whole store (see the module text); store errors as AUDIT_* problems."""
    report = _verify_store(path, chain_key=chain_key, key_check=key_check, witness=witness)
    return dataclasses.replace(report, witnessed=witness is not None)


def _verify_store(
    path: Path, *, chain_key: bytes, key_check: bytes, witness: AnchorWitness | None
) -> VerifyReport:
    """Check the whole store (see the module text); store errors as AUDIT_* problems."""
    head = read_head(path)
    try:
        anchor = witness.read() if witness is not None else None
    except AnchorUnreadableError as exc:
        check = ChainCheck(chain_key, Start(1, GENESIS))
        check.mark(None, Break.ANCHOR_UNREADABLE, str(exc))
        return check.report()
    if not path.exists():
        check = ChainCheck(chain_key, Start(1, GENESIS))
        _check_end(check, head, anchor, lambda _seq: None)
        return check.report()
    with store_errors(path):
        conn = read_connection(path)
    try:
        conn.execute("BEGIN")
        return _verify(conn, chain_key, key_check, head, anchor)
    except sqlite3.DatabaseError as exc:
        check = ChainCheck(chain_key, Start(1, GENESIS))
        check.unreadable(describe(exc))
        return check.report()
    finally:
        conn.close()


def _verify(
    conn: sqlite3.Connection,
    chain_key: bytes,
    key_check: bytes,
    head: Head | None,
    anchor: Head | None,
) -> VerifyReport:
    check = ChainCheck(chain_key, Start(1, GENESIS))
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit_meta'").fetchone():
        _check_end(check, head, anchor, lambda _seq: None)  # an empty file: nothing was kept
        return check.report()
    stored = stored_key_check(conn)
    if stored is not None and stored != key_check:
        check.mark(None, Break.KEY_MISMATCH, "written under another installation key")
        return check.report()
    first = conn.execute("SELECT seq, prev_hash FROM audit_records ORDER BY seq LIMIT 1").fetchone()
    start = Start(int(first[0]), bytes(first[1])) if first and first[0] > 1 else None
    check = ChainCheck(chain_key, start or Start(1, GENESIS))
    try:
        rows = conn.execute(
            f"SELECT seq, {RECORD_COLUMNS}, prev_hash, hash FROM audit_records ORDER BY seq"
        )
        for row in rows:
            if not check.feed(row[0], row[1 : 1 + _WIDTH], row[1 + _WIDTH], row[2 + _WIDTH]):
                break
        check.check_start()
        _check_end(check, head, anchor, lambda seq: stored_hash(conn, seq))
        if check.broken is None:
            found = check_outbox(conn, start.seq if start else 1)
            if found is not None:
                check.mark(found.seq, found.broken, found.reason)
    except sqlite3.DatabaseError as exc:
        check.unreadable(describe(exc))
    return check.report()


def _check_end(
    check: ChainCheck, head: Head | None, anchor: Head | None, stored: Callable[[int], bytes | None]
) -> None:
    check.check_head(head, stored)
    check.check_anchor(anchor, stored)


def describe(exc: sqlite3.Error) -> str:
    return f"{getattr(exc, 'sqlite_errorname', type(exc).__name__)}: {exc}"


def stored_key_check(conn: sqlite3.Connection) -> bytes | None:
    row = conn.execute("SELECT value FROM audit_meta WHERE name = 'key_check'").fetchone()
    return bytes(row[0]) if row else None


def stored_hash(conn: sqlite3.Connection, seq: int) -> bytes | None:
    row = conn.execute("SELECT hash FROM audit_records WHERE seq = ?", (seq,)).fetchone()
    return bytes(row[0]) if row else None


def last_seq(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT max(seq) FROM audit_records").fetchone()
    return int(row[0]) if row and row[0] is not None else 0
