# SPDX-License-Identifier: EUPL-1.2
"""The BELPIC read flow (eid.belpic) against arbitrary card answers and awkward virtual cards."""

from __future__ import annotations

import datetime as dt
from collections import deque
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eid import apdu
from eid.belpic import IDENTITY_FILE, MAX_FILE_SIZE, CardReading, read_card
from eid.card_profiles import (
    ATR_V18,
    PROFILES,
    Person,
    card_data,
    identity_file,
    synthetic_number,
)
from eid.errors import CardFault, EidError
from eid.insz import is_valid_national_number
from eid.simulated import DEFAULT_READER, SimulatedCardReader
from eid.virtual_card import VirtualBelpicCard
from tests.recording_channel import RecordingChannel

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from contextlib import AbstractContextManager

    from eid.reader import CardChannel

MAX_TRANSMITS = 400
READ_FAULTS = {
    CardFault.CARD_DATA_CORRUPT,
    CardFault.NOT_AN_EID,
    CardFault.NATIONAL_NUMBER_INVALID,
}

PERSON = Person(synthetic_number(dt.date(1979, 11, 2), 996), "02 NOV 1979", "Zoe\u0308")
IDENTITY = identity_file(PERSON, issued=dt.date(2022, 3, 14), newer_tags=True)
CARD_DATA = card_data(0x18)

SELECT_IDENTITY = apdu.select_by_path(IDENTITY_FILE)
SELECT_APPLET = apdu.select_applet()
OK = b"\x90\x00"


def _card(
    identity: bytes,
    *,
    applet_selected_at_reset: bool = True,
    card_data_via_get_response: bool = False,
) -> VirtualBelpicCard:
    return VirtualBelpicCard(
        atr=ATR_V18,
        files={IDENTITY_FILE: identity},
        card_data=CARD_DATA,
        applet_selected_at_reset=applet_selected_at_reset,
        card_data_via_get_response=card_data_via_get_response,
    )


# -- a channel with arbitrary answers -----------------------------------------------------


class InMemoryChannel:
    """Test double for arbitrary card answers that a real card cannot be made to give.

    ``respond`` picks the answer to each command (a drawn script, or an honest virtual card's
    answer with drawn corruptions). The channel fails the test if the read flow sends more
    than MAX_TRANSMITS commands, or sends one outside a transaction.
    """

    def __init__(self, respond: Callable[[bytes], bytes]) -> None:
        self._respond = respond
        self._in_transaction = False
        self.commands: list[bytes] = []

    @classmethod
    def scripted(cls, responses: list[bytes], then: bytes) -> InMemoryChannel:
        """Answer from ``responses`` in order, then repeat ``then`` for ever."""
        queue = deque(responses)
        return cls(lambda _command: queue.popleft() if queue else then)

    @property
    def atr(self) -> bytes:
        return ATR_V18

    def transmit(self, command: bytes) -> bytes:
        self.commands.append(command)
        if len(self.commands) > MAX_TRANSMITS:
            pytest.fail(f"read flow sent more than {MAX_TRANSMITS} commands")
        assert self._in_transaction, "command sent outside a transaction"
        return self._respond(command)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        assert not self._in_transaction, "nested transaction"
        self._in_transaction = True
        try:
            yield
        finally:
            self._in_transaction = False

    def transaction(self) -> AbstractContextManager[None]:
        return self._transaction()


def _read_or_fault(channel: CardChannel) -> CardReading | EidError:
    try:
        return read_card(channel, "Fuzz reader")
    except EidError as exc:
        return exc


_STATUS_WORDS = st.one_of(
    st.sampled_from([0x9000, 0x6B00, 0x6282, 0x6A82, 0x6A86, 0x6D00, 0x6986, 0x6700]),
    st.integers(min_value=0x6100, max_value=0x61FF),
    st.integers(min_value=0x6C00, max_value=0x6CFF),
    st.integers(min_value=0, max_value=0xFFFF),
)
_DATA = st.one_of(
    st.just(b""),
    st.binary(max_size=300),
    st.just(bytes(apdu.MAX_CHUNK)),
    st.just(IDENTITY),
    st.just(CARD_DATA),
    st.integers(min_value=0, max_value=len(IDENTITY)).map(
        lambda start: IDENTITY[start : start + apdu.MAX_CHUNK]
    ),
)
_RESPONSES = st.one_of(
    st.binary(max_size=4),
    st.builds(lambda data, sw: data + sw.to_bytes(2, "big"), _DATA, _STATUS_WORDS),
    st.sampled_from([OK, IDENTITY + OK, CARD_DATA + OK, b"\x6b\x00", b"\x6a\x82"]),
)


@given(st.lists(_RESPONSES, max_size=30), _RESPONSES)
def test_read_card_arbitrary_answers_give_reading_or_read_fault(
    responses: list[bytes], then: bytes
) -> None:
    channel = InMemoryChannel.scripted(responses, then)
    result = _read_or_fault(channel)
    if isinstance(result, EidError):
        assert result.fault in READ_FAULTS, result
    else:
        assert isinstance(result, CardReading)
        assert result.reader == "Fuzz reader"
        assert is_valid_national_number(result.identity.national_number.digits)
        assert channel.commands[0] == SELECT_IDENTITY
        assert apdu.GET_CARD_DATA in channel.commands


@given(st.lists(st.binary(max_size=40), max_size=30), st.binary(max_size=40))
def test_read_card_random_bytes_give_reading_or_read_fault(
    responses: list[bytes], then: bytes
) -> None:
    result = _read_or_fault(InMemoryChannel.scripted(responses, then))
    assert isinstance(result, CardReading) or result.fault in READ_FAULTS


def _honest_cards() -> list[Callable[[], VirtualBelpicCard]]:
    mine = [
        lambda: _card(IDENTITY),
        lambda: _card(IDENTITY.ljust(2 * apdu.MAX_CHUNK, b"\0"), applet_selected_at_reset=False),
        lambda: _card(IDENTITY, card_data_via_get_response=True),
    ]
    return mine + [profile.make_card for _, profile in sorted(PROFILES.items())]


@given(st.sampled_from(_honest_cards()), st.data())
def test_read_card_corrupted_honest_answers_give_reading_or_read_fault(
    make_card: Callable[[], VirtualBelpicCard], data: st.DataObject
) -> None:
    card = make_card()

    def respond(command: bytes) -> bytes:
        honest = card.process(command)
        if data.draw(st.integers(min_value=0, max_value=5), label="corrupt?") < 5:
            return honest
        return data.draw(_RESPONSES, label="instead")

    channel = InMemoryChannel(respond)
    result = _read_or_fault(channel)
    assert isinstance(result, CardReading) or result.fault in READ_FAULTS, result


def test_read_card_well_formed_scripted_answers_read() -> None:
    channel = InMemoryChannel.scripted([OK, IDENTITY + OK, CARD_DATA + OK], then=b"")
    result = _read_or_fault(channel)
    assert isinstance(result, CardReading)
    assert result.identity.national_number.digits == PERSON.national_number
    assert result.applet_version == 0x18
    assert channel.commands == [SELECT_IDENTITY, apdu.read_binary(0, 0xFC), apdu.GET_CARD_DATA]


def test_read_card_scripted_endless_full_chunks_refused() -> None:
    channel = InMemoryChannel.scripted([OK], then=bytes(apdu.MAX_CHUNK) + OK)
    result = _read_or_fault(channel)
    assert isinstance(result, EidError)
    assert result.fault is CardFault.CARD_DATA_CORRUPT
    reads = channel.commands[1:]
    assert reads == [
        apdu.read_binary(n * apdu.MAX_CHUNK, apdu.MAX_CHUNK) for n in range(len(reads))
    ]
    assert len(reads) == MAX_FILE_SIZE // apdu.MAX_CHUNK + 1  # stops at the first byte too many


# -- virtual cards through the simulated reader --------------------------------------------


def _read_virtual(card: VirtualBelpicCard) -> tuple[CardReading | EidError, RecordingChannel]:
    reader = SimulatedCardReader()
    reader.insert(card)
    try:
        with reader.connect(DEFAULT_READER) as channel:
            recording = RecordingChannel(channel)
            return _read_or_fault(recording), recording
    finally:
        reader.close()


def test_read_card_file_of_two_full_chunks_ends_on_6b00() -> None:
    padded = IDENTITY.ljust(2 * apdu.MAX_CHUNK, b"\0")
    assert len(padded) == 2 * apdu.MAX_CHUNK
    result, channel = _read_virtual(_card(padded))
    assert isinstance(result, CardReading)
    assert result.identity.raw == padded
    assert result.identity.national_number.digits == PERSON.national_number
    reads = channel.reads()
    assert [offset for offset, _ in reads] == [0, apdu.MAX_CHUNK, 2 * apdu.MAX_CHUNK]
    assert [len(answer) for _, answer in reads[:2]] == [apdu.MAX_CHUNK + 2] * 2
    assert reads[-1][1] == b"\x6b\x00"


def test_read_card_short_last_chunk_ends_without_6b00() -> None:
    file = IDENTITY.ljust(apdu.MAX_CHUNK + 10, b"\0")
    result, channel = _read_virtual(_card(file))
    assert isinstance(result, CardReading)
    assert result.identity.raw == file
    assert (
        channel.reads()
        == [
            (0, file[: apdu.MAX_CHUNK] + OK),
            (apdu.MAX_CHUNK, b"\x6c\x0a"),  # the virtual card asks for the exact rest
            (apdu.MAX_CHUNK, file[apdu.MAX_CHUNK :] + OK),
        ]
    )
    assert channel.commands[-3:-1] == [
        apdu.read_binary(apdu.MAX_CHUNK, apdu.MAX_CHUNK),
        apdu.read_binary(apdu.MAX_CHUNK, 10),
    ]


def test_read_card_always_full_chunks_refused_as_too_large() -> None:
    # Larger than READ BINARY can address, so every read the flow makes gets a full chunk.
    endless = IDENTITY.ljust(2 * MAX_FILE_SIZE, b"\x01")
    result, channel = _read_virtual(_card(endless))
    assert isinstance(result, EidError)
    assert result.fault is CardFault.CARD_DATA_CORRUPT
    offsets = [offset for offset, _ in channel.reads()]
    assert offsets == list(range(0, MAX_FILE_SIZE + 1, apdu.MAX_CHUNK))
    assert all(answer.endswith(OK) for _, answer in channel.reads())
    assert apdu.GET_CARD_DATA not in channel.commands


def test_read_card_reselects_applet_not_selected_at_reset() -> None:
    result, channel = _read_virtual(_card(IDENTITY, applet_selected_at_reset=False))
    assert isinstance(result, CardReading)
    assert result.identity.national_number.digits == PERSON.national_number
    assert channel.exchanges[:4] == [
        (SELECT_IDENTITY, b"\x6a\x82"),
        (SELECT_APPLET, OK),
        (SELECT_IDENTITY, OK),
        (apdu.read_binary(0, apdu.MAX_CHUNK), b"\x6c" + bytes([len(IDENTITY)])),
    ]
    assert channel.commands.count(SELECT_APPLET) == 1


def test_read_card_applet_selected_at_reset_not_reselected() -> None:
    result, channel = _read_virtual(_card(IDENTITY))
    assert isinstance(result, CardReading)
    assert channel.exchanges[0] == (SELECT_IDENTITY, OK)
    assert SELECT_APPLET not in channel.commands


def test_read_card_card_data_through_get_response() -> None:
    result, channel = _read_virtual(_card(IDENTITY, card_data_via_get_response=True))
    assert isinstance(result, CardReading)
    assert result.applet_version == 0x18
    assert channel.exchanges[-2:] == [
        (apdu.GET_CARD_DATA, b"\x61" + bytes([len(CARD_DATA)])),
        (apdu.get_response(len(CARD_DATA)), CARD_DATA + OK),
    ]


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_read_card_every_profile_gives_its_number_or_a_read_fault(name: str) -> None:
    profile = PROFILES[name]
    result, _ = _read_virtual(profile.make_card())
    number = profile.national_number
    if number is not None and is_valid_national_number(number):
        assert isinstance(result, CardReading)
        assert result.identity.national_number.digits == number
    elif number is not None:
        assert isinstance(result, EidError)
        assert result.fault is CardFault.NATIONAL_NUMBER_INVALID
    else:
        assert isinstance(result, EidError)
        assert result.fault in {CardFault.CARD_DATA_CORRUPT, CardFault.NOT_AN_EID}
    if number is not None:
        assert number not in str(result)
        assert number not in repr(result)
