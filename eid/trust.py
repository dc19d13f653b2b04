# SPDX-License-Identifier: EUPL-1.2
"""Whom we trust to vouch for a card: the pinned Belgian eID roots, plus test certificates.

A root is recognised by the SHA-256 of its DER certificate, so nothing read from a card is
parsed before it is known. Test certificates (a test root, or a specimen's RRN certificate
whose root we do not have) are added only where configured (acceptance and training
mode) and by the tests.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

# The Belgian eID root certificates: SHA-256 of the DER certificate → name. The one list.
BELGIAN_ROOTS: Mapping[str, str] = MappingProxyType(
    {
        "7C7ED4240BB253BB35C376E12E00B027F1659DF9D8267422A93EED75EDC7ADFB": "Belgium Root CA",
        "9F9744463BE13714754E1A3BECF98C08CC205E4AB32028F4E2830C4A1B2775B8": "Belgium Root CA2",
        "A8D14E945E3E5156BCAE5E39737CF6A1B1F51028BBBF982F50CE5F4C05568B4D": "Belgium Root CA3",
        "C3FBF37259AF0954EEEA4282DD1C7226A54E7150F7C29A2C495BA34DBFE09CA0": "Belgium Root CA4",
        "702DD5C1A093CF0A9D71FADD9BF9A7C5857D89FB73B716E867228B3C2BEB968F": (
            "Belgium Root CA4 (re-issued)"
        ),
        "9C872BC979A7C09A58D4A274C199E5CB16CFA9B9618D98BC9A9988E984B8495C": "Belgium Root CA6",
    }
)


class AnchorKind(StrEnum):
    """What vouched for a card."""

    BELGIAN_ROOT = "belgian-root"
    TEST_ROOT = "test-root"
    # A configured test RRN certificate, trusted as it is: its root was not checked.
    TEST_RRN_CERTIFICATE = "test-rrn-certificate"


@dataclass(frozen=True, slots=True)
class Anchor:
    kind: AnchorKind
    name: str


def der_prefix(data: bytes) -> bytes:
    """The DER element at the start of ``data`` (card files may be zero padded).

    All of ``data`` when its start is no DER SEQUENCE header or the length runs past the end.
    """
    if len(data) < 2 or data[0] != 0x30:
        return data
    if data[1] < 0x80:
        header, size = 2, data[1]
    else:
        count = data[1] & 0x7F
        if not 1 <= count <= 3 or len(data) < 2 + count:
            return data
        header, size = 2 + count, int.from_bytes(data[2 : 2 + count], "big")
    end = header + size
    return data[:end] if end <= len(data) else data


def fingerprint(certificate: bytes) -> str:
    """SHA-256 of the DER certificate (padding after it ignored), upper-case hex."""
    return hashlib.sha256(der_prefix(certificate)).hexdigest().upper()


def certificate_der(data: bytes) -> bytes:
    """A certificate file's DER bytes, from PEM or DER; ValueError when it is neither."""
    if data.lstrip().startswith(b"-----BEGIN"):
        certificate = x509.load_pem_x509_certificate(data)
    else:
        certificate = x509.load_der_x509_certificate(der_prefix(data))
    return certificate.public_bytes(Encoding.DER)


def common_name(name: x509.Name) -> str:
    """The CN of a certificate name, else the whole name as RFC 4514 text."""
    values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(values[0].value) if values else name.rfc4514_string()


@dataclass(frozen=True, slots=True)
class TrustAnchors:
    """Pinned roots (fingerprint → name) and test certificates (acceptance, training, tests)."""

    roots: Mapping[str, str] = field(default_factory=lambda: BELGIAN_ROOTS)
    test: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def belgian(cls) -> TrustAnchors:
        """The production trust: the Belgian eID roots and nothing else."""
        return cls()

    def with_test_certificates(self, certificates: Iterable[bytes]) -> TrustAnchors:
        """This trust plus test certificates (DER or PEM); ValueError for one that is neither."""
        test = dict(self.test)
        for data in certificates:
            der = certificate_der(data)
            test[fingerprint(der)] = common_name(x509.load_der_x509_certificate(der).subject)
        return TrustAnchors(self.roots, MappingProxyType(test))

    @property
    def has_test_certificates(self) -> bool:
        return bool(self.test)

    def root_anchor(self, root_certificate: bytes) -> Anchor | None:
        """The anchor a card's root certificate file is, if it is one."""
        pin = fingerprint(root_certificate)
        if pin in self.roots:
            return Anchor(AnchorKind.BELGIAN_ROOT, self.roots[pin])
        if pin in self.test:
            return Anchor(AnchorKind.TEST_ROOT, self.test[pin])
        return None

    def rrn_anchor(self, rrn_certificate: bytes) -> Anchor | None:
        """A test RRN certificate trusted as it is (never in production: no test certificates)."""
        pin = fingerprint(rrn_certificate)
        if pin in self.test:
            return Anchor(AnchorKind.TEST_RRN_CERTIFICATE, self.test[pin])
        return None
