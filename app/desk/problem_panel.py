# SPDX-License-Identifier: EUPL-1.2
"""What a problem panel offers: which ways on (read again, type the number, decide) and the
one instruction that matches them.

The problem's own words (app.problem_texts) say what happened; their "what to do" serves
the command line too. On the desk the instruction must match the buttons on screen, so it
is chosen here from what can be done: no "decide manually" without that button, no "type
the number" for a card that is not genuine. Dutch msgids, translated by the window.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import N_
from app.problems import Problem

# A second try can help: the card was moved or busy, the backend did not answer in time.
RETRY_HELPS = frozenset(
    {
        Problem.CARD_UNREADABLE,
        Problem.CARD_REMOVED,
        Problem.READER_IN_USE,
        Problem.PCSC_UNAVAILABLE,
        Problem.BACKEND_UNREACHABLE,
        Problem.BACKEND_TIMEOUT,
        Problem.BACKEND_BAD_RESPONSE,
        Problem.BACKEND_RATE_LIMITED,
        Problem.SOURCE_UNAVAILABLE,
        Problem.OUTCOMES_UNKNOWN,  # the catalogue may come with the next try
        Problem.ADVICE_EXPIRED,  # a new advice may be valid
    }
)
# No advice may rest on this card: neither its number typed in nor a decision for it.
NO_ADVICE_FROM_CARD = frozenset({Problem.CARD_NOT_GENUINE, Problem.NATIONAL_NUMBER_INVALID})
# Only IT can help; staff decide on paper meanwhile.
CALL_IT = frozenset(
    {
        Problem.BACKEND_TLS_FAILED,
        Problem.BACKEND_AUTH_REJECTED,
        Problem.BACKEND_FORBIDDEN,
        Problem.UNKNOWN_SERVICE,
        Problem.UNKNOWN_ADVICE,
        Problem.INVALID_REQUEST,
        Problem.IDEMPOTENCY_CONFLICT,
        Problem.CREDENTIALS_MISSING,
        Problem.KEYRING_UNAVAILABLE,
        Problem.CONFIG_INVALID,
        Problem.RULES_INVALID,
        Problem.AUDIT_STORE_FULL,
        Problem.AUDIT_STORE_READ_ONLY,
        Problem.AUDIT_STORE_UNAVAILABLE,
        Problem.AUDIT_KEY_MISMATCH,
        Problem.INSTALLATION_KEY_MISSING,
        Problem.BACKEND_CONTRADICTS_CATALOGUE,
        Problem.ADVICE_FROM_FUTURE,  # a clock is wrong
    }
)

NOT_GENUINE_STEP = N_(
    "Geef geen advies op basis van deze kaart. Vraag een ander identiteitsbewijs en volg "
    "de procedure van uw dienst."
)
CALL_IT_STEP = N_("Noteer de beslissing op papier en meld dit aan de informaticadienst.")
# (retry, type the number, decide, paper) -> the instruction
_STEPS: dict[tuple[bool, bool, bool], str] = {
    (True, True, False): N_(
        "Controleer de kaart (chip naar boven) en kies Opnieuw controleren (F5). Lukt het "
        "niet, typ het rijksregisternummer in (F2)."
    ),
    (False, True, False): N_("Typ het rijksregisternummer in (F2) om advies te vragen."),
    (True, False, True): N_(
        "Kies Opnieuw controleren (F5). Lukt het niet, beslis manueel met een reden."
    ),
    (True, False, False): N_(
        "Kies Opnieuw controleren (F5). Lukt het niet, noteer de beslissing op papier."
    ),
    (False, False, True): N_("Beslis manueel met een reden, op basis van de getoonde documenten."),
    (False, False, False): N_("Noteer de beslissing op papier."),
}


@dataclass(frozen=True, slots=True)
class PanelPlan:
    """The buttons a problem panel shows and its one instruction (a Dutch msgid)."""

    retry: bool
    enter_number: bool
    decide: bool
    instruction: str


def plan_for(problem: Problem, *, number_known: bool, outcomes_known: bool) -> PanelPlan:
    """``number_known``: the transaction has a number, so a decision can be recorded for it;
    ``outcomes_known``: the service's outcomes are known, so there is something to apply."""
    if problem in NO_ADVICE_FROM_CARD:
        return PanelPlan(False, False, False, NOT_GENUINE_STEP)
    if problem in CALL_IT:
        return PanelPlan(False, False, False, CALL_IT_STEP)
    retry = problem in RETRY_HELPS
    enter = not number_known
    decide = number_known and outcomes_known
    return PanelPlan(retry, enter, decide, _STEPS[(retry, enter, decide)])
