# SPDX-License-Identifier: EUPL-1.2
"""Bearer tokens for the remote backend: none, a static token, or OAuth2 client credentials.

Secrets come from the keyring only. No secret or token is logged or put in an error text.
"""

from __future__ import annotations

import base64
import json
import logging
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Protocol
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.problems import AppError, Problem
from app.settings.config import AuthKind
from app.settings.credentials import SecretName, require_secret

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from app.eligibility.remote.transport import HttpReply
    from app.settings.config import RemoteSettings
    from app.settings.credentials import CredentialStore

_LOG = logging.getLogger(__name__)

REFRESH_MARGIN_S = 30.0
"""A cached OAuth2 token is renewed this long (at most a tenth of its life) before it expires."""

# RFC 6749 section 5.2: error codes that mean "these client credentials are refused".
_REFUSALS = frozenset(
    {"invalid_client", "unauthorized_client", "invalid_grant", "invalid_scope", "invalid_request"}
)


class TokenProvider(Protocol):
    def token(self) -> str | None:
        """The bearer token to send, or None to send no Authorization header."""
        ...

    def invalidate(self) -> None:
        """Forget the current token: the backend refused it (HTTP 401)."""
        ...


class FormPoster(Protocol):
    """POSTs a form with the remote client's own settings (TLS trust, timeouts, deadline)."""

    def __call__(
        self, url: str, *, form: Mapping[str, str], headers: Mapping[str, str]
    ) -> HttpReply: ...


def _usable(token: str) -> bool:
    """RFC 6750 b64token characters only, so the value cannot break or extend a header."""
    allowed = "-._~+/="
    return bool(token) and all(c.isascii() and (c.isalnum() or c in allowed) for c in token)


class NoToken:
    """auth = 'none': no Authorization header (a backend on this machine, for instance)."""

    def token(self) -> str | None:
        return None

    def invalidate(self) -> None:
        return None


class StaticBearerToken:
    """auth = 'bearer': one token from the keyring, read on first use and after a 401."""

    def __init__(self, credentials: CredentialStore) -> None:
        self._credentials = credentials
        self._token: str | None = None

    def token(self) -> str | None:
        if self._token is None:
            value = require_secret(self._credentials, SecretName.BEARER_TOKEN).strip()
            if not _usable(value):
                raise AppError(
                    Problem.CREDENTIALS_MISSING,
                    f"the {SecretName.BEARER_TOKEN.value} in the keyring is not a usable token: "
                    f"set it again with 'baliecheck credentials set "
                    f"{SecretName.BEARER_TOKEN.value}'",
                )
            self._token = value
        return self._token

    def invalidate(self) -> None:
        self._token = None


class _TokenResponse(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    access_token: Annotated[str, Field(min_length=1, repr=False)]
    token_type: str
    expires_in: Annotated[float, Field(gt=0)] | None = None


@dataclass(frozen=True, slots=True)
class ClientCredentialsGrant:
    """Where and as whom to ask for a token (from the configuration; no secret here)."""

    token_url: str
    client_id: str
    scope: str | None = None


class OAuth2ClientCredentials:
    """auth = 'oauth2': the client-credentials grant (RFC 6749 section 4.4), token cached.

    The client authenticates with HTTP Basic (client_secret_basic, which every server must
    support); the secret comes from the keyring. A token without ``expires_in`` is kept
    until the backend refuses it. Thread-safe: one grant at a time.
    """

    def __init__(
        self,
        grant: ClientCredentialsGrant,
        *,
        credentials: CredentialStore,
        post_form: FormPoster,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._grant_settings = grant
        self._credentials = credentials
        self._post_form = post_form
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._renew_at: float | None = None

    def token(self) -> str | None:
        with self._lock:
            now = self._clock()
            if self._token is None or (self._renew_at is not None and now >= self._renew_at):
                self._token, self._renew_at = self._grant(now)
            return self._token

    def invalidate(self) -> None:
        with self._lock:
            self._token = None
            self._renew_at = None

    def _grant(self, now: float) -> tuple[str, float | None]:
        grant = self._grant_settings
        secret = require_secret(self._credentials, SecretName.OAUTH_CLIENT_SECRET)
        pair = f"{quote(grant.client_id, safe='')}:{quote(secret, safe='')}"
        basic = base64.b64encode(pair.encode()).decode("ascii")
        form = {"grant_type": "client_credentials"}
        if grant.scope:
            form["scope"] = grant.scope
        headers = {"Authorization": f"Basic {basic}", "Accept": "application/json"}
        reply = self._post_form(grant.token_url, form=form, headers=headers)
        granted = _parse_grant(reply)
        _LOG.debug("token endpoint granted a token (expires_in %s)", granted.expires_in)
        if granted.expires_in is None:
            return granted.access_token, None
        margin = min(REFRESH_MARGIN_S, granted.expires_in / 10)
        return granted.access_token, now + granted.expires_in - margin


def _parse_grant(reply: HttpReply) -> _TokenResponse:
    where = "token endpoint"
    if reply.status in (400, 401, 403):
        raise AppError(
            Problem.BACKEND_AUTH_REJECTED,
            f"{where}: HTTP {reply.status}, client credentials refused{_oauth_error(reply)}",
        )
    if reply.status != 200:
        raise AppError(Problem.BACKEND_BAD_RESPONSE, f"{where}: unexpected HTTP {reply.status}")
    if reply.media_type != "application/json":
        raise AppError(Problem.BACKEND_BAD_RESPONSE, f"{where}: HTTP 200 but not JSON")
    granted: _TokenResponse | None = None
    fields: list[str] = []
    try:
        granted = _TokenResponse.model_validate_json(reply.body)
    except ValidationError as exc:
        fields = sorted({".".join(map(str, e["loc"])) or "body" for e in exc.errors()})
    if granted is None:  # raised here, not in the handler: the pydantic error quotes the token
        raise AppError(
            Problem.BACKEND_BAD_RESPONSE, f"{where}: not a token response ({', '.join(fields)})"
        )
    if granted.token_type.lower() != "bearer" or not _usable(granted.access_token):
        raise AppError(Problem.BACKEND_BAD_RESPONSE, f"{where}: not a usable bearer token")
    return granted


def _oauth_error(reply: HttpReply) -> str:
    """`` (invalid_client)`` when the body names a standard error code; else nothing."""
    try:
        code = json.loads(reply.body).get("error")
    except (ValueError, AttributeError, RecursionError):
        return ""
    return f" ({code})" if isinstance(code, str) and code in _REFUSALS else ""


def make_token_provider(
    settings: RemoteSettings, credentials: CredentialStore, post_form: FormPoster
) -> TokenProvider:
    """The provider the configuration names. Nothing is read from the keyring yet."""
    if settings.auth is AuthKind.NONE:
        return NoToken()
    if settings.auth is AuthKind.BEARER:
        return StaticBearerToken(credentials)
    if settings.token_url is None or not settings.client_id:
        raise AppError(Problem.CONFIG_INVALID, "auth = 'oauth2' needs token_url and client_id")
    grant = ClientCredentialsGrant(str(settings.token_url), settings.client_id, settings.scope)
    return OAuth2ClientCredentials(grant, credentials=credentials, post_form=post_form)
