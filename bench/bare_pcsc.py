# SPDX-License-Identifier: EUPL-1.2
"""The floor for the read benchmarks: ``smartcard.scard`` alone, no layer of ours in between.

Also the channels the breakdown uses: one that records what our read flow sends and gets,
and one that answers it from that recording without PC/SC (our Python cost alone).
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import TYPE_CHECKING, Any

from smartcard import scard

if TYPE_CHECKING:
    from collections.abc import Callable
    from contextlib import AbstractContextManager


CHUNK = 0xFC


def exact_read_commands(path: bytes, size: int) -> list[bytes]:
    """SELECT by path, then READ BINARY of exactly ``size`` bytes in chunks of at most 0xFC."""
    select = bytes([0x00, 0xA4, 0x08, 0x0C, len(path)]) + path
    chunks = [
        bytes([0x00, 0xB0, offset >> 8, offset & 0xFF, min(CHUNK, size - offset)])
        for offset in range(0, size, CHUNK)
    ]
    return [select, *chunks]


def _check(rv: int, what: str) -> None:
    if rv != scard.SCARD_S_SUCCESS:
        raise RuntimeError(f"bare pyscard: {what}: {scard.SCardGetErrorMessage(rv)}")


def establish_context() -> Any:
    rv, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    _check(rv, "establish context")
    return context


def release_context(context: Any) -> None:
    scard.SCardReleaseContext(context)


class BareCard:
    """One shared-mode connection made with ``smartcard.scard`` calls and nothing else."""

    def __init__(self, context: Any, reader: str) -> None:
        self.context = context
        self.reader = reader
        self.handle: Any = None
        self.protocol = 0
        self.connect()

    def connect(self) -> None:
        protocols = scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1
        rv, self.handle, self.protocol = scard.SCardConnect(
            self.context, self.reader, scard.SCARD_SHARE_SHARED, protocols
        )
        _check(rv, "connect")

    def disconnect(self) -> None:
        scard.SCardDisconnect(self.handle, scard.SCARD_LEAVE_CARD)

    def reconnect(self) -> None:
        """Disconnect and connect again: the PC/SC cost of a connection per read."""
        self.disconnect()
        self.connect()

    def status(self) -> bytes:
        """SCardStatus, which is how a channel gets the ATR."""
        rv, _reader, _state, _protocol, atr = scard.SCardStatus(self.handle)
        _check(rv, "status")
        return bytes(atr)

    def empty_transaction(self) -> None:
        _check(scard.SCardBeginTransaction(self.handle), "begin transaction")
        scard.SCardEndTransaction(self.handle, scard.SCARD_LEAVE_CARD)

    def script(self, exchanges: list[tuple[bytes, bytes]]) -> Callable[[], bytes]:
        """A read that sends these commands in one transaction and expects these status words.

        Returns the data bytes of all answers joined.
        """
        steps = [(list(command), list(response[-2:])) for command, response in exchanges]
        sc, handle, protocol = scard, self.handle, self.protocol

        def read() -> bytes:
            _check(sc.SCardBeginTransaction(handle), "begin transaction")
            data: list[int] = []
            try:
                for command, sw in steps:
                    rv, response = sc.SCardTransmit(handle, protocol, command)
                    if rv != sc.SCARD_S_SUCCESS or response[-2:] != sw:
                        raise RuntimeError(f"bare pyscard: {bytes(command[:2]).hex()} failed")
                    data += response[:-2]
            finally:
                sc.SCardEndTransaction(handle, sc.SCARD_LEAVE_CARD)
            return bytes(data)

        return read


class ReplayChannel:
    """A CardChannel answering from a recording, in-process: our read flow with no PC/SC."""

    def __init__(
        self, exchanges: list[tuple[bytes, bytes]], atr: bytes, on_command: Callable[[int], None]
    ) -> None:
        self._answers = dict(exchanges)
        self._atr = atr
        self._on_command = on_command

    @property
    def atr(self) -> bytes:
        return self._atr

    def transmit(self, command: bytes) -> bytes:
        self._on_command(0)
        return self._answers[command]

    def transaction(self) -> AbstractContextManager[None]:
        return nullcontext()
