# SPDX-License-Identifier: EUPL-1.2
"""The outbox sender: delivers recorded overrides to the backend, exactly once, whatever happens.

Each pending entry is sent with ``record_override`` and the Idempotency-Key fixed when it was
recorded, so a send repeated after a crash, a lost answer or a restart has the effect of one.
Entries go oldest first. A refusal that no retry can change (the backend calls the request
invalid, the advice or service unknown, the key used for another body) marks the entry
``rejected``; any other failure means the backend cannot be reached or used right now, so the
round stops and the sender waits, longer after each failure: ``first_s``, doubling, capped at
``cap_s``, with jitter (a random 50-100 % of the step, so desks do not retry in step). A
delivered entry resets the wait. State lives in SQLite, so a restart picks up where it was.

The sender runs on its own thread, ``bc-net-outbox``: start(), wake() after a new record,
stop() to end it (it finishes the send under way, bounded by the port's own time limits).
"""

from __future__ import annotations

import logging
import random
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.audit.outbox_table import Outbox, OutboxState
from app.eligibility.port import OverrideRecord
from app.eligibility.wire import ReasonCode
from app.problems import AppError, Problem
from app.threads import NET_PREFIX
from eid.errors import EidError
from eid.insz import NationalNumber

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.audit.outbox_table import Due
    from app.audit.store import AuditStore
    from app.eligibility.port import EligibilityPort

log = logging.getLogger(__name__)

THREAD_NAME = f"{NET_PREFIX}-outbox"

# Refusals of the request itself: sending it again cannot succeed.
FINAL_PROBLEMS = frozenset(
    {
        Problem.INVALID_REQUEST,
        Problem.INVALID_INSZ,
        Problem.UNKNOWN_ADVICE,
        Problem.UNKNOWN_SERVICE,
        Problem.IDEMPOTENCY_CONFLICT,
        Problem.PERSON_UNKNOWN,
        Problem.INSUFFICIENT_DATA,
    }
)


@dataclass(frozen=True, slots=True)
class Backoff:
    """Waits between rounds while the backend fails: first_s, doubling, at most cap_s."""

    first_s: float = 1.0
    cap_s: float = 300.0

    def step(self, failures: int) -> float:
        """The wait before jitter after ``failures`` failed rounds in a row (1 or more)."""
        return float(min(self.cap_s, self.first_s * 2 ** min(failures - 1, 62)))

    def delay(self, failures: int, rng: random.Random) -> float:
        step = self.step(failures)
        return step / 2 + rng.random() * step / 2


@dataclass(frozen=True, slots=True)
class Round:
    """What one pass over the pending entries did; ``stopped_by`` the failure that ended it."""

    delivered: int
    rejected: int
    stopped_by: Problem | None = None


class OutboxSender:
    """Sends the audit store's pending overrides through an EligibilityPort."""

    def __init__(
        self,
        store: AuditStore,
        port: EligibilityPort,
        *,
        backoff: Backoff | None = None,
        idle_s: float = 60.0,
        on_change: Callable[[OutboxState], None] | None = None,
    ) -> None:
        self._store = store
        self._outbox = Outbox(store)
        self._port = port
        self._backoff = backoff or Backoff()
        self._idle_s = idle_s
        self._on_change = on_change
        self._rng = random.Random()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self.failures = 0  # failed rounds in a row (0: the backend answered last time)

    def state(self) -> OutboxState:
        """Pending and rejected counts, for the status bar."""
        return self._outbox.state()

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the outbox sender runs already")
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """A new entry was recorded: send it now, unless the sender is waiting out a failure."""
        self._wake.set()

    def stop(self, timeout: float = 60.0) -> None:
        """End the thread after the send under way; safe to call twice or before start()."""
        self._stop.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive():
                log.warning("outbox sender still busy after %.0f s", timeout)

    def deliver_pending(self) -> Round:
        """One pass: every pending entry, oldest first, until none is left or the backend fails."""
        delivered = rejected = 0
        while not self._stop.is_set():
            due = self._outbox.due()
            if not due:
                break
            for item in due:
                problem = self._deliver(item)
                if problem is None:
                    delivered += 1
                elif problem in FINAL_PROBLEMS:
                    rejected += 1
                else:
                    return Round(delivered, rejected, problem)
                self._publish()
                if self._stop.is_set():
                    break
        return Round(delivered, rejected)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()  # before the round: a wake() during it triggers the next one
            stopped_by = self._round()
            if stopped_by is None:
                self.failures = 0
                self._wake.wait(self._idle_s)
            else:
                self.failures += 1
                wait = self._backoff.delay(self.failures, self._rng)
                log.info("outbox: %s, next try in %.1f s", stopped_by.value, wait)
                self._stop.wait(wait)

    def _round(self) -> Problem | None:
        """A pass with the store's or the code's own failures caught: the thread must not die."""
        try:
            self._publish()
            return self.deliver_pending().stopped_by
        except AppError as exc:
            log.warning("outbox: %s", exc)
            return exc.problem
        except Exception:  # noqa: BLE001 - the sender thread outlives a bug, and says so
            log.exception("outbox: unexpected failure")
            return Problem.AUDIT_STORE_UNAVAILABLE

    def _deliver(self, item: Due) -> Problem | None:
        try:
            record = self._record(item)
            receipt = self._port.record_override(record, idempotency_key=item.idempotency_key)
        except AppError as exc:
            final = exc.problem in FINAL_PROBLEMS
            self._outbox.mark_failed(item.seq, exc.problem, final=final)
            log.warning("outbox: record %d not delivered: %s", item.seq, exc)
            return exc.problem
        self._outbox.mark_delivered(item.seq, receipt)
        log.info("outbox: record %d delivered as override %s", item.seq, receipt.override_id)
        return None

    def _record(self, item: Due) -> OverrideRecord:
        """The contract body, rebuilt from the audit record (and the sealed number, if any)."""
        entry = item.entry
        number = None
        if item.sealed_number is not None:
            digits = self._store.sealer.open(item.sealed_number, bound_to=item.idempotency_key)
            try:
                number = NationalNumber(digits.decode("ascii"))
            except (EidError, UnicodeDecodeError):
                raise AppError(Problem.INVALID_INSZ, "the sealed number is not valid") from None
        try:
            return OverrideRecord(
                service=str(entry.service),
                outcome_code=str(entry.applied_outcome),
                reason_code=ReasonCode(str(entry.reason_code)),
                reason_text=str(entry.reason_text),
                staff_id=entry.staff_id,
                desk=entry.desk,
                decided_at=entry.at,
                advice_id=entry.advice_id,
                national_number=number,
            )
        except ValueError:
            raise AppError(Problem.INVALID_REQUEST, "the audit record is no override") from None

    def _publish(self) -> None:
        if self._on_change is not None:
            self._on_change(self._outbox.state())
