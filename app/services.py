# SPDX-License-Identifier: EUPL-1.2
"""Composition root: builds the parts the commands and the desk use, as plain Python."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from app.eligibility.embedded.engine import EmbeddedEligibility
from app.eligibility.embedded.rules import load_rules
from app.eligibility.embedded.sample_data import seed_training_store_if_needed
from app.eligibility.embedded.source_store import SourceStore
from app.eligibility.remote.client import RemoteEligibility
from app.problems import AppError, Problem
from app.resource_paths import rules_dir
from app.settings.config import BackendKind, Config
from app.settings.credentials import CredentialStore, KeyringCredentials, pseudonym_key
from eid.authenticity import CardVerifier
from eid.card_profiles import PROFILES
from eid.pcsc import PcscCardReader
from eid.sample_pki import sample_root_certificate
from eid.simulated import SimulatedCardReader
from eid.trust import TrustAnchors, certificate_der

if TYPE_CHECKING:
    from pathlib import Path

    from app.eligibility.port import EligibilityPort
    from eid.reader import CardReader

TRAINING_PROFILE = "v18"
STORE_FILE = "sources.sqlite"
TRAINING_STORE_FILE = "training-sources.sqlite"
# The training store holds only the synthetic sample lists, so its pseudonyms need no
# secret: a fixed key lets training run on a machine without a keyring.
TRAINING_KEY = b"baliecheck training sample data!"


def make_card_reader(*, training: bool, profile: str | None = TRAINING_PROFILE) -> CardReader:
    """Real PC/SC readers outside training mode; in it a simulated reader, holding the
    ``profile``'s sample card (None: empty, for the desk's "insert card" menu)."""
    if not training:
        return PcscCardReader()
    reader = SimulatedCardReader()
    if profile is not None:
        reader.insert(PROFILES[profile].make_card())
    return reader


def make_card_verifier(config: Config, *, training: bool = False) -> CardVerifier:
    """The authenticity check: the Belgian eID roots only, outside training mode.

    In training mode (the configuration's, or ``training`` for ``card --training``) the
    sample cards' root and the configured ``[card] test_roots`` are trusted too. The
    configuration refuses test roots without ``training = true``.
    """
    trust = TrustAnchors.belgian()
    if config.training or training:
        test_roots = [sample_root_certificate(), *_read_test_roots(config)]
        trust = trust.with_test_certificates(test_roots)
    return CardVerifier(trust)


def _read_test_roots(config: Config) -> list[bytes]:
    certificates = []
    for path in config.card.test_roots:
        where = f"card.test_roots: {path}"
        try:
            certificates.append(certificate_der(path.read_bytes()))
        except OSError as exc:
            raise AppError(
                Problem.CONFIG_INVALID, f"{where}: cannot be read ({exc.strerror})"
            ) from None
        except ValueError:
            raise AppError(
                Problem.CONFIG_INVALID, f"{where}: not a certificate (PEM or DER)"
            ) from None
    return certificates


def store_path(config: Config, data_dir: Path) -> Path:
    """The embedded engine's lists: the configured file, else ``sources.sqlite`` in the data dir."""
    if config.embedded.store is not None:
        return config.embedded.store
    return data_dir / STORE_FILE


def open_store(config: Config, data_dir: Path, credentials: CredentialStore) -> SourceStore:
    """The real store (key from the keyring), or in training the sample store, seeded once."""
    if not config.training:
        return SourceStore(store_path(config, data_dir), key=pseudonym_key(credentials))
    store = SourceStore(data_dir / TRAINING_STORE_FILE, key=TRAINING_KEY)
    seed_training_store_if_needed(store, dt.date.today())
    return store


def make_eligibility(
    config: Config, data_dir: Path, credentials: CredentialStore | None = None
) -> EligibilityPort:
    """The remote client or the embedded engine, as the configuration says."""
    credentials = credentials if credentials is not None else KeyringCredentials()
    if config.backend is BackendKind.REMOTE:
        assert config.remote is not None  # the config validator requires it
        return RemoteEligibility(config.remote, credentials)
    rules = load_rules(config.embedded.rules_dir or rules_dir())
    return EmbeddedEligibility(rules, open_store(config, data_dir, credentials))
