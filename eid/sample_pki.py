# SPDX-License-Identifier: EUPL-1.2
"""The sample cards' PKI: a test root, test RRN keys and forgeries, made once per process.

Keys are generated on first use (an RSA key takes tens of milliseconds), never at import,
and never written anywhere: a sample card is genuine only to the process that made it, and
only when that process trusts ``sample_trust()`` (training mode and the tests).
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from eid.belpic import IDENTITY_SIGNATURE_FILE, ROOT_CERTIFICATE_FILE, RRN_CERTIFICATE_FILE
from eid.sample_signing import Forgery, Signer
from eid.trust import TrustAnchors

if TYPE_CHECKING:
    PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    PublicKey = ec.EllipticCurvePublicKey | rsa.RSAPublicKey

SAMPLE_ROOT = "Baliecheck TEST Root CA"
SIGNATURE_FILE_SIZE = 256  # 4032 holds the signature, zero padded
_LOCK = threading.RLock()  # two threads must not make two different "same" keys


def _day(year: int, month: int = 1, day: int = 1) -> dt.datetime:
    return dt.datetime(year, month, day, tzinfo=dt.UTC)


ROOT_VALIDITY = (_day(2010), _day(2050))
EC_RRN_VALIDITY = (_day(2020), _day(2040))
# Expired since 2023, while cards issued in 2022 stay genuine: the rule for expired RRN
# certificates is exercised by every RSA sample card.
RSA_RRN_VALIDITY = (_day(2014), _day(2023))
EXPIRED_BEFORE_ISSUE = (_day(2000), _day(2005))


@functools.cache
def _key(role: str, *, rsa_key: bool = False) -> PrivateKey:
    if rsa_key:
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return ec.generate_private_key(ec.SECP384R1())


def _name(common_name: str, organisation: str | None = None) -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    if organisation is not None:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    return x509.Name([*parts, x509.NameAttribute(NameOID.COUNTRY_NAME, "BE")])


def _usage(*, signing: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=signing,
        content_commitment=signing,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=not signing,
        crl_sign=not signing,
        encipher_only=False,
        decipher_only=False,
    )


def _certificate(
    subject: x509.Name,
    key: PublicKey,
    issuer: tuple[x509.Name, PrivateKey],
    validity: tuple[dt.datetime, dt.datetime],
    *,
    signing: bool,
) -> bytes:
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer[0])
        .public_key(key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(validity[0])
        .not_valid_after(validity[1])
        .add_extension(x509.BasicConstraints(ca=not signing, path_length=None), critical=True)
        .add_extension(_usage(signing=signing), critical=True)
    )
    return builder.sign(issuer[1], hashes.SHA384()).public_bytes(Encoding.DER)


@functools.cache
def _root(role: str) -> bytes:
    """A self-signed root named SAMPLE_ROOT (role "root" is the trusted one)."""
    key = _key(role)
    name = _name(SAMPLE_ROOT)
    return _certificate(name, key.public_key(), (name, key), ROOT_VALIDITY, signing=False)


def sample_root_certificate() -> bytes:
    """The sample cards' root (DER), made on first use."""
    with _LOCK:
        return _root("root")


def sample_trust() -> TrustAnchors:
    """The Belgian roots plus the sample root: the trust of training mode and the tests."""
    return TrustAnchors.belgian().with_test_certificates([sample_root_certificate()])


_OWN_KEY = frozenset(
    {Forgery.OTHER_ROOT, Forgery.UNPINNED_ROOT, Forgery.NOT_VALID_AT_ISSUE, Forgery.WRONG_USAGE}
)
# Which root key issues the RRN certificate; all roots are named SAMPLE_ROOT.
_ISSUER_ROLES = {Forgery.OTHER_ROOT: "other-root", Forgery.UNPINNED_ROOT: "unpinned"}


@functools.cache
def _rrn(rsa_key: bool, forgery: Forgery | None) -> tuple[bytes, PrivateKey, bytes]:
    """(RRN certificate, its private key, root certificate) for a signer and a forgery."""
    # A forger has no RRN private key: every forged certificate carries a key of its own.
    key = _key(f"rrn-{forgery.name}" if forgery in _OWN_KEY else "rrn", rsa_key=rsa_key)
    issuer_role = _ISSUER_ROLES.get(forgery, "root") if forgery is not None else "root"
    validity = RSA_RRN_VALIDITY if rsa_key else EC_RRN_VALIDITY
    if forgery is Forgery.NOT_VALID_AT_ISSUE:
        validity = EXPIRED_BEFORE_ISSUE
    subject = _name(f"Baliecheck TEST RRN {'RSA' if rsa_key else 'EC'}", "TEST")
    issuer = (_name(SAMPLE_ROOT), _key(issuer_role))
    signing = forgery is not Forgery.WRONG_USAGE
    certificate = _certificate(subject, key.public_key(), issuer, validity, signing=signing)
    # OTHER_ROOT: the card still carries the trusted root; only the RRN certificate is wrong.
    on_card = "unpinned" if forgery is Forgery.UNPINNED_ROOT else "root"
    return certificate, key, _root(on_card)


def _sign(key: PrivateKey, identity: bytes, signer: Signer) -> bytes:
    if isinstance(key, ec.EllipticCurvePrivateKey):
        signature = key.sign(identity, ec.ECDSA(hashes.SHA384()))
    else:
        digest = hashes.SHA1() if signer is Signer.RSA_SHA1 else hashes.SHA256()
        signature = key.sign(identity, padding.PKCS1v15(), digest)
    return signature.ljust(SIGNATURE_FILE_SIZE, b"\0")


def authenticity_files(
    identity: bytes, signer: Signer, forgery: Forgery | None = None
) -> dict[bytes, bytes]:
    """4032, 503C and 503B for an identity file, signed as ``signer``; one thing wrong if forged.

    For CHANGED_BYTE the signature is over ``identity``: serve ``served_identity(...)``.
    """
    rsa_key = signer is not Signer.EC
    with _LOCK:
        certificate, key, root = _rrn(rsa_key, forgery)
        if forgery is Forgery.OTHER_KEY:
            key = _key("other", rsa_key=rsa_key)
        signature = _sign(key, identity, signer)
    return {
        IDENTITY_SIGNATURE_FILE: signature,
        RRN_CERTIFICATE_FILE: certificate,
        ROOT_CERTIFICATE_FILE: root,
    }
