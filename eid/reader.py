# SPDX-License-Identifier: EUPL-1.2
"""The CardReader interface shared by the PC/SC and the simulated implementation.

Readers are named; insert and removal come as events from ``wait_for_change``; the state
at start is asked for with ``list_readers`` (or the first ``wait_for_change``), never assumed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from contextlib import AbstractContextManager


@dataclass(frozen=True, slots=True)
class ReaderStatus:
    """A reader now. ``card_events`` counts insertions and removals, so that a card swapped
    between two looks (present before, present after) is still seen as a new card."""

    name: str
    card_present: bool
    in_exclusive_use: bool = False
    card_events: int = 0


class EventKind(StrEnum):
    READER_ADDED = "reader-added"
    READER_REMOVED = "reader-removed"
    CARD_INSERTED = "card-inserted"
    CARD_REMOVED = "card-removed"


@dataclass(frozen=True, slots=True)
class ReaderEvent:
    kind: EventKind
    reader: str


class CardChannel(Protocol):
    """A connection to the card in one reader, as the BELPIC read flow needs it."""

    @property
    def atr(self) -> bytes: ...

    def transmit(self, command: bytes) -> bytes:
        """Send a command APDU, return the raw response APDU (data + SW1 SW2)."""
        ...

    def transaction(self) -> AbstractContextManager[None]:
        """Hold the card for a sequence of commands (a PC/SC transaction)."""
        ...


class CardReader(Protocol):
    """A source of readers and cards. Calls block; run them on the card thread."""

    def list_readers(self) -> list[ReaderStatus]:
        """Readers now, with whether a card is in each. Raises EidError(PCSC_UNAVAILABLE)."""
        ...

    def wait_for_change(self, timeout: float) -> list[ReaderEvent]:
        """Block up to ``timeout`` seconds for reader or card changes; [] on timeout.

        The first call reports what is there already (readers added, cards inserted).
        """
        ...

    def cancel(self) -> None:
        """Wake a ``wait_for_change`` blocked in another thread."""
        ...

    def connect(self, reader: str) -> AbstractContextManager[CardChannel]:
        """Connect in shared mode; leave the card as it is on exit."""
        ...

    def close(self) -> None: ...


Slots = dict[str, tuple[bool, int]]
"""reader name → (card present, card event count)"""


def slots_of(readers: list[ReaderStatus]) -> Slots:
    return {status.name: (status.card_present, status.card_events) for status in readers}


def events_between(before: Slots, after: Slots) -> list[ReaderEvent]:
    """The events that turn one look at the readers into the next."""
    events: list[ReaderEvent] = []
    for name in before.keys() - after.keys():
        if before[name][0]:
            events.append(ReaderEvent(EventKind.CARD_REMOVED, name))
        events.append(ReaderEvent(EventKind.READER_REMOVED, name))
    for name, (present, count) in after.items():
        if name not in before:
            events.append(ReaderEvent(EventKind.READER_ADDED, name))
        was_present, was_count = before.get(name, (False, count))
        swapped = was_present and present and count != was_count
        if was_present and (swapped or not present):
            events.append(ReaderEvent(EventKind.CARD_REMOVED, name))
        if present and (swapped or not was_present):
            events.append(ReaderEvent(EventKind.CARD_INSERTED, name))
    return events
