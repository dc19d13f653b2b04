# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck batch`` over the embedded engine: rows in order, problems by line, one record."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import hashlib
import io
import json
import logging
import re
import sqlite3
from typing import TYPE_CHECKING, Any

import pytest

from app.audit.decisions import open_audit_store
from app.audit.records import RecordKind
from app.cli.main import main
from app.settings.config import load_config
from tests.batch_support import (
    ON_VT,
    PEOPLE,
    SERVICE,
    bad_checksum,
    output_rows,
    run_cli,
    set_up,
    write_input,
)

if TYPE_CHECKING:
    from pathlib import Path

    from app.audit.records import AuditEntry

HEADER = ["ref", "outcome", "eligible", "data_as_of", "valid_until", "problem"]


def batch(config: Path, source: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    return run_cli("--config", str(config), "batch", "--service", SERVICE, str(source),
                   "--out", str(out), *extra)  # fmt: skip


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def batch_entries(config: Path, data_dir: Path) -> list[AuditEntry]:
    since, until = dt.datetime(2000, 1, 1, tzinfo=dt.UTC), dt.datetime(2100, 1, 1, tzinfo=dt.UTC)
    with open_audit_store(load_config(config), data_dir) as store:
        return [e for _, e in store.records(since, until) if e.kind is RecordKind.BATCH_RUN]


def batch_records(config: Path, data_dir: Path) -> list[dict[str, Any]]:
    return [json.loads(e.detail or "{}") for e in batch_entries(config, data_dir)]


def test_batch_decides_every_row_in_order_and_names_bad_rows_by_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    config = set_up(tmp_path)
    rows = [
        ("D-1", ON_VT[0]),  # line 2: a right
        ("D-2", PEOPLE[6]),  # line 3: none
        ("D-3", bad_checksum(PEOPLE[7])),  # line 4
        ("", PEOPLE[8]),  # line 5: empty ref
        ("D-1", PEOPLE[9]),  # line 6: duplicate ref
        (PEOPLE[10], PEOPLE[10]),  # line 7: the ref is a national number
        ("D-7", ON_VT[1]),  # line 8: a right
    ]
    source = write_input(tmp_path / "in.csv", rows)
    out = tmp_path / "uit.csv"
    code, stdout, stderr = batch(config, source, out)
    assert code == 0, stderr
    got = output_rows(out)
    assert got[0] == HEADER
    assert [row[0] for row in got[1:]] == ["D-1", "D-2", "D-3", "", "D-1", "", "D-7"]
    assert [row[1] for row in got[1:]] == ["GRATIS_HUISVUILZAKKEN", "STANDAARD", "", "", "", "",
                                           "GRATIS_HUISVUILZAKKEN"]  # fmt: skip
    assert [row[5] for row in got[1:]] == ["", "", "INVALID_INSZ", "REF_EMPTY", "REF_DUPLICATE",
                                           "REF_IS_NATIONAL_NUMBER", ""]  # fmt: skip
    assert got[1][2:4] == ["true", "2026-01-01"]
    assert "7 rijen, 2 met recht." in stdout
    assert "regels: 4-7" in stdout
    everything = out.read_text("utf-8") + stdout + stderr + caplog.text
    for number in PEOPLE:
        assert number not in everything
    assert not re.search(r"\d{11}", everything)
    [record] = batch_records(config, tmp_path / "data")
    assert record["rows"] == 7
    assert record["outcomes"] == {"GRATIS_HUISVUILZAKKEN": 2, "STANDAARD": 1}
    assert record["problems"] == {"INVALID_INSZ": 1, "REF_EMPTY": 1, "REF_DUPLICATE": 1,
                                  "REF_IS_NATIONAL_NUMBER": 1}  # fmt: skip
    assert record["input_sha256"] == sha256(source)
    assert record["output_sha256"] == sha256(out)
    [entry] = batch_entries(config, tmp_path / "data")
    assert (entry.staff_id, entry.service, entry.channel) == (getpass.getuser(), SERVICE, "batch")
    # each decided row's advice is remembered by the engine (committed together at the end)
    with contextlib.closing(sqlite3.connect(tmp_path / "sources.sqlite")) as conn:
        issued = conn.execute("SELECT outcome_code FROM issued_advices").fetchall()
    assert sorted(code for (code,) in issued) == ["GRATIS_HUISVUILZAKKEN"] * 2 + ["STANDAARD"]


def test_batch_reads_what_excel_writes(tmp_path: Path) -> None:
    config = set_up(tmp_path)
    source = write_input(tmp_path / "in.csv", [("L-1", ON_VT[2]), ("L-2", PEOPLE[5])], excel=True)
    out = tmp_path / "uit.csv"
    argv = ["--config", str(config), "batch", "--service", SERVICE, str(source), "--out", str(out)]
    code, stdout, stderr = run_cli("--lang", "en", *argv)
    assert code == 0, stderr
    assert "2 rows, 1 with a right." in stdout
    assert [row[:3] for row in output_rows(out)[1:]] == [
        ["L-1", "GRATIS_HUISVUILZAKKEN", "true"],
        ["L-2", "STANDAARD", "false"],
    ]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (f"dossier,insz\n1,{PEOPLE[0]}\n", "missing: ref"),
        (f"ref;nummer\n1;{PEOPLE[0]}\n", "missing: insz"),
        ("", "the file is empty"),
        (f'ref,insz\n1,{PEOPLE[0]}\n"2"x,{PEOPLE[1]}\n', "line 3: not valid CSV"),
    ],
)
def test_batch_unusable_input_writes_nothing(tmp_path: Path, content: str, words: str) -> None:
    config = set_up(tmp_path)
    source = tmp_path / "in.csv"
    source.write_text(content, encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, stdout, stderr = batch(config, source, out_dir / "uit.csv")
    assert code == 2
    assert "er werd niets geschreven" in stderr
    assert words in stderr
    assert list(out_dir.iterdir()) == []
    assert PEOPLE[0] not in stdout + stderr
    assert batch_records(config, tmp_path / "data") == []


def test_batch_changes_since_writes_only_changed_rows(tmp_path: Path) -> None:
    config = set_up(tmp_path)
    rows = [("A", ON_VT[0]), ("B", PEOPLE[6]), ("C", ON_VT[3]), ("D", bad_checksum(PEOPLE[7]))]
    source = write_input(tmp_path / "in.csv", rows)
    previous = tmp_path / "vorige.csv"
    previous.write_text(
        "ref,outcome,eligible,data_as_of,valid_until,problem\n"
        "A,GRATIS_HUISVUILZAKKEN,true,,,\nB,GRATIS_HUISVUILZAKKEN,true,,,\n",
        encoding="utf-8",
    )
    out = tmp_path / "nieuw.csv"
    code, stdout, stderr = batch(config, source, out, "--changes-since", str(previous))
    assert code == 0, stderr
    got = output_rows(out)
    assert got[0] == [*HEADER, "previous_outcome"]
    assert [(r[0], r[1], r[5], r[6]) for r in got[1:]] == [
        ("B", "STANDAARD", "", "GRATIS_HUISVUILZAKKEN"),  # no longer entitled
        ("C", "GRATIS_HUISVUILZAKKEN", "", ""),  # new
        ("D", "", "INVALID_INSZ", ""),  # a problem is always written
    ]
    assert "3 rijen geschreven" in stdout
    [record] = batch_records(config, tmp_path / "data")
    assert record["changes_since_sha256"] == sha256(previous)
    assert record["written"] == 3


def test_batch_refuses_training_mode_and_an_unknown_service(tmp_path: Path) -> None:
    source = write_input(tmp_path / "in.csv", [("A", PEOPLE[0])])
    code, _, stderr = run_cli("batch", "--service", SERVICE, str(source), "--out", "x.csv")
    assert code == 2
    assert "training" in stderr
    config = set_up(tmp_path)
    code, _, stderr = run_cli("--config", str(config), "batch", "--service", "geen-dienst",
                              str(source), "--out", str(tmp_path / "x.csv"))  # fmt: skip
    assert code == 4
    assert "[UNKNOWN_SERVICE]" in stderr
    assert f"the backend has no service 'geen-dienst' (it offers: {SERVICE}" in stderr
    assert not (tmp_path / "x.csv").exists()


class Terminal(io.StringIO):
    """stderr as a terminal: the progress bar is drawn there."""

    def isatty(self) -> bool:
        return True


def test_batch_draws_a_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    config = set_up(tmp_path)
    source = write_input(tmp_path / "in.csv", [(f"T{i}", PEOPLE[i]) for i in range(5)])
    argv = ["--config", str(config), "batch", "--service", SERVICE, str(source)]
    terminal, out = Terminal(), io.StringIO()
    assert main([*argv, "--out", str(tmp_path / "a.csv")], out=out, err=terminal) == 0
    assert "5/5" in terminal.getvalue()
    assert "100%" in terminal.getvalue()
    code, _, stderr = run_cli(*argv, "--out", str(tmp_path / "b.csv"))
    assert code == 0
    assert "100%" not in stderr


def test_batch_output_folder_missing_is_said_without_a_traceback(tmp_path: Path) -> None:
    config = set_up(tmp_path)
    source = write_input(tmp_path / "in.csv", [("A", PEOPLE[0])])
    code, _, stderr = batch(config, source, tmp_path / "nergens" / "uit.csv")
    assert code == 2
    assert "cannot be written" in stderr
    assert "Traceback" not in stderr
    code, _, stderr = batch(config, source, tmp_path)
    assert code == 2
    assert "is a folder" in stderr
    code, _, stderr = batch(config, source, source)
    assert code == 2
    assert "would overwrite the input" in stderr
    assert source.read_text(encoding="utf-8").startswith("ref,insz")
