# SPDX-License-Identifier: EUPL-1.2
"""DeskWorkflow: the desk's state machine. The UI only presents its snapshots.

waiting → reading → asking → verdict | problem → waiting (card out, Esc, or the privacy
timeout). Every card or typed number starts a transaction; a result whose transaction is
no longer current is dropped, so a swapped card never shows the previous person's verdict.
Methods return at once; HTTP runs on the bc-net pool. Every advice passes the verdict
check (app.eligibility.verdicts) against the catalogue before it is shown; a failed check
is a problem. Subscribers are called on whichever thread changed the state.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import replace
from typing import TYPE_CHECKING

from app.desk.state import DeskState, Phase, ReaderState
from app.eligibility.port import AdviceQuery
from app.eligibility.verdicts import check_verdict
from app.eligibility.wire import Channel
from app.problems import AppError, Problem, problem_for_fault

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from concurrent.futures import Executor, Future

    from app.eligibility.port import EligibilityPort
    from app.eligibility.wire import Advice, Service

    Catalogue = Callable[[], Iterable[Service] | None]
    from eid.errors import CardFault
    from eid.insz import NationalNumber

log = logging.getLogger(__name__)


class DeskWorkflow:
    """One desk: one service at a time, one transaction at a time."""

    def __init__(  # noqa: PLR0913 - the composition root passes each part by name
        self,
        *,
        eligibility: EligibilityPort,
        net: Executor,
        service: str,
        desk_id: str,
        privacy_timeout_s: float = 60.0,
        show_masked_number: bool = False,
        catalogue: Catalogue,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``catalogue``: the backend's services to check each advice against (called on
        the bc-net thread); None means the outcomes are unknown, so no advice is shown."""
        self._eligibility = eligibility
        self._catalogue = catalogue
        self._net = net
        self._desk_id = desk_id
        self._timeout = privacy_timeout_s
        self._show_masked = show_masked_number
        self._clock = clock
        self._lock = threading.RLock()
        self._subscribers: list[Callable[[DeskState], None]] = []
        self._state = DeskState(Phase.WAITING, 0, service)
        self._number: NationalNumber | None = None
        # The reader of the current card transaction: taking a card out of another reader
        # (a desk with two) must not clear this person's screen.
        self._card_reader: str | None = None
        self._touched = clock()
        self._holds = 0
        self._cards_in: set[str] = set()  # readers holding a card now
        self._reread: Callable[[str], None] | None = None  # the card thread's "read again"

    # -- observing ---------------------------------------------------------------------
    @property
    def state(self) -> DeskState:
        return self._state

    def subscribe(self, callback: Callable[[DeskState], None]) -> None:
        self._subscribers.append(callback)
        callback(self._state)

    def current_number(self, transaction: int) -> NationalNumber | None:
        """The number of the current transaction (for a manual decision), else None."""
        with self._lock:
            return self._number if transaction == self._state.transaction else None

    # -- card thread -------------------------------------------------------------------
    def card_inserted(self, reader: str) -> int:
        log.debug("card inserted in %s", reader)
        with self._lock:
            self._cards_in.add(reader)
            transaction = self._begin(Phase.READING, Channel.CARD)
            self._card_reader = reader
            return transaction

    def card_read(self, transaction: int, number: NationalNumber) -> None:
        with self._lock:
            if transaction != self._state.transaction:
                return
        self._ask(transaction, number)

    def card_failed(self, transaction: int, fault: CardFault) -> None:
        self._finish(transaction, problem=problem_for_fault(fault))

    def card_removed(self, reader: str) -> None:
        """The citizen took their card: clear, unless the screen is about a card in another
        reader (then this was someone else's card)."""
        with self._lock:
            self._cards_in.discard(reader)
            other = self._state.channel is Channel.CARD and self._card_reader not in (None, reader)
            if other:
                log.debug("card removed from %s; the screen is about another reader", reader)
                if self._state.card_in_reader is not bool(self._cards_in):
                    self._publish(self._state, touch=False)
                return
            log.debug("card removed from %s", reader)
            self._reset()

    def reader_state_changed(self, reader_state: ReaderState) -> None:
        with self._lock:
            if reader_state is not self._state.reader_state:
                # Not staff activity: the privacy timeout keeps running.
                self._publish(replace(self._state, reader_state=reader_state), touch=False)

    def tick(self) -> None:
        """Clear a verdict or problem nobody touched for the privacy timeout."""
        with self._lock:
            if self._holds:
                return
            settled = self._state.phase in (Phase.VERDICT, Phase.PROBLEM)
            if settled and self._clock() - self._touched >= self._timeout:
                log.info("privacy timeout: screen cleared")
                self._reset()

    # -- staff -------------------------------------------------------------------------
    def hold(self) -> None:
        """Staff are working on this screen (a dialog is open): no privacy timeout until
        ``release``. Taking the card out or Esc still clears it."""
        with self._lock:
            self._holds += 1

    def release(self) -> None:
        with self._lock:
            self._holds = max(0, self._holds - 1)
            self._touched = self._clock()

    def enter_manually(self, number: NationalNumber) -> int:
        transaction = self._begin(Phase.ASKING, Channel.MANUAL)
        self._ask(transaction, number)
        return transaction

    def switch_service(self, service: str) -> None:
        """Another service; the citizen still at the desk is asked for again (see
        ``recheck``): a card still in the reader is read again, a typed number asked again."""
        with self._lock:
            again = self._number if self._state.channel is Channel.MANUAL else None
            self._number = None
            self._publish(
                DeskState(
                    Phase.WAITING,
                    self._state.transaction + 1,
                    service,
                    reader_state=self._state.reader_state,
                )
            )
            if again is not None:
                self._ask_again(again)
                return
        self.recheck()

    def clear(self) -> None:
        """Back to waiting; any result still under way is dropped."""
        with self._lock:
            self._reset()

    # -- re-check (F5) and the privacy countdown -----------------------------------------
    def attach_reread(self, reread: Callable[[str], None]) -> None:
        """The card thread's way to read the card in a reader again (app.desk.card_loop)."""
        self._reread = reread

    def can_recheck(self) -> bool:
        """Whether "Opnieuw controleren" can do something now: nothing under way, and a
        typed number of this transaction or a card in a reader to ask for again."""
        with self._lock:
            if self._state.phase in (Phase.READING, Phase.ASKING):
                return False
            typed = self._number is not None and self._state.channel is Channel.MANUAL
            return typed or (bool(self._cards_in) and self._reread is not None)

    def recheck(self) -> bool:
        """Ask again for the citizen at the desk: the typed number of the transaction on
        screen (it is never kept beyond it), else the card still in the reader (after Esc,
        the privacy timeout, an outage or a service switch). False when there is nothing."""
        with self._lock:
            if not self.can_recheck():
                return False
            if self._number is not None and self._state.channel is Channel.MANUAL:
                self._ask_again(self._number)
                return True
            reader = self._card_reader if self._card_reader in self._cards_in else None
            reader = reader or sorted(self._cards_in)[0]
            reread = self._reread
        assert reread is not None
        log.debug("re-check: the card in %s is read again", reader)
        reread(reader)
        return True

    def seconds_to_clear(self) -> float | None:
        """Seconds until the privacy timeout clears the verdict or problem on screen; None
        when nothing would be cleared (waiting, busy, or staff hold it in a dialog)."""
        with self._lock:
            if self._holds or self._state.phase not in (Phase.VERDICT, Phase.PROBLEM):
                return None
            return max(0.0, self._timeout - (self._clock() - self._touched))

    def _ask_again(self, number: NationalNumber) -> None:
        transaction = self._begin(Phase.ASKING, Channel.MANUAL)
        self._ask(transaction, number)

    # -- internals ---------------------------------------------------------------------
    def _begin(self, phase: Phase, channel: Channel) -> int:
        with self._lock:
            self._number = None
            self._card_reader = None
            state = DeskState(
                phase,
                self._state.transaction + 1,
                self._state.service,
                channel=channel,
                reader_state=self._state.reader_state,
            )
            self._publish(state)
            return state.transaction

    def _ask(self, transaction: int, number: NationalNumber) -> None:
        with self._lock:
            self._number = number
            masked = number.masked if self._show_masked else None
            self._publish(replace(self._state, phase=Phase.ASKING, masked_number=masked))
            query = AdviceQuery(
                self._state.service, number, self._desk_id, self._state.channel or Channel.CARD
            )
        future = self._net.submit(self._eligibility.advise, query)
        future.add_done_callback(lambda done: self._advised(transaction, query.service, done))

    def _advised(self, transaction: int, service: str, future: Future[Advice]) -> None:
        try:
            advice = check_verdict(future.result(), self._catalogue(), service=service)
        except AppError as exc:
            log.info("no advice: %s", exc.problem.value)
            self._finish(transaction, problem=exc.problem)
        except Exception:  # noqa: BLE001 - never a verdict from an unknown failure
            log.exception("advice call failed unexpectedly")
            self._finish(transaction, problem=Problem.BACKEND_BAD_RESPONSE)
        else:
            self._finish(transaction, advice=advice)

    def _finish(
        self, transaction: int, *, advice: Advice | None = None, problem: Problem | None = None
    ) -> None:
        with self._lock:
            if transaction != self._state.transaction:
                log.debug("dropped a result of an earlier transaction")
                return
            phase = Phase.VERDICT if advice is not None else Phase.PROBLEM
            self._publish(replace(self._state, phase=phase, advice=advice, problem=problem))

    def _reset(self) -> None:
        self._number = None
        self._card_reader = None
        self._publish(
            DeskState(
                Phase.WAITING,
                self._state.transaction + 1,
                self._state.service,
                reader_state=self._state.reader_state,
            )
        )

    def _publish(self, state: DeskState, *, touch: bool = True) -> None:
        card_in = bool(self._cards_in)
        if state.card_in_reader is not card_in:
            state = replace(state, card_in_reader=card_in)
        self._state = state
        if touch:
            self._touched = self._clock()
        for callback in list(self._subscribers):
            callback(state)
