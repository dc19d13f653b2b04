# SPDX-License-Identifier: EUPL-1.2
"""The simulated reader behaves like a PC/SC one to the read flow: events, removal, errors."""

from __future__ import annotations

import threading

import pytest

from eid.belpic import read_card
from eid.card_profiles import PROFILES
from eid.errors import CardFault, EidError
from eid.reader import EventKind, ReaderEvent
from eid.simulated import DEFAULT_READER, SimulatedCardReader
from eid.virtual_card import pulled_at


def test_simulated_first_wait_reports_what_is_there() -> None:
    reader = SimulatedCardReader(("A", "B"))
    reader.insert(PROFILES["v17"].make_card(), "B")
    events = reader.wait_for_change(0)
    assert set(events) == {
        ReaderEvent(EventKind.READER_ADDED, "A"),
        ReaderEvent(EventKind.READER_ADDED, "B"),
        ReaderEvent(EventKind.CARD_INSERTED, "B"),
    }
    assert reader.wait_for_change(0.01) == []


def test_simulated_insert_and_remove_wake_a_waiting_thread() -> None:
    reader = SimulatedCardReader()
    reader.wait_for_change(0)
    seen: list[list[ReaderEvent]] = []
    waiter = threading.Thread(target=lambda: seen.append(reader.wait_for_change(5)))
    waiter.start()
    reader.insert(PROFILES["v18"].make_card())
    waiter.join(5)
    assert seen == [[ReaderEvent(EventKind.CARD_INSERTED, DEFAULT_READER)]]
    reader.remove()
    assert reader.wait_for_change(5) == [ReaderEvent(EventKind.CARD_REMOVED, DEFAULT_READER)]


def test_simulated_cancel_wakes_a_wait_without_events() -> None:
    reader = SimulatedCardReader()
    reader.wait_for_change(0)
    result: list[list[ReaderEvent]] = []
    waiter = threading.Thread(target=lambda: result.append(reader.wait_for_change(30)))
    waiter.start()
    reader.cancel()
    waiter.join(5)
    assert not waiter.is_alive()
    assert result == [[]]


@pytest.mark.parametrize("profile", ["v17", "v18", "bis", "born-2000", "foreigner"])
def test_simulated_read_gives_profile_number(profile: str) -> None:
    reader = SimulatedCardReader()
    reader.insert(PROFILES[profile].make_card())
    with reader.connect(DEFAULT_READER) as channel:
        reading = read_card(channel, DEFAULT_READER)
    assert reading.identity.national_number.digits == PROFILES[profile].national_number


def test_simulated_empty_and_unknown_reader_faults() -> None:
    reader = SimulatedCardReader()
    with pytest.raises(EidError) as empty:
        reader.connect(DEFAULT_READER).__enter__()
    assert empty.value.fault is CardFault.NO_CARD
    with pytest.raises(EidError) as unknown:
        reader.connect("Elders").__enter__()
    assert unknown.value.fault is CardFault.READER_NOT_FOUND


def test_simulated_card_pulled_at_each_command_gives_card_removed() -> None:
    reader = SimulatedCardReader()
    counted: list[int] = []
    card = PROFILES["v18"].make_card()
    card.on_command = counted.append
    reader.insert(card)
    with reader.connect(DEFAULT_READER) as channel:
        read_card(channel, DEFAULT_READER)
    for command in range(1, len(counted) + 1):
        card = PROFILES["v18"].make_card()

        card.on_command = pulled_at(command)
        reader.insert(card)
        with pytest.raises(EidError) as caught, reader.connect(DEFAULT_READER) as channel:
            read_card(channel, DEFAULT_READER)
        assert caught.value.fault is CardFault.CARD_REMOVED
        assert reader.list_readers()[0].card_present is False


def test_simulated_card_swapped_between_commands_gives_card_removed() -> None:
    reader = SimulatedCardReader()
    reader.insert(PROFILES["v17"].make_card())
    with reader.connect(DEFAULT_READER) as channel:
        reader.insert(PROFILES["v18"].make_card())  # another citizen's card, same reader
        with pytest.raises(EidError) as caught:
            read_card(channel, DEFAULT_READER)
    assert caught.value.fault is CardFault.CARD_REMOVED


def test_simulated_card_swapped_between_two_looks_is_a_removal_and_an_insert() -> None:
    reader = SimulatedCardReader()
    reader.insert(PROFILES["v17"].make_card())
    reader.wait_for_change(0)
    reader.remove()
    reader.insert(PROFILES["v18"].make_card())  # before anyone looked again
    assert reader.wait_for_change(1) == [
        ReaderEvent(EventKind.CARD_REMOVED, DEFAULT_READER),
        ReaderEvent(EventKind.CARD_INSERTED, DEFAULT_READER),
    ]
