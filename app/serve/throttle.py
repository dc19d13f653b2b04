# SPDX-License-Identifier: EUPL-1.2
"""Failed sign-ins per client address: after too many in a window, 429 until the window passes.

The server runs its routes on one event loop, so this plain table needs no lock. It keeps
at most ``max_addresses`` addresses, forgetting the quietest first.
"""

from __future__ import annotations

import math
import time
from collections import deque
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
    _failures: dict[str, deque[float]] = field(default_factory=dict)

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
                self._forget_quietest()
            failures = self._failures[address] = deque(maxlen=self.rule.max_failures)
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

    def _forget_quietest(self) -> None:
        quietest = min(self._failures, key=lambda address: self._failures[address][-1])
        del self._failures[quietest]
