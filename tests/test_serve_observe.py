# SPDX-License-Identifier: EUPL-1.2
"""serve is observable: an access line per request, /metrics, a health that tells the store's
state and each list's age; and no national number reaches any of them, nor a problem body."""

from __future__ import annotations

import json
import logging
import uuid
from typing import TYPE_CHECKING

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from app.eligibility.embedded.sample_data import sample_citizens
from app.serve.access_log import ACCESS_LOGGER, JsonFormatter
from app.settings.config import ServeSettings
from tests.serve_support import ServedServer, call, training_api

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from app.eligibility.port import EligibilityPort

NUMBER = sample_citizens()[0].national_number.digits
DOTTED = f"{NUMBER[:2]}.{NUMBER[2:4]}.{NUMBER[4:6]}-{NUMBER[6:9]}.{NUMBER[9:]}"
ADVICE = {"service": "uitpas-kansentarief", "insz": NUMBER, "desk": "balie-1", "channel": "card"}


@pytest.fixture
def engine_and_server(tmp_path: Path) -> Iterator[tuple[EligibilityPort, ServedServer]]:
    api, engine = training_api(tmp_path)
    with ServedServer(api, ServeSettings()) as server:
        yield engine, server
    engine.close()


@pytest.fixture
def served(engine_and_server: tuple[EligibilityPort, ServedServer]) -> ServedServer:
    return engine_and_server[1]


def _server_text(caplog: pytest.LogCaptureFixture) -> str:
    """What the server logged (the test's own httpx client logs its URLs: not the server's)."""
    server = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    lines = [f"{r.getMessage()} {getattr(r, 'access', '')} {r.exc_text or ''}" for r in server]
    return "\n".join(lines)


def _access_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == ACCESS_LOGGER]


def test_serve_observe_one_access_line_per_request(
    served: ServedServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    request_id = str(uuid.uuid4())
    call(served.url, "GET", "/v1/health", headers={"X-Request-Id": request_id})
    call(served.url, "POST", "/v1/advice", json=ADVICE)
    call(served.url, "GET", "/v1/nothing", params={"insz": NUMBER, "q": "x"})
    records = _access_records(caplog)
    assert len(records) == 3
    fields = [r.access for r in records]  # type: ignore[attr-defined]
    assert fields[0]["request_id"] == request_id
    assert request_id in records[0].getMessage()
    assert [(f["method"], f["path"], f["status"]) for f in fields] == [
        ("GET", "/v1/health", 200),
        ("POST", "/v1/advice", 200),
        ("GET", "/v1/nothing", 404),  # no query string
    ]
    assert all(f["duration_ms"] >= 0 for f in fields)
    assert "insz" not in _server_text(caplog)


def test_serve_observe_json_lines_for_a_log_collector(
    served: ServedServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    call(served.url, "GET", f"/v1/{NUMBER}")
    line = JsonFormatter().format(_access_records(caplog)[0])
    entry = json.loads(line)
    assert entry["level"] == "INFO"
    assert entry["status"] == 404
    assert entry["method"] == "GET"
    assert entry["path"].startswith("/v1/")
    assert uuid.UUID(entry["request_id"])
    assert NUMBER not in line


def _metrics(served: ServedServer) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = call(served.url, "GET", "/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def test_serve_observe_metrics_count_requests_advices_and_overrides(served: ServedServer) -> None:
    assert httpx.get(served.url + "/metrics", timeout=10).status_code == 401  # the same sign-in
    advice = call(served.url, "POST", "/v1/advice", json=ADVICE).json()
    override = {
        "advice_id": advice["advice_id"],
        "service": "uitpas-kansentarief",
        "outcome_code": "STANDAARD",
        "reason_code": "RECENT_MOVE",
        "reason_text": "verhuisd naar een andere gemeente",
        "staff_id": "medewerker-7",
        "desk": "balie-1",
        "decided_at": "2026-11-22T10:00:00+01:00",
    }
    call(served.url, "POST", "/v1/overrides", json=override, headers={"Idempotency-Key": "k" * 10})
    call(served.url, "POST", "/v1/advice", json=ADVICE | {"service": "x-y"})
    metrics = _metrics(served)
    route = (("method", "POST"), ("route", "/v1/advice"), ("status", "200"))
    assert metrics["baliecheck_http_requests_total", route] == 1
    outcome = advice["outcome"]["code"]
    labels = (("outcome", outcome), ("service", "uitpas-kansentarief"))
    assert metrics["baliecheck_advices_total", labels] == 1
    assert metrics["baliecheck_advice_problems_total", (("problem", "unknown-service"),)] == 1
    received = (("reason", "RECENT_MOVE"), ("service", "uitpas-kansentarief"))
    assert metrics["baliecheck_overrides_received_total", received] == 1
    bucket = ("baliecheck_http_request_duration_seconds_count", (("route", "/v1/advice"),))
    assert metrics[bucket] == 2
    ages = {labels: v for (name, labels), v in metrics.items() if "snapshot_age" in name}
    assert ages
    assert all(age >= 0 for age in ages.values())
    assert metrics["baliecheck_store_reachable", ()] == 1


def test_serve_observe_health_tells_the_store_and_the_list_ages(
    engine_and_server: tuple[EligibilityPort, ServedServer],
) -> None:
    engine, served = engine_and_server
    health = call(served.url, "GET", "/v1/health").json()
    assert health["store"] == "reachable"
    assert health["sources"]
    assert all(source["age_days"] >= 0 for source in health["sources"])
    engine.close()  # the store goes away under a running server
    gone = call(served.url, "GET", "/v1/health")
    assert gone.status_code == 503
    assert gone.json() == {"status": "degraded", "store": "unreachable", "sources": []}
    assert _metrics(served)["baliecheck_store_reachable", ()] == 0


def test_serve_observe_no_number_in_log_metrics_or_problems(
    served: ServedServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    json_type = {"Content-Type": "application/json"}
    answers = [
        call(served.url, "POST", "/v1/advice", json=ADVICE),
        call(served.url, "POST", "/v1/advice", json=ADVICE | {"insz": NUMBER[:-1] + "0"}),
        call(served.url, "POST", "/v1/advice", json=ADVICE | {"desk": NUMBER}),
        call(served.url, "POST", "/v1/advice", json=ADVICE | {NUMBER: DOTTED}),
        call(served.url, "POST", "/v1/advice", json=ADVICE | {"service": DOTTED}),
        call(served.url, "POST", "/v1/advice", content=NUMBER.encode(), headers=json_type),
        call(served.url, "POST", "/v1/advice", content=NUMBER.encode()),
        call(served.url, "GET", f"/v1/services/{NUMBER}", params={"insz": NUMBER}),
        call(served.url, "GET", f"/{DOTTED}"),
        call(served.url, "GET", "/v1/health", headers={"X-Request-Id": NUMBER}),
        call(served.url, NUMBER, "/v1/advice"),
        call(served.url, "GET", "/v1/services", headers={"Authorization": f"Bearer {NUMBER}"}),
        call(
            served.url,
            "POST",
            "/v1/overrides",
            json={"insz": NUMBER},
            headers={"Idempotency-Key": NUMBER},
        ),
    ]
    assert [a.status_code for a in answers][1:] == [
        400,
        400,
        400,
        404,
        400,
        415,
        404,
        404,
        200,
        405,
        401,
        400,
    ]
    exposition = call(served.url, "GET", "/metrics").text
    assert 'method="OTHER"' in exposition
    seen = [_server_text(caplog), exposition] + [a.text + str(a.headers) for a in answers]
    for text in seen:
        assert NUMBER not in text
        assert DOTTED not in text
