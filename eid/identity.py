# SPDX-License-Identifier: EUPL-1.2
"""What we take from the identity file (3F00 DF01 4031): national number and validity dates.

Names, birth data and the other fields stay unread: no feature needs them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from eid.errors import CardFault, EidError
from eid.insz import NationalNumber
from eid.tlv import parse_tlv, text_field

TAG_VALIDITY_BEGIN = 0x03
TAG_VALIDITY_END = 0x04
TAG_NATIONAL_NUMBER = 0x06


@dataclass(frozen=True, slots=True)
class CardIdentity:
    """The parts of the identity file a feature needs; ``raw`` is kept for the signature check."""

    national_number: NationalNumber
    valid_from: dt.date
    valid_until: dt.date
    raw: bytes = field(repr=False)

    def is_expired(self, today: dt.date) -> bool:
        return today > self.valid_until


def parse_identity(raw: bytes) -> CardIdentity:
    """Parse the identity file. Corrupt TLV or dates → CARD_DATA_CORRUPT; a bad number →
    NATIONAL_NUMBER_INVALID."""
    fields = parse_tlv(raw)
    valid_from = _parse_date(text_field(fields, TAG_VALIDITY_BEGIN), "validity begin")
    valid_until = _parse_date(text_field(fields, TAG_VALIDITY_END), "validity end")
    number = NationalNumber(text_field(fields, TAG_NATIONAL_NUMBER))
    return CardIdentity(
        national_number=number, valid_from=valid_from, valid_until=valid_until, raw=bytes(raw)
    )


def _parse_date(text: str, what: str) -> dt.date:
    """Card dates are ``DD.MM.YYYY``."""
    try:
        return dt.datetime.strptime(text, "%d.%m.%Y").date()
    except ValueError:
        raise EidError(CardFault.CARD_DATA_CORRUPT, f"{what} date is not DD.MM.YYYY") from None
