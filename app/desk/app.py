# SPDX-License-Identifier: EUPL-1.2
"""DeskApp: the desk's parts built from the configuration and run on their threads.

The window (ui/) gets one of these: the workflow to present, the training cards, the call
behind "decide", and the status bar's backend and outbox state. No Qt here.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from app.audit.decisions import Decision, DecisionRecorder, open_audit_store, staff_id
from app.audit.outbox import OutboxSender
from app.desk.card_loop import CardLoop
from app.desk.headless import lazy_number_reader, number_reader
from app.desk.state import DeskState, Phase
from app.desk.tally import DayTally, count_today
from app.desk.training import TrainingSamples, practice_backend
from app.desk.workflow import DeskWorkflow
from app.eligibility.verdicts import plain_catalogue
from app.eligibility.wire import Channel, HealthStatus, RunMode, ServicesResponse
from app.problems import AppError, Problem
from app.services import card_verifier_maker, make_card_reader, make_eligibility
from app.settings.config import BackendKind
from app.threads import Executors

if TYPE_CHECKING:
    from collections.abc import Callable
    from concurrent.futures import Future
    from pathlib import Path

    from app.audit.decisions import Recorded
    from app.audit.outbox_table import OutboxState
    from app.eligibility.wire import Outcome, ReasonCode, Service
    from app.settings.config import Config
    from eid.authenticity import CardVerifier
    from eid.virtual_card import VirtualBelpicCard

log = logging.getLogger(__name__)

HEALTH_EVERY_S = 30.0
# The last catalogue the backend gave: a desk that starts while the backend is down still
# knows the services' outcomes, so staff can decide manually with a reason.
CATALOGUE_FILE = "services-catalogue.json"


# Problems that mean the backend did not answer at all (not a refusal or a bad answer).
UNREACHABLE_PROBLEMS = frozenset({Problem.BACKEND_UNREACHABLE, Problem.BACKEND_TIMEOUT})


class BackendState(StrEnum):
    UNKNOWN = "unknown"
    OK = "ok"
    DEGRADED = "degraded"
    UNREACHABLE = "unreachable"


@dataclass(frozen=True, slots=True)
class DeskStatus:
    """For the status bar: the backend's health and the decisions waiting to be sent."""

    backend: BackendState = BackendState.UNKNOWN
    pending: int = 0
    rejected: int = 0
    # Goes up when the service catalogue changed (fetched after the backend came back).
    catalogue: int = 0
    # What the backend's health says decides there (contract 1.1), when it says so.
    backend_mode: RunMode | None = None
    tally: DayTally = DayTally()  # today's checks at this desk (no personal data)


class DeskApp:
    """Everything behind one desk window; ``stop()`` ends every bc-* thread."""

    def __init__(
        self,
        config: Config,
        data_dir: Path,
        *,
        verifier: CardVerifier | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``verifier``: the authenticity check; the configuration's unless given (tests and
        benchmarks pass one that trusts the sample root, to put virtual cards through the
        real PC/SC stack outside training mode). ``clock``: what the privacy timeout counts
        with (tests move a clock of their own instead of waiting)."""
        self.config = config
        self.training = config.training
        self.mode = config.mode
        self._executors = Executors()
        self._eligibility = make_eligibility(config, data_dir)
        if config.training:  # the problem cards' sample numbers answered as a backend fails
            self._eligibility = practice_backend(self._eligibility, clock)
        self._catalogue = data_dir / CATALOGUE_FILE
        self._catalogue_fresh = False  # from the backend in this run, not the cached file
        self._catalogue_lock = threading.Lock()  # the health thread and bc-net both refresh
        self.services: tuple[Service, ...] = self._load_services()
        self.workflow = DeskWorkflow(
            eligibility=self._eligibility,
            net=self._executors.net,
            service=config.desk.services[0],
            desk_id=config.desk.id,
            privacy_timeout_s=config.desk.privacy_timeout_s,
            show_masked_number=config.desk.show_masked_number,
            catalogue=self._verdict_catalogue,
            clock=clock,
        )
        self._reader = make_card_reader(training=self.training, profile=None)
        # The configuration's verifier is made on the first card (its test roots are read now).
        verify = (
            number_reader(verifier)
            if verifier is not None
            else lazy_number_reader(card_verifier_maker(config))
        )
        self._loop = CardLoop(self._reader, self.workflow, verify, only_reader=config.desk.reader)
        self._audit = open_audit_store(config, data_dir)
        self._outbox = OutboxSender(self._audit, self._eligibility, on_change=self._outbox_changed)
        self._recorder = DecisionRecorder(
            self._audit,
            desk=config.desk.id,
            staff_id=staff_id(config),
            on_recorded=self._outbox.wake,
            mode=lambda: self.mode.joined(self._status.backend_mode).value,
        )
        self._status = DeskStatus()
        self.samples = TrainingSamples(config, self._eligibility, lambda: self.services)
        self._status_lock = threading.RLock()
        self._last_shown: tuple[int, Phase] | None = None
        self._backend_noted = 0  # advice results that said whether the backend answers
        self._status_subscribers: list[Callable[[DeskStatus], None]] = []
        self._stop = threading.Event()
        self._health = threading.Thread(
            target=self._watch_health, name="bc-net-health", daemon=True
        )
        self.workflow.subscribe(self._record_outcome)
        self.workflow.subscribe(self._note_backend)

    @classmethod
    def start(
        cls,
        config: Config,
        data_dir: Path,
        *,
        verifier: CardVerifier | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> DeskApp:
        app = cls(config, data_dir, verifier=verifier, clock=clock)
        app._loop.start()
        app._outbox.start()
        app._health.start()
        app._recount()
        return app

    # -- catalogue and training --------------------------------------------------------
    def service(self, code: str) -> Service:
        for service in self.services:
            if service.code == code:
                return service
        raise AppError(Problem.UNKNOWN_SERVICE, f"service {code!r} not offered by the backend")

    def outcomes_of(self, code: str) -> tuple[Outcome, ...]:
        """The service's outcomes, or none when the catalogue does not know it."""
        try:
            return self.service(code).outcomes
        except AppError:
            return ()

    def training_cards(self) -> tuple[tuple[str, VirtualBelpicCard], ...]:
        """The sample citizens' cards worth practising at this desk (training only)."""
        return self.samples.cards()

    def problem_cards(self) -> tuple[tuple[str, VirtualBelpicCard], ...]:
        """(Dutch label, card) of the sample cards that give a problem (training only)."""
        return self.samples.problem_cards()

    def practice_numbers(self) -> tuple[tuple[str, str], ...]:
        """(label, digits) of the sample citizens, to practise typing (F2; training only)."""
        return self.samples.practice_numbers()

    def insert_training_card(self, index: int) -> None:
        self.insert_sample_card(self.training_cards()[index][1])

    def insert_sample_card(self, card: VirtualBelpicCard) -> None:
        """Any virtual card into the simulated reader, e.g. a sample profile that cannot be
        read (``eid.card_profiles``), to show and test what staff see then."""
        from eid.simulated import DEFAULT_READER, SimulatedCardReader  # noqa: PLC0415 - training

        assert isinstance(self._reader, SimulatedCardReader), "only in training mode"
        self._reader.insert(card, DEFAULT_READER)

    def remove_training_card(self) -> None:
        from eid.simulated import DEFAULT_READER, SimulatedCardReader  # noqa: PLC0415 - training

        assert isinstance(self._reader, SimulatedCardReader), "only in training mode"
        self._reader.remove(DEFAULT_READER)

    # -- decisions ---------------------------------------------------------------------
    def decide(
        self, *, transaction: int, applied_outcome: str, reason_code: ReasonCode, reason_text: str
    ) -> Future[Recorded]:
        """Record an override (verdict shown) or a manual decision (problem shown).

        Runs on the store thread; the future's result is the proof it is on disk.
        """
        state = self.workflow.state
        if state.transaction != transaction or state.phase not in (Phase.VERDICT, Phase.PROBLEM):
            raise AppError(Problem.INVALID_REQUEST, "the screen changed before the decision")
        decision = Decision(
            service=state.service,
            applied_outcome=applied_outcome,
            reason_code=reason_code,
            reason_text=reason_text,
            channel=state.channel or Channel.MANUAL,
            national_number=self.workflow.current_number(transaction),
            advice=state.advice,
        )
        future = self._executors.store.submit(self._recorder.record_override, decision)
        future.add_done_callback(lambda _done: self._recount())
        return future

    # -- status ------------------------------------------------------------------------
    @property
    def status(self) -> DeskStatus:
        return self._status

    def subscribe_status(self, callback: Callable[[DeskStatus], None]) -> None:
        self._status_subscribers.append(callback)
        callback(self._status)

    def stop(self) -> None:
        self._stop.set()
        self._loop.stop()
        if self._health.is_alive():  # a DeskApp that was never started has none
            self._health.join(timeout=10)
        self._executors.shutdown()
        self._outbox.stop()
        self._eligibility.close()

    # -- internals ---------------------------------------------------------------------
    def _load_services(self) -> tuple[Service, ...]:
        """The catalogue to open with. A remote desk that has cached one opens with it and
        asks the backend on the health thread, which starts at once: a slow or silent
        backend must not keep the window from opening for its timeouts. Otherwise it is
        asked now (the embedded engine answers in-process)."""
        if self.config.backend is BackendKind.REMOTE:
            cached = _read_catalogue(self._catalogue)
            if cached:
                return cached
        try:
            services = plain_catalogue(self._eligibility.services())
        except AppError as exc:
            log.warning("no service catalogue from the backend (%s); using the last one", exc)
            return _read_catalogue(self._catalogue)
        _write_catalogue(self._catalogue, services)
        self._catalogue_fresh = True
        return services

    def _verdict_catalogue(self) -> tuple[Service, ...] | None:
        """What an advice is checked against (bc-net thread): the catalogue, fetched now if
        the desk only has the cached one or none; None when no catalogue is known at all."""
        self._refresh_services()
        return self.services or None

    def _refresh_services(self) -> None:
        """The backend answers again: fetch the catalogue the desk started without (or with
        only the cached one), so staff get the outcomes to decide with, without a restart."""
        with self._catalogue_lock:
            if self._catalogue_fresh:
                return
            try:
                services = plain_catalogue(self._eligibility.services())
            except AppError as exc:
                log.info("service catalogue still not available: %s", exc.problem.value)
                return
            _write_catalogue(self._catalogue, services)
            self._catalogue_fresh = True
            self.services = services
        self._publish_status(catalogue=self._status.catalogue + 1)

    def _record_outcome(self, state: DeskState) -> None:
        """Audit what was shown: an advice (pseudonym only) or a problem (no personal data).

        Once per transaction and phase: a later snapshot of the same screen (e.g. the reader
        state changing under a verdict) is not a second showing.
        """
        shown = (state.transaction, state.phase)
        if shown == self._last_shown:
            return
        self._last_shown = shown
        number = self.workflow.current_number(state.transaction)
        if state.phase is Phase.VERDICT and state.advice is not None and state.channel:
            self._submit_record(
                self._recorder.record_advice_shown, state.advice, state.channel, number
            )
        elif state.phase is Phase.PROBLEM and state.problem is not None:
            self._submit_record(
                self._recorder.record_problem, state.problem, state.service, state.channel
            )

    def _submit_record(self, call: Callable[..., object], *args: object) -> None:
        future = self._executors.store.submit(call, *args)
        future.add_done_callback(_log_failure)
        self._recount()

    # -- backend state from every result, today's tally ----------------------------------
    def _note_backend(self, state: DeskState) -> None:
        """Every advice result says whether the backend answers, sooner than the periodic
        check: a verdict means it does, a problem of reaching it means it does not."""
        backend: BackendState | None = None
        if state.phase is Phase.VERDICT and state.advice is not None:
            backend = BackendState.OK
        elif state.phase is Phase.PROBLEM and state.problem in UNREACHABLE_PROBLEMS:
            backend = BackendState.UNREACHABLE
        if backend is not None:
            self._backend_noted += 1  # fresher than a health check under way
            if backend is not self._status.backend:
                self._publish_status(backend=backend)

    def _recount(self) -> None:
        """Today's tally, counted on the store thread after the records before it."""
        try:
            future = self._executors.store.submit(count_today, self._audit, self.config.desk.id)
        except RuntimeError:  # shutting down
            return
        future.add_done_callback(self._tallied)

    def _tallied(self, future: Future[DayTally]) -> None:
        if future.cancelled() or future.exception() is not None:
            log.warning("today's tally not counted")
            return
        tally = future.result()
        if tally != self._status.tally:
            self._publish_status(tally=tally)

    def _outbox_changed(self, state: OutboxState) -> None:
        self._publish_status(pending=state.pending, rejected=state.rejected)

    def _watch_health(self) -> None:
        while not self._stop.is_set():
            mode = self._status.backend_mode
            noted = self._backend_noted
            try:
                health = self._eligibility.health()
            except AppError:
                backend = BackendState.UNREACHABLE
            else:
                ok = health.status is HealthStatus.OK
                backend = BackendState.OK if ok else BackendState.DEGRADED
                mode = health.mode
                self._refresh_services()
            outbox = self._outbox.state()
            if noted != self._backend_noted:  # an advice result came meanwhile: it stands
                backend = self._status.backend
            self._publish_status(
                backend=backend,
                backend_mode=mode,
                pending=outbox.pending,
                rejected=outbox.rejected,
            )
            self._stop.wait(HEALTH_EVERY_S)

    def _publish_status(self, **changes: object) -> None:
        # The health thread, the outbox and bc-net publish: one at a time, or one's change
        # (e.g. the backend's mode) can be lost under another's stale copy.
        with self._status_lock:
            self._status = replace(self._status, **changes)  # type: ignore[arg-type]
            for callback in list(self._status_subscribers):
                callback(self._status)


def _read_catalogue(path: Path) -> tuple[Service, ...]:
    try:
        return plain_catalogue(ServicesResponse.model_validate_json(path.read_bytes()).services)
    except (OSError, ValueError, AppError):
        return ()


def _write_catalogue(path: Path, services: tuple[Service, ...]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ServicesResponse(services=services).model_dump_json(), encoding="utf-8")
    except OSError as exc:
        log.warning("service catalogue not cached: %s", exc)


def _log_failure(future: Future[object]) -> None:
    exc = future.exception()
    if exc is not None:
        log.error("audit record not written: %s", exc)
