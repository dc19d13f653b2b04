# SPDX-License-Identifier: EUPL-1.2
"""Card authenticity on card files: the specimen card, sample signers, forgeries, the cache."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eid.authenticity import Authenticity, CardFiles, CardVerifier
from eid.belpic import IDENTITY_SIGNATURE_FILE, ROOT_CERTIFICATE_FILE, RRN_CERTIFICATE_FILE
from eid.card_profiles import Person, identity_file, synthetic_number
from eid.errors import AuthenticityStep, CardFault, CardNotGenuineError
from eid.sample_pki import (
    RSA_RRN_VALIDITY,
    authenticity_files,
    sample_root_certificate,
    sample_trust,
)
from eid.sample_signing import Forgery, Signer, served_identity
from eid.trust import AnchorKind, TrustAnchors

Step = AuthenticityStep
PERSON = Person(synthetic_number(dt.date(1985, 7, 30), 998), "30 JUL 1985", "An")
ISSUED = dt.date(2022, 3, 14)
IDENTITY = identity_file(PERSON, issued=ISSUED)
OTHER = identity_file(Person(synthetic_number(dt.date(1979, 11, 2), 996), "", "Zoe"), issued=ISSUED)
FORGERY_STEPS = {
    Forgery.CHANGED_BYTE: Step.SIGNATURE,
    Forgery.OTHER_KEY: Step.SIGNATURE,
    Forgery.OTHER_ROOT: Step.CHAIN,
    Forgery.UNPINNED_ROOT: Step.ROOT_NOT_PINNED,
    Forgery.NOT_VALID_AT_ISSUE: Step.VALIDITY_USAGE,
    Forgery.WRONG_USAGE: Step.VALIDITY_USAGE,
}


def card(
    identity: bytes = IDENTITY, signer: Signer = Signer.EC, forgery: Forgery | None = None
) -> CardFiles:
    files = authenticity_files(identity, signer, forgery)
    return CardFiles(
        served_identity(identity, forgery),
        files[IDENTITY_SIGNATURE_FILE],
        files[RRN_CERTIFICATE_FILE],
        files[ROOT_CERTIFICATE_FILE],
    )


def refusal(verifier: CardVerifier, files: CardFiles, issued: dt.date = ISSUED) -> Step:
    with pytest.raises(CardNotGenuineError) as caught:
        verifier.verify(files, issued)
    assert caught.value.fault is CardFault.CARD_NOT_GENUINE
    return caught.value.step


# -- the specimen card (../shared/testvectors) ---------------------------------------------


# The ``specimen`` fixture (tests/conftest.py): its identity, signature and RRN certificate.


SPECIMEN_ISSUED = dt.date(2022, 7, 5)


def test_authenticity_specimen_verifies_with_its_test_rrn_certificate_trusted(
    specimen: CardFiles,
) -> None:
    assert specimen.rrn_certificate is not None
    trust = TrustAnchors.belgian().with_test_certificates([specimen.rrn_certificate])
    result = CardVerifier(trust).verify(specimen, SPECIMEN_ISSUED)
    assert result.anchor.kind is AnchorKind.TEST_RRN_CERTIFICATE
    assert result.anchor.name == "eID TEST EC RRN"
    assert result.algorithm == "ECDSA secp384r1 SHA-384"


def test_authenticity_specimen_refused_with_only_the_belgian_roots(specimen: CardFiles) -> None:
    assert refusal(CardVerifier(TrustAnchors.belgian()), specimen, SPECIMEN_ISSUED) is (
        Step.ROOT_NOT_PINNED
    )


def test_authenticity_specimen_under_a_trusted_root_that_did_not_issue_it_fails_the_chain(
    specimen: CardFiles,
) -> None:
    """Its issuer 'eID TEST EC Root CA' is not the sample root the card now carries."""
    files = CardFiles(
        specimen.identity, specimen.signature, specimen.rrn_certificate, sample_root_certificate()
    )
    assert refusal(CardVerifier(sample_trust()), files, SPECIMEN_ISSUED) is Step.CHAIN


def test_authenticity_specimen_with_one_byte_changed_fails_the_signature(
    specimen: CardFiles,
) -> None:
    assert specimen.rrn_certificate is not None
    trust = TrustAnchors.belgian().with_test_certificates([specimen.rrn_certificate])
    changed = bytearray(specimen.identity)
    changed[-1] ^= 0x01
    files = CardFiles(bytes(changed), specimen.signature, specimen.rrn_certificate, None)
    assert refusal(CardVerifier(trust), files, SPECIMEN_ISSUED) is Step.SIGNATURE


# -- sample signers and forgeries --------------------------------------------------------------


@pytest.mark.parametrize(
    ("signer", "algorithm"),
    [
        (Signer.EC, "ECDSA secp384r1 SHA-384"),
        (Signer.RSA_SHA1, "RSA PKCS#1 v1.5 SHA-1"),
        (Signer.RSA_SHA256, "RSA PKCS#1 v1.5 SHA-256"),
    ],
)
def test_authenticity_sample_signers_verify(signer: Signer, algorithm: str) -> None:
    result = CardVerifier(sample_trust()).verify(card(signer=signer), ISSUED)
    assert result.algorithm == algorithm
    assert result.anchor.kind is AnchorKind.TEST_ROOT
    assert (result.from_cache, result.certificates_read) == (False, True)


@pytest.mark.parametrize("signer", list(Signer))
@pytest.mark.parametrize("forgery", list(Forgery))
def test_authenticity_forgery_refused_at_its_step(signer: Signer, forgery: Forgery) -> None:
    assert (
        refusal(CardVerifier(sample_trust()), card(signer=signer, forgery=forgery))
        is (FORGERY_STEPS[forgery])
    )


@pytest.mark.parametrize("forgery", list(Forgery))
def test_authenticity_forgery_refused_after_genuine_cards_filled_the_cache(
    forgery: Forgery,
) -> None:
    verifier = CardVerifier(sample_trust())
    for signer in Signer:
        verifier.verify(card(OTHER, signer), ISSUED)
    forged = card(forgery=forgery)
    assert verifier.recall(forged.identity, forged.signature, ISSUED) is None
    assert refusal(verifier, forged) is FORGERY_STEPS[forgery]


def test_authenticity_sample_cards_refused_with_only_the_belgian_roots() -> None:
    assert refusal(CardVerifier(TrustAnchors.belgian()), card()) is Step.ROOT_NOT_PINNED


@pytest.mark.parametrize(
    ("drop", "step"),
    [
        ("root_certificate", Step.ROOT_NOT_PINNED),
        ("rrn_certificate", Step.CHAIN),
        ("signature", Step.SIGNATURE),
    ],
)
def test_authenticity_missing_file_names_its_step(drop: str, step: Step) -> None:
    fields = dataclasses.asdict(card())
    fields[drop] = None
    missing = CardFiles(**fields)
    assert refusal(CardVerifier(sample_trust()), missing) is step


# -- an expired RRN certificate, against the card's issue date --------------------------------


def test_authenticity_expired_rrn_certificate_accepted_for_a_card_issued_while_valid() -> None:
    """The RSA sample RRN certificate expired in 2023; a card issued in 2022 stays genuine."""
    assert RSA_RRN_VALIDITY[1].date() < dt.date.today()
    result = CardVerifier(sample_trust()).verify(card(signer=Signer.RSA_SHA256), ISSUED)
    assert result.rrn_subject == "Baliecheck TEST RRN RSA"


@pytest.mark.parametrize(
    ("issued", "genuine"),
    [
        (RSA_RRN_VALIDITY[0].date(), True),  # first day of the certificate
        (RSA_RRN_VALIDITY[1].date(), True),  # its last day
        (RSA_RRN_VALIDITY[0].date() - dt.timedelta(days=1), False),
        (RSA_RRN_VALIDITY[1].date() + dt.timedelta(days=1), False),  # issued after it expired
    ],
)
def test_authenticity_card_issue_date_must_fall_in_the_rrn_validity(
    issued: dt.date, genuine: bool
) -> None:
    files = card(identity_file(PERSON, issued=issued), Signer.RSA_SHA1)
    verifier = CardVerifier(sample_trust())
    if genuine:
        assert isinstance(verifier.verify(files, issued), Authenticity)
    else:
        assert refusal(verifier, files, issued) is Step.VALIDITY_USAGE
        assert verifier.recall(files.identity, files.signature, issued) is None


# -- the cache ----------------------------------------------------------------------------------


def test_authenticity_second_card_of_a_generation_is_confirmed_from_its_signature() -> None:
    verifier = CardVerifier(sample_trust())
    first = verifier.verify(card(), ISSUED)
    second = card(OTHER)
    recalled = verifier.recall(second.identity, second.signature, ISSUED)
    assert recalled is not None
    assert (recalled.from_cache, recalled.certificates_read) == (True, False)
    assert (recalled.anchor, recalled.algorithm) == (first.anchor, first.algorithm)
    again = verifier.verify(second, ISSUED)  # with the files read: the chain comes from the cache
    assert (again.from_cache, again.certificates_read) == (True, True)


def test_authenticity_cache_of_one_still_verifies_alternating_generations() -> None:
    verifier = CardVerifier(sample_trust(), cache_size=1)
    for signer in (Signer.EC, Signer.RSA_SHA256, Signer.EC, Signer.RSA_SHA1):
        files = card(OTHER, signer)
        if verifier.recall(files.identity, files.signature, ISSUED) is None:
            verifier.verify(files, ISSUED)
    rsa_card, ec_card = card(IDENTITY, Signer.RSA_SHA256), card(IDENTITY, Signer.EC)
    assert verifier.recall(rsa_card.identity, rsa_card.signature, ISSUED) is not None
    assert verifier.recall(ec_card.identity, ec_card.signature, ISSUED) is None  # evicted
    assert isinstance(verifier.verify(ec_card, ISSUED), Authenticity)


def test_authenticity_recall_without_a_signature_file_is_a_miss() -> None:
    verifier = CardVerifier(sample_trust())
    verifier.verify(card(), ISSUED)
    assert verifier.recall(IDENTITY, None, ISSUED) is None


# -- arbitrary bytes ----------------------------------------------------------------------------


@functools.cache
def genuine() -> CardFiles:
    return card(IDENTITY, Signer.EC)


def _mutated(original: bytes) -> st.SearchStrategy[bytes | None]:
    edits = st.lists(
        st.tuples(st.integers(0, len(original) - 1), st.integers(0, 255)), min_size=1, max_size=4
    )

    def apply(changes: list[tuple[int, int]]) -> bytes:
        data = bytearray(original)
        for at, value in changes:
            data[at] = value
        return bytes(data)

    return st.one_of(
        st.none(),
        st.binary(max_size=600),
        edits.map(apply),
        st.integers(0, len(original)).map(lambda n: original[:n]),
    )


@settings(deadline=None)
@given(st.data())
def test_authenticity_arbitrary_files_give_only_a_verdict(data: st.DataObject) -> None:
    files = genuine()
    assert files.signature is not None
    assert files.rrn_certificate is not None
    assert files.root_certificate is not None
    drawn = CardFiles(
        files.identity,
        data.draw(_mutated(files.signature), label="signature"),
        data.draw(_mutated(files.rrn_certificate), label="rrn"),
        data.draw(_mutated(files.root_certificate), label="root"),
    )
    verifier = CardVerifier(sample_trust())
    result: Authenticity | CardNotGenuineError
    try:
        result = verifier.verify(drawn, ISSUED)
    except CardNotGenuineError as exc:
        result = exc
    assert isinstance(result, Authenticity) or result.fault is CardFault.CARD_NOT_GENUINE
    verifier.recall(drawn.identity, drawn.signature, ISSUED)  # never raises


@settings(deadline=None)
@given(st.data())
def test_authenticity_any_change_to_the_identity_file_is_refused(data: st.DataObject) -> None:
    files = genuine()
    changed = data.draw(_mutated(files.identity).filter(lambda d: d not in (None, IDENTITY)))
    assert changed is not None
    verifier = CardVerifier(sample_trust())
    verifier.verify(files, ISSUED)  # warm: the genuine key is cached
    assert verifier.recall(changed, files.signature, ISSUED) is None
    forged = CardFiles(changed, files.signature, files.rrn_certificate, files.root_certificate)
    assert refusal(verifier, forged) is Step.SIGNATURE
