# SPDX-License-Identifier: EUPL-1.2
"""serve against its contract from outside: schemathesis, all checks, every phase (stateful too).

The hooks (tests/schemathesis_hooks.py) make generated numbers checksum-valid and codes
our own where the contract's semantic 400s would otherwise refuse a schema-valid case.
About 1 000 cases and 100+ stateful scenarios; a ``slow`` test (CI runs it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.settings.config import ServeSettings
from tests.contract_check import CONTRACT
from tests.serve_support import TOKEN, ServedServer, training_api

ROOT = Path(__file__).resolve().parents[1]
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
MAX_EXAMPLES = 100  # per operation and phase: about 20 s alone on this machine


@pytest.mark.slow
def test_serve_schemathesis_finds_nothing(tmp_path: Path) -> None:
    # Its ignored_auth check signs in wrongly on purpose, far more often than a desk would.
    settings = ServeSettings(auth_failures_max=10_000)
    api, engine = training_api(tmp_path / "data", settings)
    env = os.environ | {
        "SCHEMATHESIS_HOOKS": "tests.schemathesis_hooks",
        "PYTHONPATH": str(ROOT),
        "NO_COLOR": "1",
    }
    with ServedServer(api, settings) as served:
        command = [str(SCHEMATHESIS), "run", str(CONTRACT), "--url", served.url]
        command += ["--checks", "all", "--header", f"Authorization: Bearer {TOKEN}"]
        command += ["--max-examples", str(MAX_EXAMPLES), "--no-color", "--workers", "2"]
        result = subprocess.run(
            command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600, check=False
        )
    engine.close()
    report = result.stdout[-6000:] + result.stderr[-2000:]
    assert result.returncode == 0, report
    assert "No issues found" in result.stdout, report
    for phase in ("Coverage", "Fuzzing", "Stateful"):
        assert f"✅  {phase}" in result.stdout, report
    assert "Scenarios:" in result.stdout, report
