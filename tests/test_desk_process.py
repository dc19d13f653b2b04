# SPDX-License-Identifier: EUPL-1.2
"""The desk as a process: it says when it is ready, and SIGTERM closes it cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from app.logsafe import DESK_LOG
from tests.test_cli import BALIECHECK
from ui.main import READY_MESSAGE

READY_TIMEOUT_S = 30


def test_desk_process_reports_ready_and_stops_cleanly_on_sigterm() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [BALIECHECK, "-v"], env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    assert process.stderr is not None
    seen: list[str] = []
    deadline = time.monotonic() + READY_TIMEOUT_S
    try:
        while time.monotonic() < deadline:
            line = process.stderr.readline()
            if not line:
                break
            seen.append(line)
            if READY_MESSAGE in line:
                break
        assert any(READY_MESSAGE in line for line in seen), "".join(seen)
        process.send_signal(signal.SIGTERM)
        rest = process.communicate(timeout=15)[1]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, "".join(seen) + rest
    assert "Traceback" not in rest
    # IT's log file (numbers masked, as every log line): the desk's start and stop.
    log_file = Path(os.environ["BALIECHECK_LOG_DIR"]) / DESK_LOG
    text = log_file.read_text(encoding="utf-8")
    assert READY_MESSAGE in text
    assert "closing the desk" in text
