# SPDX-License-Identifier: EUPL-1.2
"""The chain's head anchored in the keyring: a cut tail, a deleted store, a replaced head file.

Whoever can write the data folder can cut records off the end and delete or rewrite the head
file beside the database; the keyring (here the in-memory one of conftest) is out of reach,
so ``audit verify`` still names what was done. A crash between a COMMIT and the anchor's
update never reads as tampering.
"""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import time
from contextlib import closing
from typing import TYPE_CHECKING

import pytest

from app.audit.anchor import KeyringAnchor
from app.audit.chain import Break, Head, Witness
from app.audit.database import head_path, remove_stale_temporaries
from app.audit.decisions import AUDIT_FILE, open_audit_store
from app.audit.store import AuditStore
from app.cli.context import EXIT_FAILED, EXIT_OK
from app.cli.main import main
from app.problems import AppError, Problem
from app.settings.config import Config, data_dir
from app.settings.credentials import KeyringCredentials, SecretName
from tests.audit_support import KEY, manual, recorder

if TYPE_CHECKING:
    from pathlib import Path

    from app.audit.chain import VerifyReport
    from tests.keyring_memory import InMemoryKeyring

RECORDS = 8


def _witness() -> KeyringAnchor:
    return KeyringAnchor(KeyringCredentials())


def _store(path: Path) -> AuditStore:
    return AuditStore(path, key=KEY, witness=_witness())


def _filled(path: Path, count: int = RECORDS) -> None:
    with _store(path) as store:
        desk = recorder(store)
        for index in range(count):
            desk.record_override(manual(index))


def _verify(path: Path) -> VerifyReport:
    with _store(path) as store:
        return store.verify()


def _cut(path: Path, after: int) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"DELETE FROM outbox WHERE seq > {after}")
        conn.execute(f"DELETE FROM audit_records WHERE seq > {after}")
        conn.commit()


def test_audit_anchor_follows_every_record(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite"
    _filled(path)
    anchor = _witness().read()
    assert anchor is not None
    assert anchor.seq == RECORDS
    report = _verify(path)
    assert report.ok, report
    assert (report.anchor_seq, report.witnessed) == (RECORDS, True)


@pytest.mark.parametrize("head", ["deleted", "rewritten"])
def test_audit_anchor_catches_a_cut_tail_whatever_the_head_file_says(
    tmp_path: Path, head: str
) -> None:
    path = tmp_path / "audit.sqlite"
    _filled(path)
    _cut(path, 5)
    if head == "deleted":
        head_path(path).unlink()
    else:  # the head file rewritten to name the new last record, as the store would have
        with closing(sqlite3.connect(path)) as conn:
            digest = conn.execute("SELECT hash FROM audit_records WHERE seq = 5").fetchone()[0]
        head_path(path).write_text(f'{{"seq": 5, "hash": "{bytes(digest).hex()}"}}', "ascii")
    report = _verify(path)
    assert (report.broken, report.broken_seq, report.through_seq) == (Break.CUT_OFF, 6, RECORDS)
    assert report.witness is Witness.KEYRING


def test_audit_anchor_catches_everything_deleted(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite"
    _filled(path)
    for leftover in tmp_path.iterdir():
        leftover.unlink()
    report = _verify(path)
    assert (report.broken, report.broken_seq, report.through_seq) == (Break.CUT_OFF, 1, RECORDS)
    # the desk starts again on an empty folder and records on: the evidence stays
    with _store(path) as store:
        recorder(store).record_override(manual(0))
    anchor = _witness().read()
    assert anchor is not None
    assert anchor.seq == RECORDS
    report = _verify(path)
    assert (report.broken, report.broken_seq) == (Break.CUT_OFF, 2)


def test_audit_anchor_catches_an_older_copy_put_back(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite"
    _filled(path, 3)
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("audit.sqlite", "audit.sqlite.head"):
        shutil.copy(tmp_path / name, copy / name)
    with _store(path) as store:
        recorder(store).record_override(manual(5))
    for name in ("audit.sqlite", "audit.sqlite.head"):
        shutil.copy(copy / name, tmp_path / name)
    report = _verify(path)
    assert (report.broken, report.broken_seq, report.witness) == (Break.CUT_OFF, 4, Witness.KEYRING)


def test_audit_anchor_catches_another_store_of_the_same_length(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite"
    _filled(path, 3)
    other = tmp_path / "other"
    other.mkdir()
    with AuditStore(other / "audit.sqlite", key=KEY) as store:  # no witness: the anchor stays
        for index in range(3):
            recorder(store).record_override(manual(index + 1))
    for name in ("audit.sqlite", "audit.sqlite.head"):
        shutil.copy(other / name, tmp_path / name)
    report = _verify(path)
    assert (report.broken, report.broken_seq, report.witness) == (
        Break.REPLACED,
        3,
        Witness.KEYRING,
    )


def test_audit_anchor_lagging_after_a_crash_is_no_tampering(tmp_path: Path) -> None:
    """Power cut after the COMMIT, before the anchor: the store runs ahead of it; that is fine."""
    path = tmp_path / "audit.sqlite"
    _filled(path, 3)
    with AuditStore(path, key=KEY) as crashed:  # commits, but never reaches the keyring
        recorder(crashed).record_override(manual(3))
        assert len(_witness_hash(3)) == 32  # the anchor still names record 3
    report = _verify(path)
    assert report.ok, report
    assert (report.records, report.anchor_seq) == (4, 3)
    _filled(path, 1)  # the next session finds the store extends its anchor, and moves it on
    anchor = _witness().read()
    assert anchor is not None
    assert anchor.seq == 5
    assert _verify(path).ok


def _witness_hash(seq: int) -> bytes:
    anchor = _witness().read()
    assert anchor is not None
    assert anchor.seq == seq
    return anchor.hash


class _CommittedFirst:
    """A witness that checks, on every write, that the record is already committed on disk."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.inner = _witness()
        self.writes = 0

    def read(self) -> Head | None:
        return self.inner.read()

    def write(self, head: Head) -> None:
        with closing(sqlite3.connect(self.path)) as conn:  # another connection: committed only
            row = conn.execute("SELECT hash FROM audit_records WHERE seq = ?", (head.seq,))
            assert bytes(row.fetchone()[0]) == head.hash
        self.writes += 1
        self.inner.write(head)


def test_audit_anchor_never_runs_ahead_of_the_commit(tmp_path: Path) -> None:
    """The reverse crash window (anchor written, record not) cannot arise: COMMIT comes first."""
    path = tmp_path / "audit.sqlite"
    witness = _CommittedFirst(path)
    with AuditStore(path, key=KEY, witness=witness) as store:
        for index in range(4):
            recorder(store).record_override(manual(index))
    assert witness.writes == 4


def test_audit_anchor_keyring_failure_keeps_the_record(
    tmp_path: Path, memory_keyring: InMemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "audit.sqlite"
    _filled(path, 2)

    def locked(*_args: object) -> None:
        raise AppError(Problem.KEYRING_UNAVAILABLE, "locked")

    monkeypatch.setattr(KeyringCredentials, "set", locked)
    with _store(path) as store:
        recorded = recorder(store).record_override(manual(2))
    assert recorded.seq == 3
    monkeypatch.undo()
    report = _verify(path)
    assert report.ok, report
    assert (report.records, report.anchor_seq) == (3, 2)


def test_audit_anchor_damaged_in_the_keyring_is_named(
    tmp_path: Path, memory_keyring: InMemoryKeyring
) -> None:
    path = tmp_path / "audit.sqlite"
    _filled(path, 2)
    KeyringCredentials().set(SecretName.AUDIT_ANCHOR, "baliecheck-audit-anchor-v1 2 zz")
    assert _verify(path).broken is Break.ANCHOR_UNREADABLE


def _run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue() + err.getvalue()


@pytest.fixture
def real_config(tmp_path: Path) -> Config:
    (tmp_path / "config.toml").write_text("training = false\n", encoding="utf-8")
    return Config(training=False)


def test_audit_verify_command_names_the_keyring_anchor(real_config: Config) -> None:
    store = open_audit_store(real_config, data_dir())
    try:
        for index in range(4):
            recorder(store).record_override(manual(index))
    finally:
        store.close()
    code, out = _run("audit", "verify")
    assert (code, out.splitlines()[-1]) == (
        EXIT_OK,
        "Het einde klopt met het ijkpunt in de sleutelopslag (record 4).",
    )
    path = data_dir() / AUDIT_FILE
    _cut(path, 2)
    head_path(path).unlink()
    code, out = _run("audit", "verify")
    assert code == EXIT_FAILED
    assert out.splitlines()[:2] == [
        "Auditlogboek GEBROKEN bij record 3: records 3 tot 4 werden aan het einde weggeknipt.",
        "Dat blijkt uit het ijkpunt in de sleutelopslag (record 4); het head-bestand naast het "
        "auditlogboek zegt het niet: het werd verwijderd of vervangen.",
    ]
    for name in os.listdir(data_dir()):
        (data_dir() / name).unlink()
    code, out = _run("--lang", "en", "audit", "verify")
    assert code == EXIT_FAILED
    assert out.startswith("Audit log BROKEN at record 1: records 1 to 4 were cut off the end.")


def test_audit_stale_head_temporaries_are_removed_fresh_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite"
    _filled(path, 1)
    stale = tmp_path / "audit.sqlite.head.4242.1.tmp"
    fresh = tmp_path / "audit.sqlite.head.4243.1.tmp"
    other = tmp_path / "notes.head.1.1.tmp"
    for leftover in (stale, fresh, other):
        leftover.write_text("{}", "ascii")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    os.utime(other, (an_hour_ago, an_hour_ago))
    with _store(path) as store:  # opening the store cleans up after a crash
        recorder(store).record_override(manual(1))
    assert not stale.exists()
    assert fresh.exists()  # may be another process's head being written right now
    assert other.exists()  # not ours
    assert remove_stale_temporaries(path, older_than_s=-1) == 1
    assert not fresh.exists()
    assert _verify(path).ok
