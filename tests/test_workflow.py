# SPDX-License-Identifier: EUPL-1.2
"""The desk workflow without Qt: simulated cards, the embedded engine, real worker threads."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pytest

from app.desk.card_loop import CardLoop
from app.desk.headless import number_reader
from app.desk.sample_cards import card_for
from app.desk.state import DeskState, Phase, ReaderState
from app.desk.workflow import DeskWorkflow
from app.eligibility.embedded.sample_data import sample_citizens
from app.eligibility.wire import Channel
from app.problems import Problem
from app.services import make_card_verifier, make_eligibility
from app.settings.config import Config
from app.threads import Executors
from eid.card_profiles import PROFILES
from eid.errors import CardFault, EidError
from eid.simulated import SimulatedCardReader
from tests.bad_backend import closed_port, make_remote

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from app.eligibility.port import AdviceQuery, EligibilityPort
    from app.eligibility.wire import Advice, Service

CITIZENS = sample_citizens()
SERVICE = "uitpas-kansentarief"


class Recorder:
    """Collects every published state; waits for one that matches."""

    def __init__(self) -> None:
        self.states: list[DeskState] = []
        self._changed = threading.Condition()

    def __call__(self, state: DeskState) -> None:
        with self._changed:
            self.states.append(state)
            self._changed.notify_all()

    def wait_for(self, predicate: object, timeout: float = 10) -> DeskState:
        assert callable(predicate)
        with self._changed:
            ok = self._changed.wait_for(lambda: any(predicate(s) for s in self.states), timeout)
            assert ok, f"no such state; last: {self.states[-1]}"
            return next(s for s in self.states if predicate(s))


class GatedEligibility:
    """The real engine, but the first advice waits for a gate: to swap a card mid-request."""

    def __init__(self, inner: EligibilityPort) -> None:
        self.inner = inner
        self.gate = threading.Event()
        self._first = True

    def advise(self, query: AdviceQuery) -> Advice:
        if self._first:
            self._first = False
            assert self.gate.wait(10)
        return self.inner.advise(query)

    def services(self) -> tuple[Service, ...]:
        return self.inner.services()


class Desk:
    def __init__(self, eligibility: object, reader: SimulatedCardReader) -> None:
        self.executors = Executors()
        self.workflow = DeskWorkflow(
            eligibility=eligibility,  # type: ignore[arg-type]
            net=self.executors.net,
            service=SERVICE,
            desk_id="balie-1",
            catalogue=eligibility.services,  # type: ignore[attr-defined]
        )
        self.recorder = Recorder()
        self.workflow.subscribe(self.recorder)
        self.reader = reader
        verifier = make_card_verifier(Config(training=True))
        self.loop = CardLoop(reader, self.workflow, number_reader(verifier))

    def stop(self) -> None:
        self.loop.stop()
        self.executors.shutdown()


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[EligibilityPort]:
    port = make_eligibility(Config(training=True), tmp_path)
    yield port
    port.close()


@pytest.fixture
def desk(engine: EligibilityPort) -> Iterator[Desk]:
    desk = Desk(engine, SimulatedCardReader())
    desk.loop.start()
    yield desk
    desk.stop()


def test_workflow_card_gives_the_engine_verdict_then_clears_on_removal(
    desk: Desk, engine: EligibilityPort
) -> None:
    from app.eligibility.port import AdviceQuery

    for citizen in CITIZENS:
        expected = engine.advise(AdviceQuery(SERVICE, citizen.national_number, "b", Channel.CARD))
        desk.recorder.states.clear()
        desk.reader.insert(card_for(citizen))
        verdict = desk.recorder.wait_for(lambda s: s.phase is Phase.VERDICT)
        assert verdict.advice is not None
        assert verdict.advice.outcome.code == expected.outcome.code
        assert verdict.channel is Channel.CARD
        phases = [s.phase for s in desk.recorder.states]
        assert phases[:3] == [Phase.READING, Phase.ASKING, Phase.VERDICT]
        desk.reader.remove()
        cleared = desk.recorder.wait_for(lambda s, t=verdict.transaction: s.transaction > t)
        assert cleared.phase is Phase.WAITING
        assert cleared.advice is None


def test_workflow_swapped_card_never_shows_the_first_verdict(engine: EligibilityPort) -> None:
    gated = GatedEligibility(engine)
    desk = Desk(gated, SimulatedCardReader())
    desk.loop.start()
    try:
        first, second = CITIZENS[0], CITIZENS[-1]
        desk.reader.insert(card_for(first))
        asking = desk.recorder.wait_for(lambda s: s.phase is Phase.ASKING)
        desk.reader.remove()
        desk.reader.insert(card_for(second))
        verdict = desk.recorder.wait_for(lambda s: s.phase is Phase.VERDICT)
        gated.gate.set()  # the first person's answer arrives now, too late
        desk.executors.net.submit(lambda: None).result(5)
        assert verdict.transaction > asking.transaction
        verdicts = [s for s in desk.recorder.states if s.phase is Phase.VERDICT]
        assert len(verdicts) == 1
        assert desk.workflow.state == verdict
    finally:
        gated.gate.set()
        desk.stop()


def test_workflow_manual_entry_is_channel_manual(desk: Desk) -> None:
    transaction = desk.workflow.enter_manually(CITIZENS[0].national_number)
    verdict = desk.recorder.wait_for(lambda s: s.phase is Phase.VERDICT)
    assert verdict.transaction == transaction
    assert verdict.channel is Channel.MANUAL
    assert desk.workflow.current_number(transaction) == CITIZENS[0].national_number
    desk.workflow.clear()
    assert desk.workflow.current_number(transaction) is None


def test_workflow_refused_card_is_a_problem_never_a_verdict(desk: Desk) -> None:
    desk.reader.insert(PROFILES["not-eid"].make_card())
    problem = desk.recorder.wait_for(lambda s: s.phase is Phase.PROBLEM)
    assert problem.problem is Problem.NOT_AN_EID
    assert problem.advice is None


def test_workflow_backend_down_is_a_problem(tmp_path: Path) -> None:
    remote = make_remote(f"http://127.0.0.1:{closed_port()}", advice_retries=0)
    desk = Desk(remote, SimulatedCardReader())
    desk.loop.start()
    try:
        desk.reader.insert(card_for(CITIZENS[0]))
        problem = desk.recorder.wait_for(lambda s: s.phase is Phase.PROBLEM)
        assert problem.problem is Problem.BACKEND_UNREACHABLE
        assert all(s.advice is None for s in desk.recorder.states)
    finally:
        desk.stop()
        remote.close()


class TimedDesk:
    """A workflow on a clock the test moves, showing a verdict (privacy timeout 60 s)."""

    def __init__(self, engine: EligibilityPort) -> None:
        self.now = 1000.0
        self.executors = Executors()
        self.workflow = DeskWorkflow(
            eligibility=engine,
            net=self.executors.net,
            service=SERVICE,
            desk_id="b",
            privacy_timeout_s=60,
            catalogue=engine.services,
            clock=lambda: self.now,
        )
        recorder = Recorder()
        self.workflow.subscribe(recorder)
        self.workflow.enter_manually(CITIZENS[0].national_number)
        recorder.wait_for(lambda s: s.phase is Phase.VERDICT)

    def later(self, seconds: float) -> DeskState:
        """Move the clock, let the workflow tick, return what it shows."""
        self.now += seconds
        self.workflow.tick()
        return self.workflow.state


@pytest.fixture
def timed(engine: EligibilityPort) -> Iterator[TimedDesk]:
    desk = TimedDesk(engine)
    yield desk
    desk.executors.shutdown()


def test_workflow_privacy_timeout_clears_the_screen(timed: TimedDesk) -> None:
    before = timed.later(59)
    timed.workflow.reader_state_changed(ReaderState.NO_READER)  # not staff activity
    after = timed.later(2)
    assert before.phase is Phase.VERDICT
    assert after.phase is Phase.WAITING
    assert after.advice is None


class InMemoryDeadReader(SimulatedCardReader):
    """A reader whose PC/SC service is gone (stopping pcscd here would disturb other tests)."""

    def wait_for_change(self, timeout: float) -> list:  # type: ignore[type-arg]
        raise EidError(CardFault.PCSC_UNAVAILABLE, "service stopped")


def test_workflow_dead_service_is_shown_and_retried(engine: EligibilityPort) -> None:
    desk = Desk(engine, InMemoryDeadReader())
    desk.loop.start()
    try:
        state = desk.recorder.wait_for(lambda s: s.reader_state is ReaderState.SERVICE_DOWN)
        assert state.phase is Phase.WAITING
    finally:
        desk.stop()


def test_workflow_states_hold_no_number(desk: Desk) -> None:
    desk.reader.insert(card_for(CITIZENS[0]))
    desk.recorder.wait_for(lambda s: s.phase is Phase.VERDICT)
    digits = CITIZENS[0].national_number.digits
    assert all(digits not in repr(s) for s in desk.recorder.states)


def test_workflow_no_privacy_timeout_while_staff_work_on_the_screen(timed: TimedDesk) -> None:
    timed.workflow.hold()  # e.g. the override dialog is open, staff are typing a reason
    held = timed.later(600)
    timed.workflow.release()
    after_release = timed.later(59)
    timed_out = timed.later(2)
    assert held.phase is Phase.VERDICT
    assert after_release.phase is Phase.VERDICT
    assert timed_out.phase is Phase.WAITING


def test_workflow_unforeseen_read_failure_is_a_problem_and_the_next_card_works(
    desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    """A bug or odd driver error while reading one card: that card gets a problem, the
    error is logged without the number, and the card thread goes on with the next card."""
    real_read = desk.loop._read_number  # noqa: SLF001 - the one card that breaks
    digits = CITIZENS[0].national_number.digits
    calls = 0

    def read_once_broken(reader: object, name: str) -> object:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError(f"driver choked on {digits}")
        return real_read(reader, name)  # type: ignore[arg-type]

    desk.loop._read_number = read_once_broken  # type: ignore[assignment]  # noqa: SLF001
    desk.reader.insert(card_for(CITIZENS[0]))
    problem = desk.recorder.wait_for(lambda s: s.phase is Phase.PROBLEM)
    assert problem.problem is Problem.CARD_UNREADABLE
    desk.reader.remove()
    desk.reader.insert(card_for(CITIZENS[1]))
    verdict = desk.recorder.wait_for(lambda s: s.phase is Phase.VERDICT)
    assert verdict.advice is not None
    assert "unexpected failure reading a card" in caplog.text
    assert "RuntimeError" in caplog.text
    assert digits not in caplog.text


def test_workflow_card_taken_from_another_reader_leaves_the_screen(
    engine: EligibilityPort,
) -> None:
    """A desk with two readers: the screen is about the card in reader B; taking the older
    card out of reader A must not clear it, taking B's card out must."""
    desk = Desk(engine, SimulatedCardReader(readers=("Lezer A", "Lezer B")))
    desk.loop.start()
    try:
        desk.reader.insert(card_for(CITIZENS[0]), "Lezer A")
        first = desk.recorder.wait_for(lambda s: s.phase is Phase.VERDICT)
        desk.reader.insert(card_for(CITIZENS[1]), "Lezer B")
        desk.recorder.wait_for(
            lambda s: s.phase is Phase.VERDICT and s.transaction > first.transaction
        )
        desk.recorder.states.clear()
        # The loop handles events in order: whatever A's removal did shows before the
        # next card in A starts reading.
        desk.reader.remove("Lezer A")
        desk.reader.insert(card_for(CITIZENS[2]), "Lezer A")
        desk.recorder.wait_for(lambda s: s.phase is Phase.READING)
        assert desk.recorder.states[0].phase is Phase.READING, desk.recorder.states[0]
        third = desk.recorder.wait_for(lambda s: s.phase is Phase.VERDICT)
        desk.reader.remove("Lezer A")
        cleared = desk.recorder.wait_for(lambda s: s.phase is Phase.WAITING)
        assert cleared.transaction == third.transaction + 1
    finally:
        desk.stop()
