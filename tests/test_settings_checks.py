# SPDX-License-Identifier: EUPL-1.2
"""The settings dialog's connection test: the stored secret never goes to a new address."""

from __future__ import annotations

from dataclasses import replace

from app.language import Language
from app.problems import Problem
from app.settings.checks import SettingsChecks
from app.settings.config import AuthKind
from app.settings.credentials import KeyringCredentials, SecretName
from app.settings.file import save_settings
from app.settings.form import DeskMode, SettingsForm
from tests.bad_backend import HEALTH_DOC, SERVICE_DOC, BadBackend, json_reply

STORED = "stored-token-for-the-real-backend-0123"
TYPED = "typed-token-for-this-test-0123456789"

IN_EFFECT = SettingsForm(
    mode=DeskMode.REMOTE,
    desk_id="gent-balie-7",
    services=("uitpas-kansentarief",),
    language=Language.NL,
    base_url="https://advies.gent.example",
    auth=AuthKind.BEARER,
)


def _tokens_seen(backend: BadBackend) -> list[str]:
    return [
        value
        for received in backend.received()
        for name, value in received.headers.items()
        if name.lower() == "authorization"
    ]


def test_connection_test_sends_no_stored_secret_to_a_new_address() -> None:
    save_settings(IN_EFFECT, credentials=KeyringCredentials(), new_secret=STORED)
    checks = SettingsChecks(reader_names=list)
    try:
        with BadBackend() as backend:
            backend.script("GET", "/v1/health", json_reply(HEALTH_DOC))
            backend.script("GET", "/v1/services", json_reply({"services": [SERVICE_DOC]}))
            elsewhere = replace(IN_EFFECT, base_url=backend.url)
            result = checks.check_connection(elsewhere).result(30)
            assert result.problem is Problem.CREDENTIALS_MISSING
            assert all(STORED not in token for token in _tokens_seen(backend))
            typed = checks.check_connection(elsewhere, TYPED).result(30)
            assert typed.problem is None, typed
            assert _tokens_seen(backend) == [f"Bearer {TYPED}"]
    finally:
        checks.close()
    assert KeyringCredentials().get(SecretName.BEARER_TOKEN) == STORED  # a test stores nothing
