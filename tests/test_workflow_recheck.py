# SPDX-License-Identifier: EUPL-1.2
"""Re-check (F5), the service switch asking again, the privacy countdown, the problem panels'
plans, the backend state from advice results and today's tally: without Qt."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from app.audit.decisions import open_audit_store
from app.audit.records import AuditEntry, RecordKind
from app.desk.app import BackendState, DeskApp
from app.desk.problem_panel import plan_for
from app.desk.sample_cards import card_for
from app.desk.state import Phase
from app.desk.tally import count_today
from app.eligibility.wire import Channel
from app.i18n import translations
from app.language import Language
from app.problems import Problem
from app.services import make_eligibility
from app.settings.config import Config
from eid.simulated import SimulatedCardReader
from tests.bad_backend import closed_port, make_remote
from tests.test_workflow import CITIZENS, Desk, Recorder, TimedDesk

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from app.eligibility.port import EligibilityPort

LEZ = "lez-registratie"


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[EligibilityPort]:
    port = make_eligibility(Config(training=True), tmp_path)
    yield port
    port.close()


@pytest.fixture
def flow(engine: EligibilityPort) -> Iterator[Desk]:
    """The workflow with its card loop on a simulated reader (no window)."""
    desk = Desk(engine, SimulatedCardReader())
    desk.loop.start()
    yield desk
    desk.stop()


def test_workflow_recheck_reads_the_card_still_in_the_reader_after_clear(flow: Desk) -> None:
    assert not flow.workflow.can_recheck()  # nothing in the reader: nothing to check
    flow.reader.insert(card_for(CITIZENS[0]))
    first = flow.recorder.wait_for(lambda s: s.phase is Phase.VERDICT)
    assert first.card_in_reader
    flow.workflow.clear()
    assert flow.workflow.can_recheck()
    assert flow.workflow.recheck()
    again = flow.recorder.wait_for(
        lambda s: s.phase is Phase.VERDICT and s.transaction > first.transaction + 1
    )
    assert again.channel is Channel.CARD
    assert again.advice is not None
    assert first.advice is not None
    assert again.advice.outcome == first.advice.outcome
    flow.reader.remove()
    gone = flow.recorder.wait_for(lambda s: s.transaction > again.transaction)
    assert (gone.phase, gone.card_in_reader) == (Phase.WAITING, False)
    assert not flow.workflow.can_recheck()
    assert not flow.workflow.recheck()


def test_workflow_switch_service_asks_again_for_the_card(flow: Desk) -> None:
    flow.reader.insert(card_for(CITIZENS[1]))
    first = flow.recorder.wait_for(lambda s: s.phase is Phase.VERDICT)
    flow.workflow.switch_service(LEZ)
    again = flow.recorder.wait_for(lambda s: s.phase is Phase.VERDICT and s.service == LEZ)
    assert again.transaction > first.transaction
    assert again.advice is not None


def test_workflow_switch_service_asks_again_for_a_typed_number(flow: Desk) -> None:
    flow.workflow.enter_manually(CITIZENS[1].national_number)
    flow.recorder.wait_for(lambda s: s.phase is Phase.VERDICT)
    flow.workflow.switch_service(LEZ)
    again = flow.recorder.wait_for(lambda s: s.phase is Phase.VERDICT and s.service == LEZ)
    assert again.channel is Channel.MANUAL


def test_workflow_recheck_asks_again_for_the_typed_number_after_an_outage() -> None:
    remote = make_remote(f"http://127.0.0.1:{closed_port()}", advice_retries=0)
    desk = Desk(remote, SimulatedCardReader())
    desk.loop.start()
    try:
        transaction = desk.workflow.enter_manually(CITIZENS[0].national_number)
        desk.recorder.wait_for(lambda s: s.phase is Phase.PROBLEM)
        assert desk.workflow.can_recheck()
        assert desk.workflow.recheck()
        again = desk.recorder.wait_for(
            lambda s: s.phase is Phase.PROBLEM and s.transaction > transaction
        )
        assert again.channel is Channel.MANUAL
        assert again.problem is Problem.BACKEND_UNREACHABLE
        desk.workflow.clear()  # the number is gone with its transaction
        assert not desk.workflow.can_recheck()
    finally:
        desk.stop()
        remote.close()


@pytest.fixture
def timed_desk(engine: EligibilityPort) -> Iterator[TimedDesk]:
    desk = TimedDesk(engine)
    yield desk
    desk.executors.shutdown()


def test_workflow_seconds_to_clear_counts_down_and_stops_while_held(timed_desk: TimedDesk) -> None:
    assert timed_desk.workflow.seconds_to_clear() == 60
    timed_desk.later(52)
    assert timed_desk.workflow.seconds_to_clear() == 8
    timed_desk.workflow.hold()
    assert timed_desk.workflow.seconds_to_clear() is None
    timed_desk.workflow.release()
    assert timed_desk.workflow.seconds_to_clear() == 60
    timed_desk.later(61)
    assert timed_desk.workflow.seconds_to_clear() is None  # cleared: nothing to count


@pytest.mark.parametrize("problem", list(Problem))
@pytest.mark.parametrize("known", [True, False])
@pytest.mark.parametrize("outcomes", [True, False])
def test_problem_panel_instruction_matches_its_buttons(
    problem: Problem, known: bool, outcomes: bool
) -> None:
    plan = plan_for(problem, number_known=known, outcomes_known=outcomes)
    assert not (plan.decide and plan.enter_number)
    assert ("(F2)" in plan.instruction) is plan.enter_number
    assert ("(F5)" in plan.instruction) is plan.retry
    assert ("beslis manueel" in plan.instruction.lower()) is plan.decide
    for language in (Language.FR, Language.EN):
        words = translations(language).gettext(plan.instruction)
        assert words != plan.instruction
        assert ("(F2)" in words) is plan.enter_number
        assert ("(F5)" in words) is plan.retry


def test_problem_panel_not_genuine_card_offers_neither_typing_nor_deciding() -> None:
    plan = plan_for(Problem.CARD_NOT_GENUINE, number_known=False, outcomes_known=True)
    assert (plan.retry, plan.enter_number, plan.decide) == (False, False, False)


def test_desk_app_backend_state_follows_each_advice(tmp_path: Path) -> None:
    desk = DeskApp(Config(training=True), tmp_path)  # not started: no periodic check
    try:
        seen: list[BackendState] = []
        desk.subscribe_status(lambda status: seen.append(status.backend))
        recorder = Recorder()
        desk.workflow.subscribe(recorder)
        desk.workflow.enter_manually(CITIZENS[0].national_number)
        recorder.wait_for(lambda s: s.phase is Phase.VERDICT)
        assert seen[0] is BackendState.UNKNOWN
        assert desk.status.backend is BackendState.OK
    finally:
        desk.stop()


def test_desk_app_tally_counts_today_by_outcome_without_personal_data(tmp_path: Path) -> None:
    config = Config(training=True)
    now = dt.datetime.now(dt.UTC)
    with open_audit_store(config, tmp_path) as store:
        for kind, outcome, desk in (
            (RecordKind.ADVICE_SHOWN, "KANSENTARIEF", "balie-1"),
            (RecordKind.ADVICE_SHOWN, "KANSENTARIEF", "balie-1"),
            (RecordKind.ADVICE_SHOWN, "STANDAARD", "balie-1"),
            (RecordKind.ADVICE_SHOWN, "STANDAARD", "balie-2"),  # another desk
            (RecordKind.OVERRIDE, None, "balie-1"),
            (RecordKind.PROBLEM, None, "balie-1"),
        ):
            entry = AuditEntry(kind, now, desk, "staff", "svc", advised_outcome=outcome)
            store.append(entry)
        yesterday = now - dt.timedelta(days=2)
        store.append(AuditEntry(RecordKind.ADVICE_SHOWN, yesterday, "balie-1", "s", "svc"))
        tally = count_today(store, "balie-1")
    assert tally.checks == 4
    assert tally.outcomes == (("KANSENTARIEF", 2), ("STANDAARD", 1))
    assert (tally.overrides, tally.manual, tally.problems) == (1, 0, 1)


def test_desk_app_training_cards_are_the_desk_services_ones(tmp_path: Path) -> None:
    from app.settings.config import DeskSettings

    only_uitpas = DeskApp(Config(training=True), tmp_path)
    both = DeskApp(
        Config(training=True, desk=DeskSettings(services=("uitpas-kansentarief", LEZ))),
        tmp_path,
    )
    try:
        uitpas_labels = [label for label, _card in only_uitpas.training_cards()]
        all_labels = [label for label, _card in both.training_cards()]
    finally:
        only_uitpas.stop()
        both.stop()
    lez_only = "Verlaagd LEZ-tarief — voorbeeld 10"
    assert lez_only not in uitpas_labels  # the standard tariff for UiTPAS: LEZ only
    assert lez_only in all_labels
    assert "Op geen enkele lijst — voorbeeld 9" in uitpas_labels  # the standard case
    assert set(uitpas_labels) < set(all_labels)
    # Standard or no advice only at another desk's service: not offered here.
    assert not [label for label in all_labels if "kinderopvang" in label or "school" in label]


def test_desk_app_training_cards_include_no_advice_at_the_desk_service(tmp_path: Path) -> None:
    from app.settings.config import DeskSettings

    desk = DeskApp(
        Config(training=True, desk=DeskSettings(services=("kinderopvang-sociaal-tarief",))),
        tmp_path,
    )
    try:
        labels = [label for label, _card in desk.training_cards()]
    finally:
        desk.stop()
    assert "Geen advies kinderopvang — voorbeeld 19" in labels  # no advice: a case to practise
    assert "Standaard kinderopvang — voorbeeld 18" in labels
    assert not [label for label in labels if label.startswith("Kansentarief")]
