# SPDX-License-Identifier: EUPL-1.2
"""The desk's settings as an admin edits them, and what is wrong with a filled-in form.

A SettingsForm is plain text and choices, as typed; ``refusals`` names each field that
cannot be saved and why (a reason code the desk puts in words, plus an English detail
for the log). A refusal never repeats the value: a URL may carry a password.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from app.language import Language
from app.settings.config import AuthKind, BackendKind, Config
from app.settings.config import _is_loopback as is_loopback  # the rule config.py enforces

if TYPE_CHECKING:
    from pydantic import HttpUrl

DESK_ID_MAX = 64
TIMEOUT_MIN_S = 5
TIMEOUT_MAX_S = 3600


class DeskMode(StrEnum):
    """Where advice comes from: sample data (training), lists on this PC, or a server."""

    TRAINING = "training"
    EMBEDDED = "embedded"
    REMOTE = "remote"

    @classmethod
    def of(cls, config: Config) -> DeskMode:
        if config.training:
            return cls.TRAINING
        return cls.REMOTE if config.backend is BackendKind.REMOTE else cls.EMBEDDED


class Reason(StrEnum):
    """Why a field cannot be saved (the desk shows words for each)."""

    URL_MISSING = "url-missing"
    URL_INVALID = "url-invalid"
    URL_NOT_HTTPS = "url-not-https"
    URL_HAS_PASSWORD = "url-has-password"
    CLIENT_ID_MISSING = "client-id-missing"
    CA_BUNDLE_NOT_FILE = "ca-bundle-not-file"
    DESK_ID_MISSING = "desk-id-missing"
    DESK_ID_TOO_LONG = "desk-id-too-long"
    NO_SERVICE = "no-service"
    TIMEOUT_OUT_OF_RANGE = "timeout-out-of-range"
    SECRET_FOR_NEW_ADDRESS = "secret-for-new-address"
    OTHER = "other"  # refused by the configuration's own validation; see the detail


@dataclass(frozen=True, slots=True)
class Refusal:
    """One field that cannot be saved: its configuration key, why, and the English detail."""

    key: str
    reason: Reason
    detail: str

    def __str__(self) -> str:
        return f"{self.key}: {self.detail}"


@dataclass(frozen=True, slots=True)
class SettingsForm:
    """What the settings dialog edits. Secrets are not here: they go to the keyring."""

    mode: DeskMode
    desk_id: str
    services: tuple[str, ...]  # the first is the desk's default
    language: Language = Language.NL
    privacy_timeout_s: int = 60
    reader: str | None = None  # None: the first reader holding a card
    base_url: str = ""
    auth: AuthKind = AuthKind.BEARER
    token_url: str = ""
    client_id: str = ""
    scope: str = ""
    ca_bundle: str = ""

    @classmethod
    def of(cls, config: Config) -> SettingsForm:
        """The form for a configuration in effect."""
        remote = config.remote
        return cls(
            mode=DeskMode.of(config),
            desk_id=config.desk.id,
            services=tuple(config.desk.services),
            language=config.desk.language,
            privacy_timeout_s=config.desk.privacy_timeout_s,
            reader=config.desk.reader,
            base_url=_shown(remote.base_url) if remote else "",
            auth=remote.auth if remote else AuthKind.BEARER,
            token_url=_shown(remote.token_url) if remote and remote.token_url else "",
            client_id=(remote.client_id or "") if remote else "",
            scope=(remote.scope or "") if remote else "",
            ca_bundle=str(remote.ca_bundle) if remote and remote.ca_bundle else "",
        )


def _shown(url: HttpUrl) -> str:
    """The URL as an admin writes it: pydantic adds a ``/`` to a bare host, we leave it off."""
    text = str(url)
    bare = url.path == "/" and not url.query and not url.fragment
    return text.removesuffix("/") if bare else text


def refusals(form: SettingsForm) -> list[Refusal]:
    """Every field of ``form`` that cannot be saved; empty when it can."""
    found = _desk_refusals(form)
    if form.mode is DeskMode.REMOTE:
        found += remote_refusals(form)
    return found


def remote_refusals(form: SettingsForm) -> list[Refusal]:
    """What is wrong with the backend part of the form (also before a connection test)."""
    found = _url_refusals("remote.base_url", form.base_url)
    if form.auth is AuthKind.OAUTH2:
        found += _url_refusals("remote.token_url", form.token_url)
        if not form.client_id.strip():
            found.append(Refusal("remote.client_id", Reason.CLIENT_ID_MISSING, "required"))
    if form.ca_bundle.strip() and not Path(form.ca_bundle.strip()).is_file():
        found.append(Refusal("remote.ca_bundle", Reason.CA_BUNDLE_NOT_FILE, "not a file"))
    return found


_SECRET_AGAIN = Refusal(
    "remote.secret",
    Reason.SECRET_FOR_NEW_ADDRESS,
    "a new address: type the secret again (the stored one is not sent there)",
)


def secret_refusals(
    form: SettingsForm, in_effect: SettingsForm | None, *, secret_typed: bool
) -> list[Refusal]:
    """A stored secret goes only where it went before.

    The keyring's token (bearer) or client secret (OAuth2) was given for the addresses in
    effect. Sent to a newly typed address (the backend's, the token URL's, or a new backend
    getting the access token the secret buys), it would leave with whoever runs that
    address: so a new address needs the secret typed again, by someone who knows it. Same
    scheme, host and port (and the same CA bundle): the same destination. ``in_effect``
    None (the file in effect cannot be read): no address is known, so none is the same. An
    address that is itself refused is left to that refusal.
    """
    if form.mode is not DeskMode.REMOTE or form.auth is AuthKind.NONE or secret_typed:
        return []
    if remote_refusals(form):
        return []
    if in_effect is None:
        return [_SECRET_AGAIN]
    same_kind = in_effect.mode is DeskMode.REMOTE and in_effect.auth is form.auth
    if same_kind and _secret_destination(form) == _secret_destination(in_effect):
        return []
    return [_SECRET_AGAIN]


def _secret_destination(form: SettingsForm) -> tuple[object, ...]:
    """Where what the secret opens is sent: the bearer token to the backend; the OAuth2
    client secret to the token URL, and the access token it buys to the backend. And whom
    TLS trusts on the way: a CA bundle of one's own could vouch for another server."""
    urls = [form.base_url]
    if form.auth is AuthKind.OAUTH2:
        urls.append(form.token_url)
    return (*(_origin(url) for url in urls), form.ca_bundle.strip())


def _origin(url: str) -> tuple[str, str, int | None]:
    """Scheme, host and port (the default port made explicit): one destination."""
    try:
        parts = urlsplit(url.strip())
        default = {"https": 443, "http": 80}.get(parts.scheme)
        return parts.scheme, (parts.hostname or "").lower(), parts.port or default
    except ValueError:
        return "", url, None


def _desk_refusals(form: SettingsForm) -> list[Refusal]:
    found: list[Refusal] = []
    desk_id = form.desk_id.strip()
    if not desk_id:
        found.append(Refusal("desk.id", Reason.DESK_ID_MISSING, "required"))
    elif len(desk_id) > DESK_ID_MAX:
        found.append(Refusal("desk.id", Reason.DESK_ID_TOO_LONG, f"at most {DESK_ID_MAX}"))
    if not form.services:
        found.append(Refusal("desk.services", Reason.NO_SERVICE, "at least one service"))
    if not TIMEOUT_MIN_S <= form.privacy_timeout_s <= TIMEOUT_MAX_S:
        found.append(
            Refusal(
                "desk.privacy_timeout_s",
                Reason.TIMEOUT_OUT_OF_RANGE,
                f"between {TIMEOUT_MIN_S} and {TIMEOUT_MAX_S} seconds",
            )
        )
    return found


def _url_refusals(key: str, text: str) -> list[Refusal]:
    url = text.strip()
    if not url:
        return [Refusal(key, Reason.URL_MISSING, "required")]
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return [Refusal(key, Reason.URL_INVALID, "not a URL")]
    if parts.scheme not in ("http", "https") or not host:
        return [Refusal(key, Reason.URL_INVALID, "not an http(s) URL with a host")]
    if parts.username is not None or parts.password is not None:
        return [Refusal(key, Reason.URL_HAS_PASSWORD, "no user or password in the URL")]
    if parts.scheme != "https" and not is_loopback(host):
        return [Refusal(key, Reason.URL_NOT_HTTPS, "https required (http only on this PC)")]
    return []
