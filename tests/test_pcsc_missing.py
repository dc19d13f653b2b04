# SPDX-License-Identifier: EUPL-1.2
"""A machine without the PC/SC client library: every command and the desk say it is missing.

A build never ships libpcsclite (it must match the machine's pcscd), so this is what an
admin sees on a thin client without pcscd/libpcsclite1. The library name is pointed at
one that does not exist, or pyscard's import is made to fail, in a separate process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from app.cli.context import EXIT_CARD_PROBLEM, EXIT_FAILED
from app.settings.config import Config
from eid import pcsc
from eid.errors import CardFault, EidError

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from tests.desk_support import MakeDesk

pytest_plugins = ("tests.desk_support",)

MISSING_LIBRARY = "libpcsclite-not-installed.so.1"
NOT_INSTALLED = "De kaartlezerdienst (PC/SC) is niet geïnstalleerd op deze computer."
# Run the command with the library missing: by name (dlopen fails) or pyscard unimportable.
BY_NAME = f"import eid.pcsc as p; p.PCSC_LIBRARY = {MISSING_LIBRARY!r}"
NO_PYSCARD = "import sys; sys.modules['smartcard'] = None"
RUN_CLI = "from ui.entry import main; raise SystemExit(main(sys.argv[1:]))"


def run_without_pcsc(how: str, *argv: str) -> subprocess.CompletedProcess[str]:
    script = f"import sys; {how}; {RUN_CLI}"
    return subprocess.run(
        [sys.executable, "-c", script, *argv],
        # The child cannot use the tests' in-memory keyring; it must not touch the real one.
        env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_pcsc_missing_library_raises_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pcsc, "PCSC_LIBRARY", MISSING_LIBRARY)
    reader = pcsc.PcscCardReader()  # constructing works: the desk must still start
    with pytest.raises(EidError) as caught:
        reader.list_readers()
    reader.close()
    assert caught.value.fault is CardFault.PCSC_NOT_INSTALLED
    assert MISSING_LIBRARY in caught.value.detail


@pytest.mark.parametrize("how", [BY_NAME, NO_PYSCARD], ids=["no-library", "no-binding"])
def test_pcsc_missing_readers_command_says_not_installed(how: str) -> None:
    result = run_without_pcsc(how, "readers")
    assert result.returncode == EXIT_CARD_PROBLEM, result.stderr
    assert f"{NOT_INSTALLED} [PCSC_NOT_INSTALLED]" in result.stderr
    assert "pcscd en libpcsclite1" in result.stderr
    assert "Traceback" not in result.stderr
    assert "dlopen" not in result.stdout  # pyscard's own complaint never reaches the admin


def test_pcsc_missing_card_command_in_french() -> None:
    result = run_without_pcsc(BY_NAME, "--lang", "fr", "card")
    assert result.returncode == EXIT_CARD_PROBLEM
    assert "(PC/SC) n'est pas installé sur cet ordinateur. [PCSC_NOT_INSTALLED]" in result.stderr


def test_pcsc_missing_selftest_fails_on_the_pcsc_line(tmp_path: Path) -> None:
    config = tmp_path / "desk.toml"
    config.write_text('[desk]\nstaff_id = "selftest"\n', encoding="utf-8")
    result = run_without_pcsc(BY_NAME, "--config", str(config), "selftest")
    assert result.returncode == EXIT_FAILED, result.stdout
    assert "FOUT   PC/SC-dienst" in result.stdout
    assert f"{NOT_INSTALLED} [PCSC_NOT_INSTALLED]" in result.stdout


def test_pcsc_missing_desk_shows_it_in_the_status_bar(
    make_desk: MakeDesk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pcsc, "PCSC_LIBRARY", MISSING_LIBRARY)
    desk = make_desk(Config())

    def says_not_installed() -> None:
        shown = desk.window.status.reader_label.text()
        assert shown == "Kaartlezer: PC/SC-dienst niet geïnstalleerd"

    qtbot.waitUntil(says_not_installed, timeout=10_000)
