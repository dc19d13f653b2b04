# SPDX-License-Identifier: EUPL-1.2
"""Card authenticity: the identity file must carry the National Register's signature.

The steps: (1) the card's root certificate is a pinned root; (2) the RRN certificate is
signed by it, was valid on the day the card was issued, and is meant for signing; (3) the
identity signature verifies with the RRN key. A failure raises CardNotGenuineError naming
the step. Verified RRN certificates are cached by their SHA-256, and ``recall`` lets a card
of a known generation be confirmed from its signature alone (see ``CardVerifier``).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from eid.errors import AuthenticityStep, CardNotGenuineError
from eid.trust import Anchor, TrustAnchors, common_name, der_prefix, fingerprint

if TYPE_CHECKING:
    import datetime as dt

Step = AuthenticityStep
RrnKey = rsa.RSAPublicKey | ec.EllipticCurvePublicKey
# What parsing or checking a malformed certificate can raise in ``cryptography``.
_CERT_ERRORS = (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm)
_RSA_HASHES: tuple[tuple[str, type[hashes.HashAlgorithm]], ...] = (
    ("SHA-256", hashes.SHA256),
    ("SHA-1", hashes.SHA1),  # older 1.7 cards; the identity file is signed, not a certificate
)
CACHE_SIZE = 8  # verified RRN certificates kept; a few generations exist


@dataclass(frozen=True, slots=True)
class CardFiles:
    """The files authenticity rests on, as read from the card (None: not on the card)."""

    identity: bytes
    signature: bytes | None
    rrn_certificate: bytes | None
    root_certificate: bytes | None


@dataclass(frozen=True, slots=True)
class Authenticity:
    """A card confirmed genuine: who vouched, with which algorithm, and what the cache saved.

    ``from_cache``: the RRN certificate's chain was verified on an earlier card.
    ``certificates_read``: False when the card was confirmed by its signature alone.
    """

    anchor: Anchor
    rrn_subject: str
    algorithm: str
    from_cache: bool
    certificates_read: bool


@dataclass(frozen=True, slots=True)
class VerifiedRrn:
    """An RRN certificate whose chain and usage passed, as the cache keeps it."""

    anchor: Anchor
    subject: str
    key: RrnKey
    valid_from: dt.date
    valid_until: dt.date

    def covers(self, issued: dt.date) -> bool:
        return self.valid_from <= issued <= self.valid_until


class CardVerifier:
    """Checks cards against one trust, and caches the RRN certificates it has verified.

    The cache is keyed by the SHA-256 of the RRN certificate. On a read, ``recall`` first
    tries the identity signature against the cached RRN keys: a signature that verifies
    with a key whose chain was verified proves the card as well as a full check would, so
    the certificate files need not be read at all. Only when no cached key verifies are
    they read and ``verify`` runs (using the cache again if the certificate is known).
    """

    def __init__(self, trust: TrustAnchors, *, cache_size: int = CACHE_SIZE) -> None:
        self.trust = trust
        self._cache_size = cache_size
        self._cache: OrderedDict[str, VerifiedRrn] = OrderedDict()
        self._roots: dict[str, x509.Certificate] = {}
        self._lock = threading.Lock()

    def recall(
        self, identity: bytes, signature: bytes | None, issued: dt.date
    ) -> Authenticity | None:
        """Confirm a card by a cached RRN key alone; None when no cached key verifies it."""
        if signature is None:
            return None
        with self._lock:
            candidates = list(reversed(self._cache.items()))  # most recently used first
        for pin, rrn in candidates:
            if not rrn.covers(issued):
                continue
            algorithm = signature_algorithm(rrn.key, identity, signature)
            if algorithm is not None:
                self._touch(pin, rrn)
                return Authenticity(
                    rrn.anchor, rrn.subject, algorithm, True, certificates_read=False
                )
        return None

    def verify(self, files: CardFiles, issued: dt.date) -> Authenticity:
        """All three steps on the files read; CardNotGenuineError names the first that fails."""
        rrn, from_cache = self._verified_rrn(files)
        if not rrn.covers(issued):
            raise CardNotGenuineError(
                Step.VALIDITY_USAGE,
                "the card was issued outside the RRN certificate's validity "
                f"({rrn.valid_from} .. {rrn.valid_until})",
            )
        if files.signature is None:
            raise CardNotGenuineError(Step.SIGNATURE, "no identity signature file on the card")
        algorithm = signature_algorithm(rrn.key, files.identity, files.signature)
        if algorithm is None:
            raise CardNotGenuineError(
                Step.SIGNATURE, f"the identity signature does not verify with {rrn.subject!r}"
            )
        return Authenticity(rrn.anchor, rrn.subject, algorithm, from_cache, certificates_read=True)

    def _verified_rrn(self, files: CardFiles) -> tuple[VerifiedRrn, bool]:
        """Steps 1 and 2 for the card's certificates, or their cached result (True)."""
        if files.rrn_certificate is None:
            self._anchor_and_root(files)  # a missing root is reported first (step 1)
            raise CardNotGenuineError(Step.CHAIN, "no RRN certificate file on the card")
        pin = fingerprint(files.rrn_certificate)
        with self._lock:
            known = self._cache.get(pin)
        from_cache = known is not None
        if known is None:
            anchor, root = self._anchor_and_root(files)
            known = _check_usage(anchor, _chain(files.rrn_certificate, anchor, root))
        self._touch(pin, known)
        return known, from_cache

    def _anchor_and_root(self, files: CardFiles) -> tuple[Anchor, x509.Certificate | None]:
        """Step 1: a test RRN certificate trusted as it is, else the card's pinned root."""
        if files.rrn_certificate is not None:
            anchor = self.trust.rrn_anchor(files.rrn_certificate)
            if anchor is not None:
                return anchor, None
        return self._pinned_root(files.root_certificate)

    def _pinned_root(self, root_file: bytes | None) -> tuple[Anchor, x509.Certificate]:
        if root_file is None:
            raise CardNotGenuineError(Step.ROOT_NOT_PINNED, "no root certificate file on the card")
        anchor = self.trust.root_anchor(root_file)
        pin = fingerprint(root_file)
        if anchor is None:
            raise CardNotGenuineError(
                Step.ROOT_NOT_PINNED, f"root certificate SHA-256 {pin[:16]}... is not pinned"
            )
        with self._lock:
            root = self._roots.get(pin)
        if root is None:
            try:
                root = x509.load_der_x509_certificate(der_prefix(root_file))
            except ValueError:
                raise CardNotGenuineError(
                    Step.ROOT_NOT_PINNED, f"pinned root {anchor.name!r} does not parse"
                ) from None
            with self._lock:
                self._roots[pin] = root
        return anchor, root

    def _touch(self, pin: str, rrn: VerifiedRrn) -> None:
        """Put ``rrn`` at the recently-used end of the cache, dropping the oldest beyond size."""
        with self._lock:
            self._cache[pin] = rrn
            self._cache.move_to_end(pin)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)


def _chain(rrn_file: bytes, anchor: Anchor, root: x509.Certificate | None) -> x509.Certificate:
    """Step 2 (chain): the RRN certificate parses and is signed by the root (name and key)."""
    try:
        certificate = x509.load_der_x509_certificate(der_prefix(rrn_file))
        if root is not None:
            certificate.verify_directly_issued_by(root)
    except _CERT_ERRORS as exc:
        raise CardNotGenuineError(
            Step.CHAIN,
            f"the RRN certificate is not one issued by {anchor.name!r} ({type(exc).__name__})",
        ) from None
    return certificate


def _check_usage(anchor: Anchor, certificate: x509.Certificate) -> VerifiedRrn:
    """Step 2 (usage): the RRN key signs (digital signature or non-repudiation), RSA or EC."""
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
        key = certificate.public_key()
        valid = (certificate.not_valid_before_utc.date(), certificate.not_valid_after_utc.date())
        subject = common_name(certificate.subject)
    except (x509.ExtensionNotFound, *_CERT_ERRORS) as exc:
        raise CardNotGenuineError(
            Step.VALIDITY_USAGE,
            f"the RRN certificate has no usable key usage ({type(exc).__name__})",
        ) from None
    if not (usage.digital_signature or usage.content_commitment):
        raise CardNotGenuineError(
            Step.VALIDITY_USAGE, "the RRN certificate is not meant for signatures (key usage)"
        )
    if not isinstance(key, rsa.RSAPublicKey | ec.EllipticCurvePublicKey):
        raise CardNotGenuineError(
            Step.VALIDITY_USAGE, f"the RRN key is {type(key).__name__}, neither RSA nor EC"
        )
    return VerifiedRrn(anchor, subject, key, *valid)


def signature_algorithm(key: RrnKey, identity: bytes, signature: bytes) -> str | None:
    """The algorithm with which ``signature`` (the zero-padded file) verifies, or None.

    EC: ECDSA with SHA-384 over a DER signature of ``2 + byte[1]`` bytes. RSA: PKCS#1 v1.5
    over the first modulus-length bytes, SHA-256 tried before SHA-1.
    """
    if isinstance(key, ec.EllipticCurvePublicKey):
        if len(signature) < 2 or signature[0] != 0x30:
            return None
        try:
            key.verify(signature[: 2 + signature[1]], identity, ec.ECDSA(hashes.SHA384()))
        except (InvalidSignature, ValueError):
            return None
        return f"ECDSA {key.curve.name} SHA-384"
    value = signature[: (key.key_size + 7) // 8]
    for name, digest in _RSA_HASHES:
        try:
            key.verify(value, identity, padding.PKCS1v15(), digest())
        except (InvalidSignature, ValueError):
            continue
        return f"RSA PKCS#1 v1.5 {name}"
    return None
