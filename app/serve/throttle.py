# SPDX-License-Identifier: EUPL-1.2
"""Failed sign-ins per client address: after too many in a window, 429 until the window passes.

The server runs its routes on one event loop, so this plain table needs no lock. It keeps
at most ``max_addresses`` addresses, forgetting the least recently failed first.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable


@dataclass(frozen=True, slots=True)
class ThrottleRule:
    """``max_failures`` failed sign-ins within ``window_s`` seconds lock an address out."""

    max_failures: int = 10
    window_s: float = 60.0
    max_addresses: int = 10_000


@dataclass
class AuthThrottle:
    rule: ThrottleRule = ThrottleRule()
    clock: Callable[[], float] = time.monotonic
    # Least recently failed first: the one forgotten when the table is full.
    _failures: OrderedDict[str, deque[float]] = field(default_factory=OrderedDict)

    def retry_after_s(self, address: str) -> int | None:
        """Seconds until ``address`` may try again, or None when it may try now."""
        failures = self._recent(address)
        if failures is None or len(failures) < self.rule.max_failures:
            return None
        wait = failures[-self.rule.max_failures] + self.rule.window_s - self.clock()
        return max(1, math.ceil(wait))

    def record_failure(self, address: str) -> None:
        failures = self._recent(address)
        if failures is None:
            if len(self._failures) >= self.rule.max_addresses:
                self._failures.popitem(last=False)
            failures = self._failures[address] = deque(maxlen=self.rule.max_failures)
        self._failures.move_to_end(address)
        failures.append(self.clock())

    def _recent(self, address: str) -> deque[float] | None:
        """The address's failures within the window (older ones dropped), None if none."""
        failures = self._failures.get(address)
        if failures is None:
            return None
        horizon = self.clock() - self.rule.window_s
        while failures and failures[0] <= horizon:
            failures.popleft()
        if not failures:
            del self._failures[address]
            return None
        return failures
