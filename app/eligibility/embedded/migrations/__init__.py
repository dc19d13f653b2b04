# SPDX-License-Identifier: EUPL-1.2
"""The PostgreSQL schema's versioned migrations (``postgres/NNNN_*.sql``), applied at start.

Every program that opens the database (serve, sources, check) applies the missing ones in one
transaction under an advisory lock, so two instances starting together migrate once. A
database migrated by a newer program is refused: this one would not know its tables.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import TYPE_CHECKING

from app.problems import AppError, Problem

if TYPE_CHECKING:
    from app.eligibility.embedded.pg_db import Connection

# pg_advisory_xact_lock's key (a bigint): "balieck" and the lock's number, 1.
MIGRATION_LOCK = int.from_bytes(b"balieck\x01", "big")
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
_VERSIONS = """
CREATE TABLE IF NOT EXISTS schema_version (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
)
"""


def scripts() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every shipped migration, in order."""
    found = []
    for entry in resources.files(__name__).joinpath("postgres").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match[1]), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(conn: Connection) -> int:
    """The schema brought to this program's version; the version it was at before."""
    known = scripts()
    newest = known[-1][0]
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        conn.execute(_VERSIONS)
        row = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()
        current = int(row[0]) if row else 0
        if current > newest:
            raise AppError(
                Problem.CONFIG_INVALID,
                f"embedded.database_url: the database's schema is version {current}, newer "
                f"than this program's ({newest}): update baliecheck on this machine",
            )
        for version, name, sql in known:
            if version > current:
                conn.execute(sql.encode("utf-8"))
                conn.execute(
                    "INSERT INTO schema_version (version, name) VALUES (%s, %s)", (version, name)
                )
    return current
