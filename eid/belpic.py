# SPDX-License-Identifier: EUPL-1.2
"""The BELPIC read flow: select by path, read a file of unknown size, card generation.

It talks to any CardChannel, so PC/SC cards and simulated cards take the same path. With a
CardVerifier the same transaction also reads what the authenticity check needs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eid import apdu
from eid.errors import CardFault, CardNotGenuineError, EidError
from eid.identity import CardIdentity, parse_identity

if TYPE_CHECKING:
    from eid.authenticity import Authenticity, CardFiles, CardVerifier
    from eid.reader import CardChannel

log = logging.getLogger(__name__)

IDENTITY_FILE = bytes.fromhex("3F00DF014031")
IDENTITY_SIGNATURE_FILE = bytes.fromhex("3F00DF014032")
ADDRESS_FILE = bytes.fromhex("3F00DF014033")
RRN_CERTIFICATE_FILE = bytes.fromhex("3F00DF00503C")
ROOT_CERTIFICATE_FILE = bytes.fromhex("3F00DF00503B")

# READ BINARY's offset has 15 bits, so no file we can read is larger.
MAX_FILE_SIZE = 0x8000
APPLET_VERSION_INDEX = 21

_GENERATIONS = {0x11: "1.1", 0x17: "1.7", 0x18: "1.8"}

Transmit = Callable[[bytes], bytes]


@dataclass(frozen=True, slots=True)
class CardReading:
    """One card read: which reader, the card's applet version and the identity.

    ``authenticity``: None when not checked (no verifier), else the confirmation or the
    refusal (which names the failed step; it holds no card data).
    """

    reader: str
    atr: bytes = field(repr=False)
    applet_version: int
    identity: CardIdentity
    authenticity: Authenticity | CardNotGenuineError | None = None

    @property
    def generation(self) -> str:
        v = self.applet_version
        return _GENERATIONS.get(v, f"{v >> 4}.{v & 0x0F}")


def read_card(
    channel: CardChannel, reader: str, verifier: CardVerifier | None = None
) -> CardReading:
    """Read the identity file and the card data in one transaction; EidError on failure.

    One transaction, so no other program's commands can come between them. With a
    ``verifier`` the transaction also reads the identity signature and, unless the
    verifier's cache confirms the card from it, the RRN and root certificates; the
    reading's ``authenticity`` says whether the card is genuine.
    """
    found: Authenticity | CardFiles | None = None
    with channel.transaction():
        raw_identity = _read_selected(channel.transmit, IDENTITY_FILE)
        applet_version = _applet_version(channel.transmit)
        atr = channel.atr
        identity = parse_identity(raw_identity)
        if verifier is not None:
            found = _authenticity_files(channel.transmit, identity, verifier)
    authenticity = None
    if verifier is not None and found is not None:
        authenticity = _conclude(verifier, found, identity)
        log.debug("card authenticity: %s", authenticity)
    return CardReading(reader, atr, applet_version, identity, authenticity)


def read_genuine_card(channel: CardChannel, reader: str, verifier: CardVerifier) -> CardReading:
    """``read_card`` for the desk: CardNotGenuineError unless the card is confirmed genuine."""
    reading = read_card(channel, reader, verifier)
    if isinstance(reading.authenticity, CardNotGenuineError):
        raise reading.authenticity
    return reading


def _authenticity_files(
    transmit: Transmit, identity: CardIdentity, verifier: CardVerifier
) -> Authenticity | CardFiles:
    """The signature; then, unless a cached RRN key confirms the card, the certificates.

    eid.authenticity (cryptography) loads here, with a verifier: reading a card without
    one, or only making sample cards, does not load it.
    """
    from eid.authenticity import CardFiles  # noqa: PLC0415 - see above

    signature = _read_if_present(transmit, IDENTITY_SIGNATURE_FILE)
    recalled = verifier.recall(identity.raw, signature, identity.valid_from)
    if recalled is not None:
        return recalled
    rrn = _read_if_present(transmit, RRN_CERTIFICATE_FILE)
    root = _read_if_present(transmit, ROOT_CERTIFICATE_FILE)
    return CardFiles(identity.raw, signature, rrn, root)


def _conclude(
    verifier: CardVerifier, found: Authenticity | CardFiles, identity: CardIdentity
) -> Authenticity | CardNotGenuineError:
    """After the transaction: the full check of the files read, unless the cache already did."""
    from eid.authenticity import Authenticity  # noqa: PLC0415 - loaded with the verifier

    if isinstance(found, Authenticity):
        return found
    try:
        return verifier.verify(found, identity.valid_from)
    except CardNotGenuineError as exc:
        return exc


def _read_if_present(transmit: Transmit, path: bytes) -> bytes | None:
    """A file a programmed card may lack: None when it cannot be selected."""
    try:
        return _read_selected(transmit, path)
    except EidError as exc:
        if exc.fault is CardFault.NOT_AN_EID:
            return None
        raise


def _applet_version(transmit: Transmit) -> int:
    """GET CARD DATA; byte 21 of its answer is the applet version (0x11, 0x17, 0x18)."""
    response = apdu.exchange(transmit, apdu.GET_CARD_DATA)
    if response.sw in apdu.SW_RESELECT:  # another applet was selected in between
        _reselect_applet(transmit)
        response = apdu.exchange(transmit, apdu.GET_CARD_DATA)
    if response.sw != apdu.SW_OK or len(response.data) <= APPLET_VERSION_INDEX:
        raise EidError(
            CardFault.CARD_DATA_CORRUPT,
            f"GET CARD DATA gave {len(response.data)} bytes, {apdu.describe_sw(response.sw)}",
        )
    return response.data[APPLET_VERSION_INDEX]


def read_file(channel: CardChannel, path: bytes) -> bytes:
    """Select ``path`` and read it whole, inside one transaction."""
    with channel.transaction():
        return _read_selected(channel.transmit, path)


def _read_selected(transmit: Transmit, path: bytes) -> bytes:
    _select(transmit, path)
    data = bytearray()
    reselected = False
    while True:
        response = apdu.exchange(transmit, apdu.read_binary(len(data), apdu.MAX_CHUNK))
        if response.sw == apdu.SW_END_OF_FILE:
            break
        if response.sw in apdu.SW_RESELECT and not reselected:
            reselected = True
            _reselect_applet(transmit)
            _select(transmit, path)
            continue
        if response.sw not in (apdu.SW_OK, 0x6282):
            raise EidError(
                CardFault.CARD_DATA_CORRUPT, f"READ BINARY: {apdu.describe_sw(response.sw)}"
            )
        data += response.data
        if len(data) > MAX_FILE_SIZE:
            raise EidError(CardFault.CARD_DATA_CORRUPT, "file longer than READ BINARY can address")
        if len(response.data) < apdu.MAX_CHUNK or response.sw == 0x6282:
            break
    log.debug("read file %s: %d bytes", path.hex().upper(), len(data))
    return bytes(data)


def _select(transmit: Transmit, path: bytes) -> None:
    """SELECT by path; on 'not found'-like answers select the applet by AID and retry once."""
    response = apdu.exchange(transmit, apdu.select_by_path(path))
    if response.sw in apdu.SW_RESELECT:
        _reselect_applet(transmit)
        response = apdu.exchange(transmit, apdu.select_by_path(path))
    if response.sw != apdu.SW_OK:
        raise EidError(
            CardFault.NOT_AN_EID, f"SELECT {path.hex().upper()}: {apdu.describe_sw(response.sw)}"
        )


def _reselect_applet(transmit: Transmit) -> None:
    response = apdu.exchange(transmit, apdu.select_applet())
    if response.sw != apdu.SW_OK:
        raise EidError(
            CardFault.NOT_AN_EID, f"SELECT BELPIC applet: {apdu.describe_sw(response.sw)}"
        )
