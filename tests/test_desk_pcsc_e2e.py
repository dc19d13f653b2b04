# SPDX-License-Identifier: EUPL-1.2
"""The desk end to end over the real stack: vpcd virtual card → pcscd → pyscard → DeskApp →
embedded engine → the window (offscreen). Outside training mode, with a verifier that trusts
the sample root besides the Belgian roots (virtual cards are never genuine otherwise)."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

import pytest

from app.desk.problem_panel import NOT_GENUINE_STEP
from app.desk.sample_cards import card_for
from app.desk.state import Phase
from app.eligibility.embedded.lists.store import SourceStore
from app.eligibility.embedded.sample_data import sample_citizens, seed_training_store
from app.language import Language
from app.problem_texts import problem_text
from app.problems import Problem
from app.services import store_path
from app.settings.config import Config
from app.settings.credentials import KeyringCredentials, pseudonym_key
from eid.authenticity import CardVerifier
from eid.card_profiles import PROFILES
from eid.insz import NationalNumber
from eid.sample_pki import sample_root_certificate
from eid.trust import TrustAnchors
from tests.desk_support import assert_number_hidden
from tests.pcsc_stack import READER_0

if TYPE_CHECKING:
    from pathlib import Path

    from app.desk.state import DeskState
    from app.eligibility.embedded.sample_data import SampleCitizen
    from eid.virtual_card import VirtualBelpicCard
    from tests.desk_support import Desk, MakeDesk
    from tests.pcsc_stack import VpcdCards

pytestmark = pytest.mark.pcsc

CITIZENS = sample_citizens()
KANSENTARIEF = CITIZENS[0]  # leefloon, resident
STANDARD = CITIZENS[5]  # resident, on no other list
WAITING_TITLE = "Steek de eID-kaart in de lezer"


class PcscCounter:
    """A desk on the real PC/SC readers and the vpcd slots its cards go into; the verdict
    view's outcome text at each presentation is recorded by a slot connected after the
    window's own."""

    def __init__(self, desk: Desk, vpcd: VpcdCards) -> None:
        self.desk = desk
        self.window = desk.window
        self.vpcd = vpcd
        self.outcomes_shown: list[str] = []
        desk.bridge.state_changed.connect(self._presented)

    def _presented(self, _state: DeskState) -> None:
        if self.window.stack.currentWidget() is self.window.verdict_view:
            self.outcomes_shown.append(self.outcome_text())

    def insert(self, card: VirtualBelpicCard, expect: Phase = Phase.VERDICT) -> DeskState:
        before = self.desk.bridge.state.transaction
        self.vpcd.insert(card, READER_0)
        return self.desk.settle(before, expect)

    def remove(self) -> DeskState:
        before = self.desk.bridge.state.transaction
        self.vpcd.remove(READER_0)
        return self.desk.settle(before, Phase.WAITING)

    def outcome_text(self) -> str:
        return self.window.verdict_view.outcome_label.text()

    def assert_waiting_screen(self) -> None:
        assert self.window.stack.currentWidget() is self.window.waiting_view
        assert self.window.waiting_view.title_label.text() == WAITING_TITLE
        assert not self.window.override_button.isEnabled()


@pytest.fixture
def counter(vpcd: VpcdCards, make_desk: MakeDesk, data_dir: Path) -> PcscCounter:
    """Not training: the embedded engine on the real store, seeded with the sample lists
    under the keyring's key; the Belgian roots and the sample root trusted. ``vpcd`` first,
    so the desk is stopped before its cards are taken out."""
    config = Config(training=False)
    store = SourceStore(store_path(config, data_dir), key=pseudonym_key(KeyringCredentials()))
    seed_training_store(store, dt.date.today())
    store.close()
    trust = TrustAnchors.belgian().with_test_certificates([sample_root_certificate()])
    return PcscCounter(make_desk(config, verifier=CardVerifier(trust)), vpcd)


def _expected_outcome(citizen: SampleCitizen) -> str:
    """UiTPAS (the desk's default service): a yes for leefloon, a no for a plain resident."""
    return "✔ Kansentarief" if citizen is KANSENTARIEF else "— Standaardtarief"


@pytest.mark.parametrize("citizen", [KANSENTARIEF, STANDARD], ids=["kansentarief", "standaard"])
def test_desk_pcsc_card_in_shows_the_verdict_and_card_out_the_waiting_screen(
    counter: PcscCounter, citizen: SampleCitizen, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    window = counter.window
    counter.assert_waiting_screen()
    counter.insert(card_for(citizen))
    assert window.stack.currentWidget() is window.verdict_view
    assert counter.outcome_text() == _expected_outcome(citizen)
    assert window.verdict_view.data_label.text().startswith("gegevens van ")
    assert window.verdict_view.channel_label.text() == ""  # read from the card
    assert window.override_button.isEnabled()
    assert window.training_banner is None  # the real readers: no training marks
    counter.remove()
    counter.assert_waiting_screen()
    assert_number_hidden(citizen.national_number, caplog)


@pytest.mark.parametrize("profile", ["forged-byte", "forged-root", "programmed"])
def test_desk_pcsc_card_not_genuine_shows_the_problem_and_no_verdict(
    counter: PcscCounter, profile: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    window = counter.window
    state = counter.insert(PROFILES[profile].make_card(), expect=Phase.PROBLEM)
    assert state.problem is Problem.CARD_NOT_GENUINE
    assert state.advice is None
    words = problem_text(Problem.CARD_NOT_GENUINE, Language.NL)
    assert window.stack.currentWidget() is window.problem_view
    assert window.problem_view.what_label.text() == f"⚠ {words.what}"
    # One instruction that fits the panel (no decision on this card): the desk's own words.
    assert window.problem_view.next_label.text() == NOT_GENUINE_STEP
    assert counter.outcomes_shown == []
    assert counter.outcome_text() == ""
    assert not window.override_button.isEnabled()
    counter.remove()
    counter.assert_waiting_screen()
    digits = PROFILES[profile].national_number
    assert digits is not None
    assert_number_hidden(NationalNumber(digits), caplog)


def test_desk_pcsc_swapped_card_shows_only_the_second_persons_verdict(
    counter: PcscCounter, vpcd: VpcdCards, caplog: pytest.LogCaptureFixture
) -> None:
    """One person's card out and the next one's in, the window not looked at in between."""
    caplog.set_level(logging.DEBUG)
    first = counter.insert(card_for(KANSENTARIEF))
    assert counter.outcome_text() == _expected_outcome(KANSENTARIEF)
    counter.outcomes_shown.clear()
    vpcd.remove(READER_0)  # waits for pcscd to see the reader empty, not for the window
    second = counter.insert(card_for(STANDARD))
    assert second.transaction > first.transaction
    assert counter.outcome_text() == _expected_outcome(STANDARD)
    assert counter.outcomes_shown == [_expected_outcome(STANDARD)]
    counter.remove()
    counter.assert_waiting_screen()
    assert counter.outcomes_shown == [_expected_outcome(STANDARD)]
    for citizen in (KANSENTARIEF, STANDARD):
        assert_number_hidden(citizen.national_number, caplog)
