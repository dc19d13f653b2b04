# SPDX-License-Identifier: EUPL-1.2
"""``selftest`` exercises what a decision needs: the audit store, its key and its anchor.

After a keyring reset or with a damaged audit file every override at the counter fails; the
report must then say FOUT, with what to do, and never "Klaar voor gebruik".
"""

from __future__ import annotations

import io
import sqlite3
from contextlib import closing
from typing import TYPE_CHECKING

import pytest

from app.audit.anchor import KeyringAnchor
from app.audit.database import head_path
from app.audit.decisions import AUDIT_FILE, open_audit_store
from app.cli.context import EXIT_FAILED
from app.cli.main import main
from app.settings.config import Config, data_dir
from app.settings.credentials import KEYRING_SERVICE, KeyringCredentials, SecretName
from tests.audit_support import manual, recorder

if TYPE_CHECKING:
    from pathlib import Path

    from tests.keyring_memory import InMemoryKeyring

READY = "Klaar voor gebruik"


def _selftest(tmp_path: Path, *options: str) -> tuple[int, str]:
    config = tmp_path / "desk.toml"
    if not config.exists():
        config.write_text("training = false\n", encoding="utf-8")
    out = io.StringIO()
    code = main([*options, "--config", str(config), "selftest"], out=out, err=io.StringIO())
    return code, out.getvalue()


def _recorded(count: int = 3) -> Path:
    store = open_audit_store(Config(training=False), data_dir())
    try:
        for index in range(count):
            recorder(store).record_override(manual(index))
    finally:
        store.close()
    return data_dir() / AUDIT_FILE


def _line(report: str, start: str) -> str:
    found = [line for line in report.splitlines() if line.startswith(start)]
    assert found, report
    return found[0]


def test_selftest_audit_lines_when_all_is_well(tmp_path: Path) -> None:
    path = _recorded()
    _code, report = _selftest(tmp_path)
    assert _line(report, "OK     Installatiesleutel:") == (
        "OK     Installatiesleutel: aanwezig in de sleutelopslag "
        "(bewaar een reservekopie: 'baliecheck credentials export BESTAND')"
    )
    assert _line(report, "OK     Auditlogboek") == (
        f"OK     Auditlogboek {path}: opent, testrecord geschreven en teruggedraaid"
    )
    assert "OK     Einde van het auditlogboek klopt met het ijkpunt" in report


def test_selftest_after_a_keyring_reset_says_how_to_restore_the_key(
    tmp_path: Path, memory_keyring: InMemoryKeyring
) -> None:
    _recorded()
    memory_keyring.passwords.clear()  # the keyring was reset
    code, report = _selftest(tmp_path, "--lang", "en")
    assert code == EXIT_FAILED
    assert "FAILED  Installation key: not usable" in report
    assert "[INSTALLATION_KEY_MISSING]" in report
    assert "'baliecheck credentials import FILE'" in report
    assert "FAILED  Audit log" in report
    assert "Ready for use" not in report
    assert memory_keyring.passwords == {}  # no new key was made behind the admin's back


def test_selftest_with_another_key_in_the_keyring_fails_the_audit_line(tmp_path: Path) -> None:
    _recorded()
    KeyringCredentials().set(SecretName.PSEUDONYM_KEY, "ab" * 32)  # someone made a new one
    code, report = _selftest(tmp_path)
    assert code == EXIT_FAILED
    assert "FOUT   Auditlogboek" in report
    assert "[AUDIT_KEY_MISMATCH]" in report
    assert "'baliecheck credentials import BESTAND'" in report
    assert READY not in report


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_selftest_with_a_damaged_audit_file_fails(tmp_path: Path, damage: str) -> None:
    path = _recorded(200)
    if damage == "garbage":
        path.write_bytes(b"this is no database, just text an editor saved\n" * 100)
    else:
        with path.open("r+b") as file:
            file.truncate(path.stat().st_size // 2)
    code, report = _selftest(tmp_path)
    assert code == EXIT_FAILED
    assert _line(report, "FOUT   Auditlogboek").endswith(
        ": er kan geen beslissing geregistreerd worden"
    )
    assert "[AUDIT_STORE_UNAVAILABLE]" in report
    assert READY not in report


def test_selftest_test_record_leaves_nothing_behind(tmp_path: Path) -> None:
    path = _recorded()
    before = (
        path.read_bytes(),
        head_path(path).read_bytes(),
        KeyringAnchor(KeyringCredentials()).read(),
    )
    _selftest(tmp_path)
    _selftest(tmp_path)
    after = (
        path.read_bytes(),
        head_path(path).read_bytes(),
        KeyringAnchor(KeyringCredentials()).read(),
    )
    assert after == before
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT count(*), max(seq) FROM audit_records").fetchone() == (3, 3)
        assert conn.execute(
            "SELECT count(*) FROM audit_records WHERE desk = 'selftest'"
        ).fetchone() == (0,)
    store = open_audit_store(Config(training=False), data_dir())
    try:
        assert (
            recorder(store).record_override(manual(9)).seq == 4
        )  # the test record's number is free
        assert store.verify().ok
    finally:
        store.close()


def test_selftest_names_an_audit_log_cut_short(tmp_path: Path) -> None:
    path = _recorded(4)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DELETE FROM outbox WHERE seq > 2")
        conn.execute("DELETE FROM audit_records WHERE seq > 2")
        conn.commit()
    head_path(path).unlink()
    code, report = _selftest(tmp_path)
    assert code == EXIT_FAILED
    assert "FOUT   Auditlogboek ingekort: de sleutelopslag kent record 4" in report
    assert "'baliecheck audit verify'" in report


def test_selftest_on_a_fresh_machine_makes_the_key_and_asks_for_a_backup(
    tmp_path: Path, memory_keyring: InMemoryKeyring
) -> None:
    config = tmp_path / "desk.toml"
    config.write_text(
        'backend = "remote"\n[remote]\nbase_url = "http://127.0.0.1:9"\nauth = "none"\n',
        encoding="utf-8",
    )
    _code, report = _selftest(tmp_path, "--lang", "fr")
    assert _line(report, "OK        Clé d'installation").endswith(
        "(gardez-en une copie : 'baliecheck credentials export FICHIER')"
    )
    assert "OK        Journal d'audit" in report
    assert (KEYRING_SERVICE, SecretName.PSEUDONYM_KEY.value) in memory_keyring.passwords


def test_selftest_training_checks_the_training_store(tmp_path: Path) -> None:
    (tmp_path / "desk.toml").write_text("training = true\n", encoding="utf-8")
    _code, report = _selftest(tmp_path)
    assert f"OK     Auditlogboek {data_dir() / 'training-audit.sqlite'}: opent" in report
    assert "Installatiesleutel" not in report
