# SPDX-License-Identifier: EUPL-1.2
"""The SQLite store under use: lists imported by another process while advices are asked, and
issued advices committed one by one or, in a batch run's bulk block, together."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
import uuid
from contextlib import closing
from typing import TYPE_CHECKING

import pytest

from app.eligibility.embedded.engine import EmbeddedEligibility, new_advice_id
from app.eligibility.embedded.lists.store import _PERSON_ROWS, SourceStore
from app.eligibility.embedded.rules import load_rules
from app.eligibility.port import AdviceQuery, OverrideRecord
from app.eligibility.wire import Channel, ReasonCode
from app.resource_paths import rules_dir
from eid.card_profiles import synthetic_number
from eid.insz import NationalNumber

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

KEY = b"k" * 32
ON_LIST = synthetic_number(dt.date(1980, 5, 17), 12)
FIRST, SECOND = dt.date(2026, 1, 1), dt.date(2026, 2, 1)
DAY = dt.date(2026, 3, 15)
SERVICE = "uitpas-kansentarief"


def write_list(path: Path, *numbers: str) -> Path:
    path.write_text("insz\n" + "".join(f"{n}\n" for n in numbers), encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SourceStore]:
    opened = SourceStore(tmp_path / "sources.sqlite", key=KEY)
    yield opened
    opened.close()


def issued_count(store: SourceStore) -> int:
    """Issued advices as another connection (another process) sees them: committed ones."""
    other = sqlite3.connect(store.path)
    try:
        count: int = other.execute("SELECT count(*) FROM issued_advices").fetchone()[0]
    finally:
        other.close()
    return count


def test_ledger_list_imported_by_another_process_is_seen_at_once(
    store: SourceStore, tmp_path: Path
) -> None:
    pseudonym = store.pseudonym(NationalNumber(ON_LIST))
    store.import_csv("leefloon", write_list(tmp_path / "a.csv", ON_LIST), as_of=FIRST)
    assert store.lookup(("leefloon",), pseudonym, on=DAY).member("leefloon")  # catalogue kept
    importer = SourceStore(store.path, key=KEY)  # as `sources import` in another process
    try:
        other = synthetic_number(dt.date(1990, 1, 1), 5)
        importer.import_csv("leefloon", write_list(tmp_path / "b.csv", other), as_of=SECOND)
        importer.import_csv("vt", write_list(tmp_path / "c.csv", ON_LIST), as_of=SECOND)
    finally:
        importer.close()
    found = store.lookup(("leefloon", "vt"), pseudonym, on=DAY)
    assert found.as_of == {"leefloon": SECOND, "vt": SECOND}
    assert not found.member("leefloon")
    assert found.member("vt")


def test_ledger_import_during_lookups_never_mixes_two_versions(
    store: SourceStore, tmp_path: Path
) -> None:
    """The person is on the list of FIRST and not on that of SECOND: every answer must be one
    of those two, never the rows of one with the date of the other."""
    on = write_list(tmp_path / "on.csv", ON_LIST)
    off = write_list(tmp_path / "off.csv", synthetic_number(dt.date(1990, 1, 1), 5))
    store.import_csv("leefloon", on, as_of=FIRST)
    pseudonym = store.pseudonym(NationalNumber(ON_LIST))
    stop = threading.Event()

    def import_again_and_again() -> None:
        importer = SourceStore(store.path, key=KEY)
        try:
            for turn in range(40):
                importer.import_csv("leefloon", off if turn % 2 == 0 else on, as_of=SECOND)
                importer.import_csv("leefloon", on, as_of=FIRST)
        finally:
            importer.close()
            stop.set()

    thread = threading.Thread(target=import_again_and_again, name="test-importer")
    thread.start()
    seen = set()
    while not stop.is_set():
        found = store.lookup(("leefloon",), pseudonym, on=DAY)
        seen.add((found.as_of["leefloon"], found.member("leefloon")))
    thread.join()
    assert seen <= {(FIRST, True), (SECOND, False), (SECOND, True)}
    assert (FIRST, True) in seen  # the lookups did run between the imports


@pytest.fixture
def engine(store: SourceStore, tmp_path: Path) -> EmbeddedEligibility:
    for name in ("inwoners", "verhoogde_tegemoetkoming", "leefloon"):
        store.import_csv(name, write_list(tmp_path / f"{name}.csv", ON_LIST), as_of=FIRST)
    return EmbeddedEligibility(load_rules(rules_dir()), store)


def ask(engine: EmbeddedEligibility, serial: int) -> str:
    number = NationalNumber(synthetic_number(dt.date(1970, 1, 1), serial))
    return engine.advise(AdviceQuery(SERVICE, number, "balie-1", Channel.MANUAL)).advice_id


def test_ledger_single_advice_is_committed_before_it_is_returned(
    engine: EmbeddedEligibility, store: SourceStore
) -> None:
    ask(engine, 1)
    assert issued_count(store) == 1


def test_ledger_bulk_commits_a_thousand_at_a_time_and_the_rest_at_the_end(
    engine: EmbeddedEligibility, store: SourceStore
) -> None:
    with engine.in_bulk():
        for serial in range(1, 1000):
            ask(engine, serial % 997 + 1)
        assert issued_count(store) == 0
        ask(engine, 1)
        assert issued_count(store) == 1000
        ask(engine, 2)
        assert issued_count(store) == 1000
    assert issued_count(store) == 1001
    ask(engine, 3)
    assert issued_count(store) == 1002  # one by one again after the block


def test_ledger_bulk_block_that_fails_still_keeps_what_was_issued(
    engine: EmbeddedEligibility, store: SourceStore
) -> None:
    def interrupted_run() -> None:
        with engine.in_bulk():
            ask(engine, 1)
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted_run()
    assert issued_count(store) == 1


def test_ledger_override_in_a_bulk_block_finds_its_advice(
    engine: EmbeddedEligibility, store: SourceStore
) -> None:
    with engine.in_bulk():
        advice_id = ask(engine, 1)
        record = OverrideRecord(
            service=SERVICE,
            outcome_code="KANSENTARIEF",
            reason_code=ReasonCode.RECENT_MOVE,
            reason_text="Verhuisde vorige week naar de stad, huurcontract getoond.",
            staff_id="medewerker-7",
            desk="balie-1",
            decided_at=dt.datetime(2026, 3, 15, 9, 30, tzinfo=dt.UTC),
            advice_id=advice_id,
        )
        receipt = engine.record_override(record, idempotency_key="key-0001")
        assert receipt.advice_id == advice_id
        assert issued_count(store) == 1


def test_ledger_advice_ids_are_uuid7_in_issue_order() -> None:
    first = new_advice_id()
    time.sleep(0.002)  # the next millisecond: ids of later advices sort after
    later = [new_advice_id() for _ in range(100)]
    for advice_id in (first, *later):
        parsed = uuid.UUID(advice_id)
        assert str(parsed) == advice_id  # canonical lower-case form
        assert parsed.version == 7
        assert parsed.variant == uuid.RFC_4122
    assert all(first < advice_id for advice_id in later)
    assert len(set(later)) == 100


def test_ledger_store_with_the_older_index_gets_the_one_that_holds_whole_rows(
    tmp_path: Path,
) -> None:
    path = tmp_path / "sources.sqlite"
    made = SourceStore(path, key=KEY)
    made.import_csv("leefloon", write_list(tmp_path / "l.csv", ON_LIST), as_of=FIRST)
    made.close()
    with closing(sqlite3.connect(path)) as conn:  # as a store made before this version
        conn.execute("DROP INDEX source_rows_by_person_row")
        conn.execute(
            "CREATE INDEX source_rows_by_person ON source_rows (pseudonym, list_id, valid_from, "
            "valid_to)"
        )
    store = SourceStore(path, key=KEY)
    try:
        found = store.lookup(("leefloon",), store.pseudonym(NationalNumber(ON_LIST)), on=DAY)
        assert found.member("leefloon")
        with store.connection() as conn:
            indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            plan = conn.execute(f"EXPLAIN QUERY PLAN {_PERSON_ROWS}", (b"x",)).fetchall()
    finally:
        store.close()
    assert "source_rows_by_person" not in indexes
    assert "COVERING INDEX source_rows_by_person_row" in plan[0][3]  # the table is not read
