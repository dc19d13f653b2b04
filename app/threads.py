# SPDX-License-Identifier: EUPL-1.2
"""The worker threads: one card thread (bc-eid), a small HTTP pool (bc-net), one store thread.

Nothing here blocks the GUI thread; results come back through app callbacks.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

CARD_THREAD = "bc-eid"
NET_PREFIX = "bc-net"
STORE_PREFIX = "bc-store"


def assert_on(prefix: str) -> None:
    """Guard an entry point that must run on one kind of worker thread."""
    name = threading.current_thread().name
    if not name.startswith(prefix):
        raise AssertionError(f"must run on a {prefix} thread, not on {name!r}")


class Executors:
    """The pools for HTTP calls and store writes; shut down in reverse order of use."""

    def __init__(self, *, net_workers: int = 4) -> None:
        self.net = ThreadPoolExecutor(max_workers=net_workers, thread_name_prefix=NET_PREFIX)
        self.store = ThreadPoolExecutor(max_workers=1, thread_name_prefix=STORE_PREFIX)

    def shutdown(self) -> None:
        """Drain the store thread (writes must land), then drop pending HTTP calls."""
        self.store.shutdown(wait=True)
        self.net.shutdown(wait=True, cancel_futures=True)
