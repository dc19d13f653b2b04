# SPDX-License-Identifier: EUPL-1.2
"""The PostgreSQL store: the SQLite store's lists, advices and overrides, shared by several
serve instances (``[embedded] database_url``).

Lists are versioned: an import streams the checked, pseudonymised rows into a temporary table
with COPY, then in the same transaction adds them as a new version, points the list at it and
deletes the old version's rows. Readers (one statement per lookup, so one snapshot) see the
old list or the new, whole, and are never blocked by an import. An override is stored with
``INSERT ... ON CONFLICT DO NOTHING``: two instances given the same Idempotency-Key store it
once, and the second answers with the first's receipt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hmac
import json
import logging
from typing import TYPE_CHECKING

from app.eligibility.embedded.lists.files import HashedRows
from app.eligibility.embedded.lists.rows import ListRow, Lookup, SourceList
from app.eligibility.embedded.lists.store import check_list_name
from app.eligibility.embedded.migrations import migrate
from app.eligibility.embedded.pg_db import DURABLE, KEY, Pool
from app.eligibility.embedded.store import StoredOverride
from app.problems import AppError, Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Mapping
    from contextlib import AbstractContextManager
    from pathlib import Path

    from app.eligibility.embedded.pg_db import Connection
    from app.eligibility.embedded.store import IssuedAdvice, OverrideRow
    from app.tables.excel_csv import CsvFormat
    from eid.insz import NationalNumber

log = logging.getLogger(__name__)

_KEY_CHECK_MESSAGE = b"baliecheck source store: key check"
_NO_COLUMNS: Mapping[str, str] = {}
# One statement, so one snapshot: each asked list (imported under this key) with the person's
# rows on its current version (a row of NULLs, found = false, when none).
_LOOKUP = (
    "SELECT l.name, l.as_of, r.version_id IS NOT NULL, r.valid_from, r.valid_to, r.columns "
    "FROM source_lists l LEFT JOIN source_rows r "
    "ON r.version_id = l.version_id AND r.pseudonym = %s "
    "WHERE l.key_check = %s AND l.name = ANY(%s)"
)
_STORED = (
    "SELECT body_hash, override_id, advice_id, recorded_at FROM overrides "
    "WHERE idempotency_key = %s"
)
_OVERRIDE = (
    "INSERT INTO overrides VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
    "ON CONFLICT (idempotency_key) DO NOTHING RETURNING override_id"
)


class PostgresStore:
    """Imported lists, issued advices and overrides in a PostgreSQL database."""

    def __init__(self, url: str, *, key: bytes, password: str | None = None) -> None:
        if len(key) < 16:
            raise ValueError("the pseudonym key must be at least 16 bytes")
        self.url = url
        self._key = key
        self._key_check = hmac.digest(key, _KEY_CHECK_MESSAGE, "sha256")
        self._pool = Pool(url, password)
        try:
            with self._pool as conn:
                migrate(conn)
                self._check_key(conn)
        except BaseException:
            self._pool.close()
            raise

    def _check_key(self, conn: Connection) -> None:
        """The database's installation key recorded (the first instance's), or ours refused
        when it is another: its pseudonyms would find no one on the lists."""
        conn.execute(
            "INSERT INTO installation (key_check) VALUES (%s) ON CONFLICT DO NOTHING",
            (self._key_check,),
        )
        row = conn.execute("SELECT key_check FROM installation").fetchone()
        if row is None or bytes(row[0]) != self._key_check:
            raise AppError(
                Problem.CONFIG_INVALID,
                f"{KEY}: this machine's installation key is not the one the database's lists "
                "are made with: copy it from an instance that has it ('baliecheck credentials "
                "export FILE' there, 'baliecheck credentials import FILE --replace' here)",
            )

    @staticmethod
    def has_key(url: str, password: str | None = None) -> bool:
        """Whether an instance recorded its installation key in the database already (then
        this machine needs that key, not a new one)."""
        pool = Pool(url, password, size=1)
        try:
            with pool as conn:
                migrate(conn)
                row = conn.execute("SELECT EXISTS (SELECT 1 FROM installation)").fetchone()
        finally:
            pool.close()
        return bool(row and row[0])

    def pseudonym(self, number: NationalNumber) -> bytes:
        """HMAC-SHA256 of the digits under this installation's key."""
        return hmac.digest(self._key, number.digits.encode("ascii"), "sha256")

    def close(self) -> None:
        self._pool.close()

    def lists(self) -> tuple[SourceList, ...]:
        """Every imported list, by name; ``key_matches`` False means: import it again."""
        with self._pool as conn:
            rows = conn.execute(
                "SELECT name, row_count, as_of, imported_at, key_check = %s, columns "
                "FROM source_lists ORDER BY name",
                (self._key_check,),
            ).fetchall()
        return tuple(
            SourceList(
                name=str(name),
                rows=int(count),
                as_of=as_of,
                imported_at=imported_at,
                key_matches=bool(matches),
                columns=tuple(json.loads(str(columns))),
            )
            for name, count, as_of, imported_at, matches, columns in rows
        )

    def as_of(self, name: str) -> dt.date | None:
        """The snapshot date of a list; None if it was never imported (under this key)."""
        with self._pool as conn:
            row = conn.execute(
                "SELECT as_of FROM source_lists WHERE name = %s AND key_check = %s",
                (name, self._key_check),
            ).fetchone()
        return row[0] if row else None

    def lookup(self, names: Collection[str], pseudonym: bytes, *, on: dt.date) -> Lookup:
        """As SourceStore.lookup: the lists found with their dates, the person's rows on them."""
        if not names:
            return Lookup({}, {}, on)
        with self._pool as conn:
            found = conn.execute(_LOOKUP, (pseudonym, self._key_check, list(names))).fetchall()
        as_of: dict[str, dt.date] = {}
        rows: dict[str, tuple[ListRow, ...]] = {}
        for name, snapshot, has_row, valid_from, valid_to, columns in found:
            as_of[name] = snapshot
            held = rows.setdefault(name, ())
            if has_row:
                cells = json.loads(columns) if columns else _NO_COLUMNS
                row = ListRow(valid_from, valid_to, cells)
                rows[name] = (*held, row)
        return Lookup(as_of=as_of, rows=rows, on=on)

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
        """As SourceStore.import_csv: the list replaced by the file's rows, all or nothing."""
        check_list_name(name)
        imported_at = dt.datetime.now(dt.UTC).replace(microsecond=0)
        with self._pool as conn, conn.transaction():
            conn.execute(DURABLE)
            rows = self._stage(conn, HashedRows(path, self._key, form))
            rows.check(allow_empty=allow_empty)
            kept = self._switch(conn, name, as_of, imported_at, rows.columns)
        log.info("source list %s imported: %d rows as of %s", name, rows.count, as_of)
        return SourceList(
            name=name,
            rows=kept,
            as_of=as_of,
            imported_at=imported_at,
            columns=rows.columns,
            duplicates=rows.count - kept,
        )

    @staticmethod
    def _stage(conn: Connection, rows: HashedRows) -> HashedRows:
        """Every good row of the file COPYed into a temporary table (``rows.check`` says if
        any was bad: then the transaction is rolled back)."""
        conn.execute(
            "CREATE TEMP TABLE staged (pseudonym bytea NOT NULL, valid_from date, "
            "valid_to date, columns text) ON COMMIT DROP"
        )
        with conn.cursor().copy("COPY staged FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return rows

    def _switch(
        self,
        conn: Connection,
        name: str,
        as_of: dt.date,
        imported_at: dt.datetime,
        columns: tuple[str, ...],
    ) -> int:
        """The staged rows (each once) as a new version, the list pointed at it, the old
        version's rows deleted; imports of one list wait for each other here."""
        conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (f"list {name}",))
        conn.execute("SELECT nextval('source_version_ids')")  # currval: this new version
        kept = conn.execute(
            "INSERT INTO source_rows (version_id, pseudonym, valid_from, valid_to, columns) "
            "SELECT DISTINCT currval('source_version_ids'), pseudonym, valid_from, valid_to, "
            "columns FROM staged"
        ).rowcount
        old = conn.execute(
            "SELECT version_id FROM source_lists WHERE name = %s", (name,)
        ).fetchone()
        conn.execute(
            "INSERT INTO source_lists (name, version_id, as_of, imported_at, row_count, "
            "key_check, columns) VALUES (%s, currval('source_version_ids'), %s, %s, %s, %s, %s) "
            "ON CONFLICT (name) DO UPDATE SET version_id = EXCLUDED.version_id, "
            "as_of = EXCLUDED.as_of, imported_at = EXCLUDED.imported_at, "
            "row_count = EXCLUDED.row_count, key_check = EXCLUDED.key_check, "
            "columns = EXCLUDED.columns",
            (name, as_of, imported_at, kept, self._key_check, json.dumps(columns)),
        )
        if old is not None:
            conn.execute("DELETE FROM source_rows WHERE version_id = %s", (old[0],))
        return kept

    def in_bulk(self) -> AbstractContextManager[None]:
        """Each advice commits on its own here: this store serves several instances at once."""
        return contextlib.nullcontext()

    def remember_advice(self, advice: IssuedAdvice) -> None:
        with self._pool as conn:
            conn.execute(
                "INSERT INTO issued_advices VALUES (%s, %s, %s, %s, %s, %s, %s)",
                (
                    advice.advice_id,
                    advice.service,
                    advice.outcome_code,
                    advice.pseudonym,
                    advice.decided_at,
                    advice.rule_version,
                    advice.grounds,
                ),
            )

    def record_override(
        self, key: str, prepare: Callable[[Callable[[str], tuple[str, bytes] | None]], OverrideRow]
    ) -> StoredOverride:
        """The stored override, else the prepared one, stored once across every instance."""
        with self._pool as conn:
            stored = _stored(conn, key)
            if stored is not None:
                return stored
            row = prepare(lambda advice_id: _owner(conn, advice_id))
            with conn.transaction():
                conn.execute(DURABLE)
                inserted = conn.execute(_OVERRIDE, row.values()).fetchone()
            if inserted is None:
                stored = _stored(conn, key)  # another instance stored it first
                assert stored is not None  # an override is never deleted
                return stored
        return StoredOverride(row.body_hash, row.override_id, row.advice_id, row.recorded_at)


def _stored(conn: Connection, key: str) -> StoredOverride | None:
    found = conn.execute(_STORED, (key,)).fetchone()
    if found is None:
        return None
    body_hash, override_id, advice_id, recorded_at = found
    return StoredOverride(bytes(body_hash), str(override_id), advice_id, recorded_at)


def _owner(conn: Connection, advice_id: str) -> tuple[str, bytes] | None:
    found = conn.execute(
        "SELECT service, pseudonym FROM issued_advices WHERE advice_id = %s", (advice_id,)
    ).fetchone()
    return None if found is None else (str(found[0]), bytes(found[1]))
