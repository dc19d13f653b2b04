# SPDX-License-Identifier: EUPL-1.2
"""uvicorn's HTTP/1.1 protocol with a deadline for the request head (against slowloris), and a
cap on connections whose excess gets a 503 problem (uvicorn's own 503 is plain text).

uvicorn closes an idle keep-alive connection, but a client that connects and sends nothing,
or sends half a request head byte by byte, is held for ever. Here each connection gets
``header_timeout_s`` after it opens, and again after each response, to deliver a whole
request head; otherwise it is closed. The body's own deadline is the route's (limits.py).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from app.serve.limits import OVER_CAPACITY

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger(__name__)


class HeadDeadlineProtocol(H11Protocol):
    """H11Protocol that closes a connection whose request head does not arrive in time."""

    header_timeout_s: float = 10.0
    max_connections: int = 256

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.max_connections:  # its requests get a 503 problem
            log.warning("more than %d connections at once", self.max_connections)
            self.app_state = {**self.app_state, OVER_CAPACITY: True}
        self._arm_head_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_head_deadline()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._busy():  # a whole head came in: the route takes over, with its own deadline
            self._disarm_head_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm_head_deadline()

    def _busy(self) -> bool:
        """A request is being answered (its head is in, its response is not yet out)."""
        return self.cycle is not None and not self.cycle.response_complete

    def _arm_head_deadline(self) -> None:
        self._disarm_head_deadline()
        self._head_deadline = self.loop.call_later(self.header_timeout_s, self._on_head_late)

    def _disarm_head_deadline(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _on_head_late(self) -> None:
        self._head_deadline = None
        if self._busy() or self.transport.is_closing():
            return
        log.info("closed a connection that sent no whole request head in time")
        self.transport.close()


def guarded_protocol(
    *, header_timeout_s: float, max_connections: int
) -> type[HeadDeadlineProtocol]:
    """A protocol class for ``uvicorn.Config(http=...)`` with this deadline and cap."""
    limits = {"header_timeout_s": header_timeout_s, "max_connections": max_connections}
    return type("HeadDeadlineProtocol", (HeadDeadlineProtocol,), limits)
