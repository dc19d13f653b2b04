# SPDX-License-Identifier: EUPL-1.2
"""The BELPIC TLV format: one tag byte, a length with 0xFF continuation, then the value.

A length byte of 0xFF adds 255 and is followed by another length byte; the first byte
below 0xFF ends the length. Trailing zero bytes are padding.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eid.errors import CardFault, EidError

if TYPE_CHECKING:
    from collections.abc import Iterable


def parse_tlv(data: bytes) -> dict[int, bytes]:
    """Parse a TLV file into tag → value. Unknown tags are kept; the caller picks.

    A truncated field, a length running past the end or a repeated tag is corrupt.
    """
    fields: dict[int, bytes] = {}
    pos = 0
    end = len(data)
    while pos < end:
        if not any(data[pos:]):
            break  # zero padding up to the end of the file
        tag = data[pos]
        length, pos = _read_length(data, pos + 1)
        if pos + length > end:
            raise EidError(CardFault.CARD_DATA_CORRUPT, f"TLV tag 0x{tag:02X} runs past the end")
        if tag in fields:
            raise EidError(CardFault.CARD_DATA_CORRUPT, f"TLV tag 0x{tag:02X} appears twice")
        fields[tag] = bytes(data[pos : pos + length])
        pos += length
    return fields


def _read_length(data: bytes, pos: int) -> tuple[int, int]:
    length = 0
    while True:
        if pos >= len(data):
            raise EidError(CardFault.CARD_DATA_CORRUPT, "TLV length runs past the end")
        byte = data[pos]
        pos += 1
        length += byte
        if byte != 0xFF:
            return length, pos


def encode_tlv(fields: Iterable[tuple[int, bytes]]) -> bytes:
    """Encode (tag, value) pairs in order; the inverse of :func:`parse_tlv`."""
    out = bytearray()
    for tag, value in fields:
        if not 0 <= tag <= 0xFF:
            raise ValueError(f"tag {tag} is not one byte")
        out.append(tag)
        remaining = len(value)
        while remaining >= 0xFF:
            out.append(0xFF)
            remaining -= 0xFF
        out.append(remaining)
        out += value
    return bytes(out)


def text_field(fields: dict[int, bytes], tag: int) -> str:
    """Decode a text field as strict UTF-8 (combining characters stay as they are)."""
    try:
        value = fields[tag]
    except KeyError:
        raise EidError(CardFault.CARD_DATA_CORRUPT, f"TLV tag 0x{tag:02X} missing") from None
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        raise EidError(CardFault.CARD_DATA_CORRUPT, f"TLV tag 0x{tag:02X} is not UTF-8") from None
