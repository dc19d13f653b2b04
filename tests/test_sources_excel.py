# SPDX-License-Identifier: EUPL-1.2
"""``sources import`` of lists saved by Belgian Excel, and the admin's words for a broken store."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
from typing import TYPE_CHECKING

import pytest

from app.cli.commands import sources
from app.cli.context import EXIT_FAILED, EXIT_OK, CommandContext
from app.eligibility.embedded.lists.store import SourceStore
from app.language import Language
from app.problems import AppError, Problem
from eid.card_profiles import synthetic_number
from eid.insz import NationalNumber
from tests.test_sources_cli import parse

if TYPE_CHECKING:
    from pathlib import Path

NUMBERS = [synthetic_number(dt.date(1950 + i, 3, 4), 100 + i) for i in range(4)]
KEY = b"k" * 32


def run(tmp_path: Path, *argv: str, language: Language = Language.NL) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    ctx = CommandContext(language=language, out=out, err=err, data_dir=tmp_path / "data")
    args = parse(*argv)
    return int(args.handler(args, ctx)), out.getvalue(), err.getvalue()


def excel_file(tmp_path: Path) -> Path:
    """As Excel (nl-BE) saves "CSV (puntkomma)": cp1252, ;, padded header, d/mm/yyyy, CRLF."""
    lines = [
        "insz;valid_from;valid_to;;",
        f"{NUMBERS[0]};1/01/2026;31/12/2026;;",
        f"{NUMBERS[1]};;;;",
        f"{NUMBERS[0]};1/01/2026;31/12/2026;;",  # the same row again
        ";;;;",
        f"{NUMBERS[2]};2026-01-01;;Opmerking: café;",
    ]
    path = tmp_path / "lijst.csv"
    path.write_bytes("\r\n".join(lines).encode("cp1252"))
    return path


def test_sources_excel_file_imports_with_duplicates_counted_once(tmp_path: Path) -> None:
    path = excel_file(tmp_path)
    path.write_bytes(path.read_bytes().replace("café;".encode("cp1252"), b""))
    path.write_bytes(path.read_bytes().replace(b";Opmerking: ", b";"))
    store = SourceStore(tmp_path / "s.sqlite", key=KEY)
    try:
        imported = store.import_csv("leefloon", path, as_of=dt.date(2026, 1, 1))
        assert (imported.rows, imported.duplicates) == (3, 1)
        pseudonym = store.pseudonym(NationalNumber(NUMBERS[0]))
        assert store.member("leefloon", pseudonym, dt.date(2026, 6, 1))
        assert not store.member("leefloon", pseudonym, dt.date(2027, 1, 1))
    finally:
        store.close()


def test_sources_excel_extra_cell_is_a_bad_row_named_by_line(tmp_path: Path) -> None:
    store = SourceStore(tmp_path / "s.sqlite", key=KEY)
    try:
        with pytest.raises(AppError) as caught:
            store.import_csv("leefloon", excel_file(tmp_path), as_of=dt.date(2026, 1, 1))
    finally:
        store.close()
    assert caught.value.problem is Problem.SOURCE_FILE_INVALID
    assert "line 6: 4 columns, expected 3" in caught.value.detail
    assert "1 bad rows, nothing imported" in caught.value.detail


def test_sources_excel_cli_says_duplicates_and_takes_a_separator(tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    path.write_text(f"insz,valid_from,valid_to\n{NUMBERS[3]},,\n{NUMBERS[3]},,\n", "utf-8")
    code, out, _ = run(
        tmp_path, "sources", "import", "leefloon", str(path), "--as-of", "2026-01-01"
    )
    assert code == EXIT_OK
    assert "1 rij," in out  # one row, in the singular
    assert "1 dubbele rij (zelfde persoon, zelfde data) werd één keer geteld." in out
    with pytest.raises(AppError, match="found 1 column"):
        run(tmp_path, "sources", "import", "leefloon", str(path), "--delimiter", "tab")
    with pytest.raises(SystemExit):
        parse("sources", "import", "leefloon", str(path), "--encoding", "klingon")


def test_sources_excel_cli_store_failure_names_the_file_not_the_clerks_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("BALIECHECK_DATA_DIR", str(blocker / "data"))
    config = tmp_path / "config.toml"
    config.write_text(f'[embedded]\nstore = "{(blocker / "s.sqlite").as_posix()}"\n', "utf-8")
    out, err = io.StringIO(), io.StringIO()
    ctx = CommandContext(Language.EN, out, err, data_dir=tmp_path / "data", config_path=config)
    args = parse("sources", "list")
    assert args.handler(args, ctx) == EXIT_FAILED
    text = err.getvalue()
    assert "cannot be opened or written [SOURCE_UNAVAILABLE]" in text
    assert str(blocker) in text
    assert "manual" not in text.lower()


def _sqlite_error(tmp_path: Path, *, full: bool) -> str:
    path = tmp_path / "x.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE t (v BLOB)").connection.commit()
    if full:
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA max_page_count = 2")
        statement = "INSERT INTO t VALUES (zeroblob(100000))"
    else:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        statement = "INSERT INTO t VALUES (1)"
    with pytest.raises(sqlite3.Error) as caught:
        conn.execute(statement)
    conn.close()
    return f"source store {path}: {type(caught.value).__name__}: {caught.value}"


@pytest.mark.parametrize(("full", "words"), [(True, "disk is full"), (False, "read-only")])
def test_sources_excel_store_failure_says_the_cause(tmp_path: Path, full: bool, words: str) -> None:
    detail = _sqlite_error(tmp_path, full=full)
    lines = sources.store_failure_lines(detail, Language.EN)
    assert str(tmp_path) in lines[1]
    assert words in lines[2]
