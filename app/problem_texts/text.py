# SPDX-License-Identifier: EUPL-1.2
"""One problem's words: what happened and what to do next."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ProblemText:
    what: str
    next_step: str
