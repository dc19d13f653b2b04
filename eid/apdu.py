# SPDX-License-Identifier: EUPL-1.2
"""APDU building, response parsing, the status-word table and the T=0 exchange rules.

Everything here works on bytes; the channel that carries them is passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eid.errors import CardFault, EidError

if TYPE_CHECKING:
    from collections.abc import Callable

BELPIC_AID = bytes.fromhex("A000000177504B43532D3135")
MAX_CHUNK = 0xFC
# A 6Cxx or 61xx answer is followed at most this many times for one command, so a
# card that keeps asking cannot make us loop for ever.
MAX_T0_FOLLOW_UPS = 8


@dataclass(frozen=True, slots=True)
class Response:
    """A response APDU split into data and status word."""

    data: bytes
    sw: int

    @property
    def sw1(self) -> int:
        return self.sw >> 8

    @property
    def sw2(self) -> int:
        return self.sw & 0xFF


def select_by_path(path: bytes) -> bytes:
    """SELECT FILE by absolute path from the MF, no response data (P2 = 0C)."""
    return bytes([0x00, 0xA4, 0x08, 0x0C, len(path)]) + path


def select_applet(aid: bytes = BELPIC_AID) -> bytes:
    """SELECT by application identifier (DF name), no response data."""
    return bytes([0x00, 0xA4, 0x04, 0x0C, len(aid)]) + aid


def read_binary(offset: int, length: int) -> bytes:
    """READ BINARY ``length`` bytes (1..255) at ``offset`` (0..0x7FFF) of the selected file."""
    if not 0 <= offset <= 0x7FFF:
        raise EidError(CardFault.CARD_DATA_CORRUPT, f"file offset {offset} out of range")
    return bytes([0x00, 0xB0, offset >> 8, offset & 0xFF, length])


def get_response(length: int) -> bytes:
    return bytes([0x00, 0xC0, 0x00, 0x00, length])


GET_CARD_DATA = bytes([0x80, 0xE4, 0x00, 0x00, 0x1C])


def parse_response(raw: bytes) -> Response:
    """Split a raw response; fewer than two bytes is a corrupt answer."""
    if len(raw) < 2:
        raise EidError(CardFault.CARD_DATA_CORRUPT, f"response of {len(raw)} bytes")
    return Response(data=bytes(raw[:-2]), sw=(raw[-2] << 8) | raw[-1])


SW_OK = 0x9000
SW_END_OF_FILE = 0x6B00
# Status words that mean "this file or applet is not here (now)": re-select the applet.
SW_RESELECT = frozenset({0x6A82, 0x6A86, 0x6D00})

_SW_MEANING: dict[int, str] = {
    0x6282: "end of file reached before Le bytes",
    0x6700: "wrong length",
    0x6981: "command incompatible with file structure",
    0x6982: "security status not satisfied",
    0x6985: "conditions of use not satisfied",
    0x6986: "command not allowed",
    0x6A82: "file or application not found",
    0x6A86: "incorrect parameters P1-P2",
    0x6B00: "offset outside the file",
    0x6D00: "instruction not supported",
    0x6E00: "class not supported",
    0x6F00: "no precise diagnosis",
}


def describe_sw(sw: int) -> str:
    """A short English text for a status word, for admin logs."""
    return f"SW {sw:04X} ({_SW_MEANING.get(sw, 'unknown status')})"


def exchange(transmit: Callable[[bytes], bytes], command: bytes) -> Response:
    """Send one command, following T=0 ``6Cxx`` (resend with Le=xx) and ``61xx`` (GET RESPONSE).

    ``6Cxx`` resends the command just sent (the original or a GET RESPONSE); data from a
    chain of GET RESPONSE answers is joined. At most MAX_T0_FOLLOW_UPS follow-ups are sent.
    """
    sent = command
    response = parse_response(transmit(sent))
    data = b""
    follow_ups = 0
    while response.sw1 in (0x6C, 0x61):
        if follow_ups == MAX_T0_FOLLOW_UPS:
            raise EidError(CardFault.CARD_DATA_CORRUPT, "card kept asking to resend or fetch")
        follow_ups += 1
        if response.sw1 == 0x6C:
            sent = sent[:4] + bytes([response.sw2])
        else:
            data += response.data
            sent = get_response(response.sw2)
        response = parse_response(transmit(sent))
    return Response(data=data + response.data, sw=response.sw)
