# SPDX-License-Identifier: EUPL-1.2
"""The installed version of baliecheck, from the package metadata (also inside a build)."""

from __future__ import annotations

from importlib import metadata

DISTRIBUTION = "baliecheck"


def app_version() -> str:
    """``0.1.0``; "unknown" when run from a tree that was never installed."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown"
