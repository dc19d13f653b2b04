# SPDX-License-Identifier: EUPL-1.2
"""What the desk records: advices shown, problems, and above all overrides and manual decisions.

``DecisionRecorder.record_override`` is the one call behind "recorded" on screen: it writes the
audit record and its outbox entry in one durable transaction and returns only after the COMMIT.
When it raises, nothing was recorded and the desk must say so (the AUDIT_* problems say what
to do). It blocks on the disk, so the desk calls it off the GUI thread (``bc-store``).
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pydantic import ValidationError

from app.audit.anchor import KeyringAnchor
from app.audit.records import AuditEntry, RecordKind
from app.audit.store import AuditStore, OutboxItem
from app.eligibility.port import OverrideRecord
from app.logsafe import redact
from app.problems import AppError, Problem
from app.settings.credentials import KeyringCredentials, data_written, pseudonym_key

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from app.eligibility.wire import Advice, Channel, ReasonCode
    from app.settings.config import Config
    from app.settings.credentials import CredentialStore
    from eid.insz import NationalNumber

STAFF_ID_LENGTH = range(1, 65)  # the contract's staff_id: at most 64 characters
AUDIT_FILE = "audit.sqlite"
TRAINING_AUDIT_FILE = "training-audit.sqlite"
# Training records are about sample people only: a fixed key lets training run without a
# keyring, and the separate file keeps them out of the real audit.
TRAINING_AUDIT_KEY = b"baliecheck training audit records"


@dataclass(frozen=True, slots=True)
class Decision:
    """Staff applied ``applied_outcome``: against ``advice``, or without one (``advice`` None)."""

    service: str
    applied_outcome: str
    reason_code: ReasonCode
    reason_text: str
    channel: Channel
    national_number: NationalNumber | None = field(default=None, repr=False)
    advice: Advice | None = None


@dataclass(frozen=True, slots=True)
class Recorded:
    """The proof that a decision is on disk: its audit record and the outbox's fixed key."""

    seq: int
    idempotency_key: str
    at: dt.datetime


def open_audit_store(
    config: Config, data_dir: Path, credentials: CredentialStore | None = None
) -> AuditStore:
    """The audit store in the data dir: under the keyring's key, or the training one.

    The real store's head is anchored in the keyring beside the key. A store that holds data
    is never given a new key: a key lost from the keyring is INSTALLATION_KEY_MISSING (restore
    the backup), not a fresh key that could not read it. Reads the keyring: not on the GUI
    thread when it can block.
    """
    if config.training:
        return AuditStore(data_dir / TRAINING_AUDIT_FILE, key=TRAINING_AUDIT_KEY)
    store = credentials if credentials is not None else KeyringCredentials()
    path = data_dir / AUDIT_FILE
    key = pseudonym_key(store, create=not data_written(data_dir, path))
    return AuditStore(path, key=key, witness=KeyringAnchor(store))


def staff_id(config: Config) -> str:
    """The configured ``desk.staff_id``, else the operating system's login name."""
    if config.desk.staff_id:
        return config.desk.staff_id
    try:
        login = getpass.getuser()
    except (OSError, KeyError):
        login = ""
    if len(login) not in STAFF_ID_LENGTH:
        raise AppError(
            Problem.CONFIG_INVALID,
            "the login name cannot serve as staff id: set desk.staff_id in the configuration",
        )
    return login


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class DecisionRecorder:
    """Writes the desk's audit records; overrides and manual decisions also go to the outbox."""

    def __init__(  # noqa: PLR0913 - the parts of every record, by name
        self,
        store: AuditStore,
        *,
        desk: str,
        staff_id: str,
        on_recorded: Callable[[], None] | None = None,
        now: Callable[[], dt.datetime] = _utc_now,
        mode: Callable[[], str] | None = None,
    ) -> None:
        """``mode``: the mode the desk decides in now (production, acceptance, training),
        asked for each record and kept in it."""
        self._store = store
        self._mode = mode
        self._desk = desk
        self._staff_id = staff_id
        self._on_recorded = on_recorded
        self._now = now

    def record_override(self, decision: Decision) -> Recorded:
        """Record durably, with the outbox entry; raises (and records nothing) on any failure.

        With an advice this is an override (the applied outcome must differ from it); without
        one a manual decision, which needs the national number (the backend is sent it; the
        store keeps only its pseudonym and, until delivery, a sealed copy).
        """
        at = self._now()
        entry = self._override_entry(decision, at)
        _check_contract(decision, entry)
        key = str(uuid.uuid4())
        sealed = None
        if decision.advice is None and decision.national_number is not None:
            digits = decision.national_number.digits.encode("ascii")
            sealed = self._store.sealer.seal(digits, bound_to=key)
        appended = self._store.append(entry, OutboxItem(key, sealed))
        if self._on_recorded is not None:
            self._on_recorded()
        return Recorded(seq=appended.seq, idempotency_key=key, at=at)

    def record_advice_shown(
        self, advice: Advice, channel: Channel, number: NationalNumber | None
    ) -> int:
        """An advice was shown to staff: what it said, for whom (pseudonym), by which channel."""
        entry = AuditEntry(
            kind=RecordKind.ADVICE_SHOWN,
            at=self._now(),
            desk=self._desk,
            mode=self._mode() if self._mode is not None else None,
            staff_id=self._staff_id,
            service=advice.service,
            advice_id=advice.advice_id,
            advised_outcome=advice.outcome.code,
            channel=channel.value,
            pseudonym=self._store.pseudonym(number) if number is not None else None,
            detail=advice_detail(advice),
        )
        return self._store.append(entry).seq

    def record_problem(self, problem: Problem, service: str | None, channel: Channel | None) -> int:
        """No advice could be had: the problem code only, nothing about the person."""
        entry = AuditEntry(
            kind=RecordKind.PROBLEM,
            at=self._now(),
            desk=self._desk,
            mode=self._mode() if self._mode is not None else None,
            staff_id=self._staff_id,
            service=service,
            channel=channel.value if channel is not None else None,
            detail=problem.value,
        )
        return self._store.append(entry).seq

    def _override_entry(self, decision: Decision, at: dt.datetime) -> AuditEntry:
        advice = decision.advice
        if advice is None and decision.national_number is None:
            raise AppError(
                Problem.INVALID_REQUEST, "a decision without an advice needs the national number"
            )
        if advice is not None and advice.outcome.code == decision.applied_outcome:
            raise AppError(Problem.INVALID_REQUEST, "the applied outcome is the advised one")
        number = decision.national_number
        return AuditEntry(
            kind=RecordKind.OVERRIDE if advice is not None else RecordKind.MANUAL_DECISION,
            at=at,
            desk=self._desk,
            mode=self._mode() if self._mode is not None else None,
            staff_id=self._staff_id,
            service=decision.service,
            advice_id=advice.advice_id if advice is not None else None,
            advised_outcome=advice.outcome.code if advice is not None else None,
            applied_outcome=decision.applied_outcome,
            reason_code=decision.reason_code.value,
            reason_text=redact(decision.reason_text.strip()),  # a number typed in is not kept
            channel=decision.channel.value,
            pseudonym=self._store.pseudonym(number) if number is not None else None,
            detail=advice_detail(advice) if advice is not None else None,
        )


def advice_detail(advice: Advice) -> str | None:
    """The advice's rule version and grounds (codes, never values) as the record's detail:
    ``{"grounds":["INWONER","VT"],"rule_version":"2026"}``; None from a 1.0 backend."""
    fields = {"grounds": advice.grounds, "rule_version": advice.rule_version}
    given = {key: value for key, value in fields.items() if value is not None}
    return json.dumps(given, sort_keys=True, separators=(",", ":")) if given else None


def _check_contract(decision: Decision, entry: AuditEntry) -> None:
    """The outbox will send this body: refuse now what the contract would refuse later."""
    record = OverrideRecord(
        service=decision.service,
        outcome_code=decision.applied_outcome,
        reason_code=decision.reason_code,
        reason_text=str(entry.reason_text),
        staff_id=entry.staff_id,
        desk=entry.desk,
        decided_at=entry.at,
        advice_id=entry.advice_id,
        national_number=decision.national_number,
    )
    try:
        record.to_wire()
    except ValidationError as exc:
        fields = sorted({".".join(map(str, e["loc"])) for e in exc.errors()})
    else:
        return
    raise AppError(Problem.INVALID_REQUEST, f"not valid for the contract: {', '.join(fields)}")
