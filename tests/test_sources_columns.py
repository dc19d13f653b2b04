# SPDX-License-Identifier: EUPL-1.2
"""List columns: kept with the pseudonymised row for the rules, named in errors by column and
line only, never a national number in a cell; a store made before columns still opens."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from contextlib import closing
from typing import TYPE_CHECKING

import pytest

from app.eligibility.embedded.lists.rows import ListRow
from app.eligibility.embedded.lists.store import SourceStore
from app.problems import AppError, Problem
from eid.insz import NationalNumber
from tests.test_sources import AS_OF, NUMBERS, write_csv

if TYPE_CHECKING:
    from pathlib import Path

HEADER = ("insz", "valid_from", "valid_to", "categorie", "inkomen")


@pytest.fixture
def store(tmp_path: Path) -> SourceStore:
    return SourceStore(tmp_path / "s.sqlite", key=b"k" * 32)


def rows_of(store: SourceStore, name: str, digits: str) -> tuple[ListRow, ...]:
    pseudonym = store.pseudonym(NationalNumber(digits))
    return store.lookup({name}, pseudonym, on=dt.date(2026, 3, 2)).rows[name]


def test_sources_columns_kept_with_each_row(store: SourceStore, tmp_path: Path) -> None:
    rows = [
        (NUMBERS[0], "", "2026-08-31", "inkomen", "18500"),
        (NUMBERS[0], "2026-09-01", "", "inkomen", "21000"),  # one person, two rows
        (NUMBERS[1], "", "", " leefloon ", ""),
    ]
    imported = store.import_csv("gezin", write_csv(tmp_path / "g.csv", rows, HEADER), as_of=AS_OF)
    assert imported.columns == ("categorie", "inkomen")
    assert [entry.columns for entry in store.lists()] == [("categorie", "inkomen")]
    first, second = sorted(rows_of(store, "gezin", NUMBERS[0]), key=lambda r: str(r.valid_to))
    assert (first.valid_to, first.columns) == (
        dt.date(2026, 8, 31),
        {"categorie": "inkomen", "inkomen": "18500"},
    )
    assert second.valid_from == dt.date(2026, 9, 1)
    (only,) = rows_of(store, "gezin", NUMBERS[1])
    assert only.columns == {"categorie": "leefloon"}  # an empty cell is not kept
    assert rows_of(store, "gezin", NUMBERS[2]) == ()  # not on it


def test_sources_columns_no_national_number_in_a_cell(
    store: SourceStore, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    rows = [(NUMBERS[0], "ouder", NUMBERS[1]), (NUMBERS[2], "x" * 201, "")]
    path = write_csv(tmp_path / "k.csv", rows, ("insz", "rol", "ouder"))
    with pytest.raises(AppError) as caught:
        store.import_csv("kinderen", path, as_of=AS_OF)
    detail = caught.value.detail
    assert caught.value.problem is Problem.SOURCE_FILE_INVALID
    assert "line 2: column ouder holds a national number" in detail
    assert "line 3: column rol is longer than 200 characters" in detail
    assert store.lists() == ()
    everything = detail + caplog.text
    assert not any(number in everything for number in NUMBERS)
    assert "x" * 20 not in everything  # a cell's content is never repeated


def test_sources_columns_a_store_made_before_columns_opens(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with closing(sqlite3.connect(path)) as conn:
        conn.executescript(
            "CREATE TABLE source_lists (name TEXT PRIMARY KEY, list_id INTEGER NOT NULL UNIQUE,"
            " as_of TEXT NOT NULL, imported_at TEXT NOT NULL, row_count INTEGER NOT NULL,"
            " key_check BLOB NOT NULL, first_row INTEGER NOT NULL, last_row INTEGER NOT NULL);"
            "CREATE TABLE source_rows (list_id INTEGER NOT NULL, pseudonym BLOB NOT NULL,"
            " valid_from TEXT, valid_to TEXT);"
        )
    store = SourceStore(path, key=b"k" * 32)
    try:
        store.import_csv("l", write_csv(tmp_path / "l.csv", [(NUMBERS[0],)]), as_of=AS_OF)
        assert rows_of(store, "l", NUMBERS[0]) == (ListRow(),)
        assert store.lists()[0].columns == ()
    finally:
        store.close()
