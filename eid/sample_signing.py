# SPDX-License-Identifier: EUPL-1.2
"""How a sample card's identity file is signed, and what a forged one gets wrong: the names
only, without cryptography (``eid.sample_pki`` makes the keys and signs when a card is read)."""

from __future__ import annotations

from enum import StrEnum

from eid.belpic import IDENTITY_SIGNATURE_FILE, ROOT_CERTIFICATE_FILE, RRN_CERTIFICATE_FILE

# What a signed sample card serves beside its identity file (made when first read).
AUTHENTICITY_FILES = (IDENTITY_SIGNATURE_FILE, RRN_CERTIFICATE_FILE, ROOT_CERTIFICATE_FILE)


class Signer(StrEnum):
    """How the National Register (here: a test key) signed the identity file."""

    EC = "ECDSA P-384 SHA-384"  # 1.8 cards and re-keyed 1.7 cards
    RSA_SHA1 = "RSA PKCS#1 v1.5 SHA-1"
    RSA_SHA256 = "RSA PKCS#1 v1.5 SHA-256"


class Forgery(StrEnum):
    """What a forged sample card gets wrong (each fails one authenticity step)."""

    CHANGED_BYTE = "one byte of the identity file changed after signing"
    OTHER_KEY = "identity signed with a key that is not the RRN certificate's"
    OTHER_ROOT = "RRN certificate issued by another root of the same name"
    UNPINNED_ROOT = "a whole chain under a root that nobody pinned"
    NOT_VALID_AT_ISSUE = "RRN certificate expired before the card was issued"
    WRONG_USAGE = "RRN certificate meant for certificate signing, not for signatures"


def served_identity(identity: bytes, forgery: Forgery | None) -> bytes:
    """The identity file the card serves: for CHANGED_BYTE, its last byte changed."""
    if forgery is not Forgery.CHANGED_BYTE:
        return identity
    return identity[:-1] + bytes([identity[-1] ^ 0x01])
