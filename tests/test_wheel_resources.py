# SPDX-License-Identifier: EUPL-1.2
"""The build step that puts resources/ into a wheel: what it stages, and broken input refused."""

from __future__ import annotations

import gettext
import shutil
from typing import TYPE_CHECKING

import pytest

from build_resources import DOMAIN, shipped_files, stage_resources
from tests.test_wheel import ROOT
from ui.entry import NO_DESK

if TYPE_CHECKING:
    from pathlib import Path

RESOURCES = ROOT / "resources"


def test_wheel_resources_stage_rules_samples_config_and_compiled_catalogues(
    tmp_path: Path,
) -> None:
    written = {
        path.relative_to(tmp_path).as_posix() for path in stage_resources(RESOURCES, tmp_path)
    }
    assert {
        "rules/uitpas-kansentarief.toml",
        "sample/citizens.toml",
        "icons/baliecheck.svg",
        "config.example.toml",
        "locale/fr/LC_MESSAGES/baliecheck.mo",
        "locale/en/LC_MESSAGES/baliecheck.mo",
    } <= written
    assert not [name for name in written if name.endswith((".po", ".ts", ".md", ".cfg"))]
    french = gettext.translation(DOMAIN, localedir=tmp_path / "locale", languages=["fr"])
    assert "la fenêtre du guichet" in french.gettext(NO_DESK)


def test_wheel_resources_broken_catalogue_stops_the_build(tmp_path: Path) -> None:
    resources = tmp_path / "resources"
    shutil.copytree(RESOURCES, resources, ignore=shutil.ignore_patterns("*.mo", "*.qm", "*.png"))
    broken = resources / "locale" / "fr" / "LC_MESSAGES" / f"{DOMAIN}.po"
    broken.write_text(broken.read_text(encoding="utf-8") + '\nmsgid "Zonder vertaling"\n', "utf-8")
    with pytest.raises(ValueError, match=r"fr/LC_MESSAGES/baliecheck\.po: missing msgstr") as err:
        stage_resources(resources, tmp_path / "staged")
    assert "Zonder vertaling" in str(err.value)


def test_wheel_resources_without_rules_stop_the_build(tmp_path: Path) -> None:
    resources = tmp_path / "resources"
    shutil.copytree(RESOURCES, resources, ignore=shutil.ignore_patterns("rules"))
    with pytest.raises(FileNotFoundError, match="no rules in .*nothing to decide with"):
        shipped_files(resources)
