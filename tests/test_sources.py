# SPDX-License-Identifier: EUPL-1.2
"""The source store over a real SQLite file: imports all or nothing, validity windows, privacy."""

from __future__ import annotations

import csv
import datetime as dt
import re
import sqlite3
import tempfile
import tracemalloc
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.eligibility.embedded.lists.files import MAX_REPORTED
from app.eligibility.embedded.lists.store import SourceStore
from app.problems import AppError, Problem
from app.settings.credentials import KeyringCredentials, pseudonym_key
from eid.card_profiles import synthetic_number
from eid.insz import NationalNumber

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

AS_OF = dt.date(2026, 1, 1)
DAY = dt.date(2026, 3, 15)


def number(index: int) -> str:
    """A distinct valid national number for each index below 28 * 12 * 60 * 997."""
    serial, rest = divmod(index, 28 * 12 * 60)
    days, rest = divmod(rest, 12 * 60)
    months, years = divmod(rest, 60)
    return synthetic_number(dt.date(1940 + years, 1 + months, 1 + days), 1 + serial)


NUMBERS = [number(i) for i in range(6)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SourceStore]:
    opened = SourceStore(
        tmp_path / "data" / "sources.sqlite", key=pseudonym_key(KeyringCredentials())
    )
    yield opened
    opened.close()


def write_csv(path: Path, rows: Sequence[Sequence[str]], header: Sequence[str] = ("insz",)) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def is_member(store: SourceStore, name: str, digits: str, on: dt.date = DAY) -> bool:
    return store.member(name, store.pseudonym(NationalNumber(digits)), on)


def import_error(
    store: SourceStore, name: str, path: Path, *, allow_empty: bool = False
) -> AppError:
    with pytest.raises(AppError) as caught:
        store.import_csv(name, path, as_of=AS_OF, allow_empty=allow_empty)
    return caught.value


def test_sources_good_file_is_imported(store: SourceStore, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "leefloon.csv", [[n] for n in NUMBERS[:3]])
    imported = store.import_csv("leefloon", path, as_of=AS_OF)
    assert (imported.name, imported.rows, imported.as_of) == ("leefloon", 3, AS_OF)
    assert [(e.name, e.rows, e.as_of, e.key_matches) for e in store.lists()] == [
        ("leefloon", 3, AS_OF, True)
    ]
    assert store.as_of("leefloon") == AS_OF
    assert is_member(store, "leefloon", NUMBERS[0])
    assert not is_member(store, "leefloon", NUMBERS[4])


def test_sources_accepts_bom_crlf_blank_lines_and_separators(
    store: SourceStore, tmp_path: Path
) -> None:
    n = NUMBERS[0]
    dotted = f"{n[0:2]}.{n[2:4]}.{n[4:6]}-{n[6:9]}.{n[9:11]}"
    path = tmp_path / "l.csv"
    path.write_bytes(f"\ufeffinsz\r\n{dotted}\r\n\r\n{NUMBERS[1]}\r\n".encode())
    assert store.import_csv("inwoners", path, as_of=AS_OF).rows == 2
    assert is_member(store, "inwoners", n)


def test_sources_bad_rows_are_named_by_line_and_nothing_is_imported(
    store: SourceStore, tmp_path: Path
) -> None:
    store.import_csv("leefloon", write_csv(tmp_path / "v1.csv", [[NUMBERS[0]]]), as_of=AS_OF)
    bad_checksum = NUMBERS[1][:9] + f"{(int(NUMBERS[1][9:]) + 1) % 100:02d}"
    rows = [
        [NUMBERS[1], "2026-01-01", ""],  # line 2: good
        [bad_checksum, "", ""],  # line 3
        [NUMBERS[2], "2026-02-30", ""],  # line 4: no such day
        [NUMBERS[3], "31/02/2026", ""],  # line 5: no such day, written as Excel does
        [NUMBERS[4], "2026-05-01", "2026-04-01"],  # line 6: from after to
        [NUMBERS[5]],  # line 7: one column
        [NUMBERS[5][1:], "", ""],  # line 8: leading zero lost (10 digits)
        [NUMBERS[2], "20260101", ""],  # line 9: ISO basic format refused
    ]
    path = write_csv(tmp_path / "v2.csv", rows, header=("insz", "valid_from", "valid_to"))
    error = import_error(store, "leefloon", path)
    assert error.problem is Problem.SOURCE_FILE_INVALID
    for line, words in [
        (3, "insz is not a valid national register or BIS number"),
        (4, "valid_from is not a real day"),
        (5, "valid_from is not a real day"),
        (6, "valid_from is after valid_to"),
        (7, "1 columns, expected 3"),
        (8, "insz has 10 digits (a leading zero lost"),
        (9, "valid_from is not a date (YYYY-MM-DD or DD/MM/YYYY)"),
    ]:
        assert f"line {line}: {words}" in error.detail
    assert "line 2:" not in error.detail
    assert "7 bad rows, nothing imported" in error.detail
    assert not re.search(r"\d{10}", error.detail.replace(str(path), ""))
    # The previous list is intact.
    assert [(e.rows, e.as_of) for e in store.lists()] == [(1, AS_OF)]
    assert is_member(store, "leefloon", NUMBERS[0])
    assert not is_member(store, "leefloon", NUMBERS[1])


def test_sources_bad_rows_report_is_capped(store: SourceStore, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "l.csv", [["12345"]] * (MAX_REPORTED + 5))
    error = import_error(store, "leefloon", path)
    assert error.detail.count("line ") == MAX_REPORTED
    assert "and 5 more bad rows" in error.detail
    assert store.lists() == ()


def test_sources_empty_list_is_refused_unless_allowed(store: SourceStore, tmp_path: Path) -> None:
    header_only = write_csv(tmp_path / "empty.csv", [])
    error = import_error(store, "leefloon", header_only)
    assert error.problem is Problem.SOURCE_FILE_INVALID
    assert "no rows" in error.detail
    assert "--allow-empty" in error.detail
    assert store.as_of("leefloon") is None
    assert store.import_csv("leefloon", header_only, as_of=AS_OF, allow_empty=True).rows == 0
    assert store.as_of("leefloon") == AS_OF
    assert not is_member(store, "leefloon", NUMBERS[0])


def test_sources_zero_byte_file_is_refused_even_when_empty_is_allowed(
    store: SourceStore, tmp_path: Path
) -> None:
    path = tmp_path / "nothing.csv"
    path.write_bytes(b"")
    error = import_error(store, "leefloon", path, allow_empty=True)
    assert "the file is empty (no header)" in error.detail


@pytest.mark.parametrize(
    ("first_line", "words"),
    [
        ("nummer", "found 1 column(s), the first not named insz"),
        ("insz,valid_from", "valid_from and valid_to go together"),
        ("insz,cate gorie", "column 2 has no name or a name with other characters"),
        ("insz,bedrag,bedrag", "a column name appears twice"),
        ("nr;naam", "found 2 column(s), the first not named insz"),
        (NUMBERS[0], "it holds data (the header is missing)"),
    ],
)
def test_sources_wrong_header(
    store: SourceStore, tmp_path: Path, first_line: str, words: str
) -> None:
    path = tmp_path / "l.csv"
    path.write_text(f"{first_line}\n{NUMBERS[1]}\n", encoding="utf-8")
    error = import_error(store, "leefloon", path)
    assert error.problem is Problem.SOURCE_FILE_INVALID
    assert "line 1:" in error.detail
    assert words in error.detail
    assert NUMBERS[0] not in error.detail


def test_sources_unreadable_files(store: SourceStore, tmp_path: Path) -> None:
    assert "cannot be read" in import_error(store, "l", tmp_path / "missing.csv").detail
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"insz\n" + f"{NUMBERS[0]}\n".encode() + b"caf\x81\n")
    assert "neither UTF-8 nor Windows-1252" in import_error(store, "l", latin).detail
    broken = tmp_path / "broken.csv"
    broken.write_text(f'insz\n"{NUMBERS[0]}"x\n', encoding="utf-8")
    assert "line 2: not valid CSV" in import_error(store, "l", broken).detail


def test_sources_list_name_is_checked(store: SourceStore, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "l.csv", [[NUMBERS[0]]])
    for name in ("Leefloon", "leef-loon", "", "1lijst"):
        assert import_error(store, name, path).problem is Problem.INVALID_REQUEST


def test_sources_validity_windows_on_the_question_day(store: SourceStore, tmp_path: Path) -> None:
    rows = [
        [NUMBERS[0], "", ""],  # always
        [NUMBERS[1], "2026-03-01", ""],  # from 1 March
        [NUMBERS[2], "", "2026-03-31"],  # until 31 March
        [NUMBERS[3], "2026-03-10", "2026-03-10"],  # one day
        [NUMBERS[4], "2025-01-01", "2025-12-31"],  # last year only...
        [NUMBERS[4], "2026-06-01", ""],  # ...and again from June
    ]
    path = write_csv(tmp_path / "l.csv", rows, header=("insz", "valid_from", "valid_to"))
    store.import_csv("leefloon", path, as_of=AS_OF)
    expected = {
        dt.date(2026, 2, 28): [True, False, True, False, False],
        dt.date(2026, 3, 1): [True, True, True, False, False],
        dt.date(2026, 3, 10): [True, True, True, True, False],
        dt.date(2026, 3, 31): [True, True, True, False, False],
        dt.date(2026, 4, 1): [True, True, False, False, False],
        dt.date(2025, 7, 1): [True, False, True, False, True],
        dt.date(2026, 6, 1): [True, True, False, False, True],
    }
    for day, members in expected.items():
        found = [is_member(store, "leefloon", n, day) for n in NUMBERS[:5]]
        assert found == members, day


def test_sources_never_imported_list_is_not_a_no(store: SourceStore) -> None:
    with pytest.raises(AppError) as caught:
        is_member(store, "leefloon", NUMBERS[0])
    assert caught.value.problem is Problem.INSUFFICIENT_DATA
    assert store.as_of("leefloon") is None
    found = store.lookup({"leefloon"}, store.pseudonym(NationalNumber(NUMBERS[0])), on=DAY)
    assert found.as_of == {}


def test_sources_lookup_reports_each_list(store: SourceStore, tmp_path: Path) -> None:
    store.import_csv("a", write_csv(tmp_path / "a.csv", [[NUMBERS[0]]]), as_of=AS_OF)
    store.import_csv("b", write_csv(tmp_path / "b.csv", [[NUMBERS[1]]]), as_of=dt.date(2025, 12, 1))
    found = store.lookup({"a", "b", "c"}, store.pseudonym(NationalNumber(NUMBERS[0])), on=DAY)
    assert found.as_of == {"a": AS_OF, "b": dt.date(2025, 12, 1)}
    assert found.member_of == {"a"}


def test_sources_replacement_is_atomic(store: SourceStore, tmp_path: Path) -> None:
    store.import_csv("other", write_csv(tmp_path / "o.csv", [[NUMBERS[5]]]), as_of=AS_OF)
    store.import_csv("leefloon", write_csv(tmp_path / "v1.csv", [[NUMBERS[0]]]), as_of=AS_OF)
    reader = sqlite3.connect(store.path, isolation_level=None)
    try:
        reader.execute("BEGIN")  # a reader's snapshot taken before the new list arrives
        before = reader.execute("SELECT name, row_count FROM source_lists").fetchall()
        rows_before = reader.execute("SELECT count(*) FROM source_rows").fetchone()
        new = [[n] for n in NUMBERS[1:4]]
        store.import_csv("leefloon", write_csv(tmp_path / "v2.csv", new), as_of=DAY)
        assert reader.execute("SELECT name, row_count FROM source_lists").fetchall() == before
        assert reader.execute("SELECT count(*) FROM source_rows").fetchone() == rows_before
        reader.execute("COMMIT")
        assert reader.execute("SELECT count(*) FROM source_rows").fetchone() == (4,)
    finally:
        reader.close()
    assert not is_member(store, "leefloon", NUMBERS[0])
    assert all(is_member(store, "leefloon", n) for n in NUMBERS[1:4])
    assert is_member(store, "other", NUMBERS[5])
    assert store.as_of("leefloon") == DAY


def test_sources_no_national_number_in_the_database_files(
    store: SourceStore, tmp_path: Path
) -> None:
    numbers = [number(i) for i in range(200)]
    path = write_csv(
        tmp_path / "l.csv",
        [[n, "2026-01-01", ""] for n in numbers],
        header=("insz", "valid_from", "valid_to"),
    )
    store.import_csv("leefloon", path, as_of=AS_OF)
    with store.connection() as conn:
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    files = [p for p in store.path.parent.iterdir() if p.name.startswith(store.path.name)]
    assert store.path in files
    content = b"".join(p.read_bytes() for p in files)
    assert store.pseudonym(NationalNumber(numbers[0])) in content  # the test can see rows
    for n in numbers:
        assert n.encode() not in content
        assert n.encode("utf-16-le") not in content


def test_sources_list_imported_under_another_key_counts_as_missing(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    first = SourceStore(path, key=b"a" * 32)
    first.import_csv("leefloon", write_csv(tmp_path / "l.csv", [[NUMBERS[0]]]), as_of=AS_OF)
    first.close()
    second = SourceStore(path, key=b"b" * 32)
    try:
        assert second.as_of("leefloon") is None
        assert [e.key_matches for e in second.lists()] == [False]
        with pytest.raises(AppError) as caught:
            is_member(second, "leefloon", NUMBERS[0])
        assert caught.value.problem is Problem.INSUFFICIENT_DATA
        second.import_csv("leefloon", tmp_path / "l.csv", as_of=DAY)
        assert is_member(second, "leefloon", NUMBERS[0])
    finally:
        second.close()


def test_sources_store_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(AppError) as caught:
        SourceStore(path, key=b"k" * 32)
    assert caught.value.problem is Problem.SOURCE_UNAVAILABLE


CELL = st.one_of(
    st.text(max_size=15),
    st.sampled_from(["", "2026-01-01", "2026-13-01", "1999-12-31", *NUMBERS]),
    st.builds(
        synthetic_number,
        st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)),
        st.integers(1, 997),
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.sampled_from([["insz"], ["insz", "valid_from", "valid_to"], ["x"]]),
    rows=st.lists(st.lists(CELL, min_size=0, max_size=4), max_size=12),
)
def test_sources_arbitrary_rows_give_an_import_or_the_typed_error(
    header: list[str], rows: list[list[str]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = SourceStore(Path(tmp) / "s.sqlite", key=b"k" * 32)
        path = write_csv(Path(tmp) / "l.csv", rows, header=header)
        try:
            store.import_csv("lijst", path, as_of=AS_OF, allow_empty=True)
        except AppError as exc:
            problem: Problem | None = exc.problem
            detail = exc.detail.replace(str(path), "")
        else:
            problem, detail = None, ""
        finally:
            store.close()
    assert problem in (None, Problem.SOURCE_FILE_INVALID)
    valid = {c for row in rows for c in row if len(c) == 11 and c.isdigit()}
    assert not any(digits in detail for digits in valid)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200))
def test_sources_arbitrary_bytes_give_an_import_or_the_typed_error(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = SourceStore(Path(tmp) / "s.sqlite", key=b"k" * 32)
        path = Path(tmp) / "l.csv"
        path.write_bytes(b"insz\n" + content)
        try:
            store.import_csv("lijst", path, as_of=AS_OF, allow_empty=True)
        except AppError as exc:
            problem: Problem | None = exc.problem
        else:
            problem = None
        finally:
            store.close()
    assert problem in (None, Problem.SOURCE_FILE_INVALID)


@pytest.mark.slow
def test_sources_import_memory_stays_bounded(store: SourceStore, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as stream:
        stream.write("insz,valid_from,valid_to\n")
        stream.writelines(f"{number(i)},2026-01-01,\n" for i in range(50_000))
    tracemalloc.start()
    try:
        imported = store.import_csv("big", path, as_of=AS_OF)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert imported.rows == 50_000
    assert peak < 8 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"
