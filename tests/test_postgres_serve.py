# SPDX-License-Identifier: EUPL-1.2
"""Two ``serve`` instances on one PostgreSQL database: one truth for lists and overrides.

Each instance is the real serve (its uvicorn configuration, its API, its own engine, store and
connections) on its own loopback port; they share nothing but the database, as two
instances behind a load balancer do.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import httpx
import psycopg
import pytest

from app.eligibility.embedded.engine import EmbeddedEligibility
from app.eligibility.embedded.lists.store import SourceStore
from app.eligibility.embedded.pg_store import PostgresStore
from app.eligibility.embedded.rules import load_rules
from app.eligibility.embedded.sample_data import sample_citizens, seed_training_store
from app.resource_paths import rules_dir
from app.serve.api import EligibilityApi
from app.serve.server import serve_limits
from app.services import make_eligibility
from app.settings.config import Config, EmbeddedSettings, ServeSettings
from app.settings.credentials import KeyringCredentials, pseudonym_key
from tests.serve_support import TOKEN, ServedServer, call
from tests.test_sources import number, write_csv

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from tests.postgres_cluster import Cluster

pytestmark = pytest.mark.postgres
AS_OF = dt.date(2026, 1, 1)
SERVICE = "uitpas-kansentarief"


@pytest.fixture
def instances(pg_url: str, tmp_path: Path) -> Iterator[tuple[ServedServer, ServedServer]]:
    """Two serve instances on one database, the sample lists imported."""
    config = Config(embedded=EmbeddedSettings(database_url=pg_url))
    with ExitStack() as stack:
        served = []
        for index in range(2):
            engine = make_eligibility(config, tmp_path / f"data-{index}")
            stack.callback(engine.close)
            api = EligibilityApi(engine, frozenset({TOKEN}), serve_limits(ServeSettings()))
            served.append(stack.enter_context(ServedServer(api, ServeSettings())))
        importer = PostgresStore(pg_url, key=pseudonym_key(KeyringCredentials()))
        seed_training_store(importer, AS_OF)
        importer.close()
        yield served[0], served[1]


def advise(
    served: ServedServer, digits: str, service: str = SERVICE, client: httpx.Client | None = None
) -> httpx.Response:
    body = {"service": service, "insz": digits, "desk": "b", "channel": "card"}
    if client is None:
        return call(served.url, "POST", "/v1/advice", json=body)
    return client.post(
        served.url + "/v1/advice", json=body, headers={"X-Request-Id": str(uuid.uuid4())}
    )


def override(served: ServedServer, body: dict[str, Any], key: str) -> httpx.Response:
    return call(served.url, "POST", "/v1/overrides", json=body, headers={"Idempotency-Key": key})


def override_body(advice_id: str, reason: str = "attest getoond aan de balie") -> dict[str, Any]:
    return {
        "advice_id": advice_id,
        "service": SERVICE,
        "outcome_code": "STANDAARD",
        "reason_code": "DOCUMENT_SHOWN",
        "reason_text": reason,
        "staff_id": "medewerker-7",
        "desk": "balie-1",
        "decided_at": "2026-11-22T10:00:00Z",
    }


def count_overrides(url: str) -> int:
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute("SELECT count(*) FROM overrides").fetchone()
    assert row is not None
    return int(row[0])


def test_postgres_serve_override_sent_to_both_is_stored_once(
    instances: tuple[ServedServer, ServedServer], pg_url: str
) -> None:
    first, second = instances
    advice = advise(first, sample_citizens()[1].national_number.digits)
    assert advice.status_code == 200
    body = override_body(advice.json()["advice_id"])  # an advice issued by the first
    stored = override(first, body, "idem-key-0001")
    replayed = override(second, body, "idem-key-0001")
    assert (stored.status_code, replayed.status_code) == (201, 201)
    assert replayed.json() == stored.json()
    conflict = override(
        second, override_body(body["advice_id"], "een andere reden"), "idem-key-0001"
    )
    assert conflict.status_code == 409
    assert conflict.json()["type"].endswith("idempotency-conflict")
    assert count_overrides(pg_url) == 1


def test_postgres_serve_same_key_at_the_same_time_on_both_is_stored_once(
    instances: tuple[ServedServer, ServedServer], pg_url: str
) -> None:
    first, second = instances
    advice_id = advise(first, sample_citizens()[1].national_number.digits).json()["advice_id"]
    keys = [f"race-{uuid.uuid4()}" for _ in range(12)]
    start = threading.Barrier(2)

    def send(served: ServedServer, key: str) -> dict[str, Any]:
        start.wait(timeout=10)
        response = override(served, override_body(advice_id), key)
        assert response.status_code == 201
        result: dict[str, Any] = response.json()
        return result

    with ThreadPoolExecutor(2) as pool:
        for key in keys:
            a, b = pool.submit(send, first, key), pool.submit(send, second, key)
            assert a.result() == b.result()
    assert count_overrides(pg_url) == len(keys)


def test_postgres_serve_import_seen_by_both_at_once(
    instances: tuple[ServedServer, ServedServer], pg_url: str, tmp_path: Path
) -> None:
    """A new list version imported (as ``sources import`` does) answers on both at once."""
    newcomer = number(4242)
    for served in instances:
        assert advise(served, newcomer).json()["outcome"]["code"] != "KANSENTARIEF"
    importer = PostgresStore(pg_url, key=pseudonym_key(KeyringCredentials()))
    try:
        for name in ("inwoners", "leefloon"):
            rows = [[c.national_number.digits] for c in sample_citizens() if name in c.lists]
            path = write_csv(tmp_path / f"{name}.csv", [*rows, [newcomer]])
            importer.import_csv(name, path, as_of=dt.date(2026, 2, 1))
    finally:
        importer.close()
    for served in instances:
        assert advise(served, newcomer).json()["outcome"]["code"] == "KANSENTARIEF"
        health = call(served.url, "GET", "/v1/health").json()
        dates = {source["name"]: source.get("as_of") for source in health["sources"]}
        assert dates["inwoners"] == "2026-02-01"
        assert newcomer not in str(health)


def test_postgres_serve_verdicts_as_on_sqlite(
    instances: tuple[ServedServer, ServedServer], tmp_path: Path
) -> None:
    """Every sample citizen and service: the same answer from both as from serve on SQLite."""
    sqlite = SourceStore(tmp_path / "s.sqlite", key=pseudonym_key(KeyringCredentials()))
    seed_training_store(sqlite, AS_OF)
    engine = EmbeddedEligibility(load_rules(rules_dir()), sqlite)
    api = EligibilityApi(engine, frozenset({TOKEN}), serve_limits(ServeSettings()))
    answers = []
    headers = {"Authorization": f"Bearer {TOKEN}"}
    try:
        with (
            ServedServer(api, ServeSettings()) as on_sqlite,
            httpx.Client(headers=headers) as client,
        ):
            for service in engine.services():
                for citizen in sample_citizens():
                    digits = citizen.national_number.digits
                    got = [
                        advise(one, digits, service.code, client) for one in (on_sqlite, *instances)
                    ]
                    assert len({same_parts(response) for response in got}) == 1, service.code
                    answers.append(same_parts(got[0]))
    finally:
        engine.close()
    assert len({status for status, _ in answers}) > 1  # advices and problems both compared
    assert len(set(answers)) > 3


def same_parts(response: httpx.Response) -> tuple[int, str]:
    """The status and the body, without what differs per request (ids, times)."""
    body = {
        k: v for k, v in response.json().items() if k not in {"advice_id", "decided_at", "instance"}
    }
    return response.status_code, json.dumps(body, sort_keys=True)


def test_postgres_serve_database_out_of_reach_is_503_then_back(
    instances: tuple[ServedServer, ServedServer], pg_url: str, postgres_cluster: Cluster
) -> None:
    """No connection to be had: health says unreachable and an advice is a 503 problem,
    never a verdict; when the database takes connections again, both answer again."""
    name = urlsplit(pg_url).path.lstrip("/")
    digits = sample_citizens()[1].national_number.digits
    with postgres_cluster.admin() as admin:
        admin.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS false")
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,)
        )
        try:
            for served in instances:
                health = call(served.url, "GET", "/v1/health")
                assert (health.status_code, health.json()["store"]) == (503, "unreachable")
                refused = advise(served, digits)
                assert refused.status_code == 503
                assert refused.json()["type"].endswith("source-unavailable")
                assert digits not in refused.text
        finally:
            admin.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true")
    for served in instances:
        assert advise(served, digits).json()["outcome"]["code"] == "KANSENTARIEF"
