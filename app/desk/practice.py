# SPDX-License-Identifier: EUPL-1.2
"""PracticeBackend: training mode's eligibility port, a problem for the reserved sample numbers.

Training's problem cards "Adviesdienst antwoordt niet" and "Burger zonder gegevens" hold
sample numbers kept for them (``[reserved]`` in resources/sample/citizens.toml). For those
numbers this wrapper answers as a real backend would fail, and the desk takes the real path a
clerk meets: the same problem panel, the same buttons, the same records. Every other number
goes to the configured backend unchanged, and a reserved number never reaches it as a question.

The outage card starts a practice outage of ``OUTAGE_S``: while it lasts the backend answers
nobody (advice, health and the outbox's sending), as in a real one, so the status bar and
the waiting screen say it is down and a decision taken meanwhile waits in the outbox. The
first send of a decision for the outage card's number always fails, so the trainee sees it
wait ("wordt later verzonden") even after a long dialog; it goes once the outage is over.

Built only by DeskApp, and only in training mode (serve, batch and the command line build
their ports in app.services and never import the desk).
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from app.problems import AppError, Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from app.eligibility.port import AdviceQuery, EligibilityPort, OverrideRecord
    from app.eligibility.wire import Advice, Health, OverrideReceipt, Service
    from eid.insz import NationalNumber

log = logging.getLogger(__name__)

OUTAGE_S = 60.0
# The reserved numbers' names (resources/sample/citizens.toml) and the problem each gives.
PRACTICE_PROBLEMS: dict[str, Problem] = {
    "backend_unreachable": Problem.BACKEND_UNREACHABLE,
    "insufficient_data": Problem.INSUFFICIENT_DATA,
}


class PracticeBackend:
    """An EligibilityPort around ``inner``; ``reserved``: the sample numbers by name."""

    def __init__(
        self,
        inner: EligibilityPort,
        reserved: Mapping[str, NationalNumber],
        *,
        clock: Callable[[], float],
        outage_s: float = OUTAGE_S,
    ) -> None:
        self._inner = inner
        self._problems = {
            reserved[name]: problem
            for name, problem in PRACTICE_PROBLEMS.items()
            if name in reserved
        }
        self._clock = clock
        self._outage_s = outage_s
        self._lock = threading.Lock()
        self._outage_until: float | None = None
        self._first_sends: set[str] = set()  # idempotency keys refused once on purpose

    def services(self) -> tuple[Service, ...]:
        self._unless_down("services")
        return self._inner.services()

    def advise(self, query: AdviceQuery) -> Advice:
        problem = self._problems.get(query.national_number)
        if problem is Problem.BACKEND_UNREACHABLE:
            self._start_outage()
        if problem is not None:
            log.info("training: the practice card's %s", problem.value)
            raise AppError(problem, f"training: a practice card's {problem.value}")
        self._unless_down("advice")
        return self._inner.advise(query)

    def record_override(self, record: OverrideRecord, *, idempotency_key: str) -> OverrideReceipt:
        outage_card = self._problems.get(record.national_number) if record.national_number else None
        if outage_card is Problem.BACKEND_UNREACHABLE:
            with self._lock:
                first = idempotency_key not in self._first_sends
                self._first_sends.add(idempotency_key)
            if first:
                self._start_outage()
        self._unless_down("override")
        return self._inner.record_override(record, idempotency_key=idempotency_key)

    def health(self) -> Health:
        self._unless_down("health")
        return self._inner.health()

    def close(self) -> None:
        self._inner.close()

    def _start_outage(self) -> None:
        with self._lock:
            self._outage_until = self._clock() + self._outage_s

    def _unless_down(self, what: str) -> None:
        with self._lock:
            down = self._outage_until is not None and self._clock() < self._outage_until
        if down:
            raise AppError(Problem.BACKEND_UNREACHABLE, f"training: practice outage ({what})")
