# SPDX-License-Identifier: EUPL-1.2
"""The PostgreSQL store against a real throw-away cluster: migrations, imports, verdicts."""

from __future__ import annotations

import datetime as dt
import threading
from typing import TYPE_CHECKING

import psycopg
import pytest

from app.eligibility.embedded.engine import EmbeddedEligibility
from app.eligibility.embedded.lists.store import SourceStore
from app.eligibility.embedded.migrations import scripts
from app.eligibility.embedded.pg_store import PostgresStore
from app.eligibility.embedded.rules import load_rules
from app.eligibility.embedded.sample_data import sample_citizens, seed_training_store
from app.eligibility.port import AdviceQuery
from app.eligibility.wire import Channel
from app.problems import AppError, Problem
from app.resource_paths import rules_dir
from eid.insz import NationalNumber
from tests.test_sources import AS_OF, DAY, number, write_csv

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from app.eligibility.embedded.store import Store

pytestmark = pytest.mark.postgres
KEY = b"k" * 32


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[PostgresStore]:
    store = PostgresStore(pg_url, key=KEY)
    yield store
    store.close()


def query(url: str, sql: str) -> list[tuple[object, ...]]:
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(sql.encode()).fetchall()


Verdict = tuple[str, str, str | None, tuple[str, ...] | None]


def verdicts(store: Store) -> list[Verdict]:
    """Every sample citizen's advice (or problem) for every service, on a fixed day."""
    now = dt.datetime(2026, 3, 15, 10, 0, tzinfo=dt.UTC)
    engine = EmbeddedEligibility(load_rules(rules_dir()), store, now=lambda: now)
    found: list[Verdict] = []
    for service in engine.services():
        for citizen in sample_citizens():
            query_ = AdviceQuery(service.code, citizen.national_number, "b-1", Channel.CARD)
            try:
                advice = engine.advise(query_)
            except AppError as exc:
                found.append((service.code, exc.problem.value, None, ()))
                continue
            found.append((service.code, advice.outcome.code, advice.rule_version, advice.grounds))
    return found


def test_postgres_store_gives_the_sqlite_store_verdicts(
    pg_store: PostgresStore, tmp_path: Path
) -> None:
    sqlite = SourceStore(tmp_path / "s.sqlite", key=KEY)
    try:
        seed_training_store(sqlite, AS_OF)
        seed_training_store(pg_store, AS_OF)
        expected = verdicts(sqlite)
        assert [(e.name, e.rows, e.as_of, e.columns) for e in pg_store.lists()] == [
            (e.name, e.rows, e.as_of, e.columns) for e in sqlite.lists()
        ]
    finally:
        sqlite.close()
    assert len({outcome for _, outcome, _, _ in expected}) > 1  # the test can tell them apart
    assert verdicts(pg_store) == expected


def test_postgres_store_migrates_once_when_opened_together(pg_url: str) -> None:
    errors: list[BaseException] = []
    stores: list[PostgresStore] = []

    def open_one() -> None:
        try:
            stores.append(PostgresStore(pg_url, key=KEY))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store in stores:
        store.close()
    assert errors == []
    newest = scripts()[-1][0]
    assert query(pg_url, "SELECT version FROM schema_version") == [(v,) for v, _, _ in scripts()]
    assert newest >= 1


def test_postgres_store_refuses_a_newer_schema(pg_url: str) -> None:
    PostgresStore(pg_url, key=KEY).close()
    query(pg_url, "INSERT INTO schema_version (version, name) VALUES (9999, 'future') RETURNING 1")
    with pytest.raises(AppError) as caught:
        PostgresStore(pg_url, key=KEY)
    assert caught.value.problem is Problem.CONFIG_INVALID
    assert "embedded.database_url" in caught.value.detail
    assert "9999" in caught.value.detail


def test_postgres_store_bad_row_imports_nothing_and_names_the_line(
    pg_store: PostgresStore, tmp_path: Path
) -> None:
    good = write_csv(tmp_path / "good.csv", [[number(i)] for i in range(3)])
    pg_store.import_csv("leefloon", good, as_of=AS_OF)
    bad_number = number(7)[:-1] + str((int(number(7)[-1]) + 1) % 10)
    rows = [[number(i)] for i in range(10, 20)]
    rows[4] = [bad_number]
    bad = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(AppError) as caught:
        pg_store.import_csv("leefloon", bad, as_of=DAY)
    assert caught.value.problem is Problem.SOURCE_FILE_INVALID
    assert "line 6" in caught.value.detail or "regel 6" in caught.value.detail
    assert bad_number not in caught.value.detail
    (entry,) = pg_store.lists()
    assert (entry.rows, entry.as_of) == (3, AS_OF)  # the old list, whole
    person = pg_store.pseudonym(NationalNumber(number(12)))
    assert not pg_store.member("leefloon", person, DAY)
    assert query(pg_store.url, "SELECT count(*) FROM source_rows") == [(3,)]


def test_postgres_store_duplicates_kept_once_and_windows_read(
    pg_store: PostgresStore, tmp_path: Path
) -> None:
    rows = [[number(1), "2026-01-01", "2026-02-28"], [number(1), "2026-01-01", "2026-02-28"]]
    rows.append([number(2), "2026-03-01", ""])
    path = write_csv(tmp_path / "l.csv", rows, header=("insz", "valid_from", "valid_to"))
    imported = pg_store.import_csv("leefloon", path, as_of=AS_OF)
    assert (imported.rows, imported.duplicates) == (2, 1)
    first, second = (pg_store.pseudonym(NationalNumber(number(i))) for i in (1, 2))
    assert not pg_store.member("leefloon", first, DAY)
    assert pg_store.member("leefloon", second, DAY)
    assert pg_store.member("leefloon", first, dt.date(2026, 2, 1))
    with pytest.raises(AppError) as caught:
        pg_store.member("other", first, DAY)
    assert caught.value.problem is Problem.INSUFFICIENT_DATA


def test_postgres_store_empty_file_refused_unless_allowed(
    pg_store: PostgresStore, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "empty.csv", [])
    with pytest.raises(AppError) as caught:
        pg_store.import_csv("leefloon", path, as_of=AS_OF)
    assert caught.value.problem is Problem.SOURCE_FILE_INVALID
    assert pg_store.lists() == ()
    assert pg_store.import_csv("leefloon", path, as_of=AS_OF, allow_empty=True).rows == 0


def test_postgres_store_refuses_another_installation_key(pg_url: str, tmp_path: Path) -> None:
    """A second instance with a key of its own would find no one on the lists: refused at
    start, naming the key to copy; the lists stay as the first instance made them."""
    assert not PostgresStore.has_key(pg_url)
    first = PostgresStore(pg_url, key=b"a" * 32)
    first.import_csv("leefloon", write_csv(tmp_path / "l.csv", [[number(0)]]), as_of=AS_OF)
    first.close()
    assert PostgresStore.has_key(pg_url)
    with pytest.raises(AppError) as caught:
        PostgresStore(pg_url, key=b"b" * 32)
    assert caught.value.problem is Problem.CONFIG_INVALID
    assert "installation key" in caught.value.detail
    assert "credentials import" in caught.value.detail
    again = PostgresStore(pg_url, key=b"a" * 32)
    try:
        assert [(entry.name, entry.key_matches) for entry in again.lists()] == [("leefloon", True)]
    finally:
        again.close()


def test_postgres_store_readers_see_a_whole_list_during_an_import(
    pg_store: PostgresStore, tmp_path: Path
) -> None:
    """A reader looping while an import replaces a list: old or new list, never a mix, and
    lookups go on while the import's transaction is open."""
    old = write_csv(tmp_path / "old.csv", [[number(i)] for i in range(0, 30_000)])
    new = write_csv(tmp_path / "new.csv", [[number(i)] for i in range(1, 30_001)])
    pg_store.import_csv("leefloon", old, as_of=AS_OF)
    only_old = pg_store.pseudonym(NationalNumber(number(0)))
    seen: list[tuple[dt.date, bool, bool]] = []
    done = threading.Event()

    def read() -> None:
        with psycopg.connect(pg_store.url, autocommit=True) as watch:
            while not done.is_set():
                found = pg_store.lookup(("leefloon",), only_old, on=DAY)
                writing = watch.execute(
                    "SELECT count(*) > 0 FROM pg_stat_activity WHERE backend_xid IS NOT NULL"
                ).fetchone()
                counted = watch.execute(
                    "SELECT bool_and(l.row_count = (SELECT count(*) FROM source_rows r "
                    "WHERE r.version_id = l.version_id)) FROM source_lists l"
                ).fetchone()
                assert counted == (True,)
                held = found.rows["leefloon"] != ()
                seen.append((found.as_of["leefloon"], held, bool(writing and writing[0])))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        pg_store.import_csv("leefloon", new, as_of=DAY)
    finally:
        done.set()
        reader.join()
    assert all(held == (as_of == AS_OF) for as_of, held, _ in seen)
    assert any(writing for _, _, writing in seen)  # read while the import was writing
    assert pg_store.lookup(("leefloon",), only_old, on=DAY).rows["leefloon"] == ()


def test_postgres_store_lost_connections_are_a_problem_then_made_again(
    pg_store: PostgresStore, tmp_path: Path
) -> None:
    """The server dropping the store's connections: SOURCE_UNAVAILABLE (no verdict) without
    the URL's secrets or a number, then a new connection on the next call."""
    path = write_csv(tmp_path / "l.csv", [[number(1)]])
    pg_store.import_csv("leefloon", path, as_of=AS_OF)
    person = pg_store.pseudonym(NationalNumber(number(1)))
    assert pg_store.member("leefloon", person, DAY)
    query(
        pg_store.url,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE application_name = 'baliecheck' AND pid <> pg_backend_pid()",
    )
    with pytest.raises(AppError) as caught:
        pg_store.member("leefloon", person, DAY)
    assert caught.value.problem is Problem.SOURCE_UNAVAILABLE
    assert "embedded.database_url" in caught.value.detail
    assert number(1) not in caught.value.detail
    assert pg_store.member("leefloon", person, DAY)  # a new connection
