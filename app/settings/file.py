# SPDX-License-Identifier: EUPL-1.2
"""The settings dialog's file: read the settings in effect, validate, save atomically.

Saving writes the user's file (``user_config_path()``, or the ``--config`` file the desk
runs with) through tomlkit, so an admin's comments and the sections the dialog does not
edit ([audit], [serve], [embedded], ...) stay as they were. When the user has no file yet,
the machine-wide file in effect is the starting point, so nothing the admin set is lost.
The result is validated with ``Config.model_validate`` *before* anything is written; the
file is replaced in one step (temporary file + ``os.replace``, mode 0600 on POSIX).

Secrets never go into the file: a newly typed bearer token or OAuth client secret goes
to the keyring, and only when one was typed. A locked machine-wide file refuses saving.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import tomlkit
from pydantic import ValidationError
from tomlkit.exceptions import TOMLKitError

from app.problems import AppError, Problem
from app.settings.config import (
    AuthKind,
    BackendKind,
    Config,
    config_path,
    load_config,
    settings_locked,
    user_config_path,
)
from app.settings.credentials import SecretName
from app.settings.form import (
    DeskMode,
    Reason,
    Refusal,
    SettingsForm,
    refusals,
    secret_refusals,
)

if TYPE_CHECKING:
    from pathlib import Path

    from tomlkit import TOMLDocument

    from app.settings.credentials import CredentialStore

FILE_MODE = 0o600
# Keys the dialog owns in the file; other keys and sections are left as they are.
_OAUTH_KEYS = ("token_url", "client_id", "scope")


class SettingsRefused(AppError):
    """The form cannot be saved; ``refusals`` names each key and why. Nothing was written."""

    def __init__(self, found: list[Refusal]) -> None:
        super().__init__(Problem.CONFIG_INVALID, "; ".join(map(str, found)))
        self.refusals = found


class SettingsLocked(AppError):
    """The machine-wide file is locked: the settings are managed by IT."""

    def __init__(self, path: Path) -> None:
        super().__init__(Problem.CONFIG_INVALID, f"{path}: locked by the IT department")
        self.path = path


@dataclass(frozen=True, slots=True)
class SettingsInEffect:
    """What the dialog shows: the form, the file in effect, where saving writes, the lock."""

    form: SettingsForm
    source: Path
    target: Path
    locked: bool


def secret_for(auth: AuthKind) -> SecretName | None:
    """The keyring entry an authentication kind uses (None: no secret)."""
    if auth is AuthKind.BEARER:
        return SecretName.BEARER_TOKEN
    if auth is AuthKind.OAUTH2:
        return SecretName.OAUTH_CLIENT_SECRET
    return None


def read_settings(explicit: Path | None = None) -> SettingsInEffect:
    """The settings in effect (training defaults when there is no file); CONFIG_INVALID
    when the file in effect is broken."""
    return SettingsInEffect(
        form=SettingsForm.of(load_config(explicit)),
        source=config_path(explicit),
        target=explicit or user_config_path(),
        locked=settings_locked(explicit),
    )


def save_settings(
    form: SettingsForm,
    *,
    credentials: CredentialStore,
    new_secret: str | None = None,
    explicit: Path | None = None,
) -> Config:
    """Validate ``form``, store a newly typed secret in the keyring, write the file.

    Raises SettingsLocked, SettingsRefused (nothing written, nothing stored) or AppError
    (CONFIG_INVALID: the file cannot be written; KEYRING_UNAVAILABLE). Returns the
    configuration now in the file.
    """
    if settings_locked(explicit):
        raise SettingsLocked(config_path(explicit))
    try:  # the stored secret belongs to the address in the file in effect
        in_effect: SettingsForm | None = read_settings(explicit).form
    except AppError:
        in_effect = None
    found = refusals(form) + secret_refusals(form, in_effect, secret_typed=bool(new_secret))
    if found:
        raise SettingsRefused(found)
    target = explicit or user_config_path()
    document = _starting_document(target, explicit)
    _apply(document, form)
    config = _validated(document)
    secret = secret_for(form.auth) if form.mode is DeskMode.REMOTE else None
    # The keyring first: it is what fails in practice (locked, absent), and then nothing
    # has been written. The file's replacement, next, is all or nothing.
    if secret is not None and new_secret:
        credentials.set(secret, new_secret)
    write_atomically(target, tomlkit.dumps(document))
    return config


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` in one step: readers see the old file or the new one, never half."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", text=True)
    except OSError as exc:
        raise _unwritable(path, exc) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            if os.name == "posix":
                os.fchmod(out.fileno(), FILE_MODE)
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise _unwritable(path, exc) from None


def _starting_document(target: Path, explicit: Path | None) -> TOMLDocument:
    """The target file's document, else the (unlocked) machine file in effect, else empty."""
    source = target if target.exists() else config_path(explicit)
    if not source.exists():
        return tomlkit.document()
    try:
        document = tomlkit.parse(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, TOMLKitError) as exc:
        raise AppError(
            Problem.CONFIG_INVALID, f"{source}: cannot be read ({type(exc).__name__})"
        ) from None
    if source != target:
        document.pop("locked", None)  # the user's copy claims no lock of its own
    return document


def _apply(document: TOMLDocument, form: SettingsForm) -> None:
    """Put the form into the document, key by key, keeping everything else."""
    training = form.mode is DeskMode.TRAINING
    document["training"] = training
    remote = form.mode is DeskMode.REMOTE
    document["backend"] = (BackendKind.REMOTE if remote else BackendKind.EMBEDDED).value
    desk = _table(document, "desk")
    desk["id"] = form.desk_id.strip()
    desk["services"] = list(form.services)
    desk["language"] = form.language.value
    desk["privacy_timeout_s"] = form.privacy_timeout_s
    _set_or_drop(desk, "reader", None if training else form.reader)
    if remote:
        _apply_remote(_table(document, "remote"), form)


def _apply_remote(section: Any, form: SettingsForm) -> None:
    section["base_url"] = form.base_url.strip()
    section["auth"] = form.auth.value
    oauth = form.auth is AuthKind.OAUTH2
    values = (form.token_url.strip(), form.client_id.strip(), form.scope.strip())
    for key, value in zip(_OAUTH_KEYS, values, strict=True):
        _set_or_drop(section, key, value if oauth else None)
    _set_or_drop(section, "ca_bundle", form.ca_bundle.strip())


def _table(document: TOMLDocument, name: str) -> Any:
    if name not in document:
        document[name] = tomlkit.table()
    return document[name]


def _set_or_drop(section: Any, key: str, value: str | None) -> None:
    if value:
        section[key] = value
    else:
        section.pop(key, None)


def _validated(document: TOMLDocument) -> Config:
    """The configuration the document holds, or SettingsRefused naming keys and reasons."""
    try:
        return Config.model_validate(document.unwrap())
    except ValidationError as exc:
        found = [
            Refusal(".".join(map(str, error["loc"])) or "(top level)", Reason.OTHER, error["msg"])
            for error in exc.errors(include_input=False, include_url=False)
        ]
    # Raised outside the handler: the pydantic error (it holds the values) stays off the chain.
    raise SettingsRefused(found)


def _unwritable(path: Path, exc: OSError) -> AppError:
    return AppError(Problem.CONFIG_INVALID, f"{path}: cannot be written ({exc.strerror})")
