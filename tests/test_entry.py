# SPDX-License-Identifier: EUPL-1.2
"""The ``baliecheck`` console script: the desk without a command, commands otherwise, usage
errors as exit 2, and the ``python -m`` entries."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from app.cli.context import EXIT_USAGE
from app.cli.main import parse_arguments
from tests.test_cli import BALIECHECK
from ui.entry import NO_SCREEN, wants_desk


def run(*argv: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*argv],
        input=stdin,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("argv", "desk"),
    [
        ([], True),
        (["--config", "balie.toml"], True),
        (["--lang", "fr"], True),
        (["card", "--training"], False),
        (["--config", "b.toml", "check", "--service", "x"], False),
    ],
)
def test_entry_opens_the_desk_only_without_a_command(argv: list[str], desk: bool) -> None:
    assert wants_desk(parse_arguments(argv)) is desk


@pytest.mark.parametrize("argv", [["nonsense"], ["--nonsense"], ["card", "--nonsense"]])
def test_entry_unknown_command_or_option_is_a_usage_error_not_the_desk(argv: list[str]) -> None:
    result = run(BALIECHECK, *argv, QT_QPA_PLATFORM="offscreen")
    assert result.returncode == EXIT_USAGE
    assert "gebruik: baliecheck" in result.stderr  # argparse in the default language
    assert "nonsense" in result.stderr
    assert NO_SCREEN not in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", "Toont aan de balie of een burger recht heeft op een verminderd tarief"),
        ("fr", "Indique au guichet si un citoyen a droit à un tarif réduit"),
        ("en", "Shows at the counter whether a citizen has a right to a reduced tariff"),
    ],
)
def test_entry_help_says_what_the_program_does(lang: str, words: str) -> None:
    result = run(BALIECHECK, "--help", BALIECHECK_LANG=lang)
    assert result.returncode == 0, result.stderr
    assert words in " ".join(result.stdout.split())
    assert "card diagnostics" not in result.stdout


def test_entry_without_a_screen_says_so_and_what_works() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [BALIECHECK], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 1
    assert result.stderr.strip() == NO_SCREEN
    assert "baliecheck card --training" in result.stderr


def test_entry_commands_still_run() -> None:
    result = run(BALIECHECK, "card", "--training")
    assert result.returncode == 0, result.stderr
    assert "OEFENMODUS" in result.stdout


@pytest.mark.parametrize("module", ["ui", "ui.entry", "app"])
def test_entry_python_m_prints_the_version(module: str) -> None:
    result = run(sys.executable, "-m", module, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("baliecheck "), result.stdout


def test_entry_python_m_ui_runs_a_command() -> None:
    result = run(sys.executable, "-m", "ui", "card", "--training")
    assert result.returncode == 0, result.stderr
    assert "OEFENMODUS" in result.stdout


def test_entry_python_m_app_without_a_command_says_one_is_needed() -> None:
    result = run(sys.executable, "-m", "app")
    assert result.returncode == EXIT_USAGE
    assert "geef een opdracht" in result.stderr


@pytest.mark.parametrize("port", ["0", "65536", "-1"])
def test_entry_serve_port_out_of_range_is_a_usage_error(port: str) -> None:
    result = run(BALIECHECK, "serve", "--port", port)
    assert result.returncode == EXIT_USAGE
    assert f"Poort {port} bestaat niet: kies een poort van 1 tot 65535" in result.stderr
    assert "Traceback" not in result.stderr


def test_entry_serve_port_taken_is_a_usage_error_in_words() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(BALIECHECK, "--lang", "en", "serve", "--port", str(port))
    assert result.returncode == EXIT_USAGE
    assert f"Port {port} on 127.0.0.1 is already in use: choose another port" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "backend", ["baliecheck_no_such_module.Keyring", "keyring.backends.NoSuchBackend"]
)
def test_entry_keyring_backend_not_installed_says_what_to_set(backend: str) -> None:
    result = run(
        BALIECHECK,
        "credentials",
        "set",
        "backend-bearer-token",
        stdin="a-secret-token\n",
        PYTHON_KEYRING_BACKEND=backend,
    )
    assert result.returncode == EXIT_USAGE
    assert "[KEYRING_UNAVAILABLE]" in result.stderr
    assert f"PYTHON_KEYRING_BACKEND='{backend}' names a keyring backend that is not installed" in (
        result.stderr
    )
    assert "unset it" in result.stderr
    assert "Traceback" not in result.stderr
    assert "a-secret-token" not in result.stderr
