# SPDX-License-Identifier: EUPL-1.2
"""Every PC/SC return code a reader call can give maps to the problem it means."""

from __future__ import annotations

import pytest
import smartcard.scard as sc

from eid.errors import CardFault
from eid.pcsc import _fault_for

EXPECTED = {
    CardFault.PCSC_UNAVAILABLE: [
        "SCARD_E_NO_SERVICE",
        "SCARD_E_SERVICE_STOPPED",
        "SCARD_F_COMM_ERROR",
        "SCARD_E_INVALID_HANDLE",
        "SCARD_E_SYSTEM_CANCELLED",
        "SCARD_P_SHUTDOWN",
        "SCARD_F_INTERNAL_ERROR",
        "SCARD_F_UNKNOWN_ERROR",
        "SCARD_E_NO_MEMORY",
        "SCARD_E_SERVER_TOO_BUSY",
    ],
    CardFault.NO_READER: ["SCARD_E_NO_READERS_AVAILABLE"],
    CardFault.READER_NOT_FOUND: [
        "SCARD_E_UNKNOWN_READER",
        "SCARD_E_READER_UNAVAILABLE",
        "SCARD_E_NOT_READY",
    ],
    CardFault.READER_IN_USE: ["SCARD_E_SHARING_VIOLATION", "SCARD_W_RESET_CARD"],
    CardFault.NO_CARD: ["SCARD_E_NO_SMARTCARD"],
    CardFault.CARD_REMOVED: ["SCARD_W_REMOVED_CARD", "SCARD_E_COMM_DATA_LOST"],
    CardFault.CARD_UNREADABLE: [
        "SCARD_W_UNRESPONSIVE_CARD",
        "SCARD_W_UNPOWERED_CARD",
        "SCARD_W_UNSUPPORTED_CARD",
        "SCARD_E_PROTO_MISMATCH",
        "SCARD_E_INVALID_ATR",
    ],
}
CASES = [(name, fault) for fault, names in EXPECTED.items() for name in names]


@pytest.mark.parametrize(("name", "fault"), CASES, ids=[name for name, _ in CASES])
def test_pcsc_faults_each_code_means_its_problem(name: str, fault: CardFault) -> None:
    assert _fault_for(sc, getattr(sc, name)) is fault


def test_pcsc_faults_the_signed_and_unsigned_forms_are_the_same_code() -> None:
    """pyscard gives codes as signed or unsigned ints depending on the platform."""
    unsigned = sc.SCARD_F_COMM_ERROR & 0xFFFFFFFF
    assert _fault_for(sc, unsigned - (1 << 32)) is CardFault.PCSC_UNAVAILABLE
    assert _fault_for(sc, unsigned) is CardFault.PCSC_UNAVAILABLE
