# SPDX-License-Identifier: EUPL-1.2
"""Composition root: builds the parts the commands and the desk use, as plain Python.

Each builder imports the parts it builds when it is called, so a command pays only for what
it uses (``card`` never loads the rules, httpx or the sample data; ``check --insz -`` never
loads pyscard).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from app.problems import AppError, Problem

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from app.eligibility.embedded.store import Store
    from app.eligibility.port import EligibilityPort
    from app.settings.config import Config
    from app.settings.credentials import CredentialStore
    from eid.authenticity import CardVerifier
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
        from eid.pcsc import PcscCardReader

        return PcscCardReader()
    from eid.card_profiles import PROFILES
    from eid.simulated import SimulatedCardReader

    reader = SimulatedCardReader()
    if profile is not None:
        reader.insert(PROFILES[profile].make_card())
    return reader


def make_card_verifier(config: Config, *, training: bool = False) -> CardVerifier:
    """The authenticity check: the Belgian eID roots, plus the configured ``[card]
    test_roots`` (acceptance mode, or training), plus in training mode (the configuration's,
    or ``training`` for ``card --training``) the sample cards' root. A card chained to a
    test root is genuine for this desk only: its mode says so on every output.
    """
    return card_verifier_maker(config, training=training)()


def card_verifier_maker(config: Config, *, training: bool = False) -> Callable[[], CardVerifier]:
    """``make_card_verifier`` in two steps: the configured test roots are read now (one that
    cannot be read is CONFIG_INVALID at once); cryptography, the Belgian roots and, in
    training, the sample root when the maker is called (the desk: on its first card)."""
    test_roots = _read_test_roots(config)
    sample = config.training or training

    def make() -> CardVerifier:
        from eid.authenticity import CardVerifier
        from eid.trust import TrustAnchors

        roots = list(test_roots)
        if sample:
            from eid.sample_pki import sample_root_certificate

            roots.insert(0, sample_root_certificate())
        trust = TrustAnchors.belgian()
        if roots:
            trust = trust.with_test_certificates(roots)
        return CardVerifier(trust)

    return make


def _read_test_roots(config: Config) -> list[bytes]:
    if not config.card.test_roots:
        return []
    from eid.trust import certificate_der

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


def open_store(config: Config, data_dir: Path, credentials: CredentialStore) -> Store:
    """The real store (key from the keyring), or in training the sample store, seeded once."""
    from app.eligibility.embedded.lists.store import SourceStore

    if not config.training:
        return open_real_store(config, data_dir, credentials)
    store = SourceStore(data_dir / TRAINING_STORE_FILE, key=TRAINING_KEY)
    from app.eligibility.embedded.sample_data import seed_training_store_if_needed

    seed_training_store_if_needed(store, dt.date.today())
    return store


def open_real_store(config: Config, data_dir: Path, credentials: CredentialStore) -> Store:
    """The configured PostgreSQL database (its schema brought up to date), else the SQLite file.

    A new installation key is made only for a new store: a lost key is restored
    (``credentials import``), and a second serve instance gets the first one's key (the
    database refuses another).
    """
    from app.settings.credentials import SecretName, data_written, pseudonym_key

    url = config.embedded.database_url
    if url is not None:
        from app.eligibility.embedded.pg_store import PostgresStore

        password = credentials.get(SecretName.DATABASE_PASSWORD)
        key = pseudonym_key(credentials, create=not PostgresStore.has_key(url, password))
        return PostgresStore(url, key=key, password=password)
    from app.eligibility.embedded.lists.store import SourceStore

    path = store_path(config, data_dir)
    made = data_written(data_dir, path)  # a lost key is restored, not replaced
    return SourceStore(path, key=pseudonym_key(credentials, create=not made))


def make_eligibility(
    config: Config, data_dir: Path, credentials: CredentialStore | None = None
) -> EligibilityPort:
    """The remote client or the embedded engine, as the configuration says."""
    from app.settings.config import BackendKind
    from app.settings.credentials import KeyringCredentials

    credentials = credentials if credentials is not None else KeyringCredentials()
    if config.backend is BackendKind.REMOTE:
        from app.eligibility.remote.client import RemoteEligibility

        assert config.remote is not None  # the config validator requires it
        return RemoteEligibility(config.remote, credentials)
    from app.eligibility.embedded.engine import EmbeddedEligibility
    from app.eligibility.embedded.rules import load_rules
    from app.resource_paths import rules_dir

    rules = load_rules(config.embedded.rules_dir or rules_dir())
    return EmbeddedEligibility(rules, open_store(config, data_dir, credentials))
