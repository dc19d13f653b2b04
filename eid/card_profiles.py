# SPDX-License-Identifier: EUPL-1.2
"""Sample virtual eID cards (profiles) for training mode, ``simulate-card`` and the tests.

All people here are made up. Their national numbers are computed from a birth date and a
serial in the 980s and 990s, so no number is copied from a real person's card. The cards
are signed by the sample PKI (genuine to a process trusting ``sample_trust()``); the
``forged-*`` and ``programmed`` cards each fail one authenticity step.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eid.belpic import IDENTITY_FILE
from eid.sample_signing import AUTHENTICITY_FILES, Forgery, Signer, served_identity
from eid.tlv import encode_tlv
from eid.virtual_card import LazyFiles, VirtualBelpicCard

if TYPE_CHECKING:
    from collections.abc import Callable

ATR_V17 = bytes.fromhex("3B9813400AA503010101AD1311")
ATR_V18 = bytes.fromhex("3B7F96000080318065B085040120120FFF829000")
ATR_BANK_CARD = bytes.fromhex("3B6E00000031C071D66438FE0100F00F9000")


def synthetic_number(birth: dt.date | None, serial: int, *, month_offset: int = 0) -> str:
    """A national (or BIS, with ``month_offset`` 20/40) number with a correct checksum."""
    if birth is None:
        head = f"00{month_offset:02d}01{serial:03d}"  # birth date unknown
        year = 1900
    else:
        head = f"{birth:%y}{birth.month + month_offset:02d}{birth:%d}{serial:03d}"
        year = birth.year
    base = int(("2" if year >= 2000 else "") + head)
    return f"{head}{97 - base % 97:02d}"


def card_data(applet_version: int, length: int = 0x1C) -> bytes:
    """A GET CARD DATA answer: 16-byte serial, then chip fields; byte 21 = applet version."""
    data = bytearray(length)
    data[0:16] = bytes.fromhex("534C494E33660000000000000000BC01")
    data[16:21] = bytes([0x01, 0xF0, 0x02, 0x01, 0x01])
    data[21] = applet_version
    return bytes(data)


@dataclass(frozen=True, slots=True)
class Person:
    national_number: str
    birth_text: str
    first_names: str
    nationality: str = "BELG"
    document_type: str = "1"


def identity_file(person: Person, *, issued: dt.date, newer_tags: bool = False) -> bytes:
    """An identity file as a card holds it, with the tags of a v1.7 or (newer_tags) v1.8 card."""
    until = issued.replace(year=issued.year + 10)
    fields: list[tuple[int, bytes]] = [
        (0x01, b"592000000999"),
        (0x02, bytes.fromhex("534C494E336600000000000000000000")),
        (0x03, f"{issued:%d.%m.%Y}".encode()),
        (0x04, f"{until:%d.%m.%Y}".encode()),
        (0x05, b"Oefengem"),
        (0x06, person.national_number.encode()),
        (0x07, b"Oefenkaart"),
        (0x08, person.first_names.encode()),
        (0x09, b""),
        (0x0A, person.nationality.encode()),
        (0x0B, b"Oefengem"),
        (0x0C, person.birth_text.encode()),
        (0x0D, b"V"),
        (0x0E, b""),
        (0x0F, person.document_type.encode()),
        (0x10, b"0"),
        (0x11, bytes(range(32)) if newer_tags else bytes(range(20))),
    ]
    if newer_tags:
        fields += [(0x12, b"0"), (0x13, b""), (0x14, b""), (0x15, b""), (0x19, b"")]
        fields += [(0x1A, bytes(range(48)))]  # basic public key hash
    return encode_tlv(fields)


@dataclass(frozen=True, slots=True)
class CardProfile:
    """A named sample card: what it holds and how it behaves."""

    name: str
    description: str
    national_number: str | None
    make_card: Callable[[], VirtualBelpicCard]


ISSUED = dt.date(2022, 3, 14)


@dataclass(frozen=True, slots=True)
class _Spec:
    """How a sample eID is made and behaves."""

    version: int
    signer: Signer | None = None  # None: EC on 1.8, RSA with SHA-256 on 1.7
    forgery: Forgery | None = None
    signed: bool = True  # False: a programmed card without signature or certificates
    pad_to: int = 0
    applet_selected_at_reset: bool = True
    card_data_via_get_response: bool = False
    issued: dt.date = ISSUED


def _authenticity_files(
    identity: bytes, signer: Signer, forgery: Forgery | None
) -> dict[bytes, bytes]:
    """The sample PKI's files for ``identity``: cryptography loads when a card is first read,
    not when the sample cards are made (the training desk's start makes them all)."""
    from eid.sample_pki import authenticity_files  # noqa: PLC0415

    return authenticity_files(identity, signer, forgery)


def _eid(person: Person, spec: _Spec) -> Callable[[], VirtualBelpicCard]:
    newer = spec.version >= 0x18
    identity = identity_file(person, issued=spec.issued, newer_tags=newer).ljust(spec.pad_to, b"\0")
    signer = spec.signer or (Signer.EC if newer else Signer.RSA_SHA256)
    served = served_identity(identity, spec.forgery)
    data = card_data(spec.version, 0x1F if newer else 0x1C)
    # Signed on the first read of a signature file, once per process (keys are made then).
    signed = functools.cache(lambda: _authenticity_files(identity, signer, spec.forgery))

    def make() -> VirtualBelpicCard:
        later = AUTHENTICITY_FILES if spec.signed else ()
        return VirtualBelpicCard(
            atr=ATR_V18 if newer else ATR_V17,
            files=LazyFiles({IDENTITY_FILE: served}, later, signed),
            card_data=data,
            applet_selected_at_reset=spec.applet_selected_at_reset,
            card_data_via_get_response=spec.card_data_via_get_response,
        )

    return make


_V17 = Person(synthetic_number(dt.date(1985, 7, 30), 998), "30 JUL 1985", "An")
_V18 = Person(synthetic_number(dt.date(1979, 11, 2), 996), "02 NOV 1979", "Zoe\u0308 Ange\u0300le")
_FOREIGNER = Person(
    synthetic_number(dt.date(1990, 2, 17), 994), "17 FEB 1990", "Joost", "Nederlander", "11"
)
_BIS = Person(
    synthetic_number(dt.date(1972, 6, 9), 992, month_offset=40),
    "09 JUN 1972",
    "Marek",
    "Pool",
    "11",
)
_BORN_2000 = Person(synthetic_number(dt.date(2004, 9, 21), 990), "21 SEP 2004", "Lina")
_UNKNOWN_BIRTH = Person(synthetic_number(None, 988), "", "Onbekend")
_INVALID = Person("71715100070", "01 JAN 1971", "Specimen")
_COPY = Person(synthetic_number(dt.date(1988, 4, 12), 986), "12 APR 1988", "Nagemaakt")
_FULL = identity_file(_V17, issued=ISSUED)
_CORRUPT = _FULL[: _FULL.index(b"\x07\x0aOefenkaart")] + b"\x07\xf0Oe"  # length past the end
_F = Forgery

_SAMPLES: tuple[tuple[str, str, Person, _Spec], ...] = (
    (
        "v17",
        "eID 1.7 (RSA generation, SHA-256; RRN certificate expired since 2023), card data via 61xx",
        _V17,
        _Spec(0x17, card_data_via_get_response=True),
    ),
    (
        "v18",
        "eID 1.8 (EC generation), newer tags, file padded to 2 chunks, "
        "applet not selected at reset",
        _V18,
        _Spec(0x18, applet_selected_at_reset=False, pad_to=2 * 0xFC),
    ),
    ("foreigner", "foreigner's card (type 11)", _FOREIGNER, _Spec(0x18)),
    ("bis", "holder of a BIS number", _BIS, _Spec(0x18)),
    ("born-2000", "born after 2000", _BORN_2000, _Spec(0x18)),
    (
        "unknown-birth-date",
        "birth date unknown when the number was issued (RSA, SHA-1)",
        _UNKNOWN_BIRTH,
        _Spec(0x17, Signer.RSA_SHA1),
    ),
    (
        "invalid-number",
        "specimen card with month 71: not a valid number",
        _INVALID,
        _Spec(0x17, Signer.RSA_SHA1),
    ),
    ("forged-byte", f"forged: {_F.CHANGED_BYTE}", _COPY, _Spec(0x18, forgery=_F.CHANGED_BYTE)),
    (
        "forged-byte-rsa",
        f"forged 1.7 (RSA, SHA-1): {_F.CHANGED_BYTE}",
        _COPY,
        _Spec(0x17, Signer.RSA_SHA1, _F.CHANGED_BYTE),
    ),
    ("forged-key", f"forged: {_F.OTHER_KEY}", _COPY, _Spec(0x18, forgery=_F.OTHER_KEY)),
    ("forged-chain", f"forged: {_F.OTHER_ROOT}", _COPY, _Spec(0x18, forgery=_F.OTHER_ROOT)),
    ("forged-root", f"forged: {_F.UNPINNED_ROOT}", _COPY, _Spec(0x18, forgery=_F.UNPINNED_ROOT)),
    (
        "forged-validity",
        f"forged: {_F.NOT_VALID_AT_ISSUE}",
        _COPY,
        _Spec(0x18, forgery=_F.NOT_VALID_AT_ISSUE),
    ),
    ("forged-usage", f"forged: {_F.WRONG_USAGE}", _COPY, _Spec(0x18, forgery=_F.WRONG_USAGE)),
    (
        "programmed",
        "a programmed card: the identity file, no signature or certificates",
        _COPY,
        _Spec(0x18, signed=False),
    ),
)

PROFILES: dict[str, CardProfile] = {
    name: CardProfile(name, description, person.national_number, _eid(person, spec))
    for name, description, person, spec in _SAMPLES
}
PROFILES["corrupt-tlv"] = CardProfile(
    "corrupt-tlv",
    "identity file with a length past its end",
    None,
    lambda: VirtualBelpicCard(
        atr=ATR_V17, files={IDENTITY_FILE: _CORRUPT}, card_data=card_data(0x17)
    ),
)
PROFILES["not-eid"] = CardProfile(
    "not-eid",
    "a bank card: no BELPIC applet",
    None,
    lambda: VirtualBelpicCard(atr=ATR_BANK_CARD, files={}, is_belpic=False),
)


def signed_card(person: Person, *, issued: dt.date = ISSUED) -> VirtualBelpicCard:
    """A genuine 1.8 sample eID for ``person`` (signed by the sample PKI when first read)."""
    return _eid(person, _Spec(0x18, issued=issued))()


def card_from_files(files: dict[bytes, bytes], *, applet_version: int = 0x18) -> VirtualBelpicCard:
    """A card serving raw card files (e.g. a specimen card's), keyed by 6-byte path."""
    newer = applet_version >= 0x18
    return VirtualBelpicCard(
        atr=ATR_V18 if newer else ATR_V17, files=files, card_data=card_data(applet_version)
    )
