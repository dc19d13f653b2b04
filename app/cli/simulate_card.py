# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck simulate-card``: keep a virtual eID in a vpcd reader until interrupted."""

from __future__ import annotations

import signal
import threading
from typing import TYPE_CHECKING

from eid.belpic import IDENTITY_FILE
from eid.card_profiles import PROFILES, card_from_files

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from types import FrameType

    from eid.virtual_card import VirtualBelpicCard
    from eid.vpcd import VpcdSlot


def make_virtual_card(profile: str, identity_file: Path | None) -> VirtualBelpicCard:
    """A profile's card, or a card serving the given raw identity file (OSError if unreadable)."""
    if identity_file is not None:
        return card_from_files({IDENTITY_FILE: identity_file.read_bytes()})
    return PROFILES[profile].make_card()


def hold_card_in_vpcd(
    slot: VpcdSlot, card: VirtualBelpicCard, stop: threading.Event, on_inserted: Callable[[], None]
) -> None:
    """Insert the card and keep it in until ``stop`` is set, then take it out."""
    slot.insert(card, connect_timeout=3)
    on_inserted()
    try:
        while not stop.wait(0.2):
            if not slot.inserted:  # vpcd went away (pcscd stopped)
                break
    finally:
        slot.remove()


def stop_on_signals() -> threading.Event:
    """An event set by SIGINT or SIGTERM, so Ctrl+C and a service stop both take the card out."""
    stop = threading.Event()

    def handler(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)
    return stop
