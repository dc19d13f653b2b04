# SPDX-License-Identifier: EUPL-1.2
"""The checks behind ``baliecheck selftest``: is this machine ready for the desk?

Each check returns findings (ok, warning, failure) as codes and values; the command puts
them into words. Nothing here reads a card, so no personal data can reach the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from app.audit.decisions import AUDIT_FILE, TRAINING_AUDIT_FILE, open_audit_store
from app.eligibility.embedded.rules import load_rules
from app.eligibility.wire import HealthStatus, RunMode, SourceStatus
from app.i18n import compiled_path, locale_dir
from app.language import Language
from app.problems import AppError, Problem, problem_for_fault
from app.resource_paths import rules_dir
from app.services import make_card_reader, make_eligibility
from app.settings.config import (
    AuthKind,
    BackendKind,
    Config,
    config_path,
    log_dir,
    machine_config_path,
    settings_locked,
)
from app.settings.credentials import KeyringCredentials, SecretName, data_written, pseudonym_key
from eid.errors import EidError

if TYPE_CHECKING:
    from pathlib import Path

    from app.settings.credentials import CredentialStore
    from eid.reader import ReaderStatus


class Status(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"


@dataclass(frozen=True, slots=True)
class Finding:
    """One line of the report: ``text`` names its words, ``values`` fill them in."""

    status: Status
    text: str
    values: dict[str, str] = field(default_factory=dict)
    problem: Problem | None = None
    detail: str = ""  # for the admin (file, key); never personal data
    readers: tuple[ReaderStatus, ...] = ()


PROBE_FILE = ".selftest-probe"


def check_config(config: Config, explicit: Path | None) -> Finding:
    """Which file is in effect, whether the admin locked it, and whether it is training."""
    path = config_path(explicit)
    values = {
        "path": str(path),
        "machine": str(machine_config_path()),
        "locked": "locked" if settings_locked(explicit) else "unlocked",
        "mode": "training" if config.training else "real",
    }
    if not path.exists():
        return Finding(Status.WARN, "config_none", values)
    return Finding(Status.WARN if config.training else Status.OK, "config_file", values)


def check_mode(config: Config) -> list[Finding]:
    """Acceptance mode (test roots outside training) is a warning: test cards count as
    genuine at this desk, which must not serve citizens so."""
    if config.mode is not RunMode.ACCEPTANCE:
        return []
    roots = ", ".join(str(path) for path in config.card.test_roots)
    return [Finding(Status.WARN, "mode_acceptance", {"roots": roots})]


def check_pcsc(config: Config) -> list[Finding]:
    """The PC/SC service answers and lists readers (a training desk does not need it)."""
    not_needed = Status.WARN if config.training else Status.FAIL
    reader = make_card_reader(training=False)
    try:
        readers = tuple(reader.list_readers())
    except EidError as exc:
        return [Finding(not_needed, "pcsc_fail", problem=problem_for_fault(exc.fault))]
    finally:
        reader.close()
    findings = [Finding(Status.OK, "pcsc_ok")]
    if not readers:
        findings.append(Finding(not_needed, "readers_none", problem=Problem.NO_READER))
        return findings
    findings.append(Finding(Status.OK, "readers", {"count": str(len(readers))}, readers=readers))
    wanted = config.desk.reader
    if wanted is not None and wanted not in {status.name for status in readers}:
        findings.append(
            Finding(not_needed, "reader_missing", {"name": wanted}, Problem.READER_NOT_FOUND)
        )
    return findings


def check_rules(config: Config) -> list[Finding]:
    """The embedded engine's rule files load (a remote backend has its own)."""
    if config.backend is not BackendKind.EMBEDDED:
        return []
    directory = config.embedded.rules_dir or rules_dir()
    values = {"path": str(directory)}
    try:
        rules = load_rules(directory)
    except AppError as exc:
        return [Finding(Status.FAIL, "rules_fail", values, exc.problem, exc.detail)]
    return [Finding(Status.OK, "rules_ok", {**values, "count": str(len(rules))})]


def check_credentials(config: Config, credentials: CredentialStore) -> list[Finding]:
    """The secret the remote backend needs is in the keyring (never shown)."""
    needed = _needed_secret(config)
    if needed is None:
        return []
    values = {"name": needed.value}
    try:
        present = bool(credentials.get(needed))
    except AppError as exc:
        return [Finding(Status.FAIL, "credentials_fail", values, exc.problem, exc.detail)]
    if not present:
        return [Finding(Status.FAIL, "credentials_fail", values, Problem.CREDENTIALS_MISSING)]
    return [Finding(Status.OK, "credentials_ok", values)]


def _needed_secret(config: Config) -> SecretName | None:
    if config.backend is not BackendKind.REMOTE or config.remote is None:
        return None
    return {
        AuthKind.BEARER: SecretName.BEARER_TOKEN,
        AuthKind.OAUTH2: SecretName.OAUTH_CLIENT_SECRET,
    }.get(config.remote.auth)


def check_backend(
    config: Config, data_dir: Path, credentials: CredentialStore, *, ask_services: bool
) -> list[Finding]:
    """``/v1/health`` (remote) or the engine's health (embedded), and the desk's services."""
    remote = config.remote if config.backend is BackendKind.REMOTE else None
    values = {"where": str(remote.base_url) if remote is not None else "embedded"}
    try:
        eligibility = make_eligibility(config, data_dir, credentials)
        try:
            health = eligibility.health()
            offered = {service.code for service in eligibility.services()} if ask_services else None
        finally:
            eligibility.close()
    except AppError as exc:
        return [Finding(Status.FAIL, "backend_fail", values, exc.problem, _admin(exc))]
    if health.status is HealthStatus.OK:
        findings = [Finding(Status.OK, "backend_ok", values)]
    else:
        empty = ", ".join(s.name for s in health.sources if s.status is not SourceStatus.OK)
        findings = [Finding(Status.WARN, "backend_degraded", {**values, "sources": empty})]
    missing = [code for code in config.desk.services if offered is not None and code not in offered]
    if missing:
        codes = {"codes": ", ".join(missing)}
        findings.append(Finding(Status.FAIL, "services_missing", codes, Problem.UNKNOWN_SERVICE))
    return findings


def _admin(exc: AppError) -> str:
    """An installation problem's detail helps the admin; a backend's detail is technical."""
    installation = {Problem.CONFIG_INVALID, Problem.RULES_INVALID, Problem.KEYRING_UNAVAILABLE}
    return exc.detail if exc.problem in installation else ""


def check_data_dir(data_dir: Path) -> Finding:
    """The data dir takes a file (the audit store is checked on its own line)."""
    values = {"path": str(data_dir)}
    failed = _not_writable(data_dir)
    if failed is not None:
        return Finding(Status.FAIL, "data_fail", values, Problem.AUDIT_STORE_READ_ONLY, str(failed))
    return Finding(Status.OK, "data_ok", values)


def check_audit(config: Config, data_dir: Path, credentials: CredentialStore) -> list[Finding]:
    """The audit store opens, takes a record (rolled back), and ends where the anchor says."""
    name = TRAINING_AUDIT_FILE if config.training else AUDIT_FILE
    values = {"path": str(data_dir / name)}
    try:
        store = open_audit_store(config, data_dir, credentials)
    except AppError as exc:
        return [Finding(Status.FAIL, "audit_fail", values, exc.problem, _store_detail(exc))]
    try:
        store.try_append()
        anchor, broken = store.anchor_state()
    except AppError as exc:
        return [Finding(Status.FAIL, "audit_fail", values, exc.problem, _store_detail(exc))]
    finally:
        store.close()
    findings = [Finding(Status.OK, "audit_ok", values)]
    if config.training:
        return findings
    if broken is not None:
        findings.append(Finding(Status.FAIL, f"anchor_{broken}", {"seq": _seq(anchor)}))
    elif anchor is not None:
        findings.append(Finding(Status.OK, "anchor_ok", {"seq": str(anchor.seq)}))
    return findings


def _store_detail(exc: AppError) -> str:
    """The file and the cause for the admin; a lost key's words say it all already."""
    return "" if exc.problem is Problem.INSTALLATION_KEY_MISSING else exc.detail


def _seq(anchor: object) -> str:
    return str(getattr(anchor, "seq", "?"))


def check_installation_key(
    config: Config, data_dir: Path, credentials: CredentialStore
) -> Finding | None:
    """The installation key is in the keyring (read only: a lost key is never replaced here)."""
    if config.training:
        return None  # the training store has a fixed key of its own
    try:
        pseudonym_key(credentials, create=False)
    except AppError as exc:
        made = data_written(data_dir)
        if exc.problem is Problem.INSTALLATION_KEY_MISSING and not made:
            return Finding(Status.WARN, "key_new")
        return Finding(Status.FAIL, "key_fail", problem=exc.problem, detail=_store_detail(exc))
    return Finding(Status.OK, "key_ok")


def check_log_dir(directory: Path) -> Finding:
    """The desk's log folder takes a file (for IT; the desk runs without it, so a warning)."""
    values = {"path": str(directory)}
    failed = _not_writable(directory)
    if failed is not None:
        return Finding(Status.WARN, "log_fail", values, detail=str(failed.strerror))
    return Finding(Status.OK, "log_ok", values)


def _not_writable(directory: Path) -> OSError | None:
    """None when ``directory`` (made if need be) takes a file, else why not."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        probe = directory / PROBE_FILE
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        return exc
    return None


def check_translations(config: Config) -> Finding:
    """The compiled French and English catalogues are shipped (Dutch, the source, needs none)."""
    directory = locale_dir()
    wanted = [lang for lang in Language if lang is not Language.NL]
    missing = [lang for lang in wanted if not compiled_path(lang).is_file()]
    if not missing:
        return Finding(Status.OK, "translations_ok", {"languages": ", ".join(wanted)})
    files = [str(compiled_path(lang).relative_to(directory)) for lang in missing]
    status = Status.FAIL if config.desk.language in missing else Status.WARN
    return Finding(
        status, "translations_missing", {"files": ", ".join(files), "path": str(directory)}
    )


def run_checks(config: Config, *, explicit: Path | None, data_dir: Path) -> list[Finding]:
    """Every check in report order; none stops the others."""
    credentials = KeyringCredentials()
    secrets = check_credentials(config, credentials)
    secrets_ok = all(finding.status is Status.OK for finding in secrets)
    findings = [
        check_config(config, explicit),
        *check_mode(config),
        *check_pcsc(config),
        *check_rules(config),
        *secrets,
        *check_backend(config, data_dir, credentials, ask_services=secrets_ok),
        check_data_dir(data_dir),
    ]
    # The store first: on a fresh machine it makes the key (which the key line then asks to
    # back up); where data exists it never does, so a lost key is FOUT on both lines.
    audit = check_audit(config, data_dir, credentials) if findings[-1].status is Status.OK else []
    key = check_installation_key(config, data_dir, credentials)
    return [
        *findings,
        *([key] if key is not None else []),
        *audit,
        check_log_dir(log_dir()),
        check_translations(config),
    ]
