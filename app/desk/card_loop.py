# SPDX-License-Identifier: EUPL-1.2
"""The card thread (bc-eid): waits for reader events and reads each inserted card there.

No card I/O happens anywhere else. A dead PC/SC service is reported and retried, never a
silently finished thread; neither is a failure nobody foresaw (a bug, a driver raising
something odd): that card gets a "card unreadable" problem, the error is logged masked,
and the loop waits for the next card.
"""

from __future__ import annotations

import logging
import threading
import traceback
from typing import TYPE_CHECKING

from app.desk.state import ReaderState
from app.logsafe import redact
from app.threads import CARD_THREAD
from eid.errors import CardFault, EidError
from eid.reader import EventKind

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.desk.workflow import DeskWorkflow
    from eid.insz import NationalNumber
    from eid.reader import CardReader, ReaderEvent

    ReadNumber = Callable[[CardReader, str], NationalNumber]

log = logging.getLogger(__name__)

POLL_S = 0.5  # how often the loop wakes to tick the privacy timeout and check for stop
RETRY_S = 1.0  # pause before asking a dead PC/SC service again


class CardLoop:
    """Runs ``reader`` for ``workflow`` on one thread until stopped."""

    def __init__(
        self,
        reader: CardReader,
        workflow: DeskWorkflow,
        read_number: ReadNumber,
        *,
        only_reader: str | None = None,
    ) -> None:
        self._reader = reader
        self._workflow = workflow
        self._read_number = read_number
        self._only = only_reader
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=CARD_THREAD, daemon=True)
        self._again: list[str] = []  # readers whose card is to be read again
        self._again_lock = threading.Lock()
        workflow.attach_reread(self.read_again)

    def read_again(self, reader: str) -> None:
        """Read the card in ``reader`` again, on the card thread ("Opnieuw controleren")."""
        with self._again_lock:
            if reader not in self._again:
                self._again.append(reader)
        self._reader.cancel()  # wakes the wait at once

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop waiting (cancel the blocking wait) and join the thread."""
        self._stop.set()
        self._reader.cancel()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        self._reader.close()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                events = self._reader.wait_for_change(POLL_S)
            except EidError as exc:
                self._workflow.reader_state_changed(_reader_state(exc.fault))
                self._stop.wait(RETRY_S)
                continue
            except Exception:  # noqa: BLE001 - the card thread must outlive any failure
                _log_unexpected("waiting for reader events")
                self._workflow.reader_state_changed(ReaderState.SERVICE_DOWN)
                self._stop.wait(RETRY_S)
                continue
            for event in events:
                self._handle(event)
            self._read_requested()
            if not events:
                self._check_readers()
            self._workflow.tick()

    def _handle(self, event: ReaderEvent) -> None:
        if self._only is not None and event.reader != self._only:
            return
        if event.kind is EventKind.CARD_INSERTED:
            self._read(event.reader)
        elif event.kind is EventKind.CARD_REMOVED:
            self._workflow.card_removed(event.reader)

    def _read_requested(self) -> None:
        with self._again_lock:
            readers, self._again = self._again, []
        if not readers:
            return
        try:
            present = {s.name for s in self._reader.list_readers() if s.card_present}
        except EidError:
            present = set()
        for reader in readers:
            if reader in present:
                self._read(reader)
            else:  # taken out meanwhile: its removal event clears the screen
                log.debug("no card left in %s to read again", reader)

    def _read(self, reader: str) -> None:
        transaction = self._workflow.card_inserted(reader)
        try:
            number = self._read_number(self._reader, reader)
        except EidError as exc:
            log.info("card read failed: %s", exc.fault.value)
            self._workflow.card_failed(transaction, exc.fault)
        except Exception:  # noqa: BLE001 - one odd card must not stop the desk
            _log_unexpected("reading a card")
            self._workflow.card_failed(transaction, CardFault.CARD_UNREADABLE)
        else:
            self._workflow.card_read(transaction, number)

    def _check_readers(self) -> None:
        try:
            readers = [s.name for s in self._reader.list_readers()]
        except EidError as exc:
            self._workflow.reader_state_changed(_reader_state(exc.fault))
            return
        present = readers and (self._only is None or self._only in readers)
        self._workflow.reader_state_changed(ReaderState.READY if present else ReaderState.NO_READER)


def _reader_state(fault: CardFault) -> ReaderState:
    if fault is CardFault.PCSC_UNAVAILABLE:
        return ReaderState.SERVICE_DOWN
    if fault is CardFault.PCSC_NOT_INSTALLED:
        return ReaderState.SERVICE_MISSING
    return ReaderState.NO_READER


def _log_unexpected(where: str) -> None:
    """The traceback for IT, masked in the record itself: a message may hold card data."""
    log.error("unexpected failure %s:\n%s", where, redact(traceback.format_exc()))
