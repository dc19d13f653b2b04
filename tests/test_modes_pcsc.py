# SPDX-License-Identifier: EUPL-1.2
"""Acceptance mode over the real stack: a card signed under a test root, read through pcscd."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING

import pytest

from app.cli.context import EXIT_CARD_PROBLEM, EXIT_OK
from app.cli.main import main
from eid.card_profiles import PROFILES
from tests.test_modes import SERVICE, _config_text, _served, write_test_root

if TYPE_CHECKING:
    from pathlib import Path

    from tests.pcsc_stack import VpcdCards

pytestmark = pytest.mark.pcsc


def _check_json(config: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    argv = ["--config", str(config), "check", "--service", SERVICE, "--timeout", "5", "--json"]
    return main(argv, out=out, err=err), out.getvalue(), err.getvalue()


def test_modes_pcsc_check_accepts_a_test_card_only_in_acceptance_mode(
    tmp_path: Path, vpcd: VpcdCards
) -> None:
    vpcd.insert(PROFILES["v18"].make_card())
    config = tmp_path / "balie.toml"
    with _served(tmp_path) as served:
        config.write_text(_config_text(served.url, [write_test_root(tmp_path)]), "utf-8")
        code, out, err = _check_json(config)
        assert code == EXIT_OK, err
        verdict = json.loads(out)
        assert (verdict["mode"], verdict["channel"]) == ("acceptance", "card")
        config.write_text(_config_text(served.url), "utf-8")  # no test root: production
        code, out, err = _check_json(config)
    assert code == EXIT_CARD_PROBLEM
    assert "[CARD_NOT_GENUINE]" in err
    assert out == ""
    number = PROFILES["v18"].national_number
    assert number is not None
    assert number not in out + err
