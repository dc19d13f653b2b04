# SPDX-License-Identifier: EUPL-1.2
"""The report's counts, aggregated by SQLite from the audit records of a period.

One grouped read over the records' hour, kind, service, desk, outcomes, reason and problem
(a million records in a few seconds, nothing per person in memory), folded here into
periods (ISO weeks or calendar months, in local time) per service. A batch run's record
adds its row counts. Only codes and counts: no pseudonym is ever read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from app.audit.records import RecordKind, utc_text

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from app.audit.store import AuditStore

_GROUPED = """
SELECT substr(at, 1, 13), kind, COALESCE(service, ''), desk, COALESCE(advised_outcome, ''),
       COALESCE(applied_outcome, ''), COALESCE(reason_code, ''),
       CASE WHEN kind = 'problem' THEN COALESCE(detail, '') ELSE '' END, COUNT(*)
FROM audit_records
WHERE at >= ? AND at < ? AND kind IN ('advice_shown', 'override', 'manual_decision', 'problem')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
"""
_BATCH_RUNS = """
SELECT at, COALESCE(service, ''), detail FROM audit_records
WHERE at >= ? AND at < ? AND kind = 'batch_run'
"""


class Period(StrEnum):
    WEEK = "week"
    MONTH = "month"

    def label(self, day: dt.date) -> str:
        """``2026-W05`` (ISO week) or ``2026-02``."""
        if self is Period.MONTH:
            return f"{day.year:04d}-{day.month:02d}"
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"


@dataclass(slots=True)
class Cell:
    """What happened for one service in one period (all counts)."""

    advices: int = 0
    eligible_advices: int = 0
    granted: int = 0  # decisions with a right: advices, corrected by overrides, and manual ones
    decided: int = 0  # advices and manual decisions
    overrides: Counter[str] = field(default_factory=Counter)  # by reason code
    manual: int = 0
    problems: Counter[str] = field(default_factory=Counter)  # by problem code
    desks: Counter[str] = field(default_factory=Counter)  # checks by desk
    batch_runs: int = 0
    batch_rows: int = 0
    batch_eligible: int = 0

    @property
    def checks(self) -> int:
        """Questions asked at a desk: with an advice, or without one (a problem)."""
        return self.advices + sum(self.problems.values())


@dataclass(slots=True)
class TakeUp:
    """Cells by service, then by period label (in order); ``eligible`` known per service."""

    period: Period
    since: dt.date
    until: dt.date
    cells: dict[str, dict[str, Cell]] = field(default_factory=dict)
    unknown_outcomes: set[str] = field(default_factory=set)

    def cell(self, service: str, period: str) -> Cell:
        return self.cells.setdefault(service, {}).setdefault(period, Cell())

    def share_known(self, service: str) -> bool:
        """False when the service's outcomes were not in the catalogue: no share is shown."""
        return service not in self.unknown_outcomes

    def periods(self) -> list[str]:
        return sorted({label for by_period in self.cells.values() for label in by_period})


def collect(
    store: AuditStore,
    *,
    since: dt.date,
    until: dt.date,
    period: Period,
    eligible: Mapping[str, frozenset[str]],
) -> TakeUp:
    """The counts of records dated ``since`` to ``until`` (both included, local days).

    ``eligible`` maps a service to its outcome codes that are a right (from the catalogue).
    """
    start, end = _utc_bounds(since, until)
    take_up = TakeUp(period=period, since=since, until=until)
    with store.session() as conn:
        grouped = conn.execute(_GROUPED, (start, end)).fetchall()
        runs = conn.execute(_BATCH_RUNS, (start, end)).fetchall()
    _fold_grouped(take_up, grouped, eligible)
    _fold_runs(take_up, runs)
    return take_up


def _utc_bounds(since: dt.date, until: dt.date) -> tuple[str, str]:
    start = dt.datetime.combine(since, dt.time()).astimezone()  # local midnight, DST and all
    end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time()).astimezone()
    return utc_text(start), utc_text(end)


def _local_day(hour_text: str, cache: dict[str, dt.date]) -> dt.date:
    day = cache.get(hour_text)
    if day is None:
        moment = dt.datetime.fromisoformat(hour_text + ":00:00+00:00")
        day = cache[hour_text] = moment.astimezone().date()
    return day


def _fold_grouped(
    take_up: TakeUp,
    rows: Iterable[tuple[Any, ...]],
    eligible: Mapping[str, frozenset[str]],
) -> None:
    days: dict[str, dt.date] = {}
    for hour, kind, service, desk, advised, applied, reason, problem, count in rows:
        label = take_up.period.label(_local_day(str(hour), days))
        cell = take_up.cell(str(service), label)
        rights = eligible.get(str(service))
        if rights is None:
            take_up.unknown_outcomes.add(str(service))
            rights = frozenset()
        n = int(count)
        if kind == RecordKind.ADVICE_SHOWN:
            _add_advice(cell, n, has_right=advised in rights, desk=str(desk))
        elif kind == RecordKind.OVERRIDE:
            cell.overrides[str(reason)] += n
            cell.granted += n * ((applied in rights) - (advised in rights))
        elif kind == RecordKind.MANUAL_DECISION:
            cell.manual += n
            cell.decided += n
            cell.granted += n * (applied in rights)
        else:
            cell.problems[str(problem) or "?"] += n
            cell.desks[str(desk)] += n


def _add_advice(cell: Cell, n: int, *, has_right: bool, desk: str) -> None:
    cell.advices += n
    cell.decided += n
    cell.desks[desk] += n
    if has_right:
        cell.eligible_advices += n
        cell.granted += n


def _fold_runs(take_up: TakeUp, runs: Iterable[tuple[Any, ...]]) -> None:
    for at, service, detail in runs:
        moment = dt.datetime.fromisoformat(str(at))
        cell = take_up.cell(str(service), take_up.period.label(moment.astimezone().date()))
        try:
            counts = json.loads(str(detail))
            rows, eligible = int(counts["rows"]), int(counts["eligible"])
        except (ValueError, KeyError, TypeError):
            continue  # a record of another format: not counted rather than guessed
        cell.batch_runs += 1
        cell.batch_rows += rows
        cell.batch_eligible += eligible
