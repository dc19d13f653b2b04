# SPDX-License-Identifier: EUPL-1.2
"""pcscd stopping while ``check`` waits for a card is a PC/SC-service problem, not a card one."""

from __future__ import annotations

import io
import threading
import time
from typing import TYPE_CHECKING

import pytest

from app.cli.context import EXIT_CARD_PROBLEM
from app.cli.main import main

if TYPE_CHECKING:
    from pathlib import Path

    from tests.pcsc_stack import PcscDaemon

pytestmark = pytest.mark.pcsc


def test_pcsc_service_stopping_while_check_waits_is_reported_as_such(
    tmp_path: Path, pcscd: PcscDaemon
) -> None:
    config = tmp_path / "balie.toml"
    config.write_text('[desk]\nstaff_id = "test"\n', "utf-8")  # production: real readers
    result: dict[str, object] = {}
    out, err = io.StringIO(), io.StringIO()
    argv = ["--config", str(config), "check", "--service", "lez-registratie", "--timeout", "20"]

    def wait() -> None:
        result["code"] = main(argv, out=out, err=err)

    waiting = threading.Thread(target=wait, name="check-waits")
    waiting.start()
    try:
        time.sleep(1.0)  # check is now blocked in SCardGetStatusChange, no card anywhere
        assert waiting.is_alive()
        pcscd.stop()
        waiting.join(timeout=15)
        assert not waiting.is_alive()
    finally:
        if pcscd.process is None:
            pcscd.start()
    assert result["code"] == EXIT_CARD_PROBLEM
    assert "[PCSC_UNAVAILABLE]" in err.getvalue(), err.getvalue()
    assert "[CARD_UNREADABLE]" not in err.getvalue()
