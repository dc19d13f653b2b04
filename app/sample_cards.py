# SPDX-License-Identifier: EUPL-1.2
"""Virtual eID cards for the sample citizens, for training mode's "insert card" menu and tests."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from eid.belpic import IDENTITY_FILE
from eid.card_profiles import ATR_V18, Person, card_data, identity_file
from eid.virtual_card import VirtualBelpicCard

if TYPE_CHECKING:
    from app.sample_data import SampleCitizen

ISSUED = dt.date(2024, 1, 15)


def card_for(citizen: SampleCitizen) -> VirtualBelpicCard:
    """A v1.8 card holding the citizen's (fictitious) national number."""
    number = citizen.national_number
    person = Person(number.digits, "01 JAN 1911", "Oefening")
    identity = identity_file(person, issued=ISSUED, newer_tags=True)
    return VirtualBelpicCard(
        atr=ATR_V18, files={IDENTITY_FILE: identity}, card_data=card_data(0x18, 0x1F)
    )
