# SPDX-License-Identifier: EUPL-1.2
"""serve's Prometheus metrics: requests, latency, advices, overrides and list snapshot ages.

Each API has its own registry (no process-wide state). Labels hold routes, statuses,
service and outcome codes from our own rules, never a client's free text or a number.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from prometheus_client.metrics_core import Metric

    from app.eligibility.wire import Health

log = logging.getLogger(__name__)
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class SnapshotAges:
    """A collector that asks the port's health at scrape time: each list's age in seconds."""

    def __init__(self, health: Callable[[], Health], today: Callable[[], dt.date]) -> None:
        self._health = health
        self._today = today

    def collect(self) -> Iterator[Metric]:
        ages = GaugeMetricFamily(
            "baliecheck_source_snapshot_age_seconds",
            "Age of each imported source list's snapshot (its as-of date, midnight UTC)",
            labels=["source"],
        )
        reachable = GaugeMetricFamily(
            "baliecheck_store_reachable", "1 when the source store answered the last scrape"
        )
        try:
            sources = self._health().sources
        except Exception:  # noqa: BLE001 - a scrape reports the store as unreachable
            log.warning("metrics: the source store did not answer", exc_info=True)
            reachable.add_metric([], 0)
            yield reachable
            return
        reachable.add_metric([], 1)
        for source in sources:
            if source.as_of is not None:
                days = (self._today() - source.as_of).days
                ages.add_metric([source.name], days * 86_400.0)
        yield ages
        yield reachable


class ServeMetrics:
    """The counters the routes and the access log feed, and the text /metrics returns."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "baliecheck_http_requests",
            "HTTP requests answered, by route template and status",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "baliecheck_http_request_duration_seconds",
            "Time from request to response, by route template",
            ["route"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.advices = Counter(
            "baliecheck_advices",
            "Advices given, by service and outcome code",
            ["service", "outcome"],
            registry=self.registry,
        )
        self.advice_problems = Counter(
            "baliecheck_advice_problems",
            "Advice requests answered with a problem, by problem type",
            ["problem"],
            registry=self.registry,
        )
        self.overrides = Counter(
            "baliecheck_overrides_received",
            "Overrides received and stored (retries with the same key count once more each)",
            ["service", "reason"],
            registry=self.registry,
        )

    def watch_sources(self, health: Callable[[], Health]) -> None:
        self.registry.register(SnapshotAges(health, lambda: dt.datetime.now(dt.UTC).date()))

    def observe_request(self, *, route: str, method: str, status: int, seconds: float) -> None:
        self.requests.labels(route, method, str(status)).inc()
        self.latency.labels(route).observe(seconds)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
