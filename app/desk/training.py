# SPDX-License-Identifier: EUPL-1.2
"""Training mode's practice material: the sample citizens worth practising at this desk, their
cards and numbers, and the sample cards that give a problem. Loaded only when asked (the
sample PKI and citizens are not part of a real desk's start). Labels are Dutch msgids, shown
in the desk's language by the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.eligibility.port import AdviceQuery
from app.eligibility.wire import Channel
from app.i18n import N_
from app.problems import AppError, Problem
from app.settings.config import BackendKind

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.eligibility.embedded.sample_data import SampleCitizen
    from app.eligibility.port import EligibilityPort
    from app.eligibility.wire import Service
    from app.settings.config import Config
    from eid.insz import NationalNumber
    from eid.virtual_card import VirtualBelpicCard

# Sample cards that give a problem: unreadable data, not genuine, not an eID (a bank card),
# by their card profile (eid.card_profiles); then the cards with a reserved sample number that
# the training backend answers with a problem (app.desk.practice), by the number's name.
PROBLEM_PROFILES = ("corrupt-tlv", "forged-byte", "not-eid")
PROBLEM_NUMBERS = ("backend_unreachable", "insufficient_data")
PROBLEM_CARD_LABELS = {
    "corrupt-tlv": N_("Onleesbare kaart"),
    "forged-byte": N_("Kaart niet echt"),
    "not-eid": N_("Bankkaart (geen eID)"),
    "backend_unreachable": N_("Adviesdienst antwoordt niet"),
    "insufficient_data": N_("Burger zonder gegevens"),
}


class TrainingSamples:
    """What the training menu and the help offer; empty outside training mode."""

    def __init__(
        self,
        config: Config,
        eligibility: EligibilityPort,
        services: Callable[[], tuple[Service, ...]],
    ) -> None:
        self._config = config
        self._eligibility = eligibility
        self._services = services  # the desk's catalogue as it is now
        self._citizens: tuple[SampleCitizen, ...] | None = None
        self._cards: tuple[tuple[str, VirtualBelpicCard], ...] | None = None
        self._lists_here: frozenset[str] | None = None

    def citizens(self) -> tuple[SampleCitizen, ...]:
        """The sample citizens worth practising at this desk (asked once)."""
        if not self._config.training:
            return ()
        if self._citizens is None:
            from app.eligibility.embedded.sample_data import sample_citizens  # noqa: PLC0415

            self._citizens = tuple(c for c in sample_citizens() if self._practised_here(c))
        return self._citizens

    def cards(self) -> tuple[tuple[str, VirtualBelpicCard], ...]:
        """(label, card) of those citizens, for the training menu."""
        if self._cards is None:
            from app.desk.sample_cards import card_for  # noqa: PLC0415 - the sample PKI

            self._cards = tuple((c.label, card_for(c)) for c in self.citizens())
        return self._cards

    def problem_cards(self) -> tuple[tuple[str, VirtualBelpicCard], ...]:
        """(label, card) of the sample cards that give a problem, to practise them."""
        if not self._config.training:
            return ()
        from app.desk.sample_cards import card_with  # noqa: PLC0415 - training only
        from eid.card_profiles import PROFILES  # noqa: PLC0415

        cards = [
            (PROBLEM_CARD_LABELS[name], PROFILES[name].make_card()) for name in PROBLEM_PROFILES
        ]
        cards += [
            (PROBLEM_CARD_LABELS[name], card_with(number)) for name, number in self._reserved()
        ]
        return tuple(cards)

    def practice_numbers(self) -> tuple[tuple[str, str], ...]:
        """(label, digits) of those citizens and of the problem cards' reserved numbers, to
        practise typing (F2)."""
        numbers = [(c.label, c.national_number.digits) for c in self.citizens()]
        numbers += [(PROBLEM_CARD_LABELS[name], number.digits) for name, number in self._reserved()]
        return tuple(numbers)

    def _reserved(self) -> list[tuple[str, NationalNumber]]:
        """(name, number) of the reserved sample numbers that give a problem (training only)."""
        if not self._config.training:
            return []
        from app.eligibility.embedded.sample_data import reserved_numbers  # noqa: PLC0415

        reserved = reserved_numbers()
        return [(name, reserved[name]) for name in PROBLEM_NUMBERS if name in reserved]

    def _practised_here(self, citizen: SampleCitizen) -> bool:
        """A citizen who gets something other than the default outcome of one of this desk's
        services, or no advice there; or the default everywhere (a standard case), unless on
        a list only other desks' services read (the label then speaks of those). Asked of
        the embedded engine only (a remote backend is not asked for practice): with a remote
        one, or an engine that fails, every one."""
        if self._config.backend is not BackendKind.EMBEDDED:
            return True
        special = set()
        for service in self._services():
            query = AdviceQuery(service.code, citizen.national_number, "training", Channel.CARD)
            try:
                advice = self._eligibility.advise(query)
            except AppError as exc:
                if exc.problem is not Problem.INSUFFICIENT_DATA:
                    return True
                special.add(service.code)  # no advice: a case to practise too
                continue
            if advice.outcome.code != service.default_outcome:
                special.add(service.code)
        if special:
            return bool(special & set(self._config.desk.services))
        return citizen.lists <= self._lists_read_here()

    def _lists_read_here(self) -> frozenset[str]:
        """The source lists this desk's services' rules read."""
        if self._lists_here is None:
            from app.eligibility.embedded.rules import load_rules  # noqa: PLC0415 - training
            from app.resource_paths import rules_dir  # noqa: PLC0415

            here = set(self._config.desk.services)
            rules = load_rules(self._config.embedded.rules_dir or rules_dir())
            self._lists_here = frozenset().union(*(r.lists for r in rules if r.code in here))
        return self._lists_here


def practice_backend(eligibility: EligibilityPort, clock: Callable[[], float]) -> EligibilityPort:
    """Training mode's port: ``eligibility``, with the problem cards' reserved numbers answered
    by app.desk.practice. Only DeskApp calls this, and only in training mode."""
    from app.desk.practice import PracticeBackend  # noqa: PLC0415 - training only
    from app.eligibility.embedded.sample_data import reserved_numbers  # noqa: PLC0415

    return PracticeBackend(eligibility, reserved_numbers(), clock=clock)
