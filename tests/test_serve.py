# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck serve``: the embedded engine over real HTTP, spoken to by our remote client."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from app.eligibility.embedded.engine import EmbeddedEligibility
from app.eligibility.embedded.lists.store import SourceStore
from app.eligibility.embedded.rules import load_rules
from app.eligibility.embedded.sample_data import sample_citizens
from app.eligibility.port import AdviceQuery, OverrideRecord
from app.eligibility.wire import Channel, HealthStatus, ReasonCode
from app.problems import AppError, Problem
from app.resource_paths import rules_dir
from app.serve.api import EligibilityApi
from app.services import make_eligibility
from app.settings.config import Config
from app.settings.credentials import KeyringCredentials, SecretName
from tests.bad_backend import make_remote
from tests.contract_check import check_response, contract_for
from tests.served import ServedApp

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from app.eligibility.port import EligibilityPort
    from app.eligibility.remote.client import RemoteEligibility
    from app.eligibility.wire import Advice

TOKEN = "serve-token-for-tests-0123456789"
CITIZENS = sample_citizens()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[ServedApp]:
    engine = make_eligibility(Config(training=True), tmp_path)
    with ServedApp(EligibilityApi(engine, frozenset({TOKEN})).app()) as app:
        yield app
    engine.close()


@pytest.fixture
def remote(served: ServedApp) -> Iterator[RemoteEligibility]:
    KeyringCredentials().set(SecretName.BEARER_TOKEN, TOKEN)
    client = make_remote(served.url, auth="bearer")
    yield client
    client.close()


def _query(service: str, index: int = 0, channel: Channel = Channel.CARD) -> AdviceQuery:
    return AdviceQuery(service, CITIZENS[index].national_number, "balie-1", channel)


def _problem(call: object) -> Problem:
    assert callable(call)
    with pytest.raises(AppError) as caught:
        call()
    return caught.value.problem


def _advice_or_problem(port: EligibilityPort, query: AdviceQuery) -> Advice | Problem:
    try:
        return port.advise(query)
    except AppError as exc:
        return exc.problem


def test_serve_every_service_and_outcome_reaches_the_client(
    remote: RemoteEligibility, tmp_path: Path
) -> None:
    local = make_eligibility(Config(training=True), tmp_path)
    try:
        services = remote.services()
        assert services == local.services()
        seen = set()
        for service in services:
            for index in range(len(CITIZENS)):
                expected = _advice_or_problem(local, _query(service.code, index))
                if isinstance(expected, Problem):  # the BIS number without a birth date
                    with pytest.raises(AppError) as caught:
                        remote.advise(_query(service.code, index))
                    assert caught.value.problem is expected is Problem.INSUFFICIENT_DATA
                    continue
                advice = remote.advise(_query(service.code, index))
                assert advice.outcome == expected.outcome
                assert advice.data_as_of == expected.data_as_of
                assert advice.valid_until == expected.valid_until
                assert advice.rule_version == expected.rule_version
                assert advice.grounds == expected.grounds
                seen.add((service.code, advice.outcome.code))
        every = {(s.code, o.code) for s in services for o in s.outcomes}
        assert seen == every
    finally:
        local.close()


def test_serve_overrides_are_idempotent_and_checked(remote: RemoteEligibility) -> None:
    advice = remote.advise(_query("uitpas-kansentarief", 1))
    record = OverrideRecord(
        service="uitpas-kansentarief",
        outcome_code="STANDAARD",
        reason_code=ReasonCode.RECENT_MOVE,
        reason_text="verhuisd naar een andere gemeente",
        staff_id="medewerker-7",
        desk="balie-1",
        decided_at=dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.UTC),
        advice_id=advice.advice_id,
    )
    first = remote.record_override(record, idempotency_key="key-0000001")
    assert remote.record_override(record, idempotency_key="key-0000001") == first
    assert first.advice_id == advice.advice_id
    changed = replace(record, reason_text="toch een andere reden hier")
    conflict = _problem(lambda: remote.record_override(changed, idempotency_key="key-0000001"))
    assert conflict is Problem.IDEMPOTENCY_CONFLICT
    unknown = replace(record, advice_id="nooit-uitgegeven")
    assert _problem(lambda: remote.record_override(unknown, idempotency_key="key-0000002")) is (
        Problem.UNKNOWN_ADVICE
    )


def test_serve_problems_reach_the_client_as_codes(
    remote: RemoteEligibility, served: ServedApp
) -> None:
    assert _problem(lambda: remote.advise(_query("bestaat-niet"))) is Problem.UNKNOWN_SERVICE
    stranger = make_remote(served.url, auth="bearer")
    KeyringCredentials().set(SecretName.BEARER_TOKEN, "wrong-token-0123456789")
    try:
        assert _problem(stranger.services) is Problem.BACKEND_AUTH_REJECTED
        assert stranger.health().status is HealthStatus.OK  # health needs no token
    finally:
        stranger.close()


def test_serve_missing_list_is_insufficient_data(tmp_path: Path) -> None:
    store = SourceStore(tmp_path / "real.sqlite", key=b"k" * 32)
    csv = tmp_path / "inwoners.csv"
    csv.write_text("insz\n" + CITIZENS[0].national_number.digits + "\n", encoding="utf-8")
    store.import_csv("inwoners", csv, as_of=dt.date(2026, 1, 1))
    engine = EmbeddedEligibility(load_rules(rules_dir()), store)
    with ServedApp(EligibilityApi(engine, None).app()) as served:
        client = make_remote(served.url)
        try:
            assert _problem(lambda: client.advise(_query("uitpas-kansentarief"))) is (
                Problem.INSUFFICIENT_DATA
            )
            health = client.health()
            assert health.status is HealthStatus.DEGRADED
            assert {s.name for s in health.sources if s.as_of} == {"inwoners"}
        finally:
            client.close()
    engine.close()


def _raw(
    served: ServedApp, method: str, path: str, options: dict[str, Any] | None = None
) -> httpx.Response:
    """One request as any HTTP client would send it; ``options`` holds headers/json/content."""
    options = dict(options or {})
    headers = {"Authorization": f"Bearer {TOKEN}", "X-Request-Id": str(uuid.uuid4())}
    headers |= options.pop("headers", {})
    return httpx.request(method, served.url + path, headers=headers, timeout=5, **options)


def _advice_body(insz: str, **extra: object) -> dict[str, object]:
    return {"service": "uitpas-kansentarief", "insz": insz, "desk": "b", "channel": "card"} | extra


@dataclass(frozen=True)
class Refusal:
    method: str
    path: str
    options: dict[str, Any]
    status: int
    type_name: str


_FIRST = CITIZENS[0].national_number.digits
REFUSALS = {
    "bad checksum": Refusal(
        "POST", "/v1/advice", {"json": _advice_body("11010199092")}, 400, "invalid-insz"
    ),
    "letters": Refusal(
        "POST", "/v1/advice", {"json": _advice_body("1101019909x")}, 400, "invalid-insz"
    ),
    "extra field": Refusal(
        "POST", "/v1/advice", {"json": _advice_body(_FIRST, naam="Jan")}, 400, "invalid-request"
    ),
    "not json": Refusal(
        "POST",
        "/v1/advice",
        {"content": b"<html>", "headers": {"Content-Type": "application/json"}},
        400,
        "invalid-request",
    ),
    "request id not a uuid": Refusal(
        "POST",
        "/v1/advice",
        {"json": _advice_body(_FIRST), "headers": {"X-Request-Id": "geen-uuid"}},
        400,
        "invalid-request",
    ),
    "no token": Refusal(
        "GET", "/v1/services", {"headers": {"Authorization": ""}}, 401, "unauthorized"
    ),
    "unknown service": Refusal(
        "POST",
        "/v1/advice",
        {"json": _advice_body(_FIRST, service="x-y")},
        404,
        "unknown-service",
    ),
    "no idempotency key": Refusal("POST", "/v1/overrides", {"json": {}}, 400, "invalid-request"),
}


@pytest.mark.parametrize("name", REFUSALS)
def test_serve_refusals_are_contract_problems(served: ServedApp, name: str) -> None:
    refusal = REFUSALS[name]
    response = _raw(served, refusal.method, refusal.path, refusal.options)
    assert response.status_code == refusal.status, name
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == f"urn:eligibility:problem:{refusal.type_name}"
    assert problem["status"] == refusal.status
    assert "11010199" not in response.text  # a refused number is never echoed


def test_serve_answers_keep_to_the_contract(served: ServedApp) -> None:
    contract = contract_for(served.url)
    number = CITIZENS[0].national_number.digits
    exchanges = [
        _raw(served, "GET", "/v1/health"),
        _raw(served, "GET", "/v1/services"),
        _raw(served, "POST", "/v1/advice", {"json": _advice_body(number)}),
        _raw(served, "POST", "/v1/advice", {"json": _advice_body("11010199092")}),
        _raw(served, "POST", "/v1/advice", {"json": _advice_body(number, service="x-y")}),
        _raw(served, "GET", "/v1/services", {"headers": {"Authorization": "Bearer nope"}}),
    ]
    advice_id = exchanges[2].json()["advice_id"]
    override = {
        "advice_id": advice_id,
        "service": "uitpas-kansentarief",
        "outcome_code": "STANDAARD",
        "reason_code": "DOCUMENT_SHOWN",
        "reason_text": "attest getoond aan de balie",
        "staff_id": "s",
        "desk": "b",
        "decided_at": "2026-11-22T10:00:00Z",
    }
    key = {"Idempotency-Key": "idem-key-123"}
    exchanges.append(_raw(served, "POST", "/v1/overrides", {"json": override, "headers": key}))
    changed = override | {"reason_text": "iets anders nu"}
    exchanges.append(_raw(served, "POST", "/v1/overrides", {"json": changed, "headers": key}))
    assert [r.status_code for r in exchanges] == [200, 200, 200, 400, 404, 401, 201, 409]
    for response in exchanges:
        check_response(contract, response)
        assert response.headers["X-Request-Id"] == response.request.headers["X-Request-Id"]
