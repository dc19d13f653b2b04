# SPDX-License-Identifier: EUPL-1.2
"""Reading a request: its JSON body into a strict contract model, its number, its headers.

Every refusal names the field and what is wrong, never the value the client sent: a
number, or any text that did not match its pattern, is never echoed.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel, ValidationError

from app.problems import Problem
from app.serve.problems import INVALID_REQUEST, ApiProblem, kind_for
from eid.errors import EidError
from eid.insz import NationalNumber

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails
    from starlette.requests import Request

M = TypeVar("M", bound=BaseModel)
INVALID_INSZ = kind_for(Problem.INVALID_INSZ)
MAX_FIELD_ERRORS = 5


def parse_body(body: bytes, model: type[M]) -> M:
    """The contract model in a JSON body; 400 (invalid-insz or invalid-request) otherwise."""
    try:
        return model.model_validate_json(body)
    except ValidationError as exc:
        errors = exc.errors(include_input=False, include_url=False, include_context=False)
    if any(error["type"] == "json_invalid" for error in errors):
        raise ApiProblem(INVALID_REQUEST, "the body is not JSON (or nested too deeply)")
    if any(error["loc"][:1] == ("insz",) for error in errors):
        raise ApiProblem(INVALID_INSZ, "insz: not 11 digits")
    reasons = dict.fromkeys(_describe(error, model) for error in errors)
    raise ApiProblem(INVALID_REQUEST, "; ".join(list(reasons)[:MAX_FIELD_ERRORS]))


def _describe(error: ErrorDetails, model: type[BaseModel]) -> str:
    """``field: reason`` for a field of the model; an unknown field is not named (its name
    is the client's text, which may be anything, a number too)."""
    location = error["loc"]
    if not location:
        return "the body must be a JSON object"
    field = str(location[0])
    if field not in model.model_fields:
        return "a field the contract does not name"
    if error["type"] == "missing":
        return f"{field}: required"
    return f"{field}: {error['msg']}"


def national_number(digits: str) -> NationalNumber:
    """The number, or 400 invalid-insz when its checksum or date part is not valid."""
    try:
        return NationalNumber(digits)
    except EidError:
        raise ApiProblem(INVALID_INSZ, "insz: checksum or date is not valid") from None


def require_request_id(request: Request) -> None:
    """400 unless the request carries an X-Request-Id that is a UUID (the contract's header)."""
    try:
        uuid.UUID(request.headers.get("x-request-id", ""))
    except ValueError:
        raise ApiProblem(INVALID_REQUEST, "X-Request-Id: must be a UUID") from None


def require_idempotency_key(request: Request) -> str:
    key = request.headers.get("idempotency-key", "")
    if not 8 <= len(key) <= 128:
        raise ApiProblem(INVALID_REQUEST, "Idempotency-Key: must be 8 to 128 characters")
    return key
