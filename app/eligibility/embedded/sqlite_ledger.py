# SPDX-License-Identifier: EUPL-1.2
"""Issued advices and received overrides in the SQLite source store, beside the lists."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from app.eligibility.embedded.lists.database import (
    add_columns,
    durable_transaction,
    write_transaction,
)
from app.eligibility.embedded.store import StoredOverride

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable, Iterable

    from app.eligibility.embedded.store import IssuedAdvice, OverrideRow

# Added with rule versions and grounds (a table made before gets them when opened).
_ADDED_COLUMNS = (("issued_advices", "rule_version"), ("issued_advices", "grounds"))
_SCHEMA = """
CREATE TABLE IF NOT EXISTS issued_advices (
    advice_id TEXT PRIMARY KEY,
    service TEXT NOT NULL,
    outcome_code TEXT NOT NULL,
    pseudonym BLOB NOT NULL,
    decided_at TEXT NOT NULL,
    rule_version TEXT,
    grounds TEXT  -- the fact codes that held, space-separated (codes, never values)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS overrides (
    idempotency_key TEXT PRIMARY KEY,
    body_hash BLOB NOT NULL,
    override_id TEXT NOT NULL UNIQUE,
    advice_id TEXT,
    service TEXT NOT NULL,
    outcome_code TEXT NOT NULL,
    reason_code TEXT NOT NULL,
    reason_text TEXT NOT NULL,
    staff_id TEXT NOT NULL,
    desk TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    pseudonym BLOB NOT NULL,
    recorded_at TEXT NOT NULL
);
"""
_REMEMBER = "INSERT INTO issued_advices VALUES (?, ?, ?, ?, ?, ?, ?)"


def create(conn: sqlite3.Connection) -> None:
    """The two tables, and the columns added since a store was made."""
    conn.executescript(_SCHEMA)
    add_columns(conn, _ADDED_COLUMNS)


def remember(conn: sqlite3.Connection, advice: IssuedAdvice) -> None:
    """One advice, committed on its own (the connection is in autocommit mode)."""
    conn.execute(_REMEMBER, _values(advice))


def remember_many(conn: sqlite3.Connection, advices: Iterable[IssuedAdvice]) -> None:
    """Several advices in one commit (a batch run's: nobody can refer to them before it ends)."""
    with write_transaction(conn):
        conn.executemany(_REMEMBER, map(_values, advices))


def _values(advice: IssuedAdvice) -> tuple[object, ...]:
    advice_id, service, outcome_code, pseudonym, decided_at, rule_version, grounds = advice
    return (
        advice_id,
        service,
        outcome_code,
        pseudonym,
        decided_at.isoformat(),
        rule_version,
        grounds,
    )


def record(
    conn: sqlite3.Connection,
    key: str,
    prepare: Callable[[Callable[[str], tuple[str, bytes] | None]], OverrideRow],
) -> StoredOverride:
    """In one durable write transaction: the stored override, or the prepared one stored."""
    with durable_transaction(conn):
        stored = _stored(conn, key)
        if stored is not None:
            return stored
        row = prepare(lambda advice_id: _owner(conn, advice_id))
        values = row.values()
        conn.execute(
            "INSERT INTO overrides VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*values[:10], row.decided_at.isoformat(), row.pseudonym, row.recorded_at.isoformat()),
        )
    return StoredOverride(row.body_hash, row.override_id, row.advice_id, row.recorded_at)


def _stored(conn: sqlite3.Connection, key: str) -> StoredOverride | None:
    found = conn.execute(
        "SELECT body_hash, override_id, advice_id, recorded_at FROM overrides "
        "WHERE idempotency_key = ?",
        (key,),
    ).fetchone()
    if found is None:
        return None
    return StoredOverride(found[0], found[1], found[2], dt.datetime.fromisoformat(found[3]))


def _owner(conn: sqlite3.Connection, advice_id: str) -> tuple[str, bytes] | None:
    found = conn.execute(
        "SELECT service, pseudonym FROM issued_advices WHERE advice_id = ?", (advice_id,)
    ).fetchone()
    return None if found is None else (found[0], found[1])
