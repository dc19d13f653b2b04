# SPDX-License-Identifier: EUPL-1.2
"""The contract's problem types: each with its HTTP status and our Problem code, both ways."""

from __future__ import annotations

from app.eligibility.wire import PROBLEM_TYPE_PREFIX
from app.problems import Problem

# contract name → (Problem, HTTP status the server answers with)
PROBLEM_TYPES: dict[str, tuple[Problem, int]] = {
    "invalid-insz": (Problem.INVALID_INSZ, 400),
    "invalid-request": (Problem.INVALID_REQUEST, 400),
    "unauthorized": (Problem.BACKEND_AUTH_REJECTED, 401),
    "forbidden": (Problem.BACKEND_FORBIDDEN, 403),
    "unknown-service": (Problem.UNKNOWN_SERVICE, 404),
    "unknown-advice": (Problem.UNKNOWN_ADVICE, 404),
    "person-unknown": (Problem.PERSON_UNKNOWN, 422),
    "insufficient-data": (Problem.INSUFFICIENT_DATA, 422),
    "idempotency-conflict": (Problem.IDEMPOTENCY_CONFLICT, 409),
    "rate-limited": (Problem.BACKEND_RATE_LIMITED, 429),
    "source-unavailable": (Problem.SOURCE_UNAVAILABLE, 503),
}

_BY_PROBLEM = {problem: (name, status) for name, (problem, status) in PROBLEM_TYPES.items()}


def problem_for_type(type_uri: str) -> Problem | None:
    """Our code for a problem document's ``type``, or None for a type the contract lacks."""
    if not type_uri.startswith(PROBLEM_TYPE_PREFIX):
        return None
    entry = PROBLEM_TYPES.get(type_uri.removeprefix(PROBLEM_TYPE_PREFIX))
    return entry[0] if entry else None


def type_for_problem(problem: Problem) -> tuple[str, int] | None:
    """The contract's type URI and HTTP status for one of our codes, if the contract has one."""
    entry = _BY_PROBLEM.get(problem)
    if entry is None:
        return None
    name, status = entry
    return PROBLEM_TYPE_PREFIX + name, status
