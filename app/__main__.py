# SPDX-License-Identifier: EUPL-1.2
"""``python -m app``: baliecheck's commands without the desk (no Qt), e.g. on a server."""

from __future__ import annotations

import sys

from app.cli.main import main

sys.exit(main())
