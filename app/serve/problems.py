# SPDX-License-Identifier: EUPL-1.2
"""Every error serve answers, as an RFC 9457 ``application/problem+json`` with a contract type.

Details are written here or by the engine; they name fields, never a client's value.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.responses import JSONResponse

from app.eligibility.problem_types import type_for_problem
from app.eligibility.wire import PROBLEM_TYPE_PREFIX

if TYPE_CHECKING:
    from collections.abc import Mapping

    from starlette.requests import Request

    from app.problems import Problem

log = logging.getLogger(__name__)
PROBLEM_JSON = "application/problem+json"
SERVER_FAULT_DETAIL = "the server could not answer; see its log"


@dataclass(frozen=True, slots=True)
class ProblemKind:
    """One of the contract's problem types: the name after the prefix and its HTTP status."""

    name: str
    status: int

    @property
    def type_uri(self) -> str:
        return PROBLEM_TYPE_PREFIX + self.name

    @property
    def title(self) -> str:
        return self.name.replace("-", " ").capitalize()


NOT_FOUND = ProblemKind("not-found", 404)
METHOD_NOT_ALLOWED = ProblemKind("method-not-allowed", 405)
PAYLOAD_TOO_LARGE = ProblemKind("payload-too-large", 413)
UNSUPPORTED_MEDIA_TYPE = ProblemKind("unsupported-media-type", 415)
RATE_LIMITED = ProblemKind("rate-limited", 429)
INVALID_REQUEST = ProblemKind("invalid-request", 400)
# Not a contract type: a failure of ours (about:blank, as RFC 9457 says for plain statuses).
SERVER_FAULT = ProblemKind("", 500)


def kind_for(problem: Problem) -> ProblemKind:
    """The contract's kind for one of our codes; a code the contract lacks is our fault."""
    known = type_for_problem(problem)
    if known is None:
        return SERVER_FAULT
    type_uri, status = known
    return ProblemKind(type_uri.removeprefix(PROBLEM_TYPE_PREFIX), status)


class ApiProblem(Exception):  # noqa: N818 - a response carried as an exception
    """Raised anywhere under a route: answered as a problem document, never a traceback."""

    def __init__(
        self, kind: ProblemKind, detail: str, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.headers = dict(headers or {})


def problem_response(
    kind: ProblemKind, detail: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    """The problem document; a 500 says only that the server failed (its log says why)."""
    if kind is SERVER_FAULT:
        body = {"type": "about:blank", "title": "Internal server error", "status": 500}
        detail = SERVER_FAULT_DETAIL
    else:
        body = {"type": kind.type_uri, "title": kind.title, "status": kind.status}
    body["detail"] = detail
    return JSONResponse(body, status_code=kind.status, headers=headers, media_type=PROBLEM_JSON)


async def http_exception_problem(request: Request, exc: Exception) -> JSONResponse:
    """Starlette's own 404 and 405 (no such path, method not allowed) as problem documents."""
    status = getattr(exc, "status_code", 500)
    headers: Mapping[str, str] | None = getattr(exc, "headers", None)
    if status == METHOD_NOT_ALLOWED.status:
        return problem_response(METHOD_NOT_ALLOWED, "this path does not take this method", headers)
    if status == NOT_FOUND.status:
        return problem_response(NOT_FOUND, "no such path in this API")
    log.warning("HTTP %d from the router", status)
    return problem_response(SERVER_FAULT, "")
