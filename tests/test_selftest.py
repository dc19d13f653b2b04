# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck selftest`` as an admin runs it after a rollout: a real backend served on
loopback, the real pcscd with a vpcd card, and the problems it must name."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest

from app.cli.context import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from app.cli.main import main
from app.serve.api import EligibilityApi
from app.services import make_eligibility
from app.settings.config import Config
from app.version import app_version
from eid.card_profiles import PROFILES
from tests.pcsc_stack import READER_0, READER_1
from tests.served import ServedApp, free_port

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from tests.pcsc_stack import PcscDaemon, VpcdCards

SAMPLE_NUMBER = PROFILES["v18"].national_number


def selftest(config: Path, *options: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main([*options, "--config", str(config), "selftest"], out=out)
    return code, out.getvalue()


def remote_config(tmp_path: Path, base_url: str, auth: str = "none") -> Path:
    path = tmp_path / "desk.toml"
    path.write_text(
        f'backend = "remote"\n[desk]\nstaff_id = "selftest"\n'
        f'[remote]\nbase_url = "{base_url}"\nauth = "{auth}"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """The embedded engine on its sample lists, served on loopback as ``baliecheck serve``."""
    engine = make_eligibility(Config(training=True), tmp_path / "served-data")
    with ServedApp(EligibilityApi(engine, None).app()) as app:
        yield app.url
    engine.close()


@pytest.fixture
def card_in_reader(vpcd: VpcdCards) -> None:
    vpcd.insert(PROFILES["v18"].make_card(), READER_0)


@pytest.mark.pcsc
@pytest.mark.usefixtures("card_in_reader")
def test_selftest_all_ok_against_a_served_backend_and_a_card(tmp_path: Path, served: str) -> None:
    code, report = selftest(remote_config(tmp_path, served))
    assert code == EXIT_OK, report
    assert report.splitlines()[0] == f"baliecheck {app_version()} — zelftest"
    assert f"OK     Configuratie: {tmp_path / 'desk.toml'} (niet vergrendeld; echte gegevens)" in (
        report
    )
    assert "OK     PC/SC-dienst antwoordt" in report
    assert f"{READER_0}: kaart aanwezig" in report
    assert f"{READER_1}: leeg" in report
    assert f"OK     Adviesdienst {served}/: gezond" in report
    assert "OK     Gegevensmap" in report
    assert f"OK     Logboek van de balie: {tmp_path / 'logs'}" in report
    assert "OK     Vertalingen: fr, en" in report
    assert "FOUT" not in report
    assert report.rstrip().endswith("Klaar voor gebruik (0 keer LET OP).")
    assert SAMPLE_NUMBER is not None
    assert SAMPLE_NUMBER not in report
    assert SAMPLE_NUMBER[:6] not in report  # not even the masked form: no card is read


@pytest.mark.pcsc
@pytest.mark.usefixtures("card_in_reader")
def test_selftest_backend_down_names_the_failed_check(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    code, report = selftest(remote_config(tmp_path, url), "--lang", "en")
    assert code == EXIT_FAILED, report
    assert f"FAILED  Advice service {url}/" in report
    assert "[BACKEND_UNREACHABLE]" in report
    assert "OK      PC/SC service answers" in report
    assert "NOT ready: 1 failed, 0 warnings." in report


@pytest.mark.pcsc
def test_selftest_without_pcsc_service_says_so(tmp_path: Path, pcscd: PcscDaemon) -> None:
    pcscd.stop()
    try:
        code, report = selftest(remote_config(tmp_path, f"http://127.0.0.1:{free_port()}"))
    finally:
        pcscd.start()
    assert code == EXIT_FAILED
    assert "FOUT   PC/SC-dienst" in report
    assert "De kaartlezerdienst (PC/SC) draait niet. [PCSC_UNAVAILABLE]" in report
    assert "Wat nu: Start de dienst" in report


@pytest.mark.pcsc
@pytest.mark.usefixtures("pcscd")
def test_selftest_training_without_card_warns_but_passes(tmp_path: Path) -> None:
    config = tmp_path / "training.toml"
    config.write_text("training = true\n", encoding="utf-8")
    code, report = selftest(config)
    assert code == EXIT_OK, report
    assert "LET OP Configuratie:" in report
    assert "oefenmodus, geen echte gegevens" in report
    assert "OK     Regels: 5 diensten uit" in report
    assert "OK     Adviesdienst ingebouwd: gezond" in report


def test_selftest_broken_config_exits_2_with_file_and_key(tmp_path: Path) -> None:
    config = tmp_path / "broken.toml"
    config.write_text("[desk]\nprivacy_timeout_s = 1\n", encoding="utf-8")
    code, report = selftest(config)
    assert code == EXIT_USAGE
    assert "FOUT   Configuratie: onbruikbaar" in report
    assert f"{config}: desk.privacy_timeout_s:" in report
    assert "[CONFIG_INVALID]" in report


def test_selftest_missing_token_fails_the_keyring_line(tmp_path: Path) -> None:
    code, report = selftest(remote_config(tmp_path, "http://127.0.0.1:9", auth="bearer"))
    assert code == EXIT_FAILED
    assert "FOUT   Sleutelopslag: 'backend-bearer-token'" in report
    assert "[CREDENTIALS_MISSING]" in report


def test_selftest_missing_rules_fail_the_rules_line(tmp_path: Path) -> None:
    config = tmp_path / "desk.toml"
    config.write_text(
        f'training = true\n[embedded]\nrules_dir = "{tmp_path / "nothing"}"\n', encoding="utf-8"
    )
    code, report = selftest(config)
    assert code == EXIT_FAILED
    assert f"FOUT   Regels uit {tmp_path / 'nothing'}" in report
    assert "[RULES_INVALID]" in report


def test_selftest_unwritable_log_folder_is_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The desk works without its log file, so the admin is warned, not stopped."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("BALIECHECK_LOG_DIR", str(blocker / "logs"))
    config = tmp_path / "training.toml"
    config.write_text("training = true\n", encoding="utf-8")
    code, report = selftest(config)
    assert code == EXIT_OK, report
    assert f"LET OP Logboek van de balie: {blocker / 'logs'} is niet schrijfbaar" in report
