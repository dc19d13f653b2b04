# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck check`` and ``baliecheck serve`` as admins and scripts use them."""

from __future__ import annotations

import io
import json
import signal
import subprocess
import time
from typing import TYPE_CHECKING

import httpx
import pytest

from app.cli.context import EXIT_CARD_PROBLEM, EXIT_FAILED, EXIT_NO_ADVICE, EXIT_OK, EXIT_USAGE
from app.cli.main import main
from app.eligibility.embedded.sample_data import sample_citizens
from tests.served import free_port
from tests.test_cli import BALIECHECK

if TYPE_CHECKING:
    from pathlib import Path

TRAINING_LINE = (
    "Werkwijze: OEFENMODUS — voorbeeldkaart en voorbeeldgegevens; "
    "een kaart in een echte lezer wordt niet gelezen"
)
KANSEN = next(c for c in sample_citizens() if c.label.startswith("Kansentarief"))


def run(
    argv: list[str], stdin: str = "", monkeypatch: pytest.MonkeyPatch | None = None
) -> tuple[int, str, str]:
    if monkeypatch is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_check_typed_number_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    digits = KANSEN.national_number.digits
    code, out, err = run(
        ["check", "--service", "uitpas-kansentarief", "--insz", "-"], digits + "\n", monkeypatch
    )
    assert code == EXIT_OK, err
    assert "Advies:       Kansentarief (recht op vermindering) [KANSENTARIEF]" in out
    assert "Toepassen:    Pas aan €1, 80 % korting op activiteiten" in out
    assert "Kanaal:       manueel ingegeven" in out
    assert digits not in out + err


def test_check_json_has_exactly_the_documented_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    argv = ["--lang", "fr", "check", "--service", "uitpas-kansentarief", "--insz", "-", "--json"]
    code, out, _err = run(argv, KANSEN.national_number.digits, monkeypatch)
    assert code == EXIT_OK
    verdict = json.loads(out)
    assert set(verdict) == {"service", "channel", "advice_id", "outcome", "data_as_of", "mode"}
    assert verdict["mode"] == "training"  # no configuration file: training mode
    assert verdict["outcome"] == {"code": "KANSENTARIEF", "eligible": True, "label": "Tarif social"}
    assert verdict["channel"] == "manual"
    assert verdict["service"] == "uitpas-kansentarief"


def test_check_reads_the_training_card() -> None:
    code, out, err = run(["check", "--service", "lez-registratie", "--timeout", "1"])
    assert code == EXIT_OK, err
    assert out.splitlines()[0] == TRAINING_LINE
    assert "Kanaal:       eID-kaart" in out
    assert "[STANDAARD]" in out


@pytest.mark.parametrize(
    ("argv", "stdin", "code", "words"),
    [
        (
            ["check", "--service", "uitpas-kansentarief", "--insz", "12345678901"],
            "",
            EXIT_USAGE,
            "[INVALID_INSZ]",
        ),
        (
            ["check", "--service", "bestaat-niet", "--insz", "-"],
            KANSEN.national_number.digits,
            EXIT_NO_ADVICE,
            "De adviesdienst kent deze dienst niet. [UNKNOWN_SERVICE]",
        ),
        (
            ["check", "--service", "lez-registratie", "--reader", "Nergens", "--timeout", "0"],
            "",
            EXIT_CARD_PROBLEM,
            "[READER_NOT_FOUND]",
        ),
    ],
)
def test_check_failures_have_their_exit_code_and_words(
    argv: list[str], stdin: str, code: int, words: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    result, out, err = run(argv, stdin, monkeypatch)
    assert result == code
    assert words in err
    assert out in ("", TRAINING_LINE + "\n")


def test_check_mistyped_service_lists_what_the_backend_offers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    digits = KANSEN.national_number.digits
    argv = ["check", "--service", "uitpas-kansentariefx", "--insz", "-"]
    code, _out, err = run(argv, digits, monkeypatch)
    assert code == EXIT_NO_ADVICE
    assert "the backend has no service 'uitpas-kansentariefx' (it offers: " in err
    assert "lez-registratie, schoolkorting, uitpas-kansentarief)" in err
    assert "did you mean 'uitpas-kansentarief'?" in err
    # a number typed where the service goes is masked like everywhere else
    code, _out, err = run(["check", "--service", digits, "--insz", "-"], digits, monkeypatch)
    assert code == EXIT_NO_ADVICE
    assert digits not in err
    assert f"no service '{digits[:2]}.{digits[2:4]}.{digits[4:6]}-xxx.xx'" in err


def test_check_bad_configuration_names_file_and_key(tmp_path: Path) -> None:
    config = tmp_path / "balie.toml"
    config.write_text("[desk]\nprivacy_timeout = 30\n", encoding="utf-8")
    code, _out, err = run(["--config", str(config), "check", "--service", "lez-registratie"])
    assert code == EXIT_USAGE
    assert "[CONFIG_INVALID]" in err
    assert f"{config}: desk.privacy_timeout: unknown key" in err


def test_check_unreachable_backend_is_no_advice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "balie.toml"
    config.write_text(
        f'backend = "remote"\n[remote]\nbase_url = "http://127.0.0.1:{free_port()}"\n'
        'auth = "none"\nadvice_retries = 0\n',
        encoding="utf-8",
    )
    argv = ["--config", str(config), "check", "--service", "lez-registratie", "--insz", "-"]
    code, out, err = run(argv, KANSEN.national_number.digits, monkeypatch)
    assert code == EXIT_NO_ADVICE
    assert "[BACKEND_UNREACHABLE]" in err
    assert "Beslis manueel" in err
    assert out == "Werkwijze: productie\n"


def test_serve_needs_tokens_unless_told_otherwise() -> None:
    code, _out, err = run(["serve"])
    assert code == EXIT_USAGE
    assert "[CREDENTIALS_MISSING]" in err
    assert "baliecheck credentials set serve-tokens" in err


def test_serve_and_check_as_two_processes(tmp_path: Path) -> None:
    port = free_port()
    served = tmp_path / "serve.toml"
    served.write_text(f'training = true\n[serve]\nport = {port}\nauth = "none"\n', "utf-8")
    desk = tmp_path / "desk.toml"
    desk.write_text(
        f'backend = "remote"\n[remote]\nbase_url = "http://127.0.0.1:{port}"\nauth = "none"\n',
        "utf-8",
    )
    server = subprocess.Popen(
        [BALIECHECK, "--config", str(served), "serve"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        assert "OEFENMODUS" in server.stdout.readline()
        assert f"http://127.0.0.1:{port}" in server.stdout.readline()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        result = subprocess.run(
            [
                BALIECHECK,
                "--config",
                str(desk),
                "check",
                "--service",
                "uitpas-kansentarief",
                "--insz",
                "-",
                "--json",
            ],
            input=KANSEN.national_number.digits,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert result.returncode == EXIT_OK, result.stderr
        assert json.loads(result.stdout)["outcome"]["code"] == "KANSENTARIEF"
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=10)
    assert server.returncode == 0


def test_audit_store_out_of_reach_is_exit_1_with_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "een-bestand"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("BALIECHECK_DATA_DIR", str(blocker / "data"))  # a file is in the way
    code, out, err = run(["audit", "pending"])
    assert code == EXIT_FAILED
    assert "[AUDIT_STORE_UNAVAILABLE]" in err
    assert "Noteer de beslissing op papier" in err
    assert out == ""
