# SPDX-License-Identifier: EUPL-1.2
"""serve answers every error as a contract problem; it echoes no client text off its pattern."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pytest

from app.eligibility.embedded.sample_data import sample_citizens
from app.settings.config import ServeSettings
from tests.contract_check import check_response, contract_for
from tests.serve_support import ServedServer, call, training_api

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

NUMBER = sample_citizens()[0].national_number.digits
JSON = {"Content-Type": "application/json"}


@pytest.fixture
def served(tmp_path: Path) -> Iterator[ServedServer]:
    settings = ServeSettings(max_body_bytes=4096)
    api, engine = training_api(tmp_path, settings)
    with ServedServer(api, settings) as server:
        yield server
    engine.close()


def _advice(**extra: object) -> dict[str, object]:
    return {
        "service": "uitpas-kansentarief",
        "insz": NUMBER,
        "desk": "b",
        "channel": "card",
    } | extra


def _override(**extra: object) -> dict[str, object]:
    return {
        "service": "uitpas-kansentarief",
        "insz": NUMBER,
        "outcome_code": "STANDAARD",
        "reason_code": "DOCUMENT_SHOWN",
        "reason_text": "attest getoond aan de balie",
        "staff_id": "medewerker-7",
        "desk": "balie-1",
        "decided_at": "2026-11-22T10:00:00+01:00",
    } | extra


@dataclass(frozen=True)
class Refusal:
    method: str
    path: str
    status: int
    type_name: str
    options: dict[str, Any] = field(default_factory=dict)


_KEY = {"Idempotency-Key": "idem-key-0001"}
DEEP = b'{"service": ' + b"[" * 2000 + b"]" * 2000 + b"}"
REFUSALS = {
    "no such path": Refusal("GET", "/v1/nothing", 404, "not-found"),
    "trailing slash": Refusal("GET", "/v1/services/", 404, "not-found"),
    "method not allowed": Refusal("DELETE", "/v1/advice", 405, "method-not-allowed"),
    "text/plain": Refusal(
        "POST",
        "/v1/advice",
        415,
        "unsupported-media-type",
        {"content": b"{}", "headers": {"Content-Type": "text/plain"}},
    ),
    "form-encoded": Refusal(
        "POST", "/v1/advice", 415, "unsupported-media-type", {"data": {"insz": NUMBER}}
    ),
    "no content type": Refusal(
        "POST", "/v1/overrides", 415, "unsupported-media-type", {"content": b"{}", "headers": _KEY}
    ),
    "latin-1 json": Refusal(
        "POST",
        "/v1/advice",
        415,
        "unsupported-media-type",
        {"content": b"{}", "headers": {"Content-Type": "application/json; charset=latin-1"}},
    ),
    "not json": Refusal(
        "POST", "/v1/advice", 400, "invalid-request", {"content": b"<html>", "headers": JSON}
    ),
    "deeply nested": Refusal(
        "POST", "/v1/advice", 400, "invalid-request", {"content": DEEP, "headers": JSON}
    ),
    "too large": Refusal(
        "POST", "/v1/advice", 413, "payload-too-large", {"json": _advice(desk="x" * 5000)}
    ),
    "desk holds a number": Refusal(
        "POST", "/v1/advice", 400, "invalid-request", {"json": _advice(desk=f"b{NUMBER}")}
    ),
    "desk with a control character": Refusal(
        "POST", "/v1/advice", 400, "invalid-request", {"json": _advice(desk="b\n1")}
    ),
    "empty desk": Refusal("POST", "/v1/advice", 400, "invalid-request", {"json": _advice(desk="")}),
    "an 11-digit key": Refusal(
        "POST", "/v1/advice", 400, "invalid-request", {"json": _advice(**{NUMBER: 1})}
    ),
    "staff_id holds a number": Refusal(
        "POST",
        "/v1/overrides",
        400,
        "invalid-request",
        {"json": _override(staff_id=NUMBER), "headers": _KEY},
    ),
    "decided_at a number": Refusal(
        "POST",
        "/v1/overrides",
        400,
        "invalid-request",
        {"json": _override(decided_at=1700000000), "headers": _KEY},
    ),
    "decided_at a number in a string": Refusal(
        "POST",
        "/v1/overrides",
        400,
        "invalid-request",
        {"json": _override(decided_at="1700000000"), "headers": _KEY},
    ),
    "decided_at without offset": Refusal(
        "POST",
        "/v1/overrides",
        400,
        "invalid-request",
        {"json": _override(decided_at="2026-11-22T10:00:00"), "headers": _KEY},
    ),
    "override without advice_id or insz": Refusal(
        "POST",
        "/v1/overrides",
        400,
        "invalid-request",
        {"json": _override(insz=None), "headers": _KEY},
    ),
    "outcome not of the service": Refusal(
        "POST",
        "/v1/overrides",
        400,
        "invalid-request",
        {"json": _override(outcome_code="GRATIS_REGISTRATIE"), "headers": _KEY},
    ),
    "checksum-invalid insz": Refusal(
        "POST", "/v1/advice", 400, "invalid-insz", {"json": _advice(insz=NUMBER[:-2] + "00")}
    ),
    "unknown service with a number in it": Refusal(
        "POST", "/v1/advice", 404, "unknown-service", {"json": _advice(service=f"x{NUMBER}")}
    ),
}


@pytest.mark.parametrize("name", REFUSALS)
def test_serve_contract_refusals_are_problem_documents(served: ServedServer, name: str) -> None:
    refusal = REFUSALS[name]
    response = call(served.url, refusal.method, refusal.path, **refusal.options)
    assert response.status_code == refusal.status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == f"urn:eligibility:problem:{refusal.type_name}"
    assert problem["status"] == refusal.status
    assert problem["detail"]
    assert NUMBER not in response.text
    assert NUMBER[:6] not in response.text  # not even a part of it
    if refusal.status == 405:
        assert "POST" in response.headers["allow"]


def test_serve_contract_problems_keep_to_the_contract(served: ServedServer) -> None:
    contract = contract_for(served.url)
    for name in ("text/plain", "too large", "deeply nested", "checksum-invalid insz"):
        refusal = REFUSALS[name]
        check_response(contract, call(served.url, refusal.method, refusal.path, **refusal.options))


def test_serve_contract_echoes_only_a_uuid_request_id(served: ServedServer) -> None:
    given = str(uuid.uuid4())
    echoed = call(served.url, "GET", "/v1/health", headers={"X-Request-Id": given})
    assert echoed.headers["x-request-id"] == given
    for foreign in (NUMBER, "<script>", "x" * 200):
        answer = call(served.url, "GET", "/v1/health", headers={"X-Request-Id": foreign})
        own = answer.headers["x-request-id"]
        assert own != foreign
        assert uuid.UUID(own)
    missing = call(served.url, "GET", "/v1/nothing")
    assert uuid.UUID(missing.headers["x-request-id"])


def test_serve_contract_request_id_is_required_on_writes(served: ServedServer) -> None:
    answer = call(
        served.url, "POST", "/v1/advice", json=_advice(), headers={"X-Request-Id": NUMBER}
    )
    assert answer.status_code == 400
    assert answer.json()["detail"] == "X-Request-Id: must be a UUID"
    assert NUMBER not in answer.text + str(answer.headers)


def test_serve_contract_valid_requests_still_pass(served: ServedServer) -> None:
    advice = call(served.url, "POST", "/v1/advice", json=_advice())
    assert advice.status_code == 200
    override = _override(advice_id=advice.json()["advice_id"], insz=None)
    stored = call(served.url, "POST", "/v1/overrides", json=override, headers=_KEY)
    assert stored.status_code == 201, stored.text
    utc = _override(decided_at="2026-11-22T09:00:00Z")
    again = call(
        served.url, "POST", "/v1/overrides", json=utc, headers={"Idempotency-Key": "k" * 9}
    )
    assert again.status_code == 201, again.text
