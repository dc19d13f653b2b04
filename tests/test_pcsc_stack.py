# SPDX-License-Identifier: EUPL-1.2
"""Reading cards over the real stack: pyscard → pcscd → vpcd → our virtual BELPIC card."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pytest

from eid.belpic import IDENTITY_FILE, CardReading, read_card
from eid.card_profiles import PROFILES, card_from_files
from eid.errors import CardFault, EidError
from eid.pcsc import PcscCardReader
from eid.reader import EventKind, ReaderEvent
from eid.virtual_card import pulled_at
from tests.pcsc_stack import READER_0, READER_1, PcscDaemon, VpcdCards

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.pcsc

READABLE = [
    name for name, p in PROFILES.items() if name not in ("invalid-number", "corrupt-tlv", "not-eid")
]
REFUSED = {
    "invalid-number": CardFault.NATIONAL_NUMBER_INVALID,
    "corrupt-tlv": CardFault.CARD_DATA_CORRUPT,
    "not-eid": CardFault.NOT_AN_EID,
}


def _read(reader: PcscCardReader, name: str = READER_0) -> CardReading:
    with reader.connect(name) as channel:
        return read_card(channel, name)


@pytest.mark.parametrize("profile", READABLE)
def test_pcsc_read_profile_gives_its_number(
    profile: str, vpcd: VpcdCards, pcsc_reader: PcscCardReader, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    vpcd.insert(PROFILES[profile].make_card())
    reading = _read(pcsc_reader)
    assert reading.identity.national_number.digits == PROFILES[profile].national_number
    assert reading.generation in ("1.7", "1.8")
    digits = PROFILES[profile].national_number
    assert digits is not None
    assert digits not in caplog.text
    assert digits not in repr(reading)


@pytest.mark.parametrize(("profile", "fault"), REFUSED.items())
def test_pcsc_read_refused_card_names_the_fault(
    profile: str, fault: CardFault, vpcd: VpcdCards, pcsc_reader: PcscCardReader
) -> None:
    vpcd.insert(PROFILES[profile].make_card())
    with pytest.raises(EidError) as caught:
        _read(pcsc_reader)
    assert caught.value.fault is fault
    assert "71715100070" not in str(caught.value)


def test_pcsc_specimen_card_files_give_documented_number(
    testvectors: Path, vpcd: VpcdCards, pcsc_reader: PcscCardReader
) -> None:
    identity = (testvectors / "ec-specimen-identity.bin").read_bytes()
    vpcd.insert(card_from_files({IDENTITY_FILE: identity}))
    reading = _read(pcsc_reader)
    assert reading.identity.national_number.digits == "01050399963"
    assert str(reading.identity.national_number) == "01.05.03-xxx.xx"
    assert f"{reading.identity.valid_until:%d.%m.%Y}" == "05.07.2032"


def test_pcsc_rsa_specimen_number_is_reported_invalid(
    testvectors: Path, vpcd: VpcdCards, pcsc_reader: PcscCardReader
) -> None:
    identity = (testvectors / "rsa-specimen-identity.bin").read_bytes()
    vpcd.insert(card_from_files({IDENTITY_FILE: identity}, applet_version=0x17))
    with pytest.raises(EidError) as caught:
        _read(pcsc_reader)
    assert caught.value.fault is CardFault.NATIONAL_NUMBER_INVALID


def _count_commands(vpcd: VpcdCards, reader: PcscCardReader, profile: str) -> int:
    card = PROFILES[profile].make_card()
    seen: list[int] = []
    card.on_command = seen.append
    vpcd.insert(card)
    _read(reader)
    vpcd.remove()
    return len(seen)


@pytest.mark.parametrize("profile", ["v17", "v18"])
def test_pcsc_card_pulled_at_each_command_gives_card_removed(
    profile: str, vpcd: VpcdCards, pcsc_reader: PcscCardReader
) -> None:
    total = _count_commands(vpcd, pcsc_reader, profile)
    assert total >= 5  # select + chunked reads + card data, with T=0 follow-ups
    for command in range(1, total + 1):
        card = PROFILES[profile].make_card()

        card.on_command = pulled_at(command)
        vpcd.insert(card)
        with pytest.raises(EidError) as caught:
            _read(pcsc_reader)
        assert caught.value.fault is CardFault.CARD_REMOVED, f"pulled at command {command}"
        vpcd.wait_gone()


def test_pcsc_events_report_state_at_start_then_insert_and_removal(
    vpcd: VpcdCards, pcsc_reader: PcscCardReader
) -> None:
    vpcd.insert(PROFILES["v17"].make_card(), READER_1)
    first = pcsc_reader.wait_for_change(1)
    assert ReaderEvent(EventKind.READER_ADDED, READER_0) in first
    assert ReaderEvent(EventKind.CARD_INSERTED, READER_1) in first
    assert ReaderEvent(EventKind.CARD_INSERTED, READER_0) not in first
    assert pcsc_reader.wait_for_change(0.2) == []

    vpcd.slots[READER_0].insert(PROFILES["v18"].make_card())
    assert pcsc_reader.wait_for_change(5) == [ReaderEvent(EventKind.CARD_INSERTED, READER_0)]
    vpcd.slots[READER_1].remove()
    assert pcsc_reader.wait_for_change(5) == [ReaderEvent(EventKind.CARD_REMOVED, READER_1)]


def test_pcsc_reader_in_exclusive_use_is_reported(
    vpcd: VpcdCards, pcsc_reader: PcscCardReader
) -> None:
    from smartcard import scard  # the other program holding the reader

    vpcd.insert(PROFILES["v18"].make_card())
    rv, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    assert rv == scard.SCARD_S_SUCCESS
    rv, handle, _ = scard.SCardConnect(
        context,
        READER_0,
        scard.SCARD_SHARE_EXCLUSIVE,
        scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
    )
    assert rv == scard.SCARD_S_SUCCESS
    try:
        status = {s.name: s for s in pcsc_reader.list_readers()}[READER_0]
        assert status.in_exclusive_use
        with pytest.raises(EidError) as caught:
            _read(pcsc_reader)
        assert caught.value.fault is CardFault.READER_IN_USE
    finally:
        scard.SCardDisconnect(handle, scard.SCARD_LEAVE_CARD)
        scard.SCardReleaseContext(context)
    assert _read(pcsc_reader).identity.national_number.digits == PROFILES["v18"].national_number


def test_pcsc_empty_reader_gives_no_card(vpcd: VpcdCards, pcsc_reader: PcscCardReader) -> None:
    with pytest.raises(EidError) as caught:
        _read(pcsc_reader, READER_1)
    assert caught.value.fault is CardFault.NO_CARD


def test_pcsc_service_restart_is_survived(
    pcscd: PcscDaemon, vpcd: VpcdCards, pcsc_reader: PcscCardReader
) -> None:
    vpcd.insert(PROFILES["v17"].make_card())
    assert _read(pcsc_reader).identity.national_number.digits == PROFILES["v17"].national_number
    pcscd.stop()
    for call in (pcsc_reader.list_readers, lambda: pcsc_reader.wait_for_change(0.1)):
        with pytest.raises(EidError) as caught:
            call()
        assert caught.value.fault is CardFault.PCSC_UNAVAILABLE
    pcscd.start()
    vpcd.remove_all()
    vpcd.insert(PROFILES["v18"].make_card())
    assert _read(pcsc_reader).identity.national_number.digits == PROFILES["v18"].national_number


def test_pcsc_no_readers_configured_gives_no_reader(tmp_path: Path, pcscd: PcscDaemon) -> None:
    """A pcscd without any reader driver: the machine has no reader plugged in."""
    empty = tmp_path / "reader.conf.d"
    empty.mkdir()
    pcscd.stop()
    bare = PcscDaemon(tmp_path / "bare.log", config_dir=empty)
    bare.start()
    reader = PcscCardReader()
    try:
        assert reader.list_readers() == []
        from app.cli.card_diagnostics import read_inserted_card

        with pytest.raises(EidError) as caught:
            read_inserted_card(reader, None)
        assert caught.value.fault is CardFault.NO_READER
    finally:
        reader.close()
        bare.stop()
        pcscd.start()
