# SPDX-License-Identifier: EUPL-1.2
"""The remote eligibility client against a deliberately bad backend on loopback."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import traceback
import uuid
from typing import TYPE_CHECKING, Any

import pytest

from app.eligibility.problem_types import PROBLEM_TYPES
from app.eligibility.verdicts import check_verdict
from app.eligibility.wire import AdviceRequest, Channel, OverrideRequest
from app.problems import AppError, Problem
from tests.bad_backend import (
    ADVICE_DOC,
    HEALTH_DOC,
    NUMBER,
    RECEIPT_DOC,
    SERVICE,
    SERVICE_DOC,
    STANDAARD,
    BadBackend,
    Reply,
    advice_query,
    closed_port,
    fails,
    json_reply,
    make_remote,
    override_record,
    problem_reply,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from app.eligibility.remote.client import RemoteEligibility

PROBLEM_JSON = "application/problem+json"
BAD, UNAVAILABLE = Problem.BACKEND_BAD_RESPONSE, Problem.SOURCE_UNAVAILABLE
PERSON = Problem.PERSON_UNKNOWN
ADVICE, OVERRIDES = "/v1/advice", "/v1/overrides"


@pytest.fixture
def backend() -> Iterator[BadBackend]:
    with BadBackend() as server:
        yield server


@pytest.fixture
def remote(backend: BadBackend) -> Iterator[RemoteEligibility]:
    with make_remote(backend.url) as client:
        yield client


def test_remote_advice_sends_the_contract_request(
    backend: BadBackend, remote: RemoteEligibility
) -> None:
    backend.script("POST", ADVICE, json_reply(ADVICE_DOC))
    advice = remote.advise(advice_query())
    assert (advice.advice_id, advice.outcome.code, advice.outcome.eligible) == (
        "adv-1",
        "KANSENTARIEF",
        True,
    )
    [sent] = backend.received(ADVICE)
    assert uuid.UUID(sent.headers["x-request-id"]).version == 4
    assert sent.headers["content-type"] == "application/json"
    assert "authorization" not in sent.headers
    body = AdviceRequest.model_validate(sent.json())
    assert (body.service, body.insz, body.desk, body.channel) == (
        SERVICE,
        NUMBER,
        "balie-1",
        Channel.CARD,
    )


def test_remote_every_call_has_its_own_request_id(
    backend: BadBackend, remote: RemoteEligibility
) -> None:
    backend.script("POST", ADVICE, json_reply(ADVICE_DOC))
    backend.script("GET", "/v1/services", json_reply({"services": [SERVICE_DOC]}))
    backend.script("GET", "/v1/health", json_reply(HEALTH_DOC))
    remote.advise(advice_query())
    remote.services()
    remote.health()
    ids = [r.headers["x-request-id"] for r in backend.received()]
    assert len(set(ids)) == 3


def test_remote_number_is_sent_only_in_the_advice_body(
    backend: BadBackend, remote: RemoteEligibility
) -> None:
    backend.script("POST", ADVICE, json_reply(ADVICE_DOC))
    backend.script("GET", "/v1/services", json_reply({"services": [SERVICE_DOC]}))
    backend.script("GET", "/v1/health", json_reply(HEALTH_DOC))
    backend.script("POST", OVERRIDES, json_reply(RECEIPT_DOC, 201))
    remote.services()
    remote.advise(advice_query())
    remote.record_override(override_record(), idempotency_key="key-0001")
    remote.health()
    for sent in backend.received():
        assert NUMBER not in sent.path + json.dumps(sent.headers)
        assert (NUMBER in sent.body.decode()) is (sent.path == ADVICE), sent.path


def test_remote_services_returns_the_catalogue(
    backend: BadBackend, remote: RemoteEligibility
) -> None:
    backend.script("GET", "/v1/services", json_reply({"services": [SERVICE_DOC]}))
    [service] = remote.services()
    assert service.code == SERVICE
    assert [o.code for o in service.outcomes] == ["KANSENTARIEF", "STANDAARD"]


@pytest.mark.parametrize(
    "outcome",
    [
        {**STANDAARD, "code": "GRATIS"},  # not one of the service's outcomes
        {**STANDAARD, "eligible": True},  # another 'eligible' than the catalogue says
    ],
)
def test_remote_advice_outcome_outside_the_catalogue_is_refused(
    backend: BadBackend, remote: RemoteEligibility, outcome: dict[str, Any]
) -> None:
    backend.script("GET", "/v1/services", json_reply({"services": [SERVICE_DOC]}))
    backend.script("POST", ADVICE, json_reply({**ADVICE_DOC, "outcome": outcome}))
    catalogue = remote.services()
    advice = remote.advise(advice_query())  # the verdict check, on every path, refuses it
    fails(
        lambda: check_verdict(advice, catalogue, service=SERVICE),
        Problem.BACKEND_CONTRADICTS_CATALOGUE,
    )


def test_remote_advice_for_another_service_is_refused(
    backend: BadBackend, remote: RemoteEligibility
) -> None:
    backend.script("POST", ADVICE, json_reply({**ADVICE_DOC, "service": "lez-registratie"}))
    fails(lambda: remote.advise(advice_query()), Problem.BACKEND_BAD_RESPONSE)


def test_remote_advice_keeps_rule_version_and_grounds_and_accepts_a_1_0_backend(
    backend: BadBackend, remote: RemoteEligibility
) -> None:
    given = {"rule_version": "2026", "grounds": ["INWONER", "VT"], "valid_until": "2027-04-30"}
    backend.script("POST", ADVICE, json_reply({**ADVICE_DOC, **given}), json_reply(ADVICE_DOC))
    advice = remote.advise(advice_query())
    assert (advice.rule_version, advice.grounds) == ("2026", ("INWONER", "VT"))
    assert advice.valid_until == dt.date(2027, 4, 30)
    older = remote.advise(advice_query())
    assert (older.rule_version, older.grounds) == (None, None)


@pytest.mark.parametrize("grounds", [["vt"], ["INKOMEN 18500"], "VT", [1]])
def test_remote_advice_with_grounds_that_are_not_codes_is_refused(
    backend: BadBackend, remote: RemoteEligibility, grounds: object
) -> None:
    backend.script("POST", ADVICE, json_reply({**ADVICE_DOC, "grounds": grounds}))
    fails(lambda: remote.advise(advice_query()), Problem.BACKEND_BAD_RESPONSE)


@pytest.mark.parametrize(("status", "state"), [(200, "ok"), (503, "degraded")])
def test_remote_health_accepts_up_and_degraded(
    backend: BadBackend, status: int, state: str
) -> None:
    backend.script("GET", "/v1/health", json_reply({**HEALTH_DOC, "status": state}, status))
    with make_remote(backend.url, auth="bearer") as client:
        assert client.health().status == state
    [sent] = backend.received()
    assert "authorization" not in sent.headers  # the contract: health needs no token


def test_remote_override_sends_idempotency_key_and_contract_body(
    backend: BadBackend, remote: RemoteEligibility
) -> None:
    backend.script("POST", OVERRIDES, json_reply(RECEIPT_DOC, 201))
    receipt = remote.record_override(override_record(), idempotency_key="key-0001")
    assert receipt.override_id == "ovr-1"
    [sent] = backend.received(OVERRIDES)
    assert sent.headers["idempotency-key"] == "key-0001"
    body = OverrideRequest.model_validate(sent.json())
    assert (body.advice_id, body.insz, body.outcome_code) == ("adv-1", None, "STANDAARD")


def test_remote_override_without_advice_carries_the_number(
    backend: BadBackend, remote: RemoteEligibility
) -> None:
    backend.script("POST", OVERRIDES, json_reply({**RECEIPT_DOC, "advice_id": None}, 201))
    remote.record_override(override_record(advice_id=None), idempotency_key="key-0002")
    assert OverrideRequest.model_validate(backend.received()[0].json()).insz == NUMBER


def test_remote_override_refuses_a_bad_idempotency_key(
    backend: BadBackend, remote: RemoteEligibility
) -> None:
    refused = Problem.INVALID_REQUEST
    fails(lambda: remote.record_override(override_record(), idempotency_key="short"), refused)
    assert backend.received() == []


def test_remote_override_retried_503_keeps_key_and_request_id(
    backend: BadBackend, remote: RemoteEligibility
) -> None:
    busy = problem_reply("source-unavailable", 503, headers=(("Retry-After", "0"),))
    backend.script("POST", OVERRIDES, busy, json_reply(RECEIPT_DOC, 201))
    remote.record_override(override_record(), idempotency_key="key-0003")
    sent = backend.received(OVERRIDES)
    assert len(sent) == 2
    assert {r.headers["idempotency-key"] for r in sent} == {"key-0003"}
    assert len({r.headers["x-request-id"] for r in sent}) == 1


def test_remote_advice_retried_after_503_with_retry_after(
    backend: BadBackend, remote: RemoteEligibility
) -> None:
    busy = problem_reply("source-unavailable", 503, headers=(("Retry-After", "0"),))
    backend.script("POST", ADVICE, busy, busy, json_reply(ADVICE_DOC))
    assert remote.advise(advice_query()).advice_id == "adv-1"
    sent = backend.received(ADVICE)
    assert len(sent) == 3
    assert len({r.headers["x-request-id"] for r in sent}) == 1
    assert {r.body for r in sent} == {sent[0].body}


def test_remote_advice_gives_up_after_its_retries(
    backend: BadBackend, remote: RemoteEligibility
) -> None:
    busy = Reply(503, b"<h1>busy</h1>", "text/html", headers=(("Retry-After", "0"),))
    backend.script("POST", ADVICE, busy)
    fails(lambda: remote.advise(advice_query()), Problem.SOURCE_UNAVAILABLE)
    assert len(backend.received(ADVICE)) == 3  # the first try and advice_retries = 2


def test_remote_advice_long_retry_after_gives_up_at_once(backend: BadBackend) -> None:
    busy = problem_reply("source-unavailable", 503, headers=(("Retry-After", "120"),))
    backend.script("POST", ADVICE, busy, json_reply(ADVICE_DOC))
    with make_remote(backend.url, max_retry_after_s=5) as client:
        error = fails(lambda: client.advise(advice_query()), Problem.SOURCE_UNAVAILABLE)
    assert "Retry-After 120" in error.detail
    assert len(backend.received(ADVICE)) == 1


@pytest.mark.parametrize(
    ("reply", "problem"),
    [
        (problem_reply("source-unavailable", 503), UNAVAILABLE),
        (Reply(503, b"<h1>down</h1>", "text/html"), BAD),
        (Reply(500, b"Internal Server Error", "text/plain"), BAD),
        (json_reply({"error": "boom"}, 500), BAD),
        (Reply(302, headers=(("Location", "https://elsewhere.invalid/"),)), BAD),
        (Reply(404, b"not found", "text/plain"), BAD),
        (Reply(403, b"denied by the firewall", "text/plain"), Problem.BACKEND_FORBIDDEN),
        (Reply(429, content_type=None), Problem.BACKEND_RATE_LIMITED),
        (problem_reply("made-up", 400), BAD),
        (json_reply({"title": "no type"}, 400, content_type=PROBLEM_JSON), BAD),
    ],
)
def test_remote_error_answers_without_retry_after_fail_at_once(
    backend: BadBackend, remote: RemoteEligibility, reply: Reply, problem: Problem
) -> None:
    backend.script("POST", ADVICE, reply)
    error = fails(lambda: remote.advise(advice_query()), problem)
    [sent] = backend.received(ADVICE)
    assert f"HTTP {reply.status}" in error.detail
    assert sent.headers["x-request-id"] in error.detail


@pytest.mark.parametrize(("name", "entry"), sorted(PROBLEM_TYPES.items()))
def test_remote_every_contract_problem_type_has_its_code(
    backend: BadBackend, remote: RemoteEligibility, name: str, entry: tuple[Problem, int]
) -> None:
    problem, status = entry
    backend.script("POST", ADVICE, problem_reply(name, status))
    error = fails(lambda: remote.advise(advice_query()), problem)
    assert f"HTTP {status}" in error.detail
    assert backend.received(ADVICE)[-1].headers["x-request-id"] in error.detail


@pytest.mark.parametrize(
    "reply",
    [
        Reply(body=b"<html><body>Welkom</body></html>", content_type="text/html"),
        Reply(body=b"<html><body>Welkom</body></html>"),  # says JSON, is HTML
        Reply(body=json.dumps(ADVICE_DOC).encode(), content_type="text/plain"),
        Reply(body=json.dumps(ADVICE_DOC).encode(), content_type=None),
        json_reply(ADVICE_DOC, content_type="application/problem+json"),
        json_reply({k: v for k, v in ADVICE_DOC.items() if k != "outcome"}),
        json_reply({**ADVICE_DOC, "outcome": {"code": "KANSENTARIEF", "label": {"nl": "K"}}}),
        json_reply({**ADVICE_DOC, "outcome": {**STANDAARD, "eligible": "true"}}),  # no lax bools
        json_reply([ADVICE_DOC]),
        json_reply(ADVICE_DOC, 201),
        Reply(body=b"[" * (1 << 20) + b"]" * 10),  # over the body cap
    ],
)
def test_remote_garbage_is_a_bad_response(
    backend: BadBackend, remote: RemoteEligibility, reply: Reply
) -> None:
    backend.script("POST", ADVICE, reply)
    fails(lambda: remote.advise(advice_query()), Problem.BACKEND_BAD_RESPONSE)
    assert len(backend.received(ADVICE)) == 1


def test_remote_missing_field_is_named_without_values(
    backend: BadBackend, remote: RemoteEligibility
) -> None:
    backend.script("POST", ADVICE, json_reply({**ADVICE_DOC, "advice_id": None}))
    error = fails(lambda: remote.advise(advice_query()), Problem.BACKEND_BAD_RESPONSE)
    assert "advice_id" in error.detail
    assert "Kansentarief" not in error.detail


def test_remote_extra_personal_fields_never_reach_the_caller(
    backend: BadBackend, remote: RemoteEligibility
) -> None:
    outcome = {**ADVICE_DOC["outcome"], "reden": "leefloon sinds 2023"}  # type: ignore[dict-item]
    extra = {"naam": "Jan Peeters", "leefloon": True, "inkomen": 812.5, "outcome": outcome}
    backend.script("POST", ADVICE, json_reply({**ADVICE_DOC, **extra}))
    advice = remote.advise(advice_query())
    shown = f"{advice!r} {advice} {advice.model_dump()} {advice.model_dump_json()}"
    for word in ("naam", "Jan Peeters", "leefloon", "inkomen", "812", "reden"):
        assert word not in shown
    assert not hasattr(advice, "naam")


def test_remote_echoed_request_id_mismatch_is_logged_not_fatal(
    backend: BadBackend, remote: RemoteEligibility, caplog: pytest.LogCaptureFixture
) -> None:
    reply = json_reply(ADVICE_DOC, echo_request_id=False, headers=(("X-Request-Id", "other"),))
    backend.script("POST", ADVICE, reply)
    assert remote.advise(advice_query()).advice_id == "adv-1"
    assert any("echoed another X-Request-Id" in r.getMessage() for r in caplog.records)


def _texts(error: BaseException) -> str:
    """Everything an exception can show: message, repr, traceback and its whole chain."""
    parts = ["".join(traceback.format_exception(error))]
    current: BaseException | None = error
    while current is not None:
        parts += [str(current), repr(current), repr(current.args)]
        current = current.__cause__ or current.__context__
    return "\n".join(parts)


def test_remote_privacy_no_number_in_logs_or_errors(
    backend: BadBackend, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    echoed = {"type": "urn:eligibility:problem:person-unknown", "title": "onbekend", "status": 422}
    echoed["detail"] = f"INSZ {NUMBER} is onbekend"  # a careless backend repeats the number
    bad_replies = [
        (json_reply(echoed, 422, content_type=PROBLEM_JSON), PERSON),
        (json_reply({**ADVICE_DOC, "advice_id": NUMBER * 20}), Problem.BACKEND_BAD_RESPONSE),
        (json_reply({**ADVICE_DOC, "outcome": {**STANDAARD, "code": NUMBER}}), BAD),
        (Reply(status=500, body=f"insz={NUMBER}".encode(), content_type="text/plain"), BAD),
        (Reply(body=f"<p>{NUMBER}</p>".encode(), content_type="text/html"), BAD),
        (problem_reply("unauthorized", 401), Problem.BACKEND_AUTH_REJECTED),
        (problem_reply("source-unavailable", 503, headers=(("Retry-After", "99"),)), UNAVAILABLE),
        (Reply(body=b"{}", delay_s=5), Problem.BACKEND_TIMEOUT),
    ]
    errors: list[AppError] = []
    with make_remote(backend.url, timeout_s=0.3) as client:
        backend.script("POST", ADVICE, json_reply(ADVICE_DOC))
        client.advise(advice_query())  # the successful path logs too
        for reply, problem in bad_replies:
            backend.script("POST", ADVICE, reply)
            errors.append(fails(lambda: client.advise(advice_query()), problem))
        backend.script("POST", OVERRIDES, json_reply(echoed, 422, content_type=PROBLEM_JSON))
        no_advice = override_record(advice_id=None)  # carries the number in its body
        errors.append(
            fails(lambda: client.record_override(no_advice, idempotency_key="k" * 8), PERSON)
        )
        too_long = dataclasses.replace(advice_query(), desk="d" * 65)  # refused before sending
        errors.append(fails(lambda: client.advise(too_long), Problem.INVALID_REQUEST))
    with make_remote(f"http://127.0.0.1:{closed_port()}") as client:
        errors.append(fails(lambda: client.advise(advice_query()), Problem.BACKEND_UNREACHABLE))
    logged = [r.getMessage() for r in caplog.records]
    logged += [
        "".join(traceback.format_exception(*r.exc_info)) for r in caplog.records if r.exc_info
    ]
    assert caplog.records, "debug logging should have recorded the calls"
    for text in [*logged, *map(_texts, errors)]:
        assert NUMBER not in text
        assert f"{NUMBER[6:9]}.{NUMBER[9:]}" not in text
