# SPDX-License-Identifier: EUPL-1.2
"""``python -m ui``: the ``baliecheck`` console script (the desk, or a command)."""

from __future__ import annotations

import sys

from ui.entry import main

sys.exit(main())
