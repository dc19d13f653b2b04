# SPDX-License-Identifier: EUPL-1.2
"""The ``baliecheck`` console script: the desk without a command, commands otherwise."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.test_cli import BALIECHECK
from ui.entry import NO_SCREEN, wants_desk


@pytest.mark.parametrize(
    ("argv", "desk"),
    [
        ([], True),
        (["--config", "balie.toml"], True),
        (["--lang", "fr"], True),
        (["card", "--training"], False),
        (["--config", "b.toml", "check", "--service", "x"], False),
        (["--help"], False),
    ],
)
def test_entry_opens_the_desk_only_without_a_command(argv: list[str], desk: bool) -> None:
    assert wants_desk(argv) is desk


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
    result = subprocess.run(
        [BALIECHECK, "card", "--training"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "OEFENMODUS" in result.stdout
