# SPDX-License-Identifier: EUPL-1.2
"""Where the shipped resources (rules, sample data, translations) are, from source or a build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """``resources/`` beside the packages, or inside a PyInstaller build's bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def rules_dir() -> Path:
    return resources_dir() / "rules"


def sample_dir() -> Path:
    return resources_dir() / "sample"
