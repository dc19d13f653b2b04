# SPDX-License-Identifier: EUPL-1.2
"""``sources import``, ``sources list`` and ``check`` on PostgreSQL, as on SQLite; and a wrong
database_url or a server down said clearly, naming the key, never the password."""

from __future__ import annotations

import csv
import io
import logging
from typing import TYPE_CHECKING

import keyring
import psycopg
import pytest

from app.cli.context import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from app.cli.main import main
from app.eligibility.embedded.sample_data import load_sample_data
from app.settings.credentials import KeyringCredentials, SecretName
from tests.keyring_memory import InMemoryKeyring

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.postgres
PASSWORD = "pw-Secret-4711"  # noqa: S105 - a test's password, to show it never leaks


def run(
    argv: list[str], stdin: str = "", monkeypatch: pytest.MonkeyPatch | None = None
) -> tuple[int, str, str]:
    if monkeypatch is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def write_config(path: Path, embedded: str) -> str:
    path.write_text(f"[embedded]\n{embedded}\n", encoding="utf-8")
    return str(path)


def sample_files(folder: Path) -> dict[str, Path]:
    """The sample lists as CSV files an admin would import (as the training store's seed)."""
    data = load_sample_data()
    files = {}
    folder.mkdir()
    for name in data.lists:
        on_list = [c for c in data.citizens if name in c.lists]
        columns = sorted({column for c in on_list for column in c.columns.get(name, {})})
        path = folder / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(["insz", *columns])
            for citizen in on_list:
                cells = [citizen.columns.get(name, {}).get(c, "") for c in columns]
                writer.writerow([citizen.national_number.digits, *cells])
        files[name] = path
    return files


def import_and_check(
    config: str, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    """Every list imported, listed, then every sample citizen checked: what the admin reads."""
    seen = []
    for name, path in files.items():
        argv = ["--config", config, "sources", "import", name, str(path), "--as-of", "2026-01-01"]
        argv += ["--allow-empty"]
        code, out, err = run(argv)
        assert code == EXIT_OK, err
        seen.append(out)
    code, out, err = run(["--config", config, "sources", "list"])
    assert code == EXIT_OK, err
    seen.append("\n".join(line.split(", ingelezen op")[0] for line in out.splitlines()))
    for citizen in load_sample_data().citizens:
        digits = citizen.national_number.digits
        argv = ["--config", config, "check", "--service", "uitpas-kansentarief", "--insz", "-"]
        code, out, err = run(argv, digits + "\n", monkeypatch)
        assert digits not in out + err
        kept = [line for line in (out + err).splitlines() if not line.startswith("Advies-id:")]
        seen.append(f"{code} " + "\n".join(kept))
    return seen


def test_postgres_cli_import_list_and_check_as_on_sqlite(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sample_files(tmp_path / "lists")
    sqlite = write_config(tmp_path / "sqlite.toml", f'store = "{tmp_path / "s.sqlite"}"')
    postgres = write_config(tmp_path / "pg.toml", f'database_url = "{pg_url}"')
    expected = import_and_check(sqlite, files, monkeypatch)
    assert any("KANSENTARIEF" in text for text in expected)  # the test can see verdicts
    assert import_and_check(postgres, files, monkeypatch) == expected
    assert not (tmp_path / "data" / "sources.sqlite").exists()


def test_postgres_cli_password_in_the_url_is_refused_without_showing_it(tmp_path: Path) -> None:
    config = write_config(
        tmp_path / "pg.toml", f'database_url = "postgresql://balie:{PASSWORD}@db.local/balie"'
    )
    code, out, err = run(["--config", config, "sources", "list"])
    assert code == EXIT_USAGE
    assert "embedded.database_url" in err
    assert "credentials set database-password" in err
    assert PASSWORD not in out + err


def test_postgres_cli_server_down_names_the_key_never_the_password(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    KeyringCredentials().set(SecretName.DATABASE_PASSWORD, PASSWORD)
    url = f"postgresql://balie@/balie?host={tmp_path}"  # no server on this socket
    config = write_config(tmp_path / "pg.toml", f'database_url = "{url}"')
    caplog.set_level(logging.DEBUG)
    for argv in (["sources", "list"], ["check", "--service", "lez-registratie", "--insz", "-"]):
        code, out, err = run(["--config", config, "-v", *argv], "85073003328\n", monkeypatch)
        assert code == EXIT_USAGE
        assert "[CONFIG_INVALID]" in err
        assert f"embedded.database_url: cannot connect to {url}" in err
        assert PASSWORD not in out + err + caplog.text


def test_postgres_cli_unknown_role_is_said_without_the_password(
    pg_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    KeyringCredentials().set(SecretName.DATABASE_PASSWORD, PASSWORD)
    url = pg_url.replace("baliecheck@", "nobody_here@")
    config = write_config(tmp_path / "pg.toml", f'database_url = "{url}"')
    caplog.set_level(logging.DEBUG)
    code, out, err = run(["--config", config, "sources", "list"])
    assert code == EXIT_USAGE
    assert "embedded.database_url: cannot connect" in err
    assert 'role "nobody_here" does not exist' in err
    assert PASSWORD not in out + err + caplog.text


def test_postgres_cli_newer_schema_is_refused(pg_url: str, tmp_path: Path) -> None:
    config = write_config(tmp_path / "pg.toml", f'database_url = "{pg_url}"')
    assert run(["--config", config, "sources", "list"])[0] == EXIT_OK  # creates the schema
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_version (version, name) VALUES (9999, 'future')")
    code, _out, err = run(["--config", config, "sources", "list"])
    assert code == EXIT_USAGE
    assert "newer than this program's" in err
    assert code != EXIT_FAILED


def test_postgres_cli_second_machine_without_the_key_is_told_to_copy_it(
    pg_url: str, tmp_path: Path
) -> None:
    """A machine whose keyring lacks the key the database was made with does not make a new
    one (its pseudonyms would match no one): it says the key is missing."""
    config = write_config(tmp_path / "pg.toml", f'database_url = "{pg_url}"')
    assert run(["--config", config, "sources", "list"])[0] == EXIT_OK  # the first machine
    keyring.set_keyring(InMemoryKeyring())  # another machine, its own empty keyring
    code, out, err = run(["--config", config, "sources", "list"])
    assert code != EXIT_OK
    assert "[INSTALLATION_KEY_MISSING]" in err
    assert KeyringCredentials().get(SecretName.PSEUDONYM_KEY) is None
