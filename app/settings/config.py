# SPDX-License-Identifier: EUPL-1.2
"""The configuration file (TOML), validated with pydantic; where config and data live.

``--config PATH``, else ``$BALIECHECK_CONFIG``, else the user's file in the platform config
dir, else the machine-wide file an admin pre-fills (``/etc/xdg/baliecheck/config.toml``,
``%ProgramData%/baliecheck/config.toml``). A machine-wide file with ``locked = true`` wins
over the user's file, and the desk's settings dialog then shows it read-only. No file at
all means: embedded backend, training mode. Secrets are never read from here (keyring).
"""

from __future__ import annotations

import os
import tomllib
from enum import StrEnum
from ipaddress import ip_address
from pathlib import Path
from typing import Annotated, Any, Self

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError, model_validator

from app.eligibility.wire import ServiceCode
from app.language import Language
from app.problems import AppError, Problem

APP_NAME = "baliecheck"
SECRET_WORDS = ("token", "secret", "password", "key")


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DeskSettings(_Section):
    id: Annotated[str, Field(min_length=1, max_length=64)] = "balie-1"
    staff_id: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    services: Annotated[tuple[ServiceCode, ...], Field(min_length=1)] = ("uitpas-kansentarief",)
    language: Language = Language.NL
    privacy_timeout_s: Annotated[int, Field(ge=5, le=3600)] = 60
    reader: str | None = None
    # The verdict shows the number's birth-date part (85.07.30-xxx.xx) so staff can tell
    # they asked for the person in front of them; never the serial and check digits.
    show_masked_number: bool = False
    # The desk window opens maximized (a counter PC runs nothing else); false: 1000×700.
    maximized: bool = True


class AuthKind(StrEnum):
    NONE = "none"
    BEARER = "bearer"
    OAUTH2 = "oauth2"


def _is_loopback(host: str | None) -> bool:
    if host is None:
        return False
    if host == "localhost":
        return True
    try:
        return ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class RemoteSettings(_Section):
    base_url: HttpUrl
    auth: AuthKind = AuthKind.BEARER
    token_url: HttpUrl | None = None
    client_id: str | None = None
    scope: str | None = None
    ca_bundle: Path | None = None
    connect_timeout_s: Annotated[float, Field(gt=0, le=30)] = 2.0
    timeout_s: Annotated[float, Field(gt=0, le=60)] = 5.0
    advice_retries: Annotated[int, Field(ge=0, le=5)] = 2
    max_retry_after_s: Annotated[float, Field(ge=0, le=30)] = 5.0

    @model_validator(mode="after")
    def _check(self) -> Self:
        for url in (self.base_url, self.token_url):
            if url is not None and url.scheme != "https" and not _is_loopback(url.host):
                raise ValueError(f"{url} must use https (plain http only on this machine)")
        if self.auth is AuthKind.OAUTH2 and (self.token_url is None or not self.client_id):
            raise ValueError("auth = 'oauth2' needs token_url and client_id")
        if self.ca_bundle is not None and not self.ca_bundle.is_file():
            raise ValueError(f"ca_bundle {self.ca_bundle} is not a file")
        return self


class EmbeddedSettings(_Section):
    store: Path | None = None
    rules_dir: Path | None = None


class ServeSettings(_Section):
    host: str = "127.0.0.1"
    port: Annotated[int, Field(ge=1, le=65535)] = 8470
    auth: AuthKind = AuthKind.BEARER


class CardSettings(_Section):
    # Test certificates (PEM or DER) trusted besides the Belgian eID roots: a test root, or
    # a specimen's RRN certificate whose root is not at hand. Only with training = true.
    test_roots: tuple[Path, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Self:
        for path in self.test_roots:
            if not path.is_file():
                raise ValueError(f"test_roots: {path} is not a file")
        return self


class AuditSettings(_Section):
    """The audit store: how long records are kept (``baliecheck audit purge`` removes older)."""

    retention_days: Annotated[int, Field(ge=30, le=36500)] = 730


class BackendKind(StrEnum):
    EMBEDDED = "embedded"
    REMOTE = "remote"


class Config(_Section):
    # Only meaningful in the machine-wide file: the admin's settings win over the user's.
    locked: bool = False
    training: bool = False
    backend: BackendKind = BackendKind.EMBEDDED
    desk: DeskSettings = DeskSettings()
    remote: RemoteSettings | None = None
    embedded: EmbeddedSettings = EmbeddedSettings()
    serve: ServeSettings = ServeSettings()
    audit: AuditSettings = AuditSettings()
    card: CardSettings = CardSettings()

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.card.test_roots and not self.training:
            raise ValueError("card.test_roots is only allowed with training = true")
        if self.backend is BackendKind.REMOTE and self.remote is None:
            raise ValueError("backend = 'remote' needs a [remote] section with base_url")
        if self.serve.auth is AuthKind.OAUTH2:
            raise ValueError("serve.auth is 'bearer' or 'none'")
        return self


TRAINING_CONFIG = Config(training=True)


CONFIG_FILE = "config.toml"


def user_config_path() -> Path:
    """The file the settings dialog writes: ``$BALIECHECK_CONFIG``, else the user's config dir."""
    from_env = os.environ.get("BALIECHECK_CONFIG")
    if from_env:
        return Path(from_env)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / CONFIG_FILE


def machine_config_path() -> Path:
    """The machine-wide file (``$BALIECHECK_MACHINE_CONFIG`` overrides it, for tests)."""
    from_env = os.environ.get("BALIECHECK_MACHINE_CONFIG")
    if from_env:
        return Path(from_env)
    return Path(platformdirs.site_config_dir(APP_NAME, appauthor=False)) / CONFIG_FILE


def config_path(explicit: Path | None = None) -> Path:
    """The file in effect: explicit, else a locked machine file, else the user's file if it
    exists, else the machine file if it exists, else the user's (absent: training)."""
    if explicit is not None:
        return explicit
    user, machine = user_config_path(), machine_config_path()
    if machine.is_file() and _says_locked(machine):
        return machine
    if user.exists() or not machine.is_file():
        return user
    return machine


def settings_locked(explicit: Path | None = None) -> bool:
    """True when the admin's machine-wide file is in effect and locked: no user edits."""
    return (
        explicit is None
        and config_path() == machine_config_path()
        and _says_locked(machine_config_path())
    )


def _says_locked(path: Path) -> bool:
    """Whether a file sets ``locked = true``; an unreadable file is judged by load_config."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")).get("locked") is True
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return True


def data_dir() -> Path:
    from_env = os.environ.get("BALIECHECK_DATA_DIR")
    return (
        Path(from_env) if from_env else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )


def log_dir() -> Path:
    """Where the desk writes its log (``$BALIECHECK_LOG_DIR``, else the platform log dir)."""
    from_env = os.environ.get("BALIECHECK_LOG_DIR")
    return (
        Path(from_env) if from_env else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    )


def load_config(explicit: Path | None = None) -> Config:
    """The configuration; training defaults when no file exists (except an explicit one)."""
    path = config_path(explicit)
    if not path.exists():
        if explicit is not None:
            raise AppError(Problem.CONFIG_INVALID, f"{path}: file not found")
        return TRAINING_CONFIG
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise AppError(Problem.CONFIG_INVALID, f"{path}: cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise AppError(Problem.CONFIG_INVALID, f"{path}: not valid TOML: {exc}") from None
    try:
        return Config.model_validate(raw)
    except ValidationError as exc:
        raise AppError(Problem.CONFIG_INVALID, _describe(path, exc)) from None


def _describe(path: Path, exc: ValidationError) -> str:
    """One line per error: file, dotted key, reason (never the refused value itself)."""
    lines = []
    for error in exc.errors(include_input=False, include_url=False):
        key = ".".join(str(part) for part in error["loc"]) or "(top level)"
        reason = str(error["msg"])
        if error["type"] == "extra_forbidden":
            reason = _unknown_key_reason(str(error["loc"][-1]))
        lines.append(f"{path}: {key}: {reason}")
    return "\n".join(lines)


def _unknown_key_reason(key: str) -> str:
    if any(word in key.lower() for word in SECRET_WORDS):
        return (
            "unknown key; secrets are never read from the configuration file: "
            "put them in the keyring with 'baliecheck credentials set'"
        )
    return "unknown key"


def dump_defaults() -> dict[str, Any]:
    """The defaults as plain data (for documentation and tests)."""
    return Config().model_dump(mode="json")
