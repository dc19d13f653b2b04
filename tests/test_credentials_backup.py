# SPDX-License-Identifier: EUPL-1.2
"""``credentials export/import``: the installation key backed up under a passphrase, and back.

After a keyring reset the audit store and the source lists cannot be read without the key;
the backup brings it back. A wrong passphrase and a damaged file are named as such.
"""

from __future__ import annotations

import functools
import io
import json
import stat
from typing import TYPE_CHECKING

import pytest

from app.audit.decisions import open_audit_store
from app.cli.context import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from app.cli.main import build_parser, main
from app.settings.config import Config, data_dir
from app.settings.credentials import KEYRING_SERVICE, SecretName
from app.settings.key_backup import BackupFault, KeyBackupError, open_key, seal_key
from tests.audit_support import manual, recorder

if TYPE_CHECKING:
    from pathlib import Path

    from tests.keyring_memory import InMemoryKeyring

PASSPHRASE = "paard batterij nietje correct"
KEY_ENTRY = (KEYRING_SERVICE, SecretName.PSEUDONYM_KEY.value)


def _run(monkeypatch: pytest.MonkeyPatch, stdin: str, *argv: str) -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue() + err.getvalue()


def _three_records() -> None:
    store = open_audit_store(Config(training=False), data_dir())
    try:
        for index in range(3):
            recorder(store).record_override(manual(index))
    finally:
        store.close()


@pytest.fixture
def backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: InMemoryKeyring
) -> Path:
    """Records under a fresh key, and that key exported to a file."""
    _three_records()
    path = tmp_path / "sleutel.backup"
    code, said = _run(monkeypatch, PASSPHRASE + "\n", "credentials", "export", str(path))
    assert code == EXIT_OK, said
    assert said.startswith(f"Installatiesleutel bewaard in {path}.")
    return path


def test_credentials_backup_restores_the_key_after_a_keyring_reset(
    backup: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: InMemoryKeyring
) -> None:
    key = memory_keyring.passwords[KEY_ENTRY]
    assert key not in backup.read_text("ascii")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    memory_keyring.passwords.clear()
    code, said = _run(
        monkeypatch, PASSPHRASE + "\n", "--lang", "en", "credentials", "import", str(backup)
    )
    assert code == EXIT_OK, said
    assert said == f"Installation key restored from {backup}. Check with 'baliecheck selftest'.\n"
    assert memory_keyring.passwords[KEY_ENTRY] == key
    store = open_audit_store(Config(training=False), data_dir())
    try:
        report = store.verify()
    finally:
        store.close()
    assert (report.ok, report.records) == (True, 3)
    code, said = _run(monkeypatch, PASSPHRASE + "\n", "credentials", "import", str(backup))
    assert (code, said) == (EXIT_OK, "Deze installatiesleutel staat al in de sleutelopslag.\n")


def test_credentials_backup_wrong_passphrase_changes_nothing(
    backup: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: InMemoryKeyring
) -> None:
    memory_keyring.passwords.clear()
    code, said = _run(
        monkeypatch,
        "paard batterij nietje fout\n",
        "--lang",
        "fr",
        "credentials",
        "import",
        str(backup),
    )
    assert code == EXIT_FAILED
    assert said == (
        f"La phrase secrète ne correspond pas à {backup} (ou le fichier a été modifié).\n"
    )
    assert memory_keyring.passwords == {}


@functools.cache
def _sealed() -> str:
    """One backup for every damage case (scrypt is slow by design)."""
    return seal_key("ab" * 32, PASSPHRASE).decode("ascii")


def _flip_sealed(text: str) -> str:
    body = json.loads(text)
    body["sealed"] = (
        body["sealed"][:-6]
        + ("AAAA" if body["sealed"][-6:-2] != "AAAA" else "BBBB")
        + body["sealed"][-2:]
    )
    return json.dumps(body)


def _set(name: str, value: object) -> object:
    def change(text: str) -> str:
        body = json.loads(text)
        body[name] = value
        return json.dumps(body)

    return change


@pytest.mark.parametrize(
    ("damage", "fault"),
    [
        (lambda text: "", BackupFault.DAMAGED),
        (lambda text: text[: len(text) // 2], BackupFault.DAMAGED),
        (lambda text: "\x00\xff" + text, BackupFault.DAMAGED),
        (_set("nonce", "not base64 !"), BackupFault.DAMAGED),
        (_set("n", 2**30), BackupFault.DAMAGED),  # refused before scrypt could take gigabytes
        (_set("format", "baliecheck-key-backup-v9"), BackupFault.DAMAGED),
        (_set("p", 2), BackupFault.WRONG_PASSPHRASE),  # the header is sealed in: a change shows
        (_flip_sealed, BackupFault.WRONG_PASSPHRASE),
    ],
    ids=["empty", "cut", "garbage", "nonce", "huge-n", "format", "header", "sealed"],
)
def test_credentials_backup_damaged_file_is_named(damage: object, fault: BackupFault) -> None:
    assert callable(damage)
    damaged = str(damage(_sealed()))
    with pytest.raises(KeyBackupError) as caught:
        open_key(damaged.encode("utf-8", "surrogateescape"), PASSPHRASE)
    assert caught.value.fault is fault


def test_credentials_backup_damaged_file_through_the_command(
    backup: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: InMemoryKeyring
) -> None:
    backup.write_text(backup.read_text("ascii")[:40], "ascii")
    memory_keyring.passwords.clear()
    code, said = _run(monkeypatch, PASSPHRASE + "\n", "credentials", "import", str(backup))
    assert code == EXIT_FAILED
    assert (
        said == f"{backup} is geen reservekopie van een installatiesleutel, of ze is beschadigd.\n"
    )
    assert memory_keyring.passwords == {}


def test_credentials_backup_refuses_to_replace_another_key_without_asking(
    backup: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: InMemoryKeyring
) -> None:
    key = memory_keyring.passwords[KEY_ENTRY]
    memory_keyring.passwords[KEY_ENTRY] = "cd" * 32  # a key made after a reset
    code, said = _run(monkeypatch, PASSPHRASE + "\n", "credentials", "import", str(backup))
    assert code == EXIT_USAGE
    assert "er werd niets vervangen" in said
    assert memory_keyring.passwords[KEY_ENTRY] == "cd" * 32
    code, _said = _run(
        monkeypatch, PASSPHRASE + "\n", "credentials", "import", "--replace", str(backup)
    )
    assert code == EXIT_OK
    assert memory_keyring.passwords[KEY_ENTRY] == key


def test_credentials_export_refuses_a_short_passphrase_an_existing_file_and_no_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: InMemoryKeyring
) -> None:
    target = tmp_path / "sleutel.backup"
    code, said = _run(
        monkeypatch, PASSPHRASE + "\n", "--lang", "en", "credentials", "export", str(target)
    )
    assert (code, said) == (EXIT_FAILED, "There is no installation key in the keyring.\n")
    _three_records()
    code, said = _run(monkeypatch, "kort\n", "credentials", "export", str(target))
    assert code == EXIT_USAGE
    assert "te kort (minstens 12 tekens)" in said
    assert not target.exists()
    target.write_text("iets anders", "utf-8")
    code, said = _run(monkeypatch, PASSPHRASE + "\n", "credentials", "export", str(target))
    assert (code, said) == (EXIT_USAGE, f"{target} bestaat al; kies een nieuw bestand.\n")
    assert target.read_text("utf-8") == "iets anders"


def test_credentials_export_asks_twice_at_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: InMemoryKeyring
) -> None:
    _three_records()
    answers = [PASSPHRASE, PASSPHRASE + " maar anders"]  # scripted in order: first, then again
    asked: list[str] = []

    def typed(prompt: str) -> str:
        asked.append(prompt)
        return answers[len(asked) - 1]

    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", typed)
    target = tmp_path / "sleutel.backup"
    out, err = io.StringIO(), io.StringIO()
    assert main(["credentials", "export", str(target)], out=out, err=err) == EXIT_USAGE
    assert asked == ["Wachtzin: ", "Wachtzin nog eens: "]
    assert err.getvalue() == "De twee wachtzinnen verschillen; er werd niets bewaard.\n"
    assert not target.exists()


def test_credentials_backup_takes_no_passphrase_on_the_command_line() -> None:
    parser = build_parser()
    for argv in (["export", "f", PASSPHRASE], ["import", "f", "--passphrase", PASSPHRASE]):
        with pytest.raises(SystemExit):
            parser.parse_args(["credentials", *argv])


def test_credentials_backup_seal_and_open_round_trip() -> None:
    sealed = seal_key("ab" * 32, PASSPHRASE)
    assert open_key(sealed, PASSPHRASE) == "ab" * 32
    assert sealed != seal_key("ab" * 32, PASSPHRASE)  # a fresh salt and nonce each time
