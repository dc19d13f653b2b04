# SPDX-License-Identifier: EUPL-1.2
"""Tests for APDU building, response parsing and the T=0 exchange rules (eid.apdu)."""

from __future__ import annotations

from collections import deque

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eid import apdu
from eid.errors import CardFault, EidError

READ_FC = "00B00000FC"
GET_CARD_DATA = "80E400001C"


class ScriptedTransmit:
    """A transmit function playing a script of (expected command, response), in order.

    Electrum's scripted-queue style: a command out of order or beyond the script fails the test.
    It stands in for answers (6Cxx/61xx chains, endless chains) our virtual card does not give.
    """

    def __init__(self, script: list[tuple[str, str]]) -> None:
        self._script = deque((bytes.fromhex(cmd), bytes.fromhex(rsp)) for cmd, rsp in script)
        self.sent: list[bytes] = []

    def __call__(self, command: bytes) -> bytes:
        self.sent.append(command)
        assert self._script, f"unexpected command {command.hex().upper()} after the script"
        expected, response = self._script.popleft()
        assert command.hex().upper() == expected.hex().upper()
        return response

    def assert_done(self) -> None:
        assert not self._script, f"{len(self._script)} scripted commands never sent"


def _exchange_fault(transmit: ScriptedTransmit, command: str) -> CardFault:
    with pytest.raises(EidError) as excinfo:
        apdu.exchange(transmit, bytes.fromhex(command))
    return excinfo.value.fault


# -- command builders ---------------------------------------------------------------------


def test_select_by_path_identity_file_bytes() -> None:
    command = apdu.select_by_path(bytes.fromhex("3F00DF014031"))
    assert command == bytes.fromhex("00A4080C063F00DF014031")


def test_select_applet_uses_belpic_aid() -> None:
    assert apdu.select_applet() == bytes.fromhex("00A4040C0CA000000177504B43532D3135")


@pytest.mark.parametrize(
    ("offset", "length", "expected"),
    [(0, 0xFC, "00B00000FC"), (0x1F8, 0xFC, "00B001F8FC"), (0x7FFF, 1, "00B07FFF01")],
)
def test_read_binary_offset_in_p1_p2(offset: int, length: int, expected: str) -> None:
    assert apdu.read_binary(offset, length) == bytes.fromhex(expected)


@pytest.mark.parametrize("offset", [-1, 0x8000, 0xFFFF])
def test_read_binary_offset_out_of_range_is_corrupt(offset: int) -> None:
    with pytest.raises(EidError) as excinfo:
        apdu.read_binary(offset, 0xFC)
    assert excinfo.value.fault is CardFault.CARD_DATA_CORRUPT


def test_get_response_and_get_card_data_bytes() -> None:
    assert apdu.get_response(0x1C) == bytes.fromhex("00C000001C")
    assert bytes.fromhex(GET_CARD_DATA) == apdu.GET_CARD_DATA


# -- parse_response and describe_sw -------------------------------------------------------


def test_parse_response_splits_data_and_status_word() -> None:
    response = apdu.parse_response(bytes.fromhex("0102036A82"))
    assert response == apdu.Response(data=b"\x01\x02\x03", sw=0x6A82)
    assert (response.sw1, response.sw2) == (0x6A, 0x82)


@pytest.mark.parametrize("raw", [b"", b"\x90"])
def test_parse_response_shorter_than_two_bytes_is_corrupt(raw: bytes) -> None:
    with pytest.raises(EidError) as excinfo:
        apdu.parse_response(raw)
    assert excinfo.value.fault is CardFault.CARD_DATA_CORRUPT


@pytest.mark.parametrize(
    ("sw", "meaning"),
    [
        (0x6A82, "file or application not found"),
        (0x6B00, "offset outside the file"),
        (0x6982, "security status not satisfied"),
        (0x6D00, "instruction not supported"),
    ],
)
def test_describe_sw_known_status_words(sw: int, meaning: str) -> None:
    assert apdu.describe_sw(sw) == f"SW {sw:04X} ({meaning})"


def test_describe_sw_unknown_status_word() -> None:
    assert apdu.describe_sw(0x1234) == "SW 1234 (unknown status)"
    assert apdu.describe_sw(0x0001) == "SW 0001 (unknown status)"


@given(st.integers(min_value=0, max_value=0xFFFF))
def test_describe_sw_any_status_word_names_it(sw: int) -> None:
    text = apdu.describe_sw(sw)
    assert text.startswith(f"SW {sw:04X} (")
    assert text.endswith(")")


# -- exchange: the T=0 rules --------------------------------------------------------------


def test_exchange_plain_9000() -> None:
    transmit = ScriptedTransmit([(READ_FC, "0102039000")])
    response = apdu.exchange(transmit, bytes.fromhex(READ_FC))
    assert response == apdu.Response(data=b"\x01\x02\x03", sw=apdu.SW_OK)
    transmit.assert_done()


def test_exchange_error_status_returned_without_follow_up() -> None:
    transmit = ScriptedTransmit([(READ_FC, "6B00")])
    response = apdu.exchange(transmit, bytes.fromhex(READ_FC))
    assert response == apdu.Response(data=b"", sw=apdu.SW_END_OF_FILE)
    transmit.assert_done()


def test_exchange_6cxx_resends_with_le_xx() -> None:
    data = bytes(range(0x10))
    transmit = ScriptedTransmit(
        [(READ_FC, "6C10"), ("00B0000010", data.hex() + "9000")],
    )
    response = apdu.exchange(transmit, bytes.fromhex(READ_FC))
    assert response == apdu.Response(data=data, sw=apdu.SW_OK)
    transmit.assert_done()


def test_exchange_6c00_resends_with_le_00() -> None:
    data = bytes(256)
    transmit = ScriptedTransmit([("00B0000001", "6C00"), ("00B0000000", data.hex() + "9000")])
    response = apdu.exchange(transmit, bytes.fromhex("00B0000001"))
    assert response.data == data
    transmit.assert_done()


def test_exchange_61xx_sends_get_response() -> None:
    data = bytes(range(0x1C))
    transmit = ScriptedTransmit([(GET_CARD_DATA, "611C"), ("00C000001C", data.hex() + "9000")])
    response = apdu.exchange(transmit, bytes.fromhex(GET_CARD_DATA))
    assert response == apdu.Response(data=data, sw=apdu.SW_OK)
    transmit.assert_done()


def test_exchange_chained_61xx_joins_data() -> None:
    first, second, third = b"A" * 0x10, b"B" * 0x08, b"C" * 0x04
    transmit = ScriptedTransmit(
        [
            (GET_CARD_DATA, "6110"),
            ("00C0000010", first.hex() + "6108"),
            ("00C0000008", second.hex() + "6104"),
            ("00C0000004", third.hex() + "9000"),
        ]
    )
    response = apdu.exchange(transmit, bytes.fromhex(GET_CARD_DATA))
    assert response == apdu.Response(data=first + second + third, sw=apdu.SW_OK)
    transmit.assert_done()


def test_exchange_61xx_then_error_keeps_joined_data_and_error_sw() -> None:
    transmit = ScriptedTransmit([(GET_CARD_DATA, "6104"), ("00C0000004", "414243446282")])
    response = apdu.exchange(transmit, bytes.fromhex(GET_CARD_DATA))
    assert response == apdu.Response(data=b"ABCD", sw=0x6282)
    transmit.assert_done()


def test_exchange_6cxx_then_61xx() -> None:
    data = bytes(range(0x1C))
    transmit = ScriptedTransmit(
        [
            ("80E4000010", "6C1C"),
            (GET_CARD_DATA, "611C"),
            ("00C000001C", data.hex() + "9000"),
        ]
    )
    response = apdu.exchange(transmit, bytes.fromhex("80E4000010"))
    assert response == apdu.Response(data=data, sw=apdu.SW_OK)
    transmit.assert_done()


def test_exchange_6cxx_forever_is_corrupt_after_bounded_tries() -> None:
    script = [(READ_FC, "6C10")] + [("00B0000010", "6C10")] * apdu.MAX_T0_FOLLOW_UPS
    transmit = ScriptedTransmit(script)
    assert _exchange_fault(transmit, READ_FC) is CardFault.CARD_DATA_CORRUPT
    transmit.assert_done()  # exactly 1 + MAX_T0_FOLLOW_UPS commands, then it gave up
    assert len(transmit.sent) == 1 + apdu.MAX_T0_FOLLOW_UPS


def test_exchange_61xx_forever_is_corrupt_after_bounded_tries() -> None:
    script = [(GET_CARD_DATA, "6101")] + [("00C0000001", "AA6101")] * apdu.MAX_T0_FOLLOW_UPS
    transmit = ScriptedTransmit(script)
    assert _exchange_fault(transmit, GET_CARD_DATA) is CardFault.CARD_DATA_CORRUPT
    transmit.assert_done()


def test_exchange_allows_exactly_max_follow_ups() -> None:
    follow_ups = apdu.MAX_T0_FOLLOW_UPS
    script = [(GET_CARD_DATA, "6101")]
    script += [("00C0000001", "AA6101")] * (follow_ups - 1)
    script += [("00C0000001", "AA9000")]
    transmit = ScriptedTransmit(script)
    response = apdu.exchange(transmit, bytes.fromhex(GET_CARD_DATA))
    assert response == apdu.Response(data=b"\xaa" * follow_ups, sw=apdu.SW_OK)
    transmit.assert_done()


def test_exchange_one_follow_up_fewer_than_the_bound_succeeds() -> None:
    follow_ups = apdu.MAX_T0_FOLLOW_UPS - 1
    script = [(GET_CARD_DATA, "6101")]
    script += [("00C0000001", "AA6101")] * (follow_ups - 1)
    script += [("00C0000001", "AA9000")]
    transmit = ScriptedTransmit(script)
    response = apdu.exchange(transmit, bytes.fromhex(GET_CARD_DATA))
    assert response == apdu.Response(data=b"\xaa" * follow_ups, sw=apdu.SW_OK)
    transmit.assert_done()


def test_exchange_6cxx_after_get_response_resends_get_response() -> None:
    data = bytes(range(8))
    transmit = ScriptedTransmit(
        [
            (READ_FC, "6110"),
            ("00C0000010", "6C08"),
            ("00C0000008", data.hex() + "9000"),
        ]
    )
    response = apdu.exchange(transmit, bytes.fromhex(READ_FC))
    assert response == apdu.Response(data=data, sw=apdu.SW_OK)
    transmit.assert_done()


@pytest.mark.parametrize("short", ["", "90"])
def test_exchange_short_response_is_corrupt(short: str) -> None:
    transmit = ScriptedTransmit([(READ_FC, short)])
    assert _exchange_fault(transmit, READ_FC) is CardFault.CARD_DATA_CORRUPT
    transmit.assert_done()


def test_exchange_short_response_to_follow_up_is_corrupt() -> None:
    transmit = ScriptedTransmit([(READ_FC, "6C10"), ("00B0000010", "6C")])
    assert _exchange_fault(transmit, READ_FC) is CardFault.CARD_DATA_CORRUPT
    transmit.assert_done()


# -- properties ---------------------------------------------------------------------------

_RESPONSES = st.one_of(
    st.binary(max_size=6),
    st.builds(
        lambda data, sw1, sw2: data + bytes([sw1, sw2]),
        st.binary(max_size=40),
        st.sampled_from([0x90, 0x61, 0x6C, 0x6B, 0x6A, 0x62]),
        st.integers(min_value=0, max_value=0xFF),
    ),
)


@given(st.data(), st.sampled_from([READ_FC, GET_CARD_DATA, "00A4080C063F00DF014031"]))
def test_exchange_any_answers_give_response_or_corrupt(data: st.DataObject, command: str) -> None:
    sent: list[bytes] = []

    def transmit(cmd: bytes) -> bytes:
        sent.append(cmd)
        assert len(sent) <= 1 + apdu.MAX_T0_FOLLOW_UPS, "exchange did not stop following up"
        return data.draw(_RESPONSES)

    try:
        result: apdu.Response | CardFault = apdu.exchange(transmit, bytes.fromhex(command))
    except EidError as exc:
        result = exc.fault
    assert sent[0] == bytes.fromhex(command)
    if isinstance(result, CardFault):
        assert result is CardFault.CARD_DATA_CORRUPT
    else:
        assert result.sw1 not in (0x61, 0x6C)  # T=0 procedure bytes are never handed up
        assert 0 <= result.sw <= 0xFFFF
