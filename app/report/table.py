# SPDX-License-Identifier: EUPL-1.2
"""The report's numbers as shown: small cells suppressed, shares only where both sides are big.

A count of 1 to 4 is shown as ``<5`` (it would describe fewer than five people); a share is
shown only when both the people with and without a right number at least five. The same
rows feed the CSV, the HTML tables and the charts (where a suppressed value is a gap).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from app.report.figures import Cell, TakeUp

SMALL: Final = 5
SUPPRESSED: Final = "<5"


def shown(count: int) -> str:
    """The count as text: ``<5`` for 1 to 4."""
    return SUPPRESSED if 0 < count < SMALL else str(count)


def share(part: int, whole: int) -> float | None:
    """``part / whole`` in percent, or None if either group is smaller than SMALL."""
    if whole <= 0 or part < SMALL or whole - part < SMALL:
        return None
    return 100.0 * part / whole


def share_text(value: float | None) -> str:
    return "" if value is None else f"{value:.0f} %"


@dataclass(frozen=True, slots=True)
class Line:
    """One number of the report: which service, period, measure and code, and its value."""

    service: str
    period: str
    measure: str
    code: str
    value: str


def lines(take_up: TakeUp) -> list[Line]:
    """Every number, in the long form the CSV holds (suppressed where small)."""
    result: list[Line] = []
    for service in sorted(take_up.cells):
        for period, cell in sorted(take_up.cells[service].items()):
            measures = _measures(cell, known=take_up.share_known(service))
            result += [Line(service, period, *measure) for measure in measures]
    return result


def _measures(cell: Cell, *, known: bool) -> list[tuple[str, str, str]]:
    rows = [
        ("checks", "", shown(cell.checks)),
        ("advices", "", shown(cell.advices)),
        ("decided", "", shown(cell.decided)),
        ("with_right", "", shown(cell.granted) if known else ""),
        ("with_right_pct", "", share_text(share(cell.granted, cell.decided)) if known else ""),
        ("overrides", "", shown(sum(cell.overrides.values()))),
        ("manual_decisions", "", shown(cell.manual)),
        ("without_advice", "", shown(sum(cell.problems.values()))),
    ]
    rows += [("overrides", code, shown(n)) for code, n in sorted(cell.overrides.items())]
    rows += [("without_advice", code, shown(n)) for code, n in sorted(cell.problems.items())]
    rows += [("checks_at_desk", desk, shown(n)) for desk, n in sorted(cell.desks.items())]
    if cell.batch_runs:
        rows += [
            ("batch_runs", "", str(cell.batch_runs)),
            ("batch_rows", "", shown(cell.batch_rows)),
            ("batch_with_right", "", shown(cell.batch_eligible)),
            ("batch_with_right_pct", "", share_text(share(cell.batch_eligible, cell.batch_rows))),
        ]
    return rows
