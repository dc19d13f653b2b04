# SPDX-License-Identifier: EUPL-1.2
"""RemoteEligibility: the eligibility contract spoken over HTTP(S) with httpx, every failure typed.

TLS: verification is always on. A configured ``ca_bundle`` is trusted *in addition to*
httpx's default roots (remote_http.trust_context says why).

Time: each HTTP exchange, a token grant included, is cut at ``timeout_s`` of wall-clock time
(connecting at ``connect_timeout_s``). A whole call, with its retries, waits, token grant
and 401 renewal, ends within ``call_budget_s(retries) = timeout_s * (retries + 1) +
max_retry_after_s * retries``: with the defaults 5 s for services() and health() (no
retries) and 25 s for advise() and record_override(). A spent budget is BACKEND_TIMEOUT.

Retries, for advise() and record_override() only (at most ``advice_retries``, with the same
X-Request-Id and Idempotency-Key): after a connect failure (refused, unreachable, connect
timeout; never after a TLS failure), waiting 0.2 s, 0.4 s, ... up to max_retry_after_s; and
after a 503 that carries Retry-After (seconds or an HTTP date), waiting that long. A longer
Retry-After than max_retry_after_s, or one past the budget, gives up: SOURCE_UNAVAILABLE.
On a 401 (any call) the token is dropped and the request sent once more with a new one; a
second 401 is BACKEND_AUTH_REJECTED.

Error texts name the call, its request id, the status and what was wrong; never the national
number, never a response body.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import time
import uuid
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from app.eligibility.problem_types import problem_for_type
from app.eligibility.remote.auth import make_token_provider
from app.eligibility.remote.transport import (
    DeadlineTransport,
    HttpReply,
    deadline_at,
    is_connect_failure,
    send,
    shown_media_type,
    transport_error,
    trust_context,
)
from app.eligibility.wire import (
    PROBLEM_TYPE_PREFIX,
    Advice,
    AdviceRequest,
    Health,
    OverrideReceipt,
    ProblemDocument,
    Service,
    ServicesResponse,
)
from app.problems import AppError, Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from types import TracebackType

    from app.eligibility.port import AdviceQuery, OverrideRecord
    from app.settings.config import RemoteSettings
    from app.settings.credentials import CredentialStore

_LOG = logging.getLogger(__name__)

JSON = "application/json"
PROBLEM_JSON = "application/problem+json"
USER_AGENT = "baliecheck (eligibility-v1)"
CONNECT_BACKOFF_S = 0.2

# Without a (known) problem document, these statuses still say what happened.
_BY_STATUS: Final[Mapping[int, Problem]] = MappingProxyType(
    {
        401: Problem.BACKEND_AUTH_REJECTED,
        403: Problem.BACKEND_FORBIDDEN,
        429: Problem.BACKEND_RATE_LIMITED,
    }
)

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class _Call:
    """One call of the port: what to send, which statuses carry the answer, how to retry."""

    method: str
    path: str
    ok: tuple[int, ...]
    retries: int = 0
    body: bytes | None = field(default=None, repr=False)
    headers: Mapping[str, str] = field(default_factory=dict)
    authenticated: bool = True
    request_id: str = field(default_factory=lambda: str(uuid.uuid4()))

    def __str__(self) -> str:
        return f"{self.method} {self.path} (request {self.request_id})"


class RemoteEligibility:
    """EligibilityPort over HTTP to a municipality's backend (eligibility contract v1).

    ``transport`` replaces the network (tests); without it the deadline transport is used.
    Thread-safe: calls may run on several ``bc-net`` threads at once.
    """

    def __init__(
        self,
        settings: RemoteSettings,
        credentials: CredentialStore,
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._settings = settings
        context = trust_context(settings.ca_bundle)
        self._client = httpx.Client(
            base_url=str(settings.base_url),
            verify=context,
            transport=transport if transport is not None else DeadlineTransport(context),
            timeout=httpx.Timeout(settings.timeout_s, connect=settings.connect_timeout_s),
            follow_redirects=False,
            headers={"Accept": f"{JSON}, {PROBLEM_JSON}", "User-Agent": USER_AGENT},
        )
        self._auth = make_token_provider(settings, credentials, self._post_form)

    def __enter__(self) -> RemoteEligibility:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def call_budget_s(self, retries: int) -> float:
        """The longest a call with this many retries can take, all included."""
        settings = self._settings
        return settings.timeout_s * (retries + 1) + settings.max_retry_after_s * retries

    def close(self) -> None:
        self._client.close()

    def services(self) -> tuple[Service, ...]:
        """The catalogue; its outcomes are remembered to check later advices against."""
        call = _Call("GET", "/v1/services", ok=(200,))
        catalogue = _decode(self._call(call), ServicesResponse, call)
        return catalogue.services

    def advise(self, query: AdviceQuery) -> Advice:
        body = _encode(
            lambda: AdviceRequest(
                service=query.service,
                insz=query.national_number.digits,
                desk=query.desk,
                channel=query.channel,
            )
        )
        call = _Call(
            "POST",
            "/v1/advice",
            ok=(200,),
            retries=self._settings.advice_retries,
            body=body,
            headers={"Content-Type": JSON},
        )
        advice = _decode(self._call(call), Advice, call)
        self._check_advice(advice, query.service, call)
        return advice

    def record_override(self, record: OverrideRecord, *, idempotency_key: str) -> OverrideReceipt:
        key = idempotency_key
        if not (8 <= len(key) <= 128 and key.isascii() and key.isprintable()):
            raise AppError(
                Problem.INVALID_REQUEST,
                "Idempotency-Key must be 8 to 128 printable ASCII characters",
            )
        call = _Call(
            "POST",
            "/v1/overrides",
            ok=(201,),
            retries=self._settings.advice_retries,
            body=_encode(record.to_wire),
            headers={"Content-Type": JSON, "Idempotency-Key": key},
        )
        receipt = _decode(self._call(call), OverrideReceipt, call)
        if receipt.advice_id != record.advice_id:
            raise AppError(
                Problem.BACKEND_BAD_RESPONSE, f"{call}: HTTP 201, receipt for another advice_id"
            )
        return receipt

    def health(self) -> Health:
        """Health as the backend reports it: 200 (up) and 503 (degraded) both carry one."""
        call = _Call("GET", "/v1/health", ok=(200, 503), authenticated=False)
        return _decode(self._call(call), Health, call)

    def _check_advice(self, advice: Advice, service: str, call: _Call) -> None:
        """An answer about another service is no answer. Whether the outcome agrees with
        the catalogue is the verdict check's (app.eligibility.verdicts), on every path."""
        if advice.service != service:
            raise AppError(Problem.BACKEND_BAD_RESPONSE, f"{call}: advice for another service")

    def _call(self, call: _Call) -> HttpReply:
        """The answer to send, after retries and one token renewal; transport errors raised."""
        ends = time.monotonic() + self.call_budget_s(call.retries)
        attempt, renewed = 0, False
        while True:
            try:
                reply = self._attempt(call, ends)
            except httpx.HTTPError as exc:
                wait = min(CONNECT_BACKOFF_S * 2**attempt, self._settings.max_retry_after_s)
                if not (is_connect_failure(exc) and attempt < call.retries and _fits(wait, ends)):
                    raise transport_error(exc, str(call)) from None
                _pause(call, wait, f"connect failure ({type(exc).__name__})")
                attempt += 1
                continue
            if reply.status == 401 and call.authenticated and not renewed:
                _LOG.info("%s: HTTP 401, asking for a new token once", call)
                self._auth.invalidate()
                renewed = True
                continue
            wait_503 = self._retry_after(reply, call, attempt, ends)
            if wait_503 is None:
                return reply
            _pause(call, wait_503, "HTTP 503 with Retry-After")
            attempt += 1

    def _attempt(self, call: _Call, ends: float) -> HttpReply:
        now = time.monotonic()
        if now >= ends:
            raise AppError(Problem.BACKEND_TIMEOUT, f"{call}: the call's time budget is spent")
        with deadline_at(min(now + self._settings.timeout_s, ends)):
            headers = {**call.headers, "X-Request-Id": call.request_id}
            token = self._token(call) if call.authenticated else None
            if token:
                headers["Authorization"] = f"Bearer {token}"
            request = self._client.build_request(
                call.method, call.path, content=call.body, headers=headers
            )
            reply = send(self._client, request)
        _LOG.debug("%s: HTTP %d", call, reply.status)
        echoed = reply.headers.get("x-request-id")
        if echoed is None:
            _LOG.debug("%s: the backend did not echo X-Request-Id", call)
        elif echoed != call.request_id:
            _LOG.warning("%s: the backend echoed another X-Request-Id", call)
        return reply

    def _token(self, call: _Call) -> str | None:
        try:
            return self._auth.token()
        except AppError as exc:
            raise AppError(exc.problem, f"{exc.detail} [for {call}]") from None

    def _post_form(
        self, url: str, *, form: Mapping[str, str], headers: Mapping[str, str]
    ) -> HttpReply:
        """The token endpoint's POST: same client, same TLS trust, timeouts and deadline."""
        request = self._client.build_request("POST", url, data=dict(form), headers=dict(headers))
        try:
            return send(self._client, request)
        except httpx.HTTPError as exc:
            raise transport_error(exc, "token endpoint") from None

    def _retry_after(
        self, reply: HttpReply, call: _Call, attempt: int, ends: float
    ) -> float | None:
        """Seconds to wait before retrying a 503, None to take it as the answer."""
        if reply.status != 503 or 503 in call.ok:
            return None
        wait = retry_after_s(reply.headers.get("retry-after"))
        if wait is None:
            return None
        limit = self._settings.max_retry_after_s
        if attempt >= call.retries or wait > limit or not _fits(wait, ends):
            raise AppError(
                Problem.SOURCE_UNAVAILABLE,
                f"{call}: HTTP 503 with Retry-After {wait:g} s; gave up "
                f"(retries {attempt} of {call.retries}, longest wait {limit:g} s)",
            )
        return wait


def retry_after_s(value: str | None, *, now: dt.datetime | None = None) -> float | None:
    """Retry-After in seconds (delay-seconds or HTTP date), None when absent or unreadable."""
    if value is None:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())


def _fits(wait: float, ends: float) -> bool:
    return time.monotonic() + wait < ends


def _pause(call: _Call, wait: float, why: str) -> None:
    _LOG.warning("%s: %s, retrying in %.1f s", call, why, wait)
    time.sleep(wait)


def _encode(build: Callable[[], BaseModel]) -> bytes:
    """The request body; a field the contract refuses is INVALID_REQUEST, naming fields only."""
    try:
        return build().model_dump_json(exclude_none=True).encode()
    except ValidationError as exc:
        fields = sorted({".".join(map(str, e["loc"])) for e in exc.errors()})
    # Raised outside the handler: the pydantic error (it holds the values) stays off the chain.
    raise AppError(
        Problem.INVALID_REQUEST, f"request not valid for the contract: {', '.join(fields)}"
    )


def _decode(reply: HttpReply, model: type[M], call: _Call) -> M:
    """The contract model in the answer, or the Problem the answer stands for."""
    if reply.status not in call.ok:
        raise _problem_error(reply, call)
    if reply.media_type != JSON:
        raise AppError(
            Problem.BACKEND_BAD_RESPONSE,
            f"{call}: HTTP {reply.status}, content type "
            f"{shown_media_type(reply.media_type)} instead of {JSON}",
        )
    try:
        return model.model_validate_json(reply.body, strict=True)
    except ValidationError as exc:
        wrong = _describe(exc)
    # Raised outside the handler: the pydantic error (it quotes the body) stays off the chain.
    raise AppError(Problem.BACKEND_BAD_RESPONSE, f"{call}: HTTP {reply.status}, {wrong}")


def _describe(exc: ValidationError) -> str:
    """What was wrong, by field and error kind; never the offending values."""
    errors = exc.errors(include_url=False, include_context=False, include_input=False)
    if any(error["type"] == "json_invalid" for error in errors):
        return "body is not valid JSON"
    where = [f"{'.'.join(map(str, e['loc'])) or 'body'} ({e['type']})" for e in errors[:3]]
    more = f" and {len(errors) - 3} more" if len(errors) > 3 else ""
    return f"schema violation at {', '.join(where)}{more}"


def _problem_of(reply: HttpReply) -> tuple[Problem | None, str]:
    """The Problem a contract problem document names, and words for the error text."""
    if reply.media_type != PROBLEM_JSON:
        return None, f"no problem document ({shown_media_type(reply.media_type)})"
    try:
        document = ProblemDocument.model_validate_json(reply.body, strict=True)
    except ValidationError:
        return None, "a malformed problem document"
    problem = problem_for_type(document.type)
    if problem is None:
        return None, "a problem document of a type outside the contract"
    return problem, f"problem {document.type.removeprefix(PROBLEM_TYPE_PREFIX)}"


def _problem_error(reply: HttpReply, call: _Call) -> AppError:
    problem, what = _problem_of(reply)
    if reply.status == 401:
        problem = Problem.BACKEND_AUTH_REJECTED
    elif problem is None:
        problem = _BY_STATUS.get(reply.status, Problem.BACKEND_BAD_RESPONSE)
    return AppError(problem, f"{call}: HTTP {reply.status}, {what}")
