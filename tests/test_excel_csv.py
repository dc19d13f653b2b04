# SPDX-License-Identifier: EUPL-1.2
"""Opening CSV files as Belgian Excel writes them: separators, encodings, BOM, padding, dates."""

from __future__ import annotations

import codecs
import datetime as dt
from typing import TYPE_CHECKING

import pytest

from app.tables.excel_csv import CsvFormat, TableError, delimiter_arg, open_table, parse_date

if TYPE_CHECKING:
    from pathlib import Path

NUMBER = "85073003328"


def rows_of(path: Path, form: CsvFormat | None = None) -> tuple[tuple[str, ...], list[object]]:
    with open_table(path, form) as table:
        return table.header, list(table.rows())


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (b"insz;naam;;;\r\n" + NUMBER.encode() + b";Ren\xe9;;;\r\n;;;;\r\n", "cp1252"),
        (codecs.BOM_UTF8 + b"insz;naam\r\n" + f"{NUMBER};René\r\n".encode(), "utf-8-sig"),
        (f"insz,naam\n{NUMBER},René\n".encode(), "utf-8"),
        (codecs.BOM_UTF16_LE + f"insz\tnaam\r\n{NUMBER}\tRené\r\n".encode("utf-16-le"), "utf-16"),
    ],
)
def test_excel_csv_reads_what_excel_writes(tmp_path: Path, raw: bytes, encoding: str) -> None:
    path = tmp_path / "l.csv"
    path.write_bytes(raw)
    with open_table(path) as table:
        assert table.encoding == encoding
        assert table.header == ("insz", "naam")
        assert list(table.rows()) == [(2, [NUMBER, "René"])]


def test_excel_csv_padding_beyond_the_header_is_dropped_but_real_cells_stay(
    tmp_path: Path,
) -> None:
    path = tmp_path / "l.csv"
    path.write_text(f"INSZ ;;\n{NUMBER};;;\n{NUMBER};x\n\n{NUMBER}\n", encoding="utf-8")
    header, rows = rows_of(path)
    assert header == ("insz",)
    assert rows == [(2, [NUMBER]), (3, [NUMBER, "x"]), (5, [NUMBER])]


def test_excel_csv_given_separator_and_encoding_win(tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    path.write_bytes(b"insz,naam;x\n" + NUMBER.encode() + b",a;b\n")
    header, rows = rows_of(path, CsvFormat(delimiter=";", encoding="latin-1"))
    assert header == ("insz,naam", "x")
    assert rows == [(2, [f"{NUMBER},a", "b"])]
    assert delimiter_arg("tab") == "\t"
    with pytest.raises(ValueError, match="separator"):
        delimiter_arg("|")
    with pytest.raises(TableError, match="unknown encoding"):
        CsvFormat(encoding="klingon")


def test_excel_csv_broken_files_are_named_by_line_without_content(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(TableError, match="empty"):
        rows_of(empty)
    with pytest.raises(TableError, match="cannot be read"):
        rows_of(tmp_path / "missing.csv")
    undecodable = tmp_path / "bad.csv"
    undecodable.write_bytes(b"insz\n" + NUMBER.encode() + b"\n\x81" + NUMBER.encode() + b"\n")
    with pytest.raises(TableError, match="line 3: the text is neither") as caught:
        rows_of(undecodable)
    assert NUMBER not in str(caught.value).replace(str(undecodable), "")
    quoted = tmp_path / "quoted.csv"
    quoted.write_text(f'insz\n{NUMBER}\n"{NUMBER}"x\n', encoding="utf-8")
    with pytest.raises(TableError, match="line 3: not valid CSV") as caught:
        rows_of(quoted)
    assert NUMBER not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-02-01", dt.date(2026, 2, 1)),
        ("01/02/2026", dt.date(2026, 2, 1)),
        ("1/2/2026", dt.date(2026, 2, 1)),
        ("01-02-2026", dt.date(2026, 2, 1)),
        ("01.02.2026", dt.date(2026, 2, 1)),
        (" ", None),
    ],
)
def test_excel_csv_dates_iso_and_day_first(text: str, day: dt.date | None) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["31/02/2026", "2026-13-01", "20260101", "01/02/26", "1/2-2026"])
def test_excel_csv_bad_dates_are_refused_without_their_text(text: str) -> None:
    with pytest.raises(ValueError, match="date|day") as caught:
        parse_date(text)
    assert text not in str(caught.value)
