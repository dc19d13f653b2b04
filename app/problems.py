# SPDX-License-Identifier: EUPL-1.2
"""Problem codes: every card fault (1:1) and what can go wrong above the card.

AppError carries one. The core speaks codes; the command line and the desk speak words.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eid.errors import CardFault


class Problem(StrEnum):
    # Card and reader (mapped 1:1 from eid.errors.CardFault).
    PCSC_UNAVAILABLE = "PCSC_UNAVAILABLE"
    PCSC_NOT_INSTALLED = "PCSC_NOT_INSTALLED"
    NO_READER = "NO_READER"
    READER_NOT_FOUND = "READER_NOT_FOUND"
    NO_CARD = "NO_CARD"
    CARD_UNREADABLE = "CARD_UNREADABLE"
    NOT_AN_EID = "NOT_AN_EID"
    CARD_REMOVED = "CARD_REMOVED"
    CARD_DATA_CORRUPT = "CARD_DATA_CORRUPT"
    NATIONAL_NUMBER_INVALID = "NATIONAL_NUMBER_INVALID"
    READER_IN_USE = "READER_IN_USE"
    CARD_NOT_GENUINE = "CARD_NOT_GENUINE"
    # Reaching the backend.
    BACKEND_UNREACHABLE = "BACKEND_UNREACHABLE"
    BACKEND_TIMEOUT = "BACKEND_TIMEOUT"
    BACKEND_TLS_FAILED = "BACKEND_TLS_FAILED"
    BACKEND_AUTH_REJECTED = "BACKEND_AUTH_REJECTED"
    BACKEND_FORBIDDEN = "BACKEND_FORBIDDEN"
    BACKEND_BAD_RESPONSE = "BACKEND_BAD_RESPONSE"
    BACKEND_RATE_LIMITED = "BACKEND_RATE_LIMITED"
    SOURCE_UNAVAILABLE = "SOURCE_UNAVAILABLE"
    # What the backend (remote or embedded) answered.
    UNKNOWN_SERVICE = "UNKNOWN_SERVICE"
    UNKNOWN_ADVICE = "UNKNOWN_ADVICE"
    PERSON_UNKNOWN = "PERSON_UNKNOWN"
    INSUFFICIENT_DATA = "INSUFFICIENT_DATA"
    INVALID_INSZ = "INVALID_INSZ"
    INVALID_REQUEST = "INVALID_REQUEST"
    IDEMPOTENCY_CONFLICT = "IDEMPOTENCY_CONFLICT"
    # This installation.
    CREDENTIALS_MISSING = "CREDENTIALS_MISSING"
    KEYRING_UNAVAILABLE = "KEYRING_UNAVAILABLE"
    CONFIG_INVALID = "CONFIG_INVALID"
    RULES_INVALID = "RULES_INVALID"
    SOURCE_FILE_INVALID = "SOURCE_FILE_INVALID"
    # The audit store, where every decision is recorded before the desk says "recorded".
    AUDIT_STORE_FULL = "AUDIT_STORE_FULL"
    AUDIT_STORE_READ_ONLY = "AUDIT_STORE_READ_ONLY"
    AUDIT_STORE_UNAVAILABLE = "AUDIT_STORE_UNAVAILABLE"
    AUDIT_KEY_MISMATCH = "AUDIT_KEY_MISMATCH"
    INSTALLATION_KEY_MISSING = "INSTALLATION_KEY_MISSING"  # lost from the keyring; data exists
    # The verdict check (app.eligibility.verdicts): an advice that cannot be shown.
    BACKEND_CONTRADICTS_CATALOGUE = "BACKEND_CONTRADICTS_CATALOGUE"
    ADVICE_EXPIRED = "ADVICE_EXPIRED"
    ADVICE_FROM_FUTURE = "ADVICE_FROM_FUTURE"
    OUTCOMES_UNKNOWN = "OUTCOMES_UNKNOWN"


def problem_for_fault(fault: CardFault) -> Problem:
    """The problem code for a card fault (same name; a test keeps the two enums aligned)."""
    return Problem(fault.value)


class AppError(Exception):
    """A problem with a code. ``detail`` is for the admin log and never holds personal data."""

    def __init__(self, problem: Problem, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem
        self.detail = detail
