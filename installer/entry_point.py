# SPDX-License-Identifier: EUPL-1.2
"""The script PyInstaller freezes: the ``baliecheck`` console script (``ui.entry:main``)."""

from __future__ import annotations

import sys

from ui.entry import main

if __name__ == "__main__":
    sys.exit(main())
