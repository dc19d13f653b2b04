# SPDX-License-Identifier: EUPL-1.2
"""Deciding a stream of rows through an EligibilityPort, in input order, within a window.

At most ``concurrency`` questions run at once (threads ``bc-net-batch``), and at most
``window`` rows are between being read and being written, so memory stays bounded however
long the file. With ``concurrency`` 1 the rows are asked inline (the embedded engine is fastest
so). A backend failure (not an answer about the person) pauses every worker, waiting
``backoff_s`` doubled at each failure of the same row up to ``max_backoff_s``; after ``retries``
of them the run stops: that row and every later one are written as not decided, never guessed.
A remote backend's own 503 + Retry-After is honoured inside each call (the remote client).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.batch.results import (
    ROW_PROBLEMS,
    RowResult,
    RunSummary,
    not_decided,
    result_of_advice,
    result_of_problem,
)
from app.eligibility.port import AdviceQuery
from app.eligibility.wire import Channel
from app.problems import AppError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from app.batch.rows import BatchRow
    from app.eligibility.port import EligibilityPort
    from app.eligibility.wire import Service

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How to ask: which service, from which desk, how many at once, how patiently."""

    service: str
    desk: str
    concurrency: int = 1
    window: int = 0  # rows in flight at most; 0: 4 x concurrency
    retries: int = 3
    backoff_s: float = 1.0
    max_backoff_s: float = 30.0


class BatchRunner:
    """Decides rows and hands each result, in input order, to ``sink``; counts them too."""

    def __init__(self, port: EligibilityPort, options: BatchOptions, service: Service) -> None:
        """``service``: the catalogue's description of the service asked, for the verdict check."""
        if options.concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self._port = port
        self._service = service
        self._options = options
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._resume_at = 0.0
        self.summary = RunSummary()

    def run(
        self,
        rows: Iterable[BatchRow],
        sink: Callable[[RowResult], None],
        progress: Callable[[int], None] | None = None,
    ) -> RunSummary:
        """Every row decided (or not, if the run stopped) and passed to ``sink`` in order."""

        def emit(result: RowResult) -> None:
            self.summary.count(result)
            sink(result)
            if progress is not None:
                progress(1)

        if self._options.concurrency == 1:
            for row in rows:
                emit(self._decide(row))
        else:
            self._run_pooled(rows, emit)
        return self.summary

    def cancel(self) -> None:
        """Ask no more (rows still to come are written as not decided)."""
        self._stop.set()

    def _run_pooled(self, rows: Iterable[BatchRow], emit: Callable[[RowResult], None]) -> None:
        options = self._options
        window_size = options.window or 4 * options.concurrency
        pending: deque[Future[RowResult]] = deque()
        pool = ThreadPoolExecutor(options.concurrency, thread_name_prefix="bc-net-batch")
        try:
            for row in rows:
                pending.append(pool.submit(self._decide, row))
                while len(pending) >= window_size:
                    emit(pending.popleft().result())
            while pending:
                emit(pending.popleft().result())
        finally:
            self._stop.set()  # an interrupted run: workers still waiting ask no more
            pool.shutdown(wait=True, cancel_futures=True)

    def _decide(self, row: BatchRow) -> RowResult:
        """The row's result; not decided once the run has stopped or this row stops it."""
        if row.number is None:
            return result_of_problem(row, row.problem or "")
        failures = 0
        while True:
            if not self._wait_turn():
                return not_decided(row)
            query = AdviceQuery(
                self._options.service, row.number, self._options.desk, Channel.MANUAL
            )
            try:
                return result_of_advice(row, self._port.advise(query), self._service)
            except AppError as exc:
                if exc.problem in ROW_PROBLEMS:
                    return result_of_problem(row, exc.problem.value)
                failures += 1
                if not self._back_off(row, exc, failures):
                    return not_decided(row)

    def _wait_turn(self) -> bool:
        """Wait out a pause every worker shares; False once the run has stopped."""
        while not self._stop.is_set():
            with self._lock:
                wait = self._resume_at - time.monotonic()
            if wait <= 0:
                return True
            self._stop.wait(wait)
        return False

    def _back_off(self, row: BatchRow, exc: AppError, failures: int) -> bool:
        """Pause everyone after a backend failure; False (and stop) when retries are spent."""
        options = self._options
        if failures > options.retries:
            with self._lock:
                if self.summary.stopped_by is None:
                    self.summary.stopped_by = exc.problem.value
            log.warning("batch stopped at line %d: %s (%d tries)", row.line, exc.problem, failures)
            self._stop.set()
            return False
        wait = min(options.backoff_s * 2 ** (failures - 1), options.max_backoff_s)
        log.warning("line %d: %s, pausing %.1f s", row.line, exc.problem, wait)
        with self._lock:
            self._resume_at = max(self._resume_at, time.monotonic() + wait)
        return True
