# SPDX-License-Identifier: EUPL-1.2
"""The contract's HTTP API over any EligibilityPort, as a Starlette app (``baliecheck serve``).

Every error is an RFC 9457 problem document with a contract type (problems.py); bodies
are small and JSON (limits.py), sign-ins are throttled per address (throttle.py), each
request is logged and counted (access_log.py, metrics.py). No answer repeats a number.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.eligibility.port import AdviceQuery, OverrideRecord
from app.eligibility.wire import AdviceRequest, HealthStatus, OverrideRequest, RunMode
from app.problems import AppError, Problem
from app.serve.access_log import AccessLog
from app.serve.bodies import (
    national_number,
    parse_body,
    require_idempotency_key,
    require_request_id,
)
from app.serve.limits import (
    BodyLimits,
    OverCapacity,
    read_body,
    refuse_declared_oversize,
    require_json,
)
from app.serve.metrics import CONTENT_TYPE as METRICS_CONTENT_TYPE
from app.serve.metrics import ServeMetrics
from app.serve.problems import (
    INVALID_REQUEST,
    RATE_LIMITED,
    SERVER_FAULT,
    ApiProblem,
    ProblemKind,
    http_exception_problem,
    kind_for,
    problem_response,
)
from app.serve.throttle import AuthThrottle, ThrottleRule

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from starlette.requests import Request

    from app.eligibility.port import EligibilityPort

    Endpoint = Callable[[Request], Awaitable[Response]]
    Headers = dict[str, str] | None

log = logging.getLogger(__name__)
UNAUTHORIZED = kind_for(Problem.BACKEND_AUTH_REJECTED)
CLIENT_GONE = 499  # nginx's "client closed request": only ever seen in the access log
# Engine details that would repeat a client's text are replaced by these.
FIXED_DETAILS = {Problem.UNKNOWN_SERVICE: "service: not one this backend advises on"}


@dataclass(frozen=True, slots=True)
class ServeLimits:
    """The request limits one API enforces."""

    body: BodyLimits = BodyLimits()
    throttle: ThrottleRule = ThrottleRule()


@dataclass
class EligibilityApi:
    """The routes, bound to one port and the accepted bearer tokens (None: no auth)."""

    port: EligibilityPort
    tokens: frozenset[str] | None
    limits: ServeLimits = ServeLimits()
    metrics: ServeMetrics = field(default_factory=ServeMetrics)
    mode: RunMode = RunMode.PRODUCTION  # what decides here (the configuration's), in /v1/health

    def __post_init__(self) -> None:
        self._throttle = AuthThrottle(self.limits.throttle)
        self.metrics.watch_sources(self.port.health)

    def app(self) -> Starlette:
        routes = [
            Route("/v1/health", self._guard(self.health, auth=False), methods=["GET"]),
            Route("/v1/services", self._guard(self.services), methods=["GET"]),
            Route("/v1/advice", self._guard(self.advice), methods=["POST"]),
            Route("/v1/overrides", self._guard(self.overrides), methods=["POST"]),
            Route("/metrics", self._guard(self.exposition), methods=["GET"]),
        ]
        app = Starlette(
            routes=routes,
            middleware=[Middleware(AccessLog, metrics=self.metrics), Middleware(OverCapacity)],
            exception_handlers={HTTPException: http_exception_problem},
        )
        app.router.redirect_slashes = False  # /v1/advice/ is a 404 problem, not a 307
        return app

    def _guard(self, endpoint: Endpoint, *, auth: bool = True) -> Endpoint:
        async def guarded(request: Request) -> Response:
            try:
                refuse_declared_oversize(request, self.limits.body)
                if auth:
                    self._authorize(request)
                return await endpoint(request)
            except ApiProblem as exc:
                return self._problem(request, exc.kind, exc.detail, exc.headers)
            except AppError as exc:
                log.info("no advice: %s", exc.problem.value)
                detail = FIXED_DETAILS.get(exc.problem, exc.detail)
                return self._problem(request, kind_for(exc.problem), detail)
            except ClientDisconnect:
                log.info("the client hung up before its request was in (%s)", request.url.path)
                return Response(status_code=CLIENT_GONE)
            except Exception:  # noqa: BLE001 - the server's safety net: log, answer 500
                log.exception("unexpected failure on %s", request.url.path)
                return self._problem(request, SERVER_FAULT, "")

        return guarded

    def _problem(
        self,
        request: Request,
        kind: ProblemKind,
        detail: str,
        headers: dict[str, str] | None = None,
    ) -> Response:
        if request.url.path == "/v1/advice":
            self.metrics.advice_problems.labels(kind.name or "server-fault").inc()
        return problem_response(kind, detail, headers)

    def _authorize(self, request: Request) -> None:
        if self.tokens is None:
            return
        address = request.client.host if request.client else "unknown"
        wait = self._throttle.retry_after_s(address)
        if wait is not None:
            raise ApiProblem(
                RATE_LIMITED,
                "too many failed sign-ins from this address",
                {"Retry-After": str(wait)},
            )
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        given = token.strip().encode()
        if scheme.lower() == "bearer" and any(
            hmac.compare_digest(given, known.encode()) for known in self.tokens
        ):
            return
        self._throttle.record_failure(address)
        why = (
            "an unknown bearer token" if scheme.lower() == "bearer" and given else "no bearer token"
        )
        log.warning("sign-in refused: %s from %s on %s", why, address, request.url.path)
        raise ApiProblem(
            UNAUTHORIZED, "missing or unknown bearer token", {"WWW-Authenticate": "Bearer"}
        )

    async def health(self, request: Request) -> Response:
        try:
            health = await run_in_threadpool(self.port.health)
        except Exception:  # noqa: BLE001 - health says the store is out of reach, never a 500
            log.warning("health: the source store did not answer", exc_info=True)
            return JSONResponse({"status": "degraded", "store": "unreachable", "sources": []}, 503)
        health = health.model_copy(update={"mode": self.mode.joined(health.mode)})
        body: dict[str, Any] = health.model_dump(mode="json", exclude_none=True)
        body["store"] = "reachable"
        today = dt.datetime.now(dt.UTC).date()
        for source, entry in zip(health.sources, body["sources"], strict=True):
            if source.as_of is not None:
                entry["age_days"] = (today - source.as_of).days
        return JSONResponse(body, 200 if health.status is HealthStatus.OK else 503)

    async def services(self, request: Request) -> Response:
        services = await run_in_threadpool(self.port.services)
        body = [s.model_dump(mode="json", exclude_none=True) for s in services]
        return JSONResponse({"services": body})

    async def exposition(self, request: Request) -> Response:
        data = await run_in_threadpool(self.metrics.exposition)
        return Response(data, media_type=METRICS_CONTENT_TYPE)

    async def advice(self, request: Request) -> Response:
        require_request_id(request)
        require_json(request)
        body = parse_body(await read_body(request, self.limits.body), AdviceRequest)
        query = AdviceQuery(body.service, national_number(body.insz), body.desk, body.channel)
        advice = await run_in_threadpool(self.port.advise, query)
        self.metrics.advices.labels(advice.service, advice.outcome.code).inc()
        return JSONResponse(advice.model_dump(mode="json", exclude_none=True))

    async def overrides(self, request: Request) -> Response:
        require_request_id(request)
        key = require_idempotency_key(request)
        require_json(request)
        body = parse_body(await read_body(request, self.limits.body), OverrideRequest)
        if body.advice_id is None and body.insz is None:
            raise ApiProblem(INVALID_REQUEST, "insz: required without advice_id")
        record = OverrideRecord(
            service=body.service,
            outcome_code=body.outcome_code,
            reason_code=body.reason_code,
            reason_text=body.reason_text,
            staff_id=body.staff_id,
            desk=body.desk,
            decided_at=body.decided_at,
            advice_id=body.advice_id,
            national_number=national_number(body.insz) if body.insz else None,
        )
        receipt = await run_in_threadpool(
            lambda: self.port.record_override(record, idempotency_key=key)
        )
        self.metrics.overrides.labels(body.service, body.reason_code.value).inc()
        # Not exclude_none: the contract requires advice_id in a receipt, null when none.
        return JSONResponse(receipt.model_dump(mode="json"), status_code=201)
