# SPDX-License-Identifier: EUPL-1.2
"""EligibilityPort: what the desk asks of a backend, whether remote (HTTP) or embedded.

Every method either returns a contract model or raises AppError with a Problem: there is
no default verdict anywhere behind this interface.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from app.eligibility.wire import Channel, OverrideRequest, ReasonCode

if TYPE_CHECKING:
    import datetime as dt
    from contextlib import AbstractContextManager

    from app.eligibility.wire import Advice, Health, OverrideReceipt, Service
    from eid.insz import NationalNumber


@dataclass(frozen=True, slots=True)
class AdviceQuery:
    """One question: this person, this service, from this desk."""

    service: str
    national_number: NationalNumber
    desk: str
    channel: Channel


@dataclass(frozen=True, slots=True)
class OverrideRecord:
    """Staff applied another outcome than advised, or decided without an advice."""

    service: str
    outcome_code: str
    reason_code: ReasonCode
    reason_text: str
    staff_id: str
    desk: str
    decided_at: dt.datetime
    advice_id: str | None = None
    national_number: NationalNumber | None = None

    def to_wire(self) -> OverrideRequest:
        """The contract body: the number only when there is no advice to refer to."""
        number = self.national_number if self.advice_id is None else None
        return OverrideRequest(
            advice_id=self.advice_id,
            service=self.service,
            insz=number.digits if number is not None else None,
            outcome_code=self.outcome_code,
            reason_code=self.reason_code,
            reason_text=self.reason_text,
            staff_id=self.staff_id,
            desk=self.desk,
            decided_at=self.decided_at,
        )


class EligibilityPort(Protocol):
    def services(self) -> tuple[Service, ...]:
        """The services this backend advises on, with their outcomes."""
        ...

    def advise(self, query: AdviceQuery) -> Advice:
        """An advice, or AppError (never a default verdict)."""
        ...

    def record_override(self, record: OverrideRecord, *, idempotency_key: str) -> OverrideReceipt:
        """Record an override; the same key twice has the effect of once."""
        ...

    def health(self) -> Health: ...

    def close(self) -> None: ...


@runtime_checkable
class BulkAdvising(Protocol):
    """A port that can be told many advices are coming at once (the embedded engine)."""

    def in_bulk(self) -> AbstractContextManager[None]:
        """A block around a batch run's advices; see EmbeddedEligibility.in_bulk."""
        ...
