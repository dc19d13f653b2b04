# SPDX-License-Identifier: EUPL-1.2
"""The ``baliecheck`` command over the real stack, as separate processes, like an admin runs it."""

from __future__ import annotations

import signal
import subprocess
from typing import TYPE_CHECKING

import pytest

from eid.card_profiles import PROFILES
from tests.pcsc_stack import READER_0, READER_1, wait_for
from tests.test_cli import BALIECHECK

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from tests.pcsc_stack import PcscDaemon, VpcdCards

pytestmark = pytest.mark.pcsc


def baliecheck(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [BALIECHECK, "-v", *argv], capture_output=True, text=True, timeout=60, check=False
    )


class SimulatedCardProcess:
    """``baliecheck simulate-card`` running in the background until stopped with a signal."""

    def __init__(self, *argv: str) -> None:
        self.process = subprocess.Popen(
            [BALIECHECK, "simulate-card", *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.first_line = self.process.stdout.readline()

    def stop(self, signum: int = signal.SIGINT) -> tuple[int, str]:
        self.process.send_signal(signum)
        out, _err = self.process.communicate(timeout=10)
        return self.process.returncode, out


@pytest.fixture
def simulated(vpcd: VpcdCards) -> Iterator[list[SimulatedCardProcess]]:
    started: list[SimulatedCardProcess] = []
    yield started
    for card in started:
        if card.process.poll() is None:
            card.stop()
    vpcd.wait_gone()


def _card_seen(reader: str) -> bool:
    return f"{reader}: kaart aanwezig" in baliecheck("readers").stdout


def test_cli_pcsc_simulate_card_then_read_it(simulated: list[SimulatedCardProcess]) -> None:
    card = SimulatedCardProcess("--profile", "v17")
    simulated.append(card)
    assert "Virtuele kaart 'v17' zit in vpcd-poort 35963" in card.first_line
    wait_for(lambda: _card_seen(READER_0), 5, "the card in the readers list")

    listing = baliecheck("readers")
    assert listing.returncode == 0
    assert f"{READER_0}: kaart aanwezig" in listing.stdout
    assert f"{READER_1}: leeg" in listing.stdout

    result = baliecheck("card")
    assert result.returncode == 0, result.stdout + result.stderr
    number = PROFILES["v17"].national_number
    assert number is not None
    assert f"Lezer:               {READER_0}" in result.stdout
    assert "1.7 (applet 0x17)" in result.stdout
    assert f"{number[:2]}.{number[2:4]}.{number[4:6]}-xxx.xx" in result.stdout
    assert number not in result.stdout + result.stderr

    code, output = card.stop(signal.SIGTERM)
    assert code == 0
    assert "Kaart uitgenomen." in output


def test_cli_pcsc_specimen_identity_file(
    testvectors: Path, simulated: list[SimulatedCardProcess]
) -> None:
    specimen = testvectors / "ec-specimen-identity.bin"
    card = SimulatedCardProcess("--identity-file", str(specimen), "--port", "35964")
    simulated.append(card)
    wait_for(lambda: _card_seen(READER_1), 5, "the specimen card in the second reader")
    result = baliecheck("card", "--reader", READER_1)
    assert result.returncode == 0, result.stdout
    assert "01.05.03-xxx.xx" in result.stdout
    assert "05.07.2032" in result.stdout
    assert "01050399963" not in result.stdout + result.stderr


def test_cli_pcsc_reader_choice_faults(vpcd: VpcdCards) -> None:
    empty = baliecheck("card", "--reader", READER_1)
    assert empty.returncode == 3
    assert "Er zit geen kaart in de lezer. [NO_CARD]" in empty.stderr
    unknown = baliecheck("card", "--reader", "Lezer die er niet is")
    assert "[READER_NOT_FOUND]" in unknown.stderr
    nothing = baliecheck("card")
    assert "[NO_CARD]" in nothing.stderr


def test_cli_pcsc_service_stopped_says_so(pcscd: PcscDaemon) -> None:
    pcscd.stop()
    try:
        result = baliecheck("card")
        assert result.returncode == 3
        assert "De kaartlezerdienst (PC/SC) draait niet. [PCSC_UNAVAILABLE]" in result.stderr
        assert "Wat nu: Start de dienst" in result.stderr
    finally:
        pcscd.start()
