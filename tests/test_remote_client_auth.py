# SPDX-License-Identifier: EUPL-1.2
"""The remote client's tokens: a static bearer token, OAuth2 client credentials, 401 renewal."""

from __future__ import annotations

import base64
import logging
import traceback
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

import httpx
import pytest

from app.eligibility.remote.auth import ClientCredentialsGrant, OAuth2ClientCredentials
from app.eligibility.remote.transport import HttpReply, media_type_of
from app.problems import AppError, Problem
from app.settings.credentials import KEYRING_SERVICE, KeyringCredentials, SecretName
from tests.bad_backend import (
    ADVICE_DOC,
    HEALTH_DOC,
    TOKEN_PATH,
    BadBackend,
    Reply,
    advice_query,
    closed_port,
    fails,
    json_reply,
    make_remote,
    problem_reply,
    token_reply,
)
from tests.tls_certs import make_server_certificate

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from pathlib import Path

    from app.eligibility.remote.client import RemoteEligibility
    from tests.keyring_memory import InMemoryKeyring

ADVICE = "/v1/advice"
SECRET = "client-secret-S3cr3t"
STATIC_TOKEN = "static-token-0123456789"


@pytest.fixture
def backend() -> Iterator[BadBackend]:
    with BadBackend() as server:
        yield server


def store(keyring: InMemoryKeyring, name: SecretName, value: str) -> None:
    keyring.set_password(KEYRING_SERVICE, name.value, value)


def oauth_remote(backend: BadBackend, **overrides: Any) -> RemoteEligibility:
    token_url = overrides.pop("token_url", backend.url + TOKEN_PATH)
    settings = {"auth": "oauth2", "token_url": token_url, "client_id": "balie app"}
    return make_remote(backend.url, **(settings | {"scope": "eligibility"} | overrides))


def authorizations(backend: BadBackend) -> list[str | None]:
    return [r.headers.get("authorization") for r in backend.received(ADVICE)]


def test_auth_static_bearer_token_from_the_keyring(
    backend: BadBackend, memory_keyring: InMemoryKeyring
) -> None:
    store(memory_keyring, SecretName.BEARER_TOKEN, STATIC_TOKEN + "\n")  # pasted with a newline
    backend.script("POST", ADVICE, json_reply(ADVICE_DOC))
    with make_remote(backend.url, auth="bearer") as client:
        client.advise(advice_query())
    assert authorizations(backend) == [f"Bearer {STATIC_TOKEN}"]


@pytest.mark.parametrize("value", [None, "two words", "line\r\nX-Injected: 1"])
def test_auth_missing_or_unusable_bearer_token_sends_nothing(
    backend: BadBackend, memory_keyring: InMemoryKeyring, value: str | None
) -> None:
    if value is not None:
        store(memory_keyring, SecretName.BEARER_TOKEN, value)
    with make_remote(backend.url, auth="bearer") as client:
        error = fails(lambda: client.advise(advice_query()), Problem.CREDENTIALS_MISSING)
    assert "baliecheck credentials set backend-bearer-token" in error.detail
    assert backend.received() == []


def test_auth_static_token_refused_twice_is_auth_rejected(
    backend: BadBackend, memory_keyring: InMemoryKeyring
) -> None:
    store(memory_keyring, SecretName.BEARER_TOKEN, STATIC_TOKEN)
    backend.script("POST", ADVICE, problem_reply("unauthorized", 401))
    with make_remote(backend.url, auth="bearer") as client:
        fails(lambda: client.advise(advice_query()), Problem.BACKEND_AUTH_REJECTED)
    assert len(backend.received(ADVICE)) == 2


def test_auth_oauth2_grant_then_401_then_success_with_a_new_token(
    backend: BadBackend, memory_keyring: InMemoryKeyring
) -> None:
    store(memory_keyring, SecretName.OAUTH_CLIENT_SECRET, SECRET)
    backend.script("POST", TOKEN_PATH, token_reply("tok-1"), token_reply("tok-2"))
    backend.script("POST", ADVICE, problem_reply("unauthorized", 401), json_reply(ADVICE_DOC))
    with oauth_remote(backend) as client:
        assert client.advise(advice_query()).advice_id == "adv-1"
    assert authorizations(backend) == ["Bearer tok-1", "Bearer tok-2"]
    assert backend.grants == 2
    assert len({r.headers["x-request-id"] for r in backend.received(ADVICE)}) == 1
    grant = backend.received(TOKEN_PATH)[0]
    assert grant.headers["content-type"] == "application/x-www-form-urlencoded"
    form = parse_qs(grant.body.decode())
    assert form == {"grant_type": ["client_credentials"], "scope": ["eligibility"]}
    scheme, _, encoded = grant.headers["authorization"].partition(" ")
    assert (scheme, base64.b64decode(encoded).decode()) == ("Basic", f"balie%20app:{SECRET}")


def test_auth_oauth2_token_is_reused_until_refused(
    backend: BadBackend, memory_keyring: InMemoryKeyring
) -> None:
    store(memory_keyring, SecretName.OAUTH_CLIENT_SECRET, SECRET)
    backend.script("POST", TOKEN_PATH, token_reply("tok-1", expires_in=None))
    backend.script("POST", ADVICE, json_reply(ADVICE_DOC))
    backend.script("GET", "/v1/health", json_reply(HEALTH_DOC))
    with oauth_remote(backend) as client:
        client.health()  # needs no token: no grant yet
        assert backend.grants == 0
        client.advise(advice_query())
        client.advise(advice_query())
    assert backend.grants == 1
    assert authorizations(backend) == ["Bearer tok-1", "Bearer tok-1"]


def test_auth_oauth2_second_401_is_auth_rejected(
    backend: BadBackend, memory_keyring: InMemoryKeyring
) -> None:
    store(memory_keyring, SecretName.OAUTH_CLIENT_SECRET, SECRET)
    backend.script("POST", TOKEN_PATH, token_reply("tok-1"), token_reply("tok-2"))
    backend.script("POST", ADVICE, problem_reply("unauthorized", 401))
    with oauth_remote(backend) as client:
        fails(lambda: client.advise(advice_query()), Problem.BACKEND_AUTH_REJECTED)
    assert (backend.grants, len(backend.received(ADVICE))) == (2, 2)


def test_auth_oauth2_without_client_secret_asks_nothing(backend: BadBackend) -> None:
    with oauth_remote(backend) as client:
        error = fails(lambda: client.advise(advice_query()), Problem.CREDENTIALS_MISSING)
    assert "backend-oauth-client-secret" in error.detail
    assert backend.received() == []


@pytest.mark.parametrize(
    ("reply", "problem"),
    [
        (json_reply({"error": "invalid_client"}, 401), Problem.BACKEND_AUTH_REJECTED),
        (json_reply({"error": "invalid_scope"}, 400), Problem.BACKEND_AUTH_REJECTED),
        (Reply(403, b"nope", "text/plain"), Problem.BACKEND_AUTH_REJECTED),
        (Reply(500, b"oops", "text/plain"), Problem.BACKEND_BAD_RESPONSE),
        (Reply(200, b"<html>login</html>", "text/html"), Problem.BACKEND_BAD_RESPONSE),
        (json_reply({"token_type": "Bearer"}), Problem.BACKEND_BAD_RESPONSE),
        (json_reply({"access_token": "t", "token_type": "mac"}), Problem.BACKEND_BAD_RESPONSE),
        (json_reply({"access_token": "a b", "token_type": "bearer"}), Problem.BACKEND_BAD_RESPONSE),
        (Reply(body=b"{}", delay_s=5), Problem.BACKEND_TIMEOUT),
    ],
)
def test_auth_token_endpoint_failures_are_typed(
    backend: BadBackend, memory_keyring: InMemoryKeyring, reply: Reply, problem: Problem
) -> None:
    store(memory_keyring, SecretName.OAUTH_CLIENT_SECRET, SECRET)
    backend.script("POST", TOKEN_PATH, reply)
    with oauth_remote(backend, timeout_s=0.3) as client:
        error = fails(lambda: client.advise(advice_query()), problem)
    assert "token endpoint" in error.detail
    assert "POST /v1/advice (request " in error.detail
    assert backend.received(ADVICE) == []
    if reply.status == 401:
        assert "(invalid_client)" in error.detail


def test_auth_token_endpoint_unreachable(
    backend: BadBackend, memory_keyring: InMemoryKeyring
) -> None:
    store(memory_keyring, SecretName.OAUTH_CLIENT_SECRET, SECRET)
    token_url = f"http://127.0.0.1:{closed_port()}/token"
    with oauth_remote(backend, token_url=token_url) as client:
        fails(lambda: client.advise(advice_query()), Problem.BACKEND_UNREACHABLE)


def test_auth_token_endpoint_uses_the_same_tls_trust(
    backend: BadBackend, memory_keyring: InMemoryKeyring, tmp_path: Path
) -> None:
    store(memory_keyring, SecretName.OAUTH_CLIENT_SECRET, SECRET)
    certificate = make_server_certificate(tmp_path)
    backend.script("POST", ADVICE, json_reply(ADVICE_DOC))
    with BadBackend(tls=certificate) as identity_provider:
        identity_provider.script("POST", TOKEN_PATH, token_reply("tok-tls"))
        token_url = identity_provider.url + TOKEN_PATH
        with oauth_remote(backend, token_url=token_url) as client:
            fails(lambda: client.advise(advice_query()), Problem.BACKEND_TLS_FAILED)
        with oauth_remote(backend, token_url=token_url, ca_bundle=certificate.ca_file) as client:
            client.advise(advice_query())
    assert authorizations(backend) == ["Bearer tok-tls"]


def _post_with_httpx(url: str, *, form: Mapping[str, str], headers: Mapping[str, str]) -> HttpReply:
    response = httpx.post(url, data=dict(form), headers=dict(headers))
    content_type = media_type_of(response.headers.get("content-type", ""))
    return HttpReply(response.status_code, content_type, response.headers, response.content)


def test_auth_oauth2_token_renewed_shortly_before_it_expires(
    backend: BadBackend, memory_keyring: InMemoryKeyring
) -> None:
    store(memory_keyring, SecretName.OAUTH_CLIENT_SECRET, SECRET)
    backend.script("POST", TOKEN_PATH, token_reply("tok-1", 100), token_reply("tok-2", 100))
    now = [1000.0]
    provider = OAuth2ClientCredentials(
        ClientCredentialsGrant(backend.url + TOKEN_PATH, "balie"),
        credentials=KeyringCredentials(),
        post_form=_post_with_httpx,
        clock=lambda: now[0],
    )
    assert provider.token() == "tok-1"
    now[0] += 89  # within the life minus the margin (a tenth of 100 s)
    assert provider.token() == "tok-1"
    now[0] += 2
    assert provider.token() == "tok-2"
    assert backend.grants == 2
    assert "scope" not in parse_qs(backend.received(TOKEN_PATH)[0].body.decode())


def test_auth_privacy_no_secret_or_token_in_logs_or_errors(
    backend: BadBackend, memory_keyring: InMemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    store(memory_keyring, SecretName.OAUTH_CLIENT_SECRET, SECRET)
    leaked_token = "tok-leaky-9876543210"
    backend.script(
        "POST",
        TOKEN_PATH,
        token_reply(leaked_token),
        json_reply({"access_token": leaked_token, "token_type": "mac"}),
        json_reply({"error": "invalid_client", "error_description": SECRET}, 401),
    )
    backend.script("POST", ADVICE, problem_reply("unauthorized", 401))
    errors: list[AppError] = []
    with oauth_remote(backend) as client:
        for _ in range(3):
            with pytest.raises(AppError) as caught:
                client.advise(advice_query())
            errors.append(caught.value)
    texts = [r.getMessage() for r in caplog.records]
    texts += ["".join(traceback.format_exception(error)) + repr(error) for error in errors]
    for text in texts:
        assert SECRET not in text
        assert leaked_token not in text
        assert base64.b64encode(f"balie%20app:{SECRET}".encode()).decode() not in text
