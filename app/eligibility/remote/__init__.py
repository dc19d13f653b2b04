# SPDX-License-Identifier: EUPL-1.2
"""The remote backend: the contract spoken over HTTP(S) with httpx, with its sign-in
(bearer or OAuth2) and its deadline-bound transport.

May use the port, the wire models and the problem types beside it; the embedded engine
never imports this room.
"""

from __future__ import annotations

import sys

# httpx's package init imports its own command-line tool (``httpx._main``: click, rich and
# pygments, ~60 ms) whenever those happen to be installed; we never run it. A None entry in
# sys.modules makes that import fail, and httpx then defines a stub in its place.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
