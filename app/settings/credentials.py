# SPDX-License-Identifier: EUPL-1.2
"""Secrets in the OS keyring, never in files or on the command line.

Which keyring is used is keyring's own configuration (``PYTHON_KEYRING_BACKEND``,
``keyringrc.cfg``). When no usable backend exists the caller gets KEYRING_UNAVAILABLE with
words on how to fix it; there is no silent fallback to a plain file.
"""

from __future__ import annotations

import os
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from app.problems import AppError, Problem

if TYPE_CHECKING:
    from pathlib import Path

    from keyring.backend import KeyringBackend

KEYRING_SERVICE = "baliecheck"

HOW_TO_FIX = (
    "no usable OS keyring: on a desktop unlock or install the system keyring (Windows "
    "Credential Manager, macOS Keychain, Secret Service); on a server configure one with "
    "PYTHON_KEYRING_BACKEND or keyringrc.cfg (e.g. keyrings.alt)"
)
BACKEND_NOT_INSTALLED = (
    "PYTHON_KEYRING_BACKEND={name!r} names a keyring backend that is not installed ({reason}): "
    "set it to an installed backend's module.Class (e.g. keyrings.alt.file.EncryptedKeyring "
    "after 'pip install keyrings.alt'), or unset it to use the system keyring"
)


class SecretName(StrEnum):
    """The secrets baliecheck keeps, by their keyring user name."""

    BEARER_TOKEN = "backend-bearer-token"
    OAUTH_CLIENT_SECRET = "backend-oauth-client-secret"
    PSEUDONYM_KEY = "pseudonym-key"
    SERVE_TOKENS = "serve-tokens"
    AUDIT_ANCHOR = "audit-anchor"  # the audit chain's newest record (app.audit.anchor)
    DATABASE_PASSWORD = "database-password"  # [embedded] database_url's role


class CredentialStore(Protocol):
    def get(self, name: SecretName) -> str | None: ...

    def set(self, name: SecretName, value: str) -> None: ...


class KeyringCredentials:
    """CredentialStore over the ``keyring`` package. Calls may block on an unlock prompt."""

    def _backend(self) -> KeyringBackend:
        # keyring and its backends load here, at the first secret, not at every start.
        import keyring  # noqa: PLC0415
        from keyring.backends import fail  # noqa: PLC0415

        try:
            backend = keyring.get_keyring()
        except (ImportError, AttributeError) as exc:  # keyring imports the class it is told
            name = os.environ.get("PYTHON_KEYRING_BACKEND", "")
            reason = f"{type(exc).__name__}: {exc}"
            raise AppError(
                Problem.KEYRING_UNAVAILABLE, BACKEND_NOT_INSTALLED.format(name=name, reason=reason)
            ) from None
        if isinstance(backend, fail.Keyring):
            raise AppError(Problem.KEYRING_UNAVAILABLE, HOW_TO_FIX)
        return backend

    def get(self, name: SecretName) -> str | None:
        from keyring.errors import KeyringError  # noqa: PLC0415 - see _backend

        try:
            return self._backend().get_password(KEYRING_SERVICE, name.value)
        except KeyringError as exc:
            raise AppError(
                Problem.KEYRING_UNAVAILABLE, f"{HOW_TO_FIX} ({type(exc).__name__})"
            ) from None

    def set(self, name: SecretName, value: str) -> None:
        from keyring.errors import KeyringError  # noqa: PLC0415 - see _backend

        try:
            self._backend().set_password(KEYRING_SERVICE, name.value, value)
        except KeyringError as exc:
            raise AppError(
                Problem.KEYRING_UNAVAILABLE, f"{HOW_TO_FIX} ({type(exc).__name__})"
            ) from None


def _unavailable(exc: Exception) -> AppError:
    return AppError(Problem.KEYRING_UNAVAILABLE, f"{HOW_TO_FIX} ({type(exc).__name__})")


def require_secret(store: CredentialStore, name: SecretName) -> str:
    """The secret, or CREDENTIALS_MISSING naming the command that sets it."""
    value = store.get(name)
    if not value:
        raise AppError(
            Problem.CREDENTIALS_MISSING,
            f"no {name.value} in the keyring: "
            f"set it with 'baliecheck credentials set {name.value}'",
        )
    return value


KEY_LOST = (
    "the installation key (pseudonym-key) is not in the keyring, but data written under it "
    "exists: restore it from the backup with 'baliecheck credentials import FILE' "
    "(made with 'baliecheck credentials export FILE'); a new key cannot read that data"
)


def pseudonym_key(store: CredentialStore, *, create: bool = True) -> bytes:
    """The installation's HMAC key for pseudonyms, created (32 random bytes) on first use.

    ``create=False`` where data written under the key exists: a lost key is then
    INSTALLATION_KEY_MISSING (restore the backup), never silently replaced by a new one.
    """
    value = store.get(SecretName.PSEUDONYM_KEY)
    if not value:
        if not create:
            raise AppError(Problem.INSTALLATION_KEY_MISSING, KEY_LOST)
        import secrets  # noqa: PLC0415 - once per installation, not at every start

        value = secrets.token_hex(32)
        store.set(SecretName.PSEUDONYM_KEY, value)
    try:
        key = bytes.fromhex(value)
    except ValueError:
        key = b""
    if len(key) < 16:
        raise AppError(
            Problem.INSTALLATION_KEY_MISSING, f"the keyring's pseudonym-key is damaged: {KEY_LOST}"
        )
    return key


# The data folder's files written under the installation key (app.audit, app.services).
KEYED_FILES = ("audit.sqlite", "sources.sqlite")


def data_written(data_dir: Path, *others: Path) -> bool:
    """A file written under the installation key exists with content (its log counts too).

    The audit store and the source lists in ``data_dir``, and ``others`` (a store configured
    elsewhere). Where one holds data, the key was made before: ``pseudonym_key(create=False)``.
    """
    paths = [data_dir / name for name in KEYED_FILES] + list(others)
    files = [each for path in paths for each in (path, path.with_name(path.name + "-wal"))]
    return any(each.is_file() and each.stat().st_size > 0 for each in files)
