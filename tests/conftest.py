# SPDX-License-Identifier: EUPL-1.2
"""Shared fixtures: the real PC/SC stack (pcscd + vpcd), test vectors, and isolation."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

import keyring
import pytest

from eid.authenticity import CardFiles
from eid.pcsc import PcscCardReader
from tests.keyring_memory import InMemoryKeyring
from tests.pcsc_stack import PcscDaemon, VpcdCards

if TYPE_CHECKING:
    from collections.abc import Iterator

# The desk window tests' fixtures (make_desk, desk), with their assertions rewritten; the
# throw-away PostgreSQL cluster (postgres_cluster, pg_url).
pytest_plugins = ("tests.desk_support", "tests.postgres_cluster")

TESTVECTORS = Path(__file__).resolve().parents[2] / "shared" / "testvectors"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Config and data go to a temp dir, so a developer's own settings are never touched."""
    monkeypatch.setenv("BALIECHECK_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("BALIECHECK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BALIECHECK_MACHINE_CONFIG", str(tmp_path / "machine-config.toml"))
    monkeypatch.setenv("BALIECHECK_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.delenv("BALIECHECK_LANG", raising=False)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[InMemoryKeyring]:
    """Each test gets an empty in-memory keyring (the OS keychain cannot run in CI)."""
    previous = keyring.get_keyring()
    backend = InMemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _no_leaked_threads() -> Iterator[None]:
    before = set(threading.enumerate())
    yield
    leaked = [t.name for t in set(threading.enumerate()) - before if t.is_alive()]
    leaked = [name for name in leaked if name.startswith(("bc-", "vpcd-card"))]
    assert not leaked, f"threads left running: {leaked}"


@pytest.fixture(scope="session")
def pcscd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PcscDaemon]:
    """A real pcscd with the vpcd driver, started for this test session and stopped after."""
    daemon = PcscDaemon(tmp_path_factory.mktemp("pcscd") / "pcscd.log")
    daemon.start()
    yield daemon
    daemon.stop()


@pytest.fixture
def vpcd(pcscd: PcscDaemon) -> Iterator[VpcdCards]:
    cards = VpcdCards()
    yield cards
    cards.remove_all()


@pytest.fixture
def pcsc_reader(pcscd: PcscDaemon) -> Iterator[PcscCardReader]:
    reader = PcscCardReader()
    yield reader
    reader.close()


@pytest.fixture(scope="session")
def testvectors() -> Path:
    assert TESTVECTORS.is_dir(), (
        f"test vectors not found at {TESTVECTORS} (shared/ beside the repo)"
    )
    return TESTVECTORS


@pytest.fixture(scope="session")
def specimen(testvectors: Path) -> CardFiles:
    """Identity, signature and RRN certificate of the EC specimen; its root is not published."""
    return CardFiles(
        (testvectors / "ec-specimen-identity.bin").read_bytes(),
        (testvectors / "ec-specimen-identity-signature.bin").read_bytes(),
        (testvectors / "ec-specimen-rrn-cert.der").read_bytes(),
        None,
    )
