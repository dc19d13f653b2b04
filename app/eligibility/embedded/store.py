# SPDX-License-Identifier: EUPL-1.2
"""What the engine needs from a store (SQLite or PostgreSQL): lists, advices, overrides.

Both stores pseudonymise alike (HMAC-SHA256 under the installation key), keep issued advices
and received overrides by pseudonym, and record an override once per Idempotency-Key.
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - the named tuple's fields are read at run time
from dataclasses import astuple, dataclass
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable, Collection
    from contextlib import AbstractContextManager
    from pathlib import Path

    from app.eligibility.embedded.lists.rows import Lookup, SourceList
    from app.tables.excel_csv import CsvFormat
    from eid.insz import NationalNumber


class IssuedAdvice(NamedTuple):
    """An advice as remembered: enough to check a later override, never the number.

    A named tuple, not a frozen dataclass: one is made per advice, and this is cheaper.
    """

    advice_id: str
    service: str
    outcome_code: str
    pseudonym: bytes
    decided_at: dt.datetime
    rule_version: str | None
    grounds: str  # the fact codes that held, space-separated (codes, never values)


@dataclass(frozen=True, slots=True)
class OverrideRow:
    """A received override as stored, in the tables' column order."""

    idempotency_key: str
    body_hash: bytes
    override_id: str
    advice_id: str | None
    service: str
    outcome_code: str
    reason_code: str
    reason_text: str
    staff_id: str
    desk: str
    decided_at: dt.datetime
    pseudonym: bytes
    recorded_at: dt.datetime

    def values(self) -> tuple[object, ...]:
        return astuple(self)


@dataclass(frozen=True, slots=True)
class StoredOverride:
    """The override first recorded under a key: its body's hash and its receipt's fields."""

    body_hash: bytes
    override_id: str
    advice_id: str | None
    recorded_at: dt.datetime


class Store(Protocol):
    """The embedded engine's store: SourceStore (SQLite) or PostgresStore."""

    def pseudonym(self, number: NationalNumber) -> bytes: ...

    def lists(self) -> tuple[SourceList, ...]: ...

    def as_of(self, name: str) -> dt.date | None: ...

    def lookup(self, names: Collection[str], pseudonym: bytes, *, on: dt.date) -> Lookup: ...

    def member(self, name: str, pseudonym: bytes, on: dt.date) -> bool: ...

    def import_csv(
        self,
        name: str,
        path: Path,
        *,
        as_of: dt.date,
        allow_empty: bool = False,
        form: CsvFormat | None = None,
    ) -> SourceList: ...

    def remember_advice(self, advice: IssuedAdvice) -> None: ...

    def in_bulk(self) -> AbstractContextManager[None]:
        """Within the block, issued advices may be committed together (see EmbeddedEligibility)."""
        ...

    def record_override(
        self, key: str, prepare: Callable[[Callable[[str], tuple[str, bytes] | None]], OverrideRow]
    ) -> StoredOverride:
        """The override stored under ``key``; if none, ``prepare(owner)`` is stored (once, even
        when two processes try at the same time). ``owner(advice_id)``: the issued advice's
        service and pseudonym, or None if it was never issued."""
        ...

    def close(self) -> None: ...
