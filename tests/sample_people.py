# SPDX-License-Identifier: EUPL-1.2
"""What the rules decide for a sample citizen, computed without the store (for comparisons)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.eligibility.embedded.lists.rows import ListRow
from app.eligibility.embedded.rules import Person
from app.eligibility.embedded.rules.model import birth_date
from app.problems import AppError, Problem

if TYPE_CHECKING:
    import datetime as dt

    from app.eligibility.embedded.rules import ServiceRules
    from app.eligibility.embedded.sample_data import SampleCitizen

NO_ADVICE = "no-advice"


def person_of(citizen: SampleCitizen, rules: ServiceRules) -> Person:
    """The citizen on every list the rule reads (all imported, as in training mode)."""
    rows = {
        name: (ListRow(columns=citizen.columns.get(name, {})),) if name in citizen.lists else ()
        for name in rules.lists
    }
    return Person(birth_date(citizen.national_number.digits), rows)


def expected_outcome(citizen: SampleCitizen, rules: ServiceRules, day: dt.date) -> str:
    """The outcome code the rule gives this citizen on ``day``, or NO_ADVICE."""
    try:
        return rules.decide(person_of(citizen, rules), day).outcome
    except AppError as exc:
        if exc.problem is not Problem.INSUFFICIENT_DATA:
            raise
        return NO_ADVICE
