# SPDX-License-Identifier: EUPL-1.2
"""Composition root: builds the parts the commands and the desk use, as plain Python."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eid.card_profiles import PROFILES
from eid.pcsc import PcscCardReader
from eid.simulated import SimulatedCardReader

if TYPE_CHECKING:
    from eid.reader import CardReader

TRAINING_PROFILE = "v18"


def make_card_reader(*, training: bool, profile: str = TRAINING_PROFILE) -> CardReader:
    """Real PC/SC readers outside training mode; a simulated reader with a sample card inside it."""
    if not training:
        return PcscCardReader()
    reader = SimulatedCardReader()
    reader.insert(PROFILES[profile].make_card())
    return reader
