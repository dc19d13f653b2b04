# SPDX-License-Identifier: EUPL-1.2
"""The national number of a decision without advice, sealed in the outbox until it is delivered.

The contract needs the number (``insz``) when there is no advice to refer to, and the store
must never hold the digits. So the outbox keeps it encrypted with AES-256-GCM (cryptography)
under a key derived from the keyring's installation key, and drops it once the backend has a
receipt. The entry's Idempotency-Key is the associated data, so a sealed number cannot be
moved to another entry.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.audit.records import derive_key
from app.problems import AppError, Problem

_VERSION = b"\x02"
_NONCE = 12


class Sealer:
    """Seals and opens short secrets with a key derived from the installation key."""

    def __init__(self, pseudonym_key: bytes) -> None:
        self._aead = AESGCM(derive_key(pseudonym_key, b"outbox seal v2: aes-256-gcm"))

    def seal(self, secret: bytes, *, bound_to: str) -> bytes:
        nonce = os.urandom(_NONCE)
        return _VERSION + nonce + self._aead.encrypt(nonce, secret, bound_to.encode("utf-8"))

    def open(self, sealed: bytes, *, bound_to: str) -> bytes:
        """The secret; AUDIT_KEY_MISMATCH when the box was sealed under another key or altered."""
        if sealed[:1] == _VERSION and len(sealed) > 1 + _NONCE:
            nonce, body = sealed[1 : 1 + _NONCE], sealed[1 + _NONCE :]
            try:
                return self._aead.decrypt(nonce, body, bound_to.encode("utf-8"))
            except InvalidTag:
                pass
        raise AppError(
            Problem.AUDIT_KEY_MISMATCH,
            "a sealed number in the outbox does not open with this installation's key",
        )
