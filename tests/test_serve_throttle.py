# SPDX-License-Identifier: EUPL-1.2
"""The sign-in throttle's table: its window, its Retry-After and its bounded size."""

from __future__ import annotations

from app.serve.throttle import AuthThrottle, ThrottleRule


class Clock:
    """A clock the test moves by hand (the throttle's window without waiting)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_serve_throttle_locks_out_after_max_failures_until_the_window_passes() -> None:
    clock = Clock()
    throttle = AuthThrottle(ThrottleRule(max_failures=3, window_s=60), clock)
    for _ in range(2):
        throttle.record_failure("10.0.0.1")
        clock.now += 10
    assert throttle.retry_after_s("10.0.0.1") is None
    throttle.record_failure("10.0.0.1")
    assert throttle.retry_after_s("10.0.0.1") == 40  # the first failure leaves at 1060
    assert throttle.retry_after_s("10.0.0.2") is None  # per address
    clock.now = 1060.5
    assert throttle.retry_after_s("10.0.0.1") is None


def test_serve_throttle_keeps_a_bounded_table() -> None:
    clock = Clock()
    throttle = AuthThrottle(ThrottleRule(max_failures=2, window_s=60, max_addresses=3), clock)
    for address in ("a", "b", "c"):
        throttle.record_failure(address)
    throttle.record_failure("a")  # a is locked out, and now the most recent
    throttle.record_failure("d")  # the table is full: b, the least recent, is forgotten
    assert throttle.retry_after_s("a") is not None
    assert len(throttle._failures) == 3  # noqa: SLF001 - the bound is the point
    assert "b" not in throttle._failures  # noqa: SLF001
