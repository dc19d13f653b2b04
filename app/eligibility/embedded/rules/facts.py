# SPDX-License-Identifier: EUPL-1.2
"""A fact about one person on one day: on a list, a column of their row or an age, compared.

True, false or unknown (``None``): unknown when the list was never imported, the column is
empty or unreadable on the person's row, or the age cannot be known. Never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.eligibility.embedded.lists.rows import ListRow
    from app.eligibility.embedded.rules.model import Person, Truth

Scalar = int | float | str
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


@dataclass(frozen=True, slots=True)
class Comparison:
    """One comparison of a value with the rule's: ``<``, ``<=``, ``=``, ``>=``, ``>`` or ``in``."""

    op: str
    value: Scalar | tuple[Scalar, ...]

    @property
    def numeric(self) -> bool:
        values = self.value if isinstance(self.value, tuple) else (self.value,)
        return not any(isinstance(v, str) for v in values)

    def test(self, given: float | str) -> bool:
        if self.op == "in":
            assert isinstance(self.value, tuple)
            return given in {_normal(v) for v in self.value}
        value = _normal(self.value)  # type: ignore[arg-type]
        if self.op == "=":
            return given == value
        assert isinstance(given, float)
        assert isinstance(value, float)
        return bool(_ORDER[self.op](given, value))


_ORDER = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">=": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
}


def _normal(value: Scalar) -> float | str:
    return value.strip().casefold() if isinstance(value, str) else float(value)


@dataclass(frozen=True, slots=True)
class FactTest:
    """A fact: on a list (``on_list``), optionally a column or an age compared with values."""

    code: str
    on_list: str | None = None
    column: str | None = None
    age: str | None = None  # "insz" (the national number's birth date) or a column name
    comparisons: tuple[Comparison, ...] = ()

    def evaluate(self, person: Person, day: dt.date) -> tuple[Truth, dt.date | None]:
        """Whether the fact holds on ``day``, and the end of the list row that made it hold."""
        if self.on_list is None:
            return self._compare(_age(person.birth_date, day)), None
        rows = person.rows.get(self.on_list)
        if rows is None:
            return None, None  # never imported: unknown, not "no"
        if not rows:
            return False, None  # imported, and the person is not on it
        truth: Truth = False
        ends: list[dt.date | None] = []
        for row in rows:
            if not row.holds_on(day):
                continue
            held = self._row_truth(row, person, day)
            if held:
                ends.append(row.valid_to)
            elif held is None:
                truth = None
        if ends:
            return True, None if None in ends else max(e for e in ends if e is not None)
        return truth, None

    def _row_truth(self, row: ListRow, person: Person, day: dt.date) -> Truth:
        if self.age == "insz":
            return self._compare(_age(person.birth_date, day))
        if self.age is not None:
            return self._compare(_age(_date(row.columns.get(self.age)), day))
        if self.column is not None:
            return self._compare_text(row.columns.get(self.column))
        return True

    def _compare_text(self, cell: str | None) -> Truth:
        if cell is None or not cell.strip():
            return None
        if all(c.numeric for c in self.comparisons):
            return self._compare(_number(cell))
        return all(c.test(_normal(cell)) for c in self.comparisons)

    def _compare(self, value: float | None) -> Truth:
        if value is None:
            return None
        return all(c.test(value) for c in self.comparisons)


def _age(birth: dt.date | None, day: dt.date) -> float | None:
    """Completed years on ``day``; None when the birth date is unknown or after ``day``."""
    if birth is None or birth > day:
        return None
    return float(day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day)))


def _number(cell: str) -> float | None:
    text = cell.strip().replace(" ", "").replace("\u00a0", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def _date(cell: str | None) -> dt.date | None:
    """An ISO date (YYYY-MM-DD) or a Belgian one (DD/MM/YYYY); None if empty or unreadable."""
    text = (cell or "").strip()
    try:
        found = _DMY.match(text)
        if found is not None:
            return dt.date(int(found[3]), int(found[2]), int(found[1]))
        return dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None
