# SPDX-License-Identifier: EUPL-1.2
"""What the source store answers: its lists, and one person's rows on them (plain values).

Kept apart from the store's SQL so that another store (a server database) can give the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.problems import AppError, Problem

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping


@dataclass(frozen=True, slots=True)
class SourceList:
    """What the store knows about one imported list."""

    name: str
    rows: int
    as_of: dt.date
    imported_at: dt.datetime
    key_matches: bool = True
    columns: tuple[str, ...] = ()
    duplicates: int = 0  # rows found twice or more in the file, kept once (an import only)


@dataclass(frozen=True, slots=True)
class ListRow:
    """One row of a list about one person: its validity window and its other columns."""

    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    columns: Mapping[str, str] = field(default_factory=dict)

    def holds_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The imported lists as one connection last saw them (``PRAGMA data_version``)."""

    version: int
    names: dict[int, str]
    as_of: dict[str, dt.date]


@dataclass(frozen=True, slots=True)
class Lookup:
    """One person against some lists: each found list's date, and the person's rows on it.

    A list missing from ``as_of`` was never imported; an empty tuple in ``rows`` means "not
    on it".
    """

    as_of: dict[str, dt.date]
    rows: dict[str, tuple[ListRow, ...]]
    on: dt.date

    @property
    def member_of(self) -> frozenset[str]:
        """The lists with a row of the person valid on the day asked."""
        return frozenset(
            name for name, held in self.rows.items() if any(row.holds_on(self.on) for row in held)
        )

    def member(self, name: str) -> bool:
        """True if the person is on list ``name`` that day; INSUFFICIENT_DATA if it was never
        imported (never read as "no")."""
        if name not in self.as_of:
            raise AppError(Problem.INSUFFICIENT_DATA, f"source list '{name}' was never imported")
        return name in self.member_of
