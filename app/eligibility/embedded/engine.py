# SPDX-License-Identifier: EUPL-1.2
"""EmbeddedEligibility: the EligibilityPort in-process, over rule files and imported source lists.

Issued advice ids and overrides live in the store beside the lists (SQLite, or PostgreSQL shared
by several serve instances), keyed by pseudonym. Thread-safe as its store is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import time
import uuid
from typing import TYPE_CHECKING

from pydantic import ValidationError

from app.eligibility import wire
from app.eligibility.embedded.rules.model import Person, birth_date
from app.eligibility.embedded.store import IssuedAdvice, OverrideRow
from app.logsafe import redact
from app.problems import AppError, Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from contextlib import AbstractContextManager

    from app.eligibility.embedded.rules.model import ServiceRules
    from app.eligibility.embedded.store import Store, StoredOverride
    from app.eligibility.port import AdviceQuery, OverrideRecord

log = logging.getLogger(__name__)

_KEY_LENGTH = range(8, 129)  # the contract's Idempotency-Key: 8 to 128 characters


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_advice_id() -> str:
    """A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits.

    Unguessable like a version 4, but ordered by time, so remembering an issued advice appends
    to the table's last page instead of a random one (the difference grows with the table).
    """
    millis = time.time_ns() // 1_000_000
    random = int.from_bytes(os.urandom(10), "big")
    rand_a, rand_b = random >> 68, random & ((1 << 62) - 1)
    value = (millis & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    digits = f"{value:032x}"  # str(uuid.UUID(int=value)), without building the object
    return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"


class EmbeddedEligibility:
    """Advice from rules over a Store. Owns the store: ``close()`` closes it."""

    def __init__(
        self,
        rules: Iterable[ServiceRules],
        store: Store,
        *,
        now: Callable[[], dt.datetime] = _utc_now,
    ) -> None:
        self._rules = {service.code: service for service in rules}
        self._store = store
        self._now = now

    def services(self) -> tuple[wire.Service, ...]:
        return tuple(rules.service for rules in self._rules.values())

    def advise(self, query: AdviceQuery) -> wire.Advice:
        """The rule's outcome on today's lists, with its grounds, version and validity.

        INSUFFICIENT_DATA when something the rule needs is unknown (a list never imported, an
        empty column, an age a BIS number does not give), never a "no". The contract's
        person-unknown is never answered here: the lists say who has a right, not who exists,
        so a person on none of them simply gets the default outcome.
        """
        rules = self._service(query.service)
        decided_at = self._now()
        day = decided_at.astimezone().date()
        version = rules.version_on(day)
        pseudonym = self._store.pseudonym(query.national_number)
        found = self._store.lookup(version.lists, pseudonym, on=day)
        digits = query.national_number.digits
        person = Person(birth_date(digits) if version.reads_age else None, found.rows)
        decision = rules.decide(person, day, version)
        advice_id = new_advice_id()
        grounds = " ".join(decision.grounds)
        self._store.remember_advice(
            IssuedAdvice(
                advice_id,
                rules.code,
                decision.outcome,
                pseudonym,
                decided_at,
                decision.rule_version,
                grounds,
            )
        )
        return wire.Advice(
            advice_id=advice_id,
            service=rules.code,
            outcome=rules.outcome(decision.outcome),
            decided_at=decided_at,
            data_as_of=min(found.as_of.values(), default=None),  # the version's lists found
            valid_until=decision.valid_until,
            rule_version=decision.rule_version,
            grounds=decision.grounds,
        )

    def in_bulk(self) -> AbstractContextManager[None]:
        """A block of many advices asked at once (a batch run) whose issued advices the store
        may commit together: faster, and safe because no advice of the block reaches anyone
        before it ends. An override recorded inside it commits the waiting advices first."""
        return self._store.in_bulk()

    def record_override(
        self, record: OverrideRecord, *, idempotency_key: str
    ) -> wire.OverrideReceipt:
        """Record once per key: a replay with the same body gets the first receipt."""
        if len(idempotency_key) not in _KEY_LENGTH:
            raise AppError(Problem.INVALID_REQUEST, "Idempotency-Key must be 8 to 128 characters")
        body = _wire_body(record)
        number = record.national_number if record.advice_id is None else None
        given = self._store.pseudonym(number) if number is not None else None
        body_hash = _body_hash(body, given)
        prepared: list[OverrideRow] = []

        def prepare(owner: Callable[[str], tuple[str, bytes] | None]) -> OverrideRow:
            pseudonym = self._check(owner, record, given)
            prepared.append(self._row(record, idempotency_key, body_hash, pseudonym))
            return prepared[0]

        stored = self._store.record_override(idempotency_key, prepare)
        if prepared and stored.override_id == prepared[0].override_id:
            log.info("override %s recorded for service %s", stored.override_id, record.service)
        return _receipt(stored, body_hash)

    def health(self) -> wire.Health:
        """Each source list the rules need: ok with its date, or unavailable if never imported."""
        needed = sorted(frozenset().union(*(rules.lists for rules in self._rules.values())))
        imported = {entry.name: entry for entry in self._store.lists() if entry.key_matches}
        sources = tuple(
            wire.HealthSource(name=name, status=wire.SourceStatus.OK, as_of=imported[name].as_of)
            if name in imported
            else wire.HealthSource(name=name, status=wire.SourceStatus.UNAVAILABLE)
            for name in needed
        )
        degraded = any(source.status is wire.SourceStatus.UNAVAILABLE for source in sources)
        status = wire.HealthStatus.DEGRADED if degraded else wire.HealthStatus.OK
        return wire.Health(status=status, sources=sources)

    def close(self) -> None:
        self._store.close()

    def _service(self, code: str) -> ServiceRules:
        rules = self._rules.get(code)
        if rules is None:
            raise AppError(Problem.UNKNOWN_SERVICE, f"no rules for service '{redact(code[:64])}'")
        return rules

    def _check(
        self,
        owner: Callable[[str], tuple[str, bytes] | None],
        record: OverrideRecord,
        given: bytes | None,
    ) -> bytes:
        """The person's pseudonym, after checking service, outcome and advice."""
        rules = self._service(record.service)
        if record.outcome_code not in {o.code for o in rules.service.outcomes}:
            raise AppError(
                Problem.INVALID_REQUEST, f"outcome_code is not an outcome of service {rules.code}"
            )
        if record.advice_id is None:
            if given is None:
                raise AppError(Problem.INVALID_REQUEST, "an override without advice_id needs insz")
            return given
        row = owner(record.advice_id)
        if row is None:
            raise AppError(Problem.UNKNOWN_ADVICE, "advice_id was not issued by this backend")
        if row[0] != rules.code:
            raise AppError(Problem.INVALID_REQUEST, "advice_id belongs to another service")
        pseudonym: bytes = row[1]
        return pseudonym

    def _row(
        self, record: OverrideRecord, idempotency_key: str, body_hash: bytes, pseudonym: bytes
    ) -> OverrideRow:
        return OverrideRow(
            idempotency_key=idempotency_key,
            body_hash=body_hash,
            override_id=str(uuid.uuid4()),
            advice_id=record.advice_id,
            service=record.service,
            outcome_code=record.outcome_code,
            reason_code=record.reason_code.value,
            reason_text=redact(record.reason_text),  # a number typed into the reason is not kept
            staff_id=record.staff_id,
            desk=record.desk,
            decided_at=record.decided_at,
            pseudonym=pseudonym,
            recorded_at=self._now(),
        )


def _receipt(stored: StoredOverride, body_hash: bytes) -> wire.OverrideReceipt:
    """The first receipt for this key; IDEMPOTENCY_CONFLICT if its body was different."""
    if stored.body_hash != body_hash:
        raise AppError(
            Problem.IDEMPOTENCY_CONFLICT, "Idempotency-Key was used before with another body"
        )
    return wire.OverrideReceipt(
        override_id=stored.override_id,
        advice_id=stored.advice_id,
        recorded_at=stored.recorded_at,
    )


def _wire_body(record: OverrideRecord) -> dict[str, object]:
    """The contract body as JSON values; INVALID_REQUEST (without input values) if it is not."""
    try:
        return record.to_wire().model_dump(mode="json")
    except ValidationError as exc:
        reasons = "; ".join(
            f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}"
            for error in exc.errors(include_input=False, include_url=False)
        )
        raise AppError(Problem.INVALID_REQUEST, reasons) from None


def _body_hash(body: dict[str, object], pseudonym: bytes | None) -> bytes:
    """SHA-256 of the canonical body, the number replaced by its keyed pseudonym.

    A plain hash of a body with the number could be reversed by trying all numbers.
    """
    canonical = dict(body, insz=pseudonym.hex() if pseudonym is not None else None)
    text = json.dumps(canonical, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).digest()
