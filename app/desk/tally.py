# SPDX-License-Identifier: EUPL-1.2
"""Today's tally at this desk: checks by outcome, overrides, manual decisions and problems.

Counted from the audit store's records of the local day (read only); counts and outcome
codes only, never a pseudonym, a reason text or a number.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.audit.records import RecordKind

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.audit.store import AuditStore


@dataclass(frozen=True, slots=True)
class DayTally:
    """``outcomes``: (outcome code, count) of the advices shown, most frequent first."""

    checks: int = 0
    outcomes: tuple[tuple[str, int], ...] = field(default=())
    overrides: int = 0
    manual: int = 0
    problems: int = 0


def local_day_start(now: dt.datetime) -> dt.datetime:
    """Midnight of ``now``'s local day, as an aware datetime."""
    local = now.astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def count_today(
    store: AuditStore,
    desk: str,
    *,
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
) -> DayTally:
    """The tally of ``desk``'s records since local midnight."""
    moment = now()
    outcomes: Counter[str] = Counter()
    kinds: Counter[RecordKind] = Counter()
    until = moment + dt.timedelta(minutes=1)
    for _seq, entry in store.records(local_day_start(moment), until):
        if entry.desk != desk:
            continue
        kinds[entry.kind] += 1
        if entry.kind is RecordKind.ADVICE_SHOWN and entry.advised_outcome:
            outcomes[entry.advised_outcome] += 1
    checks = kinds[RecordKind.ADVICE_SHOWN] + kinds[RecordKind.PROBLEM]
    return DayTally(
        checks=checks,
        outcomes=tuple(outcomes.most_common()),
        overrides=kinds[RecordKind.OVERRIDE],
        manual=kinds[RecordKind.MANUAL_DECISION],
        problems=kinds[RecordKind.PROBLEM],
    )
