# SPDX-License-Identifier: EUPL-1.2
"""Until when an advice holds: a day of the year, a number of years, the end of a list row."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence


@dataclass(frozen=True, slots=True)
class Validity:
    """Until when an outcome holds: the earliest of a day of the year, a number of years after
    the day of the question, and the end of the list rows that granted it."""

    month_day: tuple[int, int] | None = None
    next_year: bool = False
    years: int | None = None
    list_end: bool = False

    def until(self, day: dt.date, ends: Sequence[dt.date]) -> dt.date | None:
        limits = []
        if self.month_day is not None:
            limits.append(_day_of_year(day, self.month_day, next_year=self.next_year))
        if self.years is not None:
            limits.append(_same_day(day, day.year + self.years))
        if self.list_end:
            limits.extend(ends)
        return min(limits, default=None)


def _same_day(day: dt.date, year: int) -> dt.date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a year without one
        return dt.date(year, 2, 28)


@functools.lru_cache(maxsize=1024)
def _day_of_year(day: dt.date, month_day: tuple[int, int], *, next_year: bool) -> dt.date:
    """That day of next year (``next_year``), else its next occurrence on or after ``day``."""
    month, mday = month_day
    found = _clamped(day.year + 1 if next_year else day.year, month, mday)
    if not next_year and found < day:
        found = _clamped(day.year + 1, month, mday)
    return found


def _clamped(year: int, month: int, mday: int) -> dt.date:
    """Day ``mday`` of that month, or its last day (there is no 30 February)."""
    return dt.date(year, month, min(mday, calendar.monthrange(year, month)[1]))
