# SPDX-License-Identifier: EUPL-1.2
"""``python -m app``: baliecheck's commands without the desk (no Qt), e.g. on a server."""

from __future__ import annotations

import os
import sys

from app.cli.main import main

os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # as ui/entry.py, which says why
sys.exit(main())
