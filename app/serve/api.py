# SPDX-License-Identifier: EUPL-1.2
"""The contract's HTTP API over any EligibilityPort, as a Starlette app (``baliecheck serve``).

Problems are RFC 9457 documents with the contract's types; the X-Request-Id is echoed;
details never repeat a national number or the request body.
"""

from __future__ import annotations

import hmac
import json
import logging
import uuid
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.eligibility.port import AdviceQuery, OverrideRecord
from app.eligibility.problem_types import type_for_problem
from app.eligibility.wire import AdviceRequest, HealthStatus, OverrideRequest, RunMode
from app.problems import AppError, Problem
from eid.errors import EidError
from eid.insz import NationalNumber

if TYPE_CHECKING:
    from starlette.requests import Request

    from app.eligibility.port import EligibilityPort

log = logging.getLogger(__name__)
PROBLEM_JSON = "application/problem+json"


class ApiProblem(Exception):  # noqa: N818 - a response carried as an exception
    def __init__(self, problem: Problem, detail: str) -> None:
        super().__init__(detail)
        self.problem = problem
        self.detail = detail


def problem_response(problem: Problem, detail: str) -> JSONResponse:
    type_uri, status = type_for_problem(problem) or ("about:blank", 500)
    title = problem.value.replace("_", " ").capitalize()
    if status == 500:
        detail = "the server could not answer; see its log"
    body = {"type": type_uri, "title": title, "status": status, "detail": detail}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON)


def _json(model: BaseModel, status: int = 200) -> JSONResponse:
    return JSONResponse(model.model_dump(mode="json", exclude_none=True), status_code=status)


async def _parse(request: Request, model: type[BaseModel]) -> Any:
    try:
        raw = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        raise ApiProblem(Problem.INVALID_REQUEST, "body is not JSON") from None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors(include_input=False, include_url=False)
        if any(error["loc"][:1] == ("insz",) for error in errors):
            raise ApiProblem(Problem.INVALID_INSZ, "insz is not 11 digits") from None
        where = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors)
        raise ApiProblem(Problem.INVALID_REQUEST, where) from None


def _number(digits: str) -> NationalNumber:
    try:
        return NationalNumber(digits)
    except EidError:
        raise ApiProblem(Problem.INVALID_INSZ, "insz checksum or date is not valid") from None


def _request_id(request: Request) -> str:
    value = request.headers.get("x-request-id", "")
    try:
        uuid.UUID(value)
    except ValueError:
        raise ApiProblem(Problem.INVALID_REQUEST, "X-Request-Id must be a UUID") from None
    return value


class EligibilityApi:
    """The routes, bound to one port and the accepted bearer tokens (None: no auth)."""

    def __init__(
        self,
        port: EligibilityPort,
        tokens: frozenset[str] | None,
        *,
        mode: RunMode = RunMode.PRODUCTION,
    ) -> None:
        """``mode``: what decides here (the configuration's), said in /v1/health."""
        self._port = port
        self._tokens = tokens
        self._mode = mode

    def app(self) -> Starlette:
        routes = [
            Route("/v1/health", self._guard(self.health, auth=False), methods=["GET"]),
            Route("/v1/services", self._guard(self.services), methods=["GET"]),
            Route("/v1/advice", self._guard(self.advice), methods=["POST"]),
            Route("/v1/overrides", self._guard(self.overrides), methods=["POST"]),
        ]
        return Starlette(routes=routes)

    def _guard(self, endpoint: Any, *, auth: bool = True) -> Any:
        async def guarded(request: Request) -> Response:
            echo = {"X-Request-Id": request.headers.get("x-request-id", "")}
            try:
                if auth:
                    self._authorize(request)
                response: Response = await endpoint(request)
            except ApiProblem as exc:
                response = problem_response(exc.problem, exc.detail)
            except AppError as exc:
                log.warning("no advice: %s", exc)
                response = problem_response(exc.problem, exc.detail)
            except Exception:  # noqa: BLE001 - the server's safety net: log, answer 500
                log.exception("unexpected failure on %s", request.url.path)
                response = problem_response(Problem.BACKEND_BAD_RESPONSE, "")
            if echo["X-Request-Id"]:
                response.headers.update(echo)
            return response

        return guarded

    def _authorize(self, request: Request) -> None:
        if self._tokens is None:
            return
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        given = token.strip().encode()
        if scheme.lower() != "bearer" or not any(
            hmac.compare_digest(given, known.encode()) for known in self._tokens
        ):
            raise ApiProblem(Problem.BACKEND_AUTH_REJECTED, "missing or unknown bearer token")

    async def health(self, request: Request) -> Response:
        health = await run_in_threadpool(self._port.health)
        health = health.model_copy(update={"mode": self._mode.joined(health.mode)})
        return _json(health, 200 if health.status is HealthStatus.OK else 503)

    async def services(self, request: Request) -> Response:
        services = await run_in_threadpool(self._port.services)
        body = [s.model_dump(mode="json", exclude_none=True) for s in services]
        return JSONResponse({"services": body})

    async def advice(self, request: Request) -> Response:
        _request_id(request)
        body: AdviceRequest = await _parse(request, AdviceRequest)
        query = AdviceQuery(body.service, _number(body.insz), body.desk, body.channel)
        return _json(await run_in_threadpool(self._port.advise, query))

    async def overrides(self, request: Request) -> Response:
        _request_id(request)
        key = request.headers.get("idempotency-key", "")
        if not 8 <= len(key) <= 128:
            raise ApiProblem(Problem.INVALID_REQUEST, "Idempotency-Key must be 8 to 128 chars")
        body: OverrideRequest = await _parse(request, OverrideRequest)
        if body.advice_id is None and body.insz is None:
            raise ApiProblem(Problem.INVALID_REQUEST, "insz is required without advice_id")
        record = OverrideRecord(
            service=body.service,
            outcome_code=body.outcome_code,
            reason_code=body.reason_code,
            reason_text=body.reason_text,
            staff_id=body.staff_id,
            desk=body.desk,
            decided_at=body.decided_at,
            advice_id=body.advice_id,
            national_number=_number(body.insz) if body.insz else None,
        )
        receipt = await run_in_threadpool(
            lambda: self._port.record_override(record, idempotency_key=key)
        )
        # Not _json: the contract requires advice_id in a receipt, null when there was none.
        return JSONResponse(receipt.model_dump(mode="json"), status_code=201)
