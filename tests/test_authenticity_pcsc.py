# SPDX-License-Identifier: EUPL-1.2
"""Card authenticity over the real stack: pyscard → pcscd → vpcd → our virtual BELPIC card."""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

import pytest

from eid.authenticity import Authenticity, CardVerifier
from eid.belpic import (
    IDENTITY_FILE,
    IDENTITY_SIGNATURE_FILE,
    ROOT_CERTIFICATE_FILE,
    RRN_CERTIFICATE_FILE,
    CardReading,
    read_card,
    read_genuine_card,
)
from eid.card_profiles import PROFILES, card_from_files
from eid.errors import AuthenticityStep, CardNotGenuineError
from eid.sample_pki import sample_trust
from eid.trust import AnchorKind, TrustAnchors
from tests.pcsc_stack import READER_0
from tests.recording_channel import RecordingChannel
from tests.test_authenticity_read import REFUSED, apdu_select
from tests.test_cli import BALIECHECK

if TYPE_CHECKING:
    from pathlib import Path

    from eid.pcsc import PcscCardReader
    from tests.pcsc_stack import VpcdCards

pytestmark = pytest.mark.pcsc


def _read(reader: PcscCardReader, verifier: CardVerifier) -> tuple[CardReading, list[bytes]]:
    """A verified read over PC/SC and the paths it selected (repeats dropped)."""
    with reader.connect(READER_0) as channel:
        recording = RecordingChannel(channel)
        reading = read_card(recording, READER_0, verifier)
    selected = [c[5:] for c in recording.commands if c[:5] == apdu_select(b"")[:5]]
    return reading, list(dict.fromkeys(selected))


@pytest.mark.parametrize(
    ("profile", "algorithm"),
    [
        ("v17", "RSA PKCS#1 v1.5 SHA-256"),  # its RRN certificate expired in 2023
        ("v18", "ECDSA secp384r1 SHA-384"),
        ("unknown-birth-date", "RSA PKCS#1 v1.5 SHA-1"),
    ],
)
def test_pcsc_genuine_profile_verifies_cold_then_warm(
    profile: str, algorithm: str, vpcd: VpcdCards, pcsc_reader: PcscCardReader
) -> None:
    vpcd.insert(PROFILES[profile].make_card())
    verifier = CardVerifier(sample_trust())
    cold, cold_paths = _read(pcsc_reader, verifier)
    warm, warm_paths = _read(pcsc_reader, verifier)
    for reading in (cold, warm):
        assert isinstance(reading.authenticity, Authenticity)
        assert reading.authenticity.algorithm == algorithm
        assert reading.authenticity.anchor.kind is AnchorKind.TEST_ROOT
    assert RRN_CERTIFICATE_FILE in cold_paths
    assert ROOT_CERTIFICATE_FILE in cold_paths
    assert warm_paths == [IDENTITY_FILE, IDENTITY_SIGNATURE_FILE]


@pytest.mark.parametrize(("profile", "step"), REFUSED.items())
def test_pcsc_forged_profile_refused_at_its_step(
    profile: str, step: AuthenticityStep, vpcd: VpcdCards, pcsc_reader: PcscCardReader
) -> None:
    verifier = CardVerifier(sample_trust())
    vpcd.insert(PROFILES["v18"].make_card())
    with pcsc_reader.connect(READER_0) as channel:
        read_genuine_card(channel, READER_0, verifier)  # a genuine card fills the cache first
    vpcd.remove()
    vpcd.insert(PROFILES[profile].make_card())
    with pytest.raises(CardNotGenuineError) as caught, pcsc_reader.connect(READER_0) as channel:
        read_genuine_card(channel, READER_0, verifier)
    assert caught.value.step is step


def test_pcsc_specimen_card_verifies_only_with_its_rrn_certificate_trusted(
    testvectors: Path, vpcd: VpcdCards, pcsc_reader: PcscCardReader
) -> None:
    rrn = (testvectors / "ec-specimen-rrn-cert.der").read_bytes()
    files = {
        IDENTITY_FILE: (testvectors / "ec-specimen-identity.bin").read_bytes(),
        IDENTITY_SIGNATURE_FILE: (testvectors / "ec-specimen-identity-signature.bin").read_bytes(),
        RRN_CERTIFICATE_FILE: rrn,  # its root "eID TEST EC Root CA" is not published with it
    }
    vpcd.insert(card_from_files(files))
    trusted = CardVerifier(TrustAnchors.belgian().with_test_certificates([rrn]))
    with pcsc_reader.connect(READER_0) as channel:
        reading = read_genuine_card(channel, READER_0, trusted)
    assert isinstance(reading.authenticity, Authenticity)
    assert reading.authenticity.anchor.kind is AnchorKind.TEST_RRN_CERTIFICATE
    assert reading.identity.national_number.digits == "01050399963"
    with pytest.raises(CardNotGenuineError) as caught, pcsc_reader.connect(READER_0) as channel:
        read_genuine_card(channel, READER_0, CardVerifier(TrustAnchors.belgian()))
    assert caught.value.step is AuthenticityStep.ROOT_NOT_PINNED


def test_pcsc_check_outside_training_refuses_a_sample_card(vpcd: VpcdCards, tmp_path: Path) -> None:
    """Production trust (Belgian roots only): the virtual card is refused before any advice."""
    config = tmp_path / "balie.toml"
    config.write_text("training = false\n", encoding="utf-8")
    vpcd.insert(PROFILES["v18"].make_card())
    result = subprocess.run(
        [BALIECHECK, "--config", str(config), "check", "--service", "lez-registratie"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 3, result.stderr
    assert "Deze kaart kon niet als echt worden bevestigd. [CARD_NOT_GENUINE]" in result.stderr
    assert result.stdout == ""
    number = PROFILES["v18"].national_number
    assert number is not None
    assert number not in result.stderr
