# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck audit``: verify, export, pending, send and purge as admins and supervisors use them.

Without a configuration file the command works on the training store in the data dir.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import sqlite3
from contextlib import closing
from dataclasses import replace
from typing import TYPE_CHECKING

from app.audit.decisions import TRAINING_AUDIT_FILE, open_audit_store
from app.cli.context import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from app.cli.main import main
from app.eligibility.wire import Channel
from app.problems import Problem
from app.settings.config import Config, data_dir
from tests.audit_support import NUMBERS, advice_of, against, manual, recorder

if TYPE_CHECKING:
    from pathlib import Path

DAY = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _at(day: dt.datetime) -> dt.datetime:
    return day


def _training_records(*days: dt.datetime) -> Path:
    """One manual decision per day given, in the training store the command will open."""
    store = open_audit_store(Config(training=True), data_dir())
    try:
        for index, day in enumerate(days):
            recorder(store, now=functools.partial(_at, day)).record_override(manual(index))
    finally:
        store.close()
    return data_dir() / TRAINING_AUDIT_FILE


def test_audit_verify_intact_and_broken() -> None:
    path = _training_records(DAY, DAY, DAY)
    assert run("audit", "verify") == (EXIT_OK, "Auditlogboek in orde: 3 records (1 tot 3).\n", "")
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DROP TRIGGER audit_records_append_only")
        conn.execute("UPDATE audit_records SET applied_outcome = 'STANDAARD' WHERE seq = 2")
        conn.commit()
    code, out, _err = run("--lang", "en", "audit", "verify")
    assert code == EXIT_FAILED
    assert out.splitlines() == [
        "Audit log BROKEN at record 2: its content was changed after it was recorded.",
        "The record before it is intact.",
    ]


def test_audit_verify_names_missing_and_cut_off_records() -> None:
    path = _training_records(*[DAY] * 6)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DELETE FROM audit_records WHERE seq IN (3, 4)")
        conn.commit()
    code, out, _ = run("audit", "verify")
    assert code == EXIT_FAILED
    assert out.startswith("Auditlogboek GEBROKEN bij record 3: records 3 tot 4 ontbreken.")
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DELETE FROM audit_records WHERE seq >= 3")
        conn.commit()
    code, out, _ = run("--lang", "fr", "audit", "verify")
    assert code == EXIT_FAILED
    assert out.startswith(
        "Journal d'audit ROMPU à l'enregistrement 3 : "
        "les enregistrements 3 à 6 ont été coupés à la fin."
    )


def test_audit_export_csv_holds_the_period_and_pseudonyms_only() -> None:
    before, inside, after = DAY - dt.timedelta(days=2), DAY, DAY + dt.timedelta(days=2)
    _training_records(before, inside, inside, after)
    code, out, err = run("audit", "export", "--from", "2026-03-09", "--to", "2026-03-11")
    assert code == EXIT_OK
    assert err == "2 records uitgevoerd.\n"
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["seq"] for row in rows] == ["2", "3"]
    assert rows[0]["kind"] == "manual_decision"
    assert rows[0]["reason_code"] == "DOCUMENT_SHOWN"
    assert len(bytes.fromhex(rows[0]["pseudonym"])) == 32
    assert not any(number in out for number in NUMBERS)


def test_audit_export_json_and_a_reason_that_looks_like_a_formula() -> None:
    store = open_audit_store(Config(training=True), data_dir())
    desk = recorder(store, now=lambda: DAY)
    desk.record_override(replace(manual(0), reason_text='=HYPERLINK("http://x", "klik hier")'))
    desk.record_advice_shown(advice_of("advies-9", "STANDAARD"), Channel.CARD, None)
    store.close()
    period = ["--from", "2026-03-10", "--to", "2026-03-10"]
    code, out, _ = run("audit", "export", *period, "--format", "json")
    assert code == EXIT_OK
    records = json.loads(out)
    assert [r["kind"] for r in records] == ["manual_decision", "advice_shown"]
    assert records[0]["reason_text"].startswith("=HYPERLINK")  # JSON keeps the text as it is
    assert records[1]["pseudonym"] is None
    _code, out, _ = run("audit", "export", *period)
    assert list(csv.DictReader(io.StringIO(out)))[0]["reason_text"].startswith("'=HYPERLINK")


def test_audit_export_refuses_a_backwards_period() -> None:
    code, out, err = run("audit", "export", "--from", "2026-03-10", "--to", "2026-03-01")
    assert (code, out) == (EXIT_USAGE, "")
    assert "--to mag niet voor --from liggen." in err


def test_audit_pending_then_send_through_the_training_backend() -> None:
    _training_records(DAY, DAY)
    store = open_audit_store(Config(training=True), data_dir())
    recorder(store).record_override(against(advice_of("nooit-uitgegeven", "STANDAARD")))
    store.close()
    code, out, _ = run("--lang", "en", "audit", "pending")
    assert code == EXIT_OK
    assert out.splitlines()[0] == "Waiting for the advice service: 3; rejected: 0; delivered: 0."
    assert "record 1 (manual_decision, uitpas-kansentarief" in out
    assert ": waiting, 0 attempts" in out

    code, out, err = run("--lang", "en", "audit", "send")
    assert (code, err) == (EXIT_OK, "")
    assert out == "Delivered: 2; rejected: 1; still waiting: 0.\n"
    code, out, _ = run("--lang", "en", "audit", "pending")
    assert code == EXIT_FAILED  # a refused decision needs someone to look at it
    assert out.splitlines()[0] == "Waiting for the advice service: 0; rejected: 1; delivered: 2."
    assert "rejected, 1 attempt, last: " in out
    assert f"[{Problem.UNKNOWN_ADVICE.value}]" in out


def test_audit_send_to_an_unreachable_backend_keeps_them_waiting(tmp_path: Path) -> None:
    _training_records(DAY)
    config = tmp_path / "desk.toml"
    config.write_text(
        'training = true\nbackend = "remote"\n[remote]\nbase_url = "http://127.0.0.1:9"\n'
        'auth = "none"\nadvice_retries = 0\n',
        encoding="utf-8",
    )
    code, out, err = run("--config", str(config), "audit", "send")
    assert code == EXIT_FAILED
    assert out == "Afgeleverd: 0; geweigerd: 0; nog wachtend: 1.\n"
    assert "[BACKEND_UNREACHABLE]" in err


def test_audit_purge_follows_the_configured_retention(tmp_path: Path) -> None:
    now = dt.datetime.now(dt.UTC)
    _training_records(now - dt.timedelta(days=100), now - dt.timedelta(days=40), now)
    assert run("audit", "send")[0] == EXIT_OK
    config = tmp_path / "desk.toml"
    config.write_text("training = true\n[audit]\nretention_days = 60\n", encoding="utf-8")
    code, out, _ = run("--config", str(config), "audit", "purge", "--dry-run")
    assert code == EXIT_OK
    assert out.startswith("Zou 1 record verwijderen (1 tot 1), ouder dan ")
    code, out, _ = run("--lang", "en", "--config", str(config), "audit", "purge")
    assert code == EXIT_OK
    assert out.startswith("1 record purged (1 to 1), older than ")
    # records 4-6 are the three deliveries, chained; 7 the checkpoint
    assert out.rstrip().endswith("checkpoint 7 keeps the chain verifiable.")
    assert run("audit", "verify")[1] == "Auditlogboek in orde: 6 records (2 tot 7).\n"
    code, out, _ = run("--config", str(config), "audit", "purge")
    assert out.startswith("Niets te verwijderen: geen records ouder dan ")
