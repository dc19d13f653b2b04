# SPDX-License-Identifier: EUPL-1.2
"""The settings dialog's slow work, off the GUI thread: keyring, PC/SC readers, the backend.

Keyring calls can block on an unlock prompt, listing readers talks to the PC/SC service and
a connection test waits for the network, so each runs on this object's own small pool
(``bc-settings``) and hands back a future. ``close()`` ends the pool with the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.eligibility.wire import HealthStatus
from app.problems import AppError, Problem
from app.services import make_card_reader
from app.settings.config import AuthKind, RemoteSettings
from app.settings.credentials import KeyringCredentials, SecretName
from app.settings.file import read_settings, save_settings, secret_for
from app.settings.form import remote_refusals, secret_refusals
from app.threads import assert_on

if TYPE_CHECKING:
    from concurrent.futures import Future

    from app.settings.config import Config
    from app.settings.credentials import CredentialStore
    from app.settings.form import SettingsForm

SETTINGS_PREFIX = "bc-settings"

ReaderNames = Callable[[], list[str]]


@dataclass(frozen=True, slots=True)
class ConnectionResult:
    """What a connection test found: reachable (and degraded or not), or the problem."""

    problem: Problem | None = None
    degraded: bool = False
    services: int = 0
    detail: str = ""  # for the log; names no secret and no personal data


def pcsc_reader_names() -> list[str]:
    """The PC/SC readers' names, asked with a context of our own (closed at once)."""
    reader = make_card_reader(training=False, profile=None)
    try:
        return [status.name for status in reader.list_readers()]
    finally:
        reader.close()


class _TypedSecret:
    """The keyring, with the secret the admin just typed (not saved yet) taking precedence;
    ``stored_allowed`` False: the stored one is not handed out at all (a new address)."""

    def __init__(
        self, store: CredentialStore, name: SecretName | None, typed: str, *, stored_allowed: bool
    ) -> None:
        self._store, self._name, self._typed = store, name, typed
        self._stored_allowed = stored_allowed

    def get(self, name: SecretName) -> str | None:
        if self._typed and name is self._name:
            return self._typed
        return self._store.get(name) if self._stored_allowed else None

    def set(self, name: SecretName, value: str) -> None:
        raise AppError(Problem.KEYRING_UNAVAILABLE, "a connection test stores nothing")


def check_connection(
    form: SettingsForm,
    credentials: CredentialStore,
    typed_secret: str = "",
    *,
    in_effect: SettingsForm | None = None,
) -> ConnectionResult:
    """Ask the backend in ``form`` for /v1/health, then (with auth) for /v1/services, which
    proves the desk's sign-in. Problems come back as the result, not raised.

    The stored secret is used only for the address it was stored for (``in_effect``; see
    ``secret_refusals``); for a new one only a typed secret is sent.
    """
    found = remote_refusals(form)
    if found:
        return ConnectionResult(Problem.CONFIG_INVALID, detail="; ".join(map(str, found)))
    try:
        settings = RemoteSettings.model_validate(
            {
                "base_url": form.base_url.strip(),
                "auth": form.auth,
                "token_url": form.token_url.strip() or None,
                "client_id": form.client_id.strip() or None,
                "scope": form.scope.strip() or None,
                "ca_bundle": Path(form.ca_bundle.strip()) if form.ca_bundle.strip() else None,
            }
        )
    except ValueError:
        return ConnectionResult(Problem.CONFIG_INVALID, detail="remote settings not valid")
    stored_allowed = in_effect is not None and not secret_refusals(
        form, in_effect, secret_typed=False
    )
    store = _TypedSecret(
        credentials, secret_for(form.auth), typed_secret, stored_allowed=stored_allowed
    )
    # httpx loads with the first connection test, not with every desk start.
    from app.eligibility.remote.client import RemoteEligibility  # noqa: PLC0415

    try:
        with RemoteEligibility(settings, store) as remote:
            health = remote.health()
            services = remote.services() if form.auth is not AuthKind.NONE else ()
    except AppError as exc:
        return ConnectionResult(exc.problem, detail=exc.detail)
    return ConnectionResult(degraded=health.status is not HealthStatus.OK, services=len(services))


class SettingsChecks:
    """Runs the dialog's slow calls on ``bc-settings`` threads; results as futures."""

    def __init__(
        self,
        *,
        credentials: CredentialStore | None = None,
        reader_names: ReaderNames = pcsc_reader_names,
        explicit: Path | None = None,
    ) -> None:
        self._credentials = credentials if credentials is not None else KeyringCredentials()
        self._reader_names = reader_names
        self._explicit = explicit
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix=SETTINGS_PREFIX)

    def stored_secrets(self) -> Future[frozenset[SecretName]]:
        """Which backend secrets the keyring holds (never their values)."""
        return self._pool.submit(self._stored_secrets)

    def reader_names(self) -> Future[list[str]]:
        return self._pool.submit(self._reader_names)

    def check_connection(
        self, form: SettingsForm, typed_secret: str = ""
    ) -> Future[ConnectionResult]:
        return self._pool.submit(self._check_connection, form, typed_secret)

    def save(self, form: SettingsForm, new_secret: str = "") -> Future[Config]:
        return self._pool.submit(self._save, form, new_secret)

    def close(self) -> None:
        """Drop what has not started; wait for what runs (a test ends within its timeout)."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _check_connection(self, form: SettingsForm, typed_secret: str) -> ConnectionResult:
        assert_on(SETTINGS_PREFIX)
        try:  # the stored secret belongs to the address in the file in effect
            in_effect: SettingsForm | None = read_settings(self._explicit).form
        except AppError:
            in_effect = None
        return check_connection(form, self._credentials, typed_secret, in_effect=in_effect)

    def _stored_secrets(self) -> frozenset[SecretName]:
        assert_on(SETTINGS_PREFIX)
        names = (SecretName.BEARER_TOKEN, SecretName.OAUTH_CLIENT_SECRET)
        return frozenset(name for name in names if self._credentials.get(name))

    def _save(self, form: SettingsForm, new_secret: str) -> Config:
        assert_on(SETTINGS_PREFIX)
        return save_settings(
            form, credentials=self._credentials, new_secret=new_secret, explicit=self._explicit
        )
