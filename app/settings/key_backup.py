# SPDX-License-Identifier: EUPL-1.2
"""A backup of the installation key, sealed with a passphrase (``credentials export/import``).

The key is the only way to read what the audit store and the source lists hold; a keyring
reset without a backup loses it for good. The backup is a small JSON file: scrypt (n = 2^15,
r = 8, p = 1; about 32 MB and a tenth of a second, so each passphrase guess costs the same)
derives an AES-256-GCM key from the passphrase and a random salt; the file's header (format
and scrypt parameters) is the associated data, so neither can be changed unseen. Both come
from ``cryptography``, which the audit store already uses for its sealed numbers.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from enum import StrEnum

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

FORMAT = "baliecheck-key-backup-v1"
MIN_PASSPHRASE = 12
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}
_MAX_N = 2**20  # a damaged or hostile file must not make us allocate gigabytes


class BackupFault(StrEnum):
    DAMAGED = "damaged"  # not a backup of ours, or a part of it is missing or malformed
    WRONG_PASSPHRASE = "wrong-passphrase"  # or the sealed part was altered: GCM cannot tell


class KeyBackupError(ValueError):
    """The backup cannot be opened; ``fault`` says why, for the admin's words."""

    def __init__(self, fault: BackupFault, detail: str) -> None:
        super().__init__(detail)
        self.fault = fault


def seal_key(key_hex: str, passphrase: str) -> bytes:
    """The backup file's bytes for ``key_hex`` under ``passphrase``."""
    salt = os.urandom(16)
    header = {"format": FORMAT, "kdf": "scrypt", **_SCRYPT, "salt": _b64(salt)}
    nonce = os.urandom(12)
    secret = json.dumps({"pseudonym-key": key_hex}).encode("utf-8")
    sealed = AESGCM(_derive(passphrase, header, salt)).encrypt(nonce, secret, _aad(header))
    body = {**header, "nonce": _b64(nonce), "sealed": _b64(sealed)}
    return (json.dumps(body, indent=1) + "\n").encode("ascii")


def open_key(data: bytes, passphrase: str) -> str:
    """The installation key (hex) in a backup; KeyBackupError when it cannot be opened."""
    try:
        body = json.loads(data.decode("utf-8"))
        header = {name: body[name] for name in ("format", "kdf", "n", "r", "p", "salt")}
        salt, nonce, sealed = (_unb64(body[name]) for name in ("salt", "nonce", "sealed"))
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, binascii.Error):
        raise KeyBackupError(BackupFault.DAMAGED, "not a baliecheck key backup") from None
    _check_header(header)
    try:
        secret = AESGCM(_derive(passphrase, header, salt)).decrypt(nonce, sealed, _aad(header))
    except (InvalidTag, ValueError):
        raise KeyBackupError(BackupFault.WRONG_PASSPHRASE, "wrong passphrase") from None
    try:
        key_hex = str(json.loads(secret)["pseudonym-key"])
        length = len(bytes.fromhex(key_hex))
    except (ValueError, KeyError, TypeError):
        length = 0
    if length < 16:
        raise KeyBackupError(BackupFault.DAMAGED, "the sealed key is not a key")
    return key_hex


def _check_header(header: dict[str, object]) -> None:
    n, r, p = header["n"], header["r"], header["p"]
    sound = (
        header["format"] == FORMAT
        and header["kdf"] == "scrypt"
        and isinstance(n, int)
        and 2 <= n <= _MAX_N
        and n & (n - 1) == 0
        and r == _SCRYPT["r"]
        and isinstance(p, int)
        and 1 <= p <= 4
    )
    if not sound:
        raise KeyBackupError(BackupFault.DAMAGED, "unknown backup format or parameters")


def _derive(passphrase: str, header: dict[str, object], salt: bytes) -> bytes:
    n, r, p = (int(str(header[name])) for name in ("n", "r", "p"))
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _aad(header: dict[str, object]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise TypeError("not text")
    return base64.b64decode(text, validate=True)
