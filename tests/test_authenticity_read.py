# SPDX-License-Identifier: EUPL-1.2
"""Authenticity in the read flow (simulated reader), the trust data, and lazily made keys."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from hypothesis import given, settings
from hypothesis import strategies as st

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
from eid.card_profiles import ATR_V18, PROFILES, card_data
from eid.errors import AuthenticityStep, CardFault, CardNotGenuineError, EidError
from eid.sample_pki import sample_root_certificate, sample_trust
from eid.simulated import DEFAULT_READER, SimulatedCardReader
from eid.trust import BELGIAN_ROOTS, TrustAnchors, certificate_der, der_prefix, fingerprint
from eid.virtual_card import VirtualBelpicCard, pulled_at
from tests.recording_channel import RecordingChannel
from tests.test_belpic_fuzz import InMemoryChannel

if TYPE_CHECKING:
    from eid.reader import CardChannel

Step = AuthenticityStep
REFUSED = {
    "forged-byte": Step.SIGNATURE,
    "forged-byte-rsa": Step.SIGNATURE,
    "forged-key": Step.SIGNATURE,
    "forged-chain": Step.CHAIN,
    "forged-root": Step.ROOT_NOT_PINNED,
    "forged-validity": Step.VALIDITY_USAGE,
    "forged-usage": Step.VALIDITY_USAGE,
    "programmed": Step.ROOT_NOT_PINNED,
}
GENUINE = ["v17", "v18", "foreigner", "bis", "born-2000", "unknown-birth-date"]
ROOT = Path(__file__).resolve().parents[1]


def apdu_select(path: bytes) -> bytes:
    return bytes.fromhex("00A4080C06") + path


def _read(card: VirtualBelpicCard, verifier: CardVerifier) -> tuple[CardReading, list[bytes]]:
    """A verified read; the paths the read flow selected, in order (repeats dropped)."""
    reader = SimulatedCardReader()
    reader.insert(card)
    with reader.connect(DEFAULT_READER) as channel:
        recording = RecordingChannel(channel)
        reading = read_card(recording, DEFAULT_READER, verifier)
    selected = [c[5:] for c in recording.commands if c[:5] == apdu_select(b"")[:5]]
    return reading, list(dict.fromkeys(selected))


def test_read_cold_reads_the_certificates_and_warm_only_the_signature() -> None:
    verifier = CardVerifier(sample_trust())
    cold, cold_paths = _read(PROFILES["v18"].make_card(), verifier)
    warm, warm_paths = _read(PROFILES["bis"].make_card(), verifier)
    assert cold_paths == [
        IDENTITY_FILE,
        IDENTITY_SIGNATURE_FILE,
        RRN_CERTIFICATE_FILE,
        ROOT_CERTIFICATE_FILE,
    ]
    assert warm_paths == [IDENTITY_FILE, IDENTITY_SIGNATURE_FILE]
    assert isinstance(cold.authenticity, Authenticity)
    assert isinstance(warm.authenticity, Authenticity)
    assert not cold.authenticity.from_cache
    assert not warm.authenticity.certificates_read


def test_read_without_a_verifier_reads_no_signature_file() -> None:
    reader = SimulatedCardReader()
    reader.insert(PROFILES["v18"].make_card())
    with reader.connect(DEFAULT_READER) as channel:
        recording = RecordingChannel(channel)
        reading = read_card(recording, DEFAULT_READER)
    assert reading.authenticity is None
    assert apdu_select(IDENTITY_SIGNATURE_FILE) not in recording.commands


@pytest.mark.parametrize("profile", GENUINE)
def test_read_genuine_profile_in_one_transaction(profile: str) -> None:
    card = PROFILES[profile].make_card()
    channel: CardChannel = InMemoryChannel(card.process)  # fails a command outside a transaction
    reading = read_genuine_card(channel, "Fuzz reader", CardVerifier(sample_trust()))
    assert isinstance(reading.authenticity, Authenticity)
    assert reading.identity.national_number.digits == PROFILES[profile].national_number


@pytest.mark.parametrize(("profile", "step"), REFUSED.items())
def test_read_genuine_card_refuses_a_forged_profile_at_its_step(profile: str, step: Step) -> None:
    reader = SimulatedCardReader()
    reader.insert(PROFILES[profile].make_card())
    with pytest.raises(CardNotGenuineError) as caught, reader.connect(DEFAULT_READER) as channel:
        read_genuine_card(channel, DEFAULT_READER, CardVerifier(sample_trust()))
    assert caught.value.step is step
    number = PROFILES[profile].national_number
    assert number is not None
    assert number not in str(caught.value) + repr(caught.value)


def test_read_card_pulled_at_each_command_of_a_cold_verified_read_gives_card_removed() -> None:
    counted: list[int] = []
    card = PROFILES["v17"].make_card()
    card.on_command = counted.append
    reader = SimulatedCardReader()
    reader.insert(card)
    with reader.connect(DEFAULT_READER) as channel:
        read_genuine_card(channel, DEFAULT_READER, CardVerifier(sample_trust()))
    assert len(counted) > 15  # identity, card data, signature and two certificates
    for command in range(1, len(counted) + 1):
        card = PROFILES["v17"].make_card()

        card.on_command = pulled_at(command)
        reader.insert(card)
        with pytest.raises(EidError) as caught, reader.connect(DEFAULT_READER) as channel:
            read_genuine_card(channel, DEFAULT_READER, CardVerifier(sample_trust()))
        assert caught.value.fault is CardFault.CARD_REMOVED, f"pulled at {command}"


_FILE = st.one_of(st.none(), st.binary(max_size=700), st.just(b""), st.just(bytes(0xFC)))


@settings(deadline=None, max_examples=60)
@given(signature=_FILE, rrn=_FILE, root=_FILE)
def test_read_arbitrary_authenticity_files_give_not_genuine_or_corrupt(
    signature: bytes | None, rrn: bytes | None, root: bytes | None
) -> None:
    good = PROFILES["v18"].make_card()
    files = {IDENTITY_FILE: good.files[IDENTITY_FILE]}
    for path, content in (
        (IDENTITY_SIGNATURE_FILE, signature),
        (RRN_CERTIFICATE_FILE, rrn),
        (ROOT_CERTIFICATE_FILE, root),
    ):
        if content is not None:
            files[path] = content
    card = VirtualBelpicCard(atr=ATR_V18, files=files, card_data=card_data(0x18))
    reader = SimulatedCardReader()
    reader.insert(card)
    with pytest.raises(EidError) as caught, reader.connect(DEFAULT_READER) as channel:
        read_genuine_card(channel, DEFAULT_READER, CardVerifier(sample_trust()))
    assert caught.value.fault in {CardFault.CARD_NOT_GENUINE, CardFault.CARD_DATA_CORRUPT}


# -- the trust data -------------------------------------------------------------------------


def test_trust_belgian_roots_are_six_sha256_pins() -> None:
    assert len(BELGIAN_ROOTS) == 6
    for pin, name in BELGIAN_ROOTS.items():
        assert len(pin) == 64
        assert pin == pin.upper()
        bytes.fromhex(pin)
        assert name.startswith("Belgium Root CA")
    assert not TrustAnchors.belgian().has_test_certificates


def test_trust_padding_after_a_certificate_is_ignored() -> None:
    root = sample_root_certificate()
    assert der_prefix(root + bytes(300)) == root
    assert fingerprint(root + bytes(300)) == fingerprint(root)
    assert der_prefix(b"\x30\x82\xff\xff" + bytes(10)) == b"\x30\x82\xff\xff" + bytes(10)
    assert der_prefix(b"garbage") == b"garbage"


def test_trust_test_certificates_from_pem_or_der() -> None:
    root = sample_root_certificate()
    pem = x509.load_der_x509_certificate(root).public_bytes(Encoding.PEM)
    assert certificate_der(pem) == root
    assert certificate_der(root + bytes(4)) == root
    with pytest.raises(ValueError, match=r".+"):
        certificate_der(b"not a certificate")
    trust = TrustAnchors.belgian().with_test_certificates([pem])
    anchor = trust.root_anchor(root)
    assert anchor is not None
    assert anchor.name == "Baliecheck TEST Root CA"
    assert TrustAnchors.belgian().root_anchor(root) is None


def test_sample_keys_are_made_on_first_read_not_on_import() -> None:
    """Making a sample card costs nothing until its signature file is read."""
    script = (
        "import eid.card_profiles as c, eid.sample_pki as s\n"
        "card = c.PROFILES['v17'].make_card()\n"
        "assert s._key.cache_info().currsize == 0, 'keys made too early'\n"
        "card.files[c.IDENTITY_FILE]\n"
        "assert s._key.cache_info().currsize == 0, 'keys made for the identity file'\n"
        "card.files[s.IDENTITY_SIGNATURE_FILE]\n"
        "assert s._key.cache_info().currsize > 0\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
