# SPDX-License-Identifier: EUPL-1.2
"""Words for every problem code, for the command line (the desk uses Qt's translations)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.problem_texts.backend import BACKEND_TEXTS
from app.problem_texts.card import CARD_TEXTS

if TYPE_CHECKING:
    from app.language import Language
    from app.problem_texts.text import ProblemText
    from app.problems import Problem

PROBLEM_TEXTS: dict[Problem, dict[Language, ProblemText]] = {**CARD_TEXTS, **BACKEND_TEXTS}


def problem_text(problem: Problem, language: Language) -> ProblemText:
    return PROBLEM_TEXTS[problem][language]
