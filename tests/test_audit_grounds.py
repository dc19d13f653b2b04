# SPDX-License-Identifier: EUPL-1.2
"""The grounds and rule version of an advice: kept in the audit record (its detail, so the
chain is as before) and the engine's issued advices, shown in ``audit export``, never on the
desk's screen."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from contextlib import closing
from typing import TYPE_CHECKING

from app.audit.decisions import open_audit_store
from app.cli.context import EXIT_OK
from app.cli.main import main
from app.eligibility.embedded.engine import EmbeddedEligibility
from app.eligibility.embedded.lists.store import SourceStore
from app.eligibility.embedded.rules import load_rules
from app.eligibility.embedded.sample_data import sample_citizens, seed_training_store
from app.eligibility.port import AdviceQuery
from app.eligibility.wire import Channel
from app.resource_paths import rules_dir
from app.settings.config import Config, data_dir
from tests.audit_support import advice_of, against, recorder

if TYPE_CHECKING:
    from pathlib import Path

DAY = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC)


def export(fmt: str) -> str:
    out = io.StringIO()
    code = main(
        ["audit", "export", "--from", "2026-03-10", "--to", "2026-03-10", "--format", fmt],
        out=out,
        err=io.StringIO(),
    )
    assert code == EXIT_OK
    return out.getvalue()


def test_audit_grounds_and_rule_version_are_recorded_and_exported() -> None:
    advice = advice_of("advies-1", "KANSENTARIEF").model_copy(
        update={"rule_version": "2026", "grounds": ("INWONER", "VT")}
    )
    older = advice_of("advies-2", "STANDAARD")  # a contract 1.0 backend: neither
    store = open_audit_store(Config(training=True), data_dir())
    desk = recorder(store, now=lambda: DAY)
    desk.record_advice_shown(advice, Channel.CARD, None)
    desk.record_advice_shown(older, Channel.CARD, None)
    desk.record_override(against(advice))
    assert store.verify().ok
    store.close()
    records = json.loads(export("json"))
    assert [(r["kind"], r["rule_version"], r["grounds"]) for r in records] == [
        ("advice_shown", "2026", "INWONER VT"),
        ("advice_shown", None, None),
        ("override", "2026", "INWONER VT"),
    ]
    assert json.loads(records[0]["detail"]) == {
        "grounds": ["INWONER", "VT"],
        "rule_version": "2026",
    }
    rows = list(csv.DictReader(io.StringIO(export("csv"))))
    assert [(r["rule_version"], r["grounds"]) for r in rows] == [
        ("2026", "INWONER VT"),
        ("", ""),
        ("2026", "INWONER VT"),
    ]


def test_audit_grounds_kept_with_the_engines_issued_advice(tmp_path: Path) -> None:
    store = SourceStore(tmp_path / "s.sqlite", key=b"k" * 32)
    seed_training_store(store, dt.date(2026, 1, 1))
    engine = EmbeddedEligibility(load_rules(rules_dir()), store, now=lambda: DAY)
    citizen = sample_citizens()[1]  # inwoner, verhoogde tegemoetkoming
    try:
        advice = engine.advise(
            AdviceQuery("uitpas-kansentarief", citizen.national_number, "b-1", Channel.CARD)
        )
    finally:
        engine.close()
    assert (advice.rule_version, advice.grounds) == ("2026", ("INWONER", "VT"))
    assert advice.valid_until == dt.date(2027, 4, 30)
    with closing(sqlite3.connect(tmp_path / "s.sqlite")) as conn:
        row = conn.execute(
            "SELECT rule_version, grounds FROM issued_advices WHERE advice_id = ?",
            (advice.advice_id,),
        ).fetchone()
    assert row == ("2026", "INWONER VT")


def test_audit_grounds_columns_added_to_an_older_engine_store(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(
            "CREATE TABLE issued_advices (advice_id TEXT PRIMARY KEY, service TEXT NOT NULL, "
            "outcome_code TEXT NOT NULL, pseudonym BLOB NOT NULL, decided_at TEXT NOT NULL) "
            "WITHOUT ROWID"
        )
        conn.commit()
    store = SourceStore(path, key=b"k" * 32)
    seed_training_store(store, dt.date(2026, 1, 1))
    engine = EmbeddedEligibility(load_rules(rules_dir()), store, now=lambda: DAY)
    try:
        number = sample_citizens()[0].national_number
        advice = engine.advise(AdviceQuery("uitpas-kansentarief", number, "b-1", Channel.CARD))
    finally:
        engine.close()
    assert advice.grounds == ("INWONER", "LEEFLOON")
