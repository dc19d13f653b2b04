# SPDX-License-Identifier: EUPL-1.2
"""The audit store: what a record holds, and tampering of every kind named by ``verify``."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from dataclasses import replace
from typing import TYPE_CHECKING

import pytest

from app.audit.chain import Break
from app.audit.records import RecordKind
from app.audit.store import AuditStore
from app.eligibility.wire import Channel
from app.problems import AppError, Problem
from tests.audit_support import KEY, NUMBERS, advice_of, against, manual, recorder

if TYPE_CHECKING:
    from pathlib import Path

    from app.audit.chain import VerifyReport

RECORDS = 20


def _filled(path: Path, count: int = RECORDS) -> None:
    """A closed store with ``count`` records of every kind (its log folded into the file)."""
    with AuditStore(path, key=KEY) as store:
        desk = recorder(store)
        for index in range(count):
            if index % 4 == 0:
                desk.record_override(manual(index))
            elif index % 4 == 1:
                desk.record_override(against(advice_of(f"advies-{index}", "KANSENTARIEF")))
            elif index % 4 == 2:
                desk.record_advice_shown(
                    advice_of(f"advies-{index}", "STANDAARD"), Channel.CARD, None
                )
            else:
                desk.record_problem(Problem.BACKEND_UNREACHABLE, "uitpas-kansentarief", None)


def _tamper(path: Path, *statements: str) -> None:
    """What someone with the file and the sqlite3 tool could do (the trigger is no obstacle)."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DROP TRIGGER IF EXISTS audit_records_append_only")
        for statement in statements:
            conn.execute(statement)
        conn.commit()


def _verify(path: Path) -> VerifyReport:
    with AuditStore(path, key=KEY) as store:
        return store.verify()


def test_audit_record_holds_the_decision_and_a_pseudonym_only(tmp_path: Path) -> None:
    with AuditStore(tmp_path / "audit.sqlite", key=KEY) as store:
        desk = recorder(store)
        advice = advice_of("advies-1", "KANSENTARIEF")
        typed = f"burger gaf nummer {NUMBERS[0]} op, verhuisd"
        recorded = desk.record_override(replace(against(advice), reason_text=typed))
        day = dt.timedelta(days=1)
        [(seq, entry)] = list(store.records(recorded.at - day, recorded.at + day))
    assert seq == recorded.seq == 1
    assert entry.kind is RecordKind.OVERRIDE
    assert (entry.desk, entry.staff_id, entry.service) == (
        "balie-1",
        "medewerker-7",
        "uitpas-kansentarief",
    )
    assert (entry.advice_id, entry.advised_outcome, entry.applied_outcome) == (
        "advies-1",
        "KANSENTARIEF",
        "STANDAARD",
    )
    assert (entry.reason_code, entry.channel) == ("RECENT_MOVE", "card")
    assert entry.reason_text is not None
    assert NUMBERS[0] not in entry.reason_text
    assert f"{NUMBERS[0][:2]}.{NUMBERS[0][2:4]}.{NUMBERS[0][4:6]}-xxx.xx" in entry.reason_text
    assert entry.pseudonym is not None
    assert len(entry.pseudonym) == 32
    assert entry.at.tzinfo is not None
    assert entry.at.utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"applied_outcome": "STANDAARD"}, "the applied outcome is the advised one"),
        ({"reason_text": "te kort"}, "reason_text"),
        ({"advice": None, "national_number": None}, "needs the national number"),
    ],
)
def test_audit_refuses_what_the_backend_would_refuse(
    tmp_path: Path, change: dict[str, object], problem: str
) -> None:
    with AuditStore(tmp_path / "audit.sqlite", key=KEY) as store:
        calls: list[None] = []
        desk = recorder(store, on_recorded=lambda: calls.append(None))
        base = against(advice_of("advies-1", "STANDAARD"))
        with pytest.raises(AppError) as caught:
            desk.record_override(replace(base, **change))  # type: ignore[arg-type]
        assert caught.value.problem is Problem.INVALID_REQUEST
        assert problem in caught.value.detail
        assert calls == []
        assert store.verify().records == 0


def test_audit_intact_chain_verifies(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite"
    _filled(path)
    report = _verify(path)
    assert report.ok
    assert (report.records, report.first_seq, report.last_seq) == (RECORDS, 1, RECORDS)


@pytest.mark.parametrize(
    ("statements", "broken", "seq"),
    [
        (
            ["UPDATE audit_records SET applied_outcome = 'STANDAARD' WHERE seq = 5"],
            Break.CHANGED,
            5,
        ),
        (["UPDATE audit_records SET staff_id = 'iemand-anders' WHERE seq = 9"], Break.CHANGED, 9),
        (
            ["UPDATE audit_records SET at = '2020-01-01T00:00:00.000000+00:00' WHERE seq = 2"],
            Break.CHANGED,
            2,
        ),
        (["UPDATE audit_records SET hash = zeroblob(32) WHERE seq = 11"], Break.CHANGED, 11),
        (["DELETE FROM audit_records WHERE seq = 7"], Break.MISSING, 7),
        (["DELETE FROM audit_records WHERE seq BETWEEN 7 AND 9"], Break.MISSING, 7),
        (["DELETE FROM audit_records WHERE seq <= 3"], Break.MISSING, 1),
        ([f"DELETE FROM audit_records WHERE seq = {RECORDS}"], Break.CUT_OFF, RECORDS),
        (
            [  # two records swapped, with their numbers: each in the other's place
                "UPDATE audit_records SET seq = -1 WHERE seq = 7",
                "UPDATE audit_records SET seq = 7 WHERE seq = 8",
                "UPDATE audit_records SET seq = 8 WHERE seq = -1",
            ],
            Break.OUT_OF_PLACE,
            7,
        ),
        (
            [  # two records' contents swapped, their numbers left
                "CREATE TEMP TABLE t AS SELECT * FROM audit_records WHERE seq IN (12, 13)",
                "DELETE FROM audit_records WHERE seq IN (12, 13)",
                "INSERT INTO audit_records SELECT 25 - seq, kind, at, desk, staff_id, service, "
                "advice_id, advised_outcome, applied_outcome, reason_code, reason_text, channel, "
                "pseudonym, detail, prev_hash, hash, mode FROM temp.t",
            ],
            Break.OUT_OF_PLACE,
            12,
        ),
    ],
)
def test_audit_tampering_names_the_first_broken_record(
    tmp_path: Path, statements: list[str], broken: Break, seq: int
) -> None:
    path = tmp_path / "audit.sqlite"
    _filled(path)
    _tamper(path, *statements)
    report = _verify(path)
    assert (report.broken, report.broken_seq) == (broken, seq), report
    assert report.reason


def test_audit_a_forged_record_at_the_end_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite"
    _filled(path)
    _tamper(
        path,
        "INSERT INTO audit_records SELECT seq + 1, kind, at, desk, 'valsspeler', service, "
        "advice_id, advised_outcome, applied_outcome, reason_code, reason_text, channel, "
        f"pseudonym, detail, hash, hash, mode FROM audit_records WHERE seq = {RECORDS}",
    )
    report = _verify(path)
    assert (report.broken, report.broken_seq) == (Break.CHANGED, RECORDS + 1)


@pytest.mark.parametrize("fraction", [0.0, 0.2, 0.5, 0.8, 0.95])
def test_audit_truncated_file_is_named_where_reading_stops(tmp_path: Path, fraction: float) -> None:
    path = tmp_path / "audit.sqlite"
    _filled(path, 300)
    size = path.stat().st_size
    with path.open("r+b") as file:
        file.truncate(int(size * fraction) + 100)
    report = _verify(path)
    assert not report.ok
    assert report.broken in {Break.UNREADABLE, Break.OUT_OF_PLACE, Break.CUT_OFF}
    assert report.broken_seq == report.records + 1
    assert report.broken_seq <= 300


def test_audit_truncated_to_nothing_is_cut_off_from_the_first(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite"
    _filled(path)
    path.write_bytes(b"")
    report = _verify(path)
    assert (report.broken, report.broken_seq, report.through_seq) == (Break.CUT_OFF, 1, RECORDS)


def test_audit_store_under_another_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite"
    _filled(path, 3)
    with AuditStore(path, key=b"another installation key, reset!") as other:
        assert other.verify().broken is Break.KEY_MISMATCH
        with pytest.raises(AppError) as caught:
            recorder(other).record_override(manual(0))
    assert caught.value.problem is Problem.AUDIT_KEY_MISMATCH
    assert _verify(path).records == 3


def test_audit_sealed_number_opens_only_with_its_key_and_entry() -> None:
    from app.audit.seal import Sealer

    sealer = Sealer(b"k" * 32)
    sealed = sealer.seal(b"11010199091", bound_to="key-1")
    assert b"11010199091" not in sealed
    assert sealer.open(sealed, bound_to="key-1") == b"11010199091"
    altered = sealed[:-1] + bytes([sealed[-1] ^ 1])
    other = Sealer(b"x" * 32)
    attempts = [
        (sealer, sealed, "key-2"),
        (other, sealed, "key-1"),
        (sealer, altered, "key-1"),
        (sealer, b"\x01short", "key-1"),
    ]
    for opener, box, entry in attempts:
        with pytest.raises(AppError) as caught:
            opener.open(box, bound_to=entry)
        assert caught.value.problem is Problem.AUDIT_KEY_MISMATCH


def test_audit_a_field_added_later_leaves_old_hashes_and_is_chained_when_set() -> None:
    from app.audit import records

    assert records.EXTENSIONS == ("mode",)  # the first extension: which trust decided
    entry = advice_of("advies-1", "STANDAARD")
    values = records.AuditEntry(
        kind=RecordKind.ADVICE_SHOWN, at=entry.decided_at, desk="balie-1", staff_id="m-7"
    ).values()
    core = values[: len(records.CORE_COLUMNS)]
    before = records.canonical(1, core)  # a record written before the field existed
    assert records.canonical(1, (*core, None)) == before  # an old record keeps its hash
    marked = records.canonical(1, (*core, "acceptance"))
    assert marked.endswith(b',{"mode":"acceptance"}]')
    assert records.link(KEY, bytes(32), 1, (*core, "training")) != records.link(
        KEY, bytes(32), 1, (*core, "acceptance")
    )
