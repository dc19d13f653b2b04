# SPDX-License-Identifier: EUPL-1.2
"""What a batch run says about each row, and about the whole run: outcomes, problems, lines.

``result_of_advice`` is the one place an advice becomes a row's outcome, through the same
verdict check as the desk and ``check`` (app.eligibility.verdicts: the outcome one of the
service's in the catalogue, ``eligible`` as there, not expired, data not from the future);
what it refuses becomes the row's problem, like any other, never an outcome.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from app.eligibility.verdicts import check_verdict
from app.problems import AppError, Problem

if TYPE_CHECKING:
    import datetime as dt

    from app.batch.rows import BatchRow
    from app.eligibility.wire import Advice, Service

COLUMNS: Final = ("ref", "outcome", "eligible", "data_as_of", "valid_until", "problem")
CHANGE_COLUMN: Final = "previous_outcome"
NOT_DECIDED: Final = "NOT_DECIDED"
MAX_LINES_SHOWN = 20

# What the backend says about this person: the row gets the problem and the run goes on.
# Anything else (unreachable, slow, 503, refused, garbage) is about the backend: retried, and
# a run that keeps meeting it stops, leaving the rest not decided.
ROW_PROBLEMS: Final = frozenset(
    {Problem.INVALID_INSZ, Problem.PERSON_UNKNOWN, Problem.INSUFFICIENT_DATA}
)


@dataclass(frozen=True, slots=True)
class RowResult:
    """One output row. ``decided`` False: the run could not ask; nothing was filled in."""

    line: int
    ref: str
    outcome: str | None = None
    eligible: bool | None = None
    data_as_of: dt.date | None = None
    valid_until: dt.date | None = None
    problem: str | None = None
    decided: bool = True

    def cells(self) -> list[str]:
        """The output columns (COLUMNS) as text; no national number can be among them."""
        eligible = "" if self.eligible is None else ("true" if self.eligible else "false")
        return [
            self.ref,
            self.outcome or "",
            eligible,
            self.data_as_of.isoformat() if self.data_as_of else "",
            self.valid_until.isoformat() if self.valid_until else "",
            self.problem or "",
        ]


def result_of_advice(row: BatchRow, advice: Advice, service: Service) -> RowResult:
    """The row's outcome from its advice, once the verdict check against ``service`` passed."""
    try:
        advice = check_verdict(advice, (service,), service=service.code)
    except AppError as exc:
        return result_of_problem(row, exc.problem.value)
    return RowResult(
        line=row.line,
        ref=row.ref,
        outcome=advice.outcome.code,
        eligible=advice.outcome.eligible,
        data_as_of=advice.data_as_of,
        valid_until=advice.valid_until,
    )


def result_of_problem(row: BatchRow, problem: str) -> RowResult:
    return RowResult(line=row.line, ref=row.ref, problem=problem)


def not_decided(row: BatchRow) -> RowResult:
    return RowResult(line=row.line, ref=row.ref, problem=NOT_DECIDED, decided=False)


@dataclass(slots=True)
class Lines:
    """Line numbers worth naming: the first MAX_LINES_SHOWN, as ranges, and how many in all."""

    count: int = 0
    ranges: list[list[int]] = field(default_factory=list)

    def add(self, line: int) -> None:
        self.count += 1
        if self.ranges and self.ranges[-1][1] + 1 == line:
            self.ranges[-1][1] = line
        elif len(self.ranges) < MAX_LINES_SHOWN:
            self.ranges.append([line, line])

    def text(self) -> str:
        parts = [str(a) if a == b else f"{a}-{b}" for a, b in self.ranges]
        shown = sum(b - a + 1 for a, b in self.ranges)
        more = f", … (+{self.count - shown})" if self.count > shown else ""
        return ", ".join(parts) + more


@dataclass(slots=True)
class RunSummary:
    """Counts of a run: by outcome (and with a right), by problem, and the lines to look at."""

    rows: int = 0
    written: int = 0
    eligible: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    problems: Counter[str] = field(default_factory=Counter)
    problem_lines: Lines = field(default_factory=Lines)
    undecided: Lines = field(default_factory=Lines)
    stopped_by: str | None = None  # the backend problem that stopped the run

    def count(self, result: RowResult) -> None:
        self.rows += 1
        if not result.decided:
            self.undecided.add(result.line)
            self.problems[NOT_DECIDED] += 1
        elif result.problem is not None:
            self.problems[result.problem] += 1
            self.problem_lines.add(result.line)
        elif result.outcome is not None:
            self.outcomes[result.outcome] += 1
            self.eligible += bool(result.eligible)

    @property
    def complete(self) -> bool:
        return self.undecided.count == 0
