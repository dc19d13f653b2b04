# SPDX-License-Identifier: EUPL-1.2
"""SimulatedCardReader: in-process readers holding virtual cards, for training mode and tests.

A first-class CardReader: the read flow above it cannot tell it from PC/SC.
"""

from __future__ import annotations

import threading
import time
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TYPE_CHECKING

from eid.errors import CardFault, EidError
from eid.reader import CardChannel, ReaderEvent, ReaderStatus, Slots, events_between, slots_of
from eid.virtual_card import CardPulled, VirtualBelpicCard

if TYPE_CHECKING:
    from collections.abc import Iterator

DEFAULT_READER = "Oefenlezer"


class SimulatedCardReader:
    """Named slots that virtual cards are put into and taken out of, from any thread."""

    def __init__(self, readers: tuple[str, ...] = (DEFAULT_READER,)) -> None:
        self._cards: dict[str, VirtualBelpicCard | None] = dict.fromkeys(readers)
        self._events = dict.fromkeys(readers, 0)
        self._changed = threading.Condition(threading.RLock())  # list_readers nests
        self._reported: Slots = {}
        self._cancelled = False

    # -- driving the simulation ------------------------------------------------------
    def insert(self, card: VirtualBelpicCard, reader: str = DEFAULT_READER) -> None:
        with self._changed:
            self._require(reader)
            card.reset()
            self._events[reader] += 1 if self._cards[reader] is None else 2  # out, then in
            self._cards[reader] = card
            self._changed.notify_all()

    def remove(self, reader: str = DEFAULT_READER) -> None:
        with self._changed:
            self._require(reader)
            if self._cards[reader] is not None:
                self._events[reader] += 1
            self._cards[reader] = None
            self._changed.notify_all()

    # -- CardReader ------------------------------------------------------------------
    def list_readers(self) -> list[ReaderStatus]:
        with self._changed:
            return [
                ReaderStatus(name, card is not None, card_events=self._events[name])
                for name, card in self._cards.items()
            ]

    def wait_for_change(self, timeout: float) -> list[ReaderEvent]:
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                now = slots_of(self.list_readers())
                events = events_between(self._reported, now)
                if events:
                    self._reported = now
                    return events
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._cancelled:
                    self._cancelled = False
                    return []
                self._changed.wait(remaining)

    def cancel(self) -> None:
        with self._changed:
            self._cancelled = True
            self._changed.notify_all()

    def connect(self, reader: str) -> AbstractContextManager[CardChannel]:
        return self._connect(reader)

    @contextmanager
    def _connect(self, reader: str) -> Iterator[CardChannel]:
        with self._changed:
            self._require(reader)
            card = self._cards[reader]
        if card is None:
            raise EidError(CardFault.NO_CARD, f"no card in {reader!r}")
        yield _SimulatedChannel(self, reader, card)

    def close(self) -> None:
        self.cancel()

    # -- internals -------------------------------------------------------------------
    def _require(self, reader: str) -> None:
        if reader not in self._cards:
            raise EidError(CardFault.READER_NOT_FOUND, f"no simulated reader {reader!r}")

    def _holds(self, reader: str, card: VirtualBelpicCard) -> bool:
        with self._changed:
            return self._cards.get(reader) is card


class _SimulatedChannel:
    def __init__(self, owner: SimulatedCardReader, reader: str, card: VirtualBelpicCard) -> None:
        self._owner = owner
        self._reader = reader
        self._card = card

    @property
    def atr(self) -> bytes:
        return self._card.atr

    def transmit(self, command: bytes) -> bytes:
        if not self._owner._holds(self._reader, self._card):
            raise EidError(CardFault.CARD_REMOVED, "card taken out of the simulated reader")
        try:
            return self._card.process(command)
        except CardPulled:
            self._owner.remove(self._reader)
            raise EidError(CardFault.CARD_REMOVED, "card taken out during a command") from None

    def transaction(self) -> AbstractContextManager[None]:
        return nullcontext()
