# SPDX-License-Identifier: EUPL-1.2
"""Acceptance mode (test roots outside training) and every output saying its mode: check,
serve's health, the desk's banner, selftest and the audit records."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
from contextlib import closing
from typing import TYPE_CHECKING

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from app.audit.database import SCHEMA
from app.audit.records import RecordKind
from app.audit.store import AuditStore
from app.cli.context import EXIT_OK
from app.cli.main import main
from app.desk.headless import read_national_number
from app.desk.state import Phase
from app.eligibility.wire import RunMode
from app.serve.api import EligibilityApi
from app.services import make_card_verifier, make_eligibility
from app.settings.config import BackendKind, CardSettings, Config, RemoteSettings, load_config
from eid.card_profiles import PROFILES
from eid.errors import CardNotGenuineError
from eid.insz import NationalNumber
from eid.sample_pki import sample_root_certificate
from eid.simulated import DEFAULT_READER, SimulatedCardReader
from tests.audit_support import KEY, manual, recorder
from tests.served import ServedApp

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from tests.desk_support import MakeDesk

NUMBER = PROFILES["v18"].national_number or ""
SERVICE = "uitpas-kansentarief"
ACCEPTANCE_LINE = "Werkwijze: ACCEPTATIE — TESTKAARTEN TOEGELATEN, niet voor burgers"


def write_test_root(tmp_path: Path) -> Path:
    """The sample cards' root (made by this process) as an admin's PEM file."""
    der = sample_root_certificate()
    path = tmp_path / "test-root.pem"
    path.write_bytes(x509.load_der_x509_certificate(der).public_bytes(Encoding.PEM))
    return path


def _served(tmp_path: Path, mode: RunMode = RunMode.PRODUCTION) -> ServedApp:
    engine = make_eligibility(Config(training=True), tmp_path / "served-data")
    return ServedApp(EligibilityApi(engine, None, mode=mode).app())


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[str]:
    """The sample engine served on loopback, saying nothing special about its mode."""
    with _served(tmp_path) as served:
        yield served.url


def _config_text(url: str, roots: list[Path] | None = None) -> str:
    text = f'backend = "remote"\n[remote]\nbase_url = "{url}"\nauth = "none"\n'
    if roots is not None:
        text += "[card]\ntest_roots = [" + ", ".join(f'"{p}"' for p in roots) + "]\n"
    return text


def _check(
    config: Path, number: str, monkeypatch: pytest.MonkeyPatch, *extra: str
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(number))
    out, err = io.StringIO(), io.StringIO()
    argv = ["--config", str(config), "check", "--service", SERVICE, "--insz", "-", *extra]
    return main(argv, out=out, err=err), out.getvalue(), err.getvalue()


# -- acceptance mode: the configuration and the trust -------------------------------------------


def test_modes_test_root_without_training_is_acceptance_and_trusts_test_cards(
    tmp_path: Path,
) -> None:
    config_file = tmp_path / "balie.toml"
    config_file.write_text(
        f'training = false\n[card]\ntest_roots = ["{write_test_root(tmp_path)}"]\n', "utf-8"
    )
    config = load_config(config_file)
    assert config.mode is RunMode.ACCEPTANCE
    reader = SimulatedCardReader()
    reader.insert(PROFILES["v18"].make_card())
    number = read_national_number(reader, DEFAULT_READER, make_card_verifier(config))
    assert number.digits == NUMBER
    with pytest.raises(CardNotGenuineError):  # production: only the Belgian roots
        read_national_number(reader, DEFAULT_READER, make_card_verifier(Config()))
    assert Config().mode is RunMode.PRODUCTION
    assert Config(training=True).mode is RunMode.TRAINING


# -- check ---------------------------------------------------------------------------------------


def test_modes_check_says_its_mode_first_and_in_json(
    tmp_path: Path, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "balie.toml"
    config.write_text(_config_text(backend, [write_test_root(tmp_path)]), "utf-8")
    code, out, err = _check(config, NUMBER, monkeypatch)
    assert code == EXIT_OK, err
    assert out.splitlines()[0] == ACCEPTANCE_LINE
    code, out, err = _check(config, NUMBER, monkeypatch, "--json")
    assert code == EXIT_OK, err
    assert json.loads(out)["mode"] == "acceptance"
    config.write_text(_config_text(backend), "utf-8")
    code, out, _err = _check(config, NUMBER, monkeypatch, "--json")
    assert json.loads(out)["mode"] == "production"


def test_modes_check_on_a_backend_in_training_says_training(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _served(tmp_path, RunMode.TRAINING) as served:
        config = tmp_path / "balie.toml"
        config.write_text(_config_text(served.url), "utf-8")
        code, out, err = _check(config, NUMBER, monkeypatch)
        assert code == EXIT_OK, err
        assert out.startswith("Werkwijze: OEFENMODUS")
        code, out, err = _check(config, NUMBER, monkeypatch, "--json")
        assert json.loads(out)["mode"] == "training"


# -- serve ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", list(RunMode))
def test_modes_serve_health_says_the_mode(tmp_path: Path, mode: RunMode) -> None:
    with _served(tmp_path, mode) as served:
        health = httpx.get(served.url + "/v1/health", timeout=5).json()
    assert health["mode"] == mode.value


# -- selftest -------------------------------------------------------------------------------------


def test_modes_selftest_warns_about_acceptance(tmp_path: Path, backend: str) -> None:
    config = tmp_path / "balie.toml"
    root = write_test_root(tmp_path)
    config.write_text(_config_text(backend, [root]), "utf-8")
    out = io.StringIO()
    main(["--config", str(config), "selftest"], out=out)
    line = f"LET OP Acceptatiemodus: TESTKAARTEN TOEGELATEN — niet voor burgers (test-root: {root})"
    assert line in out.getvalue().splitlines()


# -- the desk -------------------------------------------------------------------------------------


def _remote(url: str) -> RemoteSettings:
    return RemoteSettings.model_validate({"base_url": url, "auth": "none"})


def test_modes_desk_in_acceptance_shows_the_banner_beside_the_service(
    tmp_path: Path, backend: str, make_desk: MakeDesk
) -> None:
    card = CardSettings(test_roots=(write_test_root(tmp_path),))
    desk = make_desk(Config(backend=BackendKind.REMOTE, remote=_remote(backend), card=card))
    banner = desk.window.header.mode_label
    assert banner.isVisible()
    assert banner.text() == "TESTKAARTEN TOEGELATEN — niet voor burgers"
    assert desk.window.training_banner is None


def test_modes_desk_on_a_backend_in_training_shows_training(
    tmp_path: Path, make_desk: MakeDesk, qtbot: QtBot
) -> None:
    with _served(tmp_path, RunMode.TRAINING) as served:
        desk = make_desk(Config(backend=BackendKind.REMOTE, remote=_remote(served.url)))
        banner = desk.window.header.mode_label
        qtbot.waitUntil(banner.isVisible, timeout=10_000)
        assert banner.text() == "OEFENMODUS — geen echte gegevens"
        before = desk.bridge.state.transaction
        desk.app.workflow.enter_manually(NationalNumber(NUMBER))
        desk.settle(before, Phase.VERDICT)
        qtbot.waitUntil(lambda: bool(desk.records(RecordKind.ADVICE_SHOWN)), timeout=10_000)
    # Decided on the backend's sample data: recorded as training, not as this desk's own mode.
    assert [r.mode for r in desk.records(RecordKind.ADVICE_SHOWN)] == ["training"]


def test_modes_desk_in_production_shows_no_mode_banner(
    backend: str, make_desk: MakeDesk, qtbot: QtBot
) -> None:
    desk = make_desk(Config(backend=BackendKind.REMOTE, remote=_remote(backend)))
    qtbot.waitUntil(lambda: desk.app.status.backend_mode is RunMode.PRODUCTION, timeout=10_000)
    assert not desk.window.header.mode_label.isVisible()


# -- the audit records ----------------------------------------------------------------------------


def test_modes_every_audit_record_carries_the_mode(
    tmp_path: Path, backend: str, make_desk: MakeDesk, qtbot: QtBot
) -> None:
    card = CardSettings(test_roots=(write_test_root(tmp_path),))
    desk = make_desk(Config(backend=BackendKind.REMOTE, remote=_remote(backend), card=card))
    before = desk.bridge.state.transaction
    desk.app.workflow.enter_manually(NationalNumber(NUMBER))
    desk.settle(before, Phase.VERDICT)
    qtbot.waitUntil(lambda: bool(desk.records(RecordKind.ADVICE_SHOWN)), timeout=10_000)
    assert [r.mode for r in desk.records(RecordKind.ADVICE_SHOWN)] == ["acceptance"]


def test_modes_audit_store_from_before_the_mode_column_still_verifies(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite"
    with closing(sqlite3.connect(path)) as conn:  # the schema as it was
        conn.executescript(SCHEMA.replace(",\n    mode TEXT", ""))
    with AuditStore(path, key=KEY) as store:
        recorder(store).record_override(manual(0))  # mode None: as an older desk wrote
        desk = recorder(store)
        desk._mode = lambda: "production"  # noqa: SLF001 - a desk of today on the same store
        desk.record_override(manual(1))
        assert store.verify().broken is None
        modes = [e.mode for _s, e in store.records(*_ever())]
    assert modes == [None, "production"]
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DROP TRIGGER audit_records_append_only")
        conn.execute("UPDATE audit_records SET mode = 'acceptance' WHERE seq = 2")
        conn.commit()
    with AuditStore(path, key=KEY) as store:
        report = store.verify()
    assert (report.broken_seq, report.broken is not None) == (2, True)


def _ever() -> tuple[dt.datetime, dt.datetime]:
    return dt.datetime(2000, 1, 1, tzinfo=dt.UTC), dt.datetime(2100, 1, 1, tzinfo=dt.UTC)
