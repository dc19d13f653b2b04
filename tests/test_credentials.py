# SPDX-License-Identifier: EUPL-1.2
"""Secrets live in the keyring; a missing keyring or secret is a clear problem, not a fallback."""

from __future__ import annotations

from typing import TYPE_CHECKING

import keyring
import pytest
from keyring.backends import fail

from app.problems import AppError, Problem, problem_for_fault
from app.settings.credentials import (
    KEYRING_SERVICE,
    KeyringCredentials,
    SecretName,
    pseudonym_key,
    require_secret,
)
from eid.errors import CardFault

if TYPE_CHECKING:
    from tests.keyring_memory import InMemoryKeyring


def test_credentials_round_trip_through_the_keyring(memory_keyring: InMemoryKeyring) -> None:
    store = KeyringCredentials()
    store.set(SecretName.BEARER_TOKEN, "tok-123")
    assert store.get(SecretName.BEARER_TOKEN) == "tok-123"
    assert memory_keyring.passwords[(KEYRING_SERVICE, "backend-bearer-token")] == "tok-123"


def test_credentials_missing_secret_names_the_command() -> None:
    with pytest.raises(AppError) as caught:
        require_secret(KeyringCredentials(), SecretName.OAUTH_CLIENT_SECRET)
    assert caught.value.problem is Problem.CREDENTIALS_MISSING
    assert "baliecheck credentials set backend-oauth-client-secret" in str(caught.value)


def test_credentials_no_keyring_is_refused_with_words() -> None:
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    with pytest.raises(AppError) as caught:
        KeyringCredentials().get(SecretName.BEARER_TOKEN)
    assert caught.value.problem is Problem.KEYRING_UNAVAILABLE
    assert "PYTHON_KEYRING_BACKEND" in caught.value.detail


def test_credentials_pseudonym_key_is_made_once_and_kept() -> None:
    store = KeyringCredentials()
    first = pseudonym_key(store)
    assert len(first) == 32
    assert pseudonym_key(store) == first
    assert pseudonym_key(KeyringCredentials()) == first


def test_problems_cover_every_card_fault() -> None:
    for fault in CardFault:
        assert problem_for_fault(fault).value == fault.value


def test_credentials_set_command_reads_the_secret_from_stdin(
    memory_keyring: InMemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from app.cli.main import main

    monkeypatch.setattr("sys.stdin", io.StringIO("tok-from-stdin\n"))
    out = io.StringIO()
    assert main(["credentials", "set", "backend-bearer-token"], out=out) == 0
    assert memory_keyring.passwords[(KEYRING_SERVICE, "backend-bearer-token")] == "tok-from-stdin"
    assert "tok-from-stdin" not in out.getvalue()
    assert "bewaard in de sleutelopslag" in out.getvalue()


def test_credentials_set_command_refuses_an_empty_secret(
    memory_keyring: InMemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from app.cli.main import main

    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    out = io.StringIO()
    assert main(["credentials", "set", "serve-tokens"], out=out) == 2
    assert memory_keyring.passwords == {}
    assert "er werd niets bewaard" in out.getvalue()


def test_credentials_set_command_has_no_value_argument() -> None:
    from app.cli.main import build_parser

    with pytest.raises(SystemExit):
        build_parser().parse_args(["credentials", "set", "backend-bearer-token", "geheim"])
