# SPDX-License-Identifier: EUPL-1.2
"""A CardChannel that passes everything on and records each command and answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from eid.reader import CardChannel


class RecordingChannel:
    """Passes commands to a real (simulated) channel and records each command and answer."""

    def __init__(self, inner: CardChannel) -> None:
        self._inner = inner
        self.exchanges: list[tuple[bytes, bytes]] = []

    @property
    def atr(self) -> bytes:
        return self._inner.atr

    def transmit(self, command: bytes) -> bytes:
        response = self._inner.transmit(command)
        self.exchanges.append((command, response))
        return response

    def transaction(self) -> AbstractContextManager[None]:
        return self._inner.transaction()

    @property
    def commands(self) -> list[bytes]:
        return [command for command, _ in self.exchanges]

    def reads(self) -> list[tuple[int, bytes]]:
        """(offset, answer) of every READ BINARY."""
        return [
            ((command[2] << 8) | command[3], response)
            for command, response in self.exchanges
            if command[:2] == b"\x00\xb0"
        ]
