# SPDX-License-Identifier: EUPL-1.2
"""Where the shipped resources are (rules, sample data, catalogues, icon, example config).

An installed wheel and the desktop build carry them as ``app``'s package data,
``app/resources/`` (build_resources.py and installer/baliecheck.spec put them there), found
through ``importlib.resources``; a source checkout or an editable install reads the
repository's top-level ``resources/`` beside the packages.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

RESOURCES = "resources"


def resources_dir() -> Path:
    """``app/resources`` as shipped in a wheel or a build, else the repository's folder."""
    shipped = files("app") / RESOURCES
    if isinstance(shipped, Path) and shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parents[1] / RESOURCES


def rules_dir() -> Path:
    return resources_dir() / "rules"


def sample_dir() -> Path:
    return resources_dir() / "sample"
