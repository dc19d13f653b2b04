# SPDX-License-Identifier: EUPL-1.2
"""The configuration file (TOML), validated with pydantic; where config and data live.

``--config PATH``, else ``$BALIECHECK_CONFIG``, else the user's file in the platform config
dir, else the machine-wide file an admin pre-fills (``/etc/xdg/baliecheck/config.toml``,
``%ProgramData%/baliecheck/config.toml``). A machine-wide file with ``locked = true`` wins
over the user's file, and the desk's settings dialog then shows it read-only. No file at
all means: embedded backend, training mode. Secrets are never read from here (keyring).
Values are taken as typed: ``training = "yes"`` or ``privacy_timeout_s = "60"`` is refused,
not converted. A UTF-8 byte-order mark (Notepad writes one) is accepted.
"""

from __future__ import annotations

import errno
import os
import tomllib
from enum import StrEnum
from ipaddress import ip_address
from pathlib import Path
from typing import Annotated, Any, Self

import platformdirs
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    Strict,
    ValidationError,
    field_validator,
    model_validator,
)

from app.eligibility.wire import RunMode, ServiceCode
from app.language import Language
from app.problems import AppError, Problem

APP_NAME = "baliecheck"
SECRET_WORDS = ("token", "secret", "password", "key")

# Booleans and numbers exactly as typed: a quoted "yes" or "60" is a mistake to show, not
# something to guess at (an int is still a float: timeout_s = 5 is 5.0).
Bool = Annotated[bool, Strict()]
Int = Annotated[int, Strict()]
Float = Annotated[float, Strict()]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DeskSettings(_Section):
    id: Annotated[str, Field(min_length=1, max_length=64)] = "balie-1"
    staff_id: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    services: Annotated[tuple[ServiceCode, ...], Field(min_length=1)] = ("uitpas-kansentarief",)
    language: Language = Language.NL
    privacy_timeout_s: Annotated[Int, Field(ge=5, le=3600)] = 60
    reader: str | None = None
    # The verdict shows the number's birth-date part (85.07.30-xxx.xx) so staff can tell
    # they asked for the person in front of them; never the serial and check digits.
    show_masked_number: Bool = False
    # The desk window opens maximized (a counter PC runs nothing else); false: 1000×700.
    maximized: Bool = True


class AuthKind(StrEnum):
    NONE = "none"
    BEARER = "bearer"
    OAUTH2 = "oauth2"


NO_AUTH_OFF_LOOPBACK = (
    "auth = 'none' is only allowed on a loopback address (127.0.0.1, ::1, localhost): "
    "set auth = 'bearer' (tokens: baliecheck credentials set serve-tokens) to serve a network"
)


def is_loopback(host: str | None) -> bool:
    """True for an address (or ``localhost``) that only this machine can reach."""
    if host is None:
        return False
    if host == "localhost":
        return True
    try:
        return ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


_is_loopback = is_loopback  # the name the settings form imports


class RemoteSettings(_Section):
    base_url: HttpUrl
    auth: AuthKind = AuthKind.BEARER
    token_url: HttpUrl | None = None
    client_id: str | None = None
    scope: str | None = None
    ca_bundle: Path | None = None
    connect_timeout_s: Annotated[Float, Field(gt=0, le=30)] = 2.0
    timeout_s: Annotated[Float, Field(gt=0, le=60)] = 5.0
    advice_retries: Annotated[Int, Field(ge=0, le=5)] = 2
    max_retry_after_s: Annotated[Float, Field(ge=0, le=30)] = 5.0

    @model_validator(mode="after")
    def _check(self) -> Self:
        for url in (self.base_url, self.token_url):
            if url is not None and url.scheme != "https" and not is_loopback(url.host):
                raise ValueError(f"{url} must use https (plain http only on this machine)")
        if self.auth is AuthKind.OAUTH2 and (self.token_url is None or not self.client_id):
            raise ValueError("auth = 'oauth2' needs token_url and client_id")
        if self.ca_bundle is not None and not self.ca_bundle.is_file():
            raise ValueError(f"ca_bundle {self.ca_bundle} is not a file")
        return self


DATABASE_SCHEMES = ("postgresql", "postgres")


class EmbeddedSettings(_Section):
    store: Path | None = None
    rules_dir: Path | None = None
    # PostgreSQL for several serve instances (lists, advices, overrides), used instead of
    # store; the password comes from the keyring (credentials set database-password), a peer
    # login or ~/.pgpass, never from this file.
    database_url: Annotated[str, Field(min_length=1, max_length=1000)] | None = None

    @field_validator("database_url")
    @classmethod
    def _check_url(cls, url: str | None) -> str | None:
        if url is not None:
            check_database_url(url)
        return url


def check_database_url(url: str) -> None:
    """ValueError (without the URL: it may hold a password) unless a PostgreSQL URL without one."""
    from urllib.parse import parse_qs, urlsplit  # noqa: PLC0415 - only with a database

    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        raise ValueError("database_url is not a URL like postgresql://user@host/database") from None
    if parts.scheme not in DATABASE_SCHEMES:
        raise ValueError("database_url must start with postgresql://")
    if password is not None or "password" in parse_qs(parts.query):
        raise ValueError(
            "database_url must not hold a password: keep it in the keyring "
            "(baliecheck credentials set database-password)"
        )


class LogFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


class ServeSettings(_Section):
    host: str = "127.0.0.1"
    port: Annotated[Int, Field(ge=1, le=65535)] = 8470
    auth: AuthKind = AuthKind.BEARER
    # TLS in serve itself (PEM files); with tls_client_ca, desks need a certificate it signed.
    tls_cert: Path | None = None
    tls_key: Path | None = None
    tls_client_ca: Path | None = None
    max_body_bytes: Annotated[int, Field(ge=4096, le=1_048_576)] = 16_384
    max_connections: Annotated[int, Field(ge=4, le=10_000)] = 256
    header_timeout_s: Annotated[float, Field(gt=0, le=120)] = 10.0
    body_timeout_s: Annotated[float, Field(gt=0, le=120)] = 10.0
    keep_alive_s: Annotated[int, Field(ge=1, le=300)] = 5
    auth_failures_max: Annotated[int, Field(ge=1, le=10_000)] = 10
    auth_failures_window_s: Annotated[float, Field(gt=0, le=86_400)] = 60.0
    log_format: LogFormat = LogFormat.TEXT

    @model_validator(mode="after")
    def _check(self) -> Self:
        if (self.tls_cert is None) != (self.tls_key is None):
            raise ValueError("tls_cert and tls_key go together")
        if self.tls_client_ca is not None and self.tls_cert is None:
            raise ValueError("tls_client_ca needs tls_cert and tls_key")
        return self

    @property
    def tls(self) -> bool:
        return self.tls_cert is not None


class CardSettings(_Section):
    # Test certificates (PEM or DER) trusted besides the Belgian eID roots: a test root, or
    # a specimen's RRN certificate whose root is not at hand. Without training = true this
    # is acceptance mode: real readers and the configured backend, test cards accepted.
    test_roots: tuple[Path, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Self:
        for path in self.test_roots:
            if not path.is_file():
                raise ValueError(f"test_roots: {path} is not a file")
        return self


class AuditSettings(_Section):
    """The audit store: how long records are kept (``baliecheck audit purge`` removes older)."""

    retention_days: Annotated[Int, Field(ge=30, le=36500)] = 730


class BackendKind(StrEnum):
    EMBEDDED = "embedded"
    REMOTE = "remote"


class Config(_Section):
    # Only meaningful in the machine-wide file: the admin's settings win over the user's.
    locked: Bool = False
    training: Bool = False
    backend: BackendKind = BackendKind.EMBEDDED
    desk: DeskSettings = DeskSettings()
    remote: RemoteSettings | None = None
    embedded: EmbeddedSettings = EmbeddedSettings()
    serve: ServeSettings = ServeSettings()
    audit: AuditSettings = AuditSettings()
    card: CardSettings = CardSettings()

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.backend is BackendKind.REMOTE and self.remote is None:
            raise ValueError("backend = 'remote' needs a [remote] section with base_url")
        if self.serve.auth is AuthKind.OAUTH2:
            raise ValueError("serve.auth is 'bearer' or 'none'")
        return self

    @property
    def mode(self) -> RunMode:
        """Training (sample data), acceptance (test cards trusted on the real paths) or
        production (Belgian eID roots only)."""
        if self.training:
            return RunMode.TRAINING
        return RunMode.ACCEPTANCE if self.card.test_roots else RunMode.PRODUCTION


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
        return tomllib.loads(path.read_text(encoding="utf-8-sig")).get("locked") is True
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
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
    if not _exists(path):
        if explicit is not None:
            raise AppError(Problem.CONFIG_INVALID, f"{path}: file not found")
        return TRAINING_CONFIG
    raw = read_toml(path, Problem.CONFIG_INVALID)
    try:
        return Config.model_validate(raw)
    except ValidationError as exc:
        raise AppError(Problem.CONFIG_INVALID, _describe(path, exc)) from None
    except RecursionError:
        raise AppError(Problem.CONFIG_INVALID, f"{path}: nested too deeply") from None


def _exists(path: Path) -> bool:
    """Whether ``path`` exists; a symbolic link loop is an error, not "no file" (which
    would quietly mean training mode)."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise AppError(
                Problem.CONFIG_INVALID, f"{path}: symbolic link loop (the link points to itself)"
            ) from None
        return False
    return True


def read_toml(path: Path, problem: Problem) -> dict[str, Any]:
    """A TOML file's contents (a UTF-8 byte-order mark is allowed), or AppError(problem)
    naming the file: unreadable, a link loop, not UTF-8, not TOML, or nested too deeply."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            reason = "symbolic link loop (the link points to itself)"
        else:
            reason = f"cannot be read ({exc.strerror or exc})"
        raise AppError(problem, f"{path}: {reason}") from None
    except UnicodeDecodeError:
        raise AppError(problem, f"{path}: cannot be read (not UTF-8 text)") from None
    except tomllib.TOMLDecodeError as exc:
        raise AppError(problem, f"{path}: not valid TOML: {exc}") from None
    except RecursionError:
        raise AppError(problem, f"{path}: nested too deeply (not a usable TOML file)") from None


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
