# SPDX-License-Identifier: EUPL-1.2
"""Virtual eID cards for the sample citizens, for training mode's "insert card" menu and tests."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from eid.card_profiles import Person, signed_card

if TYPE_CHECKING:
    from app.eligibility.embedded.sample_data import SampleCitizen
    from eid.insz import NationalNumber
    from eid.virtual_card import VirtualBelpicCard

ISSUED = dt.date(2024, 1, 15)


def card_for(citizen: SampleCitizen) -> VirtualBelpicCard:
    """A v1.8 card holding the citizen's (fictitious) national number, signed by the sample PKI."""
    return card_with(citizen.national_number)


def card_with(number: NationalNumber) -> VirtualBelpicCard:
    """A genuine (sample PKI) v1.8 card holding ``number``, one of the sample set's."""
    person = Person(number.digits, "01 JAN 1911", "Oefening")
    return signed_card(person, issued=ISSUED)
