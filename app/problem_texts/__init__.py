# SPDX-License-Identifier: EUPL-1.2
"""Words for every problem code, for the command line and the desk: Dutch msgids, translated
through the one gettext catalogue (app.i18n) in the reader's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.i18n import translations
from app.problem_texts.backend import BACKEND_TEXTS
from app.problem_texts.card import CARD_TEXTS
from app.problem_texts.text import ProblemText

if TYPE_CHECKING:
    from app.language import Language
    from app.problems import Problem

# The Dutch source words of each problem.
PROBLEM_TEXTS: dict[Problem, ProblemText] = {**CARD_TEXTS, **BACKEND_TEXTS}


def problem_text(problem: Problem, language: Language) -> ProblemText:
    words, catalogue = PROBLEM_TEXTS[problem], translations(language)
    return ProblemText(catalogue.gettext(words.what), catalogue.gettext(words.next_step))
